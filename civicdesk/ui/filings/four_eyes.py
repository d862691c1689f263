"""Why a filing's decision (开始审查, 准予, 不予, 退回补正) is greyed for the current user, in one sentence.

The review queue shows it under its buttons for the selected filing and the filing dialog under its own, as
well as in the buttons' tooltips: a lone administrator who drafted a filing sees why nobody can approve it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from civicdesk.services.admin import auth

if TYPE_CHECKING:
    from civicdesk.services.filings.service import FilingRecord
    from civicdesk.ui.context import AppContext

#: the states in which a filing waits for a decision (filings.TRANSITIONS of approve, reject, return)
DECIDABLE = ("submitted", "under_review")


def four_eyes_text() -> str:
    return QCoreApplication.translate("FourEyes", "起草人、提交人不能审查本申请：须由另一名审核人员审查（双人复核）。")


def why_not_decide(ctx: AppContext, record: FilingRecord | None) -> str | None:
    """Why the user cannot decide ``record``, which waits for a decision; None when it can (or nothing waits)."""
    if record is None or record.state not in DECIDABLE:
        return None
    user = ctx.user
    if not ctx.may("filing.review"):
        role = auth.role_label(user.role, ctx.lang) if user else \
            QCoreApplication.translate("FourEyes", "只读")
        return QCoreApplication.translate("FourEyes", "您的角色（%1）不能审查申请事项：须由审核人员或管理员审查。") \
            .replace("%1", role)
    if user is not None and user.username in (record.created_by, record.submitted_by):
        return four_eyes_text()
    return None
