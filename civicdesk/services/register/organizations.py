"""The register of organizations: add a record, read one, list them.

Every function is one unit of work and returns frozen dataclasses; nothing here hands out ORM objects.
Validation against the register (dictionaries, divisions, registry, duplicates) lives here too, because
it needs the database; the pure identifier checks are in :mod:`civicdesk.services.core.validation`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Any, cast

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from civicdesk import messages
from civicdesk.errors import InputError, Issue, NotFoundError, ValidationError
from civicdesk.models import Division, Organization, OrgChange, OrgPerson
from civicdesk.services.admin import auth
from civicdesk.services.register import records
from civicdesk.services.core.database import Database
from civicdesk.services.core.reference import DictionaryValue, dictionary_codes, registry_name
from civicdesk.services.core.validation import (
    PLAIN_TEXT,
    check_text,
    mask_id_number,
    mask_phone,
    normalize_uscc,
    validate_date,
    validate_id_number,
    validate_phone,
    validate_uscc,
)
from civicdesk import clock
from civicdesk.schema import LIVE_STATUSES  # organizations.LIVE_STATUSES: filings and the ledger read it here


@dataclass(frozen=True)
class PersonRecord:
    id: str
    role: str
    name: str
    id_number: str | None  # masked unless revealed
    phone: str | None
    term_start: date | None
    term_end: date | None
    is_current: bool


@dataclass(frozen=True)
class ChangeRecord:
    id: str
    field: str
    old_value: str | None
    new_value: str | None
    changed_on: date
    document_no: str | None
    source: str


@dataclass(frozen=True)
class OrgRecord:
    """One organization with its people and history, detached from any session."""

    id: str
    values: records.OrgValues
    origin_office: str
    version: int
    entry_mode: str
    people: tuple[PersonRecord, ...] = ()
    history: tuple[ChangeRecord, ...] = ()

    @property
    def name(self) -> str:
        return self.values["name"]

    def to_json(self) -> dict[str, Any]:
        """The record in the shape ``org add --json-file`` accepts (plus read-only keys it ignores)."""
        out: dict[str, Any] = {"id": self.id}
        out.update({k: records.to_json_value(v) for k, v in self.values.items()})
        out["people"] = [
            {
                "role": p.role,
                "name": p.name,
                "id_number": p.id_number,
                "phone": p.phone,
                "term_start": records.to_json_value(p.term_start),
                "term_end": records.to_json_value(p.term_end),
                "is_current": p.is_current,
            }
            for p in self.people
        ]
        reps = [p.name for p in self.people if p.role == "legal_representative" and p.is_current]
        out["legal_rep_name"] = reps[0] if reps else None  # read-only here; a change filing may set it
        out["origin_office"] = self.origin_office
        out["version"] = self.version
        out["entry_mode"] = self.entry_mode
        out["history"] = [
            {
                "field": h.field,
                "old_value": h.old_value,
                "new_value": h.new_value,
                "changed_on": h.changed_on.isoformat(),
                "document_no": h.document_no,
                "source": h.source,
            }
            for h in self.history
        ]
        return out


@dataclass
class ParsedOrg:
    values: dict[str, Any]
    people: list[dict[str, Any]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


# -- input ------------------------------------------------------------------------------------------------
def parse_org_input(data: Any) -> ParsedOrg:
    """Types and names of an input record checked and converted; unknown keys are errors."""
    if not isinstance(data, dict):
        raise InputError("input.not_object")
    parsed = ParsedOrg(values={})
    for key, raw in data.items():
        if key in records.READ_ONLY_KEYS:
            continue
        if key == "people":
            continue
        spec = records.FIELDS_BY_NAME.get(key)
        if spec is None:
            parsed.issues.append(Issue(key, "input.unknown_field", {"field": key}))
            continue
        # as typed, before trimming: a trimmed "\t=1+1协会" would pass as "=1+1协会" (the usual text told clean
        # by check_text's own shortcut before its label is looked up: a ledger parses some 20 texts a row)
        if spec.kind in ("text", "code") and not (raw.__class__ is str and PLAIN_TEXT.fullmatch(raw) is not None):
            parsed.issues.extend(check_text(raw, key, spec.zh))
        value, issues = records.coerce(spec, raw, key)
        if issues:
            parsed.issues.extend(issues)
        parsed.values[key] = value
    people = data.get("people") or []
    if not isinstance(people, list):
        parsed.issues.append(Issue("people", "input.type", {"field": "people", "expected": "list"}))
        people = []
    for index, person in enumerate(people):
        prefix = f"people[{index}]"
        if not isinstance(person, dict):
            parsed.issues.append(Issue(prefix, "input.type", {"field": prefix, "expected": "object"}))
            continue
        out: dict[str, Any] = {"is_current": True}
        for key, raw in person.items():
            if key in records.PERSON_READ_ONLY_KEYS:
                continue
            spec = records.PERSON_FIELDS_BY_NAME.get(key)
            if spec is None:
                parsed.issues.append(Issue(f"{prefix}.{key}", "input.unknown_field", {"field": f"{prefix}.{key}"}))
                continue
            if spec.kind in ("text", "code") and not (raw.__class__ is str and PLAIN_TEXT.fullmatch(raw) is not None):
                parsed.issues.extend(check_text(raw, f"{prefix}.{key}", f"{spec.zh}（人员 {index + 1}）"))
            value, issues = records.coerce(spec, raw, f"{prefix}.{key}")
            parsed.issues.extend(issues)
            out[key] = value if not (key == "is_current" and raw is None) else True
        parsed.people.append(out)
    return parsed


def json_input_issues(data: Any) -> list[Issue]:
    """The fields of a record read from a JSON file whose JSON type is wrong for them ("yes" for a flag,
    12345 for a name, "12" for a count): JSON says what a value is, so nothing is guessed.

    ``data`` is the ``org add`` shape, or a filing's content holding one under ``record`` or ``changes``."""
    if not isinstance(data, dict):
        return []
    issues: list[Issue] = []
    for key in ("record", "changes"):
        if isinstance(data.get(key), dict):
            issues.extend(json_input_issues(data[key]))
    for key, value in data.items():
        spec = records.FIELDS_BY_NAME.get(key)
        if spec is not None:
            issues.extend(records.json_type_issues(spec, value, key))
    people = data.get("people")
    if isinstance(people, list):
        for index, person in enumerate(people):
            if not isinstance(person, dict):
                continue
            for key, value in person.items():
                spec = records.PERSON_FIELDS_BY_NAME.get(key)
                if spec is not None:
                    issues.extend(records.json_type_issues(spec, value, f"people[{index}].{key}"))
    return issues


