"""The columns of a ledger: which field each one feeds, the header names offices use for it, and the header row.

A ledger column maps to an organization field of :mod:`civicdesk.services.register.records`, to one of the three
legal-representative columns (name, ID number, phone) that become the record's person, or to nothing (序号).
Headers are compared after normalization (full-width to half-width, spaces and asterisks removed), so
``统一社会信用代码 *`` and ``所在县（市、区）`` match ``统一社会信用代码`` and ``所在县(市、区)``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from civicdesk import messages
from civicdesk.errors import InputError
from civicdesk.services.register import records

IGNORE = ""  # a column mapped to nothing


@dataclass(frozen=True)
class LedgerColumn:
    field: str
    header: str  # the header export and the template write
    kind: str  # text | code | date | int | decimal | bool | division | registry | person
    synonyms: tuple[str, ...] = ()
    width: int = 14


def _c(field: str, header: str, *synonyms: str, kind: str | None = None, width: int = 14) -> LedgerColumn:
    spec = records.FIELDS_BY_NAME.get(field)
    return LedgerColumn(field, header, kind or (spec.kind if spec else "text"), synonyms, width)


#: Every column in export and template order; the first synonyms are the headers offices use most.
COLUMNS: tuple[LedgerColumn, ...] = (
    _c("name", "名称", "组织名称", "社会组织名称", "单位名称", "机构名称", "社团名称", "组织全称", "名称(全称)",
       width=34),
    _c("uscc", "统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "统一社会信用代码证号", width=22),
    _c("legal_form", "组织类型", "类型", "组织类别", "登记类型", "单位类型", "法人类型", width=16),
    _c("tier", "管理层级", "层级", "管理类别", width=14),
    _c("is_community", "社区社会组织", "是否社区社会组织", width=10),
    _c("community_subtype", "社区社会组织类别", "社区组织类别", "社区社会组织类型", width=14),
    _c("category", "行业类别", "行业分类", "业务类别", "所属行业", "类别", width=14),
    _c("status", "状态", "登记状态", "组织状态", width=10),
    _c("registry_name", "登记管理机关", "登记机关", "备案机关", "登记管理机关名称", kind="registry", width=22),
    _c("registration_mode", "登记方式", width=10),
    _c("sponsor", "业务主管单位", "主管单位", "业务主管部门", width=22),
    _c("foundation_type", "基金会类型", width=10),
    _c("division_code", "所在县（市、区）", "县(市、区)", "所在县区", "所属县区", "区县", "县区", "所在区县",
       kind="division", width=12),
    _c("township_code", "所在乡镇（街道）", "乡镇(街道)", "乡镇街道", "所在乡镇", "所属乡镇", "乡镇", "街道",
       "所属乡镇(街道)", kind="division", width=14),
    _c("community_code", "所在村（社区）", "村(社区)", "村社区", "所属村(社区)", "所在社区", "社区", "村",
       kind="division", width=14),
    _c("address", "住所", "地址", "办公地址", "注册地址", "住所地址", "住址", width=30),
    _c("legal_rep_name", "法定代表人（负责人）", "法定代表人", "负责人", "法人代表", "法人", "负责人姓名",
       "法定代表人姓名", kind="person", width=12),
    _c("legal_rep_id_number", "法定代表人身份证号码", "身份证号码", "身份证号", "法定代表人身份证号",
       "负责人身份证号码", kind="person", width=21),
    _c("legal_rep_phone", "法定代表人电话", "法定代表人联系电话", "负责人电话", "负责人联系电话", kind="person",
       width=15),
    _c("established_on", "成立登记日期", "登记日期", "成立日期", "成立时间", "登记时间", "备案日期", "备案时间",
       "成立(备案)日期", width=12),
    _c("registered_funds_wan", "注册资金（万元）", "注册资金", "活动资金(万元)", "开办资金(万元)", "原始基金(万元)",
       "活动资金", "开办资金", "原始基金", width=12),
    _c("purpose", "宗旨", width=30),
    _c("business_scope", "业务范围", width=30),
    _c("activity_area", "活动地域", "活动区域", width=14),
    _c("certificate_valid_from", "证书有效期起", "有效期起", width=12),
    _c("certificate_valid_to", "证书有效期止", "有效期止", "有效期至", width=12),
    _c("certificate_issued_on", "发证日期", "发证时间", width=12),
    _c("certificate_collected_on", "证书收缴日期", width=12),
    _c("member_count", "会员数", "会员数量", "成员数", "会员人数", width=8),
    _c("staff_count", "从业人员数", "从业人数", "工作人员数", "专职人员数", width=8),
    _c("contact_name", "联系人", width=10),
    _c("contact_phone", "联系电话", "电话", "联系方式", "手机", "联系手机", width=15),
    _c("party_organization", "已建立党组织", "是否建立党组织", "党组织", width=10),
    _c("charity_recognized", "认定为慈善组织", "是否慈善组织", "慈善组织", width=10),
    _c("legacy_registration_no", "登记证号", "登记证书号", "登记证编号", width=16),
    _c("legacy_org_code", "组织机构代码", width=12),
    _c("filing_no", "备案编号", "备案号", "备案证号", width=24),
    _c("registry_code", "登记管理机关区划代码", "登记机关代码", width=10),
    _c("notes", "内部备注", "备注", width=20),
)
COLUMNS_BY_FIELD = {c.field: c for c in COLUMNS}
#: Headers of columns that carry nothing to import (a running number).
IGNORED_HEADERS = frozenset({"序号", "编号序号", "排序", "no", "no."})


def normalize_header(text: Any) -> str:
    """``统一社会信用代码 *`` -> ``统一社会信用代码``; ``所在县（市、区）`` -> ``所在县(市、区)``."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    value = re.sub(r"[\s*※★]", "", value)
    value = re.sub(r"\((必填|选填|必填项)\)$", "", value)
    return value.lower()


