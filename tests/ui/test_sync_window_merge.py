"""Merging a conflict field by field in the Sync window: one field from the other office, a text field typed by
the reviewer; confirmed before it is written; the conflict resolved with the merged values."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from civicdesk.models import Organization
from civicdesk.services.core.database import open_database
from civicdesk.services.sync import conflicts, incoming, outgoing
from civicdesk.ui.sync.merge_dialog import LOCAL, REMOTE, TYPED, MergeDialog
from tests.ui import test_sync_window
from tests.ui.test_sync_window import PASSPHRASE, _window
from tests.ui.test_sync_window_trust import shot

offices = test_sync_window.offices  # the fixture: two offices that trust each other

# a sync job reads, checks and writes real packages: on a loaded 2-core machine it takes seconds
WAIT = 30_000


def _conflict(district: Path, city: Path) -> str:
    """Both offices hold 沙湾区's register; each edits the address and the member count of one organization;
    the city imports the district's edit: one conflict over both fields.  Returns the organization's id."""
    pair = {path: open_database(path) for path in (district, city)}
    try:
        for a, b in ((district, city), (city, district)):
            (p,) = outgoing.export(pair[a], "511100" if a == district else "511111", PASSPHRASE)
            incoming.import_blobs(pair[b], [(p.file_name, p.data)], PASSPHRASE)
        with pair[district].read() as s:
            org_id = s.query(Organization.id).order_by(Organization.uscc).first()[0]
        for path, address, members in ((district, "区里的住所", 31), (city, "市里的住所", 42)):
            with pair[path].unit() as s:
                org = s.get(Organization, org_id)
                org.address, org.member_count = address, members
        (p,) = outgoing.export(pair[district], "511100", PASSPHRASE)
        incoming.import_blobs(pair[city], [(p.file_name, p.data)], PASSPHRASE)
    finally:
        for db in pair.values():
            db.close()
    return org_id


def test_merge_field_by_field_after_confirmation(qtbot, make_ctx, offices, monkeypatch) -> None:
    folder = offices["dir"]
    org_id = _conflict(offices["district"], offices["city"])
    window = _window(qtbot, make_ctx, offices["city"])
    qtbot.waitUntil(lambda: window.conflict_list.rowCount() == 1, timeout=WAIT)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.conflicts_page))
    assert not window.merge_button.isEnabled()
    window.conflict_list.selectRow(0)
    assert window.merge_button.isEnabled()
    shot(window, folder, "sync_conflicts_merge_button.png", fit=False)
    shown = {}

    def ask_merge(conflict: conflicts.ConflictView) -> dict | None:
        dialog = MergeDialog(conflict, conflicts.typed_fields(conflict.entity), "zh", window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert conflict.fields == ["address", "member_count"]
        # a number is chosen from one side; only a text field can be typed
        assert dialog.findChild(type(dialog.edits["address"]), "address:edit") is not None
        assert "member_count" not in dialog.edits and dialog.groups["member_count"].button(TYPED) is None
        assert dialog.groups["address"].button(LOCAL).text() == "市里的住所"
        assert dialog.groups["address"].button(REMOTE).text() == "区里的住所"
        dialog.choose("member_count", REMOTE)
        dialog.choose("address", TYPED, "四川省乐山市沙湾区核实后的住所")
        shot(dialog, folder, "sync_merge.png")
        shown["values"] = dialog.values()
        dialog.merge_button.click()
        return dialog.values() if dialog.result() == MergeDialog.DialogCode.Accepted else None

    window.ask_merge = ask_merge
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    qtbot.waitUntil(lambda: not window.ctx.runner.is_busy(), timeout=WAIT)
    window.merge_button.click()  # declined at the confirmation: nothing written
    assert not window.ctx.runner.is_busy()
    window.merge_button.click()
    conflicts_tab = window.tabs.indexOf(window.conflicts_page)
    qtbot.waitUntil(lambda: window.tabs.tabText(conflicts_tab) == "冲突（0）", timeout=WAIT)
    assert shown["values"] == {"address": "四川省乐山市沙湾区核实后的住所", "member_count": 31}
    db = open_database(offices["city"])
    try:
        with db.read() as s:
            org = s.get(Organization, org_id)
            assert (org.address, org.member_count) == ("四川省乐山市沙湾区核实后的住所", 31)
        (view,) = conflicts.list_conflicts(db)
        assert view.resolution["take"] == "merge" and view.resolution["values"]["member_count"] == 31
    finally:
        db.close()
    window.conflict_list.selectRow(0)
    assert not window.merge_button.isEnabled()  # resolved: nothing more to merge


def test_merge_dialog_starts_from_the_value_held_and_cancel_writes_nothing(qtbot, make_ctx, offices) -> None:
    _conflict(offices["district"], offices["city"])
    window = _window(qtbot, make_ctx, offices["city"])
    qtbot.waitUntil(lambda: window.conflict_list.rowCount() == 1, timeout=WAIT)
    window.conflict_list.selectRow(0)
    conflict = window.selected_conflict()
    dialog = MergeDialog(conflict, conflicts.typed_fields(conflict.entity), "zh", window)
    qtbot.addWidget(dialog)
    held = {f: conflict.current_values[f] for f in conflict.fields}
    assert dialog.values() == held  # nothing chosen yet: what the provisional winner holds
    window.ask_merge = lambda c: None  # the reviewer cancelled
    qtbot.waitUntil(lambda: not window.ctx.runner.is_busy(), timeout=WAIT)
    window.merge_button.click()
    assert not window.ctx.runner.is_busy()
    assert window.tabs.tabText(window.tabs.indexOf(window.conflicts_page)) == "冲突（1）"
