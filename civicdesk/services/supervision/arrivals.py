"""Supervision rows that arrive in a sync package, judged by the rules their services apply to a clerk's entry.

The sync import (:func:`civicdesk.services.sync.trust.check_rows`) asks :func:`first_issue` about every supervision
row a package inserts or changes, as it would be stored; the first value a clerk could not have entered refuses the
whole package, naming the row and the field. Among them: a parameter value its key's check refuses; a rating whose
scores exceed a part's maximum, whose total or grade does not follow from its scores and bands, whose validity is
not the rule's, or that was decided by the clerk who entered or submitted it (four eyes hold for what arrives too);
an inspection record with an amount, count or conclusion the form refuses, decided without reasons or by its own
clerk, received before its year ended or in the future; a revision of an inspection's conclusion (step ``revise``)
that is not decided -> decided with the conclusion before and after and a reason; a spot check whose dates are out
of the order a clerk's entry is held to; a credit listing of an unknown list, state or ground (a ground is
known if shipped, or defined by the listing's office's own ``credit.grounds`` parameter row, arriving in the same
package or already stored: see :class:`Context`), listed or removed
without its decision number, decided by its own proposer (or removed by whoever proposed the removal), or with its
dates out of order or in the future; an objection decided without a reply or by whoever entered it; a calendar day
of an unknown kind, a worked day that is no weekend day, or a day without its source.

Penalties, interviews and complaints: a penalty of an unknown kind or state, a fine or confiscation without an
amount above zero (or an amount on another kind), a suspension whose dates are missing or out of order, a
decided penalty without its number, date or appeal window, decided by whoever entered it, or in the future; an
interview held in the future, or whose deadline or outcome comes before it; a complaint of an unknown channel or
state, about both or neither of an organization and a named body, assigned without a due day on or after its
receipt, replied without a finding or before it was received.

Volunteer service and children's stations (``CULTIVATION_VOLUNTEER_CHECKS``): each row by its service's own check
(services/cultivation/volunteers.py, stations.py): hours above zero and at most a day, dates not in the future,
person-times above zero with those in difficulty and left behind within them, amounts above zero, a known source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import CivicDeskError, Issue
from civicdesk.services.supervision import parameters

Row = dict[str, Any]
Check = Callable[[Row], Issue | None]


@dataclass
class Context:
    """What a check may read beyond its row: the database (``session``: the rows stored here) and the rows of
    the same package as they would be stored (``package``: entity -> id -> row).  Without it a listing's ground
    is judged by the shipped grounds only."""

    session: Session | None = None
    package: dict[str, dict[str, Row]] = field(default_factory=dict)
    grounds: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # by office, read once
    codes: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # by office and key, read once

    def own_values(self, office_code: str, key: str) -> list[Any]:
        """The values of ``office_code``'s own ``key`` rows (stored, or in the package, which wins over the stored
        version of a row; a deleted row defines nothing)."""
        from civicdesk.models import Parameter

        values: dict[str, Any] = {}
        if self.session is not None:
            with self.session.no_autoflush:
                for p in self.session.scalars(select(Parameter).where(
                        Parameter.origin_office == office_code, Parameter.key == key,
                        Parameter.deleted_at.is_(None))):
                    values[p.id] = p.value
        for row_id, row in self.package.get("parameter", {}).items():
            if row.get("origin_office") == office_code and row.get("key") == key:
                if row.get("deleted_at") is None:
                    values[row_id] = row.get("value")
                else:
                    values.pop(row_id, None)
        return list(values.values())

    def grounds_of(self, office_code: str) -> dict[str, dict[str, Any]]:
        """The shipped grounds, with those of ``office_code``'s own ``credit.grounds`` rows."""
        if office_code not in self.grounds:
            known = _shipped_grounds()
            for value in self.own_values(office_code, "credit.grounds"):
                try:
                    known.update({g["key"]: g for g in parameters.checked("credit.grounds", value)})
                except CivicDeskError:
                    continue  # a bad row is refused by its own check (the parameter's)
            self.grounds[office_code] = known
        return self.grounds[office_code]

    def codes_of(self, office_code: str, key: str) -> dict[str, str]:
        """code -> words of a list parameter (``cultivation.funding_sources``): the shipped codes with those of
        ``office_code``'s own rows."""
        if (office_code, key) not in self.codes:
            known = {str(i["key"]): str(i["zh"]) for i in parameters.defaults()[key].value}
            for value in self.own_values(office_code, key):
                try:
                    known.update({str(i["key"]): str(i["zh"]) for i in parameters.checked(key, value)})
                except CivicDeskError:
                    continue
            self.codes[office_code, key] = known
        return self.codes[office_code, key]


