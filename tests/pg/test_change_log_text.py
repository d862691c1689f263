"""The change log of rows inserted in bulk on a server (services/core/bulk.py, ``_keyed_change_log_sql``): each
row's fields are written as one text joined from each value's ``to_json``, which must be the very text that
``json_build_object`` of ``json_build_array(NULL, value)`` pairs gives (the statement's former form, and what
the change log of an ORM insert holds as JSON).  Compared on every row of every synced table of the demo
office, and on a row holding what JSON escapes.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from civicdesk.models import Organization, table_of
from civicdesk.models.sync import synced_entities
from civicdesk.services.core import bulk
from civicdesk.services.core.database import Database
from tests.pg.test_search_grams import demo_pair  # noqa: F401 (fixture)


def _built(table: Any) -> str:
    """The fields as json_build_object builds them (tables of up to 50 sent columns: every synced table)."""
    columns = bulk._sent_columns(table)
    assert len(columns) <= 50
    pairs = [f"'{c.name}', json_build_array(NULL, {bulk._json_sql(c, 'postgresql')})" for c in columns]
    return f"json_build_object({', '.join(pairs)})::text"


def test_the_joined_text_is_json_build_object_s(demo_pair: tuple[Database, Database]) -> None:  # noqa: F811
    _on_file, served = demo_pair
    with served.unit() as session:  # a row whose texts JSON escapes, beside the demo's
        row = session.execute(text("SELECT id FROM organization ORDER BY id LIMIT 1")).scalar_one()
        session.execute(text("UPDATE organization SET address = :a, notes = :n, registered_funds_wan = 12.5,"
                             " established_on = :d WHERE id = :id"),
                        {"a": '沙湾区"嘉农镇"\\\t\n', "n": "\u0001𠀀", "d": date(2001, 2, 3), "id": row})
    compared = 0
    with served.read() as session:
        for model in synced_entities().values():
            table = table_of(model)
            differ = f"{_built(table)} <> {bulk._keyed_fields_sql(table)}"
            found = session.execute(text(f'SELECT count(*), count(*) FILTER (WHERE {differ})'
                                         f' FROM "{table.name}" t')).one()
            assert found[1] == 0, table.name
            compared += found[0]
        fields = session.execute(text(f"SELECT {bulk._keyed_fields_sql(table_of(Organization))} FROM organization t"
                                      " WHERE t.id = :id"), {"id": row}).scalar_one()
        assert '"address" : [null, "沙湾区\\"嘉农镇\\"\\\\\\t\\n"]' in fields, fields
    assert compared > 1000
