"""The printing kind ``venture-report``: a round's report (公益创投项目评审结果报告) as a PDF in the GB/T 9704 layout
(the round, the ranking with each judge's score, the awards and payments, the totals and the budget left) and the
ranking as .xlsx/.csv; the public version names no resident (surname + 某) and no judge (评委一 …); ``print``
checked and refused with an audit entry; the same through ``civicdesk print venture-report``."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.cultivation import venture
from civicdesk.services.printing import print_document
from civicdesk.services.printing.kind_venture import VentureReportOptions, mask_person
from tests.helpers.cli import run
from tests.services.test_printing import text_of
from tests.supervision.enforcement_fixtures import audited, data, office

__all__ = ["office"]

NAME = "2026年沙湾区公益创投"
RESIDENT = "欧阳娜娜"


@pytest.fixture
def round_(office: dict[str, Any]) -> dict[str, Any]:
    """A round of 100,000 yuan: an organization's project (awarded 50,000, 30,000 paid), a resident's idea
    (declined), an unscored one."""
    db, clerk, rev = office["db"], office["clerk"], office["rev1"]
    r = venture.add_round(db, name=NAME, kind="venture", organizer="沙湾区民政局", budget="100000",
                          opens_on="2026-03-01", closes_on="2026-04-30", by=clerk)
    a = venture.apply(db, NAME, title="社区老人助餐", amount="60000", submitted_on="2026-03-15",
                      organization=office["org"], by=clerk)
    b = venture.apply(db, NAME, title="楼道微更新", amount="20000", submitted_on="2026-03-20", applicant=RESIDENT,
                      by=clerk)
    venture.apply(db, NAME, title="未评分的点子", amount="5000", submitted_on="2026-04-01", applicant="李四", by=clerk)
    for app, marks in ((a, ("95", "92.5")), (b, ("80", "90"))):
        for judge, mark in zip(("王评审", "赵评审"), marks, strict=True):
            venture.score(db, app.id, judge=judge, value=mark, scored_on="2026-05-10", by=clerk)
    venture.award(db, a.id, amount="50000", decided_on="2026-05-20", by=rev)
    venture.decline(db, b.id, decided_on="2026-05-20", by=rev)
    venture.pay(db, a.id, amount="30000", paid_on="2026-06-01", by=clerk)
    return {**office, "round": r.id}


def test_mask_person_keeps_the_surname_only() -> None:
    assert [mask_person(n) for n in ("张三", "欧阳娜娜", " 李 四 ", "")] == ["张某", "欧阳某", "李某", ""]


def test_the_report_states_the_round_ranking_awards_payments_and_budget(round_: dict[str, Any],
                                                                       tmp_path: Path) -> None:
    db = round_["db"]
    out = tmp_path / "r.pdf"
    result = print_document(db, "venture-report", VentureReportOptions(round_["round"]), out, by=round_["clerk"])
    text = text_of(out)
    flat = "".join(text.split())
    assert result.title == f"{NAME}项目评审结果报告" and result.pages >= 1
    assert (result.facts["applications"], result.facts["awarded_count"]) == (3, 1)
    assert (result.facts["budget"], result.facts["awarded"], result.facts["paid"], result.facts["remaining"]) == \
        ("100000.00", "50000.00", "30000.00", "50000.00")
    for words in (f"{NAME}项目评审结果报告", "主办单位：沙湾区民政局", "一、基本情况", "二、评审排名",
                  "三、资助和拨付情况", "四、资金汇总", "预算资金100,000.00元", "共收到申报项目3个", "经评审打分2个",
                  "确定资助1个", "预算结余50,000.00元", "待拨付20,000.00元", "2026年6月1日：30,000.00",
                  "王评审：95.00", "赵评审：92.50", "93.75", "85.00", "资助", "未资助", "待定", "乐山市沙湾区民政局",
                  "内部资料"):
        assert words in flat, words
    assert RESIDENT in flat and round_["org_name"] in flat
    # ranked by the mean: the organization's (93.75) before the resident's (85.00), the unscored last
    assert flat.index("社区老人助餐") < flat.index("楼道微更新") < flat.index("未评分的点子")
    assert audited(round_, "print.venture-report")


def test_the_public_report_names_no_resident_and_no_judge(round_: dict[str, Any], tmp_path: Path) -> None:
    db = round_["db"]
    out = tmp_path / "p.pdf"
    print_document(db, "venture-report", VentureReportOptions(NAME), out, public=True, by=round_["clerk"])
    flat = "".join(text_of(out).split())
    assert "欧阳某" in flat and "李某" in flat and round_["org_name"] in flat
    for secret in (RESIDENT, "李四", "王评审", "赵评审"):
        assert secret not in flat, secret
    assert "评委一：95.00" in flat and "评委二：92.50" in flat and "公开版" in flat
    sheet = tmp_path / "p.csv"
    result = print_document(db, "venture-report", VentureReportOptions(NAME), sheet, public=True, by=round_["clerk"])
    rows = list(csv.reader(sheet.open(encoding="utf-8-sig")))
    assert result.facts["rows"] == 3 and rows[0][:6] == ["名次", "申报单位（申报人）", "项目名称", "申请金额（元）",
                                                         "评委一", "评委二"]
    assert rows[1][:7] == ["1", round_["org_name"], "社区老人助餐", "60000", "95", "92.5", "93.75"]
    assert rows[2][1] == "欧阳某" and rows[3][0] == "" and RESIDENT not in sheet.read_text(encoding="utf-8-sig")


def test_the_internal_ranking_workbook_names_the_judges(round_: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    print_document(round_["db"], "venture-report", VentureReportOptions(NAME), path, by=round_["clerk"])
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][4:6] == ("王评审", "赵评审") and rows[2][1] == RESIDENT and len(rows) == 4


def test_a_refused_printer_or_unknown_round_writes_nothing(round_: dict[str, Any], tmp_path: Path) -> None:
    db, out = round_["db"], tmp_path / "out"
    out.mkdir()
    gone = auth.create_user(db, "gone1", "a-long-password-7", "clerk", by=round_["admin"])
    gone = auth.set_active(db, "gone1", False, by=round_["admin"])
    before = data(db)
    with pytest.raises(CivicDeskError):
        print_document(db, "venture-report", VentureReportOptions(NAME), out / "x.pdf", by=gone)
    assert audited(round_, "print.refused")
    with pytest.raises(CivicDeskError) as unknown:
        print_document(db, "venture-report", VentureReportOptions("没有这一轮"), out / "y.pdf",
                       by=round_["clerk"])
    assert unknown.value.code == "venture.round_not_found"
    assert list(out.iterdir()) == [] and data(db) == before


def test_print_venture_report_from_the_command_line(round_: dict[str, Any], tmp_path: Path, capsys: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICDESK_PASSWORD", "a-long-password-2")
    db = round_["db"]
    out = tmp_path / "x.pdf"
    code, stdout, err = run(capsys, "--db", str(db.path), "--user", "clerk1", "print", "venture-report", "--round",
                            round_["round"], "-o", str(out), "--public", "--json")
    assert code == 0, err
    assert '"awarded": "50000.00"' in stdout and '"public": true' in stdout
    assert "欧阳某" in "".join(text_of(out).split())
    code, stdout, err = run(capsys, "--db", str(db.path), "--user", "clerk1", "print", "venture-report", "-o",
                            str(tmp_path / "newest.csv"))  # no --round: the office's newest round
    assert code == 0, err and (tmp_path / "newest.csv").exists()
