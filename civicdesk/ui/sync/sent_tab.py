"""The Sync window's 已发送 tab: per office the packages sent (sequence number, date, size, acknowledged), and
re-saving the exact bytes of a chosen one, identical to ``civicdesk sync resend`` (same file, same hash), for a
mail that was lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from civicdesk.services.sync import outgoing
from civicdesk.ui.context import AppContext
from civicdesk.ui.sync.common import fill, table


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def write_package(path: str, package: outgoing.Exported) -> str:
    """Write the bytes beside the target first, then rename: no half-written file under the real name."""
    target = Path(path)
    part = target.with_name(target.name + ".part")
    part.write_bytes(package.data)
    part.replace(target)
    return str(target)


class SentPackagesTab(QWidget):
    """Office, its sent packages newest first, and 重新保存所选…"""

    resaved = Signal(str)  # the path written

    def __init__(self, ctx: AppContext, ask_save_path: Callable[[str], str | None], report: Callable[[str], None],
                 failed: Callable[[BaseException], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.ask_save_path, self.report, self.failed = ask_save_path, report, failed
        self.packages: list[outgoing.SentPackage] = []
        self.office_combo = QComboBox()
        self.office_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.table = table([self.tr("序号"), self.tr("轮次"), self.tr("发出时间"), self.tr("大小"),
                                    self.tr("内容"), self.tr("对方已确认"), self.tr("文件名")])
        self.table.itemSelectionChanged.connect(self._selected)
        self.resave_button = QPushButton(self.tr("重新保存所选…"))
        self.resave_button.setEnabled(False)
        self.resave_button.clicked.connect(self.resave)
        note = QLabel(self.tr("邮件丢失或对方报告缺包时，选中该包重新保存：文件与当初发出的完全相同（同名、同校验值），"
                              "对方重复导入也不会出错。"))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("发给：")))
        row.addWidget(self.office_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resave_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)

    def set_offices(self, offices: list[tuple[str, str]]) -> None:
        """(code, label) of every trusted office; keeps the chosen one."""
        current = self.office_combo.currentData()
        self.office_combo.blockSignals(True)
        self.office_combo.clear()
        for code, label in offices:
            self.office_combo.addItem(label, code)
        if current:
            self.office_combo.setCurrentIndex(max(self.office_combo.findData(current), 0))
        self.office_combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        code = self.office_combo.currentData()
        if not code:
            self._loaded([])
            return
        db = self.ctx.db
        self.ctx.runner.run(lambda job: outgoing.sent_packages(db, code), on_success=self._loaded,
                            on_failure=self.failed, key="sync_sent_packages")

    def _loaded(self, packages: list[outgoing.SentPackage]) -> None:
        self.packages = packages
        kinds = {"data": self.tr("数据"), "ack": self.tr("仅确认")}
        fill(self.table, [[f"#{p.seq}", p.epoch, p.created_at, size_text(p.size), kinds.get(p.kind, p.kind),
                            self.tr("是") if p.acknowledged else self.tr("否"), p.file_name] for p in packages])
        self._selected()

    def selected(self) -> outgoing.SentPackage | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.packages):
            return None
        return self.packages[rows[0].row()]

    def _selected(self) -> None:
        self.resave_button.setEnabled(self.selected() is not None and self.ctx.may("sync"))

    def resave(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        path = self.ask_save_path(chosen.file_name)
        if path is None:
            return
        db, by = self.ctx.db, self.ctx.user

        def work(job: Any) -> tuple[str, outgoing.Exported]:
            package = outgoing.resend(db, chosen.recipient, chosen.seq, chosen.epoch, by=by)
            return write_package(path, package), package

        self.ctx.runner.run(work, on_success=self._resaved, on_failure=self._write_failed)

    def _write_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            self.report(self.tr("无法保存文件：{reason}").format(reason=exc.strerror or exc))
            return
        self.failed(exc)

    def _resaved(self, result: tuple[str, outgoing.Exported]) -> None:
        path, package = result
        self.report(self.tr("已重新保存第 {seq} 号同步包：{path}（与原件完全相同，校验值 {sha}…）").format(
            seq=package.seq, path=path, sha=package.sha256[:16]))
        self.resaved.emit(path)
