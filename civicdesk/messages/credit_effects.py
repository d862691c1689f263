"""The effects of the credit lists where they apply (民政部令第60号): the warning an organization on a list carries
in the register, its detail pane, its printed sheet and any filing about it."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "credit_effects.warning": ("⚠ 已列入{list:@credit_list}（{decision_no}，{day}）",
                               "⚠ On the {list:@credit_list} ({decision_no}, {day})"),
    "credit_effects.filing_note": ("列入信用名单不妨碍办理本事项：仅作提醒，审查时留意。",
                                   "Being on a credit list does not bar this filing: a warning to heed in review."),
    "credit_effects.listing": ("{list:@credit_list}：{ground:bilingual}（{decision_no}，{day}列入）",
                               "{list:@credit_list}: {ground:bilingual} ({decision_no}, listed {day})"),
    "credit_effects.queue_tip": ("该组织已列入{list:@credit_list}：仅作提醒，不妨碍办理。",
                                 "The organization is on the {list:@credit_list}: a warning, not a bar."),
}
