"""The words of filings: their errors, kinds, states and actions."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "filing.not_found": ("未找到申请事项“{key}”。", "No filing '{key}'."),
    "filing.kind": ("申请事项类型“{value}”无效：应为 {allowed} 之一。",
                    "Filing kind '{value}' is invalid: one of {allowed}."),
    "filing.transition": ("申请事项 {number} 当前为“{state:@filing_state}”，不能{action:@filing_action}。",
                          "Filing {number} is '{state:@filing_state}' and cannot be {action:@filing_action}."),
    "filing.four_eyes": ("申请事项 {number} 由您本人起草或提交，须由另一名审核人员审查。",
                         "You drafted or submitted filing {number}; another reviewer must review it."),
        "filing.stale": ("申请事项 {number} 起草后，“{name}”的登记信息已被修改（版本 {base} → {current}），"
                     "不能按原申请核准；请退回经办人按现状重新核对。",
                     "'{name}' changed after filing {number} was drafted (version {base} -> {current}); it cannot be"
                     " approved as it stands: return it for correction."),
    "filing.org_not_live": ("“{name}”状态为“{status}”，不能办理{kind:@filing_kind}。",
                            "'{name}' is '{status}'; no {kind:@filing_kind} is possible."),
    "filing.org_required": ("{kind:@filing_kind}须指明组织（organization_id：记录 id 或统一社会信用代码）。",
                            "A {kind:@filing_kind} names its organization"
                            " (organization_id: the record id or the USCC)."),
    "filing.no_changes": ("变更登记没有任何变更事项。", "The change filing changes nothing."),
    "filing.unchanged": ("“{label}”的新值与现值相同。", "The new value of '{label}' equals the current one."),
    "filing.liquidation": ("注销登记须在清算完成后办理（liquidation_done 须为 true）。",
                           "Deregistration comes after liquidation (liquidation_done must be true)."),
    "filing.reason_required": ("{kind:@filing_kind}须写明事由（reason）。", "A {kind:@filing_kind} needs a reason."),
    "filing.tier": ("{kind:@filing_kind}不适用于“{tier}”层级的组织。",
                    "A {kind:@filing_kind} does not apply to a '{tier}' organization."),
    "filing.tier_target": ("层级转换的目标“{value}”无效：应从 {allowed} 中选择。",
                           "Tier conversion target '{value}' is invalid: one of {allowed}."),
    "filing.not_editable": ("申请事项 {number} 已提交，不能再修改（可退回后修改）。",
                            "Filing {number} is submitted and can no longer be edited."),
    "filing.bad_input": ("申请内容“{field}”有误：{reason}", "Filing field '{field}' is wrong: {reason}"),
    "filing.comment_required": ("{action:@filing_action}须填写理由。",
                                "A filing is {action:@filing_action} only with a reason."),
    # kinds, states and actions of a filing: rendered by the messages above from the code passed
    "filing_kind.establish": ("成立登记", "establishment"),
    "filing_kind.change": ("变更登记", "change registration"),
    "filing_kind.deregister": ("注销登记", "deregistration"),
    "filing_kind.revoke": ("撤销登记", "revocation"),
    "filing_kind.community_file": ("乡镇（街道）备案", "township filing"),
    "filing_kind.community_guide": ("纳入村（社区）指导管理", "community guidance"),
    "filing_kind.tier_convert": ("层级转换", "tier conversion"),
    "filing_kind.community_withdraw": ("注销备案/退出指导", "withdrawal of filing or guidance"),
    "filing_state.draft": ("草稿", "draft"),
    "filing_state.submitted": ("已受理", "submitted"),
    "filing_state.under_review": ("审查中", "under review"),
    "filing_state.returned": ("退回补正", "returned for correction"),
    "filing_state.approved": ("准予", "approved"),
    "filing_state.rejected": ("不予", "rejected"),
    "filing_state.withdrawn": ("撤回", "withdrawn"),
    "filing_action.submit": ("提交", "submitted"),
    "filing_action.review": ("开始审查", "taken under review"),
    "filing_action.approve": ("准予", "approved"),
    "filing_action.reject": ("不予", "rejected"),
    "filing_action.return": ("退回补正", "returned"),
    "filing_action.withdraw": ("撤回", "withdrawn"),
    "filing_action.edit": ("修改", "edited"),
    # how the diff names the people an approval writes, and the day an establishment is dated when the filing
    # names none (it is established on the day it is approved)
    "filing.person": ("人员", "person"),
    "filing.on_approval": ("准予之日", "the day of approval"),
    # pseudo-fields a change filing may carry besides the organization's own fields
    "filing_field.legal_rep_name": ("法定代表人（负责人）姓名", "legal rep name"),
    "filing_field.legal_rep_id_number": ("法定代表人身份证号码", "legal rep id number"),
    "filing_field.legal_rep_phone": ("法定代表人电话", "legal rep phone"),
    "filing_field.reason": ("事由", "reason"),
    "filing_field.liquidation_done": ("清算完成", "liquidation finished"),
    "filing_field.legal_representative": ("法定代表人", "legal representative"),
}
