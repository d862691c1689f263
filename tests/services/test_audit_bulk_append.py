"""``audit.append`` of many entries goes to SQLite straight through the driver (issue 20: an import writes one
entry a row): the stored rows are the ones SQLAlchemy's insert stores, and the chain verifies."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Integer, String, text

from civicdesk.models import AuditEntry, audit
from civicdesk.models.base import table_of
from civicdesk.services.admin import audit as audit_service
from civicdesk.services.core.database import Database


def test_the_driver_path_writes_every_column_of_the_table() -> None:
    table = table_of(AuditEntry)
    assert set(audit._COLUMNS) == {c.name for c in table.columns}
    # no column that SQLAlchemy would convert or complete on the way (types, defaults)
    assert all(isinstance(c.type, (String, Integer)) and c.default is None and c.server_default is None
               for c in table.columns)


#: entries appended at once: above the driver path's threshold
COUNT = audit._DRIVER_MIN + 20


def entries() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in range(COUNT):
        out.append({"action": "data.insert", "entity": "organization" if i % 3 else None,
                    "entity_id": None if i % 5 == 0 else f"id-{i}", "actor": "王芳" if i % 2 else None,
                    **({"details": {"fields": {"name": {"old": None, "new": f"协会\"{i}\""}}}} if i % 4 else
                       {"details_json": audit.fields_details({"n": (None, i)}, {"note": "legacy_entry"})})})
    return out


def stored(db: Database, driver_min: int, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    monkeypatch.setattr(audit, "_DRIVER_MIN", driver_min)
    with db.unit(actor="张三") as session:
        first = session.connection().execute(text("SELECT coalesce(max(seq), 0) FROM audit_entry")).scalar_one()
        audit.append(session, entries())
    with db.read() as session:
        return [tuple(r) for r in session.connection().execute(text(
            "SELECT seq, actor, action, entity, entity_id, details, typeof(seq), typeof(entity) FROM audit_entry "
            "WHERE seq > :first ORDER BY seq"), {"first": first})]


def test_driver_and_sqlalchemy_store_the_same_entries(db_path: Any, tmp_path: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from civicdesk.services.core.database import open_database

    other = tmp_path / "other.sqlite3"
    shutil.copyfile(db_path, other)
    a, b = open_database(db_path), open_database(other)
    try:
        by_driver = stored(a, 1, monkeypatch)
        by_sqlalchemy = stored(b, 10**9, monkeypatch)
        assert len(by_driver) == COUNT
        assert by_driver == by_sqlalchemy
        assert audit_service.verify(a).ok and audit_service.verify(b).ok
    finally:
        a.close()
        b.close()
