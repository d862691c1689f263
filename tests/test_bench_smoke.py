"""The benchmarks in ``bench/`` still run and still compare like with like (a smoke test, never timed).

At 2,000 rows: the generator makes valid, unique, deterministic rows of the demo's shape, and one repeat of
the insert benchmark leaves the civicdesk database and the raw sqlite3 one with identical organization rows,
stored types included, so the baseline keeps inserting what the product inserts.  Every generated row passes
the register's own validation (which a sync import runs on each arriving row), and (with -m slow) a 300-row run
of the sync benchmark exports every row of 沙湾区 and imports every one at the city.  With a PostgreSQL server
(tests/helpers/pg.py), bench_pg_scale's register measurements run on the 沙湾区 demo on both back ends and give
the same answers.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench.bench_insert import connect_raw, create_database, pragmas, raw_rows, run_repeat  # noqa: E402
from bench import bench_pg_scale, bench_spotcheck, bench_sync  # noqa: E402
from bench.generate import (COUNTY_CODES, _UsccMaker, community_divisions, generate_organizations,  # noqa: E402
                            insert_communities)
from civicdesk.models import Organization  # noqa: E402
from civicdesk.services.core.database import Database  # noqa: E402
from civicdesk.services.register import organizations  # noqa: E402
from civicdesk.services.core.validation import make_uscc, validate_uscc  # noqa: E402

N = 2000
STAMP_COLUMNS = {"version", "version_vector", "created_at", "updated_at", "deleted_at", "deleted_by",
                 "deleted_reason"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return generate_organizations(N, seed=7)


def test_rows_have_the_demo_shape_and_are_deterministic(rows: list[dict]) -> None:
    expected = [c.name for c in Organization.__table__.columns if c.name not in STAMP_COLUMNS]
    assert all(list(row) == expected for row in rows)
    assert generate_organizations(N, seed=7) == rows
    assert generate_organizations(50, seed=8) != rows[:50]


def test_rows_are_valid_and_unique(rows: list[dict]) -> None:
    usccs = [row["uscc"] for row in rows if row["uscc"]]
    assert len(set(usccs)) == len(usccs)
    assert all(validate_uscc(u) == [] for u in usccs)
    assert len({(row["registry_code"], row["name"]) for row in rows}) == N
    assert len({row["id"] for row in rows}) == N
    assert {row["division_code"] for row in rows} == set(COUNTY_CODES)
    assert all(row["township_code"].startswith(row["division_code"]) for row in rows)
    assert {row["tier"] for row in rows} == {"registered", "filed", "guided"}
    assert {row["legal_form"] for row in rows} == {"social_group", "social_service", "foundation", None}


def test_fast_uscc_equals_make_uscc() -> None:
    maker, rng = _UsccMaker(), random.Random(3)
    for _ in range(3000):
        kind, division = rng.choice("123"), rng.choice(("511100", "511102", "511181", "511133"))
        letters, number = rng.choice(("AA", "XY", "QR", "HK", "MK")), rng.randrange(1_000_000)
        assert maker.make(kind, division, letters, number) == make_uscc(kind, division, f"{letters}{number:06d}")


def _stored(path: Path) -> list[tuple]:
    """Every organization row with the SQLite type of every value, ordered by id."""
    columns = [c.name for c in Organization.__table__.columns]
    select = ", ".join(f"{c}, typeof({c})" for c in columns)
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {select} FROM organization ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.slow  # a run of the benchmark itself: with the slow runs
def test_both_paths_store_the_same_rows(rows: list[dict], tmp_path: Path) -> None:
    now = datetime(2026, 1, 2, 3, 4, 5)
    result = run_repeat(tmp_path, rows, raw_rows(rows, now), now, stats_runs=1)
    assert result.rows == N and result.civicdesk_s > 0 and result.raw_s > 0 and result.ratio > 0
    assert result.floor_s > 0 and result.floor_ratio > 0

    product, raw = _stored(tmp_path / "civicdesk.sqlite3"), _stored(tmp_path / "raw.sqlite3")
    assert len(product) == len(raw) == N
    assert product == raw
    assert _stored(tmp_path / "floor.sqlite3") == raw  # the floor stores the same rows, in a bare table
    by_id = {row["id"]: row for row in rows}
    columns = [c.name for c in Organization.__table__.columns]
    for stored in random.Random(1).sample(product, 5):
        values = dict(zip(columns, stored[::2], strict=True))
        source = by_id[values["id"]]
        assert values["name"] == source["name"]
        assert values["established_on"] == source["established_on"].isoformat()
        assert json.loads(values["version_vector"]) == {source["origin_office"]: 1}
        assert values["created_at"] == "2026-01-02 03:04:05.000000"


def test_baseline_uses_the_product_pragmas(tmp_path: Path) -> None:
    db = create_database(tmp_path / "p.sqlite3")
    try:
        with db.engine.connect() as conn:
            product = pragmas(conn.connection.dbapi_connection)
    finally:
        db.close()
    conn = connect_raw(tmp_path / "p.sqlite3")
    try:
        assert pragmas(conn) == product == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}
    finally:
        conn.close()


def _errors(db: Database, rows: list[dict]) -> list[tuple[str, str, str]]:
    """(row, field, code) of every error ``validate_org`` finds in ``rows``.  The rows' people are not generated,
    so the people rules (a responsible person, one legal representative) are left out, as a sync import leaves
    them out of an organization's row (people travel as rows of their own)."""
    with db.read() as session:
        lookups = organizations.PreloadedLookups(session)
        return [(row["name"], issue.field, issue.code) for row in rows
                for issue in organizations.validate_org(session, dict(row), [], self_id=row["id"], lookups=lookups)
                if issue.severity == "error" and not issue.field.startswith("people")]


