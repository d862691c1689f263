"""Issue 13, the CLI bullet: what a clerk at the command line notices in the first hour."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from civicdesk.app import main
from civicdesk.cli import build_parser
from civicdesk.commands.print import kind_parser
from civicdesk.services.printing import kinds
from tests.helpers.db import digest
from tests.helpers.cli import run

ROOT = Path(__file__).resolve().parents[2]


def _options(parser: argparse.ArgumentParser, path: str) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _options(child, f"{path} {name}")
        else:
            found.append((path, action))
    return found


def test_every_option_of_every_command_has_a_help_text() -> None:
    parsers = [(build_parser(), "civicdesk")] + [(kind_parser(k), f"civicdesk print {k.name}") for k in kinds()]
    options = [(path, action) for parser, path in parsers for path, action in _options(parser, path)]
    assert len(options) > 150  # the walk reached the commands' own options
    missing = [f"{path} {'/'.join(a.option_strings) or a.dest}" for path, a in options
               if not a.help or a.help == argparse.SUPPRESS]
    assert missing == []


def test_print_help_lists_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["print", "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    for kind in kinds():
        assert re.search(rf"^\s+{kind.name}\s+{kind.label}$", out, re.M), kind.name


def test_a_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["org", "list", "--tier", "bogus"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.count("\n") == 1 and "--tier" in err


def test_piping_into_head_ends_quietly(city_db_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in ("org list --all --json",):  # text output takes the same path to stdout
        done = subprocess.run(f"'{sys.executable}' -m civicdesk.app --db '{city_db_path}' {args} | head -n 1; "
                              "echo \"exit=${PIPESTATUS[0]}\" >&2", shell=True, executable="/bin/bash",
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
        assert done.stdout.count("\n") == 1
        assert done.stderr == "exit=0\n", done.stderr  # no BrokenPipeError, no "Exception ignored"


def test_search_says_how_many_are_not_shown(shawan_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(shawan_db_path), "search", "协会", "--limit", "3")
    total = json.loads(run(capsys, "--db", str(shawan_db_path), "search", "协会", "--json")[1])["total"]
    assert code == 0 and total > 3
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[-1] == f"共 {total:,} 个匹配，另有 {total - 3:,} 个未列出（用 --limit {total} 全部列出）"
    code, out, _ = run(capsys, "--lang", "en", "--db", str(shawan_db_path), "search", "协会", "--limit", str(total))
    assert out.splitlines()[-1] == f"{total:,} matches"
    code, out, _ = run(capsys, "--lang", "en", "--db", str(shawan_db_path), "search", "协会", "--limit", "1")
    assert out.splitlines()[-1] == f"{total:,} matches; {total - 1:,} not shown (--limit {total} lists them all)"


def test_org_list_takes_the_filters_of_print_register_and_export(shawan_db_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    register = {a.dest for a in kind_parser(next(k for k in kinds() if k.name == "register"))._actions}
    org_list = {a.dest for _, a in _options(build_parser(), "") if _ == " org list"}
    assert register - {"group", "output", "public", "reveal_ids", "font", "help", "json"} <= org_list

    def names(*args: str) -> set[str]:
        code, out, err = run(capsys, "--db", str(shawan_db_path), "org", "list", "--json", *args)
        assert code == 0, err
        return {r["name"] for r in json.loads(out)}

    everything = names()
    elderly = names("--subtype", "elderly_association")
    assert elderly and elderly < everything
    charity = names("--category", "charity")
    assert charity < everything
    found = names("--search", "协会")
    assert found and all("协会" in n for n in found)


def test_text_output_uses_labels_and_thousands_separators(city_db_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(city_db_path), "org", "list", "--all")
    assert out.splitlines()[-1] == "共 5,709 个组织" or re.fullmatch(r"共 \d{1,3}(,\d{3})+ 个组织",
                                                                 out.splitlines()[-1])
    assert "\tguided\t" not in out and "\t纳入村（社区）指导管理\t" in out
    code, out, _ = run(capsys, "--db", str(city_db_path), "stats")
    assert "社区社会组织 5,611 个" in out and "纳入村（社区）指导管理 5,470" in out
    assert re.search(r"\d{1,3},\d{3},\d{3} 人计", out)


def test_org_show_prints_labels_and_json_keeps_codes(shawan_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(capsys, "--db", str(shawan_db_path), "org", "list", "--json", "--tier", "registered",
                          "--legal-form", "social_group")[1])
    key = rows[0]["id"]
    code, out, _ = run(capsys, "--db", str(shawan_db_path), "org", "show", key)
    assert code == 0
    assert "组织类型: 社会团体" in out and "管理层级: 登记" in out
    assert "social_group" not in out and "registered" not in out
    assert not re.search(r"\b(True|False|None)\b", out)
    assert re.search(r"已建立党组织: [是否]", out) and "—" in out
    assert re.search(r"所在乡镇（街道）: \S+（\d{9}）", out)  # the township's name with its code
    code, out, _ = run(capsys, "--lang", "en", "--db", str(shawan_db_path), "org", "show", key)
    assert "Legal form: Social group" in out or re.search(r"Legal form: [A-Z][a-z]", out)
    assert "Tier: " in out and "social_group" not in out and not re.search(r"\b(True|False|None)\b", out)
    code, out, _ = run(capsys, "--db", str(shawan_db_path), "org", "show", key, "--json")
    shown = json.loads(out)
    assert shown["legal_form"] == "social_group" and shown["tier"] == "registered"
    assert shown["township_code"].isdigit()


COMMANDS = (["org", "list", "--json", "--limit", "2"], ["org", "list", "--limit", "2"], ["stats", "--json"])


@pytest.mark.parametrize("encoding", ["gbk", "ascii", "latin-1"])
def test_json_output_is_utf8_chinese_not_escapes(shawan_db_path: Path, encoding: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """UTF-8 into a pipe or file whatever the locale gave the standard streams: a Chinese Windows (GBK for
    pipes), an ASCII-only setting, a Latin-1 one.  Here the streams are made as Python makes them for such a
    locale, in this process; the next test starts a real process in the C locale."""
    for args in COMMANDS:
        stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding=encoding))
        assert main(["--db", str(shawan_db_path), *args]) == 0
        stdout.flush()
        data = stdout.buffer.getvalue()  # type: ignore[attr-defined]
        text = data.decode("utf-8")
        assert "\\u" not in text and re.search("[\u4e00-\u9fff]", text)
    key = json.loads(text)["scope"]["name"]
    assert key.encode("utf-8") in data


def test_json_output_of_a_real_process_in_the_c_locale(shawan_db_path: Path) -> None:
    """A server's plain C locale with an ASCII-only PYTHONIOENCODING: the program still writes UTF-8."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    env.update(PYTHONPATH=str(ROOT), LC_ALL="C", PYTHONIOENCODING="ascii")
    done = subprocess.run([sys.executable, "-m", "civicdesk.app", "--db", str(shawan_db_path), "stats", "--json"],
                          capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert "\\u" not in text and re.search("[\u4e00-\u9fff]", text)
    assert json.loads(text)["scope"]["name"].encode("utf-8") in done.stdout


def test_init_prints_the_level_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "a.sqlite3"), "init", "--office-code", "511111",
                       "--office-name", "乐山市沙湾区民政局", "--level", "district")
    assert code == 0 and "区县民政局" in out and "district" not in out
    code, out, _ = run(capsys, "--lang", "en", "--db", str(tmp_path / "b.sqlite3"), "init", "--office-code", "511100",
                       "--office-name", "乐山市民政局", "--level", "city")
    assert code == 0 and "city office" in out


