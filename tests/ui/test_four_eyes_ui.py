"""A greyed 准予/不予 says why (issue 13): a lone administrator's own filing shows 起草人、提交人不能审查本申请 under
the buttons of the filing dialog and of the review queue (not only in a tooltip); a clerk is told its role
cannot decide; another reviewer sees no such line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from civicdesk.services.admin import auth
from civicdesk.services.register import browse
from civicdesk.services.filings import service as filings
from civicdesk.ui.filings.filing_dialog import FilingDialog
from civicdesk.ui.labels import Labels
from civicdesk.ui.filings.review_queue import ReviewQueue

FOUR_EYES = "起草人、提交人不能审查本申请：须由另一名审核人员审查（双人复核）。"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


@pytest.fixture
def lone_admin(make_ctx: Any, shawan_db_path: Path) -> Any:
    """The database after the wizard without reviewers: one administrator, who submits a change filing."""
    ctx = make_ctx(shawan_db_path)
    ctx.user = auth.create_user(ctx.db, "admin", "Admin1234", "admin")
    rows = browse.first_page(ctx.db, browse.RegisterFilter(tier="registered", legal_form="social_group"), limit=5)
    org = next(r for r in rows if r.legal_rep_name)
    draft = filings.draft_filing(ctx.db, "change", {"organization_id": org.id, "changes": {"address": "新住所1号"}},
                                 by=ctx.user)
    ctx.filing = filings.transition(ctx.db, draft.id, "submit", by=ctx.user)
    yield ctx
    ctx.runner.wait()
    QApplication.processEvents()


def _dialog(qtbot: Any, ctx: Any) -> FilingDialog:
    dialog = FilingDialog(ctx, Labels(ctx.db), ctx.filing.id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def test_lone_admin_sees_why_approve_is_greyed(qtbot: Any, lone_admin: Any) -> None:
    dialog = _dialog(qtbot, lone_admin)
    for action in ("approve", "reject"):
        assert not dialog.buttons[action].isEnabled()
        assert dialog.buttons[action].toolTip() == FOUR_EYES
    assert dialog.why_greyed.isVisible() and dialog.why_greyed.text() == FOUR_EYES
    below = dialog.why_greyed.mapTo(dialog, dialog.why_greyed.rect().topLeft()).y()
    assert below > dialog.buttons["approve"].mapTo(dialog, dialog.buttons["approve"].rect().topLeft()).y()


def test_review_queue_says_why_for_the_selected_filing(qtbot: Any, lone_admin: Any) -> None:
    ctx = lone_admin
    queue = ReviewQueue(ctx, Labels(ctx.db))
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitUntil(lambda: queue.model.rowCount() > 0, timeout=10_000)
    assert not queue.why_greyed.isVisible()  # nothing selected
    assert queue.select(ctx.filing.id)
    assert queue.why_greyed.isVisible() and queue.why_greyed.text() == FOUR_EYES
    # a clerk: its role; another reviewer: nothing to explain
    admin = ctx.user
    ctx.user = auth.create_user(ctx.db, "clerk1", "Passw0rd1", "clerk", by=admin)
    queue._explain_selected()
    assert queue.why_greyed.text() == "您的角色（经办）不能审查申请事项：须由审核人员或管理员审查。"
    ctx.user = auth.create_user(ctx.db, "rev1", "Passw0rd1", "reviewer", by=admin)
    queue._explain_selected()
    assert not queue.why_greyed.isVisible() and queue.why_greyed.text() == ""


def test_the_reason_in_english(qtbot: Any, lone_admin: Any, qapp: Any) -> None:
    from civicdesk.ui.main import install_translators

    translators = install_translators(qapp, "en")
    try:
        lone_admin.lang = "en"
        dialog = _dialog(qtbot, lone_admin)
        assert dialog.why_greyed.text() == ("The drafter or submitter cannot review this filing: another reviewer "
                                            "must review it (four eyes).")
        assert dialog.buttons["approve"].toolTip() == dialog.why_greyed.text()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
