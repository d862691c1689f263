"""Rating evaluation (等级评估, docs/DOMAIN.md "Evaluation"): applications, eligibility, scores, decisions.

Offers:

- :func:`apply`: an organization's application for a year's rating.  The rules it runs on (``rating.parts``,
  ``rating.bands``, ``rating.validity_years``, ``rating.certificate_years``) are copied into it, so that a
  later change of a parameter does not move it; every eligibility rule (:data:`RULES`) is checked and its
  outcome stored in ``eligibility``.  An application that fails a rule is **refused without a record**: it
  raises ``rating.ineligible`` naming the first failing rule and writes nothing (a clerk cannot file what the
  office may not accept; the refusal is the error itself, in the clerk's language).
- :func:`score` (per part, each 0..the part's maximum), :func:`submit`, :func:`decide` (four eyes, the rules
  checked again on the decision date; a failure raises ``rating.ineligible`` and writes nothing, the reviewer
  then :func:`refuse`\\ s it with a reason), :func:`refuse`, :func:`lower` and :func:`cancel`.  Every step is a
  :class:`~civicdesk.models.RatingEvent`; every change is in the audit trail (synced rows are tracked).
- :func:`list_ratings`, :func:`get_rating` and :func:`current_rating` (the grade that holds now, for the
  register's column and the detail pane).

Eligibility (each rule a :class:`Rule` in :data:`RULES`, its outcome ``{rule, ok, detail, params}`` with
``detail`` a message code ``rating_detail.*``):

- ``registered``: a registered organization (tier ``registered``), active (存续: an organization suspended or in
  liquidation is not rated), of this office's registry (``registry_code[:6]`` is the office's code).
- ``certificate_years``: held its certificate ``rating.certificate_years`` (N) **full calendar years** before
  the year applied for: the certificate's date (the earlier of ``established_on`` and
  ``certificate_issued_on``: a renewed certificate does not restart the count) is on or before 1 January of
  ``year - N``, so that it held it through every day of the years ``year - N`` .. ``year - 1``.
- ``not_rated``: no decided or lowered (not cancelled) rating whose ``valid_to`` is on or after the day checked
  (the application date, then the decision date).
- ``inspected_last_year``: a decided inspection record for ``year - 1``; ``last_year_not_failed``: its
  conclusion is not 不合格; ``not_basic_twice``: not 基本合格 for both ``year - 1`` and ``year - 2``.
- ``not_penalized``: no penalty decided (table ``penalty``, state ``decided``; a withdrawn one does not count)
  in the year before the year applied for; ``not_investigated``: no penalty case open (state ``draft``: under
  investigation); ``not_listed``: on neither credit list now (table ``credit_listing``, state ``listed``).  Each
  reads its table by the organization's id, with the ORM only: the penalty and credit services are other
  modules', and these rules need only the rows.

Grades come from the bands copied at application: the highest band whose minimum the total reaches; a total
below the lowest band has no grade (and is refused, not decided).  A rating is valid from the decision date
for ``validity_years`` years, to the day before the same date that many years on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError, NotFoundError, ValidationError
from civicdesk.models import CreditListing, InspectionRecord, Organization, Penalty, RatingApplication, RatingEvent
from civicdesk.services.supervision import common
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import check_text, parse_date
from civicdesk.services.supervision.parameters import value_in
from civicdesk.services.supervision.profile import refresh_summary

STATES = ("applied", "scored", "submitted", "decided", "refused", "lowered", "cancelled")
#: states of a rating that holds (a lowered one holds at its lower grade)
IN_FORCE = ("decided", "lowered")
OPEN = ("applied", "scored", "submitted")
ENTER = "supervise"
DECIDE = "supervise.decide"
FIRST_YEAR = 1990  # no social organization was rated before the rules of 2007; a guard against typos


# -- eligibility rules ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Context:
    """What a rule reads: the organization, the year applied for, the day checked, this office, the rules."""

    session: Session
    org: Organization
    year: int
    on: date
    office_code: str
    rules: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    """One rule's outcome: ``detail`` is a ``rating_detail.*`` code, ``params`` its values."""

    ok: bool
    detail: str = "rating_detail.ok"
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    name: str  # the ``rating_rule.*`` code's last part
    check: Callable[[Context], Outcome]


