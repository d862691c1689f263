"""Printing the supervision documents on the 沙湾区 demo, with the inspection records and the spot-check plan made
through the services: the 年检结果公告 (public and internal), the 参检率 report, the spot-check results as PDF
and .xlsx, and ``civicdesk print inspection|spotcheck`` with its one-line refusals.  The PDFs are read with
pdftotext and pdffonts (the poppler tools), never by their bytes."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from civicdesk import clock as program_clock
from civicdesk.errors import CivicDeskError
from civicdesk.models import AuditEntry
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.printing import print_document
from civicdesk.services.printing.kind_inspection import InspectionOptions, mask_text, percent, row_label
from civicdesk.services.printing.kind_spotcheck import SpotcheckOptions
from civicdesk.services.supervision import inspection, spotcheck
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.services.test_printing import personal_numbers

YEAR = 2025  # not a year the demo's own campaigns (2019, 2020) use
PASSWORD = "a-long-password-2"
#: what a clerk typed into a 不合格 reason: an ID number and a mobile number, to be masked in print
ID_IN_REASON, PHONE_IN_REASON = "510111199001011234", "13812345678"
GOOD: dict[str, Any] = {"received_on": "2026-04-20", "materials": ["report", "financial"], "income": "125000.50",
                        "expenditure": 98000, "net_assets": "1200.00", "staff_count": 3, "member_count": 120,
                        "activity_count": 8}


@dataclass
class World:
    path: Path
    db: Database
    clerk: auth.UserInfo
    reviewer: auth.UserInfo
    conclusions: dict[str, str]  # organization name -> conclusion
    pending: str  # the name of the organization whose report is submitted, not decided
    plan_id: str
    planned_id: str  # a plan not drawn


def pdf_text(path: Path, mode: str = "-layout") -> str:
    return subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True).stdout


def flat(path: Path) -> str:
    """The PDF's text in the order it is drawn, spaces and line breaks taken out (a name may wrap in its cell)."""
    return re.sub(r"\s+", "", pdf_text(path, "-raw"))


def assert_fonts_embedded(path: Path) -> None:
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    fonts = lines[2:]  # two lines of header
    assert fonts, "no font at all"
    for line in fonts:
        # name type encoding emb sub uni object ID: "emb" is the third column from the object id's end
        assert line.split()[-5] == "yes", line


