"""Supervision parameters: shipped defaults with sources, an office's own values, checks that refuse bad values."""

from __future__ import annotations

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.supervision import parameters
from tests.helpers.db import digest


def test_every_default_has_a_source_and_passes_its_own_check():
    for key, d in parameters.defaults().items():
        assert d.source.strip(), key
        assert parameters.checked(key, d.value) == d.value, key
        for form, v in d.by_legal_form.items():
            assert parameters.checked(key, v) == v, (key, form)


def test_defaults_apply_until_the_office_sets_its_own(db):
    assert parameters.value(db, "inspection.registry_deadline") == "05-31"
    assert parameters.value(db, "inspection.registry_deadline", legal_form="foundation") == "03-31"
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    parameters.set_parameter(db, "inspection.registry_deadline", "06-15", source="本局2027年通知", by=admin,
                             year_from=2027)
    assert parameters.value(db, "inspection.registry_deadline", year=2026) == "05-31"
    assert parameters.value(db, "inspection.registry_deadline", year=2027) == "06-15"
    # the legal form's own default is more specific than the office's value for every form of 2027
    assert parameters.value(db, "inspection.registry_deadline", legal_form="foundation", year=2027) == "03-31"
    row = parameters.set_parameter(db, "inspection.registry_deadline", "04-30", source="本局通知", by=admin,
                                   legal_form="foundation", year_from=2027)
    assert parameters.value(db, "inspection.registry_deadline", legal_form="foundation", year=2027) == "04-30"
    parameters.reset_parameter(db, row.id, by=admin, reason="恢复默认")
    assert parameters.value(db, "inspection.registry_deadline", legal_form="foundation", year=2027) == "03-31"
    own = [r for r in parameters.list_parameters(db) if r.own]
    assert [(r.key, r.value, r.year_from) for r in own] == [("inspection.registry_deadline", "06-15", 2027)]


@pytest.mark.parametrize("key, value, code", [
    ("inspection.registry_deadline", "02-30", "parameter.bad_value"),
    ("inspection.min_months_registered", 13, "parameter.out_of_range"),
    ("spotcheck.min_ratio", {"county": 0, "city": 0.04, "province": 0.05}, "parameter.bad_value"),
    ("rating.bands", [{"grade": "5A", "min": 900}, {"grade": "4A", "min": 950}], "parameter.bad_value"),
    ("rating.parts", [{"key": "a", "zh": "甲", "en": "A", "max": 999}], "parameter.bad_value"),
    ("no.such.key", 1, "parameter.unknown"),
])
def test_a_bad_value_is_refused_by_name_and_changes_nothing(db, key, value, code):
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    before = digest(db.path)
    with pytest.raises(CivicDeskError) as refused:
        parameters.set_parameter(db, key, value, source="依据", by=admin)
    assert refused.value.code == code
    assert key in refused.value.message("zh")
    assert digest(db.path) == before


def test_only_an_administrator_sets_a_parameter_and_a_source_is_required(db):
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    reviewer = auth.create_user(db, "rev1", "a-long-password-2", "reviewer", by=admin)
    before = digest(db.path)
    with pytest.raises(CivicDeskError) as refused:
        parameters.set_parameter(db, "rating.validity_years", 4, source="依据", by=reviewer)
    assert refused.value.code == "auth.forbidden"
    with pytest.raises(CivicDeskError) as refused:
        parameters.set_parameter(db, "rating.validity_years", 4, source="  ", by=admin)
    assert refused.value.code == "parameter.source_required"
    assert digest(db.path) == before


def test_the_cli_lists_sets_and_resets_with_one_line_errors(db_path):
    import json

    from tests.helpers.cli import cli, ok

    rows = json.loads(ok("--db", db_path, "parameter", "list", "--json"))
    assert {r["key"] for r in rows} == set(parameters.defaults())
    assert all(r["source"] for r in rows)
    # no accounts yet: the system acts (as for every service); an account would be needed once one exists
    row = json.loads(ok("--db", db_path, "parameter", "set", "spotcheck.min_ratio",
                        '{"county": 0.05, "city": 0.05, "province": 0.05}', "--source", "本局2026年通知", "--json"))
    assert row["own"] and row["value"]["county"] == 0.05
    before = digest(db_path)
    for args, words in ((("rating.parts", "{"), "JSON"),
                        (("inspection.registry_deadline", "13-01"), "inspection.registry_deadline"),
                        (("rating.validity_years", "0"), "rating.validity_years")):
        code, out, err = cli("--db", db_path, "parameter", "set", *args, "--source", "依据")
        assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and words in err, err
    assert digest(db_path) == before
    ok("--db", db_path, "parameter", "reset", row["id"], "--reason", "恢复默认")
    rows = json.loads(ok("--db", db_path, "parameter", "list", "--json"))
    assert not any(r["own"] for r in rows)
