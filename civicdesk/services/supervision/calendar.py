"""The working-day calendar that credit supervision's time limits count in (removal within 5 working days).

Offers:

- :func:`is_working_day` and :func:`add_working_days` (inside the caller's session): a day is a working day
  when it is Monday to Friday and not a holiday, or a weekend day worked (调休).  The holidays and worked days
  come from the shipped national calendar (``resources/supervision/holidays.json``, one entry per year, each
  with the State Council notice it copies) and from the office's own :class:`~civicdesk.models.CalendarDay`
  rows, which win over the shipped file for their day.
- A year is **known** when the shipped file holds it or the office has at least one day of its own in it (an
  administrator enters a whole year when its notice is published).  A day of an unknown year is counted
  Monday to Friday, and the answer says so: :class:`Counted` ``estimated_years`` names the missing years, and
  :func:`estimate_note` words the note the timers show.  Nothing is counted silently as if it were known.
- :func:`list_days`, :func:`add_days` and :func:`remove_day`: an administrator's own days (permission
  ``parameters``), each with its source; a removal is a tombstone, so that it travels in sync.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import RESOURCES, clock, messages
from civicdesk.errors import CivicDeskError, InputError, NotFoundError, ValidationError
from civicdesk.models import CalendarDay
from civicdesk.services.supervision import common
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import check_text, parse_date

HOLIDAYS_FILE = RESOURCES / "supervision" / "holidays.json"
KINDS = ("holiday", "workday")
MAX_RANGE_DAYS = 366  # one call adds at most a year of days
PERMISSION = "parameters"


@dataclass(frozen=True)
class Shipped:
    """The national calendar: day -> (kind, name) and year -> its notice."""

    days: dict[date, tuple[str, str | None]]
    sources: dict[int, str]


@cache
def shipped() -> Shipped:
    """The shipped file, read once per process."""
    data = json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))
    days: dict[date, tuple[str, str | None]] = {}
    sources: dict[int, str] = {}
    for year, entry in data["years"].items():
        sources[int(year)] = entry["source"]
        for h in entry["holidays"]:
            day, end = date.fromisoformat(h["from"]), date.fromisoformat(h["to"])
            while day <= end:
                days[day] = ("holiday", h["name"])
                day += timedelta(days=1)
        for w in entry["workdays"]:
            days[date.fromisoformat(w)] = ("workday", None)
    return Shipped(days, sources)


@dataclass(frozen=True)
class Counted:
    """The day a count of working days ends on, and the years it had to count Monday to Friday."""

    day: date
    estimated_years: tuple[int, ...] = ()

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)

    def note(self, lang: str = "zh") -> str | None:
        return estimate_note(self.estimated_years, lang)


def estimate_note(years: tuple[int, ...] | list[int], lang: str = "zh") -> str | None:
    """The timers' note for a count that crossed years without a calendar (None when there are none)."""
    if not years:
        return None
    return messages.text("calendar.estimated", lang, years="、".join(str(y) for y in sorted(set(years))))


class _Calendar:
    """One office's calendar, read once for a count: its own days, and the years they make known."""

    def __init__(self, session: Session, office_code: str) -> None:
        self.own: dict[date, str] = {d: k for d, k in session.execute(
            select(CalendarDay.day, CalendarDay.kind).where(CalendarDay.office_code == office_code,
                                                            CalendarDay.deleted_at.is_(None)))}
        self.known_years = set(shipped().sources) | {d.year for d in self.own}

    def working(self, day: date) -> tuple[bool, bool]:
        """(a working day, counted as an estimate)."""
        kind = self.own.get(day)
        if kind is None:
            found = shipped().days.get(day)
            kind = found[0] if found else None
        if kind is not None:
            return kind == "workday", False
        return day.weekday() < 5, day.year not in self.known_years


def is_working_day(session: Session, office_code: str, day: date) -> Counted | None:
    """``Counted(day, …)`` when ``day`` is a working day, None when it is not; ``estimated_years`` names the
    day's year when it has no calendar (the answer then is Monday to Friday)."""
    working, estimated = _Calendar(session, office_code).working(day)
    return Counted(day, (day.year,) if estimated else ()) if working else None


def add_working_days(session: Session, office_code: str, start: date, n: int) -> Counted:
    """The ``n``-th working day after ``start`` (``start`` itself not counted; ``n`` 0: ``start``)."""
    cal = _Calendar(session, office_code)
    day, left, missing = start, n, set()
    while left > 0:
        day += timedelta(days=1)
        working, estimated = cal.working(day)
        if estimated:
            missing.add(day.year)
        if working:
            left -= 1
    return Counted(day, tuple(sorted(missing)))


def missing_years(session: Session, office_code: str, start: date, end: date) -> tuple[int, ...]:
    """The years between ``start`` and ``end`` that have no calendar here."""
    known = _Calendar(session, office_code).known_years
    return tuple(y for y in range(start.year, end.year + 1) if y not in known)


