"""The words of double-random spot checks (双随机、一公开): the roster, plans, the draw and its verification."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # input
    "spotcheck.required": ("须填写“{field}”。", "'{field}' is required."),
    "spotcheck.bad_value": ("“{field}”的值“{value}”有误。", "'{field}': '{value}' is not valid."),
    "spotcheck.too_long": ("“{field}”不能超过 {max} 个字。", "'{field}' is longer than {max} characters."),
    "spotcheck.bad_kind": ("抽查类型“{value}”有误：应为 {allowed} 之一。",
                           "Spot-check kind '{value}' is wrong: one of {allowed}."),
    "spotcheck.bad_year": ("年度“{value}”有误：应为 2000 至 {max} 年。", "Year '{value}' is wrong: 2000 to {max}."),
    "spotcheck.bad_ratio": ("抽查比例“{value}”有误：应为大于0、不超过1的比例（如 0.03 或 3%）。",
                            "Ratio '{value}' is wrong: above 0 and at most 1 (such as 0.03 or 3%)."),
    "spotcheck.ratio_precision": ("抽查比例“{value}”最多保留四位小数（如 0.0325）。",
                                  "Ratio '{value}' has more than four decimals (such as 0.0325)."),
    "spotcheck.ratio_below_minimum": (
        "抽查比例 {ratio} 低于本级（{level:@spotcheck_level}）法定下限 {minimum}（参数 spotcheck.min_ratio）。",
        "Ratio {ratio} is below the legal minimum {minimum} of this level ({level:@spotcheck_level}; parameter "
        "spotcheck.min_ratio)."),
    "spotcheck_level.county": ("县级", "county"),
    "spotcheck_level.city": ("市级", "city"),
    "spotcheck_level.province": ("省级", "province"),
    "spotcheck.bad_per_check": ("每项检查的检查人员数“{value}”有误：至少 {min} 人，至多 10 人。",
                                "Inspectors per check '{value}' is wrong: at least {min}, at most 10."),
    "spotcheck.bad_filter": ("没有筛选条件“{key}”：应为 {allowed} 之一。", "No filter '{key}': one of {allowed}."),
    "spotcheck.bad_filter_value": ("筛选条件“{key}”的值“{value}”不存在或不属于本机关。",
                                   "Filter '{key}': '{value}' does not exist or is not this office's."),
    "spotcheck.targeted_needs_filter": ("定向抽查须至少给出一个筛选条件（类别、组织类型、层级、乡镇或对象）。",
                                        "A targeted plan needs at least one filter (category, legal form, tier, "
                                        "township or subject)."),
    "spotcheck.reason_required": ("取消抽查计划须写明理由。", "Cancelling a plan needs a reason."),
    "spotcheck.bad_field": ("没有字段“{field}”：应为 {allowed} 之一。", "No field '{field}': one of {allowed}."),
    "spotcheck.bad_result": ("检查结果“{value}”有误：应为 {allowed} 之一。",
                             "Result '{value}' is wrong: one of {allowed}."),
    "spotcheck.bad_date": ("“{field}”的日期“{value}”有误：应为 YYYY-MM-DD。",
                           "'{field}': '{value}' is not a date (YYYY-MM-DD)."),
    "spotcheck.date_future": ("“{field}”的日期 {value} 晚于今天。", "'{field}' {value} is after today."),
    "spotcheck.date_order": ("日期顺序有误：“{second}”（{value}）早于“{first}”（{before}）。",
                             "Dates out of order: '{second}' ({value}) is before '{first}' ({before})."),
    "spotcheck.result_needs_check": ("记录检查结果须先填写检查日期（checked_on）。",
                                     "A result needs the date of the check (checked_on)."),
    "spotcheck.needs_result": ("填写“{field}”须先记录检查结果。", "'{field}' needs the check's result first."),
    "spotcheck.rectify_by_required": ("结果为责令整改时须填写整改期限（rectify_by）。",
                                      "A result 'rectify' needs the date to rectify by (rectify_by)."),
    "spotcheck.rectify_without_result": ("只有结果为责令整改（rectify）时才可填写整改期限或整改完成日期。",
                                         "A rectification date goes only with the result 'rectify'."),
    # states
    "spotcheck.plan_not_found": ("未找到抽查计划“{key}”。", "No spot-check plan '{key}'."),
    "spotcheck.item_not_found": ("未找到抽查事项“{key}”。", "No spot check '{key}'."),
    "spotcheck.inspector_not_found": ("未找到检查人员“{key}”。", "No inspector '{key}'."),
    "spotcheck.bad_state": ("抽查计划当前为“{state:@spotcheck_state}”，不能{action:@spotcheck_action}。",
                            "The plan is {state:@spotcheck_state}: it cannot be {action:@spotcheck_action}."),
    "spotcheck.already_drawn": ("该计划已经抽取，抽取不能重做；如须重抽，请取消本计划（写明理由）后另建计划。",
                                "This plan is drawn already and a draw is never redone: cancel it with a reason "
                                "and make a new plan."),
    "spotcheck.not_drawn": ("该计划尚未抽取（当前为“{state:@spotcheck_state}”），无可核验。",
                            "The plan is not drawn ({state:@spotcheck_state}): nothing to verify."),
    "spotcheck_state.planned": ("已计划", "planned"),
    "spotcheck_state.drawn": ("已抽取", "drawn"),
    "spotcheck_state.completed": ("已完成", "completed"),
    "spotcheck_state.cancelled": ("已取消", "cancelled"),
    "spotcheck_action.draw": ("抽取", "drawn"),
    "spotcheck_action.cancel": ("取消", "cancelled"),
    "spotcheck_action.record": ("登记检查情况", "recorded"),
    # the draw
    "spotcheck.nothing_eligible": ("没有符合条件的抽查对象（本机关登记、存续且符合筛选条件的组织为0个），不能抽取。",
                                   "No organization is eligible (none registered here, existing and matching the "
                                   "filters): nothing to draw."),
    "spotcheck.no_inspectors": ("检查人员名录为空，不能抽取：请先添加检查人员（civicdesk spotcheck inspector add）。",
                                "The inspector roster is empty: add inspectors first (civicdesk spotcheck "
                                "inspector add)."),
    "spotcheck.roster_too_short": ("在岗检查人员只有 {count} 人，每项检查至少需要 {needed} 人：请先添加检查人员。",
                                   "The roster has {count} active inspectors; each check needs {needed}: add "
                                   "inspectors first."),
    "spotcheck.conflicts_leave_too_few": (
        "“{name}”因利害关系回避后只剩 {available} 名检查人员，少于 {needed} 名：未抽取，请补充检查人员后再抽。",
        "'{name}': after excluding conflicts of interest only {available} inspectors remain, fewer than {needed}: "
        "nothing drawn; add inspectors and draw again."),
    # verification
    "spotcheck.verify_match": ("核验一致：从保存的 {eligible} 个对象快照和随机种子重算，"
                               "{count} 个抽查对象及检查人员与记录相同。",
                               "Verified: recomputed from the stored snapshot of {eligible} and the seed, the {count} "
                               "drawn organizations and their inspectors match the record."),
    "spotcheck.verify_method": ("核验不一致：抽取方法“{method}”未知。", "Mismatch: unknown draw method '{method}'."),
    "spotcheck.verify_unreadable": ("核验不一致：保存的快照或随机种子无法读取。",
                                    "Mismatch: the stored snapshot or seed cannot be read."),
    "spotcheck.verify_sha": ("核验不一致：快照的 SHA-256 为 {actual}，记录为 {stored}。",
                             "Mismatch: the snapshot's SHA-256 is {actual}, the record says {stored}."),
    "spotcheck.verify_snapshot_order": ("核验不一致：快照中的对象未按顺序排列、有重复或个数与记录不符。",
                                        "Mismatch: the snapshot is not sorted, repeats an id or its count differs "
                                        "from the record."),
    "spotcheck.verify_roster_order": ("核验不一致：检查人员快照未按顺序排列或有重复。",
                                      "Mismatch: the inspector snapshot is not sorted or repeats an id."),
    "spotcheck.verify_short": ("核验不一致：重算时对象 {organization} 的检查人员不足。",
                               "Mismatch: recomputing leaves too few inspectors for {organization}."),
    "spotcheck.verify_count": ("核验不一致：重算抽出 {actual} 个对象，记录为 {stored} 个。",
                               "Mismatch: recomputing draws {actual} organizations, the record says {stored}."),
    "spotcheck.verify_missing": ("核验不一致：第 {position} 个抽查对象（{organization}）在记录中缺失。",
                                 "Mismatch: check {position} ({organization}) is missing from the record."),
    "spotcheck.verify_extra": ("核验不一致：记录中多出第 {position} 个抽查对象。",
                               "Mismatch: the record has an extra check at {position}."),
    "spotcheck.verify_org": ("核验不一致：第 {position} 个抽查对象应为 {expected}，记录为 {stored}。",
                             "Mismatch: check {position} should be {expected}, the record says {stored}."),
    "spotcheck.verify_team": ("核验不一致：第 {position} 个抽查对象的检查人员应为 {expected}，记录为 {stored}。",
                              "Mismatch: the inspectors of check {position} should be {expected}, the record says "
                              "{stored}."),
    # results
    "spotcheck_result.clear": ("未发现问题", "no problem found"),
    "spotcheck_result.rectify": ("责令整改", "rectify"),
    "spotcheck_result.refer": ("移交执法", "referred to enforcement"),
    "spotcheck_kind.regular": ("定期抽查", "regular"),
    "spotcheck_kind.targeted": ("定向抽查", "targeted"),
    # the CLI
    "cli.spotcheck.plans": ("共 {count} 个抽查计划", "{count} plans"),
    "cli.spotcheck.inspectors": ("共 {count} 名检查人员", "{count} inspectors"),
}
