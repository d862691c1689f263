"""Annual inspection (年度检查): campaigns, who is due, the reports received, four-eyes decisions, 参检率.

Offers:

- :func:`open_campaign` / :func:`close_campaign` / :func:`get_campaign` / :func:`list_campaigns`: one campaign
  per office and year; opening copies the rules it runs on (per legal form: the sponsor's and the registry's
  deadline as dates of the next year, the materials checklist; the months registered to be due) from
  :mod:`~civicdesk.services.supervision.parameters` into ``campaign.rules``.
- :func:`due_select` / :func:`due_count` / :func:`due_ids` / :func:`due_list`: who is due, a query over
  ``organization`` (never stored): registered (tier ``registered``, a legal form) in this office's registry,
  established on or before 31 December of the year minus ``min_months`` (a legacy row without its date counts
  as due: it was registered before the register was kept), and not ended (deregistered, revoked …) before the
  registry's deadline of its legal form.  ``ix_organization_due`` covers every column it reads.
- :func:`record` (draft or correct a report), :func:`submit`, :func:`return_record` (reason required) and
  :func:`decide` (合格 ``pass`` | 基本合格 ``basic`` | 不合格 ``fail``; reasons unless ``pass``; the decider
  neither entered nor submitted it): each step an :class:`~civicdesk.models.InspectionEvent`, each change
  audited by the unit's actor; a refused step is audited too (``inspection.refused``).
- :func:`list_records` (a page with ``limit``), :func:`first_records` (the head of the list, read by index, for a
  first paint), :func:`late_list`, :func:`missing_list` (due, no report, the deadline of the form passed).
- :func:`participation`: due, received, decided, counts per conclusion and late, and 参检率 per registry, county
  or legal form.  **参检率 = inspected / due, where inspected = records decided** (a report received but not yet
  decided does not count).
- :func:`history` / :func:`flags` / :func:`two_years_not_inspected` / :func:`two_years_basic`: per organization
  and year, inside the caller's session, for the credit and rating rules.

States of a record: ``draft`` -> ``submitted`` -> ``decided``; ``submitted`` -> ``returned`` (reason) ->
``submitted`` again.  A draft or a returned record may be corrected; a submitted or decided one may not.  A decided
conclusion is changed only by :func:`revise` (a new decision with its reason, four eyes; the step ``revise``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy import Select, and_, case, func, literal, not_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.types import Date

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError, NotFoundError, ValidationError
from civicdesk.models import Division, InspectionCampaign, InspectionEvent, InspectionRecord, Organization
from civicdesk.models.base import table_of, utcnow
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.supervision import common
from civicdesk.services.admin import auth
from civicdesk.services.core import bulk
from civicdesk.services.core.database import Database
from civicdesk.services.core.reference import dictionary
from civicdesk.services.core.validation import check_text
from civicdesk.services.supervision import parameters
from civicdesk.services.supervision.profile import refresh_summary

CONCLUSIONS = ("pass", "basic", "fail")
STATES = ("draft", "submitted", "returned", "decided")
GROUPS = ("registry", "county", "legal_form")
#: the values a report carries (``record``'s keys)
VALUE_KEYS = ("received_on", "materials", "income", "expenditure", "net_assets", "staff_count", "member_count",
              "activity_count", "sponsor_opinion", "sponsor_opinion_on", "sponsor_note", "conclusion", "reasons")
AMOUNT_KEYS = ("income", "expenditure", "net_assets")
COUNT_KEYS = ("staff_count", "member_count", "activity_count")
MAX_AMOUNT = Decimal("1e14")  # Numeric(16, 2)
FIRST_YEAR = 1990  # no register kept reports before

_O = table_of(Organization)
_R = table_of(InspectionRecord)
T = TypeVar("T")


def conclusion_label(code: str | None, lang: str = "zh") -> str:
    return messages.label(f"inspection_conclusion.{code}", lang, default=code or "") if code else ""


def state_label(state: str, lang: str = "zh") -> str:
    return messages.label(f"inspection_state.{state}", lang, default=state)


# -- what callers get back -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CampaignInfo:
    id: str
    office_code: str
    year: int
    state: str
    rules: dict[str, Any]
    opened_by: str
    opened_at: datetime
    closed_by: str | None
    closed_at: datetime | None
    note: str | None

    def deadline(self, legal_form: str | None, which: str = "registry") -> date:
        """The ``which`` (``registry`` | ``sponsor``) deadline of ``legal_form`` (the campaign's default form's
        when the form has none of its own)."""
        return _deadline(self.rules, legal_form, which)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["opened_at"] = self.opened_at.isoformat(sep=" ")
        d["closed_at"] = self.closed_at.isoformat(sep=" ") if self.closed_at else None
        return d


@dataclass(frozen=True)
class Step:
    action: str
    from_state: str | None
    to_state: str
    actor: str
    at: datetime
    comment: str | None


@dataclass(frozen=True)
class RecordInfo:
    id: str
    campaign_id: str
    year: int
    organization_id: str
    organization_name: str
    uscc: str | None
    legal_form: str | None
    state: str
    received_on: date
    late: bool
    materials: list[str]
    income: Decimal | None
    expenditure: Decimal | None
    net_assets: Decimal | None
    staff_count: int | None
    member_count: int | None
    activity_count: int | None
    sponsor_opinion: str | None
    sponsor_opinion_on: date | None
    sponsor_note: str | None
    conclusion: str | None
    reasons: str | None
    document_no: str | None
    entered_by: str
    submitted_by: str | None
    decided_by: str | None
    decided_at: datetime | None
    steps: tuple[Step, ...] = ()
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        return common.record_json(self)


@dataclass(frozen=True)
class MissingRow:
    """A due organization with no report, its form's deadline passed."""

    organization_id: str
    name: str
    uscc: str | None
    legal_form: str | None
    deadline: date

    def to_json(self) -> dict[str, Any]:
        return {"organization_id": self.organization_id, "name": self.name, "uscc": self.uscc,
                "legal_form": self.legal_form, "deadline": self.deadline.isoformat()}