# -- an administrator's own days ------------------------------------------------------------------------------
@dataclass(frozen=True)
class DayRow:
    """One day of the calendar as the list shows it: shipped (``id`` None) or the office's own."""

    day: date
    kind: str
    name: str | None
    source: str
    own: bool
    id: str | None

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "kind": self.kind, "name": self.name, "source": self.source,
                "own": self.own, "id": self.id}


def list_days(db: Database, *, year: int | None = None) -> list[DayRow]:
    """The holidays and worked weekend days (of ``year``): the shipped ones and this office's, by day; an own
    day replaces the shipped entry of the same day."""
    code = db.office().code
    s = shipped()
    rows: dict[date, DayRow] = {}
    for day, (kind, name) in s.days.items():
        if year is None or day.year == year:
            rows[day] = DayRow(day, kind, name, s.sources.get(day.year, s.sources.get(day.year + 1, "")), False,
                               None)
    with db.read() as session:
        q = select(CalendarDay).where(CalendarDay.office_code == code, CalendarDay.deleted_at.is_(None))
        for c in session.scalars(q):
            if year is None or c.day.year == year:
                rows[c.day] = DayRow(c.day, c.kind, c.name, c.source, True, c.id)
    return [rows[d] for d in sorted(rows)]


def _guarded(db: Database, by: auth.UserInfo | None, action: str, key: str | None, work: Any) -> Any:
    return common.guarded(db, by, "calendar.refused", "calendar_day", action, key, work)


def _day(value: date | str | None, name: str) -> date:
    found = value if isinstance(value, date) else parse_date(value or "")
    if found is None:
        raise InputError("calendar.bad_date", field=name, value=str(value or "")[:40])
    return found


def add_days(db: Database, start: date | str, *, kind: str, source: str, by: auth.UserInfo | None,
             end: date | str | None = None, name: str | None = None) -> list[DayRow]:
    """This office's own ``kind`` days from ``start`` to ``end`` (one day without ``end``), with the notice
    they come from.  A worked day (``workday``) must be a Saturday or Sunday; a day this office already has is
    refused (remove it first)."""

    def work() -> list[DayRow]:
        actor = auth.require(db, by, PERMISSION)
        if kind not in KINDS:
            raise InputError("calendar.bad_kind", value=str(kind)[:20], allowed=", ".join(KINDS))
        first = _day(start, "from")
        last = _day(end, "to") if end not in (None, "") else first
        if last < first or (last - first).days >= MAX_RANGE_DAYS:
            raise InputError("calendar.bad_range", start=first.isoformat(), end=last.isoformat(),
                             max=MAX_RANGE_DAYS)
        issues = check_text(source, "source", "依据") + check_text(name, "name", "名称")
        if issues:
            raise ValidationError(issues)
        if not (source or "").strip():
            raise InputError("calendar.source_required")
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        if kind == "workday":
            weekday = next((d for d in days if d.weekday() < 5), None)
            if weekday is not None:
                raise InputError("calendar.workday_not_weekend", day=weekday.isoformat())
        code = db.office().code
        with db.unit(actor=actor) as session:
            taken = session.scalar(select(CalendarDay.day).where(
                CalendarDay.office_code == code, CalendarDay.day.in_(days), CalendarDay.deleted_at.is_(None))
                .limit(1))
            if taken is not None:
                raise CivicDeskError("calendar.day_exists", day=taken.isoformat())
            rows = [CalendarDay(office_code=code, day=d, kind=kind, name=(name or "").strip() or None,
                                source=source.strip(), origin_office=code) for d in days]
            session.add_all(rows)
            session.flush()
            return [DayRow(r.day, r.kind, r.name, r.source, True, r.id) for r in rows]

    return _guarded(db, by, "add", str(start), work)  # type: ignore[no-any-return]


def remove_day(db: Database, key: str, *, by: auth.UserInfo | None, reason: str | None = None) -> DayRow:
    """Remove one of this office's own days (``key``: its id or its date): the shipped calendar applies again."""

    def work() -> DayRow:
        actor = auth.require(db, by, PERMISSION)
        code = db.office().code
        with db.unit(actor=actor) as session:
            q = select(CalendarDay).where(CalendarDay.office_code == code, CalendarDay.deleted_at.is_(None))
            day = parse_date(key) if len(key or "") <= 10 else None
            row = session.scalars(q.where(CalendarDay.day == day) if day else q.where(CalendarDay.id == key)).first()
            if row is None:
                raise NotFoundError("calendar.not_found", key=str(key)[:40])
            row.deleted_at, row.deleted_by = clock.utcnow(), actor
            row.deleted_reason = (reason or "").strip() or None
            return DayRow(row.day, row.kind, row.name, row.source, True, row.id)

    return _guarded(db, by, "remove", key, work)  # type: ignore[no-any-return]