def test_rows_pass_the_registers_validation(rows: list[dict], db: Database, clock) -> None:
    sample = random.Random(2).sample(rows, 400)
    assert {row["tier"] for row in sample} == {"registered", "filed", "guided"}
    with db.unit() as session:
        added = insert_communities(session)
    assert added == len(community_divisions()) > 1000
    assert _errors(db, sample) == []
    for row in sample:  # the registry, county, township and community agree, tier by tier
        assert row["township_code"][:6] == row["division_code"]
        if row["tier"] == "guided":
            assert row["registry_code"] == row["community_code"]
            assert row["community_code"][:9] == row["township_code"]
        elif row["tier"] == "filed":
            assert row["registry_code"] == row["township_code"] and row["community_code"] is None
        else:
            assert row["registry_code"] in (row["division_code"], "511100") and row["community_code"] is None


def test_county_rows_are_all_owned_by_that_county(db: Database, clock) -> None:
    own = generate_organizations(300, seed=3, county="511111")
    assert {row["registry_code"][:6] for row in own} == {row["division_code"] for row in own} == {"511111"}
    assert {row["origin_office"] for row in own} == {"511111"}
    assert {row["tier"] for row in own} == {"registered", "filed", "guided"}
    with db.unit() as session:
        assert insert_communities(session, seed=3, county="511111") == len(community_divisions(3, "511111"))
    assert _errors(db, own) == []
    assert generate_organizations(300, seed=3, county="511111") == own
    with pytest.raises(ValueError):
        generate_organizations(10, county="511100")


@pytest.mark.slow  # a run of the benchmark itself: with the slow runs
def test_bench_sync_exports_and_imports_every_row(tmp_path: Path, capsys) -> None:
    setup = bench_sync.setup(tmp_path, 300)
    assert setup.changes == 300 and setup.package_bytes > 0
    result = bench_sync.run(tmp_path, setup, 0)
    assert result.arrived == 300
    assert result.import_s > 0 and result.bulk_s > 0
    assert "300 changes" in capsys.readouterr().out


def test_bench_spotcheck_draws_and_verifies_a_small_list() -> None:
    """The draw's fast path (sort_and_pack + new_draw) over 3,000 ids, verified as ``spotcheck verify`` does
    (time_pure asserts the same draw and snapshot hash); no figure is checked."""
    ids = bench_spotcheck.make_ids(3000)
    timed = bench_spotcheck.time_pure(ids)
    assert len(timed) == 3 and all(wall >= 0 and cpu >= 0 for wall, cpu in timed)


