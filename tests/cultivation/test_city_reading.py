"""The city consolidates every office's cultivation rows: its readings show every district's teams, stations and
awards (recording stays with the office whose register holds them), and its round report prints the newest
round of any office; an office without rounds is told so in one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from civicdesk.services.cultivation import stations, volunteers
from tests.helpers.db import digest


def test_the_city_reads_every_districts_stations_and_teams(templates: Any) -> None:
    db = open_database(templates["city_demo"])  # read only
    try:
        listed = stations.list_stations(db)
        assert len(listed) == 20 and sum(s.person_times for s in listed) > 100_000
        assert len(volunteers.list_teams(db)) > 1400
        station = listed[0]
        assert stations.show_station(db, station.id).person_times == station.person_times
        assert stations.list_services(db, station.id)  # a district's station's days, read at the city
    finally:
        db.close()


def test_the_city_prints_a_districts_round_and_a_district_without_rounds_is_told(templates: Any, db_path: Path,
                                                                                  tmp_path: Path) -> None:
    from civicdesk.services.printing import print_document
    from civicdesk.services.printing.kind_venture import VentureReportOptions
    from tests.services.test_printing import text_of

    city = open_database(templates["city_demo"])
    try:
        print_document(city, "venture-report", VentureReportOptions(), tmp_path / "round.pdf")
    finally:
        city.close()
    assert "结果报告" in text_of(tmp_path / "round.pdf")
    empty = open_database(db_path)  # 沙湾区 without the demo: no rounds
    try:
        admin = auth.create_user(empty, "admin9", "a-long-password-1", "admin")
        before = digest(db_path, without=("audit_entry",))
        with pytest.raises(CivicDeskError) as refused:
            print_document(empty, "venture-report", VentureReportOptions(), tmp_path / "none.pdf", by=admin)
        assert refused.value.code == "venture.no_rounds" and not (tmp_path / "none.pdf").exists()
        assert "请先新建一轮" in refused.value.message("zh")
    finally:
        empty.close()
    assert digest(db_path, without=("audit_entry",)) == before
