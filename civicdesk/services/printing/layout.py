"""Page furniture shared by every printed document: GB/T 9704 measures, dates, fonts on the canvas, and the
"第 X 页 共 N 页" footer whose N is a form XObject filled in when the document ends (one pass, any length).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from civicdesk.services.printing.fonts import FontSet
from civicdesk.services.core.validation import format_cn_date

# Page streams are Flate-compressed binary; ASCII85 on top (reportlab's default) only costs time and size.
rl_config.useA85 = 0

# GB/T 9704-2012: A4, top margin 37 mm, left 28 mm, text block 156 x 225 mm; 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt.
PORTRAIT = A4
LANDSCAPE = landscape(A4)
GB_TOP = 37 * mm
GB_LEFT = 28 * mm
GB_TEXT_WIDTH = 156 * mm
GB_TEXT_HEIGHT = 225 * mm
SIZE_2 = 22.0
SIZE_3 = 16.0
SIZE_4 = 14.0
SIZE_5 = 10.5
TOTAL_FORM = "cd_total_pages"
INK = (0, 0, 0)
RULE = 0.5


def cn_date(value: date) -> str:
    """2021年8月20日 (no zero padding, as official documents write it)."""
    return format_cn_date(value)


@dataclass(frozen=True)
class DocInfo:
    """What the footer and the PDF's metadata say about a document."""

    title: str
    office_name: str
    printed_on: date
    public: bool
    author: str | None = None


def set_metadata(canvas: Any, info: DocInfo) -> None:
    canvas.setTitle(info.title)
    canvas.setAuthor(info.office_name)
    canvas.setSubject("公开版" if info.public else "内部版")
    canvas.setCreator("CivicDesk")


def draw_text(canvas: Any, fonts: FontSet, role: str, size: float, x: float, y: float, text: str,
              align: str = "left") -> float:
    """Draw one line in a role's face; a title in a plain face is thickened. Returns the text's width."""
    face = fonts.role(role)
    width = canvas.stringWidth(text, face.name, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    t = canvas.beginText(x, y)
    t.setFont(face.name, size)
    if fonts.fake_bold(role):
        canvas.saveState()
        canvas.setLineWidth(size * 0.035)
        canvas.setStrokeColorRGB(*INK)
        t.setTextRenderMode(2)
        t.textOut(text)
        canvas.drawText(t)
        canvas.restoreState()
    else:
        t.textOut(text)
        canvas.drawText(t)
    return width


def draw_page_of(canvas: Any, fonts: FontSet, x_mid: float, y: float, page: int, size: float = 9) -> None:
    """"第 3 页 共 N 页" around ``x_mid``: the left half here, "共 N 页" from the form made at the end."""
    name = fonts.body.name
    left = f"第 {page} 页　"
    canvas.setFont(name, size)
    canvas.drawRightString(x_mid, y, left)
    canvas.saveState()
    canvas.translate(x_mid, y)
    canvas.doForm(TOTAL_FORM)
    canvas.restoreState()


def finish_total_pages(canvas: Any, fonts: FontSet, pages: int, size: float = 9) -> None:
    """Define the form every page refers to: "共 N 页" (call after the last showPage, before save)."""
    canvas.beginForm(TOTAL_FORM, lowerx=-1, lowery=-size, upperx=size * 12, uppery=size * 1.5)
    canvas.setFont(fonts.body.name, size)
    canvas.drawString(0, 0, f"共 {pages} 页")
    canvas.endForm()


def dash_page_number(page: int) -> str:
    return f"— {page} —"


def draw_gb_page_number(canvas: Any, fonts: FontSet, page: int, page_width: float) -> None:
    """GB/T 9704 page number "— 1 —" in 4号, 7 mm below the text block: odd pages right, even pages left,
    one character in from the text block's edge."""
    y = PORTRAIT[1] - GB_TOP - GB_TEXT_HEIGHT - 7 * mm - SIZE_4 * 0.8
    text = dash_page_number(page)
    face = fonts.body.name
    canvas.setFont(face, SIZE_4)
    if page % 2:
        canvas.drawRightString(GB_LEFT + GB_TEXT_WIDTH - SIZE_4, y, text)
    else:
        canvas.drawString(GB_LEFT + SIZE_4, y, text)


def new_canvas(path: str, pagesize: tuple[float, float], info: DocInfo, initial_font: str) -> Any:
    """A canvas whose initial font is ours: reportlab would otherwise name Helvetica, unembedded."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(path, pagesize=pagesize, pageCompression=1, invariant=0, initialFontName=initial_font,
                    initialFontSize=10)
    set_metadata(canvas, info)
    return canvas
