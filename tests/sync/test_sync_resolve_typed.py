"""Merging a conflict from the command line: ``--set`` values are text and become the field's type; a wrong
one is refused with the field named, and nothing changes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import digest
from tests.sync.conftest import cli, edit, export, import_json, ok, read_org


def _first_org(path: Path) -> str:
    out = ok("--db", path, "org", "list", "--tier", "registered", "--limit", "1", "--json")
    return json.loads(out)[0]["id"]


def test_merge_values_typed_as_text(pair: dict[str, Path]) -> None:
    city, district, folder = pair["city"], pair["district"], pair["dir"]
    assert import_json(city, *export(district, "511100", folder))[0] == 0
    org = _first_org(district)
    edit(district, org, member_count=77)
    edit(city, org, member_count=88)
    assert import_json(city, *export(district, "511100", folder))[0] == 0
    (conflict,) = json.loads(ok("--db", city, "sync", "conflicts", "--open", "--json"))
    assert conflict["fields"] == ["member_count"]
    before = digest(city)
    code, _out, err = cli("--db", city, "sync", "resolve", conflict["id"][:8], "--take", "merge",
                          "--set", "member_count=七十")
    assert code != 0 and "member_count" in err and "Traceback" not in err
    assert digest(city) == before
    ok("--db", city, "sync", "resolve", conflict["id"][:8], "--take", "merge", "--set", "member_count=80")
    assert read_org(city, org)["member_count"] == 80
    assert json.loads(ok("--db", city, "sync", "conflicts", "--open", "--json")) == []
