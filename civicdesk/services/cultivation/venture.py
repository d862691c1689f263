"""Venture philanthropy (公益创投) and ideas contests (金点子): rounds, applications, judges' scores, awards and
payments (docs/DOMAIN.md "Cultivation"; the rows of :mod:`civicdesk.models.cultivation`).

Offers:

- :func:`add_round` (``cultivate``): a round of kind ``venture`` or ``contest`` (:data:`KINDS`), its organizer,
  budget (yuan, above zero), the county it is for (the office's own by default; the city's office may name any of
  its counties or the city) and the days applications open (not in the future) and close (not before it opens).
  Its name is unique in the office.
- :func:`apply` (``cultivate``): an application (an idea, in a contest) by an organization of the register (id or
  USCC) or by a named applicant (a resident, a group not registered), never both; its project title, summary,
  amount asked, and the day submitted, within the round's days and not in the future.
- :func:`score` (``cultivate``): one judge's score, within the parameter ``cultivation.score_range`` in force at
  the office, two decimals at most; one score per judge per application; not before it was submitted.
- :func:`award` / :func:`decline` (``supervise.decide``, four eyes: never whoever entered the application): an
  award is no more than was asked, keeps the round's awards within its budget, needs a judge's score, is decided
  on or after the round closed; an organization on the serious credit list (``organization.credit_list``, kept
  by services/supervision/credit.py) is refused.  The round's ``awarded_on`` is its latest decision.
- :func:`pay` (``cultivate``): a payment of an awarded application, on or after the decision, never taking the
  payments over the award.
- :func:`list_rounds`, :func:`get_round` (the round's report: every application ranked by its mean score,
  unscored ones last, with the judges' scores, the award and the payments; the totals).

Every refusal is audited (``venture_round.refused`` / ``venture_application.refused``) and writes nothing; every
change is audited by the unit's actor (the session's hooks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import CivicDeskError, InputError, NotFoundError
from civicdesk.models import Division, Organization, VentureApplication, VenturePayment, VentureRound, VentureScore
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation import lookup
from civicdesk.services.register.plain import OfficeInfo
from civicdesk.services.supervision import enforcement as common
from civicdesk.services.supervision.parameters import value_in
from civicdesk.services.supervision.common import check_shown

RIGHT = "cultivate"
DECIDE = "supervise.decide"
KINDS = ("venture", "contest")
STATES = ("submitted", "awarded", "declined")
SCORE_RANGE = "cultivation.score_range"
ZERO = Decimal("0.00")


# -- what callers see --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RoundInfo:
    id: str
    name: str
    kind: str
    organizer: str
    division_code: str
    budget: Decimal
    opens_on: date
    closes_on: date
    awarded_on: date | None
    office_code: str
    entered_by: str
    applications: int = 0
    awarded: Decimal = ZERO
    paid: Decimal = ZERO

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "organizer": self.organizer,
                "division_code": self.division_code, "budget": money(self.budget),
                "opens_on": self.opens_on.isoformat(), "closes_on": self.closes_on.isoformat(),
                "awarded_on": common.iso(self.awarded_on), "office_code": self.office_code,
                "entered_by": self.entered_by, "applications": self.applications, "awarded": money(self.awarded),
                "paid": money(self.paid)}


@dataclass(frozen=True)
class ApplicationInfo:
    id: str
    round_id: str
    organization_id: str | None
    applicant: str  # the organization's name or the named applicant
    project_title: str
    summary: str | None
    amount_asked: Decimal
    submitted_on: date
    state: str
    amount_awarded: Decimal | None
    decided_on: date | None
    decided_by: str | None
    entered_by: str
    scores: tuple[tuple[str, Decimal], ...] = ()  # (judge, score), by judge
    paid: Decimal = ZERO
    payments: tuple[tuple[date, Decimal], ...] = ()
    rank: int | None = None
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    @property
    def mean(self) -> Decimal | None:
        if not self.scores:
            return None
        return (sum((s for _, s in self.scores), ZERO) / len(self.scores)).quantize(Decimal("0.01"))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "round_id": self.round_id, "organization_id": self.organization_id,
                "applicant": self.applicant, "project_title": self.project_title, "summary": self.summary,
                "amount_asked": money(self.amount_asked), "submitted_on": self.submitted_on.isoformat(),
                "state": self.state, "amount_awarded": money(self.amount_awarded),
                "decided_on": common.iso(self.decided_on), "decided_by": self.decided_by,
                "entered_by": self.entered_by, "rank": self.rank,
                "mean_score": None if self.mean is None else format(self.mean, "f"),
                "scores": [{"judge": j, "score": format(s, "f")} for j, s in self.scores],
                "paid": money(self.paid),
                "payments": [{"paid_on": d.isoformat(), "amount": money(a)} for d, a in self.payments]}


@dataclass(frozen=True)
class RoundReport:
    round: RoundInfo
    applications: list[ApplicationInfo] = field(default_factory=list)  # ranked

    def to_json(self) -> dict[str, Any]:
        return {**self.round.to_json(), "ranking": [a.to_json() for a in self.applications]}


def money(amount: Decimal | None) -> str | None:
    return None if amount is None else format(Decimal(amount).quantize(ZERO), "f")


# -- finding rows ------------------------------------------------------------------------------------------------
def _round(session: Session, key: str, office_code: str) -> VentureRound:
    """A round by its id, or by its name in this office."""
    return lookup.find(session, VentureRound, key, "venture.round_not_found", by=VentureRound.name,
                       office_code=office_code)


def _application(session: Session, key: str) -> VentureApplication:
    key = (key or "").strip() if isinstance(key, str) else ""
    found = session.get(VentureApplication, key) if key else None
    if found is None or found.deleted_at is not None:
        raise NotFoundError("venture.application_not_found", key=key)
    return found


def in_area(office: OfficeInfo, code: str) -> bool:
    """Whether a division code is within the office's area (a district's county; the city's prefecture)."""
    return code.startswith(office.code if office.level != "city" else office.code[:4])


