"""Import of a big .xlsx ledger: the validation report's time and peak memory, against two bare reads of the
same file measured in the same run: openpyxl's read-only mode (the issue's baseline) and python-calamine (what
the ledger reader now uses for values).

    python bench/bench_import.py                       # 100,000 rows, 3 repeats
    python bench/bench_import.py --rows 20000 --repeat 5
    python bench/bench_import.py --rows 100000 --repeat 3 --import --keep /tmp/ledger-100000.xlsx

The ledger is written once (not timed) from ``bench.generate`` rows the way an office keeps them: a merged
title row, Chinese headers, dictionary labels and division names instead of codes, dates as date cells.
Guided rows are left out (their villages are invented per database, so a fresh database cannot hold them).
Each repeat, in this order and after a ``gc.collect()``:

1. **bare**: ``openpyxl.load_workbook(read_only=True)`` and every row's values, nothing else;
2. **calamine**: ``python_calamine.CalamineWorkbook`` and every row's values of the first sheet, nothing else;
3. **report**: ``ledger.preview_ledger`` on a fresh city database: read, map, normalize, validate every row
   with the foundation's rules, match against the register -- the report the clerk sees before confirming.

With ``--import`` (issue 20: the ledger import, validation and write), each repeat then also times:

4. **import**: ``ledger.import_ledger(legacy=True)`` on a fresh city database (an administrator digitizing paper
   records: read, judge every row as the report does, then write every row in one transaction with its change
   log, search index and audit entry), commit included; ``--orm`` writes through the ORM as before issue 20
   (``importer.BULK_MIN`` raised), for an A/B run;
5. **bulk**: the baseline: the same organizations (the generator's rows the ledger was written from) inserted
   by the demo's bulk path (``stamped`` + search ``prepare_rows`` + ``insert_rows`` + ``index_rows``, one unit
   of work, commit included) into another fresh city database: no reading, no judging, no people, no audit;
6. **raw**: the physical floor: raw ``sqlite3`` ``executemany`` of the same rows' values into a bare table of
   the same columns without any index, in a fresh file, one transaction.

The counts of the imported register are checked against the ledger (every row new and written).

Peak memory is the process's VmHWM (``/proc/self/status``), reset before each measurement by writing 5 to
``/proc/self/clear_refs``; the figure is the peak above the resident size at the start of the measurement
and the absolute peak.  Medians over the repeats are printed last.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench.generate import generate_organizations  # noqa: E402
from civicdesk.services.core.reference import dictionaries_file, leshan_file  # noqa: E402

HEADERS = ("序号", "社会组织名称", "统一社会信用代码", "组织类型", "管理层级", "社区社会组织", "社区社会组织类别",
           "行业类别", "状态", "登记管理机关区划代码", "登记方式", "业务主管单位", "基金会类型", "所在县（市、区）",
           "所在乡镇（街道）", "住所", "法定代表人", "成立日期", "注册资金（万元）", "会员数", "从业人员数",
           "联系电话", "是否建立党组织")


def ledger_rows(n: int, seed: int = 1) -> list[list[Any]]:
    """``n`` ledger rows (no guided ones) in the office's words."""
    return ledger_and_source_rows(n, seed)[0]


def ledger_and_source_rows(n: int, seed: int = 1) -> tuple[list[list[Any]], list[dict[str, Any]]]:
    """``n`` ledger rows (no guided ones) in the office's words, and the generator's rows they were written
    from (the bulk baseline inserts these)."""
    sources: list[dict[str, Any]] = []
    labels = {kind: {v["code"]: v["zh"] for v in values} for kind, values in dictionaries_file().items()}
    names = {d["code"]: d["name"] for d in leshan_file()["divisions"]}
    out: list[list[Any]] = []
    made = 0
    while len(out) < n:
        for r in generate_organizations(max(1000, int((n - len(out)) * 1.9)), seed=seed + made):
            if r["tier"] == "guided":
                continue
            out.append([
                len(out) + 1, r["name"], r["uscc"], labels["legal_form"].get(r["legal_form"]),
                labels["tier"][r["tier"]], "是" if r["is_community"] else "否",
                labels["community_subtype"].get(r["community_subtype"]), labels["category"].get(r["category"]),
                labels["status"][r["status"]], r["registry_code"],
                labels["registration_mode"].get(r["registration_mode"]), r["sponsor"],
                labels["foundation_type"].get(r["foundation_type"]), names[r["division_code"]],
                names[r["township_code"]], r["address"], r["legal_rep_name"] or r["contact_name"] or "王芳",
                r["established_on"],
                float(r["registered_funds_wan"]) if r["registered_funds_wan"] is not None else None,
                r["member_count"], r["staff_count"], r["contact_phone"], "是" if r["party_organization"] else "否",
            ])
            sources.append(r)
            if len(out) == n:
                break
        made += 1
    return out, sources