@dataclass(frozen=True)
class ParticipationRow:
    """One group of the 参检率 report (``key`` None: the total)."""

    key: str | None
    label: str
    due: int
    received: int
    decided: int
    passed: int
    basic: int
    failed: int
    late: int

    @property
    def rate(self) -> float | None:
        """参检率: decided / due (None when nobody is due)."""
        return round(self.decided / self.due, 4) if self.due else None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "rate": self.rate}


@dataclass(frozen=True)
class Participation:
    year: int
    group_by: str
    offices: list[str]
    rows: list[ParticipationRow]
    total: ParticipationRow
    definition: str = "inspected / due; inspected = records decided"
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "group_by": self.group_by, "offices": self.offices,
                "rate_definition": self.definition, "participation_rate": self.total.rate,
                "total": self.total.to_json(), "rows": [r.to_json() for r in self.rows]}


# -- rules -----------------------------------------------------------------------------------------------------
def _month_day(year: int, month_day: str) -> date:
    month, day = (int(x) for x in month_day.split("-"))
    try:
        return date(year, month, day)
    except ValueError:  # 02-29 in a year that has none: the last day of February
        return date(year, month, 28)


def _months_before(day: date, months: int) -> date:
    """``day`` minus ``months`` calendar months, the day clamped to the month's end (31 Dec - 6 = 30 Jun)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def campaign_rules(session: Session, office_code: str, year: int) -> dict[str, Any]:
    """The rules a campaign of ``office_code`` for ``year`` runs on, from the parameters in force now."""
    forms = [v.code for v in dictionary(session, "legal_form")]
    deadlines: dict[str, dict[str, str]] = {}
    materials: dict[str, list[dict[str, str]]] = {}
    for form in (*forms, "*"):
        lf = None if form == "*" else form
        sponsor = parameters.value_in(session, office_code, "inspection.sponsor_deadline", legal_form=lf, year=year)
        registry = parameters.value_in(session, office_code, "inspection.registry_deadline", legal_form=lf,
                                       year=year)
        deadlines[form] = {"sponsor": _month_day(year + 1, sponsor).isoformat(),
                           "registry": _month_day(year + 1, registry).isoformat()}
        materials[form] = parameters.value_in(session, office_code, "inspection.materials", legal_form=lf, year=year)
    months = int(parameters.value_in(session, office_code, "inspection.min_months_registered", year=year))
    return {"deadlines": deadlines, "materials": materials, "min_months": months}


def _deadline(rules: dict[str, Any], legal_form: str | None, which: str = "registry") -> date:
    by_form = rules["deadlines"]
    return date.fromisoformat(by_form.get(legal_form or "*", by_form["*"])[which])


def _checklist(rules: dict[str, Any], legal_form: str | None) -> list[dict[str, str]]:
    by_form = rules["materials"]
    return list(by_form.get(legal_form or "*", by_form["*"]))


def _info(c: InspectionCampaign) -> CampaignInfo:
    return CampaignInfo(c.id, c.office_code, c.year, c.state, dict(c.rules or {}), c.opened_by, c.opened_at,
                        c.closed_by, c.closed_at, c.note)


# -- refusals are audited ---------------------------------------------------------------------------------------
def _actor(user: auth.UserInfo | None) -> str:
    return user.username if user is not None else "(系统)"


def _guarded(db: Database, by: auth.UserInfo | None, action: str, key: str | None, work: Callable[[], T]) -> T:
    """Run ``work``; a refusal is written to the audit trail (in its own unit) before it is raised, as filings'."""
    return common.guarded(db, by, "inspection.refused", "inspection_record", action, key, work)


# -- campaigns -------------------------------------------------------------------------------------------------
def _check_year(year: Any) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= clock.today().year:
        raise InputError("inspection.year", value=year, first=FIRST_YEAR, last=clock.today().year)
    return year


def _campaign_row(session: Session, office_code: str, year: int) -> InspectionCampaign | None:
    return session.scalar(select(InspectionCampaign).where(
        InspectionCampaign.office_code == office_code, InspectionCampaign.year == year,
        InspectionCampaign.deleted_at.is_(None)))


def open_campaign(db: Database, year: int, *, by: auth.UserInfo | None, note: str | None = None) -> CampaignInfo:
    """This office's campaign for the reports about ``year``, with the rules in force copied into it."""
    actor = auth.require(db, by, "supervise")
    year = _check_year(year)
    issues = check_text(note, "note", "备注")
    if issues:
        raise ValidationError(issues)
    office = db.office()
    with db.unit(actor=actor) as session:
        if _campaign_row(session, office.code, year) is not None:
            raise CivicDeskError("inspection.campaign_exists", year=year, office=office.code)
        c = InspectionCampaign(office_code=office.code, year=year, state="open",
                               rules=campaign_rules(session, office.code, year),
                               opened_by=actor, opened_at=utcnow(), note=(note or "").strip() or None,
                               origin_office=office.code)
        session.add(c)
        session.flush()
        return _info(c)


