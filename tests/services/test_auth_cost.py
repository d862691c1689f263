"""Argon2id's cost (passwords) and scrypt's (sealed sync keys): the office's parameters by default, the cheapest
only when the test run asks for them by environment (its CLI subprocesses inherit it); one test here works at
the office's real cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from civicdesk.errors import InputError
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.sync import keys

ROOT = Path(__file__).resolve().parents[2]
#: in a fresh process: the parameters ``auth`` starts with for each value of the setting (None: unset); the module
#: is loaded again per value, as a new process would load it (one interpreter start instead of four)
_SHOW = """
import importlib, json, os, sys
from civicdesk.services.admin import auth
from civicdesk.services.sync import keys
found = {}
for value in json.loads(sys.argv[1]):
    os.environ.pop(auth.TEST_HASHING_ENV, None)
    if value is not None:
        os.environ[auth.TEST_HASHING_ENV] = value
    found[str(value)] = [importlib.reload(auth).HASH_PARAMETERS, importlib.reload(keys).SCRYPT]
print(json.dumps(found))
"""


def _parameters(*values: str | None) -> dict[str, list[dict[str, int]]]:
    env = {k: v for k, v in os.environ.items() if k != auth.TEST_HASHING_ENV}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", _SHOW, json.dumps(values)], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_production_parameters_unless_the_test_setting_is_given() -> None:
    assert auth.PRODUCTION_HASH_PARAMETERS == {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}
    assert keys.PRODUCTION_SCRYPT == {"n": 2**14, "r": 8, "p": 1}
    found = _parameters(None, "0", "yes", "1")
    production = [auth.PRODUCTION_HASH_PARAMETERS, keys.PRODUCTION_SCRYPT]
    assert found["None"] == production
    assert found["0"] == production
    assert found["yes"] == production  # only "1" turns it on
    assert found["1"] == [auth.TEST_HASH_PARAMETERS, keys.TEST_SCRYPT]
    assert os.environ.get(auth.TEST_HASHING_ENV) == "1"  # this run (tests/conftest.py) asks for cheap hashes


def test_login_at_the_office_cost_and_cheap_hashes_are_raised_to_it(db: Database) -> None:
    """The one test at the real cost: a password stored cheaply (by a test run, or an old version) is hashed
    again at the office's parameters at its first login."""
    cheap = auth.create_user(db, "admin", "admin123x", "admin")
    auth.HASH_PARAMETERS.clear()
    auth.HASH_PARAMETERS.update(auth.PRODUCTION_HASH_PARAMETERS)  # the autouse fixture restores the cheap ones
    assert auth.authenticate(db, "admin", "admin123x").username == cheap.username
    with db.read() as session:
        from civicdesk.models.accounts import UserAccount

        stored = session.query(UserAccount.password_hash).filter_by(username="admin").scalar()
    assert stored.startswith("$argon2id$") and "m=65536,t=3,p=2" in stored
    auth.create_user(db, "wang", "clerk123x", "clerk", by=cheap)
    assert auth.authenticate(db, "wang", "clerk123x").role == "clerk"


def test_keys_sealed_at_the_office_cost_open_with_their_stored_parameters(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one sync-key test at the real cost: keys sealed at the office's scrypt parameters store them, and
    unlock by them in a run that seals cheaply (and not with a wrong passphrase)."""
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    monkeypatch.setattr(keys, "SCRYPT", dict(keys.PRODUCTION_SCRYPT))
    keys.ensure_keys(db, "a long passphrase", by=admin)
    monkeypatch.setattr(keys, "SCRYPT", dict(keys.TEST_SCRYPT))
    monkeypatch.setattr(keys, "_UNLOCKED", {})
    with db.read() as session:
        sign, _ = keys.public_keys(session)
        assert {k: sign.kdf[k] for k in ("n", "r", "p")} == keys.PRODUCTION_SCRYPT
        assert keys.signing_key(session, "a long passphrase")[0] == sign.key_id
        with pytest.raises(InputError):
            keys.signing_key(session, "another passphrase")