def write_ledger(path: Path, rows: list[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["乐山市社会组织登记台账（基准测试）"])
    sheet.append(list(HEADERS))
    for row in rows:
        date_cell = WriteOnlyCell(sheet, value=row[17])
        date_cell.number_format = "yyyy-mm-dd"
        sheet.append([*row[:17], date_cell, *row[18:]])
    book.save(path)


def vm_hwm_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def vm_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def measure(fn: Callable[[], Any]) -> tuple[float, float, float, float, Any]:
    """(wall seconds, CPU seconds, peak MB above the start, absolute peak MB, result).  CPU time is printed
    beside wall time because the development VM is shared: with other jobs running, wall time stretches."""
    gc.collect()
    reset_peak()
    start_rss = vm_rss_kb()
    t, cpu = time.perf_counter(), time.process_time()
    result = fn()
    seconds, cpu_seconds = time.perf_counter() - t, time.process_time() - cpu
    peak = vm_hwm_kb()
    return seconds, cpu_seconds, (peak - start_rss) / 1024, peak / 1024, result


def bare_read(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        count = 0
        for _row in book.worksheets[0].iter_rows(values_only=True):
            count += 1
        return count
    finally:
        book.close()


def bare_calamine_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        count = 0
        for _row in book.get_sheet_by_index(0).iter_rows():
            count += 1
        return count
    finally:
        book.close()


def fresh_database(folder: Path, index: int) -> Any:
    from civicdesk.services.core.database import open_database
    from civicdesk.services.admin.office import init_office

    db = open_database(folder / f"city-{index}.sqlite3")
    init_office(db, code="511100", name="乐山市民政局", level="city")
    return db


def import_ledger(folder: Path, index: int, path: Path, orm: bool) -> Any:
    from civicdesk.services import ledger
    from civicdesk.services.ledger import importer

    db = fresh_database(folder, 1000 + index)
    saved = importer.BULK_MIN
    importer.BULK_MIN = 10**12 if orm else saved
    try:
        return measure(lambda: ledger.import_ledger(db, path, legacy=True))
    finally:
        importer.BULK_MIN = saved
        db.close()


def import_steps(folder: Path, path: Path) -> str:
    """One more import of the ledger (SQLite) with its steps timed (bench/steps.py): where its CPU goes."""
    from sqlalchemy.orm.session import SessionTransaction

    from bench.steps import Steps
    from civicdesk.models import audit
    from civicdesk.services import ledger
    from civicdesk.services.ledger import importer, legacy_entry
    from civicdesk.services.register import organizations, search

    db = fresh_database(folder, 3000)
    try:
        with Steps([("judging (_RowJudge.judge)", importer._RowJudge, "judge"),
                    ("of it convert", importer._RowJudge, "convert"),
                    ("of it validate_org", organizations, "validate_org"),
                    ("write (legacy_entry.add_rows)", legacy_entry, "add_rows"),
                    ("of it bulk.insert_rows", legacy_entry, "insert_rows"),
                    ("search.prepare_rows", search, "prepare_rows"),
                    ("search.index_rows", search, "index_rows"),
                    ("audit.append", audit, "append"),
                    ("commit", SessionTransaction, "commit")]) as steps:
            gc.collect()
            cpu = time.process_time()
            ledger.import_ledger(db, path, legacy=True)
            total = time.process_time() - cpu
        return steps.report(total, ("judging (_RowJudge.judge)", "write (legacy_entry.add_rows)", "commit"))
    finally:
        db.close()


def bulk_insert(folder: Path, index: int, rows: list[dict[str, Any]]) -> tuple[float, float]:
    """The demo's bulk path into a fresh city: (wall, CPU) seconds."""
    from bench.generate import demo_bulk_insert

    db = fresh_database(folder, 2000 + index)
    try:
        gc.collect()
        t, cpu = time.perf_counter(), time.process_time()
        with db.unit() as session:
            demo_bulk_insert(session, [{**r, "community_code": None} for r in rows], datetime(2026, 1, 1))
        return time.perf_counter() - t, time.process_time() - cpu
    finally:
        db.close()


def raw_insert(folder: Path, index: int, rows: list[dict[str, Any]]) -> tuple[float, float]:
    """Raw sqlite3 executemany of the rows' values into a bare table (no index): the physical floor."""
    import sqlite3

    names = list(rows[0])
    target = folder / f"raw-{index}.sqlite3"
    conn = sqlite3.connect(target)
    try:
        conn.execute(f"CREATE TABLE organization ({', '.join(names)})")
        gc.collect()
        t, cpu = time.perf_counter(), time.process_time()
        conn.executemany(f"INSERT INTO organization VALUES ({', '.join('?' * len(names))})",
                         [tuple(str(v) if v is not None and not isinstance(v, (int, float, str)) else v
                                for v in r.values()) for r in rows])
        conn.commit()
        return time.perf_counter() - t, time.process_time() - cpu
    finally:
        conn.close()
        target.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the ledger here and keep it (reused if it is there)")
    parser.add_argument("--import", dest="write", action="store_true",
                        help="also time the legacy import (validation + write) beside a plain bulk insert")
    parser.add_argument("--orm", action="store_true", help="the import writes through the ORM (before issue 20)")
    parser.add_argument("--no-report", action="store_true", help="skip the bare reads and the report")
    parser.add_argument("--steps", action="store_true",
                        help="with --import: then one more import with its steps' CPU timed (bench/steps.py)")
    options = parser.parse_args(argv)

    from civicdesk.services import ledger

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = options.keep or folder / f"ledger-{options.rows}.xlsx"
        t = time.perf_counter()
        rows, sources = ledger_and_source_rows(options.rows)
        if not path.exists():
            write_ledger(path, rows)
        del rows
        print(f"ledger: {options.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB, {path}, ready in "
              f"{time.perf_counter() - t:.1f} s (not timed)")
        if not options.keep:
            print("note: the rows were generated in this process; use --keep FILE and run again for memory "
                  "figures clear of the generator's freed memory")
        figures: dict[str, list[float]] = {k: [] for k in ("bare", "bare_cpu", "bare_mb", "calamine",
                                                           "calamine_cpu", "calamine_mb", "report", "report_cpu",
                                                           "report_mb", "peak")}
        writes: dict[str, list[float]] = {k: [] for k in ("import", "import_cpu", "bulk", "bulk_cpu", "raw", "raw_cpu",
                                                          "load")}
        for repeat in range(options.repeat):
            if options.write:
                wall, cpu_i, _above, peak, report = import_ledger(folder, repeat, path, options.orm)
                c = report.counts()
                if not report.imported or c["new"] != options.rows:
                    raise SystemExit(f"the import did not write every row: {c}")
                wall_b, cpu_b = bulk_insert(folder, repeat, sources)
                wall_r, cpu_r = raw_insert(folder, repeat, sources)
                for key, value in (("import", wall), ("import_cpu", cpu_i), ("bulk", wall_b), ("bulk_cpu", cpu_b),
                                   ("raw", wall_r), ("raw_cpu", cpu_r), ("load", os.getloadavg()[0])):
                    writes[key].append(value)
                print(f"repeat {repeat + 1}: import ({'ORM' if options.orm else 'bulk'} write) {wall:.2f} s "
                      f"(CPU {cpu_i:.2f} s, peak {peak:.0f} MB, {c['new']:,} new); plain bulk insert {wall_b:.2f} s "
                      f"(CPU {cpu_b:.2f} s); raw sqlite3 {wall_r:.2f} s (CPU {cpu_r:.2f} s); ratio import / bulk "
                      f"{wall / wall_b:.2f}x (CPU {cpu_i / cpu_b:.2f}x); load {os.getloadavg()[0]:.2f}", flush=True)
            if options.no_report:
                continue
            seconds, cpu, above, _absolute, count = measure(lambda: bare_read(path))
            figures["bare"].append(seconds)
            figures["bare_cpu"].append(cpu)
            figures["bare_mb"].append(above)
            seconds_c, cpu_c, above_c, _absolute, count_c = measure(lambda: bare_calamine_read(path))
            figures["calamine"].append(seconds_c)
            figures["calamine_cpu"].append(cpu_c)
            figures["calamine_mb"].append(above_c)
            db = fresh_database(folder, repeat)
            try:
                seconds2, cpu2, above2, absolute2, report = measure(lambda db=db: ledger.preview_ledger(db, path))
            finally:
                db.close()
            figures["report"].append(seconds2)
            figures["report_cpu"].append(cpu2)
            figures["report_mb"].append(above2)
            figures["peak"].append(absolute2)
            c = report.counts()
            print(f"repeat {repeat + 1}: bare read {seconds:.2f} s (CPU {cpu:.2f} s, +{above:.0f} MB, {count:,} rows); "
                  f"calamine bare read {seconds_c:.2f} s (CPU {cpu_c:.2f} s, +{above_c:.0f} MB, {count_c:,} rows); "
                  f"report {seconds2:.2f} s (CPU {cpu2:.2f} s, +{above2:.0f} MB, process peak {absolute2:.0f} MB); "
                  f"ratio {seconds2 / seconds:.1f}x; new {c['new']:,} invalid {c['invalid']:,} skipped {c['skipped']}",
                  flush=True)
            if report.problems and repeat == 0:
                for problem in report.problems[:3]:
                    print(f"  e.g. row {problem.row} {problem.header}: {problem.message()}")
        if options.write:
            w = {k: statistics.median(v) for k, v in writes.items()}
            print(f"median of {options.repeat}: import of {options.rows:,} rows ({'ORM' if options.orm else 'bulk'} "
                  f"write) {w['import']:.2f} s (CPU {w['import_cpu']:.2f} s; target <= 8 s), plain bulk insert "
                  f"{w['bulk']:.2f} s (CPU {w['bulk_cpu']:.2f} s), raw sqlite3 {w['raw']:.2f} s (CPU "
                  f"{w['raw_cpu']:.2f} s); import / bulk {w['import'] / w['bulk']:.2f}x (CPU "
                  f"{w['import_cpu'] / w['bulk_cpu']:.2f}x); load {w['load']:.2f}")
            if options.steps:
                print(f"one more import, its steps timed (the wrappers' own cost included): "
                      f"{import_steps(folder, path)}", flush=True)
        if options.no_report:
            return 0
        m = {k: statistics.median(v) for k, v in figures.items()}
        print(f"median of {options.repeat}: bare read {m['bare']:.2f} s (CPU {m['bare_cpu']:.2f} s, "
              f"+{m['bare_mb']:.0f} MB); calamine bare read {m['calamine']:.2f} s (CPU {m['calamine_cpu']:.2f} s, "
              f"+{m['calamine_mb']:.0f} MB); validation report {m['report']:.2f} s (CPU {m['report_cpu']:.2f} s, "
              f"+{m['report_mb']:.0f} MB, process peak {m['peak']:.0f} MB); ratio {m['report'] / m['bare']:.1f}x "
              f"(CPU {m['report_cpu'] / m['bare_cpu']:.1f}x) to openpyxl, {m['report'] / m['calamine']:.1f}x to "
              f"calamine; targets < 60 s, < 600 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
