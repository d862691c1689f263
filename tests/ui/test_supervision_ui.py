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
from civicdesk.ui.supervision.workbench import TAB_KEYS, SupervisionWorkbench
from tests.helpers.db import digest


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


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
    # before 培育 and 系统, after the others
    assert titles.index("监管(&U)") == titles.index("培育(&G)") - 1 == titles.index("系统(&S)") - 2
    assert len({t.split("&")[1][0] for t in titles if "&" in t}) == len(titles)  # every Alt key once
    action = window.supervision_menu.workbench_action
    assert action.text() == "监管工作台" and action.shortcut() == QKeySequence("Ctrl+J")
    action.trigger()
    bench = window.supervision_menu.workbench
    assert isinstance(bench, SupervisionWorkbench) and bench.isVisible() and not bench.isModal()
    assert [bench.tabs.tabText(i) for i in range(bench.tabs.count())] == \
        ["到期提醒", "年度检查", "等级评估", "双随机抽查", "信用名单", "约谈与处罚", "举报投诉", "参数"]
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
    assert list(again.pages.made()) == ["parameters"]  # only the shown tab is made on opening
    assert again.parameters.isVisible() and again.parameters.model.rowCount() > 0
    qtbot.keyClick(again, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+1: the first tab
    assert again.current_key() == "due"
    assert list(again.pages) == list(TAB_KEYS) and set(again.pages.made()) == {"parameters", "due"}
    bar = again.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_KEYS.index("rating")).center())
    assert again.current_key() == "rating" and again.rating.isVisible()  # a click makes the tab too
    settle(office)
    assert again.rating.summary.text() != ""
    assert set(again.pages.made()) == {"parameters", "due", "rating"}


def test_the_keyboard_reaches_the_workbench_and_its_forms(qtbot: Any, office: Any) -> None:
    """Ctrl+J from the register opens the workbench, Ctrl+8 its 参数 tab, Ctrl+F its filter, and Enter on a line
    opens the form of an administrator."""
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.supervision.parameters_tab import ParameterDialog

    window = MainWindow(office)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        window.show()
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.supervision_menu.workbench is not None, timeout=5_000)
    bench = window.supervision_menu.workbench
    assert isinstance(bench, SupervisionWorkbench) and bench.isVisible()
    settle(office)
    assert list(bench.pages.made()) == ["due"]  # 到期提醒 by default, the others when first shown
    qtbot.keyClick(bench, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    settle(office)
    assert bench.current_key() == "parameters" and list(bench.pages.made()) == ["due", "parameters"]
    qtbot.keyClick(bench, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bench.parameters.search.hasFocus()
    qtbot.keyClicks(bench.parameters.search, "due_days")
    assert bench.parameters.proxy.rowCount() == 1
    bench.parameters.table.setFocus()
    bench.parameters.table.selectRow(0)
    qtbot.keyClick(bench.parameters.table, Qt.Key.Key_Return)
    dialogs = [d for d in bench.findChildren(ParameterDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].row.key == "supervision.due_days"
    dialogs[0].close()
    bench.close()
    settle(office)


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
        bench.set_tab("parameters")
        select_parameter(bench, "inspection.min_months_registered")
        dialog = bench.parameters.set_selected()
        assert dialog is not None
        qtbot.addWidget(dialog)
        data.append(dialog.default_source.text())  # the rule's source: data, in the language it was written in
        found += [f"dialog: {p}" for p in problems(dialog, lang, data)]
        dialog.close()
        # every tab's forms, on the demo's latest campaign (or one opened from the tab)
        bench.set_tab("inspection")
        settle(ctx)
        if bench.inspection.campaign is None:
            bench.inspection.open_button.click()
            settle(ctx)
        assert bench.inspection.campaign is not None
        found += [f"inspection: {p}" for p in problems(bench, lang, data)]
        forms = {"record": bench.inspection.record, "apply": bench.rating.apply,
                 "plan": bench.spotcheck.new_plan, "inspector": bench.spotcheck.add_inspector}
        for name, make in forms.items():
            form = make()
            assert form is not None, name
            qtbot.addWidget(form)
            found += [f"{name} form: {p}" for p in problems(form, lang, data)]
            form.close()
        if lang == "en":
            assert bench.windowTitle() == "Supervision workbench"
        assert found == []
        assert selected_row(bench.parameters.table) is not None
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(locale)


# -- 等级评估 ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def rated_office(office: Any, clock: Any) -> Any:
    """The office at 2026-11-28 with a social group registered in 2019 and inspected 合格 for 2025 (eligible), and
    a reviewer besides the clerk."""
    from datetime import date

    from civicdesk.services.register import organizations
    from civicdesk.services.supervision import inspection
    from tests.factories import social_group

    org = organizations.add_organization(office.db, social_group(), by=office.admin)
    office.org = organizations.get_organization(office.db, org.id)
    office.reviewer = auth.create_user(office.db, "rev1", "Passw0rd1", "reviewer", full_name="王审核", by=office.admin)
    inspection.open_campaign(office.db, 2025, by=office.clerk)
    inspection.record(office.db, 2025, org.id, {"received_on": date(2026, 4, 1)}, by=office.clerk)
    inspection.submit(office.db, 2025, org.id, by=office.clerk)
    inspection.decide(office.db, 2025, org.id, conclusion="pass", by=office.reviewer)
    return office


def fill_and_save(qtbot: Any, ctx: Any, dialog: Any, **values: Any) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit, QLineEdit, QListWidget, QPlainTextEdit, QSpinBox

    assert dialog is not None
    qtbot.addWidget(dialog)
    for key, value in values.items():
        widget = dialog.fields[key]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QSpinBox):
            widget.setValue(value)
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate(value) if value is not None else widget.minimumDate())
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in value
                                   else Qt.CheckState.Unchecked)
        else:
            widget.setCurrentIndex(widget.findData(value))
    dialog.save()
    settle(ctx)


