"""Incubation (培育孵化, docs/DOMAIN.md "Cultivation"): bases and parks, their residents, the services given.

Offers:

- :func:`add_base`: a clerk (``cultivate``) records an incubation base (培育孵化基地, ``kind`` ``base``) or a
  community incubation park (社区社会组织孵化园, ``park``): its name (unique among this office's bases), level
  (:data:`LEVELS`: the city's, a county's, a township's), the division it is in (the city's or a county's code,
  within this office's area; a city-level base at the city's code, a county-level one at a county's), the
  township (sub-district) of a township-level base or of a park, the operator (an organization of the register
  by id or USCC, or a named operator, not both), the opening date (not in the future).
- :func:`admit` (入驻): an organization of the register (id or USCC), or one not yet registered by its name and
  a contact (a person or a phone), admitted on a day neither before the base opened nor in the future.  One
  organization (or one unregistered name) is resident at a base once at a time.
- :func:`graduate` (出壳, or leaving): the outcome (:data:`OUTCOMES`: ``registered`` or ``filed`` is a
  graduation, ``graduated_on``; ``left`` is leaving without one) on a day neither before admission nor in the
  future; an organization registered or filed on graduating may be linked to the register then.
- :func:`give_service`: training, office space, mentoring or registration help (:data:`SERVICE_KINDS`) from a
  day within the residence (not before admission, not after graduation, not in the future), until a day for
  office space.
- :func:`list_bases`, :func:`get_base` (with its residents and their services: a contact's phone masked unless
  the reader has ``reveal_ids``, and every reveal audited).

:func:`check_base`, :func:`check_resident` and :func:`check_service` are the rules of a row's own values, the
same for a clerk's entry and for a row arriving in a sync package (services/supervision/arrivals.py).  Every
refusal is audited (``incubation.refused``) and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError, ValidationError
from civicdesk.models import Division, IncubationBase, IncubationResident, IncubationService, Organization
from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import mask_phone, validate_phone
from civicdesk.services.cultivation import lookup
from civicdesk.services.supervision import enforcement as common
from civicdesk.services.supervision.common import check_shown

RIGHT = "cultivate"
ENTITY = "incubation"
LEVELS = ("city", "county", "township")
KINDS = ("base", "park")
OUTCOMES = ("registered", "filed", "left")
GRADUATIONS = ("registered", "filed")
SERVICE_KINDS = ("training", "office_space", "mentoring", "registration")


@dataclass(frozen=True)
class ServiceInfo:
    id: str
    resident_id: str
    kind: str
    given_on: date
    until: date | None
    description: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "resident_id": self.resident_id, "kind": self.kind,
                "given_on": self.given_on.isoformat(), "until": common.iso(self.until),
                "description": self.description}


@dataclass(frozen=True)
class ResidentInfo:
    id: str
    base_id: str
    organization_id: str | None
    name: str  # the organization's name in the register, or the name recorded
    uscc: str | None
    contact_name: str | None
    contact_phone: str | None  # masked unless revealed
    admitted_on: date
    graduated_on: date | None
    outcome: str | None
    outcome_on: date | None
    services: tuple[ServiceInfo, ...] = ()
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    @property
    def resident(self) -> bool:
        return self.outcome is None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "base_id": self.base_id, "organization_id": self.organization_id, "name": self.name,
                "uscc": self.uscc, "contact_name": self.contact_name, "contact_phone": self.contact_phone,
                "admitted_on": self.admitted_on.isoformat(), "graduated_on": common.iso(self.graduated_on),
                "outcome": self.outcome, "outcome_on": common.iso(self.outcome_on),
                "services": [s.to_json() for s in self.services]}


@dataclass(frozen=True)
class BaseInfo:
    id: str
    office_code: str
    name: str
    level: str
    kind: str
    division_code: str
    division_name: str
    township_code: str | None
    township_name: str | None
    operator_org_id: str | None
    operator: str  # the operator's name (the organization's, or the one recorded)
    opened_on: date
    address: str | None
    admitted: int
    graduated: int
    in_residence: int
    residents: tuple[ResidentInfo, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "office_code": self.office_code, "name": self.name, "level": self.level,
                "kind": self.kind, "division_code": self.division_code, "division_name": self.division_name,
                "township_code": self.township_code, "township_name": self.township_name,
                "operator_org_id": self.operator_org_id, "operator": self.operator,
                "opened_on": self.opened_on.isoformat(), "address": self.address, "admitted": self.admitted,
                "graduated": self.graduated, "in_residence": self.in_residence,
                "residents": [r.to_json() for r in self.residents]}


#: the catalogue's prefix of each kind of code (an outcome's words are the organization's detail pane's too)
_LABELS = {"level": "incubation_level", "kind": "incubation_kind", "service": "incubation_service",
           "outcome": "cultivation.outcome"}


def label(kind: str, code: str | None, lang: str = "zh") -> str:
    """The words of a code: ``label("level", "city")`` -> 市级."""
    return messages.label(f"{_LABELS[kind]}.{code}", lang, default=code or "")


# -- the rules of one row's values (a clerk's entry and an arriving row) ----------------------------------------
def check_base(values: dict[str, Any]) -> None:
    """A base's own values: a known level and kind, a park's or a township base's township, one operator, an
    opening day not in the future."""
    if values.get("level") not in LEVELS:
        raise InputError("incubation.bad_level", field="level", value=str(values.get("level"))[:20],
                         allowed=", ".join(LEVELS))
    if values.get("kind") not in KINDS:
        raise InputError("incubation.bad_kind", field="kind", value=str(values.get("kind"))[:20],
                         allowed=", ".join(KINDS))
    if (values["kind"] == "park" or values["level"] == "township") and not values.get("township_code"):
        raise InputError("incubation.township_required", field="township_code", kind=values["kind"],
                         level=values["level"])
    if bool(values.get("operator_org_id")) == bool(str(values.get("operator_name") or "").strip()):
        raise InputError("incubation.operator_one", field="operator_name")
    common.day(values.get("opened_on"), "opened_on")


def check_resident(values: dict[str, Any]) -> None:
    """A resident's own values: an organization or a name with a contact; an outcome known, with its day; a
    graduation (registered, filed) on its outcome's day; the days in order, none in the future."""
    org, name = values.get("organization_id"), str(values.get("name") or "").strip()
    if not org and not name:
        raise InputError("incubation.resident_who", field="name")
    if not org and not (str(values.get("contact_name") or "").strip() or str(values.get("contact_phone") or "")
                        .strip()):
        raise InputError("incubation.contact_required", field="contact_name", name=name)
    admitted = common.day(values.get("admitted_on"), "admitted_on")
    assert admitted is not None
    outcome = values.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise InputError("incubation.bad_outcome", field="outcome", value=str(outcome)[:20],
                         allowed=", ".join(OUTCOMES))
    on = common.day(values.get("outcome_on"), "outcome_on", required=outcome is not None)
    graduated = common.day(values.get("graduated_on"), "graduated_on", required=False)
    if outcome is None and on is not None:
        raise InputError("incubation.bad_outcome", field="outcome", value="", allowed=", ".join(OUTCOMES))
    if graduated != (on if outcome in GRADUATIONS else None):
        raise InputError("incubation.graduation_outcome", field="graduated_on", value=common.iso(graduated) or "",
                         outcome=outcome or "")
    if on is not None and on < admitted:
        raise InputError("incubation.graduation_before_admission", field="outcome_on", value=on.isoformat(),
                         graduated_on=on.isoformat(), admitted_on=admitted.isoformat())


