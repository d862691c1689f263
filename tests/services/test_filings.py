"""Filings: the whole state machine, four eyes, the optimistic check, and refusals that change nothing."""

from __future__ import annotations

import itertools
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError, NotFoundError, ValidationError
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.filings import service as filings
from civicdesk.services.register import organizations
from civicdesk.services.core.database import Database, open_database
from tests.helpers.db import digest
from tests.helpers.pg import snapshot
from tests.factories import social_group

ACTIONS = tuple(filings.TRANSITIONS)


ACCOUNTS = {"admin": ("admin", "admin123x", "admin"), "clerk": ("wang", "clerk123x", "clerk"),
            "reviewer": ("li", "review123", "reviewer"), "reviewer2": ("zhao", "review456", "reviewer")}


def _make_office(db: Database) -> dict[str, auth.UserInfo]:
    admin = auth.create_user(db, *ACCOUNTS["admin"])
    others = {key: auth.create_user(db, *account, by=admin) for key, account in ACCOUNTS.items() if key != "admin"}
    return {"admin": admin, **others}


def _make_org(db: Database, office: dict[str, auth.UserInfo]) -> organizations.OrgRecord:
    return organizations.add_organization(db, social_group(), by=office["admin"])  # a paper record typed in


@pytest.fixture(scope="module")
def office_templates(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The empty office with the four accounts (``office``), and with the organization too (``org``), made once
    for the module's tests on SQLite: each test copies one, as ``db_path`` copies the empty office."""
    folder = tmp_path_factory.mktemp("filings_office")
    made: dict[str, Any] = {}
    for key in ("office", "org"):
        path = made[key] = folder / f"{key}.sqlite3"
        shutil.copyfile(templates["empty"], path)
        db = open_database(path)
        try:
            office = _make_office(db)
            if key == "org":
                made["org_id"] = _make_org(db, office).id
            with db.engine.connect() as conn:  # the WAL folded into the file, so that a copy is complete
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
    return made


@pytest.fixture
def db_path(templates: dict[str, Path], tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A copy of the empty office (as tests/conftest.py's), or of the office template a test's fixtures ask
    for: the accounts (``office``) and the organization (``org``) are then there already."""
    names = request.fixturenames
    key = "org" if "org" in names else "office" if "office" in names else None
    source = request.getfixturevalue("office_templates")[key] if key else templates["empty"]
    target = tmp_path / "empty.sqlite3"
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def office(db: Database, db_backend: str) -> dict[str, auth.UserInfo]:
    if db_backend == "sqlite":  # a copy of office_templates' (db_path)
        return {key: auth.get_user(db, username) for key, (username, _, _) in ACCOUNTS.items()}
    return _make_office(db)


@pytest.fixture
def org(db: Database, db_backend: str, office: dict[str, auth.UserInfo],
        request: pytest.FixtureRequest) -> organizations.OrgRecord:
    if db_backend == "sqlite":  # a copy of office_templates' (db_path)
        return organizations.get_organization(db, request.getfixturevalue("office_templates")["org_id"])
    return _make_org(db, office)


def change(org_id: str, **changes: object) -> dict[str, object]:
    return {"organization_id": org_id, "changes": changes, "applicant": "王五", "documents": ["变更登记申请书"]}


# Paths into every state, from a new draft, as (action, who) steps.
PATHS = {
    "draft": [],
    "submitted": [("submit", "clerk")],
    "under_review": [("submit", "clerk"), ("review", "reviewer")],
    "returned": [("submit", "clerk"), ("return", "reviewer")],
    "approved": [("submit", "clerk"), ("approve", "reviewer")],
    "rejected": [("submit", "clerk"), ("reject", "reviewer")],
    "withdrawn": [("withdraw", "clerk")],
}


def _walk(db: Database, office: dict[str, auth.UserInfo], org_id: str, state: str) -> filings.FilingRecord:
    record = filings.draft_filing(db, "change", change(org_id, address="四川省乐山市沙湾区新址路8号"),
                                  by=office["clerk"])
    for action, who in PATHS[state]:
        record = filings.transition(db, record.id, action, by=office[who], comment="理由")
    assert record.state == state
    return record


@pytest.mark.parametrize(("state", "action"), list(itertools.product(PATHS, ACTIONS)))
def test_every_transition_allowed_or_refused(db: Database, db_path: Path, office, org, state: str,
                                             action: str) -> None:
    record = _walk(db, office, org.id, state)
    sources, target, _, _ = filings.TRANSITIONS[action]
    who = office["clerk"] if action in ("submit", "withdraw") else office["reviewer2"]
    before = digest(db_path, without=("audit_entry",))
    refusals = len(audit.entries(db, action="filing.refused", by=auth.get_user(db, "admin")))
    if state in sources:
        after = filings.transition(db, record.id, action, by=who, comment="意见")
        assert after.state == target
        assert after.steps[-1].action == action and after.steps[-1].actor == who.username
    else:
        with pytest.raises(CivicDeskError) as err:
            filings.transition(db, record.id, action, by=who, comment="意见")
        assert err.value.code == "filing.transition"
        assert filings.get_filing(db, record.id).state == state
        assert digest(db_path, without=("audit_entry",)) == before
        assert len(audit.entries(db, action="filing.refused", by=auth.get_user(db, "admin"))) == refusals + 1


@pytest.mark.both_backends
def test_register_changes_only_on_approval(db: Database, office, org) -> None:
    record = filings.draft_filing(db, "change", change(org.id, legal_rep_name="赵新"), by=office["clerk"])
    record = filings.transition(db, record.id, "submit", by=office["clerk"])
    record = filings.transition(db, record.id, "review", by=office["reviewer"])
    assert organizations.get_organization(db, org.id).to_json()["legal_rep_name"] == "张三"
    record = filings.transition(db, record.id, "approve", by=office["reviewer"], document_no="沙民函〔2026〕3号")
    shown = organizations.get_organization(db, org.id)
    assert shown.to_json()["legal_rep_name"] == "赵新"
    reps = [(p.name, p.is_current) for p in shown.people if p.role == "legal_representative"]
    assert sorted(reps) == [("张三", False), ("赵新", True)]
    change_row = [h for h in shown.history if h.field == "legal_rep_name"]
    assert [(h.old_value, h.new_value, h.document_no, h.source) for h in change_row] == [
        ("张三", "赵新", "沙民函〔2026〕3号", "filing")]
    assert record.decided_by == "li" and record.document_no == "沙民函〔2026〕3号"
    assert [f.number for f in filings.history_of(db, org.id)] == [record.number]


@pytest.mark.parametrize("action", ["review", "approve", "reject", "return"])
@pytest.mark.parametrize("author", ["drafter", "submitter"])
def test_four_eyes(db: Database, office, org, action: str, author: str) -> None:
    # a reviewer drafts (or submits) a filing: they may not review it themselves
    drafter = office["reviewer"] if author == "drafter" else office["clerk"]
    submitter = office["clerk"] if author == "drafter" else office["reviewer"]
    record = filings.draft_filing(db, "change", change(org.id, member_count=150), by=drafter)
    record = filings.transition(db, record.id, "submit", by=submitter)
    before = snapshot(db, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as err:
        filings.transition(db, record.id, action, by=office["reviewer"], comment="自审")
    assert err.value.code == "filing.four_eyes"
    assert snapshot(db, without=("audit_entry",)) == before
    last = audit.entries(db, limit=1, by=auth.get_user(db, "admin"))[0]
    assert (last.action, last.actor, last.details["error"]) == ("filing.refused", "li", "filing.four_eyes")
    assert filings.transition(db, record.id, action, by=office["reviewer2"], comment="他审").state != "submitted"


def test_clerk_cannot_decide_and_reasons_are_required(db: Database, office, org) -> None:
    record = filings.draft_filing(db, "change", change(org.id, member_count=150), by=office["clerk"])
    record = filings.transition(db, record.id, "submit", by=office["clerk"])
    with pytest.raises(CivicDeskError) as err:
        filings.transition(db, record.id, "approve", by=office["clerk"])
    assert err.value.code == "auth.forbidden"
    for action in ("reject", "return"):
        with pytest.raises(CivicDeskError) as err:
            filings.transition(db, record.id, action, by=office["reviewer"], comment="  ")
        assert err.value.code == "filing.comment_required"
    rejected = filings.transition(db, record.id, "reject", by=office["reviewer"], comment="材料不实")
    assert (rejected.state, rejected.comment) == ("rejected", "材料不实")
    assert organizations.get_organization(db, org.id).values["member_count"] == 120


@pytest.mark.both_backends
def test_stale_filing_is_refused_not_applied(db: Database, office, org) -> None:
    first = filings.draft_filing(db, "change", change(org.id, address="四川省乐山市沙湾区甲路1号"), by=office["clerk"])
    second = filings.draft_filing(db, "change", change(org.id, member_count=300), by=office["clerk"])
    for f in (first, second):
        filings.transition(db, f.id, "submit", by=office["clerk"])
    filings.transition(db, first.id, "approve", by=office["reviewer"])
    shown = filings.get_filing(db, second.id)
    before = snapshot(db, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as err:
        filings.transition(db, second.id, "approve", by=office["reviewer"])
    assert err.value.code == "filing.stale"
    assert snapshot(db, without=("audit_entry",)) == before
    assert organizations.get_organization(db, org.id).values["member_count"] == 120
    assert shown.state == "submitted"
    # returned, corrected against the record as it is now, submitted again: then it can be approved
    filings.transition(db, second.id, "return", by=office["reviewer"], comment="请按现状重新核对")
    filings.update_draft(db, second.id, {"changes": {"member_count": 300}}, by=office["clerk"])
    filings.transition(db, second.id, "submit", by=office["clerk"])
    assert filings.transition(db, second.id, "approve", by=office["reviewer"]).state == "approved"
    assert organizations.get_organization(db, org.id).values["member_count"] == 300


@pytest.mark.both_backends
def test_refused_contents_change_nothing(db: Database, office, org) -> None:
    before = snapshot(db, without=("audit_entry",))
    with pytest.raises(ValidationError) as err:  # a wrong USCC check character
        filings.draft_filing(db, "change", change(org.id, uscc=org.values["uscc"][:-1] + "0"), by=office["clerk"])
    assert any(i.field == "uscc" for i in err.value.issues)
    with pytest.raises(ValidationError) as err:  # a field that does not exist
        filings.draft_filing(db, "change", change(org.id, colour="red"), by=office["clerk"])
    assert err.value.issues[0].code == "input.unknown_field"
    with pytest.raises(ValidationError) as err:  # no change at all
        filings.draft_filing(db, "change", change(org.id, member_count=120), by=office["clerk"])
    assert err.value.issues[0].code == "filing.unchanged"
    with pytest.raises(CivicDeskError) as err:
        filings.draft_filing(db, "deregister", {"organization_id": org.id, "reason": "自行解散"}, by=office["clerk"])
    assert err.value.code == "filing.liquidation"
    assert snapshot(db, without=("audit_entry",)) == before
    assert len(audit.entries(db, action="filing.refused", by=auth.get_user(db, "admin"))) == 4


@pytest.mark.both_backends
def test_deregistration_then_no_more_filings(db: Database, office, org) -> None:
    record = filings.draft_filing(db, "deregister", {"organization_id": org.id, "reason": "会员大会决议解散",
                                                     "liquidation_done": True}, by=office["clerk"])
    filings.transition(db, record.id, "submit", by=office["clerk"])
    filings.transition(db, record.id, "approve", by=office["reviewer"])
    assert organizations.get_organization(db, org.id).values["status"] == "deregistered"
    before = snapshot(db, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as err:
        filings.draft_filing(db, "change", change(org.id, member_count=1), by=office["clerk"])
    assert err.value.code == "filing.org_not_live"
    assert snapshot(db, without=("audit_entry",)) == before


@pytest.mark.both_backends
def test_establishment_adds_the_organization_on_approval(db: Database, office) -> None:
    record = filings.draft_filing(db, "establish", {"record": social_group(name="乐山市沙湾区新设书法协会"),
                                                    "applicant": "筹备组"}, by=office["clerk"])
    assert record.organization_id is None
    with pytest.raises(NotFoundError):
        organizations.get_organization(db, "乐山市沙湾区新设书法协会")
    filings.transition(db, record.id, "submit", by=office["clerk"])
    approved = filings.transition(db, record.id, "approve", by=office["reviewer"])
    shown = organizations.get_organization(db, approved.organization_id)
    assert (shown.name, shown.entry_mode, shown.values["tier"]) == ("乐山市沙湾区新设书法协会", "filing", "registered")


@pytest.mark.both_backends
def test_deadlines(db: Database, office, org) -> None:
    today = date(2026, 11, 28)
    late = filings.draft_filing(db, "change", {**change(org.id, member_count=121), "received_on": "2026-09-01"},
                                by=office["clerk"])
    soon = filings.draft_filing(db, "change", {**change(org.id, member_count=122), "received_on": "2026-10-05"},
                                by=office["clerk"])
    calm = filings.draft_filing(db, "change", {**change(org.id, member_count=123), "received_on": "2026-11-20"},
                                by=office["clerk"])
    for f in (late, soon, calm):
        filings.transition(db, f.id, "submit", by=office["clerk"])
    rows = {r.number: r for r in filings.list_filings(db, today=today)}
    assert rows[soon.number].due_on == date(2026, 10, 5) + timedelta(days=60)
    assert rows[soon.number].deadline_flag == "due_soon" and rows[soon.number].days_left == 6
    assert rows[calm.number].deadline_flag is None
    assert rows[late.number].deadline_flag == "overdue" and rows[late.number].days_left == -28
    assert [r.number for r in filings.list_filings(db, today=today)] == [late.number, soon.number, calm.number]


@pytest.mark.both_backends
def test_numbers_are_per_office_and_year(db: Database, office, org) -> None:
    a = filings.draft_filing(db, "change", change(org.id, member_count=1), by=office["clerk"], today=date(2026, 3, 1))
    b = filings.draft_filing(db, "change", change(org.id, member_count=2), by=office["clerk"], today=date(2026, 3, 2))
    c = filings.draft_filing(db, "change", change(org.id, member_count=3), by=office["clerk"], today=date(2027, 1, 2))
    assert (a.number, b.number, c.number) == ("511111-2026-00001", "511111-2026-00002", "511111-2027-00001")



@pytest.mark.both_backends
def test_community_organization_climbs_the_tiers(shawan_db: Database) -> None:
    """guided -> filed (the township becomes its registry) -> registered (a legal representative, a USCC, the
    county's bureau as registry); the same person may stay on as legal representative."""
    from civicdesk.services.register.browse import RegisterFilter, first_page
    from civicdesk.services.core.validation import make_uscc

    admin = auth.create_user(shawan_db, "admin", "admin123x", "admin")
    clerk = auth.create_user(shawan_db, "wang", "clerk123x", "clerk", by=admin)
    reviewer = auth.create_user(shawan_db, "li", "review123", "reviewer", by=admin)
    guided = first_page(shawan_db, RegisterFilter(tier="guided", division_code="511111"), "name", False, 1)[0]

    def decide(kind: str, data: dict[str, object]) -> filings.FilingRecord:
        record = filings.draft_filing(shawan_db, kind, data, by=clerk)
        filings.transition(shawan_db, record.id, "submit", by=clerk)
        return filings.transition(shawan_db, record.id, "approve", by=reviewer)

    decide("tier_convert", {"organization_id": guided.id, "changes": {"tier": "filed"}})
    shown = organizations.get_organization(shawan_db, guided.id)
    assert (shown.values["tier"], shown.values["registry_code"]) == ("filed", guided.township_code)
    responsible = [p.name for p in shown.people if p.is_current][0]
    decide("tier_convert", {"organization_id": guided.id, "changes": {
        "tier": "registered", "legal_form": "social_group", "category": "charity", "registration_mode": "direct",
        "uscc": make_uscc("1", "511111", "MJ977001"), "legal_rep_name": responsible, "address": "沙湾区测试路1号",
        "established_on": "2026-11-20"}})
    shown = organizations.get_organization(shawan_db, guided.id)
    assert (shown.values["tier"], shown.values["registry_code"], shown.values["is_community"]) == (
        "registered", "511111", True)
    assert [(p.role, p.name) for p in shown.people if p.is_current] == [("legal_representative", responsible)]


# -- issue 13/14: a reviewer sees everything an approval writes; personal numbers masked unless revealed ---------
REP_ID = "51111119800101006X"  # a valid ID number (checked below) that appears nowhere else


def _establishment(db: Database, office) -> filings.FilingRecord:
    record = social_group(name="乐山市沙湾区新设书法协会")
    record["people"].append({"role": "secretary_general", "name": "钱秘书", "id_number": REP_ID,
                             "phone": "13900001111", "term_start": "2019-05-20"})
    return filings.draft_filing(db, "establish", {"record": record, "applicant": "筹备组"}, by=office["clerk"])


def test_an_establishment_diff_lists_every_field_and_person_approval_writes(db: Database, office) -> None:
    assert organizations.validate_id_number(REP_ID) == []
    draft = _establishment(db, office)
    shown = filings.get_filing(db, draft.number)
    rows = {d.field: d for d in shown.diff}
    people = [d.new for d in shown.diff if d.field.startswith("people")]
    assert len(people) == 2 and all(d.label == "人员" for d in shown.diff if d.field.startswith("people"))
    assert people[0].startswith("法定代表人 张三，身份证号码 5111**********") and "电话 138****5678" in people[0]
    assert people[1].startswith("秘书长 钱秘书，身份证号码 5111**********006X") and "139****1111" in people[1]
    # the defaults the register fills in are shown too: nothing written goes unseen
    for name in ("name", "uscc", "tier", "status", "registry_code", "registry_name", "established_on", "sponsor"):
        assert name in rows, name
    assert rows["status"].new == "active" and rows["tier"].new == "registered"
    # what approval writes is what the diff listed
    filings.transition(db, draft.id, "submit", by=office["clerk"])
    approved = filings.transition(db, draft.id, "approve", by=office["reviewer"])
    org = organizations.get_organization(db, approved.organization_id, reveal=True, by=office["admin"])
    assert sorted(p.name for p in org.people) == ["张三", "钱秘书"]
    for spec_name, row in rows.items():
        if not spec_name.startswith("people"):
            assert str(organizations.records.to_json_value(org.values[spec_name])) == str(row.new), spec_name


def test_filings_mask_personal_numbers_unless_revealed_and_a_reveal_is_audited(db: Database, office, org) -> None:
    draft = filings.draft_filing(db, "change", change(org.id, legal_rep_name="王新民", legal_rep_id_number=REP_ID,
                                                      legal_rep_phone="13700002222"), by=office["clerk"])
    for record in (draft, filings.get_filing(db, draft.id), *filings.list_filings(db)):
        text = repr(record.to_json())
        assert REP_ID not in text and "13700002222" not in text and "13812345678" not in text
        assert "5111**********006X" in text and "137****2222" in text
    person = next(d for d in filings.get_filing(db, draft.id).diff if d.field == "people")
    assert person.old.startswith("法定代表人 张三") and person.new.startswith("法定代表人 王新民")
    assert person.new.endswith("；张三 离任")
    with pytest.raises(CivicDeskError) as refused:
        filings.get_filing(db, draft.id, by=office["clerk"], reveal=True)
    assert refused.value.code == "auth.forbidden"
    before = audit.count(db)
    revealed = filings.get_filing(db, draft.id, by=office["reviewer"], reveal=True)
    assert revealed.changes["legal_rep_id_number"] == REP_ID
    assert {d.field: d.new for d in revealed.diff}["legal_rep_phone"] == "13700002222"
    entry = audit.entries(db, limit=1, by=auth.get_user(db, "admin"))[0]
    assert (audit.count(db), entry.action, entry.actor, entry.entity_id) == (before + 1, "data.revealed", "li",
                                                                             draft.id)


def test_the_audit_trail_and_history_keep_no_full_id_number_or_phone_of_a_change(db: Database, db_path: Path,
                                                                                  office, org) -> None:
    old_id = social_group()["people"][0]["id_number"]
    draft = filings.draft_filing(db, "change", change(org.id, legal_rep_name="王新民", legal_rep_id_number=REP_ID,
                                                      legal_rep_phone="13700002222"), by=office["clerk"])
    filings.transition(db, draft.id, "submit", by=office["clerk"])
    filings.transition(db, draft.id, "approve", by=office["reviewer"])
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        trail = "\n".join(row[0] for row in conn.execute("SELECT details FROM audit_entry"))
        history = "\n".join(f"{a} {b}" for a, b in conn.execute("SELECT old_value, new_value FROM org_change"))
    finally:
        conn.close()
    assert "legal_rep_id_number" in trail  # the change is there ...
    for number in (REP_ID, old_id, "13700002222"):  # ... but no full number
        assert number not in trail, number
        assert number not in history, number
    assert audit.verify(db).ok


def test_a_clerk_corrects_a_draft_shown_masked_and_the_full_numbers_stay(db: Database, office) -> None:
    draft = _establishment(db, office)
    shown = dict(draft.changes["record"])  # masked: what the clerk's form got
    assert "*" in shown["people"][1]["id_number"]
    shown["address"] = "四川省乐山市沙湾区新址路9号"
    corrected = filings.update_draft(db, draft.id, {"record": shown}, by=office["clerk"])
    revealed = filings.get_filing(db, corrected.id, by=office["reviewer"], reveal=True)
    assert revealed.changes["record"]["people"][1]["id_number"] == REP_ID
    assert revealed.changes["record"]["address"] == "四川省乐山市沙湾区新址路9号"


@pytest.mark.parametrize(("where", "value"), [
    ("name", "测试\x07协会"), ("name", "测试\u202e协会"), ("address", "地址\x1b[31m"), ("name", "=1+1协会"),
    ("name", "\t=1+1协会"), ("people.name", "张\x00三"), ("applicant", "王\x1b五"), ("legal_rep_name", "王\u2066五"),
    ("comment", "理由\x07"),
])
def test_filings_refuse_control_characters_and_formulas_naming_the_field(db: Database, db_path: Path, office, org,
                                                                          where: str, value: str) -> None:
    before = digest(db_path, without=("audit_entry",))
    with pytest.raises(ValidationError) as refused:
        if where in ("name", "address"):
            filings.draft_filing(db, "establish", {"record": social_group(**{where: value})}, by=office["clerk"])
        elif where == "people.name":
            record = social_group()
            record["people"][0]["name"] = value
            filings.draft_filing(db, "establish", {"record": record}, by=office["clerk"])
        elif where == "applicant":
            filings.draft_filing(db, "change", {**change(org.id, address="新址"), "applicant": value},
                                 by=office["clerk"])
        elif where == "legal_rep_name":
            filings.draft_filing(db, "change", change(org.id, legal_rep_name=value), by=office["clerk"])
        else:
            draft = filings.draft_filing(db, "change", change(org.id, address="新址"), by=office["clerk"])
            filings.transition(db, draft.id, "submit", by=office["clerk"])
            before = digest(db_path, without=("audit_entry",))
            filings.transition(db, draft.id, "return", by=office["reviewer"], comment=value)
    assert refused.value.issues[0].code in ("text.control", "text.formula")
    assert "\n" not in refused.value.message("zh")
    assert digest(db_path, without=("audit_entry",)) == before


@pytest.mark.parametrize("value", ["测试\x07协会", "测试\x1b]0;x\x07协会", "\x00协会", "测试\u202e会协",
                                   "测试\u2067协会", "@SUM(1+1)", "-2+3协会", "+1+1协会"])
def test_org_add_refuses_control_characters_and_formulas(db: Database, db_path: Path, value: str,
                                                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(db_path)
    with pytest.raises(ValidationError) as refused:
        organizations.add_organization(db, social_group(name=value))
    assert [i.field for i in refused.value.issues] == ["name"]
    assert "名称" in refused.value.message("zh")
    # the form's live check (the GUI's entry path) says the same before anything is saved
    assert [i.code for i in organizations.check_organization(db, social_group(name=value))
            if i.field == "name"] == [refused.value.issues[0].code]
    assert digest(db_path) == before
    with pytest.raises(ValidationError):
        organizations.add_organization(db, social_group(address="地址\x85"))
    record = social_group()
    record["people"][0]["name"] = value
    with pytest.raises(ValidationError) as refused:
        organizations.add_organization(db, record)
    assert refused.value.issues[0].field == "people[0].name"
    assert digest(db_path) == before

    # and on the command line: one line naming the field, exit non-zero, nothing written
    import json as _json

    from civicdesk.app import main

    source = tmp_path / "org.json"
    source.write_text(_json.dumps(social_group(name=value), ensure_ascii=False), encoding="utf-8")
    db.close()
    code = main(["--db", str(db_path), "org", "add", "--json-file", str(source)])
    out, err = capsys.readouterr()
    assert code != 0 and err.count("\n") == 1 and "“名称”" in err and "Traceback" not in err
    assert not any(c in err for c in "\x00\x07\x1b\u202e\u2067")  # the refusal prints no control character
    assert digest(db_path) == before