def test_a_rating_applied_scored_and_decided_with_four_eyes(qtbot: Any, rated_office: Any) -> None:
    from civicdesk.services.supervision import rating
    from civicdesk.ui.supervision.forms import four_eyes_text

    ctx = rated_office  # the administrator enters it: one who may decide, but not what it entered
    bench = open_bench(qtbot, ctx, "rating")
    tab = bench.rating
    assert tab.model.rowCount() == 0 and tab.apply_button.isEnabled()
    dialog = tab.apply()
    fill_and_save(qtbot, ctx, dialog, organization=ctx.org.values["uscc"])
    assert not dialog.isVisible(), dialog.error.text()
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert "✓" in tab.detail.text()  # the eligibility outcomes of the selected application
    assert tab.score_button.isEnabled() and not tab.submit_button.isEnabled()
    assert tab.submit_button.toolTip() == "各部分评分完成后才能提交。"
    dialog = tab.score()
    fill_and_save(qtbot, ctx, dialog, basic=60, governance=385, performance=395, reputation=145)
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    assert tab.selected().total == 985 and tab.selected().grade == "5A"
    tab.submit()
    settle(ctx)
    tab.table.selectRow(0)
    assert tab.selected().state == "submitted"
    # who entered and submitted it: 评定 and 不予评定 greyed, the line under the buttons says why
    assert not tab.decide_button.isEnabled() and not tab.refuse_button.isEnabled()
    assert tab.why.isVisible() and tab.why.text() == four_eyes_text() == tab.decide_button.toolTip()
    ctx.user = ctx.clerk  # a clerk may not decide at all
    tab.refresh_actions()
    role = auth.role_label("clerk", "zh")
    assert tab.decide_button.toolTip() == f"您的角色（{role}）不能作出决定：须由审核人员或管理员决定。"
    ctx.user = ctx.reviewer  # another reviewer decides
    tab.refresh_actions()
    assert tab.decide_button.isEnabled() and not tab.why.isVisible()
    before = digest(ctx.path)
    dialog = tab.decide()
    fill_and_save(qtbot, ctx, dialog, decision_no="")  # no 文号: refused in one line, nothing written
    assert dialog.isVisible() and dialog.error.text() == CivicDeskError("rating.decision_no_required").message("zh")
    assert digest(ctx.path) == before
    fill_and_save(qtbot, ctx, dialog, decision_no="沙民评〔2026〕1号")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    decided = tab.selected()
    assert decided.state == "decided" and decided.current_grade == "5A" and decided.decided_by == "rev1"
    assert rating.list_ratings(ctx.db)[0].valid_to == decided.valid_to
    assert tab.lower_button.isEnabled() and tab.cancel_button.isEnabled()
    dialog = tab.lower_grade()
    fill_and_save(qtbot, ctx, dialog, grade="4A", reason="年检基本合格")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    assert tab.selected().current_grade == "4A" and "年检基本合格" in tab.detail.text()


