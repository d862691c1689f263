"""Volunteer service (志愿服务, docs/DOMAIN.md "Cultivation"): the volunteers of a team, the hours they serve at its
activities, the office's points scheme (志愿积分) and awards (表彰奖励).

The teams are community organizations of this office's register with ``community_subtype`` ``volunteer_team``
(志愿服务队); another kind is refused (``volunteer.wrong_kind``).  《志愿服务条例》第十九条 asks the team to record
each volunteer's service truthfully: these rows are that record.

Offers:

- :func:`list_teams`: this office's teams with their volunteers, activities and hours (from the local tally).
- :func:`add_volunteer`, :func:`leave`, :func:`list_volunteers` (phones masked unless ``reveal``: the
  ``reveal_ids`` right, the reveal audited), :func:`show_volunteer` (hours and points per activity, awards, the
  award thresholds reached).
- :func:`record_activity`: a team's activity on a day (not in the future) with each volunteer's hours: above zero,
  at most two decimals, and a volunteer's hours of one day (over all activities) at most the parameter
  ``cultivation.max_hours_per_day``; each volunteer a member of the team on that day.
- :func:`set_scheme` / :func:`scheme_in_force` / :func:`list_schemes`: the points scheme as data (``rules``:
  ``per_hour`` points for an hour, ``max_hours_per_day`` the hours of a day that earn points, ``awards`` the
  thresholds); a new scheme starts after the last one, which ends the day before.  A volunteer's points are
  computed from the hours under the scheme valid on each activity's day (no scheme: no points).
- :func:`award`: an award to a volunteer or a team, with the points redeemed for it (a volunteer's only, at most
  the points held: earned less redeemed).

Each kind of row has one check (:func:`check_volunteer`, :func:`check_activity`, :func:`check_hours`,
:func:`check_scheme`, :func:`check_award`), used here and by the sync import for an arriving row
(services/supervision/arrivals.py).  Every refusal is audited (``volunteer.refused``) and writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import CivicDeskError, InputError, NotFoundError, ValidationError
from civicdesk.models import (CultivationTally, Organization, PointsScheme, Volunteer, VolunteerActivity,
                              VolunteerAward, VolunteerHours)
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import mask_phone, validate_phone
from civicdesk.services.cultivation import community, tally
from civicdesk.services.supervision import enforcement
from civicdesk.services.supervision.parameters import defaults, value_in
from civicdesk.services.supervision.common import check_shown

ENTITY = "volunteer"
SUBTYPE = "volunteer_team"
MAX_HOURS_KEY = "cultivation.max_hours_per_day"
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_PER_HOUR = Decimal(1000)
MAX_AWARD_POINTS = 10_000_000


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


# -- the checks of one row (a clerk's entry and an arriving row) ----------------------------------------------------
def _decimal(value: Any, name: str, code: str, *, top: Decimal, **params: Any) -> Decimal:
    """A number above zero, at most ``top``, with at most two decimals."""
    try:
        d = Decimal(str(value).strip()) if value is not None and not isinstance(value, bool) else None
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite() or d <= 0 or d > top or d != d.quantize(CENT):
        raise InputError(code, field=name, value=str(value)[:40], max=str(top), **params)
    return d.quantize(CENT)


def hard_max_hours() -> int:
    """The most hours of a day any office may allow (the parameter's bound): what an arriving row is held to."""
    bound = defaults()[MAX_HOURS_KEY].max
    return int(bound if bound is not None else 24)


def check_hours(row: dict[str, Any], max_hours: int | None = None) -> Decimal:
    """The hours of a volunteer at an activity: above zero, two decimals, at most ``max_hours``."""
    top = Decimal(max_hours if max_hours is not None else hard_max_hours())
    return _decimal(row.get("hours"), "hours", "volunteer.bad_hours", top=top)


def check_volunteer(row: dict[str, Any]) -> dict[str, Any]:
    name = community.text(row.get("name"), "name", required=True)
    phone = community.text(row.get("phone"), "phone")
    if phone is not None:
        issues = validate_phone(phone, "phone")
        if issues:
            raise ValidationError(issues)
    joined = community.day(row.get("joined_on"), "joined_on")
    left = community.day(row.get("left_on"), "left_on", required=False)
    if left is not None and joined is not None and left < joined:
        raise InputError("volunteer.left_before_joined", field="left_on", value=left.isoformat(),
                         joined=joined.isoformat())
    return {"name": name, "phone": phone, "joined_on": joined, "left_on": left}


def check_member(volunteer: dict[str, Any], team_id: str, day: date, team_name: str) -> None:
    """Hours of ``volunteer`` (a row: id, name, team_id, joined_on, left_on as dates) at an activity of ``team_id``
    on ``day``: a volunteer of that team, a member on that day (an activity's form, and hours arriving in sync)."""
    if volunteer.get("team_id") != team_id:
        raise CivicDeskError("volunteer.other_team", key=volunteer.get("id"), name=volunteer.get("name"),
                             team=team_name)
    joined, left = volunteer.get("joined_on"), volunteer.get("left_on")
    if joined is None or joined > day or (left is not None and left < day):
        raise CivicDeskError("volunteer.not_member_on", key=volunteer.get("id"), name=volunteer.get("name"),
                             day=day.isoformat())


def check_activity(row: dict[str, Any]) -> dict[str, Any]:
    return {"held_on": community.day(row.get("held_on"), "held_on"),
            "title": community.text(row.get("title"), "title", required=True),
            "place": community.text(row.get("place"), "place")}


def check_rules(rules: Any) -> dict[str, Any]:
    """A scheme's rules: ``per_hour`` (> 0), optionally ``max_hours_per_day`` (1 to the parameter's bound) and
    ``awards`` (``points`` whole and rising, each with its ``zh`` and ``en`` title)."""
    def bad(part: str, value: Any) -> InputError:
        return InputError("volunteer.bad_rules", field="rules", part=part, value=str(value)[:60])

    if not isinstance(rules, dict):
        raise bad("rules", rules)
    unknown = set(rules) - {"per_hour", "max_hours_per_day", "awards"}
    if unknown:
        raise bad(sorted(unknown)[0], rules[sorted(unknown)[0]])
    try:
        per_hour = _decimal(rules.get("per_hour"), "per_hour", "volunteer.bad_rules", top=MAX_PER_HOUR)
    except InputError:
        raise bad("per_hour", rules.get("per_hour")) from None
    out: dict[str, Any] = {"per_hour": int(per_hour) if per_hour == per_hour.to_integral() else str(per_hour)}
    if rules.get("max_hours_per_day") is not None:
        try:
            out["max_hours_per_day"] = community.count(rules["max_hours_per_day"], "max_hours_per_day", minimum=1,
                                                       maximum=hard_max_hours(), code="volunteer.bad_rules")
        except InputError:
            raise bad("max_hours_per_day", rules["max_hours_per_day"]) from None
    awards = rules.get("awards", [])
    if not isinstance(awards, list):
        raise bad("awards", awards)
    out["awards"] = []
    for a in awards:
        points = a.get("points") if isinstance(a, dict) else None
        whole = isinstance(points, int) and not isinstance(points, bool) and 0 < points <= MAX_AWARD_POINTS
        titles = isinstance(a, dict) and all(isinstance(a.get(k), str) and a[k].strip() for k in ("zh", "en"))
        if not whole or not titles or (out["awards"] and points <= out["awards"][-1]["points"]):
            raise bad("awards", a)
        out["awards"].append({"points": points, "zh": a["zh"].strip(), "en": a["en"].strip()})
    return out


def check_scheme(row: dict[str, Any]) -> dict[str, Any]:
    start = enforcement.day(row.get("valid_from"), "valid_from", future=True)
    end = enforcement.day(row.get("valid_to"), "valid_to", required=False, future=True)
    if end is not None and start is not None and end < start:
        raise InputError("volunteer.scheme_dates", field="valid_to", value=end.isoformat(), start=start.isoformat())
    return {"name": community.text(row.get("name"), "name", required=True), "valid_from": start, "valid_to": end,
            "rules": check_rules(row.get("rules")),
            "source": community.text(row.get("source"), "source", required=True, multiline=True)}


def check_award(row: dict[str, Any]) -> dict[str, Any]:
    volunteer, team = row.get("volunteer_id") or None, row.get("team_id") or None
    if (volunteer is None) == (team is None):
        raise InputError("volunteer.award_one", field="volunteer_id", value=volunteer or team or "")
    points = row.get("points")
    if points is not None:
        if volunteer is None:
            raise InputError("volunteer.award_team_points", field="points", value=str(points))
        points = community.count(points, "points", minimum=1, maximum=MAX_AWARD_POINTS, code="volunteer.bad_points")
    return {"volunteer_id": volunteer, "team_id": team,
            "title": community.text(row.get("title"), "title", required=True),
            "awarded_by": community.text(row.get("awarded_by"), "awarded_by", required=True),
            "awarded_on": community.day(row.get("awarded_on"), "awarded_on"), "points": points}


# -- what callers see -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VolunteerInfo:
    id: str
    team_id: str
    team_name: str
    office_code: str
    name: str
    phone: str | None
    joined_on: date
    left_on: date | None
    hours: Decimal
    entered_by: str
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "team_id": self.team_id, "team_name": self.team_name, "office_code": self.office_code,
                "name": self.name, "phone": self.phone, "joined_on": iso(self.joined_on),
                "left_on": iso(self.left_on), "hours": str(self.hours), "entered_by": self.entered_by}


