"""``civicdesk credit ...``: the whole way with --json (propose by hand and by the rules, decide, remove, object,
the timers, the calendar), and one-line errors that change nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from civicdesk.services.register import organizations
from tests.factories import social_group
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.supervision.test_credit import penalty

PASSWORD = "a-long-password-1"
LOGIN_TABLES = ("audit_entry", "user_account")


@pytest.fixture
def office(db_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    db = open_database(db_path)
    try:
        org = organizations.add_organization(db, social_group())
        penalty(db, org.id, "warning", date(2026, 10, 9))
        admin = auth.create_user(db, "admin1", PASSWORD, "admin")
        auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin)
        auth.create_user(db, "rev1", PASSWORD, "reviewer", by=admin)
    finally:
        db.close()
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    monkeypatch.delenv("CIVICDESK_USER", raising=False)
    return {"db": str(db_path), "org": org.id, "uscc": social_group()["uscc"]}


def credit(capsys: pytest.CaptureFixture[str], office: dict[str, str], user: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", office["db"], "--user", user, "credit", *args)


def ok_json(capsys: pytest.CaptureFixture[str], office: dict[str, str], user: str, *args: str) -> Any:
    code, out, err = credit(capsys, office, user, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_whole_way_with_json(office, capsys):
    engine = ok_json(capsys, office, "clerk1", "propose", "--rules")
    [proposal] = engine["proposed"]
    assert (proposal["ground"], proposal["proposed_by"]) == ("warning_or_small_fine", "rules")
    assert ok_json(capsys, office, "clerk1", "propose", "--rules", "--org", office["uscc"])["proposed"] == []
    by_hand = ok_json(capsys, office, "clerk1", "propose", "--org", office["uscc"], "--list", "serious",
                      "--ground", "judgment_defaulter", "--detail", "法院失信被执行人名单")
    assert by_hand["state"] == "proposed"
    due = ok_json(capsys, office, "clerk1", "due")
    assert {(i["kind"], i["bucket"]) for i in due} == {("decide", "today")}
    listed = ok_json(capsys, office, "rev1", "decide", proposal["id"], "--approve",
                     "--decision-no", "沙民信〔2026〕1号")
    assert (listed["state"], listed["listed_on"]) == ("listed", "2026-11-28")
    rejected = ok_json(capsys, office, "rev1", "decide", by_hand["id"], "--reject", "--reason", "名单已撤销")
    assert rejected["state"] == "rejected"
    assert [r["id"] for r in ok_json(capsys, office, "rev1", "list", "--state", "listed")] == [proposal["id"]]
    objection = ok_json(capsys, office, "clerk1", "object", proposal["id"], "--content", "警告已被复议撤销")
    decided = ok_json(capsys, office, "rev1", "objection-decide", objection["id"], "--decision", "upheld",
                      "--reply", "复议维持原处罚")
    assert decided["decision"] == "upheld"
    removal = ok_json(capsys, office, "clerk1", "remove", proposal["id"], "--ground", "other", "--reason", "复核")
    assert removal["removal_ground"] == "other"
    gone = ok_json(capsys, office, "rev1", "remove-decide", proposal["id"], "--approve",
                   "--decision-no", "沙民信〔2026〕2号")
    assert gone["state"] == "removed"
    code, out, _ = credit(capsys, office, "rev1", "list")
    assert code == 0 and "共 2 条" in out


def test_bad_values_get_one_line_and_change_nothing(office, capsys):
    before = digest(Path(office["db"]), without=LOGIN_TABLES)
    for args in (("propose", "--org", office["uscc"], "--list", "abnormal"),
                 ("propose", "--org", office["uscc"], "--list", "abnormal", "--ground", "nope"),
                 ("decide", "missing-id", "--approve", "--decision-no", "1"),
                 ("remove", "missing-id", "--ground", "six_months")):
        code, out, err = credit(capsys, office, "clerk1", *args)
        assert code != 0 and out == "" and len(err.strip().splitlines()) == 1, (args, err)
    assert digest(Path(office["db"]), without=LOGIN_TABLES) == before


def test_the_calendar_list_add_remove(office, capsys):
    days = ok_json(capsys, office, "admin1", "calendar", "list", "--year", "2026")
    assert {"day": "2026-10-10", "kind": "workday", "name": None, "own": False, "id": None,
            "source": "国务院办公厅关于2026年部分节假日安排的通知（2025年11月）"} in days
    added = ok_json(capsys, office, "admin1", "calendar", "add", "--day", "2027-02-06", "--to", "2027-02-12",
                    "--kind", "holiday", "--name", "春节", "--source", "国务院办公厅关于2027年部分节假日安排的通知")
    assert len(added) == 7
    code, _, err = credit(capsys, office, "clerk1", "calendar", "add", "--day", "2027-02-13", "--kind", "workday",
                          "--source", "通知")
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert len(ok_json(capsys, office, "admin1", "calendar", "remove", "--day", "2027-02-06")) == 1
    assert len(ok_json(capsys, office, "admin1", "calendar", "list", "--year", "2027")) == 6
