"""The words of supervision: parameters, annual inspection, rating evaluation and spot checks."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # parameters
    "parameter.unknown": ("没有参数“{key}”：应为 {allowed} 之一。", "No parameter '{key}': one of {allowed}."),
    "parameter.bad_value": ("参数“{key}”的值有误：{reason:@parameter_value}。",
                            "The value of parameter '{key}' is wrong: {reason:@parameter_value}."),
    "parameter.out_of_range": ("参数“{key}”的值 {value} 超出范围（{min}–{max}）。",
                               "Parameter '{key}': {value} is out of range ({min}-{max})."),
    "parameter.source_required": ("参数“{key}”须写明依据（source）。", "Parameter '{key}' needs its source."),
    "parameter.years": ("起始年度 {year_from} 晚于截止年度 {year_to}。",
                        "The first year {year_from} is after the last year {year_to}."),
    "parameter.legal_form": ("组织类型“{value}”不存在。", "No legal form '{value}'."),
    "parameter.not_found": ("未找到本机关设定的参数“{key}”。", "No parameter '{key}' set by this office."),
    "parameter_value.int": ("应为整数", "a whole number expected"),
    "parameter_value.ratio": ("应为大于0、不超过1的比例", "a ratio above 0 and at most 1 expected"),
    "parameter_value.month_day": ("应为“月-日”，如 05-31", "a month-day such as 05-31 expected"),
    "parameter_value.levels": ("应分别给出 county、city、province 三级的比例",
                               "a ratio for each of county, city and province expected"),
    "parameter_value.list": ("应为非空列表", "a non-empty list expected"),
    "parameter_value.items": ("列表中有缺少名称或代码的项", "an item of the list lacks its key or names"),
    "parameter_value.duplicate": ("列表中有重复的项", "the list repeats an item"),
    "parameter_value.parts_total": ("各部分满分合计须为1000分", "the parts' maximums must add up to 1,000"),
    "parameter_value.bands_order": ("分数线须从高到低且互不相同", "the bands must fall from the highest, each once"),
    "parameter.json": ("参数值不是有效的 JSON：{value}", "The value is not valid JSON: {value}"),
    "parameter.own": ("本机关设定", "set by this office"),
    "parameter.default": ("默认", "default"),
    "parameter.set": ("已设定参数 {key} = {value}（id {id}）。", "Parameter {key} set to {value} (id {id})."),
    "parameter.reset": ("已撤销参数设定 {id}，恢复默认值。", "Parameter setting {id} removed: the default applies."),
    # a supervision row that arrives in a sync package with a value a clerk could not have entered
    "arrival.bad_value": ("{entity} 的“{field}”值“{value}”不符合规则",
                          "{entity}: '{field}' = '{value}' breaks the rules"),
    "arrival.four_eyes": ("{entity} 由录入或提交的人（{user}）自己决定，不符合双人审核",
                          "{entity} was decided by the one who entered or submitted it ({user}): no four eyes"),
    # permissions
    "action.supervise": ("办理监管事项", "record supervision"),
    "action.supervise.decide": ("作出监管结论", "decide supervision"),
    "action.parameters": ("修改监管参数", "change supervision parameters"),
    # a row changed between the clerk's view and the clerk's save (services/supervision/common.py check_shown)
    "record.changed": ("{entity:@record_entity}“{key}”在您打开后已被他人修改（版本 {shown} → {current}）："
                       "本次操作未执行，请重新打开查看后再办理。",
                       "{entity:@record_entity} '{key}' was changed by someone else after you opened it (version"
                       " {shown} -> {current}): nothing was done; open it again and check it first."),
    "record_entity.inspection_record": ("年检记录", "Inspection record"),
    "record_entity.rating": ("评估申请", "Rating application"),
    "record_entity.credit_listing": ("信用名单记录", "Credit listing"),
    "record_entity.credit_objection": ("异议", "Objection"),
    "record_entity.spotcheck_item": ("抽查事项", "Spot check"),
    "record_entity.inspector": ("检查人员", "Inspector"),
    "record_entity.interview": ("约谈", "Interview"),
    "record_entity.penalty": ("行政处罚案件", "Penalty case"),
    "record_entity.complaint": ("投诉举报", "Complaint"),
    "record_entity.parameter": ("参数", "Parameter"),
    "record_entity.incubation_resident": ("入驻组织", "Resident"),
    "record_entity.service_project": ("购买服务项目", "Service project"),
    "record_entity.venture_application": ("公益创投申报", "Venture application"),
    "record_entity.community_fund": ("社区基金", "Community fund"),
    "record_entity.volunteer": ("志愿者", "Volunteer"),
    "record_entity.station": ("儿童之家", "Children's station"),
}
