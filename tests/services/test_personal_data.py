"""Personal data behind a login, everywhere (issue 14): a database seeded with known ID and phone numbers (the
people of two organizations, a change of legal representative pending and one approved, an establishment filing
with its people, a sync conflict about a person) and every command's text and JSON output, every print kind, the
ledger exports, the audit trail and the sync conflict view, run with no login and as a clerk (no ``reveal_ids``
right): none of the full numbers may appear.  A reviewer who reveals them is audited.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from civicdesk.app import main
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.filings import service as filings
from civicdesk.services.register import organizations
from civicdesk.services.core.database import open_database
from civicdesk.services.printing import kinds
from civicdesk.services.core.validation import make_id_number, mask_id_number, mask_phone
from tests.factories import social_group
from tests.services.test_printing import text_of

#: Every full number seeded, by what it is.
IDS = {name: make_id_number("511111", date(1960 + i, 2, 3 + i), 100 + i)
       for i, name in enumerate(("rep1", "director1", "rep2", "new_rep_pending", "new_rep_approved",
                                 "establish_rep", "conflict_remote"))}
PHONES = {name: f"1350000{1000 + i}" for i, name in enumerate(
    ("rep1", "director1", "rep2", "new_rep_pending", "new_rep_approved", "establish_rep", "conflict_remote"))}
SECRETS = (*IDS.values(), *PHONES.values())
CLERK = ("wang", "clerk123x")


def leaks(text: str) -> list[str]:
    """The full numbers found in ``text``."""
    return [s for s in SECRETS if s in text]


def person(role: str, key: str, name: str) -> dict[str, Any]:
    return {"role": role, "name": name, "id_number": IDS[key], "phone": PHONES[key], "term_start": "2019-05-20"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, templates: dict[str, Path]) -> dict[str, Any]:
    """The 沙湾区 demo database with the known numbers, two accounts and the filings; built once (every command
    below reads it; the ones that write only add audit entries and files)."""
    import shutil

    path = tmp_path_factory.mktemp("personal") / "seeded.sqlite3"
    shutil.copyfile(templates["shawan_demo"], path)
    db = open_database(path)
    try:
        first = social_group(name="乐山市沙湾区隐私测试协会", contact_phone="0833-2999888",
                             people=[person("legal_representative", "rep1", "周法人"),
                                     person("director", "director1", "吴理事")])
        second = social_group(name="乐山市沙湾区隐私测试二会", uscc=make_uscc_for("MJ900002"),
                              contact_phone="0833-2999777", people=[person("legal_representative", "rep2", "冯法人")])
        org1 = organizations.add_organization(db, first)
        org2 = organizations.add_organization(db, second)
        admin = auth.create_user(db, "admin", "admin123x", "admin")
        clerk = auth.create_user(db, CLERK[0], CLERK[1], "clerk", by=admin)
        reviewer = auth.create_user(db, "li", "review123", "reviewer", by=admin)
        pending = filings.draft_filing(db, "change", {"organization_id": org1.id, "changes": {
            "legal_rep_name": "郑新任", "legal_rep_id_number": IDS["new_rep_pending"],
            "legal_rep_phone": PHONES["new_rep_pending"]}, "applicant": "周法人"}, by=clerk)
        filings.transition(db, pending.id, "submit", by=clerk)
        approved = filings.draft_filing(db, "change", {"organization_id": org2.id, "changes": {
            "legal_rep_name": "陈接任", "legal_rep_id_number": IDS["new_rep_approved"],
            "legal_rep_phone": PHONES["new_rep_approved"]}}, by=clerk)
        filings.transition(db, approved.id, "submit", by=clerk)
        filings.transition(db, approved.id, "approve", by=reviewer)
        new_org = social_group(name="乐山市沙湾区隐私测试新设会", uscc=make_uscc_for("MJ900003"),
                               people=[person("legal_representative", "establish_rep", "褚筹备")])
        establish = filings.draft_filing(db, "establish", {"record": new_org, "applicant": "筹备组"}, by=clerk)
        filings.transition(db, establish.id, "submit", by=clerk)
        rep1 = next(p for p in organizations.get_organization(db, org1.id).people if p.name == "周法人")
    finally:
        db.close()
    # a sync conflict about that person: both versions of the row, as sync stores them
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "INSERT INTO sync_conflict (id, entity, row_id, kind, fields, local_values, remote_values, local_vector,"
            " remote_vector, remote_office, winner, detected_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            ("c0ffee00-0000-4000-8000-000000000001",
             "org_person", rep1.id, "fields", json.dumps(["id_number", "phone"]),
             json.dumps({"id_number": IDS["rep1"], "phone": PHONES["rep1"]}),
             json.dumps({"id_number": IDS["conflict_remote"], "phone": PHONES["conflict_remote"]}),
             json.dumps({"511111": 2}), json.dumps({"511100": 1}), "511100", "local", "2026-11-28 10:00:00"))
        # a reason of the demo's 2020 inspection that names a person by number (free text a clerk typed)
        conn.execute("UPDATE inspection_record SET reasons = ? WHERE id = (SELECT id FROM inspection_record"
                     " WHERE year = 2020 AND state = 'decided' AND conclusion = 'basic' ORDER BY id LIMIT 1)",
                     (f"负责人（身份证号{IDS['rep2']}，电话{PHONES['rep2']}）未按期换届",))
        conn.commit()
    finally:
        conn.close()
    (plan,) = sqlite3.connect(path).execute("SELECT id FROM spotcheck_plan").fetchone()  # the demo's
    return {"path": path, "orgs": (org1.id, org2.id), "filings": (pending.number, approved.number, establish.number),
            "plan": plan}


def make_uscc_for(body: str) -> str:
    from civicdesk.services.core.validation import make_uscc

    return make_uscc("1", "511111", body)


@pytest.fixture(params=["no_login", "clerk"])
def who(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("CIVICDESK_USER", "CIVICDESK_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    if request.param == "clerk":
        monkeypatch.setenv("CIVICDESK_USER", CLERK[0])
        monkeypatch.setenv("CIVICDESK_PASSWORD", CLERK[1])
    yield request.param


def run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str]:
    code = main(["--db", str(path), *args])
    out, err = capsys.readouterr()
    return code, out + err


def read_commands(seeded: dict[str, Any]) -> list[list[str]]:
    """Every read command over the seeded data, each in text and JSON."""
    org1, org2 = seeded["orgs"]
    commands: list[list[str]] = [["org", "list"], ["org", "list", "--all"], ["stats"], ["audit", "list"],
                                 ["audit", "verify"], ["filing", "list"], ["filing", "list", "--open"],
                                 ["sync", "conflicts"], ["search", "周法人"], ["search", "隐私测试"],
                                 ["search", "陈接任"], ["search", IDS["rep1"]], ["search", PHONES["rep1"]]]
    commands += [["org", "show", key] for key in (org1, org2, "乐山市沙湾区隐私测试协会")]
    commands += [["filing", "show", number] for number in seeded["filings"]]
    return commands + [[*c, "--json"] for c in commands]


def test_no_command_output_shows_a_full_number_without_the_right(seeded: dict[str, Any], who: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = seeded["path"]
    shown = 0
    for command in read_commands(seeded):
        code, output = run(capsys, path, *command)
        if command[0] == "search":  # the query itself is echoed back: what was typed is no leak ...
            output = output.replace(command[1], "<query>")
            if command[1] in SECRETS:  # ... but a person's number finds nothing (it is not searchable)
                assert code == 0 and "共 0 个匹配" in output or '"total": 0' in output, output
        assert not leaks(output), (who, command, leaks(output))
        shown += code == 0 and len(output) > 40
    assert shown >= 20  # the commands really printed their data (a refusal leaks nothing, but proves little)
    # the masked forms are what a clerk sees instead
    code, output = run(capsys, path, "filing", "show", seeded["filings"][0], "--json")
    assert code == 0 and mask_id_number(IDS["new_rep_pending"]) in output and mask_phone(PHONES["rep1"]) in output
    code, output = run(capsys, path, "org", "show", seeded["orgs"][0], "--json")
    assert code == 0 and mask_phone(PHONES["director1"]) in output and "吴理事" in output


def test_no_print_kind_and_no_export_shows_a_full_number_without_the_right(seeded: dict[str, Any], who: str,
                                                                            tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = seeded["path"]
    org1 = seeded["orgs"][0]
    names = [k.name for k in kinds()]
    assert {"register", "organization", "statistics", "filings"} <= set(names)
    for name in names:
        args = {"organization": [org1], "filings": ["--from", "2026-01-01"], "inspection": ["--year", "2020"],
                "spotcheck": [seeded["plan"]]}.get(name, [])
        for extra in ([], ["--public"]):
            target = tmp_path / f"{name}{'-public' if extra else ''}.pdf"
            code, output = run(capsys, path, "print", name, *args, *extra, "-o", str(target))
            assert not leaks(output), (name, output)
            if who == "no_login":
                assert code != 0 and not target.exists()  # printing needs a login once accounts exist
                continue
            assert code == 0, output
            text = text_of(target)
            assert not leaks(text), (name, extra, leaks(text))
        if who == "clerk" and name == "organization":
            assert "周法人" in text and "吴理事" in text  # the people are printed, their numbers masked
    # reveal needs the right: refused for the clerk, and for nobody logged in
    code, output = run(capsys, path, "print", "organization", org1, "--reveal-ids", "-o", str(tmp_path / "r.pdf"))
    assert code != 0 and not leaks(output) and not (tmp_path / "r.pdf").exists()
    for suffix in ("csv", "xlsx"):
        target = tmp_path / f"register.{suffix}"
        code, output = run(capsys, path, "export", str(target), "--all")
        assert not leaks(output)
        if who == "no_login":
            assert code != 0 and not target.exists()
            continue
        assert code == 0, output
        if suffix == "csv":
            content = target.read_bytes().decode("utf-8-sig")
            assert "乐山市沙湾区隐私测试协会" in content and list(csv.reader(content.splitlines()))
        else:
            book = load_workbook(target, read_only=True)
            content = "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                                for cell in row if cell is not None)
            book.close()
            assert "乐山市沙湾区隐私测试协会" in content
        assert not leaks(content), (suffix, leaks(content))
        code, output = run(capsys, path, "export", str(tmp_path / f"ids.{suffix}"), "--with-id-numbers")
        assert code != 0 and not leaks(output) and not (tmp_path / f"ids.{suffix}").exists()


def test_a_filing_is_revealed_only_to_a_user_with_the_right_and_the_reveal_is_audited(
        seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    path, number = seeded["path"], seeded["filings"][0]
    monkeypatch.delenv("CIVICDESK_USER", raising=False)
    code, output = run(capsys, path, "filing", "show", number, "--reveal")
    assert code != 0 and not leaks(output) and "登录" in output
    monkeypatch.setenv("CIVICDESK_USER", CLERK[0])
    monkeypatch.setenv("CIVICDESK_PASSWORD", CLERK[1])
    code, output = run(capsys, path, "filing", "show", number, "--reveal")
    assert code != 0 and not leaks(output) and "无权" in output
    monkeypatch.setenv("CIVICDESK_USER", "li")
    monkeypatch.setenv("CIVICDESK_PASSWORD", "review123")
    code, output = run(capsys, path, "filing", "show", number, "--reveal", "--json")
    assert code == 0 and IDS["new_rep_pending"] in output and PHONES["new_rep_pending"] in output
    db = open_database(path)
    try:
        revealed = audit.entries(db, action="data.revealed", limit=1, by=auth.get_user(db, "admin"))[0]
    finally:
        db.close()
    assert (revealed.actor, revealed.entity, revealed.details["number"]) == ("li", "filing", number)


def test_the_audit_trail_stores_no_full_id_number_or_phone(seeded: dict[str, Any]) -> None:
    """Every entry of the trail (the people added, the filings with the new legal representatives, the
    approval), read straight from the file: no full number is stored, so no viewer can show one."""
    conn = sqlite3.connect(seeded["path"])
    try:
        trail = "\n".join(row[0] for row in conn.execute("SELECT details FROM audit_entry"))
        history = "\n".join(f"{a}\t{b}" for a, b in conn.execute("SELECT old_value, new_value FROM org_change"))
        stored = {row[0] for row in conn.execute("SELECT id_number FROM org_person")}
    finally:
        conn.close()
    assert IDS["rep1"] in stored and IDS["new_rep_approved"] in stored  # the register itself keeps them
    assert "legal_rep_id_number" in trail and "周法人" in trail
    assert not leaks(trail), leaks(trail)
    assert not leaks(history), leaks(history)


def test_a_ledger_import_report_shows_no_full_number_of_the_register(seeded: dict[str, Any], who: str,
                                                                      tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A ledger that names an organization's credit code with another legal representative's phone and ID
    number: the report of its changes (``import --dry-run`` needs no login) must not read the register's
    numbers out."""
    from civicdesk.services import ledger

    full = tmp_path / "full.csv"
    db = open_database(seeded["path"])
    try:
        ledger.export_register(db, full, with_id_numbers=True, by=auth.get_user(db, "admin"))
    finally:
        db.close()
    rows = list(csv.reader(full.read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    mine = [r for r in rows[1:] if r[0] == "乐山市沙湾区隐私测试协会"]
    assert len(mine) == 1 and IDS["rep1"] in mine[0]
    mine[0][header.index("法定代表人电话")] = "13911112222"
    mine[0][header.index("法定代表人身份证号码")] = make_id_number("511111", date(1990, 1, 1), 7)
    ledger_file = tmp_path / "ledger.csv"
    with ledger_file.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([header, mine[0]])
    for extra in ([], ["--json"]):
        code, output = run(capsys, seeded["path"], "import", str(ledger_file), "--dry-run", *extra)
        assert "乐山市沙湾区隐私测试协会" in output and ("法定代表人电话" in output or "legal_rep_phone" in output)
        assert not leaks(output), (extra, leaks(output))
        assert mask_phone(PHONES["rep1"]) in output
