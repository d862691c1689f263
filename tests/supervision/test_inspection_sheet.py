"""The inspection results sheet (年检结果表): real .xlsx and .csv files imported into the year's campaign with the
register's ledger's header detection, row report and all-or-nothing rules; records arrive submitted, a reviewer
decides them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from civicdesk.errors import CivicDeskError
from civicdesk.models import AuditEntry, InspectionEvent, Organization
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.ledger import inspection_sheet as sheet
from civicdesk.services.ledger.reader import Limits
from civicdesk.services.supervision import inspection
from tests.helpers.cli import run
from tests.helpers.db import digest
from tests.services.test_ledger_attacks import _sheet_zip
from tests.supervision.test_inspection import add_org

YEAR = 2025
PASSWORD = "a-long-password-1"


@pytest.fixture
def office(db: Database, clock) -> dict[str, Any]:
    """The 2025 campaign open, three due organizations, and a clerk and two reviewers."""
    admin = auth.create_user(db, "admin1", PASSWORD, "admin")
    users = {"clerk": auth.create_user(db, "clerk1", PASSWORD, "clerk", by=admin),
             "rev": auth.create_user(db, "rev1", PASSWORD, "reviewer", by=admin),
             "rev2": auth.create_user(db, "rev2", "a-long-password-2", "reviewer", by=admin)}
    inspection.open_campaign(db, YEAR, by=users["clerk"])
    ids = {name: add_org(db, name) for name in ("沙湾区书法协会", "沙湾区养老服务中心", "沙湾区慈善会")}
    return {"users": users, "ids": ids, "uscc": {n: _uscc(db, i) for n, i in ids.items()}}


def _uscc(db: Database, org_id: str) -> str:
    with db.read() as session:
        org = session.get(Organization, org_id)
        assert org is not None and org.uscc
        return org.uscc


def unchanged(db: Database) -> str:
    """The database's digest without the audit trail (a refusal may itself be audited)."""
    assert db.path is not None
    return digest(db.path, without=("audit_entry",))


def write_xlsx(path: Path, rows: list[list[Any]], *, title: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    if title:
        ws.append([title])
        ws.merge_cells("A1:F1")
        ws.append([])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], encoding: str) -> Path:
    text = "\r\n".join(",".join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def problems(report: sheet.SheetReport) -> set[tuple[int, str | None, str]]:
    return {(p.row, p.column, p.code) for p in report.errors}


# -- files that import -----------------------------------------------------------------------------------------
def test_an_xlsx_with_a_title_row_and_office_headers_becomes_submitted_records(db, office, tmp_path, clock):
    u = office["uscc"]
    path = write_xlsx(tmp_path / "年检结果.xlsx", [
        ["序号", "社会组织名称", "信用代码", "年检年度", "报送日期", "本年收入", "本年支出", "年末净资产", "专职人员",
         "会员人数", "开展活动次数", "年检结论", "存在问题"],
        [1, "沙湾区书法协会", None, "2025年度", "2026年4月20日", 125000.5, 98000, -1200, 3, 120, 8, "合格", None],
        [2, None, u["沙湾区养老服务中心"], 2025, "2026/3/2", "80,000", None, None, None, None, None, "基本合格",
         "未按期换届"],
        [3, "沙湾区慈善会", u["沙湾区慈善会"], None, None, None, None, None, None, None, None, "不合格",
         "连续两年未开展活动"],
        ["合计", None, None, None, None, 205000.5],
    ], title="2025年度社会组织年检结果")
    report = sheet.import_sheet(db, path, year=YEAR, by=office["users"]["clerk"])
    assert report.imported and not report.problems, [p.message() for p in report.problems]
    assert report.header_row == 3 and report.counts() == {"rows": 3, "new": 3, "corrected": 0, "invalid": 0,
                                                         "skipped": 1}
    assert report.mapping.column_of("conclusion") == 11 and report.mapping.column_of("year") == 3
    notes = [n.message() for n in report.notes]
    assert any("表头在第 3 行" in n for n in notes) and any("合计" in n for n in notes)

    records = {r.organization_name: r for r in inspection.list_records(db, YEAR)}
    first = records["沙湾区书法协会"]
    assert first.state == "submitted" and first.conclusion == "pass" and first.entered_by == "clerk1"
    assert str(first.income) == "125000.50" and str(first.net_assets) == "-1200.00"
    assert (first.staff_count, first.member_count, first.activity_count) == (3, 120, 8)
    assert first.received_on.isoformat() == "2026-04-20"
    second = records["沙湾区养老服务中心"]
    assert (second.conclusion, second.reasons, str(second.income)) == ("basic", "未按期换届", "80000.00")
    third = records["沙湾区慈善会"]
    assert third.received_on == clock.today()  # blank: the day of the import
    steps = inspection.get_record(db, YEAR, third.id).steps
    assert [s.action for s in steps] == ["enter", "submit"] and "年检结果.xlsx 第6行" in (steps[0].comment or "")

    # a reviewer decides each, as for a report typed in; the clerk who imported cannot
    with pytest.raises(CivicDeskError) as refused:
        inspection.decide(db, YEAR, third.id, conclusion="fail", reasons="x", by=office["users"]["clerk"])
    assert refused.value.code == "auth.forbidden"
    decided = inspection.decide(db, YEAR, third.id, conclusion=third.conclusion or "", reasons=third.reasons,
                                by=office["users"]["rev"])
    assert decided.state == "decided" and decided.decided_by == "rev1"
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "import.inspection")).one()
        assert entry.actor == "clerk1" and json.loads(entry.details)["records"] == 3

    # the same sheet again: every row's record is submitted or decided now, so nothing is written
    before = unchanged(db)
    again = sheet.import_sheet(db, path, year=YEAR, by=office["users"]["clerk"])
    assert not again.imported and again.invalid == 3
    assert {p.code for p in again.errors} == {"inspection.not_editable"}
    assert unchanged(db) == before


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_a_csv_in_gbk_or_utf8_with_bom_imports_the_same(db, office, tmp_path, encoding):
    u = office["uscc"]
    path = write_csv(tmp_path / f"年检-{encoding}.csv", [
        ["名称", "统一社会信用代码", "年度", "收到日期", "结论", "理由"],
        ["沙湾区书法协会", u["沙湾区书法协会"], "2025", "2026-04-01", "合格", ""],
        ["沙湾区养老服务中心", "", "2025", "20260402", "不合格", "未报送财务报告"],
    ], encoding)
    report = sheet.import_sheet(db, path, year=YEAR, by=office["users"]["clerk"])
    assert report.imported and report.new == 2 and not report.errors
    assert report.encoding == {"gbk": "gb18030"}.get(encoding, encoding)
    got = {r.organization_name: (r.conclusion, r.reasons) for r in inspection.list_records(db, YEAR)}
    assert got == {"沙湾区书法协会": ("pass", None), "沙湾区养老服务中心": ("fail", "未报送财务报告")}


