"""The two-phase start (ui/fast_start.py): the window painted from the peek before SQLAlchemy is imported, the
services attached after the first paint without a visible change, and the normal start whenever the database
needs something done first (set-up, login, migration)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from civicdesk.models.migrate import script_revisions
from civicdesk.services.admin import auth
from civicdesk.services.register import browse
from civicdesk.services.register import first_page
from civicdesk.services.register.browse import RegisterFilter
from civicdesk.services.core.database import make_engine, migrate, open_database
from civicdesk.ui import main as gui_main
from civicdesk.ui.context import AppContext
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.runner import Runner
from civicdesk.ui.register.org_table_model import COL_NAME, COL_USCC, FIRST_PAGE, SeqRole

ROOT = Path(__file__).resolve().parents[2]


def _browse(path: Path, sort_key: str = "name", descending: bool = False) -> tuple[list[int], int]:
    db = open_database(path)
    try:
        rows = browse.first_page(db, RegisterFilter(), sort_key, descending, FIRST_PAGE)
        return [r.seq for r in rows], browse.count(db, RegisterFilter())
    finally:
        db.close()


def _seqs(window: MainWindow) -> list[int]:
    model = window.model
    return [model.data(model.index(r, 0), SeqRole) for r in range(min(model.rowCount(), FIRST_PAGE))]


def _texts(window: MainWindow) -> list[list[str]]:
    model = window.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(FIRST_PAGE)]


@pytest.fixture
def fast_window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    made: list[AppContext] = []

    def make(path: Path) -> MainWindow:
        first = first_page.peek(path, limit=FIRST_PAGE)
        assert first is not None
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(None, settings, Runner(), "zh")
        made.append(ctx)
        window = MainWindow(ctx, first)
        qtbot.addWidget(window)
        return window

    yield make
    for ctx in made:
        ctx.runner.wait()
        if ctx.db is not None:
            ctx.db.close()


def test_painted_from_the_peek_then_attached_without_a_reset(qtbot: Any, fast_window: Any,
                                                           city_db_path: Path) -> None:
    with sqlite3.connect(city_db_path) as conn:  # the count's estimate (the largest seq) gets 7 digits, not 4
        conn.execute("UPDATE organization SET seq = 1000000 WHERE seq = (SELECT max(seq) FROM organization)")
    seqs, count = _browse(city_db_path)
    window = fast_window(city_db_path)
    assert window.ctx.db is None and _seqs(window) == seqs
    assert window.count_label.text() == "正在载入…" and "乐山市民政局" in window.windowTitle()
    shown, title = _texts(window), window.windowTitle()
    waiting = [window.new_action, window.demo_action, window.print_action, window.sync_action,
               window.filing_menus.queue_action, *window.ledger_actions]
    assert not any(a.isEnabled() for a in waiting)
    assert window.quit_action.isEnabled() and window.find_action.isEnabled()
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    numbers = window.table.verticalHeader()
    widths: list[int] = []
    window.first_painted.connect(lambda: widths.append(numbers.width()))
    with qtbot.waitSignal(window.services_attached, timeout=20_000):
        window.show()
    assert window.ctx.db is not None and widths
    qtbot.waitUntil(lambda: window.model._seqs is not None, timeout=20_000)
    assert resets == []  # the rows on the screen were taken over, not replaced
    assert _seqs(window) == seqs and _texts(window) == shown
    assert numbers.width() == widths[0]  # and did not move sideways when the count came
    assert window.windowTitle() == title
    assert window.model.rowCount() == count and window.count_label.text().startswith(f"共 {count:,} 个组织")
    assert all(a.isEnabled() for a in waiting)
    window.table.selectRow(0)  # the services work: the detail pane loads the organization
    qtbot.waitUntil(lambda: window.detail.record is not None, timeout=10_000)
    assert window.detail.record.name == window.model.data(window.model.index(0, COL_NAME))


def test_the_normal_start_paints_its_first_page_read_with_sqlite3(qtbot: Any, make_ctx: Any,
                                                                   city_db_path: Path) -> None:
    """Once the normal start has opened the database (and logged in), the window paints the first page read with
    sqlite3 at once and the services' reload takes it over: the same rows, no reset, enabled at once."""
    with sqlite3.connect(city_db_path) as conn:
        conn.execute("UPDATE organization SET seq = 1000000 WHERE seq = (SELECT max(seq) FROM organization)")
    seqs, count = _browse(city_db_path)
    ctx = make_ctx(city_db_path)
    auth.create_user(ctx.db, "admin", "passw0rd-2026", "admin")
    assert first_page.peek(city_db_path, limit=FIRST_PAGE) is None  # a login to ask: not the fast start
    first = first_page.peek(city_db_path, limit=FIRST_PAGE, opened=True)
    assert first is not None
    window = MainWindow(ctx, first)
    qtbot.addWidget(window)
    assert window.first is None and window.preview is None and _seqs(window) == seqs
    assert window.new_action.isEnabled() and all(a.isEnabled() for a in window.ledger_actions)
    shown = _texts(window)
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    numbers = window.table.verticalHeader()
    window.show()
    qtbot.waitExposed(window)
    width = numbers.width()
    qtbot.waitUntil(lambda: window.model._seqs is not None, timeout=20_000)
    assert resets == [] and _seqs(window) == seqs and _texts(window) == shown
    assert numbers.width() == width
    assert window.model.rowCount() == count


