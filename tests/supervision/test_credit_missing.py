"""The whole office's missing annual reports (:func:`credit._office_missing`: the due conditions evaluated in Python
once a group of the due walk, the reported ids taken out of the due sets) are exactly those of the plain way
(:func:`credit._missing`: each campaign's due organizations in SQL, ``NOT EXISTS`` a submitted or decided report),
on the demo district made to hold every case where the two could differ: a foundation (an earlier deadline
than the other forms), organizations ended before, on and after a deadline or with no day of change,
established on the cutoff, the day after it, with no day or a day stored as a number, reports sent back or
deleted, and days before, between and after the deadlines of the forms."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import credit


def _edge_cases(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        orgs = [r[0] for r in conn.execute(
            "SELECT id FROM organization WHERE tier = 'registered' AND deleted_at IS NULL ORDER BY id")]
        changes = [  # (status, status_changed_on, established_on, legal_form), one organization each
            ("deregistered", None, None, "foundation"),
            ("deregistered", "2020-05-30", "2001-01-01", None),
            ("deregistered", "2020-05-31", "2001-01-01", None),  # on the 2019 deadline: still due
            ("deregistered", "2020-06-01", "2001-01-01", None),
            ("revoked", "2021-03-30", "2001-01-01", "foundation"),  # before the foundations' 2020 deadline
            ("revoked", "2021-04-01", "2001-01-01", "foundation"),
            ("active", None, "2019-06-30", None),  # the 2019 cutoff: due in 2019
            ("active", None, "2019-07-01", None),  # the day after: due from 2020
            ("active", None, "2020-06-30", "foundation"),
            ("suspended", "2018-01-01", None, None),
            ("liquidating", None, "2020-07-01", None),  # due in neither campaign
        ]
        for org_id, (status, changed, established, form) in zip(orgs, changes, strict=False):
            conn.execute("UPDATE organization SET status = ?, status_changed_on = ?, established_on = ?,"
                         " legal_form = coalesce(?, legal_form) WHERE id = ?",
                         (status, changed, established, form, org_id))
        # a day stored as a number (SQLite sorts numbers before texts: on or before any cutoff)
        conn.execute("UPDATE organization SET established_on = 20300101 WHERE id = ?", (orgs[len(changes)],))
        conn.execute("UPDATE inspection_record SET state = 'returned' WHERE organization_id = ?", (orgs[len(changes)],))
        conn.execute("UPDATE organization SET legal_form = 'foundation' WHERE id IN (?, ?)",
                     (orgs[len(changes) + 1], orgs[len(changes) + 2]))
        reports = [r[0] for r in conn.execute("SELECT id FROM inspection_record ORDER BY id")]
        conn.execute("UPDATE inspection_record SET state = 'returned' WHERE id IN (?, ?)", reports[:2])
        conn.execute("UPDATE inspection_record SET deleted_at = '2021-01-01 00:00:00.000000' WHERE id IN (?, ?)",
                     reports[2:4])
        conn.commit()
    finally:
        conn.close()


def test_the_missing_reports_set_by_set_are_those_of_each_campaigns_query(shawan_db_path: Path) -> None:
    _edge_cases(shawan_db_path)
    db = open_database(shawan_db_path)
    try:
        with db.read() as session:
            rules = credit.read_rules(session, db.office().code)
            forms = dict(session.connection().exec_driver_sql("SELECT id, legal_form FROM organization").all())
            seen = 0
            for on in (date(2020, 1, 1), date(2020, 4, 15), date(2020, 5, 31), date(2020, 6, 1), date(2021, 4, 1),
                       date(2021, 4, 15), date(2021, 6, 1), date(2030, 1, 1)):
                plain = {(year, org_id, forms[org_id]) for org_id, years in credit._missing(session, rules, on).items()
                         for year in years}
                office = {(year, org_id, form) for (year, form), ids in
                          credit._office_missing(session, rules, on).items() for org_id in ids}
                assert office == plain, on
                seen += len(plain)
                if on == date(2020, 4, 15):  # only the foundations' 2019 deadline has passed
                    assert plain and {form for _, _, form in plain} == {"foundation"}
            assert seen > 30
    finally:
        db.close()



def test_the_reads_aside_are_those_of_the_units_own_connection(shawan_db_path: Path) -> None:
    """The reads made on a second connection by a thread (:class:`credit._Aside`: the reported organizations of
    each campaign, the listings' id strings, the names) give what the session's own connection reads; a session
    with pending changes reads on its own connection (a second connection would not see them), and so does a
    read that failed aside."""
    db = open_database(shawan_db_path)
    try:
        with db.read() as session:
            ids = [str(i) for i in session.connection().exec_driver_sql("SELECT id FROM inspection_campaign").scalars()]
            raw = session.connection().connection.dbapi_connection
            names = ("SELECT o.id, o.name, o.uscc FROM json_each(?) AS j JOIN organization AS o ON o.id = j.value",
                     (json.dumps(sorted(r[0] for r in raw.execute("SELECT id FROM organization LIMIT 50"))),))
            inline = {i: raw.execute(credit._REPORTED, (i,)).fetchall() for i in ids}
            aside = credit._Aside(session, raw)
            assert aside.pool is not None  # a file: read by the thread
            pending = {i: aside.read(credit._REPORTED, (i,)) for i in ids}
            named = aside.read(*names)
            assert {i: rows() for i, rows in pending.items()} == inline and any(r[0][0] for r in inline.values())
            assert named() == raw.execute(*names).fetchall() and named()
            assert aside.conn is not None and aside.conn.in_transaction  # one snapshot until closed
            failed = aside.read("SELECT no_such_column FROM organization")
            with pytest.raises(sqlite3.OperationalError):
                failed()  # read again on the unit's connection, which says what is wrong
            aside.close()
            assert aside.pool is None and aside.conn is None
            campaign = session.get(credit.InspectionCampaign, ids[0])
            campaign.year += 1  # pending: only this session sees it
            local = credit._Aside(session, raw)
            assert local.pool is None and {i: local.read(credit._REPORTED, (i,))() for i in ids} == inline
            local.close()
    finally:
        db.close()


def test_the_reads_aside_open_the_same_file_whatever_its_path_holds(shawan_db_path: Path, tmp_path: Path) -> None:
    """The second connection opens the unit's file by its URI, the path percent-encoded: in a folder named with a
    '#' (where ``file:PATH`` would name, and make, an empty file cut at the '#') the thread reads the unit's
    file itself, not through the fallback, and makes no file beside it."""
    odd = tmp_path / "odd" / "区 a#b" / "register.sqlite3"
    odd.parent.mkdir(parents=True)
    shutil.copyfile(shawan_db_path, odd)
    db = open_database(odd)
    try:
        with db.read() as session:
            raw = session.connection().connection.dbapi_connection
            aside = credit._Aside(session, raw)
            assert aside.pool is not None
            sql = "SELECT count(*), min(id) FROM inspection_campaign"
            by_thread = aside.pool.submit(aside._read, sql, ()).result()  # no fallback: the thread's own answer
            assert by_thread == raw.execute(sql).fetchall() and by_thread[0][0] > 0
            aside.close()
    finally:
        db.close()
    assert [p.name for p in (tmp_path / "odd").iterdir()] == ["区 a#b"]  # no file made beside it
