"""Ledger files a clerk may bring: CSV in four encodings, a mapping file, formulas, and files that are not
ledgers at all.  Each bad file gets one clear message, and the database stays as it was."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from civicdesk.errors import InputError
from civicdesk.services import ledger
from civicdesk.services.core.database import Database
from civicdesk.services.ledger.columns import auto_mapping, field_for_header, read_mapping_file
from civicdesk.services.core.validation import make_uscc
from tests.helpers.db import digest
from tests.services.test_ledger_office import EXPECTED_COUNTS, EXPECTED_PROBLEMS, HEADER, TODAY, office_rows, problems

CSV_TITLE = "乐山市沙湾区社会组织登记台账,,,,,,,,,,,,\n"


def office_csv(path: Path, encoding: str) -> Path:
    lines = [CSV_TITLE, ",".join(HEADER) + "\n"]
    for row in office_rows():
        cells = []
        for value in row:
            if value is None:
                cells.append("")
            elif hasattr(value, "year"):
                cells.append(f"{value:%Y-%m-%d}")
            else:
                cells.append(str(value))
        lines.append(",".join(cells) + "\n")
    text = "".join(lines).replace("=SUM(K4:K9)", "20.7")
    # the merged township of the xlsx is typed out in a CSV
    text = text.replace("20210820,2,否", "20210820,2,否").replace(",,赵六", ",嘉农镇,赵六")
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_office_encoding_gives_the_same_report(db: Database, tmp_path: Path, encoding: str) -> None:
    path = office_csv(tmp_path / f"台账-{encoding}.csv", encoding)
    report = ledger.preview_ledger(db, path, today=TODAY)
    assert report.encoding == {"gbk": "gb18030"}.get(encoding, encoding)
    assert report.header_row == 2
    assert report.counts() == EXPECTED_COUNTS
    # rows are one higher up in the xlsx (two title rows there, one here)
    assert problems(report) == [(r - 1, c, h, code) for r, c, h, code in EXPECTED_PROBLEMS]


def test_wrong_encoding_is_refused_with_the_line(db: Database, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "big5.csv"
    path.write_bytes("名称,统一社会信用代码\n".encode() + b"\xff\xfe\xfd,\x80\n")
    before = digest(db_path)
    with pytest.raises(InputError) as caught:
        ledger.import_ledger(db, path)
    assert caught.value.code == "ledger.encoding" and caught.value.params["line"] == 2
    assert "GBK/GB18030" in caught.value.message()
    assert digest(db_path) == before


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    png = tmp_path / "照片.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    pdf = tmp_path / "通知.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    # an encrypted workbook is an OLE compound file with an EncryptedPackage stream
    encrypted = tmp_path / "加密.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000) + "EncryptedPackage".encode("utf-16-le")
                          + bytes(500))
    xls = tmp_path / "旧版.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    good = tmp_path / "good.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["名称", "统一社会信用代码"])
    book.save(good)
    truncated = tmp_path / "损坏.xlsx"
    truncated.write_bytes(good.read_bytes()[:1500])
    docx = tmp_path / "文档.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    empty = tmp_path / "空表.xlsx"
    openpyxl.Workbook().save(empty)
    no_header = tmp_path / "无表头.xlsx"
    book = openpyxl.Workbook()
    for i in range(40):
        book.active.append([f"第{i}行", i, "随便写的"])
    book.save(no_header)
    empty_csv = tmp_path / "空.csv"
    empty_csv.write_bytes(b"\xef\xbb\xbf\r\n\r\n")
    return {
        "not_spreadsheet": (png, "ledger.not_spreadsheet"),
        "unsupported": (pdf, "ledger.unsupported_type"),
        "encrypted": (encrypted, "ledger.encrypted"),
        "legacy_xls": (xls, "ledger.legacy_xls"),
        "corrupt": (truncated, "ledger.corrupt"),
        "other_zip": (docx, "ledger.not_spreadsheet"),
        "empty_sheet": (empty, "ledger.empty"),
        "no_header": (no_header, "ledger.no_header"),
        "empty_csv": (empty_csv, "ledger.empty"),
        "missing": (tmp_path / "没有.xlsx", "input.file_missing"),
    }


@pytest.mark.parametrize("case", ["not_spreadsheet", "unsupported", "encrypted", "legacy_xls", "corrupt",
                                  "other_zip", "empty_sheet", "no_header", "empty_csv", "missing"])
def test_bad_files_get_a_clear_message_and_nothing_is_written(db: Database, db_path: Path, tmp_path: Path,
                                                               case: str) -> None:
    path, code = bad_files(tmp_path)[case]
    before = digest(db_path)
    with pytest.raises(InputError) as caught:
        ledger.import_ledger(db, path, skip_invalid=True)
    assert caught.value.code == code
    assert path.name in caught.value.message() or code in ("ledger.no_header",)
    assert "{" not in caught.value.message() and "{" not in caught.value.message("en")
    assert digest(db_path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "不合格" in p.name) == []


def test_a_million_rows_are_refused_while_streaming(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "百万行.csv"
    line = "沙湾区测试协会,51511111MK0000011N\n".encode()
    with path.open("wb") as f:
        f.write("名称,统一社会信用代码\n".encode())
        for _ in range(100):
            f.write(line * 10_000)
    with pytest.raises(InputError) as caught:
        ledger.preview_ledger(db, path)
    assert caught.value.code == "ledger.too_many_rows"
    assert caught.value.params == {"limit": "200,000", "row": "200,001"}


def test_row_cap_counts_rows_with_values_not_the_stated_size(db: Database, tmp_path: Path) -> None:
    # a sheet whose stated size reaches row 300,000 (formatting, one stray cell) with two rows of data
    path = tmp_path / "大.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["名称", "统一社会信用代码"])
    book.active.append(["沙湾区丙协会", None])
    book.active.cell(row=300_000, column=5, value=" ")
    book.save(path)
    assert openpyxl.load_workbook(path, read_only=True).active.max_row == 300_000
    report = ledger.preview_ledger(db, path)  # over the cap of 200,000 as stated, far under it in fact
    assert report.rows == 1 and report.skipped == 299_998  # the blank rows, in one note
    assert report.notes[-1].params == {"count": 299_998, "rows": "3、4、5、6、7、8、9、10、11、12…"}
    # and a sheet with more rows of values than the cap is refused before any row is judged
    many = tmp_path / "多.xlsx"
    book = openpyxl.Workbook()
    for i in range(30):
        book.active.append(["名称" if i == 0 else f"协会{i}", "统一社会信用代码" if i == 0 else ""])
    book.save(many)
    with pytest.raises(InputError) as caught:
        ledger.preview_ledger(db, many, max_rows=10)
    assert caught.value.params == {"limit": "10", "row": "11"}


def test_formulas_use_saved_values_or_say_the_value_is_missing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "公式.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "统一社会信用代码", "组织类型", "行业类别", "登记方式", "法定代表人", "成立日期", "会员数"])
    sheet.append(["沙湾区甲协会", make_uscc("1", "511111", "MK100001"), "社会团体", "文化类", "直接登记", "张三",
                  "2020-01-01", "=10*12"])
    book.save(path)
    report = ledger.preview_ledger(db, path, today=TODAY)
    assert [(p.row, p.column, p.header, p.code)
            for p in report.problems] == [(2, "H", "会员数", "ledger.formula_no_value")]
    assert "=10*12" in report.problems[0].message()

    # the same file as Excel saves it: the formula with its computed value
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert "<f>10*12</f><v />" in sheet_xml
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.replace("<f>10*12</f><v />", "<f>10*12</f><v>120</v>").encode()
    saved = tmp_path / "公式-已保存.xlsx"
    with zipfile.ZipFile(saved, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = ledger.preview_ledger(db, saved, today=TODAY)
    assert report.problems == [] and report.new == 1
    assert "有 1 个单元格是公式，按文件保存时的计算结果读取（没有计算结果的，在所在行报错）。" in [
        n.message() for n in report.notes]


def test_headers_by_synonyms_and_a_mapping_file(db: Database, tmp_path: Path) -> None:
    assert field_for_header("组织名称") == field_for_header("社会组织名称") == field_for_header("名称") == "name"
    assert field_for_header("信用代码") == field_for_header("统一社会信用代码 *") == "uscc"
    assert field_for_header("负责人") == field_for_header("法定代表人") == "legal_rep_name"
    for header in ("成立登记日期", "登记日期", "成立日期"):
        assert field_for_header(header) == "established_on"
    assert field_for_header("所在县（市、区）") == "division_code"
    assert field_for_header("不认识的列") is None

    path = tmp_path / "台账.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["机构全称", "代码", "类型", "行业类别", "登记方式", "负责人", "登记日期", "备注"])
    book.active.append(["沙湾区乙协会", make_uscc("1", "511111", "MK100003"), "社会团体", "体育类", "直接登记", "李四",
                        "2018.6.1", "老台账"])
    book.save(path)
    with pytest.raises(InputError) as caught:
        ledger.preview_ledger(db, path)
    assert caught.value.code == "ledger.no_name_column"

    mapping = tmp_path / "对应.json"
    mapping.write_text(json.dumps({"机构全称": "name", "代码": "uscc", "备注": None}, ensure_ascii=False), "utf-8")
    overrides = read_mapping_file(mapping)
    report = ledger.preview_ledger(db, path, mapping=overrides, today=TODAY)
    assert report.mapping.as_dict() == {"机构全称": "name", "代码": "uscc", "类型": "legal_form",
                                        "行业类别": "category",
                                        "登记方式": "registration_mode", "负责人": "legal_rep_name",
                                        "登记日期": "established_on", "备注": ""}
    assert report.counts()["new"] == 1 and report.problems == []

    mapping.write_text(json.dumps({"机构全称": "nmae"}), "utf-8")
    with pytest.raises(InputError) as caught:
        read_mapping_file(mapping)
    assert caught.value.code == "ledger.mapping_field"
    with pytest.raises(InputError) as caught:
        auto_mapping(("甲", "乙"), {"甲": "name", "乙": "name"})
    assert caught.value.code == "ledger.mapping_twice"
