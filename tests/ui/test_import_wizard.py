"""The import wizard driven like a clerk would: pick the office ledger, change a column, read the report, skip
the invalid rows, import; a cancelled import leaves the database alone; the File menu exports the filtered table."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from civicdesk.services.register import organizations
from civicdesk.ui.ledger.import_wizard import (
    PAGE_FILE,
    PAGE_IMPORT,
    PAGE_MAPPING,
    PAGE_REPORT,
    ImportWizard,
    export_dialog,
)
from civicdesk.services.core.validation import make_uscc
from civicdesk.ui.main_window import MainWindow
from tests.helpers.db import digest
from tests.services.test_ledger_office import USCC_GO, USCC_PHOTO, office_rows, write_office_ledger

TIMEOUT = 30_000


def _wizard(qtbot, ctx, path: Path) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(path))
    return wizard


def _report_page(qtbot, wizard: ImportWizard):
    """Next, to the report page, once its report has come."""
    wizard.next()
    assert wizard.currentId() == PAGE_REPORT
    qtbot.waitUntil(lambda: wizard.report_page.report is not None, timeout=TIMEOUT)
    return wizard.report_page


def test_import_through_the_wizard(qtbot, make_ctx, db_path: Path, tmp_path: Path) -> None:
    ctx = make_ctx(db_path)
    path = write_office_ledger(tmp_path / "沙湾区台账.xlsx")
    wizard = _wizard(qtbot, ctx, path)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    page = wizard.mapping_page
    qtbot.waitUntil(lambda: page.isComplete(), timeout=TIMEOUT)
    assert page.info.text() == "表头在第 3 行，共 13 列。"
    assert page.table.horizontalHeaderItem(1).text() == "社会组织名称"
    assert page.table.item(1, 1).text() == "沙湾区摄影家协会"
    assert page.table.item(2, 2).text() == USCC_GO  # typed in full-width digits, shown half-width
    assert page.combos[1].currentData() == "name" and page.combos[0].currentData() == ""
    # the clerk maps 名称 away: the page says what is missing and will not go on
    page.combos[1].setCurrentIndex(0)
    assert not page.isComplete() and "名称" in page.info.text()
    page.combos[1].setCurrentIndex(page.combos[1].findData("name"))
    # and takes 联系电话 out of this import
    page.combos[12].setCurrentIndex(0)
    assert page.mapping()["联系电话"] == "" and page.isComplete()

    before = digest(db_path)
    report_page = _report_page(qtbot, wizard)
    assert report_page.summary.text().startswith("数据行 6：新增 4，变更 0，无变化 0，不合格 2；跳过 2 行。")
    rows = [(report_page.problems.item(r, 0).text(), report_page.problems.item(r, 1).text(),
             report_page.problems.item(r, 2).text()) for r in range(report_page.problems.rowCount())]
    assert rows == [("7", "C", "统一社会信用代码"), ("8", "C", "统一社会信用代码")]
    assert not report_page.isComplete() and report_page.skip.isVisibleTo(wizard)
    report_page.skip.setChecked(True)
    assert report_page.isComplete()
    assert digest(db_path) == before  # nothing written before the import page
    # no accounts in this database: it runs as the system, which may enter legacy records directly
    assert report_page.legacy.isVisibleTo(wizard)
    report_page.legacy.setChecked(True)

    with qtbot.waitSignal(wizard.imported, timeout=TIMEOUT) as blocker:
        wizard.next()
    assert wizard.currentId() == PAGE_IMPORT
    assert blocker.args[0].new == 4
    qtbot.waitUntil(lambda: wizard.import_page.isComplete(), timeout=TIMEOUT)
    assert wizard.import_page.status.text().startswith("已导入：新增 4 个，已作为历史档案直接录入登记簿。")
    assert (tmp_path / "沙湾区台账-不合格行.xlsx").exists()
    photo = organizations.get_organization(ctx.db, USCC_PHOTO)
    assert photo.values["contact_phone"] is None  # the column the clerk left out


def test_cancel_leaves_the_database_unchanged(qtbot, make_ctx, db_path: Path, tmp_path: Path) -> None:
    ctx = make_ctx(db_path)
    rows = [[i, f"沙湾区测试协会{i}", make_uscc("1", "511111", f"MK{i:06d}"), "社会团体", "文化类", "直接登记", None,
             "铜河街道", "张三", "2020-01-02", 1, "否", None] for i in range(1, 301)]
    path = write_office_ledger(tmp_path / "台账.xlsx", rows)
    wizard = _wizard(qtbot, ctx, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.isComplete(), timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report_page.isComplete(), timeout=TIMEOUT)
    before = digest(db_path)
    # hold the one worker so the import is cancelled before it writes anything, whatever the machine's speed
    gate = threading.Event()
    ctx.runner.run(lambda _job: gate.wait(TIMEOUT / 1000))
    wizard.next()
    page = wizard.import_page
    assert page.cancel_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: page.isComplete(), timeout=TIMEOUT)
    assert page.result is None
    assert page.status.text() == "导入已取消，数据库未作任何改动。"
    assert digest(db_path) == before


def test_a_bad_file_is_named_on_the_mapping_page(qtbot, make_ctx, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "加密.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    wizard = _wizard(qtbot, make_ctx(db_path), path)
    wizard.next()
    qtbot.waitUntil(lambda: "设有打开密码" in wizard.mapping_page.info.text(), timeout=TIMEOUT)
    assert not wizard.mapping_page.isComplete()


def test_file_menu_exports_the_filtered_table(qtbot, make_ctx, shawan_db_path: Path, tmp_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=TIMEOUT)
    texts = [a.text() for a in window.ledger_actions]
    assert texts == ["导入台账…", "导出名录…", "导出导入模板…"]
    bar = window.filter_bar
    with qtbot.waitSignal(window.model.loaded, timeout=TIMEOUT) as blocker:
        bar.tier.setCurrentIndex(bar.tier.findData("filed"))
    shown = blocker.args[0]
    target = tmp_path / "备案.xlsx"
    op = export_dialog(window, str(target))
    with qtbot.waitSignal(op.finished, timeout=TIMEOUT):
        pass
    sheet = openpyxl.load_workbook(target).active
    assert sheet.max_row - 1 == shown > 0
    tier_col = [c.value for c in sheet[1]].index("管理层级")
    assert {r[tier_col] for r in sheet.iter_rows(min_row=2, values_only=True)} == {"乡镇（街道）备案"}
    assert "已导出" in window.statusBar().currentMessage()


def test_a_clerks_import_ends_with_filings_for_review_and_only_finish(qtbot, make_ctx, db_path: Path,
                                                                      tmp_path: Path) -> None:
    from civicdesk.services import ledger
    from civicdesk.services.admin import auth
    from civicdesk.services.filings import service as filings

    ctx = make_ctx(db_path)
    admin = auth.create_user(ctx.db, "admin", "admin123x", "admin")
    clerk = auth.create_user(ctx.db, "wang", "clerk123x", "clerk", by=admin)
    rows = office_rows()[:3]
    ledger.import_ledger(ctx.db, write_office_ledger(tmp_path / "旧.xlsx", rows[:1]), by=admin, legacy=True)
    rows[0][12] = "0833-2999999"  # the first row changes, the other two are new
    ctx.user = clerk
    wizard = _wizard(qtbot, ctx, write_office_ledger(tmp_path / "台账.xlsx", rows))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.isComplete(), timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report_page.isComplete(), timeout=TIMEOUT)
    assert not wizard.report_page.legacy.isVisibleTo(wizard)  # direct entry is an administrator's
    assert "审核" in wizard.report_page.review_note.text()
    with qtbot.waitSignal(wizard.imported, timeout=TIMEOUT) as blocker:
        wizard.next()
    report = blocker.args[0]
    page = wizard.import_page
    qtbot.waitUntil(lambda: page.isComplete(), timeout=TIMEOUT)
    text = page.status.text()
    assert text.startswith("已导入：新增 2 个，已提交成立登记申请待审核（")
    assert "变更 1 个，已提交变更登记申请待审核（" in text
    assert all(n in text for n in report.new_filings + report.filings)
    assert {f.kind for f in filings.list_filings(ctx.db, state="submitted")} == {"establish", "change"}
    # committed: only 完成 is offered
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled() and finish.text() == "完成"
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    assert not page.cancel_button.isVisible()


def test_an_inspection_sheet_skips_the_mapping_and_arrives_submitted(qtbot, make_ctx, db_path: Path,
                                                                     tmp_path: Path, clock) -> None:
    """The kind 年检结果表 with its year: no mapping page, the sheet's report, all or nothing, records submitted."""
    from civicdesk.services.admin import auth
    from civicdesk.services.supervision import inspection
    from civicdesk.ui.ledger.import_wizard import KIND_INSPECTION
    from tests.supervision.test_inspection import add_org

    ctx = make_ctx(db_path)
    admin = auth.create_user(ctx.db, "admin", "admin123x", "admin")
    ctx.user = auth.create_user(ctx.db, "wang", "clerk123x", "clerk", by=admin)
    inspection.open_campaign(ctx.db, 2025, by=ctx.user)
    add_org(ctx.db, "沙湾区书法协会")
    add_org(ctx.db, "沙湾区慈善会")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2025年度年检结果"])
    ws.append(["社会组织名称", "年检结论", "存在问题"])
    ws.append(["沙湾区书法协会", "合格", None])
    ws.append(["沙湾区慈善会", "不合格", None])  # no reasons: the whole sheet waits
    path = tmp_path / "年检结果.xlsx"
    wb.save(path)

    wizard = _wizard(qtbot, ctx, path)
    page = wizard.file_page
    assert not page.year.isVisibleTo(wizard)
    page.kind.setCurrentIndex(page.kind.findData(KIND_INSPECTION))
    assert page.year.isVisibleTo(wizard) and page.year.value() == 2025
    before = digest(db_path)
    report_page = _report_page(qtbot, wizard)
    assert report_page.summary.text().startswith("数据行 2：新登记 1，修改草稿 0，不合格 1；跳过 0 行。")
    assert [(report_page.problems.item(r, 0).text(), report_page.problems.item(r, 1).text())
            for r in range(report_page.problems.rowCount())] == [("4", "C")]
    assert not report_page.isComplete() and not report_page.skip.isVisibleTo(wizard)
    assert not report_page.legacy.isVisibleTo(wizard) and "年检记录" in report_page.review_note.text()
    assert digest(db_path) == before

    ws.cell(row=4, column=3, value="连续两年未开展活动")
    wb.save(path)
    wizard.back()
    assert wizard.currentId() == PAGE_FILE
    wizard.next()
    qtbot.waitUntil(lambda: report_page.report is not None and report_page.isComplete(), timeout=TIMEOUT)
    with qtbot.waitSignal(wizard.imported, timeout=TIMEOUT) as blocker:
        wizard.next()
    assert wizard.currentId() == PAGE_IMPORT and len(blocker.args[0].records) == 2
    qtbot.waitUntil(lambda: wizard.import_page.isComplete(), timeout=TIMEOUT)
    assert "2025年度" in wizard.import_page.status.text()
    assert {r.state for r in inspection.list_records(ctx.db, 2025)} == {"submitted"}
