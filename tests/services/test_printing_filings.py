"""The ``filings`` print kind: filings received or decided in a period, with their deadlines; and the
organization sheet's latest filings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from civicdesk.app import main
from civicdesk.clock import FixedClock
from civicdesk.services.admin import auth
from civicdesk.services.filings import service as filings
from civicdesk.services.register.browse import RegisterFilter, first_page
from civicdesk.services.core.database import Database
from civicdesk.services.printing import print_document
from civicdesk.services.printing.kind_filings import FilingsOptions
from tests.services.test_printing import assert_fonts_embedded, text_of


@pytest.fixture
def decided(shawan_db: Database, clock: FixedClock) -> tuple[Database, list[filings.FilingRecord]]:
    db = shawan_db
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    clerk = auth.create_user(db, "wang", "clerk123x", "clerk", by=admin)
    orgs = first_page(db, RegisterFilter(tier="registered"), "name", False, 3)
    made = []
    for org, received, applicant in zip(orgs, ("2026-11-20", "2026-09-01", "2025-12-01"), ("王五", "赵六", "钱七"),
                                        strict=True):
        record = filings.draft_filing(db, "change", {"organization_id": org.id, "changes": {"member_count": 999},
                                                     "received_on": received, "applicant": applicant}, by=clerk)
        made.append(filings.transition(db, record.id, "submit", by=clerk))
    made[0] = filings.transition(db, made[0].id, "approve", by=admin)
    return db, made


@pytest.mark.both_backends
def test_period_report_with_deadlines(decided, tmp_path: Path) -> None:
    db, made = decided
    internal, public = tmp_path / "i.pdf", tmp_path / "p.pdf"
    options = FilingsOptions(date(2026, 1, 1), date(2026, 11, 28))
    result = print_document(db, "filings", options, internal, by=auth.get_user(db, "wang"))
    assert (result.facts["received"], result.facts["decided"], result.facts["pending"], result.facts["overdue"]) == (
        2, 1, 1, 1)
    text = text_of(internal)
    assert "申请事项办理情况表" in text and "2026年1月1日至2026年11月28日" in text
    assert "本期受理申请事项2件" in text and "已逾期1件" in text
    assert made[0].number in text and made[1].number in text and made[2].number not in text  # 2025: outside
    assert "王五" in text and "赵六" in text
    print_document(db, "filings", options, public, public=True, by=auth.get_user(db, "wang"))
    assert "王五" not in text_of(public) and made[1].number in text_of(public)  # no applicants in public
    assert_fonts_embedded(internal)


def test_organization_sheet_lists_its_latest_filings(decided, tmp_path: Path) -> None:
    db, made = decided
    sheet = tmp_path / "o.pdf"
    print_document(db, "organization", {"key": made[0].organization_id}, sheet, by=auth.get_user(db, "wang"))
    text = text_of(sheet)
    assert "最近的申请事项" in text and "准予" in text


def test_cli_period_and_bad_dates(shawan_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "f.pdf"
    assert main(["--db", str(shawan_db_path), "print", "filings", "--from", "2026-12-01", "--to", "2026-01-01",
                 "-o", str(target)]) == 2
    assert "期间止早于期间起" in capsys.readouterr().err and not target.exists()
    assert main(["--db", str(shawan_db_path), "print", "filings", "--from", "2026-13-45", "-o", str(target)]) == 2
    assert "不是日期" in capsys.readouterr().err and not target.exists()
    assert main(["--db", str(shawan_db_path), "print", "filings", "-o", str(target)]) == 0
    assert "本期受理申请事项0件" in text_of(target)


def test_days_left_count_from_the_day_the_report_is_printed_as_the_queue_does(shawan_db_path: Path, tmp_path: Path,
                                                                            clock: FixedClock) -> None:
    """Issue 13: a period ending after today printed 已受理（剩33天） where the queue said 60."""
    from civicdesk.services.core.database import open_database

    db = open_database(shawan_db_path)
    try:
        clerk = auth.create_user(db, "admin", "admin123x", "admin")
        org = first_page(db, RegisterFilter(tier="registered"), "name", False, 1)[0]
        draft = filings.draft_filing(db, "change", {"organization_id": org.id, "changes": {"member_count": 998}},
                                     by=clerk)
        queued = filings.transition(db, draft.id, "submit", by=clerk)
        assert queued.days_left == 60 and filings.list_filings(db)[0].days_left == 60
        for end in (date(2026, 12, 31), date(2026, 11, 28)):  # the year's report, and today's
            target = tmp_path / f"{end}.pdf"
            print_document(db, "filings", FilingsOptions(date(2026, 1, 1), end), target, by=clerk)
            assert "已受理（剩60天）" in text_of(target).replace("\n", "")
        clock.advance(days=10)  # ten days later the queue and the report both say 50
        target = tmp_path / "later.pdf"
        print_document(db, "filings", FilingsOptions(date(2026, 1, 1), date(2026, 12, 31)), target, by=clerk)
        assert filings.get_filing(db, draft.id).days_left == 50
        assert "已受理（剩50天）" in text_of(target).replace("\n", "")
    finally:
        db.close()