def test_a_draft_record_is_corrected_by_the_sheet_and_submitted(db, office, tmp_path):
    clerk = office["users"]["clerk"]
    inspection.record(db, YEAR, office["ids"]["沙湾区书法协会"], {"received_on": "2026-03-01"}, by=clerk)
    path = write_csv(tmp_path / "年检.csv", [["名称", "结论"], ["沙湾区书法协会", "合格"]], "utf-8")
    report = sheet.import_sheet(db, path, year=YEAR, by=clerk)
    assert report.imported and report.counts()["corrected"] == 1
    record = inspection.get_record(db, YEAR, office["ids"]["沙湾区书法协会"])
    assert record.state == "submitted" and record.conclusion == "pass"
    assert [s.action for s in record.steps] == ["enter", "edit", "submit"]


def test_a_reviewer_who_imported_cannot_decide_what_they_imported(db, office, tmp_path):
    path = write_csv(tmp_path / "年检.csv", [["名称", "结论", "理由"], ["沙湾区慈善会", "基本合格", "未按期换届"]],
                     "utf-8")
    report = sheet.import_sheet(db, path, year=YEAR, by=office["users"]["rev"])
    assert report.imported
    record = report.records[0]
    with pytest.raises(CivicDeskError) as refused:
        inspection.decide(db, YEAR, record, conclusion="basic", reasons="未按期换届", by=office["users"]["rev"])
    assert refused.value.code == "inspection.four_eyes"
    decided = inspection.decide(db, YEAR, record, conclusion="basic", reasons="未按期换届",
                                by=office["users"]["rev2"])
    assert (decided.state, decided.entered_by, decided.submitted_by, decided.decided_by) == (
        "decided", "rev1", "rev1", "rev2")
    assert inspection.participation(db, YEAR).total.basic == 1


