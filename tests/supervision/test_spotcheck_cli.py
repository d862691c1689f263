"""``civicdesk spotcheck ...`` on the 沙湾区 demo: the roster, a plan at 3%, the draw, its verification (exit 0, or
non-zero with one line once the file is edited), and one-line refusals that change nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.helpers.db import clear_supervision

@pytest.fixture
def shawan_db_path(shawan_db_path: Path) -> Path:
    """沙湾区's demo register without the demo's supervision records: these tests start from nothing."""
    clear_supervision(shawan_db_path)
    return shawan_db_path



def _ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


def _refused(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    """The command's one line on stderr, a non-zero exit and the database unchanged."""
    before = digest(path)
    code, out, err = run(capsys, "--db", str(path), *args)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and err.startswith("civicdesk: ") and "Traceback" not in err
    assert digest(path) == before
    return err


def _roster(capsys: pytest.CaptureFixture[str], path: Path) -> list[str]:
    return [json.loads(_ok(capsys, "--db", str(path), "spotcheck", "inspector", "add", "--name", name,
                           "--unit", "执法监察科", "--json"))["id"] for name in ("张三", "李四", "王五")]


def test_plan_draw_verify_on_the_demo(shawan_db_path: Path, capsys, clock):
    db = str(shawan_db_path)
    plan = json.loads(_ok(capsys, "--db", db, "spotcheck", "plan", "--year", "2026", "--ratio", "0.03", "--json"))
    assert (plan["state"], plan["ratio"]) == ("planned", "0.0300")
    err = _refused(capsys, shawan_db_path, "spotcheck", "draw", plan["id"], "--json")
    assert "spotcheck inspector add" in err  # the demo has no roster yet: the clerk is told what to do
    roster = _roster(capsys, shawan_db_path)
    listed = json.loads(_ok(capsys, "--db", db, "spotcheck", "inspector", "list", "--json"))
    assert sorted(r["id"] for r in listed) == sorted(roster)
    drawn = json.loads(_ok(capsys, "--db", db, "spotcheck", "draw", plan["id"], "--json"))
    assert drawn["state"] == "drawn" and drawn["drawn_count"] == len(drawn["items"]) > 0
    assert drawn["seed"] and drawn["snapshot_sha256"] and drawn["method"] == "mt19937-fisher-yates-v1"
    assert all(len(i["inspector_ids"]) == 2 for i in drawn["items"])
    out = _ok(capsys, "--db", db, "spotcheck", "verify", plan["id"])
    assert out.count("\n") == 1 and "核验一致" in out
    verified = json.loads(_ok(capsys, "--db", db, "spotcheck", "verify", plan["id"], "--json"))
    assert verified["matches"] is True
    shown = json.loads(_ok(capsys, "--db", db, "spotcheck", "show", plan["id"], "--json"))
    assert [i["organization_id"] for i in shown["items"]] == [i["organization_id"] for i in drawn["items"]]
    assert "seed" in _ok(capsys, "--db", db, "spotcheck", "show", plan["id"])  # the draw record, printed
    # an auditor repeats the draw with the lines of docs/SPOTCHECK.md, from the show --json --snapshot alone
    full = json.loads(_ok(capsys, "--db", db, "spotcheck", "show", plan["id"], "--json", "--snapshot"))
    doc = (Path(__file__).resolve().parents[2] / "docs" / "SPOTCHECK.md").read_text(encoding="utf-8")
    code_block = doc.split("```python\n", 1)[1].split("```", 1)[0]
    scope: dict = {"plan": full}
    exec(code_block, scope)  # the documentation's own lines, run as written
    assert scope["orgs"] == [i["organization_id"] for i in drawn["items"]]
    assert scope["teams"] == [i["inspector_ids"] for i in drawn["items"]]
    plans = json.loads(_ok(capsys, "--db", db, "spotcheck", "list", "--year", "2026", "--json"))
    assert [p["id"] for p in plans] == [plan["id"]]
    _refused(capsys, shawan_db_path, "spotcheck", "draw", plan["id"])  # never redone

    # a check recorded, then the file edited by hand: verify fails with one line
    item = drawn["items"][0]
    recorded = json.loads(_ok(capsys, "--db", db, "spotcheck", "record", item["id"], "--checked-on",
                              "2026-11-28", "--result", "clear", "--json"))
    assert recorded["result"] == "clear"
    conn = sqlite3.connect(shawan_db_path)
    with conn:
        conn.execute("UPDATE spotcheck_item SET inspector_ids = ? WHERE id = ?",
                     (json.dumps(list(reversed(item["inspector_ids"]))), item["id"]))
    conn.close()
    code, out, err = run(capsys, "--db", db, "--lang", "en", "spotcheck", "verify", plan["id"])
    assert code not in (0, 2) and out == "" and err.count("\n") == 1 and "Mismatch" in err and "check 1" in err


@pytest.mark.parametrize("args, words", [
    (("spotcheck", "plan", "--year", "2026", "--ratio", "0.02"), "below the legal minimum 3%"),
    (("spotcheck", "plan", "--year", "2026", "--ratio", "1.2"), "at most 1"),
    (("spotcheck", "plan", "--year", "2026", "--ratio", "0.03", "--kind", "targeted"), "at least one filter"),
    (("spotcheck", "plan", "--year", "2026", "--ratio", "0.03", "--category", "nope"), "'nope'"),
    (("spotcheck", "draw", "no-such-plan"), "No spot-check plan"),
    (("spotcheck", "verify", "no-such-plan", "--json"), "No spot-check plan"),
    (("spotcheck", "cancel", "no-such-plan"), "needs a reason"),
    (("spotcheck", "record", "no-such-item", "--result", "clear"), "No spot check"),
    (("spotcheck", "inspector", "add", "--name", "张三", "--conflict", "no-such-org"), "No organization"),
    (("spotcheck", "inspector", "update", "no-such-inspector", "--active", "no"), "No inspector"),
])
def test_bad_input_is_one_line_and_changes_nothing(shawan_db_path: Path, capsys, args, words):
    err = _refused(capsys, shawan_db_path, "--lang", "en", *args)
    assert words in err


def test_cancel_from_the_command_line(shawan_db_path: Path, capsys):
    db = str(shawan_db_path)
    plan_id = _ok(capsys, "--db", db, "spotcheck", "plan", "--year", "2026", "--ratio", "5%").strip()
    _refused(capsys, shawan_db_path, "spotcheck", "cancel", plan_id, "--reason", " ")
    _refused(capsys, shawan_db_path, "spotcheck", "verify", plan_id)  # nothing drawn: nothing to verify
    cancelled = json.loads(_ok(capsys, "--db", db, "spotcheck", "cancel", plan_id, "--reason", "重复建立", "--json"))
    assert (cancelled["state"], cancelled["cancelled_reason"]) == ("cancelled", "重复建立")
    _roster(capsys, shawan_db_path)
    _refused(capsys, shawan_db_path, "spotcheck", "draw", plan_id)
