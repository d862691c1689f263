"""A chart drawn by QPainter: bars (parts side by side), stacked bars, or a line, from one dashboard series.

Our own small widget rather than Qt Charts (PySide6-Addons: a 175 MB wheel, see docs/DESIGN.md "Dashboard"):
it paints a series of a dozen categories in well under a millisecond, knows which bar is under the mouse or the
keyboard's cursor, and renders itself into a PNG (:meth:`ChartWidget.image`).

Clicks and keys: a click on a bar (or a line's point) emits ``activated(category, part)``; Left/Right (and
Up/Down for the parts of a stack) move the cursor, Enter or Space opens it.  The context menu (or Shift+F10, the
menu key) offers the exports the panel connects to ``export_png`` and ``export_pdf``.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QContextMenuEvent, QFocusEvent, QFontMetrics, QImage, QKeyEvent, QMouseEvent,
                           QPainter, QPaintEvent, QPalette, QPen, QPolygonF)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

#: the parts' colours (a stack's first part darkest), readable on white and printed in grey
COLOURS = ("#2f6f9f", "#e08a2c", "#6aa56a", "#b04a4a", "#8a6fb0")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 14, 30, 76


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that divides ``top`` into about ``ticks`` lines."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def short_number(value: float, decimals: bool = False) -> str:
    """12,345 -> 12,345; 3,250,000 -> 325万 (English: 3.25M); 0.456 -> 0.46; ``decimals``: 6 -> 6.00 (a series
    of ratios)."""
    if abs(value) >= 100_000:
        wan = QCoreApplication.translate("Dashboard", "%1万")
        if "万" in wan:
            return wan.replace("%1", f"{value / 10_000:,.0f}")
        return wan.replace("%1", f"{value / 1_000_000:,.2f}".rstrip("0").rstrip("."))  # English: millions
    if value == int(value) and not decimals:
        return f"{int(value):,}"
    return f"{value:,.2f}"


class ChartWidget(QWidget):
    activated = Signal(int, int)  # category, part
    export_png = Signal()
    export_pdf = Signal()

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key, self.title = key, title
        self.setObjectName(f"chart_{key}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 240)
        self.setAccessibleName(title)
        self.kind = "bar"
        self.labels: list[str] = []
        self.parts: list[str] = []
        self.values: list[list[float]] = []
        self.empty_text = ""
        self.loading = True
        self.cursor: tuple[int, int] | None = None  # (category, part) under the mouse or the keyboard
        self.clickable = True

    def sizeHint(self) -> QSize:
        return QSize(560, 300)

    # -- data ---------------------------------------------------------------------------------------------
    def set_series(self, kind: str, labels: list[str], parts: list[str], values: list[list[float]],
                   empty_text: str, *, clickable: bool = True) -> None:
        self.kind, self.labels, self.parts, self.values = kind, labels, parts, values
        self.empty_text, self.loading, self.clickable = empty_text, False, clickable
        self.cursor = None
        self.setAccessibleDescription("; ".join(
            f"{label}: " + ", ".join(f"{p} {short_number(v[i])}" for p, v in zip(parts, values, strict=True))
            for i, label in enumerate(labels)))
        self.update()

    def is_empty(self) -> bool:
        """No categories, or nothing but zeros (a county-by-county series of rows not recorded yet)."""
        return not self.labels or not any(v for part in self.values for v in part)

    # -- geometry -----------------------------------------------------------------------------------------
    def _plot(self) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP + (14 if len(self.parts) > 1 else 0),
                      max(10, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(10, self.height() - MARGIN_TOP - MARGIN_BOTTOM - (14 if len(self.parts) > 1 else 0)))

    def _top(self) -> float:
        if self.kind == "stacked":
            top = max((sum(v[i] for v in self.values) for i in range(len(self.labels))), default=0)
        else:
            top = max((max(v) for v in self.values if v), default=0)
        step = nice_step(top)
        return max(step, step * -(-top // step)) if top > 0 else 1.0

    def bar_rects(self) -> dict[tuple[int, int], QRectF]:
        """(category, part) -> its rectangle (a line's point: a small square around it)."""
        plot, top, n = self._plot(), self._top(), len(self.labels)
        rects: dict[tuple[int, int], QRectF] = {}
        if not n:
            return rects
        slot = plot.width() / n
        for i in range(n):
            x0 = plot.left() + i * slot
            if self.kind == "line":
                for p, v in enumerate(self.values):
                    x = x0 + slot / 2
                    y = plot.bottom() - v[i] / top * plot.height()
                    rects[(i, p)] = QRectF(x - max(3, slot / 2), y - 5, max(6, slot), max(10, plot.bottom() - y + 5))
            elif self.kind == "stacked":
                width = min(slot * 0.7, 60)
                base = plot.bottom()
                for p, v in enumerate(self.values):
                    h = v[i] / top * plot.height()
                    rects[(i, p)] = QRectF(x0 + (slot - width) / 2, base - h, width, h)
                    base -= h
            else:
                parts = len(self.values)
                width = min(slot * 0.75, 60 * parts)
                each = width / parts
                for p, v in enumerate(self.values):
                    h = v[i] / top * plot.height()
                    rects[(i, p)] = QRectF(x0 + (slot - width) / 2 + p * each, plot.bottom() - h, each, h)
        return rects

    def hit(self, pos: QPointF) -> tuple[int, int] | None:
        """The bar under ``pos``; for a thin bar, the whole column of its category counts."""
        rects = self.bar_rects()
        for key, rect in rects.items():
            if rect.adjusted(-1, -1, 1, 1).contains(pos):
                return key
        plot = self._plot()
        if plot.contains(pos) and self.labels:
            i = int((pos.x() - plot.left()) / (plot.width() / len(self.labels)))
            if 0 <= i < len(self.labels):
                return (i, 0)
        return None

    # -- painting -----------------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt API
        painter = QPainter(self)
        try:
            self.paint(painter)
        finally:
            painter.end()

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        title_font = painter.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.title)
        title_font.setBold(False)
        painter.setFont(title_font)
        if self.hasFocus():
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        if self.loading or self.is_empty():
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        plot, top = self._plot(), self._top()
        metrics = QFontMetrics(painter.font())
        step = nice_step(top)
        grid = QColor(text)
        grid.setAlpha(40)
        value = 0.0
        while value <= top + step / 1000:
            y = plot.bottom() - value / top * plot.height()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, short_number(value))
            value += step
        if len(self.parts) > 1:  # the legend
            x = plot.left()
            for p, name in enumerate(self.parts):
                painter.fillRect(QRectF(x, MARGIN_TOP - 2, 10, 10), QColor(COLOURS[p % len(COLOURS)]))
                painter.setPen(text)
                painter.drawText(QPointF(x + 14, MARGIN_TOP + 8), name)
                x += 24 + metrics.horizontalAdvance(name)
        rects = self.bar_rects()
        if self.kind == "line":
            for p, v in enumerate(self.values):
                colour = QColor(COLOURS[p % len(COLOURS)])
                slot = plot.width() / len(self.labels)
                points = QPolygonF([QPointF(plot.left() + (i + 0.5) * slot, plot.bottom() - x / top * plot.height())
                                    for i, x in enumerate(v)])
                painter.setPen(QPen(colour, 2))
                painter.drawPolyline(points)
                painter.setBrush(colour)
                for i, point in enumerate(points):
                    radius = 5 if self.cursor == (i, p) else 2.5
                    painter.drawEllipse(point, radius, radius)
        else:
            for (i, p), rect in rects.items():
                colour = QColor(COLOURS[p % len(COLOURS)])
                if self.cursor == (i, p):
                    colour = colour.lighter(130)
                painter.fillRect(rect, colour)
                if self.cursor == (i, p):
                    painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
                    painter.drawRect(rect)
            fractions = any(v != int(v) for v in self.values[0])
            if self.kind == "bar" and len(self.values) == 1 and len(self.labels) <= 16:  # the value on each bar
                painter.setPen(text)
                for (i, _p), rect in rects.items():
                    painter.drawText(QRectF(rect.center().x() - 40, rect.top() - 16, 80, 14),
                                     Qt.AlignmentFlag.AlignCenter, short_number(self.values[0][i], fractions))
        self._category_labels(painter, plot, metrics, text)
        if self.cursor is not None:  # the cursor's figures, top right
            i, p = self.cursor
            words = f"{self.labels[i]} · {self.parts[p]}：{short_number(self.values[p][i])}"
            painter.setPen(text)
            painter.drawText(QRectF(8, 4, self.width() - 16, 22),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, words)

    def _category_labels(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics, text: QColor) -> None:
        n = len(self.labels)
        slot = plot.width() / n
        every = max(1, int(-(-(metrics.horizontalAdvance("0000") + 6) // slot))) if self.kind == "line" else 1
        widest = max(metrics.horizontalAdvance(label) for label in self.labels)
        slanted = self.kind != "line" and widest > slot - 4
        painter.setPen(text)
        for i, label in enumerate(self.labels):
            if i % every:
                continue
            x = plot.left() + (i + 0.5) * slot
            if slanted:
                painter.save()
                painter.translate(x + 4, plot.bottom() + 6)
                painter.rotate(-35)
                # the room below the axis, along the slant (sin 35° = 0.57), less the first line's height
                shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int((MARGIN_BOTTOM - 8) / 0.57) - 8)
                painter.drawText(QPointF(-metrics.horizontalAdvance(shown), metrics.ascent()), shown)
                painter.restore()
            else:
                painter.drawText(QRectF(x - slot / 2 * every, plot.bottom() + 4, slot * every, 16),
                                 Qt.AlignmentFlag.AlignCenter, label)

    def image(self, size: QSize | None = None) -> QImage:
        """The chart as it is drawn on screen (at ``size``, default its own), on a white ground."""
        size = size or self.size()
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        old = self.size()
        self.resize(size)
        painter = QPainter(image)
        focus = self.cursor
        self.cursor = None
        try:
            self.paint(painter)
        finally:
            painter.end()
            self.cursor = focus
            self.resize(old)
        return image

    # -- mouse and keys ------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt API
        hit = self.hit(event.position())
        if hit != self.cursor:
            self.cursor = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit and self.clickable else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, _event: Any) -> None:  # Qt API
        if not self.hasFocus():
            self.cursor = None
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.hit(event.position())
            if hit is not None and self.clickable:
                self.cursor = hit
                self.activated.emit(*hit)

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt API
        if self.cursor is None and self.labels:
            self.cursor = (0, 0)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt API
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API
        key = event.key()
        if not self.labels:
            super().keyPressEvent(event)
            return
        i, p = self.cursor or (0, 0)
        if key == Qt.Key.Key_Right:
            i = min(i + 1, len(self.labels) - 1)
        elif key == Qt.Key.Key_Left:
            i = max(i - 1, 0)
        elif key == Qt.Key.Key_Up:
            p = min(p + 1, len(self.values) - 1)
        elif key == Qt.Key.Key_Down:
            p = max(p - 1, 0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.clickable:
                self.activated.emit(i, p)
            return
        else:
            super().keyPressEvent(event)
            return
        self.cursor = (i, p)
        self.update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt API
        menu = QMenu(self)
        menu.addAction(self.tr("导出为 PNG 图片…"), self.export_png.emit)
        menu.addAction(self.tr("导出为 PDF…"), self.export_pdf.emit)
        menu.exec(event.globalPos() if event.reason() == QContextMenuEvent.Reason.Mouse
                  else self.mapToGlobal(QPoint(self.width() // 2, self.height() // 2)))