@dataclass(frozen=True)
class ActivityInfo:
    id: str
    team_id: str
    team_name: str
    held_on: date
    title: str
    place: str | None
    hours: tuple[tuple[str, str, Decimal], ...]  # (volunteer id, name, hours)
    entered_by: str

    @property
    def total_hours(self) -> Decimal:
        return sum((h for _, _, h in self.hours), ZERO)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "team_id": self.team_id, "team_name": self.team_name, "held_on": iso(self.held_on),
                "title": self.title, "place": self.place, "total_hours": str(self.total_hours),
                "hours": [{"volunteer_id": v, "name": n, "hours": str(h)} for v, n, h in self.hours],
                "entered_by": self.entered_by}


@dataclass(frozen=True)
class SchemeInfo:
    id: str
    office_code: str
    name: str
    valid_from: date
    valid_to: date | None
    rules: dict[str, Any]
    source: str
    entered_by: str

    def per_hour(self) -> Decimal:
        return Decimal(str(self.rules.get("per_hour", 0)))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "office_code": self.office_code, "name": self.name,
                "valid_from": iso(self.valid_from), "valid_to": iso(self.valid_to), "rules": self.rules,
                "source": self.source, "entered_by": self.entered_by}


@dataclass(frozen=True)
class AwardInfo:
    id: str
    volunteer_id: str | None
    team_id: str | None
    recipient: str
    title: str
    awarded_by: str
    awarded_on: date
    points: int | None
    entered_by: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "volunteer_id": self.volunteer_id, "team_id": self.team_id,
                "recipient": self.recipient, "title": self.title, "awarded_by": self.awarded_by,
                "awarded_on": iso(self.awarded_on), "points": self.points, "entered_by": self.entered_by}


