"""A large package on PostgreSQL is written by a thread while the program judges its rows and makes their search
grams (services/sync/apply.py, ``_write_overlapped``).  The same package gives the same city whether it goes that
way or the plain way; a row refused while the writer writes refuses the package with the same message and leaves
the city as it was; a write that fails, or grams that cannot be made, leave it as it was too, and no thread.
Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text

from civicdesk.models import AuditEntry, Organization
from civicdesk.services.admin import audit
from civicdesk.services.core.database import open_database
from civicdesk.services.register import search
from civicdesk.services.sync import apply
from tests.helpers import pg
from tests.helpers.sync import export, import_json
from tests.helpers.threads import raised_within
from tests.pg.test_search_grams import assert_current
from tests.sync.test_sync_across_back_ends import mixed, mixed_templates  # noqa: F401 (fixtures)
from tests.sync.test_sync_jurisdiction import DISTRICT, Office, change, org_row, refused, rows


def _overlap(monkeypatch: pytest.MonkeyPatch, on: bool) -> list[tuple[str, int]]:
    """Every package overlapped (``on``) or none; the calls of made_grams (thread, rows) listed."""
    made: list[tuple[str, int]] = []
    original = search.made_grams

    def recorded(values: list[tuple[Any, ...]], *ranks: Any) -> search.MadeGrams:
        made.append((threading.current_thread().name, len(values)))
        return original(values, *ranks)

    monkeypatch.setattr(search, "made_grams", recorded)
    monkeypatch.setattr(apply, "OVERLAP_MIN", 1 if on else 10**9)
    return made


def _no_writer_left() -> bool:
    return not any(t.name == "sync-writer" and t.is_alive() for t in threading.enumerate())


def _city_state(url: str) -> tuple[str, list[tuple[Any, ...]]]:
    """The city's synced rows and its audit trail's entries as they read (not their time or hash)."""
    db = open_database(url)
    try:
        assert_current(db)  # the search table holds exactly the rows of its organizations
        assert audit.verify(db).ok  # one chain, the package's entries in it
        with db.read() as session:
            trail = [tuple(r) for r in session.execute(
                select(AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.details)
                .where(AuditEntry.action.like("sync.%")).order_by(AuditEntry.seq))]
        return pg.register_rows_digest(db), trail
    finally:
        db.close()


def test_the_first_package_gives_the_same_city_either_way(mixed: dict[str, str | Path],  # noqa: F811
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = Path(mixed["dir"])
    (package,) = export(Path(mixed["file-511111"]), "511100", folder)
    server = pg.require_server()
    plain = pg.create_database(server, pg.test_database_name(), template=_db_name(str(mixed["pg-511100"])))
    try:
        made = _overlap(monkeypatch, False)
        code, results = import_json(plain, package)
        assert code == 0 and results[0]["status"] == "applied", results
        assert made == []
        made = _overlap(monkeypatch, True)
        beside = _statements_beside_the_writer(monkeypatch)
        code, results = import_json(str(mixed["pg-511100"]), package)
        assert code == 0 and results[0]["status"] == "applied", results
        # the organizations' grams made once, by the importing thread, not the writer
        assert len(made) == 1 and made[0][0] == threading.current_thread().name and made[0][1] > 500, made
        assert _no_writer_left()
        assert beside == [], beside  # while the writer had the session, the importing thread sent nothing
        overlapped, by_hand = _city_state(str(mixed["pg-511100"])), _city_state(plain)
        assert overlapped == by_hand
        # the grams were made in the key's order (the ranks placed first), and lie in it: the key found them sorted
        city = open_database(str(mixed["pg-511100"]))
        try:
            with city.read() as session:
                laid = session.execute(text("SELECT gram, live, rank FROM org_gram ORDER BY ctid")).all()
                keyed = session.execute(text("SELECT gram, live, rank FROM org_gram ORDER BY gram, live, rank")).all()
        finally:
            city.close()
        assert len(laid) > 10_000 and laid == keyed
        assert len(overlapped[1]) > 2000  # the package's rows, each in the trail, after the package's own entry
        actions = [entry[0] for entry in overlapped[1]]
        first = actions.index("sync.import")
        assert overlapped[1][first][1:3] == ("sync_peer", "511111")
        assert set(actions[first + 1:]) == {"sync.insert"}, set(actions[first + 1:])
    finally:
        pg.drop_database(server, _db_name(plain))


def _statements_beside_the_writer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements sent by another thread than the writer's while a sync writer runs (listed as they come)."""
    sent: list[str] = []
    running: list[str] = []

    class Watched(apply.Writer):
        def __init__(self, name: str = "unit-writer") -> None:
            super().__init__(name)
            running.append(name)

        def __exit__(self, *args: Any) -> None:
            try:
                super().__exit__(*args)
            finally:
                running.clear()

    def listen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if running and threading.current_thread().name not in running:
            sent.append(statement[:80])

    monkeypatch.setattr(apply, "Writer", Watched)
    event.listen(Engine, "before_cursor_execute", listen)
    _listeners.append(listen)
    return sent


