"""Cultivation's steps on a row a clerk's window showed (``shown_version``): refused (``record.changed``, audited,
nothing else written) when a second clerk changed the row in between; the row read again, the step goes through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models import IncubationResident, ServiceProject, VentureApplication
from civicdesk.services.cultivation import incubation, projects, venture
from tests.cultivation.test_incubation import base
from tests.cultivation.test_projects import contract
from tests.cultivation.test_venture import _apply, _round
from tests.supervision.enforcement_fixtures import audited, data, office

__all__ = ["base", "office"]


def changed_meanwhile(db: Any, model: Any, key: str, **values: Any) -> None:
    """Another clerk's change of the row (any change moves its version)."""
    with db.unit(actor="clerk2") as session:
        row = session.get(model, key)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


def refused(o: dict[str, Any], event: str, call: Callable[[], Any]) -> None:
    before = data(o["db"])
    with pytest.raises(CivicDeskError) as err:
        call()
    assert err.value.code == "record.changed", err.value
    assert data(o["db"]) == before
    assert audited(o, event)[0].details["error"] == "record.changed"


def test_a_project_evaluated_on_a_changed_contract_is_refused(office: dict[str, Any]) -> None:
    db = office["db"]
    shown = contract(office)
    changed_meanwhile(db, ServiceProject, shown.id, deliverables="每周两次上门探访")
    refused(office, "project.refused", lambda: projects.evaluate(db, shown.id, result="good", on="2026-11-20",
                                                                 by=office["clerk"], shown_version=shown.version))
    refused(office, "project.refused", lambda: projects.pay(db, shown.id, amount="1000", paid_on="2026-04-01",
                                                            by=office["clerk"], shown_version=shown.version))
    now = projects.get_project(db, shown.id)
    assert projects.evaluate(db, shown.id, result="good", on="2026-11-20", by=office["clerk"],
                             shown_version=now.version).evaluation == "good"


def test_a_venture_award_on_a_changed_application_is_refused(office: dict[str, Any]) -> None:
    db = office["db"]
    _round(office)
    shown = _apply(office)
    venture.score(db, shown.id, judge="评审甲", value="80", scored_on="2026-05-10", by=office["clerk"],
                  shown_version=shown.version)
    changed_meanwhile(db, VentureApplication, shown.id, project_title="社区老人助餐（修订）")
    refused(office, "venture_application.refused", lambda: venture.award(
        db, shown.id, amount="50000", decided_on="2026-06-01", by=office["rev1"], shown_version=shown.version))
    assert venture.get_application(db, shown.id).state == "submitted"


def test_a_resident_graduated_after_a_change_is_refused(base: dict[str, Any]) -> None:
    db = base["db"]
    shown = incubation.admit(db, base["base"], organization=base["org"], admitted_on="2025-01-10", by=base["clerk"])
    changed_meanwhile(db, IncubationResident, shown.id, contact_name="李联系")
    refused(base, "incubation.refused", lambda: incubation.graduate(
        db, shown.id, outcome="registered", on="2026-06-01", by=base["clerk"], shown_version=shown.version))
