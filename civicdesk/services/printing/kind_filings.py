"""The ``filings`` document kind: the filings received or decided in a period, with their deadlines
(申请事项办理情况表), and the organization sheet's section of its latest filings.

A filing counts for the period when it was received in it or decided in it.  The summary paragraph gives the
received, decided (准予 / 不予), withdrawn and pending counts, and how many pending ones are overdue or due
within ten days (the decision is due 60 days after the application was complete).  The public version leaves
out the applicants (often a person's name) and the reviewers' comments.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from civicdesk.errors import InputError
from civicdesk.services.filings import service as filings
from civicdesk.services.core.database import Database
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.kind_organization import register_section
from civicdesk.services.printing.layout import DocInfo, cn_date
from civicdesk.services.core.validation import parse_date
from civicdesk import clock


@dataclass(frozen=True)
class FilingsOptions:
    start: date
    end: date
    state: str | None = None  # one state only, else all
    kind: str | None = None


def default_options() -> FilingsOptions:
    today = clock.today()
    return FilingsOptions(date(today.year, 1, 1), today)


def _in_period(f: filings.FilingRecord, options: FilingsOptions) -> bool:
    decided = f.decided_at.date() if f.decided_at else None
    return options.start <= f.received_on <= options.end or (
        decided is not None and options.start <= decided <= options.end)


def selected(db: Database, options: FilingsOptions, today: date | None = None) -> list[filings.FilingRecord]:
    """The filings of the period; days left counted from ``today`` (the day the report is printed, as the
    queue counts them), not from the period's end."""
    rows = filings.list_filings(db, state=options.state, kind=options.kind, today=today or clock.today())
    rows = [f for f in rows if f.state != "draft" and _in_period(f, options)]
    return sorted(rows, key=lambda f: (f.received_on, f.number))


def _title(db: Database, options: FilingsOptions) -> str:
    return f"{db.office().name}申请事项办理情况表"


def _status(f: filings.FilingRecord) -> str:
    text = filings.state_label(f.state)
    if f.deadline_flag == "overdue":
        text += f"（逾期{-(f.days_left or 0)}天）"
    elif f.days_left is not None:
        text += f"（剩{f.days_left}天）"
    return text


def _write(job: PrintJob, options: FilingsOptions, info: DocInfo) -> dict[str, Any]:
    rows = selected(job.db, options, job.printed_on)
    job.progress.total = max(len(rows), 1)
    s = official.Styles(job.fonts)
    received = [f for f in rows if options.start <= f.received_on <= options.end]
    decided = [f for f in rows if f.decided_at and options.start <= f.decided_at.date() <= options.end]
    approved = sum(1 for f in decided if f.state == "approved")
    pending = [f for f in rows if f.state in ("submitted", "under_review", "returned")]
    overdue = sum(1 for f in pending if f.deadline_flag == "overdue")
    soon = sum(1 for f in pending if f.deadline_flag == "due_soon")
    withdrawn = sum(1 for f in rows if f.state == "withdrawn")
    story: list[Any] = [
        official.Title(job.fonts, info.title, space_after=4),
        Paragraph(f"（{cn_date(options.start)}至{cn_date(options.end)}）", s.subtitle),
        Spacer(1, 6),
        Paragraph(official.escape(
            f"本期受理申请事项{len(received)}件，办结{len(decided)}件"
            f"（准予{approved}件、不予{len(decided) - approved}件），"
            f"撤回{withdrawn}件；尚在办理{len(pending)}件，其中已逾期{overdue}件、10日内到期{soon}件。"
            f"申请事项自材料齐全之日起60日内作出决定。"), s.body),
        Spacer(1, 6),
    ]
    # nine-point cells: full dates (2021年8月20日) fit their columns on one line
    small = ParagraphStyle("filing_cell", parent=s.cell, fontSize=9, leading=12)
    head = ParagraphStyle("filing_head", parent=s.cell_head, fontSize=9, leading=12)
    header = ["序号", "编号", "事项", "组织名称" if job.public else "组织名称 / 申请人", "受理日期", "办结期限",
              "办理状态 / 决定日期"]
    widths = [8, 31, 13, 29, 25, 25, 25]
    table: list[list[Any]] = [[Paragraph(h, head) for h in header]]
    for n, f in enumerate(rows, 1):
        who = official.escape(f.organization_name)
        if not job.public and f.applicant:
            who += f"<br/>申请人：{official.escape(f.applicant)}"
        state = official.escape(_status(f))
        if f.decided_at:
            state += "<br/>" + cn_date(f.decided_at.date())
        cells = [str(n), official.escape(f.number), filings.kind_label(f.kind), who, cn_date(f.received_on),
                 cn_date(f.due_on) if f.due_on else "", state]
        table.append([Paragraph(c, small) for c in cells])
        job.progress(n)
    if len(table) == 1:
        table.append(["（无）"] + [""] * (len(header) - 1))
    tight = [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    story.append(official.grid_table(table, [w * mm for w in widths], styles=s, extra=tight))
    story.append(Spacer(1, official.LINE_PITCH))
    story.append(Paragraph(official.escape(info.office_name), s.signature))
    story.append(Paragraph(cn_date(job.printed_on), s.signature))
    pages = official.build(job.path, job.fonts, info, story)
    return {"pages": pages, "rows": len(rows), "received": len(received), "decided": len(decided),
            "approved": approved, "pending": len(pending), "overdue": overdue, "due_soon": soon}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", help="期间起（默认：今年1月1日），如 2026-01-01")
    p.add_argument("--to", dest="end", help="期间止（默认：今天）")
    p.add_argument("--state", choices=filings.STATES, help="只列此状态的申请事项")
    p.add_argument("--kind", choices=filings.KINDS, help="只列此类申请事项")


def options_from_args(ns: argparse.Namespace) -> FilingsOptions:
    defaults = default_options()
    start = _date(ns.start, "--from") if ns.start else defaults.start
    end = _date(ns.end, "--to") if ns.end else defaults.end
    if end < start:
        raise InputError("print.bad_period", option="--to")
    return FilingsOptions(start, end, ns.state, ns.kind)


def _date(value: str, option: str) -> date:
    parsed = parse_date(value)
    if parsed is None:
        raise InputError("print.bad_date", option=option, value=value)
    return parsed


def latest_filings(db: Database, organization_id: str, public: bool) -> tuple[str, list[str], list[list[str]]] | None:
    """The organization sheet's section: its five latest filings."""
    rows = filings.history_of(db, organization_id)[:5]
    if not rows:
        return None
    body = [[f.number, filings.kind_label(f.kind), cn_date(f.received_on), filings.state_label(f.state),
             cn_date(f.decided_at.date()) if f.decided_at else ""] for f in rows]
    return "最近的申请事项", ["编号", "事项", "受理日期", "状态", "决定日期"], body


register_section(latest_filings)

KIND = register_kind(DocumentKind(
    name="filings", label="申请事项办理情况表", options_from_args=options_from_args, add_arguments=add_arguments,
    title=_title, size=lambda db, o: len(selected(db, o)), write=_write, order=40, default_options=default_options,
))