def check_service(values: dict[str, Any]) -> None:
    """A service's own values: a known kind, a day not in the future, an end (office space only) after it."""
    kind = values.get("kind")
    if kind not in SERVICE_KINDS:
        raise InputError("incubation.bad_service", field="kind", value=str(kind)[:24],
                         allowed=", ".join(SERVICE_KINDS))
    given = common.day(values.get("given_on"), "given_on")
    assert given is not None
    until = common.day(values.get("until"), "until", required=False, future=True)
    if until is not None and kind != "office_space":
        raise InputError("incubation.until_not_applicable", field="until", kind=kind)
    if until is not None and until < given:
        raise InputError("incubation.until_before", field="until", value=until.isoformat(), until=until.isoformat(),
                         given_on=given.isoformat())


# -- reading ---------------------------------------------------------------------------------------------------
def _division_name(session: Session, code: str | None) -> str | None:
    return session.scalar(select(Division.name).where(Division.code == code)) if code else None


def _resident_info(session: Session, r: IncubationResident, *, reveal: bool,
                   with_services: bool = False) -> ResidentInfo:
    org = session.get(Organization, r.organization_id) if r.organization_id else None
    services: tuple[ServiceInfo, ...] = ()
    if with_services:
        services = tuple(ServiceInfo(s.id, s.resident_id, s.kind, s.given_on, s.until, s.description)
                         for s in session.scalars(select(IncubationService).where(
                             IncubationService.resident_id == r.id, IncubationService.deleted_at.is_(None))
                             .order_by(IncubationService.given_on, IncubationService.created_at)))
    return ResidentInfo(r.id, r.base_id, r.organization_id, org.name if org else (r.name or ""),
                        org.uscc if org else None, r.contact_name,
                        r.contact_phone if reveal else mask_phone(r.contact_phone), r.admitted_on, r.graduated_on,
                        r.outcome, r.outcome_on, services, r.version)


