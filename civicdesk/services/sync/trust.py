"""What an office may send, and what a row that arrives must be (SYNC.md, "Topology and ownership").

Offers:

- :func:`city_code` and :func:`is_city`: which office is the city.  An office's code and level are its
  identity; only the office whose code is the city's (the prefecture's code, ending in 00) can be the city,
  whatever level its card claims.
- :func:`owner` of a synced row: an organization belongs to the office of its registry (登记管理机关; a
  township's or a community's register belongs to its county's office), its people and changes follow it; a
  filing belongs to the office that received it, its events follow it; a supervision row belongs to the
  office it names and to its organization's office, which must be one (``_SUPERVISION``).
- :func:`allowed_owners`: whose rows a sender may change here: a district only its own; the city its own and,
  as its corrections and rulings, this office's (SYNC.md's one exception), never a third office's.
- :func:`check_ownership`, :func:`check_divisions` and :func:`check_rows`, run by the import inside its
  transaction: the first foreign row, forged reference datum or value a clerk could not enter refuses the
  whole package (:class:`~civicdesk.services.sync.package.PackageRefused`, naming the row and the field).
  The values are checked by the very rules ``org add`` and the ledger use
  (:func:`civicdesk.services.register.organizations.validate_org`, :func:`civicdesk.services.register.records.coerce`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, select
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import render
from civicdesk.models.base import table_of
from civicdesk.models.sync import synced_entities
from civicdesk.services.sync.package import PackageRefused, refuse
from civicdesk.services.core.validation import check_text

#: the issues of ``validate_org`` that a received row is refused for: every rule about a value.  Left out:
#: a missing value (legacy records lack many, and the sender's own register holds them so), the register's
#: duplicate names (two offices' rows may meet in one register), and the people rules (people travel as rows
#: of their own, checked one by one below).
_NOT_FOR_ROWS = frozenset({"field.required", "name.duplicate", "person.legal_rep_count"})
#: above this many rows, the register's lookups are read once (services/organizations.PreloadedLookups)
_PRELOAD = 200
#: A text value ``check_text`` has nothing to say about, told by one regular expression instead of its Python
#: work per value (about 50 text fields of every arriving row): no control, line-break or bidi character at
#: all (the strictest of its two modes), and a first character that no normalization turns into a formula's
#: ``= + - @`` or a space (an ASCII letter or digit, a common CJK ideograph).  Anything else is asked of
#: ``check_text`` itself; a test holds the two to the same answers.
_PLAIN = "[0-9A-Za-z\u4e00-\u9fff][^\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]*"
_PLAIN_TEXT = re.compile(_PLAIN)
#: the text values of a row joined by NUL (which no plain value holds): all plain, in one call
_PLAIN_ROW = re.compile(f"{_PLAIN}(?:\x00{_PLAIN})*")


def plain_text(value: Any) -> bool:
    """True when ``check_text`` would find nothing in ``value`` for sure (see ``_PLAIN_TEXT``); False means
    "ask it" (not text, empty, or a value that may hold something)."""
    return value.__class__ is str and _PLAIN_TEXT.fullmatch(value) is not None


def _text_issues(row: dict[str, Any], changed: set[str], prefix: str = "") -> list[Any]:
    """``check_text`` of each changed text field, in the order of their names (only the ones that may hold
    something are asked: see ``plain_text``)."""
    texts = [name for name in changed if isinstance(row.get(name), str)]
    if not texts or _PLAIN_ROW.fullmatch("\x00".join([row[name] for name in texts])) is not None:
        return []  # the usual row: every text plain
    suspect = [name for name in texts if not plain_text(row[name])]
    return [i for name in sorted(suspect) for i in check_text(row[name], f"{prefix}{name}")]


# -- identity ------------------------------------------------------------------------------------------------------
def city_code(office_code: str, office_level: str) -> str:
    """The code of this office's city: its own when it is the city, else its prefecture's (code ending 00)."""
    return office_code if office_level == "city" else office_code[:4] + "00"


def is_city(code: str, level: str, local_code: str, local_level: str) -> bool:
    """Whether the office ``code`` (of card level ``level``) is this office's city: the level alone is a claim."""
    return level == "city" and code == city_code(local_code, local_level)


def allowed_owners(sender: str, sender_is_city: bool, local: str) -> frozenset[str]:
    """Whose rows ``sender`` may change at office ``local``."""
    return frozenset({sender, local}) if sender_is_city else frozenset({sender})


