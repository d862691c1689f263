"""Two offices end to end through the CLI: cards and trust, export, import (idempotent, any order, gaps),
acknowledgements, resend, conflicts on both sides and their resolution, refusals that change nothing."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.helpers.db import register_digest
from tests.helpers.db import digest
from tests.helpers.sync import DISTRICTS, cli, edit, export, import_json, ok, read_org


def _first_org(path: Path) -> str:
    out = ok("--db", path, "org", "list", "--tier", "registered", "--limit", "1", "--json")
    return json.loads(out)[0]["id"]


def test_fingerprint_is_digit_groups_and_changed_key_is_refused_until_trusted_again(pair: dict[str, Path]) -> None:
    folder = pair["dir"]
    out = ok("--db", pair["city"], "office", "list", "--json")
    offices = {o["code"]: o for o in json.loads(out)}
    assert set(offices) == {"511100", "511111"} and offices["511100"]["local"]
    groups = offices["511111"]["fingerprint"].split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)
    # without --yes and without a terminal: an error, never a wait
    code, _, err = cli("--db", pair["city"], "office", "trust", folder / "511102.cdcard")
    assert code == 2 and "--yes" in err
    # 沙湾区 makes new keys (e.g. a reinstalled PC): its packages are refused by the city until trusted again
    fresh = folder / "fresh.sqlite3"
    ok("--db", fresh, "init", "--office-code", "511111", "--office-name", DISTRICTS["511111"], "--level", "district")
    ok("--db", fresh, "office", "card", "-o", folder / "fresh.cdcard")
    ok("--db", fresh, "office", "trust", folder / "511100.cdcard", "--yes")
    files = export(fresh, "511100", folder)
    before = digest(pair["city"])
    code, results = import_json(pair["city"], *files)
    assert code != 0 and results[0]["reason"] == "sync.refused.unknown_key"
    assert digest(pair["city"]) == before
    code, out, err = cli("--db", pair["city"], "office", "trust", folder / "fresh.cdcard", "--yes", "--json")
    assert code == 0 and json.loads(out)["changed_key"] is True and "已更改" in err
    code, results = import_json(pair["city"], *files)
    assert code == 0 and results[0]["status"] == "applied"


def test_export_import_twice_resend_and_acknowledgement(pair: dict[str, Path]) -> None:
    city, district, folder = pair["city"], pair["district"], pair["dir"]
    (first,) = export(district, "511100", folder)
    assert first.name == "CD-511111-e1-1-to-511100.cdsync"
    code, results = import_json(city, first)
    assert code == 0 and results[0]["status"] == "applied" and results[0]["counts"]["inserted"] > 1000
    assert register_digest(city) == register_digest(district)
    after = digest(city)
    code, results = import_json(city, first, first)
    assert code == 0 and [r["status"] for r in results] == ["already_imported", "already_imported"]
    assert digest(city) == after
    # resend: the very same bytes
    resent = folder / "resent.cdsync"
    ok("--db", district, "sync", "resend", "--to", "511100", "--seq", "1", "-o", resent)
    assert resent.read_bytes() == first.read_bytes()
    # the city's answer acknowledges package 1; the district's status shows it
    (answer,) = export(city, "511111", folder)
    assert import_json(district, answer)[0] == 0
    status = json.loads(ok("--db", district, "sync", "status", "--json"))
    (city_status,) = status["offices"]
    assert city_status["acknowledged"] == {"epoch": 1, "seq": 1} and city_status["unacknowledged"] == []
    assert city_status["received"]["seq"] == 1


def test_gap_parks_then_applies_in_any_order(pair_up: dict[str, Path], sync_templates: Path,
                                             first_package: tuple[Path, bytes]) -> None:
    import shutil

    # 沙湾区 after its first package (made once per session), and the city before it came
    district, folder = pair_up["district"], pair_up["dir"]
    city = folder / "city_before.sqlite3"
    shutil.copyfile(sync_templates / "511100.sqlite3", city)
    org = _first_org(district)
    files = [folder / "CD-511111-e1-1-to-511100.cdsync"]
    files[0].write_bytes(first_package[1])
    for i in range(3):
        edit(district, org, address=f"四川省乐山市沙湾区测试路{i}号")
        files += export(district, "511100", folder)
    assert [f.name.split("-")[3] for f in files] == ["1", "2", "3", "4"]
    code, results = import_json(city, files[0], files[2], files[3])
    assert code == 0 and [r["status"] for r in results] == ["applied", "parked", "parked"]
    status = json.loads(ok("--db", city, "sync", "status", "--json"))
    assert status["offices"][0]["missing"] == [[2, 2]] and status["offices"][0]["parked"] == [3, 4]
    code, results = import_json(city, files[1])
    assert code == 0 and results[0]["status"] == "applied"
    assert read_org(city, org)["address"] == "四川省乐山市沙湾区测试路2号"
    assert register_digest(city) == register_digest(district)
    status = json.loads(ok("--db", city, "sync", "status", "--json"))
    assert status["offices"][0]["missing"] == [] and status["offices"][0]["parked"] == []


def test_concurrent_edit_is_one_conflict_on_both_sides_and_resolution_converges(
        pair_exchanged: dict[str, Path]) -> None:
    city, district, folder = pair_exchanged["city"], pair_exchanged["district"], pair_exchanged["dir"]
    org = _first_org(district)
    edit(district, org, address="区里改的住所", member_count=77)  # member_count: changed only here
    edit(city, org, address="市里改的住所", contact_name="市里改的联系人")  # contact_name: only there
    up, down = export(district, "511100", folder), export(city, "511111", folder)
    assert import_json(city, *up)[0] == 0 and import_json(district, *down)[0] == 0
    conflicts = {}
    for side in (city, district):
        listed = json.loads(ok("--db", side, "sync", "conflicts", "--json"))
        assert len(listed) == 1
        conflicts[side] = listed[0]
        assert listed[0]["fields"] == ["address"] and listed[0]["resolved_at"] is None
    assert conflicts[city]["id"] == conflicts[district]["id"]
    assert {conflicts[city]["local_values"]["address"], conflicts[city]["remote_values"]["address"]} == {
        "区里改的住所", "市里改的住所"}
    # fields changed on one side only merged; the provisional winner is the same on both sides
    a, b = read_org(city, org), read_org(district, org)
    assert a["member_count"] == b["member_count"] == 77 and a["contact_name"] == b["contact_name"] == "市里改的联系人"
    assert a["address"] == b["address"] and a["version_vector"] == b["version_vector"]
    # a reviewer at the city merges; the next exchange settles it at the district too
    out = ok("--db", city, "sync", "resolve", conflicts[city]["id"][:8], "--take", "merge",
             "--set", "address=四川省乐山市沙湾区核实后的住所", "--json")
    assert json.loads(out)["resolution"]["take"] == "merge"
    code, results = import_json(district, *export(city, "511111", folder))
    assert code == 0 and results[0]["counts"]["resolved"] == 1
    assert read_org(district, org)["address"] == "四川省乐山市沙湾区核实后的住所"
    assert json.loads(ok("--db", district, "sync", "conflicts", "--open", "--json")) == []
    assert json.loads(ok("--db", city, "sync", "conflicts", "--open", "--json")) == []
    assert register_digest(city) == register_digest(district)
    # and nothing comes back as a new conflict
    import_json(city, *export(district, "511100", folder))
    assert register_digest(city) == register_digest(district)
    assert len(json.loads(ok("--db", city, "sync", "conflicts", "--json"))) == 1


def test_tombstone_travels_and_delete_against_edit_is_a_conflict(pair_exchanged: dict[str, Path]) -> None:
    from datetime import datetime

    city, district, folder = pair_exchanged["city"], pair_exchanged["district"], pair_exchanged["dir"]
    org = _first_org(district)
    edit(district, org, deleted_at=datetime(2026, 11, 1), deleted_by="clerk", deleted_reason="重复录入")
    edit(city, org, address="市里改的住所")
    import_json(city, *export(district, "511100", folder))
    import_json(district, *export(city, "511111", folder))
    for side in (city, district):
        (conflict,) = json.loads(ok("--db", side, "sync", "conflicts", "--json"))
        assert conflict["kind"] == "delete"
    assert read_org(city, org)["deleted_at"] == read_org(district, org)["deleted_at"]


def test_flipped_byte_misaddressed_and_wrong_passphrase_change_nothing(pair: dict[str, Path],
                                                                      first_package: tuple[Path, bytes],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    city, other, folder = pair["city"], pair["other"], pair["dir"]
    first = folder / "CD-511111-e1-1-to-511100.cdsync"  # 沙湾区's first package to the city, made once
    first.write_bytes(first_package[1])
    data = bytearray(first.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = folder / "flipped.cdsync"
    bad.write_bytes(bytes(data))
    before = digest(city)
    code, results = import_json(city, bad)
    assert code == 2 and results[0]["status"] == "refused" and results[0]["reason"].startswith("sync.refused.")
    assert digest(city) == before
    # replayed to another office that trusts the sender
    before_other = digest(other)
    code, results = import_json(other, first)
    assert code == 2 and results[0]["reason"] == "sync.refused.not_for_us"
    assert digest(other) == before_other
    # the command in this process (a real one: tests/integration), its input no terminal: never a prompt
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setenv("CIVICDESK_KEY_PASSPHRASE", "wrong-passphrase")
    code, _, err = cli("--db", city, "sync", "import", first)
    assert code == 2 and "口令" in err and len(err.strip().splitlines()) == 1
    monkeypatch.delenv("CIVICDESK_KEY_PASSPHRASE")
    code, _, err = cli("--db", city, "sync", "import", first)
    assert code == 2 and "CIVICDESK_KEY_PASSPHRASE" in err and len(err.strip().splitlines()) == 1
    assert digest(city) == before


def test_change_log_written_by_orm_edits_not_by_imports(pair_up: dict[str, Path]) -> None:
    import sqlite3

    # the city has imported 沙湾区's first (full) package: that import logged nothing
    city, district, folder = pair_up["city"], pair_up["district"], pair_up["dir"]
    assert sqlite3.connect(city).execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    org = _first_org(district)
    # the demo's bulk load is in the change log too (services/core/bulk.py): count what the edit adds
    (logged,) = sqlite3.connect(district).execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()
    edit(district, org, address="新住所")
    rows = sqlite3.connect(district).execute("SELECT entity, row_id, op, fields, vector_after FROM change_log "
                                             "WHERE id > ?", (logged,)).fetchall()
    assert len(rows) == 1 and rows[0][:3] == ("organization", org, "update")
    assert json.loads(rows[0][3])["address"][1] == "新住所" and json.loads(rows[0][4]) == {"511111": 2}
    import_json(city, *export(district, "511100", folder))
    assert sqlite3.connect(city).execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    assert read_org(city, org)["version_vector"] == {"511111": 2}


def test_reused_sequence_number_is_quarantined(pair: dict[str, Path]) -> None:
    """A district restored from a backup without raising its epoch sends package 1 again with other content:
    the city keeps the file aside and refuses it; after ``sync new-epoch`` the stream starts afresh."""
    import shutil
    import sqlite3

    city, district, folder = pair["city"], pair["district"], pair["dir"]
    backup = folder / "backup.sqlite3"
    shutil.copyfile(district, backup)
    (first,) = export(district, "511100", folder)
    import_json(city, first)
    for suffix in ("-wal", "-shm"):  # closed databases leave none; be sure before copying over the file
        Path(f"{district}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, district)
    edit(district, _first_org(district), address="恢复后改的住所")
    (again,) = export(district, "511100", _sub(folder, "after_restore"))
    assert again.name == first.name and again.read_bytes() != first.read_bytes()
    code, results = import_json(city, again)
    assert code == 2 and results[0]["reason"] == "sync.refused.seq_reused"
    assert sqlite3.connect(city).execute("SELECT count(*) FROM sync_quarantine").fetchone()[0] == 1
    assert json.loads(ok("--db", city, "sync", "status", "--json"))["quarantined"] == 1
    ok("--db", district, "sync", "new-epoch")
    (fresh,) = export(district, "511100", folder)
    assert fresh.name == "CD-511111-e2-1-to-511100.cdsync"
    code, results = import_json(city, fresh)
    assert code == 0 and results[0]["status"] == "applied"


def _sub(folder: Path, name: str) -> Path:
    path = folder / name
    path.mkdir(exist_ok=True)
    return path


def test_large_export_splits_into_consecutive_packages(pair: dict[str, Path], monkeypatch) -> None:
    from civicdesk.services.sync import outgoing

    monkeypatch.setattr(outgoing, "SPLIT_BYTES", 40_000)
    city, district, folder = pair["city"], pair["district"], pair["dir"]
    files = export(district, "511100", folder)
    assert len(files) >= 3
    assert [f.name for f in files] == [f"CD-511111-e1-{n}-to-511100.cdsync" for n in range(1, len(files) + 1)]
    code, results = import_json(city, *reversed(files))
    assert code == 0 and {r["status"] for r in results} == {"applied"}
    assert register_digest(city) == register_digest(district)