def _shipped_grounds() -> dict[str, dict[str, Any]]:
    return {g["key"]: g for g in parameters.defaults()["credit.grounds"].value}


def _bad(entity: str, field: str, value: Any) -> Issue:
    return Issue(field, "arrival.bad_value", {"entity": entity, "field": field, "value": str(value)[:60]})


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):  # a time of day (an interview's) is judged by its day
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _future(entity: str, row: Row, *fields: str) -> Issue | None:
    today = clock.today()
    for name in fields:
        value = row.get(name)
        if value is None:
            continue
        day = _date(value)
        if day is None or day > today:
            return _bad(entity, name, value)
    return None


def _four_eyes(entity: str, row: Row, decided_states: tuple[str, ...]) -> Issue | None:
    if row.get("state") not in decided_states:
        return None
    decider = row.get("decided_by")
    if not decider:
        return _bad(entity, "decided_by", decider)
    if decider in (row.get("entered_by"), row.get("submitted_by")):
        return Issue("decided_by", "arrival.four_eyes", {"entity": entity, "user": decider})
    return None


def _parameter(row: Row) -> Issue | None:
    key = row.get("key")
    try:
        parameters.checked(str(key), row.get("value"))
    except CivicDeskError:
        return _bad("parameter", "value" if key in parameters.defaults() else "key", row.get("value"))
    if not str(row.get("source") or "").strip():
        return _bad("parameter", "source", row.get("source"))
    start, end = row.get("year_from"), row.get("year_to")
    if start is not None and end is not None and start > end:
        return _bad("parameter", "year_to", end)
    return None


def _rating(row: Row) -> Issue | None:
    from civicdesk.services.supervision import rating

    entity = "rating_application"
    if row.get("state") not in rating.STATES:
        return _bad(entity, "state", row.get("state"))
    rules = row.get("rules") or {}
    try:
        parts = parameters.checked("rating.parts", rules.get("parts"))
        bands = parameters.checked("rating.bands", rules.get("bands"))
        years = parameters.checked("rating.validity_years", rules.get("validity_years"))
    except (CivicDeskError, AttributeError):
        return _bad(entity, "rules", rules)
    maxima = {p["key"]: p["max"] for p in parts}
    scores = row.get("scores") or {}
    if not isinstance(scores, dict):
        return _bad(entity, "scores", scores)
    for part, value in scores.items():
        whole = isinstance(value, int) and not isinstance(value, bool)
        if part not in maxima or not whole or not 0 <= value <= maxima[part]:
            return _bad(entity, "scores", f"{part}={value}")
    total = row.get("total")
    if total is not None and (set(scores) != set(maxima) or total != sum(scores.values())):
        return _bad(entity, "total", total)
    if row.get("grade") is not None and (total is None or row["grade"] != rating.grade_for(total, bands)):
        return _bad(entity, "grade", row.get("grade"))
    grades = {b["grade"]: b["min"] for b in bands}
    current = row.get("current_grade")
    if current is not None and (current not in grades or grades[current] > grades.get(row.get("grade") or "", -1)):
        return _bad(entity, "current_grade", current)
    if row["state"] in rating.IN_FORCE + ("cancelled",):
        start, end = _date(row.get("valid_from")), _date(row.get("valid_to"))
        if not row.get("decision_no") or start is None or row.get("grade") is None:
            return _bad(entity, "decision_no" if not row.get("decision_no") else "valid_from", row.get("valid_from"))
        if end != rating.valid_until(start, years):
            return _bad(entity, "valid_to", row.get("valid_to"))
    return (_four_eyes(entity, row, rating.IN_FORCE + ("cancelled", "refused"))
            or _future(entity, row, "applied_on", "valid_from"))


