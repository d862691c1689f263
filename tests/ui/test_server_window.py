"""The GUI on an office server (issue 19): File > 连接服务器…, the password file, the recent list, the banner and
read-only window while the server is away, and two clerks' windows on one server database seeing each other's
approved filings.

The banner's fast path needs no server (a Database whose URL points at a closed port); the others run against
the test server (tests/helpers/pg.py), and the one that stops its server against a throwaway cluster of its own
(scripts/pg_test_cluster.sh pause/resume)."""

from __future__ import annotations

import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from civicdesk.errors import InputError
from civicdesk.models import make_engine
from civicdesk.services.admin import auth
from civicdesk.services.admin.office import init_office
from civicdesk.services.core import server
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.core.server_address import (
    ServerAddress,
    label,
    parse,
    password_of,
    remember_password,
    remembered_password,
    without_password,
)
from civicdesk.services.filings import service as filings
from civicdesk.services.register import browse
from civicdesk.services.register.plain import RegisterFilter
from civicdesk.ui import database_files
from civicdesk.ui.context import AppContext
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.runner import Runner
from civicdesk.ui.server_dialog import ServerDialog
from civicdesk.ui.widgets import connection_banner
from tests.factories import social_group
from tests.helpers import pg
from tests.pg.conftest import pg_template  # noqa: F401 (the run's migrated, initialised PostgreSQL template)

#: a PostgreSQL URL nobody listens at
CLOSED = "postgresql://clerk@127.0.0.1:1/office"


# -- the address, the password file, the recent list ---------------------------------------------------------------
def test_an_address_and_its_url_without_password() -> None:
    url = "postgresql://wang:s3cr%3At@db.office.local:5433/shawan?sslmode=require"
    address = parse(url)
    assert address == ServerAddress("db.office.local", 5433, "shawan", "wang", "sslmode=require")
    assert password_of(url) == "s3cr:t"
    assert without_password(url) == "postgresql://wang@db.office.local:5433/shawan?sslmode=require"
    assert label(url) == "wang@db.office.local:5433/shawan"
    assert parse(address.url("p@ss")).user == "wang" and password_of(address.url("p@ss")) == "p@ss"
    for bad in ("mysql://a@b/c", "postgresql://a@/c", "postgresql://a@host/"):
        with pytest.raises(InputError) as err:
            parse(bad)
        assert err.value.code == "server.bad_url" and "postgresql://" in err.value.message("en")


def test_the_password_file_is_libpqs_and_only_its_owners(tmp_path: Path) -> None:
    file = tmp_path / "pgpass"
    file.write_text("# a comment\n*:*:*:other:wild\n", encoding="utf-8")
    address = ServerAddress("db:1", 5432, "shawan", "wang")  # a colon in a field is escaped
    remember_password(address, "pa:ss\\word", file)
    remember_password(address, "pa:ss\\word2", file)  # replaced, never a second line
    lines = file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "db\\:1:5432:shawan:wang:pa\\:ss\\\\word2" and len(lines) == 3
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert remembered_password(address, file) == "pa:ss\\word2"
    assert remembered_password(ServerAddress("elsewhere", 5432, "x", "other"), file) == "wild"
    assert remembered_password(ServerAddress("elsewhere", 5432, "x", "nobody"), file) is None


def test_the_recent_list_keeps_a_server_without_its_password(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    file = tmp_path / "office.sqlite3"
    file.write_bytes(b"")
    database_files.remember_database(settings, file)
    database_files.remember_database(settings, "postgresql+psycopg://wang:secret@db:5432/shawan")
    assert database_files.recent_databases(settings) == ["postgresql://wang@db:5432/shawan", file.resolve()]
    assert database_files.last_database(settings) == "postgresql://wang@db:5432/shawan"
    assert "secret" not in (tmp_path / "s.ini").read_text(encoding="utf-8")


def test_the_dialog_fills_the_url_from_the_parts_and_back(qtbot: Any) -> None:
    dialog = ServerDialog(None, "postgresql://wang@db:5433/shawan")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()) == (
        "db", 5433, "shawan", "wang")
    dialog.user.setText("li")
    dialog.user.textEdited.emit("li")
    assert dialog.url.text() == "postgresql://li@db:5433/shawan"
    dialog.url.setText("nonsense")
    dialog.accept()  # a bad address: said in the dialog, which stays open
    assert "postgresql://" in dialog.problem.text() and dialog.result() == 0


