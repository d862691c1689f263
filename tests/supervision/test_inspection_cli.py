"""``civicdesk inspection ...`` on the 沙湾区 demo: the whole round with two accounts, and every refusal as one line
on stderr with the database unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.helpers.db import clear_supervision

@pytest.fixture
def shawan_db_path(shawan_db_path: Path) -> Path:
    """沙湾区's demo register without the demo's supervision records: these tests start from nothing."""
    clear_supervision(shawan_db_path)
    return shawan_db_path


PASSWORD = "a-long-password-1"


@pytest.fixture
def office(shawan_db_path: Path, monkeypatch: pytest.MonkeyPatch, clock) -> Path:
    """沙湾区 with its demo register, an admin, a clerk and a reviewer (one password for all)."""
    db = open_database(shawan_db_path)
    admin = auth.create_user(db, "admin1", PASSWORD, "admin")
    auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin)
    auth.create_user(db, "rev1", PASSWORD, "reviewer", by=admin)
    db.close()
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    return shawan_db_path


def cmd(capsys: pytest.CaptureFixture[str], path: Path, user: str | None, *args: str) -> tuple[int, str, str]:
    head = ["--db", str(path)] + (["--user", user] if user else [])
    return run(capsys, *head, "inspection", *args)


def as_json(capsys: pytest.CaptureFixture[str], path: Path, user: str | None, *args: str):
    code, out, err = cmd(capsys, path, user, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def refused(capsys: pytest.CaptureFixture[str], path: Path, user: str | None, *args: str,
            lang: str = "zh") -> str:
    """The one line of a refused command; the database unchanged but for the audit trail (a refusal is audited)
    and the accounts' log-in bookkeeping (a log-in is no change of data)."""
    before = digest(path, without=("audit_entry", "user_account"))
    head = ["--db", str(path), "--lang", lang] + (["--user", user] if user else [])
    code, out, err = run(capsys, *head, "inspection", *args)
    assert code != 0 and out == ""
    assert err.strip() and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert digest(path, without=("audit_entry", "user_account")) == before
    return err.strip()


def test_a_campaign_round_with_two_accounts(office, capsys, tmp_path):
    campaign = as_json(capsys, office, "clerk1", "campaign", "open", "--year", "2025")
    assert campaign["year"] == 2025 and campaign["rules"]["deadlines"]["foundation"]["registry"] == "2026-03-31"
    assert [c["id"] for c in as_json(capsys, office, None, "campaign", "list")] == [campaign["id"]]
    due = as_json(capsys, office, None, "list", "--year", "2025", "--due")
    assert due and all(d["legal_form"] in ("social_group", "social_service", "foundation") for d in due)
    org = next(d for d in due if d["legal_form"] == "social_group")
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"materials": ["report", "financial"], "income": "52000.00", "staff_count": 2}),
                      encoding="utf-8")
    record = as_json(capsys, office, "clerk1", "record", org["uscc"], "--year", "2025", "--received-on",
                     "2026-06-03", "--json-file", str(report), "--submit")
    assert (record["state"], record["late"], record["income"]) == ("submitted", True, "52000.00")
    assert as_json(capsys, office, None, "list", "--year", "2025", "--late")[0]["id"] == record["id"]
    line = refused(capsys, office, "clerk1", "decide", record["id"], "--year", "2025", "--conclusion", "pass")
    assert "clerk1" in line
    decided = as_json(capsys, office, "rev1", "decide", org["organization_id"], "--year", "2025", "--conclusion",
                      "basic", "--reasons", "逾期报送", "--document-no", "沙民〔2026〕9号")
    assert (decided["state"], decided["conclusion"], decided["decided_by"]) == ("decided", "basic", "rev1")
    result = as_json(capsys, office, None, "report", "--year", "2025", "--by", "legal_form")
    assert result["participation_rate"] == round(1 / len(due), 4)
    assert result["total"]["due"] == len(due) and result["total"]["basic"] == 1
    assert sum(r["due"] for r in result["rows"]) == len(due)
    missing = as_json(capsys, office, None, "list", "--year", "2025", "--missing")
    assert len(missing) == len(due) - 1  # the clock says 2026-11-28: every deadline passed
    code, out, _ = cmd(capsys, office, None, "report", "--year", "2025")
    assert code == 0 and "合计" in out
    closed = as_json(capsys, office, "rev1", "campaign", "close", "--year", "2025")
    assert closed["state"] == "closed"


