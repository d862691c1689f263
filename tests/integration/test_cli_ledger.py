"""``civicdesk import`` and ``civicdesk export`` end to end: reports, exit codes, files written and not written."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.db import digest
from tests.services.test_ledger_office import EXPECTED_COUNTS, office_rows, write_office_ledger
from tests.helpers.cli import run


def test_import_reports_refuses_then_skips_invalid_rows(db_path: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = write_office_ledger(tmp_path / "台账.xlsx")
    db = str(db_path)
    before = digest(db_path)
    code, out, err = run(capsys, "--db", db, "import", str(path), "--dry-run", "--json")
    report = json.loads(out)
    assert code == 2 and err == ""
    assert report["counts"] == EXPECTED_COUNTS and report["dry_run"] and not report["imported"]
    assert [(p["row"], p["column"], p["header"], p["code"]) for p in report["problems"]] == [
        (7, "C", "统一社会信用代码", "uscc.check"), (8, "C", "统一社会信用代码", "ledger.duplicate_row")]
    assert report["problems"][1]["message"].startswith("与第 4 行重复")

    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 2 and "台账有 2 行不合格，未导入任何记录" in err
    assert "第 7 行 统一社会信用代码（C列）：统一社会信用代码校验位错误" in out
    assert "数据行 6：新增 4，变更 0，无变化 0，不合格 2；跳过 2" in out
    assert digest(db_path) == before

    code, out, err = run(capsys, "--lang", "en", "--db", db, "import", str(path), "--skip-invalid", "--legacy")
    assert code == 0, err
    assert "6 data rows: 4 new, 0 changed, 0 unchanged, 2 invalid; 2 skipped" in out
    rejected = tmp_path / "台账-不合格行.xlsx"
    assert f"Rejected rows saved to {rejected}" in out and rejected.exists()
    code, out, _ = run(capsys, "--db", db, "org", "list", "--json")
    assert sorted(r["name"] for r in json.loads(out)) == ["沙湾区围棋协会", "沙湾区摄影家协会",
                                                          "沙湾区爱心助学服务中心",
                                                          "沙湾区观鸟协会"]
    # importing the same ledger again: nothing new, the invalid rows still reported
    code, out, _ = run(capsys, "--db", db, "import", str(path), "--dry-run", "--json")
    assert json.loads(out)["counts"]["unchanged"] == 4


def test_import_with_a_mapping_file_and_changed_rows(db_path: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    rows = office_rows()[:3]
    header = ["序号", "机构全称", "统一社会信用代码", "类型", "行业类别", "登记方式", "业务主管单位",
              "所在乡镇（街道）",
              "法定代表人", "成立日期", "注册资金（万元）", "是否建立党组织", "联系电话"]
    path = write_office_ledger(tmp_path / "a.xlsx", rows, header)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"机构全称": "name"}, ensure_ascii=False), "utf-8")
    db = str(db_path)
    code, out, err = run(capsys, "--db", db, "import", str(path), "--mapping", str(mapping), "--json", "--legacy")
    assert code == 0, err
    assert json.loads(out)["counts"]["new"] == 3 and json.loads(out)["imported"]
    rows[2][12] = "0833-2000000"
    write_office_ledger(path, rows, header)
    code, out, err = run(capsys, "--db", db, "import", str(path), "--mapping", str(mapping))
    assert code == 0, err
    assert "第 6 行 变更 沙湾区爱心助学服务中心：联系电话：0833-2345678 → 0833-2000000" in out
    assert "已提交变更登记申请待审核" in out
    code, out, _ = run(capsys, "--db", db, "filing", "list", "--state", "submitted", "--json")
    pending = json.loads(out)
    assert [(f["kind"], f["organization_name"], f["changes"]) for f in pending] == [
        ("change", "沙湾区爱心助学服务中心", {"contact_phone": "0833-2000000"})]
    code, out, _ = run(capsys, "--db", db, "org", "show", "沙湾区爱心助学服务中心", "--json")
    assert json.loads(out)["history"] == []  # the register waits for the review


def test_bad_file_is_one_line_on_stderr(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    code, out, err = run(capsys, "--db", str(db_path), "import", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "设有打开密码" in err


def test_export_register_filters_and_template(shawan_db_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = str(shawan_db_path)
    code, out, _ = run(capsys, "--db", db, "export", str(tmp_path / "all.xlsx"), "--all", "--json")
    assert code == 0 and json.loads(out)["rows"] == 553
    code, out, _ = run(capsys, "--db", db, "export", str(tmp_path / "guided.csv"), "--tier", "guided",
                       "--division", "511111002", "--json")
    guided = json.loads(out)["rows"]
    code, out, _ = run(capsys, "--db", db, "org", "list", "--tier", "guided", "--division", "511111002", "--json")
    assert guided == len(json.loads(out)) > 0
    lines = (tmp_path / "guided.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == guided + 1 and all('","纳入村（社区）指导管理","' in line for line in lines[1:])
    code, out, _ = run(capsys, "--db", db, "export", "--template", str(tmp_path / "模板.xlsx"))
    assert code == 0 and "已导出模板" in out
    assert openpyxl.load_workbook(tmp_path / "模板.xlsx").sheetnames == ["台账", "字典", "说明"]
    code, _, err = run(capsys, "--db", db, "export", str(tmp_path / "x.txt"))
    assert code == 2 and ".xlsx" in err


def test_a_clerks_import_becomes_filings_and_legacy_entry_is_for_administrators(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from civicdesk.services.admin import auth
    from civicdesk.services.core.database import open_database

    database = open_database(db_path)
    try:
        admin = auth.create_user(database, "admin", "admin123x", "admin")
        auth.create_user(database, "wang", "clerk123x", "clerk", by=admin)
    finally:
        database.close()
    path = write_office_ledger(tmp_path / "台账.xlsx", office_rows()[:3])
    db = str(db_path)
    monkeypatch.setenv("CIVICDESK_PASSWORD", "clerk123x")
    logins = ("audit_entry", "user_account")  # a login records itself; the refusal is audited
    before = digest(db_path, without=logins)
    code, out, err = run(capsys, "--db", db, "--user", "wang", "import", str(path), "--legacy")
    assert code != 0 and out == "" and err.count("\n") == 1 and "无权直接录入历史档案" in err
    assert digest(db_path, without=logins) == before  # nothing else written

    code, out, err = run(capsys, "--db", db, "--user", "wang", "import", str(path))
    assert code == 0, err
    assert "已导入：新增 3 个，已提交成立登记申请待审核（" in out
    code, out, _ = run(capsys, "--db", db, "org", "list", "--json")
    assert json.loads(out) == []  # nothing in the register before a reviewer approves
    code, out, _ = run(capsys, "--db", db, "filing", "list", "--state", "submitted", "--json")
    assert sorted((f["kind"], f["organization_name"]) for f in json.loads(out)) == [
        ("establish", "沙湾区围棋协会"), ("establish", "沙湾区摄影家协会"), ("establish", "沙湾区爱心助学服务中心")]
