"""The words of cultivation (培育发展) shared by its programmes: the names of its rows in the audit viewer.

Each programme's refusals, states and CLI words are in its own catalogue (``cultivation_*.py``)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "audit_entity.incubation_base": ("培育孵化基地", "incubation base"),
    "audit_entity.incubation_resident": ("入驻组织", "incubation resident"),
    "audit_entity.incubation_service": ("孵化服务", "incubation service"),
    "audit_entity.service_project": ("政府购买服务项目", "purchased-service project"),
    "audit_entity.project_payment": ("项目付款", "project payment"),
    "audit_entity.venture_round": ("公益创投（大赛）", "venture philanthropy round"),
    "audit_entity.venture_application": ("创投申报项目", "venture application"),
    "audit_entity.venture_score": ("评审打分", "judge's score"),
    "audit_entity.venture_payment": ("创投资助拨付", "venture payment"),
    "audit_entity.community_fund": ("社区基金", "community fund"),
    "audit_entity.fund_entry": ("社区基金收支", "community fund entry"),
    "audit_entity.volunteer": ("志愿者", "volunteer"),
    "audit_entity.volunteer_activity": ("志愿服务活动", "volunteer activity"),
    "audit_entity.volunteer_hours": ("志愿服务时长", "volunteer hours"),
    "audit_entity.points_scheme": ("志愿积分办法", "volunteer points scheme"),
    "audit_entity.volunteer_award": ("志愿表彰奖励", "volunteer award"),
    "audit_entity.station_service": ("儿童服务站服务记录", "children's station service day"),
    "audit_entity.station_funding": ("儿童服务站经费", "children's station funding"),
    # the words of an organization's cultivation (its detail pane and sheet)
    "cultivation.outcome.registered": ("已登记", "registered"),
    "cultivation.outcome.filed": ("已备案", "filed"),
    "cultivation.outcome.left": ("中途退出", "left"),
    "cultivation.evaluation.excellent": ("优秀", "excellent"),
    "cultivation.evaluation.good": ("良好", "good"),
    "cultivation.evaluation.pass": ("合格", "pass"),
    "cultivation.evaluation.fail": ("不合格", "fail"),
}
