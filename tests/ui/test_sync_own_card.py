"""Sync from the GUI alone (issue 13): a fresh office makes its keys in the Sync window (passphrase typed twice),
sees its own card with the fingerprint (the （本单位） row), saves the card to a file, and its first export makes
the keys when there are none.  A clerk cannot make the office's keys and is told who can."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from civicdesk.services.admin.office import init_office
from civicdesk.services.sync import keys, own_card
from civicdesk.ui.sync.keys_dialog import NewPassphraseDialog
from civicdesk.ui.sync.window import SyncWindow

PASSPHRASE = "office-key-2026"


@pytest.fixture
def fresh_office(tmp_path: Path, db_path: Path) -> Path:
    """沙湾区 set up without keys (the set-up wizard makes none; a copy of the initialised template), an admin and
    a clerk."""
    path = tmp_path / "fresh.sqlite3"
    db_path.rename(path)
    db = open_database(path)
    admin = auth.create_user(db, "admin", "Secret123", "admin")
    auth.create_user(db, "clerk1", "Secret123", "clerk", by=admin)
    db.close()
    return path


def _window(qtbot, make_ctx, path: Path, username: str = "admin") -> SyncWindow:
    ctx = make_ctx(path)
    ctx.user = auth.get_user(ctx.db, username)
    window = SyncWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._loaded_once)
    return window


def _own_rows(window: SyncWindow) -> list[str]:
    t = window.offices_table
    return [t.item(r, 1).text() for r in range(t.rowCount()) if "（本单位）" in t.item(r, 1).text()]


def test_make_keys_show_own_card_and_export_it(qtbot, make_ctx, fresh_office: Path, tmp_path: Path) -> None:
    window = _window(qtbot, make_ctx, fresh_office)
    assert window.own is None and _own_rows(window) == []
    assert window.make_keys_button.isVisible() and window.make_keys_button.isEnabled()
    assert not window.export_card_button.isEnabled()
    assert "尚未生成同步密钥" in window.own_note.text()

    window.ask_new_passphrase = lambda: PASSPHRASE
    window.make_keys_button.click()
    qtbot.waitUntil(lambda: window.own is not None, timeout=10_000)
    assert _own_rows(window) == ["乐山市沙湾区民政局（本单位）"]
    fingerprint = window.own.fingerprint
    assert len(fingerprint.split()) == 6
    assert fingerprint in window.own_fingerprint.text() and window.own_fingerprint.isVisible()
    assert not window.make_keys_button.isVisible()
    assert window.export_card_button.isEnabled()

    target = tmp_path / "511111.cdcard"
    window.ask_card_save_path = lambda suggested: str(target)
    window.export_card_button.click()
    qtbot.waitUntil(lambda: "已导出本单位名片" in window.status.text(), timeout=10_000)
    card = keys.parse_card(target.read_bytes())
    assert card.office_code == "511111" and card.fingerprint == fingerprint
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.offices_table.parentWidget()))
    window.grab().save(str(tmp_path / "sync_own_card.png"))


def test_first_export_makes_the_keys_then_exports(qtbot, make_ctx, fresh_office: Path, tmp_path: Path) -> None:
    db = open_database(tmp_path / "city.sqlite3")
    init_office(db, code="511100", name="乐山市民政局", level="city")
    keys.ensure_keys(db, PASSPHRASE)
    city_card = keys.make_card(db, PASSPHRASE)
    db.close()
    db = open_database(fresh_office)
    keys.trust_card(db, city_card, by=auth.get_user(db, "admin"))
    db.close()

    window = _window(qtbot, make_ctx, fresh_office)
    qtbot.waitUntil(lambda: window.office_combo.count() == 1)
    asked: list[str] = []
    window.ask_new_passphrase = lambda: asked.append("new") or PASSPHRASE
    window.ask_passphrase = lambda: asked.append("old") or PASSPHRASE
    window.ask_save_path = lambda suggested: str(tmp_path / suggested)
    window.export_package()
    qtbot.waitUntil(lambda: "第 1 号" in window.export_result.text(), timeout=20_000)
    assert asked == ["new"]  # typed twice once, not asked again for the export
    assert window.own is not None and (tmp_path / "CD-511111-e1-1-to-511100.cdsync").is_file()


def test_clerk_cannot_make_keys_and_is_told_who_can(qtbot, make_ctx, fresh_office: Path) -> None:
    window = _window(qtbot, make_ctx, fresh_office, "clerk1")
    assert not window.make_keys_button.isEnabled()
    assert window.make_keys_button.toolTip() == "只有管理员可以生成本单位密钥。"
    assert "请管理员" in window.own_note.text()
    db = open_database(fresh_office)
    try:
        with pytest.raises(CivicDeskError) as refused:
            own_card.make_office_keys(db, PASSPHRASE, by=auth.get_user(db, "clerk1"))
        assert refused.value.code == "auth.forbidden"
        assert not keys.has_keys(db)
    finally:
        db.close()


def test_passphrase_typed_twice(qtbot) -> None:
    dialog = NewPassphraseDialog("乐山市沙湾区民政局")
    qtbot.addWidget(dialog)
    ok: QPushButton = dialog.ok_button
    assert not ok.isEnabled() and dialog.message.text() == ""
    qtbot.keyClicks(dialog.first, "short")
    assert dialog.message.text() == "口令至少需要 8 个字符（现为 5 个）。" and not ok.isEnabled()
    qtbot.keyClicks(dialog.first, "-but-long")
    qtbot.keyClicks(dialog.second, "short-but-lung")
    assert dialog.message.text() == "两次输入的口令不一致。" and not ok.isEnabled()
    dialog.second.setText("short-but-long")
    assert dialog.message.text() == "" and ok.isEnabled()
    assert dialog.passphrase() == "short-but-long"