def _fill_defaults(session: Session, values: dict[str, Any], office_code: str) -> None:
    """What a clerk need not type: tier, status, community flag, and the registry from the tier."""
    values.setdefault("tier", None)
    if not values.get("tier"):
        values["tier"] = "registered"
    if not values.get("status"):
        values["status"] = "active"
    if values["tier"] in ("filed", "guided"):
        values["is_community"] = True
    values.setdefault("is_community", False)
    if not values.get("registry_code"):
        if values["tier"] == "filed":
            values["registry_code"] = values.get("township_code")
        elif values["tier"] == "guided":
            values["registry_code"] = values.get("community_code")
        else:
            values["registry_code"] = office_code
    if values.get("registry_code") and not values.get("registry_name"):
        values["registry_name"] = registry_name(session, values["registry_code"])


class Lookups:
    """What :func:`validate_org` asks the register, one query per question: the right thing for one form.

    A bulk caller (a ledger of 100,000 rows) passes :class:`PreloadedLookups`, which reads each table once
    and answers from memory (a dictionary read and two duplicate queries per row were 65% of a report's time).
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._dicts: dict[str, dict[str, DictionaryValue]] | None = None

    def dictionaries(self) -> dict[str, dict[str, DictionaryValue]]:
        if self._dicts is None:
            self._dicts = dictionary_codes(self.session)
        return self._dicts

    def division(self, code: str) -> Division | None:
        return self.session.get(Division, code)

    def uscc_owner(self, uscc: str, self_id: str | None) -> str | None:
        """The name of another organization with this USCC."""
        return self.session.scalars(
            select(Organization.name).where(Organization.uscc == uscc, Organization.id != (self_id or ""))
        ).first()

    def name_taken(self, registry: str, name: str, self_id: str | None) -> bool:
        """Whether another existing organization of this registry has this name."""
        return self.session.scalars(
            select(Organization.id).where(
                Organization.registry_code == registry, Organization.name == name,
                Organization.status.in_(LIVE_STATUSES), Organization.deleted_at.is_(None),
                Organization.id != (self_id or ""),
            )
        ).first() is not None


class PreloadedLookups(Lookups):
    """The same answers from one read of the dictionaries, divisions, USCCs and live names."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._divisions = {d.code: d for d in session.scalars(select(Division))}
        o = Organization
        self._usccs: dict[str, tuple[str, str]] = {
            uscc: (org_id, name) for uscc, org_id, name in session.execute(
                select(o.uscc, o.id, o.name).where(o.uscc.is_not(None))) if uscc is not None}
        self._names: dict[tuple[str, str], set[str]] = {}
        for registry, name, org_id in session.execute(
                select(o.registry_code, o.name, o.id).where(o.status.in_(LIVE_STATUSES), o.deleted_at.is_(None))):
            self._names.setdefault((registry, name), set()).add(org_id)

    def division(self, code: str) -> Division | None:
        return self._divisions.get(code)

    def uscc_owner(self, uscc: str, self_id: str | None) -> str | None:
        owner = self._usccs.get(uscc)
        return owner[1] if owner is not None and owner[0] != (self_id or "") else None

    def name_taken(self, registry: str, name: str, self_id: str | None) -> bool:
        return bool(self._names.get((registry, name), set()) - {self_id or ""})