@pytest.fixture(scope="module")
def world(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One demo database for the module: users, a campaign of 2025 with 10 decided reports (合格, 基本合格,
    不合格) and one pending, a spot-check plan drawn with three results recorded, and one plan not drawn."""
    path = tmp_path_factory.mktemp("print_supervision") / "shawan.sqlite3"
    shutil.copyfile(templates["shawan_demo"], path)
    db = open_database(path)
    with program_clock.use(program_clock.FixedClock(datetime(2026, 11, 28, 10, 0))):
        admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
        clerk = auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin)
        reviewer = auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin)
        try:
            inspection.open_campaign(db, YEAR, by=clerk)
        except CivicDeskError as exc:  # the demo may come with this year's campaign one day
            assert exc.code == "inspection.campaign_exists"
        due = inspection.due_list(db, YEAR)
        assert len(due) > 20
        plan = ["pass"] * 6 + ["basic", "basic", "fail", "fail", None]
        conclusions: dict[str, str] = {}
        pending = ""
        for (org_id, name, _uscc, _form), conclusion in zip(due, plan, strict=False):
            inspection.record(db, YEAR, org_id, GOOD, by=clerk)
            inspection.submit(db, YEAR, org_id, by=clerk)
            if conclusion is None:
                pending = name
                continue
            reasons = None
            if conclusion == "basic":
                reasons = "财务制度不健全"
            elif conclusion == "fail":
                reasons = f"未按章程换届，原法定代表人（身份证号{ID_IN_REASON}，电话{PHONE_IN_REASON}）已离职"
            inspection.decide(db, YEAR, org_id, conclusion=conclusion, reasons=reasons, document_no="沙民检〔2026〕1号",
                              by=reviewer)
            conclusions[name] = conclusion
        for name in ("张检查", "李检查", "王检查"):
            spotcheck.add_inspector(db, name, unit="执法监察科", by=reviewer)
        drawn = spotcheck.draw(db, spotcheck.plan(db, 2026, "0.05", by=clerk).id, by=clerk)
        assert len(drawn.items) > 3  # one left without its result
        items = drawn.items
        spotcheck.record(db, items[0].id, {"notice_on": "2026-11-28", "checked_on": "2026-11-28", "result": "clear",
                                           "published_on": "2026-11-28"}, by=clerk)
        spotcheck.record(db, items[1].id, {"checked_on": "2026-11-28", "result": "rectify",
                                           "rectify_by": "2026-12-31", "findings": "负责人张某未到会"}, by=clerk)
        spotcheck.record(db, items[2].id, {"checked_on": "2026-11-28", "result": "refer"}, by=clerk)
        planned = spotcheck.plan(db, 2026, "0.03", by=clerk)
    yield World(path, db, clerk, reviewer, conclusions, pending, drawn.id, planned.id)
    db.close()


def _print(world: World, tmp_path: Path, kind: str, options: Any, name: str, *, by: auth.UserInfo | None = None,
           **kw: Any) -> Any:
    return print_document(world.db, kind, options, tmp_path / name, by=by or world.clerk, **kw)


# -- the 年检结果公告 --------------------------------------------------------------------------------------------
def test_the_public_notice_lists_the_conclusions_with_the_service_figures(world, tmp_path, clock):
    result = _print(world, tmp_path, "inspection", InspectionOptions(YEAR), "notice.pdf", public=True)
    text = flat(result.path)
    total = inspection.participation(world.db, YEAR, group_by="registry").total
    assert result.title == f"乐山市沙湾区民政局关于{YEAR}年度社会组织年度检查结果的公告"
    assert "乐山市沙湾区民政局" in text and f"关于{YEAR}年度社会组织年度检查结果的公告" in text
    assert (total.decided, total.passed, total.basic, total.failed) == (10, 6, 2, 2)
    assert (f"应参加{YEAR}年度检查的社会组织{total.due}个，已参检（已作出年检结论）{total.decided}个，"
            f"参检率{percent(total.rate)}") in text
    assert f"年检合格{total.passed}个，基本合格{total.basic}个，不合格{total.failed}个" in text
    assert "尚在审查的1个" in text
    assert (result.facts["due"], result.facts["participation_rate"]) == (total.due, total.rate)
    # one section per conclusion, then the absentees (named: see the module's decision)
    sections = ["一、年检合格的社会组织（6个）", "二、年检基本合格的社会组织（2个）", "三、年检不合格的社会组织（2个）",
                "四、未参加年度检查的社会组织"]
    assert [text.find(s) for s in sections] == sorted(text.find(s) for s in sections) and -1 not in \
        [text.find(s) for s in sections]
    missing = inspection.missing_list(world.db, YEAR, today=clock.today())
    assert result.facts["not_inspected"] == len(missing) == total.due - total.received
    for name in list(world.conclusions) + [m.name for m in missing[:5]]:
        assert name in text
    assert world.pending not in text  # received, not decided: counted, not named
    # the public version: no reason, no 文号, no personal number of the database or of a reason
    assert "财务制度不健全" not in text and "沙民检" not in text and "理由" not in text
    leaked = {n for n in personal_numbers(world.path) | {ID_IN_REASON, PHONE_IN_REASON} if n in text}
    assert leaked == set()
    assert "公开版" in text and "特此公告" in text
    assert_fonts_embedded(result.path)


def test_the_internal_notice_gives_reasons_with_ids_masked_unless_revealed(world, tmp_path, clock):
    masked = flat(_print(world, tmp_path, "inspection", InspectionOptions(YEAR), "internal.pdf").path)
    assert "财务制度不健全" in masked and "沙民检〔2026〕1号" in masked
    assert "身份证号5101****" in masked and mask_text(PHONE_IN_REASON) in masked  # the ID wraps in its cell
    assert ID_IN_REASON not in masked and PHONE_IN_REASON not in masked
    assert "内部资料" in masked
    with pytest.raises(CivicDeskError) as refused:  # a clerk may not reveal
        _print(world, tmp_path, "inspection", InspectionOptions(YEAR), "reveal.pdf", reveal_ids=True)
    assert refused.value.code == "auth.forbidden" and not (tmp_path / "reveal.pdf").exists()
    shown = flat(_print(world, tmp_path, "inspection", InspectionOptions(YEAR), "reveal.pdf", by=world.reviewer,
                        reveal_ids=True).path)
    assert f"身份证号{ID_IN_REASON[:9]}" in shown and PHONE_IN_REASON in shown


def test_long_titles_break_where_official_titles_break_and_fit_the_text_block():
    from civicdesk.services.printing.fonts import resolve_fonts
    from civicdesk.services.printing.kind_inspection import title_lines

    fonts = resolve_fonts(None)
    assert title_lines(fonts, "乐山市沙湾区民政局关于2020年度社会组织年度检查结果的公告") == [
        "乐山市沙湾区民政局", "关于2020年度社会组织年度检查结果的公告"]
    assert title_lines(fonts, "乐山市沙湾区民政局2025年度各登记管理机关社会组织年度检查参检情况报告") == [
        "乐山市沙湾区民政局", "2025年度各登记管理机关", "社会组织年度检查参检情况报告"]
    assert title_lines(fonts, "乐山市沙湾区民政局2026年度“双随机、一公开”抽查结果公示") == [
        "乐山市沙湾区民政局", "2026年度“双随机、一公开”抽查结果公示"]
    assert title_lines(fonts, "短标题") == ["短标题"]
    assert "".join(title_lines(fonts, "很" * 60)) == "很" * 60 and len(title_lines(fonts, "很" * 60)) == 3


def test_mask_text_hides_id_and_mobile_numbers_in_free_text():
    assert mask_text("号51011119900101123X，电话13812345678。") == "号5101**********123X，电话138****5678。"
    assert mask_text("统一社会信用代码51511111MJ8000010X") == "统一社会信用代码51511111MJ8000010X"


# -- the 参检率 report -----------------------------------------------------------------------------------------
def test_the_participation_report_prints_the_service_rates_by_county_and_legal_form(world, tmp_path, clock):
    result = _print(world, tmp_path, "inspection", InspectionOptions(YEAR, "participation"), "rate.pdf")
    assert result.title == f"乐山市沙湾区民政局{YEAR}年度社会组织年度检查参检情况报告"
    lines = pdf_text(result.path).splitlines()
    text = flat(result.path)
    for group in ("county", "legal_form"):
        figures = inspection.participation(world.db, YEAR, group_by=group)
        assert figures.rows
        for r in [*figures.rows, figures.total]:
            row = [f"{v:,}" for v in (r.due, r.received, r.decided)] + [percent(r.rate)] + \
                [f"{v:,}" for v in (r.passed, r.basic, r.failed, r.late)]
            # the table's row as pdftotext lays it out: the label, then the eight figures in order
            assert any(line.split() == [row_label(r), *row] for line in lines), (r, row)
    t = inspection.participation(world.db, YEAR).total
    assert f"参检率{percent(t.rate)}" in text
    assert "二、分县（市、区）参检情况" in text and "三、分组织类型参检情况" in text
    assert result.facts["participation_rate"] == t.rate
    assert_fonts_embedded(result.path)


def test_the_participation_report_of_all_offices_sums_every_campaign_by_registry(world, tmp_path, clock):
    result = _print(world, tmp_path, "inspection", InspectionOptions(YEAR, "participation", all_offices=True),
                    "all.pdf")
    assert result.title == f"乐山市沙湾区民政局{YEAR}年度各登记管理机关社会组织年度检查参检情况报告"
    lines = pdf_text(result.path).splitlines()
    figures = inspection.participation(world.db, YEAR, group_by="registry", office="all")
    for r in [*figures.rows, figures.total]:
        row = [f"{v:,}" for v in (r.due, r.received, r.decided)] + [percent(r.rate)] + \
            [f"{v:,}" for v in (r.passed, r.basic, r.failed, r.late)]
        assert any(line.split() == [row_label(r), *row] for line in lines), (r, row)
    text = flat(result.path)
    assert "二、分登记管理机关参检情况" in text and "五、统计口径" in text
    assert result.facts["offices"] == figures.offices and result.facts["participation_rate"] == figures.total.rate


def test_a_year_without_campaign_and_a_bad_report_are_refused_without_a_file(world, tmp_path, clock):
    with pytest.raises(CivicDeskError) as refused:
        _print(world, tmp_path, "inspection", InspectionOptions(2010), "none.pdf")
    assert refused.value.code == "inspection.no_campaign" and "2010" in refused.value.message("zh")
    with pytest.raises(CivicDeskError) as refused:
        _print(world, tmp_path, "inspection", InspectionOptions(YEAR, "gossip"), "none.pdf")
    assert refused.value.code == "print.inspection_report"
    with pytest.raises(CivicDeskError) as refused:  # a notice is one office's act
        _print(world, tmp_path, "inspection", InspectionOptions(YEAR, all_offices=True), "none.pdf")
    assert refused.value.code == "print.inspection_all_offices"
    with pytest.raises(CivicDeskError) as refused:
        _print(world, tmp_path, "inspection", InspectionOptions(2010, "participation", all_offices=True), "none.pdf")
    assert refused.value.code == "inspection.no_campaign"
    assert list(tmp_path.iterdir()) == []


# -- the spot-check results ------------------------------------------------------------------------------------
def test_the_spotcheck_results_as_pdf_and_xlsx_hold_the_public_rows(world, tmp_path, clock):
    rows = spotcheck.public_results(world.db, world.plan_id)
    plan = spotcheck.get_plan(world.db, world.plan_id)
    pdf = _print(world, tmp_path, "spotcheck", SpotcheckOptions(world.plan_id), "spot.pdf", public=True)
    text = flat(pdf.path)
    assert pdf.title == "乐山市沙湾区民政局2026年度“双随机、一公开”抽查结果公示" and pdf.title in text
    assert (pdf.facts["rows"], pdf.facts["clear"], pdf.facts["rectify"], pdf.facts["refer"]) == (len(rows), 1, 1, 1)
    assert f"随机抽取{len(rows)}个" in text and "未发现问题1个，责令整改1个，移交执法1个" in text
    for r in rows:
        assert r.organization_name in text and (r.uscc or "") in text
    assert "限2026年12月31日前整改" in text and plan.seed in text and plan.snapshot_sha256 in text
    # no inspector, no findings, no personal number
    assert "张检查" not in text and "张某" not in text
    assert {n for n in personal_numbers(world.path) if n in text} == set()
    assert_fonts_embedded(pdf.path)
    xlsx = _print(world, tmp_path, "spotcheck", SpotcheckOptions(world.plan_id), "spot.xlsx")
    assert xlsx.facts["rows"] == len(rows) and xlsx.pages == 0
    sheet = load_workbook(xlsx.path, read_only=True).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("序号", "社会组织名称", "统一社会信用代码", "检查日期", "检查结果", "整改期限", "整改完成日期",
                         "公示日期")
    assert [v[1] for v in values[1:]] == [r.organization_name for r in rows]
    assert values[1][4] == "未发现问题" and values[2][4] == "责令整改" and values[2][5].date().isoformat() == \
        "2026-12-31"
    assert values[4][4] == "尚未检查"
    with world.db.read() as session:  # the workbook is audited like a print, by who made it
        made = session.execute(select(AuditEntry.actor, AuditEntry.details).where(
            AuditEntry.action == "print.spotcheck").order_by(AuditEntry.seq.desc())).first()
    assert made is not None and made[0] == "clerk1" and '"spot.xlsx"' in made[1]


def test_a_plan_not_drawn_or_unknown_prints_nothing(world, tmp_path, clock):
    for plan_id, code in ((world.planned_id, "print.spotcheck_not_drawn"),
                          ("no-such-plan", "spotcheck.plan_not_found")):
        for name in ("x.pdf", "x.xlsx"):
            with pytest.raises(CivicDeskError) as refused:
                _print(world, tmp_path, "spotcheck", SpotcheckOptions(plan_id), name)
            assert refused.value.code == code
    assert "已计划" in CivicDeskError("print.spotcheck_not_drawn", key="p", state="planned").message("zh")
    with pytest.raises(CivicDeskError) as refused:
        _print(world, tmp_path, "spotcheck", SpotcheckOptions(world.plan_id), "x.csv")
    assert refused.value.code == "print.output_not_pdf_or_xlsx"
    assert list(tmp_path.iterdir()) == []


# -- the command line --------------------------------------------------------------------------------------------
def _cli(capsys: pytest.CaptureFixture[str], world: World, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(world.path), "--user", "clerk1", "print", *args)


def test_print_inspection_and_spotcheck_from_the_command_line(world, tmp_path, capsys, clock, monkeypatch):
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    target = tmp_path / "公告.pdf"
    code, out, err = _cli(capsys, world, "inspection", "--year", str(YEAR), "-o", str(target))
    assert code == 0, err
    assert target.exists() and f"关于{YEAR}年度社会组织年度检查结果的公告" in flat(target)
    code, out, err = _cli(capsys, world, "inspection", "--year", str(YEAR), "--report", "participation",
                          "--public", "-o", str(tmp_path / "rate.pdf"), "--json")
    assert code == 0, err
    assert '"participation_rate"' in out and '"public": true' in out
    for name in ("spot.pdf", "spot.xlsx"):
        code, out, err = _cli(capsys, world, "spotcheck", world.plan_id, "-o", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).exists()


@pytest.mark.parametrize("args, words", [
    (("inspection", "--year", "2010", "-o", "{tmp}/a.pdf"), "2010"),
    (("spotcheck", "no-such-plan", "-o", "{tmp}/a.pdf"), "no-such-plan"),
    (("spotcheck", "{planned}", "-o", "{tmp}/a.xlsx"), "已计划"),
    (("spotcheck", "{plan}", "-o", "{tmp}/a.csv"), ".xlsx"),
    (("inspection", "--year", "2025", "--report", "gossip", "-o", "{tmp}/a.pdf"), "gossip"),
])
def test_command_line_refusals_are_one_line_and_change_nothing(world, tmp_path, capsys, clock, monkeypatch,
                                                               args, words):
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    filled = [a.format(tmp=tmp_path, plan=world.plan_id, planned=world.planned_id) for a in args]
    before = digest(world.path, without=("audit_entry",))  # the login itself is audited
    code, out, err = _cli(capsys, world, *filled)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert digest(world.path, without=("audit_entry",)) == before
    assert list(tmp_path.iterdir()) == []
