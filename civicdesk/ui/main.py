"""Start the GUI: settings, language, the database (last used, or the default), first-start wizard, window.

Before Qt is asked for a window, :func:`display_problem` checks that there is a display to show it on (without
one Qt aborts with a misleading message about xcb-cursor): the GUI then says so in one line and exits 2.
Ctrl+C in the terminal closes the windows (:func:`install_interrupt`): Qt's event loop does not let Python see
signals, so a timer wakes the interpreter a few times a second.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from civicdesk import RESOURCES
from civicdesk.errors import CivicDeskError
from civicdesk.services.core.server_address import is_server_url

if TYPE_CHECKING:
    from civicdesk.services.register.first_page import FirstPage
    from civicdesk.ui.context import AppContext

TRANSLATIONS = RESOURCES / "i18n"


#: the translators the last call installed: a new language replaces them, never stacks on them (English buttons
#: under a Chinese Qt translator left from before would show 关闭, 上一步)
_INSTALLED: list[QTranslator] = []


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """English from our .qm; Qt's own strings (buttons, dialogs) in the chosen language.  Replaces what an
    earlier call installed."""
    for old in _INSTALLED:
        app.removeTranslator(old)
    _INSTALLED.clear()
    translators: list[QTranslator] = []
    qt = QTranslator(app)
    qt_lang = "zh_CN" if lang.startswith("zh") else "en"
    # month and day names (the date fields' calendars) come from the locale, not from a translator
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang.startswith("zh")
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if qt.load(QLocale(qt_lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    if not lang.startswith("zh"):
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS / f"civicdesk_{lang}.qm")):
            app.installTranslator(ours)
            translators.append(ours)
    _INSTALLED.extend(translators)
    return translators


#: Qt platforms that draw on a screen of their own (a display server is needed for the others)
_NEEDS_DISPLAY = {"", "xcb", "wayland", "wayland-egl"}
EXIT_NO_DISPLAY = 2
EXIT_INTERRUPTED = 130  # as shells report a program ended by Ctrl+C


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None,
                    lang: str | None = "zh") -> str | None:
    """One line saying there is no display to open the window on, or None when there is one (or Qt is told to
    draw elsewhere: offscreen, vnc …; or the system is not one with X11/Wayland)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    qpa = (env.get("QT_QPA_PLATFORM") or "").split(":")[0].split(";")[0].strip()
    if qpa not in _NEEDS_DISPLAY:
        return None
    has_x, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if (qpa == "xcb" and has_x) or (qpa.startswith("wayland") and has_wayland) or (not qpa and (has_x or has_wayland)):
        return None
    if lang and not lang.startswith("zh"):
        return ("CivicDesk: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): start it "
                "in a desktop session, or use the command line (civicdesk --help).")
    return "CivicDesk：没有可显示窗口的图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY）：请在桌面环境中启动，或使用命令行（civicdesk --help）。"


