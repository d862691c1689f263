"""The Sync window (同步): export a package to an office, the packages sent and re-saving one byte for byte
(:mod:`civicdesk.ui.sync.sent_tab`), import files (several at once, also by drag and drop), the state of each
office's streams, the trusted offices with their fingerprints and trusting a new card after the phone check
(:mod:`civicdesk.ui.sync.trust_dialog`), and conflicts with both versions side by side, resolved by taking one
side or merging field by field (:mod:`civicdesk.ui.sync.merge_dialog`).

All work goes through :mod:`civicdesk.services.sync` on the context's runner.  The key passphrase is
asked once per window (``ask_passphrase``, replaceable in tests) unless ``CIVICDESK_KEY_PASSPHRASE`` is set.

This office's own card is at the top of 已信任单位: its fingerprint (the （本单位） row other offices compare by
phone), 生成本单位密钥… while the office has no keys (the passphrase typed twice, ``ask_new_passphrase``; the first
export or import offers it too) and 导出本单位名片… (:mod:`civicdesk.services.sync.own_card`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QGroupBox, QHBoxLayout, QInputDialog,
    QLabel, QLineEdit, QListWidget, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from civicdesk.errors import CivicDeskError, InputError
from civicdesk.services.sync import conflicts, incoming, keys, outgoing, own_card, status
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.sync.common import fill as _fill
from civicdesk.ui.sync.common import table as _table
from civicdesk.ui.sync.merge_dialog import MergeDialog
from civicdesk.ui.sync.sent_tab import SentPackagesTab, write_package
from civicdesk.ui.sync.trust_dialog import TrustCardDialog


class DropList(QListWidget):
    """The files to import: dropped from the file manager or the mail program, or chosen."""

    files_dropped = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()

    def add_files(self, paths: list[str]) -> None:
        have = {self.item(i).text() for i in range(self.count())}
        for p in paths:
            if p not in have:
                self.addItem(p)

    def files(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]


class SyncWindow(QDialog):
    """Tabs: 导出, 已发送, 导入, 各单位状态, 已信任单位, 冲突."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._passphrase: str | None = None
        #: this office's own entry (keys made) or None; known after the first load
        self.own: keys.OfficeEntry | None = None
        self._loaded_once = False
        self.setWindowTitle(self.tr("同步"))
        self.resize(900, 560)
        self.tabs = QTabWidget()
        self.status = QLabel()
        self.sent_tab = SentPackagesTab(ctx, lambda name: self.ask_save_path(name), self.status.setText,
                                        self._failed)
        self.tabs.addTab(self._export_tab(), self.tr("导出"))
        self.tabs.addTab(self.sent_tab, self.tr("已发送"))
        self.tabs.addTab(self._import_tab(), self.tr("导入"))
        self.tabs.addTab(self._status_tab(), self.tr("各单位状态"))
        self.tabs.addTab(self._offices_tab(), self.tr("已信任单位"))
        self.conflicts_page = self._conflicts_tab()
        self.tabs.addTab(self.conflicts_page, self.tr("冲突"))
        self.status.setObjectName("sync_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.refresh()

    # -- seams for tests -------------------------------------------------------------------------------------
    def ask_passphrase(self) -> str | None:
        value = os.environ.get(keys.ENV_PASSPHRASE)
        if value:
            return value
        text, ok = QInputDialog.getText(self, self.tr("密钥口令"), self.tr("请输入本单位同步密钥的口令："),
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def ask_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存同步包"), suggested,
                                              self.tr("同步包 (*.cdsync)"))
        return path or None

    def ask_open_paths(self) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择同步包"), "", self.tr("同步包 (*.cdsync)"))
        return paths

    def ask_new_passphrase(self) -> str | None:
        """The passphrase for new keys, typed twice in :class:`NewPassphraseDialog` (replaceable in tests)."""
        from civicdesk.ui.sync.keys_dialog import NewPassphraseDialog

        dialog = NewPassphraseDialog(self.ctx.db.office().name, self)
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_card_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存本单位名片"), suggested,
                                              self.tr("单位名片 (*.cdcard)"))
        return path or None

    def passphrase(self) -> str | None:
        if self._passphrase is None:
            self._passphrase = self.ask_passphrase()
        return self._passphrase

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CivicDeskError) and exc.code == "sync.passphrase_wrong":
            self._passphrase = None
        self.status.setText(self.ctx.message(exc))

    # -- export ------------------------------------------------------------------------------------------------
    def _export_tab(self) -> QWidget:
        page = QWidget()
        self.office_combo = QComboBox()
        self.full_check = QCheckBox(self.tr("发送全部数据（首次发送或对方重装后）"))
        self.export_button = QPushButton(self.tr("导出同步包…"))
        self.export_button.clicked.connect(self.export_package)
        self.export_note = QLabel(self.tr("同步包只发给一个单位，内容已加密签名。导出后请将文件作为邮件附件发送。"))
        self.export_note.setWordWrap(True)
        self.export_result = QLabel()
        self.export_result.setObjectName("export_result")
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("发给：")))
        row.addWidget(self.office_combo, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.full_check)
        layout.addWidget(self.export_button)
        layout.addWidget(self.export_note)
        layout.addWidget(self.export_result)
        layout.addStretch(1)
        return page

    def export_package(self) -> None:
        code = self.office_combo.currentData()
        if not code:
            self.status.setText(self.tr("尚未信任任何单位：请先在“已信任单位”中导入对方的单位名片。"))
            return
        if self._loaded_once and self.own is None:  # the first export makes the keys, then goes on
            self.make_keys(then=self.export_package)
            return
        passphrase = self.passphrase()
        if passphrase is None:
            return
        full = self.full_check.isChecked()
        db = self.ctx.db
        user = self.ctx.user
        self.ctx.runner.run(lambda job: outgoing.export(db, code, passphrase, full=full, by=user),
                            on_success=self._exported, on_failure=self._failed)

    def _exported(self, packages: list[outgoing.Exported]) -> None:
        lines = []
        for i, p in enumerate(packages):
            path = self.ask_save_path(p.file_name) if i == 0 else None
            if i and self._save_dir is not None:
                path = str(Path(self._save_dir) / p.file_name)
            if path is None:
                self.status.setText(self.tr("未保存：同步包已记录，可在“已发送”中重新保存完全相同的文件。"))
                return
            self._save_dir = str(Path(path).parent)
            try:
                write_package(path, p)
            except OSError as exc:  # recorded as sent already: the same bytes can be saved again from 已发送
                told = self.tr("未能写出“{path}”（{reason}）：同步包第 {seq} 号已记录，可在“已发送”中重新保存。")
                self.status.setText(told.format(path=path, reason=exc.strerror or exc, seq=p.seq))
                self.refresh()
                return
            what = self.tr("全部数据") if p.full else self.tr("变更")
            lines.append(self.tr("第 {seq} 号：{file}（{what} {n} 条）").format(
                seq=p.seq, file=Path(path).name, what=what, n=p.changes))
        self.export_result.setText(self.tr("请把以下文件作为邮件附件发给对方：") + "\n" + "\n".join(lines))
        self.refresh()

    _save_dir: str | None = None

    # -- import ------------------------------------------------------------------------------------------------
    def _import_tab(self) -> QWidget:
        page = QWidget()
        self.drop_list = DropList()
        self.drop_list.files_dropped.connect(self.drop_list.add_files)
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(lambda: self.drop_list.add_files(self.ask_open_paths()))
        clear = QPushButton(self.tr("清空"))
        clear.clicked.connect(self.drop_list.clear)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.clicked.connect(self.import_files)
        self.import_results = _table([self.tr("文件"), self.tr("结果"), self.tr("说明")])
        buttons = QHBoxLayout()
        for b in (choose, clear, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("把收到的同步包拖到下面（可一次多个，顺序不限）：")))
        layout.addWidget(self.drop_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.import_results, 2)
        return page

    def import_files(self) -> None:
        files = self.drop_list.files()
        if not files:
            return
        if self._loaded_once and self.own is None:  # packages are encrypted to keys this office has not made yet
            self.make_keys(then=self.import_files)
            return
        passphrase = self.passphrase()
        if passphrase is None:
            return
        db = self.ctx.db
        user = self.ctx.user
        self.ctx.runner.run(lambda job: incoming.import_files(db, files, passphrase, by=user),
                            on_success=self._imported, on_failure=self._failed)

    def _imported(self, results: list[incoming.ImportResult]) -> None:
        words = {"applied": self.tr("已导入"), "already_imported": self.tr("此前已导入"),
                 "parked": self.tr("已暂存（前面缺包）"), "refused": self.tr("拒收")}
        rows = []
        for r in results:
            if r.status == "refused":
                note = r.message_zh if self.ctx.lang == "zh" else r.message
            elif r.counts:
                note = self.tr("新增 {a}，更新 {b}，合并 {c}，冲突 {d}，跳过 {e}").format(
                    a=r.counts.get("inserted", 0), b=r.counts.get("updated", 0), c=r.counts.get("merged", 0),
                    d=r.counts.get("conflicts", 0), e=r.counts.get("skipped", 0))
            else:
                note = ""
            rows.append([Path(r.name).name, words[r.status], note])
        _fill(self.import_results, rows)
        self.drop_list.clear()
        refused = sum(1 for r in results if r.status == "refused")
        self.status.setText(self.tr("导入完成：{n} 个文件，拒收 {m} 个。").format(n=len(results), m=refused))
        self.ctx.changed(Changes(organizations=True))
        self.refresh()

    # -- status and offices -----------------------------------------------------------------------------------
    def _status_tab(self) -> QWidget:
        page = QWidget()
        self.status_table = _table([self.tr("单位"), self.tr("最后发送"), self.tr("对方已确认"), self.tr("对方未确认"),
                                    self.tr("最后收到"), self.tr("缺少的包"), self.tr("暂存的包")])
        layout = QVBoxLayout(page)
        layout.addWidget(self.status_table)
        return page

    def _own_card_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("本单位名片"))
        box.setObjectName("own_card")
        self.own_name = QLabel()
        self.own_name.setObjectName("own_name")
        self.own_fingerprint = QLabel()
        self.own_fingerprint.setObjectName("own_fingerprint")
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.Bold)
        self.own_fingerprint.setFont(font)
        self.own_note = QLabel()
        self.own_note.setObjectName("own_note")
        self.own_note.setWordWrap(True)
        self.make_keys_button = QPushButton(self.tr("生成本单位密钥…"))
        self.make_keys_button.setObjectName("make_keys")
        self.make_keys_button.clicked.connect(lambda: self.make_keys())
        self.export_card_button = QPushButton(self.tr("导出本单位名片…"))
        self.export_card_button.setObjectName("export_card")
        self.export_card_button.clicked.connect(self.export_card)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_keys_button)
        buttons.addWidget(self.export_card_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.own_name)
        layout.addWidget(self.own_fingerprint)
        layout.addWidget(self.own_note)
        layout.addLayout(buttons)
        return box

    def _show_own_card(self) -> None:
        """The own card box: the fingerprint and 导出本单位名片…, or why there is none and who can make it."""
        office = self.ctx.db.office()
        self.own_name.setText(self.tr("%1（%2）").replace("%1", office.name).replace("%2", office.code))
        may_make = self.ctx.may("office")
        may_sync = self.ctx.may("sync")
        if self.own is not None:
            self.own_fingerprint.setText(self.tr("指纹：") + self.own.fingerprint)
            self.own_fingerprint.setVisible(True)
            self.own_note.setText(self.tr("把名片文件发给要同步的单位；对方导入后会打电话核对这串数字。"))
            self.make_keys_button.setVisible(False)
            self.export_card_button.setEnabled(may_sync)
            self.export_card_button.setToolTip("" if may_sync else self.tr("您的角色无权同步。"))
        else:
            self.own_fingerprint.setVisible(False)
            self.own_note.setText(self.tr("本单位尚未生成同步密钥：生成后才能导出同步包和本单位名片。") if may_make else
                                  self.tr("本单位尚未生成同步密钥：请管理员在此生成（同步 → 已信任单位 → 生成本单位密钥…）。"))
            self.make_keys_button.setVisible(True)
            self.make_keys_button.setEnabled(may_make)
            self.make_keys_button.setToolTip("" if may_make else self.tr("只有管理员可以生成本单位密钥。"))
            self.export_card_button.setEnabled(False)
            self.export_card_button.setToolTip(self.tr("请先生成本单位密钥。"))

    def make_keys(self, then: Any = None) -> None:
        """Make this office's keys with a new passphrase typed twice; ``then`` goes on (the export asked for)."""
        if self.own is not None:
            return
        if not self.ctx.may("office"):
            self.status.setText(self.tr("本单位尚未生成同步密钥：请管理员在“已信任单位”中点“生成本单位密钥…”。"))
            return
        passphrase = self.ask_new_passphrase()
        if passphrase is None:
            self.status.setText(self.tr("未生成密钥。"))
            return
        db, user = self.ctx.db, self.ctx.user

        def made(card: own_card.OwnCard) -> None:
            self._passphrase = passphrase  # just typed twice: not asked again in this window
            self.status.setText(self.tr("已生成本单位同步密钥。指纹：%1").replace("%1", card.fingerprint))
            self.refresh(then=then)

        self.ctx.runner.run(lambda job: own_card.make_office_keys(db, passphrase, by=user),
                            on_success=made, on_failure=self._failed)

    def export_card(self) -> None:
        if self.own is None:
            return
        path = self.ask_card_save_path(f"{self.own.code}.cdcard")
        if path is None:
            return
        passphrase = self.passphrase()
        if passphrase is None:
            return
        db, user = self.ctx.db, self.ctx.user

        def written(card: own_card.OwnCard) -> None:
            self.status.setText(self.tr("已导出本单位名片：%1（指纹 %2）。请作为邮件附件发给对方，并电话核对指纹。")
                                .replace("%1", str(card.path)).replace("%2", card.fingerprint))

        self.ctx.runner.run(lambda job: own_card.write_own_card(db, passphrase, path, by=user),
                            on_success=written, on_failure=self._failed)

    def _offices_tab(self) -> QWidget:
        page = QWidget()
        self.offices_table = _table([self.tr("代码"), self.tr("单位"), self.tr("级别"), self.tr("指纹（电话核对）")])
        self.offices_table.horizontalHeader().setMinimumSectionSize(60)
        self.trust_button = QPushButton(self.tr("导入单位名片…"))
        self.trust_button.setEnabled(self.ctx.may("office"))
        self.trust_button.clicked.connect(self.trust_card_file)
        note = QLabel(self.tr("收到其他单位的名片文件（.cdcard）后在此导入：核对指纹一致才信任。"))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.trust_button)
        buttons.addWidget(note, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self._own_card_box())
        layout.addWidget(self.offices_table)
        layout.addLayout(buttons)
        return page

    # -- trusting a card --------------------------------------------------------------------------------------
    def ask_card_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择单位名片"), "",
                                              self.tr("单位名片 (*.cdcard);;所有文件 (*)"))
        return path or None

    def confirm_trust(self, check: keys.TrustCheck) -> bool:
        """The card, its fingerprint and the phone check; True when the admin confirmed (replaceable in tests)."""
        return TrustCardDialog(check, self).exec() == QDialog.DialogCode.Accepted

    def trust_card_file(self) -> None:
        path = self.ask_card_path()
        if path is None:
            return
        db = self.ctx.db

        def check(job: Any) -> tuple[bytes, keys.TrustCheck]:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise InputError("sync.file_missing", path=f"{path} ({exc.strerror})") from exc
            return data, keys.check_card(db, data, Path(path).name)

        self.ctx.runner.run(check, on_success=lambda result: self._card_checked(path, *result),
                            on_failure=self._failed)

    def _card_checked(self, path: str, data: bytes, check: keys.TrustCheck) -> None:
        confirmed = self.confirm_trust(check)
        name, code = check.card.name, check.card.office_code
        if check.known and check.same_keys:
            self.status.setText(self.tr("{name}（{code}）已信任，密钥未变。").format(name=name, code=code))
            return
        if not confirmed:
            self.status.setText(self.tr("未信任：{name}（{code}）。").format(name=name, code=code))
            return
        db = self.ctx.db
        user = self.ctx.user
        self.ctx.runner.run(lambda job: keys.trust_card(db, data, Path(path).name, by=user),
                            on_success=self._trusted, on_failure=self._failed)

    def _trusted(self, check: keys.TrustCheck) -> None:
        words = self.tr("已信任 {name}（{code}）的新密钥。") if check.known else self.tr("已信任 {name}（{code}）。")
        self.status.setText(words.format(name=check.card.name, code=check.card.office_code))
        self.refresh()

    def refresh(self, then: Any = None) -> None:
        db = self.ctx.db

        def load(job: Any) -> tuple[dict[str, Any], list[keys.OfficeEntry], list[conflicts.ConflictView]]:
            return status.status(db), keys.list_offices(db), conflicts.list_conflicts(db)

        def loaded(data: tuple[dict[str, Any], list[keys.OfficeEntry], list[conflicts.ConflictView]]) -> None:
            self._loaded(data)
            if then is not None:
                then()

        self.ctx.runner.run(load, on_success=loaded, on_failure=self._failed, key="sync_window")

    def _loaded(self, data: tuple[status.SyncStatus, list[keys.OfficeEntry], list[conflicts.ConflictView]]) -> None:
        state, offices, listed = data
        self.own = next((o for o in offices if o.local), None)
        if not self._loaded_once and (self.own is None or not state.offices):
            # nothing to export yet: open where the keys are made and the cards exchanged
            self.tabs.setCurrentWidget(self.offices_table.parentWidget())
        self._loaded_once = True
        self._show_own_card()
        current = self.office_combo.currentData()
        self.office_combo.clear()
        for o in state.offices:
            self.office_combo.addItem(f"{o.name}（{o.code}）", o.code)
        if current:
            self.office_combo.setCurrentIndex(max(self.office_combo.findData(current), 0))
        rows = []
        for o in state.offices:
            sent = f"#{o.last_sent.seq}  {(o.last_sent.at or '')[:16]}" if o.last_sent else "-"
            received = f"#{o.received.seq}  {(o.received.at or '')[:16]}" if o.received.seq else "-"
            rows.append([f"{o.name}（{o.code}）", sent, f"#{o.acknowledged.seq}",
                         ", ".join(f"#{n}" for n in o.unacknowledged) or "-", received,
                         ", ".join(f"#{a}-{b}" if a != b else f"#{a}" for a, b in o.missing) or "-",
                         ", ".join(f"#{n}" for n in o.parked) or "-"])
        _fill(self.status_table, rows)
        levels = {"city": self.tr("市级"), "district": self.tr("区县级")}
        _fill(self.offices_table, [[o.code, o.name + (self.tr("（本单位）") if o.local else ""),
                                    levels.get(o.level, o.level), o.fingerprint] for o in offices])
        self.conflicts = listed
        entities = {"organization": self.tr("组织"), "org_person": self.tr("人员"), "org_change": self.tr("变更记录"),
                    "filing": self.tr("申请事项"), "filing_event": self.tr("办理步骤")}
        _fill(self.conflict_list, [[c.label, entities.get(c.entity, c.entity), ", ".join(c.fields),
                                    self.tr("未解决") if c.resolved_at is None else self.tr("已解决")] for c in listed])
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts_page),
                             self.tr("冲突（{n}）").format(n=state.open_conflicts))
        self.sent_tab.set_offices([(o.code, f"{o.name}（{o.code}）") for o in state.offices])
        self._show_conflict()

    # -- conflicts ----------------------------------------------------------------------------------------------
    def _conflicts_tab(self) -> QWidget:
        page = QWidget()
        self.conflicts: list[conflicts.ConflictView] = []
        self.conflict_list = _table([self.tr("记录"), self.tr("类别"), self.tr("字段"), self.tr("状态")])
        self.conflict_list.itemSelectionChanged.connect(self._show_conflict)
        self.side_by_side = _table([self.tr("字段"), self.tr("本单位的值"), self.tr("对方的值"), self.tr("现在的值")])
        self.take_local = QPushButton(self.tr("采用本单位的值"))
        self.take_remote = QPushButton(self.tr("采用对方的值"))
        self.merge_button = QPushButton(self.tr("逐项合并…"))
        self.take_local.clicked.connect(lambda: self.resolve("local"))
        self.take_remote.clicked.connect(lambda: self.resolve("remote"))
        self.merge_button.clicked.connect(self.merge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_local)
        buttons.addWidget(self.take_remote)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.conflict_list, 1)
        layout.addWidget(self.side_by_side, 1)
        layout.addLayout(buttons)
        return page

    def selected_conflict(self) -> conflicts.ConflictView | None:
        rows = self.conflict_list.selectionModel().selectedRows() if self.conflict_list.selectionModel() else []
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _show_conflict(self) -> None:
        c = self.selected_conflict()
        if c is None:
            _fill(self.side_by_side, [])
            for button in (self.take_local, self.take_remote, self.merge_button):
                button.setEnabled(False)
            return
        _fill(self.side_by_side, [[f, c.local_values.get(f), c.remote_values.get(f), c.current_values.get(f)]
                                  for f in c.fields])
        allowed = c.resolved_at is None and self.ctx.may("conflict.resolve")
        for button in (self.take_local, self.take_remote, self.merge_button):
            button.setEnabled(allowed)

    def ask_merge(self, conflict: conflicts.ConflictView) -> dict[str, Any] | None:
        """The merged values the reviewer chose, or None (replaceable in tests)."""
        dialog = MergeDialog(conflict, conflicts.typed_fields(conflict.entity), self.ctx.lang, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def merge(self) -> None:
        c = self.selected_conflict()
        if c is None:
            return
        values = self.ask_merge(c)
        if values is not None:
            self.resolve("merge", values)

    def resolve(self, take: str, values: dict[str, Any] | None = None) -> None:
        c = self.selected_conflict()
        if c is None:
            return
        answer = QMessageBox.question(self, self.tr("解决冲突"), self.tr("确定采用所选的值？这将成为新版本并同步给对方。"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self.ctx.db
        user = self.ctx.user
        self.ctx.runner.run(lambda job: conflicts.resolve_conflict(db, c.id, take, values, by=user),
                            on_success=lambda _: (self.ctx.changed(Changes(organizations=True)), self.refresh()),
                            on_failure=self._failed)


def open_sync_window(window: Any) -> SyncWindow:
    """File > 同步…: one Sync window per main window, brought to the front when open."""
    existing = getattr(window, "_sync_window", None)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = SyncWindow(window.ctx, window)
    window._sync_window = dialog
    dialog.show()
    return dialog