def _check_division(
    lookups: Lookups, values: dict[str, Any], key: str, level: str, parent: str | None, issues: list[Issue]
) -> Division | None:
    code = values.get(key)
    if not code:
        return None
    division = lookups.division(code)
    if division is None:
        issues.append(Issue(key, "division.unknown", {"value": code, "label": records.label(key)}))
        return None
    if division.level != level:
        issues.append(Issue(key, "division.level", {"label": records.label(key), "value": code, "expected": level}))
    elif parent is not None and division.parent_code != parent:
        issues.append(Issue(key, "division.parent", {"label": records.label(key), "value": code, "parent": parent}))
    return division


@lru_cache(maxsize=64)
def _both(code: str) -> tuple[str, str]:
    """The catalogue's (Chinese, English) label of ``code``, for a ``{…:bilingual}`` parameter (the catalogue is
    read-only: asked once per code, not for every row a rule passes)."""
    return messages.label(code, "zh"), messages.label(code, "en")


@dataclass(frozen=True)
class _Subject:
    """What every rule of :func:`validate_org` reads: the record, its people, the register's answers, the day."""

    values: dict[str, Any]
    people: list[dict[str, Any]]
    lookups: Lookups
    dicts: dict[str, dict[str, DictionaryValue]]
    today: date
    self_id: str | None

    @property
    def tier_label(self) -> tuple[str, str]:
        """The tier's (Chinese, English) label, for a ``{…:bilingual}`` parameter."""
        tier = self.values.get("tier")
        found = self.dicts.get("tier", {}).get(tier or "")
        return (found.label_zh, found.label_en) if found else (str(tier), str(tier))


def _need(values: dict[str, Any], key: str, issues: list[Issue]) -> bool:
    """Whether ``key`` has a value; if not, says it is required."""
    if values.get(key) in (None, ""):
        issues.append(Issue(key, "field.required", {"label": records.label(key)}))
        return False
    return True


def _forbid(values: dict[str, Any], key: str, context: tuple[str, str], issues: list[Issue]) -> None:
    """A field the record's kind must leave empty; ``context`` (Chinese, English) says which kind."""
    if values.get(key) not in (None, "", False):
        issues.append(Issue(key, "field.not_allowed", {"label": records.label(key), "context": context}))


#: the code fields of a record, in ORG_FIELDS' order (``_code_rules`` runs for every row of a ledger or a package)
_CODE_FIELDS = tuple(spec for spec in records.ORG_FIELDS if spec.kind == "code")


def _code_rules(s: _Subject) -> list[Issue]:
    """A code field holds a value of its dictionary."""
    issues: list[Issue] = []
    for spec in _CODE_FIELDS:
        if s.values.get(spec.name):
            known: dict[str, DictionaryValue] = s.dicts.get(spec.dictionary or "", {})
            if s.values[spec.name] not in known:
                issues.append(Issue(spec.name, "field.choice", {"label": spec.zh, "value": s.values[spec.name]}))
    return issues


