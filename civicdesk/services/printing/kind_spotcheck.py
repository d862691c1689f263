"""The ``spotcheck`` document kind: the public list of a spot-check plan's results (双随机、一公开), as a PDF in
the GB/T 9704 layout or as an .xlsx workbook (the same rows).

The rows are :func:`civicdesk.services.supervision.spotcheck.public_results`: the organization, its USCC, the
date checked, the result, the rectification dates and the date published; never an inspector, a person or the
findings text (which may name people).  So the public and the internal versions carry the same rows; only the
footer differs.  The PDF also prints what repeats the draw (eligible count, ratio, method, seed, snapshot
SHA-256), so anyone can check it with ``civicdesk spotcheck verify``.  A plan not drawn (planned or cancelled)
has no results to publish: refused with ``print.spotcheck_not_drawn``.

The .xlsx is written by the ledger's exporter (:func:`civicdesk.services.ledger.exporter._write`: header, widths,
date cells, formula neutralising, written whole or not at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from civicdesk.errors import CivicDeskError
from civicdesk.services.core.database import Database
from civicdesk.services.ledger.columns import LedgerColumn
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.kind_inspection import heading
from civicdesk.services.printing.layout import DocInfo, cn_date
from civicdesk.services.supervision import spotcheck

PUBLISHABLE = ("drawn", "completed")


@dataclass(frozen=True)
class SpotcheckOptions:
    plan_id: str


def result_label(code: str | None) -> str:
    from civicdesk import messages

    return messages.label(f"spotcheck_result.{code}", "zh", default=code) if code else "尚未检查"


def drawn_plan(db: Database, plan_id: str) -> spotcheck.PlanRow:
    """The plan (``spotcheck.plan_not_found`` if unknown), refused unless drawn or completed."""
    plan = spotcheck.get_plan(db, plan_id)
    if plan.state not in PUBLISHABLE:
        raise CivicDeskError("print.spotcheck_not_drawn", key=plan_id, state=plan.state)
    return plan


def _title(db: Database, options: SpotcheckOptions) -> str:
    plan = drawn_plan(db, options.plan_id)
    # not "…年度社会组织“双随机、一公开”…": too long for two lines of 2号, and the body names the organizations
    return f"{db.office().name}{plan.year}年度“双随机、一公开”抽查结果公示"


def _rectification(r: spotcheck.PublicResult) -> str:
    if r.result != "rectify":
        return ""
    if r.rectified_on:
        return f"已于{cn_date(r.rectified_on)}整改完毕"
    return f"限{cn_date(r.rectify_by)}前整改" if r.rectify_by else "整改中"


def _counts(rows: list[spotcheck.PublicResult]) -> dict[str, int]:
    out = {code: sum(1 for r in rows if r.result == code) for code in spotcheck.RESULTS}
    out["pending"] = sum(1 for r in rows if r.result is None)
    return out


def _write(job: PrintJob, options: SpotcheckOptions, info: DocInfo) -> dict[str, Any]:
    plan = drawn_plan(job.db, options.plan_id)
    rows = spotcheck.public_results(job.db, plan.id)
    job.progress.total = max(len(rows), 1)
    s = official.Styles(job.fonts)
    counts = _counts(rows)
    ratio = f"{Decimal(plan.ratio) * 100:.2f}".rstrip("0").rstrip(".") + "%"
    drawn_on = cn_date(plan.drawn_at.date()) if plan.drawn_at else ""
    body = (f"根据“双随机、一公开”监管工作要求，我局于{drawn_on}从{plan.eligible_count or 0:,}个社会组织中"
            f"按{ratio}的比例随机抽取{plan.drawn_count or len(rows):,}个进行抽查，并随机选派检查人员。"
            f"经检查，未发现问题{counts['clear']}个，责令整改{counts['rectify']}个，移交执法{counts['refer']}个")
    body += f"，尚未完成检查{counts['pending']}个。" if counts["pending"] else "。"
    body += "现将抽查结果公示如下："
    story: list[Any] = heading(job.fonts, info.title)
    if plan.title:
        story.append(Paragraph(f"（{official.escape(plan.title)}）", s.subtitle))
    story.append(Paragraph(official.escape(body), s.body))
    story.append(Spacer(1, 4))
    small = ParagraphStyle("spot_cell", parent=s.cell, fontSize=9, leading=12)
    center = ParagraphStyle("spot_cell_c", parent=small, alignment=1)
    head = ParagraphStyle("spot_head", parent=s.cell_head, fontSize=9, leading=12)
    header = ["序号", "社会组织名称", "统一社会信用代码", "检查日期", "检查结果", "整改情况"]
    widths = [9, 40, 35, 27, 20, 25]
    table: list[list[Any]] = [[Paragraph(h, head) for h in header]]
    for n, r in enumerate(rows, 1):
        cells = [str(n), official.escape(r.organization_name), r.uscc or "",
                 cn_date(r.checked_on) if r.checked_on else "", result_label(r.result), _rectification(r)]
        table.append([Paragraph(c, small if i == 1 else center) for i, c in enumerate(cells)])
        job.progress(n)
    tight = [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    story.append(official.grid_table(table, [w * mm for w in widths], styles=s, extra=tight))
    story.append(Spacer(1, 6))
    story.append(Paragraph(official.escape(
        f"抽取记录：随机方法 {plan.method or ''}，随机种子 {plan.seed or ''}，备选名单 {plan.eligible_count or 0:,} 个"
        f"（SHA-256 {plan.snapshot_sha256 or ''}）。依据上述记录可重复本次抽取并核验结果。"), s.note))
    story.append(KeepTogether([Spacer(1, official.LINE_PITCH * 1.5),
                               Paragraph(official.escape(info.office_name), s.signature),
                               Paragraph(cn_date(job.printed_on), s.signature)]))
    pages = official.build(job.path, job.fonts, info, story)
    return {"pages": pages, "plan_id": plan.id, "year": plan.year, "rows": len(rows), **counts}


#: the workbook's columns, as the ledger's writer reads them (header, kind, width)
XLSX_COLUMNS = tuple(LedgerColumn(field, header, kind, (), width) for field, header, kind, width in (
    ("position", "序号", "int", 6), ("name", "社会组织名称", "text", 40), ("uscc", "统一社会信用代码", "text", 22),
    ("checked_on", "检查日期", "date", 12), ("result", "检查结果", "text", 12), ("rectify_by", "整改期限", "date", 12),
    ("rectified_on", "整改完成日期", "date", 14), ("published_on", "公示日期", "date", 12)))


def write_xlsx(db: Database, options: SpotcheckOptions, path: Path, public: bool) -> dict[str, Any]:
    """The plan's public results as an .xlsx (one sheet, the same rows as the PDF; ``public`` changes nothing:
    the rows hold no personal data)."""
    from civicdesk.services.ledger.exporter import _write as write_sheet

    plan = drawn_plan(db, options.plan_id)
    rows = spotcheck.public_results(db, plan.id)
    data: list[list[Any]] = [[n, r.organization_name, r.uscc or "", r.checked_on, result_label(r.result),
                              r.rectify_by, r.rectified_on, r.published_on] for n, r in enumerate(rows, 1)]
    count = write_sheet(path, XLSX_COLUMNS, data, sheet_title=f"{plan.year}年度抽查结果")
    return {"pages": 0, "plan_id": plan.id, "year": plan.year, "rows": count, **_counts(rows)}


def _size(db: Database, options: SpotcheckOptions) -> int:
    return len(spotcheck.list_items(db, options.plan_id))


KIND = register_kind(DocumentKind(
    name="spotcheck", label="“双随机、一公开”抽查结果", title=_title, size=_size, write=_write, order=55,
    spreadsheet=write_xlsx,
))
