"""An import does not look up, one query per row, the rows a package inserts (bench/bench_sync.py profile).

The ownership check asked SQLite for each new organization by id although the apply had just read every stored
row the package names; a 100,000-row package made 100,000 queries.  The rows still arrive, all of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import event, func, select

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench import bench_sync  # noqa: E402
from civicdesk.models import Organization  # noqa: E402
from civicdesk.services.core.database import open_database  # noqa: E402
from civicdesk.services.sync import incoming, keys  # noqa: E402


def test_new_rows_are_not_looked_up_one_by_one(tmp_path: Path) -> None:
    setup = bench_sync.setup(tmp_path, 300)
    db = open_database(setup.city)
    try:
        with db.read() as session:
            keys.decryption_keys(session, bench_sync.PASSPHRASE)
        statements: list[str] = []

        def seen(conn: object, cursor: object, statement: str, parameters: object, context: object,
                 executemany: bool) -> None:
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            results = incoming.import_blobs(db, setup.blobs, bench_sync.PASSPHRASE)
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
        assert {r.status for r in results} == {"applied"}
        by_id = [s for s in statements if "FROM organization" in s and "WHERE organization.id = ?" in s]
        assert len(by_id) < 10, f"{len(by_id)} single-row lookups of organization"
        assert len(statements) < 300
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Organization)) == 300
    finally:
        db.close()