def test_a_remembered_sort_is_painted_in_its_order(qtbot: Any, fast_window: Any, make_ctx: Any,
                                                   shawan_db_path: Path, tmp_path: Path) -> None:
    normal = MainWindow(make_ctx(shawan_db_path))  # the same settings file as the fast window's
    qtbot.addWidget(normal)
    normal.table.horizontalHeader().setSortIndicator(COL_USCC, Qt.SortOrder.DescendingOrder)
    normal.save_state()
    seqs, _count = _browse(shawan_db_path, "uscc", descending=True)
    window = fast_window(shawan_db_path)
    assert (window.model.sort_key, window.model.descending) == ("uscc", True)
    assert _seqs(window) == seqs
    with qtbot.waitSignal(window.services_attached, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: window.model._seqs is not None, timeout=20_000)
    assert _seqs(window) == seqs


def test_a_search_typed_before_the_services_runs_when_they_come(qtbot: Any, fast_window: Any,
                                                              city_db_path: Path) -> None:
    window = fast_window(city_db_path)
    window.filter_bar.search.insert("通江")
    window.filter_bar.search.returnPressed.emit()  # recorded: no database yet
    assert window.ctx.db is None
    with qtbot.waitSignal(window.model.loaded, timeout=20_000) as loaded:
        window.show()
    assert loaded.args == [118]