def _tier_rules(s: _Subject) -> list[Issue]:
    """The fields each tier (and the community flag) requires or forbids; name and status for all."""
    values = s.values
    issues: list[Issue] = []
    _need(values, "name", issues)
    tier = values.get("tier")
    legal_form = values.get("legal_form")
    if tier == "registered":
        if _need(values, "legal_form", issues) and values.get("is_community") and legal_form == "foundation":
            issues.append(Issue("legal_form", "tier.legal_form",
                                {"tier": s.tier_label, "rule": "not_foundation"}))
        _need(values, "uscc", issues)
        _need(values, "category", issues)
        if _need(values, "registration_mode", issues):
            if values["registration_mode"] == "dual" and not values.get("sponsor"):
                issues.append(Issue("sponsor", "sponsor.required", {}))
            if values["registration_mode"] == "direct" and values.get("sponsor"):
                issues.append(Issue("sponsor", "sponsor.direct", {}))
        _need(values, "established_on", issues)
        if legal_form == "foundation":
            if not values.get("foundation_type"):
                issues.append(Issue("foundation_type", "org.foundation_type", {}))
        else:
            _forbid(values, "foundation_type", _both("org_context.not_foundation"), issues)
    elif tier in ("filed", "guided"):
        _forbid(values, "legal_form", s.tier_label, issues)
        _forbid(values, "uscc", s.tier_label, issues)
        _need(values, "township_code", issues)
        if tier == "guided":
            _need(values, "community_code", issues)
    if values.get("is_community"):
        _need(values, "community_subtype", issues)
    else:
        _forbid(values, "community_subtype", _both("org_context.not_community"), issues)
    _need(values, "status", issues)
    return issues


def _division_rules(s: _Subject) -> list[Issue]:
    """The county, then the township inside it, then the community inside that."""
    issues: list[Issue] = []
    if not _need(s.values, "division_code", issues):
        return issues
    county = _check_division(s.lookups, s.values, "division_code", "county", None, issues)
    township = None
    if county is not None:
        township = _check_division(s.lookups, s.values, "township_code", "township", county.code, issues)
    if township is not None:
        _check_division(s.lookups, s.values, "community_code", "community", township.code, issues)
    return issues


def _registry_rules(s: _Subject) -> list[Issue]:
    """The registry (登记管理机关) keeps the register for the place the organization is in."""
    values = s.values
    issues: list[Issue] = []
    registry = values.get("registry_code")
    county_code = values.get("division_code")
    county = s.lookups.division(county_code) if county_code else None  # whatever its level (_division_rules says)
    if _need(values, "registry_code", issues) and registry is not None and county is not None:
        ok = {
            "registered": registry in (county.code, county.parent_code),
            "filed": registry == values.get("township_code"),
            "guided": registry in (values.get("community_code"), values.get("township_code")),
        }.get(values.get("tier") or "", True)
        if not ok:
            issues.append(Issue("registry_code", "registry.division", {"registry": registry, "division": county.code}))
        elif s.lookups.division(registry) is None:
            issues.append(Issue("registry_code", "division.unknown",
                                {"value": registry, "label": records.label("registry_code")}))
    _need(values, "registry_name", issues)
    return issues


def _uscc_rules(s: _Subject) -> list[Issue]:
    """The credit code: check character, department, kind digit, the registry's division, not another's."""
    uscc = s.values.get("uscc")
    if not uscc:
        return []
    issues = list(validate_uscc(uscc))
    if any(i.severity == "error" for i in issues):
        return issues
    if uscc[0] != "5":
        issues.append(Issue("uscc", "uscc.department", {"actual": uscc[0]}))
    form = s.dicts.get("legal_form", {}).get(s.values.get("legal_form") or "")
    if form is not None and uscc[1] != form.attributes.get("uscc_kind"):
        issues.append(
            Issue("uscc", "uscc.kind", {"actual": uscc[1], "legal_form": form.label_zh,
                                        "expected": form.attributes.get("uscc_kind")})
        )
    registry = s.values.get("registry_code")
    if registry and len(registry) == 6 and uscc[2:8] != registry:
        issues.append(Issue("uscc", "uscc.registry", {"actual": uscc[2:8], "expected": registry}))
    other = s.lookups.uscc_owner(uscc, s.self_id)
    if other is not None:
        issues.append(Issue("uscc", "uscc.duplicate", {"value": uscc, "other": other}))
    return issues


