"""The ``statistics`` document kind: the statistics report in official-document layout (GB/T 9704).

It reproduces the city's "基本情况" paragraph from :func:`civicdesk.services.register.statistics.statistics` (counts by
legal form, community tiers and subtypes, density per 10,000 with its population basis), then a per-division
table and two charts drawn as vectors (reportlab.graphics), then the "培育发展" section (incubation, purchased
services, venture philanthropy, community funds, volunteers, children's stations: the letter's sentences with the
figures counted by :mod:`civicdesk.services.cultivation.figures`, and a per-county table), and ends with the
office's name and the date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer
from sqlalchemy import select

from civicdesk.services.core.database import Database
from civicdesk.services.cultivation.figures import cultivation_figures, with_register
from civicdesk.services.printing import official
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.layout import GB_TEXT_WIDTH, DocInfo, cn_date
from civicdesk.services.register.statistics import statistics

FORM_WORDS = {"social_group": "社会团体", "social_service": "民办非企业单位（社会服务机构）", "foundation": "基金会"}


@dataclass(frozen=True)
class StatisticsOptions:
    division: str | None = None  # default: the office's own scope
    as_of: date | None = None
    title: str | None = None


def n(value: int) -> str:
    return f"{value:,}"


def _population_words(pop: dict[str, Any] | None) -> str:
    if not pop:
        return "（无人口数据，未计算每万人拥有量）"
    basis = "户籍人口" if pop["basis"] == "household" else "常住人口"
    wan = pop["value"] / 10000
    approx = "约" if pop["value"] % 1000 == 0 else ""
    return f"按{pop['year']}年{basis}{approx}{wan:,.1f}万人计算"


def _whole(scope: dict[str, Any]) -> str:
    """"全市", "全区" or "全县": how the report names its whole scope (峨眉山市, a county-level city: 全市)."""
    if scope["level"] == "city":
        return "全市"
    return "全区" if scope["name"].endswith("区") else "全县" if scope["name"].endswith("县") else "全市"


def basic_paragraphs(figures: dict[str, Any], as_of: date) -> list[str]:
    """The "基本情况" paragraph as the city wrote it, with the figures counted from the register."""
    whole = _whole(figures["scope"])
    by = figures["by_legal_form"]
    c = figures["community_social_organizations"]
    first = (f"截至{cn_date(as_of)}，{whole}共有登记社会组织{n(figures['registered_social_organizations'])}个，"
             f"其中社会团体{n(by['social_group'])}个、民办非企业单位（社会服务机构）{n(by['social_service'])}个、"
             f"基金会{n(by['foundation'])}个；社区社会组织{n(c['total'])}个，其中登记在册{n(c['registered'])}个、"
             f"在乡镇（街道）备案{n(c['filed'])}个、纳入村和社区指导管理{n(c['guided'])}个。")
    density = figures["per_10k_population"]
    if density is not None:
        # "按…计算，…5.08个。" rather than "5.08个（按…计算）。": a line may not start with "）。" and
        # reportlab hangs only one closing mark at a line's end
        first += f"{_population_words(figures['population'])}，{whole}每万人拥有社会组织{density:.2f}个。"
    labels = figures["community_by_subtype_labels"]
    parts = [f"{labels.get(k) or '未分类'}{n(v)}个" for k, v in
             sorted(figures["community_by_subtype"].items(), key=lambda kv: -kv[1]) if v]
    second = ("社区社会组织中，" + "、".join(parts) + "。") if parts else ""
    return [p for p in (first, second) if p]


def _bar_chart(fonts: Any, rows: list[dict[str, Any]]) -> Drawing:
    width, height = GB_TEXT_WIDTH, 78 * mm
    d = Drawing(width, height, initialFontName=fonts.body.name)  # not reportlab's Helvetica, which is not embedded
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 42, width - 50, height - 62
    chart.data = [[r["by_legal_form"]["social_group"] for r in rows],
                  [r["by_legal_form"]["social_service"] for r in rows]]
    chart.categoryAxis.categoryNames = [r["name"] for r in rows]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = fonts.body.name
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = fonts.body.name
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.8, 0.8, 0.8)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = colors.Color(0.25, 0.25, 0.25)
    chart.bars[1].fillColor = colors.Color(0.65, 0.65, 0.65)
    chart.bars.strokeWidth = 0.3
    chart.barWidth = 8
    d.add(chart)
    for i, (label, colour) in enumerate((("社会团体", chart.bars[0].fillColor),
                                         ("社会服务机构", chart.bars[1].fillColor))):
        x = width - 170 + i * 85
        from reportlab.graphics.shapes import Rect

        d.add(Rect(x, height - 12, 10, 8, fillColor=colour, strokeWidth=0.3))
        d.add(String(x + 14, height - 11, label, fontName=fonts.body.name, fontSize=9))
    return d


def _subtype_chart(fonts: Any, figures: dict[str, Any]) -> Drawing:
    labels = figures["community_by_subtype_labels"]
    items = sorted(((labels.get(k) or "未分类", v) for k, v in figures["community_by_subtype"].items() if v),
                   key=lambda kv: kv[1])
    width, height = GB_TEXT_WIDTH, max(40 * mm, (len(items) * 7 + 16) * mm / 1.6)
    d = Drawing(width, height, initialFontName=fonts.body.name)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 92, 16, width - 140, height - 24
    chart.data = [[v for _k, v in items]]
    chart.categoryAxis.categoryNames = [k for k, _v in items]
    chart.categoryAxis.labels.fontName = fonts.body.name
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.labels.fontName = fonts.body.name
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.8, 0.8, 0.8)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = colors.Color(0.4, 0.4, 0.4)
    chart.bars.strokeWidth = 0.3
    chart.barLabelFormat = lambda v: f"{v:,}"
    chart.barLabels.fontName = fonts.body.name
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _division_table(styles: official.Styles, figures: dict[str, Any]) -> Any:
    head = [Paragraph(h, styles.cell_head) for h in ("县（市、区）", "登记社会<br/>组织", "其中：<br/>社会团体",
                                                      "社会服务<br/>机构", "基金会", "社区社会<br/>组织",
                                                      "每万人<br/>拥有")]
    rows: list[list[Any]] = [head]
    cell, center = styles.cell, styles.cell_center
    for r in figures["by_division"]:
        c = r["community_social_organizations"]
        rows.append([Paragraph(r["name"], cell)] + [Paragraph(v, center) for v in (
            n(r["registered_social_organizations"]), n(r["by_legal_form"]["social_group"]),
            n(r["by_legal_form"]["social_service"]), n(r["by_legal_form"]["foundation"]), n(c["total"]),
            f"{r['per_10k_population']:.2f}" if r["per_10k_population"] is not None else "—")])
    c = figures["community_social_organizations"]
    total = figures["per_10k_population"]
    rows.append([Paragraph("合计", styles.cell_head)] + [Paragraph(v, center) for v in (
        n(figures["registered_social_organizations"]), n(figures["by_legal_form"]["social_group"]),
        n(figures["by_legal_form"]["social_service"]), n(figures["by_legal_form"]["foundation"]), n(c["total"]),
        f"{total:.2f}" if total is not None else "—")])
    widths = [w * mm for w in (36, 20, 21, 21, 16, 24, 18)]
    return official.grid_table(rows, widths, styles=styles, extra=[
        ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.Color(0.94, 0.94, 0.94)),
        ("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 1.0, colors.black)])


def _title(db: Database, options: StatisticsOptions) -> str:
    if options.title:
        return options.title
    from civicdesk.models import Division

    code = options.division or db.office().code
    with db.read() as session:
        division = session.get(Division, code)
        place = (division.name if division.level == "city" else division.full_name.removeprefix("四川省")) \
            if division else db.office().name.removesuffix("民政局")
    return f"{place}社会组织基本情况统计报告"


def _write(job: PrintJob, options: StatisticsOptions, info: DocInfo) -> dict[str, Any]:
    figures = with_register(statistics(job.db, options.division), cultivation_figures(job.db, options.division))
    places = _place_names(job.db, figures)
    job.progress.total = 4
    job.progress(1, force=True)
    as_of = options.as_of or job.printed_on
    fonts = job.fonts
    s = official.Styles(fonts)
    story: list[Any] = [official.Title(fonts, info.title, space_after=6),
                        Paragraph(f"（截至{cn_date(as_of)}）", s.subtitle), Spacer(1, official.LINE_PITCH * 0.5)]
    sections = iter("一二三四五六")  # numbered by what this variant prints, so no number is skipped
    figure_numbers = iter(range(1, 10))
    story.append(Paragraph(f"{next(sections)}、基本情况", s.h1))
    story += [Paragraph(p, s.body) for p in basic_paragraphs(figures, as_of)]
    rows = figures["by_division"]
    if len(rows) > 1:
        story.append(Paragraph(f"{next(sections)}、分县（市、区）情况", s.h1))
        story.append(Paragraph("（一）登记社会组织和社区社会组织数量", s.h2))
        story.append(Spacer(1, 4))
        story.append(_division_table(s, figures))
        story.append(Spacer(1, 4))
        story.append(Paragraph("注：每万人拥有量按登记社会组织数计算，人口口径见“统计口径”部分。", s.note))
        story.append(CondPageBreak(90 * mm))
        story.append(Paragraph("（二）登记社会组织分布", s.h2))
        story.append(KeepTogether([_bar_chart(fonts, rows), Paragraph(
            f"图{next(figure_numbers)}　各县（市、区）登记社会组织数（社会团体、社会服务机构）", s.caption)]))
    job.progress(2, force=True)
    if figures["community_by_subtype"]:
        story.append(CondPageBreak(80 * mm))
        story.append(Paragraph(f"{next(sections)}、社区社会组织类别", s.h1))
        story.append(KeepTogether([_subtype_chart(fonts, figures),
                                   Paragraph(f"图{next(figure_numbers)}　社区社会组织按类别统计", s.caption)]))
    cultivation = cultivation_paragraphs(figures, places)
    if cultivation:
        story.append(CondPageBreak(60 * mm))
        story.append(Paragraph(f"{next(sections)}、培育发展", s.h1))
        story += [Paragraph(p, s.body) for p in cultivation]
        if len(rows) > 1:
            story.append(Spacer(1, 4))
            story.append(_cultivation_table(s, figures))
            story.append(Spacer(1, 4))
            story.append(Paragraph("注：购买服务为2019年以来的合同金额，公益创投为资助金额，单位万元；市级的基地、项目、"
                                   "创投和基金只计入合计。", s.note))
    pop = figures["population"]
    heading = next(sections)
    story.append(Paragraph(f"{heading}、统计口径", s.h1))
    basis = ""
    if pop:
        basis = (f"人口数据来源：{official.escape(str(pop['source']))}；每万人拥有社会组织数以{pop['year']}年"
                 f"{'户籍' if pop['basis'] == 'household' else '常住'}人口{n(pop['value'])}人为基数。")
    story.append(Paragraph("本报告数据由社会组织登记管理系统按登记簿逐条统计，只计存续（含限期停止活动、清算中）的组织；"
                           "社区社会组织按登记、乡镇（街道）备案、纳入村（社区）指导管理三个层级分别统计。"
                           + basis, s.body))
    story.append(Spacer(1, official.LINE_PITCH * 2))
    story.append(Paragraph(official.escape(info.office_name), s.signature))
    story.append(Paragraph(cn_date(job.printed_on), s.signature))
    job.progress(3, force=True)
    pages = official.build(job.path, fonts, info, story)
    job.progress(4, force=True)
    c = figures["community_social_organizations"]
    return {"pages": pages, "registered": figures["registered_social_organizations"], "community": c["total"],
            "community_registered": c["registered"], "filed": c["filed"], "guided": c["guided"],
            "per_10k_population": figures["per_10k_population"]}


def wan(amount: Decimal) -> str:
    """Yuan as 万元 with two decimals (32,100,000 -> 3,210.00)."""
    return f"{amount / 10000:,.2f}"


def _wan_words(amount: Decimal) -> str:
    """Yuan in a sentence as the letter writes them: 万元, with no trailing zeros (550,000 -> 55万元)."""
    text = f"{amount / 10000:,.2f}".rstrip("0").rstrip(".")
    return f"{text}万元"


def _place_names(db: Database, figures: dict[str, Any]) -> dict[str, str]:
    """code -> name of the divisions the cultivation sentences name (the bases' counties and townships)."""
    from civicdesk.models import Division

    codes = {b[k] for b in figures["incubation"]["by_base"] for k in ("division_code", "township_code") if b[k]}
    with db.read() as session:
        return {d.code: d.name for d in session.scalars(select(Division).where(Division.code.in_(codes)))}


def cultivation_paragraphs(figures: dict[str, Any], places: dict[str, str]) -> list[str]:
    """The "培育发展" paragraphs as the letter states them, one per programme the scope has rows of."""
    scope = figures["scope"]
    whole = _whole(scope)
    out = []
    inc = figures["incubation"]
    if inc["by_base"]:
        bases = [b for b in inc["by_base"] if b["kind"] == "base"]
        parks = [b for b in inc["by_base"] if b["kind"] == "park"]
        levels = inc["bases"]
        counties = "、".join(places.get(b["division_code"], b["division_code"])
                             for b in bases if b["level"] == "county")
        said = []
        if levels["city"]:
            said.append(f"市级培育孵化基地{n(levels['city'])}个")
        if levels["county"]:
            named = f"（{counties}）" if scope["level"] == "city" else ""
            said.append(f"县级培育孵化基地{n(levels['county'])}个{named}")
        text = f"{whole}建成" + "、".join(said) if said else ""
        if parks:
            towns = "、".join(places.get(b["township_code"] or "", "") for b in parks)
            text += ("，" if text else "") + f"在{towns}建成社区社会组织孵化园{n(len(parks))}个"
        city_base = [b for b in bases if b["level"] == "city"]
        if city_base:
            c = city_base[0]
            text += f"；市级基地累计入驻社会组织{n(c['admitted'])}个，孵化出壳{n(c['graduated'])}个"
        text += (f"；各基地（园）累计入驻{n(inc['admitted'])}个，孵化出壳{n(inc['graduated'])}个，"
                 f"在孵{n(inc['in_residence'])}个。")
        out.append("（一）培育孵化。" + text)
    ps = figures["purchased_services"]
    if ps["projects"]:
        out.append(f"（二）政府购买服务。{ps['since']}年以来，{whole}民政部门向{n(ps['organizations'])}个社会组织"
                   f"购买服务项目{n(ps['projects'])}个，合同金额{_wan_words(ps['contracted'])}，已支付{_wan_words(ps['paid'])}。")
    vp = figures["venture_philanthropy"]
    if vp["rounds"]:
        parts = []
        for r in vp["by_round"]:
            where = places.get(r["division_code"]) or next(
                (d["name"] for d in figures["by_division"] if d["code"] == r["division_code"]), scope["name"])
            name = official.escape(r["name"].removeprefix(where))  # "沙湾区开展2020年…", not "沙湾区开展沙湾区…"
            if r["kind"] == "contest":
                parts.append(f"{where}举办{name}，征集项目{n(r['applications'])}个，"
                             f"资助{n(r['awarded'])}个、{_wan_words(r['amount_awarded'])}")
            else:
                parts.append(f"{where}开展{name}，投入{_wan_words(r['amount_awarded'])}，"
                             f"资助社会组织{n(r['awardees'])}个")
        out.append("（三）公益创投。" + "；".join(parts) + "。")
    cf = figures["community_funds"]
    if cf["funds"]:
        out.append(f"（四）社区基金。{whole}设立社区基金{n(cf['funds'])}个，覆盖{n(cf['communities'])}个社区，"
                   f"累计筹集资金{_wan_words(cf['contributed'])}，支出{_wan_words(cf['granted'])}，"
                   f"结余{_wan_words(cf['balance'])}。")
    vo = figures["volunteers"]
    if vo["teams"]:
        text = f"（五）志愿服务。{whole}村（社区）志愿服务队{n(vo['teams'])}支"
        if vo["volunteers"]:
            text += (f"，在册志愿者{n(vo['volunteers'])}人，开展服务活动{n(vo['activities'])}次，"
                     f"服务时长{vo['hours']:,.1f}小时")
        out.append(text + "。")
    cs = figures["children_stations"]
    if cs["stations"]:
        text = f"（六）儿童服务站。{whole}建成儿童服务站{n(cs['stations'])}个"
        if cs["person_times"]:
            text += (f"，累计服务{n(cs['person_times'])}人次，其中困境儿童{n(cs['in_difficulty'])}人次、"
                     f"留守儿童{n(cs['left_behind'])}人次")
        funding = cs["funding"]
        if any(funding.values()):
            text += (f"；按“三个一点”筹集经费，基金会{_wan_words(funding['foundation'])}、承接组织"
                     f"{_wan_words(funding['organization'])}、民政部门{_wan_words(funding['civil_affairs'])}")
        out.append(text + "。")
    # numbered by what is stated, so no number is skipped
    return [f"（{'一二三四五六'[i]}）{p[3:]}" for i, p in enumerate(out)]


def _cultivation_table(styles: official.Styles, figures: dict[str, Any]) -> Any:
    head = [Paragraph(h, styles.cell_head) for h in ("县（市、区）", "基地<br/>（园）", "入驻/<br/>出壳",
                                                      "购买服务<br/>（万元）", "创投<br/>（万元）", "社区<br/>基金",
                                                      "志愿<br/>服务队", "儿童服务站<br/>服务人次")]
    rows: list[list[Any]] = [head]
    center = styles.cell_center

    def cells(f: dict[str, Any]) -> list[Any]:
        inc = f["incubation"]
        return [Paragraph(v, center) for v in (
            n(len(inc["by_base"])), f"{n(inc['admitted'])}/{n(inc['graduated'])}",
            wan(f["purchased_services"]["contracted"]), wan(f["venture_philanthropy"]["amount_awarded"]),
            n(f["community_funds"]["funds"]), n(f["volunteers"]["teams"]), n(f["children_stations"]["person_times"]))]

    for r in figures["by_division"]:
        rows.append([Paragraph(r["name"], styles.cell)] + cells(r))
    rows.append([Paragraph("合计", styles.cell_head)] + cells(figures))
    widths = [w * mm for w in (34, 15, 16, 21, 17, 12, 16, 25)]
    return official.grid_table(rows, widths, styles=styles, extra=[
        ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.Color(0.94, 0.94, 0.94)),
        ("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 1.0, colors.black)])


KIND = register_kind(DocumentKind(
    name="statistics", label="社会组织统计报告", title=_title, size=lambda _db, _o: 4, write=_write, order=30,
))
