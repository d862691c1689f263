"""``civicdesk penalty|interview|complaint|supervision ...``: the whole way with --json, one-line errors that
change nothing, and the reporter shown only by ``complaint reporter`` to a holder of the right."""

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

PASSWORD = "a-long-password-1"
#: a login writes the audit trail and the account's last login: the rest must stay as it was
LOGIN_TABLES = ("audit_entry", "user_account")


@pytest.fixture
def office(db_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    db = open_database(db_path)
    try:
        org = organizations.add_organization(db, social_group())
        admin = auth.create_user(db, "admin1", PASSWORD, "admin")
        auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin)
        auth.create_user(db, "rev1", PASSWORD, "reviewer", by=admin)
    finally:
        db.close()
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    monkeypatch.delenv("CIVICDESK_USER", raising=False)
    return {"db": str(db_path), "org": org.id}


def cd(capsys: pytest.CaptureFixture[str], office: dict[str, str], user: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", office["db"], "--user", user, *args)


def ok_json(capsys: pytest.CaptureFixture[str], office: dict[str, str], user: str, *args: str) -> Any:
    code, out, err = cd(capsys, office, user, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_penalty_the_whole_way_and_a_negative_fine_in_one_line(office, capsys) -> None:
    before = digest(Path(office["db"]), without=LOGIN_TABLES)
    code, out, err = cd(capsys, office, "clerk1", "penalty", "new", office["org"], "--case-no", "案1", "--kind", "fine",
                        "--amount", "-5", "--facts", "事实", "--basis", "条款")
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and "金额" in err, err
    assert digest(Path(office["db"]), without=LOGIN_TABLES) == before
    p = ok_json(capsys, office, "clerk1", "penalty", "new", office["org"], "--case-no", "案1", "--kind", "fine",
                "--amount", "5000", "--facts", "事实", "--basis", "条款")
    assert (p["state"], p["amount"]) == ("draft", "5000.00")
    code, out, err = cd(capsys, office, "clerk1", "penalty", "decide", "案1", "--decision-no", "文1")
    assert code != 0 and len(err.strip().splitlines()) == 1, err
    d = ok_json(capsys, office, "rev1", "penalty", "decide", "案1", "--decision-no", "文1")
    assert (d["state"], d["decided_on"], d["appeal_by"]) == ("decided", "2026-11-28", "2027-01-27")
    listed = ok_json(capsys, office, "clerk1", "penalty", "list", "--state", "decided")
    assert [x["case_no"] for x in listed] == ["案1"]
    w = ok_json(capsys, office, "rev1", "penalty", "withdraw", "案1", "--reason", "复议撤销")
    assert w["state"] == "withdrawn"


def test_a_complaint_the_whole_way_with_the_reporter_only_for_a_reviewer(office, capsys, clock) -> None:
    c = ok_json(capsys, office, "clerk1", "complaint", "new", "--received-on", "2026-09-01", "--channel", "letter",
                "--org", office["org"], "--content", "违规收费", "--reporter-name", "钱举报", "--reporter-phone",
                "13700001111")
    assert c["state"] == "received"
    assigned = ok_json(capsys, office, "clerk1", "complaint", "assign", c["id"], "--to", "clerk1")
    assert assigned["due_on"] == "2026-10-31"
    code, out, err = cd(capsys, office, "clerk1", "complaint", "list", "--overdue")
    assert code == 0 and c["id"] in out and "钱举报" not in out
    listed = ok_json(capsys, office, "clerk1", "complaint", "list")
    assert "钱举报" not in json.dumps(listed, ensure_ascii=False) and "13700001111" not in json.dumps(listed)
    code, out, err = cd(capsys, office, "clerk1", "complaint", "reporter", c["id"])
    assert code != 0 and "钱举报" not in out + err and len(err.strip().splitlines()) == 1, err
    who = ok_json(capsys, office, "rev1", "complaint", "reporter", c["id"])
    assert (who["name"], who["phone"]) == ("钱举报", "13700001111")
    replied = ok_json(capsys, office, "clerk1", "complaint", "reply", c["id"], "--finding", "属实")
    assert replied["state"] == "replied"
    code, out, err = cd(capsys, office, "clerk1", "complaint", "new", "--received-on", "2026-09-01", "--channel",
                        "letter", "--content", "x", "--anonymous")
    assert code != 0 and len(err.strip().splitlines()) == 1, err


def test_an_interview_and_the_timeline(office, capsys) -> None:
    i = ok_json(capsys, office, "clerk1", "interview", "new", office["org"], "--held-at", "2026-11-20 09:30",
                "--place", "局301", "--participants", "会长", "--issues", "未换届", "--rectification", "限期换届",
                "--rectify-by", "2027-01-31")
    ok_json(capsys, office, "clerk1", "interview", "outcome", i["id"], "--outcome", "已换届")
    listed = ok_json(capsys, office, "clerk1", "interview", "list", "--org", office["org"])
    assert [x["id"] for x in listed] == [i["id"]]
    code, out, err = cd(capsys, office, "clerk1", "interview", "new", office["org"], "--held-at", "soon", "--place",
                        "x", "--participants", "x", "--issues", "x")
    assert code != 0 and len(err.strip().splitlines()) == 1, err
    timeline = ok_json(capsys, office, "clerk1", "supervision", "history", office["org"])
    assert [(e["kind"], e["id"]) for e in timeline["entries"]] == [("interview", i["id"])]
    code, out, err = cd(capsys, office, "clerk1", "--lang", "en", "supervision", "history", office["org"])
    assert code == 0 and "Interview: 未换届 (rectify by 2027-01-31)" in out, out
