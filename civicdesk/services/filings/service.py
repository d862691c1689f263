"""Filings (申请事项): the register changes only when a reviewer approves what a clerk applied for.

States (DOMAIN.md "Lifecycles")::

    draft ──submit──> submitted (已受理) ──review──> under_review (审查中)
      ^                  │  │                         │
      └──── returned <───┘  └──> approved (准予) | rejected (不予, reason) <──┘
    draft | submitted | under_review | returned ──withdraw──> withdrawn (撤回)

The register changes in the same transaction as the approval.  A filing approved against an organization that
changed after the filing was drafted is refused (its ``base_version`` no longer matches), not applied over the
newer record.  The person who drafted or submitted a filing cannot review it (four eyes).  Every refusal is
itself written to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import messages
from civicdesk.errors import CivicDeskError, InputError, Issue, NotFoundError, ValidationError
from civicdesk.models import Organization, OrgChange, OrgPerson
from civicdesk.models.base import utcnow
from civicdesk.models.filing import Filing, FilingEvent
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.register import records
from civicdesk.services.core.database import Database
from civicdesk.services.core.reference import dictionary_codes, registry_name
from civicdesk.services.register.organizations import (
    LIVE_STATUSES,
    _fill_defaults,
    insert_organization,
    parse_org_input,
    validate_org,
)
from civicdesk.services.core.validation import (
    ID_KEYS,
    PHONE_KEYS,
    check_text,
    mask_id_number,
    mask_personal,
    mask_phone,
    parse_date,
    validate_id_number,
    validate_phone,
)
from civicdesk import clock


def _both(code: str) -> tuple[str, str]:
    """The catalogue's (Chinese, English) label of ``code``."""
    return messages.label(code, "zh"), messages.label(code, "en")


#: How the diff names the people an approval writes, and the day an establishment is dated when the filing
#: names none (it is established on the day it is approved).
PERSON_LABEL = _both("filing.person")
ON_APPROVAL = _both("filing.on_approval")

STATES = ("draft", "submitted", "under_review", "returned", "approved", "rejected", "withdrawn")
OPEN_STATES = ("submitted", "under_review", "returned")
KINDS = ("establish", "change", "deregister", "revoke", "community_file", "community_guide", "tier_convert",
         "community_withdraw")
#: the words of states, kinds and actions live in the catalogue (``filing_state.*``, ``filing_kind.*``,
#: ``filing_action.*``); these tables are their (Chinese, English) pairs for the UI
STATE_LABELS = {state: _both(f"filing_state.{state}") for state in STATES}
KIND_LABELS = {kind: _both(f"filing_kind.{kind}") for kind in KINDS}
NEW_RECORD_KINDS = {"establish": "registered", "community_file": "filed", "community_guide": "guided"}

#: action -> (from states, to state, permission, comment required)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str, bool]] = {
    "submit": (("draft", "returned"), "submitted", "filing.submit", False),
    "review": (("submitted",), "under_review", "filing.review", False),
    "approve": (("submitted", "under_review"), "approved", "filing.review", False),
    "reject": (("submitted", "under_review"), "rejected", "filing.review", True),
    "return": (("submitted", "under_review"), "returned", "filing.review", True),
    "withdraw": (("draft", "submitted", "under_review", "returned"), "withdrawn", "filing.withdraw", False),
}
ACTION_LABELS = {action: _both(f"filing_action.{action}") for action in (*TRANSITIONS, "edit")}
FOUR_EYES = frozenset({"review", "approve", "reject", "return"})
DECISION_DAYS = 60  # the decision is due within 60 days of a complete application (DOMAIN.md)
DUE_SOON_DAYS = 10
#: Pseudo-fields a change filing may carry besides the organization's own fields.
REP_FIELDS = {key: messages.label(f"filing_field.{key}") for key in
              ("legal_rep_name", "legal_rep_id_number", "legal_rep_phone")}
META_KEYS = {"received_on", "complete_on", "applicant", "documents", "document_no"}


def state_label(state: str, lang: str = "zh") -> str:
    return messages.label(f"filing_state.{state}", lang, default=state)


def kind_label(kind: str, lang: str = "zh") -> str:
    return messages.label(f"filing_kind.{kind}", lang, default=kind)


def field_label(name: str, lang: str = "zh") -> str:
    if name.startswith("people"):
        return messages.label("filing.person", lang) + (name[len("people"):] if not messages.is_zh(lang) else "")
    if f"filing_field.{name}" in messages.CATALOGUE:  # the rep pseudo-fields, reason, the change log's rep
        return messages.label(f"filing_field.{name}", lang)
    return records.label(name, lang)


# -- what callers get back -----------------------------------------------------------------------------
@dataclass(frozen=True)
class FilingStep:
    action: str
    from_state: str | None
    to_state: str
    actor: str
    at: datetime
    comment: str | None


@dataclass(frozen=True)
class DiffRow:
    field: str
    label: str
    old: Any  # the value when the filing was drafted
    current: Any  # the value in the register now (differs from ``old`` when the record changed meanwhile)
    new: Any