def _date_rules(s: _Subject) -> list[Issue]:
    """Real dates, none in the future; a certificate's period in order."""
    values = s.values
    issues: list[Issue] = []
    for key in ("established_on", "certificate_issued_on", "certificate_valid_from", "certificate_collected_on"):
        if values.get(key):
            _, date_issues = validate_date(values[key], key, records.label(key), today=s.today)
            issues.extend(date_issues)
    if values.get("certificate_valid_to") and values.get("certificate_valid_from"):
        if values["certificate_valid_to"] < values["certificate_valid_from"]:
            issues.append(Issue("certificate_valid_to", "certificate.period", {}))
    return issues


def _phone_rules(s: _Subject) -> list[Issue]:
    phone = s.values.get("contact_phone")
    return validate_phone(phone, "contact_phone") if phone else []


def _name_rules(s: _Subject) -> list[Issue]:
    """No two existing organizations of one registry share a name."""
    name, registry = s.values.get("name"), s.values.get("registry_code")
    if name and registry and s.lookups.name_taken(registry, name, s.self_id):
        return [Issue("name", "name.duplicate", {"value": name})]
    return []


def _people_rules(s: _Subject) -> list[Issue]:
    """Each person: a name, a known role, a valid ID number and phone, a term in order."""
    roles = s.dicts.get("person_role", {})
    issues: list[Issue] = []
    for index, person in enumerate(s.people):
        prefix = f"people[{index}]"
        if not person.get("name"):
            issues.append(Issue(f"{prefix}.name", "field.required", {"label": "姓名"}))
        if not person.get("role"):
            issues.append(Issue(f"{prefix}.role", "field.required", {"label": "职务"}))
        elif person["role"] not in roles:
            issues.append(Issue(f"{prefix}.role", "person.role", {"value": person["role"]}))
        if person.get("id_number"):
            issues.extend(validate_id_number(person["id_number"], f"{prefix}.id_number", today=s.today))
        if person.get("phone"):
            issues.extend(validate_phone(person["phone"], f"{prefix}.phone"))
        if person.get("term_start") and person.get("term_end") and person["term_end"] < person["term_start"]:
            issues.append(Issue(f"{prefix}.term_end", "date.order", {"label": "任期止", "other": "任期起"}))
    return issues


def _leadership_rules(s: _Subject) -> list[Issue]:
    """A registered organization has exactly one current legal representative; any other, someone responsible."""
    current = [p for p in s.people if p.get("is_current", True)]
    if s.values.get("tier") == "registered":
        reps = sum(1 for p in current if p.get("role") == "legal_representative")
        return [] if reps == 1 else [Issue("people", "person.legal_rep_count", {"count": reps})]
    if not any(p.get("role") in ("responsible_person", "legal_representative") for p in current):
        return [Issue("people", "field.required", {"label": "负责人"})]
    return []


#: The rules of :func:`validate_org`, in the order their issues are reported.
_RULES: tuple[Callable[[_Subject], list[Issue]], ...] = (
    _code_rules, _tier_rules, _division_rules, _registry_rules, _uscc_rules, _date_rules, _phone_rules,
    _name_rules, _people_rules, _leadership_rules,
)


def validate_org(
    session: Session,
    values: dict[str, Any],
    people: list[dict[str, Any]],
    *,
    self_id: str | None = None,
    today: date | None = None,
    lookups: Lookups | None = None,
) -> list[Issue]:
    """Every rule of DOMAIN.md a record must meet, against the register in ``session`` (asked through
    ``lookups``: by default one query per question)."""
    lookups = lookups or Lookups(session)
    subject = _Subject(values, people, lookups, lookups.dictionaries(), today or clock.today(), self_id)
    return [issue for rule in _RULES for issue in rule(subject)]


# -- commands ---------------------------------------------------------------------------------------------
def add_organization(
    db: Database, data: dict[str, Any], *, entry_mode: str = "legacy", by: auth.UserInfo | None = None
) -> OrgRecord:
    """Validate and add one organization (a legacy record entered directly unless ``entry_mode`` says).

    Entering a record into the register without a filing is an administrator digitizing paper records:
    ``by`` needs the ``legacy_entry`` right.  Raises :class:`ValidationError` naming every problem; nothing
    is written then.
    """
    actor = auth.require(db, by, "legacy_entry")
    office = db.office()
    with db.unit(actor=actor) as session:
        if entry_mode == "legacy":
            session.info["audit_note"] = "legacy_entry"  # digitized from paper by an admin, not applied for
        org = insert_organization(session, data, office.code, entry_mode=entry_mode)
        return _record(session, org, reveal=False)


