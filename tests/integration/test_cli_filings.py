"""Issue 4 end to end through the command line: accounts, a change filing with four eyes, the audit chain.

The office is made by a real process (the administrator's password on a pipe); the commands then run in this
process through the same ``main`` with the same environment (the login) and a stdin that is no terminal."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from civicdesk.app import main

ROOT = Path(__file__).resolve().parents[2]


def _env(user: str | None, password: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CIVICDESK_") or k == "CIVICDESK_INSECURE_TEST_HASHING"}  # cheap hashes stay
    if user:
        env["CIVICDESK_USER"] = user
    if password is not None:
        env["CIVICDESK_PASSWORD"] = password
    return env


def cli_process(db: Path, *args: str, user: str | None = None, password: str | None = None,
                stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real command line: a process, its stdin a pipe (no terminal), the login from its environment."""
    env = _env(user, password)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "civicdesk.app", "--db", str(db), *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def cli(db: Path, *args: str, user: str | None = None, password: str | None = None,
        stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The same command in this process (``civicdesk.app.main``), with the same environment and a stdin that is
    no terminal: as :func:`cli_process` without a process's start-up (about a second each)."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for key in [k for k in os.environ if k.startswith("CIVICDESK_")]:
            patch.delenv(key)
        for key, value in _env(user, password).items():
            patch.setenv(key, value)
        patch.setattr(sys, "stdin", io.StringIO(stdin))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--db", str(db), *args])
            except SystemExit as exit_:  # argparse's usage errors
                code = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def office_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli4") / "shawan.sqlite3"
    done = cli_process(db, "init", "--office-code", "511111", "--office-name", "乐山市沙湾区民政局",
                       "--level", "district", "--admin", "admin", stdin="admin123x\nadmin123x\n")
    assert done.returncode == 0, done.stderr
    assert cli(db, "demo").returncode != 0  # accounts exist: changing data needs a login
    assert cli(db, "demo", user="admin", password="admin123x").returncode == 0
    for name, role, password in (("wang", "clerk", "clerk123x"), ("li", "reviewer", "review123")):
        done = cli(db, "user", "add", name, "--role", role, user="admin", password="admin123x",
                   stdin=f"{password}\n{password}\n")
        assert done.returncode == 0, done.stderr
    return db


def test_change_of_legal_representative_with_four_eyes(office_db: Path, tmp_path: Path) -> None:
    db = office_db
    listed = json.loads(cli(db, "org", "list", "--tier", "registered", "--limit", "1", "--json").stdout)
    org_id = listed[0]["id"]
    old_rep = json.loads(cli(db, "org", "show", org_id, "--json").stdout)["legal_rep_name"]
    request = tmp_path / "change.json"
    request.write_text(json.dumps({"organization_id": org_id, "changes": {"legal_rep_name": "赵新民"},
                                   "applicant": old_rep}, ensure_ascii=False), encoding="utf-8")

    done = cli(db, "filing", "new", "--kind", "change", "--json-file", str(request), "--json")
    assert done.returncode == 2 and "需要登录" in done.stderr
    done = cli(db, "filing", "new", "--kind", "change", "--json-file", str(request), "--submit", "--json",
               user="wang", password="clerk123x")
    assert done.returncode == 0, done.stderr
    filing = json.loads(done.stdout)
    assert filing["state"] == "submitted" and filing["diff"][0]["old"] == old_rep and filing["id"]

    done = cli(db, "filing", "approve", filing["id"], user="wang", password="clerk123x")
    assert done.returncode == 2 and "无权审查" in done.stderr
    done = cli(db, "filing", "approve", filing["id"], user="li", password="wrong-pass1")
    assert done.returncode == 2 and "用户名或密码错误" in done.stderr
    assert json.loads(cli(db, "org", "show", org_id, "--json").stdout)["legal_rep_name"] == old_rep

    done = cli(db, "filing", "approve", filing["number"], "--document-no", "沙民函〔2026〕9号", "--json",
               user="li", password="review123")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["state"] == "approved"
    shown = json.loads(cli(db, "org", "show", org_id, "--json").stdout)
    assert shown["legal_rep_name"] == "赵新民"
    assert {"field": "legal_rep_name", "old_value": old_rep,
            "new_value": "赵新民"}.items() <= shown["history"][-1].items()
    listed = json.loads(cli(db, "filing", "list", "--state", "approved", "--json").stdout)
    assert [f["number"] for f in listed] == [filing["number"]]

    done = cli(db, "audit", "list", "--action", "filing.refused", "--json", user="admin", password="admin123x")
    refused = json.loads(done.stdout)
    assert [(r["actor"], r["details"]["error"]) for r in refused] == [("wang", "auth.forbidden")]
    done = cli(db, "audit", "list", "--action", "auth.login_failed", "--json", user="admin", password="admin123x")
    assert [r["details"]["reason"] for r in json.loads(done.stdout)] == ["wrong_password"]

    done = cli(db, "audit", "verify", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["ok"]
    # someone edits a row of the audit table by hand
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER audit_entry_no_update")
    conn.execute("UPDATE audit_entry SET actor = 'admin' WHERE action = 'filing.refused'")
    seq = conn.execute("SELECT seq FROM audit_entry WHERE action = 'filing.refused'").fetchone()[0]
    conn.commit()
    conn.close()
    done = cli(db, "audit", "verify")
    assert done.returncode == 3
    assert f"审计记录第 {seq} 条内容被改动" in done.stderr


def test_password_prompts_fail_cleanly_without_terminal(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    done = cli(db, "init", "--office-code", "511111", "--office-name", "乐山市沙湾区民政局", "--level", "district",
               "--admin", "admin", stdin="admin123x\nadmin123y\n")
    assert done.returncode == 2 and "两次输入的密码不一致" in done.stderr
    assert not db.exists() or cli(db, "user", "list", "--json").stdout.strip() in ("[]", "")
    done = cli(db, "init", "--office-code", "511111", "--office-name", "乐山市沙湾区民政局", "--level", "district",
               "--admin", "admin", stdin="short\nshort\n")
    assert done.returncode == 2 and "密码太弱" in done.stderr
