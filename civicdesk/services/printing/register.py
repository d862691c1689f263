"""The register of organizations (名录): landscape A4, drawn straight on the canvas for speed.

Rows stream from one ordered query (the database is never held in memory), grouped by legal form,
township or county with a 小计 row per group and a 合计 row at the end.  The columns end with the rating in force
and last year's inspection (the derived columns of ``organization``) and, on the internal version only, 备注
(the notes).  The header row is repeated on every page; the footer carries the office, the print date, "— 1 —"
and "第 1 页 共 N 页" (N from a form XObject defined after the last page, so the document is drawn once).  Rows
have one fixed height: a cell too wide is condensed horizontally (down to half width), then cut with "…".
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import case, func, or_, select

from civicdesk import clock, messages
from civicdesk.models import Division, Organization
from civicdesk.services.register.browse import RegisterFilter, _conditions
from civicdesk.services.core.database import Database
from civicdesk.services.printing.fonts import FontSet, char_widths
from civicdesk.services.printing.layout import (
    LANDSCAPE,
    DocInfo,
    cn_date,
    dash_page_number,
    draw_page_of,
    draw_text,
    finish_total_pages,
    new_canvas,
)
from civicdesk.services.printing.output import Progress
from civicdesk.services.core.reference import dictionary_codes
from civicdesk.services.core.validation import mask_phone

GROUPS = ("legal_form", "township", "division", "none")
GROUP_WORDS = {"legal_form": "按组织类型分组", "township": "按乡镇（街道）分组", "division": "按县（市、区）分组",
               "none": ""}
SHORT_FORMS = {"social_group": "社会团体", "social_service": "社会服务机构", "foundation": "基金会"}
SHORT_TIERS = {"registered": "登记", "filed": "乡镇（街道）备案", "guided": "村（社区）指导"}


@dataclass(frozen=True)
class RegisterOptions:
    """What to print: the table's filter, an optional division of any level, grouping, public or internal."""

    filter: RegisterFilter = field(default_factory=RegisterFilter)
    division: str | None = None  # county, township or community: matches any of the three columns
    group_by: str = "legal_form"
    as_of: date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: float  # mm
    align: str = "left"


def columns(flt: RegisterFilter, public: bool = True) -> list[Column]:
    """The printed columns: the offices' register, with 评估等级 and 上年度年检结论; 备注 (the internal notes) only
    on the internal version."""
    show_status = flt.status != "live"
    cols = [
        Column("seq", "序号", 10, "center"),
        Column("name", "名称", 54),
        Column("code", "统一社会信用代码（备案编号）", 38),
        Column("kind", "类型", 19, "center"),
        Column("status" if show_status else "category", "状态" if show_status else "类别", 20, "center"),
        Column("legal_rep", "法定代表人（负责人）", 19, "center"),
        Column("address", "住所", 40),
        Column("established", "成立（备案）日期", 21, "center"),
        Column("phone", "联系电话", 22, "center"),
        Column("rating", "评估等级", 12, "center"),
        Column("inspection", "上年度年检结论", 19, "center"),
    ]
    if not public:
        cols.append(Column("notes", "备注", 30))
    return cols


def inspection_cell(year: int | None, conclusion: str | None, day: date) -> str:
    """上年度年检结论 on ``day``: last year's conclusion; an older latest one with its year in parentheses (as the
    register table shows it); empty when never inspected."""
    if year is None:
        return ""
    word = messages.label(f"register.conclusion.{conclusion}", "zh", default=conclusion or "")
    return word if year == day.year - 1 else f"（{year}年度{word}）"


def rating_cell(grade: str | None, valid_to: date | None, day: date) -> str:
    """评估等级 on ``day``: the grade while its validity lasts."""
    return grade if grade and valid_to is not None and valid_to >= day else ""


# -- data -------------------------------------------------------------------------------------------------
def _where(session: Any, options: RegisterOptions) -> list[Any]:
    where = _conditions(session, options.filter)
    if options.division:
        o = Organization
        where.append(or_(o.division_code == options.division, o.township_code == options.division,
                         o.community_code == options.division))
    return where


def _group_expression(group_by: str) -> list[Any]:
    o = Organization
    if group_by == "legal_form":
        return [case((o.legal_form == "social_group", 1), (o.legal_form == "social_service", 2),
                     (o.legal_form == "foundation", 3), (o.tier == "filed", 4), else_=5)]
    if group_by == "township":
        return [o.division_code, func.coalesce(o.township_code, "")]
    if group_by == "division":
        return [o.division_code]
    return []


