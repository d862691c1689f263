"""The main window as a clerk uses it: search by typing, filter, select, open, keyboard, remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.register.org_table_model import COL_ADDRESS, COL_NAME


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: window.count_label.text() != "", timeout=20_000)  # the count follows the first page
    return window


def test_typing_a_search_shows_its_matches(qtbot, make_ctx, city_db_path: Path) -> None:
    window = _window(qtbot, make_ctx(city_db_path))
    assert "7,353" in window.count_label.text()
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as blocker:
        window.filter_bar.search.insert("通江")  # as an input method commits it (QTest types ASCII only)
    assert blocker.args == [118]
    assert "118" in window.count_label.text()
    for row in range(5):
        name = window.model.data(window.model.index(row, COL_NAME))
        address = window.model.data(window.model.index(row, COL_ADDRESS))
        assert "通江" in name + address
    window.filter_bar.search.clear()
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as blocker:
        qtbot.keyClicks(window.filter_bar.search, "lnxh")
    assert blocker.args == [1370]
    assert window.model.data(window.model.index(0, COL_NAME)).endswith("老年协会")


def test_filters_combine(qtbot, make_ctx, city_db_path: Path) -> None:
    window = _window(qtbot, make_ctx(city_db_path))
    bar = window.filter_bar
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as blocker:
        bar.tier.setCurrentIndex(bar.tier.findData("filed"))
    assert blocker.args == [52]
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        bar.division.setCurrentIndex(bar.division.findData("511111"))
    assert bar.township.isEnabled() and bar.township.count() > 2
    assert all(window.model.row_at(r).division_code == "511111" for r in range(window.model.rowCount()))


def test_selecting_shows_details_with_masked_id(qtbot, make_ctx, shawan_db_path: Path) -> None:
    window = _window(qtbot, make_ctx(shawan_db_path))
    qtbot.waitUntil(lambda: window.model.seq_at(0) is not None)
    window.table.selectRow(0)
    name = window.model.data(window.model.index(0, COL_NAME))
    qtbot.waitUntil(lambda: window.detail.record is not None and window.detail.record.name == name, timeout=10_000)
    text = window.detail.toPlainText()
    assert name in text and "**********" in text


def test_keyboard(qtbot, make_ctx, shawan_db_path: Path) -> None:
    window = _window(qtbot, make_ctx(shawan_db_path))
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.filter_bar.search
    window.table.setFocus()
    window.table.selectRow(2)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    from civicdesk.ui.register.org_view import OrgViewDialog

    qtbot.waitUntil(lambda: any(isinstance(w, OrgViewDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, OrgViewDialog) and w.isVisible())
    qtbot.waitUntil(lambda: dialog.pane.record is not None, timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_columns_and_window_state_are_remembered(qtbot, make_ctx, shawan_db_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    window = _window(qtbot, ctx)
    header = window.table.horizontalHeader()
    header.setSectionHidden(COL_ADDRESS, False)
    header.moveSection(COL_ADDRESS, 1)
    header.resizeSection(COL_NAME, 333)
    window.close()
    again = _window(qtbot, ctx)
    header = again.table.horizontalHeader()
    assert not header.isSectionHidden(COL_ADDRESS)
    assert header.visualIndex(COL_ADDRESS) == 1
    assert header.sectionSize(COL_NAME) == 333


def test_new_organization_through_the_form_is_found_in_the_table(qtbot, make_ctx, db_path: Path) -> None:
    """Ctrl+N, a wrong USCC corrected, save: the new organization is selected in the register and searchable."""
    from tests.ui.test_org_form import GOOD_USCC, fill_social_group

    from civicdesk.ui.register.org_form import OrgFormDialog

    window = MainWindow(make_ctx(db_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        window.show()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, OrgFormDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    form = next(w for w in QApplication.topLevelWidgets() if isinstance(w, OrgFormDialog) and w.isVisible())
    qtbot.addWidget(form, before_close_func=lambda d: setattr(d, "confirm_discard", lambda: True))
    form.legacy_box.setChecked(True)  # direct entry (admins; issue 4): the register changes at once, no filing
    fill_social_group(qtbot, form, GOOD_USCC[:17] + ("0" if GOOD_USCC[17] != "0" else "1"))
    form.validate_now()
    assert "统一社会信用代码校验位错误" in form.field_message("uscc")
    assert not form.save_button.isEnabled()
    form.editors["uscc"].clear()
    qtbot.keyClicks(form.editors["uscc"], GOOD_USCC)
    form.validate_now()
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=20_000) as saved:
        form.request_save()
    new_id = saved.args[0]
    qtbot.waitUntil(lambda: window.selected_id() == new_id, timeout=20_000)
    assert window.model.rowCount() == 1
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as found:
        qtbot.keyClicks(window.filter_bar.search, GOOD_USCC[:10])
    assert found.args == [1]


def test_the_window_fits_a_laptop_screen_in_both_languages(qtbot, qapp, make_ctx, db_path: Path) -> None:
    """A 1,366-pixel-wide screen holds the whole window: the filter choices narrow (their lists still show each
    choice whole) instead of making the window wider than the screen."""
    from civicdesk.ui.main import install_translators

    for lang in ("zh", "en"):
        translators = install_translators(qapp, lang) if lang == "en" else []
        try:
            ctx = make_ctx(db_path, lang)
            window = MainWindow(ctx)
            qtbot.addWidget(window)
            window.show()
            assert window.minimumSizeHint().width() <= 1366, lang
            window.resize(1366, 700)
            qtbot.waitUntil(lambda w=window: w.width() <= 1366)
            assert all(c.width() >= c.minimumWidth() for c in (window.filter_bar.legal_form, window.filter_bar.credit))
            window.close()
            ctx.runner.wait()
        finally:
            for t in translators:
                qapp.removeTranslator(t)