def _registered(c: Context) -> Outcome:
    if c.org.tier != "registered":
        return Outcome(False, "rating_detail.not_registered")
    if c.org.status != "active":
        return Outcome(False, "rating_detail.not_active", {"status": c.org.status})
    if (c.org.registry_code or "")[:6] != c.office_code[:6]:
        return Outcome(False, "rating_detail.other_registry", {"registry": c.org.registry_code,
                                                               "office": c.office_code})
    return Outcome(True)


def _certificate_years(c: Context) -> Outcome:
    dates = [d for d in (c.org.established_on, c.org.certificate_issued_on) if d is not None]
    if not dates:
        return Outcome(False, "rating_detail.no_certificate_date")
    since = min(dates)
    needed = date(c.year - int(c.rules["certificate_years"]), 1, 1)
    if since > needed:
        return Outcome(False, "rating_detail.certificate_too_recent",
                       {"since": since.isoformat(), "needed": needed.isoformat()})
    return Outcome(True)


def _not_rated(c: Context) -> Outcome:
    held = c.session.scalars(select(RatingApplication).where(
        RatingApplication.organization_id == c.org.id, RatingApplication.deleted_at.is_(None),
        RatingApplication.state.in_(IN_FORCE), RatingApplication.valid_to >= c.on)
        .order_by(RatingApplication.valid_to.desc())).first()
    if held is not None:
        return Outcome(False, "rating_detail.rated", {"grade": held.current_grade,
                                                      "valid_to": held.valid_to.isoformat() if held.valid_to else ""})
    return Outcome(True)


def _conclusion(c: Context, year: int) -> str | None:
    """The decided inspection conclusion of ``year`` (read from the table: the inspection service is
    another module's, and this rule needs only the row)."""
    return c.session.scalar(select(InspectionRecord.conclusion).where(
        InspectionRecord.organization_id == c.org.id, InspectionRecord.year == year,
        InspectionRecord.state == "decided", InspectionRecord.deleted_at.is_(None))
        .order_by(InspectionRecord.decided_at.desc()).limit(1))


def _inspected_last_year(c: Context) -> Outcome:
    if _conclusion(c, c.year - 1) is None:
        return Outcome(False, "rating_detail.not_inspected", {"year": c.year - 1})
    return Outcome(True)


def _last_year_not_failed(c: Context) -> Outcome:
    if _conclusion(c, c.year - 1) == "fail":
        return Outcome(False, "rating_detail.failed", {"year": c.year - 1})
    return Outcome(True)


def _not_basic_twice(c: Context) -> Outcome:
    if _conclusion(c, c.year - 1) == "basic" and _conclusion(c, c.year - 2) == "basic":
        return Outcome(False, "rating_detail.basic_twice", {"first": c.year - 2, "second": c.year - 1})
    return Outcome(True)


def _not_penalized(c: Context) -> Outcome:
    year = c.year - 1
    found = c.session.scalar(select(Penalty).where(
        Penalty.organization_id == c.org.id, Penalty.state == "decided", Penalty.deleted_at.is_(None),
        Penalty.decided_on >= date(year, 1, 1), Penalty.decided_on <= date(year, 12, 31))
        .order_by(Penalty.decided_on).limit(1))
    if found is not None:
        number = found.decision_no or found.case_no
        return Outcome(False, "rating_detail.penalized", {"year": year, "decision_no": number, "kind": found.kind})
    return Outcome(True)


def _not_investigated(c: Context) -> Outcome:
    case_no = c.session.scalar(select(Penalty.case_no).where(
        Penalty.organization_id == c.org.id, Penalty.state == "draft", Penalty.deleted_at.is_(None)).limit(1))
    if case_no is not None:
        return Outcome(False, "rating_detail.investigated", {"case_no": case_no})
    return Outcome(True)


def _not_listed(c: Context) -> Outcome:
    kind = c.session.scalar(select(CreditListing.list_kind).where(
        CreditListing.organization_id == c.org.id, CreditListing.state == "listed",
        CreditListing.deleted_at.is_(None)).order_by(CreditListing.list_kind.desc()).limit(1))
    if kind is not None:
        return Outcome(False, "rating_detail.listed", {"list_kind": kind})
    return Outcome(True)