def count_rows(db: Database, options: RegisterOptions) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Organization).where(*_where(session, options))) or 0)


_COLUMNS = (Organization.name, Organization.uscc, Organization.filing_no, Organization.legal_form, Organization.tier,
            Organization.is_community, Organization.community_subtype, Organization.category, Organization.status,
            Organization.division_code, Organization.township_code, Organization.legal_rep_name,
            Organization.address, Organization.established_on, Organization.contact_phone,
            Organization.inspection_year, Organization.inspection_conclusion, Organization.rating_grade,
            Organization.rating_valid_to, Organization.notes)


def stream_rows(db: Database, options: RegisterOptions, batch: int = 2000) -> Iterator[Any]:
    """Rows in print order (group, then pinyin of the name), fetched ``batch`` at a time; each a SQLAlchemy
    Row of :data:`_COLUMNS`, read by name (``r.name``, ``r.uscc`` …)."""
    o = Organization
    with db.read() as session:
        query = (select(*_COLUMNS).where(*_where(session, options))
                 .order_by(*_group_expression(options.group_by), o.name_pinyin, o.name, o.seq))
        result = session.execute(query.execution_options(yield_per=batch))
        for partition in result.partitions():
            yield from partition


def scope_title(db: Database, options: RegisterOptions) -> str:
    """乐山市沙湾区社会组织名录 / 乐山市社区社会组织名录 …: the place, then what is listed."""
    office = db.office()
    code = options.division or options.filter.township_code or options.filter.division_code or office.code
    with db.read() as session:
        division = session.get(Division, code)
        if division is None:
            place = office.name.removesuffix("民政局")
        elif division.level == "city":
            place = division.name
        else:
            place = division.full_name.removeprefix("四川省")
    flt = options.filter
    if flt.legal_form:
        what = {"social_group": "社会团体", "social_service": "社会服务机构",
                "foundation": "基金会"}.get(flt.legal_form, "社会组织")
    elif flt.tier in ("filed", "guided") or flt.community_subtype:
        what = "社区社会组织"
    else:
        what = "社会组织"
    return f"{place}{what}名录"


def describe_filter(db: Database, options: RegisterFilter | RegisterOptions) -> str:
    """The filter in words for the line under the title (empty for the whole live register)."""
    flt = options.filter if isinstance(options, RegisterOptions) else options
    with db.read() as session:
        labels = dictionary_codes(session)
        parts = []
        for kind, value in (("legal_form", flt.legal_form), ("tier", flt.tier), ("category", flt.category),
                            ("community_subtype", flt.community_subtype)):
            if value:
                entry = labels.get(kind, {}).get(value)
                parts.append(entry.label_zh if entry else value)
        if flt.status and flt.status != "live":
            entry = labels.get("status", {}).get(flt.status)
            parts.append(f"状态：{entry.label_zh if entry else flt.status}")
        elif flt.status is None:
            parts.append("含已注销、已撤销")
        if flt.text.strip():
            parts.append(f"检索“{flt.text.strip()}”")
    last_year = clock.today().year - 1  # as the filter reads it (browse.supervision_conditions)
    if flt.inspection == "none":
        parts.append(f"{last_year}年度未年检")
    elif flt.inspection:
        parts.append(f"{last_year}年度年检"
                     f"{messages.label(f'register.conclusion.{flt.inspection}', 'zh', default=flt.inspection)}")
    if flt.rating == "rated":
        parts.append("有评估等级")
    elif flt.rating == "none":
        parts.append("未评估或评估等级已过期")
    elif flt.rating:
        parts.append(f"评估等级{flt.rating}")
    if flt.credit == "listed":
        parts.append("已列入信用名单")
    elif flt.credit == "none":
        parts.append("未列入信用名单")
    elif flt.credit:
        parts.append(f"已列入{messages.label(f'credit_list.{flt.credit}', 'zh', default=flt.credit)}")
    return "，".join(parts)