def _county(session: Session, office: OfficeInfo, code: str | None) -> str:
    """The city or county a round is for: the office's own by default."""
    code = (code or "").strip() or office.code
    division = session.get(Division, code)
    if division is None or division.level not in ("city", "county") or not in_area(office, code):
        raise InputError("venture.division", code=code[:20])
    return code


def check_score(value: Any, low: int, high: int) -> Decimal:
    """A judge's score: a number from ``low`` to ``high`` with two decimals at most."""
    try:
        s = Decimal(str(value).strip()) if value is not None and not isinstance(value, bool) else None
    except InvalidOperation:
        s = None
    if s is None or not s.is_finite() or not low <= s <= high or s != s.quantize(Decimal("0.01")):
        raise InputError("venture.bad_score", value=str(value)[:20], min=low, max=high)
    return s.quantize(Decimal("0.01"))


def score_range(session: Session, office_code: str) -> tuple[int, int]:
    return range_of(value_in(session, office_code, SCORE_RANGE))


def range_of(value: dict[str, Any]) -> tuple[int, int]:
    """The bounds of a ``cultivation.score_range`` value."""
    return int(value["min"]), int(value["max"])


def check_budget(budget: Decimal, awards: list[Decimal]) -> None:
    """A round's awards together within its budget (:func:`award`, and a round or award arriving in sync)."""
    total = sum(awards, ZERO)
    if total > budget:
        raise CivicDeskError("venture.over_budget", total=money(total), budget=money(budget))


def check_payments(state: str, awarded: Decimal | None, decided_on: date | None,
                   payments: list[tuple[date, Decimal]]) -> None:
    """An application's payments as :func:`pay` holds them (and an arriving payment or award): only of an award,
    none before its decision, together never over the award."""
    if state != "awarded" or awarded is None or decided_on is None:
        raise CivicDeskError("venture.state", state=state, action="pay")
    for day, _ in payments:
        if day < decided_on:
            raise InputError("venture.paid_before_award", day=day.isoformat(), decided=decided_on.isoformat())
    total = sum((amount for _, amount in payments), ZERO)
    if total > awarded:
        raise InputError("venture.over_award", total=money(total), awarded=money(awarded))


def _applicant(session: Session, organization: str | None, applicant: str | None) -> tuple[str | None, str | None]:
    name = common.text(applicant, "applicant", "申报人")
    if bool((organization or "").strip()) == bool(name):
        raise InputError("venture.applicant")
    if name:
        return None, name
    return common.find_org(session, organization).id, None


def _not_before(day: date, earlier: date, name: str) -> None:
    if day < earlier:
        raise InputError("venture.before_submitted", field=name, day=day.isoformat(), submitted=earlier.isoformat())


