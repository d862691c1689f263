"""The ``inspection`` document kind: the annual inspection of one year, as one of two reports
(:class:`InspectionOptions` ``report``):

- ``notice``: the 年检结果公告 in the GB/T 9704 layout: the title (乐山市沙湾区民政局关于2020年度社会组织年度检查
  结果的公告), a body paragraph with the counts (due, inspected, 参检率, each conclusion), one table per conclusion
  (合格 / 基本合格 / 不合格: name and USCC), the list of the organizations that did not take part (未参检), the
  closing words, the office as issuer and the date.
- ``participation``: the 参检率 report for the bureau's leaders: the overall figures, then 参检率 and the
  result counts by county and by legal form, and how the rate is counted.  With ``all_offices`` (a city holding
  its districts' records) it sums every campaign of the year the database holds and adds a table by registry.

Every figure comes from :func:`civicdesk.services.supervision.inspection.participation` (参检率 = decided / due),
so the printed numbers are the ones ``inspection report`` gives.

Decisions (research notes §3 q6 leave them open):

- **未参检 is named, in both versions.**  The list is the organizations that were due, sent no report and whose
  form's registry deadline had passed on the day printed (``missing_list``): an organization's name and USCC are
  register data, not personal data, and the public names the absentees so that members, donors and sponsors
  know (the list offices publish before a 活动异常 listing).  Reports received but not yet decided are counted
  in the body, not named: their conclusion is pending, not missing.
- **Reasons of 基本合格 / 不合格 only in the internal version**, with the decision's 文号.  They are free text a
  clerk typed and may name a person (a legal representative, an accountant); the public version lists the
  conclusion only.  In the internal version an ID number or mobile number typed into a reason is masked unless
  the printer has ``reveal_ids`` (as the register masks its ID column).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from civicdesk import clock
from civicdesk.errors import InputError, NotFoundError
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import mask_id_number, mask_phone
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.fonts import FontSet
from civicdesk.services.printing.layout import GB_TEXT_WIDTH, SIZE_2, DocInfo, cn_date
from civicdesk.services.supervision import inspection

REPORTS = ("notice", "participation")
#: the conclusions in the notice's order, with the words of their section
SECTIONS = (("pass", "年检合格的社会组织"), ("basic", "年检基本合格的社会组织"), ("fail", "年检不合格的社会组织"))
REGULATIONS = "《社会团体登记管理条例》《民办非企业单位登记管理暂行条例》《基金会管理条例》"

# an ID number (18 characters, the last a digit or X) or a mainland mobile number inside free text
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@dataclass(frozen=True)
class InspectionOptions:
    year: int
    report: str = "notice"  # notice | participation
    all_offices: bool = False  # participation only: every office's campaign of the year, summed


def default_options() -> InspectionOptions:
    """Last year's inspection (reports about a year are received in the next)."""
    return InspectionOptions(clock.today().year - 1)


def mask_text(text: str) -> str:
    """``text`` with every ID number and mobile number in it masked."""
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)) or "", text)
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)) or "", text)


def percent(rate: float | None) -> str:
    """0.9345 -> 93.45%; no one due -> —."""
    return "—" if rate is None else f"{rate * 100:.2f}%"


def _check(options: InspectionOptions) -> None:
    if options.report not in REPORTS:
        raise InputError("print.inspection_report", value=str(options.report)[:20], allowed=", ".join(REPORTS))
    if options.all_offices and options.report != "participation":
        raise InputError("print.inspection_all_offices")


def _campaigns(db: Database, options: InspectionOptions) -> list[inspection.CampaignInfo]:
    """The campaigns the document reports on (``inspection.no_campaign`` if none)."""
    if not options.all_offices:
        return [inspection.get_campaign(db, options.year)]
    found = inspection.list_campaigns(db, year=options.year, all_offices=True)
    if not found:
        raise NotFoundError("inspection.no_campaign", year=options.year, office="*")
    return found


def _title(db: Database, options: InspectionOptions) -> str:
    _check(options)
    _campaigns(db, options)  # no campaign: the one-line error before any file is made
    office = db.office().name
    if options.report == "participation":
        scope = "各登记管理机关" if options.all_offices else ""
        return f"{office}{options.year}年度{scope}社会组织年度检查参检情况报告"
    return f"{office}关于{options.year}年度社会组织年度检查结果的公告"