def _refused(entity: str, error: CivicDeskError, fallback: str) -> Issue:
    """A service's own refusal of a value, as the issue of an arriving row (its field when it names one)."""
    field = str(error.params.get("field") or fallback)
    return _bad(entity, field, error.params.get("value", ""))


def _inspection(row: Row) -> Issue | None:
    from civicdesk.services.supervision import inspection

    entity = "inspection_record"
    if row.get("state") not in inspection.STATES:
        return _bad(entity, "state", row.get("state"))
    try:  # the values a clerk's entry is held to (inspection._apply_values uses the same checks)
        for name in inspection.AMOUNT_KEYS:
            inspection._amount(row.get(name), name, negative=name == "net_assets")
        for name in inspection.COUNT_KEYS:
            inspection._count(row.get(name), name)
        conclusion = inspection._conclusion(row.get("conclusion"))
        inspection._conclusion(row.get("sponsor_opinion"), "sponsor_opinion")
    except CivicDeskError as error:
        return _refused(entity, error, "conclusion")
    if not isinstance(row.get("materials") or [], list):
        return _bad(entity, "materials", row.get("materials"))
    if row["state"] == "decided":
        if conclusion is None:
            return _bad(entity, "conclusion", None)
        if conclusion != "pass" and not str(row.get("reasons") or "").strip():
            return _bad(entity, "reasons", row.get("reasons"))
    received = _date(row.get("received_on"))
    year = row.get("year")
    if received is None or not isinstance(year, int) or received.year <= year:
        return _bad(entity, "received_on", row.get("received_on"))
    return _four_eyes(entity, row, ("decided",)) or _future(entity, row, "received_on", "sponsor_opinion_on")


def _inspection_event(row: Row) -> Issue | None:
    """A ``revise`` step as :func:`inspection.revise` writes it (the other steps carry no values to judge)."""
    from civicdesk.services.supervision import inspection

    if row.get("action") != "revise":
        return None
    entity = "inspection_event"
    for name in ("from_state", "to_state"):
        if row.get(name) != "decided":
            return _bad(entity, name, row.get(name))
    if inspection.revision_of(row.get("comment")) is None:
        return _bad(entity, "comment", row.get("comment"))
    return None


def _spotcheck_item(row: Row) -> Issue | None:
    from civicdesk.services.supervision import spotcheck

    entity = "spotcheck_item"
    if row.get("result") is not None and row["result"] not in spotcheck.RESULTS:
        return _bad(entity, "result", row.get("result"))
    names = ("notice_on", "checked_on", "rectify_by", "rectified_on", "published_on")
    values: dict[str, Any] = {"result": row.get("result")}
    for name in names:
        values[name] = _date(row.get(name))
        if row.get(name) is not None and values[name] is None:
            return _bad(entity, name, row.get(name))
    try:  # the order of a check's dates, as spotcheck.record holds a clerk's entry to it
        spotcheck._check_dates(values, None)
    except CivicDeskError as error:
        return _refused(entity, error, "checked_on")
    return None


def _in_order(entity: str, row: Row, *names: str) -> Issue | None:
    """Each of ``names`` a date, none in the future, each on or after the one before it."""
    last: date | None = None
    for name in names:
        value = row.get(name)
        if value is None:
            continue
        day = _date(value)
        if day is None or day > clock.today() or (last is not None and day < last):
            return _bad(entity, name, value)
        last = day
    return None