def test_an_unreachable_server_is_said_in_one_line() -> None:
    with pytest.raises(Exception) as err:
        server.open_server(CLOSED)
    assert err.value.code == "server.unreachable"  # type: ignore[attr-defined]
    text = err.value.message("zh")  # type: ignore[attr-defined]
    assert "\n" not in text and "clerk@127.0.0.1:1/office" in text


# -- connection loss without a server: the banner's path ----------------------------------------------------------
def _window(qtbot: Any, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 or window.count_label.text() != "", timeout=20_000)
    return window


def test_a_lost_server_shows_one_banner_and_the_window_goes_read_only(qtbot: Any, make_ctx: Any,
                                                                      shawan_db_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    window = _window(qtbot, ctx)
    watch = window.connection
    assert not watch.banner.isVisible() and window.new_action.isEnabled()
    working = ctx.db
    ctx.runner.wait()
    gone = Database(make_engine(CLOSED), CLOSED, None)
    gone._office = working.office()  # the office as the window read it before the server went away
    ctx.db = gone
    try:
        window.model.reload()  # any read of the window that ends in db.server
        qtbot.waitUntil(lambda: watch.lost, timeout=10_000)
        assert watch.banner.isVisible()
        text = watch.banner.text.text()
        assert "clerk@127.0.0.1:1/office" in text and "只读" in text and "5 秒" in text
        assert not window.new_action.isEnabled() and not window.filing_menus.establish_action.isEnabled()
        assert not any(a.isEnabled() for a in window.ledger_actions)
        window.table.selectRow(0)  # the filing menus' refresh on a selection does not undo read-only
        assert not window.filing_menus.change_action.isEnabled()
        watch.probe()  # still away: still one banner, no dialog
        ctx.runner.wait()
        qtbot.wait(20)
        assert watch.lost and watch.banner.isVisible()
    finally:
        ctx.db = working
        gone.close()
    watch.probe()  # the server answers again
    qtbot.waitUntil(lambda: not watch.lost, timeout=10_000)
    assert not watch.banner.isVisible() and window.new_action.isEnabled()
    assert window.statusBar().currentMessage() == "已重新连接数据库服务器。"


# -- on the server ---------------------------------------------------------------------------------------------------
@pytest.fixture
def server_database(pg_template: str | None) -> Iterator[str]:  # noqa: F811
    """A fresh office database on the test server (a copy of the run's template): its URL."""
    url = pg.require_server()
    assert pg_template is not None
    name = pg.test_database_name()
    try:
        yield pg.create_database(url, name, template=pg_template)
    finally:
        pg.drop_database(url, name)


def _ctx(url: str, tmp_path: Path, user: auth.UserInfo | None = None) -> AppContext:
    settings = QSettings(str(tmp_path / f"settings-{id(user)}.ini"), QSettings.Format.IniFormat)
    return AppContext(open_database(url), settings, Runner(), "zh", user=user)


def test_two_clerks_windows_see_each_others_approved_filings(qtbot: Any, server_database: str,
                                                              tmp_path: Path) -> None:
    setup = open_database(server_database)
    admin = auth.create_user(setup, "admin", "admin123x", "admin")
    clerk = auth.create_user(setup, "wang", "clerk123x", "clerk", by=admin)
    reviewer = auth.create_user(setup, "li", "review123", "reviewer", by=admin)
    setup.close()
    here, there = _ctx(server_database, tmp_path, clerk), _ctx(server_database, tmp_path, reviewer)
    try:
        mine, theirs = _window(qtbot, here), _window(qtbot, there)
        for window in (mine, theirs):
            window.ctx.runner.wait()
            qtbot.waitUntil(lambda w=window: w.connection.mark is not None, timeout=10_000)
        assert "127.0.0.1" in mine.windowTitle() and pg.PREFIX in mine.windowTitle()
        assert browse.count(here.db, RegisterFilter()) == 0
        record = social_group(name="乐山市沙湾区两窗测试协会")
        draft = filings.draft_filing(here.db, "establish", {"record": record, "applicant": "筹备组"}, by=clerk)
        filings.transition(here.db, draft.id, "submit", by=clerk)
        filings.transition(there.db, draft.id, "approve", by=reviewer)  # the other clerk's program approves
        told: list[Any] = []  # the other views of a window (review queue, menus, dashboard) are told as well
        mine.ctx.signals.operation_executed.connect(told.append)
        for window in (mine, theirs):  # each learns of it by its watch's next probe
            window.connection.probe()
            qtbot.waitUntil(lambda w=window: w.model.rowCount() == 1, timeout=10_000)
            assert window.model.row_at(0).name == "乐山市沙湾区两窗测试协会"
        assert [c.extra for c in told] == [{"filings": True, "others": True}]
    finally:
        for ctx in (here, there):
            ctx.runner.wait()
            ctx.db.close()


@pytest.mark.slow
def test_the_server_stopped_and_started_again(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cluster of the test's own, killed (pg_ctl stop -m immediate) under an open window and started again:
    banner and read-only while it is away, back by itself (the watch's timer) when it returns."""
    pg.require_server()  # where a server can be started (CI installs PostgreSQL)
    parent = Path(tempfile.mkdtemp(prefix="civicdesk-pg-"))  # not under tmp_path: the server's user must reach it
    parent.chmod(0o755)
    folder = parent / "cluster"
    url = pg.cluster("start", folder)
    monkeypatch.setattr(connection_banner, "INTERVAL_MS", 200)
    try:
        office = pg.create_database(url, "office")
        db = open_database(office)
        init_office(db, code="511111", name="乐山市沙湾区民政局", level="district")
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(db, settings, Runner(), "zh")
        window = _window(qtbot, ctx)
        watch = window.connection
        assert watch.timer.interval() == 200 and not watch.lost
        pg.cluster("pause", folder)
        qtbot.waitUntil(lambda: watch.lost, timeout=15_000)  # the timer's probe found it gone
        assert watch.banner.isVisible() and not window.new_action.isEnabled()
        assert "postgres@127.0.0.1" in watch.banner.text.text()
        pg.cluster("resume", folder)
        qtbot.waitUntil(lambda: not watch.lost, timeout=30_000)
        assert not watch.banner.isVisible() and window.new_action.isEnabled()
        assert server.change_mark(db) >= 0  # the pool reconnected
        ctx.runner.wait()
        db.close()
    finally:
        pg.cluster("stop", folder)
        shutil.rmtree(parent, ignore_errors=True)


def test_the_watch_tells_this_programs_changes_from_another_programs(qtbot: Any, make_ctx: Any,
                                                                      shawan_db_path: Path) -> None:
    """A shared SQLite file as a server database: the window's own change (a station service day, which the
    register does not show) is not announced as another user's; another program's change on the same file is."""
    from civicdesk.services.core.validation import make_uscc
    from civicdesk.services.register.organizations import add_organization

    ctx = make_ctx(shawan_db_path)
    window = _window(qtbot, ctx)
    watch = window.connection
    ctx.runner.wait()
    qtbot.waitUntil(lambda: watch.mark is not None, timeout=10_000)
    told: list[Any] = []
    ctx.signals.operation_executed.connect(told.append)
    before = watch.mark
    mine = social_group(name="乐山市沙湾区本机新增协会", uscc=make_uscc("1", "511111", "MJ900201"))
    add_organization(ctx.db, mine)  # this program's own
    watch.probe()
    qtbot.waitUntil(lambda: watch.mark != before, timeout=10_000)
    assert told == [] and "其他用户" not in window.statusBar().currentMessage()
    assert not ctx.db.others_wrote(before, watch.mark)

    other = open_database(shawan_db_path)  # another program on the same file
    try:
        add_organization(other, social_group(name="乐山市沙湾区他机新增协会",
                                             uscc=make_uscc("1", "511111", "MJ900202")))
    finally:
        other.close()
    seen = watch.mark
    watch.probe()
    qtbot.waitUntil(lambda: watch.mark != seen, timeout=10_000)
    assert ctx.db.others_wrote(seen, watch.mark)
    assert [c.extra for c in told] == [{"filings": True, "others": True}]
    assert "其他用户" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not ctx.runner._running, timeout=10_000)  # the register's reload delivered
