"""Jurisdiction, identity and values of what arrives (SYNC.md test tables: "a trusted office's signed package
touching rows it does not own", "a card whose code or level changed", "arriving rows with values a clerk could
not enter", "an export to each office").

Every package here is genuinely signed by a trusted office's real key and encrypted for the recipient: the
attack is an insider's, not a forger's.  Each one is refused, naming the first offending row, and the
recipient's database is unchanged (digest of every table).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from civicdesk.models.history import json_value
from civicdesk.models.migrate import head_revision
from civicdesk.services.core.database import open_database
from civicdesk.services.sync import keys as keyring
from civicdesk.services.sync import package as pkg
from civicdesk.services.sync.apply import _columns
from civicdesk.services.sync.incoming import import_blobs
from tests.helpers.db import digest
from tests.helpers.sync import PASSPHRASE, cli, export, import_json, ok

CITY, DISTRICT, OTHER = "511100", "511111", "511102"


# -- a trusted office's package, made by hand -----------------------------------------------------------------------
class Office:
    """Signs packages with an office's real key, encrypted for a recipient's real key."""

    def __init__(self, sender_db: Path, recipient_db: Path) -> None:
        db = open_database(sender_db)
        with db.read() as session:
            self.key_id, self.signer = keyring.signing_key(session, PASSPHRASE)
        self.code = db.office().code
        db.close()
        db = open_database(recipient_db)
        with db.read() as session:
            _, enc = keyring.public_keys(session)
            self.recipient_key_id, self.recipient_public = enc.key_id, enc.public_key
        self.recipient = db.office().code
        db.close()

    def package(self, changes: list[dict[str, Any]], divisions: list[dict[str, Any]] | None = None, *,
                seq: int = 1, previous: str | None = None) -> bytes:
        manifest = {
            "format": pkg.FORMAT, "format_version": list(pkg.FORMAT_VERSION), "kind": "data",
            "package_id": str(uuid.uuid4()), "created_at": "2026-11-28T10:00:00",
            "sender": {"office": self.code, "key_id": self.key_id},
            "recipient": {"office": self.recipient, "key_id": self.recipient_key_id},
            "stream": {"epoch": 1, "seq": seq, "previous_sha256": previous},
            "changes": {"from": None, "to": None, "full": False, "count": len(changes)},
            "acks": {"epoch": 0, "seq": 0, "missing": []},
            "schema": head_revision(), "app": "test", "audit_head": None,
            "algorithms": {"signature": pkg.SUITE_NAMES["signature"], "hash": pkg.SUITE_NAMES["hash"]},
        }
        return pkg.build(manifest=manifest, payload={"changes": changes, "divisions": divisions or []},
                         signer=self.signer, signer_key_id=self.key_id, recipient_public=self.recipient_public)


def change(entity: str, row_id: str, op: str, fields: dict[str, Any], *, by: str = DISTRICT,
           before: dict[str, int] | None = None) -> dict[str, Any]:
    """A change in the wire form (format 2): an update's fields as [old, new], an upsert's as plain values."""
    after = {by: 99}
    if before:
        after = {**before, by: before.get(by, 0) + 1}
    if op != "upsert":
        fields = {k: v if isinstance(v, list) else [None, v] for k, v in fields.items()}
    return {"log": None, "entity": entity, "id": row_id, "op": op, "fields": fields, "before": before,
            "after": after, "author": None, "derived": None}


def rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def org_row(path: Path, org_id: str) -> dict[str, Any]:
    """A stored organization as an upsert's fields (every synced column, JSON values)."""
    from sqlalchemy import select

    from civicdesk.models import Organization

    db = open_database(path)
    try:
        with db.read() as session:
            row = session.execute(select(Organization.__table__).where(Organization.id == org_id)).one()._mapping
            return {k: json_value(row[k]) for k in _columns("organization")}
    finally:
        db.close()


