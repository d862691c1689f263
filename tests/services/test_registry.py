"""Adding, reading and listing organizations, and every rule a record must meet."""

from __future__ import annotations

import typing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from civicdesk.errors import ValidationError
from civicdesk.models import Organization, OrgPerson
from civicdesk.services.register import browse
from civicdesk.services.register import organizations, records
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.register.statistics import statistics
from civicdesk.services.core.validation import make_id_number, make_uscc, uscc_check_char
from tests.helpers.db import digest
from tests.factories import social_group


def test_add_and_read_back(db: Database) -> None:
    record = organizations.add_organization(db, social_group())
    assert record.values["name"] == "乐山市沙湾区测试摄影协会"
    assert record.values["registry_code"] == "511111"
    assert record.values["registry_name"] == "乐山市沙湾区民政局"
    assert record.entry_mode == "legacy"
    assert record.origin_office == "511111"
    assert str(record.values["registered_funds_wan"]) == "3.5000"
    by_uscc = organizations.get_organization(db, social_group()["uscc"])
    assert by_uscc.id == record.id
    assert by_uscc.people[0].id_number == "5111**********0129"[:4] + "*" * 10 + by_uscc.people[0].id_number[-4:]
    revealed = organizations.get_organization(db, record.id, reveal=True)
    assert revealed.people[0].id_number == social_group()["people"][0]["id_number"]


def test_show_json_is_accepted_by_add(db: Database) -> None:
    first = organizations.add_organization(db, social_group())
    shown = organizations.get_organization(db, first.id, reveal=True).to_json()
    shown["name"] = "乐山市沙湾区测试书法协会"
    shown["uscc"] = make_uscc("1", "511111", "MJ900002")
    second = organizations.add_organization(db, shown)
    assert second.id != first.id
    again = organizations.get_organization(db, second.id, reveal=True).to_json()
    for key in ("legal_form", "category", "sponsor", "established_on", "registered_funds_wan", "address"):
        assert again[key] == shown[key]
    assert again["people"][0]["id_number"] == shown["people"][0]["id_number"]


def test_masked_id_number_is_refused(db: Database) -> None:
    first = organizations.add_organization(db, social_group())
    shown = organizations.get_organization(db, first.id).to_json()
    shown["name"], shown["uscc"] = "乐山市沙湾区另一个协会", make_uscc("1", "511111", "MJ900003")
    with pytest.raises(ValidationError) as err:
        organizations.add_organization(db, shown)
    # a masked phone (org show masks people's phones too) is refused alike, never stored as a number
    assert [i.code for i in err.value.issues] == ["id.charset", "phone.invalid"]


def test_embedded_org_code_warning_still_saves(db: Database) -> None:
    first17 = "51511111MJ900004" + "0"  # a wrong GB 11714 check character inside
    body_ok = make_uscc("1", "511111", "MJ900004")
    assert body_ok[16] != "0"
    uscc = first17 + uscc_check_char(first17)
    record = organizations.add_organization(db, social_group(uscc=uscc))
    assert record.values["uscc"] == uscc


def test_adding_one_changes_the_figures_by_one(db: Database) -> None:
    before = statistics(db)
    organizations.add_organization(db, social_group())
    after = statistics(db)
    assert after["registered_social_organizations"] == before["registered_social_organizations"] + 1
    assert after["by_legal_form"]["social_group"] == before["by_legal_form"]["social_group"] + 1
    assert after["community_social_organizations"] == before["community_social_organizations"]


def _person(**changes: object) -> list[dict[str, object]]:
    person: dict[str, object] = {"role": "legal_representative", "name": "张三",
                                 "id_number": make_id_number("511111", date(1970, 3, 5), 12)}
    person.update(changes)
    return [person]


