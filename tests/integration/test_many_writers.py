"""Issue 14, "Many writers, never a crash": processes writing one database at once through the CLI.

Each worker is a separate process (as two clerks' programs, or a clerk and a scheduled import, are) that runs
the CLI's ``main`` in a loop: every operation must succeed or be reported in one line, never a traceback.
A deferred BEGIN read, then wrote, and died with SQLITE_BUSY_SNAPSHOT (15 of 30 ``org add`` calls, and 21 of
24 parallel logins, whose count of failures then never locked the account).
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from civicdesk.services.core.validation import make_uscc
from tests.factories import social_group

WRITERS = 4
OPERATIONS = 50
GUESSERS = 8
BUSY = "数据库正被另一程序或用户写入"  # the one line of a lock held past the busy timeout
ROUNDS = 3


def _call_cli(args: list[str]) -> tuple[Any, str]:
    """``main(args)`` in this process: its exit code (or the exception that escaped it) and its stderr."""
    from civicdesk.app import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code: Any = main(args)
        except BaseException as exc:  # noqa: BLE001  (what the test is about: nothing may escape)
            code = f"escaped {type(exc).__name__}: {exc}"
    return code, err.getvalue()


def _records(worker: int, count: int) -> list[dict[str, Any]]:
    return [social_group(name=f"乐山市沙湾区并发测试{worker}号{i}协会",
                         uscc=make_uscc("1", "511111", f"{worker:02d}{i:06d}"))
            for i in range(count)]


def _writer(path: str, operations: int, worker: int, start: Any, results: Any) -> None:
    """One writer process calling the service, as the GUI does: ``operations`` new organizations."""
    from civicdesk.errors import CivicDeskError
    from civicdesk.services.register import organizations

    db = open_database(path)
    out: list[tuple[Any, str]] = []
    start.wait()
    for record in _records(worker, operations):
        try:
            organizations.add_organization(db, record)
            out.append((0, ""))
        except CivicDeskError as exc:
            out.append((2, exc.message() + "\n"))
        except BaseException as exc:  # noqa: BLE001  (what the test is about: nothing may escape)
            out.append((f"escaped {type(exc).__name__}: {exc}", ""))
    db.close()
    results.put((worker, out))


def _cli_writer(path: str, folder: str, count: int, worker: int, start: Any, results: Any) -> None:
    """One writer process running the CLI's ``org add`` ``count`` times."""
    files = []
    for i, record in enumerate(_records(worker, count)):
        file = Path(folder) / f"w{worker}-{i}.json"
        file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        files.append(file)
    start.wait()
    results.put((worker, [_call_cli(["--db", path, "org", "add", "--json-file", str(f)]) for f in files]))


def _guesser(path: str, worker: int, start: Any, results: Any) -> None:
    """One password guesser: ROUNDS wrong passwords for ``wang``, each round started with the others."""
    os.environ["CIVICDESK_USER"] = "wang"
    out = []
    for round_ in range(ROUNDS):
        start.wait()
        os.environ["CIVICDESK_PASSWORD"] = f"guess{worker}x{round_}"
        out.append(_call_cli(["--db", path, "org", "add", "--json-file", "none.json"]))
    results.put((worker, out))


