"""The workbench's 信用名单 tab, the credit timers and overdue complaints in 到期提醒, and the start-up notice
(issue 17): real databases, the services behind the forms, offscreen; the clock fixture's day is 2026-11-28."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from civicdesk.errors import CivicDeskError
from civicdesk.models import Penalty
from civicdesk.services.admin import auth
from civicdesk.services.supervision import complaints, credit, parameters
from civicdesk.ui.supervision.forms import four_eyes_text
from tests.helpers.db import digest
from tests.ui.test_supervision_ui import cheap_hashes, fill_and_save, office, open_bench, settle  # noqa: F401


@pytest.fixture
def credit_office(office: Any, clock: Any) -> Any:  # noqa: F811 - the fixture imported above
    """The office at 2026-11-28 with one social group, a second reviewer; the context acts as the clerk."""
    from civicdesk.services.register import organizations
    from tests.factories import social_group

    org = organizations.add_organization(office.db, social_group(), by=office.admin)
    office.org = organizations.get_organization(office.db, org.id)
    office.reviewer = auth.create_user(office.db, "rev1", "Passw0rd1", "reviewer", full_name="王审核", by=office.admin)
    office.user = office.clerk
    office.clock = clock
    return office


def penalty(ctx: Any, kind: str, decided_on: date, amount: str | None = None) -> str:
    """A decided penalty, written as the penalties service leaves it."""
    with ctx.db.unit(actor="test") as session:
        p = Penalty(organization_id=ctx.org.id, office_code="511111", case_no="沙民罚〔2026〕1号", kind=kind,
                    state="decided", amount=Decimal(amount) if amount else None, facts="未按章程开展活动",
                    basis="《社会团体登记管理条例》第三十条", decision_no="沙民罚〔2026〕1号", decided_on=decided_on,
                    entered_by="clerk1", decided_by="rev1", origin_office="511111")
        session.add(p)
        session.flush()
        return p.id


def select(tab: Any, listing_id: str) -> Any:
    assert tab.select_id(listing_id), listing_id
    settle(tab.ctx)
    return tab.selected()


def test_the_tab_lists_what_the_service_lists_with_its_filters(qtbot: Any, credit_office: Any) -> None:
    ctx = credit_office
    a = credit.propose(ctx.db, ctx.org.id, "abnormal", "abnormal_other", by=ctx.clerk, detail="情形一")
    b = credit.propose(ctx.db, ctx.org.id, "serious", "change_fraud", by=ctx.clerk, detail="情形二")
    credit.decide(ctx.db, b.id, approve=False, by=ctx.reviewer, reason="证据不足")
    bench = open_bench(qtbot, ctx, "credit")
    tab = bench.credit
    assert {r.id for r in tab.model.rows()} == {r.id for r in credit.list_listings(ctx.db)} == {a.id, b.id}
    assert tab.proxy.rowCount() == 1  # by default: proposed and listed only
    tab.state.setCurrentIndex(tab.state.findText("全部状态"))
    assert tab.proxy.rowCount() == 2
    tab.list_kind.setCurrentIndex(tab.list_kind.findData("serious"))
    assert tab.proxy.rowCount() == 1
    row = tab.proxy.index(0, 0)
    cells = {tab.model.headerData(c, Qt.Orientation.Horizontal): tab.proxy.data(row.siblingAtColumn(c))
             for c in range(tab.model.columnCount())}
    assert cells["组织名称"] == ctx.org.name and cells["名单"] == "严重违法失信名单"
    assert cells["状态"] == "不予列入" and cells["提出日期、提出人"].endswith(" clerk1")
    tab.list_kind.setCurrentIndex(0)
    tab.search.setText("没有这个组织")
    assert tab.proxy.rowCount() == 0
    assert "待决定 1 条" in tab.summary.text()


def test_propose_by_hand_then_decide_as_another_reviewer(qtbot: Any, credit_office: Any) -> None:
    ctx = credit_office
    bench = open_bench(qtbot, ctx, "credit")
    tab = bench.credit
    assert tab.propose_button.isEnabled() and not tab.decide_button.isEnabled()
    dialog = tab.propose()
    assert dialog is not None
    dialog.fields["list_kind"].setCurrentIndex(dialog.fields["list_kind"].findData("abnormal"))
    grounds = [dialog.fields["ground"].itemData(i) for i in range(dialog.fields["ground"].count())]
    assert grounds == [g["key"] for g in parameters.value(ctx.db, "credit.grounds")
                       if g["list_kind"] == "abnormal"]
    # a ground that needs evidence, without it: the service's one line in the form, nothing written
    needs = next(g["key"] for g in parameters.value(ctx.db, "credit.grounds") if g.get("evidence_required"))
    kind = next(g["list_kind"] for g in parameters.value(ctx.db, "credit.grounds") if g["key"] == needs)
    dialog.fields["list_kind"].setCurrentIndex(dialog.fields["list_kind"].findData(kind))
    dialog.fields["ground"].setCurrentIndex(dialog.fields["ground"].findData(needs))
    assert "须附证据" in dialog.fields["evidence"].placeholderText()
    before = digest(ctx.path, without=("audit_entry",))
    fill_and_save(qtbot, ctx, dialog, organization=ctx.org.values["uscc"], ground=needs, detail="无法联系")
    assert dialog.isVisible()
    assert dialog.error.text() == CivicDeskError("credit.evidence_required", ground=needs).message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before
    fill_and_save(qtbot, ctx, dialog, evidence="2026-10-08 挂号信退回\n2026-11-02 挂号信退回")
    assert not dialog.isVisible(), dialog.error.text()
    [proposed] = credit.list_listings(ctx.db)
    assert (proposed.ground, proposed.proposed_by, len(proposed.evidence)) == (needs, "clerk1", 2)
    row = select(tab, proposed.id)
    assert "挂号信退回" in tab.detail.text()
    assert [s.action for s in tab.steps.rows()] == ["propose"]
    assert not tab.decide_button.isEnabled()  # a clerk may not decide
    ctx.user = ctx.reviewer
    tab.refresh_actions()
    assert tab.decide_button.isEnabled() and tab.reject_button.isEnabled() and not tab.why.isVisible()
    dialog = tab.decide()
    fill_and_save(qtbot, ctx, dialog, decision_no="沙民信〔2026〕1号")
    assert not dialog.isVisible(), dialog.error.text()
    row = select(tab, proposed.id)
    assert row.listing.state == "listed" and row.listing.decided_by == "rev1"
    assert credit.get_listing(ctx.db, proposed.id).decision_no == "沙民信〔2026〕1号"
    assert [s.action for s in tab.steps.rows()] == ["propose", "list"]


def test_decide_is_greyed_for_the_proposer_with_the_reason(qtbot: Any, credit_office: Any) -> None:
    ctx = credit_office
    ctx.user = ctx.admin  # an administrator may decide, but not what it proposed
    p = credit.propose(ctx.db, ctx.org.id, "abnormal", "abnormal_other", by=ctx.admin, detail="情形")
    bench = open_bench(qtbot, ctx, "credit")
    tab = bench.credit
    select(tab, p.id)
    assert not tab.decide_button.isEnabled() and not tab.reject_button.isEnabled()
    assert tab.why.isVisible() and tab.why.text() == four_eyes_text() == tab.decide_button.toolTip()
    assert tab.decide() is None
    ctx.user = ctx.clerk
    tab.refresh_actions()
    role = auth.role_label("clerk", "zh")
    assert tab.decide_button.toolTip() == f"您的角色（{role}）不能作出决定：须由审核人员或管理员决定。"


def test_the_rule_engine_button_makes_the_proposals_the_service_would(qtbot: Any, credit_office: Any) -> None:
    ctx = credit_office
    penalty(ctx, "warning", date(2026, 4, 1))
    bench = open_bench(qtbot, ctx, "credit")
    tab = bench.credit
    assert tab.model.rowCount() == 0
    tab.run_engine()
    settle(ctx)
    rows = credit.list_listings(ctx.db)
    assert [(r.list_kind, r.ground, r.proposed_by) for r in rows] == [("abnormal", "warning_or_small_fine", "rules")]
    assert bench.status.text() == "规则引擎：新提出列入 1 条，提出移出 0 条。"
    assert [r.id for r in tab.model.rows()] == [rows[0].id]
    assert tab.proxy.data(tab.proxy.index(0, 5)).endswith(" 规则引擎")
    tab.run_engine()  # once: nothing new
    settle(ctx)
    assert len(credit.list_listings(ctx.db)) == 1 and "新提出列入 0 条" in bench.status.text()


def test_a_removal_before_its_time_shows_the_refusal_and_changes_nothing(qtbot: Any, credit_office: Any) -> None:
    ctx = credit_office
    p = credit.propose(ctx.db, ctx.org.id, "serious", "change_fraud", by=ctx.clerk, detail="情形",
                       proposed_on="2026-03-01")
    credit.decide(ctx.db, p.id, approve=True, by=ctx.reviewer, decision_no="沙民信〔2026〕2号", decided_on="2026-03-02")
    bench = open_bench(qtbot, ctx, "credit")
    tab = bench.credit
    select(tab, p.id)
    assert tab.removal_button.isEnabled() and not tab.decide_removal_button.isEnabled()
    before = digest(ctx.path, without=("audit_entry",))
    dialog = tab.propose_removal()
    fill_and_save(qtbot, ctx, dialog, ground="two_years")
    assert dialog.isVisible()
    assert dialog.error.text() == CivicDeskError("credit.removal_too_early", key=p.id,
                                                 earliest="2028-03-02").message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before
    assert credit.get_listing(ctx.db, p.id).removal_proposed_on is None


def test_the_due_panel_shows_a_credit_timer_and_an_overdue_complaint(qtbot: Any, credit_office: Any) -> None:
    ctx = credit_office
    p = credit.propose(ctx.db, ctx.org.id, "abnormal", "abnormal_other", by=ctx.clerk, detail="情形",
                       proposed_on="2026-11-20")
    c = complaints.receive(ctx.db, received_on="2026-09-01", channel="phone", content="未按章程开展活动",
                           organization=ctx.org.id, reporter={"anonymous": True}, by=ctx.clerk)
    complaints.assign(ctx.db, c.id, to="clerk1", by=ctx.admin)
    late = complaints.list_complaints(ctx.db, overdue=True)
    assert [x.id for x in late] == [c.id]
    bench = open_bench(qtbot, ctx, "due")
    panel = bench.due
    settle(ctx)
    timers = panel.models["credit"]
    assert timers.rowCount() == 1 and panel.groups["credit"].title() == "信用名单（1）"
    cells = [timers.data(timers.index(0, col)) for col in range(timers.columnCount())]
    assert cells[:3] == [ctx.org.name, "2026-11-20", "已逾期"] and cells[4] == "待作出列入决定"
    complaint_rows = panel.models["complaints"]
    assert complaint_rows.rowCount() == 1 and panel.groups["complaints"].title() == "逾期未办结的举报投诉（1）"
    assert complaint_rows.data(complaint_rows.index(0, 0)) == ctx.org.name
    panel.tables["credit"].selectRow(0)
    panel.open_line("credit")  # Enter on the line: the credit tab, filtered to the organization
    settle(ctx)
    assert bench.current_key() == "credit" and bench.credit.search.text() == ctx.org.name
    assert bench.credit.selected().id == p.id


def test_the_due_panel_says_when_a_time_limit_is_an_estimate(qtbot: Any, credit_office: Any) -> None:
    ctx = credit_office
    p = credit.propose(ctx.db, ctx.org.id, "abnormal", "abnormal_other", by=ctx.clerk, detail="情形",
                       proposed_on="2026-09-01")
    credit.decide(ctx.db, p.id, approve=True, by=ctx.reviewer, decision_no="沙民信〔2026〕3号", decided_on="2026-09-02")
    ctx.clock.advance(days=30)  # 2026-12-28: five working days run into 2027, a year without its calendar
    credit.propose_removal(ctx.db, p.id, "rectified", by=ctx.clerk)
    bench = open_bench(qtbot, ctx, "due")
    settle(ctx)
    timers = bench.due.models["credit"]
    assert timers.data(timers.index(0, 2)) == "以后"
    note = "工作日历缺少2027年的放假安排，期限按周一至周五估算，请管理员补充。"
    tip = timers.data(timers.index(0, 4), 3)  # 3: the tooltip
    assert note in tip and "活动异常名录" in tip and note in bench.due.summary.text()


def test_the_start_up_notice_appears_when_something_is_overdue_and_not_otherwise(qtbot: Any,
                                                                              credit_office: Any) -> None:
    from civicdesk.ui.main_window import MainWindow

    ctx = credit_office
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(ctx)
    menu = window.supervision_menu
    assert menu.counts is not None and not menu.counts.any()
    assert not menu.notice.isVisible() and menu.due_action.text() == "到期提醒"
    credit.propose(ctx.db, ctx.org.id, "abnormal", "abnormal_other", by=ctx.clerk, detail="情形",
                   proposed_on="2026-11-20")
    credit.propose(ctx.db, ctx.org.id, "serious", "change_fraud", by=ctx.clerk, detail="情形")
    window.close()

    again = MainWindow(ctx)  # the program opened again
    qtbot.addWidget(again)
    again.show()
    settle(ctx)
    menu = again.supervision_menu
    assert menu.notice.isVisible() and menu.notice.text() == "信用名单：1 项今天到期，1 项逾期"
    assert menu.due_action.text() == "到期提醒（2）"
    ctx.settings.setValue("supervision/tab", "credit")  # the workbench last closed on 信用名单
    menu.notice.click()  # opens the workbench on 到期提醒, no box
    bench = menu.workbench
    assert bench is not None and bench.isVisible() and bench.current_key() == "due"
    settle(ctx)
    assert bench.due.isVisible() and bench.due.models["credit"].rowCount() == 2
    bench.close()
    settle(ctx)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_credit_tab_its_forms_and_the_timers_speak_one_language(qtbot: Any, make_ctx: Any, db_path: Any,
                                                                    qapp: Any, clock: Any, lang: str) -> None:
    from PySide6.QtCore import QLocale

    from civicdesk.services.register import organizations
    from civicdesk.ui.main import install_translators
    from tests.factories import social_group
    from tests.ui.test_languages import data_strings, problems

    translators = install_translators(qapp, lang)
    locale = QLocale()
    try:
        ctx = make_ctx(db_path, lang=lang)
        admin = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
        clerk = auth.create_user(ctx.db, "clerk1", "Passw0rd1", "clerk", full_name="张经办", by=admin)
        org = organizations.add_organization(ctx.db, social_group(), by=admin)
        p = credit.propose(ctx.db, org.id, "abnormal", "abnormal_other", by=clerk, detail="情形",
                           proposed_on="2026-11-20")
        listed = credit.propose(ctx.db, org.id, "serious", "change_fraud", by=clerk, detail="情形")
        credit.decide(ctx.db, listed.id, approve=True, by=admin, decision_no="沙民信〔2026〕5号")
        credit.object_to(ctx.db, listed.id, "异议", by=clerk)
        ctx.user = admin
        data = data_strings(db_path) + ["管理员", "admin", "clerk1", "沙民信〔2026〕5号", "情形", "异议"]  # data
        bench = open_bench(qtbot, ctx, "credit")
        tab = bench.credit
        found = [f"credit: {x}" for x in problems(bench, lang, data)]
        forms = []
        for listing, makers in ((p.id, (tab.propose, tab.decide, tab.reject, tab.object_to)),
                                (listed.id, (tab.propose_removal, tab.decide_objection))):
            select(tab, listing)
            found += [f"credit {listing}: {x}" for x in problems(bench, lang, data)]
            for make in makers:
                form = make()
                assert form is not None, make.__name__
                qtbot.addWidget(form)
                forms.append(form)
                found += [f"{make.__name__} form: {x}" for x in problems(form, lang, data)]
                form.close()
        bench.set_tab("due")
        settle(ctx)
        assert bench.due.models["credit"].rowCount() == 2  # a proposal to decide, an objection
        found += [f"due: {x}" for x in problems(bench, lang, data)]
        assert found == []
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(locale)