@dataclass(frozen=True)
class ServedLine:
    """One activity a volunteer served at: the hours, and the points they earned under the day's scheme."""

    activity_id: str
    held_on: date
    title: str
    hours: Decimal
    points: Decimal
    scheme_id: str | None

    def to_json(self) -> dict[str, Any]:
        return {"activity_id": self.activity_id, "held_on": iso(self.held_on), "title": self.title,
                "hours": str(self.hours), "points": str(self.points), "scheme_id": self.scheme_id}


@dataclass(frozen=True)
class VolunteerRecord:
    """:func:`show_volunteer`: the volunteer, each activity served, totals, awards and thresholds reached."""

    volunteer: VolunteerInfo
    served: tuple[ServedLine, ...]
    awards: tuple[AwardInfo, ...]
    thresholds: tuple[dict[str, Any], ...] = field(default=())

    @property
    def hours(self) -> Decimal:
        return sum((s.hours for s in self.served), ZERO)

    @property
    def points(self) -> Decimal:
        return sum((s.points for s in self.served), ZERO)

    @property
    def redeemed(self) -> int:
        return sum(a.points or 0 for a in self.awards)

    @property
    def balance(self) -> Decimal:
        return self.points - self.redeemed

    def to_json(self) -> dict[str, Any]:
        return {**self.volunteer.to_json(), "hours": str(self.hours), "points": str(self.points),
                "redeemed": self.redeemed, "balance": str(self.balance),
                "served": [s.to_json() for s in self.served], "awards": [a.to_json() for a in self.awards],
                "thresholds": list(self.thresholds)}


