"""The Sync window's 已发送 tab: the packages sent to an office (seq, date, size, acknowledged) and re-saving one,
byte for byte the file that was sent (the same as ``civicdesk sync resend``)."""

from __future__ import annotations

from pathlib import Path

from civicdesk.services.core.database import open_database
from civicdesk.services.sync import outgoing
from tests.ui import test_sync_window
from tests.ui.test_sync_window import _window
from tests.ui.test_sync_window_trust import shot

offices = test_sync_window.offices  # the fixture: two offices that trust each other

# a sync job reads, checks and writes real packages: on a loaded 2-core machine it takes seconds
WAIT = 30_000


def test_sent_packages_listed_and_one_resaved_identical(qtbot, make_ctx, offices) -> None:
    folder = offices["dir"]
    sent, again = folder / "sent", folder / "again"
    sent.mkdir()
    again.mkdir()
    window = _window(qtbot, make_ctx, offices["district"])
    window.ask_save_path = lambda suggested: str(sent / suggested)
    for seq in (1, 2):
        window.export_package()
        qtbot.waitUntil(lambda seq=seq: f"-e1-{seq}-to-511100" in window.export_result.text(), timeout=WAIT)
    tab = window.sent_tab
    window.tabs.setCurrentIndex(window.tabs.indexOf(tab))
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=WAIT)
    rows = [[tab.table.item(r, c).text() for c in range(tab.table.columnCount())] for r in range(2)]
    assert [r[0] for r in rows] == ["#2", "#1"]  # newest first
    assert rows[1][4] == "数据" and rows[0][4] == "仅确认" and rows[1][5] == "否"
    assert rows[1][3].endswith("KB") or rows[1][3].endswith("MB")
    assert not tab.resave_button.isEnabled()
    tab.table.selectRow(1)
    assert tab.resave_button.isEnabled()
    shot(window, folder, "sync_sent.png", fit=False)
    window.ask_save_path = lambda suggested: str(again / suggested)
    with qtbot.waitSignal(tab.resaved, timeout=10_000) as saved:
        tab.resave_button.click()
    path = Path(saved.args[0])
    assert path == again / "CD-511111-e1-1-to-511100.cdsync"
    original = (sent / path.name).read_bytes()
    assert path.read_bytes() == original
    db = open_database(offices["district"])
    try:
        assert outgoing.resend(db, "511100", 1).data == original  # what the command writes
    finally:
        db.close()
    assert "与原件完全相同" in window.status.text()
    assert not list(again.glob("*.part"))


def test_resave_cancelled_or_unwritable_is_told(qtbot, make_ctx, offices) -> None:
    folder = offices["dir"]
    window = _window(qtbot, make_ctx, offices["district"])
    window.ask_save_path = lambda suggested: str(folder / suggested)
    window.export_package()
    tab = window.sent_tab
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT)
    tab.table.selectRow(0)
    window.ask_save_path = lambda suggested: None  # the clerk cancelled the save dialog
    qtbot.waitUntil(lambda: not window.ctx.runner.is_busy(), timeout=WAIT)
    tab.resave_button.click()
    assert not window.ctx.runner.is_busy()  # nothing started
    window.ask_save_path = lambda suggested: str(folder / "no-such-folder" / suggested)
    tab.resave_button.click()
    qtbot.waitUntil(lambda: "无法保存文件" in window.status.text(), timeout=WAIT)


def test_an_export_whose_file_cannot_be_written_says_where_to_save_it_again(qtbot, make_ctx, offices) -> None:
    """The package is recorded as sent before it is saved: a save that fails (a folder gone, a full disk) says
    so in the window, no traceback, and 已发送 saves the same bytes again."""
    folder = offices["dir"]
    window = _window(qtbot, make_ctx, offices["district"])
    window.ask_save_path = lambda suggested: str(folder / "no-such-folder" / suggested)
    window.export_package()
    qtbot.waitUntil(lambda: "未能写出" in window.status.text(), timeout=WAIT)
    assert "第 1 号已记录" in window.status.text() and "已发送" in window.status.text(), window.status.text()
    shot(window, folder, "sync-export-not-written.png", fit=False)
    tab = window.sent_tab
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT)
    tab.table.selectRow(0)
    window.ask_save_path = lambda suggested: str(folder / suggested)
    qtbot.waitUntil(lambda: not window.ctx.runner.is_busy(), timeout=WAIT)
    tab.resave_button.click()
    qtbot.waitUntil(lambda: "与原件完全相同" in window.status.text(), timeout=WAIT)
    (saved,) = folder.glob("*.cdsync")
    db = open_database(offices["district"])
    try:
        assert outgoing.resend(db, "511100", 1).data == saved.read_bytes()
    finally:
        db.close()