# -- rounds ------------------------------------------------------------------------------------------------------
def add_round(db: Database, *, name: str, kind: str, organizer: str, budget: Any, opens_on: Any, closes_on: Any,
              division: str | None = None, by: auth.UserInfo | None) -> RoundInfo:
    """A new round (see the module for what is refused)."""
    def work() -> RoundInfo:
        actor = auth.require(db, by, RIGHT)
        title = common.text(name, "name", "名称", required=True)
        if kind not in KINDS:
            raise InputError("venture.bad_kind", value=str(kind)[:20], allowed=", ".join(KINDS))
        who = common.text(organizer, "organizer", "主办单位", required=True)
        amount = common.amount(budget, "budget")
        if amount is None:
            raise InputError("enforce.required", field="budget")
        opens = common.day(opens_on, "opens_on")
        closes = common.day(closes_on, "closes_on", future=True)
        assert opens is not None and closes is not None
        if closes < opens:
            raise InputError("venture.dates_order", opens=opens.isoformat(), closes=closes.isoformat())
        office = db.office()
        with db.unit(actor=actor) as session:
            county = _county(session, office, division)
            taken = session.scalar(select(VentureRound.id).where(VentureRound.office_code == office.code,
                                                                 VentureRound.name == title,
                                                                 VentureRound.deleted_at.is_(None)))
            if taken is not None:
                raise CivicDeskError("venture.round_exists", name=title)
            r = VentureRound(office_code=office.code, division_code=county, name=title, kind=kind, organizer=who,
                             budget=amount, opens_on=opens, closes_on=closes, entered_by=actor,
                             origin_office=office.code)
            session.add(r)
            session.flush()
            return _round_info(session, r)

    return common.guarded(db, by, "venture_round", "add", name if isinstance(name, str) else None, work)


def _round_info(session: Session, r: VentureRound) -> RoundInfo:
    apps = list(session.scalars(select(VentureApplication).where(VentureApplication.round_id == r.id,
                                                                 VentureApplication.deleted_at.is_(None))))
    awarded = sum((a.amount_awarded or ZERO for a in apps if a.state == "awarded"), ZERO)
    paid = sum((p for p in session.scalars(
        select(VenturePayment.amount).join(VentureApplication,
                                           VentureApplication.id == VenturePayment.venture_application_id)
        .where(VentureApplication.round_id == r.id, VentureApplication.deleted_at.is_(None),
               VenturePayment.deleted_at.is_(None)))), ZERO)
    return RoundInfo(r.id, r.name, r.kind, r.organizer, r.division_code, r.budget, r.opens_on, r.closes_on,
                     r.awarded_on, r.office_code, r.entered_by, len(apps), awarded, paid)


def list_rounds(db: Database, *, kind: str | None = None, division: str | None = None) -> list[RoundInfo]:
    """The rounds, newest first; ``kind`` and ``division`` (the county) narrow them."""
    if kind is not None and kind not in KINDS:
        raise InputError("venture.bad_kind", value=str(kind)[:20], allowed=", ".join(KINDS))
    with db.read() as session:
        q = select(VentureRound).where(VentureRound.deleted_at.is_(None))
        if kind:
            q = q.where(VentureRound.kind == kind)
        if division:
            q = q.where(VentureRound.division_code == division)
        q = q.order_by(VentureRound.opens_on.desc(), VentureRound.name)
        return [_round_info(session, r) for r in session.scalars(q)]


def get_round(db: Database, key: str) -> RoundReport:
    """A round with its applications ranked by their mean score (highest first; unscored last)."""
    office = db.office()
    with db.read() as session:
        r = _round(session, key, office.code)
        apps = [_app_info(session, a) for a in session.scalars(
            select(VentureApplication).where(VentureApplication.round_id == r.id,
                                             VentureApplication.deleted_at.is_(None)))]
        apps.sort(key=lambda a: (a.mean is None, -(a.mean or ZERO), a.submitted_on, a.project_title))
        ranked = [ApplicationInfo(**{**a.__dict__, "rank": n if a.mean is not None else None})
                  for n, a in enumerate(apps, 1)]
        return RoundReport(_round_info(session, r), ranked)


