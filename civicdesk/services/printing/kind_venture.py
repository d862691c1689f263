"""The kind ``venture-report``: a venture philanthropy round's report (公益创投项目评审结果报告) or an ideas
contest's (金点子大赛结果报告), as a PDF in the GB/T 9704 layout, and its ranking as an .xlsx or .csv.

Everything comes from :func:`civicdesk.services.cultivation.venture.get_round` (the round, its applications
ranked by their mean score with each judge's score, the awards and payments):

- 一、基本情况: the organizer, the area, the budget, the days applications were open, how many applied, were
  scored, were funded; the scale of the scores (``cultivation.score_range`` in force at the round's office).
- 二、评审排名: each application by rank (unscored ones last), the amount asked, each judge's score, the mean and
  the outcome (资助 / 未资助 / 待定).
- 三、资助和拨付情况: each award with its day, its payments and what remains to be paid, and the totals.
- 四、资金汇总: budget, awarded, paid, still to pay, the budget left.

**The public version names no person**: an idea or project sent in by a resident (``applicant_name``, never an
organization of the register) is printed as the surname followed by 某 (张某, 欧阳某), and the judges as 评委一,
评委二 … (the same judge the same label throughout); organizations, projects and amounts are public.  The internal
version prints the names as entered.  Neither prints a project's summary or a payment's note (free text).

Options: the round (id or name; when none is given the office's newest round, at the city any office's newest:
the print dialog's default).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer
from sqlalchemy import select

from civicdesk.errors import NotFoundError
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation import venture
from civicdesk.services.ledger.columns import LedgerColumn
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.kind_credit import SUFFIXES, money
from civicdesk.services.printing.kind_inspection import heading
from civicdesk.services.printing.layout import DocInfo, cn_date

KIND_WORDS = {"venture": "公益创投", "contest": "金点子大赛"}
OUTCOME_WORDS = {"awarded": "资助", "declined": "未资助", "submitted": "待定"}
#: two-character surnames (复姓) kept whole when a resident's name is masked
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
    "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟", "单于", "澹台", "公冶", "申屠", "太史", "闻人"))
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class VentureReportOptions:
    round: str | None = None  # id or name; None: the office's newest round


def default_options() -> VentureReportOptions:
    return VentureReportOptions()


def mask_person(name: str) -> str:
    """A resident's name for the public: the surname and 某 (张三 -> 张某, 欧阳娜娜 -> 欧阳某)."""
    name = "".join(name.split())
    if not name:
        return ""
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]
    return surname + "某"


def judge_label(n: int) -> str:
    """评委一 … 评委十, then 评委11 …"""
    return "评委" + (NUMERALS[n - 1] if n <= len(NUMERALS) else str(n))


# -- the report's rows -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Report:
    report: venture.RoundReport
    division: str  # the area's name
    low: int
    high: int
    judges: dict[str, str]  # judge -> as printed
    public: bool

    def applicant(self, a: venture.ApplicationInfo) -> str:
        if a.organization_id is None and self.public:
            return mask_person(a.applicant)
        return a.applicant

    @property
    def awarded(self) -> list[venture.ApplicationInfo]:
        return [a for a in self.report.applications if a.state == "awarded"]


def _round_key(db: Database, options: VentureReportOptions) -> str:
    if options.round:
        return options.round
    from civicdesk.models import VentureRound

    from civicdesk.services.cultivation.community import reading

    office = reading(db)  # the city prints any office's rounds, a district its own
    with db.read() as session:
        newest = session.scalar(select(VentureRound.id).where(
            *([] if office is None else [VentureRound.office_code == office]), VentureRound.deleted_at.is_(None))
            .order_by(VentureRound.opens_on.desc(), VentureRound.name).limit(1))
    if newest is None:
        raise NotFoundError("venture.no_rounds")
    return str(newest)


def report_of(db: Database, options: VentureReportOptions, public: bool) -> Report:
    from civicdesk.models import Division

    report = venture.get_round(db, _round_key(db, options))
    r = report.round
    with db.read() as session:
        division = session.get(Division, r.division_code)
        place = division.full_name.removeprefix("四川省") if division is not None else r.division_code
        low, high = venture.score_range(session, r.office_code)
    names = sorted({j for a in report.applications for j, _ in a.scores})
    judges = {j: judge_label(n) if public else j for n, j in enumerate(names, 1)}
    return Report(report, place, low, high, judges, public)


