"""Reference data: this installation's office, administrative divisions with population, dictionaries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, utcnow


class Office(Base):
    """An office (区/县 or 市 civil-affairs bureau). Exactly one row has ``is_local`` = this installation."""

    __tablename__ = "office"
    __tracked__ = True  # changes are in the audit trail

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))  # district | city
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Division(Base):
    """An administrative division: city (6 digits), county (6), township (9) or community/village (12)."""

    __tablename__ = "division"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    full_name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))  # city | county | township | community
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"), index=True)
    code_official: Mapped[bool] = mapped_column(Boolean, default=True)
    invented: Mapped[bool] = mapped_column(Boolean, default=False)  # demo names, not real places
    source: Mapped[str | None] = mapped_column(Text)


class Population(Base):
    """A population figure of a division, always with its basis (户籍 household | 常住 resident) and year."""

    __tablename__ = "population"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    division_code: Mapped[str] = mapped_column(ForeignKey("division.code"))
    value: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("uq_population_division_basis_year", "division_code", "basis", "year", unique=True),)


class DictionaryEntry(Base):
    """One value of a dictionary (legal form, tier, status, category, subtype, role …)."""

    __tablename__ = "dictionary"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    label_zh: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    attributes: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