# -- ownership -----------------------------------------------------------------------------------------------------
class _Rows:
    """The rows a package's changes refer to: as the package leaves them, else as stored here."""

    def __init__(self, session: Session, changes: list[dict[str, Any]], state: dict[str, dict[str, dict[str, Any]]]):
        self.session = session
        self.state = state
        self.incoming: dict[tuple[str, str], dict[str, Any]] = {}
        copied: set[tuple[str, str]] = set()  # rows several changes set: merged in a copy of their own
        for c in changes:
            key, values = (c["entity"], c["id"]), _incoming(c)
            row = self.incoming.get(key)
            if row is None:
                self.incoming[key] = values  # read only, never changed: the change's own values
                continue
            if key not in copied:
                row = self.incoming[key] = dict(row)
                copied.add(key)
            row.update(values)
        self._loaded: dict[tuple[str, str], dict[str, Any] | None] = {}
        # ``state`` holds every stored row the changes name (both callers load them all, in chunks): a change's
        # row missing from it is new here, known without one query per row (100,000 of them in a full package)
        for c in changes:
            if c["entity"] in state and c["id"] not in state[c["entity"]]:
                self._loaded[(c["entity"], c["id"])] = None

    def stored(self, entity: str, row_id: str) -> dict[str, Any] | None:
        if row_id in self.state.get(entity, {}):
            return self.state[entity][row_id]
        key = (entity, row_id)
        if key not in self._loaded:
            table = table_of(synced_entities()[entity])
            row = self.session.execute(select(table).where(table.c.id == row_id)).first()
            self._loaded[key] = dict(row._mapping) if row is not None else None
        return self._loaded[key]

    def final(self, entity: str, row_id: str) -> dict[str, Any] | None:
        stored = self.stored(entity, row_id)
        incoming = self.incoming.get((entity, row_id))
        if stored is None and incoming is None:
            return None
        return {**(stored or {}), **(incoming or {})}


def incoming_values(change: dict[str, Any]) -> dict[str, Any]:
    """The values a decoded change sets (an upsert's values, or the new side of each field)."""
    return dict(_incoming(change))


def _incoming(change: dict[str, Any]) -> dict[str, Any]:
    """:func:`incoming_values` for reading only: an upsert's own values, not a copy (two copies of every row
    of a full package otherwise)."""
    if change.get("values") is not None:
        values: dict[str, Any] = change["values"]
        return values
    return {name: pair[1] for name, pair in (change.get("fields") or {}).items()}


def owner(entity: str, row: dict[str, Any] | None, rows: _Rows | None = None) -> str | None:
    """The office that owns ``row`` of ``entity`` (None when it cannot be told)."""
    if row is None:
        return None
    if entity == "organization":
        registry = row.get("registry_code")
        return str(registry)[:6] if registry else None
    if entity in ("org_person", "org_change"):
        org_id = row.get("organization_id")
        if not org_id or rows is None:
            return None
        return owner("organization", rows.final("organization", org_id))
    if entity == "filing_event":
        filing_id = row.get("filing_id")
        if not filing_id or rows is None:
            return None
        return owner("filing", rows.final("filing", filing_id))
    if entity in _SUPERVISION:
        return _supervision_owner(entity, row, rows)
    if entity in _VOLUNTEER_STATIONS:
        return _cultivation_owner(entity, row, rows)
    return row.get("origin_office") or None


#: Supervision rows (models/supervision.py): entity -> (the link to a parent row whose owner it shares, or None;
#: whether it names an organization).  A campaign, plan or roster row belongs to the office it names
#: (``office_code``); a row about an organization belongs to the organization's office too, and must agree with
#: its parent's: a record filed under another office's campaign, or a rating claiming another office, is no
#: one's (refused).
_SUPERVISION: dict[str, tuple[tuple[str, str] | None, bool]] = {
    "parameter": (None, False),
    "inspection_campaign": (None, False),
    "inspector": (None, False),
    "spotcheck_plan": (None, False),
    "inspection_record": (("campaign_id", "inspection_campaign"), True),
    "inspection_event": (("record_id", "inspection_record"), False),
    "rating_application": (None, True),
    "rating_event": (("application_id", "rating_application"), False),
    "spotcheck_item": (("plan_id", "spotcheck_plan"), True),
    # credit supervision (models/enforcement.py): a listing, penalty or interview belongs to the office it names
    # and must concern one of that office's organizations; a complaint or calendar day to the office it names
    "credit_listing": (None, True),
    "credit_event": (("listing_id", "credit_listing"), False),
    "credit_objection": (("listing_id", "credit_listing"), False),
    "penalty": (None, True),
    "interview": (None, True),
    "complaint": (None, False),
    "calendar_day": (None, False),
    # venture philanthropy and community funds (models/cultivation.py): a round or fund belongs to the office it
    # names; an application, score, payment or entry must agree with its parent's office
    "venture_round": (None, False),
    "venture_application": (("round_id", "venture_round"), False),
    "venture_score": (("venture_application_id", "venture_application"), False),
    "venture_payment": (("venture_application_id", "venture_application"), False),
    "community_fund": (None, False),
    "fund_entry": (("fund_id", "community_fund"), False),
    # cultivation (models/cultivation.py): a base or a project belongs to the office it names; a resident, a
    # service or a payment to its parent's office (the organization admitted or contracted may be another's)
    "incubation_base": (None, False),
    "incubation_resident": (("base_id", "incubation_base"), False),
    "incubation_service": (("resident_id", "incubation_resident"), False),
    "service_project": (None, False),
    "project_payment": (("project_id", "service_project"), False),
}
_NO_ONE = "?"


