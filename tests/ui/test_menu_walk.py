"""Every menu item once as each role (issue 13): it opens its dialog or does its job, or it is greyed with the
reason in its tooltip and status tip; nothing needs the CLI.  Modal dialogs (file choosers, message boxes) are
noted and closed as they open."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from civicdesk.services.admin import auth
from civicdesk.ui.main_window import MainWindow

#: items whose job is not a window: 检索 puts the cursor in the search field, 退出 closes (walked last)
NO_WINDOW = {"检索", "退出"}


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


def _items(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            sub = action.menu()
            sub.aboutToShow.emit()  # 最近打开 and 显示的列 are filled when shown
            if sub.title() == "显示的列":
                continue  # check boxes of the table's columns, not actions
            found.extend(_items(sub))
        else:
            found.append(action)
    return found


class ModalCloser:
    """Notes and closes each modal dialog as it opens (a file chooser, a message box, a form)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            self.seen.append(f"{type(widget).__name__}:{widget.windowTitle()}")
            widget.close()


def _open_windows() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, QMenu)}


@pytest.mark.parametrize("role", ["admin", "reviewer", "clerk"])
def test_every_menu_item_as_each_role(qtbot: Any, make_ctx: Any, shawan_db_path: Path, role: str,
                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    ctx = make_ctx(shawan_db_path)
    admin = auth.create_user(ctx.db, "admin", "Admin1234", "admin")
    ctx.user = admin if role == "admin" else auth.create_user(ctx.db, role, "Passw0rd1", role, by=admin)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    window.table.selectRow(0)  # the organization items act on the selected one
    window.filing_menus.refresh()
    closer = ModalCloser()
    walked, greyed, opened = [], [], {}
    actions = [a for m in window.menuBar().findChildren(QMenu) if m.parent() is window.menuBar()
               for a in _items(m)]
    actions.sort(key=lambda a: a.text() == "退出")
    for action in actions:
        text = action.text().replace("&", "")
        walked.append(text)
        if not window.table.selectionModel().selectedRows():  # a reload (demo data) clears the selection
            window.table.selectRow(0)
        if not action.isEnabled():
            assert action.statusTip() and action.toolTip() and action.toolTip() != text, text
            greyed.append(text)
            continue
        before, modals = _open_windows(), len(closer.seen)
        message = window.statusBar().currentMessage()
        action.trigger()

        def answered(modals: int = modals, before: set[int] = before, message: str = message,
                     text: str = text) -> bool:  # a modal noted, a window shown, a status message, the window closed
            ctx.runner.wait()
            QApplication.processEvents()
            return (len(closer.seen) > modals or bool(_open_windows() - before) or text == "检索"
                    or window.statusBar().currentMessage() != message or not window.isVisible())

        # no fixed pause: the walk goes on as soon as the item answers (the assertion below names a silent one)
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(answered, timeout=5_000)
        new = [w for w in QApplication.topLevelWidgets()
               if w.isVisible() and id(w) not in before and not isinstance(w, QMenu)]
        did = closer.seen[modals:] or [type(w).__name__ for w in new]
        if not did and window.statusBar().currentMessage() != message:
            did = [window.statusBar().currentMessage()]
        if text == "检索":
            did = [type(QApplication.focusWidget()).__name__]
        if text == "退出":
            did = ["closed"] if not window.isVisible() else []
        assert did, f"{role}: {text} did nothing"
        opened[text] = did
        for w in new:
            if isinstance(w, QWidget) and w is not window:
                w.close()
    closer.timer.stop()
    assert "同步…" in opened and "审查队列" in opened and "退出" in opened
    if role == "admin":
        assert {"用户管理…", "审计记录…"} <= set(opened)
    else:
        assert "用户管理…" not in walked  # an administrator's items are not shown at all
        assert "载入演示数据" in greyed
    assert len(walked) >= 20
