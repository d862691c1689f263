"""The local sums per volunteer team and children's station (:class:`~civicdesk.models.cultivation.CultivationTally`).

- :func:`refresh` (inside the caller's transaction): recompute the tally of the given organizations (all when
  None) from their rows: a station's service days, person-times, children in difficulty and left behind, and
  its funding by source; a team's volunteers (not left), activities and hours.  Core statements only: the tally
  is local, never in the change log.  Called by the services that record those rows, by the sync import for
  the teams and stations a package touched, and after the demo loads.
- :func:`touched_by`: the teams and stations rows of these tables concern (an hour row through its activity).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import case, delete, func, insert, literal, select, union_all
from sqlalchemy.orm import Session

from civicdesk.models import (CultivationTally, StationFunding, StationService, Volunteer, VolunteerActivity,
                              VolunteerHours, table_of)

#: the tables whose rows the tally sums, and the column naming their team or station
TALLIED = {"station_service": "station_id", "station_funding": "station_id", "volunteer": "team_id",
           "volunteer_activity": "team_id"}
#: the sources of a station's funding (三个一点) and their tally columns
FUNDING = {"foundation": "funded_foundation", "organization": "funded_organization",
           "civil_affairs": "funded_civil_affairs"}
_CHUNK = 900


def _sums(ids: list[str] | None) -> Any:
    """One row per team or station (of ``ids``, or all): the tally's columns, from the rows."""
    s, v, a, h, f = (table_of(c) for c in (StationService, Volunteer, VolunteerActivity, VolunteerHours,
                                           StationFunding))
    zero = literal(0)

    def funded(source: str) -> Any:
        return func.sum(case((f.c.source == source, f.c.amount), else_=0))

    def only(column: Any) -> list[Any]:
        return [] if ids is None else [column.in_(ids)]

    parts = [
        select(s.c.station_id.label("org"), func.count().label("days"), func.sum(s.c.person_times).label("times"),
               func.sum(s.c.in_difficulty).label("hard"), func.sum(s.c.left_behind).label("behind"),
               zero.label("people"), zero.label("acts"), zero.label("hours"), zero.label("f1"), zero.label("f2"),
               zero.label("f3"))
        .where(s.c.deleted_at.is_(None), *only(s.c.station_id)).group_by(s.c.station_id),
        select(f.c.station_id, zero, zero, zero, zero, zero, zero, zero, *(funded(x) for x in FUNDING))
        .where(f.c.deleted_at.is_(None), *only(f.c.station_id)).group_by(f.c.station_id),
        select(v.c.team_id, zero, zero, zero, zero, func.count(), zero, zero, zero, zero, zero)
        .where(v.c.deleted_at.is_(None), v.c.left_on.is_(None), *only(v.c.team_id)).group_by(v.c.team_id),
        select(a.c.team_id, zero, zero, zero, zero, zero, func.count(), zero, zero, zero, zero)
        .where(a.c.deleted_at.is_(None), *only(a.c.team_id)).group_by(a.c.team_id),
        select(a.c.team_id, zero, zero, zero, zero, zero, zero, func.sum(h.c.hours), zero, zero, zero)
        .join(a, a.c.id == h.c.activity_id)
        .where(h.c.deleted_at.is_(None), a.c.deleted_at.is_(None), *only(a.c.team_id)).group_by(a.c.team_id),
    ]
    u = union_all(*parts).subquery()
    return (select(u.c.org, *(func.sum(u.c[name]) for name in ("days", "times", "hard", "behind", "people", "acts",
                                                                "hours", "f1", "f2", "f3")))
            .group_by(u.c.org))


def refresh(session: Session, organization_ids: Iterable[str] | None = None) -> None:
    """Recompute the tally of ``organization_ids`` (every team and station when None)."""
    t = table_of(CultivationTally)
    conn = session.connection()
    columns = ["organization_id", "service_days", "person_times", "in_difficulty", "left_behind", "volunteers",
               "activities", "hours", *FUNDING.values()]
    if organization_ids is None:
        conn.execute(delete(t))
        conn.execute(insert(t).from_select(columns, _sums(None)))
        return
    ids = sorted({i for i in organization_ids if i})
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        conn.execute(delete(t).where(t.c.organization_id.in_(chunk)))
        conn.execute(insert(t).from_select(columns, _sums(chunk)))


def touched_by(session: Session, rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> set[str]:
    """The teams and stations that rows of ``rows`` (table -> row dicts) concern; an hour row's through its
    activity (in ``rows`` or stored)."""
    touched: set[str] = set()
    activities: dict[str, str] = {}
    for entity, column in TALLIED.items():
        for row in rows.get(entity, ()):
            if row.get(column):
                touched.add(str(row[column]))
            if entity == "volunteer_activity" and row.get("id"):
                activities[str(row["id"])] = str(row.get(column))
    wanted = {str(r["activity_id"]) for r in rows.get("volunteer_hours", ()) if r.get("activity_id")}
    unknown = sorted(wanted - activities.keys())
    a = table_of(VolunteerActivity)
    for start in range(0, len(unknown), _CHUNK):
        activities.update((str(i), str(team)) for i, team in session.execute(
            select(a.c.id, a.c.team_id).where(a.c.id.in_(unknown[start:start + _CHUNK]))))
    touched.update(activities[i] for i in wanted if i in activities)
    return touched
