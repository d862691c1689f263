"""Shared fixtures: real database files, built once per test run and copied per test."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
from datetime import datetime
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Cheap Argon2id for the whole run, CLI subprocesses included (they inherit the environment); the
# office's parameters stay the default (tests/services/test_auth.py keeps one test at them).
os.environ["CIVICDESK_INSECURE_TEST_HASHING"] = "1"
# The offices' sync key passphrase for every test (a test without it removes it with monkeypatch); set here, not
# in tests/sync/conftest.py, so that a run of one folder (tests/services) has it too.
os.environ["CIVICDESK_KEY_PASSPHRASE"] = "test-passphrase-1"  # tests.helpers.sync.PASSPHRASE

from civicdesk import clock as program_clock  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.admin.demo import load_demo  # noqa: E402
from civicdesk.services.admin.office import init_office  # noqa: E402
from tests.helpers import pg  # noqa: E402
from tests.helpers.db import digest  # noqa: E402
from tests.helpers.shared import shared_folder  # noqa: E402
from tests.helpers.sync import (  # noqa: E402
    CITY, DISTRICTS, SHAWAN, checkpoint, export, make_office, ok, trust_each_other,
)


#: at least this much free memory in /dev/shm before the run's temporary files go there
MEMORY_TEMP_MIN = 8 << 30


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):  # a pytest-xdist worker: its controller chose for it
        _rewrite_share(config)
        return
    _temp_in_memory(config)
    _bytecode_written_once()
    pg.run_id()  # the run's PostgreSQL database names, before the workers start (they inherit it)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the run's first process, after every worker ended
        pg.drop_run_databases()


def _temp_in_memory(config: pytest.Config) -> None:
    """The run's temporary folders (``tmp_path``, the session templates) in memory (``/dev/shm``) when the
    machine has room there: the tests write, commit (fsync) and delete thousands of small databases, and on a
    disk the waits for fsync and unlink were about a fifth of the run's time; a database in memory behaves the
    same in every way a test can see.  Not when ``--basetemp`` is given, nor with ``CIVICDESK_TEST_TMP=disk``
    (pytest-xdist hands its workers folders under the controller's)."""
    if (config.option.basetemp or os.environ.get("CIVICDESK_TEST_TMP") == "disk"
            or not os.path.isdir("/dev/shm")):
        return
    try:
        stat = os.statvfs("/dev/shm")
    except OSError:
        return
    # (not where programs may not run: tests run scripts they write there, as the README's walk-through does)
    if (stat.f_bavail * stat.f_frsize >= MEMORY_TEMP_MIN and os.access("/dev/shm", os.W_OK)
            and not stat.f_flag & getattr(os, "ST_NOEXEC", 0)):
        tempfile.tempdir = "/dev/shm"


def _bytecode_written_once() -> None:
    """Where the environment says not to write bytecode (``PYTHONDONTWRITEBYTECODE``, as container images often
    set), each of the run's processes (the workers and about 150 program processes the tests start) compiled
    the program's modules and rewrote the tests' assertions again, about a tenth of the run's time.  The run
    writes them once, where Python writes them by default (``__pycache__`` beside the sources, ignored by git),
    for itself and every process it starts.  (A private ``PYTHONPYCACHEPREFIX`` folder would keep the tree clean
    but makes Python ignore the bytecode already there: every process compiled the standard library and the
    installed packages again, which cost more than it saved.)"""
    if not sys.dont_write_bytecode:
        return
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False


def _rewrite_share(config: pytest.Config) -> None:
    """Every pytest-xdist worker collects every test module, and pytest rewrites the asserts of each module it
    imports (about 5 CPU seconds for the whole suite) unless a rewritten copy is already in ``__pycache__``: from
    a clean clone both workers did all of it.  Before collecting, each worker rewrites its share (every n-th test
    file of the run's paths) and writes it where pytest looks, as pytest itself would; collecting, it finds the
    other worker's share written (or rewrites what is not there yet, as before).  pytest's own functions, so the
    copies are the ones it makes; nothing is done without bytecode writing, with ``--assert=plain``, or if this
    pytest lacks them."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if not worker.startswith("gw") or count < 2 or sys.dont_write_bytecode:
        return
    try:
        from _pytest.assertion.rewrite import (
            PYC_TAIL, _read_pyc, _rewrite_test, _write_pyc, assertstate_key, get_cache_dir, try_makedirs,
        )
    except ImportError:
        return
    state = config.stash.get(assertstate_key, None)
    if state is None or config.getoption("assertmode") != "rewrite":
        return
    files: set[Path] = set()
    for arg in config.args or [str(Path(config.rootpath, "tests"))]:
        path = Path(config.rootpath, str(arg).split("::")[0])
        if path.is_dir():
            files.update(path.rglob("test_*.py"))
        elif path.name.startswith("test_") and path.suffix == ".py":
            files.add(path)
    for source in sorted(files)[int(worker[2:])::count]:
        cache_dir = get_cache_dir(source)
        pyc = cache_dir / (source.name[:-3] + PYC_TAIL)
        if _read_pyc(source, pyc, state.trace) is not None or not try_makedirs(cache_dir):
            continue
        try:
            source_hash, code = _rewrite_test(source, config)
        except SyntaxError:
            continue  # collection reports it
        _write_pyc(state, code, source_hash, pyc)


#: each test module's CPU seconds in a recent run (``python -m pytest -p bench.pytest_cpu --write-module-costs
#: tests/module_costs.json``): the order in which the modules are handed to the workers
MODULE_COSTS = Path(__file__).with_name("module_costs.json")
#: the cost guessed for each test of a module the file does not know yet
GUESSED_COST_PER_TEST = 0.15


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The costliest modules first.  pytest-xdist hands the workers one module at a time, in the collection's
    order (``--no-loadscope-reorder``, addopts), and a worker takes its next module while it still has two tests
    to run: ordered by number of tests, as by default, a costly module of few tests (the README's walk-through:
    2 tests, 30 s) came last and ran on one worker while the other had nothing left (18 s of the run).  Costly
    first, the run ends on short modules on both workers.  Each module's own order is kept."""
    try:
        costs = json.loads(MODULE_COSTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        costs = {}
    modules = [item.nodeid.split("::")[0] for item in items]
    count = Counter(modules)
    first = {module: index for index, module in reversed(list(enumerate(modules)))}
    order = {module: (-costs.get(module, GUESSED_COST_PER_TEST * count[module]), first[module])
             for module in count}
    items[:] = [items[i] for i in sorted(range(len(items)), key=lambda i: order[modules[i]])]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (addopts) runs named tests (``pytest tests/x.py::test_y``) in this process: starting the
    workers would cost more than they save.  Otherwise pytest-xdist's own count (one per core)."""
    if config.args and all("::" in str(arg) for arg in config.args):
        return 0
    return None


def _template(folder: Path, name: str, office: tuple[str, str, str], demo: bool) -> Path:
    path = folder / f"{name}.sqlite3"
    db = open_database(path)
    init_office(db, code=office[0], name=office[1], level=office[2])
    if demo:
        load_demo(db)
    with db.engine.connect() as conn:  # fold the WAL into the main file so a plain copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def clock() -> Iterator[program_clock.FixedClock]:
    """The program's clock, stopped at 2026-11-28 10:00 local time; ``clock.advance(days=n)`` moves it.

    A test whose dates are fixed strings uses this, so that it passes on any day the suite runs.
    """
    with program_clock.use(program_clock.FixedClock(datetime(2026, 11, 28, 10, 0))) as fixed:
        yield fixed  # type: ignore[misc]


class _Templates(dict[str, Path]):
    """The template databases by key, each built the first time a test asks for it (once per run, see
    shared_folder): a run of tests that need only the empty office does not build the demo registers."""

    KINDS = {"empty": (SHAWAN, False), "city_demo": (CITY, True), "shawan_demo": (SHAWAN, True)}

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        super().__init__()
        self.tmp_path_factory = tmp_path_factory

    def __missing__(self, key: str) -> Path:
        office, demo = self.KINDS[key]

        def build(folder: Path) -> None:
            _template(folder, key, office, demo)

        folder = shared_folder(self.tmp_path_factory, f"template_{key}", build)
        self[key] = path = folder / f"{key}.sqlite3"
        return path


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _Templates(tmp_path_factory)


def _copy(templates: dict[str, Path], key: str, tmp_path: Path) -> Path:
    target = tmp_path / f"{key}.sqlite3"
    shutil.copyfile(templates[key], target)
    return target


@pytest.fixture
def db_path(templates: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of an initialised district database (沙湾区) without demo data."""
    return _copy(templates, "empty", tmp_path)


# -- both back ends: a test marked ``both_backends`` runs once on SQLite and once on PostgreSQL -----------------
# (``db``, ``city_db`` and ``shawan_db`` are then a copy of the same template on each; a test that reads the file
# itself, ``db_path``, compares with :func:`tests.helpers.pg.snapshot` instead of ``digest(db_path)``)
BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("both_backends") and "db_backend" in metafunc.fixturenames:
        metafunc.parametrize("db_backend", BACKENDS)


@pytest.fixture
def db_backend() -> str:
    """The back end of ``db``/``city_db``/``shawan_db``: SQLite, or both for a test marked ``both_backends``."""
    return "sqlite"


class _ServerTemplates(dict[str, str]):
    """The PostgreSQL counterparts of :class:`_Templates`: a database on the test server per key, built once per
    run (the first worker that asks, see shared_folder) and copied per test by the server."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        super().__init__()
        self.tmp_path_factory = tmp_path_factory

    def __missing__(self, key: str) -> str:
        server = pg.require_server()
        office, demo = _Templates.KINDS[key]

        def build(folder: Path) -> None:
            name = pg.template_name(f"{key}_all")
            database = open_database(pg.create_database(server, name))
            try:
                init_office(database, code=office[0], name=office[1], level=office[2])
                if demo:
                    load_demo(database)
            finally:
                database.close()  # no connection may stay on a template while it is copied
            pg.marker_file(folder, key).write_text(name, encoding="utf-8")

        folder = shared_folder(self.tmp_path_factory, f"pg_template_all_{key}", build)
        self[key] = name = pg.marker_file(folder, key).read_text(encoding="utf-8")
        return name


@pytest.fixture(scope="session")
def server_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _ServerTemplates(tmp_path_factory)


def _open(request: pytest.FixtureRequest, backend: str, key: str, path_fixture: str) -> Iterator[Database]:
    if backend == "sqlite":
        database = open_database(request.getfixturevalue(path_fixture))
        yield database
        database.close()
        return
    server = pg.require_server()
    template = request.getfixturevalue("server_templates")[key]
    name = pg.test_database_name()
    database = open_database(pg.create_database(server, name, template=template))
    try:
        yield database
    finally:
        database.close()
        pg.drop_database(server, name)


@pytest.fixture
def db(request: pytest.FixtureRequest, db_backend: str) -> Iterator[Database]:
    """An initialised district (沙湾区) without demo data: a copy of ``db_path``, or of its server template."""
    yield from _open(request, db_backend, "empty", "db_path")


@pytest.fixture
def city_db_path(templates: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of the city database with the whole demo register."""
    return _copy(templates, "city_demo", tmp_path)


@pytest.fixture
def city_db(request: pytest.FixtureRequest, db_backend: str) -> Iterator[Database]:
    yield from _open(request, db_backend, "city_demo", "city_db_path")


@pytest.fixture(scope="module")
def city_db_read(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The city with the whole demo register, one copy for all of a module's tests that only read it: copying its
    68 MB for each test cost more than most such tests' queries.  The module's end checks that no test wrote."""
    path = tmp_path_factory.mktemp("city_read") / "city_demo.sqlite3"
    shutil.copyfile(templates["city_demo"], path)
    database = open_database(path)
    before = digest(path)
    yield database
    database.close()
    assert digest(path) == before, "a test given city_db_read (read only) changed the database"


@pytest.fixture
def shawan_db_path(templates: dict[str, Path], tmp_path: Path) -> Path:
    return _copy(templates, "shawan_demo", tmp_path)


@pytest.fixture
def shawan_db(request: pytest.FixtureRequest, db_backend: str) -> Iterator[Database]:
    """沙湾区 with its demo share: a copy of ``shawan_db_path``, or of its server template."""
    yield from _open(request, db_backend, "shawan_demo", "shawan_db_path")


@pytest.fixture(autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """Argon2id at its cheapest in tests (the office's cost, ~0.1 s a hash, would make 1,000 logins slow).
    A test of rehashing changes the parameters itself."""
    from civicdesk.services.admin import auth

    saved = dict(auth.HASH_PARAMETERS)
    auth.HASH_PARAMETERS.update(auth.TEST_HASH_PARAMETERS)
    yield
    auth.HASH_PARAMETERS.clear()
    auth.HASH_PARAMETERS.update(saved)


# -- sync: offices with keys that trust each other (tests/sync, tests/services/test_permissions.py) ----------

@pytest.fixture(scope="session")
def sync_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city (no demo rows) and 沙湾区 (its demo share), with keys, trusting each other."""
    def build(folder: Path) -> None:
        make_office(folder, *CITY, demo=False)
        make_office(folder, "511111", DISTRICTS["511111"], "district", demo=True)
        trust_each_other(folder, "511100", "511111")
        # a third office that trusts 沙湾区 but is not the recipient of its packages
        make_office(folder, "511102", DISTRICTS["511102"], "district", demo=False)
        ok("--db", folder / "511102.sqlite3", "office", "trust", folder / "511111.cdcard", "--yes")
        for p in folder.glob("*.sqlite3"):
            checkpoint(p)

    return shared_folder(tmp_path_factory, "sync_pair", build)


@pytest.fixture(scope="session")
def first_package(sync_templates: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """沙湾区's first (full) package to the city, made once: (district db template copy, bytes)."""
    def build(folder: Path) -> None:
        for p in sync_templates.iterdir():
            shutil.copyfile(p, folder / p.name)
        files = export(folder / "511111.sqlite3", "511100", folder)
        assert len(files) == 1

    folder = shared_folder(tmp_path_factory, "first_package", build)
    (package,) = folder.glob("*.cdsync")  # the one export; the copied templates hold no package
    return folder, package.read_bytes()


def pytest_collection_finish(session: pytest.Session) -> None:
    """The collected modules (the program, its libraries, the tests) are long-lived: frozen out of the cyclic
    garbage collector's view, and its first generation collected every 20,000 allocations instead of 700, so that
    the collector no longer walks the same hundreds of thousands of objects again and again (measured on 450 tests:
    its CPU time from 2.4 s to 0.6 s, with 12 full collections down to 4).  Nothing a test sees changes: cycles are
    still collected, later; a test that needs them gone calls ``gc.collect()`` itself."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