# -- the real start, in a process of its own --------------------------------------------------------------------
def _start(db: Path, tmp_path: Path, **env: str) -> dict[str, Any]:
    """``python main.py --db PATH`` offscreen, probed (ui/start_probe.py): what was painted first and after."""
    probe = tmp_path / "probe.json"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                   "XDG_DATA_HOME": str(tmp_path / "data"), "CIVICDESK_START_PROBE": str(probe),
                   "CIVICDESK_START_PROBE_QUIT": "1", "PYTHONPATH": str(ROOT), **env}
    done = subprocess.run([sys.executable, "main.py", "--db", str(db)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return json.loads(probe.read_text(encoding="utf-8"))


def test_the_real_start_paints_before_sqlalchemy_is_imported(city_db_path: Path, tmp_path: Path) -> None:
    seqs, count = _browse(city_db_path)
    found = _start(city_db_path, tmp_path)
    assert found["fast"] is True
    painted, after = found["at_paint"], found["after"]
    assert painted["sqlalchemy"] is False and painted["attached"] is False
    assert painted["status"] == "正在载入…"
    assert painted["seqs"] == seqs and after["seqs"] == seqs
    assert painted["rows"] == after["rows"]
    assert after["count"] == count and after["status"].startswith(f"共 {count:,} 个组织")


def test_an_older_schema_starts_the_normal_way(shawan_db_path: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{shawan_db_path}"
    engine = make_engine(url)
    migrate(engine, url, script_revisions()[-2], downgrade=True)
    engine.dispose()
    assert first_page.peek(shawan_db_path) is None
    found = _start(shawan_db_path, tmp_path)
    assert found["fast"] is False and found["at_paint"]["sqlalchemy"] is True
    seqs, count = _browse(shawan_db_path)
    assert found["after"]["seqs"] == seqs  # migrated, then shown as always
    # once open, its first page read with sqlite3 is painted at once: the same rows the services then show
    assert found["at_paint"]["attached"] is True and found["at_paint"]["seqs"] == seqs
    assert found["at_paint"]["rows"] == found["after"]["rows"] and found["after"]["count"] == count


# -- the normal start's dialogs, in this process (patched, so that nothing waits for a clerk) -----------------
@pytest.fixture
def gui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: Any) -> Iterator[list[Any]]:
    """run_gui with its settings in a file of the test's own; records what the peek answered."""
    monkeypatch.setattr(gui_main, "QSettings", lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    answers: list[Any] = []
    peek = first_page.peek
    monkeypatch.setattr(first_page, "peek", lambda *a, **k: answers.append(peek(*a, **k)) or answers[-1])
    names = qapp.organizationName(), qapp.applicationName()
    yield answers
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def test_no_office_opens_the_setup_wizard(gui: list[Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from civicdesk.ui.admin import setup_wizard

    path = tmp_path / "fresh.sqlite3"
    open_database(path).close()
    asked: list[bool] = []

    class Cancelled:
        admin = None

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            asked.append(True)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(setup_wizard, "SetupWizard", Cancelled)
    assert gui_main.run_gui(str(path)) == 0
    assert gui == [None] and asked == [True]


def test_accounts_ask_for_a_login(gui: list[Any], monkeypatch: pytest.MonkeyPatch, shawan_db_path: Path) -> None:
    """Only a login to ask: it is asked before the services load (the office read with sqlite3); with the fast start
    switched off, after the database is open, as before."""
    from civicdesk.ui.admin import login_dialog

    db = open_database(shawan_db_path)
    auth.create_user(db, "admin", "passw0rd-2026", "admin")
    db.close()
    early: list[Any] = []
    monkeypatch.setattr(login_dialog, "login_before_opening",
                        lambda office, opener, *a, **k: early.append(office) or (None, None, None))
    asked: list[bool] = []
    monkeypatch.setattr(login_dialog, "login_if_needed", lambda *a, **k: asked.append(True) or (False, None))
    assert gui_main.run_gui(str(shawan_db_path)) == 0
    assert gui == [None] and [o.code for o in early] == ["511111"] and asked == []
    monkeypatch.setenv("CIVICDESK_NO_FAST_START", "1")
    assert gui_main.run_gui(str(shawan_db_path)) == 0
    assert len(early) == 1 and asked == [True]


def test_the_login_office_is_read_only_when_a_login_is_all_there_is_to_do(shawan_db_path: Path,
                                                                           db_path: Path) -> None:
    assert first_page.login_office(shawan_db_path) is None  # no accounts: the fast start's
    assert first_page.login_office(db_path.parent / "missing.sqlite3") is None
    assert first_page.login_office("postgresql://clerk@office/civicdesk") is None
    db = open_database(shawan_db_path)
    auth.create_user(db, "admin", "passw0rd-2026", "admin")
    db.close()
    office = first_page.login_office(shawan_db_path)
    assert office is not None and (office.code, office.level) == ("511111", "district")
    with sqlite3.connect(shawan_db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'older'")
    assert first_page.login_office(shawan_db_path) is None  # a migration first: the normal start