def _supervision_owner(entity: str, row: dict[str, Any], rows: _Rows | None) -> str | None:
    link, names_org = _SUPERVISION[entity]
    claims: set[str | None] = set()
    if "office_code" in row or entity in ("inspection_campaign", "inspector", "spotcheck_plan",
                                          "rating_application"):
        claims.add(row.get("office_code") or None)
    if entity == "parameter":
        claims.add(row.get("origin_office") or None)
    if link is not None:
        parent_id = row.get(link[0])
        if not parent_id or rows is None:
            return None
        claims.add(owner(link[1], rows.final(link[1], parent_id), rows))
    if names_org:
        org_id = row.get("organization_id")
        if not org_id or rows is None:
            return None
        claims.add(owner("organization", rows.final("organization", org_id), rows))
    if None in claims:
        return None
    return claims.pop() if len(claims) == 1 else _NO_ONE


#: Volunteer service and children's service stations (models/cultivation.py): entity -> (its parent rows, the
#: organizations it names), each as (field, entity).  A row belongs to the office it names (``office_code``), which
#: must be the owner of every parent and organization it names (a team's or a station's office): hours under
#: another office's activity, or for a volunteer of another office's team, are no one's (refused).
_VOLUNTEER_STATIONS: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "volunteer": ((), ("team_id",)),
    "volunteer_activity": ((), ("team_id",)),
    "volunteer_hours": ((("activity_id", "volunteer_activity"), ("volunteer_id", "volunteer")), ()),
    "points_scheme": ((), ()),
    "volunteer_award": ((("volunteer_id", "volunteer"),), ("team_id",)),
    "station_service": ((), ("station_id",)),
    "station_funding": ((), ("station_id",)),
}


def _cultivation_owner(entity: str, row: dict[str, Any], rows: _Rows | None) -> str | None:
    parents, orgs = _VOLUNTEER_STATIONS[entity]
    claims: set[str | None] = {row.get("office_code") or None}
    links = [(row.get(name), parent) for name, parent in parents] + [(row.get(name), "organization") for name in orgs]
    for row_id, parent in links:
        if row_id is None:  # an award names a volunteer or a team (arrivals.py checks it names one)
            continue
        if rows is None:
            return None
        claims.add(owner(parent, rows.final(parent, row_id), rows))
    if None in claims:
        return None
    return claims.pop() if len(claims) == 1 else _NO_ONE


def _located(entity: str, row: dict[str, Any] | None, rows: _Rows) -> str | None:
    """The county an organization (or a row of one) is in."""
    if row is None:
        return None
    if entity == "organization":
        return row.get("division_code")
    if entity in ("org_person", "org_change") and row.get("organization_id"):
        return _located("organization", rows.final("organization", row["organization_id"]), rows)
    if entity == "filing" and row.get("organization_id"):
        return _located("organization", rows.final("organization", row["organization_id"]), rows)
    if entity == "filing_event" and row.get("filing_id"):
        return _located("filing", rows.final("filing", row["filing_id"]), rows)
    if entity in _VOLUNTEER_STATIONS:
        parents, orgs = _VOLUNTEER_STATIONS[entity]
        for name, parent in parents + tuple((o, "organization") for o in orgs):
            if row.get(name):
                return _located(parent, rows.final(parent, row[name]), rows)
        return None
    if entity in _SUPERVISION:
        if row.get("organization_id"):
            return _located("organization", rows.final("organization", row["organization_id"]), rows)
        link = _SUPERVISION[entity][0]
        if link is not None and row.get(link[0]):
            return _located(link[1], rows.final(link[1], row[link[0]]), rows)
    return None