def title_lines(fonts: FontSet, text: str, size: float = SIZE_2) -> list[str]:
    """The title in lines that fit the text block, each broken where official titles break: before 关于, after
    the issuer (…民政局), before 社会组织; else at the middle, or the longest part that fits."""
    face = fonts.role("title").name

    def fits(part: str) -> bool:
        return stringWidth(part, face, size) <= GB_TEXT_WIDTH

    lines: list[str] = []
    rest = text
    while not fits(rest) and len(rest) > 1:
        marks = (rest.find("关于"), rest.find("局") + 1, rest.find("社会组织"))
        cut = next((i for i in marks if 0 < i < len(rest) and fits(rest[:i])), 0)
        if not cut:
            cut = len(rest) // 2 if fits(rest[:len(rest) // 2]) else \
                max(i for i in range(1, len(rest)) if fits(rest[:i]) or i == 1)
        lines.append(rest[:cut])
        rest = rest[cut:]
    return [*lines, rest]


def heading(fonts: FontSet, title: str) -> list[Any]:
    """The title flowables, in as many lines as :func:`title_lines` makes."""
    lines = title_lines(fonts, title)
    out: list[Any] = [official.Title(fonts, line, space_after=2) for line in lines[:-1]]
    out.append(official.Title(fonts, lines[-1], space_after=official.LINE_PITCH * 0.6))
    return out


def _cells(s: official.Styles) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    small = ParagraphStyle("insp_cell", parent=s.cell, fontSize=10, leading=13)
    center = ParagraphStyle("insp_cell_c", parent=small, alignment=1)
    head = ParagraphStyle("insp_head", parent=s.cell_head, fontSize=10, leading=13)
    return small, center, head


def _org_table(s: official.Styles, rows: list[list[str]], header: list[str], widths: Sequence[float]) -> Any:
    small, center, head = _cells(s)
    table: list[list[Any]] = [[Paragraph(h, head) for h in header]]
    for row in rows:
        table.append([Paragraph(official.escape(c), center if i in (0, 2) else small) for i, c in enumerate(row)])
    if not rows:
        table.append([Paragraph("（无）", center)] + [""] * (len(header) - 1))
        return official.grid_table(table, [w * mm for w in widths], styles=s,
                                   extra=[("SPAN", (0, 1), (-1, 1))])
    return official.grid_table(table, [w * mm for w in widths], styles=s)


