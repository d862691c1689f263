"""The words of the city's rulings (裁决) on a district's listings and penalties (services/supervision/ruling.py)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "ruling.ruled": (
        "该记录已由市民政局裁决（文号 {decision_no}），本单位不能更改（{entity} {id}：{field}）。",
        "This row was ruled on by the city bureau (decision {decision_no}); this office cannot change it"
        " ({entity} {id}: {field}).",
    ),
    "ruling.append_only": ("裁决 {id} 不能修改或删除。", "Ruling {id} cannot be changed or deleted."),
    "ruling.not_city": ("只有市民政局能作出裁决（本单位 {office}）。",
                        "Only the city bureau issues rulings (this office: {office})."),
    "ruling.bad_subject": ("不能裁决“{value}”（可裁决：{allowed}）。",
                           "'{value}' cannot be ruled on (allowed: {allowed})."),
    "ruling.bad_kind": ("裁决种类“{value}”无效（可选：{allowed}）。",
                        "'{value}' is not a kind of ruling (allowed: {allowed})."),
    "ruling.bad_fields": ("裁决更正的字段应为“字段=值”。", "A ruling's corrected fields must be name=value pairs."),
    "ruling.annul_fields": ("撤销裁决不带更正字段。", "An annulling ruling carries no corrected fields."),
    "ruling.fields_required": ("更正裁决须写明更正的字段（可更正：{allowed}）。",
                               "A correcting ruling names the fields it corrects (allowed: {allowed})."),
    "ruling.field_not_allowed": ("裁决不能更正字段 {field}（可更正：{allowed}）。",
                                 "A ruling cannot correct the field {field} (allowed: {allowed})."),
    "ruling.bad_value": ("字段 {field} 的值无效：“{value}”。", "The field {field} has an invalid value: '{value}'."),
    "ruling.subject_closed": ("{entity} {id} 已是“{state}”，不能再作此裁决。",
                              "{entity} {id} is already '{state}': this ruling cannot be made."),
    "ruling.subject_not_found": ("本单位没有 {entity} 记录“{key}”。", "This office holds no {entity} row '{key}'."),
    "ruling.own_row": ("{entity} {id} 是市民政局自己的记录，直接办理即可，不作裁决。",
                       "{entity} {id} is the city bureau's own row: change it directly, not by a ruling."),
    "audit_entity.ruling": ("市民政局裁决", "city ruling"),
    "cli.ruling.count": ("共 {count} 项裁决。", "{count} rulings."),
    # the import (services/sync/apply.py -> ruling.check_arriving)
    "sync.refused.ruling_not_from_city": (
        "拒收：裁决 {id} 只能由市民政局发出（发送单位 {sender}），整个同步包未导入。",
        "Refused: ruling {id} may come from the city bureau only (sender {sender}); nothing of the package was"
        " imported.",
    ),
    "sync.refused.ruling_changed": (
        "拒收：裁决 {id} 已收到，不能更改，整个同步包未导入。",
        "Refused: ruling {id} is held here and cannot be changed; nothing of the package was imported.",
    ),
    "sync.refused.ruling_subject": (
        "拒收：裁决 {id} 所涉记录（{entity} {subject}）不属于本单位，整个同步包未导入。",
        "Refused: ruling {id} is about a row that is not this office's ({entity} {subject}); nothing of the"
        " package was imported.",
    ),
    "sync.refused.ruling_invalid": (
        "拒收：裁决 {id} 无效（{detail:bilingual}），整个同步包未导入。",
        "Refused: ruling {id} is not valid ({detail:bilingual}); nothing of the package was imported.",
    ),
}
