"""Purchased services (services/cultivation/projects.py and ``civicdesk project``): a project contracted, paid in
instalments never over the contract, evaluated once; an organization on the serious credit list refused, naming
the listing's decision number (a real listing, proposed and decided by the credit service).  The office is the
empty 沙湾区 database at the clock fixture's day (2026-11-28)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.cultivation import projects
from civicdesk.services.core.validation import make_uscc
from civicdesk.services.register import organizations
from civicdesk.services.supervision import credit
from tests.factories import social_group
from tests.helpers.cli import run
from tests.supervision.enforcement_fixtures import audited, data, office

__all__ = ["office"]


def contract(o: dict[str, Any], **over: Any) -> projects.ProjectInfo:
    values: dict[str, Any] = {"name": "社区养老互助服务", "department": "沙湾区民政局", "year": 2026,
                              "funding_source": "lottery", "organization": o["org"], "amount": "120000.00",
                              "starts_on": "2026-03-01", "ends_on": "2027-02-28",
                              "deliverables": "为辖区高龄老人提供每周一次上门探访", "contract_no": "沙民购〔2026〕1号"}
    return projects.add(o["db"], **{**values, **over}, by=o["clerk"])


def test_a_project_is_contracted_paid_and_evaluated(office: dict[str, Any]) -> None:
    db, clerk = office["db"], office["clerk"]
    p = contract(office)
    assert (p.amount, p.paid, p.division_code) == (Decimal("120000.00"), Decimal("0.00"), "511111")
    projects.pay(db, p.id, amount="60000", paid_on="2026-03-15", by=clerk)
    paid = projects.pay(db, "沙民购〔2026〕1号", amount="60000.00", paid_on="2026-09-15", note="尾款", by=clerk)
    assert (paid.paid, paid.unpaid) == (Decimal("120000.00"), Decimal("0.00"))
    done = projects.evaluate(db, p.id, result="excellent", on="2026-11-20", by=clerk)
    assert (done.evaluation, projects.evaluation_label(done.evaluation)) == ("excellent", "优秀")
    shown = projects.get_project(db, p.id)
    assert [(x.paid_on.isoformat(), x.amount) for x in shown.payments] == [
        ("2026-03-15", Decimal("60000.00")), ("2026-09-15", Decimal("60000.00"))]
    other = contract(office, name="儿童之家托管", year=2025, starts_on="2025-01-01", ends_on="2025-12-31",
                     contract_no=None, amount="8000.50", funding_source="budget")
    assert [x.id for x in projects.list_projects(db)] == [p.id, other.id]
    assert [x.id for x in projects.list_projects(db, year=2025)] == [other.id]
    assert [x.id for x in projects.list_projects(db, county="511111", organization=office["org"])] == [p.id, other.id]
    assert projects.list_projects(db, county="511112") == []


REFUSALS = {
    "a negative amount": ("add", {"amount": "-100"}, "enforce.bad_amount"),
    "an amount of three decimals": ("add", {"amount": "100.001"}, "enforce.bad_amount"),
    "an unknown funding source": ("add", {"funding_source": "lottery2"}, "project.bad_funding"),
    "a year to come": ("add", {"year": 2027}, "project.bad_year"),
    "a period ending before it starts": ("add", {"ends_on": "2026-02-01"}, "project.period_order"),
    "a contract number taken": ("add", {}, "project.contract_exists"),
    "an unknown organization": ("add", {"organization": "nobody"}, "enforce.org_not_found"),
    "a division outside the office": ("add", {"division": "511100"}, "project.bad_division"),
    "a payment over the contract": ("pay", {"amount": "120000.01"}, "project.over_contract"),
    "a negative payment": ("pay", {"amount": "-1"}, "enforce.bad_amount"),
    "a payment before the contract": ("pay", {"amount": "10", "paid_on": "2026-02-28"}, "project.before_contract"),
    "a payment in the future": ("pay", {"amount": "10", "paid_on": "2026-11-29"}, "enforce.date_in_future"),
    "an unknown evaluation": ("evaluate", {"result": "superb"}, "project.bad_evaluation"),
    "an unknown project": ("pay_nowhere", {"amount": "10"}, "project.not_found"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_a_refusal_is_audited_and_changes_nothing(office: dict[str, Any], name: str) -> None:
    db, clerk = office["db"], office["clerk"]
    p = contract(office)
    action, values, code = REFUSALS[name]
    calls = {
        "add": lambda: contract(office, **values),
        "pay": lambda: projects.pay(db, p.id, by=clerk, **values),
        "pay_nowhere": lambda: projects.pay(db, "沙民购〔2026〕99号", by=clerk, **values),
        "evaluate": lambda: projects.evaluate(db, p.id, by=clerk, **values),
    }
    before = data(db)
    with pytest.raises(CivicDeskError) as refused:
        calls[action]()
    assert refused.value.code == code
    assert data(db) == before
    assert audited(office, "project.refused")


def test_payments_add_up_to_the_contract_and_no_further(office: dict[str, Any]) -> None:
    db, clerk = office["db"], office["clerk"]
    p = contract(office, amount="100.00")
    projects.pay(db, p.id, amount="99.99", paid_on="2026-04-01", by=clerk)
    before = data(db)
    with pytest.raises(CivicDeskError) as refused:
        projects.pay(db, p.id, amount="0.02", paid_on="2026-04-02", by=clerk)
    assert refused.value.params["left"] == "0.01"
    assert "尚可支付 0.01 元" in refused.value.message("zh")
    assert data(db) == before
    projects.pay(db, p.id, amount="0.01", paid_on="2026-04-02", by=clerk)
    with pytest.raises(CivicDeskError, match="already"):
        projects.evaluate(db, projects.evaluate(db, p.id, result="pass", by=clerk).id, result="good", by=clerk)


@pytest.fixture
def listed(office: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A second organization put on the serious list by the credit service (proposed by a clerk, decided by a
    reviewer)."""
    org = organizations.add_organization(office["db"], social_group(name="沙湾区失信示范协会",
                                                                    uscc=make_uscc("1", "511111", "MJQ00017")),
                                      by=office["admin"])
    proposal = credit.propose(office["db"], org.id, "serious", "judgment_defaulter", detail="法院失信被执行人",
                              proposed_on="2026-11-01",
                              by=office["clerk"])
    decided = credit.decide(office["db"], proposal.id, approve=True, decision_no="沙民严〔2026〕7号",
                            decided_on="2026-11-02", by=office["rev1"])
    assert decided.state == "listed"
    yield {**office, "listed_org": org.id}