# -- applications --------------------------------------------------------------------------------------------------
def _app_info(session: Session, a: VentureApplication) -> ApplicationInfo:
    name = a.applicant_name or ""
    if a.organization_id:
        org = session.get(Organization, a.organization_id)
        name = org.name if org else a.organization_id
    scores = tuple(session.execute(
        select(VentureScore.judge, VentureScore.score).where(VentureScore.venture_application_id == a.id,
                                                             VentureScore.deleted_at.is_(None))
        .order_by(VentureScore.judge)).all())
    payments = tuple(session.execute(
        select(VenturePayment.paid_on, VenturePayment.amount).where(VenturePayment.venture_application_id == a.id,
                                                                    VenturePayment.deleted_at.is_(None))
        .order_by(VenturePayment.paid_on)).all())
    return ApplicationInfo(a.id, a.round_id, a.organization_id, name, a.project_title, a.summary, a.amount_asked,
                           a.submitted_on, a.state, a.amount_awarded, a.decided_on, a.decided_by, a.entered_by,
                           tuple((j, Decimal(s)) for j, s in scores), sum((p for _, p in payments), ZERO),
                           tuple((d, Decimal(p)) for d, p in payments), version=a.version)


def get_application(db: Database, key: str) -> ApplicationInfo:
    with db.read() as session:
        return _app_info(session, _application(session, key))


def apply(db: Database, round_key: str, *, title: str, amount: Any, submitted_on: Any,
          organization: str | None = None, applicant: str | None = None, summary: str | None = None,
          by: auth.UserInfo | None) -> ApplicationInfo:
    """An application (an idea) to a round, submitted within its days."""
    def work() -> ApplicationInfo:
        actor = auth.require(db, by, RIGHT)
        project = common.text(title, "title", "项目名称", required=True)
        about = common.text(summary, "summary", "项目简介", multiline=True)
        asked = common.amount(amount, "amount")
        if asked is None:
            raise InputError("enforce.required", field="amount")
        day = common.day(submitted_on, "submitted_on")
        assert day is not None
        office = db.office()
        with db.unit(actor=actor) as session:
            r = _round(session, round_key, office.code)
            if not r.opens_on <= day <= r.closes_on:
                raise InputError("venture.submitted_outside", day=day.isoformat(), opens=r.opens_on.isoformat(),
                                 closes=r.closes_on.isoformat())
            org_id, name = _applicant(session, organization, applicant)
            a = VentureApplication(round_id=r.id, office_code=r.office_code, organization_id=org_id,
                                   applicant_name=name, project_title=project, summary=about, amount_asked=asked,
                                   submitted_on=day, state="submitted", entered_by=actor, origin_office=office.code)
            session.add(a)
            session.flush()
            return _app_info(session, a)

    return common.guarded(db, by, "venture_application", "apply", title if isinstance(title, str) else None, work)


def score(db: Database, application: str, *, judge: str, value: Any, scored_on: Any = None,
          by: auth.UserInfo | None, shown_version: int | None = None) -> ApplicationInfo:
    """One judge's score of an application."""
    def work() -> ApplicationInfo:
        actor = auth.require(db, by, RIGHT)
        who = common.text(judge, "judge", "评审", required=True)
        day = common.day(scored_on, "scored_on", required=False) or clock.today()
        office = db.office()
        with db.unit(actor=actor) as session:
            a = _application(session, application)
            check_shown(a, shown_version, "venture_application", a.project_title)
            low, high = score_range(session, office.code)
            points = check_score(value, low, high)
            if a.state != "submitted":
                raise CivicDeskError("venture.state", state=a.state, action="score")
            _not_before(day, a.submitted_on, "scored_on")
            taken = session.scalar(select(VentureScore.id).where(VentureScore.venture_application_id == a.id,
                                                                 VentureScore.judge == who,
                                                                 VentureScore.deleted_at.is_(None)))
            if taken is not None:
                raise CivicDeskError("venture.judge_scored", judge=who)
            session.add(VentureScore(venture_application_id=a.id, office_code=a.office_code, judge=who,
                                     score=points, scored_on=day, entered_by=actor, origin_office=office.code))
            session.flush()
            return _app_info(session, a)

    return common.guarded(db, by, "venture_application", "score", application, work)


