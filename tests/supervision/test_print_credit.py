"""The public disclosure prints (信息公开) on the 沙湾区 demo: ``credit-list`` and ``penalties`` as PDF, .xlsx and
.csv, public and internal.

The database holds what must never reach a public output: the demo's people (org_person: names, ID numbers,
phones), an interview with its participants, a complaint with its reporter (name, phone, address), a listing's
ground detail and a penalty's facts naming a person.  Every public output is read back (the PDF's text with
pypdf, the workbook with openpyxl, the .csv as text) and searched for all of them."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from civicdesk import clock as program_clock
from civicdesk import messages
from civicdesk.errors import CivicDeskError
from civicdesk.models import AuditEntry, Organization, OrgPerson
from civicdesk.models.enforcement import Complaint, ComplaintReporter, CreditListing, Interview, Penalty
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.printing import print_document, resolve_fonts
from civicdesk.services.printing.kind_credit import CreditListOptions, PenaltiesOptions
from tests.helpers.cli import run
from tests.helpers.db import digest

PASSWORD = "a-long-password-2"
TODAY = datetime(2026, 11, 28, 10, 0)
YEAR = TODAY.year
#: what a clerk typed into free text: a person's name, ID number and mobile number
TYPED_NAME, TYPED_ID, TYPED_PHONE = "郑某某", "510111198001011239", "13711112222"
REPORTER = ("周举报人", "13900001111", "沙湾区嘉农镇举报路88号")
PARTICIPANTS = "吴约谈、冯约谈（法定代表人）"
COMPLAINT = "反映该会负责人陈投诉私分会费"


@dataclass
class World:
    path: Path
    db: Database
    clerk: auth.UserInfo
    reviewer: auth.UserInfo
    disabled: auth.UserInfo
    published: dict[str, str]  # decision number -> organization name, of what the public lists show
    hidden: dict[str, str]  # decision number -> organization name, of what they must not show
    secrets: set[str]  # every personal datum and confidential text of the database


@pytest.fixture(scope="module")
def world(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    path = tmp_path_factory.mktemp("print_credit") / "shawan.sqlite3"
    shutil.copyfile(templates["shawan_demo"], path)
    conn = sqlite3.connect(path)  # the lists and penalties below, not the demo's: the counts and lines are exact
    with conn:
        for table in ("credit_event", "credit_objection", "credit_listing", "penalty"):
            conn.execute(f"DELETE FROM {table}")
    conn.close()
    db = open_database(path)
    with program_clock.use(program_clock.FixedClock(TODAY)):
        admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
        clerk = auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin)
        reviewer = auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin)
        auth.create_user(db, "gone1", "a-long-password-4", "clerk", by=admin)
        disabled = auth.set_active(db, "gone1", False, by=admin)
        office = db.office().code
        with db.read() as session:
            # organizations whose people have ID numbers: the lists name the organizations, never the people
            orgs = list(session.execute(
                select(Organization.id, Organization.name).join(OrgPerson, OrgPerson.organization_id == Organization.id)
                .where(OrgPerson.id_number.is_not(None), Organization.uscc.is_not(None))
                .group_by(Organization.id).order_by(Organization.name).limit(10)))
            person = session.execute(select(OrgPerson.name, OrgPerson.id_number, OrgPerson.phone).where(
                OrgPerson.organization_id == orgs[0][0], OrgPerson.id_number.is_not(None))).first()
        assert len(orgs) == 10 and person is not None
        detail = f"法定代表人{person[0]}（身份证号{person[1]}，电话{TYPED_PHONE}）下落不明"
        day = date(YEAR, 3, 2)
        published: dict[str, str] = {}
        hidden: dict[str, str] = {}

        def listing(n: int, kind: str, state: str, number: str, **kw: Any) -> CreditListing:
            (published if state in ("listed", "removed", "moved") else hidden)[number] = orgs[n][1]
            return CreditListing(organization_id=orgs[n][0], office_code=office, list_kind=kind, state=state,
                                 ground=kw.pop("ground", "unreachable"), ground_detail=detail, proposed_by="rules",
                                 proposed_on=day, decision_no=number, decided_on=day, decided_by="rev1",
                                 listed_on=day, origin_office=office, **kw)

        def penalty(n: int, kind: str, state: str, number: str, **kw: Any) -> Penalty:
            (published if state == "decided" else hidden)[number] = orgs[n][1]
            return Penalty(organization_id=orgs[n][0], office_code=office, case_no=f"沙民案〔{YEAR}〕{n}号",
                           kind=kind, state=state, facts=f"经查，{TYPED_NAME}（身份证号{TYPED_ID}）以该会名义收取费用",
                           basis=kw.pop("basis", "《社会团体登记管理条例》第三十条第一款第（六）项"),
                           decision_no=number, decided_on=kw.pop("decided_on", date(YEAR, 5, 6)), entered_by="clerk1",
                           decided_by="rev1", origin_office=office, **kw)

        with db.unit(actor="clerk1") as session:
            moved = listing(2, "abnormal", "moved", f"沙民异〔{YEAR}〕3号", ground="annual_report_missing",
                            removed_on=date(YEAR, 6, 1))
            session.add_all([
                listing(0, "abnormal", "listed", f"沙民异〔{YEAR}〕1号"),
                listing(1, "abnormal", "removed", f"沙民异〔{YEAR}〕2号", removal_ground="rectified",
                        removal_decision_no=f"沙民移〔{YEAR}〕1号", removed_on=date(YEAR, 9, 1)),
                moved,
                listing(4, "abnormal", "proposed", f"沙民异〔{YEAR}〕拟4号"),
                listing(5, "abnormal", "annulled", f"沙民异〔{YEAR}〕5号"),
                listing(6, "serious", "rejected", f"沙民严〔{YEAR}〕拟9号"),
            ])
            session.flush()
            session.add(listing(3, "serious", "listed", f"沙民严〔{YEAR}〕1号", ground="abnormal_two_years",
                                moved_from_id=moved.id))
            session.add_all([
                penalty(0, "fine", "decided", f"沙民罚〔{YEAR}〕1号", amount=Decimal("50000")),
                penalty(7, "warning", "decided", f"沙民罚〔{YEAR}〕2号",
                        basis=f"《社会团体登记管理条例》第三十条（联系电话{TYPED_PHONE}）"),
                penalty(8, "fine", "withdrawn", f"沙民罚〔{YEAR}〕3号", amount=Decimal("2000"), reason="复议撤销"),
                penalty(9, "warning", "draft", f"沙民罚〔{YEAR}〕拟4号"),
                penalty(1, "confiscation", "decided", f"沙民罚〔{YEAR - 1}〕7号", amount=Decimal("1234.5"),
                        decided_on=date(YEAR - 1, 12, 30)),
            ])
            session.add(Interview(organization_id=orgs[0][0], office_code=office, held_at=datetime(YEAR, 4, 1, 9),
                                  place="沙湾区民政局约谈室", participants=PARTICIPANTS, issues="会费管理混乱",
                                  entered_by="clerk1", origin_office=office))
            complaint = Complaint(office_code=office, received_on=date(YEAR, 2, 1), channel="phone",
                                  organization_id=orgs[0][0], content=COMPLAINT, entered_by="clerk1",
                                  origin_office=office)
            session.add(complaint)
            session.flush()
            session.add(ComplaintReporter(complaint_id=complaint.id, name=REPORTER[0], phone=REPORTER[1],
                                          address=REPORTER[2]))
    resolve_fonts(None)  # the fonts are loaded once a process: here, not in the first test's time
    yield World(path, db, clerk, reviewer, disabled, published, hidden, _secrets(path))
    db.close()


def _secrets(path: Path) -> set[str]:
    """Every ID number, phone, person's name, reporter's datum and confidential text of the database; a person's
    name that is part of an organization's name (so a list must show it) is left out."""
    conn = sqlite3.connect(path)
    try:
        org_names = "\n".join(r[0] for r in conn.execute("SELECT name FROM organization"))
        found = {r[0] for r in conn.execute(
            "SELECT id_number FROM org_person UNION SELECT phone FROM org_person UNION SELECT name FROM org_person "
            "UNION SELECT name FROM complaint_reporter UNION SELECT phone FROM complaint_reporter "
            "UNION SELECT address FROM complaint_reporter UNION SELECT participants FROM interview "
            "UNION SELECT place FROM interview UNION SELECT content FROM complaint UNION SELECT facts FROM penalty "
            "UNION SELECT ground_detail FROM credit_listing UNION SELECT contact_phone FROM organization")}
    finally:
        conn.close()
    found |= {TYPED_NAME, TYPED_ID, TYPED_PHONE, *REPORTER, "吴约谈", "冯约谈", "陈投诉"}
    return {s for s in found if s and s not in org_names}