_listeners: list[Any] = []


@pytest.fixture(autouse=True)
def _forget_listeners() -> Any:
    yield
    while _listeners:
        event.remove(Engine, "before_cursor_execute", _listeners.pop())


def _db_name(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def _organizations(district: Path, count: int) -> list[dict[str, Any]]:
    """``count`` of the district's own organizations as upserts' fields (none names an invented community, which
    a package would have to bring along)."""
    ids = [r[0] for r in rows(district, "SELECT id FROM organization WHERE registry_code = ? AND community_code IS NULL"
                              " AND deleted_at IS NULL ORDER BY id LIMIT ?", DISTRICT, count)]
    assert len(ids) == count
    return [org_row(district, org_id) for org_id in ids]


@pytest.mark.parametrize("on", [False, True])
def test_a_row_refused_while_the_rows_are_written_leaves_the_city_as_it_was(
        mixed: dict[str, str | Path], monkeypatch: pytest.MonkeyPatch, on: bool) -> None:  # noqa: F811
    city = str(mixed["pg-511100"])
    made = _overlap(monkeypatch, on)
    orgs = _organizations(Path(mixed["file-511111"]), 40)
    orgs[-1]["legal_form"] = "no_such_form"  # the last one judged: the writer has long begun
    up = Office(Path(mixed["file-511111"]), city)  # type: ignore[arg-type]
    db = open_database(city)
    before = pg.content_digest(db)
    db.close()
    result = refused(city, up.package([change("organization", o["id"], "upsert", o) for o in orgs]))  # type: ignore[arg-type]
    assert result.status == "refused" and result.reason == "sync.refused.invalid_row", result.message
    assert orgs[-1]["id"] in result.message and "legal_form" in result.message
    assert (len(made) == 1) if on else not made
    assert _no_writer_left()
    db = open_database(city)
    try:
        assert pg.content_digest(db) == before
    finally:
        db.close()


def test_a_failed_write_or_grams_not_made_leave_the_city_as_it_was(
        mixed: dict[str, str | Path], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    city = str(mixed["pg-511100"])
    _overlap(monkeypatch, True)
    orgs = _organizations(Path(mixed["file-511111"]), 30)
    up = Office(Path(mixed["file-511111"]), city)  # type: ignore[arg-type]
    data = up.package([change("organization", o["id"], "upsert", o) for o in orgs])
    db = open_database(city)
    before = pg.content_digest(db)
    db.close()

    original = apply._insert_many

    def failing(session: Any, table: Any, full: list[dict[str, Any]]) -> None:
        original(session, table, full)
        if table.name == "organization":  # as the server refuses a row: the unit's error path
            session.connection().exec_driver_sql("SELECT 1 / 0")

    monkeypatch.setattr(apply, "_insert_many", failing)
    result = refused(city, data)  # type: ignore[arg-type]
    assert result.status == "refused" and result.reason == "sync.refused.apply", result.message
    assert "division by zero" in result.message
    assert _no_writer_left()
    copied = threading.Event()

    def copying(session: Any, table: Any, full: list[dict[str, Any]]) -> None:
        original(session, table, full)
        copied.set()

    monkeypatch.setattr(apply, "_insert_many", copying)

    def broken(values: list[tuple[Any, ...]], *ranks: Any) -> search.MadeGrams:
        assert copied.wait(30)  # the writer has begun, and waits for these grams once the organizations are in
        raise MemoryError("no room for the grams")

    monkeypatch.setattr(search, "made_grams", broken)
    raised = raised_within(lambda: refused(city, data),  # type: ignore[arg-type]
                           "the import hangs: the writer waits for grams that never come")
    # not a refusal of the package: the program's own failure, raised
    assert len(raised) == 1 and isinstance(raised[0], MemoryError), raised
    assert _no_writer_left()
    db = open_database(city)
    try:
        assert pg.content_digest(db) == before
        with db.read() as session:
            assert session.scalar(select(Organization.id).limit(1)) is None
    finally:
        db.close()
    monkeypatch.undo()
    assert refused(city, data).status == "applied"  # type: ignore[arg-type]
    db = open_database(city)
    try:
        assert_current(db)
    finally:
        db.close()
