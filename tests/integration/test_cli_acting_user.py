"""Commands that change, export, import or print data act as a logged-in user once accounts exist, and the
audit trail says who did what; without the right role the service refuses them and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from tests.helpers.cli import run
from tests.helpers.db import digest


@pytest.fixture
def office(shawan_db_path: Path) -> Path:
    db = open_database(shawan_db_path)
    try:
        admin = auth.create_user(db, "admin", "admin123x", "admin")
        auth.create_user(db, "wang", "clerk123x", "clerk", by=admin)
    finally:
        db.close()
    return shawan_db_path


def entries(path: Path, action: str) -> list[audit.AuditRecord]:
    db = open_database(path)
    try:
        return audit.entries(db, action=action, by=auth.get_user(db, "admin"))
    finally:
        db.close()


def test_print_needs_a_login_and_is_audited(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.pdf"
    monkeypatch.delenv("CIVICDESK_USER", raising=False)
    code, _, err = run(capsys, "--db", str(office), "print", "register", "-o", str(target))
    assert code == 2 and "需要登录" in err and not target.exists()
    monkeypatch.setenv("CIVICDESK_PASSWORD", "clerk123x")
    code, _, err = run(capsys, "--db", str(office), "--user", "wang", "print", "register", "-o", str(target),
                       "--reveal-ids")
    assert code == 2 and "无权查看完整身份证号码" in err and not target.exists()
    code, _, err = run(capsys, "--db", str(office), "--user", "wang", "print", "register", "-o", str(target))
    assert code == 0, err and target.exists()
    printed = entries(office, "print.register")
    assert [(e.actor, e.details["file"], e.details["public"]) for e in printed] == [("wang", "r.pdf", False)]
    assert printed[0].details["pages"] > 1


def test_legacy_entry_and_demo_are_for_admins(office: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICDESK_PASSWORD", "clerk123x")
    before = digest(office, without=("audit_entry", "user_account"))  # the login itself is audited
    trail = len(entries(office, ""))
    code, _, err = run(capsys, "--db", str(office), "--user", "wang", "demo")
    assert code == 2 and "无权直接录入历史档案" in err
    assert digest(office, without=("audit_entry", "user_account")) == before
    written = entries(office, "")[:len(entries(office, "")) - trail]  # the login and nothing else
    assert sorted((e.action, e.entity) for e in written) == [("auth.login", "user_account"),
                                                              ("data.update", "user_account")]


def test_init_makes_the_sync_keys_when_given_a_passphrase(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    db = str(tmp_path / "k.sqlite3")
    monkeypatch.setenv("CIVICDESK_KEY_PASSPHRASE", "secretpass1")
    code, _, err = run(capsys, "--db", db, "init", "--office-code", "511111", "--office-name", "乐山市沙湾区民政局",
                       "--level", "district")
    assert code == 0, err
    code, out, err = run(capsys, "--db", db, "office", "list", "--json")
    local = [o for o in json.loads(out) if o["local"]]
    assert code == 0 and len(local) == 1 and local[0]["sign_key_id"] and len(local[0]["fingerprint"].split()) >= 4
