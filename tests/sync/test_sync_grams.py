"""A sync import into a city on PostgreSQL keeps its search table ``org_gram`` (migration 0014): the first package
(bulk insert) and a later edit (a renamed organization: new grams and rank) leave exactly the rows computed from
the organization table.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from civicdesk.models import Organization
from civicdesk.services.core.database import open_database
from civicdesk.services.register import search
from civicdesk.services.sync import apply
from tests.helpers.sync import edit, export, import_json
from tests.pg.test_search_grams import assert_current
from tests.sync.test_sync_across_back_ends import mixed, mixed_templates  # noqa: F401 (fixtures)


@pytest.mark.parametrize("overlap", [False, True])
def test_sync_imports_keep_the_server_table(mixed: dict[str, str | Path], overlap: bool,  # noqa: F811
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """(``overlap``: the first package written by a thread while the program makes its grams, search.made_grams,
    as a package of apply.OVERLAP_MIN rows or more is: the same rows, the counts made with the grams.)"""
    city, district, folder = mixed["pg-511100"], Path(mixed["file-511111"]), Path(mixed["dir"])
    made: list[int] = []
    original = search.made_grams

    def recorded(values: list[Any], *ranks: Any) -> search.MadeGrams:
        made.append(len(values))
        return original(values, *ranks)

    monkeypatch.setattr(search, "made_grams", recorded)
    monkeypatch.setattr(apply, "OVERLAP_MIN", 1 if overlap else 10**9)
    (package,) = export(district, "511100", folder)
    code, results = import_json(city, package)  # type: ignore[arg-type]
    assert code == 0 and results[0]["status"] == "applied", results
    assert (len(made) == 1 and made[0] > 500) if overlap else not made, made  # the demo district: 553
    db = open_database(city)
    try:
        assert_current(db)
    finally:
        db.close()
    first = open_database(district)
    with first.read() as session:
        org_id = session.scalar(select(Organization.id).where(Organization.deleted_at.is_(None)).limit(1))
    first.close()
    edit(district, org_id, name="沙湾区跷脚牛肉行业协会", status="deregistered")
    (package,) = export(district, "511100", folder / "again")
    code, results = import_json(city, package)  # type: ignore[arg-type]
    assert code == 0 and results[0]["status"] == "applied", results
    db = open_database(city)
    try:
        assert_current(db)
        with db.read() as session:
            assert session.scalar(select(Organization.status).where(Organization.id == org_id)) == "deregistered"
    finally:
        db.close()
