"""Merging a conflict from the command line: ``--set`` values are text and become the field's type; a wrong
one is refused with the field named, and nothing changes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.db import digest
from tests.helpers.sync import cli, edit, export, import_json, ok, read_org


def _first_org(path: Path) -> str:
    out = ok("--db", path, "org", "list", "--tier", "registered", "--limit", "1", "--json")
    return json.loads(out)[0]["id"]


def test_merge_values_typed_as_text(pair_up: dict[str, Path]) -> None:
    city, district, folder = pair_up["city"], pair_up["district"], pair_up["dir"]
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


def test_an_older_conflict_waits_for_the_newer_and_is_settled_with_it(pair_up: dict[str, Path]) -> None:
    """Two rounds of concurrent edits of one field: two open conflicts.  Deciding the older first would put its
    stale values over the newer edits: refused, naming the newer; deciding the newer settles both."""
    city, district, folder = pair_up["city"], pair_up["district"], pair_up["dir"]
    org = _first_org(district)
    for round_ in (1, 2):
        edit(district, org, address=f"区里第{round_}次改的住所")
        edit(city, org, address=f"市里第{round_}次改的住所")
        assert import_json(city, *export(district, "511100", folder))[0] == 0
    listed = json.loads(ok("--db", city, "sync", "conflicts", "--open", "--json"))
    assert len(listed) == 2 and all(c["fields"] == ["address"] for c in listed)
    newer, older = listed  # newest first
    assert newer["remote_values"]["address"] == "区里第2次改的住所"
    before = digest(city)
    code, _out, err = cli("--db", city, "sync", "resolve", older["id"][:8], "--take", "remote")
    assert code != 0 and newer["id"][:8] in err
    assert digest(city) == before
    ok("--db", city, "sync", "resolve", newer["id"][:8], "--take", "local")
    assert read_org(city, org)["address"] == "市里第2次改的住所"
    assert json.loads(ok("--db", city, "sync", "conflicts", "--open", "--json")) == []
    assert len(json.loads(ok("--db", city, "sync", "conflicts", "--json"))) == 2  # both kept
