"""Credit lists (信用名单, 民政部令第60号): the abnormal list (活动异常名录) and the serious list (严重违法失信名单).

Offers:

- :func:`propose` (a clerk, ``supervise``): a listing by hand, naming its ground (a code of the parameter
  ``credit.grounds``; a ground that needs evidence, such as two registered letters returned, is refused
  without it) and its detail.
- :func:`propose_due` (the rule engine) and :func:`propose_for` (the same for one organization, after one new
  record; :func:`propose_in` in the caller's unit of work, as the services of :data:`TRIGGERS` run it): every
  listing the records make due, proposed once (a proposal names the record that caused it,
  ``source_entity``/``source_id``, and never repeats for the same record and ground), each with its ground and
  evidence.  One organization's run reads its records by its id (:func:`_facts`: a few indexed reads); the
  whole office's reads each rule's records set by set, never organization by organization
  (:func:`_office_facts`: one walk of the due index and the reports of each year, the penalties, spot checks and
  listings whole), and writes its proposals in bulk (:func:`_write_office`: the rows, their steps and the sync's
  change log by :func:`~civicdesk.services.core.bulk.insert_tuples`, one audit entry ``credit.engine`` for the
  run).  ``tests/supervision/test_credit_office.py`` checks that both find the same; ``bench/bench_credit.py``
  times them.  The rules:

  * an annual report not submitted or decided after the registry's deadline of the organization's form, in
    each of this office's inspection campaigns in which it was due -> abnormal ``annual_report_missing``;
  * a spot check ordering rectification (result ``rectify``) not rectified by ``rectify_by`` -> abnormal
    ``rectification_not_done``;
  * a decided penalty: a warning or a fine under ``credit.small_fine_limit`` -> abnormal
    ``warning_or_small_fine``; a fine at or over the limit -> serious ``large_fine``; a suspension -> serious
    ``suspended``; a revocation -> serious ``revoked``; the ``count``-th warning or small fine within
    ``years`` (``credit.repeat_penalties``) -> serious ``repeat_penalties``;
  * an abnormal listing ``credit.move_over_years`` years on -> a serious ``abnormal_two_years`` proposal
    (``moved_from_id``) on the day it falls due;
  * an abnormal listing whose ground has nothing to rectify (``removal`` ``six_months``),
    ``credit.abnormal_auto_removal_months`` months on -> its removal proposed (``six_months``).

- :func:`decide` (a reviewer other than the proposer, ``supervise.decide``): a listing needs its decision
  number (文号) and date; a rejection its reason.  Deciding a move-over lists the serious listing and marks
  the abnormal listings it came from ``moved``.
- :func:`propose_removal` (``rectified`` from the day the rectification was verified | ``six_months`` |
  ``two_years`` | ``other``) and :func:`decide_removal` (its own 文号, four eyes).  A removal before its time
  is refused: ``six_months`` before the months have run or for a ground that needs rectification,
  ``two_years`` before the years of a serious listing or when a new ground arose since.  A rectified removal
  is due within ``credit.rectified_removal_working_days`` working days (:mod:`.calendar`).
- :func:`object_to` / :func:`decide_objection`: objections (异议); ``annulled`` annuls the listing.
- :func:`due` (the timers), :func:`list_listings`, :func:`get_listing`, :func:`listed` (current listings by
  organization, for the rating rules), :func:`current` (one organization's listings in force, for the detail
  pane, the printed sheet and the filings' warnings).  The register reads ``organization.credit_list``, which
  every step into or out of ``listed`` refreshes (:func:`_event`).

**The clock restarts** (listing again while listed): the months and years of an organization's listings on
one list run from the latest listing of that list still in force (:func:`_clock_start`).

Every step is a :class:`~civicdesk.models.CreditEvent`; a refused step is audited (``credit.refused``) and
writes nothing else.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import literal, not_, select, text
from sqlalchemy.orm import Session, load_only
from sqlalchemy.types import Date

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError, NotFoundError, ValidationError
from civicdesk.models import (CreditEvent, CreditListing, CreditObjection, InspectionCampaign, InspectionRecord,
                              Organization, Penalty, SpotcheckItem, SpotcheckPlan)
from civicdesk.models import audit
from civicdesk.models.base import new_ids, table_of
from civicdesk.models.history import json_value
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.supervision import common
from civicdesk.services.admin import auth
from civicdesk.services.core import bulk
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import check_text, parse_date
from civicdesk.services.supervision import calendar, inspection, parameters, profile
from civicdesk.services.supervision import ruling as _ruling  # noqa: F401  (its guard: no local change undoes a ruling)

LISTS = ("abnormal", "serious")
STATES = ("proposed", "listed", "rejected", "removed", "moved", "annulled")
REMOVAL_GROUNDS = ("rectified", "six_months", "two_years", "other")
OBJECTION_DECISIONS = ("upheld", "corrected", "annulled")
BUCKETS = ("overdue", "today", "this_week", "later")
RULES_ACTOR = "rules"  # the proposer the engine writes
ENTER = "supervise"
DECIDE = "supervise.decide"
#: the record kinds whose service runs :func:`propose_in` for the organization (penalties.decide,
#: inspection.decide, spotcheck.record)
TRIGGERS = ("penalty", "inspection_record", "spotcheck_item")
T = TypeVar("T")


# -- what callers get back --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreditStep:
    action: str
    from_state: str | None
    to_state: str
    actor: str
    at: datetime
    comment: str | None


@dataclass(frozen=True)
class ListingInfo:
    id: str
    organization_id: str
    organization_name: str
    uscc: str | None
    office_code: str
    list_kind: str
    state: str
    ground: str
    ground_detail: str | None
    evidence: list[dict[str, Any]]
    source_entity: str | None
    source_id: str | None
    proposed_by: str
    proposed_on: date
    decision_no: str | None
    decided_on: date | None
    decided_by: str | None
    listed_on: date | None
    removal_ground: str | None
    removal_proposed_on: date | None
    removal_proposed_by: str | None
    removal_decision_no: str | None
    removed_on: date | None
    removed_by: str | None
    moved_from_id: str | None
    reason: str | None
    steps: tuple[CreditStep, ...] = ()
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        return common.record_json(self)


@dataclass(frozen=True)
class ObjectionInfo:
    id: str
    listing_id: str
    received_on: date
    content: str
    state: str
    decision: str | None
    reply: str | None
    decided_on: date | None
    entered_by: str
    decided_by: str | None
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        return common.record_json(self)


@dataclass(frozen=True)
class DueItem:
    """One timer: ``kind`` ``decide`` (a proposal awaiting its decision) | ``removal_decide`` (a removal
    proposed) | ``removal`` (a six-month removal falling due) | ``move_over`` | ``objection``."""

    kind: str
    listing_id: str
    objection_id: str | None
    organization_id: str
    organization_name: str
    list_kind: str
    ground: str
    due_on: date
    bucket: str
    note: str | None = None
    office_code: str = ""  # the office the listing is of

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "due_on": self.due_on.isoformat()}


@dataclass(frozen=True)
class Proposal:
    """What the rule engine found due for one organization (before it is written)."""

    organization_id: str
    list_kind: str
    ground: str
    source_entity: str
    source_id: str
    evidence: list[dict[str, Any]]
    detail: str | None = None
    moved_from_id: str | None = None


@dataclass(frozen=True)
class EngineResult:
    """What one run of the rule engine wrote: the new proposals and the removals it proposed."""

    proposed: list[ListingInfo] = field(default_factory=list)
    removals: list[ListingInfo] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"proposed": [p.to_json() for p in self.proposed], "removals": [r.to_json() for r in self.removals]}


def ground_label(code: str, lang: str = "zh", grounds: list[dict[str, Any]] | None = None) -> str:
    for g in grounds or parameters.defaults()["credit.grounds"].value:
        if g["key"] == code:
            return str(g["zh"] if messages.is_zh(lang) else g["en"])
    return code


def state_label(state: str, lang: str = "zh") -> str:
    return messages.label(f"credit_state.{state}", lang, default=state)


def list_label(kind: str, lang: str = "zh") -> str:
    return messages.label(f"credit_list.{kind}", lang, default=kind)


# -- dates --------------------------------------------------------------------------------------------------------
def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, the day clamped to the month's end (31 Aug + 6 = 28/29 Feb)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def bucket(due_on: date, today: date) -> str:
    """overdue | today | this_week (to Sunday) | later."""
    if due_on < today:
        return "overdue"
    if due_on == today:
        return "today"
    if due_on <= today + timedelta(days=6 - today.weekday()):
        return "this_week"
    return "later"


# -- helpers ------------------------------------------------------------------------------------------------------
def _guarded(db: Database, by: auth.UserInfo | None, action: str, key: str | None, work: Callable[[], T]) -> T:
    """Run ``work``; a refusal is written to the audit trail (in its own unit) before it is raised."""
    return common.guarded(db, by, "credit.refused", "credit_listing", action, key, work)


def _text(value: str | None, name: str, label: str) -> str | None:
    issues = check_text(value, name, label)
    if issues:
        raise ValidationError(issues)
    return (value or "").strip() or None


def _date(value: date | str | None, name: str, default: date, *, not_before: date | None = None) -> date:
    if value is None or value == "":
        found = default
    else:
        parsed = value if isinstance(value, date) else parse_date(value)
        if parsed is None:
            raise InputError("credit.bad_date", field=name, value=str(value)[:40])
        found = parsed
    if found > clock.today():
        raise InputError("credit.date_in_future", field=name, value=found.isoformat(),
                         today=clock.today().isoformat())
    if not_before is not None and found < not_before:
        raise InputError("credit.date_too_early", field=name, value=found.isoformat(), earliest=not_before.isoformat())
    return found


def _grounds(session: Session, office_code: str) -> dict[str, dict[str, Any]]:
    return {g["key"]: g for g in parameters.value_in(session, office_code, "credit.grounds")}


def _param(session: Session, office_code: str, key: str) -> Any:
    return parameters.value_in(session, office_code, key)


def _find_org(session: Session, key: str) -> Organization:
    return common.find_org(session, key, "credit.org_not_found")


def _find(session: Session, key: str) -> CreditListing:
    row = session.get(CreditListing, (key or "").strip())
    if row is None or row.deleted_at is not None:
        raise NotFoundError("credit.not_found", key=key)
    return row


def _event(session: Session, row: CreditListing, action: str, before: str | None, actor: str,
           comment: str | None = None) -> None:
    """Write the step; a step into or out of ``listed`` (decide, remove, move over, annul) also refreshes the
    organization's derived ``credit_list`` (the register's warning, column and filter)."""
    session.add(CreditEvent(listing_id=row.id, action=action, from_state=before, to_state=row.state, actor=actor,
                            at=clock.utcnow(), comment=comment, origin_office=row.origin_office))
    if before != row.state and "listed" in (before, row.state):
        session.flush()  # the refresh reads credit_listing with a Core statement
        profile.refresh_summary(session, [row.organization_id])


def _expect(row: CreditListing, states: tuple[str, ...], action: str) -> None:
    if row.state not in states:
        from sqlalchemy.orm import object_session

        from civicdesk.models import Ruling

        session = object_session(row)  # a listing the city annulled by a ruling: say so (models.Ruling)
        ruled = session.scalars(select(Ruling).where(Ruling.subject_id == row.id, Ruling.kind == "annul",
                                                     Ruling.deleted_at.is_(None))).first() if session else None
        if ruled is not None:
            raise CivicDeskError("ruling.ruled", entity="credit_listing", id=row.id, decision_no=ruled.decision_no,
                                 field="state")
        raise CivicDeskError("credit.transition", key=row.id, state=row.state, action=action)


def _four_eyes(by: auth.UserInfo | None, proposer: str | None, key: str) -> None:
    if by is not None and by.username == proposer:
        raise CivicDeskError("credit.four_eyes", key=key)


def _info(session: Session, row: CreditListing, *, with_steps: bool = True) -> ListingInfo:
    org = session.get(Organization, row.organization_id)
    steps: tuple[CreditStep, ...] = ()
    if with_steps:
        steps = tuple(CreditStep(e.action, e.from_state, e.to_state, e.actor, e.at, e.comment)
                      for e in session.scalars(select(CreditEvent).where(CreditEvent.listing_id == row.id)
                                               .order_by(CreditEvent.at, CreditEvent.created_at)))
    return ListingInfo(
        row.id, row.organization_id, org.name if org else "", org.uscc if org else None, row.office_code,
        row.list_kind, row.state, row.ground, row.ground_detail, list(row.evidence or []), row.source_entity,
        row.source_id, row.proposed_by, row.proposed_on, row.decision_no, row.decided_on, row.decided_by,
        row.listed_on, row.removal_ground, row.removal_proposed_on, row.removal_proposed_by,
        row.removal_decision_no, row.removed_on, row.removed_by, row.moved_from_id, row.reason, steps, row.version)


def _info_named(row: CreditListing, name: str, uscc: str | None) -> ListingInfo:
    """:func:`_info` without its steps, the organization's name and USCC given (read beforehand, set by set)."""
    return ListingInfo(
        row.id, row.organization_id, name, uscc, row.office_code, row.list_kind, row.state, row.ground,
        row.ground_detail, list(row.evidence or []), row.source_entity, row.source_id, row.proposed_by,
        row.proposed_on, row.decision_no, row.decided_on, row.decided_by, row.listed_on, row.removal_ground,
        row.removal_proposed_on, row.removal_proposed_by, row.removal_decision_no, row.removed_on, row.removed_by,
        row.moved_from_id, row.reason, version=row.version)


