"""The supervision workbench passes the version of the row it showed: a form saved after another clerk changed the
row is refused in the form (one line), and nothing is written."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from civicdesk.models import Interview
from civicdesk.services.supervision import interviews
from tests.supervision.enforcement_fixtures import data
from tests.ui.conftest import make_ctx
from tests.ui.test_enforcement_ui import enforced_office
from tests.ui.test_supervision_ui import cheap_hashes, fill_and_save, office, open_bench

__all__ = ["cheap_hashes", "enforced_office", "make_ctx", "office"]


def test_an_outcome_form_saved_after_another_clerks_change_is_refused(qtbot: Any, enforced_office: Any,
                                                                      clock: Any) -> None:
    ctx = enforced_office
    ctx.user = ctx.clerk
    shown = interviews.record(ctx.db, ctx.org.id, held_at="2026-11-20 09:30", place="区民政局会议室",
                              participants="会长 李明", issues="未按期换届", rectification="三个月内完成换届",
                              rectify_by=clock.today() + timedelta(days=90), by=ctx.clerk)
    tab = open_bench(qtbot, ctx, "enforcement").enforcement
    tab.interviews.selectRow(0)
    dialog = tab.record_outcome()  # the form of the interview as the table showed it
    with ctx.db.unit(actor="rev1") as session:  # meanwhile another clerk corrects the interview
        row = session.get(Interview, shown.id)
        assert row is not None
        row.place = "区民政局302会议室"
    before = data(ctx.db)
    fill_and_save(qtbot, ctx, dialog, outcome="已召开会员大会完成换届")
    assert dialog.isVisible() and "已被他人修改" in dialog.error.text() and "\n" not in dialog.error.text()
    assert data(ctx.db) == before and interviews.get_interview(ctx.db, shown.id).outcome is None