def refused(path: Path, data: bytes) -> Any:
    db = open_database(path)
    try:
        (result,) = import_blobs(db, [("attack.cdsync", data)], PASSPHRASE)
    finally:
        db.close()
    return result


def _copy_world(template: Path, folder: Path) -> tuple[Path, Path]:
    import shutil

    for p in template.iterdir():
        if p.is_file():
            shutil.copyfile(p, folder / p.name)
    return folder / f"{CITY}.sqlite3", folder / f"{DISTRICT}.sqlite3"


@pytest.fixture(scope="module")
def world_known(jurisdiction_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What every test's copy of the world holds alike, read once from a copy of it: 沙湾区's key (signing for the
    city's) and the rows the tests aim at."""
    city, district = _copy_world(jurisdiction_template, tmp_path_factory.mktemp("world"))
    (first_sha,) = rows(city, "SELECT sha256 FROM sync_inbox WHERE origin = ? AND seq = 1", DISTRICT)
    (city_org,) = rows(city, "SELECT id FROM organization WHERE registry_code = ? AND division_code = ? LIMIT 1",
                       CITY, DISTRICT)
    (other_org,) = rows(city, "SELECT id FROM organization WHERE registry_code = ?", OTHER)
    (own_org,) = rows(city, "SELECT id FROM organization WHERE registry_code = ? AND tier = 'registered' "
                            "ORDER BY id LIMIT 1", DISTRICT)
    return {"up": Office(district, city), "previous": first_sha[0], "city_org": city_org[0],
            "other_org": other_org[0], "own_org": own_org[0]}


@pytest.fixture
def world(jurisdiction_template: Path, world_known: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    city, district = _copy_world(jurisdiction_template, tmp_path)
    return {"dir": tmp_path, "city": city, "district": district, "other_db": tmp_path / f"{OTHER}.sqlite3",
            **world_known}


def _vector(path: Path, entity: str, row_id: str) -> dict[str, int]:
    (vector,) = rows(path, f"SELECT version_vector FROM {entity} WHERE id = ?", row_id)
    return json.loads(vector[0])


# -- ownership: a district changes what it does not own ----------------------------------------------------------------
def _attacks(w: dict[str, Any]) -> dict[str, tuple[list[dict[str, Any]], str, str]]:
    """name -> (changes, expected reason, the row the reason must name)."""
    city, city_org, other_org, own = w["city"], w["city_org"], w["other_org"], w["own_org"]
    cv, ov = _vector(city, "organization", city_org), _vector(city, "organization", other_org)
    person = str(uuid.uuid4())
    new_org = str(uuid.uuid4())
    forged = dict(org_row(city, own), id=new_org, uscc=None, name="沙湾区伪造来源的协会", origin_office=CITY)
    under_city = dict(org_row(city, own), id=str(uuid.uuid4()), uscc=None, name="挂在市局名下的协会",
                      registry_code=CITY, registry_name="乐山市民政局")
    return {
        "another district's organization": (
            [change("organization", other_org, "update", {"address": "沙湾区改的住所"},
                    before=ov)], "foreign_row", other_org),
        "a city registration revoked": (
            [change("organization", city_org, "update", {"status": "revoked"}, before=cv)], "foreign_row", city_org),
        "a city registration's new legal representative": (
            [change("org_person", person, "upsert",
                    {"id": person, "organization_id": city_org, "role": "legal_representative",
                     "name": "冒名者", "origin_office": DISTRICT, "is_current": True})],
            "foreign_row", person),
        "a city registration tombstoned": (
            [change("organization", city_org, "delete", {"deleted_at": "2026-11-01T00:00:00", "deleted_by": "x",
                                                         "deleted_reason": "重复"}, before=cv)],
            "foreign_row", city_org),
        "a city registration taken over": (
            [change("organization", city_org, "update", {"registry_code": [CITY, DISTRICT]}, before=cv)],
            "foreign_row", city_org),
        "own row moved to the city's registry": (
            [change("organization", own, "update", {"registry_code": [DISTRICT, CITY]},
                    before=_vector(city, "organization", own))], "foreign_row", own),
        "origin office not the sender": ([change("organization", new_org, "upsert", forged)], "forged_origin", new_org),
        "origin office rewritten": (
            [change("organization", own, "update", {"origin_office": [DISTRICT, OTHER]},
                    before=_vector(city, "organization", own))], "forged_origin", own),
        "inserted under the city's registry": (
            [change("organization", under_city["id"], "upsert", under_city)], "foreign_row", under_city["id"]),
        "a legitimate change first, the foreign one second": (
            [change("organization", own, "update", {"address": "沙湾区合法修改"},
                    before=_vector(city, "organization", own)),
             change("organization", city_org, "update", {"contact_name": "冒名者"},
                    before=cv)], "foreign_row", city_org),
    }


ATTACKS = ["another district's organization", "a city registration revoked",
           "a city registration's new legal representative", "a city registration tombstoned",
           "a city registration taken over", "own row moved to the city's registry", "origin office not the sender",
           "origin office rewritten", "inserted under the city's registry",
           "a legitimate change first, the foreign one second"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_district_package_changing_what_it_does_not_own_is_refused_whole(world: dict[str, Any], attack: str) -> None:
    changes, reason, row = _attacks(world)[attack]
    city = world["city"]
    before = digest(city)
    result = refused(city, world["up"].package(changes, seq=2, previous=world["previous"]))
    assert result.status == "refused" and result.reason == f"sync.refused.{reason}", result
    assert row in result.message and row in result.message_zh  # the first foreign row is named
    assert digest(city) == before


def test_the_legitimate_change_alone_applies_and_is_audited_row_by_row(world: dict[str, Any]) -> None:
    """The control: the sender's own row goes through, and the audit trail names it with before and after."""
    city, own = world["city"], world["own_org"]
    (old_address,) = rows(city, "SELECT address FROM organization WHERE id = ?", own)
    data = world["up"].package([change("organization", own, "update", {"address": "沙湾区合法修改"},
                                       before=_vector(city, "organization", own))], seq=2, previous=world["previous"])
    result = refused(city, data)
    assert result.status == "applied", result
    entries = rows(city, "SELECT action, entity, entity_id, details FROM audit_entry WHERE action LIKE 'sync.%' "
                         "AND entity_id = ?", own)
    assert [(a, e) for a, e, _, _ in entries][-1] == ("sync.update", "organization")
    details = json.loads(entries[-1][3])
    assert details["fields"]["address"] == {"old": old_address[0], "new": "沙湾区合法修改"}
    assert details["sha256"] == pkg.sha256(data) and details["origin"] == DISTRICT
    # the package itself is kept, to re-examine the import
    (kept,) = rows(city, "SELECT data, sha256 FROM sync_inbox WHERE origin = ? AND seq = 2", DISTRICT)
    assert kept[0] == data and kept[1] == pkg.sha256(data)


def test_full_import_audits_every_row_with_id_numbers_masked(world: dict[str, Any]) -> None:
    city = world["city"]
    (inserted,) = rows(city, "SELECT counts FROM sync_inbox WHERE origin = ? AND seq = 1", DISTRICT)
    counts = json.loads(inserted[0])
    audited = rows(city, "SELECT count(*) FROM audit_entry WHERE action = 'sync.insert'")[0][0]
    assert audited == counts["inserted"] > 1000
    numbers = [n for (n,) in rows(world["district"], "SELECT id_number FROM org_person WHERE id_number IS NOT NULL")]
    assert len(numbers) > 100
    trail = "\n".join(d for (d,) in rows(city, "SELECT details FROM audit_entry"))
    assert not [n for n in numbers if n in trail]
    assert rows(city, "SELECT count(*) FROM sync_inbox WHERE data IS NOT NULL")[0][0] == 1


def test_the_audit_details_of_an_import_are_their_canonical_text(world: dict[str, Any]) -> None:
    """Each imported row's details are hashed as stored: the canonical JSON of what they hold, byte for byte (the
    import writes them field by field: audit.fields_details)."""
    from civicdesk.models import audit

    details = [d for (d,) in rows(world["city"], "SELECT details FROM audit_entry WHERE action LIKE 'sync.%'")]
    assert len(details) > 1000
    assert [d for d in details if audit.canonical(json.loads(d)) != d] == []


def test_city_package_with_another_districts_rows_is_refused_at_the_district(world: dict[str, Any]) -> None:
    """What the city sends a district is the district's to see: never another county's organizations or people."""
    city, district = world["city"], world["district"]
    down = Office(city, district)
    stranger = dict(org_row(city, world["other_org"]))
    before = digest(district)
    result = refused(district, down.package([change("organization", stranger["id"], "upsert", stranger, by=OTHER)]))
    assert result.reason == "sync.refused.foreign_row" and stranger["id"] in result.message
    (elsewhere,) = rows(city, "SELECT id FROM organization WHERE registry_code = ? AND division_code <> ? LIMIT 1",
                        CITY, DISTRICT)
    located = org_row(city, elsewhere[0])
    result = refused(district, down.package([change("organization", located["id"], "upsert", located, by=CITY)]))
    assert result.reason == "sync.refused.not_ours_to_see" and located["id"] in result.message
    assert digest(district) == before


def test_city_export_to_a_district_carries_only_what_it_may_see(world: dict[str, Any]) -> None:
    """A full export from the city holding every county's rows: the district receives its own rows and the
    city's registrations in its county, no other county's organization or person (checked at export, and
    the import would refuse them)."""
    city, district, folder = world["city"], world["district"], world["dir"]
    conn = sqlite3.connect(city)  # a row of 市中区 that says it is in 沙湾区: still not 沙湾区's to see
    conn.execute("UPDATE organization SET division_code = ? WHERE id = ?", (DISTRICT, world["other_org"]))
    conn.commit()
    conn.close()
    files = export(city, DISTRICT, folder, "--full")
    code, results = import_json(district, *files)
    assert code == 0 and {r["status"] for r in results} == {"applied"}, results
    held = rows(district, "SELECT DISTINCT division_code, registry_code FROM organization")
    assert {d for d, _ in held} == {DISTRICT} and {r[:6] for _, r in held} == {DISTRICT, CITY}
    assert not rows(district, "SELECT id FROM organization WHERE id = ?", world["other_org"])
    people = rows(district, "SELECT count(*) FROM org_person p JOIN organization o ON o.id = p.organization_id "
                            "WHERE o.division_code <> ?", DISTRICT)[0][0]
    assert people == 0
    (audit,) = rows(city, "SELECT details FROM audit_entry WHERE action = 'sync.export' ORDER BY seq DESC LIMIT 1")
    assert json.loads(audit[0])["withheld"] >= 1


# -- identity ----------------------------------------------------------------------------------------------------------
def _card(db_path: Path, **office: str) -> bytes:
    """The office's own card, re-signed (with its real key) after changing its code, name or level."""
    db = open_database(db_path)
    try:
        body = json.loads(keyring.make_card(db, PASSPHRASE))
        with db.read() as session:
            _, signer = keyring.signing_key(session, PASSPHRASE)
    finally:
        db.close()
    body.pop("signature")
    body["office"].update(office)
    return json.dumps(dict(body, signature=keyring.b64(signer.sign(keyring.canonical(body)))),
                      ensure_ascii=False).encode()


def test_a_district_card_claiming_the_city_level_is_never_trusted(world: dict[str, Any]) -> None:
    city, folder = world["city"], world["dir"]
    card = folder / "claims_city.cdcard"
    card.write_bytes(_card(world["district"], level="city"))
    before = digest(city)
    code, _, err = cli("--db", city, "office", "trust", card, "--yes")
    assert code != 0 and "511111" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("--lang", "en", "--db", city, "office", "trust", card, "--yes")
    assert code != 0 and "not the city" in err
    assert digest(city) == before


def test_a_card_with_the_citys_code_at_another_level_is_refused(world: dict[str, Any]) -> None:
    card = world["dir"] / "city_as_district.cdcard"
    card.write_bytes(_card(world["city"], level="district"))
    before = digest(world["district"])
    code, _, err = cli("--db", world["district"], "office", "trust", card, "--yes")
    assert code != 0 and "511100" in err
    assert digest(world["district"]) == before


def test_known_keys_under_a_new_code_are_a_key_change_to_confirm(world: dict[str, Any]) -> None:
    """沙湾区's keys presented as 五通桥区 (511112): a changed identity, refused without confirmation."""
    from civicdesk.services.sync.keys import check_card

    city = world["city"]
    card = world["dir"] / "moved.cdcard"
    card.write_bytes(_card(world["district"], code="511112", name="乐山市五通桥区民政局"))
    db = open_database(city)
    try:
        check = check_card(db, card.read_bytes(), "moved.cdcard")
    finally:
        db.close()
    assert check.known and not check.same_keys and check.changed == ("code",)
    before = digest(city)
    code, out, err = cli("--db", city, "office", "trust", card)  # no terminal, no --yes: nothing trusted
    assert code != 0 and "--yes" in err
    assert digest(city) == before
    code, out, err = cli("--db", city, "office", "trust", card, "--yes", "--json")  # confirmed: audited as a change
    assert code == 0 and json.loads(out)["changed_key"] is True
    (details,) = rows(city, "SELECT details FROM audit_entry WHERE action = 'sync.trust' ORDER BY seq DESC LIMIT 1")
    assert json.loads(details[0])["changed"] == ["code"]


def test_a_peer_recorded_as_city_under_a_district_code_gets_a_districts_share(world: dict[str, Any]) -> None:
    """A database that trusted such a card before this check: the city's export still judges by the code."""
    city, district, folder = world["city"], world["district"], world["dir"]
    conn = sqlite3.connect(city)
    conn.execute("UPDATE sync_peer SET level = 'city' WHERE office_code = ?", (DISTRICT,))
    conn.commit()
    conn.close()
    files = export(city, DISTRICT, folder, "--full")
    assert import_json(district, *files)[0] == 0
    assert {d for (d,) in rows(district, "SELECT DISTINCT division_code FROM organization")} == {DISTRICT}


# -- values a clerk could not enter ------------------------------------------------------------------------------------
def _insert(w: dict[str, Any], **values: Any) -> tuple[str, dict[str, Any]]:
    row = dict(org_row(w["city"], w["own_org"]), id=str(uuid.uuid4()), uscc=None,
               name=f"沙湾区新协会{uuid.uuid4().hex[:6]}")
    row.update(values)
    return row["id"], change("organization", row["id"], "upsert", row)


BAD_VALUES = {
    "status": {"status": "totally_bogus"}, "tier": {"tier": "nonsense"}, "legal_form": {"legal_form": "xx"},
    "category": {"category": "no_such_category"},
    "uscc": {"uscc": "NOTAUSCC"}, "uscc check character": {"uscc": "51511111MJ0000000X"},
    "registered_funds_wan": {"registered_funds_wan": "-99999999"},
    "registered_funds_wan too large": {"registered_funds_wan": "9999999999999"},
    "member_count": {"member_count": -5}, "division_code": {"division_code": "511199"},
    "established_on": {"established_on": "2099-01-01"}, "contact_phone": {"contact_phone": "12345"},
    "registry_code": {"division_code": OTHER, "township_code": None, "community_code": None},
    "name with a direction override": {"name": "沙湾区\u202e会协影摄"},
    "name with an escape": {"name": "沙湾区\x1b[2J协会"},
    "address with a formula": {"address": "=HYPERLINK(\"http://x\")"},
}


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_arriving_row_with_a_value_a_clerk_could_not_enter_is_refused(world: dict[str, Any], case: str) -> None:
    values = BAD_VALUES[case]
    row_id, c = _insert(world, **values)
    city = world["city"]
    before = digest(city)
    result = refused(city, world["up"].package([c], seq=2, previous=world["previous"]))
    field = next(iter(values)) if case != "registry_code" else "registry_code"
    assert result.reason == "sync.refused.invalid_row", result
    assert row_id in result.message and field in result.message
    assert digest(city) == before


def test_a_valid_inserted_row_applies(world: dict[str, Any]) -> None:
    row_id, c = _insert(world)
    result = refused(world["city"], world["up"].package([c], seq=2, previous=world["previous"]))
    assert result.status == "applied", result


def test_person_with_a_bad_id_number_is_refused(world: dict[str, Any]) -> None:
    person = str(uuid.uuid4())
    c = change("org_person", person, "upsert", {"id": person, "organization_id": world["own_org"], "role": "director",
                                                "name": "张三", "id_number": "511111199001011230",
                                                "origin_office": DISTRICT, "is_current": True})
    before = digest(world["city"])
    result = refused(world["city"], world["up"].package([c], seq=2, previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row" and "id_number" in result.message
    assert digest(world["city"]) == before


def test_duplicate_credit_code_is_a_refusal_never_a_driver_error(world: dict[str, Any]) -> None:
    city = world["city"]
    (taken,) = rows(city, "SELECT uscc FROM organization WHERE uscc IS NOT NULL AND id <> ? LIMIT 1", world["own_org"])
    before = digest(city)
    row_id, c = _insert(world, uscc=taken[0])
    result = refused(city, world["up"].package([c], seq=2, previous=world["previous"]))
    assert result.status == "refused" and result.reason == "sync.refused.invalid_row" and "uscc" in result.message
    # two rows of one package with one new code
    from civicdesk.services.core.validation import make_uscc

    fresh = make_uscc("1", DISTRICT, "MJ9Y8X7W")
    (_, a), (_, b) = _insert(world, uscc=fresh), _insert(world, uscc=fresh)
    result = refused(city, world["up"].package([a, b], seq=2, previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row" and "uscc" in result.message
    assert digest(city) == before


def test_unique_number_clash_in_the_bulk_insert_is_a_refusal(world: dict[str, Any]) -> None:
    """Two filings with one number: the driver's IntegrityError from the bulk insert becomes the package's
    refusal (the raw cursor bypasses SQLAlchemy's error mapping), the whole package undone."""
    city = world["city"]
    filings = []
    for _ in range(2):
        fid = str(uuid.uuid4())
        filings.append(change("filing", fid, "upsert", {
            "id": fid, "number": "511111-2026-00001", "kind": "change", "state": "draft", "received_on": "2026-11-01",
            "created_by": "clerk", "origin_office": DISTRICT, "organization_id": world["own_org"]}))
    before = digest(city)
    result = refused(city, world["up"].package(filings, seq=2, previous=world["previous"]))
    assert result.status == "refused" and result.reason == "sync.refused.duplicate", result
    assert digest(city) == before
    code, _, err = cli("--db", city, "sync", "import", _write(world["dir"], world["up"].package(
        filings, seq=2, previous=world["previous"])))
    assert code == 2 and "Traceback" not in err


def _write(folder: Path, data: bytes) -> Path:
    path = folder / f"{uuid.uuid4().hex}.cdsync"
    path.write_bytes(data)
    return path


DIVISIONS = {
    "a new official county": {"code": "511199", "name": "伪造县", "full_name": "四川省乐山市伪造县", "level": "county",
                              "parent_code": "511100", "code_official": True, "invented": False, "source": None},
    "an official township": {"code": "511111999", "name": "伪造镇", "full_name": "伪造镇", "level": "township",
                             "parent_code": "511111", "code_official": True, "invented": False, "source": None},
    "a community in another county": {"code": "511102002099", "name": "伪造社区", "full_name": "伪造社区",
                                      "level": "community", "parent_code": "511102002", "code_official": False,
                                      "invented": True, "source": None},
    "a level its code does not have": {"code": "511111002098", "name": "伪造", "full_name": "伪造", "level": "county",
                                       "parent_code": "511111002", "code_official": False, "invented": True,
                                       "source": None},
    "a parent its code does not name": {"code": "511111002097", "name": "伪造", "full_name": "伪造",
                                        "level": "community",
                                        "parent_code": "511111100", "code_official": False, "invented": True,
                                        "source": None},
}


@pytest.mark.parametrize("case", sorted(DIVISIONS))
def test_reference_data_from_a_district_is_refused(world: dict[str, Any], case: str) -> None:
    city = world["city"]
    division = DIVISIONS[case]
    before = digest(city)
    result = refused(city, world["up"].package([], [division], seq=2, previous=world["previous"]))
    assert result.reason == "sync.refused.division" and division["code"] in result.message, result
    assert digest(city) == before


def test_an_invented_community_of_its_own_county_is_accepted(world: dict[str, Any]) -> None:
    division = {"code": "511111002096", "name": "新社区", "full_name": "新社区", "level": "community",
                "parent_code": "511111002", "code_official": False, "invented": True, "source": None}
    result = refused(world["city"], world["up"].package([], [division], seq=2, previous=world["previous"]))
    assert result.status == "applied", result


def test_verify_finds_values_planted_by_hand(world: dict[str, Any]) -> None:
    city = world["city"]
    assert json.loads(ok("--db", city, "verify", "--json"))["ok"] is True
    conn = sqlite3.connect(city)
    conn.execute("UPDATE organization SET status = 'totally_bogus', registered_funds_wan = -99999999 WHERE id = ?",
                 (world["own_org"],))
    conn.commit()
    conn.close()
    code, out, err = cli("--db", city, "verify", "--json")
    report = json.loads(out)
    assert code != 0 and report["ok"] is False and report["domain_count"] == 2
    assert {(d["id"], d["field"]) for d in report["domain"]} == {(world["own_org"], "status"),
                                                                  (world["own_org"], "registered_funds_wan")}
    code, out, err = cli("--db", city, "verify")
    assert code != 0 and "status" in out and "Traceback" not in err


def test_verify_of_a_malformed_database_is_one_line(world: dict[str, Any]) -> None:
    city = world["city"]
    data = bytearray(city.read_bytes())
    pages = len(data) // 4096
    for page in range(pages // 3, pages // 3 + 20):  # table pages in the middle, not the schema's
        data[page * 4096 + 8:page * 4096 + 4000] = bytes((page * 7 + i) % 251 for i in range(3992))
    city.write_bytes(bytes(data))
    code, out, err = cli("--db", city, "verify")
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1


# -- numbers from outside ----------------------------------------------------------------------------------------------
def test_a_parked_package_with_a_huge_seq_leaves_status_and_export_working(world: dict[str, Any]) -> None:
    city = world["city"]
    huge = 9_000_000_000_000_000
    result = refused(city, world["up"].package([], seq=huge, previous="0" * 64))
    assert result.status == "parked"
    status = json.loads(ok("--db", city, "sync", "status", "--json"))
    (district,) = [o for o in status["offices"] if o["code"] == DISTRICT]
    assert district["missing"] == [[2, huge - 1]] and district["parked"] == [huge]
    out = ok("--db", city, "sync", "status")
    assert f"2–{huge - 1}" in out
    files = export(city, DISTRICT, world["dir"])
    assert files


def test_acknowledged_ranges_are_bounded_in_the_manifest(world: dict[str, Any]) -> None:
    """``missing`` ranges are numbers from outside: one beyond 2**53, reversed or negative refuses the file."""
    up = world["up"]
    for bad in ([[1, 2**60]], [[5, 3]], [[0, 4]], [[-3, 4]]):
        data = up.package([], seq=2, previous=world["previous"])
        members = {n: b for n, b in _members(data).items()}
        manifest = json.loads(members["manifest.json"])
        manifest["acks"]["missing"] = bad
        body = json.dumps(manifest).encode()
        sig = json.dumps({"key_id": up.key_id, "algorithm": "Ed25519",
                          "signature": keyring.b64(up.signer.sign(body))}, sort_keys=True).encode()
        forged = pkg._zip_bytes((body, sig, members["payload.bin"]))
        assert refused(world["city"], forged).reason == "sync.refused.manifest", bad


def test_resend_of_a_number_beyond_any_package_is_one_line(world: dict[str, Any]) -> None:
    for seq, epoch in (("100000000000000000000", None), ("-1", None), ("1", "100000000000000000000")):
        extra = ("--epoch", epoch) if epoch else ()
        code, out, err = cli("--db", world["city"], "sync", "resend", "--to", DISTRICT, "--seq", seq, *extra,
                             "-o", world["dir"] / "x.cdsync")
        assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def _members(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


# -- what the views show -----------------------------------------------------------------------------------------------
def test_conflicts_mask_phone_and_id_numbers_unless_revealed(world: dict[str, Any]) -> None:
    from civicdesk.services.admin import auth

    city, own = world["city"], world["own_org"]
    cv = _vector(city, "organization", own)
    # a concurrent edit of the contact phone: the city changed it too
    from tests.helpers.sync import edit

    edit(city, own, contact_phone="13912345678")
    theirs = dict(cv)
    theirs[DISTRICT] = theirs.get(DISTRICT, 0) + 1
    c = {"log": None, "entity": "organization", "id": own, "op": "update",
         "fields": {"contact_phone": [None, "13887654321"]}, "before": cv, "after": theirs, "author": None,
         "derived": None}
    assert refused(city, world["up"].package([c], seq=2, previous=world["previous"])).status == "applied"
    for args in (("sync", "conflicts"), ("sync", "conflicts", "--json")):
        out = ok("--db", city, *args)
        assert "13912345678" not in out and "13887654321" not in out and "139****5678" in out
    db = open_database(city)
    try:
        admin = auth.create_user(db, "admin1", "secret-pass-1", "admin")
        auth.create_user(db, "clerk1", "secret-pass-1", "clerk", by=admin)
    finally:
        db.close()
    import os

    os.environ["CIVICDESK_PASSWORD"] = "secret-pass-1"
    try:
        code, out, err = cli("--db", city, "--user", "clerk1", "sync", "conflicts", "--reveal")
        assert code != 0 and "13912345678" not in out
        out = ok("--db", city, "--user", "admin1", "sync", "conflicts", "--reveal", "--json")
        assert "13912345678" in out
    finally:
        os.environ.pop("CIVICDESK_PASSWORD")
    assert rows(city, "SELECT count(*) FROM audit_entry WHERE action = 'sync.conflicts.reveal'")[0][0] == 1


def test_status_and_import_speak_sentences_in_the_chosen_language(world: dict[str, Any]) -> None:
    city, folder = world["city"], world["dir"]
    out = ok("--db", city, "sync", "status")
    assert "已收到至第 1 号" in out and "sent" not in out and "acked" not in out
    out = ok("--lang", "en", "--db", city, "sync", "status")
    assert "received up to #1" in out
    path = _write(folder, world["up"].package([], seq=2, previous=world["previous"]))
    out = ok("--db", city, "sync", "import", path)
    assert "已导入" in out and "{" not in out
    out = ok("--lang", "en", "--db", city, "sync", "import", path)
    assert "imported before" in out and "{" not in out