def _decidable(session: Session, application: str, by: auth.UserInfo | None, action: str,
               day: date) -> tuple[VentureApplication, VentureRound]:
    a = _application(session, application)
    if a.state != "submitted":
        raise CivicDeskError("venture.state", state=a.state, action=action)
    if by is not None and by.username == a.entered_by:  # the system (no accounts) has nobody to be four eyes with
        raise CivicDeskError("venture.four_eyes")
    r = session.get(VentureRound, a.round_id)
    assert r is not None
    if day < r.closes_on:
        raise InputError("venture.before_close", day=day.isoformat(), closes=r.closes_on.isoformat())
    return a, r


def award(db: Database, application: str, *, amount: Any, decided_on: Any = None,
          by: auth.UserInfo | None, shown_version: int | None = None) -> ApplicationInfo:
    """Award an application (four eyes): within what was asked, the round's budget, never to an organization on
    the serious credit list."""
    def work() -> ApplicationInfo:
        actor = auth.require(db, by, DECIDE)
        granted = common.amount(amount, "amount")
        if granted is None:
            raise InputError("enforce.required", field="amount")
        day = common.day(decided_on, "decided_on", required=False) or clock.today()
        with db.unit(actor=actor) as session:
            a, r = _decidable(session, application, by, "award", day)
            check_shown(a, shown_version, "venture_application", a.project_title)
            if granted > a.amount_asked:
                raise InputError("venture.over_asked", amount=money(granted), asked=money(a.amount_asked))
            if a.organization_id:
                org = session.get(Organization, a.organization_id)
                if org is not None and org.credit_list == "serious":
                    raise CivicDeskError("venture.serious_list", name=org.name)
            if session.scalar(select(VentureScore.id).where(VentureScore.venture_application_id == a.id,
                                                            VentureScore.deleted_at.is_(None)).limit(1)) is None:
                raise CivicDeskError("venture.not_scored")
            others = [x or ZERO for x in session.scalars(
                select(VentureApplication.amount_awarded).where(VentureApplication.round_id == r.id,
                                                                VentureApplication.state == "awarded",
                                                                VentureApplication.deleted_at.is_(None)))]
            check_budget(r.budget, [*others, granted])
            a.state, a.amount_awarded, a.decided_on, a.decided_by = "awarded", granted, day, actor
            r.awarded_on = max(day, r.awarded_on or day)
            session.flush()
            return _app_info(session, a)

    return common.guarded(db, by, "venture_application", "award", application, work)


def decline(db: Database, application: str, *, decided_on: Any = None, by: auth.UserInfo | None,
            shown_version: int | None = None) -> ApplicationInfo:
    """Decline an application (four eyes)."""
    def work() -> ApplicationInfo:
        actor = auth.require(db, by, DECIDE)
        day = common.day(decided_on, "decided_on", required=False) or clock.today()
        with db.unit(actor=actor) as session:
            a, _ = _decidable(session, application, by, "decline", day)
            check_shown(a, shown_version, "venture_application", a.project_title)
            a.state, a.decided_on, a.decided_by = "declined", day, actor
            session.flush()
            return _app_info(session, a)

    return common.guarded(db, by, "venture_application", "decline", application, work)


def pay(db: Database, application: str, *, amount: Any, paid_on: Any, note: str | None = None,
        by: auth.UserInfo | None, shown_version: int | None = None) -> ApplicationInfo:
    """A payment of an awarded application; the payments never exceed the award."""
    def work() -> ApplicationInfo:
        actor = auth.require(db, by, RIGHT)
        paid = common.amount(amount, "amount")
        if paid is None:
            raise InputError("enforce.required", field="amount")
        day = common.day(paid_on, "paid_on")
        assert day is not None
        words = common.text(note, "note", "备注", multiline=True)
        office = db.office()
        with db.unit(actor=actor) as session:
            a = _application(session, application)
            check_shown(a, shown_version, "venture_application", a.project_title)
            before = [(day_paid, amount) for day_paid, amount in session.execute(
                select(VenturePayment.paid_on, VenturePayment.amount).where(
                    VenturePayment.venture_application_id == a.id, VenturePayment.deleted_at.is_(None)))]
            check_payments(a.state, a.amount_awarded, a.decided_on, [(day, paid), *before])
            session.add(VenturePayment(venture_application_id=a.id, office_code=a.office_code, paid_on=day,
                                       amount=paid, note=words, entered_by=actor, origin_office=office.code))
            session.flush()
            return _app_info(session, a)

    return common.guarded(db, by, "venture_application", "pay", application, work)