def _context() -> Any:
    """Fork where it is safe and cheap (no other thread, such as Qt's or pytest-xdist's, that a child could
    inherit mid-lock; the test process holds no open database here); else a fork server: one clean interpreter
    that has imported the program and this module once, from which every writer is forked (spawning each from
    scratch cost a second or two of imports per writer, most of these tests' time); else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([__name__, "civicdesk.app", "civicdesk.cli",
                                    "civicdesk.services.register.organizations"])
        return ctx
    return multiprocessing.get_context("spawn")


def _run(target: Any, count: int, *args: Any, parties: int | None = None) -> list[tuple[Any, str]]:
    ctx = _context()
    start = ctx.Barrier(parties or count)
    results = ctx.Queue()
    processes = [ctx.Process(target=target, args=(*args, worker, start, results)) for worker in range(count)]
    for p in processes:
        p.start()
    collected = [results.get(timeout=300) for _ in processes]
    for p in processes:
        p.join(timeout=60)
        assert p.exitcode == 0, p.exitcode
    return [r for _worker, rs in sorted(collected) for r in rs]


def _assert_one_line_or_success(outcomes: list[tuple[Any, str]]) -> None:
    for code, err in outcomes:
        assert code in (0, 2), (code, err)
        assert "Traceback" not in err, err
        assert code == 0 or err.count("\n") == 1, err


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM organization").fetchone()[0])


# 10 operations each in the default run (the bug failed every second one), OPERATIONS (50) with -m slow
@pytest.mark.parametrize("operations", [10, pytest.param(OPERATIONS, marks=pytest.mark.slow)])
def test_four_writers_all_succeed(db_path: Path, operations: int) -> None:
    before = _count(db_path)
    outcomes = _run(_writer, WRITERS, str(db_path), operations)
    assert len(outcomes) == WRITERS * operations
    _assert_one_line_or_success(outcomes)
    failures = [err for code, err in outcomes if code != 0]
    # the write lock is waited for (busy timeout), not lost to a read snapshot overtaken by another writer
    # (which fails at once, and failed every second call); on a loaded machine a writer may still wait in
    # vain for the busy timeout while the others take turns, and says so
    assert all(BUSY in err for err in failures), failures
    assert len(failures) <= len(outcomes) // 20, failures
    assert _count(db_path) - before == len(outcomes) - len(failures)


def test_writers_through_the_cli_succeed_or_say_so_in_one_line(db_path: Path, tmp_path: Path) -> None:
    before = _count(db_path)
    outcomes = _run(_cli_writer, WRITERS, str(db_path), str(tmp_path), 5)
    _assert_one_line_or_success(outcomes)
    assert _count(db_path) - before == sum(1 for code, _ in outcomes if code == 0)
    assert all(BUSY in err for code, err in outcomes if code != 0)


def test_parallel_guesses_lock_the_account_and_every_attempt_is_audited(db_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_path)
    try:
        admin = auth.create_user(db, "admin", "admin123x", "admin")
        auth.create_user(db, "wang", "clerk123x", "clerk", by=admin)
    finally:
        db.close()
    outcomes = _run(_guesser, GUESSERS, str(db_path))
    assert len(outcomes) == GUESSERS * ROUNDS
    _assert_one_line_or_success(outcomes)
    failed, locked = "用户名或密码错误", "连续输错密码已锁定"
    assert all(code == 2 and (failed in err or locked in err) for code, err in outcomes), outcomes
    assert sum(failed in err for _, err in outcomes) == auth.MAX_FAILURES
    assert all("auth.login" not in err for _, err in outcomes)

    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT action, details FROM audit_entry WHERE action LIKE 'auth.login%'").fetchall()
        locked_until = conn.execute("SELECT locked_until FROM user_account WHERE username = 'wang'").fetchone()[0]
    reasons = sorted(json.loads(details)["reason"] for action, details in rows)
    assert all(action == "auth.login_failed" for action, _ in rows)
    assert len(rows) == GUESSERS * ROUNDS  # every attempt audited
    assert reasons.count("wrong_password") == auth.MAX_FAILURES - 1
    assert reasons.count("wrong_password_locked") == 1
    assert reasons.count("locked") == GUESSERS * ROUNDS - auth.MAX_FAILURES
    assert locked_until is not None

    # the right password now gets the same answer as a wrong one: nothing tells which was right
    monkeypatch.setenv("CIVICDESK_PASSWORD", "clerk123x")
    code, err = _call_cli(["--db", str(db_path), "--user", "wang", "org", "add", "--json-file", "none.json"])
    assert code == 2 and locked in err and err.count("\n") == 1


@pytest.mark.slow
def test_many_writers_long_run(db_path: Path, tmp_path: Path) -> None:
    """Eight CLI writers of fifty ``org add`` each (``-m slow``): on a busy machine a writer may wait longer
    than the busy timeout; it must then say so in one line, and the count must agree."""
    before = _count(db_path)
    outcomes = _run(_cli_writer, 8, str(db_path), str(tmp_path), OPERATIONS)
    _assert_one_line_or_success(outcomes)
    assert all(code == 0 or BUSY in err for code, err in outcomes)
    assert _count(db_path) - before == sum(1 for code, _ in outcomes if code == 0)
