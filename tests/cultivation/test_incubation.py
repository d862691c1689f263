"""Incubation (services/cultivation/incubation.py and ``civicdesk incubation``): a base, residents admitted and
graduated, services given; every refusal audited and leaving the data as it was.  The office is the empty
沙湾区 database at the clock fixture's day (2026-11-28)."""

from __future__ import annotations

from typing import Any

import json

import pytest
from sqlalchemy import select

from civicdesk.errors import CivicDeskError
from civicdesk.models import Division
from civicdesk.services.cultivation import incubation
from tests.helpers.cli import run
from tests.supervision.enforcement_fixtures import audited, data, office

__all__ = ["office"]

PHONE = "13812345678"


def township(db: Any) -> str:
    with db.read() as session:
        code = session.scalar(select(Division.code).where(Division.parent_code == "511111",
                                                          Division.level == "township").order_by(Division.code))
    assert code is not None
    return code


@pytest.fixture
def base(office: dict[str, Any]) -> dict[str, Any]:
    b = incubation.add_base(office["db"], name="沙湾区社会组织培育孵化基地", level="county", division="511111",
                            operator=office["org"], opened_on="2020-06-01", by=office["clerk"])
    return {**office, "base": b.id}


def test_a_base_admits_graduates_and_serves(base: dict[str, Any]) -> None:
    db, clerk = base["db"], base["clerk"]
    park = incubation.add_base(db, name="铜河街道社区社会组织孵化园", level="township", kind="park",
                               division="511111", township=township(db), operator_name="某社工服务中心",
                               opened_on="2021-03-01", by=clerk)
    assert park.township_name and park.operator == "某社工服务中心"
    registered = incubation.admit(db, base["base"], organization=base["org"], admitted_on="2025-01-10", by=clerk)
    newcomer = incubation.admit(db, "沙湾区社会组织培育孵化基地", name="绿水社区读书会", contact_name="王联系",
                                contact_phone=PHONE, admitted_on="2025-03-01", by=clerk)
    assert newcomer.contact_phone == "138****5678"  # masked outside its form
    incubation.give_service(db, newcomer.id, kind="training", given_on="2025-04-01", description="财务培训", by=clerk)
    incubation.give_service(db, newcomer.id, kind="office_space", given_on="2025-03-01", until="2027-02-28", by=clerk)
    done = incubation.graduate(db, newcomer.id, outcome="filed", on="2026-05-20", by=clerk)
    assert (done.graduated_on, done.outcome) == (done.outcome_on, "filed")
    left = incubation.graduate(db, registered.id, outcome="left", on="2026-06-01", by=clerk)
    assert left.graduated_on is None
    again = incubation.admit(db, base["base"], organization=base["org"], admitted_on="2026-07-01", by=clerk)
    shown = incubation.get_base(db, base["base"])
    assert (shown.admitted, shown.graduated, shown.in_residence) == (3, 1, 1)
    assert [r.id for r in shown.residents] == [again.id, newcomer.id, left.id]
    assert [s.kind for s in shown.residents[1].services] == ["office_space", "training"]
    assert shown.residents[1].contact_phone == "138****5678"
    listed = incubation.list_bases(db)
    assert [b.name for b in listed] == ["沙湾区社会组织培育孵化基地", "铜河街道社区社会组织孵化园"]


def test_a_phone_is_revealed_only_with_the_right_and_audited(base: dict[str, Any]) -> None:
    db = base["db"]
    incubation.admit(db, base["base"], name="新苗志愿服务队", contact_phone=PHONE, admitted_on="2025-03-01",
                     by=base["clerk"])
    with pytest.raises(CivicDeskError):
        incubation.get_base(db, base["base"], reveal=True, by=base["clerk"])
    shown = incubation.get_base(db, base["base"], reveal=True, by=base["admin"])
    assert shown.residents[0].contact_phone == PHONE
    assert audited(base, "data.revealed")


