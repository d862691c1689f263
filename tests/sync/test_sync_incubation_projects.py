"""Incubation and purchased services in sync (district -> city): the five kinds of row applied when valid; a row
whose values a clerk could not have entered refuses the whole package (services/supervision/arrivals.py, by the
same checks as the services); a row claiming another office, or a child filed under another office's parent,
is no one's (services/sync/trust.py)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.helpers.db import digest
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import CITY, DISTRICT, change, refused, rows

world = jurisdiction.world
world_known = jurisdiction.world_known  # (what world reads once per module)


def _row(**values: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "office_code": DISTRICT, "entered_by": "clerk1", "origin_office": DISTRICT,
            **values}


def rows_for(w: dict[str, Any]) -> dict[str, dict[str, Any]]:
    base = _row(name="沙湾区社会组织培育孵化基地", level="county", kind="base", division_code=DISTRICT,
                operator_name="沙湾区社工服务中心", opened_on="2020-06-01")
    resident = _row(base_id=base["id"], organization_id=w["own_org"], admitted_on="2025-01-10",
                    graduated_on="2025-12-01", outcome="registered", outcome_on="2025-12-01")
    service = _row(resident_id=resident["id"], kind="office_space", given_on="2025-01-10", until="2025-12-31")
    project = _row(division_code=DISTRICT, name="社区养老互助服务", department="沙湾区民政局", year=2025,
                   funding_source="lottery", organization_id=w["other_org"], contract_no="沙民购〔2025〕1号",
                   amount="120000.00", starts_on="2025-03-01", ends_on="2026-02-28", deliverables="上门探访",
                   evaluation="good", evaluated_on="2026-01-10")
    payment = _row(project_id=project["id"], paid_on="2025-06-01", amount="60000.00")
    return {"incubation_base": base, "incubation_resident": resident, "incubation_service": service,
            "service_project": project, "project_payment": payment}


def package(w: dict[str, Any], made: dict[str, dict[str, Any]]) -> bytes:
    return w["up"].package([change(entity, row["id"], "upsert", row) for entity, row in made.items()], seq=2,
                           previous=w["previous"])


def test_valid_incubation_and_project_rows_apply(world: dict[str, Any]) -> None:
    made = rows_for(world)
    result = refused(world["city"], package(world, made))
    assert result.status == "applied", result.message
    for entity, row in made.items():  # the city holds the demo's rows too: each of these by its id
        assert rows(world["city"], f"SELECT count(*) FROM {entity} WHERE id = ?", row["id"]) == [(1,)], entity
    assert rows(world["city"], "SELECT outcome, graduated_on FROM incubation_resident WHERE id = ?",
                made["incubation_resident"]["id"]) == [("registered", "2025-12-01")]
    assert rows(world["city"], "SELECT amount FROM project_payment WHERE project_id = ?",
                made["service_project"]["id"]) == [(60000,)]


VALUES = {
    "a graduation before admission": ("incubation_resident", {"graduated_on": "2024-12-01",
                                                              "outcome_on": "2024-12-01"}, "outcome_on"),
    "a graduation without its outcome's day": ("incubation_resident", {"graduated_on": "2025-11-30"},
                                               "graduated_on"),
    "a graduation in the future": ("incubation_resident", {"graduated_on": "2099-01-01",
                                                           "outcome_on": "2099-01-01"}, "outcome_on"),
    "an unregistered resident without a contact": ("incubation_resident", {"organization_id": None,
                                                                           "name": "某读书会"}, "contact_name"),
    "a base of an unknown level": ("incubation_base", {"level": "province"}, "level"),
    "a park without its township": ("incubation_base", {"kind": "park"}, "township_code"),
    "a service of an unknown kind": ("incubation_service", {"kind": "catering", "until": None}, "kind"),
    "a project with a negative amount": ("service_project", {"amount": "-120000.00"}, "amount"),
    "a project of an unknown funding source": ("service_project", {"funding_source": "casino"}, "funding_source"),
    "a project ending before it starts": ("service_project", {"ends_on": "2025-01-01"}, "ends_on"),
    "a project of an unknown evaluation": ("service_project", {"evaluation": "superb"}, "evaluation"),
    "a negative payment": ("project_payment", {"amount": "-5.00"}, "amount"),
    "a payment in the future": ("project_payment", {"paid_on": "2099-01-01"}, "paid_on"),
}


@pytest.mark.parametrize("name", list(VALUES))
def test_an_arriving_row_a_clerk_could_not_have_entered_is_refused_whole(world: dict[str, Any], name: str) -> None:
    entity, over, field = VALUES[name]
    made = rows_for(world)
    made[entity] = {**made[entity], **over}
    before = digest(world["city"])
    result = refused(world["city"], package(world, made))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert made[entity]["id"] in result.message and field in result.message, result.message
    assert digest(world["city"]) == before


def test_a_row_of_another_office_or_under_its_parent_is_refused(world: dict[str, Any]) -> None:
    before = digest(world["city"])
    for entity, over in (("incubation_base", {"office_code": CITY}), ("service_project", {"office_code": CITY}),
                         ("project_payment", {"office_code": CITY})):
        made = rows_for(world)
        made[entity] = {**made[entity], **over}
        result = refused(world["city"], package(world, made))
        assert result.status == "refused" and result.reason == "sync.refused.foreign_row", result.message
        assert made[entity]["id"] in result.message
    made = rows_for(world)  # a resident filed under a base that claims the city
    made["incubation_base"]["office_code"] = CITY
    result = refused(world["city"], package(world, {"incubation_resident": made["incubation_resident"],
                                                    "incubation_base": made["incubation_base"]}))
    assert result.reason == "sync.refused.foreign_row", result.message
    assert digest(world["city"]) == before


def test_arriving_payments_over_the_contract_are_refused_whole(world: dict[str, Any]) -> None:
    made = rows_for(world)
    second = {**made["project_payment"], "id": str(uuid.uuid4()), "paid_on": "2025-09-01", "amount": "60000.01"}
    changes = [change(entity, row["id"], "upsert", row) for entity, row in made.items()]
    before = digest(world["city"])
    result = refused(world["city"], world["up"].package([*changes, change("project_payment", second["id"], "upsert",
                                                                          second)], seq=2, previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert second["id"] in result.message and "amount" in result.message
    assert digest(world["city"]) == before
    second["amount"] = "60000.00"  # exactly the contract: applied
    result = refused(world["city"], world["up"].package([*changes, change("project_payment", second["id"], "upsert",
                                                                          second)], seq=2, previous=world["previous"]))
    assert result.status == "applied", result.message


def test_a_funding_source_the_office_defined_is_known_with_its_parameter(world: dict[str, Any]) -> None:
    """A project on a funding source of the sending office's own ``cultivation.funding_sources`` row (in the same
    package) applies; without that row it is refused."""
    from civicdesk.services.supervision import parameters

    made = rows_for(world)
    made["service_project"]["funding_source"] = "charity"
    before = digest(world["city"])
    result = refused(world["city"], package(world, made))
    assert result.reason == "sync.refused.invalid_row" and "funding_source" in result.message, result.message
    assert digest(world["city"]) == before
    own = {"id": str(uuid.uuid4()), "key": "cultivation.funding_sources", "legal_form": None, "year_from": None,
           "year_to": None, "source": "区财政局资金管理办法（测试）", "note": None, "edited_by": "admin1",
           "origin_office": DISTRICT,
           "value": [*parameters.defaults()["cultivation.funding_sources"].value,
                     {"key": "charity", "zh": "慈善总会定向捐赠", "en": "Charity federation donation"}]}
    changes = [change("parameter", own["id"], "upsert", own),
               *[change(entity, row["id"], "upsert", row) for entity, row in made.items()]]
    result = refused(world["city"], world["up"].package(changes, seq=2, previous=world["previous"]))
    assert result.status == "applied", result.message
