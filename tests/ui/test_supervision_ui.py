"""The 监管 workbench (issue 16): the menu entry, the window's state, the runner's progress and cancel, the 参数
tab (an administrator sets and resets a value; others read), and both languages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.supervision import parameters
from civicdesk.ui.labels import Labels
from civicdesk.ui.main import install_translators
from civicdesk.ui.supervision.table import selected_row
from civicdesk.ui.supervision.workbench import SupervisionWorkbench
from tests.helpers.db import digest


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})


@pytest.fixture
def office(make_ctx: Any, db_path: Path) -> Iterator[Any]:
    """An office without demo data, an administrator and a clerk; the context acts as the administrator."""
    ctx = make_ctx(db_path)
    ctx.admin = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
    ctx.clerk = auth.create_user(ctx.db, "clerk1", "Passw0rd1", "clerk", full_name="张经办", by=ctx.admin)
    ctx.user = ctx.admin
    ctx.path = db_path
    yield ctx
    ctx.runner.wait()
    QApplication.processEvents()


def settle(ctx: Any) -> None:
    """Let the runner finish and its callbacks run."""
    for _ in range(3):
        ctx.runner.wait()
        QApplication.processEvents()


def open_bench(qtbot: Any, ctx: Any, tab: str | None = None) -> SupervisionWorkbench:
    bench = SupervisionWorkbench(ctx, Labels(ctx.db, ctx.lang))
    qtbot.addWidget(bench)
    bench.show()
    if tab is not None:
        bench.set_tab(tab)
    settle(ctx)
    return bench


def select_parameter(bench: SupervisionWorkbench, key: str, own: bool = False) -> Any:
    tab = bench.parameters
    for r in range(tab.proxy.rowCount()):
        row = tab.proxy.data(tab.proxy.index(r, 0), Qt.ItemDataRole.UserRole + 5)
        if row.key == key and row.own == own and row.legal_form is None:
            tab.table.selectRow(r)
            return row
    raise AssertionError(f"no line {key} own={own}")


# -- the menu and the window ---------------------------------------------------------------------------------------
def test_menu_opens_one_workbench_window(qtbot: Any, office: Any) -> None:
    from civicdesk.ui.main_window import MainWindow

    window = MainWindow(office)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("监管(&U)") == titles.index("系统(&S)") - 1  # before 系统, after the others
    assert len({t.split("&")[1][0] for t in titles if "&" in t}) == len(titles)  # every Alt key once
    action = window.supervision_menu.workbench_action
    assert action.text() == "监管工作台" and action.shortcut() == QKeySequence("Ctrl+J")
    action.trigger()
    bench = window.supervision_menu.workbench
    assert isinstance(bench, SupervisionWorkbench) and bench.isVisible() and not bench.isModal()
    assert [bench.tabs.tabText(i) for i in range(bench.tabs.count())] == \
        ["到期提醒", "年度检查", "等级评估", "双随机抽查", "参数"]
    action.trigger()  # again: the same window, raised, not a second one
    assert window.supervision_menu.workbench is bench
    bench.close()
    settle(office)


def test_workbench_remembers_geometry_and_tab(qtbot: Any, office: Any) -> None:
    bench = open_bench(qtbot, office, "parameters")
    bench.resize(700, 450)
    bench.close()
    again = open_bench(qtbot, office)
    assert again.current_key() == "parameters"
    assert (again.width(), again.height()) == (700, 450)
    qtbot.keyClick(again, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+1: the first tab
    assert again.current_key() == "due"


def test_a_cancelled_load_is_dropped(qtbot: Any, office: Any) -> None:
    """取消 (and Esc) while a load runs: its result never reaches the tab, the bar and the button go away."""
    bench = open_bench(qtbot, office)
    release, got = threading.Event(), []

    def slow(_job: Any) -> str:
        release.wait(10)
        return "late"

    bench.run(slow, got.append, key="slow")
    qtbot.waitUntil(lambda: bench.progress.isVisible(), timeout=3_000)
    assert bench.cancel_button.isVisible()
    qtbot.keyClick(bench, Qt.Key.Key_Escape)  # Esc cancels the load, the window stays
    release.set()
    settle(office)
    assert got == [] and bench.isVisible()
    assert not bench.progress.isVisible() and not bench.cancel_button.isVisible()
    assert "已取消" in bench.status.text()
    bench.run(lambda _job: "now", got.append, key="slow")  # the next load is delivered
    settle(office)
    assert got == ["now"]


# -- 参数 -------------------------------------------------------------------------------------------------------------
def test_parameters_tab_lists_every_rule_with_its_source(qtbot: Any, office: Any) -> None:
    bench = open_bench(qtbot, office, "parameters")
    tab = bench.parameters
    keys = {r.key for r in tab.model.rows()}
    assert keys == set(parameters.defaults())
    row = select_parameter(bench, "spotcheck.min_ratio")
    assert row.own is False and row.id is None
    shown = {tab.model.headerData(c, Qt.Orientation.Horizontal): tab.proxy.data(tab.proxy.index(
        tab.table.currentIndex().row(), c)) for c in range(tab.model.columnCount())}
    assert shown["值"] == "区县 3%，市 4%，省 5%" and shown["来源"] == "默认"
    assert shown["依据"] == parameters.defaults()["spotcheck.min_ratio"].source
    tab.search.setText("材料")  # the text filter
    assert {tab.proxy.data(tab.proxy.index(r, 1)) for r in range(tab.proxy.rowCount())} == {"inspection.materials"}


def test_admin_sets_a_value_with_its_source_and_resets_it(qtbot: Any, office: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    bench = open_bench(qtbot, office, "parameters")
    tab = bench.parameters
    select_parameter(bench, "supervision.due_days")
    assert tab.set_button.isEnabled() and not tab.reset_button.isEnabled() and not tab.why.isVisible()
    dialog = tab.set_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.value.setPlainText("45")
    dialog.source.setText("沙湾区民政局2026年第3号通知")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        dialog.save()
        settle(office)
    assert not dialog.isVisible()
    assert parameters.value(office.db, "supervision.due_days") == 45
    own = select_parameter(bench, "supervision.due_days", own=True)
    assert own.source == "沙湾区民政局2026年第3号通知" and own.edited_by == "admin"
    assert tab.reset_button.isEnabled()
    assert "本机关设定 1 项" in tab.summary.text()
    tab.own_only.setChecked(True)
    assert tab.proxy.rowCount() == 1

    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def question(_parent: Any, _title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply
        return question

    before = digest(office.path)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert tab.reset_selected() is False  # asked, and the answer was no: nothing changes
    settle(office)
    assert digest(office.path) == before and parameters.value(office.db, "supervision.due_days") == 45
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        assert tab.reset_selected() is True
        settle(office)
    assert "到期提醒（天）" in asked[0] and "45" in asked[0]
    assert parameters.value(office.db, "supervision.due_days") == 30
    assert tab.proxy.rowCount() == 0  # only own values shown, and there is none left
    assert "已恢复默认值" in bench.status.text()


@pytest.mark.parametrize(("value", "source", "expected"), [
    ("13-40", "本局通知", ("parameter.bad_value", {"key": "inspection.registry_deadline", "reason": "month_day"})),
    ("06-30", "", ("parameter.source_required", {"key": "inspection.registry_deadline"})),
    ("[1, 2", "本局通知", ("parameter.json", {"value": "[1, 2"})),
])
def test_a_refused_value_stays_in_the_dialog_with_one_line(qtbot: Any, office: Any, value: str, source: str,
                                                           expected: tuple[str, dict[str, Any]]) -> None:
    bench = open_bench(qtbot, office, "parameters")
    select_parameter(bench, "inspection.registry_deadline")
    before = digest(office.path)
    dialog = bench.parameters.set_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.value.setPlainText(value)
    dialog.source.setText(source)
    dialog.save()
    settle(office)
    words = CivicDeskError(expected[0], **expected[1]).message("zh")
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text() == words
    assert "\n" not in dialog.error.text() and dialog.buttons.isEnabled()
    assert digest(office.path) == before
    assert parameters.value(office.db, "inspection.registry_deadline") == "05-31"


def test_a_clerk_reads_the_parameters_and_is_told_why_not_more(qtbot: Any, office: Any) -> None:
    office.user = office.clerk
    bench = open_bench(qtbot, office, "parameters")
    tab = bench.parameters
    select_parameter(bench, "rating.bands")
    assert tab.model.rowCount() > 0
    assert not tab.set_button.isEnabled() and not tab.reset_button.isEnabled()
    role = auth.role_label("clerk", "zh")
    assert tab.why.isVisible() and tab.why.text() == f"监管参数只有管理员可以修改；您的角色（{role}）只能查看。"
    assert tab.set_button.toolTip() == tab.why.text()
    assert tab.set_selected() is None  # double click or Enter does not open the form either


def test_the_service_still_refuses_a_clerk(qtbot: Any, office: Any) -> None:
    """The form is greyed for a clerk; should one reach the service anyway (the role changed while the window
    stayed open), the refusal is the service's one line and the database is unchanged."""
    bench = open_bench(qtbot, office, "parameters")
    select_parameter(bench, "rating.validity_years")
    dialog = bench.parameters.set_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    office.user = office.clerk  # the window was opened as the administrator
    before = digest(office.path, without=("audit_entry",))
    dialog.value.setPlainText("4")
    dialog.source.setText("本局通知")
    dialog.save()
    settle(office)
    assert dialog.isVisible() and dialog.error.text() == CivicDeskError(
        "auth.forbidden", user="clerk1", role="clerk", action="parameters").message("zh")
    assert digest(office.path, without=("audit_entry",)) == before


# -- languages ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_workbench_speaks_one_language(qtbot: Any, make_ctx: Any, shawan_db_path: Path, qapp: QApplication,
                                       lang: str) -> None:
    from tests.ui.test_languages import data_strings, problems

    translators = install_translators(qapp, lang)
    locale = QLocale()
    try:
        ctx = make_ctx(shawan_db_path, lang=lang)
        ctx.user = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
        data = data_strings(shawan_db_path) + ["管理员", "admin"]
        bench = open_bench(qtbot, ctx)
        found = []
        for key in bench.pages:
            bench.set_tab(key)
            settle(ctx)
            found += [f"{key}: {p}" for p in problems(bench, lang, data)]
        select_parameter(bench, "inspection.min_months_registered")
        dialog = bench.parameters.set_selected()
        assert dialog is not None
        qtbot.addWidget(dialog)
        found += [f"dialog: {p}" for p in problems(dialog, lang, data + [dialog.default_source.text()])]
        dialog.close()
        if lang == "en":
            assert bench.windowTitle() == "Supervision workbench"
        assert found == []
        assert selected_row(bench.parameters.table) is not None
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(locale)
