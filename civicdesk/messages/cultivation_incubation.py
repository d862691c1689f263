"""The words of incubation (培育孵化): bases and parks, residents, services (services/cultivation/incubation.py)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "incubation.bad_level": ("基地级别“{value}”无效，应为：{allowed}。",
                             "Base level '{value}' is invalid: {allowed}."),
    "incubation.bad_kind": ("基地类型“{value}”无效，应为：{allowed}。", "Base kind '{value}' is invalid: {allowed}."),
    "incubation.township_required": ("{kind:@incubation_kind}（{level:@incubation_level}）"
                                     "须填写所在乡镇（街道）。",
                                     "A {kind:@incubation_kind} ({level:@incubation_level}) needs its township "
                                     "(sub-district)."),
    "incubation.operator_one": ("运营方须填写一项：登记的组织（id 或统一社会信用代码）或运营方名称，不能两者都填。",
                                "Give one operator: an organization of the register (id or USCC) or the "
                                "operator's name, not both."),
    "incubation.bad_division": ("找不到区划“{value}”。", "No division '{value}'."),
    "incubation.division_level": ("区划 {value} 不是本单位辖区内{level:@incubation_level}基地所在的区划"
                                  "（市级填市的代码，县级、乡镇级填县区的代码）。",
                                  "Division {value} is not where a {level:@incubation_level} base of this office "
                                  "is (a city base: the city's code; a county or township one: a county's)."),
    "incubation.bad_township": ("“{value}”不是区划 {division} 下的乡镇（街道）。",
                                "'{value}' is not a township (sub-district) of division {division}."),
    "incubation.base_exists": ("本单位已有名为“{name}”的孵化基地。", "This office has a base named '{name}' already."),
    "incubation.base_not_found": ("找不到孵化基地“{key}”（请用 id 或基地名称）。",
                                  "No incubation base '{key}' (give its id or name)."),
    "incubation.resident_not_found": ("找不到入驻记录“{key}”。", "No resident record '{key}'."),
    "incubation.resident_who": ("请填写入驻的组织：登记的组织（id 或统一社会信用代码），"
                                "或尚未登记组织的名称和联系方式。",
                                "Give the resident: an organization of the register (id or USCC), or the name and "
                                "contact of one not yet registered."),
    "incubation.resident_both": ("入驻组织只填一项：登记的组织，或尚未登记组织的名称。",
                                 "Give one resident: an organization of the register, or the name of one not yet "
                                 "registered."),
    "incubation.contact_required": ("尚未登记的组织“{name}”须填写联系人或联系电话。",
                                    "'{name}', not yet registered, needs a contact person or phone."),
    "incubation.admitted_before_opening": ("入驻日期 {admitted_on} 早于基地“{base}”的启用日期 {opened_on}。",
                                           "Admitted on {admitted_on}, before the base '{base}' opened "
                                           "({opened_on})."),
    "incubation.already_resident": ("“{name}”已于 {admitted_on} 入驻“{base}”，尚未出壳或退出。",
                                    "'{name}' is resident at '{base}' since {admitted_on} (not graduated or left)."),
    "incubation.bad_outcome": ("出壳结果“{value}”无效，应为：{allowed}。", "Outcome '{value}' is invalid: {allowed}."),
    "incubation.graduation_outcome": ("出壳日期“{value}”与结果“{outcome}”不符：登记或备案出壳的，出壳日期即结果日期；"
                                      "退出的没有出壳日期。",
                                      "Graduation day '{value}' does not fit the outcome '{outcome}': a registered "
                                      "or filed graduate graduates on the outcome's day; one who left has none."),
    "incubation.graduation_before_admission": ("出壳（退出）日期 {graduated_on} 早于入驻日期 {admitted_on}。",
                                               "Graduated (or left) on {graduated_on}, before admission on "
                                               "{admitted_on}."),
    "incubation.not_resident": ("入驻记录 {id} 已出壳或退出（{outcome:@cultivation.outcome}，{on}），不在孵。",
                                "Resident {id} is no longer resident: {outcome:@cultivation.outcome} on {on}."),
    "incubation.link_not_applicable": ("{outcome:@cultivation.outcome}的不关联登记的组织："
                                       "只有登记或备案出壳的才关联。",
                                       "An outcome '{outcome:@cultivation.outcome}' links no organization: only a "
                                       "registered or filed graduate does."),
    "incubation.already_linked": ("入驻记录 {id} 已关联登记的组织。", "Resident {id} is linked to an organization "
                                                                "already."),
    "incubation.bad_service": ("服务类型“{value}”无效，应为：{allowed}。",
                               "Service kind '{value}' is invalid: {allowed}."),
    "incubation.until_not_applicable": ("{kind:@incubation_service}没有截止日期：只有办公场地填写。",
                                        "A {kind:@incubation_service} has no end day: only office space does."),
    "incubation.until_before": ("截止日期 {until} 早于服务开始日期 {given_on}。",
                                "The end day {until} is before the service began ({given_on})."),
    "incubation.service_outside": ("服务日期 {given_on} 不在入驻期间（{admitted_on} 至 {outcome_on}）。",
                                   "The service day {given_on} is outside the residence ({admitted_on} to "
                                   "{outcome_on})."),
    "incubation_level.city": ("市级", "city"),
    "incubation_level.county": ("县级", "county"),
    "incubation_level.township": ("乡镇（街道）级", "township"),
    "incubation_kind.base": ("培育孵化基地", "incubation base"),
    "incubation_kind.park": ("社区社会组织孵化园", "community incubation park"),
    "incubation_service.training": ("培训", "training"),
    "incubation_service.office_space": ("办公场地", "office space"),
    "incubation_service.mentoring": ("导师辅导", "mentoring"),
    "incubation_service.registration": ("登记备案指导", "registration help"),
    "audit_action.incubation.refused": ("拒绝办理孵化基地事项", "incubation refused"),
    "cli.incubation.count": ("共 {count} 个孵化基地（园）。", "{count} incubation bases and parks."),
    "cli.incubation.residents": ("入驻 {admitted} 个，出壳 {graduated} 个，在孵 {in_residence} 个。",
                                 "{admitted} admitted, {graduated} graduated, {in_residence} in residence."),
}