def test_the_expiring_filter_and_the_due_panel_list_a_rating_near_its_end(qtbot: Any, rated_office: Any,
                                                                         clock: Any) -> None:
    from civicdesk.services.supervision import rating

    ctx = rated_office
    a = rating.apply(ctx.db, ctx.org.id, 2026, by=ctx.clerk)
    rating.score(ctx.db, a.id, {"basic": 60, "governance": 385, "performance": 395, "reputation": 145}, by=ctx.clerk)
    rating.submit(ctx.db, a.id, by=ctx.clerk)
    decided = rating.decide(ctx.db, a.id, by=ctx.reviewer, decision_no="沙民评〔2026〕2号")
    assert decided.valid_to is not None
    clock.advance(days=(decided.valid_to - clock.today()).days - 20)  # 20 days before its end
    bench = open_bench(qtbot, ctx, "rating")
    tab = bench.rating
    tab.expiring.setChecked(True)
    settle(ctx)
    assert tab.model.rowCount() == 1 and "90" in tab.expiring.text()
    bench.set_tab("due")
    settle(ctx)
    panel = bench.due
    assert panel.models["expiring"].rowCount() == 1
    assert panel.groups["expiring"].title() == "即将到期的评估等级（1）"
    assert panel.models["expiring"].data(panel.models["expiring"].index(0, 2)) == "20 天"
    panel.tables["expiring"].selectRow(0)
    panel.open_line("expiring")  # Enter on the line: the rating tab, filtered to the organization
    assert bench.current_key() == "rating" and tab.search.text() == ctx.org.name


# -- 年度检查 ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def inspected_office(office: Any, clock: Any) -> Any:
    """The office at 2026-11-28 with one social group registered in 2019 (due in the 2025 campaign), a reviewer."""
    from civicdesk.services.register import organizations
    from tests.factories import social_group

    org = organizations.add_organization(office.db, social_group(), by=office.admin)
    office.org = organizations.get_organization(office.db, org.id)
    office.reviewer = auth.create_user(office.db, "rev1", "Passw0rd1", "reviewer", full_name="王审核", by=office.admin)
    return office


def test_an_inspection_opened_recorded_and_decided_with_four_eyes(qtbot: Any, inspected_office: Any) -> None:
    from datetime import date

    from civicdesk.services.supervision import inspection
    from civicdesk.ui.supervision.forms import four_eyes_text

    ctx = inspected_office
    bench = open_bench(qtbot, ctx, "inspection")
    tab = bench.inspection
    assert tab.year.value() == 2025 and tab.campaign is None  # last year's, as no campaign was ever run
    assert tab.open_button.isVisible() and tab.figures.text() == "2025年度尚未开始年检。"
    assert not tab.record_button.isEnabled()
    tab.open_button.click()
    settle(ctx)
    assert tab.campaign is not None and tab.campaign.year == 2025 and not tab.open_button.isVisible()
    assert "应检 1，已报送 0，已作结论 0，参检率 0.0%" in tab.figures.text()
    bench.set_tab("due")
    settle(ctx)
    assert bench.due.models["overdue"].rowCount() == 1, bench.status.text()  # due on 31 May 2026, no report: overdue
    bench.set_tab("inspection")

    before = digest(ctx.path, without=("audit_entry",))
    dialog = tab.record()
    fill_and_save(qtbot, ctx, dialog, organization=ctx.org.values["uscc"], received_on=date(2025, 12, 1))
    assert dialog.isVisible() and dialog.error.text() == CivicDeskError(
        "inspection.received_too_early", value="2025-12-01", first="2026-01-01", year=2025).message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before  # refused: nothing written
    fill_and_save(qtbot, ctx, dialog, received_on=date(2026, 4, 20), materials=["report", "financial"],
                  income="120000.50", member_count="86")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    r = tab.selected()
    assert r.state == "draft" and r.materials == ["report", "financial"] and r.member_count == 86
    tab.submit()
    settle(ctx)
    tab.table.selectRow(0)
    assert tab.selected().state == "submitted"
    # the administrator entered and submitted it: no decision of its own, and the line says why
    assert not tab.decide_button.isEnabled() and not tab.return_button.isEnabled()
    assert tab.why.isVisible() and tab.why.text() == four_eyes_text()
    ctx.user = ctx.reviewer
    tab.refresh_actions()
    assert tab.decide_button.isEnabled() and not tab.why.isVisible()
    before = digest(ctx.path, without=("audit_entry",))
    dialog = tab.decide()
    fill_and_save(qtbot, ctx, dialog, conclusion="basic")  # 基本合格 without reasons: refused
    assert dialog.isVisible() and dialog.error.text() == CivicDeskError(
        "inspection.reasons_required", conclusion="basic").message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before
    fill_and_save(qtbot, ctx, dialog, reasons="财务制度不健全", document_no="沙民检〔2026〕3号")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    assert tab.selected().state == "decided" and tab.selected().decided_by == "rev1"
    assert "已作结论 1，参检率 100.0%" in tab.figures.text() and "基本合格 1" in tab.figures.text()
    assert inspection.participation(ctx.db, 2025).total.rate == 1.0
    tab.conclusion.setCurrentIndex(tab.conclusion.findData("fail"))  # the conclusion filter
    assert tab.proxy.rowCount() == 0
    tab.conclusion.setCurrentIndex(tab.conclusion.findData("basic"))
    assert tab.proxy.rowCount() == 1


