"""The 年度检查 tab's 改变结论 button: greyed (with the reason) but for a decided record and a reviewer other than its
clerk; its form refuses a change without a reason in place, with nothing written, and saves the new conclusion."""

from __future__ import annotations

from datetime import date
from typing import Any

from civicdesk.errors import CivicDeskError
from civicdesk.services.supervision import inspection
from civicdesk.ui.supervision.forms import why_not
from tests.helpers.db import digest
from tests.ui import test_supervision_ui as workbench
from tests.ui.test_supervision_ui import fill_and_save, open_bench, settle

# the workbench tests' fixtures: an office with a clerk, a reviewer and one social group due in 2025
cheap_hashes, office, inspected_office = workbench.cheap_hashes, workbench.office, workbench.inspected_office


def test_the_revise_button_changes_a_decided_conclusion(qtbot: Any, inspected_office: Any) -> None:
    ctx = inspected_office
    inspection.open_campaign(ctx.db, 2025, by=ctx.clerk)
    inspection.record(ctx.db, 2025, ctx.org.id, {"received_on": date(2026, 4, 20)}, by=ctx.clerk)
    inspection.submit(ctx.db, 2025, ctx.org.id, by=ctx.clerk)
    ctx.user = ctx.reviewer
    bench = open_bench(qtbot, ctx, "inspection")
    tab = bench.inspection
    tab.table.selectRow(0)
    assert tab.decide_button.isEnabled() and not tab.revise_button.isEnabled()  # not decided yet
    assert tab.revise_button.toolTip() == "只有已作结论的年报可以改变结论。"
    inspection.decide(ctx.db, 2025, ctx.org.id, conclusion="pass", by=ctx.reviewer)
    tab.reload()
    settle(ctx)
    tab.table.selectRow(0)
    assert tab.selected().conclusion == "pass" and tab.revise_button.isEnabled()

    ctx.user = ctx.clerk  # the record's clerk, without supervise.decide: greyed, saying why
    tab.refresh_actions()
    assert not tab.revise_button.isEnabled() and tab.revise_button.toolTip() == why_not(ctx, "supervise.decide")
    assert tab.revise_button.toolTip()
    ctx.user = ctx.reviewer
    tab.refresh_actions()

    before = digest(ctx.path, without=("audit_entry",))
    dialog = tab.revise()
    assert dialog.fields["conclusion"].findData("pass") == -1  # only another conclusion is offered
    fill_and_save(qtbot, ctx, dialog, conclusion="basic")  # no reason: refused in place
    assert dialog.isVisible() and dialog.error.text() == CivicDeskError(
        "inspection.revise_reason_required").message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before
    fill_and_save(qtbot, ctx, dialog, reason="复核发现财务制度不健全")
    assert not dialog.isVisible(), dialog.error.text()
    tab.table.selectRow(0)
    revised = tab.selected()
    assert (revised.state, revised.conclusion, revised.reasons) == ("decided", "basic", "复核发现财务制度不健全")
    assert "基本合格 1" in tab.figures.text()
    assert [s.action for s in inspection.get_record(ctx.db, 2025, ctx.org.id).steps][-1] == "revise"