def test_a_read_only_command_leaves_the_database_unchanged(shawan_db_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(shawan_db_path)
    for args in (("stats",), ("org", "list"), ("search", "协会"), ("verify",)):
        assert run(capsys, "--db", str(shawan_db_path), *args)[0] == 0
    assert digest(shawan_db_path) == before


def test_stats_says_how_many_organizations_another_office_registered(
        shawan_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After the city's first package a district's figures grow by the city's registrations located in it:
    ``stats`` says how many are this office's and how many the city's.  (The arrival is made by marking three
    rows as the city's; tests/sync covers the package itself.)"""
    import sqlite3

    db = str(shawan_db_path)
    code, out, _ = run(capsys, "--db", db, "stats")
    assert code == 0 and "本单位登记" not in out  # all its own: nothing to explain
    with sqlite3.connect(shawan_db_path) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM organization WHERE status = 'active' LIMIT 3")]
        con.executemany("UPDATE organization SET origin_office = '511100' WHERE id = ?", [(i,) for i in ids])
    code, out, _ = run(capsys, "--db", db, "stats")
    own = re.search(r"本单位登记 ([\d,]+) 个，市局登记 3 个", out)
    assert code == 0 and own, out
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "stats")
    assert "by the city bureau" in out and ", 3 by" in out