def close_campaign(db: Database, year: int, *, by: auth.UserInfo | None) -> CampaignInfo:
    """Close this office's campaign of ``year``: no report is recorded or decided in it any more."""
    actor = auth.require(db, by, "supervise.decide")
    office = db.office()
    with db.unit(actor=actor) as session:
        c = _campaign_row(session, office.code, year)
        if c is None:
            raise NotFoundError("inspection.no_campaign", year=year, office=office.code)
        if c.state != "open":
            raise CivicDeskError("inspection.campaign_closed", year=year)
        c.state, c.closed_by, c.closed_at = "closed", actor, utcnow()
        session.flush()
        return _info(c)


def get_campaign(db: Database, year: int, *, office_code: str | None = None) -> CampaignInfo:
    """The campaign of ``year`` (this office's unless ``office_code``), or ``inspection.no_campaign``."""
    code = office_code or db.office().code
    with db.read() as session:
        c = _campaign_row(session, code, year)
        if c is None:
            raise NotFoundError("inspection.no_campaign", year=year, office=code)
        return _info(c)


def list_campaigns(db: Database, *, year: int | None = None, all_offices: bool = False) -> list[CampaignInfo]:
    """This office's campaigns (every office's the database holds with ``all_offices``), latest year first."""
    q = select(InspectionCampaign).where(InspectionCampaign.deleted_at.is_(None))
    if not all_offices:
        q = q.where(InspectionCampaign.office_code == db.office().code)
    if year is not None:
        q = q.where(InspectionCampaign.year == year)
    with db.read() as session:
        return [_info(c) for c in session.scalars(q.order_by(InspectionCampaign.year.desc(),
                                                             InspectionCampaign.office_code))]


# -- who is due ------------------------------------------------------------------------------------------------
def _form_case(rules: dict[str, Any], which: str) -> Any:
    """SQL: the ``which`` deadline of each row's legal form."""
    forms = {f: date.fromisoformat(d[which]) for f, d in rules["deadlines"].items() if f != "*"}
    default = literal(date.fromisoformat(rules["deadlines"]["*"][which]), Date)
    if not forms:
        return default
    return case({f: literal(d, Date) for f, d in forms.items()}, value=_O.c.legal_form, else_=default)


def due_conditions(campaign: CampaignInfo) -> list[Any]:
    """The WHERE clauses over ``organization`` that make a row due in ``campaign`` (see the module)."""
    # a registered organization's registry is a county's or the city's 6-digit code (organizations.py checks):
    # equality on it and on the tier makes ix_organization_due the planner's choice even before ANALYZE
    cutoff = _months_before(date(campaign.year, 12, 31), int(campaign.rules.get("min_months", 6)))
    ended = not_(_O.c.status.in_(LIVE_STATUSES))
    return [
        _O.c.deleted_at.is_(None),
        _O.c.registry_code == campaign.office_code,
        _O.c.tier == "registered", _O.c.legal_form.is_not(None),
        or_(_O.c.established_on.is_(None), _O.c.established_on <= cutoff),
        not_(and_(ended, or_(_O.c.status_changed_on.is_(None),
                             _O.c.status_changed_on < _form_case(campaign.rules, "registry")))),
    ]


def due_select(campaign: CampaignInfo, *columns: Any) -> Select[Any]:
    """``SELECT columns (default: the id) FROM organization WHERE due`` (a subquery or a list)."""
    return select(*(columns or (_O.c.id,))).where(*due_conditions(campaign))


def _campaign_for(db: Database, session: Session, campaign: CampaignInfo | int) -> CampaignInfo:
    if isinstance(campaign, CampaignInfo):
        return campaign
    c = _campaign_row(session, db.office().code, campaign)
    if c is None:
        raise NotFoundError("inspection.no_campaign", year=campaign, office=db.office().code)
    return _info(c)


def due_count(db: Database, campaign: CampaignInfo | int) -> int:
    with db.read() as session:
        c = _campaign_for(db, session, campaign)
        return int(session.scalar(select(func.count()).select_from(due_select(c).subquery())) or 0)


def due_ids(db: Database, campaign: CampaignInfo | int) -> list[str]:
    """The ids of every due organization (read from ``ix_organization_due`` alone: the fast whole set)."""
    with db.read() as session:
        c = _campaign_for(db, session, campaign)
        return list(session.scalars(due_select(c)))


def due_list(db: Database, campaign: CampaignInfo | int, *, limit: int | None = None,
             offset: int = 0) -> list[tuple[str, str, str | None, str | None]]:
    """(id, name, USCC, legal form) of the due organizations, by name (a page of them with ``limit``)."""
    with db.read() as session:
        c = _campaign_for(db, session, campaign)
        q = due_select(c, _O.c.id, _O.c.name, _O.c.uscc, _O.c.legal_form).order_by(_O.c.name, _O.c.id)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        return [tuple(r) for r in session.execute(q)]  # type: ignore[misc]


def is_due(session: Session, campaign: CampaignInfo, organization_id: str) -> bool:
    return session.scalar(due_select(campaign).where(_O.c.id == organization_id)) is not None


# -- records ---------------------------------------------------------------------------------------------------
def _org(session: Session, key: str) -> Organization:
    return common.find_org(session, key, "inspection.org_not_found")


