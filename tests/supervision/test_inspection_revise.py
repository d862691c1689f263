"""Revising a decided annual inspection (``inspection revise``): a new decision with its reason by a reviewer other
than the record's clerk, one step ``revise`` keeping the conclusions before and after, audited, the register's
columns following; every refusal one line with the database unchanged; an arriving revise step is judged like a
clerk's entry (the revision's journey to the city: tests/sync/test_sync_supervision.py)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import arrivals, inspection
from tests.helpers.cli import run

PASSWORD = "a-long-password-1"


def rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def office(shawan_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """沙湾区's demo (its 2019 and 2020 inspections, decided by demo_reviewer) with a clerk and two reviewers."""
    db = open_database(shawan_db_path)
    admin = auth.create_user(db, "admin1", PASSWORD, "admin")
    auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin)
    auth.create_user(db, "rev1", PASSWORD, "reviewer", by=admin)
    auth.create_user(db, "rev2", PASSWORD, "reviewer", by=admin)
    db.close()
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    return shawan_db_path


def a_record(path: Path, state: str = "decided", conclusion: str | None = "pass", year: int = 2020) -> dict[str, Any]:
    """One demo record of ``year`` in ``state`` (with ``conclusion``), with its organization's USCC."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            "SELECT r.*, o.uscc FROM inspection_record r JOIN organization o ON o.id = r.organization_id "
            "WHERE r.year = ? AND r.state = ? AND (? IS NULL OR r.conclusion = ?) AND o.uscc IS NOT NULL "
            "ORDER BY r.id LIMIT 1", (year, state, conclusion, conclusion)).fetchone()
        return dict(row)
    finally:
        conn.close()


def revise(capsys: pytest.CaptureFixture[str], path: Path, user: str, key: str, *args: str,
           lang: str = "zh") -> tuple[int, str, str]:
    return run(capsys, "--db", str(path), "--lang", lang, "--user", user, "inspection", "revise", key, *args)


def test_a_reviewer_revises_a_decided_conclusion(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = a_record(office)
    db = open_database(office)
    try:
        before = inspection.participation(db, 2020).total
    finally:
        db.close()
    code, out, err = revise(capsys, office, "rev1", record["uscc"], "--year", "2020", "--conclusion", "basic",
                            "--reason", "复核发现财务管理制度不健全", "--json")
    assert code == 0, err
    revised = json.loads(out)
    assert (revised["state"], revised["conclusion"], revised["decided_by"]) == ("decided", "basic", "rev1")
    assert revised["reasons"] == "复核发现财务管理制度不健全"  # a 基本合格 carries its reasons
    step = revised["steps"][-1]
    assert (step["action"], step["from"], step["to"], step["actor"]) == ("revise", "decided", "decided", "rev1")
    assert inspection.revision_of(step["comment"]) == ("pass", "basic", "复核发现财务管理制度不健全")
    # the register's derived columns, the counts and the audit trail follow
    assert rows(office, "SELECT inspection_year, inspection_conclusion FROM organization WHERE id = ?",
                record["organization_id"]) == [(2020, "basic")]
    db = open_database(office)
    try:
        after = inspection.participation(db, 2020).total
    finally:
        db.close()
    assert (after.decided, after.passed, after.basic) == (before.decided, before.passed - 1, before.basic + 1)
    audited = rows(office, "SELECT actor, details FROM audit_entry WHERE entity = 'inspection_record' "
                           "AND entity_id = ? ORDER BY seq DESC LIMIT 1", record["id"])
    assert audited and audited[0][0] == "rev1" and "basic" in audited[0][1]


def test_a_revision_is_revised_again_by_another_reviewer(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = a_record(office)
    code, out, err = revise(capsys, office, "rev1", record["id"], "--year", "2020", "--conclusion", "fail",
                            "--reason", "复核发现未开展活动", "--reasons", "连续一年以上未开展业务活动", "--json")
    assert code == 0, err
    assert json.loads(out)["reasons"] == "连续一年以上未开展业务活动"  # the conclusion's own reasons, when given
    # back to 合格 (no reasons kept), by another reviewer, in English
    code, out, err = revise(capsys, office, "rev2", record["id"], "--year", "2020", "--conclusion", "pass",
                            "--reason", "复议后维持合格", lang="en")
    assert code == 0, err
    assert "revise" in out
    assert rows(office, "SELECT conclusion, reasons, decided_by FROM inspection_record WHERE id = ?",
                record["id"]) == [("pass", None, "rev2")]
    assert rows(office, "SELECT count(*) FROM inspection_event WHERE record_id = ? AND action = 'revise'",
                record["id"]) == [(2,)]


#: the tables a revision writes (the audit trail records even a refusal, and a log-in its bookkeeping: left out)
WRITTEN = ("inspection_record", "inspection_event", "inspection_campaign", "organization")


def tables_digest(path: Path) -> str:
    """A digest of the content of the tables a revision writes (the whole file's dump takes 0.3 s)."""
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for table in WRITTEN:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


def _refusal(path: Path, name: str) -> tuple[str, list[str], str, str]:
    """(user, arguments, the Chinese and the English words of the one line) of the refusal ``name``."""
    year = ["--year", "2020"]
    if name == "the record's own clerk":  # a record that rev1 entered (a reviewer may enter reports too)
        own = a_record(path, conclusion="basic")
        conn = sqlite3.connect(path)
        conn.execute("UPDATE inspection_record SET entered_by = 'rev1' WHERE id = ?", (own["id"],))
        conn.commit()
        conn.close()
        return "rev1", [own["uscc"], *year, "--conclusion", "pass", "--reason", "复核"], "rev1 录入或提交了", "rev1"
    if name == "a record not decided":
        waiting = a_record(path, state="submitted", conclusion=None)
        return "rev1", [waiting["uscc"], *year, "--conclusion", "basic", "--reason", "复核"], "不能改变结论", \
            "cannot be revised"
    decided = a_record(path)["uscc"]
    return {
        "no reason": ("rev1", [decided, *year, "--conclusion", "fail"], "须写明理由", "needs its reason"),
        "a blank reason": ("rev1", [decided, *year, "--conclusion", "fail", "--reason", "  "], "须写明理由",
                           "needs its reason"),
        "the same conclusion": ("rev1", [decided, *year, "--conclusion", "pass", "--reason", "复核"], "已是合格",
                                "already pass"),
        "a clerk": ("clerk1", [decided, *year, "--conclusion", "basic", "--reason", "复核"], "clerk1", "clerk1"),
    }[name]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["no reason", "a blank reason", "the same conclusion", "a record not decided",
                                  "the record's own clerk", "a clerk"])
