"""User accounts of this office: who may draft, review and administer.  Local to one database, not synced."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, new_id, utcnow

ROLES = ("admin", "reviewer", "clerk")


class UserAccount(Base):
    """A person who logs in.  Disabled, never deleted, so that the audit trail's names stay meaningful."""

    __tablename__ = "user_account"
    __tracked__ = True  # every change is in the audit trail
    __history_hidden__ = ("password_hash",)  # ... without the hash itself

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16))  # admin | reviewer | clerk
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    password_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64), default=None)
