"""User accounts: Argon2id hashes, rehash on login, lock-out, disabled accounts, roles."""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from civicdesk.errors import CivicDeskError, InputError
from civicdesk.models.base import utcnow
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database


@pytest.fixture
def admin(db: Database) -> auth.UserInfo:
    return auth.create_user(db, "admin", "admin123x", "admin", full_name="管理员甲")


def stored_hash(db_path: Path, username: str) -> str:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT password_hash FROM user_account WHERE username=?", (username,)).fetchone()[0]


def test_password_is_stored_as_argon2id(db: Database, db_path: Path, admin: auth.UserInfo) -> None:
    value = stored_hash(db_path, "admin")
    assert value.startswith("$argon2id$") and "admin123x" not in value
    assert auth.authenticate(db, "admin", "admin123x").role == "admin"
    # the audit trail records the new account without its hash
    entry = audit.entries(db, action="data.insert", by=admin)[0]
    assert entry.entity == "user_account" and entry.details["fields"]["password_hash"]["new"] == "***"


def test_rehash_on_login_when_parameters_change(db: Database, db_path: Path, admin: auth.UserInfo) -> None:
    old = stored_hash(db_path, "admin")
    auth.authenticate(db, "admin", "admin123x")
    assert stored_hash(db_path, "admin") == old  # same parameters: left alone
    auth.HASH_PARAMETERS.update(time_cost=2, memory_cost=2048)
    auth.authenticate(db, "admin", "admin123x")
    new = stored_hash(db_path, "admin")
    assert new != old and "m=2048,t=2" in new
    assert auth.authenticate(db, "admin", "admin123x").username == "admin"


# 50 attempts (the near misses and random ones, past several lock-outs) in the default run; 1,000 with -m slow
@pytest.mark.parametrize("count", [50, pytest.param(1000, marks=pytest.mark.slow)])
def test_wrong_passwords_accepted_zero_times(db: Database, admin: auth.UserInfo, count: int) -> None:
    auditor = auth.create_user(db, "auditor", "audit123x", "admin", by=admin)  # reads the trail: not locked
    rng = random.Random(20261128)
    right = "admin123x"
    near = [right.upper(), right + " ", " " + right, right[:-1], right[1:], right + "x", "admin123X", "",
            right.replace("1", "l"), "admin123x\n", "ａｄｍｉｎ１２３ｘ"]
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789!@#中文密码 "
    attempts = near + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
                       for _ in range(count - len(near))]
    accepted = 0
    now = utcnow()
    for i, attempt in enumerate(attempts):
        # step past any lock, so that every attempt is really checked against the hash
        now += timedelta(minutes=auth.LOCK_MINUTES + 1) if i % auth.MAX_FAILURES == 0 else timedelta(seconds=1)
        try:
            auth.authenticate(db, "admin", attempt, now=now)
            accepted += 1
        except CivicDeskError as exc:
            assert exc.code in ("auth.failed", "auth.locked")
    assert accepted == 0
    assert len(audit.entries(db, action="auth.login_failed", limit=2 * count, by=auditor)) == count
    assert auth.authenticate(db, "admin", right, now=now + timedelta(hours=1)).username == "admin"


def test_lock_out_after_five_failures(db: Database, admin: auth.UserInfo) -> None:
    auditor = auth.create_user(db, "auditor", "audit123x", "admin", by=admin)  # reads the trail: not locked
    now = utcnow()
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(CivicDeskError) as err:
            auth.authenticate(db, "admin", "wrong", now=now)
        assert err.value.code == "auth.failed"
    with pytest.raises(CivicDeskError) as err:  # even the right password, while locked
        auth.authenticate(db, "admin", "admin123x", now=now + timedelta(minutes=1))
    assert err.value.code == "auth.locked"
    assert auth.authenticate(db, "admin", "admin123x", now=now + timedelta(minutes=16)).username == "admin"
    reasons = [e.details["reason"] for e in audit.entries(db, action="auth.login_failed", by=auditor)]
    assert reasons[:2] == ["locked", "wrong_password_locked"]


def test_unknown_user_and_wrong_password_look_the_same(db: Database, admin: auth.UserInfo) -> None:
    messages = []
    for name in ("admin", "nobody"):
        with pytest.raises(CivicDeskError) as err:
            auth.authenticate(db, name, "wrong-password-1")
        messages.append(err.value.message("zh"))
    assert messages[0] == messages[1] == "用户名或密码错误。"


def test_admin_disables_never_deletes(db: Database, admin: auth.UserInfo) -> None:
    clerk = auth.create_user(db, "wang", "clerk123x", "clerk", by=admin)
    assert auth.set_active(db, "wang", False, by=admin).active is False
    with pytest.raises(CivicDeskError) as err:
        auth.authenticate(db, "wang", "clerk123x")
    assert err.value.code == "auth.disabled"
    assert [u.username for u in auth.list_users(db)] == ["admin", "wang"]
    with pytest.raises(CivicDeskError) as err:  # a clerk manages no users
        auth.set_active(db, "admin", False, by=clerk)
    assert err.value.code == "auth.forbidden"
    with pytest.raises(CivicDeskError) as err:
        auth.set_active(db, "admin", False, by=admin)
    assert err.value.code == "auth.last_admin"
    assert auth.set_active(db, "wang", True, by=admin).active


def test_first_user_rules_and_bad_input(db: Database, db_path: Path) -> None:
    with pytest.raises(CivicDeskError):
        auth.create_user(db, "wang", "clerk123x", "clerk")  # the first account must be an admin
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    with pytest.raises(CivicDeskError) as err:
        auth.create_user(db, "other", "admin123x", "admin")  # later ones need an admin
    assert err.value.code == "auth.first_admin"
    for name, password, role, code in [("a", "good1234x", "clerk", "auth.username"),
                                       ("zhang", "short1", "clerk", "auth.weak_password"),
                                       ("zhang", "onlyletters", "clerk", "auth.weak_password"),
                                       ("zhang", "good1234x", "boss", "auth.role"),
                                       ("admin", "good1234x", "clerk", "auth.exists")]:
        with pytest.raises(InputError) as err:
            auth.create_user(db, name, password, role, by=admin)
        assert err.value.code == code
    assert [u.username for u in auth.list_users(db)] == ["admin"]


def test_change_password(db: Database, admin: auth.UserInfo) -> None:
    with pytest.raises(CivicDeskError):
        auth.change_password(db, "admin", "wrong", "newpass123")
    auth.change_password(db, "admin", "admin123x", "newpass123")
    with pytest.raises(CivicDeskError):
        auth.authenticate(db, "admin", "admin123x")
    assert auth.authenticate(db, "admin", "newpass123").username == "admin"
