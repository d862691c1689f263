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

Venture philanthropy, community funds and volunteer hours judged with the rows beside them (``CONTEXT_CHECKS``,
given the package's :class:`Context`; each by its service's own rule): a round's awards over its budget
(venture.check_budget), payments of an application not awarded, before its decision or over its award
(venture.check_payments), a judge's score outside the ``cultivation.score_range`` in force at the office that
entered it (its own parameter row, stored or arriving, else the default), a fund's entries taking its balance below
zero on some day (funds.check_balance), hours of a volunteer of another team or not a member on the activity's
day (volunteers.check_member).

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

    _rows: dict[tuple[str, str], Row | None] = field(default_factory=dict)  # (entity, id) -> stored row
    _children: dict[tuple[str, str], dict[Any, dict[str, Row]]] = field(default_factory=dict)
    _by_parent: dict[tuple[str, str], dict[Any, dict[str, Row]]] = field(default_factory=dict)
    _sound: dict[tuple[str, str], bool] = field(default_factory=dict)

    def own_values(self, office_code: str, key: str) -> list[Any]:
        """The values of ``office_code``'s own ``key`` rows (stored, or in the package, which wins over the stored
        version of a row; a deleted row defines nothing)."""
        return [r.get("value") for r in self.own_parameters(office_code, key)]

    def sound(self, entity: str, row: Row) -> bool:
        """Whether ``row`` passes its own check: a parent that breaks a rule is refused by its own row's name, not
        by its children's."""
        key = (entity, str(row.get("id")))
        if key not in self._sound:
            check = CHECKS.get(entity)
            self._sound[key] = check is None or check(row) is None
        return self._sound[key]

    # -- rows as they would be stored: the package's version of a row wins over the stored one ------------------
    def row(self, entity: str, row_id: Any) -> Row | None:
        """The row ``row_id`` of ``entity`` (the package's, else the stored one), None when missing or deleted."""
        found = self.package.get(entity, {}).get(row_id)
        if found is None:
            key = (entity, str(row_id))
            if key not in self._rows:
                self._rows[key] = None
                if self.session is not None and row_id is not None:
                    table = _table(entity)
                    with self.session.no_autoflush:
                        stored = self.session.execute(select(table).where(table.c.id == row_id)).first()
                    self._rows[key] = dict(stored._mapping) if stored is not None else None
            found = self._rows[key]
        return found if found is not None and found.get("deleted_at") is None else None

    def children(self, entity: str, key: str, parent: Any) -> list[Row]:
        """The rows of ``entity`` whose ``key`` is ``parent`` (stored and in the package), not deleted.  The stored
        rows of every parent the package's rows name are read at the first call, in chunks."""
        stored = self._children.setdefault((entity, key), {})
        mine = self._package_by(entity, key)
        if parent not in stored:
            wanted = sorted({p for p in (parent, *mine) if p is not None and p not in stored}, key=str)
            for p in wanted:
                stored[p] = {}
            if self.session is not None:
                table = _table(entity)
                with self.session.no_autoflush:
                    for start in range(0, len(wanted), 900):
                        for found in self.session.execute(
                                select(table).where(table.c[key].in_(wanted[start:start + 900]))):
                            values = dict(found._mapping)
                            stored[values[key]][values["id"]] = values
        ours = self.package.get(entity, {})
        rows = {i: r for i, r in stored.get(parent, {}).items() if i not in ours}
        rows.update(mine.get(parent, {}))
        return [r for _, r in sorted(rows.items()) if r.get("deleted_at") is None]

    def _package_by(self, entity: str, key: str) -> dict[Any, dict[str, Row]]:
        if (entity, key) not in self._by_parent:
            index: dict[Any, dict[str, Row]] = {}
            for row_id, row in self.package.get(entity, {}).items():
                index.setdefault(row.get(key), {})[row_id] = row
            self._by_parent[(entity, key)] = index
        return self._by_parent[(entity, key)]

    def own_parameters(self, office_code: str, key: str) -> list[Row]:
        """``office_code``'s own rows of parameter ``key``, stored or in the package (a deleted row defines
        nothing)."""
        rows: dict[str, Row] = {}
        if self.session is not None:
            table = _table("parameter")
            with self.session.no_autoflush:
                for p in self.session.execute(select(table).where(
                        table.c.origin_office == office_code, table.c.key == key, table.c.deleted_at.is_(None))):
                    rows[p.id] = dict(p._mapping)
        for row_id, row in self.package.get("parameter", {}).items():
            if row.get("origin_office") == office_code and row.get("key") == key:
                rows.pop(row_id, None)
                if row.get("deleted_at") is None:
                    rows[row_id] = row
        return list(rows.values())

    def parameter(self, office_code: str, key: str) -> Any:
        """The value of ``key`` in force at ``office_code`` (no legal form, no year), as
        :func:`parameters.value_in` finds it, from the office's rows stored or arriving."""
        from types import SimpleNamespace

        rows = []
        for r in self.own_parameters(office_code, key):
            stamp = r.get("updated_at")
            if isinstance(stamp, str):
                try:
                    stamp = datetime.fromisoformat(stamp)
                except ValueError:
                    stamp = None
            rows.append(SimpleNamespace(legal_form=r.get("legal_form"), year_from=r.get("year_from"),
                                        year_to=r.get("year_to"), value=r.get("value"),
                                        updated_at=stamp or datetime.min))
        return parameters.value_among(key, rows)

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


def _table(entity: str) -> Any:
    from civicdesk.models.base import table_of
    from civicdesk.models.sync import synced_entities

    return table_of(synced_entities()[entity])


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