def test_the_tab_opens_on_the_latest_campaign(qtbot: Any, inspected_office: Any) -> None:
    """Last year has no campaign, 2020 has one (the demo's): the tab shows 2020 with its figures; choosing a
    year without one offers to open it."""
    from civicdesk.services.supervision import inspection

    ctx = inspected_office
    inspection.open_campaign(ctx.db, 2020, by=ctx.clerk)
    bench = open_bench(qtbot, ctx, "inspection")
    tab = bench.inspection
    assert tab.year.value() == 2020 and tab.campaign is not None and tab.campaign.year == 2020
    assert tab.figures.text().startswith("2020年度年检（进行中）：应检 ") and not tab.open_button.isVisible()
    tab.year.setValue(2024)
    settle(ctx)
    assert tab.campaign is None and tab.open_button.isVisible() and tab.year.value() == 2024


# -- 双随机抽查 ------------------------------------------------------------------------------------------------------
def test_a_spot_check_planned_drawn_verified_and_recorded(qtbot: Any, inspected_office: Any, clock: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from civicdesk import messages
    from civicdesk.services.supervision import spotcheck

    ctx = inspected_office
    bench = open_bench(qtbot, ctx, "spotcheck")
    tab = bench.spotcheck
    for name in ("李检查", "赵检查"):
        fill_and_save(qtbot, ctx, tab.add_inspector(), name=name, unit="社会组织管理科")
    assert [i.name for i in spotcheck.list_inspectors(ctx.db)] == ["李检查", "赵检查"]
    before = digest(ctx.path, without=("audit_entry",))
    dialog = tab.new_plan()
    fill_and_save(qtbot, ctx, dialog, ratio="1%")  # under the county's legal minimum of 3%
    assert dialog.isVisible() and dialog.error.text() and "\n" not in dialog.error.text()
    assert digest(ctx.path, without=("audit_entry",)) == before
    fill_and_save(qtbot, ctx, dialog, ratio="3%", title="2026年度双随机抽查")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    assert tab.selected().state == "planned" and tab.draw_button.isEnabled() and not tab.verify_button.isEnabled()
    before = digest(ctx.path)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    assert tab.draw() is False  # asked, and the answer was no: nothing drawn
    settle(ctx)
    assert digest(ctx.path) == before and spotcheck.list_plans(ctx.db)[0].state == "planned"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert tab.draw() is True
    settle(ctx)
    tab.table.selectRow(0)
    settle(ctx)
    plan = tab.selected()
    assert plan.state == "drawn" and plan.drawn_count == 1 and tab.items_model.rowCount() == 1
    assert not tab.draw_button.isEnabled() and "不能重做" in tab.draw_button.toolTip()
    tab.verify()
    settle(ctx)
    result = spotcheck.verify(ctx.db, plan.id)
    assert result.matches and bench.status.text() == messages.text(result.code, "zh", **result.params)
    tab.items.selectRow(0)
    dialog = tab.record_item()
    today = clock.today()
    before = digest(ctx.path, without=("audit_entry",))
    fill_and_save(qtbot, ctx, dialog, notice_on=today, checked_on=today, findings="财务凭证不全", result="rectify")
    assert dialog.isVisible() and dialog.error.isVisible()  # 责令整改 without a date to rectify by: refused
    assert "\n" not in dialog.error.text() and digest(ctx.path, without=("audit_entry",)) == before
    fill_and_save(qtbot, ctx, dialog, rectify_by=today + timedelta(days=10))
    assert not dialog.isVisible(), dialog.error.text()
    assert spotcheck.list_items(ctx.db, plan.id)[0].result == "rectify"
    clock.advance(days=20)  # the rectification date passed, nothing recorded since
    bench.set_tab("due")
    bench.due.reload()
    settle(ctx)
    assert bench.due.models["rectify"].rowCount() == 1
    assert bench.due.models["rectify"].data(bench.due.models["rectify"].index(0, 2)) == "逾期 10 天"
