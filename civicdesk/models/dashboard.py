"""The dashboard's cache (local, never synced): each tile set and series the dashboard computed, with the version of
the data it was computed from (:func:`civicdesk.services.dashboard.data_version`), so that the window paints the
figures at once and computes them again only when the data changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, utcnow


class DashboardCache(Base):
    """One computed part of the dashboard: ``tiles`` or a series key."""

    __tablename__ = "dashboard_cache"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    data_version: Mapped[str] = mapped_column(String(200))
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