#: the rules, in the order they are checked and shown; the first that fails names a refusal
RULES: list[Rule] = [
    Rule("registered", _registered),
    Rule("certificate_years", _certificate_years),
    Rule("not_rated", _not_rated),
    Rule("inspected_last_year", _inspected_last_year),
    Rule("last_year_not_failed", _last_year_not_failed),
    Rule("not_basic_twice", _not_basic_twice),
    Rule("not_penalized", _not_penalized),
    Rule("not_investigated", _not_investigated),
    Rule("not_listed", _not_listed),
]


def plug_rule(name: str, check: Callable[[Context], Outcome]) -> None:
    """Replace the check of rule ``name`` (credit supervision plugs its penalty, investigation and list
    rules in here), or add a rule of a new name at the end (its words go in the catalogue as
    ``rating_rule.<name>``)."""
    for index, rule in enumerate(RULES):
        if rule.name == name:
            RULES[index] = Rule(name, check)
            return
    RULES.append(Rule(name, check))


def check_eligibility(session: Session, org: Organization, year: int, on: date, office_code: str,
                      rules: dict[str, Any]) -> list[dict[str, Any]]:
    """Every rule's outcome, as ``eligibility`` stores it."""
    context = Context(session, org, year, on, office_code, rules)
    out = []
    for rule in RULES:
        o = rule.check(context)
        out.append({"rule": rule.name, "ok": o.ok, "detail": o.detail, "params": dict(o.params)})
    return out


def _refuse_if_ineligible(outcomes: list[dict[str, Any]]) -> None:
    failed = [o for o in outcomes if not o["ok"]]
    if failed:
        first = failed[0]
        detail = tuple(messages.text(first["detail"], lang, **first["params"]) for lang in ("zh", "en"))
        raise CivicDeskError("rating.ineligible", rule=first["rule"], detail=detail,
                             failed=[o["rule"] for o in failed])


# -- what callers get back --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RatingStep:
    action: str
    from_state: str | None
    to_state: str
    actor: str
    at: datetime
    comment: str | None


@dataclass(frozen=True)
class RatingRecord:
    """An application as callers see it (``steps`` only from :func:`get_rating` and the changing calls)."""

    id: str
    organization_id: str
    organization_name: str
    uscc: str | None
    year: int
    state: str
    applied_on: date
    eligibility: list[dict[str, Any]]
    scores: dict[str, int]
    total: int | None
    grade: str | None
    current_grade: str | None
    decision_no: str | None
    valid_from: date | None
    valid_to: date | None
    reason: str | None
    entered_by: str
    submitted_by: str | None
    decided_by: str | None
    rules: dict[str, Any]
    steps: tuple[RatingStep, ...] = ()
    office_code: str = ""  # the office that keeps the application (the city lists every office's)
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def days_left(self, today: date | None = None) -> int | None:
        """Days until the rating ends (None unless it is in force)."""
        if self.state not in IN_FORCE or self.valid_to is None:
            return None
        return (self.valid_to - (today or clock.today())).days

    def to_json(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "id": self.id, "organization_id": self.organization_id, "organization_name": self.organization_name,
            "uscc": self.uscc, "year": self.year, "state": self.state, "applied_on": iso(self.applied_on),
            "eligibility": self.eligibility, "scores": self.scores, "total": self.total, "grade": self.grade,
            "current_grade": self.current_grade, "decision_no": self.decision_no,
            "valid_from": iso(self.valid_from), "valid_to": iso(self.valid_to), "days_left": self.days_left(),
            "reason": self.reason, "entered_by": self.entered_by, "submitted_by": self.submitted_by,
            "decided_by": self.decided_by, "rules": self.rules,
            "steps": [{"action": s.action, "from": s.from_state, "to": s.to_state, "actor": s.actor,
                       "at": s.at.isoformat(sep=" "), "comment": s.comment} for s in self.steps],
        }


@dataclass(frozen=True)
class CurrentRating:
    """The grade an organization holds today, and until when."""

    grade: str
    valid_to: date
    application_id: str
    year: int


