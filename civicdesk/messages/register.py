"""The words of the register: organization records, credit codes, ID numbers, divisions."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "uscc.length": (
        "统一社会信用代码应为18位，现为 {length} 位。",
        "The unified social credit code must have 18 characters, not {length}.",
    ),
    "uscc.charset": (
        "统一社会信用代码第 {position} 位“{char}”不是允许的字符（不使用 I、O、S、V、Z）。",
        "Character {position} '{char}' of the unified social credit code is not allowed (no I, O, S, V, Z).",
    ),
    "uscc.check": (
        "统一社会信用代码校验位错误：第18位应为“{expected}”，现为“{actual}”。",
        "Wrong check character in the unified social credit code: '{expected}' expected, '{actual}' found.",
    ),
    "uscc.org_code_check": (
        "统一社会信用代码中嵌入的组织机构代码校验位不符（应为“{expected}”），可能是历史数据，请核对。",
        "The organization code inside the credit code has a wrong check character ('{expected}' expected); "
        "legacy data? Please check.",
    ),
    "uscc.department": (
        "统一社会信用代码第1位应为 5（民政部门登记），现为“{actual}”。",
        "The first character must be 5 (registered by civil affairs), not '{actual}'.",
    ),
    "uscc.kind": (
        "统一社会信用代码第2位“{actual}”与组织类型“{legal_form}”不符（应为 {expected}）。",
        "Character 2 '{actual}' of the credit code does not fit the legal form {legal_form} ({expected} expected).",
    ),
    "uscc.registry": (
        "统一社会信用代码第3-8位“{actual}”与登记管理机关区划代码“{expected}”不符。",
        "Characters 3-8 '{actual}' of the credit code do not match the registry's division code '{expected}'.",
    ),
    "uscc.duplicate": (
        "统一社会信用代码 {value} 已被“{other}”使用。",
        "The credit code {value} is already used by '{other}'.",
    ),
    "id.length": ("身份证号码应为18位，现为 {length} 位。", "An ID number has 18 characters, not {length}."),
    "id.charset": (
        "身份证号码只能由数字组成，最后一位可为 X。",
        "An ID number is digits only, with X allowed as the last character.",
    ),
    "id.birth_date": ("身份证号码中的出生日期“{value}”不存在。",
                      "The birth date '{value}' in the ID number does not exist."),
    "id.check": (
        "身份证号码校验位错误：第18位应为“{expected}”，现为“{actual}”。",
        "Wrong check character in the ID number: '{expected}' expected, '{actual}' found.",
    ),
    "phone.invalid": (
        "电话号码“{value}”格式不对（手机11位，或带区号的固定电话，如 0833-2123456）。",
        "Phone number '{value}' is not valid (11-digit mobile, or a landline with area code, e.g. 0833-2123456).",
    ),
    "division.unknown": ("区划代码“{value}”不存在。", "Division code '{value}' does not exist."),
    "division.level": (
        "“{label}”应为{expected}级区划，“{value}”不是。",
        "'{label}' must be a division of level {expected}; '{value}' is not.",
    ),
    "division.parent": (
        "“{label}”“{value}”不属于“{parent}”。",
        "'{label}' '{value}' does not lie in '{parent}'.",
    ),
    "registry.division": (
        "登记管理机关（{registry}）管辖范围不包括所在区划 {division}。",
        "The registry ({registry}) has no jurisdiction over division {division}.",
    ),
    "name.duplicate": (
        "同一登记管理机关下已有同名组织“{value}”。",
        "The registry already has an organization named '{value}'.",
    ),
    "tier.legal_form": (
        "{tier:bilingual}的社区社会组织{rule:@tier_rule}。",
        "A community social organization of tier {tier:bilingual} {rule:@tier_rule}.",
    ),
    "tier_rule.not_foundation": ("只能登记为社会团体或民办非企业单位",
                                 "can only be a social group or a social service organization"),
    # what a field does not apply to (field.not_allowed), besides a tier
    "org_context.not_foundation": ("非基金会", "organizations other than foundations"),
    "org_context.not_community": ("非社区社会组织", "organizations that are not community social organizations"),
    "org.foundation_type": ("基金会须注明类型（公募或非公募）。",
                            "A foundation must state its type (public or non-public)."),
    "sponsor.required": ("双重管理的组织须填写业务主管单位。",
                         "An organization under dual management needs a sponsor."),
    "sponsor.direct": (
        "直接登记的组织不应填写业务主管单位。",
        "A directly registered organization has no sponsor.",
    ),
    "certificate.period": ("证书有效期止不能早于有效期起。", "The certificate's end date is before its start date."),
    "person.role": ("人员角色“{value}”不在字典中。", "Person role '{value}' is not in the dictionary."),
    "person.legal_rep_count": (
        "应有且只有一名现任法定代表人，现有 {count} 名。",
        "Exactly one current legal representative is required; there are {count}.",
    ),
    # field labels (the register's record and its people): also the English of a label passed in Chinese
    "label.org.name": ("名称", "Name"),
    "label.org.legal_form": ("组织类型", "Legal form"),
    "label.org.is_community": ("社区社会组织", "Community social organization"),
    "label.org.tier": ("管理层级", "Tier"),
    "label.org.community_subtype": ("社区社会组织类别", "Community subtype"),
    "label.org.category": ("行业类别", "Category"),
    "label.org.status": ("状态", "Status"),
    "label.org.uscc": ("统一社会信用代码", "Unified social credit code"),
    "label.org.legacy_registration_no": ("登记证号", "Legacy registration number"),
    "label.org.legacy_org_code": ("组织机构代码", "Legacy organization code"),
    "label.org.filing_no": ("备案编号", "Filing number"),
    "label.org.registry_code": ("登记管理机关区划代码", "Registry division code"),
    "label.org.registry_name": ("登记管理机关", "Registry"),
    "label.org.registration_mode": ("登记方式", "Registration mode"),
    "label.org.sponsor": ("业务主管单位", "Sponsor"),
    "label.org.foundation_type": ("基金会类型", "Foundation type"),
    "label.org.division_code": ("所在县（市、区）", "County"),
    "label.org.township_code": ("所在乡镇（街道）", "Township"),
    "label.org.community_code": ("所在村（社区）", "Community"),
    "label.org.address": ("住所", "Address"),
    "label.org.purpose": ("宗旨", "Purpose"),
    "label.org.business_scope": ("业务范围", "Business scope"),
    "label.org.activity_area": ("活动地域", "Area of activity"),
    "label.org.registered_funds_wan": ("注册资金（万元）", "Registered funds (10,000 yuan)"),
    "label.org.established_on": ("成立登记日期", "Date of establishment"),
    "label.org.certificate_valid_from": ("证书有效期起", "Certificate valid from"),
    "label.org.certificate_valid_to": ("证书有效期止", "Certificate valid to"),
    "label.org.certificate_issued_on": ("发证日期", "Certificate issued on"),
    "label.org.certificate_collected_on": ("证书收缴日期", "Certificate collected on"),
    "label.org.member_count": ("会员数", "Members"),
    "label.org.staff_count": ("从业人员数", "Staff"),
    "label.org.contact_name": ("联系人", "Contact person"),
    "label.org.contact_phone": ("联系电话", "Contact phone"),
    "label.org.party_organization": ("已建立党组织", "Party organization set up"),
    "label.org.charity_recognized": ("认定为慈善组织", "Recognized charity"),
    "label.org.notes": ("内部备注", "Internal notes"),
    "label.person.role": ("职务", "Role"),
    "label.person.name": ("姓名", "Name"),
    "label.person.id_number": ("身份证号码", "ID number"),
    "label.person.phone": ("电话", "Phone"),
    "label.person.term_start": ("任期起", "Term from"),
    "label.person.term_end": ("任期止", "Term to"),
    "label.person.is_current": ("现任", "Current"),
    "label.people": ("负责人", "Responsible person"),
}
