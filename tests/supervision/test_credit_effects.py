"""The credit lists' effects where they apply: the register's derived ``organization.credit_list`` follows every
step into or out of a list (decide, removal, move-over, an objection's annulment), the register's ``--credit``
filter on ``org list`` and ``print register``, the warning lines of the detail pane, the printed sheet and the
filings.  Listings are made with the credit service (a clerk proposes, a reviewer decides); the program's clock
is the ``clock`` fixture (2026-11-28)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.core.validation import make_uscc
from civicdesk.services.register import organizations
from civicdesk.services.supervision import credit
from tests.factories import social_group
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.services.test_printing import text_of
from tests.supervision.test_rating import inspect


@pytest.fixture
def office(db: Any, clock: Any) -> dict[str, Any]:
    """Three social groups (one to stay off the lists); an administrator, a clerk, two reviewers."""
    orgs = [organizations.add_organization(db, social_group(name=f"乐山市沙湾区测试{word}协会",
                                                            uscc=make_uscc("1", "511111", code))).id
            for word, code in (("摄影", "MJ900001"), ("书法", "MJ900002"), ("围棋", "MJ900003"))]
    inspect(db, orgs[0], 2025, "pass")
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    return {
        "db": db, "orgs": orgs, "org": orgs[0], "admin": admin, "clock": clock,
        "clerk": auth.create_user(db, "clerk1", "a-long-password-2", "clerk", by=admin),
        "rev1": auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin),
        "rev2": auth.create_user(db, "rev2", "a-long-password-4", "reviewer", by=admin),
    }


def column(o: dict[str, Any], org: str | None = None) -> str | None:
    with o["db"].read() as session:
        from civicdesk.models import Organization

        return session.get(Organization, org or o["org"]).credit_list


def list_it(o: dict[str, Any], org: str | None = None, kind: str = "abnormal", ground: str = "abnormal_other", *,
            proposed_on: str = "2026-03-01", decided_on: str = "2026-03-02", number: str = "沙民异〔2026〕3号") -> str:
    p = credit.propose(o["db"], org or o["org"], kind, ground, by=o["clerk"], detail="情形", proposed_on=proposed_on)
    before = column(o, org)
    assert column(o, org) == before  # a proposal is not a listing
    return credit.decide(o["db"], p.id, approve=True, by=o["rev1"], decision_no=number, decided_on=decided_on).id


def test_the_column_follows_a_listing_through_its_removal(office):
    db = office["db"]
    key = list_it(office)
    assert column(office) == "abnormal"
    credit.propose_removal(db, key, "rectified", by=office["clerk"], on="2026-09-30")
    assert column(office) == "abnormal"  # proposed, not yet removed
    credit.decide_removal(db, key, approve=True, by=office["rev2"], decision_no="沙民信〔2026〕9号")
    assert column(office) is None
    assert [column(office, o) for o in office["orgs"][1:]] == [None, None]


def test_a_rejected_proposal_leaves_it_off_and_a_refusal_writes_nothing(office):
    db = office["db"]
    p = credit.propose(db, office["org"], "abnormal", "abnormal_other", by=office["clerk"], detail="情形")
    before = digest(db.path, without=("audit_entry",))
    with pytest.raises(CivicDeskError):
        credit.decide(db, p.id, approve=True, by=office["clerk"], decision_no="x")  # a clerk does not decide
    assert digest(db.path, without=("audit_entry",)) == before
    credit.decide(db, p.id, approve=False, by=office["rev1"], reason="证据不足")
    assert column(office) is None


def test_the_serious_list_wins_and_the_move_over_keeps_it_serious(office):
    db, clock = office["db"], office["clock"]
    old = list_it(office, proposed_on="2024-11-20", decided_on="2024-11-29")
    assert column(office) == "abnormal"
    clock.advance(days=1)
    [move] = credit.propose_due(db, by=office["clerk"], organization_ids=[office["org"]]).proposed
    assert column(office) == "abnormal"
    credit.decide(db, move.id, approve=True, by=office["rev2"], decision_no="沙民信〔2026〕7号")
    assert credit.get_listing(db, old).state == "moved"
    assert column(office) == "serious"
    # a second abnormal listing beside the serious one does not lower it
    list_it(office, number="沙民异〔2026〕8号")
    assert column(office) == "serious"


def test_an_objection_annulling_the_listing_clears_it(office):
    db = office["db"]
    key = list_it(office)
    o = credit.object_to(db, key, "年度报告已按期寄出", by=office["clerk"], received_on="2026-11-20")
    credit.decide_objection(db, o.id, "upheld", "维持", by=office["rev1"])
    assert column(office) == "abnormal"
    o = credit.object_to(db, key, "补充邮寄凭证", by=office["clerk"], received_on="2026-11-21")
    credit.decide_objection(db, o.id, "annulled", "经核实，列入有误", by=office["rev1"])
    assert column(office) is None


def test_current_listings_and_their_warning_lines(office):
    list_it(office)
    [now] = credit.current(office["db"], office["org"])
    assert credit.warning(now) == "⚠ 已列入活动异常名录（沙民异〔2026〕3号，2026-03-02）"
    assert credit.warning(now, "en") == "⚠ On the abnormal list (沙民异〔2026〕3号, 2026-03-02)"
    assert credit.listing_line(now).startswith("活动异常名录：")
    assert "沙民异〔2026〕3号" in credit.listing_line(now, "en")
    assert credit.current(office["db"], office["orgs"][2]) == []


# -- the register's filter on the command line ------------------------------------------------------------------
def org_list(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> set[str]:
    code, out, err = run(capsys, "--db", str(path), "org", "list", *options, "--json")
    assert code == 0, err
    return {row["id"] for row in json.loads(out)}


def test_org_list_by_credit_list(office, capsys):
    db, (a, b, c) = office["db"], office["orgs"]
    list_it(office, a)
    list_it(office, b, "serious", "serious_other", number="沙民失〔2026〕1号")
    path = db.path
    rows = {row["id"]: row for row in json.loads(run(capsys, "--db", str(path), "org", "list", "--json")[1])}
    assert (rows[a]["credit_list"], rows[b]["credit_list"], rows[c]["credit_list"]) == ("abnormal", "serious", None)
    assert org_list(capsys, path, "--credit", "abnormal") == {a}
    assert org_list(capsys, path, "--credit", "严重违法失信名单") == {b}
    assert org_list(capsys, path, "--credit", "LISTED") == {a, b}
    assert org_list(capsys, path, "--credit", "未列入") == {c}
    assert org_list(capsys, path, "--credit", "none", "--search", "围棋") == {c}
    before = digest(path)
    for lang, word in (("zh", "信用状况"), ("en", "Credit status")):
        code, out, err = run(capsys, "--db", str(path), "--lang", lang, "org", "list", "--credit", "bad")
        assert code != 0 and word in err and "abnormal, serious, listed, none" in err and err.count("\n") == 1, err
    assert digest(path) == before


def test_print_register_by_credit_list(office, capsys, tmp_path, monkeypatch):
    list_it(office, office["orgs"][1], "serious", "serious_other", number="沙民失〔2026〕1号")
    path = office["db"].path
    target = tmp_path / "serious.pdf"
    monkeypatch.setenv("CIVICDESK_PASSWORD", "a-long-password-2")
    code, out, err = run(capsys, "--db", str(path), "--user", "clerk1", "print", "register", "--credit", "serious",
                         "-o", str(target), "--json")
    assert code == 0, err
    assert json.loads(out)["rows"] == 1
    flat = re.sub(r"\s+", "", text_of(target))
    assert "已列入严重违法失信名单" in flat and "书法" in flat and "摄影" not in flat


# -- the printed sheet and the filings ---------------------------------------------------------------------------
def test_the_printed_sheet_shows_the_listing_and_a_warning(office, tmp_path):
    from civicdesk.services.printing import print_document

    list_it(office)
    sheet, other = tmp_path / "listed.pdf", tmp_path / "other.pdf"
    print_document(office["db"], "organization", {"key": office["org"]}, sheet, by=office["clerk"])
    flat = re.sub(r"\s+", "", text_of(sheet))
    assert "【警示】已列入活动异常名录（沙民异〔2026〕3号，2026-03-02）" in flat
    assert "（四）信用名单" in flat and "沙民异〔2026〕3号" in flat and "2026年3月2日" in flat
    print_document(office["db"], "organization", {"key": office["orgs"][2]}, other, public=True,
                   by=office["clerk"])
    flat = re.sub(r"\s+", "", text_of(other))
    assert "（四）信用名单" in flat and "（未列入）" in flat and "警示" not in flat


def test_a_filing_about_a_listed_organization_is_warned_not_barred(office, capsys):
    from civicdesk.services.filings import service as filings

    db = office["db"]
    list_it(office)
    data = {"organization_id": office["org"], "changes": {"address": "四川省乐山市沙湾区新址路8号"},
            "applicant": "王五", "documents": ["变更登记申请书"]}
    record = filings.draft_filing(db, "change", data, by=office["clerk"])
    shown = filings.get_filing(db, record.id)
    assert shown.credit_list == "abnormal"
    assert [(x.list_kind, x.decision_no) for x in shown.credit_listings] == [("abnormal", "沙民异〔2026〕3号")]
    assert shown.to_json()["credit_listings"][0]["listed_on"] == "2026-03-02"
    assert [r.credit_list for r in filings.list_filings(db)] == ["abnormal"]
    # not a bar: submitted, reviewed and approved as any other
    for action, who in (("submit", "clerk"), ("review", "rev1"), ("approve", "rev2")):
        record = filings.transition(db, record.id, action, by=office[who], document_no="沙民登〔2026〕5号")
    assert record.state == "approved"
    code, out, err = run(capsys, "--db", str(db.path), "filing", "show", record.number)
    assert code == 0, err
    assert "⚠ 已列入活动异常名录（沙民异〔2026〕3号，2026-03-02）" in out and "不妨碍办理" in out
    code, out, err = run(capsys, "--db", str(db.path), "--lang", "en", "filing", "show", record.number)
    assert "⚠ On the abnormal list" in out and "does not bar" in out
    other = filings.draft_filing(db, "change", {**data, "organization_id": office["orgs"][2]}, by=office["clerk"])
    assert filings.get_filing(db, other.id).credit_listings == ()
    assert "⚠" not in run(capsys, "--db", str(db.path), "filing", "show", other.number)[1]
