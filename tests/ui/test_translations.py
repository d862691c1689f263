"""The English translation: complete, compiled, and loaded by the GUI when English is chosen."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from civicdesk import RESOURCES
from civicdesk.ui.main import install_translators

I18N = RESOURCES / "i18n"


def test_every_source_string_is_translated() -> None:
    words = json.loads((I18N / "en.json").read_text(encoding="utf-8"))
    for fragment in sorted((I18N / "en").glob("*.json")):  # one file per feature
        words.update(json.loads(fragment.read_text(encoding="utf-8")))
    tree = ET.parse(I18N / "civicdesk_en.ts")
    sources = [m.findtext("source") for m in tree.iter("message")]
    assert len(sources) > 100
    missing = [s for s in sources if s not in words]
    assert missing == []
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None and translation.get("type") != "unfinished", message.findtext("source")


def test_english_loads_and_translates(qapp) -> None:
    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "文件(&F)") == "&File"
        assert QCoreApplication.translate("FilterBar", "全部区县") == "All counties"
        assert QCoreApplication.translate("OrgFormDialog", "保存") == "Save"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"


def test_main_window_in_english(qtbot, make_ctx, shawan_db_path: Path, qapp) -> None:
    from civicdesk.ui.main_window import MainWindow

    translators = install_translators(qapp, "en")
    try:
        ctx = make_ctx(shawan_db_path, lang="en")
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:3] == ["&File", "&Organization", "&View"]
        assert window.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Name"
        qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
        qtbot.waitUntil(lambda: "organizations" in window.count_label.text(), timeout=20_000)  # after the first page
    finally:
        for t in translators:
            qapp.removeTranslator(t)