def synonym_table(columns: tuple[LedgerColumn, ...]) -> dict[str, str]:
    """normalized header -> field, for every column's header, synonyms, register label and field name: how a
    sheet of these columns is recognized (the register's ledger, and others such as the inspection sheet)."""
    table: dict[str, str] = {}
    for col in columns:
        for name in (col.header, *col.synonyms, records.FIELDS_BY_NAME[col.field].zh
                     if col.field in records.FIELDS_BY_NAME else col.header, col.field):
            table.setdefault(normalize_header(name), col.field)
    return table


_SYNONYMS: dict[str, str] = synonym_table(COLUMNS)


def field_for_header(header: Any, synonyms: dict[str, str] | None = None) -> str | None:
    """The field a header names (among ``synonyms``, default the register's ledger), ``IGNORE`` for a running
    number, ``None`` when unknown."""
    key = normalize_header(header)
    if not key:
        return None
    if key in IGNORED_HEADERS:
        return IGNORE
    return (_SYNONYMS if synonyms is None else synonyms).get(key)


#: How far down a header row is looked for (title rows, a date line, a blank row above it).
HEADER_SEARCH_ROWS = 30


def header_score(values: tuple[Any, ...], synonyms: dict[str, str] | None = None) -> int:
    """How many distinct fields a row's cells name: the header row names the most, and at least two."""
    return len({f for f in (field_for_header(v, synonyms) for v in values) if f})


@dataclass(frozen=True)
class Mapping:
    """Column index -> field (``IGNORE`` for none), with the header texts it was made from."""

    headers: tuple[str, ...]
    fields: tuple[str, ...]

    def as_dict(self) -> dict[str, str]:
        return {h: f for h, f in zip(self.headers, self.fields, strict=True) if h}

    def column_of(self, field: str) -> int | None:
        try:
            return self.fields.index(field)
        except ValueError:
            return None


def auto_mapping(headers: tuple[Any, ...], overrides: dict[str, str] | None = None, *,
                 synonyms: dict[str, str] | None = None) -> Mapping:
    """Each header's field by name and ``synonyms`` (default the register's ledger); ``overrides`` (header ->
    field or "") win.  A field named by two headers goes to the first automatically; twice in ``overrides`` is an
    error."""
    texts = tuple("" if h is None else str(h).strip() for h in headers)
    overrides = {normalize_header(k): v for k, v in (overrides or {}).items()}
    fields: list[str] = []
    seen: dict[str, str] = {}
    for text in texts:
        key = normalize_header(text)
        if key in overrides:
            wanted = overrides[key] or IGNORE
            if wanted and wanted in seen:
                raise InputError("ledger.mapping_twice", field=wanted, first=seen[wanted], second=text)
        else:
            wanted = field_for_header(text, synonyms) or IGNORE
            if wanted and wanted in seen:
                wanted = IGNORE
        if wanted:
            seen[wanted] = text
        fields.append(wanted)
    return Mapping(texts, tuple(fields))


def check_mapping(overrides: dict[str, Any]) -> dict[str, str]:
    """A mapping as given by a clerk (header -> field name, or "" / null for none), checked."""
    out: dict[str, str] = {}
    for header, field in overrides.items():
        if field in (None, "", IGNORE):
            out[str(header)] = IGNORE
            continue
        if not isinstance(field, str) or field not in COLUMNS_BY_FIELD:
            raise InputError("ledger.mapping_field", field=str(field), header=str(header))
        out[str(header)] = field
    return out


def read_mapping_file(path: str | Path) -> dict[str, str]:
    """A mapping JSON file: ``{"表头": "field", ...}`` (or ``{"columns": {...}}``); a header mapped to "" or null
    is ignored.  Field names are those of ``org show --json`` plus legal_rep_name/_id_number/_phone."""
    path = Path(path)
    if not path.is_file():
        raise InputError("input.file_missing", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError("ledger.mapping_file", path=str(path), reason=str(exc)) from exc
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict):
        raise InputError("ledger.mapping_file", path=str(path), reason="{\"表头\": \"field\"}")
    return check_mapping(data)


def field_label(field: str, lang: str = "zh") -> str:
    if field in records.FIELDS_BY_NAME:
        return records.label(field, lang)
    column = COLUMNS_BY_FIELD.get(field)
    if column is None:
        return field
    return messages.label(f"ledger_field.{field}", lang, default=column.header)