def _base_info(session: Session, b: IncubationBase, residents: tuple[ResidentInfo, ...] = (),
               counts: tuple[int, int, int] | None = None) -> BaseInfo:
    operator = b.operator_name or ""
    if b.operator_org_id:
        org = session.get(Organization, b.operator_org_id)
        operator = org.name if org else operator
    if counts is None:
        counts = _counts(session, [b.id]).get(b.id, (0, 0, 0))
    admitted, graduated, left = counts
    return BaseInfo(b.id, b.office_code, b.name, b.level, b.kind, b.division_code,
                    _division_name(session, b.division_code) or "", b.township_code,
                    _division_name(session, b.township_code), b.operator_org_id, operator, b.opened_on, b.address,
                    admitted, graduated, admitted - graduated - left, residents)


def _counts(session: Session, base_ids: list[str]) -> dict[str, tuple[int, int, int]]:
    """base id -> (admitted, graduated, left without graduating): counted as the figures count them."""
    out: dict[str, tuple[int, int, int]] = {}
    row: Any
    for row in session.execute(
            select(IncubationResident.base_id, func.count(),
                   func.count(IncubationResident.graduated_on),
                   func.sum(case((and_(IncubationResident.outcome == "left",
                                       IncubationResident.graduated_on.is_(None)), 1), else_=0)))
            .where(IncubationResident.base_id.in_(base_ids), IncubationResident.deleted_at.is_(None))
            .group_by(IncubationResident.base_id)):
        base_id, admitted, graduated, left = row
        out[str(base_id)] = (int(admitted), int(graduated), int(left or 0))
    return out


def _find_base(session: Session, key: str | None, office_code: str) -> IncubationBase:
    """A base by its id, or by its name in this office."""
    return lookup.find(session, IncubationBase, key, "incubation.base_not_found", by=IncubationBase.name,
                       office_code=office_code)


def _resident_name(session: Session, r: IncubationResident) -> str:
    org = session.get(Organization, r.organization_id) if r.organization_id else None
    return org.name if org else (r.name or r.id)


def _find_resident(session: Session, key: str | None) -> IncubationResident:
    return lookup.find(session, IncubationResident, key, "incubation.resident_not_found")


def list_bases(db: Database, *, division: str | None = None, level: str | None = None) -> list[BaseInfo]:
    """The bases and parks, by level, division and name, with their residents counted; ``division`` (a county's
    code: its bases and parks) and ``level`` narrow them."""
    if level is not None and level not in LEVELS:
        raise InputError("incubation.bad_level", value=str(level)[:20], allowed=", ".join(LEVELS))
    with db.read() as session:
        q = select(IncubationBase).where(IncubationBase.deleted_at.is_(None))
        if division:
            q = q.where(IncubationBase.division_code == division)
        if level:
            q = q.where(IncubationBase.level == level)
        rows = list(session.scalars(q.order_by(IncubationBase.level, IncubationBase.division_code,
                                               IncubationBase.name)))
        counts = _counts(session, [b.id for b in rows])
        return [_base_info(session, b, counts=counts.get(b.id, (0, 0, 0))) for b in rows]


def get_base(db: Database, key: str, *, reveal: bool = False, by: auth.UserInfo | None = None) -> BaseInfo:
    """One base (id or name) with its residents (newest first) and the services given them.  ``reveal`` shows
    the contacts' phones in full to a user with ``reveal_ids``; the reveal is audited."""
    actor = auth.require(db, by, "reveal_ids") if reveal else None
    office = db.office()
    with db.read() as session:
        b = _find_base(session, key, office.code)
        residents = tuple(_resident_info(session, r, reveal=reveal, with_services=True)
                          for r in session.scalars(select(IncubationResident).where(
                              IncubationResident.base_id == b.id, IncubationResident.deleted_at.is_(None))
                              .order_by(IncubationResident.admitted_on.desc(), IncubationResident.created_at)))
        info = _base_info(session, b, residents)
    if actor is not None:
        audit.record_event(db, "data.revealed", actor=actor, entity="incubation_base", entity_id=info.id)
    return info


