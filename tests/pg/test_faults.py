"""The server killed in the middle of a unit of work (``pg_ctl stop -m immediate``) and started again: nothing of
the unit in flight is in the database, what was committed before is, the clerk saw one line (``db.server``),
and the program's next unit reconnects by itself (the pool checks a connection before lending it).

The test starts a cluster of its own (scripts/pg_test_cluster.sh in a temporary folder): killing the run's shared
server would fail every other test.  Making a cluster costs several seconds, so it runs with ``-m slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from civicdesk.errors import DatabaseError
from civicdesk.models import audit as chain
from civicdesk.services.admin import audit
from civicdesk.services.admin.office import init_office
from civicdesk.services.core.database import open_database
from tests.helpers import pg

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "pg_test_cluster.sh"

pytestmark = pytest.mark.slow


def _pg_ctl() -> str:
    """The server's pg_ctl, where scripts/pg_test_cluster.sh finds it."""
    found = shutil.which("pg_ctl") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                                                        key=lambda p: int(p.parts[-3]))), None)
    if found is None:
        pytest.skip("PostgreSQL's pg_ctl not found")
    return str(found)


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    """A throwaway server of the test's own: its URL, and stopping (killed) and starting it again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        done = subprocess.run(["sh", str(SCRIPT), "start", str(folder)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.fail(f"could not start a PostgreSQL cluster: {done.stderr.strip()}", pytrace=False)
        self.server = done.stdout.strip().splitlines()[-1]
        self.port = make_url(self.server).port

    def kill(self) -> None:
        subprocess.run(_as_owner([_pg_ctl(), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, check=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        subprocess.run(_as_owner([_pg_ctl(), "-D", str(self.folder / "data"), "-l", str(self.folder / "server.log"),
                                  "-w", "-t", "60", "-o", options, "start"]), capture_output=True, check=True)

    def remove(self) -> None:
        subprocess.run(["sh", str(SCRIPT), "stop", str(self.folder)], capture_output=True, check=False)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    pg.require_server()  # the PostgreSQL tests are wanted (and the binaries are there)
    # a folder the server's user can reach (pytest's own is its runner's alone)
    parent = Path(tempfile.mkdtemp(prefix="civicdesk-killed-"))
    parent.chmod(0o755)
    made = Cluster(parent / "cluster")
    try:
        yield made
    finally:
        made.remove()
        shutil.rmtree(parent, ignore_errors=True)


def test_the_server_killed_mid_unit(cluster: Cluster) -> None:
    url = pg.create_database(cluster.server, "office")
    with pg._admin(cluster.server) as conn:  # every commit on disk when it returns (the script turns that off)
        conn.exec_driver_sql('ALTER DATABASE "office" SET synchronous_commit = on')  # type: ignore[attr-defined]
    db = open_database(url)
    try:
        init_office(db, code="511111", name="乐山市沙湾区民政局", level="district")
        with db.unit(actor="wang") as session:
            chain.record(session, "test.committed")
        before = audit.count(db)

        with pytest.raises(DatabaseError) as err:
            with db.unit(actor="wang") as session:
                chain.record(session, "test.in_flight", n=1)
                session.execute(text("UPDATE office SET name = name || '（未完）' WHERE is_local"))
                chain.record(session, "test.in_flight", n=2)
                session.flush()
                cluster.kill()  # mid-transaction: the unit's rows are written but not committed
        assert err.value.code == "db.server"
        assert "\n" not in err.value.message("zh") and "\n" not in err.value.message("en")

        with pytest.raises(DatabaseError) as err:  # the server is down: one line, for a write or a read
            with db.unit(actor="wang") as session:
                chain.record(session, "test.never")
        assert err.value.code == "db.server"
        with pytest.raises(DatabaseError) as err:
            audit.count(db)
        assert err.value.code == "db.server"

        cluster.start()
        assert audit.count(db) == before  # the same Database, reconnected; the unit in flight absent as a whole
        assert db.office().name == "乐山市沙湾区民政局"
        with db.read() as session:
            assert session.execute(text("SELECT name FROM office WHERE is_local")).scalar() == "乐山市沙湾区民政局"
        assert audit.entries(db, action="test.in_flight") == []
        assert [e.action for e in audit.entries(db, action="test.committed")] == ["test.committed"]
        with db.unit(actor="wang") as session:
            chain.record(session, "test.after")
        report = audit.verify(db)
        assert report.ok and report.entries == before + 1
    finally:
        db.close()
