"""Offices that sync, through the real commands in this process (init, demo, office card, office trust, sync
export/import), and reading what they hold.  The fixtures built from these are in tests/sync/conftest.py."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from civicdesk.models import Organization
from civicdesk.services.admin.demo import load_demo
from civicdesk.services.core.database import open_database
from tests.helpers.cli import cli, ok

PASSPHRASE = "test-passphrase-1"

CITY = ("511100", "乐山市民政局", "city")
SHAWAN = ("511111", "乐山市沙湾区民政局", "district")
DISTRICTS = {
    "511102": "乐山市市中区民政局", "511111": "乐山市沙湾区民政局", "511112": "乐山市五通桥区民政局",
    "511113": "乐山市金口河区民政局", "511123": "犍为县民政局", "511124": "井研县民政局", "511126": "夹江县民政局",
    "511129": "沐川县民政局", "511132": "峨边彝族自治县民政局", "511133": "马边彝族自治县民政局",
    "511181": "峨眉山市民政局",
}


def load_own_share(path: Path) -> int:
    """The city's own part of the demo register: the organizations it registered (origin 511100), as
    ``civicdesk demo --own`` loads it.

    ``civicdesk demo`` at the city loads the whole city's register (for a city that does not sync); a city
    that receives its districts' packages holds only what it registered itself."""
    db = open_database(path)
    try:
        return load_demo(db, own_only=True).organizations
    finally:
        db.close()


def make_office(folder: Path, code: str, name: str, level: str, *, demo: bool) -> Path:
    path = folder / f"{code}.sqlite3"
    ok("--db", path, "init", "--office-code", code, "--office-name", name, "--level", level)
    if demo:
        ok("--db", path, "demo")
    ok("--db", path, "office", "card", "-o", folder / f"{code}.cdcard")
    return path


def trust_each_other(folder: Path, a: str, b: str) -> None:
    ok("--db", folder / f"{a}.sqlite3", "office", "trust", folder / f"{b}.cdcard", "--yes")
    ok("--db", folder / f"{b}.sqlite3", "office", "trust", folder / f"{a}.cdcard", "--yes")


def checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def export(db: Path, to: str, folder: Path, *extra: str) -> list[Path]:
    out = ok("--db", db, "sync", "export", "--to", to, "--dir", folder, "--json", *extra)
    return [Path(p["file"]) for p in json.loads(out)]


def import_json(db: Path, *files: Path) -> tuple[int, list[dict[str, Any]]]:
    code, out, err = cli("--db", db, "sync", "import", *files, "--json")
    return code, json.loads(out)


def edit(path: Path, org_id: str, **values: Any) -> dict[str, int]:
    """A local edit of an organization through the ORM (as a service would), returning its new vector."""
    db = open_database(path)
    try:
        with db.unit() as session:
            org = session.get(Organization, org_id)
            for k, v in values.items():
                setattr(org, k, v)
        with db.read() as session:
            return dict(session.get(Organization, org_id).version_vector)
    finally:
        db.close()


def read_org(path: Path, org_id: str) -> dict[str, Any]:
    db = open_database(path)
    try:
        with db.read() as session:
            org = session.get(Organization, org_id)
            return {c.name: getattr(org, c.name) for c in Organization.__table__.columns}
    finally:
        db.close()


