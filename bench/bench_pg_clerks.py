"""Many clerks at once on one database: N clerk processes doing a mix of search, edit, filing submit, approval
and now and then a login with a wrong password, timed per operation kind, and checked afterwards.

    python bench/bench_pg_clerks.py                       # 20 clerks x 60 s on $CIVICDESK_TEST_PG, 3 repeats
    python bench/bench_pg_clerks.py --clerks 4 --seconds 5 --repeat 1

Each repeat runs the mix three ways, in this order: one clerk alone on PostgreSQL (the baseline without
contention), N clerks on PostgreSQL, N clerks on an SQLite file.  It prints p50/p95 per operation kind of each
way, the operations per second and the load average before and after, and checks every run as
``tests/pg/test_concurrency.py`` does (:func:`check`): a run that loses an update fails loudly, whatever its speed.

The office is made fresh for every run (a database ``cdbench_*`` created on the server and dropped after it; an
SQLite file in a temporary folder): the 沙湾区 office, an administrator, a clerk and a reviewer per process, one
account whose password the processes get wrong, and ``--orgs`` social groups.  Passwords are hashed with the
test parameters (``CIVICDESK_INSECURE_TEST_HASHING``): the benchmark measures the database, not Argon2.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("CIVICDESK_INSECURE_TEST_HASHING", "1")  # before civicdesk reads it (spawned clerks inherit it)

from sqlalchemy import create_engine, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from civicdesk.errors import CivicDeskError  # noqa: E402
from civicdesk.models import Filing, Organization, UserAccount  # noqa: E402
from civicdesk.models.audit import AuditEntry  # noqa: E402
from civicdesk.services.admin import audit, auth  # noqa: E402
from civicdesk.services.admin.office import init_office  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.core.validation import make_id_number, make_uscc  # noqa: E402
from civicdesk.services.filings import service as filings  # noqa: E402
from civicdesk.services.register import browse, organizations  # noqa: E402

KINDS = ("search", "draft", "edit", "submit", "approve", "login")
#: the mix: how often each kind is picked (a clerk mostly looks things up)
WEIGHTS = (40, 15, 10, 12, 15, 8)
TARGET = "target"  # the account whose password the clerks get wrong
PASSWORD = "clerk123x"
SEARCHES = ("协会", "沙湾", "体育", "MJ", "书法", "志愿")


@dataclass(frozen=True)
class Op:
    """One operation a clerk did: what, on which filing, how it ended (``ok`` or the refusal's code), the
    value it wrote (member_count of a draft or an edit), and how long it took."""

    clerk: int
    kind: str
    outcome: str
    filing: str | None
    value: int | None
    seconds: float


def org_record(n: int) -> dict[str, Any]:
    """The ``n``-th social group of the office (valid, unique name and USCC)."""
    return {
        "name": f"乐山市沙湾区测试第{n + 1}协会", "legal_form": "social_group", "tier": "registered",
        "category": "culture", "uscc": make_uscc("1", "511111", f"MJ{910000 + n}"), "registration_mode": "dual",
        "sponsor": "沙湾区文化广播电视和旅游局", "division_code": "511111", "township_code": "511111002",
        "address": f"四川省乐山市沙湾区铜河街道测试路{n + 1}号", "registered_funds_wan": "3.5",
        "established_on": "2019-05-20", "member_count": 100 + n, "contact_phone": "0833-2123456",
        "people": [{"role": "legal_representative", "name": "张三", "phone": "13812345678",
                    "id_number": make_id_number("511111", date(1970, 3, 5), 12), "term_start": "2019-05-20"}],
    }


def prepare(db: Database, clerks: int, orgs: int) -> dict[str, int]:
    """The office's accounts and organizations; each organization's member_count as it starts."""
    if db.office_or_none() is None:
        init_office(db, code="511111", name="乐山市沙湾区民政局", level="district")
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    for i in range(clerks):
        auth.create_user(db, f"clerk{i}", PASSWORD, "clerk", by=admin)
        auth.create_user(db, f"review{i}", PASSWORD, "reviewer", by=admin)
    auth.create_user(db, TARGET, PASSWORD, "clerk", by=admin)
    start = {}
    for n in range(orgs):
        record = organizations.add_organization(db, org_record(n), by=admin)
        start[record.id] = 100 + n
    return start


def clerk(args: tuple[str, int, float, int]) -> list[Op]:
    """One clerk's process: the mix for ``seconds``, as clerk ``clerk{i}`` and reviewer ``review{i}``."""
    url, i, seconds, seed = args
    rng = random.Random(seed * 1000 + i)
    db = open_database(url, create=False)
    me, reviewer = _login(db, f"clerk{i}"), _login(db, f"review{i}")
    with db.read() as session:
        org_ids = list(session.scalars(select(Organization.id).order_by(Organization.id)))
    ops: list[Op] = []
    counter = 0
    end = time.monotonic() + seconds
    # past ``end`` only until this clerk has done every kind once (a loaded machine may give a short run too few
    # operations for that), and never past ``last``
    last = end + 10 * seconds + 30
    done: set[str] = set()
    while (now := time.monotonic()) < end or (len(done) < len(KINDS) and now < last):
        kind = rng.choices(KINDS, WEIGHTS)[0]
        counter += 1
        value = 10_000 + i * 100_000 + counter  # unique to this clerk and operation
        number: str | None = None
        started = time.perf_counter()
        try:
            if kind == "search":
                browse.search_organizations(db, rng.choice(SEARCHES))
            elif kind == "draft":
                record = filings.draft_filing(db, "change", {"organization_id": rng.choice(org_ids),
                                                             "changes": {"member_count": value}}, by=me)
                number = record.number
            elif kind in ("edit", "submit", "approve"):
                state = "submitted" if kind == "approve" else "draft"
                shown = filings.list_filings(db, state=state)
                if kind == "submit":
                    shown = [f for f in shown if f.created_by == me.username]
                if not shown:
                    continue
                picked = rng.choice(shown)
                number = picked.number
                if kind == "edit":  # the window showed it: the clerk corrects the new value and saves
                    filings.update_draft(db, picked.id, {"organization_id": picked.organization_id,
                                                         "changes": {"member_count": value}},
                                         by=me, shown_version=picked.version)
                else:
                    filings.transition(db, picked.id, kind, by=reviewer if kind == "approve" else me,
                                       shown_version=picked.version)
                    value = None
            else:
                auth.authenticate(db, TARGET, "wrong-password")
        except CivicDeskError as exc:
            ops.append(Op(i, kind, exc.code, number, value, time.perf_counter() - started))
            done.add(kind)
            continue
        done.add(kind)
        ops.append(Op(i, kind, "ok", number, value if kind in ("draft", "edit") else None,
                      time.perf_counter() - started))
    db.close()
    return ops


def _login(db: Database, username: str) -> auth.UserInfo:
    """The clerk's login at the start, tried again while the database is busy (as the clerk would)."""
    while True:
        try:
            return auth.authenticate(db, username, PASSWORD)
        except CivicDeskError as exc:
            if exc.code != "db.busy":
                raise


def run_clerks(url: str, clerks: int, seconds: float, seed: int = 1) -> list[Op]:
    """``clerks`` processes (spawned: each its own interpreter, as clerks' machines are) on ``url``."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(clerks) as pool:
        results = pool.map(clerk, [(url, i, seconds, seed) for i in range(clerks)])
    return [op for ops in results for op in ops]


def check(db: Database, start: dict[str, int], ops: list[Op]) -> dict[str, int]:
    """Raise AssertionError unless the database is what the operations the clerks were told succeeded make it,
    and nothing else: the audit chain verifies; filing numbers are unique and gapless, one per accepted draft;
    every accepted edit and approval is in the database and the trail, every refusal in the trail; every
    approval applied over exactly the version it was drafted against; every member_count equals a serial
    replay of the approvals in the trail's order; the wrong passwords were all counted.  Returns counts."""
    report = audit.verify(db)
    assert report.ok, f"audit chain broken at {report.broken_seq}: {report.reason}"
    with db.read() as session:
        rows = {f.number: f for f in session.execute(select(Filing.id, Filing.number, Filing.state, Filing.changes,
                                                                  Filing.organization_id, Filing.base_version))}
        members = {r[0]: r[1] for r in session.execute(select(Organization.id, Organization.member_count))}
        versions = {r[0]: r[1] for r in session.execute(select(Organization.id, Organization.version))}
        trail = session.execute(select(AuditEntry.action, AuditEntry.actor, AuditEntry.entity, AuditEntry.entity_id,
                                       AuditEntry.details).order_by(AuditEntry.seq)).all()
        failed_logins, locked_until = session.execute(select(UserAccount.failed_logins, UserAccount.locked_until)
                                                      .where(UserAccount.username == TARGET)).one()
    # filing numbers: one per accepted draft, unique, gapless from 1
    drafted = [op for op in ops if op.kind == "draft" and op.outcome == "ok"]
    assert sorted(rows) == sorted(op.filing for op in drafted), "a filing without its accepted draft, or lost"
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in rows)
    assert serials == list(range(1, len(serials) + 1)), f"filing numbers not gapless: {serials[:20]}"
    by_id = {f.id: f for f in rows.values()}
    # every accepted edit and approval is in the trail (the filing's row change, in its unit)
    changes: dict[str, list[int]] = {}  # filing id -> member_count values the trail shows, in order
    approved_order: list[str] = []  # filing ids in the order their approvals committed
    refused: Counter[str] = Counter()
    logins: list[str] = []
    for e in trail:
        details = json.loads(e.details)
        if e.entity == "filing" and e.action.startswith("data."):
            fields = details.get("fields", {})
            new = (fields.get("changes") or {}).get("new") or {}
            if "member_count" in new:
                changes.setdefault(e.entity_id, []).append(new["member_count"])
            if (fields.get("state") or {}).get("new") == "approved":
                approved_order.append(e.entity_id)
        elif e.action == "filing.refused":
            refused[details.get("error", "")] += 1
        elif e.action == "auth.login_failed" and e.actor == TARGET:
            logins.append(details.get("reason", ""))
    for op in ops:
        if op.kind in ("draft", "edit") and op.outcome == "ok":
            assert op.value in changes.get(rows[op.filing].id, []), f"accepted {op.kind} of {op.filing} not audited"
    # the last accepted write of each filing's value is the one the database holds
    for fid, values in changes.items():
        assert by_id[fid].changes["member_count"] == values[-1], f"filing {by_id[fid].number}: a write lost"
    approvals = [op for op in ops if op.kind == "approve" and op.outcome == "ok"]
    assert sorted(rows[op.filing].id for op in approvals) == sorted(approved_order), "approvals differ from trail"
    assert all(by_id[fid].state == "approved" for fid in approved_order)
    # refusals: each one the clerks were given is in the trail (the wrong logins apart; a busy or unreachable
    # database, db.*, wrote nothing, its refusal's entry included)
    given = Counter(op.outcome for op in ops if op.outcome.startswith("filing."))
    refused = Counter({code: n for code, n in refused.items() if code.startswith("filing.")})
    assert given == refused, f"refusals reported {dict(given)} but audited {dict(refused)}"
    # serial replay: the approvals in commit order, each over the version it was drafted against
    replay = dict(start)
    version = {oid: versions[oid] for oid in start}
    for oid in start:
        version[oid] -= sum(1 for fid in approved_order if by_id[fid].organization_id == oid)
    for fid in approved_order:
        f = by_id[fid]
        assert f.base_version == version[f.organization_id], f"filing {f.number} approved over a newer record"
        replay[f.organization_id] = f.changes["member_count"]
        version[f.organization_id] += 1
    assert replay == {oid: members[oid] for oid in start}, "member counts differ from a serial replay"
    # logins: every wrong password counted, across clerks (five in a row lock the account)
    attempts = [op for op in ops if op.kind == "login" and op.outcome.startswith("auth.")]  # db.*: none written
    assert len(logins) == len(attempts), f"{len(attempts)} wrong logins, {len(logins)} audited"
    expected = (["wrong_password"] * 4 + ["wrong_password_locked"])[:len(logins)] + ["locked"] * (len(logins) - 5)
    assert logins == expected, f"failure counting lost an attempt: {logins}"
    assert Counter(op.outcome for op in attempts) == Counter(
        "auth.locked" if r == "locked" else "auth.failed" for r in logins)
    if len(logins) < 5:
        assert (failed_logins, locked_until) == (len(logins), None), "failure count differs from the attempts"
    else:
        assert failed_logins == 0 and locked_until is not None, "five failures did not lock the account"
    return {"filings": len(rows), "approved": len(approved_order), "refused": sum(refused.values()),
            "logins": len(logins), "audit": report.entries}