def _record_info(session: Session, r: InspectionRecord, org: Organization | None = None, *,
                 with_steps: bool = True) -> RecordInfo:
    """The record as callers see it; its steps (one more query) unless ``with_steps`` is False (a list)."""
    org = org or session.get(Organization, r.organization_id)
    assert org is not None
    steps: tuple[Step, ...] = ()
    if with_steps:
        events = session.scalars(select(InspectionEvent).where(InspectionEvent.record_id == r.id)
                                 .order_by(InspectionEvent.at, InspectionEvent.created_at))
        steps = tuple(Step(e.action, e.from_state, e.to_state, e.actor, e.at, e.comment) for e in events)
    return RecordInfo(r.id, r.campaign_id, r.year, r.organization_id, org.name, org.uscc, org.legal_form, r.state,
                      r.received_on, bool(r.late), list(r.materials or []), r.income, r.expenditure, r.net_assets,
                      r.staff_count, r.member_count, r.activity_count, r.sponsor_opinion, r.sponsor_opinion_on,
                      r.sponsor_note, r.conclusion, r.reasons, r.document_no, r.entered_by, r.submitted_by,
                      r.decided_by, r.decided_at, steps, r.version)


def _org_name(session: Session, r: InspectionRecord) -> str | None:
    org = session.get(Organization, r.organization_id)
    return org.name if org else None


def _find_record(session: Session, campaign: CampaignInfo, key: str) -> InspectionRecord:
    """A record of ``campaign`` by its id, or by its organization's id or USCC."""
    r = session.get(InspectionRecord, (key or "").strip())
    if r is None or r.campaign_id != campaign.id or r.deleted_at is not None:
        try:
            org = _org(session, key)
        except NotFoundError:
            raise NotFoundError("inspection.record_not_found", key=key, year=campaign.year) from None
        r = session.scalar(select(InspectionRecord).where(InspectionRecord.campaign_id == campaign.id,
                                                          InspectionRecord.organization_id == org.id,
                                                          InspectionRecord.deleted_at.is_(None)))
        if r is None:
            raise NotFoundError("inspection.record_not_found", key=key, year=campaign.year)
    return r