def _notice(job: PrintJob, options: InspectionOptions, info: DocInfo) -> dict[str, Any]:
    db = job.db
    campaign = inspection.get_campaign(db, options.year)
    total = inspection.participation(db, options.year, group_by="registry").total
    decided = inspection.list_records(db, campaign, state="decided")
    missing = inspection.missing_list(db, campaign, today=job.printed_on)
    job.progress.total = max(len(decided) + len(missing), 1)
    s = official.Styles(job.fonts)
    pending = total.received - total.decided
    body = (f"根据{REGULATIONS}的有关规定，我局对在本机关登记的社会组织{options.year}年度的工作情况进行了年度检查。"
            f"应参加{options.year}年度检查的社会组织{total.due}个，已参检（已作出年检结论）{total.decided}个，"
            f"参检率{percent(total.rate)}。其中，年检合格{total.passed}个，基本合格{total.basic}个，"
            f"不合格{total.failed}个")
    body += f"；已报送年检材料、尚在审查的{pending}个" if pending else ""
    body += f"；截至{cn_date(job.printed_on)}未报送年检材料的{len(missing)}个。现将年度检查结果公告如下："
    story: list[Any] = heading(job.fonts, info.title)
    story.append(Paragraph(official.escape(body), s.body))
    by_conclusion: dict[str, list[inspection.RecordInfo]] = {c: [] for c, _words in SECTIONS}
    for r in decided:
        if r.conclusion in by_conclusion:
            by_conclusion[r.conclusion].append(r)
    numbers = iter("一二三四五六")
    done = 0
    for conclusion, words in SECTIONS:
        records = by_conclusion[conclusion]
        story.append(CondPageBreak(30 * mm))
        story.append(Spacer(1, official.LINE_PITCH * 0.3))  # air between a table and the next heading
        story.append(Paragraph(f"{next(numbers)}、{words}（{len(records)}个）", s.h1))
        if conclusion == "pass" or job.public:
            header, widths = ["序号", "社会组织名称", "统一社会信用代码"], [14, 94, 48]
            rows = [[str(n), r.organization_name, r.uscc or ""] for n, r in enumerate(records, 1)]
        else:  # the internal version: why, and the decision's number
            header, widths = ["序号", "社会组织名称", "统一社会信用代码", "理由（内部）"], [12, 52, 42, 50]
            rows = []
            for n, r in enumerate(records, 1):
                reasons = r.reasons or ""
                reasons = reasons if job.reveal_ids else mask_text(reasons)
                if r.document_no:
                    reasons += f"（{r.document_no}）"
                rows.append([str(n), r.organization_name, r.uscc or "", reasons])
        story.append(_org_table(s, rows, header, widths))
        done += len(records)
        job.progress(done)
    story.append(CondPageBreak(30 * mm))
    story.append(Spacer(1, official.LINE_PITCH * 0.3))
    story.append(Paragraph(f"{next(numbers)}、未参加年度检查的社会组织（{len(missing)}个）", s.h1))
    rows = [[str(n), m.name, m.uscc or ""] for n, m in enumerate(missing, 1)]
    story.append(_org_table(s, rows, ["序号", "社会组织名称", "统一社会信用代码"], [14, 94, 48]))
    job.progress(done + len(missing))
    story.append(Spacer(1, official.LINE_PITCH * 0.5))
    story.append(Paragraph("年检基本合格、不合格的社会组织应当按照要求限期整改；未按规定参加年度检查的社会组织，"
                           "登记管理机关将依法处理。", s.body))
    story.append(Paragraph("特此公告。", s.body))
    story.append(KeepTogether([Spacer(1, official.LINE_PITCH * 1.5),
                               Paragraph(official.escape(info.office_name), s.signature),
                               Paragraph(cn_date(job.printed_on), s.signature)]))
    pages = official.build(job.path, job.fonts, info, story)
    return {"pages": pages, "report": "notice", "year": options.year, "due": total.due, "received": total.received,
            "decided": total.decided, "participation_rate": total.rate, "passed": total.passed,
            "basic": total.basic, "failed": total.failed, "not_inspected": len(missing)}


#: a legal form's words in a table's first column (the dictionary's "民办非企业单位（社会服务机构）" would wrap)
SHORT_LABELS = {"social_service": "社会服务机构"}


def row_label(row: inspection.ParticipationRow) -> str:
    return SHORT_LABELS.get(row.key or "", row.label)


def _figures_table(s: official.Styles, first: str, result: inspection.Participation) -> Any:
    small, center, head = _cells(s)
    header = [first, "应检", "已报送", "已参检", "参检率", "合格", "基本<br/>合格", "不合格", "逾期<br/>报送"]
    widths = [34, 15, 15, 15, 18, 14, 15, 15, 15]
    rows: list[list[Any]] = [[Paragraph(h, head) for h in header]]
    for r in [*result.rows, result.total]:
        label = Paragraph(official.escape(row_label(r)), head if r.key is None else small)
        rows.append([label] + [Paragraph(v, center) for v in (
            f"{r.due:,}", f"{r.received:,}", f"{r.decided:,}", percent(r.rate), f"{r.passed:,}", f"{r.basic:,}",
            f"{r.failed:,}", f"{r.late:,}")])
    last = len(rows) - 1
    tight = [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
             ("BACKGROUND", (0, last), (-1, last), colors.Color(0.94, 0.94, 0.94)),
             ("LINEABOVE", (0, last), (-1, last), 1.0, colors.black)]
    return official.grid_table(rows, [w * mm for w in widths], styles=s, extra=tight)