def pdf_text(path: Path) -> str:
    """The PDF's text, spaces and line breaks taken out (a name may wrap in its cell)."""
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def sheet_text(path: Path) -> str:
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8-sig")
    book = load_workbook(path, read_only=True)
    return "\n".join("\t".join("" if v is None else str(v) for v in row)
                     for ws in book.worksheets for row in ws.iter_rows(values_only=True))


def text_of(path: Path) -> str:
    return pdf_text(path) if path.suffix == ".pdf" else sheet_text(path)


def _print(world: World, tmp_path: Path, kind: str, options: Any, name: str, **kw: Any) -> Any:
    kw.setdefault("by", world.clerk)
    return print_document(world.db, kind, options, tmp_path / name, **kw)


# -- nothing personal in any public output ---------------------------------------------------------------------
PUBLIC_OUTPUTS = [("credit-list", CreditListOptions(list_kind, state)) for list_kind in ("all", "abnormal", "serious")
                  for state in ("current", "all")] + [("penalties", PenaltiesOptions(YEAR)),
                                                      ("penalties", PenaltiesOptions(start=date(YEAR - 1, 1, 1)))]


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".csv"])
@pytest.mark.parametrize("kind, options", PUBLIC_OUTPUTS)
def test_no_personal_datum_or_complaint_reaches_any_public_output(world, tmp_path, clock, kind, options, suffix):
    assert len(world.secrets) > 50  # the demo's people, the reporter, the interview, the complaint, the facts
    result = _print(world, tmp_path, kind, options, f"out{suffix}", public=True)
    text = text_of(result.path)
    assert {s for s in world.secrets if s in text} == set()
    assert "5101" not in text.replace("51511", "")  # not even a masked ID number
    assert not any(number in text for number in world.hidden)
    for number in (n for n in world.published if n in text):
        assert world.published[number] in text
    if options in (CreditListOptions("all", "all"), PenaltiesOptions(start=date(YEAR - 1, 1, 1))):
        # together the two show every published decision, each with its organization
        other = ("penalties", PenaltiesOptions(start=date(YEAR - 1, 1, 1))) if kind == "credit-list" else \
            ("credit-list", CreditListOptions("all", "all"))
        text += text_of(_print(world, tmp_path, *other, f"other{suffix}", public=True).path)
        assert {n for n in world.published if n in text} == set(world.published)


