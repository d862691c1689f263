"""Ledgers that would hurt the office: formula injection, control characters, zip and CSV bombs; who may put
new rows into the register; ledgers without the columns offices never keep; every problem of a row at once.

Each refusal is shown with the database unchanged (a digest of every table before and after)."""

from __future__ import annotations

import csv
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from civicdesk.errors import CivicDeskError, InputError
from civicdesk.models import Organization
from civicdesk.services import ledger
from civicdesk.services.admin import auth
from civicdesk.services.filings import service as filings
from civicdesk.services.register import organizations
from civicdesk.services.core.database import Database
from civicdesk.services.ledger.reader import Limits
from civicdesk.services.core.validation import make_uscc
from tests.helpers.db import digest
from tests.services.test_ledger_office import HEADER, TODAY, write_office_ledger

FORMULA_NAMES = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/x","点我")', "@SUM(1+1)*cmd|' /C calc'!A0",
                 "+1+1协会", "-2+3协会", "\t=1+1协会", "＝1+1协会"]


def row(i: int, name: str, **over: Any) -> list[Any]:
    """A clean office row (the HEADER's 13 columns) for organization ``i``; ``over`` replaces cells by index."""
    values: list[Any] = [i, name, make_uscc("1", "511111", f"MK{i:06d}"), "社会团体", "体育类", "直接登记", None,
                         "铜河街道", "张三", "2020-01-02", 1, "否", None]
    for key, value in over.items():
        values[int(key[1:])] = value
    return values


def write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in r] for r in rows])
    return path


def org_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Organization)) or 0


# -- 1. formula injection ------------------------------------------------------------------------------------
def test_formula_names_are_refused_on_import_naming_row_and_column(db: Database, db_path: Path,
                                                                    tmp_path: Path) -> None:
    rows = [row(i, name) for i, name in enumerate(FORMULA_NAMES, start=1)]
    rows.append(row(99, "沙湾区正常协会"))
    rows[0][7] = "=1+2"  # a township cell too
    path = write_csv(tmp_path / "注入.csv", HEADER, rows)
    before = digest(db_path)
    report = ledger.import_ledger(db, path, legacy=True, today=TODAY)
    assert not report.imported and report.invalid == len(FORMULA_NAMES) and report.new == 1
    found = [(p.row, p.column, p.header, p.code) for p in report.problems if p.code == "ledger.formula"]
    assert found[:2] == [(2, "B", "社会组织名称", "ledger.formula"), (2, "H", "所在乡镇（街道）", "ledger.formula")]
    assert [r for r, c, _h, _code in found if c == "B"] == list(range(2, 2 + len(FORMULA_NAMES)))
    tab = next(p for p in report.problems if p.row == 7 and p.code == "ledger.formula")  # "\t=1+1协会"
    assert "“=”开头" in tab.message() and "formula injection" in tab.message("en")
    assert digest(db_path) == before


def _store_names(db: Database, tmp_path: Path, names: list[str]) -> None:
    """Organizations with these names in the register, as an older version (or another entry path) may have
    stored them: imported clean, then renamed in the database."""
    path = write_office_ledger(tmp_path / "clean.xlsx", [row(i, f"沙湾区协会{i}") for i in range(1, len(names) + 1)])
    assert ledger.import_ledger(db, path, legacy=True, today=TODAY).imported
    with db.unit() as session:
        for i, name in enumerate(names, start=1):
            org = session.scalar(select(Organization).where(Organization.name == f"沙湾区协会{i}"))
            org.name, org.address = name, f"地址\x07{i}\u202e"


