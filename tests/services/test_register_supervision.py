"""The register's supervision columns, filters and prints (issue 16): last year's annual inspection and the rating
in force, read from the derived columns of ``organization``, agree with the records they come from, on the
program's clock, in the table's rows, the first paint, the filters, the register print and the organization sheet.

One database for the module (沙湾区's demo register with supervision records written through the ORM and the
summary refreshed, as the services leave it); the tests only read it.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.helpers.db import clear_supervision
from pypdf import PdfReader
from sqlalchemy import select

from civicdesk import clock as program_clock
from civicdesk.models import (
    InspectionCampaign,
    InspectionRecord,
    Organization,
    RatingApplication,
    SpotcheckItem,
    SpotcheckPlan,
)
from civicdesk.schema import INSPECTION_CHOICES, RATING_CHOICES
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.printing import print_document
from civicdesk.services.printing.register import RegisterOptions, inspection_cell, rating_cell
from civicdesk.services.register import browse, first_page
from civicdesk.services.register.plain import RegisterFilter, RegisterRow
from civicdesk.services.supervision import profile

TODAY = date(2026, 11, 28)
NOTE = "内部备注：年检材料待补"


def _record(session: Any, org_id: str, year: int, conclusion: str | None, state: str = "decided",
            late: bool = False) -> None:
    campaign = session.scalars(select(InspectionCampaign).filter_by(office_code="511111", year=year)).one_or_none()
    if campaign is None:
        campaign = InspectionCampaign(office_code="511111", year=year, rules={}, opened_by="test",
                                      opened_at=datetime(year + 1, 1, 5), origin_office="511111")
        session.add(campaign)
        session.flush()
    session.add(InspectionRecord(campaign_id=campaign.id, organization_id=org_id, year=year, state=state,
                                 received_on=date(year + 1, 4, 1), late=late, conclusion=conclusion,
                                 document_no=f"沙民检〔{year + 1}〕1号" if state == "decided" else None,
                                 entered_by="test", origin_office="511111"))


def _rating(session: Any, org_id: str, grade: str, valid_from: date, valid_to: date, state: str = "decided") -> None:
    session.add(RatingApplication(organization_id=org_id, office_code="511111", year=valid_from.year,
                                  state=state, applied_on=valid_from, rules={}, eligibility=[], scores={},
                                  total=800, grade=grade, current_grade=grade, decision_no="沙民评〔2025〕3号",
                                  valid_from=valid_from, valid_to=valid_to, entered_by="test",
                                  origin_office="511111"))


def seed(db: Database) -> dict[str, str]:
    """Supervision records for five live registered organizations of 沙湾区 (the ids by role), the summary
    refreshed:

    - ``passed``: 2025 合格 (late), 2024 基本合格; 4A until 2029-12-31; a note (internal); a published spot check
      that found nothing
    - ``basic``: 2025 基本合格; 3A that ended 2025-12-31
    - ``failed``: 2025 不合格
    - ``older``: 2023 合格 only
    - ``pending``: 2025 submitted, not decided; an unpublished spot check to rectify by 2026-12-31
    """
    with db.unit(actor="test") as session:
        ids = session.scalars(select(Organization.id).where(
            Organization.tier == "registered", Organization.status == "active", Organization.deleted_at.is_(None))
            .order_by(Organization.seq).limit(5)).all()
        roles = dict(zip(("passed", "basic", "failed", "older", "pending"), ids, strict=True))
        _record(session, roles["passed"], 2025, "pass", late=True)
        _record(session, roles["passed"], 2024, "basic")
        _record(session, roles["basic"], 2025, "basic")
        _record(session, roles["failed"], 2025, "fail")
        _record(session, roles["older"], 2023, "pass")
        _record(session, roles["pending"], 2025, None, state="submitted")
        _rating(session, roles["passed"], "4A", date(2024, 12, 31), date(2029, 12, 31))
        _rating(session, roles["basic"], "3A", date(2020, 12, 31), date(2025, 12, 31))
        session.get(Organization, roles["passed"]).notes = NOTE
        plan = SpotcheckPlan(office_code="511111", year=2026, ratio=Decimal("0.05"), title="2026年度双随机抽查",
                             state="drawn", created_by="test", origin_office="511111")
        session.add(plan)
        session.flush()
        session.add(SpotcheckItem(plan_id=plan.id, organization_id=roles["passed"], position=1,
                                  checked_on=date(2026, 6, 2), result="clear", published_on=date(2026, 7, 1),
                                  origin_office="511111"))
        session.add(SpotcheckItem(plan_id=plan.id, organization_id=roles["pending"], position=2,
                                  checked_on=date(2026, 6, 3), result="rectify", rectify_by=date(2026, 12, 31),
                                  origin_office="511111"))
        session.flush()
        profile.refresh_summary(session)
    return roles


@pytest.fixture(scope="module")
def fixed_clock() -> Iterator[program_clock.FixedClock]:
    with program_clock.use(program_clock.FixedClock(datetime(2026, 11, 28, 10, 0))) as fixed:
        yield fixed  # type: ignore[misc]


@pytest.fixture(scope="module")
def supervised(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory,
               fixed_clock: Any) -> Iterator[tuple[Database, dict[str, str], Path]]:
    path = tmp_path_factory.mktemp("register_supervision") / "shawan.sqlite3"
    shutil.copyfile(templates["shawan_demo"], path)
    clear_supervision(path)  # the records below are the only ones
    db = open_database(path)
    roles = seed(db)
    yield db, roles, path
    db.close()


def _all_live(db: Database) -> list[RegisterRow]:
    with db.read() as session:
        seqs = list(session.scalars(select(Organization.seq).where(Organization.deleted_at.is_(None))))
    return [r for r in browse.rows(db, seqs).values() if r.status in ("active", "suspended", "liquidating")]


def _expected(row: RegisterRow, flt: RegisterFilter, today: date) -> bool:
    """The filters' meaning, said in Python over the row's own methods."""
    conclusion, grade = row.last_year_conclusion(today), row.rating_in_force(today)
    if flt.inspection == "none" and conclusion is not None:
        return False
    if flt.inspection not in (None, "none") and conclusion != flt.inspection:
        return False
    if flt.rating == "none":
        return grade is None
    if flt.rating == "rated":
        return grade is not None
    return flt.rating is None or grade == flt.rating


def test_rows_carry_the_summary_of_the_records(supervised: Any) -> None:
    db, roles, _path = supervised
    by_id = {r.id: r for r in _all_live(db)}
    passed, basic, failed, older, pending = (by_id[roles[k]] for k in ("passed", "basic", "failed", "older",
                                                                       "pending"))
    assert (passed.last_year_conclusion(TODAY), passed.rating_in_force(TODAY)) == ("pass", "4A")
    assert (basic.last_year_conclusion(TODAY), basic.rating_in_force(TODAY)) == ("basic", None)  # 3A ended
    assert basic.rating_grade == "3A" and basic.rating_valid_to == date(2025, 12, 31)
    assert failed.last_year_conclusion(TODAY) == "fail"
    assert (older.inspection_year, older.last_year_conclusion(TODAY)) == (2023, None)
    assert pending.inspection_year is None  # a submitted record has no conclusion yet
    # on the last day of its validity a grade holds; the next day it does not
    assert passed.rating_in_force(date(2029, 12, 31)) == "4A" and passed.rating_in_force(date(2030, 1, 1)) is None


def test_the_first_paint_reads_the_same_rows_with_sqlite3(supervised: Any) -> None:
    """``first_page`` (sqlite3, before SQLAlchemy) and ``browse`` give equal rows, the dates parsed alike."""
    db, roles, path = supervised
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        peeked = first_page._rows(conn, "established_on", False, 200)
    assert peeked == browse.first_page(db, RegisterFilter(), "established_on", False, 200)
    rated = browse.first_page(db, RegisterFilter(rating="rated"), "name", False, 10)
    assert [r.id for r in rated] == [roles["passed"]] and rated[0].rating_valid_to == date(2029, 12, 31)


@pytest.mark.parametrize("field,choices", [("inspection", INSPECTION_CHOICES), ("rating", RATING_CHOICES)])
def test_each_filter_choice_finds_what_the_rows_say(supervised: Any, field: str, choices: tuple[str, ...]) -> None:
    db, _roles, _path = supervised
    rows = _all_live(db)
    for choice in choices:
        flt = RegisterFilter(**{field: choice})
        wanted = {r.seq for r in rows if _expected(r, flt, TODAY)}
        assert browse.count(db, flt) == len(wanted), choice
        assert set(browse.ordered_seqs(db, flt)) == wanted, choice
    # the two together, and with another filter
    flt = RegisterFilter(inspection="pass", rating="rated", legal_form="social_group")
    assert set(browse.ordered_seqs(db, flt)) == {r.seq for r in rows if _expected(r, flt, TODAY)
                                                 and r.legal_form == "social_group"}


def test_filters_follow_the_programs_clock(supervised: Any, fixed_clock: program_clock.FixedClock) -> None:
    """In 2027 the 2025 inspections are no longer last year's, and in 2030 the 4A has ended."""
    db, roles, _path = supervised
    assert roles["failed"] in {r.id for r in browse.first_page(db, RegisterFilter(inspection="fail"))}
    with program_clock.use(program_clock.FixedClock(datetime(2027, 1, 2, 9, 0))):
        assert browse.count(db, RegisterFilter(inspection="fail")) == 0
        assert browse.count(db, RegisterFilter(inspection="none")) == browse.count(db, RegisterFilter())
    with program_clock.use(program_clock.FixedClock(datetime(2030, 1, 1, 9, 0))):
        assert browse.count(db, RegisterFilter(rating="rated")) == 0
        assert browse.count(db, RegisterFilter(rating="none")) == browse.count(db, RegisterFilter())


