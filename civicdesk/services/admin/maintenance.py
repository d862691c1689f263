"""Health of a database file: SQLite's integrity and foreign-key checks, the schema version, and the values
the register holds (each one a clerk could have entered: dictionary codes, credit codes, numbers in range),
so that a row planted by hand or by a foreign program is found as a package's row would be refused."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from civicdesk.models import Organization
from civicdesk.models.migrate import head_revision
from civicdesk.services.register import records, search
from civicdesk.services.core.database import Database, stamped_revision
from civicdesk.services.core.validation import validate_uscc


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    integrity: list[str]
    foreign_key_violations: list[dict[str, Any]]
    schema_revision: str | None
    expected_revision: str
    office: str | None
    search_index: dict[str, int | None]
    domain: list[dict[str, Any]] = field(default_factory=list)  # rows with values outside their domain (first 100)
    domain_count: int = 0
    error: str | None = None  # the database could not be read at all (malformed): one line

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


#: the checks of values, each a query for the rows outside the domain (id, value), by the rules of entry
_NUMBERS = (("registered_funds_wan", 0, 10**10), ("member_count", 0, 2**31), ("staff_count", 0, 2**31))
DOMAIN_LIMIT = 100


def _domain(session: Any) -> tuple[list[dict[str, Any]], int]:
    """Rows of the register whose values no clerk could have entered: a code outside its dictionary (the
    fields ``org add`` checks against one), a credit code with a wrong length, character or check character,
    a number out of range, an empty origin office."""
    found: list[dict[str, Any]] = []
    count = 0

    def add(row_id: str, name: str, value: Any) -> None:
        nonlocal count
        count += 1
        if len(found) < DOMAIN_LIMIT:
            found.append({"entity": "organization", "id": row_id, "field": name, "value": str(value)[:60]})

    for spec in records.ORG_FIELDS:
        if spec.kind == "code" and spec.dictionary:
            rows = session.execute(text(
                f"SELECT id, {spec.name} FROM organization WHERE {spec.name} IS NOT NULL AND {spec.name} <> '' "
                f"AND {spec.name} NOT IN (SELECT code FROM dictionary WHERE kind = :kind)"), {"kind": spec.dictionary})
            for row_id, value in rows:
                add(row_id, spec.name, value)
    for row_id, uscc in session.execute(text("SELECT id, uscc FROM organization WHERE uscc IS NOT NULL")):
        if any(i.severity == "error" for i in validate_uscc(str(uscc))):
            add(row_id, "uscc", uscc)
    # SQLite stores any value in any column (a text where a number belongs is a fault); PostgreSQL's columns hold
    # values of their type only
    sqlite = session.get_bind().dialect.name == "sqlite"
    for name, low, high in _NUMBERS:
        typed = f" OR typeof({name}) NOT IN ('integer', 'real')" if sqlite else ""
        for row_id, value in session.execute(text(
                f"SELECT id, {name} FROM organization WHERE {name} IS NOT NULL AND ({name} < :low OR {name} >= :high"
                f"{typed})"),
                {"low": low, "high": high}):
            add(row_id, name, value)
    for row_id, value in session.execute(text(
            "SELECT id, origin_office FROM organization WHERE origin_office IS NULL OR length(origin_office) <> 6")):
        add(row_id, "origin_office", value)
    return found, count


def verify(db: Database) -> VerifyReport:
    """Run ``PRAGMA integrity_check`` and ``foreign_key_check``, compare the schema with this program's and
    check the register's values.  A database too damaged to read gives a report with ``error`` (one line),
    never an exception."""
    try:
        return _verify(db)
    except (SQLAlchemyError, sqlite3.DatabaseError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        return VerifyReport(False, [reason], [], None, head_revision(), None,
                            {"organizations": None, "indexed": None}, error=reason)


def _verify(db: Database) -> VerifyReport:
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
    domain: list[dict[str, Any]] = []
    domain_count = 0
    if revision == head:
        with db.read() as session:
            index = {"organizations": session.scalar(select(func.count()).select_from(Organization)),
                     "indexed": search.index_count(session)}
            domain, domain_count = _domain(session)
    index_ok = index["indexed"] is None or index["indexed"] == index["organizations"]
    ok = ((not integrity or integrity == ["ok"]) and not violations and revision == head and index_ok
          and not domain_count)
    return VerifyReport(ok, integrity, violations, revision, head, office.code if office else None, index, domain,
                        domain_count)