# -- rows that do not: the report names row and column, nothing is written ------------------------------------
def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(db, office, tmp_path, clock):
    u = office["uscc"]
    late = add_org(db, "新成立协会", established="2025-10-01")  # registered too recently to be due
    elsewhere = add_org(db, "外区协会", registry="511112", division="511112")
    path = write_xlsx(tmp_path / "年检结果.xlsx", [
        ["名称", "统一社会信用代码", "年度", "收到日期", "收入", "会员数", "结论", "理由"],
        ["沙湾区书法协会", None, 2025, "2026-04-01", None, None, "合格", None],  # row 2: good
        ["不存在的协会", None, 2025, "2026-04-01", None, None, "合格", None],  # 3: unknown
        [None, _uscc(db, elsewhere), 2025, "2026-04-01", None, None, "合格", None],  # 4: another registry
        [None, _uscc(db, late), 2025, "2026-04-01", None, None, "合格", None],  # 5: not due
        ["沙湾区养老服务中心", None, 2024, "2026-04-01", None, None, "合格", None],  # 6: another year
        ["沙湾区慈善会", None, 2025, "2026-04-01", None, None, "优秀", None],  # 7: no such conclusion
        [None, u["沙湾区书法协会"], 2025, "2026-04-01", None, None, "合格", None],  # 8: row 2 again
        ["沙湾区养老服务中心", None, 2025, "2026-04-01", "很多", -3, "基本合格", None],  # 9: three at once
        ["沙湾区慈善会", None, 2025, "2027-01-01", None, None, None, None],  # 10: future date, no conclusion
        ["=HYPERLINK(\"http://x\")", None, 2025, "2026-04-01", None, None, "合格", None],  # 11: a formula cell
        ["沙湾区书画协会", u["沙湾区慈善会"], 2025, "2026-04-01", None, None, "合格", None],  # 12: name and code differ
    ])
    before = unchanged(db)
    report = sheet.import_sheet(db, path, year=YEAR, by=office["users"]["clerk"])
    assert not report.imported and report.records == [] and unchanged(db) == before
    assert report.invalid == 10 and report.invalid_rows == list(range(3, 13))
    assert problems(report) >= {
        (3, "A", "inspection_sheet.unknown_org"),
        (4, "B", "inspection_sheet.other_office"),
        (5, "B", "inspection.not_due"),
        (6, "C", "inspection_sheet.year"),
        (7, "G", "inspection.bad_conclusion"),
        (8, "B", "ledger.duplicate_row"),
        (9, "E", "inspection.bad_amount"), (9, "F", "inspection.bad_count"), (9, "H", "inspection.reasons_required"),
        (10, "D", "inspection.received_future"), (10, "G", "field.required"),
        (11, "A", "ledger.formula_no_value"),
        (12, "A", "inspection_sheet.name_mismatch"),
    }, sorted(problems(report))
    assert not any(p.row == 2 for p in report.problems)
    english = {p.code: p.message("en") for p in report.errors}
    assert "2024" in english["inspection_sheet.year"] and "not due" in english["inspection.not_due"]

    # the dry run says the same and writes nothing either
    preview = sheet.preview_sheet(db, path, year=YEAR)
    assert preview.dry_run and problems(preview) == problems(report) and unchanged(db) == before


def test_no_campaign_a_closed_one_or_a_sheet_without_its_columns_is_refused_whole(db, office, tmp_path):
    clerk = office["users"]["clerk"]
    good = write_csv(tmp_path / "年检.csv", [["名称", "结论"], ["沙湾区书法协会", "合格"]], "utf-8")
    before = unchanged(db)
    with pytest.raises(CivicDeskError) as no_campaign:
        sheet.import_sheet(db, good, year=2024, by=clerk)
    assert no_campaign.value.code == "inspection.no_campaign"
    no_conclusion = write_csv(tmp_path / "无结论.csv", [["名称", "统一社会信用代码"], ["沙湾区书法协会", ""]], "utf-8")
    with pytest.raises(CivicDeskError) as columns:
        sheet.import_sheet(db, no_conclusion, year=YEAR, by=clerk)
    assert columns.value.code == "inspection_sheet.no_conclusion_column"
    no_header = write_csv(tmp_path / "无表头.csv", [["甲", "乙"], ["1", "2"]], "utf-8")
    with pytest.raises(CivicDeskError) as header:
        sheet.import_sheet(db, no_header, year=YEAR, by=clerk)
    assert header.value.code == "ledger.no_header"
    with pytest.raises(CivicDeskError) as nobody:
        sheet.import_sheet(db, good, year=YEAR, by=None)
    assert nobody.value.code.startswith("auth.")
    assert unchanged(db) == before
    inspection.close_campaign(db, YEAR, by=office["users"]["rev"])
    before = unchanged(db)
    with pytest.raises(CivicDeskError) as closed:
        sheet.import_sheet(db, good, year=YEAR, by=clerk)
    assert closed.value.code == "inspection.campaign_closed" and unchanged(db) == before


