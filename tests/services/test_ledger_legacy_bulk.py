"""A legacy entry of many rows goes in by the bulk path (``ledger.legacy_entry``), a few by the ORM: both write
the same database.  The same ledger (bench_import's rows of 沙湾区, with ID numbers and phones of the legal
representatives, a row with an error skipped) is imported both ways into two copies of the same office, and
the organizations, their people, the change log, the audit entries, the name order and the search's answers
are compared, every random id replaced by the row it names; on SQLite and on the server."""

from __future__ import annotations

import json
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench.bench_import import HEADERS, ledger_rows  # noqa: E402
from civicdesk.models import audit  # noqa: E402
from civicdesk.services import ledger  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.core.validation import make_id_number  # noqa: E402
from civicdesk.services.ledger import importer, legacy_entry  # noqa: E402
from civicdesk.services.register import browse, search  # noqa: E402
from tests.helpers import pg  # noqa: E402
from tests.helpers.db import digest  # noqa: E402
from tests.helpers.threads import raised_within  # noqa: E402
from tests.pg.test_search_grams import assert_current  # noqa: E402

TODAY = date(2026, 1, 15)
_rows_cache: list[list[Any]] = []


def shawan_rows() -> list[list[Any]]:
    """20 rows of 沙湾区 (bench_import's generator, seeded), each with its representative's ID number
    and phone; one with a bad ID number (refused, skipped)."""
    if not _rows_cache:
        rows = [r for r in ledger_rows(1000) if r[13] == "沙湾区"][:20]
        for i, row in enumerate(rows):
            row.append(make_id_number("511111", date(1970 + i % 30, 1 + i % 12, 1 + i % 28), i % 1000))
            row.append(f"138{i:08d}")
        rows[5][-2] = rows[5][-2][:17] + ("0" if rows[5][-2][17] != "0" else "1")  # wrong check character
        _rows_cache.extend(rows)
    return [list(r) for r in _rows_cache]