class Interrupt:
    """Ctrl+C (SIGINT) closes every window and ends the event loop; ``happened`` tells start-up to stop."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.happened = False
        # Python runs a signal handler only when the interpreter gets control: wake it now and then
        self.timer = QTimer(app)
        self.timer.setInterval(200)
        self.timer.timeout.connect(lambda: None)
        self.timer.start()
        try:
            self.previous: Any = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread (a test running the GUI in a thread): leave the signal alone
            self.previous = None

    def _handle(self, _signum: int, _frame: Any) -> None:
        self.happened = True
        self.app.closeAllWindows()  # dialogs reject, the main window saves its state as when closed
        self.app.quit()

    def remove(self) -> None:
        self.timer.stop()
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def install_interrupt(app: QApplication) -> Interrupt:
    return Interrupt(app)


def run_gui(db_path: str | None = None, lang: str | None = None) -> int:
    """The GUI: the fast start (:mod:`civicdesk.ui.fast_start`) when the database needs nothing done before
    the window, else the normal one: open (and migrate) the database, set-up wizard, login, then the window.
    Without a display: one line, exit 2; ended by Ctrl+C: exit 130."""
    # a server that does not answer: libpq gives up after this many seconds (the window's probe, an open)
    os.environ.setdefault("PGCONNECT_TIMEOUT", "5")
    app = QApplication.instance()
    if app is None:
        problem = display_problem(lang=lang or "zh")
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_NO_DISPLAY
        app = QApplication(sys.argv)
    interrupt = install_interrupt(app)
    try:
        return _run(app, interrupt, db_path, lang)
    finally:
        interrupt.remove()


def _run(app: Any, interrupt: Interrupt, db_path: str | None, lang: str | None) -> int:
    from civicdesk.services.register import first_page
    from civicdesk.ui import database_files
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.runner import Runner
    from civicdesk.ui.register.org_table_model import FIRST_PAGE

    app.setOrganizationName("CivicDesk")
    app.setApplicationName("CivicDesk")
    settings = QSettings()
    language = str(settings.value("language", "") or lang or "zh")
    if lang and lang != "zh":
        language = lang
    install_translators(app, language)  # type: ignore[arg-type]

    last = None if db_path else database_files.last_database(settings)
    from_last = isinstance(last, str)
    if isinstance(last, str):  # an office server opened last: its URL (the password from the prompt or ~/.pgpass)
        db_path, last = last, None
    path = Path(db_path) if db_path else (last or first_page.default_database_path())
    is_url = bool(db_path and "://" in db_path)
    first = None if is_url or os.environ.get("CIVICDESK_NO_FAST_START") else first_page.peek(path, limit=FIRST_PAGE)
    if first is not None:  # painted from the peek; the services load and attach right after the first paint
        database_files.remember_database(settings, first.path)
        return _show(app, AppContext(None, settings, Runner(), language), first, interrupt)

    office = None if is_url or os.environ.get("CIVICDESK_NO_FAST_START") else first_page.login_office(path)
    if office is not None:  # only a login to ask: asked before the services load, which load while it is typed
        from civicdesk.ui.admin import login_dialog

        def opener() -> Any:  # on the runner's thread
            from civicdesk.services.core.database import open_database

            return open_database(path)

        runner = Runner()
        user, opened, error = login_dialog.login_before_opening(office, opener, runner, lang=language)
        if error is not None:
            return 1  # said in words, as the normal start says it
        if user is None or interrupt.happened or opened is None or opened.office_or_none() is None:
            if opened is not None:
                opened.close()
            if user is not None and not interrupt.happened:  # the office went meanwhile: the normal start sees to it
                return _run_normally(app, interrupt, settings, language, db_path, path, is_url, from_last)
            return EXIT_INTERRUPTED if interrupt.happened else 0
        database_files.remember_database(settings, opened.path)
        return _show(app, AppContext(opened, settings, runner, language, user=user), _opened_page(opened), interrupt)
    return _run_normally(app, interrupt, settings, language, db_path, path, is_url, from_last)


def _run_normally(app: Any, interrupt: Interrupt, settings: QSettings, language: str, db_path: str | None,
                  path: Path, is_url: bool, from_last: bool) -> int:
    """Open (and migrate) the database, then the set-up wizard or the login, then the window."""
    from civicdesk.services.core.database import open_database
    from civicdesk.services.register import first_page
    from civicdesk.ui import database_files
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.runner import Runner

    try:
        if is_url and db_path and is_server_url(db_path):
            from civicdesk.ui.server_dialog import open_at_start

            opened = open_at_start(db_path, language)  # asks the password when the server wants one
            if opened is None:
                return EXIT_INTERRUPTED if interrupt.happened else 0
            db = opened
        else:
            db = open_database(db_path if is_url else path)
    except CivicDeskError as exc:
        if not from_last:
            QMessageBox.critical(None, "CivicDesk", exc.message(language))
            return 1
        # the server opened last does not answer: say so, and start on this computer's database instead
        QMessageBox.warning(None, "CivicDesk", exc.message(language))
        try:
            db = open_database(first_page.default_database_path())
        except CivicDeskError as again:
            QMessageBox.critical(None, "CivicDesk", again.message(language))
            return 1
    runner = Runner()
    first_admin = None
    if db.office_or_none() is None:
        from civicdesk.ui.admin.setup_wizard import SetupWizard

        wizard = SetupWizard(db, runner, lang=language)
        if not wizard.exec() or db.office_or_none() is None:
            runner.wait()
            db.close()
            return EXIT_INTERRUPTED if interrupt.happened else 0
        first_admin = wizard.admin  # logged in by the wizard: no second password prompt
    database_files.remember_database(settings, db.path or db.url)  # a server's URL without its password
    from civicdesk.ui.admin.login_dialog import login_if_needed

    proceed, user = (True, first_admin) if first_admin else login_if_needed(db, runner, lang=language)
    if not proceed or interrupt.happened:
        runner.wait()
        db.close()
        return EXIT_INTERRUPTED if interrupt.happened else 0
    return _show(app, AppContext(db, settings, runner, language, user=user), _opened_page(db), interrupt)


def _opened_page(db: Any) -> FirstPage | None:
    """The register's first page of an open SQLite file, read with sqlite3 (the window paints it at once, without
    waiting for the services' reload to reach the worker), or None."""
    from civicdesk.services.register import first_page
    from civicdesk.ui.register.org_table_model import FIRST_PAGE

    return None if db.path is None else first_page.peek(db.path, limit=FIRST_PAGE, opened=True)


def _show(app: QApplication, ctx: AppContext, first: FirstPage | None = None,
          interrupt: Interrupt | None = None) -> int:
    from civicdesk.ui import start_probe
    from civicdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, first)
    start_probe.install(window)
    window.show()
    code = app.exec()
    ctx.runner.wait()
    if ctx.db is not None:
        ctx.db.close()
    return EXIT_INTERRUPTED if interrupt is not None and interrupt.happened else code
