"""Start the GUI: settings, language, the database (last used, or the default), first-start wizard, window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from civicdesk import RESOURCES
from civicdesk.errors import CivicDeskError

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
    from civicdesk.services.database import default_database_path, open_database
    from civicdesk.ui import database_files
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.runner import Runner

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("CivicDesk")
    app.setApplicationName("CivicDesk")
    settings = QSettings()
    language = str(settings.value("language", "") or lang or "zh")
    if lang and lang != "zh":
        language = lang
    install_translators(app, language)  # type: ignore[arg-type]

    path = Path(db_path) if db_path else (database_files.last_database(settings) or default_database_path())
    try:
        db = open_database(db_path if db_path and "://" in db_path else path)
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
    ctx = AppContext(db, settings, runner, language, user=user)
    window = MainWindow(ctx)
    window.show()
    code = app.exec()
    runner.wait()
    ctx.db.close()
    return code