def _listings(session: Session, organization_id: str) -> list[CreditListing]:
    """Every listing of one organization (``ix_credit_listing_org``)."""
    return list(session.scalars(select(CreditListing).where(CreditListing.organization_id == organization_id,
                                                            CreditListing.deleted_at.is_(None))))


def _clock_start(listings: Iterable[Any], list_kind: str) -> date | None:
    """The day the time of an organization's listings on ``list_kind`` runs from: its latest listing there
    still in force (a new listing while listed restarts the clock)."""
    days = [r.listed_on for r in listings if r.list_kind == list_kind and r.state == "listed" and r.listed_on]
    return max(days) if days else None


def _add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


# -- proposing by hand --------------------------------------------------------------------------------------------
def propose(db: Database, organization: str, list_kind: str, ground: str, *, by: auth.UserInfo | None,
            detail: str | None = None, evidence: list[dict[str, Any]] | None = None,
            proposed_on: date | str | None = None) -> ListingInfo:
    """A clerk's proposal to list ``organization`` (id or USCC) on ``list_kind`` for ``ground``."""

    def work() -> ListingInfo:
        actor = auth.require(db, by, ENTER)
        if list_kind not in LISTS:
            raise InputError("credit.bad_list", value=str(list_kind)[:20], allowed=", ".join(LISTS))
        text = _text(detail, "detail", "情形说明")
        proof = [e for e in (evidence or []) if isinstance(e, dict) and str(e.get("summary") or "").strip()]
        for e in proof:
            _text(str(e.get("summary")), "evidence", "证据")
        on = _date(proposed_on, "proposed_on", clock.today())
        office = db.office()
        with db.unit(actor=actor) as session:
            grounds = _grounds(session, office.code)
            code = (ground or "").strip()
            if not code:
                raise InputError("credit.ground_required", allowed=", ".join(grounds))
            g = grounds.get(code)
            if g is None or g["list_kind"] != list_kind:
                raise InputError("credit.bad_ground", value=code[:48], list_kind=list_kind,
                                 allowed=", ".join(k for k, v in grounds.items() if v["list_kind"] == list_kind))
            if g.get("evidence_required") and not proof:
                raise InputError("credit.evidence_required", ground=code)
            org = _find_org(session, organization)
            row = CreditListing(organization_id=org.id, office_code=office.code, list_kind=list_kind,
                                state="proposed", ground=code, ground_detail=text,
                                evidence=[{"entity": str(e.get("entity") or "document"), "id": e.get("id"),
                                           "summary": str(e["summary"]).strip()} for e in proof],
                                proposed_by=actor, proposed_on=on, origin_office=office.code)
            session.add(row)
            session.flush()
            _event(session, row, "propose", None, actor, text)
            session.flush()
            return _info(session, row)

    return _guarded(db, by, "propose", organization, work)


# -- the rule engine ----------------------------------------------------------------------------------------------
@dataclass
class _Rules:
    """The parameters one run reads, read once."""

    grounds: dict[str, dict[str, Any]]
    limit: Decimal
    repeat_count: int
    repeat_years: int
    removal_months: int
    move_years: int
    campaigns: list[inspection.CampaignInfo]

    @classmethod
    def read(cls, session: Session, office_code: str) -> _Rules:
        repeat = _param(session, office_code, "credit.repeat_penalties")
        campaigns = [inspection._info(c) for c in session.scalars(select(InspectionCampaign).where(
            InspectionCampaign.office_code == office_code[:6], InspectionCampaign.deleted_at.is_(None)))
            if (c.rules or {}).get("deadlines")]  # a campaign without its rules has no deadline to miss
        limit = Decimal(str(_param(session, office_code, "credit.small_fine_limit")))
        return cls(_grounds(session, office_code), limit,
                   int(repeat["count"]), int(repeat["years"]),
                   int(_param(session, office_code, "credit.abnormal_auto_removal_months")),
                   int(_param(session, office_code, "credit.move_over_years")), campaigns)

    def auto(self, ground: str) -> bool:
        return bool(self.grounds.get(ground, {}).get("auto"))


def _money(amount: Decimal | None) -> str:
    return f"{amount:.2f}" if amount is not None else "-"


def _facts(session: Session, org: Organization, rules: _Rules, on: date) -> list[Proposal]:
    """Every listing due for ``org`` on ``on``, read by the organization's id only (what one organization's run
    reads; the whole office's is :func:`_office_facts`, with the same rules)."""
    out: list[Proposal] = []
    # annual reports
    if org.tier == "registered":
        have = {y for (y,) in session.execute(select(InspectionRecord.year).where(
            InspectionRecord.organization_id == org.id, InspectionRecord.deleted_at.is_(None),
            InspectionRecord.state.in_(("submitted", "decided"))))}
        for c in rules.campaigns:
            deadline = c.deadline(org.legal_form)
            if c.year in have or deadline >= on or not inspection.is_due(session, c, org.id):
                continue
            if rules.auto("annual_report_missing"):
                out.append(_report_missing(c, org.id, org.legal_form))
    # spot checks ordering rectification
    out.extend(_spotcheck_facts(org.id, session.scalars(select(SpotcheckItem).where(
        SpotcheckItem.organization_id == org.id, SpotcheckItem.result == "rectify",
        SpotcheckItem.deleted_at.is_(None))), rules, on))
    # penalties
    penalties = list(session.scalars(select(Penalty).where(
        Penalty.organization_id == org.id, Penalty.state == "decided", Penalty.deleted_at.is_(None))
        .order_by(Penalty.decided_on, Penalty.id)))
    out.extend(_penalty_facts(org.id, penalties, rules, on))
    out.extend(_move_facts(org.id, _listings(session, org.id), rules, on))
    return out