def _date(value: Any, name: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError("inspection.bad_date", field=name, value=str(value)[:40]) from None


def _amount(value: Any, name: str, *, negative: bool) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError("inspection.bad_amount", field=name, value=value)
    try:
        d = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise InputError("inspection.bad_amount", field=name, value=str(value)[:40]) from None
    if not d.is_finite() or abs(d) >= MAX_AMOUNT or d != d.quantize(Decimal("0.01")) or (d < 0 and not negative):
        raise InputError("inspection.bad_amount", field=name, value=str(value)[:40])
    return d.quantize(Decimal("0.01"))


def _count(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10_000_000:
        raise InputError("inspection.bad_count", field=name, value=str(value)[:40])
    return value


def _conclusion(value: Any, name: str = "conclusion") -> str | None:
    if value is None or value == "":
        return None
    if value not in CONCLUSIONS:
        raise InputError("inspection.bad_conclusion", field=name, value=str(value)[:40],
                         allowed=", ".join(CONCLUSIONS))
    return str(value)


def _text(value: Any, name: str, label: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("inspection.bad_text", field=name)
    issues = check_text(value, name, label)
    if issues:
        raise ValidationError(issues)
    return value.strip() or None


def _apply_values(r: InspectionRecord, values: dict[str, Any], campaign: CampaignInfo, org: Organization) -> None:
    """Check every value (all before any is applied) and set them on ``r``."""
    if not isinstance(values, dict):
        raise InputError("input.not_object")
    unknown = sorted(set(values) - set(VALUE_KEYS))
    if unknown:
        raise InputError("inspection.unknown_field", field=unknown[0], allowed=", ".join(VALUE_KEYS))
    out: dict[str, Any] = {}
    if "received_on" in values:
        received = _date(values["received_on"], "received_on")
        first = date(campaign.year + 1, 1, 1)
        if received < first:
            raise InputError("inspection.received_too_early", value=received.isoformat(), first=first.isoformat(),
                             year=campaign.year)
        if received > clock.today():
            raise InputError("inspection.received_future", value=received.isoformat(),
                             today=clock.today().isoformat())
        out["received_on"] = received
    if "materials" in values:
        got = values["materials"]
        allowed = [m["key"] for m in _checklist(campaign.rules, org.legal_form)]
        if not isinstance(got, list) or not all(isinstance(k, str) for k in got):
            raise InputError("inspection.bad_materials", allowed=", ".join(allowed))
        for k in got:
            if k not in allowed:
                raise InputError("inspection.material_unknown", value=k[:40], allowed=", ".join(allowed))
        out["materials"] = [k for k in allowed if k in got]  # in the checklist's order, once each
    for k in AMOUNT_KEYS:
        if k in values:
            out[k] = _amount(values[k], k, negative=k == "net_assets")
    for k in COUNT_KEYS:
        if k in values:
            out[k] = _count(values[k], k)
    if "sponsor_opinion" in values:
        out["sponsor_opinion"] = _conclusion(values["sponsor_opinion"], "sponsor_opinion")
    if "sponsor_opinion_on" in values:
        out["sponsor_opinion_on"] = (None if values["sponsor_opinion_on"] in (None, "")
                                     else _date(values["sponsor_opinion_on"], "sponsor_opinion_on"))
        if out["sponsor_opinion_on"] is not None and out["sponsor_opinion_on"] > clock.today():
            raise InputError("inspection.received_future", value=out["sponsor_opinion_on"].isoformat(),
                             today=clock.today().isoformat())
        if out["sponsor_opinion_on"] is not None and out["sponsor_opinion_on"] < date(campaign.year + 1, 1, 1):
            # the sponsor reviews the report of a year in the next one: an earlier date is out of order
            raise InputError("inspection.opinion_too_early", value=out["sponsor_opinion_on"].isoformat(),
                             year=campaign.year)
    if "sponsor_note" in values:
        out["sponsor_note"] = _text(values["sponsor_note"], "sponsor_note", "业务主管单位意见")
    if "conclusion" in values:
        out["conclusion"] = _conclusion(values["conclusion"])
    if "reasons" in values:
        out["reasons"] = _text(values["reasons"], "reasons", "理由")
    conclusion = out.get("conclusion", r.conclusion)
    reasons = out.get("reasons", r.reasons)
    if conclusion not in (None, "pass") and not reasons:
        raise InputError("inspection.reasons_required", conclusion=conclusion)
    if out.get("received_on", r.received_on) is None:
        raise InputError("inspection.received_required")
    for k, v in out.items():
        setattr(r, k, v)
    r.late = r.received_on > campaign.deadline(org.legal_form)


def _open_campaign_in(db: Database, session: Session, campaign: CampaignInfo | int) -> CampaignInfo:
    c = _campaign_for(db, session, campaign)
    if c.state != "open":
        raise CivicDeskError("inspection.campaign_closed", year=c.year)
    return c


def record(db: Database, campaign: CampaignInfo | int, organization: str, values: dict[str, Any], *,
           by: auth.UserInfo | None, shown_version: int | None = None) -> RecordInfo:
    """Draft the report of ``organization`` (id or USCC) in ``campaign`` (or the year of this office's), or
    correct its draft / returned record, with ``values`` (keys :data:`VALUE_KEYS`; ``received_on`` required
    for a new record).  Refused for an organization not due, and for any bad value, with nothing written; a
    correction, when the record changed since the clerk's view showed it at ``shown_version`` (``record.changed``)."""
    actor = _actor(by)

    def work() -> RecordInfo:
        auth.require(db, by, "supervise")
        office = db.office()
        with db.unit(actor=actor) as session:
            c = _open_campaign_in(db, session, campaign)
            org = _org(session, organization)
            if not is_due(session, c, org.id):
                raise CivicDeskError("inspection.not_due", name=org.name, year=c.year)
            r = session.scalar(select(InspectionRecord).where(InspectionRecord.campaign_id == c.id,
                                                              InspectionRecord.organization_id == org.id,
                                                              InspectionRecord.deleted_at.is_(None)))
            new = r is None
            if r is None:
                r = InspectionRecord(campaign_id=c.id, organization_id=org.id, year=c.year, state="draft",
                                     materials=[], entered_by=actor, origin_office=office.code)
            else:
                common.check_shown(r, shown_version, "inspection_record", org.name)
            if not new and r.state not in ("draft", "returned"):
                raise CivicDeskError("inspection.not_editable", name=org.name, state=r.state)
            _apply_values(r, values, c, org)
            session.add(r)
            session.flush()
            session.add(InspectionEvent(record_id=r.id, action="enter" if new else "edit",
                                        from_state=None if new else r.state, to_state=r.state, actor=actor,
                                        at=utcnow(), origin_office=office.code))
            session.flush()
            return _record_info(session, r, org)

    return _guarded(db, by, "record", organization, work)


def _step(db: Database, campaign: CampaignInfo | int, key: str, action: str, *, by: auth.UserInfo | None,
          permission: str, sources: tuple[str, ...], target: str, comment: str | None = None,
          needs_comment: bool = False, change: Callable[[InspectionRecord, str], None] | None = None,
          shown_version: int | None = None) -> RecordInfo:
    actor = _actor(by)

    def work() -> RecordInfo:
        auth.require(db, by, permission)
        office = db.office()
        text = _text(comment, "comment", "意见")
        if needs_comment and not text:
            raise InputError("inspection.reason_required", action=action)
        with db.unit(actor=actor) as session:
            c = _open_campaign_in(db, session, campaign)
            r = _find_record(session, c, key)
            common.check_shown(r, shown_version, "inspection_record", _org_name(session, r))
            if r.state not in sources:
                raise CivicDeskError("inspection.transition", state=r.state, action=action)
            if permission == "supervise.decide" and by is not None and by.username in (r.entered_by,
                                                                                         r.submitted_by):
                raise CivicDeskError("inspection.four_eyes", user=by.username)
            if change is not None:
                change(r, actor)
            previous, r.state = r.state, target
            session.add(InspectionEvent(record_id=r.id, action=action, from_state=previous, to_state=target,
                                        actor=actor, at=utcnow(), comment=text, origin_office=office.code))
            session.flush()
            if target == "decided" or previous == "decided":  # the register's 上年度年检结论 follows
                refresh_summary(session, [r.organization_id])
            if target == "decided":
                # the credit rules for the organization, in this unit (credit reads this module: imported here)
                from civicdesk.services.supervision import credit
                credit.propose_in(session, office.code, r.organization_id)
            return _record_info(session, r)

    return _guarded(db, by, action, key, work)


def submit(db: Database, campaign: CampaignInfo | int, key: str, *, by: auth.UserInfo | None,
           shown_version: int | None = None) -> RecordInfo:
    """A draft or returned record goes for decision.  This step, and each below, is refused (``record.changed``)
    when the record changed since the clerk's view showed it at ``shown_version`` (None: no view, no check)."""
    def change(r: InspectionRecord, actor: str) -> None:
        r.submitted_by, r.submitted_at = actor, utcnow()

    return _step(db, campaign, key, "submit", by=by, permission="supervise", sources=("draft", "returned"),
                 target="submitted", change=change, shown_version=shown_version)


def return_record(db: Database, campaign: CampaignInfo | int, key: str, *, reason: str | None,
                  by: auth.UserInfo | None, shown_version: int | None = None) -> RecordInfo:
    """Send a submitted record back to the clerk, with the reason (four eyes, as a decision)."""
    return _step(db, campaign, key, "return", by=by, permission="supervise.decide", sources=("submitted",),
                 target="returned", comment=reason, needs_comment=True, shown_version=shown_version)


def decide(db: Database, campaign: CampaignInfo | int, key: str, *, conclusion: str, reasons: str | None = None,
           document_no: str | None = None, by: auth.UserInfo | None, shown_version: int | None = None) -> RecordInfo:
    """The conclusion of a submitted record: 合格 ``pass``, 基本合格 ``basic`` or 不合格 ``fail`` (reasons
    required unless ``pass``), by a reviewer who neither entered nor submitted it."""
    def change(r: InspectionRecord, actor: str) -> None:
        good = _conclusion(conclusion)
        text = _text(reasons, "reasons", "理由")
        number = _text(document_no, "document_no", "文号")
        if good is None:
            raise InputError("inspection.bad_conclusion", field="conclusion", value="",
                             allowed=", ".join(CONCLUSIONS))
        if good != "pass" and not text:
            raise InputError("inspection.reasons_required", conclusion=good)
        r.conclusion, r.reasons = good, text
        r.document_no = number or r.document_no
        r.decided_by, r.decided_at = actor, utcnow()

    return _step(db, campaign, key, "decide", by=by, permission="supervise.decide", sources=("submitted",),
                 target="decided", change=change, shown_version=shown_version)


#: The comment of a ``revise`` step: the conclusion before, the one after (codes) and the reason, e.g.
#: ``pass->basic：财务制度不健全`` (inspection_event has no columns for them; :func:`revision_of` reads it back).
REVISION_SEPARATOR = "："


def revision_comment(old: str, new: str, reason: str) -> str:
    """The comment of the ``revise`` step that changed ``old`` to ``new`` for ``reason``."""
    return f"{old}->{new}{REVISION_SEPARATOR}{reason}"


def revision_of(comment: str | None) -> tuple[str, str, str] | None:
    """(old conclusion, new conclusion, reason) of a ``revise`` step's comment, or None when it is not one: two
    different conclusions and a reason."""
    head, sep, reason = (comment or "").partition(REVISION_SEPARATOR)
    old, arrow, new = head.partition("->")
    if not sep or not arrow or old not in CONCLUSIONS or new not in CONCLUSIONS or old == new or not reason.strip():
        return None
    return old, new, reason


def revise(db: Database, campaign: CampaignInfo | int, key: str, *, conclusion: str, reason: str | None,
           reasons: str | None = None, document_no: str | None = None, by: auth.UserInfo | None,
           shown_version: int | None = None) -> RecordInfo:
    """Change the conclusion of a decided record: a new decision (``supervise.decide``) with its ``reason``, by a
    reviewer who neither entered nor submitted the record (four eyes, as :func:`decide`).  The record stays
    decided, with the new conclusion, its decider and time (``reasons``: the record's reasons of a 基本合格 or
    不合格, default the reason of the revision); the step ``revise`` (decided -> decided) keeps the conclusion
    before and after (:func:`revision_comment`); the register's derived columns follow.  Also in a closed
    campaign: a published result is what gets corrected.  Refused (audited, nothing written): no reason, the same
    conclusion, a record not decided, the clerk of the record, a record changed since the view showed it at
    ``shown_version``."""
    actor = _actor(by)

    def work() -> RecordInfo:
        auth.require(db, by, "supervise.decide")
        office = db.office()
        why = _text(reason, "reason", "理由")
        if not why:
            raise InputError("inspection.revise_reason_required")
        new = _conclusion(conclusion)
        if new is None:
            raise InputError("inspection.bad_conclusion", field="conclusion", value="", allowed=", ".join(CONCLUSIONS))
        text = _text(reasons, "reasons", "理由")
        number = _text(document_no, "document_no", "文号")
        with db.unit(actor=actor) as session:
            c = _campaign_for(db, session, campaign)
            r = _find_record(session, c, key)
            common.check_shown(r, shown_version, "inspection_record", _org_name(session, r))
            if r.state != "decided":
                raise CivicDeskError("inspection.transition", state=r.state, action="revise")
            if by is not None and by.username in (r.entered_by, r.submitted_by):
                raise CivicDeskError("inspection.four_eyes", user=by.username)
            old = r.conclusion or ""
            if new == old:
                raise CivicDeskError("inspection.revise_same", conclusion=new)
            r.conclusion = new
            r.reasons = text or (why if new != "pass" else None)
            r.document_no = number or r.document_no
            r.decided_by, r.decided_at = actor, utcnow()
            session.add(InspectionEvent(record_id=r.id, action="revise", from_state="decided", to_state="decided",
                                        actor=actor, at=utcnow(), comment=revision_comment(old, new, why),
                                        origin_office=office.code))
            session.flush()
            refresh_summary(session, [r.organization_id])  # the register's 上年度年检结论 follows
            return _record_info(session, r)

    return _guarded(db, by, "revise", key, work)


def get_record(db: Database, campaign: CampaignInfo | int, key: str) -> RecordInfo:
    with db.read() as session:
        c = _campaign_for(db, session, campaign)
        return _record_info(session, _find_record(session, c, key))


#: the record's columns a list shows, in :class:`RecordInfo`'s order (after the organization's three; its
#: version follows them)
_LIST_COLUMNS = ("state", "received_on", "late", "materials", "income", "expenditure", "net_assets", "staff_count",
                 "member_count", "activity_count", "sponsor_opinion", "sponsor_opinion_on", "sponsor_note",
                 "conclusion", "reasons", "document_no", "entered_by", "submitted_by", "decided_by", "decided_at")


def list_records(db: Database, campaign: CampaignInfo | int, *, state: str | None = None,
                 late: bool = False, limit: int | None = None, offset: int = 0) -> list[RecordInfo]:
    """The records of a campaign (of one ``state``; only the late ones with ``late``), by name, without their
    steps (:func:`get_record` has them); a page of them with ``limit`` (the workbench paints the first page
    before the whole list)."""
    if state is not None and state not in STATES:
        raise InputError("inspection.bad_state", value=state, allowed=", ".join(STATES))
    with db.read() as session:
        c = _campaign_for(db, session, campaign)
        # plain rows, not ORM objects: building two mapped objects per record cost ~0.5 ms each, minutes for the
        # hundreds of thousands of reports of a city
        q = (select(_R.c.id, _R.c.campaign_id, _R.c.year, _R.c.organization_id, _O.c.name, _O.c.uscc,
                    _O.c.legal_form, *(_R.c[k] for k in _LIST_COLUMNS), _R.c.version)
             .join(_O, _O.c.id == _R.c.organization_id)
             .where(_R.c.campaign_id == c.id, _R.c.deleted_at.is_(None))
             .order_by(_O.c.name, _R.c.id))
        if state is not None:
            q = q.where(_R.c.state == state)
        if late:
            q = q.where(_R.c.late.is_(True))
        if limit is not None:
            q = q.limit(limit).offset(offset)
        return [_list_row(row) for row in session.execute(q)]


def first_records(db: Database, campaign: CampaignInfo | int, n: int) -> list[RecordInfo]:
    """The first ``n`` records by name of the organizations in the campaign's own registry: what the workbench
    paints before :func:`list_records` has read them all.  Read by walking the registry's names
    (``ix_organization_registry_name``) and probing each one's record, so a few hundred rows are read, not
    every record of the campaign sorted (13 s at 1,000,000 organizations)."""
    with db.read() as session:
        c = _campaign_for(db, session, campaign)
        q = (select(_R.c.id, _R.c.campaign_id, _R.c.year, _R.c.organization_id, _O.c.name, _O.c.uscc,
                    _O.c.legal_form, *(_R.c[k] for k in _LIST_COLUMNS), _R.c.version)
             .select_from(_O)
             .join(_R, and_(_R.c.organization_id == _O.c.id, _R.c.campaign_id == c.id, _R.c.deleted_at.is_(None)))
             .where(_O.c.registry_code == c.office_code)
             .order_by(_O.c.name, _R.c.id).limit(n))
        return [_list_row(row) for row in session.execute(q)]


def _list_row(row: Any) -> RecordInfo:
    values: list[Any] = list(row)
    values[9] = bool(values[9])  # late
    values[10] = list(values[10] or [])  # materials
    values.insert(len(values) - 1, ())  # no steps in a list; the version last
    return RecordInfo(*values)


def late_list(db: Database, campaign: CampaignInfo | int) -> list[RecordInfo]:
    """The reports received after their form's registry deadline."""
    return list_records(db, campaign, late=True)


def missing_list(db: Database, campaign: CampaignInfo | int, *, today: date | None = None,
                 limit: int | None = None) -> list[MissingRow]:
    """Due organizations with no report whose form's registry deadline has passed (empty before it), by name;
    the first ``limit`` of them with ``limit``."""
    today = today or clock.today()
    with db.read() as session:
        c = _campaign_for(db, session, campaign)
        deadline = _form_case(c.rules, "registry")
        # NOT EXISTS, one probe of the record index per organization, rather than NOT IN, which first lists
        # every report of the campaign: the first page then reads a few thousand rows, not the campaign
        have = select(_R.c.id).where(_R.c.organization_id == _O.c.id, _R.c.campaign_id == c.id,
                                     _R.c.deleted_at.is_(None)).exists()
        q = (due_select(c, _O.c.id, _O.c.name, _O.c.uscc, _O.c.legal_form)
             .where(deadline < literal(today, Date), not_(have)).order_by(_O.c.name))
        if limit is not None:
            q = q.limit(limit)
        rows: list[tuple[str, str, str | None, str | None]] = [tuple(r) for r in session.execute(q)]  # type: ignore[misc]
        return [MissingRow(i, n, u, f, c.deadline(f)) for i, n, u, f in rows]


# -- 参检率 ----------------------------------------------------------------------------------------------------
def _group_labels(session: Session, group_by: str, keys: list[str]) -> dict[str, str]:
    if group_by in ("registry", "county"):
        return {d.code: d.name for d in session.scalars(select(Division).where(Division.code.in_(keys)))}
    return {v.code: v.label_zh for v in dictionary(session, "legal_form")}


def _record_index_hinted(q: Select[Any], organization_index: str | None = None) -> Any:
    """``q`` as text naming ``ix_inspection_record_participation`` for its join: the unique index on the same key
    looks cheaper to SQLite's planner (one row) though it holds none of the counted columns, and SQLAlchemy
    renders no index hint for SQLite."""
    from sqlalchemy import text
    from sqlalchemy.dialects import sqlite

    compiled = q.compile(dialect=sqlite.dialect(paramstyle="named"), compile_kwargs={"render_postcompile": True})
    sql = str(compiled)
    join = "LEFT OUTER JOIN inspection_record ON"
    assert sql.count(join) == 1
    sql = sql.replace(join, "LEFT OUTER JOIN inspection_record INDEXED BY ix_inspection_record_participation ON")
    if organization_index is not None:  # the organizations' side too (``ix_organization_due_county``)
        assert sql.count("FROM organization LEFT OUTER JOIN") == 1
        sql = sql.replace("FROM organization LEFT OUTER JOIN",
                          f"FROM organization INDEXED BY {organization_index} LEFT OUTER JOIN")
    params = {k: v.isoformat() if isinstance(v, date) else v for k, v in compiled.params.items()}
    return text(sql).bindparams(**params)


def participation(db: Database, year: int, *, group_by: str = "county",
                  office: str | None = None) -> Participation:
    """参检率 of ``year`` per ``group_by`` (registry | county | legal_form), for this office's campaign, another
    office's (``office``: its code, the city holding the districts' rows) or every campaign of the year the
    database holds (``office="all"``).  Rate = decided / due."""
    if group_by not in GROUPS:
        raise InputError("inspection.bad_group", value=group_by, allowed=", ".join(GROUPS))
    column = {"registry": _O.c.registry_code, "county": _O.c.division_code, "legal_form": _O.c.legal_form}[group_by]
    with db.read() as session:
        if office == "all":
            campaigns = [_info(c) for c in session.scalars(select(InspectionCampaign).where(
                InspectionCampaign.year == year, InspectionCampaign.deleted_at.is_(None)))]
            if not campaigns:
                raise NotFoundError("inspection.no_campaign", year=year, office="*")
        else:
            code = office or db.office().code
            row = _campaign_row(session, code, year)
            if row is None:
                raise NotFoundError("inspection.no_campaign", year=year, office=code)
            campaigns = [_info(row)]
        sums: dict[str, list[int]] = {}
        decided: Any = _R.c.state == "decided"
        # A city's campaign probes the record index once per due organization (hundreds of thousands, in the due
        # index's order, not the records'), and groups as many rows: with SQLite's default 2 MB page cache each
        # probe re-reads its pages from the OS and the GROUP BY sorter spills to temporary files.  A larger cache
        # for this read only (it is given back after) reads each page once.
        with bulk.bulk_cache(session):
            for c in campaigns:
                q = (select(column, func.count(),
                            func.count(_R.c.state),  # not the id: the covering index holds the state
                            func.sum(case((decided, 1), else_=0)),
                            func.sum(case((and_(decided, _R.c.conclusion == "pass"), 1), else_=0)),
                            func.sum(case((and_(decided, _R.c.conclusion == "basic"), 1), else_=0)),
                            func.sum(case((and_(decided, _R.c.conclusion == "fail"), 1), else_=0)),
                            func.sum(case((_R.c.late.is_(True), 1), else_=0)))
                     .select_from(_O.outerjoin(_R, and_(_R.c.organization_id == _O.c.id, _R.c.campaign_id == c.id,
                                                        _R.c.deleted_at.is_(None))))
                     .where(*due_conditions(c)).group_by(column))
                hint = "ix_organization_due_county" if group_by == "county" else None
                for key, *counts in session.execute(_record_index_hinted(q, hint)):
                    acc = sums.setdefault(str(key), [0] * 7)
                    for i, n in enumerate(counts):
                        acc[i] += int(n or 0)  # type: ignore[call-overload]
        labels = _group_labels(session, group_by, list(sums))
    rows = [ParticipationRow(k, labels.get(k, k), *v) for k, v in sorted(sums.items())]
    total = ParticipationRow(None, "合计", *(sum(r[i] for r in sums.values()) for i in range(7)))
    return Participation(year, group_by, sorted({c.office_code for c in campaigns}), rows, total)


# -- per organization: the flags other rules read --------------------------------------------------------------
def history(session: Session, organization_id: str, *, today: date | None = None) -> dict[int, str | None]:
    """year -> the conclusion decided (None: not inspected) for every campaign of the organization's registry in
    which it was due and whose registry deadline for its form has passed, or that has a decided record.
    Inside the caller's session (the rating and credit services call it in theirs)."""
    today = today or clock.today()
    org = session.get(Organization, organization_id)
    if org is None:
        return {}
    decided: dict[int, str | None] = {y: c for y, c in session.execute(
        select(InspectionRecord.year, InspectionRecord.conclusion).where(
            InspectionRecord.organization_id == organization_id, InspectionRecord.state == "decided",
            InspectionRecord.deleted_at.is_(None)))}
    out: dict[int, str | None] = {}
    campaigns = session.scalars(select(InspectionCampaign).where(
        InspectionCampaign.office_code == (org.registry_code or "")[:6], InspectionCampaign.deleted_at.is_(None)))
    for row in campaigns:
        c = _info(row)
        if c.year in decided:
            out[c.year] = decided[c.year]
        elif c.deadline(org.legal_form) < today and is_due(session, c, organization_id):
            out[c.year] = None
    return dict(sorted(out.items()))


def two_years_not_inspected(session: Session, organization_id: str, year: int) -> bool:
    """Due and not inspected (no decided conclusion) in ``year`` and ``year - 1``, both deadlines passed."""
    h = history(session, organization_id)
    return all(y in h and h[y] is None for y in (year - 1, year))


def two_years_basic(session: Session, organization_id: str, year: int) -> bool:
    """基本合格 in ``year`` and in ``year - 1``."""
    h = history(session, organization_id)
    return h.get(year - 1) == "basic" and h.get(year) == "basic"


def flags(session: Session, organization_id: str, year: int) -> dict[str, bool]:
    """``{"two_years_not_inspected": …, "two_years_basic": …}`` for ``year`` and the year before."""
    h = history(session, organization_id)
    return {"two_years_not_inspected": all(y in h and h[y] is None for y in (year - 1, year)),
            "two_years_basic": h.get(year - 1) == "basic" and h.get(year) == "basic"}
