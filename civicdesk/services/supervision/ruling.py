"""The city's rulings (裁决) on a district's credit listings and penalties (docs/SYNC.md "Rulings").

Where the city bureau decides about a district's row (an administrative reconsideration, 行政复议, or where the
city is the registry), its decision is a :class:`~civicdesk.models.Ruling`: append-only, sent by the city to the
district that owns the subject, and never overwritten there.

Offers:

- :func:`issue` (only at the city, ``supervise.decide``, audited): ``annul`` a listing (state ``annulled``) or a
  penalty (state ``withdrawn``), or ``correct`` named fields (:data:`CORRECTABLE`); refused for a row the city
  does not hold or that is the city's own.  The effect is applied to the city's copy at once.
- :func:`apply_effect`: a ruling's effect on its subject, by Core statements (no version bump, no change log:
  each office derives the same values from the ruling itself), with the listing's :class:`CreditEvent` (the same
  id at every office) and the register's ``credit_list`` refreshed.  The city runs it in :func:`issue`, a
  district in the import's transaction (:func:`apply_arrived`).
- :func:`check_arriving` (the import, before anything is written): a ruling only from the city and only about a
  row of this office; a district's change of a ruled field of a ruled row refuses its package.
- :func:`list_rulings`.

The local guard (a clerk's service changing a ruled field, or any change of a ruling row) is the listener
:func:`_keep_rulings` (registered when this module is imported: the credit services and the import do): it
refuses with ``ruling.ruled`` naming the 文号.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import CivicDeskError, InputError, NotFoundError, ValidationError
from civicdesk.models import CreditEvent, CreditListing, Organization, Penalty, Ruling, table_of
from civicdesk.models.enforcement import APPLYING_RULING
from civicdesk.models.history import RowChange, json_value, listen
from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database
from civicdesk.services.supervision import common

SUBJECTS: dict[str, Any] = {"credit_listing": CreditListing, "penalty": Penalty}
KINDS = ("annul", "correct")
#: the fields a ``correct`` ruling may set, by subject
CORRECTABLE = {"credit_listing": ("ground", "ground_detail", "decided_on", "listed_on"),
               "penalty": ("amount", "suspended_from", "suspended_to", "decided_on", "appeal_by", "basis")}
#: the states a subject may be annulled from
ANNULLABLE = {"credit_listing": ("proposed", "listed"), "penalty": ("decided",)}
DECIDE = "supervise.decide"
#: the namespace of the id of the credit event a ruling writes (the same at every office)
EVENT_NS = uuid.UUID("6f1c2d9e-4b7a-4c3e-9a51-0d8e7f2b3c44")


@dataclass(frozen=True)
class RulingInfo:
    id: str
    office_code: str
    organization_id: str
    subject_entity: str
    subject_id: str
    kind: str
    fields: dict[str, Any]
    decision_no: str
    decided_on: date
    decided_by: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {k: json_value(v) for k, v in asdict(self).items()}


def _info(r: Ruling) -> RulingInfo:
    return RulingInfo(r.id, r.office_code, r.organization_id, r.subject_entity, r.subject_id, r.kind,
                      dict(r.fields or {}), r.decision_no, r.decided_on, r.decided_by, r.reason)


# -- what a ruling does ---------------------------------------------------------------------------------------------
def effect(values: dict[str, Any]) -> dict[str, Any]:
    """The values a ruling (its row as a dict) sets on its subject, as Python values of the subject's columns.
    Raises InputError for a subject, kind or field a ruling may not have."""
    from civicdesk.services.sync.apply import decode_value

    entity, kind, fields = values.get("subject_entity"), values.get("kind"), values.get("fields")
    if entity not in SUBJECTS:
        raise InputError("ruling.bad_subject", value=str(entity)[:32], allowed=", ".join(SUBJECTS))
    if kind not in KINDS:
        raise InputError("ruling.bad_kind", value=str(kind)[:16], allowed=", ".join(KINDS))
    if not isinstance(fields, dict):
        raise InputError("ruling.bad_fields")
    if kind == "annul":
        if fields:
            raise InputError("ruling.annul_fields")
        if entity == "penalty":
            return {"state": "withdrawn", "reason": values["reason"]}
        return {"state": "annulled", "removed_on": values["decided_on"], "removed_by": values["decided_by"],
                "removal_decision_no": values["decision_no"], "reason": values["reason"]}
    if not fields:
        raise InputError("ruling.fields_required", allowed=", ".join(CORRECTABLE[entity]))
    columns = table_of(SUBJECTS[entity]).c
    out: dict[str, Any] = {}
    for name in sorted(fields):
        if name not in CORRECTABLE[entity]:
            raise InputError("ruling.field_not_allowed", field=str(name)[:40], allowed=", ".join(CORRECTABLE[entity]))
        try:
            out[name] = decode_value(columns[name], fields[name])
        except ValueError:
            raise InputError("ruling.bad_value", field=name, value=str(fields[name])[:40]) from None
    return out


def _check_result(entity: str, subject: dict[str, Any], values: dict[str, Any], session: Session) -> None:
    """The subject as the ruling leaves it passes the rules an arriving row is held to (arrivals.CHECKS; a
    listing's ground may be one its office defined, stored here)."""
    from civicdesk.services.supervision import arrivals

    if subject.get("state") in ("annulled", "withdrawn"):
        raise InputError("ruling.subject_closed", entity=entity, id=subject["id"], state=subject["state"])
    if values["kind"] == "annul" and subject.get("state") not in ANNULLABLE[entity]:
        raise InputError("ruling.subject_closed", entity=entity, id=subject["id"], state=str(subject.get("state")))
    issue = arrivals.first_issue(entity, {**subject, **effect(values)}, arrivals.Context(session))
    if issue is not None:
        raise ValidationError([issue])


def apply_effect(session: Session, values: dict[str, Any], now: datetime) -> None:
    """Apply a ruling (its row as a dict) to its subject by Core statements, with the listing's event."""
    entity = values["subject_entity"]
    table = table_of(SUBJECTS[entity])
    row = session.execute(select(table).where(table.c.id == values["subject_id"])).first()
    if row is None:
        return
    setting = effect(values)
    session.execute(update(table).where(table.c.id == row.id).values(**setting))
    if entity != "credit_listing":
        return
    events = table_of(CreditEvent)
    event_id = str(uuid.uuid5(EVENT_NS, values["id"]))
    if session.execute(select(events.c.id).where(events.c.id == event_id)).first() is None:
        session.execute(insert(events).values(
            id=event_id, listing_id=row.id, action=f"ruling_{values['kind']}", from_state=row.state,
            to_state=setting.get("state", row.state), actor=values["decided_by"], at=now,
            comment=values["decision_no"], origin_office=row.origin_office, version=1,
            version_vector={values["office_code"]: 1}, created_at=now, updated_at=now))
    from civicdesk.services.supervision.profile import refresh_summary

    refresh_summary(session, [row.organization_id])


def apply_arrived(session: Session, rows: list[dict[str, Any]], now: datetime) -> None:
    """The effects of the rulings a package inserted (checked before by :func:`check_arriving`)."""
    for values in sorted(rows, key=lambda r: (r["decided_on"], r["id"])):
        if values.get("deleted_at") is None:
            apply_effect(session, values, now)


# -- the local guard -------------------------------------------------------------------------------------------------
@listen
def _keep_rulings(session: Session, changes: list[RowChange]) -> None:
    """No local change undoes a ruling: a ruling row is only ever inserted by the ruling service (append-only),
    and a change of a ruled field of a ruled row is refused with the ruling's 文号 (``ruling.ruled``)."""
    if session.info.get(APPLYING_RULING):
        return
    subjects: dict[tuple[str, str], RowChange] = {}
    for c in changes:
        if c.entity == "ruling":
            raise CivicDeskError("ruling.append_only", id=c.row_id)
        if c.entity in ("credit_listing", "penalty") and c.op != "insert":
            subjects[(c.entity, c.row_id)] = c
    if not subjects:
        return
    with session.no_autoflush:
        found = session.scalars(select(Ruling).where(Ruling.subject_id.in_([k[1] for k in subjects]),
                                                     Ruling.deleted_at.is_(None))
                                .order_by(Ruling.decided_on, Ruling.id)).all()
    for r in found:
        subject = subjects.get((r.subject_entity, r.subject_id))
        if subject is None:
            continue
        touched = sorted(name for name in subject.fields if r.ruled(name))
        if touched or (subject.op == "delete" and r.kind == "annul"):
            raise CivicDeskError("ruling.ruled", entity=subject.entity, id=subject.row_id,
                                 decision_no=r.decision_no, field=", ".join(touched) or "deleted_at")


# -- at the city ------------------------------------------------------------------------------------------------------
def _is_city(office: Any) -> bool:
    from civicdesk.services.sync import trust

    return office.level == "city" and office.code.endswith("00") and trust.is_city(
        office.code, office.level, office.code, office.level)


def issue(db: Database, subject_entity: str, subject_id: str, kind: str, fields: dict[str, Any] | None,
          decision_no: str, decided_on: date | str | None, reason: str, *, by: auth.UserInfo | None,
          shown_version: int | None = None) -> RulingInfo:
    """The city's ruling on a district's listing or penalty, applied to the city's copy at once; refused
    (``record.changed``) when the subject changed since the view showed it at ``shown_version``."""

    def work() -> RulingInfo:
        from civicdesk.services.supervision import enforcement
        from civicdesk.services.sync import trust

        actor = auth.require(db, by, DECIDE)
        office = db.office()
        if not _is_city(office):
            raise CivicDeskError("ruling.not_city", office=office.code)
        number = enforcement.text(decision_no, "decision_no", "文号", required=True)
        why = enforcement.text(reason, "reason", "理由", required=True, multiline=True)
        day = enforcement.day(decided_on, "decided_on", required=False) or clock.today()
        if subject_entity not in SUBJECTS:
            raise InputError("ruling.bad_subject", value=str(subject_entity)[:32], allowed=", ".join(SUBJECTS))
        with db.unit(actor=actor) as session:
            table = table_of(SUBJECTS[subject_entity])
            found = session.execute(select(table).where(table.c.id == (subject_id or "").strip())).first()
            if found is None or found.deleted_at is not None:
                raise NotFoundError("ruling.subject_not_found", entity=subject_entity, key=subject_id)
            subject = dict(found._mapping)
            if shown_version is not None and subject["version"] != shown_version:
                raise common.RecordChanged("record.changed", entity=subject_entity, key=subject["id"],
                                           shown=shown_version, current=subject["version"])
            org = session.get(Organization, subject["organization_id"])
            whose = trust.owner("organization", {"registry_code": org.registry_code} if org else None)
            if subject["office_code"] == office.code or whose in (None, office.code):
                raise CivicDeskError("ruling.own_row", entity=subject_entity, id=subject["id"])
            values = {"id": str(uuid.uuid4()), "office_code": office.code,
                      "organization_id": subject["organization_id"], "subject_entity": subject_entity,
                      "subject_id": subject["id"], "kind": kind,
                      "fields": {k: json_value(v) for k, v in (fields or {}).items()},
                      "decision_no": number, "decided_on": day, "decided_by": actor, "reason": why}
            _check_result(subject_entity, subject, values, session)
            ruling = Ruling(origin_office=office.code, **values)
            session.info[APPLYING_RULING] = True
            try:
                session.add(ruling)
                session.flush()
            finally:
                session.info.pop(APPLYING_RULING, None)
            apply_effect(session, values, clock.utcnow())
            info = _info(ruling)
        audit.record_event(db, "ruling.issue", actor=actor, entity=subject_entity, entity_id=subject["id"],
                           ruling=info.id, kind=kind, fields=info.fields, decision_no=number)
        return info

    return common.guarded(db, by, "ruling.refused", "ruling", "issue", subject_id, work)


def list_rulings(db: Database, *, subject_id: str | None = None) -> list[RulingInfo]:
    """The rulings held here (the city's own, or those it sent this district), latest first."""
    with db.read() as session:
        q = select(Ruling).where(Ruling.deleted_at.is_(None))
        if subject_id:
            q = q.where(Ruling.subject_id == subject_id)
        return [_info(r) for r in session.scalars(q.order_by(Ruling.decided_on.desc(), Ruling.id))]


# -- at the import ----------------------------------------------------------------------------------------------------
def check_arriving(session: Session, origin: str, sender_is_city: bool, local: str, local_is_city: bool,
                   changes: list[dict[str, Any]], state: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Refuse the package (PackageRefused naming the row) for a ruling not from the city, not about a row of this
    office or not as the city may issue it, a changed ruling, and from a district a change of a ruled field."""
    from civicdesk.services.sync import trust
    from civicdesk.services.sync.package import refuse

    for c in changes:
        if c["entity"] != "ruling":
            continue
        incoming = trust.incoming_values(c)
        stored = state.get("ruling", {}).get(c["id"])
        if not sender_is_city or local_is_city:
            raise refuse("ruling_not_from_city", id=c["id"], sender=origin)
        if stored is not None:
            if any(json_value(stored.get(k)) != json_value(v) for k, v in incoming.items()):
                raise refuse("ruling_changed", id=c["id"])
            continue
        row = {"id": c["id"], **incoming}
        entity, table = row.get("subject_entity"), SUBJECTS.get(str(row.get("subject_entity")))
        found = None if table is None else session.execute(
            select(table_of(table)).where(table_of(table).c.id == row.get("subject_id"))).first()
        subject = dict(found._mapping) if found is not None else None
        if (row.get("office_code") != origin or subject is None or subject.get("office_code") != local
                or subject.get("organization_id") != row.get("organization_id")):
            raise refuse("ruling_subject", id=c["id"], entity=str(entity)[:32], subject=str(row.get("subject_id")))
        try:
            _check_result(str(entity), subject, row, session)
        except CivicDeskError as exc:
            raise refuse("ruling_invalid", id=c["id"],
                         detail=(exc.message("zh")[:160], exc.message("en")[:160])) from exc
    if sender_is_city:
        return
    subjects = [c for c in changes if c["entity"] in SUBJECTS and c["id"] in state.get(c["entity"], {})]
    if not subjects:
        return
    rulings: dict[tuple[str, str], list[Ruling]] = {}
    for r in session.scalars(select(Ruling).where(Ruling.subject_id.in_([c["id"] for c in subjects]),
                                                  Ruling.deleted_at.is_(None))):
        rulings.setdefault((r.subject_entity, r.subject_id), []).append(r)
    for c in subjects:
        stored = state[c["entity"]][c["id"]]
        for r in rulings.get((c["entity"], c["id"]), []):
            for name, value in trust.incoming_values(c).items():
                if r.ruled(name) and json_value(value) != json_value(stored.get(name)):
                    _keep_ruled(session, c, name, value, stored.get(name), r, origin)


def _keep_ruled(session: Session, change: dict[str, Any], name: str, value: Any, ruled: Any, r: Ruling,
                origin: str) -> None:
    """A district's change of a field the city ruled on, made before the ruling reached it: the ruling stands
    (the field keeps its ruled value), the rest of the change applies, and the district's value is kept in the
    audit trail.  Refusing the package instead would stop the district's stream behind it for an honest race;
    the district converges when it imports the ruling, whose effect overwrites its own value there too."""
    if change.get("values") is not None:
        change["values"][name] = ruled
    else:
        change["fields"].pop(name, None)
    from civicdesk.models import audit as trail

    trail.record(session, "sync.ruled_kept", change["entity"], change["id"], field=name, decision_no=r.decision_no,
                 sender=origin, sent=json_value(value), kept=json_value(ruled))