def _spotcheck_facts(organization_id: str, items: Iterable[Any], rules: _Rules, on: date) -> list[Proposal]:
    """A spot check's rectification (``SpotcheckItem`` rows or rows of its columns) not done by its day."""
    out: list[Proposal] = []
    if not rules.auto("rectification_not_done"):
        return out
    for item in items:
        by_day = item.rectify_by
        if by_day is None or by_day >= on:
            continue
        if item.rectified_on is not None and item.rectified_on <= by_day:
            continue
        out.append(Proposal(organization_id, "abnormal", "rectification_not_done", "spotcheck_item", item.id,
                            [{"entity": "spotcheck_item", "id": item.id,
                              "summary": f"抽查责令于{by_day.isoformat()}前整改，" + (
                                  f"{item.rectified_on.isoformat()}才整改" if item.rectified_on else "未整改")}]))
    return out


def _move_facts(organization_id: str, listings: list[Any], rules: _Rules, on: date) -> list[Proposal]:
    """The abnormal list two years on: a move-over, from the latest listing (the clock restarts)."""
    start = _clock_start(listings, "abnormal")
    if start is None or _add_years(start, rules.move_years) > on or not rules.auto("abnormal_two_years"):
        return []
    latest = max((r for r in listings if r.list_kind == "abnormal" and r.state == "listed"),
                 key=lambda r: (r.listed_on or date.min, r.id))
    return [Proposal(organization_id, "serious", "abnormal_two_years", "credit_listing", latest.id,
                     [{"entity": "credit_listing", "id": r.id,
                       "summary": f"{r.decision_no or ''} 自{r.listed_on.isoformat() if r.listed_on else ''}"
                                  "列入活动异常名录"}
                      for r in listings if r.list_kind == "abnormal" and r.state == "listed"], None, latest.id)]


def _penalty_facts(organization_id: str, penalties: Iterable[Any], rules: _Rules, on: date) -> list[Proposal]:
    """The listings an organization's decided penalties (by decision date; ``Penalty`` rows or rows of its
    columns) call for on ``on``."""
    out: list[Proposal] = []

    def add(kind: str, ground: str, entity: str, source: str, evidence: list[dict[str, Any]]) -> None:
        if rules.auto(ground):
            out.append(Proposal(organization_id, kind, ground, entity, source, evidence))

    small: list[Any] = []
    for p in penalties:
        if p.decided_on is None or p.decided_on > on:
            continue
        summary = f"{p.decision_no or p.case_no}（{p.decided_on.isoformat()}）"
        evidence = [{"entity": "penalty", "id": p.id, "summary": f"{p.kind} {_money(p.amount)} {summary}"}]
        if p.kind == "warning" or (p.kind == "fine" and (p.amount or Decimal(0)) < rules.limit):
            add("abnormal", "warning_or_small_fine", "penalty", p.id, evidence)
            window = _add_years(p.decided_on, -rules.repeat_years)
            small = [q for q in small if q.decided_on is not None and q.decided_on > window] + [p]
            if len(small) >= rules.repeat_count:
                add("serious", "repeat_penalties", "penalty", p.id,
                    [{"entity": "penalty", "id": q.id,
                      "summary": f"{q.kind} {_money(q.amount)} {q.decision_no or q.case_no}"
                                 f"（{q.decided_on.isoformat() if q.decided_on else ''}）"} for q in small])
        elif p.kind == "fine":
            add("serious", "large_fine", "penalty", p.id, evidence)
        elif p.kind == "suspension":
            add("serious", "suspended", "penalty", p.id, evidence)
        elif p.kind == "revocation":
            add("serious", "revoked", "penalty", p.id, evidence)
    return out


def _report_missing(c: inspection.CampaignInfo, organization_id: str, legal_form: str | None,
                    deadline: date | None = None) -> Proposal:
    deadline = deadline or c.deadline(legal_form)
    return Proposal(organization_id, "abnormal", "annual_report_missing", "inspection_campaign", c.id,
                    [{"entity": "inspection_campaign", "id": c.id,
                      "summary": f"{c.year}年度工作报告未在{deadline.isoformat()}前报送"}])


def _removals_due(listings: list[Any], rules: _Rules, on: date) -> list[Any]:
    """Abnormal listings with nothing to rectify whose months have run and no removal proposed yet."""
    start = _clock_start(listings, "abnormal")
    if start is None or add_months(start, rules.removal_months) > on:
        return []
    return [r for r in listings if r.list_kind == "abnormal" and r.state == "listed" and r.removal_proposed_on is None
            and rules.grounds.get(r.ground, {}).get("removal") == "six_months"]


def _write(session: Session, office_code: str, org: Organization, rules: _Rules, on: date,
           found: list[Proposal], result: EngineResult) -> None:
    known = {(r.source_entity, r.source_id, r.ground) for r in _listings(session, org.id)}
    for p in found:
        if (p.source_entity, p.source_id, p.ground) in known:
            continue
        known.add((p.source_entity, p.source_id, p.ground))
        row = CreditListing(organization_id=org.id, office_code=office_code, list_kind=p.list_kind,
                            state="proposed", ground=p.ground, ground_detail=p.detail, evidence=p.evidence,
                            source_entity=p.source_entity, source_id=p.source_id, proposed_by=RULES_ACTOR,
                            proposed_on=on, moved_from_id=p.moved_from_id, origin_office=office_code)
        session.add(row)
        session.flush()
        _event(session, row, "propose", None, RULES_ACTOR, p.ground)
        result.proposed.append(_info(session, row, with_steps=False))
    for row in _removals_due(_listings(session, org.id), rules, on):
        row.removal_ground, row.removal_proposed_on, row.removal_proposed_by = "six_months", on, RULES_ACTOR
        _event(session, row, "propose_removal", "listed", RULES_ACTOR, "six_months")
        result.removals.append(_info(session, row, with_steps=False))


def _missing(session: Session, rules: _Rules, on: date) -> dict[str, set[int]]:
    """organization id -> the years of its annual reports missing on ``on`` (one query per campaign)."""
    out: dict[str, set[int]] = {}
    for c in rules.campaigns:
        if date.fromisoformat(c.rules["deadlines"]["*"]["registry"]) >= on and all(
                date.fromisoformat(d["registry"]) >= on for d in c.rules["deadlines"].values()):
            continue
        deadline = inspection._form_case(c.rules, "registry")
        _O = inspection._O
        _R = inspection._R
        have = select(_R.c.id).where(_R.c.organization_id == _O.c.id, _R.c.campaign_id == c.id,
                                     _R.c.deleted_at.is_(None), _R.c.state.in_(("submitted", "decided"))).exists()
        q = inspection.due_select(c).where(deadline < literal(on, Date), not_(have))
        for (org_id,) in session.execute(q):
            out.setdefault(str(org_id), set()).add(c.year)
    return out


def _ids_param(ids: Iterable[str]) -> str:
    """A set of ids as one bound parameter (a JSON array), read in SQL as ``json_each(:ids)``."""
    return json.dumps(sorted(ids))


def _before(value: Any, bound: str, *, equal: bool = False) -> bool:
    """SQLite's ``value < bound`` (``<=`` when ``equal``) of a stored value (not NULL) and a date literal (text):
    numbers sort before texts, blobs after, texts by their bytes (as Python compares them)."""
    if isinstance(value, str):
        return value <= bound if equal else value < bound
    return not isinstance(value, bytes)


class _DueRule:
    """:func:`.inspection.due_conditions` of one campaign, and its deadline past on the day, evaluated in Python
    on the columns one group of the due walk shares (the walk's WHERE gives the first four conditions); the
    same truth as SQLite's (``tests/supervision/test_credit_missing.py`` compares with :func:`_missing`)."""

    def __init__(self, c: inspection.CampaignInfo, on: date) -> None:
        deadlines = c.rules["deadlines"]
        self.default = date.fromisoformat(deadlines["*"]["registry"]).isoformat()  # as SQLite's literal of it
        self.deadlines = {f: date.fromisoformat(d["registry"]).isoformat() for f, d in deadlines.items() if f != "*"}
        self.cutoff = inspection._months_before(date(c.year, 12, 31), int(c.rules.get("min_months", 6))).isoformat()
        self.on = on.isoformat()

    def deadline_of(self, form: Any) -> str:
        return self.deadlines.get(form, self.default) if isinstance(form, str) else self.default

    def ended_in_time(self, form: Any, changed_on: Any) -> bool:
        """Whether an organization that ended on ``changed_on`` was still due (ended on or after the deadline)."""
        return changed_on is not None and not _before(changed_on, self.deadline_of(form))

    def past(self, form: Any) -> bool:
        """Whether the deadline of ``form`` has passed on the day."""
        return self.deadline_of(form) < self.on

    def established_in_time(self, established_on: Any) -> bool:
        """Whether an organization established on ``established_on`` was due (on or before the cutoff)."""
        return established_on is None or _before(established_on, self.cutoff, equal=True)

    def due(self, form: Any, established_on: Any, status: Any, changed_on: Any) -> bool:
        if not self.past(form) or not self.established_in_time(established_on):
            return False
        ended = status is not None and status not in LIVE_STATUSES
        return not (ended and (changed_on is None or _before(changed_on, self.deadline_of(form))))