def _foreign(entity: str, row_id: str, whose: str | None) -> PackageRefused:
    return refuse("foreign_row", entity=entity, id=row_id, owner=whose or "?")


def check_ownership(session: Session, origin: str, sender_is_city: bool, local: str, local_is_city: bool,
                    changes: list[dict[str, Any]], state: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Refuse the package at its first change to a row ``origin`` may not change here (SYNC.md): a row of
    another office (before or after the change), an insert whose ``origin_office`` is not the sender's, a
    changed ``origin_office``, or from the city a row of its own outside this district's area (a district
    receives the city's registrations located in its county, nothing of other counties)."""
    allowed = allowed_owners(origin, sender_is_city, local)
    rows = _Rows(session, changes, state)
    for c in changes:
        entity, row_id = c["entity"], c["id"]
        stored = rows.stored(entity, row_id)
        incoming = _incoming(c)
        after = {**stored, **incoming} if stored is not None else incoming  # read only
        before_owner = owner(entity, stored, rows) if stored is not None else None
        after_owner = owner(entity, after, rows)
        if stored is not None and before_owner not in allowed:
            raise _foreign(entity, row_id, before_owner)
        if after_owner is not None and after_owner not in allowed:
            raise _foreign(entity, row_id, after_owner)
        if stored is None and c["op"] in ("insert", "upsert"):
            if after_owner is None:
                raise _foreign(entity, row_id, None)
            if after.get("origin_office") not in allowed:  # a forged origin
                raise refuse("forged_origin", entity=entity, id=row_id, origin=str(after.get("origin_office")),
                             sender=origin)
        if (stored is not None and "origin_office" in incoming
                and incoming["origin_office"] != stored.get("origin_office")):
            raise refuse("forged_origin", entity=entity, id=row_id, origin=str(incoming["origin_office"]),
                         sender=origin)
        if sender_is_city and not local_is_city and after_owner == origin:
            place = _located(entity, after, rows)
            if place is not None and place != local:
                raise refuse("not_ours_to_see", entity=entity, id=row_id, place=place)


# -- reference data ------------------------------------------------------------------------------------------------
_LEVELS = {6: "county", 9: "township", 12: "community"}


def check_divisions(session: Session, origin: str, sender_is_city: bool, divisions: list[dict[str, Any]]) -> None:
    """New divisions only as the reference rules allow: the level its code's length says, under the parent
    its code names, in the city's prefecture; an official code only as the shipped reference data has it
    (codes are the national standard's); from a district only its own unofficial townships and communities."""
    from civicdesk.models import Division
    from civicdesk.services.core.reference import leshan_file

    if not divisions:
        return
    codes = [d["code"] for d in divisions]
    have = set(session.scalars(select(Division.code).where(Division.code.in_(codes))))
    coming = set(codes)
    shipped = {d["code"]: d for d in leshan_file()["divisions"]}
    for d in divisions:
        code = d["code"]
        if code in have:
            continue  # applied as a no-op: an office never overwrites a division it holds

        def bad(reason: str, code: str = code) -> PackageRefused:
            return refuse("division", division=code, reason=reason)

        if not (code.isdigit() and len(code) in _LEVELS) or d["level"] != _LEVELS.get(len(code)):
            raise bad("level")
        parent = d["parent_code"]
        if len(code) > 6 and parent != code[:len(code) - 3]:
            raise bad("parent")
        if parent is not None and parent not in have and parent not in coming:
            exists = session.scalar(select(Division.code).where(Division.code == parent))
            if exists is None:
                raise bad("parent")
        if d["code_official"] and not d["invented"] and code not in shipped:
            raise bad("official")
        if not sender_is_city and (len(code) == 6 or not code.startswith(origin) or d["code_official"]):
            raise bad("reference")
        if sender_is_city and code[:4] != origin[:4]:
            raise bad("reference")


# -- values --------------------------------------------------------------------------------------------------------
def _invalid(entity: str, row_id: str, issue: Any) -> PackageRefused:
    # the rule's own words in both languages: the refusal shows the one of its reader
    words = [render(issue.code, issue.params, lang)[:160] for lang in ("zh", "en")]
    return refuse("invalid_row", entity=entity, id=row_id, field=issue.field,
                  detail=(words[0], words[1]))


def _numeric_bound(entity: str, row_id: str, name: str, value: Any, column: Any) -> None:
    """A NUMERIC(p, s) value that fits its column (a larger one is stored by SQLite, and breaks reports)."""
    if isinstance(value, Decimal) and column.type.precision:
        limit = Decimal(10) ** (column.type.precision - (column.type.scale or 0))
        if not abs(value) < limit:
            from civicdesk.errors import Issue

            raise _invalid(entity, row_id, Issue(name, "field.number", {"label": name, "value": str(value)}))


def check_rows(session: Session, new: dict[str, dict[str, dict[str, Any]]], dirty: dict[str, set[str]],
               state: dict[str, dict[str, dict[str, Any]]], original: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Every row the package inserts or changes, as it would be stored, by the rules of ``org add`` and the
    ledger: each value a clerk could not enter refuses the package, naming the row and the field.  Of a row
    already held only the fields the package changes are judged (an old legacy record is not the sender's)."""
    checks = RowChecks(session, new, dirty, state, original)
    checks.run(checks.entities)
    checks.across()


#: the entities whose rows :class:`RowChecks` judges from what it read first (no statement): a large import
#: on PostgreSQL judges them while its rows are written (``apply``)
JUDGED_APART = ("organization", "org_person")


class RowChecks:
    """:func:`check_rows` in steps: made (what the checks read of the register, read here), then :meth:`run` on
    some entities or all, and :meth:`across` (the checks across rows).  ``preload``: the register's lookups read
    at once whatever the number of rows, so that :meth:`run` of :data:`JUDGED_APART` sends no statement and may
    run while another thread uses the session."""

    def __init__(self, session: Session, new: dict[str, dict[str, dict[str, Any]]], dirty: dict[str, set[str]],
                 state: dict[str, dict[str, dict[str, Any]]], original: dict[str, dict[str, dict[str, Any]]], *,
                 preload: bool = False) -> None:
        from civicdesk.services.register import organizations
        from civicdesk.services.supervision import arrivals

        self.session, self.new, self.state, self.original = session, new, state, original
        self.touched = {entity: [(row_id, state[entity][row_id])
                                 for row_id in sorted(set(new.get(entity, {})) | dirty.get(entity, set()))]
                        for entity in set(new) | set(dirty)}
        self.entities = sorted(entity for entity, rows in self.touched.items() if rows)
        count = sum(len(v) for v in self.touched.values())
        self.lookups = (organizations.PreloadedLookups(session) if preload or count > _PRELOAD
                        else organizations.Lookups(session))
        if preload:
            self.lookups.dictionaries()
        self.today = clock.today()  # one day for the whole package (validate_org would ask the clock once per row)
        self.usccs: dict[str, str] = {}
        self.context = arrivals.Context(session, state)  # a listing's ground may be its office's own, in this package

    def run(self, entities: Any) -> None:
        """Judge the rows of ``entities`` (names); the first value a clerk could not enter refuses the package."""
        from civicdesk.services.register import records
        from civicdesk.services.register import organizations
        from civicdesk.services.supervision import arrivals

        session, lookups, today, usccs, context = self.session, self.lookups, self.today, self.usccs, self.context
        # the organization fields read as numbers (records.coerce), named once rather than looked up per field and row
        numbers = {name: spec for name, spec in records.FIELDS_BY_NAME.items() if spec.kind in ("int", "decimal")}
        entities_of = synced_entities()
        for entity in entities:
            rows = self.touched.get(entity, [])
            table = table_of(entities_of[entity])
            numeric = {c.name: c for c in table.columns if isinstance(c.type, Numeric)}
            new_ids = self.new.get(entity, {})
            originals = self.original.get(entity, {})
            for row_id, row in rows:
                before = originals.get(row_id) if row_id not in new_ids else None
                changed = set(row) if before is None else {k for k, v in row.items() if before.get(k) != v}
                for name in changed & numeric.keys():
                    _numeric_bound(entity, row_id, name, row.get(name), numeric[name])
                if entity == "organization":
                    for name in changed:
                        spec = numbers.get(name)
                        if spec is not None and row.get(name) is not None:
                            _, issues = records.coerce(spec, row[name], name)
                            if issues:
                                raise _invalid(entity, row_id, issues[0])
                    issues = organizations.validate_org(session, dict(row), [], self_id=row_id, today=today,
                                                        lookups=lookups)
                    issues += _text_issues(row, changed)
                    for issue in issues:
                        if (issue.severity == "error" and issue.code not in _NOT_FOR_ROWS
                                and not issue.field.startswith("people") and issue.field in changed):
                            raise _invalid(entity, row_id, issue)
                    uscc = row.get("uscc")
                    if uscc and "uscc" in changed and row.get("deleted_at") is None:
                        if uscc in usccs and usccs[uscc] != row_id:  # two rows of this package with one code
                            from civicdesk.errors import Issue

                            raise _invalid(entity, row_id,
                                           Issue("uscc", "uscc.duplicate", {"value": uscc, "other": usccs[uscc]}))
                        usccs[uscc] = row_id
                elif entity in arrivals.CHECKS:
                    arriving = arrivals.first_issue(entity, dict(row), context)
                    if arriving is not None:
                        raise _invalid(entity, row_id, arriving)
                elif entity == "org_person":
                    person = {k: row.get(k) for k in ("role", "name", "id_number", "phone", "term_start", "term_end",
                                                      "is_current")}
                    issues = organizations.validate_org(session, {}, [person], today=today, lookups=lookups)
                    issues += _text_issues(row, changed, "people[0].")
                    for issue in issues:
                        name = issue.field.removeprefix("people[0].")
                        if issue.field.startswith("people[0].") and issue.severity == "error" and name in changed:
                            raise _invalid(entity, row_id, issue)

    def across(self) -> None:
        """The checks across rows: a project's payments never over its contract."""
        if "project_payment" in self.touched or "service_project" in self.touched:
            from civicdesk.services.cultivation import projects

            over = projects.over_contract_in(self.session, self.state)
            if over is not None:
                raise _invalid(*over)


# -- what a recipient may receive ----------------------------------------------------------------------------------
def _stored_rows(session: Session, changes: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """The stored rows the changes are about, read in chunks."""
    wanted: dict[str, set[str]] = {}
    for c in changes:
        wanted.setdefault(c["entity"], set()).add(c["id"])
    state: dict[str, dict[str, dict[str, Any]]] = {}
    entities = synced_entities()
    for entity, ids in wanted.items():
        table = table_of(entities[entity])
        listed = sorted(ids)
        state[entity] = {}
        for start in range(0, len(listed), 900):
            for row in session.execute(select(table).where(table.c.id.in_(listed[start:start + 900]))):
                state[entity][row.id] = dict(row._mapping)
    return state


def receivable(session: Session, sender: str, sender_is_city: bool, recipient: str, recipient_is_city: bool,
               changes: list[dict[str, Any]], *, stored: dict[str, dict[str, dict[str, Any]]] | None = None,
               ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The changes (in the export's JSON form) ``recipient`` has a right to receive from ``sender``, and the
    ones withheld: to the city a district's own rows; to a district the city's registrations located in its
    county and the district's own rows (the city's corrections, or what it lost in a restore); never a third
    office's rows, never the people of another county, never the city's own supervision records.  Checked again
    by the recipient (check_ownership).  ``stored``: the stored rows the changes are about, when the caller has
    read them all already (a full export's snapshot): else they are read here."""
    decoded = [{"entity": c["entity"], "id": c["id"], "op": c["op"], "values": None,
                "fields": {k: (pair[0], pair[1]) for k, pair in c["fields"].items()}} for c in changes]
    rows = _Rows(session, decoded, stored if stored is not None else _stored_rows(session, decoded))
    allowed = allowed_owners(sender, sender_is_city, recipient) if not recipient_is_city else frozenset({sender})
    kept: list[dict[str, Any]] = []
    withheld: list[dict[str, Any]] = []
    for c, d in zip(changes, decoded, strict=True):
        row = rows.final(d["entity"], d["id"])
        whose = owner(d["entity"], row, rows)
        ok = whose in allowed
        if ok and not recipient_is_city and whose == sender and sender_is_city:
            ok = _located(d["entity"], row, rows) in (recipient, None)
            # the city's own campaigns, plans and their records are the city's work: a district receives the
            # city's registrations in its county, not the city's supervision of them (whose campaign it lacks)
            ok = ok and d["entity"] not in _SUPERVISION
        if d["entity"] == "ruling":  # the city's ruling: to the district that owns its subject only
            subject = rows.final(str(row.get("subject_entity")), str(row.get("subject_id"))) if (
                row and row.get("subject_entity") in _SUPERVISION) else None
            ok = (sender_is_city and not recipient_is_city
                  and owner(str(row.get("subject_entity")), subject, rows) == recipient) if row else False
        (kept if ok else withheld).append(c)
    return kept, withheld