def _credit_listing(row: Row, context: Context | None = None) -> Issue | None:
    """A listing as :mod:`~civicdesk.services.supervision.credit` leaves it: a known list, state and ground (the
    shipped grounds, and with ``context`` those its office defined); a listing or removal with its decision
    number; four eyes on both decisions; its dates in order."""
    from civicdesk.services.supervision import credit

    entity = "credit_listing"
    for name, allowed in (("list_kind", credit.LISTS), ("state", credit.STATES)):
        if row.get(name) not in allowed:
            return _bad(entity, name, row.get(name))
    grounds = context.grounds_of(str(row.get("office_code"))) if context is not None else _shipped_grounds()
    ground = grounds.get(str(row.get("ground")))
    if ground is None or ground["list_kind"] != row.get("list_kind"):
        return _bad(entity, "ground", row.get("ground"))
    state = row.get("state")
    if state != "proposed":
        decider = row.get("decided_by")
        if not decider or not row.get("decided_on"):
            return _bad(entity, "decided_by" if not decider else "decided_on", decider or row.get("decided_on"))
        if decider == row.get("proposed_by"):
            return Issue("decided_by", "arrival.four_eyes", {"entity": entity, "user": decider})
    if state in ("listed", "removed", "moved") and not str(row.get("decision_no") or "").strip():
        return _bad(entity, "decision_no", row.get("decision_no"))
    if state == "removed":
        if not str(row.get("removal_decision_no") or "").strip():
            return _bad(entity, "removal_decision_no", row.get("removal_decision_no"))
        remover = row.get("removed_by")
        if not remover:
            return _bad(entity, "removed_by", remover)
        if remover == row.get("removal_proposed_by"):
            return Issue("removed_by", "arrival.four_eyes", {"entity": entity, "user": remover})
    if row.get("removal_ground") is not None and row["removal_ground"] not in (*credit.REMOVAL_GROUNDS, "objection"):
        return _bad(entity, "removal_ground", row.get("removal_ground"))
    return (_in_order(entity, row, "proposed_on", "decided_on", "removed_on")
            or _in_order(entity, row, "listed_on", "removal_proposed_on", "removed_on"))


def _credit_event(row: Row) -> Issue | None:
    from civicdesk.services.supervision import credit

    if row.get("to_state") not in credit.STATES:
        return _bad("credit_event", "to_state", row.get("to_state"))
    if row.get("from_state") is not None and row["from_state"] not in credit.STATES:
        return _bad("credit_event", "from_state", row.get("from_state"))
    return None


def _credit_objection(row: Row) -> Issue | None:
    from civicdesk.services.supervision import credit

    entity = "credit_objection"
    if row.get("state") not in ("received", "decided"):
        return _bad(entity, "state", row.get("state"))
    if not str(row.get("content") or "").strip():
        return _bad(entity, "content", row.get("content"))
    if row.get("state") == "decided":
        if row.get("decision") not in credit.OBJECTION_DECISIONS:
            return _bad(entity, "decision", row.get("decision"))
        if not str(row.get("reply") or "").strip():
            return _bad(entity, "reply", row.get("reply"))
        decider = row.get("decided_by")
        if not decider:
            return _bad(entity, "decided_by", decider)
        if decider == row.get("entered_by"):
            return Issue("decided_by", "arrival.four_eyes", {"entity": entity, "user": decider})
    return _in_order(entity, row, "received_on", "decided_on")


def _calendar_day(row: Row) -> Issue | None:
    from civicdesk.services.supervision import calendar

    entity = "calendar_day"
    if row.get("kind") not in calendar.KINDS:
        return _bad(entity, "kind", row.get("kind"))
    day = _date(row.get("day"))
    if day is None or (row.get("kind") == "workday" and day.weekday() < 5):
        return _bad(entity, "day", row.get("day"))
    if not str(row.get("source") or "").strip():
        return _bad(entity, "source", row.get("source"))
    return None


