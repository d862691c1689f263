"""Start the GUI: settings, language, the database (last used, or the default), first-start wizard, window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from civicdesk import RESOURCES
from civicdesk.errors import CivicDeskError

if TYPE_CHECKING:
    from civicdesk.services.first_page import FirstPage
    from civicdesk.ui.context import AppContext

TRANSLATIONS = RESOURCES / "i18n"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """English from our .qm; Qt's own strings (buttons, dialogs) in the chosen language."""
    translators: list[QTranslator] = []
    qt = QTranslator(app)
    qt_lang = "zh_CN" if lang.startswith("zh") else "en"
    if qt.load(QLocale(qt_lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    if not lang.startswith("zh"):
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS / f"civicdesk_{lang}.qm")):
            app.installTranslator(ours)
            translators.append(ours)
    return translators


def run_gui(db_path: str | None = None, lang: str | None = None) -> int:
    """The GUI: the fast start (:mod:`civicdesk.ui.fast_start`) when the database needs nothing done before
    the window, else the normal one: open (and migrate) the database, set-up wizard, login, then the window."""
    from civicdesk.services import first_page
    from civicdesk.ui import database_files
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.runner import Runner
    from civicdesk.ui.tables.org_table_model import FIRST_PAGE

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("CivicDesk")
    app.setApplicationName("CivicDesk")
    settings = QSettings()
    language = str(settings.value("language", "") or lang or "zh")
    if lang and lang != "zh":
        language = lang
    install_translators(app, language)  # type: ignore[arg-type]

    path = Path(db_path) if db_path else (database_files.last_database(settings) or first_page.default_database_path())
    is_url = bool(db_path and "://" in db_path)
    first = None if is_url or os.environ.get("CIVICDESK_NO_FAST_START") else first_page.peek(path, limit=FIRST_PAGE)
    if first is not None:  # painted from the peek; the services load and attach right after the first paint
        database_files.remember_database(settings, first.path)
        return _show(app, AppContext(None, settings, Runner(), language), first)

    from civicdesk.services.database import open_database

    try:
        db = open_database(db_path if is_url else path)
    except CivicDeskError as exc:
        QMessageBox.critical(None, "CivicDesk", exc.message(language))
        return 1
    runner = Runner()
    first_admin = None
    if db.office_or_none() is None:
        from civicdesk.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(db, runner, lang=language)
        if not wizard.exec() or db.office_or_none() is None:
            runner.wait()
            db.close()
            return 0
        first_admin = wizard.admin  # logged in by the wizard: no second password prompt
    if db.path is not None:
        database_files.remember_database(settings, db.path)
    from civicdesk.ui.login_dialog import login_if_needed

    proceed, user = (True, first_admin) if first_admin else login_if_needed(db, runner, lang=language)
    if not proceed:
        runner.wait()
        db.close()
        return 0
    return _show(app, AppContext(db, settings, runner, language, user=user))


def _show(app: QApplication, ctx: AppContext, first: FirstPage | None = None) -> int:
    from civicdesk.ui import start_probe
    from civicdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, first)
    start_probe.install(window)
    window.show()
    code = app.exec()
    ctx.runner.wait()
    if ctx.db is not None:
        ctx.db.close()
    return code
