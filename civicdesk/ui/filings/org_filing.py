"""What the organization form hands to the filings service: the ops, the kind of a new record's filing, the
changed fields of an existing one (the legal representative as ``legal_rep_*``), a tier conversion's changes,
and a draft or returned filing's content put back into the form for correction.

Kept apart from :mod:`civicdesk.ui.register.org_form` so that the form stays a form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from civicdesk.services.filings import service as filings
from civicdesk.services.core import reference
from civicdesk.services.register import organizations
from civicdesk.services.core.database import Database
from civicdesk.services.register.plain import TIER_TARGETS  # noqa: F401 (the form reads it here)
from civicdesk.ui.context import AppContext
from civicdesk.ui.runner import Op

#: a new record's filing kind by its tier
KIND_OF_TIER = {"registered": "establish", "filed": "community_file", "guided": "community_guide"}
#: the form's person rows -> the change filing's pseudo-fields
PERSON_FIELDS = {"name": "legal_rep_name", "id_number": "legal_rep_id_number", "phone": "legal_rep_phone"}
#: what a change filing does not change (the tier is a tier conversion; the status a deregistration …)
NOT_CHANGED_HERE = frozenset({"tier", "status", "registry_code", "registry_name", "people"})


def add_legacy_op(*, ctx: AppContext, data: dict[str, Any], on_success: Callable[[Any], None],
                  on_failure: Callable[[BaseException], None]) -> Op:
    """An admin types in a paper record directly (recorded as legacy entry, no filing)."""
    by = ctx.user
    return ctx.runner.run(lambda job: organizations.add_organization(ctx.db, data, entry_mode="legacy", by=by),
                          on_success=on_success, on_failure=on_failure)


def submit_filing_op(*, ctx: AppContext, kind: str, data: dict[str, Any], on_success: Callable[[Any], None],
                     on_failure: Callable[[BaseException], None]) -> Op:
    """Draft the filing and submit it (已受理) in one op; a submission refused leaves the draft in the queue."""
    db, by = ctx.db, ctx.user

    def run(_job: Any) -> filings.FilingRecord:
        draft = filings.draft_filing(db, kind, data, by=by)
        return filings.transition(db, draft.id, "submit", by=by)

    return ctx.runner.run(run, on_success=on_success, on_failure=on_failure)


def person_of(data: dict[str, Any]) -> dict[str, Any]:
    people = data.get("people") or []
    return dict(people[0]) if people else {}


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``after`` (the form's record now) that differ from ``before`` (as loaded), in the shape of
    a change filing's ``changes``; the legal representative's rows become ``legal_rep_name`` …"""
    changes: dict[str, Any] = {}
    for key, value in after.items():
        if key in NOT_CHANGED_HERE or key.startswith("_"):
            continue
        old = before.get(key)
        if _blank(value) and _blank(old):
            continue
        if value != old:
            changes[key] = value
    old_person, new_person = person_of(before), person_of(after)
    for row, name in PERSON_FIELDS.items():
        old, new = old_person.get(row), new_person.get(row)
        if not (_blank(old) and _blank(new)) and old != new:
            changes[name] = new
    return changes


def _blank(value: Any) -> bool:
    return value is None or value == ""


def update_filing_op(*, ctx: AppContext, filing_id: str, data: dict[str, Any], on_success: Callable[[Any], None],
                     on_failure: Callable[[BaseException], None], shown_version: int | None = None) -> Op:
    """Correct a draft or returned filing (it stays a draft / returned: the clerk submits it again); refused
    when another clerk changed it since it was shown (``shown_version``)."""
    db, by = ctx.db, ctx.user
    return ctx.runner.run(lambda _job: filings.update_draft(db, filing_id, data, by=by, shown_version=shown_version),
                          on_success=on_success, on_failure=on_failure)


def registry_of(db: Database, tier: str, values: dict[str, Any]) -> tuple[str | None, str | None]:
    """Who keeps the register of an organization of ``tier`` at the place in ``values``: the office for a
    registered one, the township for a filed one, the village or community for a guided one."""
    code = {"registered": db.office().code, "filed": values.get("township_code"),
            "guided": values.get("community_code")}.get(tier)
    if not code:
        return None, None
    with db.read() as session:
        return code, reference.registry_name(session, code)


def tier_convert_changes(db: Database, before: dict[str, Any], after: dict[str, Any], target: str,
                         hidden: set[str]) -> dict[str, Any]:
    """A tier conversion's ``changes``: the new tier and its registry, what the clerk changed (a field the new
    tier does not show keeps its value), and, when the organization becomes registered, its legal
    representative's name (the form's person; the ID number and phone as changed, like a change filing)."""
    changes = {k: v for k, v in changed_fields(before, after).items()
               if not (k in hidden and v in (None, False))}
    changes["tier"] = target
    code, name = registry_of(db, target, after)
    if code:
        changes["registry_code"], changes["registry_name"] = code, name
    person = person_of(after)
    if target == "registered" and person.get("name"):  # it now has a legal representative: named, even if the
        changes["legal_rep_name"] = person["name"]     # responsible person stays the same person
    return changes


def content_for_form(current: dict[str, Any] | None, record: filings.FilingRecord) -> dict[str, Any]:
    """What the form shows to correct ``record``: a new organization's record as applied for, or the
    organization as it is now with the filing's changes put in (``legal_rep_*`` into the person row)."""
    if record.kind in filings.NEW_RECORD_KINDS:
        return dict(record.changes.get("record") or {})
    data = dict(current or {})
    person: dict[str, Any] | None = None
    for key, value in record.changes.items():
        if key in ("registry_code", "registry_name"):
            continue
        if key in filings.REP_FIELDS:
            if person is None:
                people = [dict(p) for p in data.get("people") or []]
                wanted = ("legal_representative", "responsible_person")
                person = next((p for r in wanted for p in people if p.get("role") == r and p.get("is_current", True)),
                              None)
                if person is None:
                    person = {"role": "legal_representative", "is_current": True}
                    people.insert(0, person)
                data["people"] = people
            row = {v: k for k, v in PERSON_FIELDS.items()}[key]
            person[row] = value
        else:
            data[key] = value
    return data
