"""One JSON form for the records the CLI prints with ``--json`` (services/supervision/common.py record_json): an
inspection record and a credit listing write their days, moments, amounts and steps alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from civicdesk.services.supervision import common, credit, inspection

@dataclass(frozen=True)
class _Shaped:
    """A record of every kind of value the helper writes (as an inspection record has)."""

    day: date
    moment: datetime
    amount: Decimal
    steps: tuple[inspection.Step, ...]


STEP = credit.CreditStep("list", "proposed", "listed", "rev1", datetime(2026, 5, 6, 10, 30), "沙民信〔2026〕1号")


def test_a_listing_writes_its_days_and_steps_as_an_inspection_record_does() -> None:
    listing = credit.ListingInfo(
        "l1", "o1", "某协会", None, "511111", "abnormal", "listed", "annual_report_missing", None, [], None, None,
        "rules", date(2026, 5, 4), "沙民信〔2026〕1号", date(2026, 5, 6), "rev1", date(2026, 5, 6), None, None, None,
        None, None, None, None, None, (STEP,))
    out = listing.to_json()
    assert (out["proposed_on"], out["decided_on"], out["removed_on"]) == ("2026-05-04", "2026-05-06", None)
    assert out["steps"] == [{"action": "list", "from": "proposed", "to": "listed", "actor": "rev1",
                             "at": "2026-05-06 10:30:00", "comment": "沙民信〔2026〕1号"}]
    assert out == common.record_json(listing)
    step = inspection.Step(STEP.action, STEP.from_state, STEP.to_state, STEP.actor, STEP.at, STEP.comment)
    assert common.record_json(_Shaped(date(2026, 5, 6), datetime(2026, 5, 6, 9), Decimal("12.50"), (step,))) == {
        "day": "2026-05-06", "moment": "2026-05-06 09:00:00", "amount": "12.50", "steps": out["steps"]}


def test_an_objection_without_steps_writes_its_days() -> None:
    objection = credit.ObjectionInfo("x", "l1", date(2026, 5, 8), "异议", "received", None, None, None, "clerk1", None)
    assert objection.to_json()["received_on"] == "2026-05-08" and "steps" not in objection.to_json()
