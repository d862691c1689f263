"""The demo's credit lists, penalties, interviews and complaints (services/supervision/demo_credit.py): in the
proportions offices publish, with timers that are never empty on the day it is loaded, rows the sync import would
accept, the same rows at a district and at the city, and reporters that are plainly invented and kept only by the
office that received the complaint."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import timedelta
from pathlib import Path

from civicdesk import clock
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import arrivals, complaints, credit

TABLES = ("credit_listing", "credit_event", "credit_objection", "penalty", "interview", "complaint")


def _rows(path: Path, sql: str, *args: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return list(conn.execute(sql, args))
    finally:
        conn.close()


def test_each_office_lists_a_few_percent_a_handful_serious_and_some_removed(city_db_path: Path) -> None:
    registered = dict(_rows(city_db_path, "SELECT registry_code, count(*) FROM organization "
                                          "WHERE tier = 'registered' GROUP BY registry_code"))
    by_office: dict[str, Counter[str]] = {}
    for r in _rows(city_db_path, "SELECT office_code, list_kind, state FROM credit_listing"):
        by_office.setdefault(r["office_code"], Counter())[f"{r['list_kind']}:{r['state']}"] += 1
    assert len(by_office) == 12  # the city and its eleven districts
    listed = sum(c["abnormal:listed"] for c in by_office.values())
    assert 0.02 <= listed / sum(registered[o] for o in by_office) <= 0.08  # a few percent
    for office, counts in by_office.items():  # an office of 25 organizations has its 2 or 3
        assert 0.01 <= counts["abnormal:listed"] / registered[office] <= 0.15, (office, counts)
        assert 1 <= counts["serious:listed"] <= 5 and counts["abnormal:moved"] == 1, (office, counts)
        assert counts["abnormal:removed"] >= 1 and counts["abnormal:proposed"] <= 1, (office, counts)
    kinds = Counter((r["kind"], r["state"]) for r in _rows(city_db_path, "SELECT kind, state FROM penalty"))
    assert kinds[("warning", "decided")] > kinds[("fine", "decided")] >= 12 and kinds[("suspension", "decided")] == 12
    assert all(r[0] != r[1] for r in _rows(city_db_path, "SELECT entered_by, decided_by FROM penalty "
                                                         "WHERE state = 'decided'"))  # four eyes
    channels = {r[0] for r in _rows(city_db_path, "SELECT DISTINCT channel FROM complaint")}
    assert channels == set(complaints.CHANNELS)
    first, last = _rows(city_db_path, "SELECT min(received_on), max(received_on) FROM complaint")[0]
    assert str(first) >= (clock.today() - timedelta(days=380)).isoformat() and str(last) <= clock.today().isoformat()


def test_every_row_is_one_the_sync_import_accepts(city_db_path: Path) -> None:
    db = open_database(city_db_path)  # typed values, as a package's rows are judged
    try:
        with db.read() as session:
            for table in TABLES:
                for row in session.execute(credit.CreditListing.metadata.tables[table].select()).mappings():
                    assert arrivals.first_issue(table, dict(row)) is None, (table, dict(row))
    finally:
        db.close()


def test_a_district_holds_the_citys_rows_of_it_and_the_only_reporters(shawan_db_path: Path,
                                                                       city_db_path: Path) -> None:
    for table in TABLES:
        district = {tuple(r) for r in _rows(shawan_db_path, f"SELECT id, version FROM {table}")}
        city = {tuple(r) for r in _rows(city_db_path, f"SELECT id, version FROM {table} "
                                                      "WHERE origin_office = '511111'")}
        assert district == city and district, table
    reporters = _rows(shawan_db_path, "SELECT r.name, r.phone, r.anonymous FROM complaint_reporter r "
                                      "JOIN complaint c ON c.id = r.complaint_id")
    assert len(reporters) == len(_rows(shawan_db_path, "SELECT id FROM complaint"))
    assert all(r["anonymous"] or (r["name"].startswith("示例举报人") and r["phone"].startswith("1380000"))
               for r in reporters)
    # the city keeps the reporters of its own complaints only
    assert {r[0] for r in _rows(city_db_path, "SELECT c.office_code FROM complaint_reporter r "
                                              "JOIN complaint c ON c.id = r.complaint_id")} == {"511100"}


def test_the_timers_are_never_empty_on_the_day_the_demo_is_loaded(shawan_db_path: Path) -> None:
    db = open_database(shawan_db_path)
    try:
        due = credit.due(db)
        kinds = {d.kind for d in due}
        assert {"decide", "removal_decide", "move_over", "objection", "removal"} <= kinds, kinds
        soon = [d for d in due if d.kind == "move_over" and d.due_on <= clock.today() + timedelta(days=21)]
        assert len(soon) == 1  # the listing two years back whose day comes within three weeks
        overdue = complaints.list_complaints(db, overdue=True)
        assert overdue
        open_ones = [c for c in complaints.list_complaints(db) if c.state != "replied"]
        assert any(c.due_on is None or c.due_on >= clock.today() for c in open_ones)
    finally:
        db.close()


def test_the_demo_loads_audit_entry_counts_the_credit_rows_it_brought(city_db_path: Path,
                                                                       shawan_db_path: Path) -> None:
    """The bulk insert passes no ORM flush: the one ``data.demo_loaded`` entry says what came in, the credit
    lists, penalties, interviews and complaints included."""
    for path in (city_db_path, shawan_db_path):
        (entry,) = _rows(path, "SELECT details FROM audit_entry WHERE action = 'data.demo_loaded'")
        details = json.loads(entry["details"])
        for key, table in (("listings", "credit_listing"), ("penalties", "penalty"), ("interviews", "interview"),
                           ("complaints", "complaint"), ("inspection_records", "inspection_record")):
            (stored,) = _rows(path, f"SELECT count(*) FROM {table}")[0]
            assert details[key] == stored > 0, (path.name, key, details)
