"""The words of the register's supervision filters on the command line (``org list`` and ``print register``:
``--inspection``, ``--rating``) and of revising a decided annual inspection (``inspection revise``)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "register_filter.bad_inspection": ("上年度年检结论“{value}”有误：应为 {allowed} 之一。",
                                       "Last year's inspection conclusion '{value}' is wrong: one of {allowed}."),
    "register_filter.bad_rating": ("评估等级“{value}”有误：应为 {allowed} 之一。",
                                   "Rating '{value}' is wrong: one of {allowed}."),
    "register_filter.bad_credit": ("信用状况“{value}”有误：应为 {allowed} 之一。",
                                   "Credit status '{value}' is wrong: one of {allowed}."),
    "inspection.revise_reason_required": ("改变年检结论须写明理由。",
                                          "Revising an inspection conclusion needs its reason."),
    "inspection.revise_same": ("年检结论已是{conclusion:@inspection_conclusion}，无须改变。",
                               "The conclusion is already {conclusion:@inspection_conclusion}: nothing to revise."),
    "inspection_action.revise": ("改变结论", "revised"),
}
