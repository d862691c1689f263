"""``org list`` and ``print register`` with ``--inspection`` and ``--rating`` (the filter bar's supervision
filters) on the 沙湾区 demo, in process: the rows are exactly those the derived columns say, and a bad value is
one line naming the allowed ones, in Chinese and in English, with nothing written."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from civicdesk import clock as program_clock
from civicdesk.schema import LIVE_STATUSES
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.services.test_printing import text_of


@pytest.fixture
def in_2021() -> Iterator[None]:
    """The program's clock in June 2021: "last year" is 2020, the demo's last inspection."""
    with program_clock.use(program_clock.FixedClock(datetime(2021, 6, 1, 10, 0))):
        yield


def live_ids(path: Path, condition: str, *params: object) -> set[str]:
    """Ids of the existing organizations whose derived supervision columns meet ``condition`` (plain SQL, not the
    program's filter)."""
    marks = ", ".join("?" for _ in LIVE_STATUSES)
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute(
            f"SELECT id FROM organization WHERE deleted_at IS NULL AND status IN ({marks}) AND ({condition})",
            (*LIVE_STATUSES, *params))}


def listed(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> set[str]:
    code, out, err = run(capsys, "--db", str(path), "org", "list", *options, "--json")
    assert code == 0, err
    return {row["id"] for row in json.loads(out)}


def test_org_list_by_last_years_conclusion(shawan_db_path: Path, in_2021: None,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    everyone = listed(capsys, shawan_db_path)
    found = {}
    for word, code in (("合格", "pass"), ("基本合格", "basic"), ("不合格", "fail")):
        expected = live_ids(shawan_db_path, "inspection_year = 2020 AND inspection_conclusion = ?", code)
        found[code] = listed(capsys, shawan_db_path, "--inspection", word)
        assert found[code] == expected and expected, word
    assert listed(capsys, shawan_db_path, "--inspection", "BASIC") == found["basic"]  # the code, any case
    not_inspected = listed(capsys, shawan_db_path, "--inspection", "未年检")
    assert not_inspected == everyone - found["pass"] - found["basic"] - found["fail"]
    # with the other filters: one legal form only
    groups = listed(capsys, shawan_db_path, "--inspection", "合格", "--legal-form", "social_group")
    assert groups and groups < found["pass"]


def test_org_list_by_rating_in_force(shawan_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = program_clock.today().isoformat()
    rated = live_ids(shawan_db_path, "rating_grade IS NOT NULL AND rating_valid_to >= ?", today)
    assert listed(capsys, shawan_db_path, "--rating", "rated") == rated and rated  # the demo's, in force today
    assert listed(capsys, shawan_db_path, "--rating", "none") == listed(capsys, shawan_db_path) - rated
    for grade in ("5A", "4a", "3A", "1A"):
        expected = live_ids(shawan_db_path, "rating_grade = ? AND rating_valid_to >= ?", grade.upper(), today)
        assert listed(capsys, shawan_db_path, "--rating", grade) == expected


def test_print_register_with_supervision_filters(shawan_db_path: Path, tmp_path: Path, in_2021: None,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "basic.pdf"
    code, out, err = run(capsys, "--db", str(shawan_db_path), "print", "register", "--inspection", "基本合格",
                         "-o", str(target), "--json")
    assert code == 0, err
    expected = live_ids(shawan_db_path, "inspection_year = 2020 AND inspection_conclusion = 'basic'")
    assert json.loads(out)["rows"] == len(expected) > 0
    flat = re.sub(r"\s+", "", text_of(target))
    assert "2020年度年检基本合格" in flat  # the filter in words under the title


@pytest.mark.parametrize("lang, words", [("zh", ("有误", "合格, 基本合格, 不合格, 未年检")),
                                         ("en", ("is wrong", "pass, basic, fail, none"))])
def test_bad_inspection_value_is_one_line(shawan_db_path: Path, tmp_path: Path, lang: str,
                                          words: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(shawan_db_path)
    target = tmp_path / "r.pdf"
    for command in (["org", "list", "--inspection", "良好"],
                    ["print", "register", "--inspection", "良好", "-o", str(target)]):
        code, out, err = run(capsys, "--db", str(shawan_db_path), "--lang", lang, *command)
        assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "良好" in err and all(w in err for w in words), err
    assert not target.exists() and digest(shawan_db_path) == before


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_rating_value_is_one_line(shawan_db_path: Path, tmp_path: Path, lang: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(shawan_db_path)
    target = tmp_path / "r.pdf"
    for command in (["org", "list", "--rating", "6A"], ["print", "register", "--rating", "6A", "-o", str(target)]):
        code, out, err = run(capsys, "--db", str(shawan_db_path), "--lang", lang, *command)
        assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "6A" in err and "5A, 4A, 3A, 2A, 1A, rated, none" in err, err
        assert ("有误" if lang == "zh" else "is wrong") in err
    assert not target.exists() and digest(shawan_db_path) == before
