"""The public disclosure prints (信息公开): the kinds ``credit-list`` (活动异常名录, 严重违法失信名单) and
``penalties`` (行政处罚决定), each as a PDF in the GB/T 9704 layout (title, the office as issuer, the date, page
numbers) or as the same rows in an .xlsx workbook or a .csv file for the government portal.

The rows are read straight from the tables (:class:`~civicdesk.models.enforcement.CreditListing`,
:class:`~civicdesk.models.enforcement.Penalty`, joined to the organization), this office's only:

- a listing is published once decided: ``listed`` (on the list now), and with ``--state all`` also ``removed`` and
  ``moved`` (to the serious list) with the removal's decision; never ``proposed``, ``rejected`` or ``annulled``
  (an objection found it wrong).  Columns: the organization's name and USCC, the ground (its label), the
  decision's number and date, the date listed, the removal.
- a penalty is published once ``decided`` and while not ``withdrawn``.  Columns: the organization, the kind,
  the amount, the articles applied (``basis``), the decision's number and date.

**The public version selects no column that can hold a person's data**: never a person's name, ID number,
phone or address, never the ground's free-text detail nor a penalty's facts (a clerk's text that may name the
legal representative), and nothing from complaints, their reporters or interviews (those tables are not read
at all).  An ID or mobile number typed into ``basis`` is masked all the same.  The internal version adds the
detail, the case number, the facts and withdrawn penalties, with ID and mobile numbers masked unless the
printer has ``reveal_ids`` (the spreadsheets always mask them).

The ground labels are the parameter ``credit.grounds`` (``zh`` of each ground) in force at the office.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.errors import InputError
from civicdesk.models import Organization
from civicdesk.models.enforcement import CreditListing, Penalty
from civicdesk.services.core.database import Database
from civicdesk.services.ledger.columns import LedgerColumn
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.kind_inspection import heading, mask_text
from civicdesk.services.printing.layout import DocInfo, cn_date

LISTS = ("abnormal", "serious", "all")
STATES = ("current", "all")
#: the listing states each scope publishes
PUBLISHED = {"current": ("listed",), "all": ("listed", "removed", "moved")}
LIST_WORDS = {"abnormal": "活动异常名录", "serious": "严重违法失信名单", "all": "活动异常名录和严重违法失信名单"}
FIRST_YEAR = 1990
#: the spreadsheets' suffixes (the PDF is the default)
SUFFIXES = (".xlsx", ".csv")
NONE = "（无）"


# -- options ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreditListOptions:
    list_kind: str = "all"  # abnormal | serious | all
    state: str = "current"  # current: on the list now; all: also removed and moved
    start: date | None = None  # decided on or after
    end: date | None = None  # decided on or before


@dataclass(frozen=True)
class PenaltiesOptions:
    year: int | None = None  # the year decided (this year when neither a year nor a period is given)
    start: date | None = None
    end: date | None = None


def default_credit_options() -> CreditListOptions:
    return CreditListOptions()


def default_penalty_options() -> PenaltiesOptions:
    return PenaltiesOptions(year=clock.today().year)


def _check_year(year: Any) -> int:
    last = clock.today().year
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= last:
        raise InputError("print.credit_year", value=str(year)[:10], first=FIRST_YEAR, last=last)
    return year


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise InputError("print.bad_period", option="--to")


def _check_credit(options: CreditListOptions) -> None:
    if options.list_kind not in LISTS:
        raise InputError("print.credit_list", value=str(options.list_kind)[:20], allowed=", ".join(LISTS))
    if options.state not in STATES:
        raise InputError("print.credit_state", value=str(options.state)[:20], allowed=", ".join(STATES))
    _check_period(options.start, options.end)


def penalty_period(options: PenaltiesOptions) -> tuple[date, date]:
    """The days whose decisions are printed: the year, or the period (from 1 January of its end's year, to
    today), checked."""
    if options.year is not None:
        if options.start is not None or options.end is not None:
            raise InputError("print.credit_period")
        year = _check_year(options.year)
        return date(year, 1, 1), date(year, 12, 31)
    today = clock.today()
    end = options.end or today
    start = options.start or date(end.year, 1, 1)
    _check_period(start, end)
    return start, end


# -- labels ----------------------------------------------------------------------------------------------------
def ground_labels(session: Session, office_code: str) -> dict[str, str]:
    """ground code -> its Chinese label, from the parameter ``credit.grounds`` in force at the office."""
    from civicdesk.services.supervision import parameters

    return {str(g["key"]): str(g["zh"]) for g in parameters.value_in(session, office_code, "credit.grounds") or []}


def penalty_kind_label(code: str) -> str:
    return messages.label(f"penalty_kind.{code}", "zh", default=code)


def money(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:,.2f}"


# -- rows ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ListingRow:
    list_kind: str
    organization_name: str
    uscc: str
    ground: str  # the label
    decision_no: str
    decided_on: date | None
    listed_on: date | None
    state: str
    removal_decision_no: str
    removed_on: date | None
    detail: str | None = None  # internal only: the ground's detail, numbers masked unless revealed


@dataclass(frozen=True)
class PenaltyRow:
    organization_name: str
    uscc: str
    kind: str  # the label
    amount: Decimal | None
    basis: str
    decision_no: str
    decided_on: date | None
    state: str
    case_no: str | None = None  # internal only
    facts: str | None = None  # internal only


def listing_rows(db: Database, options: CreditListOptions, *, public: bool, reveal_ids: bool = False) -> \
        list[ListingRow]:
    """The published listings of this office, by list (abnormal first), date decided and name."""
    _check_credit(options)
    office = db.office().code
    columns: list[Any] = [CreditListing.list_kind, Organization.name, Organization.uscc, CreditListing.ground,
                          CreditListing.decision_no, CreditListing.decided_on, CreditListing.listed_on,
                          CreditListing.state, CreditListing.removal_decision_no, CreditListing.removed_on]
    if not public:
        columns.append(CreditListing.ground_detail)
    query = select(*columns).join(Organization, Organization.id == CreditListing.organization_id).where(
        CreditListing.office_code == office, CreditListing.deleted_at.is_(None),
        CreditListing.state.in_(PUBLISHED[options.state]))
    if options.list_kind != "all":
        query = query.where(CreditListing.list_kind == options.list_kind)
    if options.start is not None:
        query = query.where(CreditListing.decided_on >= options.start)
    if options.end is not None:
        query = query.where(CreditListing.decided_on <= options.end)
    query = query.order_by(CreditListing.list_kind, CreditListing.decided_on, Organization.name, CreditListing.id)
    with db.read() as session:
        labels = ground_labels(session, office)
        out = []
        for r in session.execute(query):
            detail = None
            if not public and r[10]:
                detail = r[10] if reveal_ids else mask_text(r[10])
            out.append(ListingRow(r[0], r[1], r[2] or "", labels.get(r[3]) or str(r[3]), r[4] or "", r[5], r[6], r[7],
                                  r[8] or "", r[9], detail))
    return out


def penalty_rows(db: Database, options: PenaltiesOptions, *, public: bool, reveal_ids: bool = False) -> \
        list[PenaltyRow]:
    """This office's penalties decided in the period (the internal version: withdrawn ones too), by date."""
    start, end = penalty_period(options)
    office = db.office().code
    columns: list[Any] = [Organization.name, Organization.uscc, Penalty.kind, Penalty.amount, Penalty.basis,
                          Penalty.decision_no, Penalty.decided_on, Penalty.state]
    if not public:
        columns += [Penalty.case_no, Penalty.facts]
    states = ("decided",) if public else ("decided", "withdrawn")
    query = select(*columns).join(Organization, Organization.id == Penalty.organization_id).where(
        Penalty.office_code == office, Penalty.deleted_at.is_(None), Penalty.state.in_(states),
        Penalty.decided_on >= start, Penalty.decided_on <= end,
    ).order_by(Penalty.decided_on, Penalty.decision_no, Organization.name, Penalty.id)
    out = []
    with db.read() as session:
        for r in session.execute(query):
            basis = r[4] or ""
            if public or not reveal_ids:
                basis = mask_text(basis)
            case_no = facts = None
            if not public:
                case_no, facts = r[8], (r[9] or "") if reveal_ids else mask_text(r[9] or "")
            out.append(PenaltyRow(r[0], r[1] or "", penalty_kind_label(r[2]), r[3], basis, r[5] or "", r[6], r[7],
                                  case_no, facts))
    return out