def test_bench_order_parts_runs_on_the_demo_city(templates: dict[str, Path], capsys) -> None:
    """bench_order_parts on the city demo (read-only): every part measured, the hex variant the same order as
    the program's, and the program's laonian count the same as FTS5's alone."""
    from bench import bench_order_parts

    assert bench_order_parts.main(["--db", str(templates["city_demo"]), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "same order: True" in out and out.count("same count: True") == 2
    assert "same order: False" not in out and "same count: False" not in out


def test_bench_pg_clerks_mix_is_checked_on_a_file(templates: dict[str, Path], tmp_path: Path) -> None:
    """One clerk's mix of bench_pg_clerks in this process (tests/pg/test_concurrency.py spawns many on the
    server) on a copy of the empty office: every kind done, and the run passes the bench's own check."""
    from bench import bench_pg_clerks
    from civicdesk.services.core.database import open_database

    target = tmp_path / "office.sqlite3"
    target.write_bytes(templates["empty"].read_bytes())
    db = open_database(target)
    try:
        start = bench_pg_clerks.prepare(db, 1, 3)
        ops = bench_pg_clerks.clerk((str(target), 0, 0.4, 1))
        counts = bench_pg_clerks.check(db, start, ops)
    finally:
        db.close()
    assert {op.kind for op in ops} >= {"search", "draft", "login"} and counts["filings"] > 0
    assert "search" in bench_pg_clerks.summary("sqlite, 1 clerk", ops, 0.4)


def test_bench_pg_scale_register_gives_the_same_answers_on_both_back_ends(request: pytest.FixtureRequest) -> None:
    """bench_pg_scale's register figures (first rows; three sort orders' first page, whole order and jumps) on
    the 沙湾区 demo in its file and on the server: the same count, pages and orders (no figure checked)."""
    from civicdesk.services.core.database import open_database
    from tests.helpers import pg

    server = pg.require_server()  # before the fixtures: skipped without building the demo
    shawan_db_path, server_templates = (request.getfixturevalue(f) for f in ("shawan_db_path", "server_templates"))
    name = pg.test_database_name()
    served = open_database(pg.create_database(server, name, template=server_templates["shawan_demo"]))
    on_file = open_database(shawan_db_path)
    try:
        a, b = (bench_pg_scale.register_figures(db, 1, ("name", "uscc", "division")) for db in (on_file, served))
    finally:
        on_file.close()
        served.close()
        pg.drop_database(server, name)
    assert a["first rows"][2] == b["first rows"][2] and a["first rows"][2][0] > 0
    assert set(a) == set(b) == {"first rows", "count", "name", "uscc", "division"}
    for key in a:
        if key not in ("first rows", "count"):
            assert a[key][3] == b[key][3], key


def test_steps_time_each_named_function_once_and_put_it_back() -> None:
    """bench/steps.py: a step called inside itself counts once (its calls all), a method of a class is timed as
    a method, and every function is the original again after the block."""
    import types

    from bench.steps import Steps

    module = types.SimpleNamespace()

    def walk(n: int) -> int:
        return n if n == 0 else module.walk(n - 1) + module.leaf(n)

    module.walk = walk
    module.leaf = lambda n: sum(range(20_000 * n))

    class Judge:
        def judge(self, n: int) -> int:
            return module.walk(n)

    walk_before, judge_before = module.walk, Judge.__dict__["judge"]
    with Steps([("judge", Judge, "judge"), ("walk", module, "walk"), ("leaf", module, "leaf")]) as steps:
        assert Judge().judge(5) == sum(sum(range(20_000 * n)) for n in range(1, 6))
    assert module.walk is walk_before and Judge.__dict__["judge"] is judge_before
    assert steps.calls == {"judge": 1, "walk": 6, "leaf": 5}
    # the recursion's inner calls are inside the outermost one: counted once, so never more than the judge's
    assert steps.cpu["judge"] >= steps.cpu["walk"] >= steps.cpu["leaf"] > 0
    line = steps.report(steps.cpu["judge"] + 1.0, ("judge",))
    assert line.startswith("CPU ") and "leaf" in line and line.endswith("outside judge: 1.00 s")


@pytest.mark.slow  # a run of the benchmark itself: with the slow runs
def test_bench_import_and_sync_time_their_steps(tmp_path: Path, capsys) -> None:
    """``--steps`` of bench_import and bench_sync: one more import each with its steps timed, every row judged
    once (300 calls of validate_org) and written in one call."""
    from bench import bench_import

    assert bench_import.main(["--rows", "300", "--repeat", "1", "--import", "--no-report", "--steps",
                              "--keep", str(tmp_path / "ledger.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "judging (_RowJudge.judge)" in out and "of it validate_org" in out
    assert "write (legacy_entry.add_rows)" in out and "(1 calls)" in out
    setup = bench_sync.setup(tmp_path, 300)
    line = bench_sync.steps(tmp_path, setup)
    assert "of it validate_org" in line and "(300 calls)" in line and "apply (apply_changes)" in line


def test_bench_register_measures_the_normal_starts_floor() -> None:
    """The normal start's floor: each import measured in a fresh process, SQLAlchemy's the largest share."""
    from bench import bench_register

    line = bench_register.start_floor(1)
    for part in ("interpreter", "PySide6 widgets", "SQLAlchemy ORM", "models declared", "mappers configured"):
        assert part in line


def test_timeline_marks_first_start_and_last_end_from_any_thread() -> None:
    """bench/steps.Timeline: a function called on another thread is marked too, the first call's start and the
    last call's end, and the originals are back after the block."""
    import threading
    import types

    from bench.steps import Timeline

    module = types.SimpleNamespace(part=lambda n: sum(range(50_000 * n)), finish=lambda: None)
    before = module.part
    with Timeline([("part", module, "part"), ("finish", module, "finish")]) as marks:
        worker = threading.Thread(target=lambda: [module.part(n) for n in (1, 2, 3)])
        worker.start()
        worker.join()
        module.finish()
    assert module.part is before
    assert marks.calls["part"] == 3 and marks.began["part"] < marks.ended["part"] <= marks.began["finish"]
    assert marks.ended["finish"] <= marks.total
    line = marks.report()
    assert "part " in line and "(3 calls)" in line and line.endswith(f"whole {marks.total:.2f} s")
