"""The words of government purchase of services (政府购买服务): projects, payments, evaluation
(services/cultivation/projects.py) and their printed list (services/printing/kind_projects.py)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "project.not_found": ("找不到政府购买服务项目“{key}”（请用 id 或合同编号）。",
                          "No purchased-service project '{key}' (give its id or contract number)."),
    "project.bad_year": ("年度“{value}”无效，应为 {first} 至 {last} 之间的年份。",
                         "Year '{value}' is invalid: a year from {first} to {last}."),
    "project.bad_funding": ("资金来源“{value}”无效，应为：{allowed}（参数 cultivation.funding_sources）。",
                            "Funding source '{value}' is invalid: {allowed} (parameter "
                            "cultivation.funding_sources)."),
    "project.period_order": ("服务期限的开始日 {starts_on} 晚于结束日 {ends_on}。",
                             "The period starts ({starts_on}) after it ends ({ends_on})."),
    "project.bad_division": ("“{value}”不是本单位或其所辖县区的区划代码。",
                             "'{value}' is not the division code of this office or of a county under it."),
    "project.org_serious_list": ("“{name}”已列入严重违法失信名单（{decision_no}，{listed_on}），不能作为政府购买服务的"
                                 "承接主体。",
                                 "'{name}' is on the serious violations list ({decision_no}, {listed_on}): it "
                                 "cannot be contracted for purchased services."),
    "project.org_not_live": ("“{name}”已不存续（{status}），不能作为承接主体。",
                             "'{name}' no longer exists ({status}): it cannot be contracted."),
    "project.contract_exists": ("本单位已有合同编号“{contract_no}”的项目。",
                                "This office has a project with contract number '{contract_no}' already."),
    "project.before_contract": ("{field} 日期 {value} 早于合同开始日 {starts_on}。",
                                "{field} ({value}) is before the contract starts ({starts_on})."),
    "project.over_contract": ("付款超过合同金额：本次 {amount} 元，已付 {paid} 元，合同 {contract} 元，"
                              "尚可支付 {left} 元。",
                              "A payment over the contract: {amount} yuan now, {paid} paid, {contract} "
                              "contracted, {left} left to pay."),
    "project.bad_evaluation": ("评估结果“{value}”无效，应为：{allowed}。",
                               "Evaluation '{value}' is invalid: {allowed}."),
    "project.evaluated": ("项目“{name}”已于 {on} 评估为{result:@cultivation.evaluation}。",
                          "Project '{name}' was evaluated {result:@cultivation.evaluation} on {on} already."),
    "audit_action.project.refused": ("拒绝办理政府购买服务项目", "purchased-service project refused"),
    "cli.project.count": ("共 {count} 个项目，合同金额 {amount} 元，已付 {paid} 元。",
                          "{count} projects, {amount} yuan contracted, {paid} paid."),
}
