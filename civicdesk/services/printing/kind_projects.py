"""The kind ``projects``: a list of government-purchased service projects (政府购买服务项目一览表), as a PDF in the
GB/T 9704 layout (title, the office as issuer, the date, page numbers) or as the same rows in an .xlsx workbook
or a .csv file.

The rows are :func:`civicdesk.services.cultivation.projects.list_projects`'s (every project this database holds,
a city's with its districts' after sync), narrowed by year, county and organization: the project, the buying
department, the organization contracted, the funding source (its words from the parameter
``cultivation.funding_sources``), the amount contracted and paid, the period, the evaluation; a total row.  The
internal version adds the contract number.  No column holds a person's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.platypus import KeepTogether, Paragraph, Spacer
from sqlalchemy import func, select

from civicdesk.models import ServiceProject
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation import projects
from civicdesk.services.ledger.columns import LedgerColumn
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.kind_credit import SUFFIXES, _table, money
from civicdesk.services.printing.kind_inspection import heading
from civicdesk.services.printing.layout import DocInfo, cn_date


@dataclass(frozen=True)
class ProjectsOptions:
    year: int | None = None  # every year when None
    county: str | None = None  # a division code
    organization: str | None = None  # id or USCC


def default_options() -> ProjectsOptions:
    return ProjectsOptions()


def _rows(db: Database, options: ProjectsOptions) -> tuple[list[projects.ProjectInfo], dict[str, str]]:
    rows = projects.list_projects(db, year=options.year, county=options.county, organization=options.organization)
    with db.read() as session:
        sources = projects.funding_sources(session, db.office().code)
    return rows, sources


def _title(db: Database, options: ProjectsOptions) -> str:
    year = f"{projects.check_year(options.year)}年度" if options.year is not None else ""
    return f"{db.office().name}{year}政府购买服务项目一览表"


def _period(p: projects.ProjectInfo) -> str:
    return f"{p.starts_on.isoformat()}\n{p.ends_on.isoformat()}"


def _yuan(amount: Any) -> str:
    """An amount without separators: the narrow columns keep 1234567.50 on one line."""
    return f"{amount:.2f}"


def _write(job: PrintJob, options: ProjectsOptions, info: DocInfo) -> dict[str, Any]:
    rows, sources = _rows(job.db, options)
    job.progress.total = max(len(rows), 1)
    s = official.Styles(job.fonts)
    contracted = sum((p.amount for p in rows), projects.ZERO)
    paid = sum((p.paid for p in rows), projects.ZERO)
    story: list[Any] = heading(job.fonts, info.title)
    body = (f"截至{cn_date(job.printed_on)}，本表列出政府购买服务项目{len(rows)}个，合同金额合计{money(contracted)}元，"
            f"已支付{money(paid)}元。")
    story.append(Paragraph(official.escape(body), s.body))
    story.append(Spacer(1, 4))
    header = ["序号", "项目名称", "购买主体", "承接组织", "资金来源", "合同金额\n（元）", "已付\n（元）",
              "服务期限\n（起止）", "评估\n结果"]
    widths: list[float] = [8, 26, 16, 24, 14, 19, 19, 19, 10]  # 155 mm: the type area's width
    if not job.public:
        header.insert(2, "合同编号")
        widths = [8, 21, 17, 14, 20, 12, 18, 18, 18, 9]
    cells = []
    for n, p in enumerate(rows, 1):
        row = [str(n), f"{p.name}（{p.year}年度）", p.department, p.organization_name,
               sources.get(p.funding_source, p.funding_source), _yuan(p.amount), _yuan(p.paid), _period(p),
               projects.evaluation_label(p.evaluation)]
        if not job.public:
            row.insert(2, p.contract_no or "")
        cells.append(row)
    if rows:
        total = ["", "合计", "", "", "", _yuan(contracted), _yuan(paid), "", ""]
        if not job.public:
            total.insert(2, "")
        cells.append(total)
    story.append(_table(job.fonts, header, widths, cells, left=(1, 2, 3) if job.public else (1, 2, 3, 4)))
    job.progress(len(rows))
    story.append(KeepTogether([Spacer(1, official.LINE_PITCH * 1.5),
                               Paragraph(official.escape(info.office_name), s.signature),
                               Paragraph(cn_date(job.printed_on), s.signature)]))
    pages = official.build(job.path, job.fonts, info, story)
    return {"pages": pages, "rows": len(rows), "contracted": format(contracted, "f"), "paid": format(paid, "f"),
            "empty": not rows}


COLUMNS = tuple(LedgerColumn(field, header, kind, (), width) for field, header, kind, width in (
    ("position", "序号", "int", 6), ("year", "年度", "int", 8), ("name", "项目名称", "text", 36),
    ("department", "购买主体", "text", 24), ("organization", "承接组织", "text", 36),
    ("uscc", "统一社会信用代码", "text", 22), ("funding", "资金来源", "text", 16),
    ("amount", "合同金额（元）", "decimal", 16), ("paid", "已付金额（元）", "decimal", 16),
    ("starts_on", "服务期限起", "date", 12), ("ends_on", "服务期限止", "date", 12),
    ("evaluation", "评估结果", "text", 10), ("evaluated_on", "评估日期", "date", 12)))


def write_sheet(db: Database, options: ProjectsOptions, path: Path, public: bool) -> dict[str, Any]:
    """The projects as an .xlsx or .csv (by the suffix), written whole or not at all."""
    from civicdesk.services.ledger.exporter import _write as write_rows

    rows, sources = _rows(db, options)
    columns: tuple[LedgerColumn, ...] = COLUMNS if public else \
        (*COLUMNS, LedgerColumn("contract_no", "合同编号（内部）", "text", (), 22))
    data: list[list[Any]] = []
    for n, p in enumerate(rows, 1):
        row = [n, p.year, p.name, p.department, p.organization_name, p.uscc or "",
               sources.get(p.funding_source, p.funding_source), p.amount, p.paid, p.starts_on, p.ends_on,
               projects.evaluation_label(p.evaluation), p.evaluated_on]
        data.append(row if public else [*row, p.contract_no or ""])
    office = db.office().name
    count = write_rows(path, columns, data, sheet_title=_title(db, options).removeprefix(office)[:31] or "项目")
    return {"pages": 0, "rows": count, "empty": not rows}


def _size(db: Database, options: ProjectsOptions) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(ServiceProject).where(
            ServiceProject.deleted_at.is_(None))) or 0)


KIND = register_kind(DocumentKind(
    name="projects", label="政府购买服务项目一览表", title=_title, size=_size, write=_write, order=70,
    default_options=default_options, spreadsheet=write_sheet, spreadsheet_suffixes=SUFFIXES,
))