@dataclass(frozen=True)
class TeamTotals:
    """A volunteer team with its volunteers (not left), activities and hours (the local tally)."""

    id: str
    name: str
    division_code: str | None
    status: str
    volunteers: int
    activities: int
    hours: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "division_code": self.division_code, "status": self.status,
                "volunteers": self.volunteers, "activities": self.activities, "hours": str(self.hours)}


# -- reading --------------------------------------------------------------------------------------------------------
def _team(session: Session, key: str | None, office_code: str | None) -> Organization:
    return community.community_org(session, key, SUBTYPE, office_code, "volunteer.team")


def _find(session: Session, key: str | None) -> Volunteer:
    v = session.get(Volunteer, (key or "").strip()) if isinstance(key, str) else None
    if v is None or v.deleted_at is not None:
        raise NotFoundError("volunteer.not_found", key=key)
    return v


def _info(session: Session, v: Volunteer, hours: Decimal, reveal: bool) -> VolunteerInfo:
    team = session.get(Organization, v.team_id)
    return VolunteerInfo(v.id, v.team_id, team.name if team else "", v.office_code, v.name,
                         v.phone if reveal else mask_phone(v.phone), v.joined_on, v.left_on, hours, v.entered_by,
                         v.version)


def _reveal(db: Database, by: auth.UserInfo | None, entity_id: str) -> None:
    """Check ``reveal_ids`` (refused and audited otherwise); the reveal itself is audited by the caller."""
    community.guarded(db, by, ENTITY, "reveal", entity_id, lambda: auth.require(db, by, "reveal_ids"))


def _revealed(db: Database, by: auth.UserInfo | None, entity_id: str) -> None:
    audit.record_event(db, "data.revealed", actor=by.username if by is not None else None, entity=ENTITY,
                       entity_id=entity_id)


def list_volunteers(db: Database, team: str, *, include_left: bool = False, reveal: bool = False,
                    by: auth.UserInfo | None = None) -> list[VolunteerInfo]:
    """The volunteers of ``team`` by name (those who left too with ``include_left``), with their hours."""
    if reveal:
        _reveal(db, by, team)

    def work() -> tuple[str, list[VolunteerInfo]]:
        with db.read() as session:
            org = _team(session, team, community.reading(db))
            q = select(Volunteer).where(Volunteer.team_id == org.id, Volunteer.deleted_at.is_(None))
            if not include_left:
                q = q.where(Volunteer.left_on.is_(None))
            hours = _hours_by_volunteer(session, org.id)
            return org.id, [_info(session, v, hours.get(v.id, ZERO), reveal)
                            for v in session.scalars(q.order_by(Volunteer.name, Volunteer.id))]

    team_id, out = community.guarded(db, by, ENTITY, "list", team, work)
    if reveal:
        _revealed(db, by, team_id)
    return out