def test_returned_and_resubmitted(office, capsys):
    as_json(capsys, office, "clerk1", "campaign", "open", "--year", "2025")
    org = as_json(capsys, office, None, "list", "--year", "2025", "--due")[0]
    as_json(capsys, office, "clerk1", "record", org["organization_id"], "--year", "2025", "--received-on",
            "2026-03-02", "--submit")
    refused(capsys, office, "rev1", "return", org["organization_id"], "--year", "2025")
    back = as_json(capsys, office, "rev1", "return", org["organization_id"], "--year", "2025", "--reason", "缺材料")
    assert back["state"] == "returned"
    again = as_json(capsys, office, "clerk1", "submit", org["organization_id"], "--year", "2025")
    assert [s["action"] for s in again["steps"]] == ["enter", "submit", "return", "submit"]


def test_every_refusal_is_one_line_and_changes_nothing(office, capsys, tmp_path):
    as_json(capsys, office, "clerk1", "campaign", "open", "--year", "2025")
    org = as_json(capsys, office, None, "list", "--year", "2025", "--due")[0]["organization_id"]
    assert "已经开始" in refused(capsys, office, "clerk1", "campaign", "open", "--year", "2025")
    assert "2030" in refused(capsys, office, "clerk1", "campaign", "open", "--year", "2030")
    refused(capsys, office, "clerk1", "campaign", "close", "--year", "2025")  # a clerk does not close
    refused(capsys, office, None, "campaign", "open", "--year", "2024")  # nobody logged in
    line = refused(capsys, office, "clerk1", "record", org, "--year", "2025", "--received-on", "2025-12-01",
                   lang="en")
    assert "before 2026-01-01" in line
    refused(capsys, office, "clerk1", "record", org, "--year", "2025", "--received-on", "2026-12-01")
    refused(capsys, office, "clerk1", "record", org, "--year", "2025")  # no received date
    refused(capsys, office, "clerk1", "record", "no-such-org", "--year", "2025", "--received-on", "2026-03-01")
    refused(capsys, office, "clerk1", "record", org, "--year", "2024", "--received-on", "2026-03-01")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"received_on": "2026-03-01", "conclusion": "fail"}), encoding="utf-8")
    assert "理由" in refused(capsys, office, "clerk1", "record", org, "--year", "2025", "--json-file", str(bad))
    bad.write_text(json.dumps({"received_on": "2026-03-01", "profit": 5}), encoding="utf-8")
    assert "profit" in refused(capsys, office, "clerk1", "record", org, "--year", "2025", "--json-file", str(bad))
    bad.write_text("[1, 2", encoding="utf-8")
    refused(capsys, office, "clerk1", "record", org, "--year", "2025", "--json-file", str(bad))
    bad.write_text("[1, 2]", encoding="utf-8")
    refused(capsys, office, "clerk1", "record", org, "--year", "2025", "--json-file", str(bad))
    as_json(capsys, office, "clerk1", "record", org, "--year", "2025", "--received-on", "2026-03-01", "--submit")
    refused(capsys, office, "rev1", "decide", org, "--year", "2025", "--conclusion", "fail")  # no reasons
    refused(capsys, office, "rev1", "decide", org, "--year", "2025", "--conclusion", "great")  # argparse
    refused(capsys, office, None, "report", "--year", "2025", "--by", "township")
    refused(capsys, office, None, "report", "--year", "2019")  # no campaign
    refused(capsys, office, None, "list", "--year", "2025", "--state", "lost")
