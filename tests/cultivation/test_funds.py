"""Community funds (社区基金): a fund of a community held by a foundation of the register or a named holder, its
dated contributions and grants, a balance that never goes below zero on any day; the ``fund`` and ``venture``
command groups end to end with ``--json``; every refusal leaves the database as it was."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.cultivation import funds
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.supervision.enforcement_fixtures import audited, data, office
from tests.supervision.test_enforcement_cli import LOGIN_TABLES
from tests.supervision.test_enforcement_cli import office as cli_office

__all__ = ["office", "cli_office"]

COMMUNITY = "511111100001"  # a community of 沙湾区's township 511111100 (added below: the reference has none)


def add_community(path: Path | str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO division (code, name, full_name, level, parent_code, code_official, invented) "
                     "VALUES (?, '演示社区', '沙湾区演示社区', 'community', '511111100', 0, 1)", (COMMUNITY,))


@pytest.fixture
def fund(office: dict[str, Any]) -> dict[str, Any]:
    add_community(office["db"].path)
    f = funds.add_fund(office["db"], community=COMMUNITY, name="演示社区基金", holder=office["org"],
                       founded_on="2025-06-01", by=office["clerk"])
    return {**office, "fund": f.id}


def test_contributions_and_grants_make_the_balance(fund: dict[str, Any]) -> None:
    db = fund["db"]
    funds.contribute(db, fund["fund"], amount="100000", party="某企业", entry_on="2025-07-01", by=fund["clerk"])
    funds.grant(db, fund["fund"], amount="30000", party="社区老年协会", purpose="重阳节活动", entry_on="2025-10-01",
                by=fund["clerk"])
    f = funds.get_fund(db, "演示社区基金")
    assert (f.contributed, f.granted, f.balance) == (Decimal("100000"), Decimal("30000"), Decimal("70000"))
    assert f.division_code == "511111" and f.holder == fund["org_name"]
    assert [e.kind for e in f.entries] == ["contribution", "grant"]
    assert [x.id for x in funds.list_funds(db, division="511111")] == [fund["fund"]]


def test_a_grant_over_the_balance_changes_nothing_even_back_dated(fund: dict[str, Any]) -> None:
    db = fund["db"]
    funds.contribute(db, fund["fund"], amount="1000", party="居民", entry_on="2025-08-01", by=fund["clerk"])
    before = data(db)
    for over in ({"amount": "1000.01"}, {"amount": "500", "entry_on": "2025-07-31"}):
        with pytest.raises(CivicDeskError) as refused:
            funds.grant(db, fund["fund"], by=fund["clerk"],
                        **{"party": "某组织", "purpose": "活动", "entry_on": "2025-09-01", **over})
        assert refused.value.code == "fund.over_balance", over
    assert data(db) == before
    assert audited(fund, "community_fund.refused")[0].details["error"] == "fund.over_balance"
    assert funds.grant(db, fund["fund"], amount="1000", party="某组织", purpose="活动", entry_on="2025-09-01",
                       by=fund["clerk"]).balance == Decimal("0")


REFUSALS = {
    "a negative contribution": ({"amount": "-100"}, "enforce.bad_amount"),
    "a contribution of nothing": ({"amount": "0"}, "enforce.bad_amount"),
    "a contribution before the fund": ({"entry_on": "2025-05-31"}, "fund.before_founded"),
    "a contribution in the future": ({"entry_on": "2026-11-29"}, "enforce.date_in_future"),
    "a contribution without a party": ({"party": " "}, "enforce.required"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_bad_entries_change_nothing(fund: dict[str, Any], name: str) -> None:
    over, code = REFUSALS[name]
    before = data(fund["db"])
    with pytest.raises(CivicDeskError) as refused:
        funds.contribute(fund["db"], fund["fund"], by=fund["clerk"],
                         **{"amount": "100", "party": "居民", "entry_on": "2025-07-01", **over})
    assert refused.value.code == code
    assert data(fund["db"]) == before


@pytest.mark.parametrize("over, code", [
    ({"community": "511111100"}, "fund.community"),  # a township, not a community
    ({"community": "511102001001"}, "fund.community"),  # another county
    ({"holder": None}, "fund.holder"),
    ({"holder_name": "乐山市慈善总会"}, "fund.holder"),
    ({"name": "演示社区基金"}, "fund.exists"),
])
def test_bad_funds_change_nothing(fund: dict[str, Any], over: dict[str, Any], code: str) -> None:
    before = data(fund["db"])
    with pytest.raises(CivicDeskError) as refused:
        funds.add_fund(fund["db"], by=fund["clerk"], **{"community": COMMUNITY, "name": "另一基金",
                                                         "holder": fund["org"], "founded_on": "2025-01-01", **over})
    assert refused.value.code == code
    assert data(fund["db"]) == before


def _ok(capsys: Any, path: str, user: str, *args: str) -> Any:
    code, out, err = run(capsys, "--db", path, "--user", user, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_fund_commands_end_to_end(cli_office: dict[str, str], capsys: Any) -> None:
    path = cli_office["db"]
    add_community(path)

    def ok(user: str, *args: str) -> Any:
        return _ok(capsys, path, user, *args)

    f = ok("clerk1", "fund", "add", "--community", COMMUNITY, "--name", "演示社区基金", "--holder-name",
           "乐山市慈善总会", "--founded-on", "2025-06-01")
    ok("clerk1", "fund", "contribute", f["id"], "--amount", "5000", "--party", "居民", "--on", "2025-07-01")
    shown = ok("clerk1", "fund", "grant", f["id"], "--amount", "2000", "--party", "老年协会", "--purpose", "助餐",
               "--on", "2025-08-01")
    assert shown["balance"] == "3000.00" and len(shown["entries"]) == 2
    assert ok("clerk1", "fund", "list")[0]["balance"] == "3000.00"
    before = digest(Path(path), without=LOGIN_TABLES)
    code, out, err = run(capsys, "--db", path, "--user", "clerk1", "fund", "grant", f["id"], "--amount", "3000.01",
                         "--party", "某", "--purpose", "某", "--on", "2025-09-01")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "余额" in err, err
    assert digest(Path(path), without=LOGIN_TABLES) == before


def test_the_venture_commands_end_to_end(cli_office: dict[str, str], capsys: Any) -> None:
    path = cli_office["db"]

    def ok(user: str, *args: str) -> Any:
        return _ok(capsys, path, user, *args)

    r = ok("clerk1", "venture", "add", "--name", "金点子大赛", "--kind", "contest", "--organizer", "市中区民政局",
           "--budget", "100000", "--opens", "2026-03-01", "--closes", "2026-04-30")
    a = ok("clerk1", "venture", "apply", r["id"], "--applicant", "居民王某", "--title", "口袋公园", "--amount", "8000",
           "--submitted-on", "2026-03-02")
    ok("clerk1", "venture", "score", a["id"], "--judge", "评审甲", "--score", "88")
    code, out, err = run(capsys, "--db", path, "--user", "clerk1", "venture", "score", a["id"], "--judge", "评审乙",
                         "--score", "101")
    assert code != 0 and "0 至 100" in err, err
    ok("rev1", "venture", "award", a["id"], "--amount", "8000")
    ok("clerk1", "venture", "pay", a["id"], "--amount", "8000", "--paid-on", "2026-11-28")
    shown = ok("clerk1", "venture", "show", "金点子大赛")
    assert shown["ranking"][0]["mean_score"] == "88.00" and shown["paid"] == "8000.00"
    assert ok("clerk1", "venture", "list", "--kind", "contest")[0]["awarded"] == "8000.00"
