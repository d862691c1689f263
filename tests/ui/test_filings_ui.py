"""Filings in the GUI (issue 4): the review queue, the filing dialog, the organization form as a filing, and the
done-when flow: a clerk applies for a change of legal representative, cannot approve it, a reviewer approves it,
and the register, the history tab and the audit trail show it.

Each test gets a fresh copy of the 沙湾区 demo database with four accounts (Argon2 made cheap for speed).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from civicdesk.services.admin import auth
from civicdesk.services.register import browse
from civicdesk.services.filings import service as filings
from civicdesk.services.register import organizations
from civicdesk.services.core.database import Database
from civicdesk.ui.context import AppContext
from civicdesk.ui.filings.filing_dialog import CHANGED_BACK, FilingDialog
from civicdesk.ui.labels import Labels
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.filings.review_queue import TABS, ReviewQueue
from civicdesk.ui.filings.filing_table_model import COL_DEADLINE, COL_NUMBER, FilingTableModel, FlagRole
from tests.ui.test_org_form import type_into

NEW_REP = "王新民"
SCREENSHOTS = Path("/tmp")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


def make_users(db: Database) -> dict[str, auth.UserInfo]:
    admin = auth.create_user(db, "admin", "Admin1234", "admin", full_name="管理员")
    users = {"admin": admin}
    for name, role, full in (("clerk1", "clerk", "张经办"), ("rev1", "reviewer", "李审核"),
                             ("rev2", "reviewer", "赵审核")):
        users[name] = auth.create_user(db, name, "Passw0rd1", role, full_name=full, by=admin)
    return users


@pytest.fixture
def ctx(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> Iterator[AppContext]:
    context = make_ctx(shawan_db_path)
    context.users = make_users(context.db)  # type: ignore[attr-defined]
    yield context
    context.runner.wait()
    QApplication.processEvents()


def registered_org(db: Database) -> browse.RegisterRow:
    rows = browse.first_page(db, browse.RegisterFilter(tier="registered", legal_form="social_group"), limit=5)
    return next(r for r in rows if r.legal_rep_name and r.uscc)


def as_user(ctx: AppContext, name: str) -> auth.UserInfo:
    ctx.user = ctx.users[name]  # type: ignore[attr-defined]
    return ctx.user


def open_filing(qtbot: Any, ctx: AppContext, filing_id: str) -> FilingDialog:
    dialog = FilingDialog(ctx, Labels(ctx.db), filing_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def change_filing(ctx: AppContext, org_id: str, by: str, **changes: Any) -> filings.FilingRecord:
    user = ctx.users[by]  # type: ignore[attr-defined]
    draft = filings.draft_filing(ctx.db, "change", {"organization_id": org_id, "changes": changes}, by=user)
    return filings.transition(ctx.db, draft.id, "submit", by=user)


# -- the review queue's model ---------------------------------------------------------------------------------
def test_review_queue_model_passes_the_model_tester_and_flags_deadlines(qtbot: Any, qtmodeltester: Any,
                                                                       ctx: AppContext) -> None:
    db, clerk = ctx.db, ctx.users["clerk1"]  # type: ignore[attr-defined]
    orgs = browse.first_page(db, browse.RegisterFilter(tier="registered"), limit=3)
    today = date.today()
    received = {0: today - timedelta(days=70), 1: today - timedelta(days=55), 2: today}  # overdue, due soon, fine
    for i, org in enumerate(orgs):
        draft = filings.draft_filing(db, "change", {"organization_id": org.id, "changes": {"address": f"新住所{i}号"},
                                                    "received_on": received[i].isoformat()}, by=clerk)
        filings.transition(db, draft.id, "submit", by=clerk)
    model = FilingTableModel(Labels(db))
    model.set_rows(filings.list_filings(db, open_only=True))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    flags = [model.data(model.index(r, 0), FlagRole) for r in range(3)]
    assert flags == ["overdue", "due_soon", None]  # the most urgent first
    assert model.data(model.index(0, COL_DEADLINE)) == "逾期 10 天"
    assert model.data(model.index(1, COL_DEADLINE)) == "剩 5 天"
    assert model.data(model.index(0, COL_DEADLINE), Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert model.data(model.index(1, COL_DEADLINE), Qt.ItemDataRole.ForegroundRole).color().name() == "#b26a00"
    assert model.data(model.index(2, COL_DEADLINE), Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, 0, model.index(0, 0)).isValid() is False and model.rowCount(model.index(0, 0)) == 0


def test_review_queue_tabs_and_filters(qtbot: Any, ctx: AppContext) -> None:
    db = ctx.db
    orgs = browse.first_page(db, browse.RegisterFilter(tier="registered"), limit=2)
    first = change_filing(ctx, orgs[0].id, "clerk1", address="新住所1号")
    change_filing(ctx, orgs[1].id, "clerk1", address="新住所2号")
    filings.transition(db, first.id, "review", by=ctx.users["rev1"])  # type: ignore[attr-defined]
    as_user(ctx, "rev1")
    queue = ReviewQueue(ctx, Labels(db))
    qtbot.addWidget(queue)
    with qtbot.waitSignal(queue.loaded, timeout=10_000) as loaded:
        queue.show()
    assert loaded.args == [2]
    assert queue.tabs.tabText(TABS.index("open")) == "待办 (2)"
    assert queue.tabs.tabText(TABS.index("under_review")) == "审查中 (1)"
    with qtbot.waitSignal(queue.loaded, timeout=10_000) as loaded:
        queue.set_tab("under_review")
    assert loaded.args == [1] and queue.model.record_at(0).number == first.number
    with qtbot.waitSignal(queue.loaded, timeout=10_000):
        queue.set_tab("open")
    queue.search.setText(orgs[1].name)
    assert queue.proxy.rowCount() == 1
    assert "共 1 件" in queue.summary.text()
    queue.search.clear()
    with qtbot.waitSignal(queue.loaded, timeout=10_000) as loaded:
        queue.kind.setCurrentIndex(queue.kind.findData("deregister"))
    assert loaded.args == [0]


# -- the done-when flow ---------------------------------------------------------------------------------------
def test_clerk_applies_reviewer_approves_and_register_history_and_audit_show_it(qtbot: Any, ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    as_user(ctx, "clerk1")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        window.show()
    assert "张经办（clerk1）" in window.windowTitle()
    assert window.filing_menus.user_label.text() == "当前用户：张经办（clerk1）（经办）"
    assert not window.filing_menus.users_action.isVisible() and not window.filing_menus.audit_action.isVisible()
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as found:
        qtbot.keyClicks(window.filter_bar.search, org.uscc)
    assert found.args == [1]
    window.table.selectRow(0)
    assert window.selected_id() == org.id and window.filing_menus.change_action.isEnabled()

    # the clerk changes the legal representative in the organization form: a change filing is submitted
    form = window.filing_menus.edit_selected()
    qtbot.addWidget(form, before_close_func=lambda d: setattr(d, "confirm_discard", lambda: True))
    assert form.save_button.text() == "提交变更申请" and not form.legacy_box.isVisible()
    assert not form.save_button.isEnabled()  # nothing changed yet
    form.editors["person.name"].clear()
    type_into(qtbot, form, "person.name", NEW_REP)
    form.validate_now()
    assert form.changes() == {"legal_rep_name": NEW_REP}
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.filed, timeout=10_000) as filed:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    filing = filed.args[0]
    assert (filing.kind, filing.state, filing.submitted_by) == ("change", "submitted", "clerk1")
    assert filing.changes == {"legal_rep_name": NEW_REP}
    assert organizations.get_organization(ctx.db, org.id).to_json()["legal_rep_name"] == org.legal_rep_name  # not yet
    assert filing.number in window.statusBar().currentMessage()

    # the same clerk cannot approve it: the button is disabled and says why; forcing it is refused in words
    queue = window.filing_menus.show_queue()
    qtbot.addWidget(queue)
    qtbot.waitUntil(lambda: queue.model.row_of_id(filing.id) is not None, timeout=10_000)
    assert queue.select(filing.id)
    dialog = queue.open_selected()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.record is not None, timeout=10_000)
    diff = {dialog.diff.item(r, 0).text(): [dialog.diff.item(r, c).text() for c in (1, 2, 3)]
            for r in range(dialog.diff.rowCount())}
    assert diff["法定代表人（负责人）姓名"] == [org.legal_rep_name, org.legal_rep_name, NEW_REP]
    # and the person approval writes (the one in office leaves): issue 13, the reviewer sees every person
    assert diff["人员"][2].startswith(f"法定代表人 {NEW_REP}")
    assert diff["人员"][2].endswith(f"{org.legal_rep_name} 离任")
    assert len(diff) == 2
    assert not dialog.stale.isVisible()
    approve = dialog.buttons["approve"]
    assert not approve.isEnabled() and "经办" in approve.toolTip() and "无权" in approve.toolTip()
    assert dialog.buttons["withdraw"].isEnabled()
    with qtbot.waitSignal(dialog.refused) as refused:
        dialog.act("approve")
    assert "无权" in refused.args[0] and dialog.message.text() == refused.args[0]
    assert filings.get_filing(ctx.db, filing.id).state == "submitted"
    dialog.close()

    # a reviewer approves it in the filing dialog
    as_user(ctx, "rev1")
    window.filing_menus.refresh()
    dialog = queue.open_filing(filing.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.record is not None, timeout=10_000)
    assert dialog.buttons["approve"].isEnabled() and dialog.buttons["review"].isEnabled()
    with qtbot.waitSignal(dialog.transitioned, timeout=10_000) as done, \
            qtbot.waitSignal(window.model.loaded, timeout=20_000):
        dialog.document_no.setText("沙民社变〔2026〕7号")
        qtbot.mouseClick(dialog.buttons["approve"], Qt.MouseButton.LeftButton)
    assert done.args[0] == "approve" and done.args[1].state == "approved"
    assert dialog.fact("state") == "准予" and dialog.fact("decided_by").startswith("rev1")
    assert not any(b.isEnabled() for b in dialog.buttons.values())

    # the register table shows the new legal representative
    from civicdesk.ui.register.org_table_model import COL_LEGAL_REP

    qtbot.waitUntil(lambda: window.model.data(window.model.index(0, COL_LEGAL_REP)) == NEW_REP, timeout=10_000)
    # the detail pane's history tab lists the filing and the field change
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.record is not None and filing.number in window.detail.history_text(),
                    timeout=10_000)
    history = window.detail.history_text()
    assert "变更登记" in history and "准予" in history
    assert f"{org.legal_rep_name} → {NEW_REP}" in history and "沙民社变〔2026〕7号" in history

    # the audit viewer (admins) lists it, and the chain verifies
    as_user(ctx, "admin")
    window.filing_menus.refresh()
    assert window.filing_menus.audit_action.isVisible() and window.filing_menus.users_action.isVisible()
    viewer = window.filing_menus.show_audit()
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.model.rowCount() > 0, timeout=10_000)
    entries = [viewer.model.record_at(r) for r in range(viewer.model.rowCount())]
    assert any(e.entity == "filing" and e.entity_id == filing.id and e.actor == "rev1" for e in entries)
    assert any(e.action == "filing.refused" and e.actor == "clerk1" for e in entries)
    with qtbot.waitSignal(viewer.verified, timeout=10_000) as verified:
        qtbot.mouseClick(viewer.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args[0].ok and viewer.report.text().startswith("审计链完整")


def test_the_submitter_cannot_review_their_own_filing(qtbot: Any, ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    filing = change_filing(ctx, org.id, "rev1", address="新住所8号")
    as_user(ctx, "rev1")
    dialog = open_filing(qtbot, ctx, filing.id)
    for action in ("review", "approve", "reject", "return"):
        assert not dialog.buttons[action].isEnabled()
        assert "双人复核" in dialog.buttons[action].toolTip()
    as_user(ctx, "rev2")
    dialog._update_buttons()
    assert dialog.buttons["approve"].isEnabled()


def test_reject_and_return_need_a_reason(qtbot: Any, ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    filing = change_filing(ctx, org.id, "clerk1", address="新住所9号")
    as_user(ctx, "rev1")
    dialog = open_filing(qtbot, ctx, filing.id)
    with qtbot.waitSignal(dialog.refused) as refused:
        qtbot.mouseClick(dialog.buttons["reject"], Qt.MouseButton.LeftButton)
    assert refused.args[0] == "不予须填写理由。"
    assert filings.get_filing(ctx.db, filing.id).state == "submitted"
    dialog.comment.setPlainText("住所证明材料不全")
    with qtbot.waitSignal(dialog.transitioned, timeout=10_000) as done:
        qtbot.mouseClick(dialog.buttons["return"], Qt.MouseButton.LeftButton)
    assert done.args[1].state == "returned" and done.args[1].comment == "住所证明材料不全"
    assert dialog.steps.rowCount() == 3 and dialog.steps.item(2, 4).text() == "住所证明材料不全"
    assert not dialog.buttons["approve"].isEnabled() and dialog.buttons["submit"].isEnabled()  # back to the clerk


def test_a_stale_filing_is_highlighted_and_the_refusal_is_shown_in_words(qtbot: Any, ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    stale = change_filing(ctx, org.id, "clerk1", address="新住所5号")
    other = change_filing(ctx, org.id, "clerk1", contact_phone="0833-5550000")
    filings.transition(ctx.db, other.id, "approve", by=ctx.users["rev2"])  # type: ignore[attr-defined]
    # the stale filing's own field did not change, but the record did: make its drafted value differ too
    third = change_filing(ctx, org.id, "clerk1", address="另一个住所")
    filings.transition(ctx.db, third.id, "approve", by=ctx.users["rev2"])  # type: ignore[attr-defined]
    as_user(ctx, "rev1")
    dialog = open_filing(qtbot, ctx, stale.id)
    assert dialog.stale.isVisible() and "已被修改" in dialog.stale.text()
    current = dialog.diff.item(0, 2)
    assert current.text() == "另一个住所" and current.background().color() == CHANGED_BACK
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused:
        dialog.act("approve")
    assert "起草后" in refused.args[0] and "不能按原申请核准" in refused.args[0]
    assert filings.get_filing(ctx.db, stale.id).state == "submitted"


# -- new organizations, direct entry, deregistration ---------------------------------------------------------
def test_direct_entry_is_offered_to_admins_only(qtbot: Any, ctx: AppContext) -> None:
    from civicdesk.ui.register.org_form import OrgFormDialog

    for name, offered in (("clerk1", False), ("rev1", False), ("admin", True)):
        as_user(ctx, name)
        form = OrgFormDialog(ctx)
        qtbot.addWidget(form)
        form.show()
        assert form.legacy_box.isVisible() is offered, name
        assert form.legacy_box.text() == "直接录入历史档案（管理员）"
        form.legacy_box.setChecked(True)
        assert form.is_legacy_entry() is offered


def test_deregistration_needs_a_reason_and_finished_liquidation(qtbot: Any, ctx: AppContext) -> None:
    from civicdesk.ui.register.deregister_dialog import EndFilingDialog

    org = registered_org(ctx.db)
    as_user(ctx, "clerk1")
    dialog = EndFilingDialog(ctx, "deregister", org.id, org.name)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()
    assert dialog.message.text() == "注销登记须写明事由（reason）。"
    type_into_plain(dialog.reason, "会员大会决议解散")
    dialog.submit()
    assert "清算完成" in dialog.message.text()
    dialog.liquidation.setChecked(True)
    dialog.applicant.setText("张三")
    with qtbot.waitSignal(dialog.filed, timeout=10_000) as filed:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    record = filed.args[0]
    assert (record.kind, record.state, record.applicant) == ("deregister", "submitted", "张三")
    assert record.changes["reason"] == "会员大会决议解散"
    assert organizations.get_organization(ctx.db, org.id).values["status"] == "active"


def type_into_plain(edit: Any, text: str) -> None:
    edit.setPlainText(text)


def test_screenshots_of_the_queue_and_a_filing(qtbot: Any, ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    filing = change_filing(ctx, org.id, "clerk1", legal_rep_name=NEW_REP, address="四川省乐山市沙湾区新华路8号")
    filings.transition(ctx.db, change_filing(ctx, org.id, "clerk1", address="四川省乐山市沙湾区嘉农镇1号").id,
                       "approve",
                       by=ctx.users["rev2"])  # type: ignore[attr-defined]
    as_user(ctx, "rev1")
    queue = ReviewQueue(ctx, Labels(ctx.db))
    qtbot.addWidget(queue)
    with qtbot.waitSignal(queue.loaded, timeout=10_000):
        queue.show()
    assert queue.grab().save(str(SCREENSHOTS / "review-queue-test.png"))
    dialog = open_filing(qtbot, ctx, filing.id)
    assert dialog.grab().save(str(SCREENSHOTS / "filing-diff-test.png"))
    assert dialog.stale.isVisible()
    assert queue.model.data(queue.model.index(0, COL_NUMBER)) == filing.number


# -- correcting a draft or returned filing (修改) ---------------------------------------------------------------
def test_a_returned_change_is_corrected_in_the_form_resubmitted_and_approved_by_another_reviewer(
        qtbot: Any, ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    filing = change_filing(ctx, org.id, "clerk1", address="新住所1号", legal_rep_name=NEW_REP)
    filings.transition(ctx.db, filing.id, "return", by=ctx.users["rev1"],  # type: ignore[attr-defined]
                       comment="住所门牌号有误")
    as_user(ctx, "rev1")
    dialog = open_filing(qtbot, ctx, filing.id)
    assert dialog.edit_button.isEnabled()  # a reviewer may draft too: 修改 is offered
    as_user(ctx, "clerk1")
    dialog._update_buttons()
    assert dialog.edit_button.isEnabled() and dialog.edit_button.text() == "修改"
    assert dialog.grab().save(str(SCREENSHOTS / "filing-returned.png"))
    assert dialog.buttons["submit"].isEnabled() and not dialog.buttons["approve"].isEnabled()

    form = dialog.edit()
    qtbot.addWidget(form, before_close_func=lambda d: setattr(d, "confirm_discard", lambda: True))
    # pre-filled with the current record and the filing's changes put in
    assert form.editors["address"].text() == "新住所1号" and form.editors["person.name"].text() == NEW_REP
    assert form.windowTitle() == f"修改申请事项 {filing.number}：{org.name}"
    assert form.save_button.text() == "保存修改" and not form.legacy_box.isVisible()
    assert not form.editors["tier"].isEnabled() and not form.is_dirty()
    assert form.changes() == {"address": "新住所1号", "legal_rep_name": NEW_REP}
    assert form.grab().save(str(SCREENSHOTS / "filing-correct-form.png"))
    form.editors["address"].clear()
    type_into(qtbot, form, "address", "新住所18号")
    form.validate_now()
    assert form.changes() == {"address": "新住所18号", "legal_rep_name": NEW_REP}
    with qtbot.waitSignal(form.filed, timeout=10_000) as saved, qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    corrected = saved.args[0]
    assert corrected.state == "returned" and corrected.changes == {"address": "新住所18号", "legal_rep_name": NEW_REP}
    assert dialog.fact("state") == "退回补正" and "已修改" in dialog.message.text()
    new_values = {dialog.diff.item(r, 0).text(): dialog.diff.item(r, 3).text() for r in range(dialog.diff.rowCount())}
    assert new_values["住所"] == "新住所18号"
    assert organizations.get_organization(ctx.db, org.id).values["address"] == org.address  # not yet

    # submitted again by the clerk, approved by another reviewer (rev1 returned it; rev2 decides)
    with qtbot.waitSignal(dialog.transitioned, timeout=10_000) as done:
        qtbot.mouseClick(dialog.buttons["submit"], Qt.MouseButton.LeftButton)
    assert done.args[1].state == "submitted" and not dialog.edit_button.isEnabled()
    as_user(ctx, "rev2")
    dialog._update_buttons()
    with qtbot.waitSignal(dialog.transitioned, timeout=10_000) as done:
        qtbot.mouseClick(dialog.buttons["approve"], Qt.MouseButton.LeftButton)
    assert done.args[1].state == "approved" and done.args[1].decided_by == "rev2"
    after = organizations.get_organization(ctx.db, org.id).to_json()
    assert after["address"] == "新住所18号" and after["legal_rep_name"] == NEW_REP
    steps = [s.action for s in done.args[1].steps]
    assert steps == ["draft", "submit", "return", "edit", "submit", "approve"]


def test_a_draft_township_filing_is_corrected_with_its_own_record_and_the_tier_fixed(qtbot: Any,
                                                                                   ctx: AppContext) -> None:
    model = community_org(ctx.db, "filed")
    record = organizations.get_organization(ctx.db, model.id).to_json()
    new = {k: record[k] for k in ("is_community", "community_subtype", "category", "division_code", "township_code",
                                  "community_code", "address", "established_on", "contact_name", "contact_phone")}
    new["name"] = "古城社区书画队"
    new["people"] = [{"role": "responsible_person", "name": "周书画"}]
    clerk = ctx.users["clerk1"]  # type: ignore[attr-defined]
    draft = filings.draft_filing(ctx.db, "community_file", {"record": new}, by=clerk)
    as_user(ctx, "clerk1")
    dialog = open_filing(qtbot, ctx, draft.id)
    form = dialog.edit()
    qtbot.addWidget(form, before_close_func=lambda d: setattr(d, "confirm_discard", lambda: True))
    assert form.editors["name"].text() == "古城社区书画队" and form.editors["person.name"].text() == "周书画"
    assert form.editors["tier"].code() == "filed" and not form.editors["tier"].isEnabled()
    form.editors["name"].clear()
    type_into(qtbot, form, "name", "古城社区书画协会")
    form.validate_now()
    with qtbot.waitSignal(form.filed, timeout=10_000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].state == "draft" and saved.args[0].changes["record"]["name"] == "古城社区书画协会"
    qtbot.waitUntil(lambda: dialog.heading.text().endswith("古城社区书画协会"), timeout=10_000)
    with qtbot.waitSignal(dialog.transitioned, timeout=10_000):
        qtbot.mouseClick(dialog.buttons["submit"], Qt.MouseButton.LeftButton)
    approved = filings.transition(ctx.db, draft.id, "approve", by=ctx.users["rev1"])  # type: ignore[attr-defined]
    org = organizations.get_organization(ctx.db, approved.organization_id or "").to_json()
    assert (org["name"], org["tier"], org["registry_code"]) == ("古城社区书画协会", "filed", new["township_code"])


def test_a_withdrawal_is_corrected_in_its_small_dialog(qtbot: Any, ctx: AppContext) -> None:
    org = community_org(ctx.db, "guided")
    clerk = ctx.users["clerk1"]  # type: ignore[attr-defined]
    draft = filings.draft_filing(ctx.db, "community_withdraw", {"organization_id": org.id, "reason": "停止活动",
                                                                "applicant": "马福荣"}, by=clerk)
    as_user(ctx, "clerk1")
    dialog = open_filing(qtbot, ctx, draft.id)
    small = dialog.edit()
    qtbot.addWidget(small)
    assert small.reason.toPlainText() == "停止活动" and small.applicant.text() == "马福荣"
    assert small.submit_button.text() == "保存修改" and not small.liquidation.isVisible()
    small.reason.setPlainText("活动已停止两年，成员会议决定退出指导")
    with qtbot.waitSignal(small.filed, timeout=10_000) as saved:
        qtbot.mouseClick(small.submit_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].state == "draft" and saved.args[0].changes["reason"] == "活动已停止两年，成员会议决定退出指导"


def test_edit_is_offered_only_for_drafts_and_returned_filings_and_to_those_who_draft(qtbot: Any,
                                                                                    ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    filing = change_filing(ctx, org.id, "clerk1", address="新住所3号")
    as_user(ctx, "clerk1")
    dialog = open_filing(qtbot, ctx, filing.id)
    assert not dialog.edit_button.isEnabled() and "草稿或退回补正" in dialog.edit_button.toolTip()
    assert dialog.edit() is None
    filings.transition(ctx.db, filing.id, "return", by=ctx.users["rev1"], comment="补正")  # type: ignore[attr-defined]
    ctx.user, ctx.read_only = None, True  # logged out: read-only
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.record is not None and dialog.record.state == "returned", timeout=10_000)
    assert not dialog.edit_button.isEnabled() and "只读" in dialog.edit_button.toolTip()


# -- community tier filings from the Organization menu ----------------------------------------------------------
def community_org(db: Database, tier: str) -> browse.RegisterRow:
    """A live community organization of ``tier`` whose name is unique (so a search finds only it)."""
    for row in browse.first_page(db, browse.RegisterFilter(tier=tier), limit=60):
        if len(browse.first_page(db, browse.RegisterFilter(text=row.name, status=None), limit=5)) == 1:
            return row
    raise AssertionError(f"no {tier} organization with a unique name")


def window_with(qtbot: Any, ctx: AppContext, org: browse.RegisterRow) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        window.show()
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as found:
        window.filter_bar.search.setText(org.name)
    assert found.args == [1]
    window.table.selectRow(0)
    assert window.selected_id() == org.id
    return window


def approve_in_dialog(qtbot: Any, ctx: AppContext, window: MainWindow, filing_id: str) -> filings.FilingRecord:
    as_user(ctx, "rev1")
    window.filing_menus.refresh()
    dialog = open_filing(qtbot, ctx, filing_id)
    with qtbot.waitSignal(dialog.transitioned, timeout=10_000) as done, \
            qtbot.waitSignal(window.model.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.buttons["approve"], Qt.MouseButton.LeftButton)
    assert done.args[1].state == "approved"
    return done.args[1]


def test_a_guided_organization_converts_to_filed_from_the_organization_menu(qtbot: Any, ctx: AppContext) -> None:
    org = community_org(ctx.db, "guided")
    before = organizations.get_organization(ctx.db, org.id).to_json()
    as_user(ctx, "clerk1")
    window = window_with(qtbot, ctx, org)
    menus = window.filing_menus
    assert menus.convert_action.isEnabled() and menus.withdraw_action.isEnabled()
    assert not menus.deregister_action.isEnabled() and not menus.revoke_action.isEnabled()
    assert menus.convert_action in window.org_menu.actions() and menus.withdraw_action in window.org_menu.actions()

    form = menus.convert_selected()
    qtbot.addWidget(form, before_close_func=lambda d: setattr(d, "confirm_discard", lambda: True))
    tier = form.editors["tier"]
    assert [tier.itemData(i) for i in range(tier.count())] == ["filed", "registered"] and tier.isEnabled()
    assert tier.code() == "filed" and form.save_button.text() == "提交层级转换申请"
    assert form.windowTitle() == f"申请层级转换：{org.name}"
    assert form.grab().save(str(SCREENSHOTS / "tier-convert-form.png"))
    township = before["township_code"]
    changes = form.changes()
    assert changes["tier"] == "filed" and changes["registry_code"] == township
    assert changes["registry_name"].endswith(("人民政府", "办事处")) and set(changes) == {"tier", "registry_code",
                                                                                       "registry_name"}
    form.editors["filing_no"].clear()  # a filed organization's own filing number
    type_into(qtbot, form, "filing_no", "BA-511111-2026-0099")
    form.validate_now()
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.filed, timeout=10_000) as filed:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    filing = filed.args[0]
    assert (filing.kind, filing.state) == ("tier_convert", "submitted")
    assert filing.changes["filing_no"] == "BA-511111-2026-0099"
    assert organizations.get_organization(ctx.db, org.id).values["tier"] == "guided"  # not before approval

    approve_in_dialog(qtbot, ctx, window, filing.id)
    qtbot.waitUntil(lambda: window.model.row_at(0) is not None and window.model.row_at(0).tier == "filed",
                    timeout=10_000)
    after = organizations.get_organization(ctx.db, org.id).to_json()
    assert (after["tier"], after["registry_code"], after["filing_no"]) == ("filed", township, "BA-511111-2026-0099")
    window.table.selectRow(0)
    assert menus.convert_action.isEnabled() and menus.withdraw_action.isEnabled()  # filed: on to registered


def test_a_filed_organization_converts_to_registered_with_what_a_registered_one_needs(qtbot: Any,
                                                                                     ctx: AppContext) -> None:
    from civicdesk.services.core.validation import make_uscc

    org = community_org(ctx.db, "filed")
    as_user(ctx, "clerk1")
    window = window_with(qtbot, ctx, org)
    assert window.filing_menus.convert_action.isEnabled()
    form = window.filing_menus.convert_selected()
    qtbot.addWidget(form, before_close_func=lambda d: setattr(d, "confirm_discard", lambda: True))
    tier = form.editors["tier"]
    assert tier.count() == 1 and tier.code() == "registered" and not tier.isEnabled()
    assert form.boxes["uscc"].isVisible() and form.person_group.title() == "法定代表人"
    form.editors["legal_form"].set_code("social_group")
    form.editors["registration_mode"].set_code("direct")
    uscc = make_uscc("1", "511111", "MJ777777")
    type_into(qtbot, form, "uscc", uscc)
    form.editors["person.name"].clear()
    type_into(qtbot, form, "person.name", NEW_REP)
    form.validate_now()
    assert form.grab().save(str(SCREENSHOTS / "tier-convert-registered.png"))
    changes = form.changes()
    assert changes["tier"] == "registered" and changes["uscc"] == uscc and changes["legal_rep_name"] == NEW_REP
    assert changes["registry_code"] == "511111"
    with qtbot.waitSignal(form.filed, timeout=10_000) as filed:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    approve_in_dialog(qtbot, ctx, window, filed.args[0].id)
    after = organizations.get_organization(ctx.db, org.id).to_json()
    assert (after["tier"], after["legal_form"], after["uscc"], after["legal_rep_name"]) == (
        "registered", "social_group", uscc, NEW_REP)
    qtbot.waitUntil(lambda: window.model.row_at(0) is not None and window.model.row_at(0).tier == "registered",
                    timeout=10_000)


def test_a_filed_organization_withdraws_from_the_organization_menu(qtbot: Any, ctx: AppContext) -> None:
    org = community_org(ctx.db, "filed")
    as_user(ctx, "clerk1")
    window = window_with(qtbot, ctx, org)
    menus = window.filing_menus
    assert menus.withdraw_action.isEnabled() and menus.convert_action.isEnabled()
    assert not menus.deregister_action.isEnabled()
    dialog = menus.end_selected("community_withdraw")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "申请注销备案/退出指导" and not dialog.liquidation.isVisible()
    dialog.submit()
    assert dialog.message.text() == "注销备案/退出指导须写明事由（reason）。"
    dialog.reason.setPlainText("活动已停止，经成员会议决定注销备案")
    assert dialog.message.text() == ""
    dialog.applicant.setText("卢勇")
    assert dialog.grab().save(str(SCREENSHOTS / "community-withdraw.png"))
    with qtbot.waitSignal(dialog.filed, timeout=10_000) as filed:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    filing = filed.args[0]
    assert (filing.kind, filing.state, filing.changes["status"]) == ("community_withdraw", "submitted",
                                                                     "filing_cancelled")
    approve_in_dialog(qtbot, ctx, window, filing.id)
    assert organizations.get_organization(ctx.db, org.id).values["status"] == "filing_cancelled"
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)  # no longer among the live ones
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as found:
        window.filter_bar.search.setText(org.name + " ")
    assert found.args == [0]


def test_registered_organizations_offer_no_community_filings(qtbot: Any, ctx: AppContext) -> None:
    org = registered_org(ctx.db)
    as_user(ctx, "clerk1")
    window = window_with(qtbot, ctx, org)
    menus = window.filing_menus
    assert menus.deregister_action.isEnabled() and menus.revoke_action.isEnabled()
    assert not menus.convert_action.isEnabled() and not menus.withdraw_action.isEnabled()
    assert menus.convert_selected() is None
    window.table.clearSelection()
    assert not any(a.isEnabled() for a in (menus.change_action, menus.convert_action, menus.withdraw_action))


# -- a login cancelled after a database switch ------------------------------------------------------------------
def test_a_cancelled_login_after_switching_databases_leaves_the_window_clearly_read_only(
        qtbot: Any, ctx: AppContext, templates: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from civicdesk.services.core.database import open_database
    from civicdesk.ui.admin import login_dialog

    as_user(ctx, "clerk1")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        window.show()
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(templates["shawan_demo"], other)
    other_db = open_database(other)
    make_users(other_db)  # another office's file, with accounts: a login is asked for
    monkeypatch.setattr(login_dialog, "login_if_needed", lambda *a, **k: (False, None))  # the clerk cancels
    window.adopt(other_db)
    menus = window.filing_menus
    assert ctx.read_only and ctx.user is None
    assert window.windowTitle().endswith("只读（未登录）")
    assert menus.user_label.text() == "只读：未登录（系统 → 登录…）"
    assert "只读" in window.statusBar().currentMessage()
    assert menus.login_action.isVisible() and menus.login_action in menus.system_menu.actions()
    assert not menus.switch_action.isVisible() and not menus.password_action.isVisible()
    assert not window.new_action.isEnabled() and not menus.establish_action.isEnabled()
    assert not window.demo_action.isEnabled() and not window.print_action.isEnabled()
    assert window.grab().save(str(SCREENSHOTS / "read-only-window.png"))

    dialog = menus.login()
    qtbot.addWidget(dialog)
    dialog.username.setText("clerk1")
    dialog.password.setText("Passw0rd1")
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert not ctx.read_only and ctx.user is not None and ctx.user.username == "clerk1"
    assert "只读" not in window.windowTitle() and "张经办（clerk1）" in window.windowTitle()
    assert menus.user_label.text() == "当前用户：张经办（clerk1）（经办）"
    assert not menus.login_action.isVisible() and menus.switch_action.isVisible()
    assert window.new_action.isEnabled() and window.print_action.isEnabled()
    # demo data are an administrator's (as `civicdesk demo` asks): greyed for a clerk, with the reason
    assert not window.demo_action.isEnabled() and "经办" in window.demo_action.toolTip()


def test_an_establishment_filing_lists_its_people_masked_and_a_reviewer_reveals_them_audited(
        qtbot: Any, ctx: AppContext) -> None:
    """Issue 13: the establishment filing from the Ctrl+N form stores the legal representative and other people;
    the dialog lists every field and person approval writes, numbers masked unless a reviewer reveals them."""
    from civicdesk.services.admin import audit
    from tests.factories import social_group

    record = social_group(name="乐山市沙湾区新设书法协会")
    rep_id = record["people"][0]["id_number"]
    record["people"].append({"role": "supervisor", "name": "钱监事", "id_number": "51111119800101006X",
                             "phone": "13900001111"})
    clerk = as_user(ctx, "clerk1")
    draft = filings.draft_filing(ctx.db, "establish", {"record": record, "applicant": "筹备组"}, by=clerk)
    filings.transition(ctx.db, draft.id, "submit", by=clerk)

    dialog = open_filing(qtbot, ctx, draft.id)
    rows = dialog.diff_rows()
    people = [new for label, new in rows if label == "人员"]
    assert people[0].startswith("法定代表人 张三，身份证号码 5111**********") and "电话 138****5678" in people[0]
    assert people[1].startswith("监事 钱监事，身份证号码 5111**********006X") and "139****1111" in people[1]
    labels = [label for label, _new in rows]
    for label in ("名称", "统一社会信用代码", "业务主管单位", "状态", "登记管理机关"):
        assert label in labels, label
    shown = "\n".join("\t".join(r) for r in rows)
    assert rep_id not in shown and "13812345678" not in shown and "51111119800101006X" not in shown
    assert not dialog.reveal_button.isEnabled() and "无权" in dialog.reveal_button.toolTip()  # a clerk: no right
    dialog.close()

    as_user(ctx, "rev1")
    dialog = open_filing(qtbot, ctx, draft.id)
    assert dialog.reveal_button.isEnabled()
    before = audit.count(ctx.db)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    shown = "\n".join("\t".join(r) for r in dialog.diff_rows())
    assert rep_id in shown and "51111119800101006X" in shown and "13900001111" in shown
    entry = audit.entries(ctx.db, limit=1, by=auth.get_user(ctx.db, "admin"))[0]
    assert (audit.count(ctx.db), entry.action, entry.actor, entry.entity_id) == (before + 1, "data.revealed", "rev1",
                                                                                 draft.id)


def test_a_clerk_corrects_an_establishment_shown_masked_and_its_full_numbers_stay(qtbot: Any, ctx: AppContext) -> None:
    """The clerk (no right to see full numbers) corrects a draft establishment in the form: the ID number shows
    masked, the form does not call it wrong, and saving keeps the full number the filing holds."""
    from tests.factories import social_group

    record = social_group(name="乐山市沙湾区新设书法协会")
    rep_id, rep_phone = record["people"][0]["id_number"], record["people"][0]["phone"]
    clerk = as_user(ctx, "clerk1")
    draft = filings.draft_filing(ctx.db, "establish", {"record": record}, by=clerk)
    dialog = open_filing(qtbot, ctx, draft.id)
    form = dialog.edit()
    qtbot.addWidget(form, before_close_func=lambda d: setattr(d, "confirm_discard", lambda: True))
    assert "*" in form.editors["person.id_number"].text() and rep_id not in form.editors["person.id_number"].text()
    type_into(qtbot, form, "address", "（新址）")
    form.validate_now()
    assert form.save_button.isEnabled(), [i.code for i in form._issues]
    with qtbot.waitSignal(form.filed, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    full = filings.get_filing(ctx.db, draft.id, by=ctx.users["rev1"], reveal=True)  # type: ignore[attr-defined]
    person = full.changes["record"]["people"][0]
    assert (person["id_number"], person["phone"]) == (rep_id, rep_phone)
    assert full.changes["record"]["address"].endswith("（新址）")