def test_refusals_are_one_line_and_change_nothing(office: Path, name: str, lang: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    user, args, zh, en = _refusal(office, name)
    before = tables_digest(office)
    code, out, err = revise(capsys, office, user, *args, lang=lang)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert (zh if lang == "zh" else en) in err, err
    assert tables_digest(office) == before
    assert rows(office, "SELECT count(*) FROM inspection_event WHERE action = 'revise'") == [(0,)]


@pytest.mark.parametrize("change, field", [({}, None),
                                           ({"from_state": "submitted"}, "from_state"),
                                           ({"to_state": "returned"}, "to_state"),
                                           ({"comment": "pass->pass：复核"}, "comment"),
                                           ({"comment": "pass->basic："}, "comment"),
                                           ({"comment": "复核"}, "comment"),
                                           ({"comment": None}, "comment")])
def test_an_arriving_revise_step_is_judged(change: dict[str, Any], field: str | None) -> None:
    row = {"id": "e1", "record_id": "r1", "action": "revise", "from_state": "decided", "to_state": "decided",
           "actor": "rev1", "at": "2026-06-01 09:00:00",
           "comment": inspection.revision_comment("pass", "basic", "复核"), **change}
    issue = arrivals.first_issue("inspection_event", row)
    assert (issue.field if issue is not None else None) == field
    # the other steps carry nothing to judge
    assert arrivals.first_issue("inspection_event", dict(row, action="decide", comment=None)) is None