# -- changing --------------------------------------------------------------------------------------------------
def _division(session: Session, code: str | None, office_code: str, level: str) -> Division:
    """The division a base is at: of the base's level (a township one: its county), in this office's area."""
    d = session.get(Division, (code or "").strip()) if code else None
    if d is None:
        raise InputError("incubation.bad_division", value=str(code or "")[:12])
    wanted = "city" if level == "city" else "county"
    if d.level != wanted or (d.code != office_code and d.parent_code != office_code):
        raise InputError("incubation.division_level", value=d.code, level=level)
    return d


def add_base(db: Database, *, name: str, level: str, division: str, opened_on: Any, kind: str = "base",
             township: str | None = None, operator: str | None = None, operator_name: str | None = None,
             address: str | None = None, notes: str | None = None, by: auth.UserInfo | None) -> BaseInfo:
    """A new base or park: see the module for what is refused."""
    def work() -> BaseInfo:
        actor = auth.require(db, by, RIGHT)
        title = common.text(name, "name", "基地名称", required=True)
        operator_text = common.text(operator_name, "operator_name", "运营方")
        where = common.text(address, "address", "地址")
        remarks = common.text(notes, "notes", "备注", multiline=True)
        town = (township or "").strip() or None
        values = {"level": level, "kind": kind, "township_code": town, "operator_name": operator_text,
                  "operator_org_id": (operator or "").strip() or None, "opened_on": opened_on}
        check_base(values)
        office = db.office()
        with db.unit(actor=actor) as session:
            d = _division(session, division, office.code, level)
            if town is not None:
                t = session.get(Division, town)
                if t is None or t.level != "township" or t.parent_code != d.code:
                    raise InputError("incubation.bad_township", value=town[:12], division=d.code)
            org_id = common.find_org(session, operator).id if operator and operator.strip() else None
            taken = session.scalar(select(IncubationBase.id).where(
                IncubationBase.office_code == office.code, IncubationBase.name == title,
                IncubationBase.deleted_at.is_(None)))
            if taken is not None:
                raise CivicDeskError("incubation.base_exists", name=title)
            b = IncubationBase(office_code=office.code, name=title, level=level, kind=kind, division_code=d.code,
                               township_code=town, operator_org_id=org_id, operator_name=operator_text,
                               opened_on=common.day(opened_on, "opened_on"), address=where, notes=remarks,
                               entered_by=actor, origin_office=office.code)
            session.add(b)
            session.flush()
            return _base_info(session, b, counts=(0, 0, 0))

    return common.guarded(db, by, ENTITY, "add_base", name if isinstance(name, str) else None, work)


def _phone(value: str | None) -> str | None:
    text = common.text(value, "contact_phone", "联系电话")
    if text is not None:
        issues = validate_phone(text, "contact_phone")
        if issues:
            raise ValidationError(issues)
    return text


def admit(db: Database, base: str, *, admitted_on: Any, organization: str | None = None, name: str | None = None,
          contact_name: str | None = None, contact_phone: str | None = None, notes: str | None = None,
          by: auth.UserInfo | None) -> ResidentInfo:
    """Admit (入驻) an organization of the register, or one not yet registered by name and contact."""
    def work() -> ResidentInfo:
        actor = auth.require(db, by, RIGHT)
        who = common.text(name, "name", "组织名称")
        person = common.text(contact_name, "contact_name", "联系人")
        phone = _phone(contact_phone)
        remarks = common.text(notes, "notes", "备注", multiline=True)
        org_key = (organization or "").strip() or None
        if org_key and who:
            raise InputError("incubation.resident_both")
        check_resident({"organization_id": org_key, "name": who, "contact_name": person, "contact_phone": phone,
                        "admitted_on": admitted_on})
        on = common.day(admitted_on, "admitted_on")
        assert on is not None
        office = db.office()
        with db.unit(actor=actor) as session:
            b = _find_base(session, base, office.code)
            if on < b.opened_on:
                raise InputError("incubation.admitted_before_opening", admitted_on=on.isoformat(),
                                 opened_on=b.opened_on.isoformat(), base=b.name)
            org = common.find_org(session, org_key) if org_key else None
            same = (IncubationResident.organization_id == org.id) if org else (IncubationResident.name == who)
            resident = session.scalar(select(IncubationResident.admitted_on).where(
                IncubationResident.base_id == b.id, same, IncubationResident.outcome.is_(None),
                IncubationResident.deleted_at.is_(None)).limit(1))
            if resident is not None:
                raise CivicDeskError("incubation.already_resident", name=org.name if org else who, base=b.name,
                                     admitted_on=resident.isoformat())
            r = IncubationResident(base_id=b.id, office_code=b.office_code, organization_id=org.id if org else None,
                                   name=None if org else who, contact_name=person, contact_phone=phone,
                                   admitted_on=on, notes=remarks, entered_by=actor, origin_office=office.code)
            session.add(r)
            session.flush()
            return _resident_info(session, r, reveal=False)

    return common.guarded(db, by, ENTITY, "admit", base if isinstance(base, str) else None, work)


