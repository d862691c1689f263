"""The Sync window trusts an office card: fingerprint in groups and the phone check, trust only after the tick;
a changed key shown as a warning; declining or a bad file changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

from civicdesk.services.core.database import open_database
from civicdesk.services.admin.office import init_office
from civicdesk.services.sync import keys
from civicdesk.ui.sync.trust_dialog import TrustCardDialog
from tests.ui import test_sync_window
from tests.ui.test_sync_window import PASSPHRASE, _window

offices = test_sync_window.offices  # the fixture: two offices that trust each other

# a sync job reads, checks and writes real packages: on a loaded 2-core machine it takes seconds
WAIT = 30_000


def shot(widget, folder: Path, name: str, *, fit: bool = True) -> None:
    """A screenshot beside the test's files, and in $CIVICDESK_SHOTS when set (to look at)."""
    if fit:
        widget.adjustSize()
    image = widget.grab()
    image.save(str(folder / name))
    if os.environ.get("CIVICDESK_SHOTS"):
        Path(os.environ["CIVICDESK_SHOTS"]).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(os.environ["CIVICDESK_SHOTS"]) / name))


def card_of(folder: Path, code: str, name: str) -> tuple[Path, str]:
    """A new office's card file (fresh keys) and its fingerprint."""
    db = open_database(folder / f"{code}-{os.urandom(3).hex()}.sqlite3")
    try:
        init_office(db, code=code, name=name, level="district")
        keys.ensure_keys(db, PASSPHRASE)
        data = keys.make_card(db, PASSPHRASE)
    finally:
        db.close()
    path = folder / f"{code}-{os.urandom(3).hex()}.cdcard"
    path.write_bytes(data)
    return path, keys.parse_card(data).fingerprint


def fingerprints(window) -> dict[str, str]:
    t = window.offices_table
    return {t.item(r, 0).text(): t.item(r, 3).text() for r in range(t.rowCount())}


def test_new_office_is_trusted_only_after_the_phone_check(qtbot, make_ctx, offices) -> None:
    folder = offices["dir"]
    window = _window(qtbot, make_ctx, offices["city"])
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.offices_table.parentWidget()))
    path, fingerprint = card_of(folder, "511102", "乐山市市中区民政局")
    seen = {}

    def confirm(check: keys.TrustCheck) -> bool:
        dialog = TrustCardDialog(check, window)
        qtbot.addWidget(dialog)
        dialog.show()
        groups = dialog.fingerprint.text().split()
        assert groups == fingerprint.split() and len(groups) == 6 and all(len(g) == 5 for g in groups)
        assert "电话" in dialog.instruction.text() and dialog.warning.isHidden()
        assert not dialog.trust_button.isEnabled()  # nothing is trusted without the tick
        shot(dialog, folder, "sync_trust_new.png")
        dialog.confirmed.setChecked(True)
        assert dialog.trust_button.isEnabled()
        seen["code"] = check.card.office_code
        dialog.trust_button.click()
        return dialog.result() == TrustCardDialog.DialogCode.Accepted

    window.confirm_trust = confirm
    window.ask_card_path = lambda: str(path)
    window.trust_button.click()
    qtbot.waitUntil(lambda: "511102" in fingerprints(window), timeout=WAIT)
    assert seen == {"code": "511102"} and fingerprints(window)["511102"] == fingerprint
    assert "已信任" in window.status.text()
    shot(window, folder, "sync_offices.png", fit=False)


def test_changed_key_is_a_warning_and_declining_changes_nothing(qtbot, make_ctx, offices) -> None:
    folder = offices["dir"]
    window = _window(qtbot, make_ctx, offices["city"])
    qtbot.waitUntil(lambda: window.offices_table.rowCount() == 2, timeout=WAIT)
    old = fingerprints(window)["511111"]
    path, new = card_of(folder, "511111", "乐山市沙湾区民政局")
    answers = iter([False, True])

    def confirm(check: keys.TrustCheck) -> bool:
        dialog = TrustCardDialog(check, window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert check.known and not check.same_keys
        assert not dialog.warning.isHidden() and "已更改" in dialog.warning.text() and old in dialog.warning.text()
        assert dialog.trust_button.text() == "信任新密钥" and not dialog.trust_button.isEnabled()
        shot(dialog, folder, "sync_trust_changed_key.png")
        return next(answers)

    window.confirm_trust = confirm
    window.ask_card_path = lambda: str(path)
    window.trust_button.click()
    qtbot.waitUntil(lambda: window.status.text().startswith("未信任"), timeout=WAIT)
    assert fingerprints(window)["511111"] == old
    window.trust_button.click()
    qtbot.waitUntil(lambda: fingerprints(window).get("511111") == new, timeout=WAIT)
    assert "新密钥" in window.status.text()


def test_same_card_again_and_a_bad_file_are_told_in_chinese(qtbot, make_ctx, offices, templates) -> None:
    folder = offices["dir"]
    window = _window(qtbot, make_ctx, offices["city"])
    db = open_database(offices["district"])
    try:
        same = folder / "same.cdcard"
        same.write_bytes(keys.make_card(db, PASSPHRASE))
    finally:
        db.close()
    window.ask_card_path = lambda: str(same)

    def confirm(check: keys.TrustCheck) -> bool:
        dialog = TrustCardDialog(check, window)
        assert "无需再次信任" in dialog.warning.text() and dialog.trust_button.isHidden()
        return False

    window.confirm_trust = confirm
    window.trust_button.click()
    qtbot.waitUntil(lambda: "已信任，密钥未变" in window.status.text(), timeout=WAIT)
    bad = folder / "bad.cdcard"
    bad.write_bytes(b"{not a card")
    window.ask_card_path = lambda: str(bad)
    window.trust_button.click()
    qtbot.waitUntil(lambda: "不是有效的单位名片" in window.status.text(), timeout=WAIT)
    window.ask_card_path = lambda: str(folder / "missing.cdcard")
    window.trust_button.click()
    qtbot.waitUntil(lambda: "找不到文件" in window.status.text(), timeout=WAIT)
