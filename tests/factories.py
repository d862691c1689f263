"""Valid records to start a test from; each test changes what it is about."""

from __future__ import annotations

import copy
from typing import Any

from civicdesk.services.core.validation import make_id_number, make_uscc
from datetime import date

SOCIAL_GROUP: dict[str, Any] = {
    "name": "乐山市沙湾区测试摄影协会",
    "legal_form": "social_group",
    "tier": "registered",
    "category": "culture",
    "uscc": make_uscc("1", "511111", "MJ900001"),
    "registration_mode": "dual",
    "sponsor": "沙湾区文化广播电视和旅游局",
    "division_code": "511111",
    "township_code": "511111002",
    "address": "四川省乐山市沙湾区铜河街道测试路1号",
    "registered_funds_wan": "3.5",
    "established_on": "2019-05-20",
    "member_count": 120,
    "contact_phone": "0833-2123456",
    "people": [
        {"role": "legal_representative", "name": "张三", "id_number": make_id_number("511111", date(1970, 3, 5), 12),
         "phone": "13812345678", "term_start": "2019-05-20"}
    ],
}

GUIDED: dict[str, Any] = {
    "name": "测试社区书画社",
    "tier": "guided",
    "is_community": True,
    "community_subtype": "culture_sports",
    "division_code": "511111",
    "township_code": "511111002",
    "community_code": None,  # filled by the test from the demo communities
    "people": [{"role": "responsible_person", "name": "李四"}],
}


def social_group(**changes: Any) -> dict[str, Any]:
    record = copy.deepcopy(SOCIAL_GROUP)
    record.update(changes)
    return record
