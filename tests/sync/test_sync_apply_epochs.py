"""Applying across a sender's epochs, and provisional winners (SYNC.md, import step 5).

A district raises its epoch after a restore from a backup; a package of its old epoch still in the mail may
reach the city after the first one of its new epoch.  The new one builds on the old one: it waits, parked,
and the acknowledgement names the old stream so that the district resends it; then both apply, nothing is
skipped as "older" and no conflict is invented.  And a field edited on both sides gets the same provisional
value at both offices whatever order the changes arrive in."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from civicdesk.models import Organization
from civicdesk.services.core.database import open_database
from civicdesk.services.sync import streams
from tests.helpers.sync import edit, export, import_json, ok, read_org


def _org(path: Path) -> str:
    db = open_database(path)
    try:
        with db.read() as s:
            return s.scalars(select(Organization.id).where(Organization.tier == "registered")
                             .order_by(Organization.id).limit(1)).one()
    finally:
        db.close()


def _received(path: Path, origin: str) -> dict:
    db = open_database(path)
    try:
        with db.read() as s:
            return streams.received_from(s, origin)  # what the next acknowledgement says
    finally:
        db.close()


def _new_epoch(path: Path) -> None:
    db = open_database(path)
    try:
        streams.new_epoch(db)
    finally:
        db.close()


def test_new_epoch_package_waits_for_the_old_epoch_package_it_builds_on(pair_up: dict[str, Path]) -> None:
    city, district, folder = pair_up["city"], pair_up["district"], pair_up["dir"]
    org = _org(district)
    edit(district, org, member_count=41)  # epoch 1, seq 2: the package is delayed in the mail
    (old,) = export(district, "511100", folder)
    _new_epoch(district)  # as after a restore from a backup taken after that export
    vector = edit(district, org, contact_name="恢复后改的联系人")
    assert "511111~2" in vector and vector["511111"] == 2
    (new,) = export(district, "511100", folder)
    code, results = import_json(city, new)
    assert code == 0 and results[0]["status"] == "parked"
    assert read_org(city, org)["member_count"] != 41
    # the acknowledgement names the old stream: the district resends from there
    assert _received(city, "511111")["epoch"] == 1
    code, results = import_json(city, old)
    assert code == 0 and results[0]["status"] == "applied"
    row = read_org(city, org)
    assert row["member_count"] == 41 and row["contact_name"] == "恢复后改的联系人"
    assert row["version_vector"] == vector
    assert _received(city, "511111") == {"epoch": 2, "seq": 1, "missing": [], "parked": []}
    assert json.loads(ok("--db", city, "sync", "conflicts", "--json")) == []


def test_provisional_winner_is_the_same_at_both_offices_whatever_the_order(pair_exchanged: dict[str, Path]) -> None:
    """Chosen per field by the rank of the write that made each value: before, the district compared the city's
    writes with its own row's vector, which grew with each of them, and kept its value; the city kept its own."""
    city, district, folder = pair_exchanged["city"], pair_exchanged["district"], pair_exchanged["dir"]
    org = _org(district)
    downs, ups = [], []
    for i in range(5):  # the city edits the address five times, each sent at once
        edit(city, org, address=f"市里第{i + 1}次改的住所")
        downs += export(city, "511111", folder)
    for i in range(2):  # meanwhile the district twice
        edit(district, org, address=f"区里第{i + 1}次改的住所")
        ups += export(district, "511100", folder)
    for up in ups:
        assert import_json(city, up)[0] == 0
    for down in downs:
        assert import_json(district, down)[0] == 0
    a, b = read_org(city, org), read_org(district, org)
    assert a["address"] == b["address"] == "市里第5次改的住所"  # the higher-ranked write, at both offices
    assert a["version_vector"] == b["version_vector"]
    for side in (city, district):
        assert {c["row_id"] for c in json.loads(ok("--db", side, "sync", "conflicts", "--open", "--json"))} == {org}
