"""Many clerks at once on one database: the writer lock, conflicts replayed, stale edits refused, and clerk
processes (bench/bench_pg_clerks.py, spawned) checked against what they were told.

The clerk runs start processes (an exception to the suite's rule, as the issue asks for them): the default run is
short (4 clerks x 2 s, under 10 s in all); the issue's 20 clerks x 60 s runs with ``-m slow``, the same code.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from civicdesk.errors import CivicDeskError, DatabaseError
from civicdesk.models import audit as chain
from civicdesk.models import engine as engine_module
from civicdesk.services.admin import audit, auth
from civicdesk.services.core import database as database_module
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.filings import service as filings
from tests.helpers.pg import content_digest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench import bench_pg_clerks as clerks  # noqa: E402

on_server = pytest.mark.parametrize("backend", ["postgresql"])


@on_server
def test_a_writer_waits_for_the_writer_lock_and_readers_do_not(office_db: Database,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    other = open_database(office_db.url, create=False)  # another clerk's program
    try:
        before = content_digest(office_db)
        with office_db.unit() as session:
            session.execute(text("SELECT 1"))  # the unit has begun: it holds the writer lock
            with other.read() as reading:
                assert audit.count(other) == reading.execute(text("SELECT count(*) FROM audit_entry")).scalar()
            started = time.monotonic()
            with pytest.raises(DatabaseError) as err:
                with other.unit() as writing:
                    chain.record(writing, "test.never")
            assert err.value.code == "db.busy" and time.monotonic() - started < 2
        assert content_digest(office_db) == before
        with other.unit() as writing:  # released at the first unit's end
            chain.record(writing, "test.after")
        assert audit.verify(office_db).ok
    finally:
        other.close()


def _conflict(session: Session) -> None:
    """A serialization failure raised by the server itself (SQLSTATE 40001), as a conflicting transaction gets."""
    session.execute(text("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$"))


@on_server
def test_a_conflict_is_replayed_and_the_last_ends_in_db_conflict(office_db: Database,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database_module, "CONFLICT_PAUSE_S", 0.0)
    tries: list[int] = []

    def once_in_conflict(session: Session) -> int:
        tries.append(1)
        chain.record(session, "test.written", attempt=len(tries))
        if len(tries) == 1:
            _conflict(session)  # the entry just written goes with the rolled-back unit
        return len(tries)

    before = audit.count(office_db)
    assert office_db.run(once_in_conflict) == 2
    assert audit.count(office_db) == before + 1 and audit.verify(office_db).ok
    [entry] = audit.entries(office_db, action="test.written")
    assert entry.details == {"attempt": 2}

    digest = content_digest(office_db)
    tries.clear()

    def always(session: Session) -> None:
        tries.append(1)
        chain.record(session, "test.never")
        _conflict(session)

    with pytest.raises(DatabaseError) as err:
        office_db.run(always)
    assert err.value.code == "db.conflict" and len(tries) == database_module.CONFLICT_ATTEMPTS
    assert "\n" not in err.value.message("en")
    assert content_digest(office_db) == digest


@pytest.fixture
def draft(office_db: Database) -> tuple[dict[str, auth.UserInfo], filings.FilingRecord]:
    start = clerks.prepare(office_db, 2, 1)
    users = {name: auth.authenticate(office_db, name, clerks.PASSWORD) for name in ("clerk0", "clerk1", "review0")}
    users["admin"] = auth.authenticate(office_db, "admin", "admin123x")
    org = next(iter(start))
    record = filings.draft_filing(office_db, "change", {"organization_id": org, "changes": {"member_count": 500}},
                                  by=users["clerk0"])
    return users, record


def _tables(db: Database) -> str:
    return content_digest(db, without=("audit_entry",))


def test_a_stale_edit_of_a_filing_is_refused(office_db: Database, draft: Any) -> None:
    users, shown = draft  # two clerks' windows show the same draft
    first = filings.update_draft(office_db, shown.id, {"changes": {"member_count": 600}}, by=users["clerk0"],
                                 shown_version=shown.version)
    assert first.version > shown.version
    before = _tables(office_db)
    with pytest.raises(CivicDeskError) as err:
        filings.update_draft(office_db, shown.id, {"changes": {"member_count": 700}}, by=users["clerk1"],
                             shown_version=shown.version)
    assert err.value.code == "filing.changed" and str(shown.version) in err.value.message("en")
    assert _tables(office_db) == before  # nothing overwritten
    assert filings.get_filing(office_db, shown.id, by=users["clerk0"]).changes["member_count"] == 600
    [refusal] = audit.entries(office_db, action="filing.refused", by=users["admin"])
    assert refusal.details["error"] == "filing.changed"
    # a submit, and an approval, of a version the clerk was not shown: refused alike
    with pytest.raises(CivicDeskError) as err:
        filings.transition(office_db, shown.id, "submit", by=users["clerk0"], shown_version=shown.version)
    assert err.value.code == "filing.changed" and _tables(office_db) == before
    submitted = filings.transition(office_db, shown.id, "submit", by=users["clerk0"], shown_version=first.version)
    filings.transition(office_db, shown.id, "return", by=users["review0"], comment="补材料",
                       shown_version=submitted.version)
    with pytest.raises(CivicDeskError) as err:
        filings.transition(office_db, shown.id, "approve", by=users["review0"], shown_version=submitted.version)
    assert err.value.code == "filing.changed"
    assert audit.verify(office_db).ok


def _clerks_at_once(office_db: Database, n: int, seconds: float) -> None:
    start = clerks.prepare(office_db, n, 8)
    ops = clerks.run_clerks(office_db.url, n, seconds)
    counts = clerks.check(office_db, start, ops)
    kinds = {op.kind for op in ops}
    assert {"search", "draft", "submit", "approve", "login"} <= kinds, kinds
    assert counts["filings"] > 0 and counts["approved"] > 0


@on_server
def test_clerks_at_once(office_db: Database) -> None:
    _clerks_at_once(office_db, 4, 2.0)


@pytest.mark.slow
@on_server
def test_twenty_clerks_for_a_minute(office_db: Database) -> None:
    _clerks_at_once(office_db, 20, 60.0)
