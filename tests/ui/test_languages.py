"""Both languages, whole (issue 13): every window and dialog, and the CLI's text output, in English shows no
Chinese outside the data, and in Chinese shows no English words outside codes, numbers and names.

Data (organization, people, division and office names, addresses, change values, population sources) is what
the database holds: the Chinese strings of those tables are taken out of a text before it is checked.  Table
cells are data and are not read; their headers are.
"""

from __future__ import annotations

import contextlib
import io
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel,
                               QLineEdit, QMenu, QTableView, QTabWidget, QTextEdit, QTreeView, QWidget,
                               QWizard)

from civicdesk.app import main as cli_main
from civicdesk.services.admin import auth
from civicdesk.services.register import browse
from civicdesk.services.filings import service as filings
from civicdesk.ui.main import install_translators

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z]{3,}")
#: Latin words allowed in Chinese text: the program's name, formats, abbreviations, file suffixes, key names
NAMES = {"CivicDesk", "PDF", "CSV", "Excel", "USCC", "xlsx", "xls", "csv", "pdf", "sqlite", "json", "JSON",
         "Ctrl", "Shift", "Esc", "Enter", "Tab", "Argon", "SHA", "UTF", "UUID", "SQLite", "civicdesk", "help",
         "limit", "lang", "Word", "WPS", "GBK",
         "lnxh"}  # the search field's example of pinyin initials (老年协会)
#: each language's own name, shown in itself in the language menu
LANGUAGE_NAMES = {"中文", "English"}
DATA_TABLES = {"organization": None, "org_person": None, "division": ("name",), "office": ("name",),
               "user_account": None, "org_change": None, "population": None,
               # the supervision records' own words (文号, reasons, findings, titles, names)
               "inspection_campaign": ("note",), "inspection_record": ("reasons", "document_no"),
               "rating_application": ("decision_no", "reason"), "inspector": ("name", "unit"),
               "spotcheck_plan": ("title",), "spotcheck_item": ("findings",)}


def data_strings(path: Path) -> list[str]:
    """Every Chinese string the database holds as data, longest first (so a name is removed before its parts)."""
    conn = sqlite3.connect(path)
    found: set[str] = set()
    try:
        for table, columns in DATA_TABLES.items():
            # table and column names come from sqlite_master, not from input
            cursor = conn.execute(f'SELECT {", ".join(columns) if columns else "*"} FROM "{table}"')
            for row in cursor:
                found.update(v for v in row if isinstance(v, str) and CJK.search(v))
    finally:
        conn.close()
    return sorted(found, key=len, reverse=True)


def without_data(text: str, data: list[str]) -> str:
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def foreign(text: str, lang: str, data: list[str]) -> list[str]:
    """The pieces of ``text`` in the other language's script."""
    text = without_data(re.sub(r"<[^>]*>", " ", text), data)  # rich text: the tags are not words
    if lang == "en":
        return [line.strip() for line in text.splitlines() if CJK.search(line) and line.strip() not in LANGUAGE_NAMES]
    text = re.sub(r"\S+@\S+|https?://\S+|/\S+|--[a-z-]+"
                  r"|[A-Za-z0-9_.-]*\.(?:pdf|csv|xlsx|sqlite3|json|qm|cdcard|cdsync)", " ", text)
    text = re.sub(r"[A-Za-z0-9-]*\d[A-Za-z0-9-]*", " ", text)  # codes with digits: ids, USCCs, numbers
    if text.strip() in LANGUAGE_NAMES:
        return []
    words = [w for w in WORD.findall(text) if w not in NAMES]
    return [f"{w!r} in {text.strip()[:160]!r}" for w in words]


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every label, title, button, tooltip, placeholder, header, tab and menu entry."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow() and w.windowTitle():
            yield name + ".title", w.windowTitle()
        for attr in ("toolTip", "statusTip", "whatsThis"):
            value = getattr(w, attr)()
            if value:
                yield f"{name}.{attr}", value
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QLineEdit):
            yield name + ".placeholder", w.placeholderText()
        elif isinstance(w, QTextEdit):
            yield name, w.toPlainText()
            yield name + ".placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            yield name + ".placeholder", w.placeholderText()
            for i in range(w.count()):
                yield f"{name}[{i}]", w.itemText(i)
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name}.tab{i}", w.tabText(i)
                yield f"{name}.tab{i}.tip", w.tabToolTip(i)
        if isinstance(w, QMenu):
            yield name, w.title()
            for action in w.actions():
                if action.menu() is not None:
                    action.menu().aboutToShow.emit()
                yield f"{name}>{action.text()}", action.text()
                tip = action.toolTip()
                yield f"{name}>{action.text()}.tip", tip if tip != action.text().replace("&", "") else ""
                yield f"{name}>{action.text()}.status", action.statusTip()
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            for orientation in (Qt.Orientation.Horizontal,):
                for i in range(model.columnCount(QModelIndex())):
                    yield f"{name}.header{i}", str(model.headerData(i, orientation) or "")
                    tip = model.headerData(i, orientation, Qt.ItemDataRole.ToolTipRole)
                    yield f"{name}.header{i}.tip", str(tip or "")
        if isinstance(w, QWizard):
            for page_id in w.pageIds():
                page = w.page(page_id)
                yield f"{name}.page{page_id}.title", page.title()
                yield f"{name}.page{page_id}.subtitle", page.subTitle()
                yield from widget_texts(page)