REFUSALS = {
    "a graduation before admission": ("graduate", {"outcome": "registered", "on": "2025-01-09"},
                                      "incubation.graduation_before_admission"),
    "a graduation in the future": ("graduate", {"outcome": "registered", "on": "2026-11-29"},
                                   "enforce.date_in_future"),
    "an unknown outcome": ("graduate", {"outcome": "vanished"}, "incubation.bad_outcome"),
    "a double admission while resident": ("admit", {"admitted_on": "2025-06-01"}, "incubation.already_resident"),
    "an admission before the base opened": ("admit_other", {"admitted_on": "2020-05-31"},
                                            "incubation.admitted_before_opening"),
    "an admission in the future": ("admit_other", {"admitted_on": "2026-12-01"}, "enforce.date_in_future"),
    "an unregistered resident without a contact": ("admit_name", {}, "incubation.contact_required"),
    "a bad contact phone": ("admit_name", {"contact_phone": "12"}, "phone.invalid"),
    "an unknown base": ("admit_nowhere", {}, "incubation.base_not_found"),
    "a service before admission": ("service", {"kind": "training", "given_on": "2024-12-31"},
                                   "incubation.service_outside"),
    "a service of an unknown kind": ("service", {"kind": "catering", "given_on": "2025-02-01"},
                                     "incubation.bad_service"),
    "office space ending before it begins": ("service", {"kind": "office_space", "given_on": "2025-02-01",
                                                         "until": "2025-01-31"}, "incubation.until_before"),
    "a park without its township": ("add_base", {"kind": "park", "level": "township"},
                                    "incubation.township_required"),
    "a base with two operators": ("add_base", {"operator_name": "某中心"}, "incubation.operator_one"),
    "a base of the same name": ("add_base", {"name": "沙湾区社会组织培育孵化基地"}, "incubation.base_exists"),
    "a city base at a county": ("add_base", {"level": "city"}, "incubation.division_level"),
    "a base opened in the future": ("add_base", {"opened_on": "2027-01-01"}, "enforce.date_in_future"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_a_refusal_is_audited_and_changes_nothing(base: dict[str, Any], name: str) -> None:
    db, clerk = base["db"], base["clerk"]
    resident = incubation.admit(db, base["base"], organization=base["org"], admitted_on="2025-01-10", by=clerk)
    action, values, code = REFUSALS[name]
    calls = {
        "graduate": lambda: incubation.graduate(db, resident.id, by=clerk, **values),
        "admit": lambda: incubation.admit(db, base["base"], organization=base["org"], by=clerk, **values),
        "admit_other": lambda: incubation.admit(db, base["base"], name="另一个组织", contact_name="李", by=clerk,
                                                **values),
        "admit_name": lambda: incubation.admit(db, base["base"], name="无联系方式的组织", admitted_on="2025-02-01",
                                               by=clerk, **values),
        "admit_nowhere": lambda: incubation.admit(db, "没有这个基地", organization=base["org"],
                                                  admitted_on="2025-02-01", by=clerk),
        "service": lambda: incubation.give_service(db, resident.id, by=clerk, **values),
        "add_base": lambda: incubation.add_base(db, **{"name": "另一个基地", "level": "county", "division": "511111",
                                                       "operator": base["org"], "opened_on": "2021-01-01",
                                                       "by": clerk, **values}),
    }
    before = data(db)
    with pytest.raises(CivicDeskError) as refused:
        calls[action]()
    codes = [refused.value.code] + [i.code for i in getattr(refused.value, "issues", [])]
    assert code in codes, codes
    assert data(db) == before
    assert audited(base, "incubation.refused")


def test_the_command_line(base: dict[str, Any], capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(base["db"].path)
    env = ["--db", path, "--user", "clerk1"]
    monkeypatch.setenv("CIVICDESK_PASSWORD", "a-long-password-2")
    code, out, err = run(capsys, *env, "incubation", "add", "--name", "通江街道社区社会组织孵化园", "--level",
                         "township", "--kind", "park", "--division", "511111", "--township", township(base["db"]),
                         "--operator-name", "通江街道办事处", "--opened-on", "2022-05-01", "--json")
    assert code == 0 and json.loads(out)["kind"] == "park", err
    code, out, err = run(capsys, *env, "incubation", "admit", base["base"], "--name", "河畔社区议事会",
                         "--contact-phone", PHONE, "--admitted-on", "2025-05-05", "--json")
    assert code == 0, err
    resident = json.loads(out)["id"]
    assert run(capsys, *env, "incubation", "service", resident, "--kind", "mentoring", "--on", "2025-06-01")[0] == 0
    code, out, err = run(capsys, *env, "incubation", "graduate", resident, "--outcome", "registered",
                         "--on", "2025-05-04")
    assert code != 0 and "早于入驻日期" in err
    code, out, err = run(capsys, *env, "incubation", "show", base["base"])
    assert code == 0 and "河畔社区议事会" in out and "导师辅导" in out and "138****5678" in out
    code, out, err = run(capsys, "--db", path, "incubation", "list", "--level", "county", "--json")
    assert code == 0 and [b["in_residence"] for b in json.loads(out)] == [1]
