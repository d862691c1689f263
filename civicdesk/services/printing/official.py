"""Portrait documents in the GB/T 9704 layout, built with platypus: the page frame (top margin 37 mm,
left 28 mm, text block 156 x 225 mm), paragraph styles (title 2号 小标宋, body 3号 仿宋 at 22 lines of 28
characters, headings 一、 黑体 and （一） 楷体), tables, the page number "— 1 —" (odd pages right, even left)
and a footer line "第 1 页 共 N 页".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from civicdesk.services.printing.fonts import FontSet
from civicdesk.services.printing.layout import (
    GB_LEFT,
    GB_TEXT_HEIGHT,
    GB_TEXT_WIDTH,
    GB_TOP,
    PORTRAIT,
    SIZE_2,
    SIZE_3,
    DocInfo,
    cn_date,
    draw_gb_page_number,
    draw_page_of,
    draw_text,
    finish_total_pages,
    set_metadata,
)

# reportlab's CJK line breaking keeps a closing mark from starting a line only for the marks it lists, which
# leave out the full-width comma, semicolon, colon, question and exclamation marks and closing brackets
# that Chinese text uses: "，只计存续…" would start a line.  Add them (once; reportlab reads the global).
from reportlab.lib import textsplit as _rl_textsplit  # noqa: E402
from reportlab.platypus import paragraph as _rl_paragraph  # noqa: E402

_CLOSING = "，；：？！）》」』】〕〉％"
for _module in (_rl_textsplit, _rl_paragraph):  # each module reads its own copy of the global
    _module.ALL_CANNOT_START = _module.ALL_CANNOT_START + "".join(
        c for c in _CLOSING if c not in _module.ALL_CANNOT_START)

#: 225 mm / 22 lines and 156 mm / 28 characters at 3号 (16 pt)
LINE_PITCH = GB_TEXT_HEIGHT / 22
CHAR_PITCH = GB_TEXT_WIDTH / 28


class Styles:
    def __init__(self, fonts: FontSet) -> None:
        body, hei, kai = fonts.body.name, fonts.heading.name, fonts.kai.name
        space = CHAR_PITCH - SIZE_3  # a little negative: 28 characters of 16 pt in 156 mm
        self.body = ParagraphStyle("body", fontName=body, fontSize=SIZE_3, leading=LINE_PITCH, wordWrap="CJK",
                                   alignment=TA_JUSTIFY, firstLineIndent=2 * CHAR_PITCH, charSpace=space)
        self.body_flush = ParagraphStyle("body_flush", parent=self.body, firstLineIndent=0)
        self.h1 = ParagraphStyle("h1", parent=self.body, fontName=hei, alignment=TA_LEFT)
        self.h2 = ParagraphStyle("h2", parent=self.body, fontName=kai, alignment=TA_LEFT)
        self.subtitle = ParagraphStyle("subtitle", parent=self.body, fontName=kai, alignment=TA_CENTER,
                                       firstLineIndent=0)
        self.signature = ParagraphStyle("signature", parent=self.body, alignment=TA_RIGHT, firstLineIndent=0,
                                        rightIndent=4 * CHAR_PITCH)
        self.cell = ParagraphStyle("cell", fontName=body, fontSize=10.5, leading=14, wordWrap="CJK")
        self.cell_center = ParagraphStyle("cell_c", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cell_h", parent=self.cell, fontName=hei, alignment=TA_CENTER)
        self.caption = ParagraphStyle("caption", fontName=hei, fontSize=12, leading=LINE_PITCH * 0.8,
                                      alignment=TA_CENTER, wordWrap="CJK")
        self.note = ParagraphStyle("note", fontName=body, fontSize=12, leading=18, wordWrap="CJK")


class Title(Flowable):
    """The document title: 2号, centred, drawn in the title face (thickened if that face is plain)."""

    def __init__(self, fonts: FontSet, text: str, size: float = SIZE_2, space_after: float = LINE_PITCH) -> None:
        super().__init__()
        self.fonts, self.text, self.size, self.space_after = fonts, text, size, space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.6 + self.space_after

    def draw(self) -> None:
        draw_text(self.canv, self.fonts, "title", self.size, self.width / 2, self.space_after + self.size * 0.3,
                  self.text, "center")


def grid_table(rows: list[list[Any]], widths: list[float], *, header_rows: int = 1, styles: Styles,
               extra: list[tuple[Any, ...]] | None = None) -> Table:
    """A ruled table whose header rows repeat on each page; str cells become wrapped paragraphs."""
    body = []
    for r, row in enumerate(rows):
        out = []
        for cell in row:
            if isinstance(cell, str):
                style = styles.cell_head if r < header_rows else styles.cell
                out.append(Paragraph(escape(cell), style))
            else:
                out.append(cell)
        body.append(out)
    table = Table(body, colWidths=widths, repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # else the table names Helvetica, unembedded
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.88, 0.88, 0.88)))
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def canvas_class(fonts: FontSet, initial_font: str) -> type:
    """A canvas that names our font first (no unembedded Helvetica) and fills in "共 N 页" before saving."""
    from reportlab.pdfgen.canvas import Canvas

    class _Canvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = initial_font
            kwargs["initialFontSize"] = 10
            super().__init__(*args, **kwargs)

        def save(self) -> None:
            finish_total_pages(self, fonts, self.getPageNumber() - 1)
            super().save()

    return _Canvas


def build(path: Path, fonts: FontSet, info: DocInfo, story: list[Any],
          on_page: Callable[[Any, int], None] | None = None) -> int:
    """Lay ``story`` out on GB/T 9704 pages into ``path``; returns the number of pages."""
    bottom = PORTRAIT[1] - GB_TOP - GB_TEXT_HEIGHT
    frame = Frame(GB_LEFT, bottom, GB_TEXT_WIDTH, GB_TEXT_HEIGHT, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="text")

    def page(canvas: Any, doc: Any) -> None:
        number = doc.page
        canvas.saveState()
        draw_gb_page_number(canvas, fonts, number, PORTRAIT[0])
        y = 12 * mm
        canvas.setFont(fonts.body.name, 9)
        canvas.setFillGray(0.25)
        canvas.drawString(GB_LEFT, y, f"{info.office_name}　打印日期：{cn_date(info.printed_on)}"
                                      f"　{'公开版' if info.public else '内部资料　注意保管'}")
        draw_page_of(canvas, fonts, GB_LEFT + GB_TEXT_WIDTH - 40, y, number)
        canvas.restoreState()
        if on_page is not None:
            on_page(canvas, number)

    class Doc(BaseDocTemplate):
        def handle_documentBegin(self) -> None:
            super().handle_documentBegin()
            set_metadata(self.canv, info)

    doc = Doc(str(path), pagesize=PORTRAIT, leftMargin=GB_LEFT, rightMargin=PORTRAIT[0] - GB_LEFT - GB_TEXT_WIDTH,
              topMargin=GB_TOP, bottomMargin=bottom, title=info.title, author=info.office_name, creator="CivicDesk")
    doc.addPageTemplates([PageTemplate(id="gb", frames=[frame], onPage=page)])
    doc.build(story, canvasmaker=canvas_class(fonts, fonts.body.name))
    return int(doc.page)