# -- the benchmark -----------------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def new_server_database(server: str) -> str:
    name = f"cdbench_clerks_{uuid.uuid4().hex[:8]}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_server_database(server: str, url: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    engine.dispose()


def one_run(url: str, clerks: int, seconds: float, orgs: int, seed: int) -> tuple[list[Op], dict[str, int]]:
    db = open_database(url)
    try:
        start = prepare(db, clerks, orgs)
    finally:
        db.close()
    ops = run_clerks(url, clerks, seconds, seed)
    db = open_database(url, create=False)
    try:
        counts = check(db, start, ops)
    finally:
        db.close()
    return ops, counts


def summary(label: str, ops: list[Op], seconds: float) -> str:
    lines = [f"  {label}: {len(ops)} operations, {len(ops) / seconds:.0f}/s"]
    for kind in KINDS:
        times = [op.seconds * 1000 for op in ops if op.kind == kind]
        outcomes = Counter(op.outcome for op in ops if op.kind == kind)
        lines.append(f"    {kind:8} n={len(times):5}  p50 {percentile(times, 0.5):7.1f} ms  "
                     f"p95 {percentile(times, 0.95):7.1f} ms  {dict(outcomes)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, dict[str, list[float]]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=os.environ.get("CIVICDESK_TEST_PG"),
                        help="URL of a PostgreSQL database whose user may create databases")
    parser.add_argument("--clerks", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--orgs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-sqlite", action="store_true", help="leave out the SQLite run")
    options = parser.parse_args(argv)
    if not options.server:
        parser.error("no server: give --server or set CIVICDESK_TEST_PG")
    ways = [("postgresql, 1 clerk", 1), (f"postgresql, {options.clerks} clerks", options.clerks)]
    if not options.no_sqlite:
        ways.append((f"sqlite, {options.clerks} clerks", options.clerks))
    figures: dict[str, dict[str, list[float]]] = {label: {} for label, _ in ways}
    for r in range(options.repeat):
        print(f"repeat {r + 1}/{options.repeat}  load {os.getloadavg()[0]:.2f}", flush=True)
        for label, clerks in ways:
            cpu = time.process_time()
            if label.startswith("sqlite"):
                with tempfile.TemporaryDirectory() as folder:
                    ops, counts = one_run(str(Path(folder) / "office.sqlite3"), clerks, options.seconds,
                                          options.orgs, r + 1)
            else:
                url = new_server_database(options.server)
                try:
                    ops, counts = one_run(url, clerks, options.seconds, options.orgs, r + 1)
                finally:
                    drop_server_database(options.server, url)
            print(summary(label, ops, options.seconds), flush=True)
            print(f"    checked: {counts}; parent CPU {time.process_time() - cpu:.1f} s; "
                  f"load {os.getloadavg()[0]:.2f}", flush=True)
            for kind in KINDS:
                times = [op.seconds * 1000 for op in ops if op.kind == kind]
                if times:
                    figures[label].setdefault(f"{kind} p50", []).append(percentile(times, 0.5))
                    figures[label].setdefault(f"{kind} p95", []).append(percentile(times, 0.95))
            figures[label].setdefault("ops/s", []).append(len(ops) / options.seconds)
    print(f"medians of {options.repeat} repeats (ms; ops/s), load {os.getloadavg()[0]:.2f}:")
    for label, values in figures.items():
        print(f"  {label}: " + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in values.items()))
    return figures


if __name__ == "__main__":
    main()