def list_teams(db: Database, *, all_statuses: bool = False) -> list[TeamTotals]:
    """This office's volunteer teams (at the city every office's; those that exist; every one with
    ``all_statuses``) by division and name."""
    with db.read() as session:
        q = (select(Organization, CultivationTally)
             .outerjoin(CultivationTally, CultivationTally.organization_id == Organization.id)
             .where(Organization.deleted_at.is_(None), Organization.is_community.is_(True),
                    Organization.community_subtype == SUBTYPE))
        office = community.reading(db)
        if office is not None:  # at the city: every office's
            q = q.where(func.substr(Organization.registry_code, 1, 6) == office)
        if not all_statuses:
            q = q.where(Organization.status.in_(LIVE_STATUSES))
        return [TeamTotals(o.id, o.name, o.division_code, o.status, t.volunteers if t else 0,
                           t.activities if t else 0, Decimal(str(t.hours if t else 0)).quantize(CENT))
                for o, t in session.execute(q.order_by(Organization.division_code, Organization.name))]


def _hours_by_volunteer(session: Session, team_id: str) -> dict[str, Decimal]:
    rows = session.execute(
        select(VolunteerHours.volunteer_id, func.sum(VolunteerHours.hours))
        .join(VolunteerActivity, VolunteerActivity.id == VolunteerHours.activity_id)
        .where(VolunteerActivity.team_id == team_id, VolunteerActivity.deleted_at.is_(None),
               VolunteerHours.deleted_at.is_(None))
        .group_by(VolunteerHours.volunteer_id))
    return {v: Decimal(str(h)).quantize(CENT) for v, h in rows}


def _schemes(session: Session, office_code: str) -> list[PointsScheme]:
    return list(session.scalars(select(PointsScheme).where(PointsScheme.office_code == office_code,
                                                           PointsScheme.deleted_at.is_(None))
                                .order_by(PointsScheme.valid_from)))


def _scheme_on(schemes: list[PointsScheme], day: date) -> PointsScheme | None:
    found = None
    for s in schemes:
        if s.valid_from <= day and (s.valid_to is None or day <= s.valid_to):
            found = s
    return found


def _scheme_info(s: PointsScheme) -> SchemeInfo:
    return SchemeInfo(s.id, s.office_code, s.name, s.valid_from, s.valid_to, dict(s.rules or {}), s.source,
                      s.entered_by)


def _served(session: Session, v: Volunteer) -> list[ServedLine]:
    """Each activity ``v`` served at, with the points of its hours: a day's hours earn points up to the day's
    scheme's ``max_hours_per_day``, counted in the order of the activities of that day."""
    schemes = _schemes(session, v.office_code)
    rows = session.execute(
        select(VolunteerActivity.id, VolunteerActivity.held_on, VolunteerActivity.title, VolunteerHours.hours)
        .join(VolunteerActivity, VolunteerActivity.id == VolunteerHours.activity_id)
        .where(VolunteerHours.volunteer_id == v.id, VolunteerHours.deleted_at.is_(None),
               VolunteerActivity.deleted_at.is_(None))
        .order_by(VolunteerActivity.held_on, VolunteerActivity.created_at, VolunteerActivity.id)).all()
    counted: dict[date, Decimal] = defaultdict(Decimal)
    out = []
    for activity_id, held_on, title, hours in rows:
        hours = Decimal(str(hours)).quantize(CENT)
        scheme = _scheme_on(schemes, held_on)
        points = ZERO
        if scheme is not None:
            cap = scheme.rules.get("max_hours_per_day")
            earning = hours if cap is None else max(ZERO, min(hours, Decimal(cap) - counted[held_on]))
            counted[held_on] += earning
            points = (earning * Decimal(str(scheme.rules.get("per_hour", 0)))).quantize(CENT)
        out.append(ServedLine(activity_id, held_on, title, hours, points, scheme.id if scheme else None))
    return out


