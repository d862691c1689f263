"""The ``dashboard`` document kind: the dashboard's charts on paper, in the official-document layout (GB/T 9704)
of the statistics report (:mod:`.kind_statistics`): the same series (:mod:`civicdesk.services.dashboard`) drawn
as vectors with reportlab.graphics, each with its figure caption; the whole dashboard (the tiles' figures as a
paragraph, then every chart), or the charts named in the options (the window's "导出为 PDF" of one chart).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from civicdesk.errors import InputError
from civicdesk.services.core.database import Database
from civicdesk.services.dashboard import SERIES, Dashboard, Series
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.layout import GB_TEXT_WIDTH, DocInfo, cn_date

#: the parts' fills, as on screen (services' COLOURS of ui/dashboard/charts.py), readable in grey
FILLS = (colors.HexColor("#2f6f9f"), colors.HexColor("#e08a2c"), colors.HexColor("#6aa56a"))


@dataclass(frozen=True)
class DashboardOptions:
    series: tuple[str, ...] = SERIES  # the charts to print, in this order
    title: str | None = None


def _check(options: DashboardOptions) -> None:
    unknown = [s for s in options.series if s not in SERIES]
    if unknown or not options.series:
        raise InputError("dashboard.unknown_series", value=", ".join(unknown) or "-", allowed=", ".join(SERIES))


def chart_drawing(fonts: Any, series: Series) -> Drawing:
    """One series as the window draws it: bars side by side, stacked, or a line, with a legend of its parts."""
    width, height = GB_TEXT_WIDTH, 72 * mm
    d = Drawing(width, height, initialFontName=fonts.body.name)
    chart: Any = HorizontalLineChart() if series.kind == "line" else VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 40, width - 56, height - 62
    chart.data = [list(v) for v in series.values]
    names = [c.zh for c in series.categories]
    every = max(1, len(names) // 16)
    chart.categoryAxis.categoryNames = [n if i % every == 0 else "" for i, n in enumerate(names)]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = fonts.body.name
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 8
    if series.kind != "line" and max((len(n) for n in names), default=0) * len(names) > 40:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.8, 0.8, 0.8)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.labelTextFormat = lambda v: f"{v / 10000:,.0f}万" if abs(v) >= 100_000 else f"{v:,.0f}" \
        if v == int(v) else f"{v:,.1f}"
    if series.kind == "line":
        chart.lines[0].strokeColor = FILLS[0]
        chart.lines[0].strokeWidth = 1.2
    else:
        if series.kind == "stacked":
            chart.categoryAxis.style = "stacked"
        for p in range(len(series.values)):
            chart.bars[p].fillColor = FILLS[p % len(FILLS)]
        chart.bars.strokeWidth = 0.3
    d.add(chart)
    parts = series.parts("zh")
    if len(parts) > 1:
        x = 40.0
        for p, label in enumerate(parts):
            d.add(Rect(x, height - 12, 10, 8, fillColor=FILLS[p % len(FILLS)], strokeWidth=0.3))
            d.add(String(x + 14, height - 11, label, fontName=fonts.body.name, fontSize=9))
            x += 24 + 9 * len(label)
    if not names:
        d.add(String(width / 2, height / 2, "暂无数据", fontName=fonts.body.name, fontSize=10, textAnchor="middle"))
    return d


def tiles_paragraph(t: dict[str, Any]) -> str:
    per = t["per_10k"]
    since = f"{t['purchased_since']}年以来" if t.get("purchased_since") else ""
    return (f"登记社会组织{t['registered']:,}个，社区社会组织{t['community']:,}个，"
            + (f"每万人拥有社会组织{per:.2f}个；" if per is not None else "")
            + f"培育孵化基地{t['bases']}个、社区孵化园区{t['parks']}个，入驻{t['admitted']}个、出壳{t['graduated']}个；"
            f"{since}政府购买服务项目{t['purchased_projects']:,}个、合同金额{t['purchased_amount']:,}元；"
            f"志愿服务队{t['volunteer_teams']:,}支；社区基金{t['funds']}个、规模{t['fund_size']:,}元；"
            f"儿童服务站{t['stations']}个、服务{t['person_times']:,}人次。")


def _title(db: Database, options: DashboardOptions) -> str:
    if options.title:
        return options.title
    place = db.office().name.removesuffix("民政局")
    if len(options.series) == 1:
        from civicdesk.services.dashboard import TITLES

        return f"{place}{TITLES[options.series[0]][0]}"
    return f"{place}社会组织工作概览"


def _write(job: PrintJob, options: DashboardOptions, info: DocInfo) -> dict[str, Any]:
    _check(options)
    board = Dashboard(job.db)
    job.progress.total = len(options.series) + 2
    fonts = job.fonts
    s = official.Styles(fonts)
    story: list[Any] = [official.Title(fonts, info.title, space_after=6),
                        Paragraph(f"（截至{cn_date(job.printed_on)}）", s.subtitle),
                        Spacer(1, official.LINE_PITCH * 0.5)]
    whole = len(options.series) == len(SERIES)
    if whole:
        story.append(Paragraph("一、主要数据", s.h1))
        story.append(Paragraph(official.escape(tiles_paragraph(board.tiles())), s.body))
        story.append(Paragraph("二、图表", s.h1))
    job.progress(1, force=True)
    labels: list[str] = []
    for n, key in enumerate(options.series, start=1):
        series = board.series(key)
        title = series.title("zh") + (f"（{series.note}年度）" if series.note else "")
        labels += [c.zh for c in series.categories]
        story.append(KeepTogether([chart_drawing(fonts, series), Paragraph(f"图{n}　{official.escape(title)}",
                                                                           s.caption)]))
        job.progress(n + 1, force=True)
    story.append(Spacer(1, official.LINE_PITCH * 2))
    story.append(Paragraph(official.escape(info.office_name), s.signature))
    story.append(Paragraph(cn_date(job.printed_on), s.signature))
    pages = official.build(job.path, fonts, info, story)
    job.progress(job.progress.total, force=True)
    return {"pages": pages, "charts": list(options.series), "categories": len(labels)}


KIND = register_kind(DocumentKind(
    name="dashboard", label="社会组织工作概览（图表）", title=_title, size=lambda _db, o: len(o.series) + 2,
    write=_write, order=35, default_options=DashboardOptions,
))
