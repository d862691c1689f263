"""The words of the public disclosure prints (信息公开): the credit lists (活动异常名录, 严重违法失信名单) and the
penalties decided (行政处罚), their errors, and the labels of credit grounds and penalty kinds they print.

The ground labels stand until the parameter ``credit.grounds`` ships (its ``zh``/``en`` win when it exists:
:func:`civicdesk.services.printing.kind_credit.ground_labels`)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "print.credit_list": ("名单“{value}”无效（可选：{allowed}）。",
                          "List '{value}' is invalid (choose from: {allowed})."),
    "print.credit_state": ("范围“{value}”无效（可选：{allowed}）。",
                           "Scope '{value}' is invalid (choose from: {allowed})."),
    "print.credit_year": ("年度“{value}”无效（应为 {first} 至 {last} 之间的年份）。",
                          "Year '{value}' is invalid (a year from {first} to {last})."),
    "print.credit_period": ("只能给出年度（--year）或期间（--from/--to）之一。",
                            "Give either a year (--year) or a period (--from/--to), not both."),
    "print.output_not_pdf_xlsx_csv": ("输出文件应以 .pdf、.xlsx 或 .csv 结尾：“{path}”。",
                                      "The output file must end in .pdf, .xlsx or .csv: '{path}'."),
    "audit_action.print.refused": ("拒绝打印", "print refused"),
    "cli.print.empty": ("名单中没有任何条目：文件已生成，注明“无”。",
                        "The list has no entry: the file is written and says 'none'."),
    # the kinds of list and the versions' words
    "credit_list.abnormal": ("活动异常名录", "abnormal-activity list"),
    "credit_list.serious": ("严重违法失信名单", "serious violation and dishonesty list"),
    # the grounds of a listing (民政部令第60号 第十条、第十二条, …)
    "credit_ground.annual_report_missing": ("未按规定参加年度检查（报送年度工作报告）",
                                            "did not submit the annual report (annual inspection)"),
    "credit_ground.rectification_overdue": ("未按登记管理机关整改通知要求限期完成整改",
                                            "did not rectify by the deadline the registry set"),
    "credit_ground.penalty_minor": ("受到警告或者不满3万元罚款处罚", "warned or fined less than 30,000 yuan"),
    "credit_ground.unreachable": ("通过登记的住所无法与社会组织取得联系",
                                  "cannot be reached at its registered domicile"),
    "credit_ground.moved_over": ("被列入活动异常名录满2年", "on the abnormal-activity list for 2 years"),
    "credit_ground.fine_large": ("受到3万元以上罚款处罚", "fined 30,000 yuan or more"),
    "credit_ground.suspension": ("受到限期停止活动行政处罚", "activities suspended by a penalty"),
    "credit_ground.repeat_penalties": ("2年内累计受到2次以上行政处罚",
                                       "penalised twice or more within 2 years"),
    "credit_ground.revocation": ("被撤销登记", "registration revoked"),
    "credit_ground.court_defaulter": ("被人民法院列为失信被执行人", "listed by a court as a dishonest judgment debtor"),
    "credit_ground.change_fraud": ("弄虚作假办理变更登记", "change of registration obtained by fraud"),
    "credit_ground.other": ("法律、行政法规规定的其他情形", "another case under laws and regulations"),
    # the kinds of penalty (《社会团体登记管理条例》第三十条 …)
    "penalty_kind.warning": ("警告", "warning"),
    "penalty_kind.fine": ("罚款", "fine"),
    "penalty_kind.confiscation": ("没收违法所得", "confiscation of illegal gains"),
    "penalty_kind.correction": ("责令改正", "order to correct"),
    "penalty_kind.suspension": ("限期停止活动", "activities suspended"),
    "penalty_kind.replace_leader": ("责令撤换直接负责的主管人员", "order to replace the leader responsible"),
    "penalty_kind.revocation": ("撤销登记", "registration revoked"),
}