def _award_info(session: Session, a: VolunteerAward) -> AwardInfo:
    if a.volunteer_id is not None:
        person = session.get(Volunteer, a.volunteer_id)
        recipient = person.name if person else ""
    else:
        org = session.get(Organization, a.team_id)
        recipient = org.name if org else ""
    return AwardInfo(a.id, a.volunteer_id, a.team_id, recipient, a.title, a.awarded_by, a.awarded_on, a.points,
                     a.entered_by)


def _record(session: Session, v: Volunteer, reveal: bool) -> VolunteerRecord:
    served = _served(session, v)
    awards = tuple(_award_info(session, a) for a in session.scalars(
        select(VolunteerAward).where(VolunteerAward.volunteer_id == v.id, VolunteerAward.deleted_at.is_(None))
        .order_by(VolunteerAward.awarded_on, VolunteerAward.id)))
    info = _info(session, v, sum((s.hours for s in served), ZERO), reveal)
    earned = sum((s.points for s in served), ZERO)
    current = _scheme_on(_schemes(session, v.office_code), clock.today())
    reached = tuple(a for a in (current.rules.get("awards", []) if current else []) if earned >= a["points"])
    return VolunteerRecord(info, tuple(served), awards, reached)


def show_volunteer(db: Database, key: str, *, reveal: bool = False,
                   by: auth.UserInfo | None = None) -> VolunteerRecord:
    """A volunteer with every activity served (hours, points), awards, points held and thresholds reached."""
    if reveal:
        _reveal(db, by, key)
    with db.read() as session:
        record = _record(session, _find(session, key), reveal)
    if reveal:
        _revealed(db, by, record.volunteer.id)
    return record


def list_activities(db: Database, team: str, *, year: int | None = None) -> list[ActivityInfo]:
    """A team's activities, the latest first, with each volunteer's hours."""
    with db.read() as session:
        org = _team(session, team, db.office().code)
        q = select(VolunteerActivity).where(VolunteerActivity.team_id == org.id,
                                            VolunteerActivity.deleted_at.is_(None))
        if year is not None:
            q = q.where(VolunteerActivity.held_on.between(date(year, 1, 1), date(year, 12, 31)))
        return [_activity_info(session, a, org.name)
                for a in session.scalars(q.order_by(VolunteerActivity.held_on.desc(), VolunteerActivity.id))]


def _activity_info(session: Session, a: VolunteerActivity, team_name: str) -> ActivityInfo:
    lines = session.execute(
        select(Volunteer.id, Volunteer.name, VolunteerHours.hours)
        .join(Volunteer, Volunteer.id == VolunteerHours.volunteer_id)
        .where(VolunteerHours.activity_id == a.id, VolunteerHours.deleted_at.is_(None))
        .order_by(Volunteer.name, Volunteer.id)).all()
    return ActivityInfo(a.id, a.team_id, team_name, a.held_on, a.title, a.place,
                        tuple((v, n, Decimal(str(h)).quantize(CENT)) for v, n, h in lines), a.entered_by)


def list_schemes(db: Database, office: str | None = None) -> list[SchemeInfo]:
    with db.read() as session:
        return [_scheme_info(s) for s in _schemes(session, office or db.office().code)]


def scheme_in_force(db: Database, on: Any = None, office: str | None = None) -> SchemeInfo | None:
    """The scheme valid on ``on`` (default today), or None."""
    day = enforcement.day(on, "on", required=False, future=True) or clock.today()
    with db.read() as session:
        found = _scheme_on(_schemes(session, office or db.office().code), day)
        return _scheme_info(found) if found is not None else None