def removal_words(r: ListingRow) -> str:
    """在列 / 已移出（文号，日期）/ 已转入严重违法失信名单（日期）."""
    if r.state == "listed":
        return "在列"
    when = cn_date(r.removed_on) if r.removed_on else ""
    if r.state == "moved":
        return "已转入严重违法失信名单" + (f"（{when}）" if when else "")
    parts = "，".join(p for p in (r.removal_decision_no, when) if p)
    return "已移出" + (f"（{parts}）" if parts else "")


def decision_words(number: str, day: date | None) -> str:
    return "\n".join(p for p in (number, cn_date(day) if day else "") if p)


# -- the PDFs ----------------------------------------------------------------------------------------------------
def _credit_title(db: Database, options: CreditListOptions) -> str:
    _check_credit(options)
    return f"{db.office().name}社会组织{LIST_WORDS[options.list_kind]}"


def _penalty_title(db: Database, options: PenaltiesOptions) -> str:
    penalty_period(options)
    year = f"{options.year}年度" if options.year is not None else ""
    return f"{db.office().name}{year}社会组织行政处罚决定公示"


#: the cells' type: 9 pt, 12 pt lines, 2 pt side padding
CELL_SIZE, CELL_LEADING, CELL_PAD = 9.0, 12.0, 2.0
#: marks that may not start a line (they stay at the end of the previous one)
_NO_START = "，。、；：？！）》」』】〕〉％"