def insert_organization(session: Session, data: dict[str, Any], office_code: str, *, entry_mode: str) -> Organization:
    """Validate ``data`` (the ``org add`` shape) and add it in ``session``'s unit; raises ValidationError."""
    parsed = parse_org_input(data)
    _fill_defaults(session, parsed.values, office_code)
    issues = parsed.issues + validate_org(session, parsed.values, parsed.people)
    if any(i.severity == "error" for i in issues):
        raise ValidationError(issues)
    reps = [p["name"] for p in parsed.people if p.get("role") == "legal_representative" and p.get("is_current", True)]
    org = Organization(**parsed.values, entry_mode=entry_mode, origin_office=office_code,
                       legal_rep_name=reps[0] if reps else None)
    session.add(org)
    session.flush()
    for person in parsed.people:
        session.add(OrgPerson(organization_id=org.id, origin_office=office_code, **person))
    session.flush()
    return org


def _record(session: Session, org: Organization, *, reveal: bool) -> OrgRecord:
    # one key a field of ORG_FIELDS, typed as its column: what OrgValues declares (a test keeps them in step)
    values = cast(records.OrgValues, {spec.name: getattr(org, spec.name) for spec in records.ORG_FIELDS})
    people = session.scalars(
        select(OrgPerson)
        .where(OrgPerson.organization_id == org.id, OrgPerson.deleted_at.is_(None))
        .order_by(OrgPerson.is_current.desc(), OrgPerson.role, OrgPerson.term_start)
    )
    history = session.scalars(
        select(OrgChange)
        .where(OrgChange.organization_id == org.id, OrgChange.deleted_at.is_(None))
        .order_by(OrgChange.changed_on, OrgChange.field)
    )
    return OrgRecord(
        id=org.id,
        values=values,
        origin_office=org.origin_office,
        version=org.version,
        entry_mode=org.entry_mode,
        people=tuple(
            PersonRecord(p.id, p.role, p.name, p.id_number if reveal else mask_id_number(p.id_number),
                         p.phone if reveal else mask_phone(p.phone), p.term_start, p.term_end, p.is_current)
            for p in people
        ),
        history=tuple(
            ChangeRecord(h.id, h.field, h.old_value, h.new_value, h.changed_on, h.document_no, h.source)
            for h in history
        ),
    )


def get_organization(db: Database, key: str, *, reveal: bool = False, by: auth.UserInfo | None = None) -> OrgRecord:
    """An organization by id, USCC, or exact name (the only one of that name); ID numbers masked by default.
    ``reveal`` shows them in full to ``by`` with the ``reveal_ids`` right, and the reveal is audited."""
    actor = auth.require(db, by, "reveal_ids") if reveal else None
    record = load_organization(db, key, reveal=reveal)
    if actor is not None:
        from civicdesk.services.admin import audit

        audit.record_event(db, "data.revealed", actor=actor, entity="organization", entity_id=record.id)
    return record


def load_organization(db: Database, key: str, *, reveal: bool) -> OrgRecord:
    """:func:`get_organization` without the check: for a service that checked ``reveal_ids`` itself and audits
    the act as a whole (printing an organization's sheet)."""
    key = key.strip()
    with db.read() as session:
        org = session.get(Organization, key)
        if org is None:
            candidates = session.scalars(
                select(Organization).where(or_(Organization.uscc == normalize_uscc(key), Organization.name == key))
                .where(Organization.deleted_at.is_(None)).limit(2)
            ).all()
            org = candidates[0] if len(candidates) == 1 else None
        if org is None or org.deleted_at is not None:
            raise NotFoundError("org.not_found", key=key)
        return _record(session, org, reveal=reveal)


def check_organization(db: Database, data: dict[str, Any], *, self_id: str | None = None) -> list[Issue]:
    """Every issue (errors and warnings) of a record, without saving it: what a form shows as the clerk types."""
    office = db.office()
    parsed = parse_org_input(data)
    with db.read() as session:
        _fill_defaults(session, parsed.values, office.code)
        return parsed.issues + validate_org(session, parsed.values, parsed.people, self_id=self_id)