def _venture_score(row: Row, context: Context | None = None) -> Issue | None:
    """A judge's score within the range of the parameter ``cultivation.score_range`` in force at the office that
    entered it (its own row, stored or in the package, else the shipped default); without ``context``, within
    the widest range the parameter allows an office."""
    from civicdesk.services.cultivation import venture

    entity = "venture_score"
    if context is not None:
        office = str(row.get("origin_office") or row.get("office_code"))
        low, high = venture.range_of(context.parameter(office, venture.SCORE_RANGE))
    else:
        bounds = parameters.defaults()[venture.SCORE_RANGE]
        low, high = bounds.min or 0, bounds.max or 0
    try:
        venture.check_score(row.get("score"), low, high)
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
# -- what one row cannot tell: its parent, its siblings, its office's parameters (with the package's Context) ----
def _decimal(value: Any) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal("0")


def _round_budget(context: Context, round_id: Any, entity: str, field: str, value: Any) -> Issue | None:
    """The round's awards together within its budget (venture.check_budget)."""
    from civicdesk.services.cultivation import venture

    r = context.row("venture_round", round_id)
    if r is None or not context.sound("venture_round", r):
        return None  # the parent's own check (or ownership) refuses it by its own name
    awards = [_decimal(a.get("amount_awarded")) for a in context.children("venture_application", "round_id", r["id"])
              if a.get("state") == "awarded"]
    error = community_refusal(lambda: venture.check_budget(_decimal(r["budget"]), awards))
    return None if error is None else _bad(entity, field, value)


def _application_payments(context: Context, a: Row, entity: str, field: str, value: Any) -> Issue | None:
    """The application's payments: only of an award, none before its decision, never over it
    (venture.check_payments)."""
    from civicdesk.services.cultivation import venture

    payments = context.children("venture_payment", "venture_application_id", a["id"])
    if not payments:
        return None
    paid = [(_date(p.get("paid_on")) or date.min, _decimal(p.get("amount"))) for p in payments]
    awarded = a.get("amount_awarded")
    error = community_refusal(lambda: venture.check_payments(
        str(a.get("state")), None if awarded is None else _decimal(awarded), _date(a.get("decided_on")), paid))
    return None if error is None else _bad(entity, field, value)


def _venture_round_in(row: Row, context: Context) -> Issue | None:
    return _round_budget(context, row.get("id"), "venture_round", "budget", row.get("budget"))


def _venture_application_in(row: Row, context: Context) -> Issue | None:
    return (_round_budget(context, row.get("round_id"), "venture_application", "amount_awarded",
                          row.get("amount_awarded"))
            or _application_payments(context, row, "venture_application", "amount_awarded", row.get("amount_awarded")))


def _venture_payment_in(row: Row, context: Context) -> Issue | None:
    a = context.row("venture_application", row.get("venture_application_id"))
    if a is None or not context.sound("venture_application", a):
        return None
    return _application_payments(context, a, "venture_payment", "amount", row.get("amount"))


def _fund_entry_in(row: Row, context: Context) -> Issue | None:
    """The fund's entries, this one among them, never take its balance below zero (funds.check_balance)."""
    from civicdesk.services.cultivation import funds

    entries = [(_date(e.get("entry_on")) or date.min, str(e.get("kind")), _decimal(e.get("amount")))
               for e in context.children("fund_entry", "fund_id", row.get("fund_id"))]
    error = community_refusal(lambda: funds.check_balance(entries))
    return None if error is None else _bad("fund_entry", "amount", row.get("amount"))


def _volunteer_hours_in(row: Row, context: Context) -> Issue | None:
    """Hours of a volunteer of the activity's team, a member on the activity's day (volunteers.check_member)."""
    from civicdesk.services.cultivation import volunteers

    activity = context.row("volunteer_activity", row.get("activity_id"))
    person = context.row("volunteer", row.get("volunteer_id"))
    day = _date(activity.get("held_on")) if activity is not None else None
    if (activity is None or person is None or day is None or not context.sound("volunteer_activity", activity)
            or not context.sound("volunteer", person)):
        return None  # the parents' own checks (or ownership) refuse these by their own names
    member = {**person, "joined_on": _date(person.get("joined_on")), "left_on": _date(person.get("left_on"))}
    error = community_refusal(lambda: volunteers.check_member(member, str(activity.get("team_id")), day,
                                                              str(activity.get("team_id"))))
    return None if error is None else _bad("volunteer_hours", "volunteer_id", row.get("volunteer_id"))


def community_refusal(check: Callable[[], Any]) -> CivicDeskError | None:
    """The refusal a service's rule raises, or None (community.refusal_of, for a rule of several rows)."""
    from civicdesk.services.cultivation import community

    return community.refusal_of(lambda _row: check(), {})


#: entity -> the check of an arriving row against the rows beside it (the package's and the stored ones)
CONTEXT_CHECKS: dict[str, Callable[[Row, Context], Issue | None]] = {
    "venture_score": lambda row, context: _venture_score(row, context),
    "venture_round": _venture_round_in,
    "venture_application": _venture_application_in,
    "venture_payment": _venture_payment_in,
    "fund_entry": _fund_entry_in,
    "volunteer_hours": _volunteer_hours_in,
}


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
        issue = _refusal_issue(entity, lambda values: projects.check_project(values, sources), row)
    else:
        issue = check(row)
    beside = CONTEXT_CHECKS.get(entity) if context is not None else None
    if issue is None and beside is not None and context is not None:
        issue = beside(row, context)
    return issue