class CellText:
    """Plain-text cells broken into lines by the font's advance widths: a table of strings lays out and splits
    across pages many times faster than one of paragraphs (a city's list is a thousand rows)."""

    def __init__(self, font_name: str, size: float = CELL_SIZE) -> None:
        from civicdesk.services.printing.fonts import char_widths

        self.widths = char_widths(font_name)
        self.scale = size / 1000.0

    def lines(self, text: str, avail: float) -> str:
        """``text`` with a line break wherever the next character would pass ``avail`` points."""
        out: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            width = 0.0
            for ch in paragraph:
                w = self.widths.get(ord(ch), 1000) * self.scale
                if line and width + w > avail and ch not in _NO_START:
                    out.append("".join(line))
                    line, width = [], 0.0
                line.append(ch)
                width += w
            out.append("".join(line))
        return "\n".join(out)


def _table(fonts: Any, header: list[str], widths: list[float], rows: list[list[str]],
           left: tuple[int, ...]) -> Any:
    """A ruled table whose header repeats on each page, of plain cells (columns ``left`` flush left, the others
    centred); a "（无）" row when there is none."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    cell = CellText(fonts.body.name)
    points = [w * mm for w in widths]
    avail = [w - 2 * CELL_PAD - 0.5 for w in points]
    head = CellText(fonts.heading.name)
    body: list[list[str]] = [[head.lines(h, avail[i]) for i, h in enumerate(header)]]
    if not rows:
        body.append([NONE] + [""] * (len(header) - 1))
    for row in rows:
        body.append([cell.lines(c, avail[i]) for i, c in enumerate(row)])
    table = Table(body, colWidths=points, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, 0), fonts.heading.name), ("FONTNAME", (0, 1), (-1, -1), fonts.body.name),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE), ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
    ]
    if rows:
        commands += [("ALIGN", (i, 1), (i, -1), "LEFT") for i in left if i < len(header)]
    else:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(commands))
    return table


def _closing(story: list[Any], s: official.Styles, info: DocInfo, day: date, words: str) -> None:
    story.append(Spacer(1, official.LINE_PITCH * 0.5))
    story.append(Paragraph(words, s.body))
    story.append(Paragraph("特此公告。", s.body))
    story.append(KeepTogether([Spacer(1, official.LINE_PITCH * 1.5),
                               Paragraph(official.escape(info.office_name), s.signature),
                               Paragraph(cn_date(day), s.signature)]))


def _scope_words(options: CreditListOptions, day: date) -> str:
    if options.start or options.end:
        since = f"{cn_date(options.start)}" if options.start else ""
        until = f"{cn_date(options.end)}" if options.end else cn_date(day)
        return f"{since}至{until}" if since else f"截至{until}"
    return f"截至{cn_date(day)}"


def _write_credit(job: PrintJob, options: CreditListOptions, info: DocInfo) -> dict[str, Any]:
    rows = listing_rows(job.db, options, public=job.public, reveal_ids=job.reveal_ids)
    job.progress.total = max(len(rows), 1)
    s = official.Styles(job.fonts)
    kinds = ("abnormal", "serious") if options.list_kind == "all" else (options.list_kind,)
    by_kind = {k: [r for r in rows if r.list_kind == k] for k in kinds}
    scope = "在列及已移出" if options.state == "all" else "在列"
    counts = "，".join(f"列入{LIST_WORDS[k]}{len(by_kind[k])}个" for k in kinds)
    body = (f"根据《社会组织信用信息管理办法》（民政部令第60号）的规定，现将本机关作出列入决定的社会组织名单"
            f"（{_scope_words(options, job.printed_on)}，{scope}）公告如下。其中{counts}。")
    story: list[Any] = heading(job.fonts, info.title)
    story.append(Paragraph(official.escape(body), s.body))
    internal = not job.public
    header = ["序号", "社会组织名称", "统一社会信用代码", "列入事由", "列入决定\n文号及日期"]
    widths: list[float] = [9, 40, 35, 40, 32]
    if options.state == "all":
        header.append("移出情况")
        widths = [9, 30, 35, 27, 28, 27]
    if internal:
        header.append("事由说明\n（内部）")
        widths = [w * 0.8 for w in widths] + [sum(widths) * 0.2]
    numbers = iter("一二三")
    done = 0
    for k in kinds:
        part = by_kind[k]
        if len(kinds) > 1:
            story.append(CondPageBreak(30 * mm))
            story.append(Spacer(1, official.LINE_PITCH * 0.3))
            story.append(Paragraph(f"{next(numbers)}、{LIST_WORDS[k]}（{len(part)}个）", s.h1))
        else:
            story.append(Spacer(1, 4))
        cells = []
        for n, r in enumerate(part, 1):
            row = [str(n), r.organization_name, r.uscc, r.ground,
                   decision_words(r.decision_no, r.decided_on)]
            if options.state == "all":
                row.append(removal_words(r))
            if internal:
                row.append(r.detail or "")
            cells.append(row)
        story.append(_table(job.fonts, header, widths, cells, left=(1, 3, 6)))
        done += len(cells)
        job.progress(done)
    _closing(story, s, info, job.printed_on,
             "社会组织对列入名单有异议的，可以向本机关书面提出，并提交相关证明材料。")
    pages = official.build(job.path, job.fonts, info, story)
    return {"pages": pages, "rows": len(rows), "list": options.list_kind, "state": options.state,
            **{k: len(v) for k, v in by_kind.items()}, "empty": not rows}


def _write_penalties(job: PrintJob, options: PenaltiesOptions, info: DocInfo) -> dict[str, Any]:
    start, end = penalty_period(options)
    rows = penalty_rows(job.db, options, public=job.public, reveal_ids=job.reveal_ids)
    job.progress.total = max(len(rows), 1)
    s = official.Styles(job.fonts)
    story: list[Any] = heading(job.fonts, info.title)
    if options.year is None:
        story.append(Paragraph(f"（{cn_date(start)}至{cn_date(end)}）", s.subtitle))
    decided = [r for r in rows if r.state == "decided"]
    body = (f"根据《中华人民共和国行政处罚法》第四十八条的规定，现将本机关{cn_date(start)}至{cn_date(end)}"
            f"作出的社会组织行政处罚决定公示如下，共{len(decided)}件。")
    if not job.public and len(rows) > len(decided):
        body += f"另有已撤销的处罚决定{len(rows) - len(decided)}件（内部版列出，公开版不列）。"
    story.append(Paragraph(official.escape(body), s.body))
    story.append(Spacer(1, 4))
    header = ["序号", "社会组织名称", "统一社会信用代码", "处罚种类", "罚没金额\n（元）", "处罚依据",
              "处罚决定书\n文号及日期"]
    widths: list[float] = [9, 28, 34, 16, 17, 22, 30]
    if not job.public:
        header = [*header[:3], "案号", *header[3:], "违法事实\n（内部）"]
        widths = [8, 20, 21, 15, 12, 18, 18, 20, 24]
    cells = []
    for n, r in enumerate(rows, 1):
        kind = r.kind + ("\n（已撤销）" if r.state == "withdrawn" else "")
        row = [str(n), r.organization_name, r.uscc, kind, money(r.amount),
               r.basis, decision_words(r.decision_no, r.decided_on)]
        if not job.public:
            row = [*row[:3], r.case_no or "", *row[3:], r.facts or ""]
        cells.append(row)
    story.append(_table(job.fonts, header, widths, cells, left=(1, 5, 8) if not job.public else (1, 5)))
    job.progress(len(cells))
    _closing(story, s, info, job.printed_on,
             "行政处罚决定被依法变更、撤销、确认违法或者确认无效的，本机关将及时更正公示信息。")
    pages = official.build(job.path, job.fonts, info, story)
    return {"pages": pages, "rows": len(rows), "decided": len(decided), "start": start.isoformat(),
            "end": end.isoformat(), "empty": not rows}


# -- the spreadsheets ------------------------------------------------------------------------------------------
def _columns(spec: tuple[tuple[str, str, str, int], ...]) -> tuple[LedgerColumn, ...]:
    return tuple(LedgerColumn(field, header, kind, (), width) for field, header, kind, width in spec)


CREDIT_COLUMNS = _columns((
    ("position", "序号", "int", 6), ("list", "名单", "text", 18), ("name", "社会组织名称", "text", 40),
    ("uscc", "统一社会信用代码", "text", 22), ("ground", "列入事由", "text", 36),
    ("decision_no", "列入决定文号", "text", 22), ("decided_on", "决定日期", "date", 12),
    ("listed_on", "列入日期", "date", 12), ("state", "状态", "text", 10),
    ("removal_decision_no", "移出决定文号", "text", 22), ("removed_on", "移出日期", "date", 12)))
PENALTY_COLUMNS = _columns((
    ("position", "序号", "int", 6), ("name", "社会组织名称", "text", 40), ("uscc", "统一社会信用代码", "text", 22),
    ("kind", "处罚种类", "text", 16), ("amount", "罚没金额（元）", "decimal", 14), ("basis", "处罚依据", "text", 40),
    ("decision_no", "处罚决定书文号", "text", 22), ("decided_on", "决定日期", "date", 12)))
STATE_WORDS = {"listed": "在列", "removed": "已移出", "moved": "已转入严重违法失信名单", "decided": "有效",
               "withdrawn": "已撤销"}


def _sheet_title(title: str, office: str) -> str:
    return title.removeprefix(office)[:31] or "名单"  # Excel's limit on a sheet's name


def write_credit_sheet(db: Database, options: CreditListOptions, path: Path, public: bool) -> dict[str, Any]:
    """The listings as an .xlsx or .csv (by the suffix), written whole or not at all."""
    from civicdesk.services.ledger.exporter import _write as write_sheet

    rows = listing_rows(db, options, public=public)
    columns = CREDIT_COLUMNS if public else \
        (*CREDIT_COLUMNS, LedgerColumn("detail", "事由说明（内部）", "text", (), 40))
    data: list[list[Any]] = []
    for n, r in enumerate(rows, 1):
        row = [n, LIST_WORDS[r.list_kind], r.organization_name, r.uscc, r.ground, r.decision_no, r.decided_on,
               r.listed_on, STATE_WORDS.get(r.state, r.state), r.removal_decision_no, r.removed_on]
        data.append(row if public else [*row, r.detail or ""])
    office = db.office().name
    count = write_sheet(path, columns, data, sheet_title=_sheet_title(_credit_title(db, options), office))
    kinds = ("abnormal", "serious") if options.list_kind == "all" else (options.list_kind,)
    return {"pages": 0, "rows": count, "list": options.list_kind, "state": options.state,
            **{k: sum(1 for r in rows if r.list_kind == k) for k in kinds}, "empty": not rows}


def write_penalty_sheet(db: Database, options: PenaltiesOptions, path: Path, public: bool) -> dict[str, Any]:
    """The penalties as an .xlsx or .csv (by the suffix), written whole or not at all."""
    from civicdesk.services.ledger.exporter import _write as write_sheet

    start, end = penalty_period(options)
    rows = penalty_rows(db, options, public=public)
    columns: tuple[LedgerColumn, ...] = PENALTY_COLUMNS
    if not public:
        columns = (*PENALTY_COLUMNS, *_columns((("case_no", "案号", "text", 22), ("state", "状态", "text", 10),
                                                ("facts", "违法事实（内部）", "text", 50))))
    data: list[list[Any]] = []
    for n, r in enumerate(rows, 1):
        row = [n, r.organization_name, r.uscc, r.kind, r.amount, r.basis, r.decision_no, r.decided_on]
        data.append(row if public else [*row, r.case_no or "", STATE_WORDS.get(r.state, r.state), r.facts or ""])
    office = db.office().name
    count = write_sheet(path, columns, data, sheet_title=_sheet_title(_penalty_title(db, options), office))
    return {"pages": 0, "rows": count, "decided": sum(1 for r in rows if r.state == "decided"),
            "start": start.isoformat(), "end": end.isoformat(), "empty": not rows}


# -- sizes and registration --------------------------------------------------------------------------------------
def _credit_size(db: Database, options: CreditListOptions) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(CreditListing).where(
            CreditListing.office_code == db.office().code, CreditListing.state.in_(PUBLISHED["all"]))) or 0)


def _penalty_size(db: Database, options: PenaltiesOptions) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Penalty).where(
            Penalty.office_code == db.office().code, Penalty.state == "decided")) or 0)


CREDIT_KIND = register_kind(DocumentKind(
    name="credit-list", label="活动异常名录、严重违法失信名单", title=_credit_title, size=_credit_size,
    write=_write_credit, order=60, default_options=default_credit_options, spreadsheet=write_credit_sheet,
    spreadsheet_suffixes=SUFFIXES,
))
PENALTY_KIND = register_kind(DocumentKind(
    name="penalties", label="行政处罚决定公示", title=_penalty_title, size=_penalty_size, write=_write_penalties,
    order=62, default_options=default_penalty_options, spreadsheet=write_penalty_sheet, spreadsheet_suffixes=SUFFIXES,
))