def test_an_organization_on_the_serious_list_cannot_be_contracted(listed: dict[str, Any]) -> None:
    before = data(listed["db"])
    with pytest.raises(CivicDeskError) as refused:
        contract(listed, organization=listed["listed_org"])
    assert refused.value.code == "project.org_serious_list"
    assert "沙民严〔2026〕7号" in refused.value.message("zh") and "严重违法失信名单" in refused.value.message("zh")
    assert "沙民严〔2026〕7号" in refused.value.message("en")
    assert data(listed["db"]) == before
    assert audited(listed, "project.refused")[0].details["error"] == "project.org_serious_list"


def test_an_organization_on_the_abnormal_list_may_be_contracted(office: dict[str, Any]) -> None:
    proposal = credit.propose(office["db"], office["org"], "abnormal", "abnormal_other", detail="未按期换届",
                              proposed_on="2026-11-01",
                              by=office["clerk"])
    credit.decide(office["db"], proposal.id, approve=True, decision_no="沙民异〔2026〕2号", decided_on="2026-11-02",
                  by=office["rev1"])
    assert contract(office).organization_id == office["org"]


def test_the_command_line(listed: dict[str, Any], capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    env = ["--db", str(listed["db"].path), "--user", "clerk1"]
    monkeypatch.setenv("CIVICDESK_PASSWORD", "a-long-password-2")
    add = [*env, "project", "add", "--name", "社区儿童托管", "--department", "沙湾区民政局", "--year", "2026",
           "--funding", "lottery", "--amount", "50000", "--from", "2026-04-01", "--to", "2026-12-31",
           "--deliverables", "每周托管两次", "--contract-no", "沙民购〔2026〕5号"]
    code, out, err = run(capsys, *add, "--org", listed["listed_org"])
    assert code != 0 and "沙民严〔2026〕7号" in err
    code, out, err = run(capsys, *add, "--org", listed["org"], "--json")
    assert code == 0, err
    project = json.loads(out)["id"]
    assert run(capsys, *env, "project", "pay", project, "--amount", "30000", "--on", "2026-05-01")[0] == 0
    code, out, err = run(capsys, *env, "project", "pay", project, "--amount", "20000.01", "--on", "2026-06-01")
    assert code != 0 and "付款超过合同金额" in err
    code, out, err = run(capsys, *env, "project", "evaluate", "沙民购〔2026〕5号", "--result", "good", "--json")
    assert code == 0 and json.loads(out)["evaluation"] == "good"
    code, out, err = run(capsys, "--db", str(listed["db"].path), "project", "show", project, "--json")
    assert code == 0 and json.loads(out)["paid"] == "30000.00"
    code, out, err = run(capsys, "--db", str(listed["db"].path), "project", "list", "--year", "2026")
    assert code == 0 and "社区儿童托管" in out and "共 1 个项目" in out
