"""The local tally per volunteer team and children's station (issue 18): recomputed from the rows, equal
whether refreshed for a few organizations or all of them, and what the figures read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from civicdesk.models import CultivationTally, StationFunding, StationService
from civicdesk.services.cultivation import tally
from civicdesk.services.cultivation.figures import cultivation_figures
from tests.helpers.cultivation import org_of


def _tallies(db: Any, *ids: str) -> dict[str, tuple[Any, ...]]:
    with db.read() as session:
        return {t.organization_id: (t.service_days, t.person_times, t.in_difficulty, t.left_behind, t.volunteers,
                                    t.activities, Decimal(t.hours))
                for t in session.scalars(select(CultivationTally).where(CultivationTally.organization_id.in_(ids)))}


def test_the_tally_sums_the_rows_and_the_figures_read_it(grown: dict[str, Any]) -> None:
    db = grown["db"]
    station = org_of(db, free=False, community_subtype="children_station")  # the demo's: with service days
    with db.read() as session:
        was = session.get(CultivationTally, station)
        had = ((was.service_days, was.person_times, was.in_difficulty, was.left_behind)
               if was is not None else (0, 0, 0, 0))
    code = db.office().code
    with db.unit("clerk1") as session:
        for day, times, hard, behind in ((date(2021, 3, 1), 30, 4, 6), (date(2021, 3, 8), 25, 2, 9)):
            session.add(StationService(station_id=station, served_on=day, activity="课业辅导", person_times=times,
                                       in_difficulty=hard, left_behind=behind, office_code=code,
                                       entered_by="clerk1"))
        session.add(StationFunding(station_id=station, year=2021, source="civil_affairs", funder="沙湾区民政局",
                                   amount=Decimal("5000"), received_on=date(2021, 2, 1), office_code=code,
                                   entered_by="clerk1"))
    before = cultivation_figures(db)
    with db.unit("clerk1") as session:
        tally.refresh(session, [grown["team"], station])
    assert _tallies(db, grown["team"], station) == {grown["team"]: (0, 0, 0, 0, 1, 1, Decimal("3.50")),
                            station: (had[0] + 2, had[1] + 55, had[2] + 6, had[3] + 15, 0, 0, Decimal("0.00"))}
    after = cultivation_figures(db)
    assert after["children_stations"]["person_times"] == before["children_stations"]["person_times"] + 55
    assert after["children_stations"]["service_days"] == before["children_stations"]["service_days"] + 2
    assert after["volunteers"]["hours"] == before["volunteers"]["hours"] + Decimal("3.50")
    assert after["volunteers"]["volunteers"] == before["volunteers"]["volunteers"] + 1
    assert (after["children_stations"]["funding"]["civil_affairs"]
            == before["children_stations"]["funding"]["civil_affairs"] + Decimal("5000"))
    with db.unit("clerk1") as session:  # the whole office's refresh agrees with the organizations' own
        tally.refresh(session)
    assert _tallies(db, grown["team"], station) == {grown["team"]: (0, 0, 0, 0, 1, 1, Decimal("3.50")),
                            station: (had[0] + 2, had[1] + 55, had[2] + 6, had[3] + 15, 0, 0, Decimal("0.00"))}


def test_an_hour_row_touches_its_activitys_team(grown: dict[str, Any]) -> None:
    db = grown["db"]
    with db.read() as session:
        from civicdesk.models import VolunteerActivity

        activity = session.scalars(select(VolunteerActivity.id)
                                   .where(VolunteerActivity.team_id == grown["team"])).one()
        assert tally.touched_by(session, {"volunteer_hours": [{"activity_id": activity}]}) == {grown["team"]}
        assert tally.touched_by(session, {"station_service": [{"station_id": "s1"}],
                                          "volunteer_activity": [{"id": "a1", "team_id": "t1"}],
                                          "volunteer_hours": [{"activity_id": "a1"}]}) == {"s1", "t1"}
