"""``civicdesk rating ...``: the whole way with --json, the expiring list, and one-line errors that change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from civicdesk.services.register import organizations
from tests.factories import social_group
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.supervision.test_rating import inspect

PASSWORD = "a-long-password-1"
#: a login writes the audit trail and the account's last login: the rest must stay as it was
LOGIN_TABLES = ("audit_entry", "user_account")


@pytest.fixture
def office(db_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    db = open_database(db_path)
    try:
        org = organizations.add_organization(db, social_group())
        inspect(db, org.id, 2025, "pass")
        admin = auth.create_user(db, "admin1", PASSWORD, "admin")
        auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin)
        auth.create_user(db, "rev1", PASSWORD, "reviewer", by=admin)
    finally:
        db.close()
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    monkeypatch.delenv("CIVICDESK_USER", raising=False)
    return {"db": str(db_path), "org": org.id, "uscc": social_group()["uscc"]}


def rating(capsys: pytest.CaptureFixture[str], office: dict[str, str], user: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", office["db"], "--user", user, "rating", *args)


def ok_json(capsys: pytest.CaptureFixture[str], office: dict[str, str], user: str, *args: str) -> Any:
    code, out, err = rating(capsys, office, user, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_whole_way_with_json_and_the_expiring_list(office, capsys, clock):
    applied = ok_json(capsys, office, "clerk1", "apply", office["uscc"], "--year", "2026")
    app = applied["id"]
    assert applied["state"] == "applied" and len(applied["eligibility"]) >= 9
    scored = ok_json(capsys, office, "clerk1", "score", app, "--part", "basic=60", "--part", "governance=385",
                     "--part", "performance=395", "--part", "reputation=145")
    assert (scored["state"], scored["total"], scored["grade"]) == ("scored", 985, "5A")
    assert ok_json(capsys, office, "clerk1", "submit", app)["state"] == "submitted"
    decided = ok_json(capsys, office, "rev1", "decide", app, "--decision-no", "沙民评〔2026〕1号")
    assert (decided["valid_from"], decided["valid_to"]) == ("2026-11-28", "2031-11-27")
    assert [r["id"] for r in ok_json(capsys, office, "rev1", "list", "--year", "2026")] == [app]
    assert ok_json(capsys, office, "rev1", "list", "--expiring") == []
    clock.advance(days=1800)  # 2031-11-02: 25 days left
    assert [r["days_left"] for r in ok_json(capsys, office, "rev1", "list", "--expiring")] == [25]
    assert ok_json(capsys, office, "rev1", "list", "--expiring", "20") == []
    lowered = ok_json(capsys, office, "rev1", "lower", app, "--grade", "3A", "--reason", "年检基本合格")
    assert (lowered["state"], lowered["current_grade"]) == ("lowered", "3A")
    assert ok_json(capsys, office, "rev1", "cancel", app, "--reason", "弄虚作假")["current_grade"] is None
    code, out, _ = rating(capsys, office, "rev1", "list")
    assert code == 0 and "已取消" in out and "共 1 件" in out


def _application(capsys: pytest.CaptureFixture[str], office: dict[str, str], *, submitted: bool) -> str:
    """An application of 2026-11-01 with the part ``basic`` scored, and (``submitted``) every part, submitted."""
    app = ok_json(capsys, office, "clerk1", "apply", office["org"], "--year", "2026", "--applied-on", "2026-11-01")
    ok_json(capsys, office, "clerk1", "score", app["id"], "--part", "basic=50")
    if submitted:
        ok_json(capsys, office, "clerk1", "score", app["id"], "--part", "governance=300", "--part",
                "performance=300", "--part", "reputation=100")
        ok_json(capsys, office, "clerk1", "submit", app["id"])
    return str(app["id"])


@pytest.mark.parametrize("user, args, zh, en", [
    ("clerk1", ["score", "{app}", "--part", "basic=61"], "超出范围", "out of range (0-60)"),
    ("clerk1", ["score", "{app}", "--part", "charm=5"], "没有评分部分", "No score part 'charm'"),
    ("clerk1", ["score", "{app}", "--part", "basic=ten"], "应为整数", "must be a whole number"),
    ("clerk1", ["decide", "{app}", "--decision-no", "1号"], "无权", "may not"),
    ("rev1", ["decide", "{app}", "--decision-no", "1号", "--decided-on", "2026-10-01"], "早于申请日期",
     "before the application date"),
    ("rev1", ["decide", "{app}", "--decision-no", " "], "文号", "decision number"),
    ("rev1", ["refuse", "{app}", "--reason", ""], "须写明理由", "without a reason"),
    ("rev1", ["lower", "{app}", "--grade", "1A", "--reason", "x"], "不能降级", "cannot be lowered"),
    ("clerk1", ["apply", "{org}", "--year", "2026"], "未办结", "in progress"),
    ("rev1", ["list", "--expiring", "-3"], "天数", "Days -3"),
    ("rev1", ["list", "--expiring", "soon"], "天数", "Days soon"),
    ("clerk1", ["submit", "no-such-id"], "未找到评估申请", "No rating application"),
])
def test_bad_input_is_one_line_in_either_language_and_changes_nothing(office, capsys, user, args, zh, en):
    app = _application(capsys, office, submitted=args[0] != "score")
    args = [a.format(app=app, org=office["org"]) for a in args]
    before = digest(Path(office["db"]), without=LOGIN_TABLES)
    code, out, err = rating(capsys, office, user, *args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and zh in err, err
    code, _, err = run(capsys, "--db", office["db"], "--lang", "en", "--user", user, "rating", *args)
    assert code == 2 and len(err.strip().splitlines()) == 1 and en in err, err
    assert "Traceback" not in err
    assert digest(Path(office["db"]), without=LOGIN_TABLES) == before


def test_an_ineligible_application_names_its_rule_and_writes_nothing(office, capsys):
    db = open_database(Path(office["db"]))
    try:
        with db.unit(actor="test") as session:
            from civicdesk.models import InspectionRecord

            session.query(InspectionRecord).one().conclusion = "fail"
    finally:
        db.close()
    before = digest(Path(office["db"]), without=LOGIN_TABLES)
    code, _, err = rating(capsys, office, "clerk1", "apply", office["uscc"], "--year", "2026")
    assert code == 2 and "上年度年检合格或基本合格" in err and "2025 年度年检不合格" in err
    code, _, err = run(capsys, "--db", office["db"], "--lang", "en", "--user", "clerk1", "rating", "apply",
                       office["uscc"], "--year", "2026", "--json")
    assert code == 2 and "last year's inspection not failed" in err and len(err.strip().splitlines()) == 1
    assert digest(Path(office["db"]), without=LOGIN_TABLES) == before