def _record(session: Session, a: RatingApplication, *, with_steps: bool = True) -> RatingRecord:
    org = session.get(Organization, a.organization_id)
    steps: tuple[RatingStep, ...] = ()
    if with_steps:
        steps = tuple(RatingStep(e.action, e.from_state, e.to_state, e.actor, e.at, e.comment)
                      for e in session.scalars(select(RatingEvent).where(RatingEvent.application_id == a.id)
                                               .order_by(RatingEvent.at, RatingEvent.created_at)))
    return RatingRecord(
        a.id, a.organization_id, org.name if org else "", org.uscc if org else None, a.year, a.state, a.applied_on,
        list(a.eligibility or []), dict(a.scores or {}), a.total, a.grade, a.current_grade, a.decision_no,
        a.valid_from, a.valid_to, a.reason, a.entered_by, a.submitted_by, a.decided_by, dict(a.rules or {}), steps,
        a.office_code, a.version)


# -- helpers ----------------------------------------------------------------------------------------------------
def _find_org(session: Session, key: str) -> Organization:
    return common.find_org(session, key, "rating.org_not_found")


def _find(session: Session, key: str) -> RatingApplication:
    a = session.get(RatingApplication, (key or "").strip())
    if a is None or a.deleted_at is not None:
        raise NotFoundError("rating.not_found", key=key)
    return a


def _date(value: date | str | None, name: str, default: date) -> date:
    if value is None or value == "":
        return default
    found = value if isinstance(value, date) else parse_date(value)
    if found is None:
        raise InputError("rating.bad_date", field=name, value=str(value)[:40])
    if found > clock.today():
        raise InputError("rating.date_in_future", field=name, value=found.isoformat(),
                         today=clock.today().isoformat())
    return found


def _text(value: str | None, name: str, label: str) -> str | None:
    issues = check_text(value, name, label)
    if issues:
        raise ValidationError(issues)
    return (value or "").strip() or None


def _event(session: Session, a: RatingApplication, action: str, before: str | None, actor: str,
           comment: str | None = None) -> None:
    session.add(RatingEvent(application_id=a.id, action=action, from_state=before, to_state=a.state, actor=actor,
                            at=clock.utcnow(), comment=comment, origin_office=a.origin_office))


def _expect(a: RatingApplication, states: tuple[str, ...], action: str) -> None:
    if a.state not in states:
        raise CivicDeskError("rating.transition", key=a.id, state=a.state, action=action)


def _four_eyes(a: RatingApplication, by: auth.UserInfo | None) -> None:
    # the system (a database without accounts) has nobody to be four eyes with
    if by is not None and by.username in (a.entered_by, a.submitted_by):
        raise CivicDeskError("rating.four_eyes", key=a.id)


def grade_for(total: int, bands: list[dict[str, Any]]) -> str | None:
    """The highest band whose minimum ``total`` reaches, or None below the lowest."""
    for band in sorted(bands, key=lambda b: int(b["min"]), reverse=True):
        if total >= int(band["min"]):
            return str(band["grade"])
    return None


def valid_until(start: date, years: int) -> date:
    """The last day of a validity of ``years`` years from ``start`` (29 February runs to 28 February)."""
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year without it: the term ends with February
        anniversary = date(start.year + years, 3, 1)
    return anniversary - timedelta(days=1)


def application_rules(session: Session, office_code: str, legal_form: str | None, year: int) -> dict[str, Any]:
    """The rules an application of ``year`` runs on (parts, bands, validity), from the parameters in force now."""
    def get(key: str) -> Any:
        return value_in(session, office_code, key, legal_form=legal_form, year=year)

    return {"parts": get("rating.parts"), "bands": get("rating.bands"),
            "validity_years": int(get("rating.validity_years")),
            "certificate_years": int(get("rating.certificate_years"))}


