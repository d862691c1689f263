"""Rows loaded by the bulk path (``services/core/bulk.py``: ``civicdesk demo``, the bench generator) after the first
export reach the other office with a normal incremental export: the bulk path writes the change log and the
version vectors the ORM's listeners write, in the same transaction; the audit keeps one entry per bulk load."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from civicdesk.models import Organization, table_of
from civicdesk.models.sync import ChangeLog
from civicdesk.services.core.bulk import insert_rows, stamped
from civicdesk.services.core.database import open_database
from civicdesk.services.cultivation import demo as cultivation_demo
from tests.helpers.db import SUPERVISION_TABLES
from tests.helpers.db import register_digest
from tests.helpers.sync import CITY, DISTRICTS, checkpoint, import_json, make_office, ok, trust_each_other


@pytest.fixture(scope="module")
def empty_pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city and 沙湾区, both without data, trusting each other: built once, copied by :func:`_offices`."""
    folder = tmp_path_factory.mktemp("empty_pair")
    make_office(folder, *CITY, demo=False)
    make_office(folder, "511111", DISTRICTS["511111"], "district", demo=False)
    trust_each_other(folder, "511100", "511111")
    for path in folder.glob("*.sqlite3"):
        checkpoint(path)
    return folder


def _offices(template: Path, folder: Path) -> tuple[Path, Path]:
    """Fresh copies of the city and 沙湾区 of ``empty_pair`` in ``folder``."""
    for path in template.iterdir():
        shutil.copyfile(path, folder / path.name)
    return folder / "511100.sqlite3", folder / "511111.sqlite3"


def _export(db: Path, to: str, folder: Path) -> list[dict]:
    return json.loads(ok("--db", db, "sync", "export", "--to", to, "--dir", folder, "--json"))


def _count(path: Path, sql: str, *args: object) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def test_demo_loaded_after_the_first_export_travels_incrementally(empty_pair: Path, tmp_path: Path) -> None:
    city, district = _offices(empty_pair, tmp_path)
    (first,) = _export(district, "511100", tmp_path)
    assert first["full"] is True
    ok("--db", district, "demo")
    organizations = _count(district, "SELECT count(*) FROM organization")
    people = _count(district, "SELECT count(*) FROM org_person")
    changes = _count(district, "SELECT count(*) FROM org_change")
    supervision = sum(_count(district, f"SELECT count(*) FROM {t}") for t in SUPERVISION_TABLES)
    cultivation = sum(_count(district, f"SELECT count(*) FROM {table_of(m).name}") for m in cultivation_demo.MODELS)
    assert organizations > 100 and supervision > 100  # the demo's inspections, ratings and spot check too
    assert cultivation > 100  # and its cultivation rows
    changes += supervision + cultivation
    # one change-log row per inserted row, with the row's vector and its county as scope
    assert _count(district, "SELECT count(*) FROM change_log WHERE op = 'insert'") == organizations + people + changes
    assert _count(district, "SELECT count(*) FROM change_log c JOIN organization o ON o.id = c.row_id "
                            "WHERE c.entity = 'organization' AND c.vector_after = o.version_vector "
                            "AND c.scope = o.division_code") == organizations
    second = _export(district, "511100", tmp_path)
    assert all(p["full"] is False for p in second)
    assert sum(p["changes"] for p in second) == organizations + people + changes
    code, results = import_json(city, *[Path(p["file"]) for p in [first, *second]])
    assert code == 0 and {r["status"] for r in results} == {"applied"}, results
    assert _count(city, "SELECT count(*) FROM organization") == organizations
    assert register_digest(city) == register_digest(district)
    # nothing is sent twice: the next export carries no change
    (third,) = _export(district, "511100", tmp_path)
    assert third["changes"] == 0


def test_audit_keeps_one_entry_per_bulk_load_and_the_chain_verifies(empty_pair: Path, tmp_path: Path) -> None:
    _, district = _offices(empty_pair, tmp_path)
    ok("--db", district, "demo")
    conn = sqlite3.connect(district)
    try:
        actions = dict(conn.execute("SELECT action, count(*) FROM audit_entry GROUP BY action").fetchall())
        rows = conn.execute("SELECT count(*) FROM audit_entry WHERE entity IN "
                            "('organization', 'org_person', 'org_change')").fetchone()[0]
    finally:
        conn.close()
    assert actions.get("data.demo_loaded") == 1
    assert rows == 1  # that entry: bulk rows are not audited one by one (as before)
    ok("--db", district, "audit", "verify")


def test_bulk_vectors_follow_the_epoch_and_an_applying_session_logs_nothing(empty_pair: Path, tmp_path: Path) -> None:
    from bench.generate import generate_organizations, insert_communities

    _, district = _offices(empty_pair, tmp_path)
    ok("--db", district, "sync", "new-epoch")
    rows = [r for r in generate_organizations(300, seed=5) if r["division_code"] == "511111"][:6]
    now = datetime.now().replace(microsecond=0)
    db = open_database(district)
    try:
        with db.unit() as session:  # the invented communities the rows point to (divisions: not logged)
            insert_communities(session, seed=5, county="511111")
        with db.unit(actor="clerk") as session:
            made = stamped(rows[:3], now)
            insert_rows(session, [(Organization.__table__, made)])
        with db.unit() as session:
            session.info["sync_applying"] = True  # what a sync import's session says: not logged again
            insert_rows(session, [(Organization.__table__, stamped(rows[3:], now))])
        with db.read() as session:
            logged = session.query(ChangeLog).order_by(ChangeLog.id).all()
            assert [c.row_id for c in logged] == [r["id"] for r in made]
            for c in logged:
                org = session.get(Organization, c.row_id)
                assert org.version_vector == c.vector_after == {"511111~2": 1}
                assert c.author == "clerk" and c.scope == "511111" and c.op == "insert"
                assert c.fields["name"] == [None, org.name] and "seq" not in c.fields
                funds = c.fields["registered_funds_wan"][1]
                assert funds is None or isinstance(funds, str)
                assert isinstance(c.fields["is_community"][1], bool)
    finally:
        db.close()


def test_a_ledger_imported_after_the_first_export_travels_incrementally(empty_pair: Path, tmp_path: Path) -> None:
    from bench.bench_import import ledger_rows, write_ledger
    from civicdesk.services import ledger

    city, district = _offices(empty_pair, tmp_path)
    (first,) = _export(district, "511100", tmp_path)
    rows = [r for r in ledger_rows(400, seed=3) if r[9] == "511111"][:20]
    for i, r in enumerate(rows, 1):
        r[0] = i
    path = tmp_path / "台账.xlsx"
    write_ledger(path, rows)
    db = open_database(district)
    try:
        report = ledger.import_ledger(db, path, legacy=True)  # digitized directly, not filings
    finally:
        db.close()
    assert report.imported and _count(district, "SELECT count(*) FROM organization") == len(rows)
    second = _export(district, "511100", tmp_path)
    assert all(p["full"] is False for p in second) and sum(p["changes"] for p in second) >= len(rows)
    code, _ = import_json(city, *[Path(p["file"]) for p in [first, *second]])
    assert code == 0 and _count(city, "SELECT count(*) FROM organization") == len(rows)
    assert register_digest(city) == register_digest(district)
