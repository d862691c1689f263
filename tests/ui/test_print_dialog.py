"""File > 打印…: the dialog takes the main window's filter, previews real pages, saves a PDF through the
runner with progress, and a cancelled save leaves no file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtGui import QAction

from civicdesk.services.register.browse import RegisterFilter
from civicdesk.ui.labels import Labels
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.printing.print_dialog import PrintDialog
from tests.services.test_printing import assert_fonts_embedded, text_of


def _dialog(qtbot, ctx, **kwargs) -> PrintDialog:
    dialog = PrintDialog(ctx, Labels(ctx.db, ctx.lang), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_save_uses_the_current_filter_and_reports_progress(qtbot, make_ctx, shawan_db_path: Path,
                                                           tmp_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    dialog = _dialog(qtbot, ctx, current_filter=RegisterFilter(tier="filed"))
    assert dialog.current_kind() == "register" and "乡镇（街道）备案" in dialog.filter_words.text()
    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)
    out = tmp_path / "filed.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as blocker:
        dialog.save_to(out)
        assert dialog.cancel_button.isEnabled() and not dialog.save_button.isEnabled()
    result = blocker.args[0]
    assert result.path == out and out.is_file()
    text = text_of(out)
    assert "乐山市沙湾区社区社会组织名录" in text and f"合计 {result.facts['rows']} 个" in text
    conn = sqlite3.connect(shawan_db_path)
    filed = conn.execute("SELECT count(*) FROM organization WHERE tier = 'filed' AND deleted_at IS NULL AND "
                         "status IN ('active', 'suspended', 'liquidating')").fetchone()[0]
    conn.close()
    assert result.facts["rows"] == filed > 0
    assert_fonts_embedded(out)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert "已保存" in dialog.status.text() and steps


def test_preview_shows_rendered_pages(qtbot, make_ctx, city_db_path: Path) -> None:
    ctx = make_ctx(city_db_path)
    dialog = _dialog(qtbot, ctx)
    dialog.set_kind("statistics")
    assert dialog.pages.currentWidget() is dialog._panels["statistics"]
    with qtbot.waitSignal(dialog.previewed, timeout=60_000) as blocker:
        dialog.preview_button.click()
    result = blocker.args[0]
    qtbot.waitUntil(lambda: len(dialog.preview_pixmaps()) == min(result.pages, 6))
    pixmap = dialog.preview_pixmaps()[0]
    assert not pixmap.isNull() and pixmap.height() > pixmap.width() > 400  # A4 portrait at 60 dpi
    image = pixmap.toImage()
    dark = sum(1 for y in range(0, image.height(), 7) for x in range(0, image.width(), 7)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # text was drawn, not a blank page
    assert "统计报告" in dialog.status.text()


def test_cancel_leaves_no_file(qtbot, make_ctx, city_db_path: Path, tmp_path: Path) -> None:
    ctx = make_ctx(city_db_path)
    dialog = _dialog(qtbot, ctx, current_filter=RegisterFilter(status=None))
    folder = tmp_path / "out"
    folder.mkdir()
    with qtbot.waitSignal(dialog.cancelled, timeout=60_000):
        dialog.save_to(folder / "everything.pdf")  # 7,403 rows: seconds of work, cancelled at once
        dialog.cancel_button.click()
    assert list(folder.iterdir()) == []
    assert "已取消" in dialog.status.text() and dialog.save_button.isEnabled()


def test_errors_are_shown_and_organization_sheet_prints(qtbot, make_ctx, shawan_db_path: Path,
                                                        tmp_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    dialog = _dialog(qtbot, ctx, selected_id="no-such-id")
    dialog.hide()  # no message box in the test: the status line and the signal carry the error
    dialog.set_kind("organization")
    with qtbot.waitSignal(dialog.failed, timeout=30_000) as blocker:
        dialog.save_to(tmp_path / "x.pdf")
    assert "no-such-id" in blocker.args[0] and not (tmp_path / "x.pdf").exists()
    dialog.org_key.setText("51511111MJ00000933")
    dialog.public.setChecked(True)
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        dialog.save_to(tmp_path / "sheet")
    assert "沙湾区羽毛球协会" in text_of(tmp_path / "sheet.pdf")


def test_main_window_file_menu_opens_the_dialog_with_its_filter(qtbot, make_ctx,
                                                                shawan_db_path: Path) -> None:
    window = MainWindow(make_ctx(shawan_db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    bar = window.filter_bar
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        bar.tier.setCurrentIndex(bar.tier.findData("guided"))
    action = next(a for a in window.findChildren(QAction) if a.text() == "打印…")
    assert action.shortcut().toString() != ""
    action.trigger()
    dialog = window.findChild(PrintDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.options().filter.tier == "guided"
    dialog.reject()


def test_the_supervision_kinds_have_their_options_and_spotcheck_saves_xlsx(qtbot, make_ctx, shawan_db_path: Path,
                                                                          tmp_path: Path, clock) -> None:
    from openpyxl import load_workbook

    from civicdesk.services.supervision import inspection, spotcheck

    ctx = make_ctx(shawan_db_path)
    inspection.open_campaign(ctx.db, 2025, by=None)  # the demo has no account: the system acts
    spotcheck.add_inspector(ctx.db, "张检查", by=None)
    spotcheck.add_inspector(ctx.db, "李检查", by=None)
    plan = spotcheck.draw(ctx.db, spotcheck.plan(ctx.db, 2026, "0.03", by=None).id, by=None)
    undrawn = spotcheck.plan(ctx.db, 2026, "0.05", by=None)  # not drawn: not offered
    dialog = _dialog(qtbot, ctx)
    dialog.set_kind("inspection")
    assert dialog.pages.currentWidget() is dialog._panels["inspection"]
    assert dialog.inspection_year.value() == 2025  # last year by default
    dialog.inspection_report.setCurrentIndex(dialog.inspection_report.findData("participation"))
    out = tmp_path / "rate.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=60_000):
        dialog.save_to(out)
    assert "2025年度社会组织年度检查参检情况报告" in text_of(out).replace(" ", "").replace("\n", "")
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.set_kind("spotcheck")
    offered = [dialog.spotcheck_plan.itemData(i) for i in range(dialog.spotcheck_plan.count())]
    assert offered[0] == plan.id and undrawn.id not in offered  # the newest first; the demo's 2020 plan after
    assert [p.id for p in spotcheck.list_plans(ctx.db) if p.state in ("drawn", "completed")] == offered
    out = tmp_path / "抽查结果.xlsx"
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as blocker:
        dialog.save_to(out)
    assert blocker.args[0].path == out
    rows = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + len(plan.items)


def test_the_disclosure_kinds_have_their_options_and_save_csv(qtbot, make_ctx, shawan_db_path: Path,
                                                              tmp_path: Path, clock) -> None:
    """The credit lists and the penalties: their panels, the public version, and a .csv for the portal."""
    from civicdesk.services.printing.kind_credit import CreditListOptions, PenaltiesOptions

    ctx = make_ctx(shawan_db_path)
    dialog = _dialog(qtbot, ctx)
    dialog.set_kind("penalties")
    assert dialog.pages.currentWidget() is dialog._panels["penalties"]
    assert dialog.options() == PenaltiesOptions(clock.today().year)  # this year by default
    dialog.set_kind("credit-list")
    dialog.credit_list.setCurrentIndex(dialog.credit_list.findData("serious"))
    dialog.credit_state.setCurrentIndex(dialog.credit_state.findData("all"))
    assert dialog.options() == CreditListOptions("serious", "all")
    dialog.public.setChecked(True)
    out = tmp_path / "名单.csv"
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as blocker:
        dialog.save_to(out)
    assert blocker.args[0].path == out and blocker.args[0].public
    assert out.read_text(encoding="utf-8-sig").startswith('"序号","名单","社会组织名称"')
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    out = tmp_path / "名单.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=60_000):
        dialog.save_to(out)
    assert "严重违法失信名单" in text_of(out).replace(" ", "").replace("\n", "")
