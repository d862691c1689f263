"""The ``organization`` document kind: one organization's sheet (社会组织登记信息表) with every field, its
people, its history, its supervision (年检, 评估等级, 抽查: decided and published ones only on the public version)
and, once filings exist, its latest filings (a section provider registered by that
feature with :func:`register_section`).

Personal data: ID numbers are masked unless the job reveals them (never on the public version); the public
version masks phone numbers and leaves out internal notes (and changes of them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from civicdesk import messages
from civicdesk.services.register import organizations
from civicdesk.services.core.database import Database
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.layout import DocInfo, cn_date
from civicdesk.services.register.records import FIELDS_BY_NAME, ORG_FIELDS, label
from civicdesk.services.core.reference import dictionary_codes
from civicdesk.services.core.validation import mask_id_number, mask_phone

#: Fields printed across the whole row (long text).
SKIPPED = {"registry_code", "is_community"}
ALWAYS = {"name", "uscc", "legal_form", "tier", "status", "address", "contact_phone"}
WIDE = {"name", "address", "purpose", "business_scope", "sponsor", "registry_name", "activity_area", "notes"}
PRIVATE_FIELDS = {"notes"}
PHONE_FIELDS = {"contact_phone", "phone"}
ID_FIELDS = {"id_number"}

#: (title, header, rows) sections added by other features, e.g. the latest filings:
#: provider(db, org_id, public) -> None or (section title, header cells, row cells).
SectionProvider = Callable[[Database, str, bool], "tuple[str, list[str], list[list[str]]] | None"]
SECTION_PROVIDERS: list[SectionProvider] = []


def register_section(provider: SectionProvider) -> None:
    SECTION_PROVIDERS.append(provider)


def _options_key(options: Any) -> str:
    return options if isinstance(options, str) else options["key"]


def _title(db: Database, options: Any) -> str:
    return "社会组织登记信息表"


def _value(spec_name: str, value: Any, labels: dict[str, Any], divisions: dict[str, str]) -> str:
    if value is None or value == "":
        return ""
    spec = FIELDS_BY_NAME.get(spec_name)
    if spec is None:
        return str(value)
    if spec.kind == "bool":
        return "是" if value else "否"
    if spec.kind == "date" and isinstance(value, date):
        return cn_date(value)
    if spec.kind == "decimal" and isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if spec.kind == "code" and spec.dictionary:
        entry = labels.get(spec.dictionary, {}).get(value)
        return entry.label_zh if entry else str(value)
    if spec_name in ("division_code", "township_code", "community_code"):
        return divisions.get(value, str(value))
    return str(value)


def _history_value(field: str, value: str | None, public: bool, reveal: bool) -> str:
    if not value:
        return ""
    leaf = field.split(".")[-1]
    if leaf in ID_FIELDS and not reveal:
        return mask_id_number(value) or ""
    if leaf in PHONE_FIELDS and public:
        return mask_phone(value) or ""
    return value


def _field_label(field: str, roles: dict[str, Any]) -> str:
    """A changed field's words: an organization field, a person's role (法定代表人 …), or the code itself."""
    leaf = field.split(".")[-1]
    if leaf in FIELDS_BY_NAME:
        return label(leaf)
    if leaf in roles:
        return str(roles[leaf].label_zh)
    return field


def _word(prefix: str, code: str | None) -> str:
    return messages.label(f"{prefix}.{code}", "zh", default=code or "")


def _supervision(job: PrintJob, org_id: str, public: bool, s: official.Styles) -> list[Any]:
    """年检, 评估等级, 抽查 and 信用名单 of the sheet (:func:`profile.supervision_profile`, :func:`credit.current`).
    The public version shows only what is decided or published: decided inspections, published spot checks, and
    the listings in force (a listing is itself published).  An organization on a list gets a warning line first,
    in red and in words (the fonts have no ⚠: 【警示】)."""
    from civicdesk.services.supervision import credit, profile

    found = profile.supervision_profile(job.db, org_id)
    listings = credit.current(job.db, org_id)
    out: list[Any] = [Paragraph(f"<font color='#b00020'>【警示】{official.escape(credit.warning(x).removeprefix('⚠ '))}"
                                "</font>", s.body_flush) for x in listings]
    out.append(Paragraph("（一）年检", s.h2))
    inspections: list[list[Any]] = [["年度", "结论", "报送日期", "逾期报送", "文号"]]
    for line in found.inspections:
        if public and line.state != "decided":
            continue
        result = (_word("register.conclusion", line.conclusion) if line.state == "decided"
                  else _word("register.inspection_state", line.state))
        inspections.append([str(line.year), result, cn_date(line.received_on), "是" if line.late else "否",
                            line.document_no or ""])
    if len(inspections) == 1:
        inspections.append(["（无）", "", "", "", ""])
    out.append(official.grid_table(inspections, [w * mm for w in (20, 30, 34, 22, 50)], styles=s))
    in_force = found.rating_in_force
    if in_force is not None:
        rating = (f"{in_force.current_grade or in_force.grade}，有效期{cn_date(in_force.valid_from)}至"
                  f"{cn_date(in_force.valid_to)}" if in_force.valid_from and in_force.valid_to else "")
        if in_force.decision_no:
            rating += f"（{in_force.decision_no}）"
    else:
        ended = next((r for r in found.ratings if r.state in profile.RATING_IN_FORCE and r.valid_to), None)
        rating = (f"已过期（{ended.current_grade or ended.grade}，有效期至{cn_date(ended.valid_to)}）"
                  if ended is not None and ended.valid_to else "未评估")
    out.append(Paragraph(f"（二）评估等级：{official.escape(rating)}", s.h2))
    out.append(Paragraph("（三）抽查", s.h2))
    checks: list[list[Any]] = [["年度", "抽查计划", "检查日期", "结果", "整改期限", "整改完成"]]
    for c in found.spotchecks:
        if public and c.published_on is None:
            continue
        checks.append([str(c.year), c.plan_title or "", cn_date(c.checked_on) if c.checked_on else "",
                       _word("register.spotcheck", c.result) if c.result else "待检查",
                       cn_date(c.rectify_by) if c.rectify_by else "",
                       cn_date(c.rectified_on) if c.rectified_on else ""])
    if len(checks) == 1:
        checks.append(["（无）", "", "", "", "", ""])
    out.append(official.grid_table(checks, [w * mm for w in (16, 40, 26, 24, 26, 24)], styles=s))
    out.append(Paragraph("（四）信用名单", s.h2))
    lists: list[list[Any]] = [["名单", "列入事由", "决定文号", "列入日期"]]
    for x in listings:
        lists.append([credit.list_label(x.list_kind), credit.ground_label(x.ground), x.decision_no or "",
                      cn_date(x.listed_on) if x.listed_on else ""])
    if len(lists) == 1:
        lists.append(["（未列入）", "", "", ""])
    out.append(official.grid_table(lists, [w * mm for w in (36, 60, 36, 24)], styles=s))
    return out


def _yuan(value: Any) -> str:
    return f"{value:,.2f}"


def _cultivation(job: PrintJob, org_id: str, s: official.Styles) -> list[Any]:
    """培育发展 of the sheet (:func:`~civicdesk.services.cultivation.profile.cultivation_profile`): a team's or a
    station's totals, the incubation, the purchased-service projects, the awards and the funds it holds; empty
    when it has none (no section then).  No personal data is in it."""
    from civicdesk.services.cultivation.profile import cultivation_profile

    found = cultivation_profile(job.db, org_id)
    if found.empty:
        return []
    out: list[Any] = []
    if found.team is not None:
        people, activities, hours = found.team
        out.append(Paragraph(f"志愿者{people}人，服务活动{activities}次，服务时长{hours:,}小时。", s.body))
    if found.station is not None:
        days, times = found.station
        out.append(Paragraph(f"服务{days}次，{times:,}人次。", s.body))
    tables: list[tuple[str, list[str], list[float], list[list[Any]]]] = [
        ("孵化", ["孵化基地", "入驻日期", "出壳日期", "结果"], [70, 28, 28, 30],
         [[r.base, cn_date(r.admitted_on), cn_date(r.graduated_on) if r.graduated_on else "在孵",
           _word("cultivation.outcome", r.outcome) if r.outcome else ""] for r in found.residences]),
        ("政府购买服务", ["年度", "项目", "购买单位", "合同金额（元）", "评估"], [14, 56, 40, 28, 18],
         [[str(p.year), p.name, p.department, _yuan(p.amount),
           _word("cultivation.evaluation", p.evaluation) if p.evaluation else ""] for p in found.projects]),
        ("资助与表彰", ["日期", "项目或表彰", "授予单位", "金额（元）"], [26, 70, 36, 24],
         [[cn_date(a.on) if a.on else "", a.title, a.by, _yuan(a.amount) if a.amount else ""]
          for a in found.awards]),
        ("社区基金", ["基金", "累计筹集（元）", "余额（元）"], [80, 38, 38],
         [[f.name, _yuan(f.contributed), _yuan(f.balance)] for f in found.funds]),
    ]
    number = 0
    for title, header, widths, rows in tables:
        if not rows:
            continue
        out.append(Paragraph(f"（{'一二三四'[number]}）{title}", s.h2))
        out.append(official.grid_table([header, *rows], [w * mm for w in widths], styles=s))
        number += 1
    return out


def _write(job: PrintJob, options: Any, info: DocInfo) -> dict[str, Any]:
    public = job.public
    record = organizations.load_organization(job.db, _options_key(options), reveal=job.reveal_ids)
    job.progress.total = 3
    job.progress(1, force=True)
    from civicdesk.models import Division

    with job.db.read() as session:
        labels = dictionary_codes(session)
        codes = [record.values.get(k) for k in ("division_code", "township_code", "community_code")]
        divisions = {d.code: d.full_name
                     for d in session.query(Division).filter(Division.code.in_([c for c in codes if c]))}
    s = official.Styles(job.fonts)
    story: list[Any] = [official.Title(job.fonts, info.title, space_after=4),
                        Paragraph(official.escape(record.name), s.subtitle), Spacer(1, 6)]
    cell, head = s.cell, s.cell_head

    # 一、基本信息: label | value | label | value, long fields across the row
    from reportlab.lib import colors

    story.append(Paragraph("一、基本信息", s.h1))
    narrow: list[list[Any]] = []
    wide: list[list[Any]] = []
    for spec in ORG_FIELDS:
        if (spec.name in PRIVATE_FIELDS and public) or spec.name in SKIPPED:
            continue
        value = record.values.get(spec.name)
        if spec.name == "contact_phone" and public:
            value = mask_phone(record.values["contact_phone"])
        text = _value(spec.name, value, labels, divisions)
        if not text and spec.name not in ALWAYS:
            continue
        pair = [Paragraph(spec.zh, head), Paragraph(official.escape(text), cell)]
        (wide if spec.name in WIDE or len(text) > 18 else narrow).append(pair)
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    grey = colors.Color(0.93, 0.93, 0.93)

    def add_wide(pair: list[Any]) -> None:
        rows.append(pair + ["", ""])
        commands.extend([("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)),
                         ("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1), grey)])

    add_wide(wide.pop(0))  # the name first
    for i in range(0, len(narrow), 2):
        if i + 1 < len(narrow):
            rows.append(narrow[i] + narrow[i + 1])
            commands.extend([("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1), grey),
                             ("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), grey)])
        else:
            add_wide(narrow[i])
    for pair in wide:
        add_wide(pair)
    story.append(official.grid_table(rows, [33 * mm, 45 * mm, 33 * mm, 45 * mm], header_rows=0, styles=s,
                                     extra=commands))

    # 二、负责人及有关人员
    story.append(Spacer(1, 6))
    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph("二、负责人及有关人员", s.h1))
    people: list[list[Any]] = [["职务", "姓名", "身份证号码", "电话", "任期", "现任"]]
    roles = labels.get("person_role", {})
    for p in record.people:
        ends = (cn_date(p.term_start) if p.term_start else "", cn_date(p.term_end) if p.term_end else "")
        term = "—".join(x for x in ends if x)
        id_text = p.id_number or ""
        if public or not job.reveal_ids:
            id_text = (mask_id_number(id_text) or "") if id_text and "*" not in id_text else id_text
        people.append([roles[p.role].label_zh if p.role in roles else p.role, p.name, id_text,
                       (mask_phone(p.phone) if public else p.phone) or "", term, "是" if p.is_current else "否"])
    if len(people) == 1:
        people.append(["（无）", "", "", "", "", ""])
    story.append(official.grid_table(people, [w * mm for w in (24, 16, 44, 30, 30, 12)], styles=s))

    # 三、变更记录
    story.append(Spacer(1, 6))
    story.append(CondPageBreak(35 * mm))
    story.append(Paragraph("三、变更记录", s.h1))
    changes: list[list[Any]] = [["日期", "变更事项", "变更前", "变更后", "文号"]]
    for h in record.history:
        if public and h.field.split(".")[-1] in PRIVATE_FIELDS:
            continue
        changes.append([cn_date(h.changed_on), _field_label(h.field, roles),
                        _history_value(h.field, h.old_value, public, job.reveal_ids),
                        _history_value(h.field, h.new_value, public, job.reveal_ids), h.document_no or ""])
    if len(changes) == 1:
        changes.append(["（无）", "", "", "", ""])
    story.append(official.grid_table(changes, [w * mm for w in (26, 24, 38, 38, 30)], styles=s))

    # 四、监管信息
    story.append(Spacer(1, 6))
    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph("四、监管信息", s.h1))
    story.extend(_supervision(job, record.id, public, s))

    number = 5
    cultivation = _cultivation(job, record.id, s)
    if cultivation:
        story.append(Spacer(1, 6))
        story.append(CondPageBreak(30 * mm))
        story.append(Paragraph("五、培育发展", s.h1))
        story.extend(cultivation)
        number = 6
    for provider in SECTION_PROVIDERS:
        section = provider(job.db, record.id, public)
        if section is None:
            continue
        title, header, body = section
        story.append(Spacer(1, 6))
        story.append(Paragraph(f"{'四五六七八九十'[number - 4]}、{official.escape(title)}", s.h1))
        width = 156 / len(header)
        story.append(official.grid_table([header] + body, [width * mm] * len(header), styles=s))
        number += 1
    job.progress(2, force=True)
    story.append(Spacer(1, official.LINE_PITCH))
    story.append(Paragraph(official.escape(info.office_name), s.signature))
    story.append(Paragraph(cn_date(job.printed_on), s.signature))
    pages = official.build(job.path, job.fonts, info, story)
    return {"pages": pages, "organization": record.id, "name": record.name}


KIND = register_kind(DocumentKind(
    name="organization", label="社会组织登记信息表", title=_title, size=lambda _db, _o: 3, write=_write, order=20,
))