# -- changes --------------------------------------------------------------------------------------------------------
def add_volunteer(db: Database, team: str, *, name: str, phone: str | None = None, joined_on: Any = None,
                  by: auth.UserInfo | None) -> VolunteerInfo:
    """A new volunteer of ``team`` (joined today unless ``joined_on``)."""
    def work() -> VolunteerInfo:
        actor = auth.require(db, by, community.RIGHT)
        values = check_volunteer({"name": name, "phone": phone, "joined_on": joined_on or clock.today()})
        office = db.office()
        with db.unit(actor=actor) as session:
            org = _team(session, team, office.code)
            v = Volunteer(team_id=org.id, office_code=office.code, entered_by=actor, origin_office=office.code,
                          **values)
            session.add(v)
            session.flush()
            tally.refresh(session, [org.id])  # the figures read the team's sums
            return _info(session, v, ZERO, reveal=False)

    return community.guarded(db, by, ENTITY, "add", team if isinstance(team, str) else None, work)


def leave(db: Database, volunteer: str, *, left_on: Any = None, by: auth.UserInfo | None,
          shown_version: int | None = None) -> VolunteerInfo:
    """A volunteer leaves the team (today unless ``left_on``; once)."""
    def work() -> VolunteerInfo:
        actor = auth.require(db, by, community.RIGHT)
        with db.unit(actor=actor) as session:
            v = _find(session, volunteer)
            check_shown(v, shown_version, "volunteer", v.name)
            if v.left_on is not None:
                raise CivicDeskError("volunteer.already_left", key=v.id, left_on=v.left_on.isoformat())
            values = check_volunteer({"name": v.name, "phone": v.phone, "joined_on": v.joined_on,
                                      "left_on": left_on or clock.today()})
            v.left_on = values["left_on"]
            session.flush()
            tally.refresh(session, [v.team_id])
            return _info(session, v, _hours_by_volunteer(session, v.team_id).get(v.id, ZERO), reveal=False)

    return community.guarded(db, by, ENTITY, "leave", volunteer, work)


def record_activity(db: Database, team: str, *, held_on: Any, title: str, place: str | None = None,
                    hours: dict[str, Any], by: auth.UserInfo | None) -> ActivityInfo:
    """An activity of ``team`` with ``hours``: volunteer id -> hours served (see the module for the rules)."""
    def work() -> ActivityInfo:
        actor = auth.require(db, by, community.RIGHT)
        values = check_activity({"held_on": held_on, "title": title, "place": place})
        day: date = values["held_on"]
        if not hours:
            raise InputError("volunteer.no_hours", field="hours")
        office = db.office()
        with db.unit(actor=actor) as session:
            org = _team(session, team, office.code)
            top = int(value_in(session, office.code, MAX_HOURS_KEY))
            served: list[tuple[Volunteer, Decimal]] = []
            for key, value in hours.items():
                v = _find(session, key)
                check_member({"id": v.id, "name": v.name, "team_id": v.team_id, "joined_on": v.joined_on,
                              "left_on": v.left_on}, org.id, day, org.name)
                amount = check_hours({"hours": value}, top)
                already = session.scalar(
                    select(func.coalesce(func.sum(VolunteerHours.hours), 0))
                    .join(VolunteerActivity, VolunteerActivity.id == VolunteerHours.activity_id)
                    .where(VolunteerHours.volunteer_id == v.id, VolunteerHours.deleted_at.is_(None),
                           VolunteerActivity.deleted_at.is_(None), VolunteerActivity.held_on == day))
                if Decimal(str(already)) + amount > top:
                    raise InputError("volunteer.day_over", field="hours", name=v.name, day=day.isoformat(),
                                     value=str(amount), already=str(Decimal(str(already)).quantize(CENT)), max=top)
                served.append((v, amount))
            a = VolunteerActivity(team_id=org.id, office_code=office.code, entered_by=actor,
                                  origin_office=office.code, **values)
            session.add(a)
            session.flush()
            for v, amount in served:
                session.add(VolunteerHours(activity_id=a.id, volunteer_id=v.id, office_code=office.code,
                                           hours=amount, origin_office=office.code))
            session.flush()
            tally.refresh(session, [org.id])
            return _activity_info(session, a, org.name)

    return community.guarded(db, by, ENTITY, "activity", team if isinstance(team, str) else None, work)