def _penalty(row: Row) -> Issue | None:
    """A penalty as :mod:`~civicdesk.services.supervision.penalties` enters and decides one."""
    from civicdesk.services.supervision import enforcement, penalties

    entity = "penalty"
    kind = row.get("kind")
    if kind not in penalties.KINDS:
        return _bad(entity, "kind", kind)
    if row.get("state") not in penalties.STATES:
        return _bad(entity, "state", row.get("state"))
    try:
        money = enforcement.amount(row.get("amount"))
    except CivicDeskError:
        return _bad(entity, "amount", row.get("amount"))
    if (money is None) == (kind in penalties.AMOUNT_KINDS):
        return _bad(entity, "amount", row.get("amount"))
    start, end = _date(row.get("suspended_from")), _date(row.get("suspended_to"))
    if kind == "suspension" and (start is None or end is None or start > end):
        return _bad(entity, "suspended_to", row.get("suspended_to"))
    if kind != "suspension" and (row.get("suspended_from") or row.get("suspended_to")):
        return _bad(entity, "suspended_from", row.get("suspended_from"))
    if row["state"] != "draft":
        decided, appeal = _date(row.get("decided_on")), _date(row.get("appeal_by"))
        if not str(row.get("decision_no") or "").strip():
            return _bad(entity, "decision_no", row.get("decision_no"))
        if decided is None:
            return _bad(entity, "decided_on", row.get("decided_on"))
        if appeal is None or appeal <= decided:
            return _bad(entity, "appeal_by", row.get("appeal_by"))
    if row["state"] == "withdrawn" and not str(row.get("reason") or "").strip():
        return _bad(entity, "reason", row.get("reason"))
    return _four_eyes(entity, row, ("decided", "withdrawn")) or _future(entity, row, "decided_on")


def _interview(row: Row) -> Issue | None:
    entity = "interview"
    held = _date(row.get("held_at"))
    if held is None:
        return _bad(entity, "held_at", row.get("held_at"))
    if (row.get("rectify_by") is None) != (not str(row.get("rectification") or "").strip()):
        return _bad(entity, "rectify_by", row.get("rectify_by"))
    for name in ("rectify_by", "outcome_on"):
        day = _date(row.get(name))
        if row.get(name) is not None and (day is None or day < held):
            return _bad(entity, name, row.get(name))
    return _future(entity, row, "held_at", "outcome_on")


def _complaint(row: Row) -> Issue | None:
    from civicdesk.services.supervision import complaints

    entity = "complaint"
    if row.get("channel") not in complaints.CHANNELS:
        return _bad(entity, "channel", row.get("channel"))
    state = row.get("state")
    if state not in complaints.STATES:
        return _bad(entity, "state", state)
    if bool(row.get("organization_id")) == bool(str(row.get("subject_name") or "").strip()):
        return _bad(entity, "subject_name", row.get("subject_name"))
    received = _date(row.get("received_on"))
    if received is None:
        return _bad(entity, "received_on", row.get("received_on"))
    due = _date(row.get("due_on"))
    if state != "received" and (not row.get("assigned_to") or due is None or due < received):
        return _bad(entity, "due_on" if row.get("assigned_to") else "assigned_to", row.get("due_on"))
    replied = _date(row.get("replied_on"))
    if state == "replied" and (replied is None or replied < received or not str(row.get("finding") or "").strip()):
        return _bad(entity, "replied_on" if replied is None or replied < received else "finding",
                    row.get("replied_on"))
    return _future(entity, row, "received_on", "replied_on")


# -- venture philanthropy and community funds (services/cultivation/venture.py, funds.py) ------------------------
def _money(entity: str, row: Row, name: str, required: bool = True) -> Issue | None:
    """An amount a clerk could enter: above zero, two decimals at most (``enforce.amount``)."""
    from civicdesk.services.supervision import enforcement

    try:
        value = enforcement.amount(row.get(name), name)
    except CivicDeskError:
        return _bad(entity, name, row.get(name))
    return _bad(entity, name, None) if required and value is None else None