@dataclass(frozen=True)
class FilingRecord:
    id: str
    number: str
    kind: str
    state: str
    organization_id: str | None
    organization_name: str
    base_version: int | None
    changes: dict[str, Any]
    old_values: dict[str, Any]
    received_on: date
    complete_on: date | None
    due_on: date | None
    applicant: str
    documents: tuple[str, ...]
    document_no: str | None
    comment: str | None
    created_by: str
    submitted_by: str | None
    submitted_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None
    legacy: bool
    version: int
    steps: tuple[FilingStep, ...] = ()
    diff: tuple[DiffRow, ...] = ()
    today: date = field(default_factory=clock.today)
    #: the credit list the organization is on now (``abnormal`` | ``serious``; None when on none): a warning for
    #: whoever handles the filing, never a bar (民政部令第60号 forbids no change registration of a listed one)
    credit_list: str | None = None
    #: with the detail (:func:`get_filing`): its listings in force (services/supervision/credit.py)
    credit_listings: tuple[Any, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES or self.state == "draft"

    @property
    def days_left(self) -> int | None:
        if self.due_on is None or self.state not in ("submitted", "under_review"):
            return None
        return (self.due_on - self.today).days

    @property
    def deadline_flag(self) -> str | None:
        """``overdue`` past the due date, ``due_soon`` within ten days, else None (and None once decided)."""
        left = self.days_left
        if left is None:
            return None
        if left < 0:
            return "overdue"
        return "due_soon" if left <= DUE_SOON_DAYS else None

    def to_json(self) -> dict[str, Any]:
        """The filing as ``filing show --json`` prints it (ID numbers and phones as the record holds them:
        masked unless it was read with ``reveal``)."""
        return {
            "id": self.id, "number": self.number, "kind": self.kind, "state": self.state,
            "organization_id": self.organization_id, "organization_name": self.organization_name,
            "base_version": self.base_version, "changes": self.changes, "old_values": self.old_values,
            "received_on": self.received_on.isoformat(),
            "complete_on": self.complete_on.isoformat() if self.complete_on else None,
            "due_on": self.due_on.isoformat() if self.due_on else None, "days_left": self.days_left,
            "deadline_flag": self.deadline_flag, "applicant": self.applicant, "documents": list(self.documents),
            "document_no": self.document_no, "comment": self.comment, "created_by": self.created_by,
            "submitted_by": self.submitted_by, "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(sep=" ") if self.decided_at else None,
            "legacy": self.legacy,
            "steps": [{"action": s.action, "from": s.from_state, "to": s.to_state, "actor": s.actor,
                       "at": s.at.isoformat(sep=" "), "comment": s.comment} for s in self.steps],
            "diff": [{"field": d.field, "old": d.old, "current": d.current, "new": d.new} for d in self.diff],
            "credit_list": self.credit_list,
            "credit_listings": [{"list_kind": x.list_kind, "ground": x.ground, "decision_no": x.decision_no,
                                 "listed_on": x.listed_on.isoformat() if x.listed_on else None}
                                for x in self.credit_listings],
        }


# -- reading ---------------------------------------------------------------------------------------------
def _org_value(session: Session, org: Organization, name: str) -> Any:
    if name in REP_FIELDS:
        rep = _current_rep(session, org)
        if rep is None:
            return None
        return {"legal_rep_name": rep.name, "legal_rep_id_number": rep.id_number, "legal_rep_phone": rep.phone}[name]
    return records.to_json_value(getattr(org, name, None))


def _current_rep(session: Session, org: Organization) -> OrgPerson | None:
    role = "legal_representative" if org.tier == "registered" else None
    q = select(OrgPerson).where(OrgPerson.organization_id == org.id, OrgPerson.is_current.is_(True),
                                OrgPerson.deleted_at.is_(None))
    q = q.where(OrgPerson.role == role) if role else q.where(
        OrgPerson.role.in_(("legal_representative", "responsible_person")))
    return session.scalars(q.order_by(OrgPerson.role)).first()


def _shown(name: str, value: Any, reveal: bool) -> Any:
    """A value as a reader sees it: ID numbers and personal phones masked unless revealed."""
    if reveal or not isinstance(value, str):
        return value
    if name in ID_KEYS:
        return mask_id_number(value)
    if name in PHONE_KEYS:
        return mask_phone(value)
    return value


def _role_label(session: Session, role: Any) -> str:
    entry = dictionary_codes(session).get("person_role", {}).get(str(role or ""))
    return entry.label_zh if entry is not None else str(role or "")


def person_text(person: dict[str, Any], reveal: bool = False, role: str | None = None) -> str:
    """One person as the diff lists it: role, name, ID number, phone, term (numbers masked unless revealed)."""
    parts = [f"{role or person.get('role') or ''} {person.get('name') or '—'}".strip()]
    if person.get("id_number"):
        parts.append("身份证号码 " + str(_shown("id_number", person["id_number"], reveal)))
    if person.get("phone"):
        parts.append("电话 " + str(_shown("phone", person["phone"], reveal)))
    start, end = person.get("term_start"), person.get("term_end")
    if start or end:
        parts.append(f"任期 {records.to_json_value(start) or '…'}至{records.to_json_value(end) or '今'}")
    if person.get("is_current") is False:
        parts.append("离任")
    return "，".join(parts)


def _new_record_diff(session: Session, f: Filing, reveal: bool) -> list[DiffRow]:
    """What approving an establishment or community filing writes: every field of the new record (with the
    defaults the register fills in: tier, status, registry, community flag, the establishment date) and every
    person, each a row."""
    record = dict(f.changes.get("record", f.changes))
    parsed = parse_org_input(record)
    values = dict(parsed.values)
    _fill_defaults(session, values, f.origin_office or session.info.get("office_code") or "")
    if f.kind == "establish" and not values.get("established_on"):
        values["established_on"] = ON_APPROVAL[0]  # _apply dates it on the day of approval
    rows = []
    for spec in records.ORG_FIELDS:
        value = values.get(spec.name)
        if value in (None, "", False):
            continue
        rows.append(DiffRow(spec.name, field_label(spec.name), None, None,
                            _shown(spec.name, records.to_json_value(value), reveal)))
    for index, person in enumerate(parsed.people):
        rows.append(DiffRow(f"people[{index}]", PERSON_LABEL[0], None, None,
                            person_text(person, reveal, _role_label(session, person.get("role")))))
    return rows


def _rep_text(session: Session, org: Organization, f: Filing, reveal: bool) -> tuple[str | None, str]:
    """The person row of a change of legal representative: who is in office now, and who approval puts in
    (the one now in office leaves on the day of approval)."""
    rep = _current_rep(session, org)
    now = person_text({"role": rep.role, "name": rep.name, "id_number": rep.id_number, "phone": rep.phone,
                       "term_start": rep.term_start}, reveal,
                      _role_label(session, rep.role)) if rep is not None else None
    tier = f.changes.get("tier") or org.tier
    role = "legal_representative" if tier == "registered" else (rep.role if rep is not None else "responsible_person")
    named = "legal_rep_name" in f.changes
    person = {
        "role": role,
        "name": f.changes.get("legal_rep_name") or (rep.name if rep else None),
        "id_number": f.changes.get("legal_rep_id_number") if named or rep is None
        else f.changes.get("legal_rep_id_number", rep.id_number),
        "phone": (f.changes.get("legal_rep_phone") if named or rep is None
                  else f.changes.get("legal_rep_phone", rep.phone)),
        "term_start": ON_APPROVAL[0],
    }
    new = person_text(person, reveal, _role_label(session, role))
    if rep is not None:
        new += f"；{rep.name} 离任"
    return now, new


def _record(session: Session, f: Filing, *, with_detail: bool, today: date | None = None,
            reveal: bool = False, credit_list: str | None = None) -> FilingRecord:
    """The filing as callers see it; ID numbers and personal phones masked unless ``reveal`` (the caller has
    checked the right and audited the reveal).  ``credit_list`` as the caller read it (a list of filings reads
    them in one statement); with the detail, read here with the listings in force."""
    steps: tuple[FilingStep, ...] = ()
    diff: tuple[DiffRow, ...] = ()
    listings: tuple[Any, ...] = ()
    if with_detail:
        steps = tuple(
            FilingStep(e.action, e.from_state, e.to_state, e.actor, e.at, e.comment)
            for e in session.scalars(select(FilingEvent).where(FilingEvent.filing_id == f.id)
                                     .order_by(FilingEvent.at, FilingEvent.created_at))
        )
        org = session.get(Organization, f.organization_id) if f.organization_id else None
        rows: list[DiffRow] = []
        if f.kind in NEW_RECORD_KINDS:
            rows = _new_record_diff(session, f, reveal)
        else:
            for name, new in f.changes.items():
                current = _org_value(session, org, name) if org is not None else None
                rows.append(DiffRow(name, field_label(name), _shown(name, f.old_values.get(name), reveal),
                                    _shown(name, current, reveal), _shown(name, new, reveal)))
            if org is not None and any(k in f.changes for k in REP_FIELDS):
                now, new_person = _rep_text(session, org, f, reveal)
                rows.append(DiffRow("people", PERSON_LABEL[0], now, now, new_person))
        diff = tuple(rows)
        if org is not None:
            from civicdesk.services.supervision import credit  # the supervision services: only with the detail

            credit_list = org.credit_list
            listings = tuple(credit.current_in(session, org.id))
    changes, old_values = dict(f.changes), dict(f.old_values)
    if not reveal:
        changes, old_values = mask_personal(changes), mask_personal(old_values)
    return FilingRecord(
        f.id, f.number, f.kind, f.state, f.organization_id, f.organization_name, f.base_version, changes,
        old_values, f.received_on, f.complete_on, f.due_on, f.applicant, tuple(f.documents or ()),
        f.document_no, f.comment, f.created_by, f.submitted_by, f.submitted_at, f.decided_by, f.decided_at,
        f.legacy, f.version, steps, diff, today or clock.today(), credit_list, listings,
    )


def _find(session: Session, key: str) -> Filing:
    f = session.get(Filing, key)
    if f is None:
        f = session.scalar(select(Filing).where(Filing.number == key))
    if f is None or f.deleted_at is not None:
        raise NotFoundError("filing.not_found", key=key)
    return f


def get_filing(db: Database, key: str, *, by: auth.UserInfo | None = None, reveal: bool = False) -> FilingRecord:
    """One filing with its steps and diff.  ID numbers and personal phones are masked; ``reveal`` shows them
    in full to a user with the ``reveal_ids`` right, and the reveal is written to the audit trail."""
    if reveal:
        auth.require(db, by, "reveal_ids")
    with db.read() as session:
        record = _record(session, _find(session, key), with_detail=True, reveal=reveal)
    if reveal:
        audit.record_event(db, "data.revealed", actor=by.username if by is not None else None, entity="filing",
                           entity_id=record.id, number=record.number)
    return record


def list_filings(db: Database, *, state: str | None = None, kind: str | None = None,
                 organization_id: str | None = None, open_only: bool = False,
                 today: date | None = None) -> list[FilingRecord]:
    """Filings, the most urgent first (due date, then number); ID numbers and phones masked."""
    with db.read() as session:
        q = select(Filing).where(Filing.deleted_at.is_(None))
        if state:
            q = q.where(Filing.state == state)
        if kind:
            q = q.where(Filing.kind == kind)
        if organization_id:
            q = q.where(Filing.organization_id == organization_id)
        if open_only:
            q = q.where(Filing.state.in_(("draft", *OPEN_STATES)))
        q = q.order_by(Filing.due_on.is_(None), Filing.due_on, Filing.number)
        found = list(session.scalars(q))
        listed = _credit_lists(session, {f.organization_id for f in found if f.organization_id})
        return [_record(session, f, with_detail=False, today=today, credit_list=listed.get(f.organization_id or ""))
                for f in found]


def _credit_lists(session: Session, organization_ids: set[str]) -> dict[str, str]:
    """organization id -> the credit list it is on now (the register's derived column), for those listed."""
    ids, out = sorted(organization_ids), dict[str, str]()
    for start in range(0, len(ids), 900):
        for org_id, kind in session.execute(select(Organization.id, Organization.credit_list).where(
                Organization.id.in_(ids[start:start + 900]), Organization.credit_list.is_not(None))):
            if kind:
                out[org_id] = kind
    return out


def state_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        rows = session.execute(select(Filing.state, func.count()).where(Filing.deleted_at.is_(None))
                               .group_by(Filing.state))
        return {state: n for state, n in rows}


# -- drafting --------------------------------------------------------------------------------------------
def _meta(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    received = data.get("received_on")
    out["received_on"] = _date(received, "received_on") if received else clock.today()
    complete = data.get("complete_on")
    out["complete_on"] = _date(complete, "complete_on") if complete else out["received_on"]
    applicant = data.get("applicant") or ""
    if not isinstance(applicant, str):
        raise InputError("filing.bad_input", field="applicant", reason="text")
    out["applicant"] = applicant.strip()
    documents = data.get("documents") or []
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise InputError("filing.bad_input", field="documents", reason="text_list")
    out["documents"] = [d.strip() for d in documents if d.strip()]
    document_no = data.get("document_no")
    if document_no is not None and not isinstance(document_no, str):
        raise InputError("filing.bad_input", field="document_no", reason="text")
    issues = check_text(applicant, "applicant", "申请人") + check_text(document_no, "document_no", "文号")
    for index, document in enumerate(documents):
        issues += check_text(document, f"documents[{index}]", "申请材料")
    if issues:
        raise ValidationError(issues)
    out["document_no"] = (document_no or "").strip() or None
    return out


def _date(value: Any, name: str) -> date:
    parsed = parse_date(value)
    if parsed is None:
        raise InputError("filing.bad_date", field=name, value=value)
    return parsed


def _next_number(session: Session, office_code: str, year: int) -> str:
    prefix = f"{office_code}-{year}-"
    last = session.scalar(select(func.max(Filing.number)).where(Filing.number.like(f"{prefix}%")))
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:05d}"


def _live_org(session: Session, organization_id: Any, kind: str) -> Organization:
    if not organization_id or not isinstance(organization_id, str):
        raise InputError("filing.org_required", kind=kind)
    org = session.get(Organization, organization_id)
    if org is None:  # a clerk knows the credit code, not the record's id
        org = session.scalars(select(Organization).where(Organization.uscc == organization_id.strip().upper(),
                                                         Organization.deleted_at.is_(None))).first()
    if org is None or org.deleted_at is not None:
        raise NotFoundError("org.not_found", key=organization_id)
    if org.status not in LIVE_STATUSES:
        raise CivicDeskError("filing.org_not_live", name=org.name, status=org.status, kind=kind)
    return org


def _check_content(session: Session, kind: str, data: dict[str, Any], office_code: str,
                   today: date) -> tuple[Organization | None, dict[str, Any], dict[str, Any], str]:
    """Check what a filing asks for against the register now.

    Returns the organization (None for a new record), the normalized ``changes``, the ``old_values`` and the
    name to list it under.  Raises ValidationError / InputError naming what is wrong."""
    if kind in NEW_RECORD_KINDS:
        record = data.get("record", {k: v for k, v in data.items() if k not in META_KEYS})
        if not isinstance(record, dict):
            raise InputError("input.not_object")
        record = dict(record)
        tier = NEW_RECORD_KINDS[kind]
        if record.get("tier") not in (None, "", tier):
            raise CivicDeskError("filing.tier", kind=kind,
                                 tier=record.get("tier"))
        record["tier"] = tier
        parsed = parse_org_input(record)
        values = dict(parsed.values)
        _fill_defaults(session, values, office_code)
        issues = parsed.issues + validate_org(session, values, parsed.people, today=today)
        if any(i.severity == "error" for i in issues):
            raise ValidationError(issues)
        return None, {"record": record}, {}, str(values.get("name") or "")

    org = _live_org(session, data.get("organization_id"), kind)
    if kind == "change":
        changes = data.get("changes")
        if not isinstance(changes, dict) or not changes:
            raise InputError("filing.no_changes")
        return org, *_check_change(session, org, changes, today), org.name
    if kind == "tier_convert":
        changes = data.get("changes")
        if not isinstance(changes, dict) or "tier" not in changes:
            raise InputError("filing.tier_target", value=None, allowed="filed, registered")
        allowed = {"guided": ("filed", "registered"), "filed": ("registered",)}.get(org.tier, ())
        if changes["tier"] not in allowed:
            raise InputError("filing.tier_target", value=changes["tier"], allowed=", ".join(allowed) or "-")
        return org, *_check_change(session, org, changes, today), org.name
    reason = (data.get("reason") or "").strip() if isinstance(data.get("reason"), (str, type(None))) else None
    reason_issues = check_text(data.get("reason"), "reason", "事由")
    if reason_issues:
        raise ValidationError(reason_issues)
    if kind in ("deregister", "revoke"):
        if org.tier != "registered":
            raise CivicDeskError("filing.tier", kind=kind, tier=org.tier)
        if kind == "deregister" and data.get("liquidation_done") is not True:
            raise InputError("filing.liquidation")
        if not reason:
            raise InputError("filing.reason_required", kind=kind)
        changes = {"status": "deregistered" if kind == "deregister" else "revoked", "reason": reason}
        if kind == "deregister":
            changes["liquidation_done"] = True
        return org, changes, {"status": org.status}, org.name
    # community_withdraw
    if org.tier not in ("filed", "guided"):
        raise CivicDeskError("filing.tier", kind=kind, tier=org.tier)
    if not reason:
        raise InputError("filing.reason_required", kind=kind)
    status = "filing_cancelled" if org.tier == "filed" else "withdrawn"
    return org, {"status": status, "reason": reason}, {"status": org.status}, org.name


def _check_change(session: Session, org: Organization, changes: dict[str, Any],
                  today: date) -> tuple[dict[str, Any], dict[str, Any]]:
    """A change (or tier conversion): each field known, typed, different from now; the changed record valid."""
    rep_changes = {k: changes[k] for k in REP_FIELDS if k in changes}
    field_changes = {k: v for k, v in changes.items() if k not in REP_FIELDS}
    parsed = parse_org_input(field_changes)
    issues = list(parsed.issues)
    for key in ("id", "origin_office", "version", "entry_mode"):
        if key in field_changes:
            issues.append(Issue(key, "input.unknown_field", {"field": key}))
    for key, value in rep_changes.items():
        if value is not None and not isinstance(value, str):
            issues.append(Issue(key, "input.type", {"field": key, "expected": "text"}))
        else:
            issues.extend(check_text(value, key, REP_FIELDS[key]))
    if issues:
        raise ValidationError(issues)
    new_values = dict(parsed.values)
    normalized: dict[str, Any] = {k: records.to_json_value(v) for k, v in new_values.items()}
    for key, value in rep_changes.items():
        normalized[key] = (value or "").strip() or None
    old = {k: _org_value(session, org, k) for k in normalized}
    becomes_registered = normalized.get("tier") == "registered" and org.tier != "registered"
    for key, value in normalized.items():
        if old.get(key) == value and not (becomes_registered and key in REP_FIELDS):
            # (the responsible person may stay on as the legal representative of the registered body)
            issues.append(Issue(key, "filing.unchanged", {"label": field_label(key)}))
    if issues:
        raise ValidationError(issues)
    # the record as it would be after approval, checked by every rule of the register
    values = {spec.name: getattr(org, spec.name) for spec in records.ORG_FIELDS}
    values.update(new_values)
    if "tier" in new_values and "registry_code" not in new_values:
        _registry_for_tier(session, values)
        for key in ("registry_code", "registry_name", "is_community"):
            if values[key] != getattr(org, key):
                new_values[key] = values[key]
                normalized[key] = records.to_json_value(values[key])
                old.setdefault(key, _org_value(session, org, key))
    people = _people_after(session, org, normalized, today)
    rep_issues: list[Issue] = []
    if normalized.get("legal_rep_id_number"):
        rep_issues += validate_id_number(normalized["legal_rep_id_number"], "legal_rep_id_number")
    if normalized.get("legal_rep_phone"):
        rep_issues += validate_phone(normalized["legal_rep_phone"], "legal_rep_phone")
    # Refuse what the change breaks; problems the record had already (old paper records are not all
    # complete) are not the filing's to fix and do not block it.
    before = {(i.field, i.code) for i in validate_org(session, {spec.name: getattr(org, spec.name)
                                                                for spec in records.ORG_FIELDS},
                                                      _people_after(session, org, {}, today), self_id=org.id,
                                                      today=today) if i.severity == "error"}
    issues = rep_issues + [i for i in validate_org(session, values, people, self_id=org.id, today=today)
                           if (i.field, i.code) not in before]
    if any(i.severity == "error" for i in issues):
        raise ValidationError(issues)
    return normalized, old


def _registry_for_tier(session: Session, values: dict[str, Any]) -> None:
    """The registry a tier implies: the county's bureau for registered, the township for filed, the
    village or community for guided (DOMAIN.md "Community social organizations")."""
    tier = values.get("tier")
    code = {"registered": values.get("division_code") or session.info.get("office_code"),  # the county bureau
            "filed": values.get("township_code"), "guided": values.get("community_code")}.get(tier or "")
    values["registry_code"] = code
    values["registry_name"] = registry_name(session, code) if code else None
    values["is_community"] = True


def _people_after(session: Session, org: Organization, changes: dict[str, Any], today: date) -> list[dict[str, Any]]:
    people = [
        {"role": p.role, "name": p.name, "id_number": p.id_number, "phone": p.phone, "term_start": p.term_start,
         "term_end": p.term_end, "is_current": p.is_current, "_id": p.id}
        for p in session.scalars(select(OrgPerson).where(OrgPerson.organization_id == org.id,
                                                         OrgPerson.deleted_at.is_(None)))
    ]
    if "legal_rep_name" in changes or "legal_rep_id_number" in changes or "legal_rep_phone" in changes:
        rep = _current_rep(session, org)
        tier = changes.get("tier") or org.tier  # a community organization becoming registered gets a legal rep.
        role = "legal_representative" if tier == "registered" else (rep.role if rep is not None
                                                                     else "responsible_person")
        for p in people:
            if rep is not None and p["_id"] == rep.id:
                p["is_current"] = False
                p["term_end"] = p["term_end"] or today
        people.append({
            "role": role,
            "name": changes.get("legal_rep_name") or (rep.name if rep else None),
            "id_number": changes.get("legal_rep_id_number", rep.id_number if rep else None)
            if "legal_rep_name" not in changes else changes.get("legal_rep_id_number"),
            "phone": changes.get("legal_rep_phone", rep.phone if rep else None)
            if "legal_rep_name" not in changes else changes.get("legal_rep_phone"),
            "term_start": today, "term_end": None, "is_current": True, "_id": None,
        })
    return [{k: v for k, v in p.items() if k != "_id"} for p in people]


def _guarded(db: Database, actor: str | None, action: str, key: str | None,
             work: Callable[[], FilingRecord]) -> FilingRecord:
    """Run ``work``; a refusal is written to the audit trail (in its own unit) before it is raised."""
    try:
        return work()
    except CivicDeskError as exc:
        audit.record_event(db, "filing.refused", actor=actor, entity="filing", entity_id=key, attempted=action,
                           error=exc.code, message=exc.message("zh"))
        raise


def _actor_name(user: auth.UserInfo | None) -> str:
    return user.username if user is not None else "(系统)"


def draft_filing(db: Database, kind: str, data: dict[str, Any], *, by: auth.UserInfo | None,
                 today: date | None = None) -> FilingRecord:
    """A new filing in state ``draft`` (checked now, and again at submission and at approval)."""
    today = today or clock.today()
    actor = _actor_name(by)

    def work() -> FilingRecord:
        auth.require(db, by, "filing.draft")
        if kind not in KINDS:
            raise InputError("filing.kind", value=kind, allowed=", ".join(KINDS))
        if not isinstance(data, dict):
            raise InputError("input.not_object")
        office = db.office()
        meta = _meta(data)
        with db.unit(actor=actor) as session:
            f = _create(session, kind, data, meta, actor, office.code, today)
            return _record(session, f, with_detail=True, today=today)

    return _guarded(db, actor, "draft", None, work)


def _create(session: Session, kind: str, data: dict[str, Any], meta: dict[str, Any], actor: str,
            office_code: str, today: date, *, submit: bool = False) -> Filing:
    org, changes, old, name = _check_content(session, kind, data, office_code, today)
    f = Filing(
        number=_next_number(session, office_code, today.year), kind=kind, state="draft",
        organization_id=org.id if org else None, organization_name=name,
        base_version=org.version if org else None, changes=changes, old_values=old,
        received_on=meta["received_on"], complete_on=meta["complete_on"],
        due_on=meta["complete_on"] + timedelta(days=DECISION_DAYS), applicant=meta["applicant"],
        documents=meta["documents"], document_no=meta["document_no"], created_by=actor,
        origin_office=office_code,
    )
    session.add(f)
    session.flush()
    session.add(FilingEvent(filing_id=f.id, action="draft", from_state=None, to_state="draft", actor=actor,
                            at=utcnow(), origin_office=office_code))
    if submit:
        f.state, f.submitted_by, f.submitted_at = "submitted", actor, utcnow()
        session.add(FilingEvent(filing_id=f.id, action="submit", from_state="draft", to_state="submitted",
                                actor=actor, at=utcnow(), origin_office=office_code))
    session.flush()
    return f


def submit_change_in(session: Session, organization_id: str, changes: dict[str, Any], *, actor: str,
                     office_code: str, today: date, applicant: str = "", documents: list[str] | None = None) -> str:
    """A change filing, drafted and submitted in the caller's transaction (a ledger import's changed rows go to
    review this way instead of changing the register); returns its number.  Raises like :func:`draft_filing`."""
    meta = _meta({"received_on": today.isoformat(), "applicant": applicant, "documents": documents or []})
    data = {"organization_id": organization_id, "changes": changes}
    return _create(session, "change", data, meta, actor, office_code, today, submit=True).number


def submit_new_in(session: Session, kind: str, record: dict[str, Any], *, actor: str, office_code: str,
                  today: date, applicant: str = "", documents: list[str] | None = None,
                  legacy: bool = False) -> str:
    """A new-record filing (establishment, township filing, community guidance) drafted and submitted in the
    caller's transaction, the twin of :func:`submit_change_in` for a ledger's new rows; returns its number."""
    meta = _meta({"received_on": today.isoformat(), "applicant": applicant, "documents": documents or []})
    f = _create(session, kind, {"record": record}, meta, actor, office_code, today, submit=True)
    f.legacy = legacy
    return f.number


def submit_revoke_in(session: Session, organization_id: str, reason: str, *, actor: str, office_code: str,
                     today: date, document_no: str | None = None) -> Filing:
    """A revocation filing (撤销登记), drafted and submitted in the caller's transaction: a decided penalty of
    revocation starts it, and it is then reviewed as any other.  Raises like :func:`draft_filing`."""
    meta = _meta({"received_on": today.isoformat(), "document_no": document_no})
    return _create(session, "revoke", {"organization_id": organization_id, "reason": reason}, meta, actor,
                   office_code, today, submit=True)


def _check_shown(f: Filing, shown_version: int | None) -> None:
    """Refuse to act on a filing that changed since the clerk was shown it (``shown_version``, the
    ``FilingRecord.version`` the window showed; None: the caller showed nothing, as the CLI's one-shot commands)."""
    if shown_version is not None and f.version != shown_version:
        raise CivicDeskError("filing.changed", number=f.number, shown=shown_version, current=f.version)


def update_draft(db: Database, key: str, data: dict[str, Any], *, by: auth.UserInfo | None,
                 today: date | None = None, shown_version: int | None = None) -> FilingRecord:
    """Change what a draft or returned filing asks for (re-checked against the register now).  With
    ``shown_version``, refused (``filing.changed``) when another clerk changed the filing since it was shown."""
    today = today or clock.today()
    actor = _actor_name(by)

    def work() -> FilingRecord:
        auth.require(db, by, "filing.draft")
        office = db.office()
        with db.unit(actor=actor) as session:
            f = _find(session, key)
            _check_shown(f, shown_version)
            if f.state not in ("draft", "returned"):
                raise CivicDeskError("filing.not_editable", number=f.number)
            content = _unmasked(dict(data), f.changes)
            if f.organization_id and "organization_id" not in content:
                content["organization_id"] = f.organization_id
            org, changes, old, name = _check_content(session, f.kind, content, office.code, today)
            meta = _meta({**_meta_of(f), **{k: v for k, v in data.items() if k in META_KEYS}})
            f.changes, f.old_values, f.organization_name = changes, old, name
            f.base_version = org.version if org else None
            f.received_on, f.complete_on, f.applicant = meta["received_on"], meta["complete_on"], meta["applicant"]
            f.documents, f.document_no = meta["documents"], meta["document_no"]
            f.due_on = meta["complete_on"] + timedelta(days=DECISION_DAYS)
            session.add(FilingEvent(filing_id=f.id, action="edit", from_state=f.state, to_state=f.state,
                                    actor=actor, at=utcnow(), origin_office=office.code))
            session.flush()
            return _record(session, f, with_detail=True, today=today)

    return _guarded(db, actor, "edit", key, work)


def _personal_values(data: Any, found: dict[str, str]) -> dict[str, str]:
    """Every ID number and personal phone in ``data`` by its masked form."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ID_KEYS and isinstance(value, str) and value:
                found[mask_id_number(value) or ""] = value
            elif key in PHONE_KEYS and isinstance(value, str) and value:
                found[mask_phone(value) or ""] = value
            else:
                _personal_values(value, found)
    elif isinstance(data, list):
        for value in data:
            _personal_values(value, found)
    return found


def _unmasked(data: Any, stored: dict[str, Any], found: dict[str, str] | None = None) -> Any:
    """``data`` (a corrected filing) with each masked number it sends back as it was shown (a clerk without
    the right to see them edits the rest) replaced by the full number the filing holds."""
    found = _personal_values(stored, {}) if found is None else found
    if isinstance(data, dict):
        return {k: (found.get(v, v) if k in ID_KEYS | PHONE_KEYS and isinstance(v, str) and "*" in v
                    else _unmasked(v, stored, found)) for k, v in data.items()}
    if isinstance(data, list):
        return [_unmasked(v, stored, found) for v in data]
    return data


def _meta_of(f: Filing) -> dict[str, Any]:
    return {"received_on": f.received_on.isoformat(),
            "complete_on": f.complete_on.isoformat() if f.complete_on else None,
            "applicant": f.applicant, "documents": list(f.documents or []), "document_no": f.document_no}


# -- the state machine ---------------------------------------------------------------------------------
def transition(db: Database, key: str, action: str, *, by: auth.UserInfo | None, comment: str | None = None,
               document_no: str | None = None, today: date | None = None,
               shown_version: int | None = None) -> FilingRecord:
    """Move a filing on by ``action`` (submit, review, approve, reject, return, withdraw).

    Approval applies the filing to the register in the same transaction.  Refused (and the refusal audited)
    when the state does not allow it, the user lacks the role, the user drafted or submitted it (four eyes),
    a reason is missing, the record changed since the filing was drafted, or (``shown_version`` given) the
    filing itself changed since it was shown (a reviewer never approves a version of it they did not see)."""
    today = today or clock.today()
    actor = _actor_name(by)

    def work() -> FilingRecord:
        if action not in TRANSITIONS:
            raise InputError("filing.kind", value=action, allowed=", ".join(TRANSITIONS))
        sources, target, permission, needs_comment = TRANSITIONS[action]
        auth.require(db, by, permission)
        office = db.office()
        with db.unit(actor=actor) as session:
            f = _find(session, key)
            _check_shown(f, shown_version)
            if f.state not in sources:
                raise CivicDeskError("filing.transition", number=f.number, state=f.state, action=action)
            if action in FOUR_EYES and by is not None and by.username in (f.created_by, f.submitted_by):
                raise CivicDeskError("filing.four_eyes", number=f.number)
            issues = check_text(comment, "comment", "意见") + check_text(document_no, "document_no", "文号")
            if issues:
                raise ValidationError(issues)
            text = (comment or "").strip() or None
            if needs_comment and not text:
                raise InputError("filing.comment_required", action=action)
            if action == "submit":
                # checked again: the register may have changed since the draft
                org, _, _, _ = _check_content(session, f.kind, _as_input(f, f.changes), office.code, today)
                if org is not None and org.version != f.base_version:
                    raise CivicDeskError("filing.stale", number=f.number, name=org.name, base=f.base_version,
                                         current=org.version)
                f.submitted_by, f.submitted_at = actor, utcnow()
            if action == "approve":
                _apply(session, f, actor, office.code, today, document_no)
            if action in ("approve", "reject"):
                f.decided_by, f.decided_at = actor, utcnow()
                if document_no:
                    f.document_no = document_no.strip() or f.document_no
            if text:
                f.comment = text
            previous = f.state
            f.state = target
            session.add(FilingEvent(filing_id=f.id, action=action, from_state=previous, to_state=target,
                                    actor=actor, at=utcnow(), comment=text, origin_office=office.code))
            session.flush()
            return _record(session, f, with_detail=True, today=today)

    return _guarded(db, actor, action, key, work)


def _as_input(f: Filing, content: dict[str, Any]) -> dict[str, Any]:
    """A stored filing's content in the shape :func:`_check_content` reads."""
    if f.kind in NEW_RECORD_KINDS:
        return dict(content)
    data: dict[str, Any] = {"organization_id": f.organization_id}
    if f.kind in ("change", "tier_convert"):
        data["changes"] = {k: v for k, v in f.changes.items()}
    else:
        data["reason"] = f.changes.get("reason")
        data["liquidation_done"] = f.changes.get("liquidation_done")
    return data


def _apply(session: Session, f: Filing, actor: str, office_code: str, today: date, document_no: str | None) -> None:
    """The register changes as the filing asks, in the approval's transaction."""
    doc = (document_no or "").strip() or f.document_no or f.number
    if f.kind in NEW_RECORD_KINDS:
        record = dict(f.changes["record"])
        if f.kind == "establish":
            record.setdefault("established_on", today.isoformat())  # established on the day it is approved
        created = insert_organization(session, record, office_code, entry_mode="filing")
        f.organization_id = created.id
        f.base_version = created.version
        return
    org = session.get(Organization, f.organization_id)
    assert org is not None
    if org.version != f.base_version:
        raise CivicDeskError("filing.stale", number=f.number, name=org.name, base=f.base_version, current=org.version)
    if org.status not in LIVE_STATUSES:
        raise CivicDeskError("filing.org_not_live", name=org.name, status=org.status, kind=f.kind)
    if f.kind in ("change", "tier_convert"):
        changes, _ = _check_change(session, org, dict(f.changes), today)  # still valid against the register now
        _record_changes(session, org, f, changes, actor, office_code, today, doc)
        new_people = _people_after(session, org, changes, today)
        if any(k in changes for k in REP_FIELDS):
            rep = _current_rep(session, org)
            if rep is not None:
                rep.is_current = False
                rep.term_end = rep.term_end or today
            added = new_people[-1]
            session.add(OrgPerson(organization_id=org.id, origin_office=org.origin_office, **added))
            org.legal_rep_name = added["name"] if added["role"] == "legal_representative" else org.legal_rep_name
        parsed = parse_org_input({k: v for k, v in changes.items() if k not in REP_FIELDS})
        for key, value in parsed.values.items():
            setattr(org, key, value)
        return
    status = f.changes["status"]
    _record_changes(session, org, f, {"status": status}, actor, office_code, today, doc)
    org.status = status
    if f.kind in ("deregister", "revoke"):
        org.certificate_collected_on = org.certificate_collected_on or (today if f.kind == "deregister" else None)


def _record_changes(session: Session, org: Organization, f: Filing, changes: dict[str, Any], actor: str,
                    office_code: str, today: date, doc: str) -> None:
    for key, new in changes.items():
        if key in ("reason", "liquidation_done"):
            continue
        old = _org_value(session, org, key)
        if key == "legal_rep_id_number":  # the history keeps no full ID number (nor phone): anyone reads it
            old, new = mask_id_number(old), mask_id_number(new)
        elif key == "legal_rep_phone":
            old, new = mask_phone(old), mask_phone(new)
        session.add(OrgChange(
            organization_id=org.id, field=key, old_value=None if old is None else str(old),
            new_value=None if new is None else str(new), changed_on=today, document_no=doc, source="filing",
            recorded_by=actor, origin_office=office_code,
        ))


def history_of(db: Database, organization_id: str) -> list[FilingRecord]:
    """The filings of one organization, newest first (its history tab)."""
    with db.read() as session:
        q = (select(Filing).where(Filing.organization_id == organization_id, Filing.deleted_at.is_(None))
             .order_by(Filing.received_on.desc(), Filing.number.desc()))
        return [_record(session, f, with_detail=True) for f in session.scalars(q)]