def test_exports_neutralize_formulas_in_csv_and_xlsx(db: Database, tmp_path: Path) -> None:
    names = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "@SUM(1)", "+1+1协会", "-2+3协会", "\t=1+1协会",
             "\r=1", '含,逗号"引号协会']
    _store_names(db, tmp_path, names)
    csv_path = Path(ledger.export_register(db, tmp_path / "名录.csv").path)
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        cells = [c for r in csv.reader(f) for c in r]
    text = csv_path.read_text(encoding="utf-8-sig")
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for name in names[:-1]:
        assert "'" + name in cells
    assert '含,逗号"引号协会' in cells  # separators and quotes stay inside their field
    assert all(line.startswith('"') for line in text.split("\r\n") if line)  # every field quoted

    book = openpyxl.load_workbook(ledger.export_register(db, tmp_path / "名录.xlsx").path)
    values = [c for r in book.active.iter_rows(min_row=2) for c in r if isinstance(c.value, str)]
    assert not [c for c in values if c.data_type == "f" or c.value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    quoted = {c.value.replace("\n", "\r") for c in values if c.value.startswith("'")}  # the XML keeps CR as LF
    assert quoted >= {"'" + n for n in names[:-1] if n != "\r=1"} and len(quoted) == len(names) - 1


# -- 2. control characters -----------------------------------------------------------------------------------
@pytest.mark.parametrize("char", ["\x07", "\x1b", "\u202e", "\x00"])
def test_control_characters_are_refused_in_every_text_field(db: Database, db_path: Path, tmp_path: Path,
                                                             char: str) -> None:
    header = [*HEADER, "住所", "业务范围"]
    rows = [row(1, f"沙湾区{char}协会") + ["地址", "范围"],
            row(2, "沙湾区围棋协会", o8=f"李{char}四") + ["地址", "范围"],
            row(3, "沙湾区书法协会") + [f"住所{char}", f"第一行\n第二行{char}"]]
    # a CSV carries them all (openpyxl will not write them into an .xlsx); NUL only past the first megabyte,
    # which must read as text
    padding = [[" " * 3_000] + [""] * 14] * (350 if char == "\x00" else 0)  # blank rows, skipped
    path = write_csv(tmp_path / "控制字符.csv", header, padding + rows)
    first = 2 + len(padding)
    before = digest(db_path)
    try:
        report = ledger.import_ledger(db, path, legacy=True, today=TODAY)
    except InputError as exc:  # the NUL file may be refused as a whole: that is a refusal too
        assert exc.code == "ledger.not_spreadsheet"
        assert digest(db_path) == before
        return
    found = sorted((p.row, p.column, p.code) for p in report.problems if p.code == "ledger.control_character")
    assert found == [(first, "B", "ledger.control_character"), (first + 1, "I", "ledger.control_character"),
                     (first + 2, "N", "ledger.control_character"), (first + 2, "O", "ledger.control_character")]
    assert f"U+{ord(char):04X}" in report.problems[0].message() or any(
        f"U+{ord(char):04X}" in p.message() for p in report.problems)
    assert not report.imported and digest(db_path) == before


def test_export_never_fails_on_a_stored_control_character(db: Database, tmp_path: Path) -> None:
    _store_names(db, tmp_path, ["响\x07铃协会", "转\x1b义协会", "空\x00字符协会", "反\u202e向协会"])
    xlsx = ledger.export_register(db, tmp_path / "名录.xlsx")  # openpyxl raised IllegalCharacterError here
    names = {r[0] for r in openpyxl.load_workbook(xlsx.path).active.iter_rows(min_row=2, values_only=True)}
    assert names == {"响铃协会", "转义协会", "空字符协会", "反向协会"}
    text = Path(ledger.export_register(db, tmp_path / "名录.csv").path).read_text(encoding="utf-8-sig")
    assert not any(c in text for c in "\x07\x1b\x00\u202e")


# -- 3. bombs ------------------------------------------------------------------------------------------------
def _sheet_zip(path: Path, rows: int, columns: int) -> Path:
    """A minimal .xlsx: workbook, relationships and one sheet of ``rows`` x ``columns`` numeric cells."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c + 1) for c in range(columns)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for r in range(1, rows + 1):
                sheet.write(f'<row r="{r}">'.encode() + "".join(
                    f'<c r="{x}{r}"><v>1</v></c>' for x in letters).encode() + b"</row>")
            sheet.write(b"</sheetData></worksheet>")
    return path


def test_xlsx_expanding_past_the_limit_is_refused_before_reading(db: Database, db_path: Path,
                                                                  tmp_path: Path) -> None:
    path = _sheet_zip(tmp_path / "炸弹.xlsx", 200, 200)
    before = digest(db_path)
    with pytest.raises(InputError) as caught:
        ledger.import_ledger(db, path, limits=Limits(max_unzipped=500_000))
    assert caught.value.code == "ledger.too_large" and "sheet1.xml" in caught.value.message()
    with pytest.raises(InputError) as caught:  # within the size, too many cells: counted while streaming
        ledger.preview_ledger(db, path, limits=Limits(max_cells=10_000))
    assert caught.value.code == "ledger.too_many_cells"
    assert "\n" not in caught.value.message() and "10,000" in caught.value.message()
    assert digest(db_path) == before


def test_production_limits_refuse_a_bomb_in_seconds(db: Database, db_path: Path, tmp_path: Path) -> None:
    # 13 million cells (the production cap is 12 million): built quickly from one repeated row
    path = tmp_path / "bomb.xlsx"
    line = b"".join(b'<c r="A1"><v>1</v></c>' for _ in range(16_384))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        small = _sheet_zip(tmp_path / "small.xlsx", 1, 1)
        with zipfile.ZipFile(small) as s:
            for name in s.namelist():
                if not name.endswith("sheet1.xml"):
                    z.writestr(name, s.read(name))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for _ in range(800):
                sheet.write(b"<row>" + line + b"</row>")
            sheet.write(b"</sheetData></worksheet>")
    before = digest(db_path)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        ledger.import_ledger(db, path)
    assert caught.value.code == "ledger.too_many_columns" and "256" in caught.value.message()
    assert time.monotonic() - started < 3

    wide = tmp_path / "wide.csv"  # 10^6 columns
    wide.write_bytes("名称,统一社会信用代码".encode() + b",1" * 1_000_000 + b"\n")
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        ledger.import_ledger(db, wide)
    assert caught.value.code == "ledger.too_many_columns" and time.monotonic() - started < 3
    assert "第 1 行" in caught.value.message()
    assert digest(db_path) == before


def test_csv_columns_and_long_cells_are_bounded_and_named(db: Database, db_path: Path, tmp_path: Path) -> None:
    before = digest(db_path)
    wide = write_csv(tmp_path / "wide.csv", HEADER, [row(1, "甲协会"), row(2, "乙协会") + ["1"] * 500])
    with pytest.raises(InputError) as caught:
        ledger.preview_ledger(db, wide, limits=Limits(max_columns=100))
    assert caught.value.code == "ledger.too_many_columns" and caught.value.params["row"] == "3"
    with pytest.raises(InputError) as caught:  # the same line refused before the csv module splits it
        ledger.preview_ledger(db, wide, limits=Limits(max_columns=100, max_line_chars=500))
    assert caught.value.code == "ledger.too_many_columns" and caught.value.params["row"] == "3"

    long = write_csv(tmp_path / "long.csv", HEADER, [row(1, "甲协会"), row(2, "乙协会", o12="x" * 5_000)])
    with pytest.raises(InputError) as caught:
        ledger.import_ledger(db, long, limits=Limits(max_cell_chars=1_000))
    assert caught.value.code == "ledger.cell_too_long" and caught.value.params["row"] == "3"
    assert ".xlsx" not in caught.value.message() and "第 3 行" in caught.value.message()
    huge = tmp_path / "20MB.csv"  # a 20 MB cell at production limits: a CSV cell too long, not "not an .xlsx"
    huge.write_bytes("名称,统一社会信用代码\n甲协会,".encode() + b"x" * 20_000_000 + b"\n")
    with pytest.raises(InputError) as caught:
        ledger.import_ledger(db, huge)
    assert caught.value.code == "ledger.cell_too_long" and "第 2 行" in caught.value.message()
    assert digest(db_path) == before


# -- 4. new rows go to review ---------------------------------------------------------------------------------
def test_a_clerks_import_submits_establishment_filings_and_enters_nothing(db: Database, db_path: Path,
                                                                           tmp_path: Path) -> None:
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    clerk = auth.create_user(db, "wang", "clerk123x", "clerk", by=admin)
    reviewer = auth.create_user(db, "li", "review123x", "reviewer", by=admin)
    path = write_office_ledger(tmp_path / "台账.xlsx", [row(1, "沙湾区甲协会"), row(2, "沙湾区乙协会")])

    before = digest(db_path)
    with pytest.raises(CivicDeskError) as caught:  # direct entry is for administrators
        ledger.import_ledger(db, path, by=clerk, legacy=True, today=TODAY)
    assert caught.value.code == "auth.forbidden"
    assert digest(db_path) == before

    report = ledger.import_ledger(db, path, by=clerk, today=TODAY)
    assert report.imported and report.new == 2 and len(report.new_filings) == 2 and not report.legacy
    assert org_count(db) == 0  # nothing in the register before a reviewer approves
    pending = filings.list_filings(db, state="submitted")
    assert sorted(f.number for f in pending) == sorted(report.new_filings)
    assert {(f.kind, f.created_by, f.legacy) for f in pending} == {("establish", "wang", True)}

    again = ledger.preview_ledger(db, path, today=TODAY)  # the same ledger again: not submitted twice
    assert again.new == 0 and {p.code for p in again.problems} == {"ledger.pending_establishment"}

    for number in report.new_filings:
        filings.transition(db, number, "approve", by=reviewer)
    org = organizations.get_organization(db, "沙湾区甲协会")
    assert org.entry_mode == "filing" and org.values["established_on"] == date(2020, 1, 2)
    assert [(p.role, p.name) for p in org.people] == [("legal_representative", "张三")]

    third = write_office_ledger(tmp_path / "历史.xlsx", [row(3, "沙湾区丙协会")])
    report = ledger.import_ledger(db, third, by=admin, legacy=True, today=TODAY)  # an administrator's choice
    assert report.legacy and report.new_filings == [] and org_count(db) == 3


# -- 5. what a ledger implies ---------------------------------------------------------------------------------
def test_a_ledger_without_registration_mode_or_type_columns_is_derived(db: Database, db_path: Path,
                                                                        tmp_path: Path) -> None:
    header = ["序号", "社会组织名称", "统一社会信用代码", "行业类别", "业务主管单位", "所在乡镇（街道）", "法定代表人",
              "成立日期"]

    def r(i: int, name: str, category: str, sponsor: str | None, kind: str = "1") -> list[Any]:
        return [i, name, make_uscc(kind, "511111", f"MK{i:06d}"), category, sponsor, "铜河街道", "张三", "2020-01-02"]

    rows = [r(1, "沙湾区文化协会", "文化类", "沙湾区文化广播电视和旅游局"),
            r(2, "沙湾区体育协会", "体育类", None),
            r(3, "沙湾区科技服务中心", "科技类", "无", kind="2"),
            r(4, "沙湾区教育协会", "教育类", "直接登记")]
    path = write_office_ledger(tmp_path / "台账.xlsx", rows, header)
    before = digest(db_path)
    report = ledger.import_ledger(db, path, legacy=True, today=TODAY)
    assert not report.imported and report.invalid == 1 and report.new == 3
    errors = [(p.row, p.column, p.code) for p in report.errors]
    assert errors == [(7, "E", "ledger.no_sponsor")]  # 教育类 needs a sponsor: the one thing not derivable
    assert "field.required" not in {p.code for p in report.problems}
    derived = {(p.row, p.field, p.code) for p in report.problems if p.severity == "info"}
    assert derived >= {(4, "registration_mode", "ledger.derived_mode_dual"),
                       (5, "registration_mode", "ledger.derived_mode_direct"),
                       (6, "registration_mode", "ledger.derived_mode_direct"),
                       (4, "legal_form", "ledger.derived_legal_form"),
                       (6, "legal_form", "ledger.derived_legal_form")}
    assert digest(db_path) == before

    report = ledger.import_ledger(db, path, legacy=True, skip_invalid=True, rejected_path=tmp_path / "r.xlsx",
                                  today=TODAY)
    assert report.imported and report.new == 3
    culture = organizations.get_organization(db, "沙湾区文化协会").values
    assert (culture["registration_mode"], culture["legal_form"]) == ("dual", "social_group")
    science = organizations.get_organization(db, "沙湾区科技服务中心").values
    assert (science["registration_mode"], science["sponsor"], science["legal_form"]) == (
        "direct", None, "social_service")


# -- 6. every problem of a row at once -----------------------------------------------------------------------
def test_a_row_with_two_problems_reports_both(db: Database, tmp_path: Path) -> None:
    bad_uscc = make_uscc("1", "511111", "MK000001")
    bad_uscc = bad_uscc[:17] + ("0" if bad_uscc[17] != "0" else "1")
    path = write_office_ledger(tmp_path / "台账.xlsx", [row(1, "沙湾区甲协会", o2=bad_uscc, o9="2021年13月45日")])
    report = ledger.preview_ledger(db, path, today=TODAY)
    assert report.invalid == 1
    assert sorted((p.row, p.column) for p in report.errors) == [(4, "C"), (4, "J")]
    assert [p.code for p in report.errors if p.column == "C"] == ["uscc.check"]