# -- hostile files, refused as the register's ledger refuses them ---------------------------------------------
def test_hostile_files_are_refused_before_anything_is_written(db, office, tmp_path):
    clerk = office["users"]["clerk"]
    before = unchanged(db)
    bomb = _sheet_zip(tmp_path / "炸弹.xlsx", 200, 200)
    with pytest.raises(CivicDeskError) as big:
        sheet.import_sheet(db, bomb, year=YEAR, by=clerk, limits=Limits(max_unzipped=500_000))
    assert big.value.code == "ledger.too_large"
    with pytest.raises(CivicDeskError) as wide:
        sheet.preview_sheet(db, bomb, year=YEAR, limits=Limits(max_cells=10_000))
    assert wide.value.code == "ledger.too_many_cells"
    rows = [["名称", "结论"]] + [["沙湾区书法协会", "合格"]] * 20
    many = write_csv(tmp_path / "多行.csv", rows, "utf-8")
    with pytest.raises(CivicDeskError) as long:
        sheet.import_sheet(db, many, year=YEAR, by=clerk, max_rows=10)
    assert long.value.code == "ledger.too_many_rows"
    ole = tmp_path / "旧格式.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(CivicDeskError) as legacy:
        sheet.import_sheet(db, ole, year=YEAR, by=clerk)
    assert legacy.value.code == "ledger.legacy_xls"
    control = write_csv(tmp_path / "控制符.csv",
                        [["名称", "结论", "理由"], ["沙湾区书法协会", "基本合格", "理由\x1b[31m"]], "utf-8")
    report = sheet.import_sheet(db, control, year=YEAR, by=clerk)
    assert problems(report) == {(2, "C", "text.control")} and not report.imported
    formula = write_csv(tmp_path / "公式.csv", [["名称", "结论"], ["=cmd|' /C calc'!A0", "合格"]], "utf-8")
    report = sheet.import_sheet(db, formula, year=YEAR, by=clerk)
    assert (2, "A", "ledger.formula") in problems(report) and not report.imported
    assert unchanged(db) == before


# -- the template ---------------------------------------------------------------------------------------------
def test_the_template_fills_in_and_imports(db, office, tmp_path):
    result = sheet.write_sheet_template(tmp_path / "年检结果模板.xlsx")
    wb = openpyxl.load_workbook(result.path)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in sheet.SHEET_COLUMNS] and "说明" in wb.sheetnames
    ws.append(["沙湾区书法协会", None, 2025, "2026-04-20", 1000, 900, 100, 2, 30, 4, "基本合格", "会费标准未公示"])
    wb.save(result.path)
    report = sheet.import_sheet(db, result.path, year=YEAR, by=office["users"]["clerk"])
    assert report.imported and report.new == 1, [p.message() for p in report.problems]
    with pytest.raises(CivicDeskError):
        sheet.write_sheet_template(tmp_path / "模板.csv")


# -- the CLI ----------------------------------------------------------------------------------------------------
def test_the_cli_imports_with_a_dry_run_first_and_refuses_in_one_line(db, office, tmp_path, capsys, monkeypatch):
    assert db.path is not None
    path = write_csv(tmp_path / "年检.csv", [["名称", "结论", "理由"], ["沙湾区书法协会", "合格", ""],
                                            ["沙湾区慈善会", "不合格", ""]], "utf-8-sig")
    head = ["--db", str(db.path)]
    before = digest(db.path, without=("audit_entry", "user_account"))
    code, out, err = run(capsys, *head, "inspection", "import", str(path), "--year", "2025", "--dry-run", "--json")
    assert code == 2 and json.loads(out)["counts"]["invalid"] == 1
    assert json.loads(out)["problems"][0]["column"] == "C"
    monkeypatch.setenv("CIVICDESK_PASSWORD", PASSWORD)
    code, out, err = run(capsys, *head, "--user", "clerk1", "inspection", "import", str(path), "--year", "2025")
    assert code == 2 and "第 3 行" in out and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert digest(db.path, without=("audit_entry", "user_account")) == before

    path = write_csv(tmp_path / "年检.csv", [["名称", "结论", "理由"], ["沙湾区书法协会", "合格", ""],
                                            ["沙湾区慈善会", "不合格", "未开展活动"]], "utf-8-sig")
    code, out, err = run(capsys, *head, "--user", "clerk1", "inspection", "import", str(path), "--year", "2025",
                         "--json")
    assert code == 0, err
    assert json.loads(out)["imported"] and len(json.loads(out)["records"]) == 2
    code, out, err = run(capsys, *head, "--lang", "en", "--user", "clerk1", "inspection", "import", str(path),
                         "--year", "2019")
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and "No 2019 inspection" in err

    template = tmp_path / "模板.xlsx"
    code, out, err = run(capsys, *head, "inspection", "template", "-o", str(template))
    assert code == 0 and template.is_file()
    with db.read() as session:
        assert len(session.scalars(select(InspectionEvent)).all()) == 4  # two entered, two submitted
