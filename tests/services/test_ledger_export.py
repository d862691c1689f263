"""Export of the register to .xlsx and .csv, the empty template, and the round trip: export, then import into
another database, gives the same records."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from civicdesk.models import Division, Organization
from civicdesk.services import ledger
from civicdesk.services.admin import audit, auth
from civicdesk.services.register import organizations
from civicdesk.services.register.browse import RegisterFilter
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.ledger.columns import COLUMNS
from tests.helpers.db import digest


def snapshot(db: Database) -> dict[tuple[str, str | None, str | None], tuple[dict[str, Any], list[tuple]]]:
    """Every organization's fields and current legal representative (or responsible person), by place and name."""
    out = {}
    with db.read() as session:
        for org in session.scalars(select(Organization)):
            record = organizations._record(session, org, reveal=True)
            reps = [(p.role, p.name, p.phone, p.id_number) for p in record.people
                    if p.is_current and p.role in ("legal_representative", "responsible_person")]
            out[(record.name, record.values["township_code"], record.values["community_code"])] = (record.values, reps)
    return out


def copy_communities(source: Database, target: Database) -> None:
    """The villages of the demo are invented per database: the target gets the source's (reference data)."""
    with source.read() as session:
        rows = [{c.name: getattr(d, c.name) for c in Division.__table__.columns}
                for d in session.scalars(select(Division).where(Division.level == "community"))]
    with target.unit() as session:
        session.add_all(Division(**row) for row in rows)


@pytest.mark.parametrize(("db_backend", "suffix", "division", "count"), [
    ("sqlite", ".xlsx", None, 553), ("sqlite", ".csv", "511111002", 79), ("postgresql", ".csv", "511111002", 79)])
def test_round_trip_reproduces_the_same_records(shawan_db: Database, db: Database, tmp_path: Path, db_backend: str,
                                                 suffix: str, division: str | None, count: int) -> None:
    """The whole demo register of 沙湾区 (every tier, legal form and status) through .xlsx; one township's
    share through .csv."""
    source = shawan_db
    path = tmp_path / f"名录{suffix}"
    result = ledger.export_register(source, path, flt=RegisterFilter(status=None), division=division,
                                    with_id_numbers=True)
    expected = {k: v for k, v in snapshot(source).items() if division in (None, k[1])}
    assert result.rows == len(expected) == count
    copy_communities(source, db)
    report = ledger.import_ledger(db, path, legacy=True)
    assert report.imported and report.counts() == {"rows": count, "new": count, "changed": 0, "unchanged": 0,
                                                    "invalid": 0, "skipped": 0}
    assert snapshot(db) == expected
    # and the file read back into the database it came from changes nothing
    again = ledger.preview_ledger(db, path)
    assert again.counts()["unchanged"] == count and again.problems == []


def test_xlsx_export_is_formatted_and_filtered(shawan_db_path: Path, tmp_path: Path) -> None:
    db = open_database(shawan_db_path)
    try:
        before = digest(shawan_db_path, without=("audit_entry", "user_account"))
        path = tmp_path / "社团.xlsx"
        registered = ledger.export_register(db, tmp_path / "铜河.xlsx", division="511111002")
        wang = auth.create_user(db, "wang", "wang1234x", "admin")  # from now on an export needs a login
        result = ledger.export_register(db, path, flt=RegisterFilter(legal_form="social_group"), by=wang)
        exports = [(e.actor, e.details["file"], e.details["rows"])
                   for e in audit.entries(db, action="export.", by=wang)]
    finally:
        db.close()
    assert digest(shawan_db_path, without=("audit_entry", "user_account")) == before  # only its audit entry
    assert exports == [("wang", "社团.xlsx", result.rows), ("(系统)", "铜河.xlsx", registered.rows)]
    book = openpyxl.load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    assert headers == [c.header for c in COLUMNS if c.field not in ("legal_rep_id_number", "legal_rep_phone")]
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width == 34
    assert sheet[1][0].font.b
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == result.rows > 0
    kinds = {r[headers.index("组织类型")] for r in rows}
    assert kinds == {"社会团体"}
    assert {r[headers.index("状态")] for r in rows} <= {"存续", "限期停止活动", "清算中"}
    established = sheet.cell(row=2, column=headers.index("成立登记日期") + 1)
    assert established.is_date and established.number_format == "yyyy-mm-dd"
    assert "法定代表人身份证号码" not in headers  # personal information only when asked for
    towns = openpyxl.load_workbook(tmp_path / "铜河.xlsx").active
    town_col = [c.value for c in towns[1]].index("所在乡镇（街道）")
    assert {r[town_col] for r in towns.iter_rows(min_row=2, values_only=True)} == {"铜河街道"}
    assert registered.rows > 0


def test_csv_export_has_a_bom_for_excel(db: Database, tmp_path: Path) -> None:
    path = ledger.export_register(db, tmp_path / "空.csv").path
    data = Path(path).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + '"名称","统一社会信用代码"'.encode())  # every field quoted (OWASP)
    assert data.count(b"\n") == 1


def test_template_has_the_expected_headers_and_dictionaries(db: Database, tmp_path: Path) -> None:
    result = ledger.write_template(db, tmp_path / "模板.xlsx")
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames == ["台账", "字典", "说明"]
    assert [c.value for c in book["台账"][1]] == [c.header for c in COLUMNS]
    assert book["台账"].max_row == 1
    dictionaries = list(book["字典"].iter_rows(values_only=True))
    assert dictionaries[0][:3] == ("组织类型", "管理层级", "状态")
    assert [r[0] for r in dictionaries[1:4]] == ["社会团体", "民办非企业单位（社会服务机构）", "基金会"]
    assert ("是", "否") == (dictionaries[1][-1], dictionaries[2][-1])
    # an empty template imports as nothing, cleanly
    report = ledger.preview_ledger(db, result.path)
    assert report.counts()["rows"] == 0 and report.problems == []


def test_export_refuses_other_file_types(db: Database, tmp_path: Path) -> None:
    from civicdesk.errors import InputError

    with pytest.raises(InputError) as caught:
        ledger.export_register(db, tmp_path / "名录.xls")
    assert caught.value.code == "ledger.export_type"
    assert not (tmp_path / "名录.xls").exists()


def test_export_names_and_dates_read_back_with_the_office_forms(db: Database, tmp_path: Path) -> None:
    from tests.factories import social_group

    organizations.add_organization(db, social_group())
    path = tmp_path / "x.xlsx"
    ledger.export_register(db, path)
    sheet = openpyxl.load_workbook(path).active
    row = {h.value: c.value for h, c in zip(sheet[1], sheet[2], strict=True)}
    assert row["所在县（市、区）"] == "沙湾区" and row["所在乡镇（街道）"] == "铜河街道"
    assert row["登记方式"] == "双重管理" and row["行业类别"] == "文化类"
    assert row["成立登记日期"].date() == date(2019, 5, 20)
    assert row["注册资金（万元）"] == 3.5 and row["已建立党组织"] == "否"
