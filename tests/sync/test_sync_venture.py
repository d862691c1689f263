"""Venture philanthropy and community funds in sync: a district's round, application, score, payment, fund and
entry applied at the city; a row claiming another office, or a child disagreeing with its parent's office,
refused whole; the values a clerk could not have entered refused by row and field
(services/supervision/arrivals.py), with the city's database unchanged."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.db import digest
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import DISTRICT, OTHER, change, refused, rows

world = jurisdiction.world
world_known = jurisdiction.world_known  # (what world reads once per module)


def _id() -> str:
    return str(uuid.uuid4())


def _rows(org_id: str) -> dict[str, dict[str, Any]]:
    """One of each row kind, valid, of the district (a community invented under its township 511111100)."""
    base = {"office_code": DISTRICT, "entered_by": "clerk1", "origin_office": DISTRICT}
    r = {"id": _id(), "division_code": DISTRICT, "name": "沙湾区公益创投", "kind": "venture", "organizer": "区民政局",
         "budget": "550000.00", "opens_on": "2026-03-01", "closes_on": "2026-04-30", "awarded_on": "2026-05-20",
         **base}
    a = {"id": _id(), "round_id": r["id"], "organization_id": org_id, "applicant_name": None,
         "project_title": "社区助餐", "amount_asked": "60000.00", "submitted_on": "2026-03-15", "state": "awarded",
         "amount_awarded": "50000.00", "decided_on": "2026-05-20", "decided_by": "rev1", **base}
    s = {"id": _id(), "venture_application_id": a["id"], "judge": "评审甲", "score": "88.50",
         "scored_on": "2026-05-10", **base}
    p = {"id": _id(), "venture_application_id": a["id"], "paid_on": "2026-06-01", "amount": "30000.00", **base}
    f = {"id": _id(), "division_code": DISTRICT, "community_code": "511111100001", "name": "演示社区基金",
         "holder_org_id": None, "holder_name": "乐山市慈善总会", "founded_on": "2025-06-01", **base}
    e = {"id": _id(), "fund_id": f["id"], "kind": "grant", "entry_on": "2025-08-01", "amount": "2000.00",
         "party": "老年协会", "purpose": "助餐", **base}
    c = {"id": _id(), "fund_id": f["id"], "kind": "contribution", "entry_on": "2025-07-01", "amount": "5000.00",
         "party": "爱心企业", "purpose": None, **base}
    return {"venture_round": r, "venture_application": a, "venture_score": s, "venture_payment": p,
            "community_fund": f, "fund_entry": e, "fund_entry:contribution": c}


def _package(w: dict[str, Any], made: dict[str, dict[str, Any]]) -> bytes:
    """The rows of ``made`` (key: the entity, or ``entity:what`` for a second row of it)."""
    changes = [change(key.split(":")[0], row["id"], "upsert", row) for key, row in made.items()]
    return w["up"].package(changes, seq=2, previous=w["previous"])


def _with_community(city: Path) -> None:
    import sqlite3

    with sqlite3.connect(city) as conn:
        conn.execute("INSERT OR IGNORE INTO division (code, name, full_name, level, parent_code, code_official, "
                     "invented) VALUES ('511111100001', '演示社区', '沙湾区演示社区', 'community', '511111100', 0, 1)")


def test_a_districts_venture_and_fund_rows_apply_at_the_city(world: dict[str, Any]) -> None:
    city: Path = world["city"]
    _with_community(city)
    made = _rows(world["own_org"])
    result = refused(city, _package(world, made))
    assert result.status == "applied", result.message
    assert rows(city, "SELECT state, amount_awarded, decided_by FROM venture_application WHERE id = ?",
                made["venture_application"]["id"]) == [("awarded", 50000, "rev1")]
    assert rows(city, "SELECT count(*) FROM fund_entry WHERE fund_id = ?", made["community_fund"]["id"]) == [(2,)]


@pytest.mark.parametrize("entity", ["venture_round", "venture_score", "community_fund", "fund_entry"])
def test_a_row_of_another_office_is_refused_whole(world: dict[str, Any], entity: str) -> None:
    city: Path = world["city"]
    _with_community(city)
    made = _rows(world["own_org"])
    made[entity]["office_code"] = OTHER  # a child then disagrees with its parent; a parent claims 市中区
    before = digest(city)
    result = refused(city, _package(world, made))
    assert result.status == "refused" and result.reason == "sync.refused.foreign_row", result.message
    assert digest(city) == before


VALUES = {
    "a round of an unknown kind": ("venture_round", {"kind": "lottery"}, "kind"),
    "a round with a negative budget": ("venture_round", {"budget": "-1.00"}, "budget"),
    "a round closing before it opens": ("venture_round", {"closes_on": "2026-02-01"}, "closes_on"),
    "an application with a negative amount": ("venture_application", {"amount_asked": "-5.00"}, "amount_asked"),
    "an award over the amount asked": ("venture_application", {"amount_awarded": "60000.01"}, "amount_awarded"),
    "an award decided by its own clerk": ("venture_application", {"decided_by": "clerk1"}, "decided_by"),
    "an application by two applicants": ("venture_application", {"applicant_name": "居民"}, "applicant_name"),
    "a score out of range": ("venture_score", {"score": "1000.01"}, "score"),
    "a negative score": ("venture_score", {"score": "-1"}, "score"),
    "a payment in the future": ("venture_payment", {"paid_on": "2099-01-01"}, "paid_on"),
    "a negative payment": ("venture_payment", {"amount": "-100.00"}, "amount"),
    "a fund of a community of another county": ("community_fund", {"community_code": "511102001001"},
                                                "community_code"),
    "a grant without its purpose": ("fund_entry", {"purpose": None}, "purpose"),
    "a negative grant": ("fund_entry", {"amount": "-2000.00"}, "amount"),
}


@pytest.mark.parametrize("name", list(VALUES))
def test_an_arriving_row_a_clerk_could_not_have_entered_is_refused_whole(world: dict[str, Any], name: str) -> None:
    entity, over, field = VALUES[name]
    city: Path = world["city"]
    _with_community(city)
    made = _rows(world["own_org"])
    made[entity].update(over)
    before = digest(city)
    result = refused(city, _package(world, made))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert made[entity]["id"] in result.message and field in result.message, result.message
    assert digest(city) == before


# -- what one row cannot tell: its parent's award or budget, its fund's balance, its office's score range ----------
def _score_range(high: int) -> dict[str, Any]:
    """The district's own ``cultivation.score_range`` row (a scale of 0 to ``high``)."""
    return {"id": _id(), "key": "cultivation.score_range", "legal_form": None, "year_from": None, "year_to": None,
            "value": {"min": 0, "max": high}, "source": "区公益创投评审办法（测试）", "note": None,
            "edited_by": "admin1", "origin_office": DISTRICT}


