"""The README's examples, run as written: every ``sh`` block after the first two commands, in order, in one
empty folder, by bash with ``set -e``, with a ``civicdesk`` command on the PATH (as after
``. .venv/bin/activate``) and an empty home folder.

Each ``civicdesk`` line is its own process, with its own arguments, environment, working folder, stdin, stdout,
stderr and exit code; to spare ~50 interpreter start-ups (a second each), the process is forked from one that has
already imported the program (like multiprocessing's forkserver) and filled the caches a process fills on first
use: the demo register built from its fixed seed (``demo``: three of them, ~3 s each), the print fonts registered
with reportlab (each ``print``: ~1 s), alembic's modules (``init``), the ORM's configured mappers (0.1 s at
each first query), pypinyin's dictionaries (0.5 s at each first name written), the command line's parser
(its ~300 options, about 0.03 s at each command) and the pages of a new database (each ``init``: 0.4 s of
migrations; the file is the same, see civicdesk.services.core.database._create_from_image).  A command computes the same
from them; a fork just does not pay for them again.  The installed console script itself is run by
tests/integration/test_cli.py::test_main_py_and_console_script_are_the_same_program.

One test, one server: split into parts for the xdist workers, each part would pay for its own server and warm-up
and repeat the city's ``init`` and ``demo`` that the sync examples build on, for more CPU time than the split
saves (the walk-through's module is collected early, so its worker is not the one that ends the run)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from tests.helpers import pg

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
BLOCKS = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)
#: the office server's examples: run after the others, on a database of the test server (tests/helpers/pg.py)
PG_BLOCKS = re.compile(r"^```sh postgresql\n(.*?)^```", re.S | re.M)
PG_SERVER = re.compile(r"^server=\S+", re.M)

#: the ``civicdesk`` on the PATH: hands its arguments, environment, folder and standard streams to the server
#: (``-S``: no site packages to import, it starts in milliseconds) and exits with the command's exit code
SHIM = textwrap.dedent("""\
    import json, os, socket, sys
    conn = socket.socket(socket.AF_UNIX)
    conn.connect(os.environ["CIVICDESK_TEST_FORKSERVER"])
    message = json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
    socket.send_fds(conn, [len(message).to_bytes(8, "big") + message], [0, 1, 2])
    answer = b""
    while chunk := conn.recv(64):
        answer += chunk
    sys.exit(int(answer or b"1"))
""")

#: imports the whole program once, then forks one child per command: the child takes the command's streams,
#: folder and environment and runs ``civicdesk.app.main`` as the console script does
SERVER = textwrap.dedent("""\
    import importlib, json, os, pkgutil, socket, sys
    import civicdesk, civicdesk.app
    for module in pkgutil.walk_packages(civicdesk.__path__, "civicdesk."):
        if not module.name.startswith(("civicdesk.ui", "civicdesk.app")):
            importlib.import_module(module.name)
    import alembic.command, alembic.runtime.migration, alembic.script  # noqa: E401
    import sqlalchemy.orm
    from civicdesk.cli import build_parser
    from civicdesk.services.admin.demo import build_demo
    from civicdesk.services.printing.fonts import resolve_fonts
    from civicdesk.services.register.search import pinyin
    build_demo()  # the caches every process fills on first use (see the module's docstring)
    resolve_fonts()
    sqlalchemy.orm.configure_mappers()
    pinyin("老年协会")
    build_parser()  # each command sets the parser's defaults from its own environment (civicdesk.cli.build_parser)
    import tempfile
    from civicdesk.services.core.database import open_database
    with tempfile.TemporaryDirectory() as folder:  # the pages of a new database (an ``init`` copies them)
        open_database(os.path.join(folder, "new.sqlite3")).close()
    server = socket.socket(socket.AF_UNIX)
    server.bind(sys.argv[1])
    server.listen()
    print("ready", flush=True)
    while True:
        conn, _ = server.accept()
        data, fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
        size = int.from_bytes(data[:8], "big")
        while len(data) < size + 8:
            data += conn.recv(1 << 20)
        request = json.loads(data[8:])
        pid = os.fork()
        if pid == 0:
            server.close()
            conn.close()
            for number, fd in enumerate(fds):
                os.dup2(fd, number)
                os.close(fd)
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(request["env"])
            sys.argv = ["civicdesk", *request["argv"]]
            try:
                code = civicdesk.app.main(request["argv"])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code or 0)
        for fd in fds:
            os.close(fd)
        _, status = os.waitpid(pid, 0)
        conn.sendall(str(os.waitstatus_to_exitcode(status) % 256).encode())
        conn.close()
""")


def blocks() -> list[str]:
    return BLOCKS.findall(README.read_text(encoding="utf-8"))


@pytest.fixture
def civicdesk_on_path(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A folder holding the ``civicdesk`` command, and the environment of the README's shell."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CIVICDESK_") or k == "CIVICDESK_INSECURE_TEST_HASHING"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               LANG="C.UTF-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "civicdesk"
    command.write_text(f"#!{sys.executable} -S\n{SHIM}", encoding="utf-8")
    command.chmod(0o755)
    sockets = tempfile.TemporaryDirectory(prefix="cd-")  # a socket's path holds at most 107 bytes
    socket_path = Path(sockets.name) / "forkserver.sock"
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(socket_path)], env=env, cwd=tmp_path,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        env.update(CIVICDESK_TEST_FORKSERVER=str(socket_path),
                   PATH=f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}")
        yield tmp_path, env
    finally:
        server.kill()
        server.wait()
        sockets.cleanup()


def test_the_readme_opens_with_exactly_two_commands() -> None:
    first = [line for line in blocks()[0].splitlines() if line.strip()]
    assert first == ["sh scripts/setup.sh && .venv/bin/python main.py",
                     "sh scripts/setup.sh test && .venv/bin/python -m pytest"]


def test_every_example_in_the_readme_runs_as_written(civicdesk_on_path: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = civicdesk_on_path
    examples = blocks()[1:]
    assert len(examples) >= 5 and all("civicdesk" in b for b in examples)
    script = "set -euo pipefail\n" + "\n".join(examples)
    server = pg.server_url()
    database = pg.test_database_name()
    if server is not None:  # the office server's block on a database of the test server, its URL for the example's
        url = pg.create_database(server, database)
        pg_examples = PG_BLOCKS.findall(README.read_text(encoding="utf-8"))
        assert len(pg_examples) == 1 and len(PG_SERVER.findall(pg_examples[0])) == 1
        script += "\n" + PG_SERVER.sub(lambda _: f"server='{url}'", pg_examples[0])
    work = tmp_path / "work"
    work.mkdir()
    try:
        done = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True,
                              timeout=600, check=False)
    finally:
        if server is not None:
            pg.drop_database(server, database)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr
    # what the walk-through made is there and says what the README says it does
    text = pypdf.PdfReader(work / "sheet.pdf").pages[0].extract_text()
    assert "沙湾区爱心学校" in text
    assert list((work / "发件").glob("CD-511111-*-to-511100.cdsync"))
    assert (work / "重发.cdsync").read_bytes() == next((work / "发件").glob("*.cdsync")).read_bytes()


def test_the_office_server_examples_ran() -> None:
    """The office server's block runs only with a server (above): without one this says so (fails under CI)."""
    pg.require_server()
    assert PG_BLOCKS.findall(README.read_text(encoding="utf-8"))