def set_scheme(db: Database, *, name: str, valid_from: Any, rules: Any, source: str,
               by: auth.UserInfo | None) -> SchemeInfo:
    """The office's new points scheme from ``valid_from`` (after the last one's start; the last one ends the day
    before)."""
    def work() -> SchemeInfo:
        actor = auth.require(db, by, community.RIGHT)
        values = check_scheme({"name": name, "valid_from": valid_from, "rules": rules, "source": source})
        start: date = values["valid_from"]
        office = db.office()
        with db.unit(actor=actor) as session:
            schemes = _schemes(session, office.code)
            if schemes and schemes[-1].valid_from >= start:
                raise InputError("volunteer.scheme_not_after", field="valid_from", value=start.isoformat(),
                                 last=schemes[-1].valid_from.isoformat())
            for s in schemes:
                if s.valid_to is None or s.valid_to >= start:
                    s.valid_to = start - timedelta(days=1)
            s = PointsScheme(office_code=office.code, entered_by=actor, origin_office=office.code, **values)
            session.add(s)
            session.flush()
            return _scheme_info(s)

    return community.guarded(db, by, ENTITY, "scheme", None, work)


def award(db: Database, *, title: str, awarded_by: str, awarded_on: Any = None, volunteer: str | None = None,
          team: str | None = None, points: Any = None, by: auth.UserInfo | None) -> AwardInfo:
    """An award to a volunteer or to a team; ``points`` redeemed (a volunteer's, at most those held)."""
    def work() -> AwardInfo:
        actor = auth.require(db, by, community.RIGHT)
        office = db.office()
        with db.unit(actor=actor) as session:
            team_id = _team(session, team, office.code).id if team else None
            person = _find(session, volunteer) if volunteer else None
            values = check_award({"volunteer_id": person.id if person else None, "team_id": team_id,
                                  "title": title, "awarded_by": awarded_by,
                                  "awarded_on": awarded_on or clock.today(), "points": points})
            if person is not None:
                if person.office_code != office.code:
                    raise CivicDeskError("volunteer.team.other_office", key=person.id, name=person.name,
                                         office=person.office_code)
                if values["awarded_on"] < person.joined_on:
                    raise InputError("volunteer.award_before_joined", field="awarded_on",
                                     value=values["awarded_on"].isoformat(), joined=person.joined_on.isoformat())
                if values["points"] is not None:
                    held = _record(session, person, reveal=False).balance
                    if values["points"] > held:
                        raise InputError("volunteer.points_over", field="points", value=values["points"],
                                         held=str(held))
            a = VolunteerAward(office_code=office.code, entered_by=actor, origin_office=office.code, **values)
            session.add(a)
            session.flush()
            return _award_info(session, a)

    return community.guarded(db, by, ENTITY, "award", volunteer or team, work)


def list_awards(db: Database, *, team: str | None = None) -> list[AwardInfo]:
    """The office's awards, the latest first (``team``: to the team or its volunteers)."""
    with db.read() as session:
        office = community.reading(db)
        q = select(VolunteerAward).where(VolunteerAward.deleted_at.is_(None))
        if office is not None:  # at the city: every office's
            q = q.where(VolunteerAward.office_code == office)
        if team:
            org = _team(session, team, office)
            members = select(Volunteer.id).where(Volunteer.team_id == org.id)
            q = q.where((VolunteerAward.team_id == org.id) | VolunteerAward.volunteer_id.in_(members))
        return [_award_info(session, a)
                for a in session.scalars(q.order_by(VolunteerAward.awarded_on.desc(), VolunteerAward.id))]