def _live(rules: _Rules, on: date) -> list[inspection.CampaignInfo]:
    """The campaigns with a deadline past on ``on`` (for some form)."""
    return [c for c in rules.campaigns
            if any(date.fromisoformat(d["registry"]) < on for d in c.rules["deadlines"].values())]


#: the due walk of one registry: ``ix_organization_due`` (covering), grouped in its order (no sort)
_WALK = ("SELECT legal_form, established_on, status, status_changed_on, group_concat(id)"
         " FROM organization WHERE deleted_at IS NULL AND registry_code = ? AND tier = 'registered'"
         " AND legal_form IS NOT NULL GROUP BY legal_form, established_on, status, status_changed_on")


class _Reported(NamedTuple):
    """The due walk of each registry of the live campaigns, the campaigns of each of their years, and the
    reported organizations of each campaign (one string of ids), being read (:meth:`_Aside.read`)."""

    walks: dict[str, Callable[[], list[Any]]]
    campaigns_of: dict[int, list[str]]
    ids: dict[str, Callable[[], list[Any]]]


def _read_reported(session: Session, rules: _Rules, on: date, aside: _Aside) -> _Reported:
    live = _live(rules, on)
    walks = {registry: aside.read(_WALK, (registry,)) for registry in sorted({c.office_code for c in live})}
    years = sorted({c.year for c in live})
    campaigns_of = {y: list(session.scalars(select(InspectionCampaign.id).where(InspectionCampaign.year == y)))
                    for y in years}
    return _Reported(walks, campaigns_of,
                     {i: aside.read(_REPORTED, (i,)) for y in years for i in campaigns_of[y]})


def _office_missing(session: Session, rules: _Rules, on: date, aside: _Aside | None = None,
                    reported: _Reported | None = None) -> dict[tuple[int, str | None], set[str]]:
    """(year, legal form) -> the organizations of that form whose annual report of that year is missing on
    ``on``, over the whole office: what :func:`_facts` finds report by report, read set by set.

    Due: one walk of ``ix_organization_due`` per registry, grouped by the columns the due conditions read (in the
    index's order: no sort), each group with its ids (``group_concat``); each campaign's due conditions and its
    deadline past (:class:`_DueRule`) are then evaluated in Python once per distinct group key (the organizations
    still active: once per legal form and day of establishment).  Every organization due in some campaign goes
    into one set (by legal form); those of a group not due in a campaign into that campaign's list (few: the
    newly established, the ended).  Per campaign: a copy of the set (a table copy in C), less its list, less the
    organizations that reported (submitted or decided, in any campaign of the year: a record's ``year`` repeats
    its campaign's), read from ``ix_inspection_record_participation`` as one string and taken out by
    ``difference_update`` in C (no set of the 1.9 million reported ids built, no Python pass over them); what
    is left split by legal form by set intersections.  ``tests/supervision/test_credit_missing.py`` compares
    it with :func:`_missing`, each campaign's plain query.

    The walk and the reported ids are read by ``aside`` (:class:`_Aside`, begun by :func:`_read_reported`:
    ``reported``), or by a reader of its own when none is given."""
    live = _live(rules, on)
    missing: dict[tuple[int, str | None], set[str]] = {}
    if not live:
        return missing
    raw = session.connection().connection.dbapi_connection  # the big reads through the driver, as strings
    own = aside is None
    aside = aside or _Aside(session, raw)
    try:
        reported = reported or _read_reported(session, rules, on, aside)
        _missing_of(live, on, reported, missing)
    finally:
        if own:
            aside.close()
    return missing


def _missing_of(live: list[inspection.CampaignInfo], on: date, reported: _Reported,
                missing: dict[tuple[int, str | None], set[str]]) -> None:
    """:func:`_office_missing`'s walk and differences, into ``missing``."""
    for registry in sorted({c.office_code for c in live}):
        mine = [c for c in live if c.office_code == registry]
        rules_of = [_DueRule(c, on) for c in mine]
        # an active group's campaigns (bit i: mine[i]): those whose deadline for its form has passed and whose
        # cutoff its day of establishment is on or before, each part cached by its own value (a few forms, a
        # day shared by every form), not by the pair
        past: dict[Any, int] = {}  # legal form -> the campaigns whose deadline for it has passed
        established: dict[Any, int] = {}  # day established -> the campaigns it was established in time for
        in_time: dict[tuple[Any, ...], int] = {}  # (form, day ended) -> the campaigns it ended on or after
        of_form: dict[Any, set[str]] = {}  # legal form -> its organizations due in some campaign
        apart: list[list[str]] = [[] for _ in mine]  # per campaign, those of them not due in it
        for form, established_on, status, changed_on, ids in reported.walks[registry]():
            # an active group: the campaigns of its form and day (the status changes nothing); an ended one: those
            # of an active group of its form and day, less those whose deadline came after the day it ended
            mask = past.get(form)
            if mask is None:
                mask = past[form] = sum(1 << i for i, rule in enumerate(rules_of) if rule.past(form))
            day = established.get(established_on)
            if day is None:
                day = established[established_on] = sum(1 << i for i, rule in enumerate(rules_of)
                                                        if rule.established_in_time(established_on))
            mask &= day
            if status is not None and status not in LIVE_STATUSES and mask:
                ended = (form, changed_on)
                kept = in_time.get(ended)
                if kept is None:
                    kept = in_time[ended] = sum(1 << i for i, rule in enumerate(rules_of)
                                                if rule.ended_in_time(form, changed_on))
                mask &= kept
            if not mask:
                continue
            members = ids.split(",")
            if form not in of_form:
                of_form[form] = set()
            of_form[form].update(members)
            for i in range(len(mine)):
                if not mask >> i & 1:
                    apart[i].extend(members)
        everyone: set[str] = set().union(*of_form.values())
        for i, c in enumerate(mine):  # due: everyone but those apart; missing: due but not reported
            left = everyone.copy()
            left.difference_update(apart[i])
            apart[i] = []
            for campaign_id in reported.campaigns_of[c.year]:
                ((ids,),) = reported.ids[campaign_id]()
                if ids:
                    left.difference_update(ids.split(","))
            for form, members in of_form.items():
                found = left & members
                if found:
                    missing.setdefault((c.year, form), set()).update(found)


_REPORTED = ("SELECT group_concat(organization_id) FROM inspection_record WHERE campaign_id = ?"  # covering:
             " AND deleted_at IS NULL AND state IN ('submitted', 'decided')")  # ix_inspection_record_participation


