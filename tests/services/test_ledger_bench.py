"""``bench/bench_import.py`` still runs and still measures a clean ledger (a smoke test at 300 rows, never timed)."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench.bench_import import HEADERS, bare_read, fresh_database, ledger_rows, main, write_ledger  # noqa: E402
from civicdesk.services import ledger  # noqa: E402


@pytest.mark.slow  # a run of the benchmark itself: with the slow runs
def test_the_bench_ledger_is_clean_and_read_whole(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bench.xlsx"
    write_ledger(path, ledger_rows(300))
    assert bare_read(path) == 302
    assert [c.value for c in openpyxl.load_workbook(path, read_only=True).active[2]] == list(HEADERS)
    db = fresh_database(tmp_path, 0)
    try:
        report = ledger.preview_ledger(db, path)
    finally:
        db.close()
    assert report.problems == []
    assert report.counts() == {"rows": 300, "new": 300, "changed": 0, "unchanged": 0, "invalid": 0, "skipped": 0}
    assert main(["--rows", "50", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "median of 1: bare read" in out and "new 50 invalid 0" in out