def _words(entity: str, row: Row, *names: str) -> Issue | None:
    for name in names:
        if not str(row.get(name) or "").strip():
            return _bad(entity, name, row.get(name))
    return None


def _venture_round(row: Row) -> Issue | None:
    from civicdesk.services.cultivation import venture

    entity = "venture_round"
    if row.get("kind") not in venture.KINDS:
        return _bad(entity, "kind", row.get("kind"))
    opens, closes = _date(row.get("opens_on")), _date(row.get("closes_on"))
    if closes is None or (opens is not None and closes < opens):
        return _bad(entity, "closes_on", row.get("closes_on"))
    return (_words(entity, row, "name", "organizer") or _money(entity, row, "budget")
            or _in_order(entity, row, "opens_on", "awarded_on"))


def _venture_application(row: Row) -> Issue | None:
    from civicdesk.services.cultivation import venture

    entity = "venture_application"
    state = row.get("state")
    if state not in venture.STATES:
        return _bad(entity, "state", state)
    if bool(row.get("organization_id")) == bool(str(row.get("applicant_name") or "").strip()):
        return _bad(entity, "applicant_name", row.get("applicant_name"))
    issue = _words(entity, row, "project_title") or _money(entity, row, "amount_asked")
    issue = issue or _money(entity, row, "amount_awarded", required=state == "awarded")
    if issue is not None:
        return issue
    if state != "awarded" and row.get("amount_awarded") is not None:
        return _bad(entity, "amount_awarded", row.get("amount_awarded"))
    if state == "awarded" and Decimal(str(row["amount_awarded"])) > Decimal(str(row["amount_asked"])):
        return _bad(entity, "amount_awarded", row.get("amount_awarded"))
    if (state == "submitted") != (row.get("decided_on") is None):
        return _bad(entity, "decided_on", row.get("decided_on"))
    return (_four_eyes(entity, row, ("awarded", "declined"))
            or _in_order(entity, row, "submitted_on", "decided_on"))


def _venture_score(row: Row) -> Issue | None:
    """A judge's score within the widest range the parameter ``cultivation.score_range`` allows an office (the
    sender's own range is its parameter's, which travels as a row of its own)."""
    from civicdesk.services.cultivation import venture

    entity = "venture_score"
    bounds = parameters.defaults()[venture.SCORE_RANGE]
    try:
        venture.check_score(row.get("score"), bounds.min or 0, bounds.max or 0)
    except CivicDeskError:
        return _bad(entity, "score", row.get("score"))
    return _words(entity, row, "judge") or _in_order(entity, row, "scored_on")


def _venture_payment(row: Row) -> Issue | None:
    entity = "venture_payment"
    return _money(entity, row, "amount") or _in_order(entity, row, "paid_on")


def _community_fund(row: Row) -> Issue | None:
    entity = "community_fund"
    community = str(row.get("community_code") or "")
    if len(community) != 12 or not community.isdigit() or community[:6] != row.get("division_code"):
        return _bad(entity, "community_code", row.get("community_code"))
    if bool(row.get("holder_org_id")) == bool(str(row.get("holder_name") or "").strip()):
        return _bad(entity, "holder_name", row.get("holder_name"))
    return _words(entity, row, "name") or _in_order(entity, row, "founded_on")


def _fund_entry(row: Row) -> Issue | None:
    from civicdesk.services.cultivation import funds

    entity = "fund_entry"
    if row.get("kind") not in funds.KINDS:
        return _bad(entity, "kind", row.get("kind"))
    issue = _money(entity, row, "amount") or _words(entity, row, "party")
    if issue is None and row.get("kind") == "grant":
        issue = _words(entity, row, "purpose")
    return issue or _in_order(entity, row, "entry_on")
