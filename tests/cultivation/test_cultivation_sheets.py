"""The cultivation sheets (培育台账): volunteer hours and station records imported from real .xlsx and .csv files
with the register's ledger's header detection, row report and all-or-nothing rules; exported in the same columns
and read back; the ``ledger`` command group."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from civicdesk import clock
from civicdesk.errors import CivicDeskError
from civicdesk.models import Organization
from civicdesk.services.cultivation import volunteers
from civicdesk.services.cultivation.figures import cultivation_figures
from civicdesk.services.ledger import cultivation_sheets as sheets
from tests.cultivation.volunteer_fixtures import office
from tests.helpers.cli import run
from tests.helpers.db import digest

__all__ = ["office"]


def write_xlsx(path: Path, rows: list[list[Any]], *, title: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _day(days_ago: int) -> date:
    return clock.today() - timedelta(days=days_ago)


def _name(o: dict[str, Any], org_id: str) -> tuple[str, str]:
    with o["db"].read() as session:
        org = session.get(Organization, org_id)
        assert org is not None
        return org.name, org.uscc or ""


@pytest.fixture
def people(office: dict[str, Any]) -> dict[str, Any]:
    """Two volunteers of the first team (one joined late), one of the second; the names of the teams and the
    station."""
    db, clerk = office["db"], office["clerk"]
    joined = _day(400).isoformat()
    wang = volunteers.add_volunteer(db, office["team"], name="王芳", phone="13812345678", joined_on=joined, by=clerk)
    li = volunteers.add_volunteer(db, office["team"], name="李强", phone="13900001111", joined_on=_day(5).isoformat(),
                                  by=clerk)
    zhao = volunteers.add_volunteer(db, office["team2"], name="赵敏", phone="13700002222", joined_on=joined, by=clerk)
    return {**office, "wang": wang, "li": li, "zhao": zhao, "team_name": _name(office, office["team"]),
            "team2_name": _name(office, office["team2"]), "station_name": _name(office, office["station"])}


def _hours_sheet(p: dict[str, Any], tmp_path: Path, *extra: list[Any]) -> Path:
    """A sheet as an office keeps it: a title row, the headers offices write, a date cell, a date as text, the
    team by USCC on one row; the first two rows make one activity."""
    team, uscc = p["team_name"]
    rows = [["序号", "志愿服务队", "姓名", "手机号", "服务日期", "活动名称", "服务地点", "服务时长(小时)"],
            [1, team, "王芳", "13812345678", _day(3), "关爱老人", "敬老院", 2.5],
            [2, team, "李强", None, _day(3).strftime("%Y年%m月%d日"), "关爱老人", "敬老院", 3],
            [3, uscc or team, "王芳", None, _day(2).isoformat(), "河道清理", None, "1.25"],
            *extra]
    return write_xlsx(tmp_path / "hours.xlsx", rows, title="2026年志愿服务时长登记表")


def _station_sheet(p: dict[str, Any], tmp_path: Path, *extra: list[Any]) -> Path:
    station, _uscc = p["station_name"]
    rows = [["儿童服务站", "服务日期", "服务内容", "服务人次", "其中困境儿童", "其中留守儿童"],
            [station, _day(10), "课业辅导", 30, 4, 12],
            [station, _day(9), "安全教育", "25", None, 8],
            *extra]
    return write_xlsx(tmp_path / "stations.xlsx", rows)


def test_a_good_hours_sheet_is_read_by_its_office_headers_and_moves_the_figures(people, tmp_path) -> None:
    db = people["db"]
    path = _hours_sheet(people, tmp_path)
    before = cultivation_figures(db)["volunteers"]
    preview = sheets.preview_sheet(db, "hours", path)
    assert not preview.problems, [p.as_dict() for p in preview.problems]
    assert (preview.header_row, preview.counts()) == (2, {"rows": 3, "new": 3, "recorded": 0, "invalid": 0,
                                                          "skipped": 0})
    assert preview.mapping.as_dict()["服务时长(小时)"] == "hours" and preview.mapping.as_dict()["手机号"] == "phone"
    report = sheets.import_sheet(db, "hours", path, by=people["clerk"])
    assert report.imported and report.touched == [people["team"]]
    after = cultivation_figures(db)["volunteers"]
    assert after["hours"] - before["hours"] == Decimal("6.75")
    assert after["activities"] - before["activities"] == 2  # two rows of one team, day and title: one activity
    acts = volunteers.list_activities(db, people["team"])
    assert sorted((a.title, str(a.total_hours), len(a.hours)) for a in acts) == [("关爱老人", "5.50", 2),
                                                                                ("河道清理", "1.25", 1)]
    # the same sheet again: every row already recorded, nothing doubled
    again = sheets.import_sheet(db, "hours", path, by=people["clerk"])
    assert (again.new, again.recorded, again.invalid) == (0, 3, 0)
    assert cultivation_figures(db)["volunteers"]["hours"] == after["hours"]


def _bad(report: sheets.CultivationReport) -> list[tuple[int, str | None, str | None, str]]:
    return sorted((p.row, p.column, p.header, p.code) for p in report.errors)


def test_one_bad_row_and_no_hours_are_written_the_report_names_row_and_column(people, tmp_path) -> None:
    db = people["db"]
    team, _uscc = people["team_name"]
    path = _hours_sheet(people, tmp_path,
                        [4, team, "王芳", None, _day(-1), "明日活动", None, 2],  # hours in the future
                        [5, team, "赵敏", None, _day(1), "关爱老人", None, 2],  # a volunteer of another team
                        [6, team, "李强", None, _day(20), "早前活动", None, 2],  # before he joined
                        [7, team, "王芳", None, _day(1), "夜间巡逻", None, "-1"],  # hours below zero
                        [8, team, "王芳", "13812345678", _day(3), "关爱老人", "敬老院", 2.5],  # row 3 twice
                        [9, "没有这个队", "王芳", None, _day(1), "关爱老人", None, 1])  # unknown team
    before = digest(people["path"], without=("audit_entry",))
    report = sheets.import_sheet(db, "hours", path, by=people["clerk"])
    assert not report.imported and report.invalid == 6 and report.new == 3
    assert digest(people["path"], without=("audit_entry",)) == before
    assert _bad(report) == [(6, "E", "服务日期", "enforce.date_in_future"),
                            (7, "C", "姓名", "cult_sheet.volunteer_other_team"),
                            (8, "C", "姓名", "volunteer.not_member_on"),
                            (9, "H", "服务时长(小时)", "volunteer.bad_hours"),
                            (10, "B", "志愿服务队", "ledger.duplicate_row"),
                            (11, "B", "志愿服务队", "cult_sheet.unknown_org")]
    assert "没有这个队" in report.errors[-1].message("zh") and "赵敏" in report.errors[1].message("en")


def test_station_records_import_move_the_figures_and_a_bad_row_writes_nothing(people, tmp_path) -> None:
    db = people["db"]
    station, _uscc = people["station_name"]
    bad = _station_sheet(people, tmp_path, [station, _day(8), "亲子阅读", 10, 3, 11],  # more left behind than came
                         [station, _day(7), "手工课", 0, None, None],  # no one
                         [people["team_name"][0], _day(7), "手工课", 5, None, None])  # a team, not a station
    before = digest(people["path"], without=("audit_entry",))
    report = sheets.import_sheet(db, "stations", bad, by=people["clerk"])
    assert digest(people["path"], without=("audit_entry",)) == before
    assert _bad(report) == [(4, "F", "其中留守儿童", "station.bad_of_whom"),
                            (5, "D", "服务人次", "station.bad_person_times"),
                            (6, "A", "儿童服务站", "station.wrong_kind")]
    figures = cultivation_figures(db)["children_stations"]
    good = _station_sheet(people, tmp_path)
    done = sheets.import_sheet(db, "stations", good, by=people["clerk"])
    assert done.imported and done.new == 2
    after = cultivation_figures(db)["children_stations"]
    assert (after["person_times"] - figures["person_times"], after["in_difficulty"] - figures["in_difficulty"],
            after["left_behind"] - figures["left_behind"]) == (55, 4, 20)
    assert after["service_days"] - figures["service_days"] == 2


def test_export_reads_back_as_recorded_rows_with_phones_masked_unless_revealed(people, tmp_path) -> None:
    db = people["db"]
    sheets.import_sheet(db, "hours", _hours_sheet(people, tmp_path), by=people["clerk"])
    sheets.import_sheet(db, "stations", _station_sheet(people, tmp_path), by=people["clerk"])
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"hours{suffix}"
        result = sheets.export_sheet(db, "hours", out, by=people["clerk"])
        assert result.rows >= 3
        back = sheets.import_sheet(db, "hours", out, by=people["clerk"])
        assert (back.new, back.invalid, back.recorded) == (0, 0, result.rows), back.as_dict()
        stations_out = tmp_path / f"stations{suffix}"
        result = sheets.export_sheet(db, "stations", stations_out, by=people["clerk"])
        back = sheets.preview_sheet(db, "stations", stations_out)
        assert (back.new, back.invalid, back.recorded) == (0, 0, result.rows)
    with (tmp_path / "hours.csv").open(encoding="utf-8-sig") as f:
        exported = list(csv.reader(f))
    assert exported[0][:5] == ["团队", "统一社会信用代码", "志愿者", "联系电话", "日期"]
    assert ["王芳", "138****5678", _day(3).isoformat(), "关爱老人", "敬老院", "2.5"] in [r[2:] for r in exported]
    with pytest.raises(CivicDeskError):  # a clerk may not see phones
        sheets.export_sheet(db, "hours", tmp_path / "full.xlsx", reveal=True, by=people["clerk"])
    sheets.export_sheet(db, "hours", tmp_path / "full.csv", reveal=True, by=people["rev"])
    assert "13812345678" in (tmp_path / "full.csv").read_text(encoding="utf-8-sig")


def test_the_ledger_commands_check_import_export_and_write_templates(people, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CIVICDESK_PASSWORD", "a-long-password-2")
    base = ("--db", str(people["path"]), "--user", "clerk1")
    team, _uscc = people["team_name"]
    bad = _hours_sheet(people, tmp_path, [4, team, "赵敏", None, _day(1), "关爱老人", None, 2])
    code, out, _err = run(capsys, *base, "ledger", "import-hours", str(bad), "--dry-run", "--json")
    report = json.loads(out)
    assert code == 2 and report["counts"]["invalid"] == 1
    assert [(p["row"], p["column"], p["code"]) for p in report["problems"]] == [
        (6, "C", "cult_sheet.volunteer_other_team")]
    code, _out, err = run(capsys, *base, "ledger", "import-hours", str(bad))
    assert code == 2 and "未导入" in err
    code, out, err = run(capsys, *base, "ledger", "import-stations", str(_station_sheet(people, tmp_path)))
    assert code == 0 and "已导入 2 条" in out, err
    code, out, err = run(capsys, *base, "ledger", "export-stations", "-o", str(tmp_path / "s.xlsx"), "--json")
    assert code == 0 and json.loads(out)["rows"] >= 2, err
    for kind in sheets.KINDS:
        code, out, err = run(capsys, "ledger", f"export-{kind}", "-o", str(tmp_path / f"{kind}-t.xlsx"), "--template")
        assert code == 0, err
        template = openpyxl.load_workbook(tmp_path / f"{kind}-t.xlsx", read_only=True)
        assert [c.header for c in sheets.KINDS[kind].columns] == [c.value for c in next(template.worksheets[0].rows)]
        assert template.sheetnames[1] == "说明"
        template.close()


def test_a_gbk_csv_with_other_headers_and_a_masked_phone_telling_two_namesakes_apart(people, tmp_path) -> None:
    db, clerk = people["db"], people["clerk"]
    other = volunteers.add_volunteer(db, people["team"], name="王芳", phone="13600003333",
                                     joined_on=_day(100).isoformat(), by=clerk)
    team, _uscc = people["team_name"]
    path = tmp_path / "时长.csv"
    lines = ["队伍名称,志愿者姓名,联系方式,活动时间,服务内容,时长",
             f"{team},王芳,,{_day(4).isoformat()},垃圾分类宣传,2",  # two 王芳: which one?
             f"{team},王芳,136****3333,{_day(4).strftime('%Y/%m/%d')},垃圾分类宣传,2",  # the masked phone says
             f"{team},王芳,13500000000,{_day(4).isoformat()},文明劝导,1"]  # a phone of neither
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    report = sheets.preview_sheet(db, "hours", path)
    assert report.encoding is not None and report.encoding.lower().startswith("gb")
    assert _bad(report) == [(2, "B", "志愿者姓名", "cult_sheet.volunteer_ambiguous"),
                            (4, "C", "联系方式", "cult_sheet.phone_mismatch")]
    path.write_bytes("\r\n".join(lines[:1] + lines[2:3]).encode("gb18030"))
    done = sheets.import_sheet(db, "hours", path, by=clerk)
    assert done.imported and volunteers.show_volunteer(db, other.id).hours == Decimal("2.00")


def test_a_refused_reveal_is_audited_and_writes_no_file(people, tmp_path) -> None:
    from civicdesk.services.admin import audit

    target = tmp_path / "full.xlsx"
    with pytest.raises(CivicDeskError) as refused:
        sheets.export_sheet(people["db"], "hours", target, reveal=True, by=people["clerk"])
    assert refused.value.code.startswith("auth.")
    assert not target.exists()
    entries = audit.entries(people["db"], action="cultivation_sheet.refused", by=people["admin"])
    assert entries and entries[0].entity_id == "full.xlsx"


def _project_sheet(p: dict[str, Any], tmp_path: Path, *extra: list[Any]) -> Path:
    """Purchased-service projects as an office lists them: the organization by name (or USCC), the period in
    one cell, the funding source in words."""
    year = clock.today().year
    org, uscc = p["team_name"]
    rows = [["项目名称", "购买主体", "年度", "资金来源", "合同金额(元)", "承接组织(名称或统一社会信用代码)",
             "起止日期", "服务内容", "合同编号", "已支付金额", "支付日期"],
            ["社区养老服务", "沙湾区民政局", year, "本级一般公共预算", 120000, org,
             f"{year}-01-01至{year}-12-31", "上门服务200人次", f"SW-{year}-001", 60000, _day(1)],
            ["儿童关爱", "沙湾区民政局", f"{year}年", "福利彩票公益金", "80000.50", uscc or org,
             f"{year}.2.1-{year}.11.30", "课后辅导", None],
            *extra]
    return write_xlsx(tmp_path / "projects.xlsx", rows)


def test_projects_import_move_the_figures_and_a_bad_row_writes_nothing(people, tmp_path) -> None:
    db = people["db"]
    year = clock.today().year
    org, _uscc = people["team_name"]
    bad = _project_sheet(people, tmp_path,
                         ["负数金额", "沙湾区民政局", year, "本级一般公共预算", -5, org, f"{year}-01-01至{year}-06-30",
                          "无", None],
                         ["倒置期限", "沙湾区民政局", year, "本级一般公共预算", 100, org, f"{year}-06-30至{year}-01-01",
                          "无", None],
                         ["无此资金", "沙湾区民政局", year, "天上掉的", 100, org, f"{year}-01-01至{year}-06-30", "无",
                          None],
                         ["社区养老服务", "沙湾区民政局", year, "本级一般公共预算", 120000, org,
                          f"{year}-01-01至{year}-12-31", "上门服务200人次", f"SW-{year}-001"],
                         ["付超合同", "沙湾区民政局", year, "本级一般公共预算", 100, org, f"{year}-01-01至{year}-06-30",
                          "无", None, "100.01", _day(1)],  # a payment over the contract
                         ["付在合同前", "沙湾区民政局", year, "本级一般公共预算", 100, org,
                          f"{year}-01-01至{year}-06-30", "无", None, 50, date(year - 1, 12, 31)])
    before = digest(people["path"], without=("audit_entry",))
    report = sheets.import_sheet(db, "projects", bad, by=people["clerk"])
    assert digest(people["path"], without=("audit_entry",)) == before
    assert _bad(report) == [(4, "E", "合同金额(元)", "enforce.bad_amount"),
                            (5, "G", "起止日期", "project.period_order"),
                            (6, "D", "资金来源", "project.bad_funding"),
                            (7, "I", "合同编号", "ledger.duplicate_row"),
                            (8, "J", "已支付金额", "project.over_contract"),
                            (9, "K", "支付日期", "project.before_contract")]
    figures = cultivation_figures(db)["purchased_services"]
    done = sheets.import_sheet(db, "projects", _project_sheet(people, tmp_path), by=people["clerk"])
    assert done.imported and done.new == 2, done.as_dict()
    after = cultivation_figures(db)["purchased_services"]
    assert (after["projects"] - figures["projects"], after["contracted"] - figures["contracted"],
            after["paid"] - figures["paid"]) == (2, Decimal("200000.50"), Decimal("60000.00"))
    out = tmp_path / "projects-out.csv"
    result = sheets.export_sheet(db, "projects", out, by=people["clerk"])
    back = sheets.preview_sheet(db, "projects", out)
    assert (back.new, back.invalid, back.recorded) == (0, 0, result.rows), back.as_dict()
