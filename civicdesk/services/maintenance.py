"""Health of a database file: SQLite's integrity and foreign-key checks and the schema version."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


from sqlalchemy import func, select

from civicdesk.models import Organization
from civicdesk.models.migrate import head_revision
from civicdesk.services import search
from civicdesk.services.database import Database, stamped_revision


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    integrity: list[str]
    foreign_key_violations: list[dict[str, Any]]
    schema_revision: str | None
    expected_revision: str
    office: str | None
    search_index: dict[str, int | None]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def verify(db: Database) -> VerifyReport:
    """Run ``PRAGMA integrity_check`` and ``foreign_key_check`` and compare the schema with this program's."""
    integrity: list[str] = []
    violations: list[dict[str, Any]] = []
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
            violations = [
                {"table": r[0], "rowid": r[1], "parent": r[2], "fkid": r[3]}
                for r in conn.exec_driver_sql("PRAGMA foreign_key_check")
            ]
        revision = stamped_revision(conn)
        conn.rollback()
    office = db.office_or_none()
    head = head_revision()
    index: dict[str, int | None] = {"organizations": None, "indexed": None}
    if revision == head:
        with db.read() as session:
            index = {"organizations": session.scalar(select(func.count()).select_from(Organization)),
                     "indexed": search.index_count(session)}
    index_ok = index["indexed"] is None or index["indexed"] == index["organizations"]
    ok = (not integrity or integrity == ["ok"]) and not violations and revision == head and index_ok
    return VerifyReport(ok, integrity, violations, revision, head, office.code if office else None, index)
