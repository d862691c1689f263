"""The filter bar above the register: search field, dictionary filters and the supervision filters (last
year's annual inspection, the rating in force), emitting a RegisterFilter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from civicdesk import clock, messages
from civicdesk.schema import RATING_GRADES
from civicdesk.services.register.plain import RegisterFilter
from civicdesk.ui.labels import Labels

SEARCH_DELAY_MS = 250


#: the least width of a filter choice (px): its first letters and the arrow
COMBO_MIN_WIDTH = 72


class FilterBar(QWidget):
    """Search (debounced) and filters; ``filter_changed`` carries the whole new filter."""

    filter_changed = Signal(object)  # RegisterFilter

    def __init__(self, labels: Labels, parent: Any = None, *, city: bool = False) -> None:
        super().__init__(parent)
        self.labels = labels
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 2)
        outer.setSpacing(4)
        top, layout = QHBoxLayout(), QHBoxLayout()
        outer.addLayout(top)
        outer.addLayout(layout)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("检索：名称、住所、法定代表人、信用代码、拼音（如 lnxh）"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(420)
        top.addWidget(QLabel(self.tr("检索："), self))
        top.addWidget(self.search, 1)

        self.legal_form = self._combo("legal_form", self.tr("全部组织类型"))
        self.tier = self._combo("tier", self.tr("全部层级"))
        self.subtype = self._combo("community_subtype", self.tr("全部社区类别"))
        self.category = self._combo("category", self.tr("全部行业类别"))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("存续（含停止活动、清算中）"), "live")
        self.status.addItem(self.tr("全部状态"), None)
        for v in labels.dictionaries.get("status", []):
            self.status.addItem(v.label(labels.lang), v.code)
        self.division = QComboBox(self)
        self.division.addItem(self.tr("全部区县"), None)
        for d in sorted((d for d in labels.divisions.values() if d.level == "county"), key=lambda d: d.code):
            self.division.addItem(d.name, d.code)
        self.township = QComboBox(self)
        self.township.addItem(self.tr("全部乡镇（街道）"), None)
        self.township.setEnabled(False)
        self.origin = QComboBox(self)
        self.origin.addItem(self.tr("全部来源单位"), None)
        for d in sorted((d for d in labels.divisions.values() if d.level in ("county", "city")), key=lambda d: d.code):
            self.origin.addItem(d.name, d.code)
        self.origin.setVisible(city)
        # supervision: last year's annual inspection and the rating in force, by the program's clock
        last_year = str(clock.today().year - 1)
        self.inspection = QComboBox(self)
        self.inspection.setObjectName("inspection")
        self.inspection.addItem(self.tr("全部年检结论"), None)
        for code in ("pass", "basic", "fail"):
            self.inspection.addItem(self.tr("%1年度：%2").replace("%1", last_year).replace(
                "%2", messages.label(f"register.conclusion.{code}", labels.lang)), code)
        self.inspection.addItem(self.tr("%1年度：未年检").replace("%1", last_year), "none")
        self.inspection.setToolTip(self.tr("上年度年检结论（以作出结论的年检为准）"))
        self.rating = QComboBox(self)
        self.rating.setObjectName("rating")
        self.rating.addItem(self.tr("全部评估等级"), None)
        self.rating.addItem(self.tr("有评估等级（有效期内）"), "rated")
        for grade in RATING_GRADES:
            self.rating.addItem(grade, grade)
        self.rating.addItem(self.tr("未评估或已过期"), "none")
        self.rating.setToolTip(self.tr("评估等级：只算有效期内的等级"))
        self.credit = QComboBox(self)
        self.credit.setObjectName("credit")
        self.credit.addItem(self.tr("全部信用状况"), None)
        self.credit.addItem(self.tr("已列入信用名单（任一）"), "listed")
        self.credit.addItem(self.tr("已列入活动异常名录"), "abnormal")
        self.credit.addItem(self.tr("已列入严重违法失信名单"), "serious")
        self.credit.addItem(self.tr("未列入信用名单"), "none")
        self.credit.setToolTip(self.tr("信用状况：现列入的信用名单"))

        layout.addWidget(QLabel(self.tr("筛选："), self))
        for combo in (self.legal_form, self.tier, self.subtype, self.category, self.status, self.division,
                      self.township, self.origin, self.inspection, self.rating, self.credit):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(220)
            # as wide as its longest choice when there is room, narrower on a small screen (its list still shows
            # every choice whole): eleven choices side by side made the window at least 1,580 px wide (1,850 px
            # in English), wider than a 1,366 or 1,440 px laptop screen
            combo.setMinimumWidth(COMBO_MIN_WIDTH)
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._combo_changed)
        layout.addStretch(1)
        self.division.currentIndexChanged.connect(self._fill_townships)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._emit)

    def _combo(self, kind: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for v in self.labels.dictionaries.get(kind, []):
            combo.addItem(v.label(self.labels.lang), v.code)
        return combo

    def _fill_townships(self) -> None:
        county = self.division.currentData()
        self.township.blockSignals(True)
        self.township.clear()
        self.township.addItem(self.tr("全部乡镇（街道）"), None)
        if county:
            for d in sorted((d for d in self.labels.divisions.values()
                             if d.level == "township" and d.parent_code == county), key=lambda d: d.code):
                self.township.addItem(d.name, d.code)
        self.township.setEnabled(bool(county))
        self.township.blockSignals(False)

    def _combo_changed(self) -> None:
        self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.current())

    def current(self) -> RegisterFilter:
        return RegisterFilter(
            text=self.search.text().strip(),
            legal_form=self.legal_form.currentData(),
            tier=self.tier.currentData(),
            category=self.category.currentData(),
            community_subtype=self.subtype.currentData(),
            status=self.status.currentData(),
            division_code=self.division.currentData(),
            township_code=self.township.currentData(),
            origin_office=self.origin.currentData() if self.origin.isVisible() else None,
            inspection=self.inspection.currentData(),
            rating=self.rating.currentData(),
            credit=self.credit.currentData(),
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
