"""The workbench's 约谈与处罚 and 举报投诉 tabs and the 监管记录 dialog (issue 17): a penalty entered and decided with
four eyes through the forms, a bad amount refused in the form, a complaint received without its reporter ever in
the table, the reporter read only by a reviewer (audited), the overdue filter, the timeline in the service's
order."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import audit, auth
from civicdesk.services.supervision import complaints, history, interviews, penalties
from civicdesk.ui.supervision.forms import four_eyes_text
from civicdesk.ui.supervision.table import BAD
from tests.helpers.db import digest
from tests.ui.test_supervision_ui import cheap_hashes, fill_and_save, office, open_bench, settle  # noqa: F401


@pytest.fixture
def enforced_office(office: Any, clock: Any) -> Any:  # noqa: F811
    """The office at 2026-11-28 with a registered social group and a reviewer besides the clerk."""
    from civicdesk.services.register import organizations
    from tests.factories import social_group

    org = organizations.add_organization(office.db, social_group(), by=office.admin)
    office.org = organizations.get_organization(office.db, org.id)
    office.uscc = office.org.values["uscc"]
    office.reviewer = auth.create_user(office.db, "rev1", "Passw0rd1", "reviewer", full_name="王审核", by=office.admin)
    return office


def cells(tab: Any, model: Any = None) -> list[str]:
    """Every cell's words and tooltip of a tab's table."""
    model = model or tab.model
    out = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            out += [str(model.data(index) or ""), str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")]
    return out


# -- 约谈与处罚 -------------------------------------------------------------------------------------------------------
def test_a_penalty_entered_and_decided_by_another_reviewer(qtbot: Any, enforced_office: Any) -> None:
    ctx = enforced_office  # the administrator enters it: one who may decide, but not what it entered
    bench = open_bench(qtbot, ctx, "enforcement")
    tab = bench.enforcement
    assert [bench.tabs.tabText(i) for i in range(bench.tabs.count())][-3:] == ["约谈与处罚", "举报投诉", "参数"]
    assert tab.model.rowCount() == 0 and tab.enter_button.isEnabled() and not tab.decide_button.isEnabled()
    dialog = tab.enter()
    assert dialog is not None
    dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("warning"))
    assert not dialog.fields["amount"].isEnabled() and not dialog.fields["suspended_from"].isEnabled()
    before = digest(ctx.path, without=("audit_entry",))
    fill_and_save(qtbot, ctx, dialog, organization=ctx.uscc, case_no="沙民罚立〔2026〕1号", kind="fine",
                  amount="-500", facts="未按规定办理变更登记", basis="《社会团体登记管理条例》第三十条")
    assert dialog.fields["amount"].isEnabled()
    assert dialog.isVisible() and dialog.error.text() == CivicDeskError(
        "enforce.bad_amount", field="amount", value="-500").message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before and penalties.list_penalties(ctx.db) == []
    fill_and_save(qtbot, ctx, dialog, amount="5000")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    p = tab.selected()
    assert p.state == "draft" and p.entered_by == "admin" and str(p.amount) == "5000.00"
    assert tab.proxy.data(tab.proxy.index(0, 3)) == "立案调查中"
    # who entered it: 作出处罚决定 greyed, the line under the buttons says why
    assert not tab.decide_button.isEnabled() and tab.decide() is None
    assert tab.why.isVisible() and tab.why.text() == four_eyes_text() == tab.decide_button.toolTip()
    ctx.user = ctx.clerk  # a clerk may not decide at all
    tab.refresh_actions()
    role = auth.role_label("clerk", "zh")
    assert not tab.decide_button.isEnabled()
    assert tab.decide_button.toolTip() == f"您的角色（{role}）不能作出决定：须由审核人员或管理员决定。"
    ctx.user = ctx.reviewer
    tab.refresh_actions()
    assert tab.decide_button.isEnabled() and not tab.why.isVisible()
    dialog = tab.decide()
    fill_and_save(qtbot, ctx, dialog, decision_no="沙民罚〔2026〕1号")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    decided = tab.selected()
    assert decided.state == "decided" and decided.decided_by == "rev1" and decided.appeal_by is not None
    assert not tab.decide_button.isEnabled() and tab.withdraw_button.isEnabled()
    tab.state.setCurrentIndex(tab.state.findData("draft"))  # the state filter
    assert tab.proxy.rowCount() == 0
    tab.state.setCurrentIndex(0)
    tab.kind.setCurrentIndex(tab.kind.findData("fine"))  # the kind filter
    assert tab.proxy.rowCount() == 1


def test_deciding_a_revocation_says_it_starts_a_filing(qtbot: Any, enforced_office: Any) -> None:
    ctx = enforced_office
    penalties.enter(ctx.db, ctx.org.id, case_no="沙民罚立〔2026〕2号", kind="revocation", facts="连续两年未年检",
                    basis="《社会团体登记管理条例》第三十条", by=ctx.clerk)
    ctx.user = ctx.reviewer
    bench = open_bench(qtbot, ctx, "enforcement")
    bench.enforcement.table.selectRow(0)
    dialog = bench.enforcement.decide()
    assert dialog is not None
    qtbot.addWidget(dialog)
    note = dialog.findChild(type(bench.enforcement.why), "note").text()
    assert "撤销登记申请" in note and "审核" in note
    dialog.close()


def test_an_interview_recorded_and_its_outcome(qtbot: Any, enforced_office: Any, clock: Any) -> None:
    ctx = enforced_office
    ctx.user = ctx.clerk
    bench = open_bench(qtbot, ctx, "enforcement")
    tab = bench.enforcement
    dialog = tab.record_interview()
    fill_and_save(qtbot, ctx, dialog, organization=ctx.uscc, held_at="2026-11-20 09:30", place="区民政局会议室",
                  participants="会长 李明", issues="未按期换届", rectification="三个月内完成换届",
                  rectify_by=clock.today() + timedelta(days=90))
    assert not dialog.isVisible(), dialog.error.text()
    assert tab.interview_model.rowCount() == 1 and not tab.outcome_button.isEnabled()
    tab.interviews.selectRow(0)
    assert tab.outcome_button.isEnabled() and tab.timeline_button.isEnabled()
    dialog = tab.record_outcome()
    fill_and_save(qtbot, ctx, dialog, outcome="已召开会员大会完成换届")
    assert not dialog.isVisible(), dialog.error.text()
    tab.interviews.selectRow(0)
    assert interviews.list_interviews(ctx.db)[0].outcome == "已召开会员大会完成换届"
    assert not tab.outcome_button.isEnabled() and tab.outcome_button.toolTip() == "这次约谈的结果已经录入。"


# -- 举报投诉 ---------------------------------------------------------------------------------------------------------
def test_a_complaint_received_never_shows_its_reporter(qtbot: Any, enforced_office: Any) -> None:
    ctx = enforced_office
    ctx.user = ctx.clerk
    bench = open_bench(qtbot, ctx, "complaints")
    tab = bench.complaints
    dialog = tab.receive()
    assert dialog is not None
    dialog.fields["anonymous"].setChecked(True)
    assert not dialog.fields["reporter_name"].isEnabled()
    dialog.fields["anonymous"].setChecked(False)
    fill_and_save(qtbot, ctx, dialog, channel="phone", organization=ctx.uscc, content="收取会费未开具票据",
                  reporter_name="赵举报", reporter_phone="13900001111", reporter_address="沙湾区嘉农路1号")
    assert not dialog.isVisible(), dialog.error.text()
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    shown = cells(tab) + [tab.detail.text(), tab.summary.text()]
    assert any(ctx.org.name in words for words in shown)
    assert not any(secret in words for words in shown for secret in ("赵举报", "13900001111", "嘉农路1号"))
    # a clerk may not read who reported it: greyed, and the line says why
    assert not tab.reporter_button.isEnabled() and tab.why.isVisible()
    assert tab.reporter_button.toolTip() == tab.why.text() and "审计" in tab.why.text()
    tab.show_reporter()
    settle(ctx)
    assert not hasattr(tab, "reporter_dialog")
    ctx.user = ctx.reviewer
    tab.refresh_actions()
    assert tab.reporter_button.isEnabled() and not tab.why.isVisible()
    tab.show_reporter()
    settle(ctx)
    dialog = tab.reporter_dialog
    qtbot.addWidget(dialog)
    words = [w.text() for w in dialog.findChildren(type(tab.why))]
    assert "赵举报" in words and "13900001111" in words
    assert any("本次查看已记入审计日志" in w for w in words)
    read = audit.entries(ctx.db, action="complaint.reporter_read", by=ctx.admin)
    assert len(read) == 1 and read[0].actor == "rev1" and read[0].entity_id == tab.selected().id
    assert "赵举报" not in str(read[0].details)
    dialog.close()


def test_the_overdue_filter(qtbot: Any, enforced_office: Any, clock: Any) -> None:
    ctx = enforced_office
    today = clock.today()
    late = complaints.receive(ctx.db, received_on=today, channel="letter", organization=ctx.org.id,
                              content="理事会长期不开会", reporter={"anonymous": True}, by=ctx.clerk)
    complaints.assign(ctx.db, late.id, to="clerk1", by=ctx.clerk)
    complaints.receive(ctx.db, received_on=today, channel="online", subject_name="沙湾区某未登记协会",
                       content="以协会名义收费", reporter={"anonymous": True}, by=ctx.clerk)
    clock.advance(days=65)  # the reply was due 60 days after it was received
    bench = open_bench(qtbot, ctx, "complaints")
    tab = bench.complaints
    assert tab.model.rowCount() == 2
    tab.overdue.setChecked(True)
    settle(ctx)
    assert tab.model.rowCount() == 1 and tab.model.row_at(0).id == late.id
    column = tab.model.column_of("late")
    index = tab.model.index(0, column)
    assert tab.model.data(index) == "逾期 5 天"
    assert tab.model.data(index, Qt.ItemDataRole.ForegroundRole).color() == BAD
    assert "逾期 1 件" in tab.summary.text()
    tab.overdue.setChecked(False)
    settle(ctx)
    assert tab.model.rowCount() == 2


# -- 监管记录 ---------------------------------------------------------------------------------------------------------
def test_the_timeline_lists_the_organizations_entries_in_the_services_order(qtbot: Any, enforced_office: Any,
                                                                           clock: Any) -> None:
    from civicdesk.ui.labels import Labels
    from civicdesk.ui.register.detail_pane import DetailPane
    from civicdesk.ui.supervision.timeline_dialog import TimelineDialog

    ctx = enforced_office
    c = complaints.receive(ctx.db, received_on=clock.today() - timedelta(days=20), channel="visit",
                           organization=ctx.org.id, content="会费收支不公开", reporter={"name": "钱某"}, by=ctx.clerk)
    interviews.record(ctx.db, ctx.org.id, held_at=f"{clock.today() - timedelta(days=10)} 09:30", place="局会议室",
                      participants="会长", issues="会费收支不公开", complaint=c.id, by=ctx.clerk)
    p = penalties.enter(ctx.db, ctx.org.id, case_no="沙民罚立〔2026〕3号", kind="warning", facts="会费收支不公开",
                        basis="《社会团体登记管理条例》第三十条", complaint=c.id, by=ctx.clerk)
    penalties.decide(ctx.db, p.id, decision_no="沙民罚〔2026〕3号", by=ctx.reviewer)
    expected = history.history(ctx.db, ctx.org.id).entries
    bench = open_bench(qtbot, ctx, "enforcement")
    tab = bench.enforcement
    tab.table.selectRow(0)
    dialog = tab.show_timeline()
    assert isinstance(dialog, TimelineDialog)
    qtbot.addWidget(dialog)
    settle(ctx)
    assert [e.id for e in dialog.entries()] == [e.id for e in expected] and len(expected) == 3
    assert [dialog.proxy.data(dialog.proxy.index(r, 0)) for r in range(3)] == [e.day.isoformat() for e in expected]
    assert dialog.proxy.data(dialog.proxy.index(0, 1)) == "行政处罚"
    assert dialog.proxy.data(dialog.proxy.index(0, 2)) == expected[0].summary("zh")
    dialog.table.clearSelection()
    text = dialog.copy()  # nothing selected: every line
    assert QApplication.clipboard().text() == text and text.splitlines()[0] == ctx.org.name
    assert len(text.splitlines()) == 4 and "沙民罚〔2026〕3号" in text
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # read only: Enter opens nothing and keeps the dialog
    assert dialog.isVisible()
    dialog.close()
    # the register's detail pane: 监管记录… in its 监管 section opens the same timeline
    pane = DetailPane(ctx, Labels(ctx.db, ctx.lang))
    qtbot.addWidget(pane)
    pane._link(QUrl(f"timeline:{ctx.org.id}"))
    settle(ctx)
    assert [e.id for e in pane.timeline.entries()] == [e.id for e in expected]
    pane.timeline.close()



# -- languages --------------------------------------------------------------------------------------------------------
def test_the_tabs_forms_and_timeline_speak_english(qtbot: Any, make_ctx: Any, db_path: Any, qapp: Any,
                                                  clock: Any) -> None:
    from PySide6.QtCore import QLocale

    from civicdesk.services.register import organizations
    from civicdesk.ui.main import install_translators
    from tests.factories import social_group
    from tests.ui.test_languages import data_strings, problems

    translators = install_translators(qapp, "en")
    locale = QLocale()
    try:
        ctx = make_ctx(db_path, lang="en")
        ctx.user = admin = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
        org = organizations.add_organization(ctx.db, social_group(), by=admin)
        c = complaints.receive(ctx.db, received_on=clock.today(), channel="phone", organization=org.id,
                               content="收费不开票", reporter={"name": "赵举报"}, by=admin)
        penalties.enter(ctx.db, org.id, case_no="沙民罚立〔2026〕9号", kind="revocation", facts="连续两年未年检",
                        basis="条例第三十条", complaint=c.id, by=admin)
        # what the clerks typed is data in its own language (the service's tables beyond the register's)
        data = data_strings(db_path) + ["管理员", "admin", "收费不开票", "沙民罚立〔2026〕9号", "连续两年未年检"]
        bench = open_bench(qtbot, ctx, "enforcement")
        found = [f"tab: {p}" for p in problems(bench, "en", data)]
        bench.enforcement.table.selectRow(0)
        forms = [bench.enforcement.enter(), bench.enforcement.record_interview(), bench.enforcement.show_timeline()]
        bench.set_tab("complaints")
        settle(ctx)
        bench.complaints.table.selectRow(0)
        found += [f"complaints: {p}" for p in problems(bench, "en", data)]
        forms += [bench.complaints.receive(), bench.complaints.assign()]
        settle(ctx)
        for form in forms:
            assert form is not None
            qtbot.addWidget(form)
            found += [f"{form.windowTitle()}: {p}" for p in problems(form, "en", data)]
            form.close()
        assert found == []
        assert bench.tabs.tabText(5) == "Interviews and penalties" and bench.tabs.tabText(6) == "Complaints"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(locale)
