"""Format 2 of the payload: an upsert's fields as plain values, the sender's pinyin carried with organizations
(the recipient does not compute it again); packages of format 1 are still read; bad derived values refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from civicdesk.models.migrate import known_revisions
from civicdesk.models.sync import SyncPeer
from civicdesk.services.register import search
from civicdesk.services.core.database import open_database
from civicdesk.services.sync import keys as keyring
from civicdesk.services.sync import package as pkg
from civicdesk.services.sync import outgoing
from tests.helpers.db import digest
from tests.helpers.sync import PASSPHRASE, edit
from tests.sync.test_sync_hostile import Forger, _change, _one, _refusals


def _opened_payload(city: Path, data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The manifest and the decrypted (not yet decoded) payload of a package addressed to the city."""
    db = open_database(city)
    try:
        with db.read() as session:
            signers = {p.sign_key_id: (p.office_code, p.sign_public) for p in session.scalars(select(SyncPeer))}
            key_ids = keyring.encryption_key_ids(session)
            private = keyring.decryption_keys(session, PASSPHRASE)
        opened = pkg.open_package(data, lookup_signer=signers.get, local_office="511100", local_key_ids=key_ids,
                                  known_schemas=known_revisions())
        return opened.manifest, pkg.decrypt_payload(opened, private)
    finally:
        db.close()


def _pinyin(path: Path) -> dict[str, tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(
            "SELECT id, name, name_pinyin, name_initials FROM organization WHERE deleted_at IS NULL")}


def test_full_package_carries_the_pinyin_and_the_city_uses_it(pair: dict[str, Path], first_package: tuple[Path, bytes],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder, data = first_package
    manifest, payload = _opened_payload(pair["city"], data)
    assert manifest["format_version"] == [2, 0]
    district = _pinyin(folder / "511111.sqlite3")
    orgs = [c for c in payload["changes"] if c["entity"] == "organization"]
    assert len(orgs) == len(district) > 500
    for change in orgs:
        assert change["op"] == "upsert" and isinstance(change["fields"]["name"], str)  # a value, not [old, new]
        assert (change["derived"]["name_pinyin"], change["derived"]["name_initials"]) == district[change["id"]][1:]
    assert all(c["derived"] is None for c in payload["changes"] if c["entity"] != "organization")

    def not_again(name: str) -> tuple[str, str]:
        raise AssertionError(f"pinyin computed again for {name}")

    monkeypatch.setattr(search, "pinyin", not_again)
    results = _refusals(pair["city"], [("first.cdsync", data)])
    assert [r.status for r in results] == ["applied"]
    assert _pinyin(pair["city"]) == district
    monkeypatch.undo()
    db = open_database(pair["city"])
    try:
        some = next(iter(district.values()))
        with db.read() as session:
            assert search.count_live(session, some[2][:4]) or search.count_live(session, some[1][:2])
    finally:
        db.close()


def test_logged_inserts_carry_the_pinyin_only_while_the_name_is_unchanged(pair: dict[str, Path]) -> None:
    district = pair["district"]
    rows = _pinyin(district)
    renamed = sorted(rows)[0]
    edit(district, renamed, name="沙湾区改名后的协会")
    db = open_database(district)
    try:
        with db.read() as session:
            peer = session.scalars(select(SyncPeer).where(SyncPeer.office_code == "511100")).one()
            changes = outgoing.logged_changes(session, peer)
    finally:
        db.close()
    inserts = {c["id"]: c for c in changes if c["entity"] == "organization" and c["op"] == "insert"}
    assert len(inserts) == len(rows)
    for org_id, change in inserts.items():
        if org_id == renamed:
            assert change["derived"] is None  # the name inserted is no longer the row's: the recipient computes
        else:
            assert (change["derived"]["name_pinyin"], change["derived"]["name_initials"]) == rows[org_id][1:]
    update = [c for c in changes if c["id"] == renamed and c["op"] == "update"]
    assert update and update[0]["derived"] is None


def test_a_package_of_format_1_is_still_read(pair: dict[str, Path], first_package: tuple[Path, bytes]) -> None:
    folder, data = first_package
    manifest, payload = _opened_payload(pair["city"], data)
    old = {"changes": [], "divisions": payload["divisions"]}
    for change in payload["changes"]:
        change = {k: v for k, v in change.items() if k != "derived"}
        change["fields"] = {name: [None, value] for name, value in change["fields"].items()}
        old["changes"].append(change)
    forger = Forger(folder / "511111.sqlite3", pair["city"], data)
    forger.manifest = dict(forger.manifest, format_version=[1, 0])
    results = _refusals(pair["city"], [("format1.cdsync", forger.with_payload(old))])
    assert [r.status for r in results] == ["applied"], results
    city, district = _pinyin(pair["city"]), _pinyin(folder / "511111.sqlite3")
    assert city == district  # computed here, the same as the sender's
    assert all(search.pinyin(name) == (full, initials) for name, full, initials in city.values())


@pytest.mark.parametrize("derived", [
    {"name_pinyin": 1, "name_initials": "x"},
    {"name_pinyin": "x"},
    {"name_pinyin": "x", "name_initials": "x", "seq": "1"},
    {"name_pinyin": "x" * 601, "name_initials": "x"},
    "shawan",
])
def test_bad_derived_values_are_refused(pair: dict[str, Path], first_package: tuple[Path, bytes], derived: Any) -> None:
    folder, data = first_package
    forger = Forger(folder / "511111.sqlite3", pair["city"], data)
    before = digest(pair["city"])
    results = _refusals(pair["city"], [("bad.cdsync", forger.with_payload(_one(_change(derived=derived))))])
    assert [r.status for r in results] == ["refused"]
    assert results[0].reason == "sync.refused.payload" and "derived" in results[0].message
    assert digest(pair["city"]) == before