def problems(root: QWidget, lang: str, data: list[str]) -> list[str]:
    found = []
    for where, text in widget_texts(root):
        for piece in foreign(text or "", lang, data):
            found.append(f"{where}: {piece}")
    return sorted(set(found))


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


@pytest.fixture(params=["en", "zh"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    translators = install_translators(qapp, request.param)
    yield request.param
    for t in translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(locale)


def _registered(db: Any) -> browse.RegisterRow:
    rows = browse.first_page(db, browse.RegisterFilter(tier="registered", legal_form="social_group"), limit=20)
    return next(r for r in rows if r.legal_rep_name and r.uscc)


def test_main_window_and_dialogs_speak_one_language(qtbot: Any, make_ctx: Any, shawan_db_path: Path,
                                                    lang: str, monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    from civicdesk.ui.admin.audit_viewer import AuditViewer
    from civicdesk.ui.filings.filing_dialog import FilingDialog
    from civicdesk.ui.ledger.import_wizard import ImportWizard
    from civicdesk.ui.admin.login_dialog import ChangePasswordDialog, LoginDialog
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.register.org_form import OrgFormDialog
    from civicdesk.ui.register.org_view import OrgViewDialog
    from civicdesk.ui.printing.print_dialog import PrintDialog
    from civicdesk.ui.filings.review_queue import ReviewQueue
    from civicdesk.ui.admin.setup_wizard import SetupWizard
    from civicdesk.ui.sync.window import SyncWindow
    from civicdesk.ui.admin.users_dialog import UserFormDialog, UsersDialog
    from civicdesk.services.core.database import open_database

    monkeypatch.setenv("HOME", str(tmp_path))
    ctx = make_ctx(shawan_db_path, lang=lang)
    admin = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
    clerk = auth.create_user(ctx.db, "clerk1", "Passw0rd1", "clerk", full_name="张经办", by=admin)
    ctx.user = admin
    org = _registered(ctx.db)
    draft = filings.draft_filing(ctx.db, "change", {"organization_id": org.id, "changes": {"address": "新住所1号"}},
                                 by=clerk)
    filings.transition(ctx.db, draft.id, "submit", by=clerk)
    # names, and the example of a bureau's name
    data = data_strings(shawan_db_path) + ["管理员", "张经办", "某某区民政局", "clerk1", "admin"]

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    found = {"main window (nothing selected)": problems(window, lang, data)}
    row = window.model.row_of_id(org.id)
    window.table.selectRow(row if row is not None else 0)
    window.filing_menus.refresh()
    qtbot.waitUntil(lambda: window.detail.record is not None, timeout=20_000)
    qtbot.waitUntil(lambda: "—" not in window.count_label.text() and window.count_label.text() != "", timeout=5_000)
    ctx.runner.wait()
    QApplication.processEvents()
    found["main window"] = problems(window, lang, data)
    found["history tab"] = [f"history: {p}" for p in foreign(window.detail.history_text(), lang, data)]
    labels = window.labels

    dialogs: dict[str, Any] = {
        "org form (new)": lambda: OrgFormDialog(ctx, window),
        "org view": lambda: OrgViewDialog(ctx, labels, org.id, window),
        "filing dialog": lambda: FilingDialog(ctx, labels, draft.id, window),
        "review queue": lambda: ReviewQueue(ctx, labels, window),
        "print dialog": lambda: PrintDialog(ctx, labels, window),
        "import wizard": lambda: ImportWizard(ctx, window),
        "sync window": lambda: SyncWindow(ctx, window),
        "users dialog": lambda: UsersDialog(ctx, window),
        "new user": lambda: UserFormDialog(ctx, window),
        "audit viewer": lambda: AuditViewer(ctx, window),
        "login": lambda: LoginDialog(ctx.db, ctx.runner, window, lang=lang),
        "change password": lambda: ChangePasswordDialog(ctx.db, ctx.runner, admin, window, lang=lang),
    }
    for title, make in dialogs.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(50)
        ctx.runner.wait()
        QApplication.processEvents()
        found[title] = problems(dialog, lang, data)
        dialog.close()

    empty = open_database(tmp_path / "fresh.sqlite3")
    try:
        wizard = SetupWizard(empty, ctx.runner, window, lang=lang)
        qtbot.addWidget(wizard)
        wizard.show()
        found["setup wizard"] = problems(wizard, lang, data)
        wizard.close()
        ctx.runner.wait()
    finally:
        empty.close()
    report = "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)
    assert report == "", "\n" + report


def run(*args: str | Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main([str(a) for a in args])
    assert code == 0, f"{args}: {err.getvalue()}"
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize("cli_lang", ["en", "zh"])
def test_cli_text_speaks_one_language(shawan_db_path: Path, tmp_path: Path, cli_lang: str) -> None:
    from civicdesk.services.core.database import open_database

    db = open_database(shawan_db_path)
    try:
        org = _registered(db)
    finally:
        db.close()
    data = data_strings(shawan_db_path)
    base = ("--db", shawan_db_path, "--lang", cli_lang)
    outputs = {
        "org show": run(*base, "org", "show", org.id),
        "org list": run(*base, "org", "list", "--limit", "30"),
        "stats": run(*base, "stats"),
        "search": run(*base, "search", "老年", "--limit", "5"),
        "filing list": run(*base, "filing", "list"),
        "sync status": run(*base, "sync", "status"),
        "init": run("--db", tmp_path / "new.sqlite3", "--lang", cli_lang, "init", "--office-code", "511111",
                    "--office-name", "乐山市沙湾区民政局", "--level", "district"),
    }
    data += ["乐山市沙湾区民政局"]
    found = {}
    for command, text in outputs.items():
        bad = [p for line in text.splitlines() for p in foreign(line, cli_lang, data)]
        if bad:
            found[command] = bad
    report = "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)
    assert report == "", "\n" + report


def test_field_labels_inside_english_messages_are_english(db: Any) -> None:
    """A required field named in an English message reads in English (the services name it in Chinese)."""
    from civicdesk.services.register import organizations

    issues = organizations.check_organization(db, {"name": "沙湾区测试协会", "legal_form": "social_group",
                                              "tier": "registered"})
    english = [i.message("en") for i in issues]
    chinese = [i.message("zh") for i in issues]
    assert "'Unified social credit code' is required." in english
    assert "“统一社会信用代码”为必填项。" in chinese
    assert [m for m in english if CJK.search(m)] == []


def test_every_tr_string_reaches_the_translation() -> None:
    """pyside6-lupdate skips a tr() inside an f-string's braces (the detail pane's words stayed Chinese):
    every tr("…") literal in civicdesk/ui must be in the .ts the English comes from."""
    import ast
    import xml.etree.ElementTree as ET

    from civicdesk import RESOURCES

    sources = {m.findtext("source") for m in ET.parse(RESOURCES / "i18n" / "civicdesk_en.ts").iter("message")}
    ui = Path(__file__).resolve().parents[2] / "civicdesk" / "ui"
    missing = []
    for path in sorted(ui.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                    and node.args[0].value not in sources):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value}")
    assert missing == []


def test_qt_own_dialogs_speak_chinese(qapp: QApplication) -> None:
    """Qt's file dialogs and buttons in Chinese mode: PySide6 ships qtbase_zh_CN.qm and it is loaded."""
    translators = install_translators(qapp, "zh")
    locale = QLocale()
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
        assert CJK.search(QCoreApplication.translate("QFileDialog", "Files of type:"))
        assert CJK.search(QCoreApplication.translate("QPlatformTheme", "Cancel"))
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(locale)


def test_statistics_pdf_is_chinese_only(shawan_db_path: Path, tmp_path: Path) -> None:
    """The statistics report is printed in Chinese only: its population source too (it read 非官方数字 (estimate
    apportioning the city's 3.604million; not an official figure))."""
    from datetime import date

    from pypdf import PdfReader

    from civicdesk.services.core.database import open_database
    from civicdesk.services.printing import print_document
    from civicdesk.services.printing.kind_statistics import StatisticsOptions

    out = tmp_path / "statistics.pdf"
    db = open_database(shawan_db_path)
    try:
        print_document(db, "statistics", StatisticsOptions(), out, printed_on=date(2026, 11, 28))
    finally:
        db.close()
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(out)).pages)
    assert "人口数据来源" in text
    assert [p for line in text.splitlines() for p in foreign(line, "zh", [])] == []


def test_review_queue_tabs_are_words_not_codes(qtbot: Any, make_ctx: Any, shawan_db_path: Path,
                                               qapp: QApplication) -> None:
    """English tabs read "Draft (0)", "Under review (0)": labels, not the state codes ("draft (0)")."""
    from civicdesk.ui.labels import Labels
    from civicdesk.ui.filings.review_queue import TABS, ReviewQueue

    translators = install_translators(qapp, "en")
    locale = QLocale()
    try:
        ctx = make_ctx(shawan_db_path, lang="en")
        queue = ReviewQueue(ctx, Labels(ctx.db, "en"))
        qtbot.addWidget(queue)
        titles = [queue.tabs.tabText(i) for i in range(queue.tabs.count())]
        for key, title in zip(TABS, titles, strict=True):
            word = title.rsplit(" (", 1)[0]
            assert word != key and word[0].isupper(), title
        ctx.runner.wait()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(locale)