def _participation(job: PrintJob, options: InspectionOptions, info: DocInfo) -> dict[str, Any]:
    db = job.db
    campaigns = _campaigns(db, options)
    office = "all" if options.all_offices else None
    job.progress.total = 4
    by_county = inspection.participation(db, options.year, group_by="county", office=office)
    job.progress(1, force=True)
    by_form = inspection.participation(db, options.year, group_by="legal_form", office=office)
    by_registry = inspection.participation(db, options.year, group_by="registry", office=office) \
        if options.all_offices else None
    job.progress(2, force=True)
    missing = sum(len(inspection.missing_list(db, c, today=job.printed_on)) for c in campaigns)
    late = sum(len(inspection.late_list(db, c)) for c in campaigns)
    t = by_county.total
    s = official.Styles(job.fonts)
    story: list[Any] = heading(job.fonts, info.title)
    story.append(Paragraph(f"（截至{cn_date(job.printed_on)}）", s.subtitle))
    story.append(Spacer(1, official.LINE_PITCH * 0.3))
    story.append(Paragraph("一、总体情况", s.h1))
    pending = t.received - t.decided
    story.append(Paragraph(official.escape(
        f"{options.year}年度应参加年度检查的社会组织{t.due:,}个，已报送年检材料{t.received:,}个（其中逾期报送{late:,}个），"
        f"已作出年检结论{t.decided:,}个，参检率{percent(t.rate)}。年检结论：合格{t.passed:,}个，基本合格{t.basic:,}个，"
        f"不合格{t.failed:,}个；尚在审查{pending:,}个；报送期限已过仍未报送{missing:,}个。"), s.body))
    sections = iter("二三四五")
    if by_registry is not None:
        story.append(CondPageBreak(50 * mm))
        story.append(Paragraph(f"{next(sections)}、分登记管理机关参检情况", s.h1))
        story.append(Spacer(1, 3))
        story.append(_figures_table(s, "登记管理机关", by_registry))
        story.append(Spacer(1, official.LINE_PITCH * 0.5))
    story.append(CondPageBreak(50 * mm))
    story.append(Paragraph(f"{next(sections)}、分县（市、区）参检情况", s.h1))
    story.append(Spacer(1, 3))
    story.append(_figures_table(s, "县（市、区）", by_county))
    story.append(Spacer(1, official.LINE_PITCH * 0.5))
    story.append(CondPageBreak(50 * mm))
    story.append(Paragraph(f"{next(sections)}、分组织类型参检情况", s.h1))
    story.append(Spacer(1, 3))
    story.append(_figures_table(s, "组织类型", by_form))
    job.progress(3, force=True)
    story.append(Spacer(1, official.LINE_PITCH * 0.5))
    story.append(Paragraph(f"{next(sections)}、统计口径", s.h1))
    story.append(Paragraph("参检率＝已作出年检结论的社会组织数÷应参加年度检查的社会组织数；已报送材料但尚未作出结论的不计入已参检。"
                           f"应参加年度检查的社会组织为在本机关登记、于{options.year}年12月31日前登记满六个月且在报送期限前"
                           "未注销或撤销的社会组织。逾期报送指在登记管理机关规定期限后报送。", s.body))
    story.append(KeepTogether([Spacer(1, official.LINE_PITCH * 1.5),
                               Paragraph(official.escape(info.office_name), s.signature),
                               Paragraph(cn_date(job.printed_on), s.signature)]))
    pages = official.build(job.path, job.fonts, info, story)
    job.progress(4, force=True)
    return {"pages": pages, "report": "participation", "year": options.year, "due": t.due, "received": t.received,
            "decided": t.decided, "participation_rate": t.rate, "passed": t.passed, "basic": t.basic,
            "failed": t.failed, "late": t.late, "not_inspected": missing, "offices": by_county.offices,
            "by_county": [r.to_json() for r in by_county.rows],
            "by_legal_form": [r.to_json() for r in by_form.rows]}


def _write(job: PrintJob, options: InspectionOptions, info: DocInfo) -> dict[str, Any]:
    _check(options)
    if options.report == "participation":
        return _participation(job, options, info)
    return _notice(job, options, info)


KIND = register_kind(DocumentKind(
    name="inspection", label="年检结果公告、参检情况报告", title=_title, size=lambda _db, _o: 4, write=_write, order=50,
    default_options=default_options,
))