def _second(made: dict[str, dict[str, Any]], key: str, **over: Any) -> None:
    entity = key.split(":")[0]
    made[key] = {**made[entity], "id": _id(), **over}


def _over_award(made: dict[str, dict[str, Any]]) -> None:
    _second(made, "venture_payment:second", amount="20000.01", paid_on="2026-07-01")  # 30,000 + 20,000.01


def _paid_before_award(made: dict[str, dict[str, Any]]) -> None:
    made["venture_payment"]["paid_on"] = "2026-05-19"


def _over_budget(made: dict[str, dict[str, Any]]) -> None:
    _second(made, "venture_application:second", organization_id=None, applicant_name="居民张某",
            amount_asked="600000.00", amount_awarded="500000.01")  # 50,000 + 500,000.01 > 550,000


def _budget_lowered(made: dict[str, dict[str, Any]]) -> None:
    made["venture_round"]["budget"] = "49999.99"


def _below_zero(made: dict[str, dict[str, Any]]) -> None:
    del made["fund_entry:contribution"]  # the grant of 2,000 with nothing contributed


def _grant_before_contribution(made: dict[str, dict[str, Any]]) -> None:
    made["fund_entry:contribution"]["entry_on"] = "2025-08-02"  # enough in the end, not on the grant's day


def _outside_own_range(made: dict[str, dict[str, Any]]) -> None:
    made["parameter"] = _score_range(10)  # 88.50 on the district's own scale of 0 to 10


CONTEXT = {
    # the payment, or its application (whose payments are judged too), whichever the import reaches first
    "payments over the award": (_over_award, ("venture_payment", "venture_application"), "amount"),
    "a payment before the award": (_paid_before_award, ("venture_payment", "venture_application"), "amount"),
    "awards over the round's budget": (_over_budget, ("venture_application", "venture_round"), ""),
    "a budget lowered under the awards": (_budget_lowered, ("venture_round", "venture_application"), ""),
    "a grant taking the fund below zero": (_below_zero, ("fund_entry",), "amount"),
    "a grant before the contribution it needs": (_grant_before_contribution, ("fund_entry",), "amount"),
    "a score outside the office's own range": (_outside_own_range, ("venture_score",), "score"),
}


@pytest.mark.parametrize("name", list(CONTEXT))
def test_an_arriving_row_that_breaks_a_rule_with_the_rows_beside_it_is_refused_whole(world: dict[str, Any],
                                                                                      name: str) -> None:
    spoil, entities, field = CONTEXT[name]
    city: Path = world["city"]
    _with_community(city)
    made = _rows(world["own_org"])
    spoil(made)
    before = digest(city)
    result = refused(city, _package(world, made))
    assert result.reason == "sync.refused.invalid_row", result.message
    named = [k for k, row in made.items() if row["id"] in result.message]
    assert named and named[0].split(":")[0] in entities and field in result.message, result.message
    assert digest(city) == before


def test_a_score_is_judged_by_the_office_s_own_range_stored_or_arriving(world: dict[str, Any]) -> None:
    """A scale of 0 to 1000 (the district's own, arriving with the score) takes 880; stored at the city, the
    district's scale of 0 to 10 refuses a later 88.5, and a scale of 0 to 100 would take it."""
    city: Path = world["city"]
    _with_community(city)
    made = _rows(world["own_org"])
    made["venture_score"]["score"] = "880.00"
    made["parameter"] = _score_range(1000)
    result = refused(city, _package(world, made))
    assert result.status == "applied", result.message
    import sqlite3

    with sqlite3.connect(city) as conn:  # the district narrows its scale (stored at the city)
        conn.execute("UPDATE parameter SET value = ? WHERE id = ?", ('{"min": 0, "max": 10}', made["parameter"]["id"]))
    (previous,) = rows(city, "SELECT sha256 FROM sync_inbox WHERE origin = ? AND seq = 2", DISTRICT)[0]
    later = {**made["venture_score"], "id": _id(), "judge": "评审乙", "score": "88.50"}
    before = digest(city)
    result = refused(city, world["up"].package([change("venture_score", later["id"], "upsert", later)], seq=3,
                                               previous=previous))
    assert result.reason == "sync.refused.invalid_row" and later["id"] in result.message, result.message
    assert digest(city) == before