# -- the steps --------------------------------------------------------------------------------------------------
def apply(db: Database, organization: str, year: int, *, applied_on: date | str | None = None,
          by: auth.UserInfo | None) -> RatingRecord:
    """A new application (state ``applied``) of ``organization`` (id or USCC) for ``year``'s rating.

    Refused, with nothing written, when the year is implausible, the date is no date or in the future, the
    organization has an application in progress, or an eligibility rule fails (``rating.ineligible``)."""
    actor = auth.require(db, by, ENTER)
    today = clock.today()
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= today.year + 1:
        raise InputError("rating.bad_year", value=year, min=FIRST_YEAR, max=today.year + 1)
    on = _date(applied_on, "applied_on", today)
    office = db.office()
    with db.unit(actor=actor) as session:
        org = _find_org(session, organization)
        pending = session.scalar(select(RatingApplication.id).where(
            RatingApplication.organization_id == org.id, RatingApplication.state.in_(OPEN),
            RatingApplication.deleted_at.is_(None)).limit(1))
        if pending is not None:
            raise CivicDeskError("rating.pending", key=pending)
        rules = application_rules(session, office.code, org.legal_form, year)
        outcomes = check_eligibility(session, org, year, on, office.code, rules)
        _refuse_if_ineligible(outcomes)
        a = RatingApplication(organization_id=org.id, office_code=office.code, year=year, state="applied",
                              applied_on=on, rules=rules, eligibility=outcomes, scores={}, entered_by=actor,
                              origin_office=office.code)
        session.add(a)
        session.flush()
        _event(session, a, "apply", None, actor)
        session.flush()
        return _record(session, a)


def score(db: Database, application: str, scores: dict[str, Any], *, by: auth.UserInfo | None,
          shown_version: int | None = None) -> RatingRecord:
    """Enter (or correct) the scores of some parts; once every part has one, the total and grade are set and
    the application is ``scored``.  Each score a whole number from 0 to the part's maximum; an unknown part
    is refused.  Nothing is written when any score is refused."""
    actor = auth.require(db, by, ENTER)
    if not isinstance(scores, dict) or not scores:
        raise InputError("rating.no_scores")
    with common.auditing_changed(db, by, "rating", "score", application), db.unit(actor=actor) as session:
        a = _find(session, application)
        common.check_shown(a, shown_version, "rating", _org_name(session, a))
        _expect(a, ("applied", "scored"), "score")
        parts = {p["key"]: int(p["max"]) for p in a.rules["parts"]}
        for part, value in scores.items():
            if part not in parts:
                raise InputError("rating.unknown_part", part=str(part)[:40], allowed=", ".join(parts))
            if isinstance(value, bool) or not isinstance(value, int):
                raise InputError("rating.score_not_int", part=part, value=str(value)[:40])
            if not 0 <= value <= parts[part]:
                raise InputError("rating.score_out_of_range", part=part, value=value, max=parts[part])
        merged = {**(a.scores or {}), **{k: int(v) for k, v in scores.items()}}
        a.scores = {k: merged[k] for k in parts if k in merged}  # the parameter's order
        before = a.state
        if set(parts) <= set(a.scores):
            a.total = sum(a.scores.values())
            a.grade = grade_for(a.total, a.rules["bands"])
            a.state = "scored"
        _event(session, a, "score", before, actor, ", ".join(f"{k}={v}" for k, v in scores.items()))
        session.flush()
        return _record(session, a)


def submit(db: Database, application: str, *, by: auth.UserInfo | None,
           shown_version: int | None = None) -> RatingRecord:
    """Put a scored application forward for decision."""
    actor = auth.require(db, by, ENTER)
    with common.auditing_changed(db, by, "rating", "submit", application), db.unit(actor=actor) as session:
        a = _find(session, application)
        common.check_shown(a, shown_version, "rating", _org_name(session, a))
        if a.state == "applied":
            missing = [p["key"] for p in a.rules["parts"] if p["key"] not in (a.scores or {})]
            raise InputError("rating.unscored_parts", parts=", ".join(missing))
        _expect(a, ("scored",), "submit")
        a.state, a.submitted_by = "submitted", actor
        _event(session, a, "submit", "scored", actor)
        session.flush()
        return _record(session, a)