def test_cells_of_the_register_print() -> None:
    assert inspection_cell(2025, "basic", TODAY) == "基本合格"
    assert inspection_cell(2023, "pass", TODAY) == "（2023年度合格）"
    assert inspection_cell(None, None, TODAY) == ""
    assert rating_cell("4A", date(2026, 11, 28), TODAY) == "4A"
    assert rating_cell("4A", date(2026, 11, 27), TODAY) == ""


def _text(path: Path) -> str:
    return re.sub(r"\s+", "", "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def test_register_print_has_the_offices_columns_and_notes_only_inside(supervised: Any, tmp_path: Path) -> None:
    db, roles, _path = supervised
    options = RegisterOptions(filter=RegisterFilter(inspection="pass"))
    internal, public = tmp_path / "internal.pdf", tmp_path / "public.pdf"
    result = print_document(db, "register", options, internal, printed_on=TODAY, public=False)
    print_document(db, "register", options, public, printed_on=TODAY, public=True)
    inside, outside = _text(internal), _text(public)
    for text in (inside, outside):
        assert "评估等级" in text and "上年度年检结论" in text
        assert "2025年度年检合格" in text  # the filter in words under the title
        assert "4A" in text
    assert result.facts["rows"] == browse.count(db, options.filter)
    assert "备注" in inside and NOTE in inside
    assert "备注" not in outside and NOTE not in outside and "年检材料待补" not in outside
    with db.read() as session:
        name = session.get(Organization, roles["passed"]).name
    assert name in inside


def test_register_print_shows_an_older_conclusion_with_its_year(supervised: Any, tmp_path: Path) -> None:
    db, roles, _path = supervised
    with db.read() as session:
        division = session.get(Organization, roles["older"]).township_code
    out = tmp_path / "older.pdf"
    print_document(db, "register", RegisterOptions(filter=RegisterFilter(inspection="none"), division=division),
                   out, printed_on=TODAY)
    assert "（2023年度合格）" in _text(out)


def test_organization_sheet_has_the_supervision_section(supervised: Any, tmp_path: Path) -> None:
    db, roles, _path = supervised
    internal, public = tmp_path / "sheet.pdf", tmp_path / "sheet_public.pdf"
    print_document(db, "organization", roles["passed"], internal, printed_on=TODAY, public=False)
    print_document(db, "organization", roles["passed"], public, printed_on=TODAY, public=True)
    for text in (_text(internal), _text(public)):
        assert "四、监管信息" in text
        assert "2025合格" in text and "2024基本合格" in text and "沙民检〔2026〕1号" in text
        assert "4A，有效期2024年12月31日至2029年12月31日" in text
        assert "未发现问题" in text  # its spot check was published
    pending_in, pending_out = tmp_path / "pending.pdf", tmp_path / "pending_public.pdf"
    print_document(db, "organization", roles["pending"], pending_in, printed_on=TODAY, public=False)
    print_document(db, "organization", roles["pending"], pending_out, printed_on=TODAY, public=True)
    inside, outside = _text(pending_in), _text(pending_out)
    assert "2025已报送" in inside and "责令整改" in inside and "2026年12月31日" in inside
    assert "评估等级：未评估" in inside
    # the public version: no undecided inspection, no unpublished spot check
    assert "已报送" not in outside and "责令整改" not in outside
    basic = tmp_path / "basic.pdf"
    print_document(db, "organization", roles["basic"], basic, printed_on=TODAY)
    assert "已过期（3A，有效期至2025年12月31日）" in _text(basic)


def _plans(db: Database, path: Path, run: Any) -> list[str]:
    """The query plans of the statements ``run`` makes on the organization table."""
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if "FROM organization" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    with closing(sqlite3.connect(path)) as conn:
        return [" ; ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)) for sql, params in seen]


@pytest.mark.parametrize("values,index", [({"inspection": "pass"}, "ix_organization_inspection"),
                                          ({"inspection": "none"}, "ix_organization_inspection"),
                                          ({"rating": "3A"}, "ix_organization_rating"),
                                          ({"rating": "rated"}, "ix_organization_rating"),
                                          ({"rating": "none"}, "ix_organization_rating")])
def test_the_filters_read_their_indexes_not_the_table(supervised: Any, values: dict[str, str], index: str) -> None:
    """The count reads the covering index (its range, or the list of its matches); the whole order probes the
    index's matches, never driven by the seq index (a row read per match).  (The database has no statistics,
    as a clerk's has none: no ANALYZE.)"""
    db, _roles, path = supervised
    flt = RegisterFilter(**values)
    [count_plan] = _plans(db, path, lambda: browse.count(db, flt))
    assert f"COVERING INDEX {index}" in count_plan
    [order_plan] = _plans(db, path, lambda: browse.ordered_seqs(db, flt))
    assert f"COVERING INDEX {index}" in order_plan
    assert "uq_organization_seq" not in order_plan