TOMORROW = (date.today() + timedelta(days=1)).isoformat()
VALID_USCC = make_uscc("1", "511111", "MJ900001")
WRONG_CHECK = VALID_USCC[:17] + ("0" if VALID_USCC[17] != "0" else "1")
BAD_RECORDS = [
    ("wrong check character", {"uscc": WRONG_CHECK}, "uscc", "uscc.check"),
    ("forbidden character", {"uscc": VALID_USCC[:16] + "IO"}, "uscc", "uscc.charset"),
    ("short credit code", {"uscc": "51511111MJ90"}, "uscc", "uscc.length"),
    ("kind digit of another form", {"uscc": make_uscc("2", "511111", "MJ900001")}, "uscc", "uscc.kind"),
    ("registry digits of another county", {"uscc": make_uscc("1", "511102", "MJ900001")}, "uscc", "uscc.registry"),
    ("not civil affairs", {"uscc": "91310110666007217T"}, "uscc", "uscc.department"),
    ("credit code missing", {"uscc": None}, "uscc", "field.required"),
    ("name missing", {"name": "  "}, "name", "field.required"),
    ("unknown county", {"division_code": "999999"}, "division_code", "division.unknown"),
    ("township of another county", {"township_code": "511102006"}, "township_code", "division.parent"),
    ("township given as county", {"division_code": "511111002"}, "division_code", "division.level"),
    ("legal form not in the dictionary", {"legal_form": "company"}, "legal_form", "field.choice"),
    ("category not in the dictionary", {"category": "mining"}, "category", "field.choice"),
    ("dual management without sponsor", {"sponsor": None}, "sponsor", "sponsor.required"),
    ("direct registration with sponsor", {"registration_mode": "direct"}, "sponsor", "sponsor.direct"),
    ("impossible date", {"established_on": "2021-02-30"}, "established_on", "date.format"),
    ("date in the future", {"established_on": TOMORROW}, "established_on", "date.future"),
    ("date before 1949", {"established_on": "1900-01-01"}, "established_on", "date.too_early"),
    ("bad phone", {"contact_phone": "12345"}, "contact_phone", "phone.invalid"),
    ("funds not a number", {"registered_funds_wan": "三万"}, "registered_funds_wan", "field.number"),
    ("negative funds", {"registered_funds_wan": "-1"}, "registered_funds_wan", "field.negative"),
    ("NaN funds", {"registered_funds_wan": "NaN"}, "registered_funds_wan", "field.number"),
    ("members not a number", {"member_count": "many"}, "member_count", "field.number"),
    ("unknown field", {"colour": "red"}, "colour", "input.unknown_field"),
    ("foundation type on a social group", {"foundation_type": "public"}, "foundation_type", "field.not_allowed"),
    ("registry of another county", {"registry_code": "511102"}, "registry_code", "registry.division"),
    ("certificate ends before it starts",
     {"certificate_valid_from": "2020-01-01", "certificate_valid_to": "2019-01-01"}, "certificate_valid_to",
     "certificate.period"),
    ("ID number with wrong check", {"people": _person(id_number="11010519491231002Y")}, "people[0].id_number",
     "id.charset"),
    ("ID number with impossible birth date", {"people": _person(id_number="511111" + "19700231" + "0123")},
     "people[0].id_number", "id.birth_date"),
    ("ID number check character", {"people": _person(id_number="110105194912310021")}, "people[0].id_number",
     "id.check"),
    ("no legal representative", {"people": [{"role": "director", "name": "王五"}]}, "people", "person.legal_rep_count"),
    ("two legal representatives", {"people": _person() + _person(name="赵六")}, "people", "person.legal_rep_count"),
    ("person role not in the dictionary", {"people": _person(role="boss")}, "people[0].role", "person.role"),
    ("person without a name", {"people": _person(name="")}, "people[0].name", "field.required"),
    ("people not a list", {"people": "张三"}, "people", "input.type"),
    ("name too long", {"name": "协" * 201}, "name", "field.too_long"),
    ("text field given a list", {"address": ["a"]}, "address", "input.type"),
    ("bad boolean", {"party_organization": "perhaps"}, "party_organization", "field.boolean"),
]


@pytest.mark.parametrize(("changes", "field", "code"), [b[1:] for b in BAD_RECORDS], ids=[b[0] for b in BAD_RECORDS])
def test_bad_record_is_refused_and_nothing_written(db: Database, db_path: Path, changes: dict, field: str,
                                                   code: str) -> None:
    before = digest(db_path)
    with pytest.raises(ValidationError) as err:
        organizations.add_organization(db, social_group(**changes))
    found = {(i.field, i.code) for i in err.value.issues}
    assert (field, code) in found, found
    assert err.value.message("zh") and err.value.message("en")
    assert digest(db_path) == before


def test_foundation_needs_its_type(db: Database) -> None:
    record = social_group(legal_form="foundation", uscc=make_uscc("3", "511111", "MJ900005"), category="charity",
                          registration_mode="direct", sponsor=None)
    with pytest.raises(ValidationError) as err:
        organizations.add_organization(db, record)
    assert [i.code for i in err.value.issues] == ["org.foundation_type"]
    record["foundation_type"] = "non_public"
    assert organizations.add_organization(db, record).values["foundation_type"] == "non_public"


def test_duplicate_name_and_credit_code_in_one_registry(db: Database, db_path: Path) -> None:
    organizations.add_organization(db, social_group())
    before = digest(db_path)
    with pytest.raises(ValidationError) as err:
        organizations.add_organization(db, social_group(uscc=make_uscc("1", "511111", "MJ900009")))
    assert [i.code for i in err.value.issues] == ["name.duplicate"]
    with pytest.raises(ValidationError) as err:
        organizations.add_organization(db, social_group(name="乐山市沙湾区另一个名字协会"))
    assert [i.code for i in err.value.issues] == ["uscc.duplicate"]
    assert digest(db_path) == before