def _title(db: Database, options: VentureReportOptions) -> str:
    r = venture.get_round(db, _round_key(db, options)).round
    return r.name + ("项目评审结果报告" if r.kind == "venture" else "结果报告")


def yuan(amount: Decimal | None) -> str:
    return money(amount or venture.ZERO)


def mean_words(a: venture.ApplicationInfo) -> str:
    return "—" if a.mean is None else format(a.mean, "f")


# -- the PDF ---------------------------------------------------------------------------------------------------
def _basic(rep: Report) -> str:
    r, apps = rep.report.round, rep.report.applications
    word = KIND_WORDS[r.kind]
    noun = "申报项目" if r.kind == "venture" else "点子（项目）"
    scored = sum(1 for a in apps if a.mean is not None)
    funded = rep.awarded
    text = (f"本次{word}由{r.organizer}主办，面向{rep.division}，预算资金{yuan(r.budget)}元，"
            f"于{cn_date(r.opens_on)}至{cn_date(r.closes_on)}征集，共收到{noun}{len(apps)}个，"
            f"经评审打分{scored}个。评审由评审专家分别打分（{rep.low}—{rep.high}分），按平均分由高到低排序。")
    if funded:
        text += (f"经集体研究，确定资助{len(funded)}个，资助金额合计{yuan(r.awarded)}元，"
                 f"已拨付{yuan(r.paid)}元。")
    else:
        text += "资助名单尚未确定。"
    return text


def _ranking_rows(rep: Report) -> list[list[str]]:
    rows = []
    for a in rep.report.applications:
        scores = "\n".join(f"{rep.judges[j]}：{format(s, 'f')}" for j, s in a.scores) or "—"
        rows.append([str(a.rank) if a.rank is not None else "—", rep.applicant(a), a.project_title,
                     yuan(a.amount_asked), scores, mean_words(a), OUTCOME_WORDS.get(a.state, a.state)])
    return rows


def _award_rows(rep: Report) -> list[list[str]]:
    rows = []
    for n, a in enumerate(rep.awarded, 1):
        payments = "\n".join(f"{cn_date(d)}：\n{yuan(p)}" for d, p in a.payments) or "未拨付"
        rows.append([str(n), rep.applicant(a), a.project_title, yuan(a.amount_awarded),
                     cn_date(a.decided_on) if a.decided_on else "", payments,
                     yuan((a.amount_awarded or venture.ZERO) - a.paid)])
    return rows


def _table(fonts: Any, header: list[str], widths: list[float], rows: list[list[str]], left: tuple[int, ...],
           total: list[str] | None = None) -> Any:
    from civicdesk.services.printing.kind_credit import _table as plain_table

    body = rows + ([total] if total is not None and rows else [])
    table = plain_table(fonts, header, widths, body, left)
    if total is not None and rows:
        last = len(body)
        table.setStyle([("FONTNAME", (0, last), (-1, last), fonts.heading.name),
                        ("BACKGROUND", (0, last), (-1, last), colors.Color(0.94, 0.94, 0.94)),
                        ("LINEABOVE", (0, last), (-1, last), 1.0, colors.black),
                        ("SPAN", (0, last), (2, last)), ("ALIGN", (0, last), (2, last), "CENTER")])
    return table


