"""The headless program end to end: init, demo, org, stats, verify; exit codes and messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from civicdesk.services.core.validation import make_id_number, make_uscc
from tests.helpers.db import digest
from tests.factories import social_group
from tests.helpers.cli import run

ROOT = Path(__file__).resolve().parents[2]


def test_demo_stats_and_one_more(city_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The city's whole demo register (the template: ``init`` and ``demo`` by their services; the README's
    walk-through runs both commands), its published figures, one more organization and what shows it."""
    db = str(city_db_path)
    code, out, _ = run(capsys, "--db", db, "stats", "--json")
    stats = json.loads(out)
    assert code == 0
    assert stats["registered_social_organizations"] == 1831
    assert stats["community_social_organizations"] == {"total": 5611, "registered": 89, "filed": 52, "guided": 5470}
    assert stats["per_10k_population"] == 5.08
    assert stats["population"]["basis"] == "household"

    record = social_group(division_code="511102", township_code="511102006", uscc=make_uscc("1", "511102", "MJ990001"),
                          registry_code="511102", name="乐山市市中区测试协会")
    file = tmp_path / "org.json"
    file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "org", "add", "--json-file", str(file), "--json")
    assert code == 0, err
    added = json.loads(out)
    after = json.loads(run(capsys, "--db", db, "stats", "--json")[1])
    assert after["registered_social_organizations"] == 1832
    row = next(r for r in after["by_division"] if r["code"] == "511102")
    before_row = next(r for r in stats["by_division"] if r["code"] == "511102")
    assert row["registered_social_organizations"] == before_row["registered_social_organizations"] + 1

    code, out, _ = run(capsys, "--db", db, "org", "show", added["id"], "--json")
    shown = json.loads(out)
    assert shown["name"] == "乐山市市中区测试协会"
    assert "*" in shown["people"][0]["id_number"]
    code, out, _ = run(capsys, "--db", db, "org", "show", record["uscc"], "--json", "--reveal")
    assert json.loads(out)["people"][0]["id_number"] == record["people"][0]["id_number"]

    code, out, _ = run(capsys, "--db", db, "org", "list", "--division", "511102006", "--json")
    assert any(r["id"] == added["id"] for r in json.loads(out))
    code, out, _ = run(capsys, "--db", db, "verify", "--json")
    assert code == 0 and json.loads(out)["ok"] is True


def test_bad_record_exits_non_zero_and_changes_nothing(db_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "bad.json"
    bad = social_group(uscc=make_uscc("1", "511111", "MJ900001")[:17] + "0")
    bad["people"][0]["id_number"] = make_id_number("511111", __import__("datetime").date(1970, 1, 1), 5)[:17] + "0"
    file.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    before = digest(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "org", "add", "--json-file", str(file), "--json")
    assert code != 0
    assert "统一社会信用代码校验位错误" in err
    assert len(err.strip().splitlines()) == 1
    problems = {i["code"] for i in json.loads(out)["issues"]}
    assert {"uscc.check"} <= problems
    assert digest(db_path) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "不是有效的 JSON"), ("[1, 2]", "JSON 内容应为一个对象"), ('{"name": NaN}', "不是有效的 JSON")],
)
def test_malformed_json_file(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str,
                             expected: str) -> None:
    file = tmp_path / "in.json"
    file.write_text(content, encoding="utf-8")
    before = digest(db_path)
    code, _, err = run(capsys, "--db", str(db_path), "org", "add", "--json-file", str(file))
    assert code != 0 and expected in err
    assert digest(db_path) == before


def test_missing_file_and_unknown_org(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "org", "add", "--json-file", "/no/such/file.json")
    assert code != 0 and "找不到文件" in err
    code, _, err = run(capsys, "--db", str(db_path), "--lang", "en", "org", "show", "nothing-like-this")
    assert code != 0 and "No organization 'nothing-like-this'" in err


def test_init_with_unknown_or_bad_office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.sqlite3")
    code, _, err = run(capsys, "--db", db, "init", "--office-code", "5111", "--office-name", "某局",
                       "--level", "district")
    assert code != 0 and "6位数字" in err
    code, _, _ = run(capsys, "--db", db, "init", "--office-code", "511111", "--office-name", "乐山市沙湾区民政局",
                     "--level", "district")
    assert code == 0
    code, _, err = run(capsys, "--db", db, "init", "--office-code", "511111", "--office-name", "x",
                       "--level", "district")
    assert code != 0 and "已初始化" in err


def test_commands_before_init_and_on_foreign_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "fresh.sqlite3"), "stats")
    assert code != 0 and "civicdesk init" in err
    text = tmp_path / "letter.sqlite3"
    text.write_bytes(b"PK\x03\x04 not a database at all")
    code, _, err = run(capsys, "--db", str(text), "stats", "--json")
    assert code != 0 and "不是 SQLite 数据库" in err
    assert text.read_bytes() == b"PK\x03\x04 not a database at all"


def test_demo_twice_adds_nothing(shawan_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(shawan_db_path)
    code, out, _ = run(capsys, "--db", str(shawan_db_path), "demo", "--json")
    assert code == 0 and json.loads(out)["already_loaded"] is True
    assert digest(shawan_db_path) == before


def test_verify_fails_on_a_broken_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE division SET parent_code = 'nowhere' WHERE code = '511111002'")
    code, out, err = run(capsys, "--db", str(db_path), "verify")
    assert code == 3 and "未通过" in err


def _subprocess(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, **kw)  # type: ignore[call-overload]


def test_main_py_and_console_script_are_the_same_program(shawan_db_path: Path) -> None:
    via_main = _subprocess([sys.executable, "main.py", "--db", str(shawan_db_path), "stats", "--json"])
    assert via_main.returncode == 0, via_main.stderr
    script = shutil.which("civicdesk") or str(Path(sys.executable).parent / "civicdesk")
    if not Path(script).exists():
        pytest.skip("the civicdesk console script is installed by `pip install -e .`")
    via_script = _subprocess([script, "--db", str(shawan_db_path), "stats", "--json"])
    assert via_script.returncode == 0, via_script.stderr
    assert json.loads(via_main.stdout) == json.loads(via_script.stdout)


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    result = _subprocess([sys.executable, "main.py", "--help"])  # a real start: its exit code and its output
    assert result.returncode == 0 and "usage:" in result.stdout
    # each command's help from the same parser, in this process (argparse prints it and exits with 0)
    for args in (["init", "--help"], ["demo", "--help"], ["org", "list", "--help"], ["org", "show", "--help"],
                 ["org", "add", "--help"], ["stats", "--help"], ["verify", "--help"]):
        code, out, _ = run(capsys, *args)
        assert code == 0 and "usage:" in out, args