# -- drawing ----------------------------------------------------------------------------------------------
class _Fitter:
    """Fits cell text into a width: measured from cached advance widths, condensed, then cut."""

    def __init__(self, font_name: str, size: float) -> None:
        self.widths = char_widths(font_name)
        self.size = size
        self.em = size  # widest advance of a CJK face is one em
        self._cache: dict[str, float] = {}
        self.by_char = {chr(cp): w for cp, w in self.widths.items() if cp < 0x110000}

    def width(self, text: str) -> float:
        width = self._cache.get(text)
        if width is None:
            try:
                width = sum(map(self.by_char.__getitem__, text)) * self.size / 1000
            except KeyError:
                get = self.widths.get
                width = sum(get(ord(c), 1000) for c in text) * self.size / 1000
            if len(self._cache) > 20000:
                self._cache.clear()
            self._cache[text] = width
        return width

    def fit(self, text: str, avail: float, need_width: bool) -> tuple[str, float, float]:
        """(text, width at 100 % or 0 when not needed, horizontal scale in %) for ``text`` in ``avail``."""
        if len(text) * self.em <= avail:  # fits whatever its characters: no measuring
            return text, self.width(text) if need_width else 0.0, 100.0
        get = self.widths.get
        try:
            width = sum(map(self.by_char.__getitem__, text)) * self.size / 1000
        except KeyError:
            width = sum(get(ord(c), 1000) for c in text) * self.size / 1000
        if width <= avail:
            return text, width, 100.0
        scale = avail / width * 100
        if scale >= 50:
            return text, avail, scale
        # still too long at half width: cut, keeping the start
        budget = avail * 2 * 1000 / self.size - get(ord("…"), 1000)
        out, used = [], 0.0
        for c in text:
            used += get(ord(c), 1000)
            if used > budget:
                break
            out.append(c)
        return "".join(out) + "…", avail, 50.0


class _Encoder:
    """PDF text operators for a string in a subset TrueType font, with each character's (subset, code)
    cached: reportlab's text object re-splits every string on every call, which was most of the time."""

    def __init__(self, canvas: Any, font_name: str, size: float) -> None:
        from reportlab.lib.rl_accel import escapePDF
        from reportlab.pdfbase import pdfmetrics

        self.font = pdfmetrics.getFont(font_name)
        self.doc = canvas._doc
        self.size = size
        self.escape = escapePDF
        self.codes: dict[str, tuple[int, str]] = {}  # escapePDF gives text
        self.names: dict[int, str] = {}
        self.cache: dict[str, tuple[tuple[int, str], ...]] = {}

    def _learn(self, text: str) -> None:
        for ch in text:
            if ch not in self.codes:
                [(subset, b)] = self.font.splitString(ch, self.doc)
                self.codes[ch] = (subset, self.escape(b))  # PDF string escaping is per byte
                if subset not in self.names:
                    self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)

    def runs(self, text: str) -> tuple[tuple[int, str], ...]:
        """(subset, escaped bytes) runs of ``text``."""
        cached = self.cache.get(text)
        if cached is not None:
            return cached
        codes = self.codes
        try:
            pairs = [codes[ch] for ch in text]
        except KeyError:
            self._learn(text)
            pairs = [codes[ch] for ch in text]
        subsets = [p[0] for p in pairs]
        first = subsets[0]
        if subsets.count(first) == len(subsets):
            result: tuple[tuple[int, str], ...] = ((first, "".join([p[1] for p in pairs])),)
        else:
            out: list[tuple[int, str]] = []
            for subset, group in groupby(pairs, key=itemgetter(0)):
                out.append((subset, "".join([p[1] for p in group])))
            result = tuple(out)
        if len(self.cache) > 20000:
            self.cache.clear()
        self.cache[text] = result
        return result