def test_full_width_and_spaced_input_is_normalised(db: Database) -> None:
    uscc = make_uscc("1", "511111", "MJ900001")
    spaced = " ".join([uscc[:6], uscc[6:12], uscc[12:]]).translate(
        {ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEFGHJKLMNPQRTUWXY"})
    record = organizations.add_organization(db, social_group(uscc=spaced, member_count="１２０"))
    assert record.values["uscc"] == uscc
    assert record.values["member_count"] == 120


def test_community_tiers(shawan_db_path: Path) -> None:
    db = open_database(shawan_db_path)
    try:
        with db.read() as session:
            community = session.scalars(
                select(Organization.community_code).where(Organization.township_code == "511111002",
                                                          Organization.tier == "guided")
            ).first()
        guided = {"name": "测试社区书画社", "tier": "guided", "community_subtype": "culture_sports",
                  "division_code": "511111", "township_code": "511111002", "community_code": community,
                  "people": [{"role": "responsible_person", "name": "李四"}]}
        record = organizations.add_organization(db, guided)
        assert record.values["is_community"] is True
        assert record.values["registry_code"] == community
        assert record.values["registry_name"].endswith(("居民委员会", "村民委员会"))
        with pytest.raises(ValidationError) as err:
            organizations.add_organization(db,
                                      {**guided, "name": "测试社区二", "uscc": make_uscc("1", "511111", "MJ000001")})
        assert "field.not_allowed" in {i.code for i in err.value.issues}
        with pytest.raises(ValidationError) as err:
            organizations.add_organization(db, {**guided, "name": "测试社区三", "community_subtype": None})
        assert ("community_subtype", "field.required") in {(i.field, i.code) for i in err.value.issues}
        with pytest.raises(ValidationError) as err:
            organizations.add_organization(db, {**guided, "name": "测试社区四", "people": []})
        assert ("people", "field.required") in {(i.field, i.code) for i in err.value.issues}
        filed = {**guided, "name": "测试社区调解小组", "tier": "filed", "community_subtype": "mediation"}
        assert organizations.add_organization(db, filed).values["registry_code"] == "511111002"
    finally:
        db.close()


def test_every_demo_record_passes_validation(shawan_db_path: Path) -> None:
    """The demo register is made to the same rules a clerk's entry must meet."""
    db = open_database(shawan_db_path)
    try:
        with db.read() as session:
            orgs = session.scalars(select(Organization)).all()
            assert len(orgs) > 500
            people: dict[str, list[dict[str, object]]] = {}
            for p in session.scalars(select(OrgPerson)):
                people.setdefault(p.organization_id, []).append(
                    {"role": p.role, "name": p.name, "id_number": p.id_number, "phone": p.phone,
                     "term_start": p.term_start, "term_end": p.term_end, "is_current": p.is_current})
            problems = []
            lookups = organizations.Lookups(session)  # a form's lookups: the dictionaries read once, not per record
            for org in orgs:
                values = {spec: getattr(org, spec) for spec in organizations.records.FIELDS_BY_NAME}
                issues = organizations.validate_org(session, values, people.get(org.id, []), self_id=org.id,
                                                    lookups=lookups)
                problems += [(org.name, i.field, i.code) for i in issues if i.severity == "error"]
            assert problems == []
    finally:
        db.close()


def test_list_by_division_and_tier(shawan_db_path: Path) -> None:
    db = open_database(shawan_db_path)
    try:
        everything = browse.list_organizations(db)
        guided = browse.list_organizations(db, tier="guided")
        township = browse.list_organizations(db, division="511111002")
        assert 0 < len(guided) < len(everything)
        assert all(r.tier == "guided" for r in guided)
        assert township and all(r.township_code == "511111002" for r in township)
        with_inactive = browse.list_organizations(db, include_inactive=True)
        assert len(with_inactive) >= len(everything)
        assert all(r.status in organizations.LIVE_STATUSES for r in everything)
    finally:
        db.close()


def test_org_values_declares_every_field_as_its_column_is_typed() -> None:
    """OrgRecord.values (records.OrgValues) has one key a field of ORG_FIELDS, in its order, with the type of
    its organization column, so that the GUI, the CLI and the printed sheet get what mypy was told."""
    declared = typing.get_type_hints(records.OrgValues)
    assert list(declared) == [spec.name for spec in records.ORG_FIELDS]
    columns = typing.get_type_hints(Organization)
    assert {name: typing.get_args(columns[name])[0] for name in declared} == declared


def test_a_record_carries_exactly_the_declared_values(db: Database) -> None:
    record = organizations.get_organization(db, organizations.add_organization(db, social_group()).id)
    assert list(record.values) == list(typing.get_type_hints(records.OrgValues))
    assert record.name == record.values["name"]
