"""The whole office's proposals written as prepared tuples (:func:`civicdesk.services.core.bulk.insert_tuples`)
store exactly what the dict path (:func:`~civicdesk.services.core.bulk.insert_rows`) stored before: the same
listing and step rows, the same change-log rows (after a restore too: epoch 2), the same audit entry."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from civicdesk import clock as program_clock
from civicdesk.models import CreditEvent, CreditListing
from civicdesk.models.sync import SyncState
from civicdesk.models import audit
from civicdesk.models.base import table_of
from civicdesk.services.core import bulk
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import credit
from tests.supervision.test_credit_office import _more_records


def _rows(path: Path, listing_ids: list[str], event_ids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The stored rows (raw, as SQLite holds them) of the given listings and steps, their change log (without
    its own counter) and the engine's audit entries (without theirs)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        def many(sql: str, ids: list[str]) -> list[tuple[Any, ...]]:
            return conn.execute(sql.format(", ".join("?" * len(ids))), ids).fetchall()

        return {
            "listings": many("SELECT * FROM credit_listing WHERE id IN ({}) ORDER BY id", listing_ids),
            "events": many("SELECT * FROM credit_event WHERE id IN ({}) ORDER BY id", event_ids),
            "change_log": many("SELECT entity, row_id, op, scope, fields, vector_before, vector_after, author, at"
                               " FROM change_log WHERE row_id IN ({}) ORDER BY entity, row_id",
                               listing_ids + event_ids),
            "audit": conn.execute("SELECT action, entity, entity_id, actor, details FROM audit_entry"
                                  " WHERE action = 'credit.engine' ORDER BY rowid").fetchall(),
        }
    finally:
        conn.close()


def _set_epoch(path: Path, epoch: int) -> None:
    db = open_database(path)
    try:
        with db.unit(actor="test") as session:
            row = session.get(SyncState, "epoch")
            if row is None:
                session.add(SyncState(key="epoch", value=str(epoch)))
            else:
                row.value = str(epoch)
    finally:
        db.close()


@pytest.mark.parametrize("epoch", [1, 2])
def test_the_prepared_write_stores_what_the_dict_path_stored(shawan_db_path: Path, tmp_path: Path,
                                                            clock: program_clock.FixedClock, epoch: int) -> None:
    _more_records(shawan_db_path)  # every automatic ground, besides the demo's
    if epoch > 1:
        _set_epoch(shawan_db_path, epoch)
    old = tmp_path / "dict_path.sqlite3"
    shutil.copyfile(shawan_db_path, old)
    on = clock.today() + timedelta(days=3 * 365)
    db = open_database(shawan_db_path)
    try:
        result = credit.propose_due(db, by=None, on=on)
        office = db.office().code
    finally:
        db.close()
    assert len({p.ground for p in result.proposed}) >= 5
    listing_ids = [p.id for p in result.proposed]
    conn = sqlite3.connect(f"file:{shawan_db_path}?mode=ro", uri=True)
    try:
        event_of = dict(conn.execute(
            f"SELECT listing_id, id FROM credit_event WHERE action = 'propose' AND listing_id IN"
            f" ({', '.join('?' * len(listing_ids))})", listing_ids).fetchall())
        (actor,) = conn.execute("SELECT author FROM change_log WHERE row_id = ?", (listing_ids[0],)).fetchone()
    finally:
        conn.close()

    # the same proposals written as the engine wrote them before: one dict a row through insert_rows
    now = program_clock.utcnow()
    stamp = {"origin_office": office, "version": 1, "version_vector": {office: 1}, "created_at": now,
             "updated_at": now}
    rows, events = [], []
    for p in result.proposed:
        rows.append({"id": p.id, "organization_id": p.organization_id, "office_code": office,
                     "list_kind": p.list_kind, "state": "proposed", "ground": p.ground,
                     "ground_detail": p.ground_detail,
                     "evidence": p.evidence, "source_entity": p.source_entity, "source_id": p.source_id,
                     "proposed_by": credit.RULES_ACTOR, "proposed_on": on, "decision_no": None, "decided_on": None,
                     "decided_by": None, "listed_on": None, "removal_ground": None, "removal_proposed_on": None,
                     "removal_proposed_by": None, "removal_decision_no": None, "removed_on": None,
                     "removed_by": None, "moved_from_id": p.moved_from_id, "reason": None, **stamp})
        events.append({"id": event_of[p.id], "listing_id": p.id, "action": "propose", "from_state": None,
                       "to_state": "proposed", "actor": credit.RULES_ACTOR, "at": now, "comment": p.ground, **stamp})
    db = open_database(old)
    try:
        with db.unit(actor=actor) as session:
            bulk.insert_rows(session, [(table_of(CreditListing), rows), (table_of(CreditEvent), events)])
            audit.record(session, "credit.engine", "credit_listing", None, actor=credit.RULES_ACTOR,
                         proposed=len(rows), on=on.isoformat())
    finally:
        db.close()

    event_ids = sorted(event_of.values())
    new, before = _rows(shawan_db_path, listing_ids, event_ids), _rows(old, listing_ids, event_ids)
    assert len(new["listings"]) == len(new["events"]) == len(listing_ids)
    assert len(new["change_log"]) == 2 * len(listing_ids) and len(new["audit"]) == 1
    assert new == before
    if epoch > 1:
        assert all(f'"{office}~{epoch}"' in r[6] for r in new["change_log"])


def test_each_proposals_change_log_scope_is_its_organizations_county(city_db_path: Path,
                                                                    clock: program_clock.FixedClock) -> None:
    """The counties the whole office's run gives the change log (read with the names, not looked up again row
    by row) are those of the proposals' organizations, in a city whose organizations are of several counties."""
    db = open_database(city_db_path)
    try:
        result = credit.propose_due(db, by=None, on=clock.today() + timedelta(days=3 * 365))
    finally:
        db.close()
    ids = [p.id for p in result.proposed]
    orgs = sorted({p.organization_id for p in result.proposed})
    conn = sqlite3.connect(f"file:{city_db_path}?mode=ro", uri=True)
    try:
        scope_of = dict(conn.execute(f"SELECT row_id, scope FROM change_log WHERE entity = 'credit_listing' AND"
                                     f" row_id IN ({', '.join('?' * len(ids))})", ids).fetchall())
        county_of = dict(conn.execute(f"SELECT id, division_code FROM organization WHERE id IN"
                                      f" ({', '.join('?' * len(orgs))})", orgs).fetchall())
    finally:
        conn.close()
    assert len(set(county_of.values())) > 1 and len(scope_of) == len(ids)
    assert {i: scope_of[i] for i in ids} == {p.id: county_of[p.organization_id] for p in result.proposed}