def _write(job: PrintJob, options: VentureReportOptions, info: DocInfo) -> dict[str, Any]:
    rep = report_of(job.db, options, job.public)
    r, apps = rep.report.round, rep.report.applications
    job.progress.total = 3
    s = official.Styles(job.fonts)
    story: list[Any] = heading(job.fonts, info.title)
    story.append(Paragraph(f"（主办单位：{official.escape(r.organizer)}）", s.subtitle))
    story.append(Spacer(1, official.LINE_PITCH * 0.3))
    story.append(Paragraph("一、基本情况", s.h1))
    story.append(Paragraph(official.escape(_basic(rep)), s.body))
    job.progress(1, force=True)

    story.append(CondPageBreak(40 * mm))
    story.append(Paragraph("二、评审排名", s.h1))
    story.append(Spacer(1, 4))
    story.append(_table(job.fonts, ["名次", "申报单位（申报人）", "项目名称", "申请金额\n（元）", "评委打分",
                                    "平均分", "结果"],
                        [10, 34, 36, 20, 28, 14, 14], _ranking_rows(rep), left=(1, 2, 4)))
    story.append(Spacer(1, 3))
    note = "注：名次按各评委打分的平均分排列，平均分相同的按申报先后；未评分的列于最后。"
    if rep.public:
        note += "居民个人申报的只列姓氏，评委以序号代称。"
    story.append(Paragraph(note, s.note))
    story.append(Spacer(1, official.LINE_PITCH * 0.3))
    job.progress(2, force=True)

    story.append(CondPageBreak(40 * mm))
    story.append(Paragraph("三、资助和拨付情况", s.h1))
    story.append(Spacer(1, 4))
    total = ["合计", "", "", yuan(r.awarded), "", yuan(r.paid), yuan(r.awarded - r.paid)]
    story.append(_table(job.fonts, ["序号", "申报单位（申报人）", "项目名称", "资助金额\n（元）", "决定日期",
                                    "拨付明细（元）", "待拨付\n（元）"],
                        [9, 28, 29, 19, 24, 29, 18], _award_rows(rep), left=(1, 2), total=total))

    story.append(CondPageBreak(30 * mm))
    story.append(Spacer(1, official.LINE_PITCH * 0.3))
    story.append(Paragraph("四、资金汇总", s.h1))
    remaining = r.budget - r.awarded
    story.append(Paragraph(
        f"预算资金{yuan(r.budget)}元，资助合计{yuan(r.awarded)}元，已拨付{yuan(r.paid)}元，"
        f"待拨付{yuan(r.awarded - r.paid)}元，预算结余{yuan(remaining)}元。", s.body))
    story.append(KeepTogether([Spacer(1, official.LINE_PITCH * 1.5),
                               Paragraph(official.escape(info.office_name), s.signature),
                               Paragraph(cn_date(job.printed_on), s.signature)]))
    pages = official.build(job.path, job.fonts, info, story)
    job.progress(3, force=True)
    return {"pages": pages, **_facts(rep), "empty": not apps}


def _facts(rep: Report) -> dict[str, Any]:
    """The round's figures as ``--json`` states them (plain decimals, as ``venture show``)."""
    r = rep.report.round
    return {"round_id": r.id, "applications": len(rep.report.applications), "awarded_count": len(rep.awarded),
            "budget": venture.money(r.budget), "awarded": venture.money(r.awarded), "paid": venture.money(r.paid),
            "remaining": venture.money(r.budget - r.awarded)}


# -- the ranking as a spreadsheet ------------------------------------------------------------------------------
def _columns(judges: list[str]) -> tuple[LedgerColumn, ...]:
    head = (("rank", "名次", "int", 6), ("applicant", "申报单位（申报人）", "text", 36),
            ("project", "项目名称", "text", 36), ("asked", "申请金额（元）", "decimal", 14))
    tail = (("mean", "平均分", "decimal", 10), ("outcome", "结果", "text", 10),
            ("awarded", "资助金额（元）", "decimal", 14), ("decided_on", "决定日期", "date", 12),
            ("paid", "已拨付（元）", "decimal", 14))
    spec = (*head, *((f"judge_{n}", j, "decimal", 12) for n, j in enumerate(judges, 1)), *tail)
    return tuple(LedgerColumn(field, header, kind, (), width) for field, header, kind, width in spec)


def write_sheet(db: Database, options: VentureReportOptions, path: Path, public: bool) -> dict[str, Any]:
    """The ranking (one column per judge) as an .xlsx or .csv (by the suffix), written whole or not at all."""
    from civicdesk.services.ledger.exporter import _write as write_rows

    rep = report_of(db, options, public)
    judges = list(rep.judges)
    data: list[list[Any]] = []
    for a in rep.report.applications:
        marks = dict(a.scores)
        data.append([a.rank, rep.applicant(a), a.project_title, a.amount_asked, *(marks.get(j) for j in judges),
                     a.mean, OUTCOME_WORDS.get(a.state, a.state), a.amount_awarded, a.decided_on, a.paid])
    title = _title(db, options)
    count = write_rows(path, _columns([rep.judges[j] for j in judges]), data, sheet_title=title[-31:])
    return {"pages": 0, "rows": count, **_facts(rep), "empty": not data}


def _size(db: Database, options: VentureReportOptions) -> int:
    return 3


KIND = register_kind(DocumentKind(
    name="venture-report", label="公益创投项目评审结果报告、金点子大赛结果报告", title=_title, size=_size, write=_write,
    order=70, default_options=default_options, spreadsheet=write_sheet, spreadsheet_suffixes=SUFFIXES,
))