def write(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append([*HEADERS, "法定代表人身份证号码", "法定代表人电话"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def contents(db: Database) -> dict[str, Any]:
    """What the import wrote, every random id (organization, person) replaced by the row it stands for."""
    with db.read() as session:
        c = session.connection()
        ids: dict[str, str] = dict(c.execute(text("SELECT id, coalesce(uscc, name) FROM organization")).all())
        ids.update((i, f"person {ids[o]} {role} {name}") for i, o, role, name in c.execute(
            text("SELECT id, organization_id, role, name FROM org_person")).all())

        def named(value: Any) -> Any:
            if isinstance(value, str):
                return ids.get(value, value)
            if isinstance(value, dict):
                return {k: named(v) for k, v in value.items()}
            if isinstance(value, list):
                return [named(v) for v in value]
            return value

        def rows(sql: str, skip: tuple[str, ...], parsed: tuple[str, ...] = ()) -> list[str]:
            return sorted(json.dumps(named({k: json.loads(v) if k in parsed and isinstance(v, str) else v
                                            for k, v in r.items()
                                            if k not in skip}), sort_keys=True, ensure_ascii=False, default=str)
                          for r in c.execute(text(sql)).mappings())

        stamps = ("id", "created_at", "updated_at")
        out = {
            "organizations": rows("SELECT * FROM organization", stamps),
            "people": rows("SELECT * FROM org_person", stamps),
            "change_log": rows("SELECT * FROM change_log", ("id", "at"), ("fields", "vector_before", "vector_after")),
            "audit": rows("SELECT actor, action, entity, entity_id, details FROM audit_entry "
                          "WHERE action LIKE 'data.%'", (), ("details",)),
            "name_order": [named(i) for (i,) in c.execute(text("SELECT id FROM organization ORDER BY name_rank, id"))],
        }
        # the details are hashed as stored: each must be the canonical text of what it holds, byte for byte
        # (the bulk path writes it field by field: audit.fields_details)
        out["audit_text"] = [d for (d,) in c.execute(text("SELECT details FROM audit_entry WHERE action LIKE 'data.%'"))
                             if audit.canonical(json.loads(d)) != d]
        names = [n for (n,) in c.execute(text("SELECT name FROM organization ORDER BY uscc, name LIMIT 8"))]
    out["search"] = [(q, *browse.search_organizations(db, q, limit=200)) for q in [*names, "协会", "中心", "5111"]]
    out["search"] = [(q, count, sorted(f"{h.uscc} {h.name}" for h in hits)) for q, count, hits in out["search"]]
    return out


@contextmanager
def two_offices(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two copies of the empty 沙湾区 office: SQLite files, or databases on the test server."""
    if backend == "sqlite":
        first = request.getfixturevalue("db_path")
        second = tmp_path / "second.sqlite3"
        shutil.copyfile(first, second)
        a, b = open_database(first), open_database(second)
        try:
            yield a, b
        finally:
            a.close()
            b.close()
        return
    server = pg.require_server()
    template = request.getfixturevalue("server_templates")["empty"]
    names = [pg.test_database_name() + suffix for suffix in ("", "_b")]
    opened = [open_database(pg.create_database(server, name, template=template)) for name in names]
    try:
        yield opened[0], opened[1]
    finally:
        for database in opened:
            database.close()
        for name in names:
            pg.drop_database(server, name)


@pytest.mark.both_backends
def test_bulk_legacy_entry_writes_what_the_orm_writes(request: pytest.FixtureRequest, db_backend: str,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "台账.xlsx", shawan_rows())
    found = {}
    with two_offices(request, db_backend, tmp_path) as (orm_db, bulk_db):
        for bulk, db in ((False, orm_db), (True, bulk_db)):
            monkeypatch.setattr(importer, "BULK_MIN", 1 if bulk else 10**9)
            report = ledger.import_ledger(db, path, legacy=True, skip_invalid=True,
                                          rejected_path=tmp_path / f"rejected-{bulk}.xlsx", today=TODAY)
            assert (report.new, report.invalid) == (len(shawan_rows()) - 1, 1)
            found[bulk] = contents(db)
    assert len(found[True]["organizations"]) == 19
    assert any("511111" in a and "*" in a for a in found[True]["audit"])  # masked ID numbers are compared too
    for key in found[False]:
        assert found[True][key] == found[False][key], key


def test_bulk_legacy_entry_refused_leaves_the_database(db_path: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "台账.xlsx", shawan_rows())
    before = digest(db_path)
    db = open_database(db_path)
    try:
        report = ledger.import_ledger(db, path, legacy=True, today=TODAY)  # one invalid row: nothing written
    finally:
        db.close()
    assert report.invalid == 1 and not report.imported
    assert digest(db_path) == before


def _kind_of_row_reference(values: tuple[Any, ...], mapping: Any) -> tuple[str, str]:
    """``importer._kind_of_row`` before issue 20 (every filled cell read as text): the reference."""
    from civicdesk.services.ledger import cells

    filled = [cells.text_of(v) for v in values if not cells.is_blank(v)]
    if not filled:
        return "blank", ""
    for text_ in filled[:3]:
        compact = text_.replace(" ", "")
        if compact.startswith(importer._TOTAL_WORDS) and len(compact) <= 12:
            return "total", compact
    name_col = mapping.column_of("name")
    name = values[name_col] if name_col is not None and name_col < len(values) else None
    if cells.is_blank(name) and len(set(filled)) <= 2 and filled[0].replace(" ", "").startswith(importer._FOOTER_WORDS):
        return "footer", filled[0][:40]
    return "data", ""


def test_kind_of_row_reads_three_cells_and_says_the_same() -> None:
    from civicdesk.services.ledger.columns import auto_mapping

    mapping = auto_mapping(("序号", "社会组织名称", "统一社会信用代码", "备注", "住所"))
    rows = [
        (None, None, None, None, None), ("", " ", "\u3000", None, None), (1, "沙湾区围棋协会", "x", None, None),
        ("合计", None, None, None, 12.0), (None, None, "合 计", None, None), (None, None, None, "小计：3", None),
        ("共计一百二十三个社会组织啊", None, None, None, None), (None, None, "制表人：王芳", None, "制表人：王芳"),
        (None, None, "制表人：王芳", "审核：李", "2026-01-01"), (None, "沙湾区", "制表人：王芳", None, None),
        (None, None, "填表：", None, None), (3.0, None, None, "注：数据截至6月", None),
        ("ＡＢ", None, None, None, None),
        (None, None, "说明", "说明", "说明"), (date(2021, 8, 20), None, None, None, None), (None, None, " 截至 ", 1, 1),
    ]
    for values in rows:
        assert importer._kind_of_row(values, mapping) == _kind_of_row_reference(values, mapping), values


# -- PostgreSQL: the rows written part by part while the rest is judged (importer._import_overlapped) -----------
def test_parts_written_while_judging_write_what_the_orm_writes(request: pytest.FixtureRequest, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts of 4 rows (five parts and a rest, each written by the unit's writer thread while the next rows are
    judged): the same rows, people, change log, audit entries, name order and search answers as the ORM's; the
    search grams and their counts exact, made and gathered by the judging thread as the parts are written
    (ranks of later parts fall between earlier ones) and copied at the end in the key's order."""
    path = write(tmp_path / "台账.xlsx", shawan_rows())
    parts: list[int] = []
    original = legacy_entry.Load.write

    def counted(self: legacy_entry.Load, part: legacy_entry.Part) -> None:
        parts.append(len(part.orgs))
        assert part.grams == []  # they wait for the end
        original(self, part)

    monkeypatch.setattr(legacy_entry.Load, "write", counted)
    found = {}
    with two_offices(request, "postgresql", tmp_path) as (orm_db, bulk_db):
        for bulk, db in ((False, orm_db), (True, bulk_db)):
            monkeypatch.setattr(importer, "BULK_MIN", 1 if bulk else 10**9)
            monkeypatch.setattr(importer, "PART", 4 if bulk else 10**9)
            report = ledger.import_ledger(db, path, legacy=True, skip_invalid=True,
                                          rejected_path=tmp_path / f"rejected-{bulk}.xlsx", today=TODAY)
            assert (report.new, report.invalid, report.imported) == (19, 1, True)
            found[bulk] = contents(db)
        assert_current(bulk_db)  # the grams and their counts are the table's exact rows
        assert _laid(bulk_db) == _laid(bulk_db, "gram, live, rank")  # and lie in the key's order
    assert parts == [4, 4, 4, 4, 3]
    for found_ in found.values():  # each part's ranks are placed among the parts before it: other numbers, the
        found_["organizations"] = [  # same order (name_order, compared below)
            json.dumps({k: v for k, v in json.loads(r).items() if k != "name_rank"}, sort_keys=True)
            for r in found_["organizations"]]
    for key in found[False]:
        assert found[True][key] == found[False][key], key


def _laid(db: Database, order: str = "ctid") -> list[tuple[Any, ...]]:
    """org_gram's rows as they lie in the table (ctid), or in another order."""
    with db.read() as session:
        return [tuple(r) for r in session.execute(text(f"SELECT gram, live, rank FROM org_gram ORDER BY {order}"))]


def test_parts_into_a_table_whose_key_is_kept_are_indexed_at_the_end(request: pytest.FixtureRequest,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A load whose first write finds org_gram's key kept after all (search.begin_load false) has its parts'
    grams made by the writer and written at the end by search.index_rows: the table's exact rows."""
    path = write(tmp_path / "台账.xlsx", shawan_rows())
    monkeypatch.setattr(importer, "BULK_MIN", 1)
    monkeypatch.setattr(importer, "PART", 4)
    monkeypatch.setattr(search, "begin_load", lambda session: False)
    with two_offices(request, "postgresql", tmp_path) as (db, _other):
        report = ledger.import_ledger(db, path, legacy=True, skip_invalid=True,
                                      rejected_path=tmp_path / "rejected.xlsx", today=TODAY)
        assert (report.new, report.imported) == (19, True)
        assert_current(db)


def _register(db: Database) -> tuple[int, int, int, int]:
    with db.read() as session:
        return tuple(session.execute(text(  # type: ignore[return-value]
            "SELECT (SELECT count(*) FROM organization), (SELECT count(*) FROM org_person),"
            " (SELECT count(*) FROM change_log), (SELECT count(*) FROM audit_entry)")).one())


@pytest.mark.parametrize("how", ["invalid row", "cancel", "write fails", "last write fails"])
def test_parts_written_then_refused_leave_the_server_database(request: pytest.FixtureRequest, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Parts already written when a later row is invalid (not skipped), when the clerk cancels, or when a part's
    write fails (the last one too, while the parts' grams are gathered for the end: no wait left hanging): the
    unit rolls back, nothing of the ledger is in the database."""
    rows = shawan_rows()
    rows.append(rows.pop(5))  # the invalid row last: four parts are written before it is judged
    path = write(tmp_path / "台账.xlsx", rows)
    monkeypatch.setattr(importer, "PART", 4)
    monkeypatch.setattr(importer, "BULK_MIN", 1)
    written: list[int] = []
    part_written = threading.Event()
    original = legacy_entry.Load.write

    def write_part(self: legacy_entry.Load, part: legacy_entry.Part) -> None:
        if how == "write fails" and written:
            raise RuntimeError("the server went away")
        if how == "last write fails" and len(written) == 4:  # the grams are gathered for the end meanwhile
            raise RuntimeError("the server went away")
        original(self, part)
        written.append(len(part.orgs))
        part_written.set()

    judged = 0

    def progress(done: int, total: int) -> None:  # called before each row is judged (every row here)
        nonlocal judged
        judged += 1
        if judged == 10:  # two parts given to the writer: the first is in the database before more is judged
            assert part_written.wait(30)
        if how == "cancel" and judged == 12:
            raise KeyboardInterrupt  # the GUI's cancel raises from the callback

    monkeypatch.setattr(legacy_entry.Load, "write", write_part)
    monkeypatch.setattr(importer, "_PROGRESS_EVERY", 1)
    with two_offices(request, "postgresql", tmp_path) as (db, _other):
        before = _register(db)
        if how == "invalid row":
            report = ledger.import_ledger(db, path, legacy=True, today=TODAY, progress=progress)
            assert report.invalid == 1 and not report.imported
        else:
            raised = raised_within(
                lambda: ledger.import_ledger(db, path, legacy=True, skip_invalid=True, progress=progress,
                                             rejected_path=tmp_path / "rejected.xlsx", today=TODAY),
                "the import hangs: it waits for a part that the writer never wrote")
            assert len(raised) == 1 and isinstance(raised[0], KeyboardInterrupt if how == "cancel" else RuntimeError)
        assert written  # a part was in the database
        assert _register(db) == before