def graduate(db: Database, resident: str, *, outcome: str, on: Any = None, organization: str | None = None,
             by: auth.UserInfo | None, shown_version: int | None = None) -> ResidentInfo:
    """Record a resident's graduation (registered, filed) or leaving, on ``on`` (default today); an unregistered
    resident registered or filed on graduating may be linked to its record (``organization``)."""
    def work() -> ResidentInfo:
        actor = auth.require(db, by, RIGHT)
        if outcome not in OUTCOMES:
            raise InputError("incubation.bad_outcome", value=str(outcome)[:20], allowed=", ".join(OUTCOMES))
        day = common.day(on, "outcome_on", required=False) or clock.today()
        org_key = (organization or "").strip() or None
        if org_key and outcome not in GRADUATIONS:
            raise InputError("incubation.link_not_applicable", outcome=outcome)
        with db.unit(actor=actor) as session:
            r = _find_resident(session, resident)
            check_shown(r, shown_version, "incubation_resident", _resident_name(session, r))
            if r.outcome is not None:
                raise CivicDeskError("incubation.not_resident", id=r.id, outcome=r.outcome,
                                     on=common.iso(r.outcome_on) or "")
            if day < r.admitted_on:
                raise InputError("incubation.graduation_before_admission", graduated_on=day.isoformat(),
                                 admitted_on=r.admitted_on.isoformat())
            if org_key:
                if r.organization_id is not None:
                    raise CivicDeskError("incubation.already_linked", id=r.id)
                r.organization_id = common.find_org(session, org_key).id
            r.outcome, r.outcome_on = outcome, day
            r.graduated_on = day if outcome in GRADUATIONS else None
            check_resident({c: getattr(r, c) for c in ("organization_id", "name", "contact_name", "contact_phone",
                                                       "admitted_on", "graduated_on", "outcome", "outcome_on")})
            session.flush()
            return _resident_info(session, r, reveal=False)

    return common.guarded(db, by, ENTITY, "graduate", resident if isinstance(resident, str) else None, work)


def give_service(db: Database, resident: str, *, kind: str, given_on: Any, until: Any = None,
                 description: str | None = None, by: auth.UserInfo | None,
                 shown_version: int | None = None) -> ServiceInfo:
    """A service given to a resident while resident (see the module)."""
    def work() -> ServiceInfo:
        actor = auth.require(db, by, RIGHT)
        words = common.text(description, "description", "服务内容", multiline=True)
        check_service({"kind": kind, "given_on": given_on, "until": until})
        start = common.day(given_on, "given_on")
        end = common.day(until, "until", required=False, future=True)
        assert start is not None
        office = db.office()
        with db.unit(actor=actor) as session:
            r = _find_resident(session, resident)
            check_shown(r, shown_version, "incubation_resident", _resident_name(session, r))
            if start < r.admitted_on or (r.outcome_on is not None and start > r.outcome_on):
                raise InputError("incubation.service_outside", given_on=start.isoformat(),
                                 admitted_on=r.admitted_on.isoformat(), outcome_on=common.iso(r.outcome_on) or "")
            s = IncubationService(resident_id=r.id, office_code=r.office_code, kind=kind, given_on=start, until=end,
                                  description=words, entered_by=actor, origin_office=office.code)
            session.add(s)
            session.flush()
            return ServiceInfo(s.id, s.resident_id, s.kind, s.given_on, s.until, s.description)

    return common.guarded(db, by, ENTITY, "give_service", resident if isinstance(resident, str) else None, work)