class _Aside:
    """Reads of the whole office's run made on a second, read-only connection to the same file by one thread, in
    the order asked, while the unit's own thread goes on (SQLite's C code releases the GIL: the other core): the
    reported organizations of each campaign while the due walk runs, the listings' id strings while the reported
    ids are taken out, the names while the organizations are looked at.  The thread's connection holds one read
    transaction from its first read to :meth:`close`; it begins after the unit's (:func:`propose_due`: its unit
    holds the write lock from its start and writes nothing before :func:`_write_office`), so it sees what the
    unit sees: no writer can commit in between.  A database that is not a plain file, a unit that has written
    already, or a read that failed: read on the unit's own connection instead (``raw``), when its rows are asked."""

    def __init__(self, session: Session, raw: Any) -> None:
        self.raw = raw
        self.conn: sqlite3.Connection | None = None
        self.pool: ThreadPoolExecutor | None = None
        engine = session.get_bind().engine
        self.path = engine.url.database if engine.dialect.name == "sqlite" else None
        if self.path and self.path != ":memory:" and not (session.new or session.dirty or session.deleted):
            self.pool = ThreadPoolExecutor(1, thread_name_prefix="credit-aside")

    def _read(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        if self.conn is None:
            # the file's URI (its path percent-encoded: a '#' or '?' in it names no other file)
            uri = f"{Path(str(self.path)).resolve().as_uri()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self.conn.execute("BEGIN")
        return self.conn.execute(sql, params).fetchall()

    def read(self, sql: str, params: tuple[Any, ...] = ()) -> Callable[[], list[Any]]:
        """Begin a read; what it returns gives its rows (the driver's tuples), waiting for them."""
        future = self.pool.submit(self._read, sql, params) if self.pool is not None else None

        def rows() -> list[Any]:
            if future is not None:
                with suppress(Exception):  # read again on the unit's connection
                    return future.result()
            return list(self.raw.execute(sql, params).fetchall())

        return rows

    def close(self) -> None:
        if self.pool is None:
            return

        def end() -> None:
            if self.conn is not None:
                self.conn.rollback()
                self.conn.close()
                self.conn = None

        self.pool.submit(end)
        self.pool.shutdown(wait=True)
        self.pool = None


class _Listed(NamedTuple):
    """The columns of a listing the whole office's run reads (the driver's tuple, in this order, with its dates
    parsed: made only for the organizations on the abnormal list, whose move-over and removal it reads)."""

    id: str
    organization_id: str
    list_kind: str
    state: str
    ground: str
    source_entity: str | None
    source_id: str | None
    listed_on: Any
    decision_no: str | None
    removal_proposed_on: Any


def _day(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _office_facts(session: Session, office_code: str, rules: _Rules, on: date) -> _OfficeFacts:
    """What :func:`_facts` finds for every organization some rule may concern, read set by set (one query per
    rule over the whole office, never one per organization): the same proposals.  The reads that give strings
    of ids, and the names, are made aside (:class:`_Aside`) while this thread works on what it has."""
    raw: Any = session.connection().connection.dbapi_connection
    aside = _Aside(session, raw)
    try:
        return _office_facts_aside(session, office_code, rules, on, raw, aside)
    finally:
        aside.close()


def _office_facts_aside(session: Session, office_code: str, rules: _Rules, on: date, raw: Any,
                        aside: _Aside) -> _OfficeFacts:
    found = _OfficeFacts()
    reported = _read_reported(session, rules, on, aside)  # first: the due walk, then the reported ids
    # then the listings' organizations as strings of ids (the office's abnormal list, the missing reports
    # proposed before by campaign, the abnormal list of any office), wanted once the missing reports are known
    office_listed = aside.read(
        "SELECT group_concat(organization_id) FROM credit_listing WHERE office_code = ? AND state = 'listed'"
        " AND list_kind = 'abnormal' AND deleted_at IS NULL", (office_code,))
    proposed_before = aside.read(
        "SELECT source_id, group_concat(organization_id) FROM credit_listing WHERE deleted_at IS NULL"
        " AND source_entity = 'inspection_campaign' AND ground = 'annual_report_missing' GROUP BY source_id")
    abnormal = aside.read("SELECT group_concat(organization_id) FROM credit_listing WHERE deleted_at IS NULL"
                          " AND list_kind = 'abnormal' AND state = 'listed'")
    # meanwhile, here: the organizations the other rules may concern (a decided penalty, a rectification
    # overdue, an abnormal listing of this office: their records of any office are read, as :func:`_facts`
    # reads them), the spot checks and the penalties
    others: set[str] = set(session.scalars(select(Penalty.organization_id).where(
        Penalty.office_code == office_code, Penalty.state == "decided", Penalty.deleted_at.is_(None))))
    others.update(session.scalars(select(SpotcheckItem.organization_id).join(
        SpotcheckPlan, SpotcheckPlan.id == SpotcheckItem.plan_id).where(
        SpotcheckPlan.office_code == office_code, SpotcheckItem.result == "rectify", SpotcheckItem.rectify_by < on,
        SpotcheckItem.deleted_at.is_(None))))
    items: dict[str, list[Any]] = {}
    for item in session.connection().execute(select(
            SpotcheckItem.id, SpotcheckItem.organization_id, SpotcheckItem.rectify_by, SpotcheckItem.rectified_on)
            .where(SpotcheckItem.result == "rectify", SpotcheckItem.deleted_at.is_(None))):
        items.setdefault(item.organization_id, []).append(item)
    penalties: dict[str, list[Any]] = {}
    for p in session.connection().execute(select(
            Penalty.id, Penalty.organization_id, Penalty.kind, Penalty.amount, Penalty.decision_no, Penalty.case_no,
            Penalty.decided_on).where(Penalty.state == "decided", Penalty.deleted_at.is_(None))
            .order_by(Penalty.decided_on, Penalty.id)):
        penalties.setdefault(p.organization_id, []).append(p)
    missing = _office_missing(session, rules, on, aside, reported)
    anyone: set[str] = set().union(*missing.values())  # every organization with a report missing
    ((listed,),) = office_listed()  # ~100,000 ids: one string, not rows
    if listed:
        others.update(listed.split(","))
    others -= anyone
    if others:  # those not found by the walk of the due index: not deleted?
        others = set(session.connection().execute(text(
            "SELECT o.id FROM json_each(:ids) AS j JOIN organization AS o ON o.id = j.value"
            " WHERE o.deleted_at IS NULL"), {"ids": _ids_param(others)}).scalars())
    if not anyone and not others:
        return found
    # the organizations each campaign's missing reports proposed before, and those on the abnormal list now:
    # their ids as one string each (SQLite's scan, no row made in Python); every listing of the organizations
    # looked at below (``todo``) is read after, as the driver's plain tuples in the columns of _Listed (made a
    # _Listed, dates parsed, only for the organizations on the abnormal list)
    before: dict[str | None, set[str]] = {}  # campaign id -> the organizations its missing reports proposed
    for source_id, ids in proposed_before():
        before[source_id] = set(ids.split(","))
    ((ids,),) = abnormal()
    listed_abnormal: set[str] = set(ids.split(",")) if ids else set()
    reports = rules.auto("annual_report_missing")
    evidence_of: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    concerned: set[str] = set()
    # an organization whose every missing report was proposed before, and that has no other record, proposes
    # nothing: left out before the loop (the set operations in C, not a pass in Python per organization)
    campaign_of = {c.year: c.id for c in rules.campaigns}
    fresh: set[str] = set()
    for (year, _form), ids in missing.items():
        fresh |= ids - before.get(campaign_of[year], set())
    with_records = anyone & (items.keys() | penalties.keys() | listed_abnormal)
    todo = fresh | others | with_records
    order = sorted(todo)  # sorted once: the listings' index probed in key order, the proposals in this order
    looked_at = json.dumps(order)
    # the names of the organizations looked at, read aside while their listings are read here and looked at
    # (those concerned are kept: a proposal or a removal)
    names = aside.read("SELECT o.id, o.name, o.uscc, o.division_code FROM json_each(?) AS j"
                       " JOIN organization AS o ON o.id = j.value", (looked_at,))
    listings: dict[str, list[tuple[Any, ...]]] = {}  # in the order of the table (rowid), as a scan reads them
    for row in raw.execute(
            "SELECT l.id, l.organization_id, l.list_kind, l.state, l.ground, l.source_entity, l.source_id,"
            " l.listed_on, l.decision_no, l.removal_proposed_on FROM json_each(?) AS j JOIN credit_listing AS l"
            " ON l.organization_id = j.value WHERE l.deleted_at IS NULL ORDER BY l.rowid", (looked_at,)):
        listings.setdefault(row[1], []).append(row)
    years_of: dict[str, set[int]] = {}  # the missing reports of the organizations looked at below
    forms: dict[str, str | None] = {}
    for (year, form), ids in missing.items():
        for org_id in ids & todo:
            years_of.setdefault(org_id, set()).add(year)
            forms[org_id] = form
    make = object.__new__
    for org_id in order:
        out: list[Proposal] = []
        mine = listings.get(org_id)
        known = {(r[5], r[6], r[4]) for r in mine} if mine else set()  # source entity and id, ground
        years = years_of.get(org_id)
        if years and reports:
            form = forms.get(org_id)
            for c in rules.campaigns:
                if c.year not in years or ("inspection_campaign", c.id, "annual_report_missing") in known:
                    continue  # not the year's, or proposed before: not built only to be dropped
                evidence = evidence_of.get((c.id, form))
                if evidence is None:  # one evidence a campaign and legal form, shared (its JSON made once)
                    evidence = evidence_of[(c.id, form)] = _report_missing(c, org_id, form).evidence
                missed = make(Proposal)  # Proposal(org_id, "abnormal", …, evidence), its __dict__ filled at once
                missed.__dict__.update(zip(_MISSED_FIELDS, (org_id, "abnormal", "annual_report_missing",
                                                            "inspection_campaign", c.id, evidence, None, None),
                                           strict=True))
                out.append(missed)
        if org_id in items:
            out.extend(_spotcheck_facts(org_id, items[org_id], rules, on))
        if org_id in penalties:
            out.extend(_penalty_facts(org_id, penalties[org_id], rules, on))
        if mine and org_id in listed_abnormal:
            dated = [_Listed(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _day(r[7]), r[8], _day(r[9])) for r in mine]
            out.extend(_move_facts(org_id, dated, rules, on))
            due = [r.id for r in _removals_due(dated, rules, on)]
            if due:
                found.removals.extend(due)
                concerned.add(org_id)
        if known:
            out = [p for p in out if (p.source_entity, p.source_id, p.ground) not in known]
        found.proposals.extend(out)
    concerned.update(p.organization_id for p in found.proposals)
    for org_id, name, uscc, county in names():
        if org_id in concerned:
            found.orgs[org_id] = (name, uscc)
            found.counties[org_id] = county
    return found


@dataclass
class _OfficeFacts:
    """The whole office's proposals not made yet and the ids of the listings whose removal falls due."""

    orgs: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> name, USCC
    counties: dict[str, str | None] = field(default_factory=dict)  # id -> division code (the change log's scope)
    proposals: list[Proposal] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)


#: Proposal's fields in their order (the missing reports' instances made field by field in :func:`_office_facts`:
#: a frozen dataclass's __init__ sets each through object.__setattr__)
_MISSED_FIELDS = tuple(f.name for f in fields(Proposal))

#: ListingInfo's fields in their order (its instances made field by field in :func:`_write_office`)
_INFO_FIELDS = tuple(f.name for f in fields(ListingInfo))

#: the columns of a proposal that vary from one to the next (the others are the same in every proposal)
_PROPOSAL_COLUMNS = ("id", "organization_id", "list_kind", "ground", "ground_detail", "evidence", "source_entity",
                     "source_id", "moved_from_id")


def _insert_office(session: Session, office_code: str, found: _OfficeFacts, on: date, now: datetime,
                   rows: list[tuple[Any, ...]]) -> None:
    """The proposals (``rows``, in the order of their ids) and their steps, with the change log and the run's
    audit entry."""
    if not rows:
        return
    # what bulk.stamped gives a new synced row (the change logger completes the version vector)
    stamp = {"origin_office": office_code, "version": 1, "version_vector": {office_code: 1},
             "created_at": now, "updated_at": now}
    nothing = dict.fromkeys(("decision_no", "decided_on", "decided_by", "listed_on", "removal_ground",
                             "removal_proposed_on", "removal_proposed_by", "removal_decision_no", "removed_on",
                             "removed_by", "reason"))
    bulk.insert_tuples(session, table_of(CreditListing), _PROPOSAL_COLUMNS, rows,
                       {"office_code": office_code, "state": "proposed", "proposed_by": RULES_ACTOR,
                        "proposed_on": on, **nothing, **stamp},
                       scopes=[found.counties[row[1]] for row in rows])
    event_ids = sorted(new_ids(len(rows)))
    events = [(event_id, row[0], row[3]) for event_id, row in zip(event_ids, rows, strict=True)]
    bulk.insert_tuples(session, table_of(CreditEvent), ("id", "listing_id", "comment"), events,
                       {"action": "propose", "from_state": None, "to_state": "proposed", "actor": RULES_ACTOR,
                        "at": now, **stamp})
    audit.record(session, "credit.engine", "credit_listing", None, actor=RULES_ACTOR, proposed=len(rows),
                 on=on.isoformat())


def _results(ids: list[str], found: _OfficeFacts, office_code: str, on: date) -> list[ListingInfo]:
    """What :func:`_write_office` returns of the proposals it wrote."""
    # the results: a frozen dataclass's __init__ sets each of its 28 fields through object.__setattr__ (0.2 s for
    # 43,000); made here by filling the instance's __dict__ at once (the same fields and values)
    make, fields_ = object.__new__, _INFO_FIELDS
    out: list[ListingInfo] = []
    for listing_id, p in zip(ids, found.proposals, strict=True):
        name, uscc = found.orgs[p.organization_id]
        info = make(ListingInfo)
        info.__dict__.update(zip(fields_, (
            listing_id, p.organization_id, name, uscc, office_code, p.list_kind, "proposed", p.ground, p.detail,
            [dict(e) for e in p.evidence], p.source_entity, p.source_id, RULES_ACTOR, on, None, None, None, None,
            None, None, None, None, None, None, p.moved_from_id, None, (), 1), strict=True))
        out.append(info)
    return out


def _write_office(session: Session, office_code: str, found: _OfficeFacts, on: date, result: EngineResult) -> None:
    """Write the whole office's proposals in bulk (the rows and their ``propose`` steps, with the sync's
    bookkeeping, :func:`~civicdesk.services.core.bulk.insert_tuples`: one tuple a row, what every proposal
    shares given once; one audit entry for the run, as a bulk load has), and propose the removals due through
    the ORM (few: rows changed, not inserted).

    The proposals come in the order of their organizations' ids (:func:`_office_facts`); their new ids (random
    as every id) are sorted and given to them in that order, and so are the steps' ids: the rows go in the order
    of their ids and of their organizations at once, and the new entries of the listings' and steps' indexes,
    of the change log's row index, and the foreign key's probes of ``organization`` go in key order (one walk of
    each index, not a random probe per row).  The change log's scope of each proposal, its organization's
    county, is given (read aside with the names): not looked up again row by row."""
    now = clock.utcnow()
    ids = sorted(new_ids(len(found.proposals)))
    rows = [(ids[i], p.organization_id, p.list_kind, p.ground, p.detail, p.evidence, p.source_entity, p.source_id,
             p.moved_from_id) for i, p in enumerate(found.proposals)]
    with ThreadPoolExecutor(1, thread_name_prefix="credit-results") as beside:
        # the results made by a second thread while this one waits on SQLite's inserts and change log (its long
        # statements let go of the GIL): plain objects, none of the session's
        made = beside.submit(_results, ids, found, office_code, on)
        _insert_office(session, office_code, found, on, now, rows)
        result.proposed.extend(made.result())
    removing: list[CreditListing] = []
    for i in range(0, len(found.removals), 500):
        removing.extend(session.scalars(select(CreditListing).where(CreditListing.id.in_(found.removals[i:i + 500]))
                                        .order_by(CreditListing.organization_id, CreditListing.id)))
    # their organizations in the session (the county only) while the change log of the rows below is made in the
    # flush: it finds each row's county there, not by a query a row (600 queries: ~0.4 s at 1,000,000)
    held: list[Organization] = []
    owners = sorted({listing.organization_id for listing in removing})
    for i in range(0, len(owners), 500):
        held.extend(session.scalars(select(Organization).options(load_only(Organization.division_code))
                                    .where(Organization.id.in_(owners[i:i + 500]))))
    for listing in removing:
        listing.removal_ground, listing.removal_proposed_on = "six_months", on
        listing.removal_proposed_by = RULES_ACTOR
        _event(session, listing, "propose_removal", "listed", RULES_ACTOR, "six_months")
        name, uscc = found.orgs[listing.organization_id]
        result.removals.append(_info_named(listing, name, uscc))
    if removing:
        session.flush()
    del held


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the whole office's run makes its millions of short-lived
    objects (ids, rows, sets; none in a cycle, freed by their counts): otherwise the allocations start full
    collections that walk every object alive (measured: about a tenth of the run's CPU at 100,000)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def propose_due(db: Database, *, by: auth.UserInfo | None, on: date | None = None,
                organization_ids: Iterable[str] | None = None) -> EngineResult:
    """Run the rule engine (for ``organization_ids`` only, when given) and write what it finds due, once: the
    whole office set by set (:func:`_office_facts`) and in bulk, the organizations given one by one."""

    def work() -> EngineResult:
        actor = auth.require(db, by, ENTER)
        day = on or clock.today()
        office = db.office()
        result = EngineResult()
        with _gc_paused() if organization_ids is None else nullcontext(), db.unit(actor=actor) as session:
            rules = _Rules.read(session, office.code)
            if organization_ids is None:
                with bulk.bulk_cache(session):  # the due and record indexes read once, the new rows kept
                    found = _office_facts(session, office.code, rules, day)
                    _write_office(session, office.code, found, day, result)
            else:
                for org_id in organization_ids:
                    org = session.get(Organization, org_id)
                    if org is None or org.deleted_at is not None:
                        raise NotFoundError("credit.org_not_found", key=org_id)
                    _write(session, office.code, org, rules, day, _facts(session, org, rules, day), result)
        return result

    return _guarded(db, by, "propose_due", None, work)


def propose_for(db: Database, organization_id: str, *, by: auth.UserInfo | None,
                on: date | None = None) -> EngineResult:
    """The rule engine for one organization, after one new record of it (a penalty decided, an inspection
    decided, a spot check recorded): a few indexed reads by its id."""
    return propose_due(db, by=by, on=on, organization_ids=[organization_id])


def propose_in(session: Session, office_code: str, organization_id: str, on: date | None = None) -> EngineResult:
    """The rule engine for one organization in the caller's unit of work: what a service runs right after it
    decided a penalty or an inspection report or recorded a spot check (:data:`TRIGGERS`), so that the
    proposal is written with the record that caused it, or not at all.  A few indexed reads by the id."""
    result = EngineResult()
    org = session.get(Organization, organization_id)
    if org is None or org.deleted_at is not None:
        return result
    day = on or clock.today()
    rules = _Rules.read(session, office_code)
    _write(session, office_code, org, rules, day, _facts(session, org, rules, day), result)
    return result


#: what :func:`read_rules` returns
EngineRules = _Rules


def read_rules(session: Session, office_code: str) -> _Rules:
    """The parameters and campaigns one run of the engine reads (for :func:`missing_report_proposals` and
    :func:`penalty_proposals`)."""
    return _Rules.read(session, office_code)


def penalty_proposals(rules: _Rules, organization_id: str, penalties: Iterable[Penalty], on: date) -> list[Proposal]:
    """The engine's rules of the penalties alone, for one organization's decided ``penalties`` (rows not yet
    written will do), without writing anything: the demo's listings of its penalties are made from it."""
    return _penalty_facts(organization_id, sorted(penalties, key=lambda p: (p.decided_on or date.min, p.id)),
                          rules, on)


def missing_report_proposals(session: Session, rules: _Rules, on: date) -> list[Proposal]:
    """The engine's rule of the missing annual reports alone, over the whole office in one query per campaign
    (what :func:`propose_due` proposes for them), without writing it: the demo's listings are made from it."""
    missing = _missing(session, rules, on)
    if not missing or not rules.auto("annual_report_missing"):
        return []
    forms: dict[str, str | None] = {}
    ids = sorted(missing)
    for i in range(0, len(ids), 500):
        forms.update((str(o), f) for o, f in session.execute(select(Organization.id, Organization.legal_form)
                                                              .where(Organization.id.in_(ids[i:i + 500]))))
    by_year = {c.year: c for c in rules.campaigns}
    return [_report_missing(by_year[year], org_id, forms.get(org_id)) for org_id in ids
            for year in sorted(missing[org_id])]


# -- decisions ----------------------------------------------------------------------------------------------------
def decide(db: Database, listing_id: str, *, approve: bool, by: auth.UserInfo | None, decision_no: str | None = None,
           decided_on: date | str | None = None, reason: str | None = None,
           shown_version: int | None = None) -> ListingInfo:
    """List (``approve``: with its 文号 and date) or reject (with a reason) a proposal; four eyes."""

    def work() -> ListingInfo:
        actor = auth.require(db, by, DECIDE)
        number = _text(decision_no, "decision_no", "文号")
        why = _text(reason, "reason", "理由")
        with db.unit(actor=actor) as session:
            row = _find(session, listing_id)
            common.check_shown(row, shown_version, "credit_listing")
            _expect(row, ("proposed",), "decide")
            _four_eyes(by, row.proposed_by, row.id)
            day = _date(decided_on, "decided_on", clock.today(), not_before=row.proposed_on)
            if approve:
                if not number:
                    raise InputError("credit.decision_no_required")
                row.state, row.decision_no, row.decided_on, row.listed_on = "listed", number, day, day
            else:
                if not why:
                    raise InputError("credit.reason_required", action="reject")
                row.state, row.decided_on, row.reason = "rejected", day, why
            row.decided_by = actor
            _event(session, row, "list" if approve else "reject", "proposed", actor, number or why)
            if approve and row.moved_from_id:
                for old in _listings(session, row.organization_id):
                    if old.list_kind == "abnormal" and old.state == "listed":
                        old.state, old.removed_on, old.removed_by = "moved", day, actor
                        old.removal_decision_no = number
                        _event(session, old, "move", "listed", actor, row.id)
            session.flush()
            return _info(session, row)

    return _guarded(db, by, "decide", listing_id, work)


def propose_removal(db: Database, listing_id: str, ground: str, *, by: auth.UserInfo | None,
                    on: date | str | None = None, reason: str | None = None,
                    shown_version: int | None = None) -> ListingInfo:
    """Propose removing a listing.  ``on`` is the day the removal is proposed; for ``rectified`` the day the
    rectification was verified (查实), from which the working days of the removal run."""

    def work() -> ListingInfo:
        actor = auth.require(db, by, ENTER)
        why = _text(reason, "reason", "理由")
        if ground not in REMOVAL_GROUNDS:
            raise InputError("credit.bad_removal_ground", value=str(ground)[:20], allowed=", ".join(REMOVAL_GROUNDS))
        if ground == "other" and not why:
            raise InputError("credit.reason_required", action="remove")
        office = db.office()
        with db.unit(actor=actor) as session:
            row = _find(session, listing_id)
            common.check_shown(row, shown_version, "credit_listing")
            _expect(row, ("listed",), "propose_removal")
            if row.removal_proposed_on is not None:
                raise CivicDeskError("credit.removal_pending", key=row.id)
            day = _date(on, "on", clock.today(), not_before=row.listed_on)
            listings = _listings(session, row.organization_id)
            grounds = _grounds(session, office.code)
            removal = grounds.get(row.ground, {}).get("removal")
            start = _clock_start(listings, row.list_kind) or row.listed_on or day
            if ground == "six_months":
                months = int(_param(session, office.code, "credit.abnormal_auto_removal_months"))
                if row.list_kind != "abnormal" or removal != "six_months":
                    raise CivicDeskError("credit.removal_ground_wrong", key=row.id, ground=ground)
                if add_months(start, months) > day:
                    raise CivicDeskError("credit.removal_too_early", key=row.id,
                                         earliest=add_months(start, months).isoformat())
            elif ground == "two_years":
                years = int(_param(session, office.code, "credit.serious_removal_years"))
                if row.list_kind != "serious":
                    raise CivicDeskError("credit.removal_ground_wrong", key=row.id, ground=ground)
                if _add_years(start, years) > day:
                    raise CivicDeskError("credit.removal_too_early", key=row.id,
                                         earliest=_add_years(start, years).isoformat())
                newer = [r for r in listings if r.id != row.id and r.state in ("proposed", "listed")
                         and r.proposed_on > (row.listed_on or row.proposed_on)]
                if newer:
                    raise CivicDeskError("credit.removal_new_ground", key=row.id, other=newer[0].id)
            row.removal_ground, row.removal_proposed_on, row.removal_proposed_by = ground, day, actor
            if why:
                row.reason = why
            _event(session, row, "propose_removal", "listed", actor, why or ground)
            session.flush()
            return _info(session, row)

    return _guarded(db, by, "propose_removal", listing_id, work)


def decide_removal(db: Database, listing_id: str, *, approve: bool, by: auth.UserInfo | None,
                   decision_no: str | None = None, decided_on: date | str | None = None,
                   reason: str | None = None, shown_version: int | None = None) -> ListingInfo:
    """Remove (with its own 文号) or keep (with a reason) a listing whose removal is proposed; four eyes."""

    def work() -> ListingInfo:
        actor = auth.require(db, by, DECIDE)
        number = _text(decision_no, "decision_no", "文号")
        why = _text(reason, "reason", "理由")
        with db.unit(actor=actor) as session:
            row = _find(session, listing_id)
            common.check_shown(row, shown_version, "credit_listing")
            _expect(row, ("listed",), "decide_removal")
            if row.removal_proposed_on is None:
                raise CivicDeskError("credit.no_removal", key=row.id)
            _four_eyes(by, row.removal_proposed_by, row.id)
            day = _date(decided_on, "decided_on", clock.today(), not_before=row.removal_proposed_on)
            if approve:
                if not number:
                    raise InputError("credit.decision_no_required")
                row.state, row.removal_decision_no, row.removed_on, row.removed_by = "removed", number, day, actor
                _event(session, row, "remove", "listed", actor, number)
            else:
                if not why:
                    raise InputError("credit.reason_required", action="keep")
                ground = row.removal_ground
                row.removal_ground = row.removal_proposed_on = row.removal_proposed_by = None
                _event(session, row, "keep", "listed", actor, f"{ground}: {why}")
            session.flush()
            return _info(session, row)

    return _guarded(db, by, "decide_removal", listing_id, work)


# -- objections ---------------------------------------------------------------------------------------------------
def _objection_info(o: CreditObjection) -> ObjectionInfo:
    return ObjectionInfo(o.id, o.listing_id, o.received_on, o.content, o.state, o.decision, o.reply, o.decided_on,
                         o.entered_by, o.decided_by, o.version)


def object_to(db: Database, listing_id: str, content: str, *, by: auth.UserInfo | None,
              received_on: date | str | None = None) -> ObjectionInfo:
    """An objection (异议) received against a proposed or current listing."""

    def work() -> ObjectionInfo:
        actor = auth.require(db, by, ENTER)
        text = _text(content, "content", "异议内容")
        if not text:
            raise InputError("credit.content_required")
        with db.unit(actor=actor) as session:
            row = _find(session, listing_id)
            _expect(row, ("proposed", "listed"), "object")
            day = _date(received_on, "received_on", clock.today(), not_before=row.proposed_on)
            o = CreditObjection(listing_id=row.id, received_on=day, content=text, state="received",
                                entered_by=actor, origin_office=row.origin_office)
            session.add(o)
            session.flush()
            _event(session, row, "object", row.state, actor, o.id)
            return _objection_info(o)

    return _guarded(db, by, "object", listing_id, work)


#: what a ``corrected`` objection may correct in the listing: its ground (of the same list), the ground's
#: detail and the day it was listed (the time limits count from it)
CORRECTABLE = ("ground", "ground_detail", "listed_on")


def decide_objection(db: Database, objection_id: str, decision: str, reply: str, *, by: auth.UserInfo | None,
                     decided_on: date | str | None = None,
                     corrections: dict[str, Any] | None = None, shown_version: int | None = None) -> ObjectionInfo:
    """Decide an objection: ``upheld`` (the listing stands), ``corrected`` (the reply says what was wrong;
    ``corrections`` may set the listing's :data:`CORRECTABLE` fields, each checked as at the proposal: a known
    ground of the same list, a listing day not before the proposal nor in the future), ``annulled`` (the listing
    annulled); a reply always; a reviewer other than whoever entered it.  The step keeps the values before and
    after."""

    def work() -> ObjectionInfo:
        actor = auth.require(db, by, DECIDE)
        if decision not in OBJECTION_DECISIONS:
            raise InputError("credit.bad_objection_decision", value=str(decision)[:20],
                             allowed=", ".join(OBJECTION_DECISIONS))
        text = _text(reply, "reply", "答复")
        if not text:
            raise InputError("credit.reply_required")
        with db.unit(actor=actor) as session:
            o = session.get(CreditObjection, (objection_id or "").strip())
            if o is None or o.deleted_at is not None:
                raise NotFoundError("credit.objection_not_found", key=objection_id)
            common.check_shown(o, shown_version, "credit_objection")
            if o.state != "received":
                raise CivicDeskError("credit.objection_decided", key=o.id)
            _four_eyes(by, o.entered_by, o.id)
            day = _date(decided_on, "decided_on", clock.today(), not_before=o.received_on)
            o.state, o.decision, o.reply, o.decided_on, o.decided_by = "decided", decision, text, day, actor
            row = _find(session, o.listing_id)
            before = row.state
            comment = text
            if corrections and decision != "corrected":
                raise InputError("credit.corrections_only_if_corrected", decision=decision)
            if decision == "annulled":
                _expect(row, ("proposed", "listed"), "annul")
                row.state, row.reason, row.removed_on, row.removed_by = "annulled", text, day, actor
                row.removal_ground = "objection"
            elif decision == "corrected" and corrections:
                comment = f"{text}（{_correct(session, row, corrections)}）"
            _event(session, row, f"objection_{decision}", before, actor, comment)
            session.flush()
            return _objection_info(o)

    return _guarded(db, by, "decide_objection", objection_id, work)


def _correct(session: Session, row: CreditListing, corrections: dict[str, Any]) -> str:
    """Set the corrected fields of ``row`` (see :data:`CORRECTABLE`); the change as ``field: before -> after``."""
    unknown = sorted(set(corrections) - set(CORRECTABLE))
    if unknown:
        raise InputError("credit.not_correctable", field=", ".join(unknown), allowed=", ".join(CORRECTABLE))
    changed = []
    for name, value in corrections.items():
        if name == "ground":
            grounds = _grounds(session, row.office_code)
            ground = grounds.get(str(value))
            if ground is None or ground["list_kind"] != row.list_kind:
                raise InputError("credit.bad_ground", value=str(value)[:48], list_kind=row.list_kind,
                                 allowed=", ".join(k for k, v in grounds.items() if v["list_kind"] == row.list_kind))
            new: Any = str(value)
        elif name == "ground_detail":
            new = _text(value, "ground_detail", "情形说明")
        else:
            new = _date(value, name, clock.today(), not_before=row.proposed_on)
        old = getattr(row, name)
        if new != old:
            setattr(row, name, new)
            changed.append(f"{name}: {json_value(old)} -> {json_value(new)}")
    if not changed:
        raise InputError("credit.nothing_corrected")
    return "; ".join(changed)


# -- reading ------------------------------------------------------------------------------------------------------
def get_org_id(db: Database, organization: str) -> str:
    """The id of ``organization`` (id or USCC), or ``credit.org_not_found``."""
    with db.read() as session:
        return _find_org(session, organization).id


def get_listing(db: Database, listing_id: str) -> ListingInfo:
    with db.read() as session:
        return _info(session, _find(session, listing_id))


def list_listings(db: Database, *, state: str | None = None, list_kind: str | None = None,
                  organization: str | None = None, office: str | None = None, states: Iterable[str] = (),
                  limit: int | None = None) -> list[ListingInfo]:
    """This office's listings (of one ``state`` or of ``states``, ``list_kind`` or ``organization``), latest
    first, the first ``limit`` of them; ``office`` ``"all"``: every office's held here (the city holds its
    districts' through sync)."""
    if state is not None and state not in STATES:
        raise InputError("credit.bad_state", value=state, allowed=", ".join(STATES))
    if list_kind is not None and list_kind not in LISTS:
        raise InputError("credit.bad_list", value=list_kind, allowed=", ".join(LISTS))
    here = db.office()
    with db.read() as session:
        q = select(CreditListing).where(CreditListing.deleted_at.is_(None))
        if office != "all":
            q = q.where(CreditListing.office_code == here.code)
        if organization:
            q = q.where(CreditListing.organization_id == _find_org(session, organization).id)
        if state is not None:
            q = q.where(CreditListing.state == state)
        if states:
            q = q.where(CreditListing.state.in_(tuple(states)))
        if list_kind is not None:
            q = q.where(CreditListing.list_kind == list_kind)
        q = q.order_by(CreditListing.proposed_on.desc(), CreditListing.id)
        rows = list(session.scalars(q if limit is None else q.limit(limit)))
        ids = list({r.organization_id for r in rows})
        names: dict[str, tuple[str, str | None]] = {}
        for i in range(0, len(ids), 500):  # the organizations' names set by set, not one read a listing
            found = select(Organization.id, Organization.name, Organization.uscc).where(
                Organization.id.in_(ids[i:i + 500]))
            names.update((o, (n, u)) for o, n, u in session.execute(found))
        return [_info_named(r, *names.get(r.organization_id, ("", None))) for r in rows]


def listed(session: Session, organization_ids: Iterable[str]) -> dict[str, str]:
    """organization id -> the list it is on now (``serious`` before ``abnormal``), for those listed."""
    ids = list(dict.fromkeys(organization_ids))
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        for org_id, kind in session.execute(select(CreditListing.organization_id, CreditListing.list_kind).where(
                CreditListing.organization_id.in_(ids[i:i + 500]), CreditListing.state == "listed",
                CreditListing.deleted_at.is_(None))):
            if out.get(org_id) != "serious":
                out[org_id] = kind
    return out


def current_in(session: Session, organization_id: str) -> list[ListingInfo]:
    """One organization's listings in force (state ``listed``), the serious list first, then the latest."""
    rows = [r for r in _listings(session, organization_id) if r.state == "listed"]
    rows.sort(key=lambda r: (r.list_kind != "serious", -(r.listed_on or date.min).toordinal(), r.id))
    return [_info(session, r, with_steps=False) for r in rows]


def current(db: Database, organization_id: str) -> list[ListingInfo]:
    """:func:`current_in` in its own read: for the detail pane, the printed sheet and the filings' warnings."""
    with db.read() as session:
        return current_in(session, organization_id)


def warning(listing: ListingInfo, lang: str = "zh") -> str:
    """The warning line of a listing in force: "⚠ 已列入活动异常名录（沙民异〔2026〕3号，2026-03-01）"."""
    return messages.text("credit_effects.warning", lang, list=listing.list_kind, decision_no=listing.decision_no or "",
                         day=listing.listed_on.isoformat() if listing.listed_on else "")


def listing_line(listing: ListingInfo, lang: str = "zh") -> str:
    """One listing in force, in words: "活动异常名录：未按规定报送年度工作报告（沙民异〔2026〕3号，2026-03-01列入）"."""
    return messages.text("credit_effects.listing", lang, list=listing.list_kind,
                         ground=(ground_label(listing.ground, "zh"), ground_label(listing.ground, "en")),
                         decision_no=listing.decision_no or "",
                         day=listing.listed_on.isoformat() if listing.listed_on else "")


def due(db: Database, *, on: date | None = None, lang: str = "zh", office: str | None = None) -> list[DueItem]:
    """The timers of this office's credit lists, earliest first (see :class:`DueItem`); ``office`` ``"all"``:
    of every office's listings held here (the city's whole-city view, read only), each timed by the parameters
    and the working-day calendar of the office the listing is of."""
    today = on or clock.today()
    here = db.office()
    items: list[DueItem] = []
    with db.read() as session:
        q = select(CreditListing).where(CreditListing.state.in_(("proposed", "listed")),
                                        CreditListing.deleted_at.is_(None))
        if office != "all":
            q = q.where(CreditListing.office_code == here.code)
        rows = list(session.scalars(q))
        names = {o: n for o, n in session.execute(select(Organization.id, Organization.name).where(
            Organization.id.in_({r.organization_id for r in rows})))} if rows else {}
        by_org: dict[tuple[str, str], list[CreditListing]] = {}
        for r in rows:
            by_org.setdefault((r.office_code, r.organization_id), []).append(r)

        def item(kind: str, r: CreditListing, day: date, note: str | None = None, objection: str | None = None) -> None:
            items.append(DueItem(kind, r.id, objection, r.organization_id, names.get(r.organization_id, ""),
                                 r.list_kind, r.ground, day, bucket(day, today), note, r.office_code))

        timing: dict[str, tuple[dict[str, dict[str, Any]], int, int, int]] = {}  # read once per office
        for (code, _org), mine in sorted(by_org.items()):
            if code not in timing:
                timing[code] = (_grounds(session, code),
                                int(_param(session, code, "credit.abnormal_auto_removal_months")),
                                int(_param(session, code, "credit.move_over_years")),
                                int(_param(session, code, "credit.rectified_removal_working_days")))
            grounds, removal_months, move_years, days = timing[code]
            abnormal_start = _clock_start(mine, "abnormal")
            moved = False
            for r in sorted(mine, key=lambda r: (r.listed_on or date.min, r.id)):
                if r.state == "proposed":
                    item("decide", r, r.proposed_on)
                elif r.removal_proposed_on is not None:
                    if r.removal_ground == "rectified":
                        counted = calendar.add_working_days(session, code, r.removal_proposed_on, days)
                        item("removal_decide", r, counted.day, counted.note(lang))
                    else:
                        item("removal_decide", r, r.removal_proposed_on)
                elif r.list_kind == "abnormal" and abnormal_start is not None:
                    if grounds.get(r.ground, {}).get("removal") == "six_months":
                        item("removal", r, add_months(abnormal_start, removal_months))
                    if not moved and r.listed_on == abnormal_start:
                        moved = True
                        item("move_over", r, _add_years(abnormal_start, move_years))
        by_id = {r.id: r for r in rows}
        ids = list(by_id)
        for i in range(0, len(ids), 500):
            for o in session.scalars(select(CreditObjection).where(CreditObjection.listing_id.in_(ids[i:i + 500]),
                                                                  CreditObjection.state == "received",
                                                                  CreditObjection.deleted_at.is_(None))):
                item("objection", by_id[o.listing_id], o.received_on, None, o.id)
    return sorted(items, key=lambda i: (i.due_on, i.kind, i.listing_id))

