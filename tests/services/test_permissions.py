"""One permission model: every service that changes, exports, imports, prints or reveals data checks the acting
user itself (``auth.require``).  Each one is called here by a user without the right, by a user disabled after
logging in, and by nobody on a database with accounts: each refusal is a CivicDeskError (``auth.forbidden`` or
``auth.required``) and the database is unchanged.  The account is read again at every check, so a role changed
after the login is the one that counts."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models.audit import SYSTEM_ACTOR
from civicdesk.services import ledger
from civicdesk.services.admin import audit, auth, demo
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.filings import service as filings
from civicdesk.services.printing import kinds, print_document
from civicdesk.services.register import organizations
from civicdesk.services.sync import keys, own_card
from civicdesk.services.sync import conflicts, incoming, outgoing, streams
from tests.helpers.db import digest
from tests.factories import social_group
from tests.helpers.sync import PASSPHRASE

PASSWORD = "secret123x"
#: the accounts of both offices: (name, role); ``gone`` is an administrator disabled after logging in
ACCOUNTS = (("boss", "admin"), ("li", "reviewer"), ("wang", "clerk"), ("gone", "admin"))


@dataclass
class Offices:
    folder: Path
    users: dict[str, dict[str, auth.UserInfo]]  # database file name -> account -> as it logged in


@pytest.fixture(scope="module")
def offices(sync_templates: Path, first_package: tuple[Path, bytes],
            tmp_path_factory: pytest.TempPathFactory) -> Offices:
    """沙湾区 (demo register, keys, trusts the city) and the city, both with accounts, every account logged in
    and then ``gone`` disabled by an administrator (its session stays open); a package from 沙湾区 to the city,
    a ledger template and the card of a third office beside them.  Each test works on copies."""
    folder = tmp_path_factory.mktemp("permissions")
    users: dict[str, dict[str, auth.UserInfo]] = {}
    for name in ("511111.sqlite3", "511100.sqlite3", "511102.cdcard"):
        shutil.copyfile(sync_templates / name, folder / name)
    (folder / "package.cdsync").write_bytes(first_package[1])
    for name in ("511111.sqlite3", "511100.sqlite3"):
        db = open_database(folder / name)
        try:
            admin = auth.create_user(db, "boss", PASSWORD, "admin")
            for username, role in ACCOUNTS[1:]:
                auth.create_user(db, username, PASSWORD, role, by=admin)
            if name == "511111.sqlite3":
                ledger.write_template(db, folder / "台账.xlsx")
            users[name] = {username: auth.authenticate(db, username, PASSWORD) for username, _ in ACCOUNTS}
            auth.set_active(db, "gone", False, by=users[name]["boss"])
        finally:
            db.close()
        conn = sqlite3.connect(folder / name)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    return Offices(folder, users)


@dataclass
class Office:
    db: Database
    path: Path
    folder: Path
    users: dict[str, auth.UserInfo]  # as each logged in, before ``gone`` was disabled


@pytest.fixture
def office(offices: Offices, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """A fresh copy of the office a case names (``district`` or ``city``), logged in as every account."""
    for p in offices.folder.iterdir():
        shutil.copyfile(p, tmp_path / p.name)
    path = tmp_path / ("511100.sqlite3" if getattr(request, "param", "district") == "city" else "511111.sqlite3")
    db = open_database(path)
    yield Office(db, path, tmp_path, offices.users[path.name])
    db.close()


Call = Callable[[Office, "auth.UserInfo | None"], Any]


def _packages(o: Office) -> list[Path]:
    return [o.folder / "package.cdsync"]


#: (name, the right it needs, office, the call, the audit action of its refusal when the service audits them itself)
CASES: list[tuple[str, str, str, Call, str | bool]] = [
    ("sync export", "sync", "district", lambda o, by: outgoing.export(o.db, "511100", PASSPHRASE, by=by), False),
    ("sync resend", "sync", "district", lambda o, by: outgoing.resend(o.db, "511100", 1, by=by), False),
    ("sync unacknowledged", "sync", "district", lambda o, by: outgoing.unacknowledged(o.db, "511100", by=by), False),
    ("sync new epoch", "sync", "district", lambda o, by: streams.new_epoch(o.db, by=by), False),
    ("sync import", "sync", "city", lambda o, by: incoming.import_files(o.db, _packages(o), PASSPHRASE, by=by), False),
    ("sync import blobs", "sync", "city",
     lambda o, by: incoming.import_blobs(o.db, [("p", _packages(o)[0].read_bytes())], PASSPHRASE, by=by), False),
    ("sync conflicts revealed", "reveal_ids", "district",
     lambda o, by: conflicts.list_conflicts(o.db, reveal=True, by=by), False),
    ("sync resolve", "conflict.resolve", "district",
     lambda o, by: conflicts.resolve_conflict(o.db, "0" * 32, "local", by=by), False),
    ("trust a card", "office", "district",
     lambda o, by: keys.trust_card(o.db, (o.folder / "511102.cdcard").read_bytes(), by=by), False),
    ("make keys", "sync", "district", lambda o, by: keys.ensure_keys(o.db, PASSPHRASE, by=by), False),
    ("make the office keys", "office", "district",
     lambda o, by: own_card.make_office_keys(o.db, PASSPHRASE, by=by), False),
    ("make the card", "sync", "district", lambda o, by: keys.make_card(o.db, PASSPHRASE, by=by), False),
    ("write the card", "sync", "district",
     lambda o, by: own_card.write_own_card(o.db, PASSPHRASE, o.folder / "own.cdcard", by=by), False),
    ("ledger export", "export", "district",
     lambda o, by: ledger.export_register(o.db, o.folder / "名录.xlsx", by=by), False),
    ("ledger export with ID numbers", "reveal_ids", "district",
     lambda o, by: ledger.export_register(o.db, o.folder / "名录.xlsx", with_id_numbers=True, by=by), False),
    ("ledger import", "import", "district",
     lambda o, by: ledger.import_ledger(o.db, o.folder / "台账.xlsx", by=by), False),
    ("ledger legacy import", "legacy_entry", "district",
     lambda o, by: ledger.import_ledger(o.db, o.folder / "台账.xlsx", legacy=True, by=by), False),
    *[(f"print {kind.name}", "print", "district",
       (lambda name: lambda o, by: print_document(o.db, name, None, o.folder / "p.pdf", by=by))(kind.name),
       "print.refused")
      for kind in kinds()],
    ("print with full ID numbers", "reveal_ids", "district",
     lambda o, by: print_document(o.db, "register", None, o.folder / "p.pdf", reveal_ids=True, by=by),
     "print.refused"),
    ("demo load", "legacy_entry", "district", lambda o, by: demo.load_demo(o.db, by=by), False),
    ("audit read", "audit", "district", lambda o, by: audit.entries(o.db, by=by), False),
    ("user add", "users", "district",
     lambda o, by: auth.create_user(o.db, "new1", PASSWORD, "clerk", by=by), False),
    ("user disable", "users", "district", lambda o, by: auth.set_active(o.db, "li", False, by=by), False),
    ("user role", "users", "district", lambda o, by: auth.set_role(o.db, "li", "admin", by=by), False),
    ("user password reset", "users", "district",
     lambda o, by: auth.reset_password(o.db, "li", "other123x", by=by), False),
    ("organization legacy add", "legacy_entry", "district",
     lambda o, by: organizations.add_organization(o.db, social_group(), by=by), False),
    ("organization revealed", "reveal_ids", "district",
     lambda o, by: organizations.get_organization(o.db, _any_org(o), reveal=True, by=by), False),
    ("filing draft", "filing.draft", "district",
     lambda o, by: filings.draft_filing(o.db, "change", {}, by=by), True),
    ("filing approve", "filing.review", "district",
     lambda o, by: filings.transition(o.db, "F-0", "approve", by=by), True),
    ("filing revealed", "reveal_ids", "district",
     lambda o, by: filings.get_filing(o.db, "F-0", reveal=True, by=by), False),
]


def _any_org(o: Office) -> str:
    conn = sqlite3.connect(o.path)
    try:
        return str(conn.execute("SELECT id FROM organization ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def _lacking(right: str) -> str | None:
    """An active account whose role lacks ``right`` (None when every role has it)."""
    for name, role in ACCOUNTS[:3]:
        if right not in auth.PERMISSIONS[role]:
            return name
    return None


def _params() -> list[Any]:
    out = []
    for name, right, where, call, audits in CASES:
        who = [w for w in (_lacking(right), "gone", None) if w is not None] + ["nobody"]
        for user in who:
            out.append(pytest.param(where, call, user, audits, id=f"{name}-{user}", marks=()))
    return out


@pytest.mark.parametrize(("office", "call", "user", "audits"), _params(), indirect=["office"])
def test_every_service_refuses_who_may_not_and_writes_nothing(office: Office, call: Call, user: str,
                                                              audits: str | bool) -> None:
    by = None if user == "nobody" else office.users[user]
    # a service that audits its refusals (filings, printing) writes that entry and nothing else
    skip = ("audit_entry",) if audits else ()
    before = digest(office.path, without=skip)
    trail = audit.count(office.db)
    with pytest.raises(CivicDeskError) as refused:
        call(office, by)
    # (adding a user without a login once users exist says why: only an administrator adds them)
    expected = {"auth.required", "auth.first_admin"} if by is None else {"auth.forbidden"}
    assert refused.value.code in expected, refused.value
    assert digest(office.path, without=skip) == before
    if audits:
        written = audit.entries(office.db, limit=audit.count(office.db) - trail, by=office.users["boss"])
        assert [e.action for e in written] == ["filing.refused" if audits is True else audits]
    assert not (office.folder / "p.pdf").exists() and not (office.folder / "名录.xlsx").exists()
    assert not (office.folder / "own.cdcard").exists()


def test_the_cases_cover_every_kind_and_the_allowed_user_passes_the_check(office: Office) -> None:
    """The table is not vacuous: each right has a role that holds it, and for that role the check passes."""
    assert {f"print {k.name}" for k in kinds()} <= {name for name, *_ in CASES}
    for _name, right, *_ in CASES:
        holder = next(name for name, role in ACCOUNTS if right in auth.PERMISSIONS[role])
        assert auth.require(office.db, office.users[holder], right) == holder


def test_the_role_in_the_database_counts_not_the_one_at_login(office: Office) -> None:
    li, wang, boss = office.users["li"], office.users["wang"], office.users["boss"]
    assert li.may("reveal_ids") and not wang.may("reveal_ids")  # as they logged in
    auth.set_role(office.db, "li", "clerk", by=boss)
    auth.set_role(office.db, "wang", "reviewer", by=boss)
    before = digest(office.path)
    with pytest.raises(CivicDeskError) as refused:
        conflicts.list_conflicts(office.db, reveal=True, by=li)  # a reviewer when logged in, a clerk now
    assert refused.value.code == "auth.forbidden" and refused.value.params["user"] == "li"
    assert digest(office.path) == before
    assert conflicts.list_conflicts(office.db, reveal=True, by=wang) == []  # a clerk when logged in, a reviewer now
    revealed = audit.entries(office.db, action="sync.conflicts.reveal", by=boss)
    assert [e.actor for e in revealed] == ["wang"]


def test_a_locked_account_is_refused_until_the_lock_ends(office: Office) -> None:
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(CivicDeskError):
            auth.authenticate(office.db, "li", "wrong")
    with pytest.raises(CivicDeskError) as refused:
        outgoing.export(office.db, "511100", PASSPHRASE, by=office.users["li"])
    assert refused.value.code == "auth.forbidden"


def test_nobody_acts_as_the_system_only_while_there_are_no_accounts(db: Database) -> None:
    assert auth.require(db, None, "users") == SYSTEM_ACTOR
    admin = auth.create_user(db, "boss", PASSWORD, "admin")
    with pytest.raises(CivicDeskError) as refused:
        auth.require(db, None, "print")
    assert refused.value.code == "auth.required"
    assert auth.require(db, admin, "users") == "boss"
