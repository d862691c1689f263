"""The Sync window over two real databases: export with the save dialog, import by drag and drop, status and
trusted offices with fingerprints, a conflict side by side resolved by a click."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from civicdesk.services.core.database import open_database
from civicdesk.services.sync import incoming, outgoing
from civicdesk.ui.sync.window import SyncWindow

PASSPHRASE = "test-passphrase-1"

# a sync job reads, checks and writes real packages: on a loaded 2-core machine it takes seconds
WAIT = 30_000


@pytest.fixture
def offices(sync_window_offices: Path, tmp_path: Path) -> dict[str, Path]:
    """沙湾区 with its demo share and an empty city, with keys, trusting each other: fresh copies."""
    for name in ("district.sqlite3", "city.sqlite3"):
        shutil.copyfile(sync_window_offices / name, tmp_path / name)
    return {"district": tmp_path / "district.sqlite3", "city": tmp_path / "city.sqlite3", "dir": tmp_path}


def _window(qtbot, make_ctx, path: Path) -> SyncWindow:
    ctx = make_ctx(path)
    window = SyncWindow(ctx)
    window.ask_passphrase = lambda: PASSPHRASE
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.office_combo.count() == 1, timeout=WAIT)
    return window


def test_export_drop_import_status_and_fingerprints(qtbot, make_ctx, offices) -> None:
    folder = offices["dir"]
    sender = _window(qtbot, make_ctx, offices["district"])
    sender.ask_save_path = lambda suggested: str(folder / suggested)
    sender.export_package()
    qtbot.waitUntil(lambda: "CD-511111-e1-1-to-511100.cdsync" in sender.export_result.text(), timeout=WAIT)
    package = folder / "CD-511111-e1-1-to-511100.cdsync"
    assert package.is_file()
    sender.grab().save(str(folder / "sync_export.png"))

    receiver = _window(qtbot, make_ctx, offices["city"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(package))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    receiver.drop_list.dropEvent(drop)
    assert receiver.drop_list.files() == [str(package)]
    receiver.import_files()
    qtbot.waitUntil(lambda: receiver.import_results.rowCount() == 1, timeout=WAIT)
    assert receiver.import_results.item(0, 1).text() == "已导入"
    qtbot.waitUntil(lambda: receiver.status_table.item(0, 4) is not None
                    and receiver.status_table.item(0, 4).text().startswith("#1"), timeout=WAIT)
    fingerprints = [receiver.offices_table.item(r, 3).text() for r in range(receiver.offices_table.rowCount())]
    assert len(fingerprints) == 2 and all(len(f.split(" ")) == 6 for f in fingerprints)
    receiver.tabs.setCurrentIndex(receiver.tabs.indexOf(receiver.status_table.parentWidget()))
    receiver.grab().save(str(folder / "sync_status.png"))


def test_conflict_side_by_side_and_resolved(qtbot, make_ctx, offices, monkeypatch) -> None:
    from civicdesk.models import Organization

    district, city = offices["district"], offices["city"]
    pair = {}
    for path in (district, city):
        pair[path] = open_database(path)
    try:
        for a, b in ((district, city), (city, district)):
            (p,) = outgoing.export(pair[a], "511100" if a == district else "511111", PASSPHRASE)
            incoming.import_blobs(pair[b], [(p.file_name, p.data)], PASSPHRASE)
        with pair[district].read() as s:
            org_id = s.query(Organization.id).order_by(Organization.uscc).first()[0]
        for path, value in ((district, "区里的住所"), (city, "市里的住所")):
            with pair[path].unit() as s:
                s.get(Organization, org_id).address = value
        (p,) = outgoing.export(pair[district], "511100", PASSPHRASE)
        incoming.import_blobs(pair[city], [(p.file_name, p.data)], PASSPHRASE)
    finally:
        for db in pair.values():
            db.close()
    window = _window(qtbot, make_ctx, city)
    qtbot.waitUntil(lambda: window.conflict_list.rowCount() == 1, timeout=WAIT)
    conflicts_tab = window.tabs.indexOf(window.conflicts_page)
    assert window.tabs.tabText(conflicts_tab) == "冲突（1）"
    window.tabs.setCurrentIndex(conflicts_tab)
    window.conflict_list.selectRow(0)
    row = [window.side_by_side.item(0, c).text() for c in range(4)]
    assert row[0] == "address" and {row[1], row[2]} == {"区里的住所", "市里的住所"}
    window.grab().save(str(offices["dir"] / "sync_conflicts.png"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.take_remote.click()
    qtbot.waitUntil(lambda: window.tabs.tabText(conflicts_tab) == "冲突（0）", timeout=WAIT)
    assert window.side_by_side.rowCount() == 0 or window.conflict_list.item(0, 3).text() == "已解决"
