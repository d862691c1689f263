"""Pages of a printed PDF as pixels, for the print dialog's preview (PDFium through pypdfium2: the PDF the
clerk will get is what is shown, fonts and all).  No Qt here: the dialog turns the bytes into images."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageImage:
    """One rendered page: ``width`` x ``height`` RGB pixels, ``stride`` bytes a line."""

    number: int
    width: int
    height: int
    stride: int
    data: bytes


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_pages(path: Path, *, dpi: float = 72.0, first: int = 1, last: int | None = None,
                 max_width: int | None = None) -> list[PageImage]:
    """Pages ``first`` .. ``last`` (1-based, inclusive) of the PDF at ``dpi``, or narrower so that a page is
    at most ``max_width`` pixels wide (a landscape register fits the preview pane)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        end = min(len(pdf), last if last is not None else len(pdf))
        out = []
        for number in range(first, end + 1):
            page = pdf[number - 1]
            scale = dpi / 72.0
            if max_width:
                scale = min(scale, max_width / page.get_width())
            bitmap = page.render(scale=scale, rev_byteorder=True)
            out.append(PageImage(number, bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)))
            page.close()
        return out
    finally:
        pdf.close()