def decide(db: Database, application: str, *, by: auth.UserInfo | None, decision_no: str,
           decided_on: date | str | None = None, shown_version: int | None = None) -> RatingRecord:
    """Give the grade (four eyes: not by who entered or submitted it), valid from ``decided_on`` (default
    today) for the validity copied at application.  The eligibility rules are checked again on the decision
    date: a failure raises ``rating.ineligible`` and writes nothing (refuse the application instead)."""
    actor = auth.require(db, by, DECIDE)
    number = _text(decision_no, "decision_no", "文号")
    if number is None:
        raise InputError("rating.decision_no_required")
    on = _date(decided_on, "decided_on", clock.today())
    office = db.office()
    with common.auditing_changed(db, by, "rating", "decide", application), db.unit(actor=actor) as session:
        a = _find(session, application)
        common.check_shown(a, shown_version, "rating", _org_name(session, a))
        _expect(a, ("submitted",), "decide")
        _four_eyes(a, by)
        if on < a.applied_on:
            raise InputError("rating.date_before_application", value=on.isoformat(),
                             applied_on=a.applied_on.isoformat())
        if a.grade is None:
            raise CivicDeskError("rating.no_grade", total=a.total)
        org = session.get(Organization, a.organization_id)
        assert org is not None  # a foreign key
        outcomes = check_eligibility(session, org, a.year, on, office.code, a.rules)
        _refuse_if_ineligible(outcomes)
        a.eligibility = outcomes
        a.state, a.decision_no, a.current_grade = "decided", number, a.grade
        a.valid_from, a.valid_to = on, valid_until(on, int(a.rules["validity_years"]))
        a.decided_by, a.decided_at = actor, clock.utcnow()
        _event(session, a, "decide", "submitted", actor, f"{a.grade} {number}")
        session.flush()
        refresh_summary(session, [a.organization_id])
        return _record(session, a)


def refuse(db: Database, application: str, *, by: auth.UserInfo | None, reason: str,
           shown_version: int | None = None) -> RatingRecord:
    """Refuse an application not yet decided (four eyes), with a reason; the eligibility of today is stored
    with it, so that a refusal for a rule shows which one."""
    actor = auth.require(db, by, DECIDE)
    text = _text(reason, "reason", "理由")
    if text is None:
        raise InputError("rating.reason_required", action="refuse")
    office = db.office()
    with common.auditing_changed(db, by, "rating", "refuse", application), db.unit(actor=actor) as session:
        a = _find(session, application)
        common.check_shown(a, shown_version, "rating", _org_name(session, a))
        _expect(a, OPEN, "refuse")
        _four_eyes(a, by)
        org = session.get(Organization, a.organization_id)
        assert org is not None
        a.eligibility = check_eligibility(session, org, a.year, clock.today(), office.code, a.rules)
        before = a.state
        a.state, a.reason, a.decided_by, a.decided_at = "refused", text, actor, clock.utcnow()
        _event(session, a, "refuse", before, actor, text)
        session.flush()
        return _record(session, a)


def lower(db: Database, application: str, new_grade: str, *, by: auth.UserInfo | None, reason: str,
          shown_version: int | None = None) -> RatingRecord:
    """Lower a rating in force to a lower grade of its bands, with a reason; the validity stays."""
    actor = auth.require(db, by, DECIDE)
    text = _text(reason, "reason", "理由")
    if text is None:
        raise InputError("rating.reason_required", action="lower")
    grade = (new_grade or "").strip().upper()
    with common.auditing_changed(db, by, "rating", "lower", application), db.unit(actor=actor) as session:
        a = _find(session, application)
        common.check_shown(a, shown_version, "rating", _org_name(session, a))
        _expect(a, IN_FORCE, "lower")
        mins = {str(b["grade"]): int(b["min"]) for b in a.rules["bands"]}
        if grade not in mins:
            raise InputError("rating.bad_grade", grade=new_grade, allowed=", ".join(mins))
        current = a.current_grade or ""
        if mins[grade] >= mins.get(current, 0):
            raise InputError("rating.not_lower", grade=grade, current=current)
        before = a.state
        a.state, a.current_grade, a.reason = "lowered", grade, text
        _event(session, a, "lower", before, actor, f"{current} -> {grade}: {text}")
        session.flush()
        refresh_summary(session, [a.organization_id])
        return _record(session, a)