class RegisterWriter:
    """Draws a register on a reportlab canvas, page by page, as rows arrive."""

    MARGIN_X = 15 * mm
    MARGIN_TOP = 13 * mm
    MARGIN_BOTTOM = 16 * mm
    ROW_H = 6.4 * mm
    HEADER_H = 10 * mm
    SIZE = 9.0

    def __init__(self, canvas: Any, fonts: FontSet, info: DocInfo, cols: list[Column], subtitle: str,
                 cut_off: str) -> None:
        self.c, self.fonts, self.info, self.cols = canvas, fonts, info, cols
        self.subtitle, self.cut_off = subtitle, cut_off
        self.page_w, self.page_h = LANDSCAPE
        total_mm = sum(col.width for col in cols)
        scale = (self.page_w - 2 * self.MARGIN_X) / (total_mm * mm)
        self.x = [self.MARGIN_X]
        for col in cols:
            self.x.append(self.x[-1] + col.width * mm * scale)
        self.body = fonts.body.name
        self.fit = _Fitter(self.body, self.SIZE)
        self.enc = _Encoder(canvas, self.body, self.SIZE)
        self.ops: list[str] = []
        self.subset: Any = None
        self._band_encoders: dict[float, _Encoder] = {}
        #: per column: left, right, available width, alignment, and "1 0 0 1 left " for Tm
        self._layout = [(self.x[i] + 2, self.x[i + 1] - 2, self.x[i + 1] - self.x[i] - 4, col.align,
                         f"1 0 0 1 {self.x[i] + 2:.2f} ") for i, col in enumerate(cols)]
        self._header_made = False
        self.page = 0
        self.y = 0.0
        self.top = 0.0
        self.rows_on_page: list[float] = []
        self.shaded: list[float] = []

    # pages
    def _start_page(self) -> None:
        self.page += 1
        c = self.c
        y = self.page_h - self.MARGIN_TOP
        if self.page == 1:
            y -= 22
            draw_text(c, self.fonts, "title", 22, self.page_w / 2, y, self.info.title, "center")
            y -= 22
            draw_text(c, self.fonts, "kai", 14, self.page_w / 2, y, self.cut_off, "center")
            y -= 16
            if self.subtitle:
                c.setFont(self.body, 10)
                c.drawString(self.x[0], y, self.subtitle)
            y -= 8
        else:
            c.setFont(self.fonts.heading.name, 10)
            c.drawString(self.x[0], y - 10, f"{self.info.title}（续）")
            y -= 18
        c.setFont(self.fonts.heading.name, 9)
        c.drawRightString(self.x[-1], (self.page_h - self.MARGIN_TOP) - 10,
                          "公开版" if self.info.public else "内部资料　注意保管")
        self._header_row(y)
        self.top = y
        self.y = y - self.HEADER_H
        self.rows_on_page = []
        self.shaded = []
        self.ops = []
        self.subset = None

    def _header_row(self, y: float) -> None:
        """The header row, drawn once as a form XObject and placed on every page."""
        c = self.c
        if not self._header_made:
            c.beginForm("cd_register_header", 0, -self.HEADER_H - 2, self.page_w, 2)
            self._draw_header(0.0)
            c.endForm()
            self._header_made = True
        c.saveState()
        c.translate(0, y)
        c.doForm("cd_register_header")
        c.restoreState()

    def _draw_header(self, y: float) -> None:
        c = self.c
        c.saveState()
        c.setFillGray(0.88)
        c.rect(self.x[0], y - self.HEADER_H, self.x[-1] - self.x[0], self.HEADER_H, stroke=0, fill=1)
        c.restoreState()
        head = self.fonts.heading.name
        for i, col in enumerate(self.cols):
            avail = self.x[i + 1] - self.x[i] - 4
            size = 9.0
            width = c.stringWidth(col.title, head, size)
            if width > avail:  # two lines
                half = (len(col.title) + 1) // 2
                lines = [col.title[:half], col.title[half:]]
                size = min(9.0, avail / max(c.stringWidth(s, head, 1) for s in lines))
                c.setFont(head, size)
                mid = (self.x[i] + self.x[i + 1]) / 2
                c.drawCentredString(mid, y - self.HEADER_H / 2 + 1, lines[0])
                c.drawCentredString(mid, y - self.HEADER_H / 2 - size, lines[1])
            else:
                c.setFont(head, size)
                c.drawCentredString((self.x[i] + self.x[i + 1]) / 2, y - self.HEADER_H / 2 - size * 0.35, col.title)

    def _end_page(self) -> None:
        c = self.c
        if self.shaded:
            c.saveState()
            c.setFillGray(0.94)
            for y in self.shaded:
                c.rect(self.x[0], y, self.x[-1] - self.x[0], self.ROW_H, stroke=0, fill=1)
            c.restoreState()
        if self.ops:
            code = c._code  # raw operators: see _Encoder
            code.append("BT 0 g")
            code.extend(self.ops)
            code.append("ET")
        # grid: one path for the whole page
        bottom = self.y
        c.setLineWidth(0.4)
        lines = [(self.x[0], self.top, self.x[-1], self.top), (self.x[0], self.top - self.HEADER_H, self.x[-1],
                                                                 self.top - self.HEADER_H)]
        lines += [(self.x[0], y, self.x[-1], y) for y in self.rows_on_page]
        lines += [(x, self.top, x, bottom) for x in (self.x[0], self.x[-1])]
        # inner column rules stop at full-width bands (group headings, 小计, 合计)
        edges = [self.top]
        for y in sorted(self.shaded, reverse=True):
            edges += [y + self.ROW_H, y]
        edges.append(bottom)
        for x in self.x[1:-1]:
            lines.append((x, self.top, x, self.top - self.HEADER_H))
            for upper, lower in zip(edges[::2], edges[1::2], strict=True):
                upper = min(upper, self.top - self.HEADER_H)
                if upper - lower > 0.1:
                    lines.append((x, upper, x, lower))
        c.lines(lines)
        c.setLineWidth(1.0)
        c.rect(self.x[0], bottom, self.x[-1] - self.x[0], self.top - bottom, stroke=1, fill=0)
        self._footer()
        c.showPage()

    def _footer(self) -> None:
        c = self.c
        y = self.MARGIN_BOTTOM - 8
        c.setFont(self.body, 9)
        c.drawString(self.x[0], y, f"{self.info.office_name}　打印日期：{cn_date(self.info.printed_on)}")
        c.setFont(self.body, 12)
        c.drawCentredString(self.page_w / 2, y, dash_page_number(self.page))
        draw_page_of(c, self.fonts, self.x[-1] - 52, y, self.page)

    def _room(self, rows: int = 1) -> None:
        if self.page == 0 or self.y - rows * self.ROW_H < self.MARGIN_BOTTOM:
            if self.page:
                self._end_page()
            self._start_page()

    # rows
    def _show(self, text: str, x: float, y: float, scale: float = 100.0, font: _Encoder | None = None) -> None:
        enc = font or self.enc
        ops = self.ops
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        if scale != 100.0:
            ops.append(f"{scale:.1f} Tz")
        key = id(enc)
        for subset, chunk in enc.runs(text):
            if (key, subset) != self.subset:
                ops.append(f"{enc.names[subset]} {enc.size:g} Tf")
                self.subset = (key, subset)
            ops.append(f"({chunk}) Tj")
        if scale != 100.0:
            ops.append("100 Tz")

    def row(self, values: list[str]) -> None:
        """One organization: the hot loop of a big register, so written out flat (no per-cell calls)."""
        self._room()
        self.y -= self.ROW_H
        y_text = f"{self.y + self.ROW_H * 0.3:.2f} Tm"
        ops, enc, fit = self.ops, self.enc, self.fit
        names, runs = enc.names, enc.runs
        body_key = id(enc)
        current = self.subset
        for (left, right, avail, align, left_op), text in zip(self._layout, values, strict=False):
            if not text:
                continue
            text, width, scale = fit.fit(text, avail, align != "left")
            if scale != 100.0:
                ops.append(f"{left_op}{y_text}")
                ops.append(f"{scale:.1f} Tz")
            elif align == "left":
                ops.append(f"{left_op}{y_text}")
            else:
                ops.append(f"1 0 0 1 {(left + right - width) / 2:.2f} {y_text}")
            for subset, chunk in runs(text):
                if current != (body_key, subset):
                    current = (body_key, subset)
                    ops.append(f"{names[subset]} {enc.size:g} Tf")
                ops.append(f"({chunk}) Tj")
            if scale != 100.0:
                ops.append("100 Tz")
        self.subset = current
        self.rows_on_page.append(self.y)

    def band(self, text: str, right: str = "", keep_with_next: int = 0, heavy: bool = False) -> None:
        """A full-width row: a group heading, a 小计 or the 合计 (shaded; the 合计 framed heavier)."""
        self._room(1 + keep_with_next)
        self.y -= self.ROW_H
        self.shaded.append(self.y)
        face = self.fonts.heading.name
        size = self.SIZE + (1 if heavy else 0)
        enc = self._band_encoders.get(size)
        if enc is None:
            enc = self._band_encoders[size] = _Encoder(self.c, face, size)
        y = self.y + self.ROW_H * 0.3
        self._show(text, self.x[1] + 2, y, font=enc)
        if right:
            self._show(right, self.x[2] - 4 - self.c.stringWidth(right, face, size), y, font=enc)
        self.rows_on_page.append(self.y)
        if heavy:
            self.c.setLineWidth(1.0)
            self.c.line(self.x[0], self.y + self.ROW_H, self.x[-1], self.y + self.ROW_H)

    def finish(self) -> int:
        if self.page == 0:
            self._start_page()
        self._end_page()
        finish_total_pages(self.c, self.fonts, self.page)
        return self.page