def test_the_public_credit_lists_show_the_decisions_and_the_removals(world, tmp_path, clock):
    current = _print(world, tmp_path, "credit-list", CreditListOptions(), "now.pdf", public=True)
    text = pdf_text(current.path)
    assert current.title == "乐山市沙湾区民政局社会组织活动异常名录和严重违法失信名单"
    assert "一、活动异常名录（1个）" in text and "二、严重违法失信名单（1个）" in text
    assert (current.facts["abnormal"], current.facts["serious"], current.facts["rows"]) == (1, 1, 2)
    assert f"沙民异〔{YEAR}〕1号" in text and f"沙民严〔{YEAR}〕1号" in text
    assert "通过登记的住所无法与社会组织取得联系" in text and "被列入活动异常名录满2年" in text
    assert f"沙民异〔{YEAR}〕2号" not in text  # removed: not on the list now
    assert "公开版" in text and "特此公告" in text and "乐山市沙湾区民政局" in text and "第1页" in text
    history = pdf_text(_print(world, tmp_path, "credit-list", CreditListOptions("abnormal", "all"), "all.pdf",
                              public=True).path)
    assert "移出情况" in history and f"已移出（沙民移〔{YEAR}〕1号，{YEAR}年9月1日）" in history
    assert f"已转入严重违法失信名单（{YEAR}年6月1日）" in history and "严重违法失信名单（" not in history[:60]
    assert f"沙民严〔{YEAR}〕1号" not in history
    rows = list(load_workbook(_print(world, tmp_path, "credit-list", CreditListOptions(state="all"), "all.xlsx",
                                     public=True).path, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("序号", "名单", "社会组织名称", "统一社会信用代码", "列入事由", "列入决定文号", "决定日期",
                       "列入日期", "状态", "移出决定文号", "移出日期")
    assert [r[8] for r in rows[1:]] == ["在列", "已移出", "已转入严重违法失信名单", "在列"]
    assert rows[2][9] == f"沙民移〔{YEAR}〕1号" and rows[2][10].date() == date(YEAR, 9, 1)


def test_the_public_penalties_show_the_decided_ones_of_the_period(world, tmp_path, clock):
    result = _print(world, tmp_path, "penalties", PenaltiesOptions(YEAR), "p.pdf", public=True)
    text = pdf_text(result.path)
    assert result.title == f"乐山市沙湾区民政局{YEAR}年度社会组织行政处罚决定公示"
    assert (result.facts["rows"], result.facts["decided"]) == (2, 2) and "共2件" in text
    assert "罚款" in text and "50,000.00" in text and "警告" in text and "第三十条" in text
    assert f"联系电话{TYPED_PHONE[:3]}****{TYPED_PHONE[-4:]}" in text  # a number typed into the basis: masked
    assert f"沙民罚〔{YEAR - 1}〕7号" not in text and "经查" not in text and "案号" not in text
    csv = sheet_text(_print(world, tmp_path, "penalties", PenaltiesOptions(start=date(YEAR - 1, 12, 1)), "p.csv",
                            public=True).path)
    lines = csv.strip().splitlines()
    assert lines[0] == ('"序号","社会组织名称","统一社会信用代码","处罚种类","罚没金额（元）","处罚依据",'
                        '"处罚决定书文号","决定日期"')
    assert len(lines) == 4 and '"没收违法所得","1234.5"' in lines[1] and f'"{YEAR - 1}-12-30"' in lines[1]


def test_the_internal_versions_add_the_facts_masked_unless_revealed(world, tmp_path, clock):
    text = pdf_text(_print(world, tmp_path, "penalties", PenaltiesOptions(YEAR), "i.pdf").path)
    assert "内部资料" in text and "违法事实（内部）" in text and f"沙民案〔{YEAR}〕0号" in text
    assert TYPED_NAME in text and TYPED_ID not in text and f"{TYPED_ID[:4]}**********{TYPED_ID[-4:]}" in text
    assert "（已撤销）" in text and f"沙民罚〔{YEAR}〕3号" in text and f"沙民罚〔{YEAR}〕拟4号" not in text
    shown = pdf_text(_print(world, tmp_path, "penalties", PenaltiesOptions(YEAR), "r.pdf", by=world.reviewer,
                            reveal_ids=True).path)
    assert TYPED_ID in shown
    sheet = sheet_text(_print(world, tmp_path, "credit-list", CreditListOptions(), "i.xlsx").path)
    assert "事由说明（内部）" in sheet and "下落不明" in sheet and TYPED_PHONE not in sheet


def test_an_empty_list_prints_a_none_line(world, tmp_path, clock):
    result = _print(world, tmp_path, "penalties", PenaltiesOptions(YEAR - 5), "none.pdf", public=True)
    text = pdf_text(result.path)
    assert result.facts["empty"] and result.facts["rows"] == 0 and "（无）" in text and "共0件" in text
    listing = _print(world, tmp_path, "credit-list", CreditListOptions(start=date(YEAR, 10, 1)), "none2.pdf",
                     public=True)
    assert listing.facts["empty"] and "（无）" in pdf_text(listing.path)
    sheet = _print(world, tmp_path, "credit-list", CreditListOptions(start=date(YEAR, 10, 1)), "none.csv", public=True)
    assert sheet.facts["rows"] == 0 and len(sheet.path.read_text(encoding="utf-8-sig").strip().splitlines()) == 1


def test_a_user_without_the_print_right_is_refused_and_audited(world, tmp_path, clock):
    for name in ("x.pdf", "x.csv"):
        with pytest.raises(CivicDeskError) as refused:
            _print(world, tmp_path, "credit-list", CreditListOptions(), name, by=world.disabled, public=True)
        assert refused.value.code == "auth.forbidden"
    assert list(tmp_path.iterdir()) == []
    with world.db.read() as session:
        entry = session.execute(select(AuditEntry.actor, AuditEntry.details).where(
            AuditEntry.action == "print.refused").order_by(AuditEntry.seq.desc())).first()
    assert entry is not None and entry[0] == "gone1" and "credit-list" in entry[1] and "auth.forbidden" in entry[1]
    made = _print(world, tmp_path, "penalties", PenaltiesOptions(YEAR), "ok.xlsx", public=True)
    with world.db.read() as session:
        last = session.execute(select(AuditEntry.actor, AuditEntry.details).where(
            AuditEntry.action == "print.penalties").order_by(AuditEntry.seq.desc())).first()
    assert made.path.exists() and last is not None and last[0] == "clerk1" and '"ok.xlsx"' in last[1]


def test_bad_options_are_refused_with_one_clear_message(world, tmp_path, clock):
    cases = [("credit-list", CreditListOptions("gossip"), "x.pdf", "print.credit_list"),
             ("credit-list", CreditListOptions(state="soon"), "x.pdf", "print.credit_state"),
             ("credit-list", CreditListOptions(start=date(YEAR, 5, 1), end=date(YEAR, 1, 1)), "x.pdf",
              "print.bad_period"),
             ("penalties", PenaltiesOptions(1800), "x.pdf", "print.credit_year"),
             ("penalties", PenaltiesOptions(YEAR + 1), "x.csv", "print.credit_year"),
             ("penalties", PenaltiesOptions(YEAR, start=date(YEAR, 1, 1)), "x.pdf", "print.credit_period"),
             ("penalties", PenaltiesOptions(YEAR), "x.txt", "print.output_not_pdf_xlsx_csv")]
    for kind, options, name, code in cases:
        with pytest.raises(CivicDeskError) as refused:
            _print(world, tmp_path, kind, options, name)
        assert refused.value.code == code
        for lang in ("zh", "en"):
            assert "\n" not in refused.value.message(lang)
    assert list(tmp_path.iterdir()) == []


# -- the command line --------------------------------------------------------------------------------------------
def _cli(capsys: pytest.CaptureFixture[str], world: World, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(world.path), "--user", "clerk1", "print", *args)


def test_print_credit_list_and_penalties_from_the_command_line(world, tmp_path, capsys, clock, monkeypatch):
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    code, out, err = _cli(capsys, world, "credit-list", "--list", "serious", "--public", "-o", str(tmp_path / "s.pdf"))
    assert code == 0, err
    assert "严重违法失信名单" in pdf_text(tmp_path / "s.pdf")
    code, out, err = _cli(capsys, world, "credit-list", "--state", "all", "--public", "-o", str(tmp_path / "l.csv"),
                          "--json")
    assert code == 0, err
    assert '"rows": 4' in out and '"public": true' in out
    code, out, err = _cli(capsys, world, "penalties", "--public", "-o", str(tmp_path / "p.xlsx"))  # this year
    assert code == 0, err
    assert (tmp_path / "p.xlsx").exists()
    code, out, err = _cli(capsys, world, "penalties", "--year", str(YEAR - 3), "--public", "-o",
                          str(tmp_path / "none.pdf"))
    assert code == 0, err
    assert messages.text("cli.print.empty", "zh") in out


@pytest.mark.parametrize("args, words", [
    (("credit-list", "--list", "gossip", "-o", "{tmp}/a.pdf"), "gossip"),
    (("penalties", "--year", "2026", "--from", "2026-01-01", "-o", "{tmp}/a.pdf"), "--year"),
    (("penalties", "--from", "someday", "-o", "{tmp}/a.pdf"), "someday"),
    (("penalties", "--year", "1800", "-o", "{tmp}/a.csv"), "1800"),
    (("credit-list", "-o", "{tmp}/a.txt"), ".csv"),
])
def test_command_line_refusals_are_one_line_and_change_nothing(world, tmp_path, capsys, clock, monkeypatch,
                                                               args, words):
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    filled = [a.format(tmp=tmp_path) for a in args]
    before = digest(world.path, without=("audit_entry",))  # the login itself is audited
    code, out, err = _cli(capsys, world, *filled)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert digest(world.path, without=("audit_entry",)) == before
    assert list(tmp_path.iterdir()) == []