def cancel(db: Database, application: str, *, by: auth.UserInfo | None, reason: str,
           shown_version: int | None = None) -> RatingRecord:
    """Cancel a rating in force, with a reason: it no longer holds (the decided grade stays on the record)."""
    actor = auth.require(db, by, DECIDE)
    text = _text(reason, "reason", "理由")
    if text is None:
        raise InputError("rating.reason_required", action="cancel")
    with common.auditing_changed(db, by, "rating", "cancel", application), db.unit(actor=actor) as session:
        a = _find(session, application)
        common.check_shown(a, shown_version, "rating", _org_name(session, a))
        _expect(a, IN_FORCE, "cancel")
        before = a.state
        a.state, a.current_grade, a.reason = "cancelled", None, text
        _event(session, a, "cancel", before, actor, text)
        session.flush()
        refresh_summary(session, [a.organization_id])
        return _record(session, a)


# -- reading ----------------------------------------------------------------------------------------------------
def _org_name(session: Session, a: RatingApplication) -> str | None:
    org = session.get(Organization, a.organization_id)
    return org.name if org else None


def get_rating(db: Database, application: str) -> RatingRecord:
    """One application with its steps."""
    with db.read() as session:
        return _record(session, _find(session, application))


def expiry_warning_days(db: Database) -> int:
    """How many days before its end a rating is listed as expiring (parameter ``rating.expiry_warning_days``)."""
    with db.read() as session:
        return int(value_in(session, db.office().code, "rating.expiry_warning_days"))


def list_ratings(db: Database, *, year: int | None = None, state: str | None = None,
                 expiring_within_days: int | None = None, expiring: bool = False,
                 office: str | None = None) -> list[RatingRecord]:
    """Applications, newest year first.  ``expiring`` (or a number of days) keeps the ratings in force that
    end within ``expiring_within_days`` days of today (default ``rating.expiry_warning_days``), soonest first.
    ``office`` (an office's code) keeps that office's applications; without it, every application the database
    holds (the city's: its own and the districts')."""
    if state is not None and state not in STATES:
        raise InputError("rating.bad_state_filter", value=state, allowed=", ".join(STATES))
    if expiring_within_days is not None:
        if isinstance(expiring_within_days, bool) or not 0 <= expiring_within_days <= 3650:
            raise InputError("rating.bad_days", value=expiring_within_days)
        expiring = True
    days = expiring_within_days if expiring_within_days is not None else (
        expiry_warning_days(db) if expiring else None)
    today = clock.today()
    with db.read() as session:
        q = select(RatingApplication).where(RatingApplication.deleted_at.is_(None))
        if year is not None:
            q = q.where(RatingApplication.year == year)
        if state is not None:
            q = q.where(RatingApplication.state == state)
        if office is not None:
            q = q.where(RatingApplication.office_code == office)
        if days is not None:
            q = q.where(RatingApplication.state.in_(IN_FORCE), RatingApplication.valid_to >= today,
                        RatingApplication.valid_to <= today + timedelta(days=days))
            q = q.order_by(RatingApplication.valid_to, RatingApplication.id)
        else:
            q = q.order_by(RatingApplication.year.desc(), RatingApplication.applied_on.desc(), RatingApplication.id)
        return [_record(session, a, with_steps=False) for a in session.scalars(q)]


def current_rating(session: Session, organization_id: str, *, on: date | None = None) -> CurrentRating | None:
    """The grade ``organization_id`` holds on ``on`` (default today): the latest rating in force whose
    validity covers the day, or None."""
    day = on or clock.today()
    a = session.scalars(select(RatingApplication).where(
        RatingApplication.organization_id == organization_id, RatingApplication.deleted_at.is_(None),
        RatingApplication.state.in_(IN_FORCE), RatingApplication.valid_from <= day,
        or_(RatingApplication.valid_to.is_(None), RatingApplication.valid_to >= day))
        .order_by(RatingApplication.valid_from.desc())).first()
    if a is None or a.current_grade is None or a.valid_to is None:
        return None
    return CurrentRating(a.current_grade, a.valid_to, a.id, a.year)


def state_label(state: str, lang: str = "zh") -> str:
    return messages.label(f"rating_state.{state}", lang, default=state)


def rule_label(rule: str, lang: str = "zh") -> str:
    return messages.label(f"rating_rule.{rule}", lang, default=rule)
