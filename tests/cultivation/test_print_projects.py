"""The kind ``projects`` (services/printing/kind_projects.py): the project list as a PDF whose text is read back,
an .xlsx and a .csv, through ``civicdesk print projects``; the year and county narrow it, the internal version
adds the contract number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from civicdesk import clock as program_clock
from civicdesk.services.cultivation import projects
from civicdesk.services.printing import resolve_fonts
from tests.helpers.cli import run
from tests.supervision.enforcement_fixtures import office

__all__ = ["office"]


def pdf_text(path: Path) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.fixture
def world(office: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    resolve_fonts(None)
    db, clerk = office["db"], office["clerk"]
    for n, (year, amount, paid) in enumerate(((2025, "80000.00", "80000.00"), (2026, "120000.50", "60000.00")), 1):
        p = projects.add(db, name=f"社区服务项目{n}", department="沙湾区民政局", year=year, funding_source="lottery",
                         organization=office["org"], amount=amount, starts_on=f"{year}-03-01",
                         ends_on=f"{year}-12-31", deliverables="上门探访", contract_no=f"沙民购〔{year}〕{n}号",
                         by=clerk)
        projects.pay(db, p.id, amount=paid, paid_on=f"{year}-06-01", by=clerk)
    projects.evaluate(db, "沙民购〔2025〕1号", result="excellent", on="2026-01-10", by=clerk)
    monkeypatch.setenv("CIVICDESK_PASSWORD", "a-long-password-2")
    return office


def test_the_pdf_lists_the_projects_with_their_totals(world: dict[str, Any], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "projects.pdf"
    code, out, err = run(capsys, "--db", str(world["db"].path), "--user", "clerk1", "print", "projects", "-o",
                         str(target), "--public")
    assert code == 0, err
    text = pdf_text(target)
    assert "政府购买服务项目一览表" in text and world["org_name"] in text
    assert "社区服务项目1（2025年度）" in text and "社区服务项目2（2026年度）" in text
    assert "福利彩票公益金" in text and "优秀" in text
    assert "200000.50" in text and "140000.00" in text  # the totals
    assert "合同金额合计200,000.50元，已支付140,000.00元" in text
    assert "沙民购" not in text  # the contract number: internal only
    assert program_clock.today().year == 2026 and "2026年11月28日" in text


def test_the_year_narrows_and_the_internal_version_has_the_contract(world: dict[str, Any], tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "p2026.pdf"
    code, out, err = run(capsys, "--db", str(world["db"].path), "--user", "clerk1", "print", "projects", "--year",
                         "2026", "-o", str(target), "--json")
    assert code == 0, err
    text = pdf_text(target)
    assert "2026年度政府购买服务项目一览表" in text and "沙民购〔2026〕2号" in text
    assert "社区服务项目1" not in text


def test_the_spreadsheets(world: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--db", str(world["db"].path), "--user", "clerk1", "print", "projects", "--county", "511111"]
    assert run(capsys, *base, "-o", str(tmp_path / "p.xlsx"), "--public")[0] == 0
    sheet = load_workbook(tmp_path / "p.xlsx").active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["序号", "年度", "项目名称"] and len(values) == 3
    assert "合同编号（内部）" not in values[0]
    assert run(capsys, *base, "-o", str(tmp_path / "p.csv"))[0] == 0
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "社区服务项目2" in text and "沙民购〔2026〕2号" in text and "120000.5" in text
