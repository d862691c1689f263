"""The register of organizations: add a record, read one, list them.

Every function is one unit of work and returns frozen dataclasses; nothing here hands out ORM objects.
Validation against the register (dictionaries, divisions, registry, duplicates) lives here too, because
it needs the database; the pure identifier checks are in :mod:`civicdesk.services.core.validation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from civicdesk.errors import InputError, Issue, NotFoundError, ValidationError
from civicdesk.models import Division, Organization, OrgChange, OrgPerson
from civicdesk.models import register as register_model
from civicdesk.services.admin import auth
from civicdesk.services.register import records
from civicdesk.services.core.database import Database
from civicdesk.services.core.reference import DictionaryValue, dictionary_codes, registry_name
from civicdesk.services.core.validation import (
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

LIVE_STATUSES = register_model.LIVE_STATUSES


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
    values: dict[str, Any]
    origin_office: str
    version: int
    entry_mode: str
    people: tuple[PersonRecord, ...] = ()
    history: tuple[ChangeRecord, ...] = ()

    @property
    def name(self) -> str:
        return str(self.values["name"])

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
        # as typed, before trimming: a trimmed "\t=1+1协会" would pass as "=1+1协会"
        if spec.kind in ("text", "code"):
            parsed.issues.extend(check_text(raw, key, spec.zh))
        value, issues = records.coerce(spec, raw, key)
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
            if spec.kind in ("text", "code"):
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
    lab = records.label(key)
    if division is None:
        issues.append(Issue(key, "division.unknown", {"value": code, "label": lab}))
        return None
    if division.level != level:
        issues.append(Issue(key, "division.level", {"label": lab, "value": code, "expected": level}))
    elif parent is not None and division.parent_code != parent:
        issues.append(Issue(key, "division.parent", {"label": lab, "value": code, "parent": parent}))
    return division


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
    today = today or clock.today()
    issues: list[Issue] = []
    lookups = lookups or Lookups(session)
    dicts = lookups.dictionaries()

    def need(key: str) -> bool:
        if values.get(key) in (None, ""):
            issues.append(Issue(key, "field.required", {"label": records.label(key)}))
            return False
        return True

    def forbid(key: str, context: str) -> None:
        if values.get(key) not in (None, "", False):
            issues.append(Issue(key, "field.not_allowed", {"label": records.label(key), "context": context}))

    for spec in records.ORG_FIELDS:
        if spec.kind == "code" and values.get(spec.name):
            known: dict[str, DictionaryValue] = dicts.get(spec.dictionary or "", {})
            if values[spec.name] not in known:
                issues.append(Issue(spec.name, "field.choice", {"label": spec.zh, "value": values[spec.name]}))

    need("name")
    tier = values.get("tier")
    legal_form = values.get("legal_form")
    tier_zh = dicts.get("tier", {}).get(tier or "")
    tier_label = tier_zh.label_zh if tier_zh else str(tier)
    if tier == "registered":
        if need("legal_form") and values.get("is_community") and legal_form == "foundation":
            issues.append(Issue("legal_form", "tier.legal_form",
                                {"tier": tier_label, "rule": "只能登记为社会团体或民办非企业单位"}))
        need("uscc")
        need("category")
        if need("registration_mode"):
            if values["registration_mode"] == "dual" and not values.get("sponsor"):
                issues.append(Issue("sponsor", "sponsor.required", {}))
            if values["registration_mode"] == "direct" and values.get("sponsor"):
                issues.append(Issue("sponsor", "sponsor.direct", {}))
        need("established_on")
        if legal_form == "foundation":
            if not values.get("foundation_type"):
                issues.append(Issue("foundation_type", "org.foundation_type", {}))
        else:
            forbid("foundation_type", "非基金会")
    elif tier in ("filed", "guided"):
        forbid("legal_form", tier_label)
        forbid("uscc", tier_label)
        need("township_code")
        if tier == "guided":
            need("community_code")
    if values.get("is_community"):
        need("community_subtype")
    else:
        forbid("community_subtype", "非社区社会组织")
    need("status")

    # divisions: county, then township inside it, then community inside that
    county = None
    if need("division_code"):
        county = _check_division(lookups, values, "division_code", "county", None, issues)
    township = None
    if county is not None:
        township = _check_division(lookups, values, "township_code", "township", county.code, issues)
    if township is not None:
        _check_division(lookups, values, "community_code", "community", township.code, issues)

    # the registry keeps the register for the place the organization is in
    registry = values.get("registry_code")
    if need("registry_code") and registry is not None and county is not None:
        ok = {
            "registered": registry in (county.code, county.parent_code),
            "filed": registry == values.get("township_code"),
            "guided": registry in (values.get("community_code"), values.get("township_code")),
        }.get(tier or "", True)
        if not ok:
            issues.append(Issue("registry_code", "registry.division", {"registry": registry, "division": county.code}))
        elif lookups.division(registry) is None:
            issues.append(Issue("registry_code", "division.unknown",
                                {"value": registry, "label": records.label("registry_code")}))
    need("registry_name")

    # the credit code: check character, department, kind digit, registry's division
    uscc = values.get("uscc")
    if uscc:
        uscc_issues = validate_uscc(uscc)
        issues.extend(uscc_issues)
        if not any(i.severity == "error" for i in uscc_issues):
            if uscc[0] != "5":
                issues.append(Issue("uscc", "uscc.department", {"actual": uscc[0]}))
            form = dicts.get("legal_form", {}).get(legal_form or "")
            if form is not None and uscc[1] != form.attributes.get("uscc_kind"):
                issues.append(
                    Issue("uscc", "uscc.kind", {"actual": uscc[1], "legal_form": form.label_zh,
                                                "expected": form.attributes.get("uscc_kind")})
                )
            if registry and len(registry) == 6 and uscc[2:8] != registry:
                issues.append(Issue("uscc", "uscc.registry", {"actual": uscc[2:8], "expected": registry}))
            other = lookups.uscc_owner(uscc, self_id)
            if other is not None:
                issues.append(Issue("uscc", "uscc.duplicate", {"value": uscc, "other": other}))

    # dates and numbers
    for key in ("established_on", "certificate_issued_on", "certificate_valid_from", "certificate_collected_on"):
        if values.get(key):
            _, date_issues = validate_date(values[key], key, records.label(key), today=today)
            issues.extend(date_issues)
    if values.get("certificate_valid_to") and values.get("certificate_valid_from"):
        if values["certificate_valid_to"] < values["certificate_valid_from"]:
            issues.append(Issue("certificate_valid_to", "certificate.period", {}))
    if values.get("contact_phone"):
        issues.extend(validate_phone(values["contact_phone"], "contact_phone"))

    # duplicate names in one registry (among organizations that still exist)
    if values.get("name") and registry:
        if lookups.name_taken(registry, values["name"], self_id):
            issues.append(Issue("name", "name.duplicate", {"value": values["name"]}))

    # people
    roles = dicts.get("person_role", {})
    for index, person in enumerate(people):
        prefix = f"people[{index}]"
        if not person.get("name"):
            issues.append(Issue(f"{prefix}.name", "field.required", {"label": "姓名"}))
        if not person.get("role"):
            issues.append(Issue(f"{prefix}.role", "field.required", {"label": "职务"}))
        elif person["role"] not in roles:
            issues.append(Issue(f"{prefix}.role", "person.role", {"value": person["role"]}))
        if person.get("id_number"):
            issues.extend(validate_id_number(person["id_number"], f"{prefix}.id_number", today=today))
        if person.get("phone"):
            issues.extend(validate_phone(person["phone"], f"{prefix}.phone"))
        if person.get("term_start") and person.get("term_end") and person["term_end"] < person["term_start"]:
            issues.append(Issue(f"{prefix}.term_end", "date.order", {"label": "任期止", "other": "任期起"}))
    current = [p for p in people if p.get("is_current", True)]
    if tier == "registered":
        reps = sum(1 for p in current if p.get("role") == "legal_representative")
        if reps != 1:
            issues.append(Issue("people", "person.legal_rep_count", {"count": reps}))
    elif not any(p.get("role") in ("responsible_person", "legal_representative") for p in current):
        issues.append(Issue("people", "field.required", {"label": "负责人"}))
    return issues


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
    values = {spec.name: getattr(org, spec.name) for spec in records.ORG_FIELDS}
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
