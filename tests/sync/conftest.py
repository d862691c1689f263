"""Fixtures for sync: offices with keys that trust each other, built once per session and copied per test.

Every office runs the real commands (``civicdesk.app.main`` in-process, for speed): init, demo, office card,
office trust.  The city loads only the organizations it registered itself (see :func:`load_own_share`): the
districts' organizations reach it by sync.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from civicdesk.app import main
from civicdesk.models import Organization
from civicdesk.services.core.database import open_database
from civicdesk.services.admin.demo import load_demo

PASSPHRASE = "test-passphrase-1"
os.environ["CIVICDESK_KEY_PASSPHRASE"] = PASSPHRASE

CITY = ("511100", "乐山市民政局", "city")
DISTRICTS = {
    "511102": "乐山市市中区民政局", "511111": "乐山市沙湾区民政局", "511112": "乐山市五通桥区民政局",
    "511113": "乐山市金口河区民政局", "511123": "犍为县民政局", "511124": "井研县民政局", "511126": "夹江县民政局",
    "511129": "沐川县民政局", "511132": "峨边彝族自治县民政局", "511133": "马边彝族自治县民政局",
    "511181": "峨眉山市民政局",
}


def cli(*args: str | Path) -> tuple[int, str, str]:
    """Run the program in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def ok(*args: str | Path) -> str:
    code, out, err = cli(*args)
    assert code == 0, f"{args}: {err}"
    return out


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
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture(scope="session")
def sync_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city (no demo rows) and 沙湾区 (its demo share), with keys, trusting each other."""
    folder = tmp_path_factory.mktemp("sync_pair")
    make_office(folder, *CITY, demo=False)
    make_office(folder, "511111", DISTRICTS["511111"], "district", demo=True)
    trust_each_other(folder, "511100", "511111")
    # a third office that trusts 沙湾区 but is not the recipient of its packages
    make_office(folder, "511102", DISTRICTS["511102"], "district", demo=False)
    ok("--db", folder / "511102.sqlite3", "office", "trust", folder / "511111.cdcard", "--yes")
    for p in folder.glob("*.sqlite3"):
        checkpoint(p)
    return folder


@pytest.fixture
def pair(sync_templates: Path, tmp_path: Path) -> dict[str, Path]:
    """Fresh copies: ``city``, ``district`` (沙湾区), ``other`` (市中区), and the folder."""
    for p in sync_templates.iterdir():
        shutil.copyfile(p, tmp_path / p.name)
    return {"city": tmp_path / "511100.sqlite3", "district": tmp_path / "511111.sqlite3",
            "other": tmp_path / "511102.sqlite3", "dir": tmp_path}


def export(db: Path, to: str, folder: Path, *extra: str) -> list[Path]:
    import json

    out = ok("--db", db, "sync", "export", "--to", to, "--dir", folder, "--json", *extra)
    return [Path(p["file"]) for p in json.loads(out)]


def import_json(db: Path, *files: Path) -> tuple[int, list[dict[str, Any]]]:
    import json

    code, out, err = cli("--db", db, "sync", "import", *files, "--json")
    return code, json.loads(out)


@pytest.fixture(scope="session")
def first_package(sync_templates: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """沙湾区's first (full) package to the city, made once: (district db template copy, bytes)."""
    folder = tmp_path_factory.mktemp("first_package")
    for p in sync_templates.iterdir():
        shutil.copyfile(p, folder / p.name)
    files = export(folder / "511111.sqlite3", "511100", folder)
    assert len(files) == 1
    return folder, files[0].read_bytes()


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


def register_digest(path: Path) -> str:
    """A digest of the synced content (not the local bookkeeping: seq, pinyin, timestamps, sync tables)."""
    import hashlib
    import json
    import sqlite3

    from civicdesk.models.sync import synced_entities

    skip = {"seq", "name_pinyin", "name_initials", "name_rank", "created_at", "updated_at", "version"}
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for table in synced_entities():
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
            for row in conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"):
                h.update(json.dumps(row, default=str, ensure_ascii=False).encode())
        return h.hexdigest()
    finally:
        conn.close()