def _cn_index(n: int) -> str:
    """一, 十一, 二十, 一百零五 …: the number of a group heading (一、社会团体)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return digits[tens] + "十" + (digits[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return digits[hundreds] + "百"
        return digits[hundreds] + "百" + ("零" + digits[rest] if rest < 10 else
                                           "一十" + (digits[rest - 10] if rest > 10 else "") if rest < 20 else
                                           _cn_index(rest))
    return str(n)


def write_register(db: Database, path: Path, options: RegisterOptions, fonts: FontSet, info: DocInfo,
                   progress: Progress) -> dict[str, Any]:
    """Draw the register into ``path``; returns {"rows", "pages", "groups"}."""
    if options.group_by not in GROUPS:
        from civicdesk.errors import InputError

        raise InputError("print.bad_group", value=options.group_by, choices=", ".join(GROUPS))
    with db.read() as session:
        labels = dictionary_codes(session)
        divisions = {d.code: (d.name, d.full_name)
                     for d in session.scalars(select(Division).where(Division.level.in_(("county", "township"))))}

    def label(kind: str, code: str | None) -> str:
        entry = labels.get(kind, {}).get(code or "")
        return entry.label_zh if entry else (code or "")

    def group_of(r: Any) -> str:
        if options.group_by == "legal_form":
            if r.legal_form:
                return label("legal_form", r.legal_form)
            return "社区社会组织（乡镇（街道）备案）" if r.tier == "filed" else "社区社会组织（纳入村（社区）指导管理）"
        if options.group_by == "township":
            county = divisions.get(r.division_code, (r.division_code, ""))[0]
            if not r.township_code:
                return f"{county}（未列乡镇（街道））"
            town = divisions.get(r.township_code, (r.township_code, ""))[0]
            one_county = options.division or options.filter.division_code or db.office().level != "city"
            return town if one_county else f"{county}{town}"
        if options.group_by == "division":
            return divisions.get(r.division_code, (r.division_code, ""))[0]
        return ""

    cols = columns(options.filter, info.public)
    day = options.as_of or info.printed_on  # the day the 评估等级 and 上年度年检结论 are read on
    keys = [col.key for col in cols]
    cut_off = f"（截至{cn_date(options.as_of or info.printed_on)}）"
    words = [w for w in (describe_filter(db, options), GROUP_WORDS.get(options.group_by, "")) if w]
    canvas = _canvas = new_canvas(str(path), LANDSCAPE, info, fonts.body.name)
    writer = RegisterWriter(_canvas, fonts, info, cols, "；".join(words), cut_off)
    n = 0
    current: str | None = None
    in_group = 0
    groups = 0
    public = info.public
    for r in stream_rows(db, options):
        if options.group_by != "none":
            g = group_of(r)
            if g != current:
                if current is not None:
                    writer.band("小计", f"{in_group:,} 个")
                groups += 1
                writer.band(f"{_cn_index(groups)}、{g}", keep_with_next=1)
                current, in_group = g, 0
        n += 1
        in_group += 1
        kind = SHORT_FORMS.get(r.legal_form or "", "") if r.tier == "registered" else SHORT_TIERS.get(r.tier, r.tier)
        if r.is_community and r.tier == "registered":
            kind = f"{kind}（社区）"
        values = {
            "seq": str(n),
            "name": r.name,
            "code": r.uscc or r.filing_no or "",
            "kind": kind,
            "category": (label("community_subtype", r.community_subtype) if r.is_community
                         else label("category", r.category)),
            "status": label("status", r.status),
            "legal_rep": r.legal_rep_name or "",
            "address": r.address or "",
            "established": cn_date(r.established_on) if r.established_on else "",
            "phone": (mask_phone(r.contact_phone) if public else r.contact_phone) or "",
            "rating": rating_cell(r.rating_grade, r.rating_valid_to, day),
            "inspection": inspection_cell(r.inspection_year, r.inspection_conclusion, day),
            "notes": "" if public else " ".join((r.notes or "").split()),  # one line: the row's height is fixed
        }
        writer.row([values[k] for k in keys])
        progress(n)
    if options.group_by != "none" and current is not None:
        writer.band("小计", f"{in_group:,} 个")
    writer.band("合计", f"{n:,} 个", heavy=True)
    pages = writer.finish()
    canvas.save()
    progress(n, force=True)
    return {"rows": n, "pages": pages, "groups": groups}
