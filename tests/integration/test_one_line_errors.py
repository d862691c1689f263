"""Issue 14, "One line, never a traceback": what a careless file, a full disk or a damaged database does to
the CLI.  Each case: exit code 2, exactly one line on stderr, no traceback, and the database unchanged (its
digest) or, for a file that did not exist, not created."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from civicdesk.models import engine as engine_module
from civicdesk.models.engine import make_engine
from civicdesk.models.migrate import script_revisions
from civicdesk.services.core.database import migrate
from tests.helpers.db import digest
from tests.factories import social_group
from tests.helpers.cli import run

ROOT = Path(__file__).resolve().parents[2]


def assert_one_line(code: int, err: str, *, expected: int = 2) -> None:
    assert code == expected, err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err


def add(capsys: pytest.CaptureFixture[str], db: Path | str, record: object, tmp_path: Path) -> tuple[int, str, str]:
    file = tmp_path / "record.json"
    file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return run(capsys, "--db", str(db), "org", "add", "--json-file", str(file))


# -- the database file ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["ftp://clerk:secret@host/db", "mysql://clerk@host/db", "postgresql://:::/db"])
def test_a_url_of_no_database_civicdesk_runs_on_is_one_line(url: str, db_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """--db and db copy --to: a URL that is neither an SQLite file nor a PostgreSQL server is named (without its
    password) in one line, and the source stays as it was."""
    code, _out, err = run(capsys, "--db", url, "search", "协会")
    assert_one_line(code, err)
    assert "postgresql://" in err and "secret" not in err and "Traceback" not in err
    before = digest(db_path)
    code, _out, err = run(capsys, "--db", str(db_path), "db", "copy", "--to", url)
    assert_one_line(code, err)
    assert "secret" not in err and digest(db_path) == before


def test_a_read_only_database_file_is_one_line(db_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(db_path)
    db_path.chmod(0o444)
    # root writes to any file whatever its mode: open it read-only as SQLite itself would then
    url = f"sqlite:///file:{db_path}?mode=ro&uri=true" if os.geteuid() == 0 else str(db_path)
    try:
        code, out, err = add(capsys, url, social_group(), tmp_path)
    finally:
        db_path.chmod(0o644)
    assert_one_line(code, err)
    assert "只读" in err and out == ""
    assert digest(db_path) == before


@pytest.mark.parametrize("room", [16 * 1024, 160 * 1024])
def test_a_full_disk_is_one_line(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 room: int) -> None:
    """A tmpfs just larger than the database: the first write fills it (SQLite's -shm file does not fit, a
    "disk I/O error"; or the -wal file, SQLITE_FULL)."""
    mount = tmp_path / "small"
    mount.mkdir()
    size = db_path.stat().st_size + room
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("needs root to mount a small tmpfs")
    try:
        target = mount / "office.sqlite3"
        shutil.copyfile(db_path, target)
        before = digest(db_path)  # (a digest on the full disk could not make its -shm file)
        code, _, err = add(capsys, target, social_group(), tmp_path)
        assert_one_line(code, err)
        assert "磁盘已满" in err
        assert digest(_copy_out(target, tmp_path / "after")) == before
        # and in English
        code, _, err = run(capsys, "--lang", "en", "--db", str(target), "org", "add", "--json-file",
                           str(tmp_path / "record.json"))
        assert_one_line(code, err)
        assert "disk is full" in err
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _copy_out(path: Path, folder: Path) -> Path:
    """The database with its -wal file, copied to ``folder`` (to read it where there is room)."""
    folder.mkdir()
    for suffix in ("", "-wal"):
        if Path(f"{path}{suffix}").exists():
            shutil.copyfile(f"{path}{suffix}", folder / f"{path.name}{suffix}")
    return folder / path.name


def _corrupt(path: Path) -> None:
    """Overwrite every page after the first two (tables, indexes, the rest of the schema) with garbage."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(8192)
        fh.write(b"\xa5\x5a" * ((size - 8192) // 2))


@pytest.mark.parametrize("args", [("verify",), ("stats",), ("org", "list"), ("search", "协会"), ("verify", "--json")])
def test_a_damaged_database_is_one_line(shawan_db_path: Path, capsys: pytest.CaptureFixture[str],
                                        args: tuple[str, ...]) -> None:
    _corrupt(shawan_db_path)
    code, out, err = run(capsys, "--db", str(shawan_db_path), *args)
    # verify may find the damage and report it (exit 3), or fail to read the file at all (exit 2)
    assert code in (2, 3) and err.count("\n") == 1 and "Traceback" not in err, err
    if code == 2:
        assert "损坏" in err or "无法打开" in err


def test_a_lock_held_past_the_timeout_is_one_line(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    before = digest(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing, for longer than the busy timeout
    try:
        code, _, err = add(capsys, db_path, social_group(), tmp_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_line(code, err)
    assert "数据库正被另一程序或用户写入" in err and "0.3 秒" in err
    assert digest(db_path) == before


def test_a_read_only_command_on_a_missing_file_writes_nothing(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nonexist.sqlite3"
    for args in (("stats",), ("org", "list"), ("search", "协会"), ("verify",), ("user", "list"), ("office", "list"),
                 ("audit", "list")):
        code, _, err = run(capsys, "--db", str(missing), *args)
        assert_one_line(code, err)
        assert "不存在" in err, args
        assert list(tmp_path.iterdir()) == [], args  # no database, no -wal, no -shm
    code, out, _ = run(capsys, "--db", str(missing), "init", "--office-code", "511111", "--office-name",
                       "乐山市沙湾区民政局", "--level", "district")
    assert code == 0 and missing.exists()


# -- numbers and text from outside ----------------------------------------------------------------------------
def test_a_limit_of_ten_to_the_twentieth_is_one_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(db_path)
    for args in (("org", "list", "--limit", str(10**20)), ("search", "协会", "--limit", str(10**20)),
                 ("search", "协会", "--limit", "-1")):
        code, _, err = run(capsys, "--db", str(db_path), *args)
        assert_one_line(code, err)
        assert "--limit" in err
    assert digest(db_path) == before


@pytest.mark.parametrize("changes, field", [
    ({"member_count": 10**30}, "会员数"),
    ({"staff_count": 10**19}, "从业人员数"),
    ({"registered_funds_wan": 1e308}, "注册资金"),
    ({"registered_funds_wan": "1e308"}, "注册资金"),
    ({"registered_funds_wan": 1e20}, "注册资金"),
    ({"registered_funds_wan": "9" * 5000}, "注册资金"),
])
def test_numbers_too_large_are_one_line(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        changes: dict[str, object], field: str) -> None:
    before = digest(db_path)
    code, _, err = add(capsys, db_path, social_group(**changes), tmp_path)
    assert_one_line(code, err)
    assert field in err and "过大" in err
    assert digest(db_path) == before


@pytest.mark.parametrize("changes, field", [
    ({"party_organization": "yes"}, "party_organization"),
    ({"charity_recognized": 1}, "charity_recognized"),
    ({"name": 12345}, "name"),
    ({"member_count": "120"}, "member_count"),
    ({"member_count": 12.5}, "member_count"),
    ({"established_on": 20190520}, "established_on"),
    ({"legal_form": ["social_group"]}, "legal_form"),
    ({"people": [{"role": "legal_representative", "name": "张三", "is_current": "yes"}]}, "people[0].is_current"),
])
def test_loose_json_types_are_refused_not_coerced(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  changes: dict[str, object], field: str) -> None:
    before = digest(db_path)
    code, _, err = add(capsys, db_path, social_group(**changes), tmp_path)
    assert_one_line(code, err)
    assert f"字段“{field}”的类型错误" in err
    assert digest(db_path) == before


def test_a_decimal_as_text_still_round_trips(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``org show --json`` writes amounts as text ("3.5"): the strict types must take its output back."""
    code, _, err = add(capsys, db_path, social_group(registered_funds_wan="9999999999.9999"), tmp_path)
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(db_path), "org", "show", social_group()["uscc"], "--json")
    assert Decimal(json.loads(out)["registered_funds_wan"]) == Decimal("9999999999.9999")


def test_a_long_many_word_search_is_one_line(shawan_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = " ".join(["协会", "沙湾", "%", "_"] * 6250)[:50_000]
    code, _, err = run(capsys, "--db", str(shawan_db_path), "search", query)
    assert_one_line(code, err)
    assert "检索词过长" in err
    code, out, _ = run(capsys, "--db", str(shawan_db_path), "search", "协" * 200)  # the longest allowed
    assert code == 0 and "共 0 个匹配" in out


def test_invalid_utf8_in_arguments_is_one_line(db_path: Path) -> None:
    before = digest(db_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT), LC_ALL="C.UTF-8")
    for tail in ([b"search", b"\xff\xfe\xe5\x8d"], [b"org", b"show", b"\xc3\x28"]):
        done = subprocess.run([sys.executable.encode(), b"-m", b"civicdesk.app", b"--db", bytes(db_path), *tail],
                              capture_output=True, env=env, cwd=ROOT, timeout=120)
        err = done.stderr.decode("utf-8")
        assert_one_line(done.returncode, err)
        assert "UTF-8" in err
    assert digest(db_path) == before


def test_lone_surrogates_in_arguments_are_one_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(db_path)
    code, _, err = run(capsys, "--db", str(db_path), "search", "协会\ud800")
    assert_one_line(code, err)
    code, _, err = run(capsys, "--lang", "en", "--db", str(db_path), "org", "show", "\udcff")
    assert_one_line(code, err)
    assert "not valid UTF-8" in err
    assert digest(db_path) == before


@pytest.mark.parametrize("content, words", [
    (b'{"name": "\\ud800\\u534f\\u4f1a"}', "代理码位"),
    (json.dumps(social_group(name="测试\ud83d协会")).encode(), "代理码位"),
    ('{"name": "乐山协会"}'.encode("gbk"), "不是有效的 JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "嵌套过深"),
    (b'{"a":' * 40 + b"1" + b"}" * 40, "嵌套过深"),
    (b'{"registered_funds_wan": NaN}', "不是有效的 JSON"),
])
def test_bad_json_files_are_one_line(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     content: bytes, words: str) -> None:
    before = digest(db_path)
    file = tmp_path / "bad.json"
    file.write_bytes(content)
    code, _, err = run(capsys, "--db", str(db_path), "org", "add", "--json-file", str(file))
    assert_one_line(code, err)
    assert words in err
    assert digest(db_path) == before


# -- the backup before a migration ------------------------------------------------------------------------------
_KILL_IN_BACKUP = """
import os, signal, sys
def profile(frame, event, arg):
    if event == "c_call" and getattr(arg, "__name__", "") == "backup":
        os.kill(os.getpid(), signal.SIGKILL)  # kill -9 at the moment the copy starts
sys.setprofile(profile)
from civicdesk.services.core.database import open_database
open_database(sys.argv[1])
"""


def test_kill_9_during_the_backup_leaves_no_backup_that_is_not_one(db_path: Path) -> None:
    """An initialised office (no demo rows: the migrations are quick, the file still several hundred KB)."""
    url = f"sqlite:///{db_path}"
    engine = make_engine(url)
    first = script_revisions()[0]
    migrate(engine, url, first, downgrade=True)
    engine.dispose()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _KILL_IN_BACKUP, str(db_path)], env=env, cwd=ROOT,
                          capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    folder = db_path.parent
    assert list(folder.glob("*.before-*.sqlite3")) == []  # nothing under a backup's name
    # the next start makes the backup again, a whole one
    done = subprocess.run([sys.executable, "-c", _KILL_IN_BACKUP.replace("sys.setprofile(profile)", ""),
                           str(db_path)], env=env, cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    backups = list(folder.glob("*.before-*.sqlite3"))
    assert len(backups) == 1 and backups[0].stat().st_size > 100_000
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == first
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert list(folder.glob("*.partial")) == []