# -- volunteer service and children's service stations (services/cultivation/volunteers.py, stations.py) ------------
def _cultivated(entity: str, check_name: str, module: str) -> Check:
    """The arrival check of a cultivation row: the service's own check of that kind of row (one rule for both)."""
    def check(row: Row) -> Issue | None:
        import importlib

        return _refusal_issue(entity, getattr(importlib.import_module(module), check_name), row)
    return check


def _refusal_issue(entity: str, check: Callable[[Row], Any], row: Row) -> Issue | None:
    """The issue of the refusal ``check`` (a service's rule) raises for ``row``, or None."""
    from civicdesk.errors import ValidationError
    from civicdesk.services.cultivation import community

    error = community.refusal_of(check, row)
    if isinstance(error, ValidationError) and error.issues:
        return error.issues[0]
    return None if error is None else _refused(entity, error, "?")


_VOLUNTEERS, _STATIONS = "civicdesk.services.cultivation.volunteers", "civicdesk.services.cultivation.stations"
_INCUBATION, _PROJECTS = "civicdesk.services.cultivation.incubation", "civicdesk.services.cultivation.projects"
CULTIVATION_VOLUNTEER_CHECKS: dict[str, Check] = {
    "volunteer": _cultivated("volunteer", "check_volunteer", _VOLUNTEERS),
    "volunteer_activity": _cultivated("volunteer_activity", "check_activity", _VOLUNTEERS),
    "volunteer_hours": _cultivated("volunteer_hours", "check_hours", _VOLUNTEERS),
    "points_scheme": _cultivated("points_scheme", "check_scheme", _VOLUNTEERS),
    "volunteer_award": _cultivated("volunteer_award", "check_award", _VOLUNTEERS),
    "station_service": _cultivated("station_service", "check_service", _STATIONS),
    "station_funding": _cultivated("station_funding", "check_funding", _STATIONS),
}


#: entity -> the check of one arriving row
CHECKS: dict[str, Check] = {
    "credit_listing": _credit_listing,
    "credit_event": _credit_event,
    "credit_objection": _credit_objection,
    "calendar_day": _calendar_day,
    "parameter": _parameter,
    "rating_application": _rating,
    "inspection_record": _inspection,
    "inspection_event": _inspection_event,
    "spotcheck_item": _spotcheck_item,
    "penalty": _penalty,
    "interview": _interview,
    "complaint": _complaint,
    # venture philanthropy and community funds
    "venture_round": _venture_round,
    "venture_application": _venture_application,
    "venture_score": _venture_score,
    "venture_payment": _venture_payment,
    "community_fund": _community_fund,
    "fund_entry": _fund_entry,
    **CULTIVATION_VOLUNTEER_CHECKS,
    # incubation and purchased services: the services' own checks of a row's values
    "incubation_base": _cultivated("incubation_base", "check_base", _INCUBATION),
    "incubation_resident": _cultivated("incubation_resident", "check_resident", _INCUBATION),
    "incubation_service": _cultivated("incubation_service", "check_service", _INCUBATION),
    "service_project": _cultivated("service_project", "check_project", _PROJECTS),
    "project_payment": _cultivated("project_payment", "check_payment", _PROJECTS),
}


def first_issue(entity: str, row: Row, context: Context | None = None) -> Issue | None:
    """The first rule an arriving supervision row breaks, or None (also for entities without a check);
    ``context``: what the package and the database hold beside the row (a listing's office's own grounds)."""
    check = CHECKS.get(entity)
    if check is None or row.get("deleted_at") is not None:
        return None
    if entity == "credit_listing":
        return _credit_listing(row, context)
    if entity == "service_project" and context is not None:  # a funding source its office defined is known
        from civicdesk.services.cultivation import projects

        sources = context.codes_of(str(row.get("office_code")), projects.FUNDING_KEY)
        return _refusal_issue(entity, lambda values: projects.check_project(values, sources), row)
    return check(row)
