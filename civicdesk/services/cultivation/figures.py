"""The figures of cultivation (培育发展), computed from the rows, for the city or one county, with a per-county
table: what ``stats --json`` reports under ``incubation``, ``purchased_services``, ``venture_philanthropy``,
``community_funds``, ``volunteers`` and ``children_stations``, what the statistics report's 培育发展 section states
and the dashboard's tiles show.

Where a row is counted: a base, a project, a round or a fund in the county it names (``division_code``; a
city-level one counts in the city's figures only); a volunteer team's or a children's station's rows in the
county of their organization.  Deleted rows (tombstones) never count; teams and stations count while their
organization exists (存续, 限期停止活动, 清算中).

Every sum over big tables is grouped by its parent first (a station's days by station, hours by activity) and
mapped to counties in Python: the parents are few, the rows many (5,000,000 service days at a city), and the
grouping reads a covering index.  Amounts are :class:`~decimal.Decimal` yuan (JSON: strings, exact).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.errors import NotFoundError
from civicdesk.models import (CommunityFund, Division, FundEntry, IncubationBase, IncubationResident, Organization,
                              ProjectPayment, ServiceProject, StationFunding, StationService, VentureApplication,
                              VenturePayment, VentureRound, Volunteer, VolunteerActivity, VolunteerHours)
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.core.database import Database

#: the keys of ``stats --json`` this module fills, in the report's order
KEYS = ("incubation", "purchased_services", "venture_philanthropy", "community_funds", "volunteers",
        "children_stations")
BASE_LEVELS = ("city", "county", "township")
STATION_SOURCES = ("foundation", "organization", "civil_affairs")
ZERO = Decimal("0.00")


def _money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(ZERO)


class _Rows:
    """The grouped rows every section reads, queried once per computation and shared by the city's and each
    county's figures (the per-county table costs no second scan)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, list[Any]] = {}

    def get(self, name: str, query: Any) -> list[Any]:
        if name not in self._cache:
            self._cache[name] = list(self.session.execute(query).all())
        return self._cache[name]


class _Scope:
    """The county codes a figure counts in (``None``: the city's figures, every county and the city's own)."""

    def __init__(self, counties: Iterable[str] | None) -> None:
        self.counties = None if counties is None else frozenset(counties)

    def has(self, code: str | None) -> bool:
        return self.counties is None or code in self.counties


def _live_orgs(rows: _Rows, subtype: str) -> dict[str, str]:
    """id -> county of the existing community organizations of ``subtype`` (teams, stations)."""
    return dict(rows.get(f"live/{subtype}",
        select(Organization.id, Organization.division_code)
        .where(Organization.deleted_at.is_(None), Organization.status.in_(LIVE_STATUSES),
               Organization.is_community.is_(True), Organization.community_subtype == subtype)
    ))


def incubation(rows: _Rows, scope: _Scope) -> dict[str, Any]:
    bases = [b for b in rows.get("q2",
        select(IncubationBase.id, IncubationBase.name, IncubationBase.level, IncubationBase.kind,
               IncubationBase.division_code, IncubationBase.township_code)
        .where(IncubationBase.deleted_at.is_(None)).order_by(IncubationBase.level, IncubationBase.division_code,
                                                             IncubationBase.name)
    ) if scope.has(b.division_code)]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for base_id, graduated, left in rows.get("q3",
        select(IncubationResident.base_id, IncubationResident.graduated_on.is_not(None),
               IncubationResident.outcome == "left")
        .where(IncubationResident.deleted_at.is_(None))
    ):
        row = counts[base_id]
        row[0] += 1
        row[1] += 1 if graduated else 0
        row[2] += 1 if left and not graduated else 0
    by_base = []
    for b in bases:
        admitted, graduated, left = counts.get(b.id, (0, 0, 0))
        by_base.append({"id": b.id, "name": b.name, "level": b.level, "kind": b.kind,
                        "division_code": b.division_code, "township_code": b.township_code,
                        "admitted": admitted, "graduated": graduated, "in_residence": admitted - graduated - left})
    levels = dict.fromkeys(BASE_LEVELS, 0)
    for b in by_base:
        if b["kind"] == "base":
            levels[b["level"]] = levels.get(b["level"], 0) + 1
    return {"bases": levels, "parks": sum(1 for b in by_base if b["kind"] == "park"),
            "admitted": sum(b["admitted"] for b in by_base), "graduated": sum(b["graduated"] for b in by_base),
            "in_residence": sum(b["in_residence"] for b in by_base), "by_base": by_base}


def purchased_services(rows: _Rows, scope: _Scope) -> dict[str, Any]:
    paid = dict(rows.get("q4",
        select(ProjectPayment.project_id, func.sum(ProjectPayment.amount))
        .where(ProjectPayment.deleted_at.is_(None)).group_by(ProjectPayment.project_id)
    ))
    by_year: dict[int, Decimal] = defaultdict(Decimal)
    by_county: dict[str, Decimal] = defaultdict(Decimal)
    projects, contracted, total_paid, organizations = 0, ZERO, ZERO, set()
    for pid, year, county, amount, org in rows.get("q5",
        select(ServiceProject.id, ServiceProject.year, ServiceProject.division_code, ServiceProject.amount,
               ServiceProject.organization_id).where(ServiceProject.deleted_at.is_(None))
    ):
        if not scope.has(county):
            continue
        projects += 1
        contracted += _money(amount)
        total_paid += _money(paid.get(pid))
        organizations.add(org)
        by_year[year] += _money(amount)
        by_county[county] += _money(amount)
    return {"since": min(by_year) if by_year else None, "projects": projects, "organizations": len(organizations),
            "contracted": contracted, "paid": total_paid,
            "by_year": [{"year": y, "amount": by_year[y]} for y in sorted(by_year)],
            "by_county": [{"code": c, "amount": by_county[c]} for c in sorted(by_county)]}


def venture_philanthropy(rows: _Rows, scope: _Scope) -> dict[str, Any]:
    apps: dict[str, list[Any]] = defaultdict(lambda: [0, 0, ZERO, set()])
    for round_id, state, awarded, org, applicant in rows.get("q6",
        select(VentureApplication.round_id, VentureApplication.state, VentureApplication.amount_awarded,
               VentureApplication.organization_id, VentureApplication.applicant_name)
        .where(VentureApplication.deleted_at.is_(None))
    ):
        row = apps[round_id]
        row[0] += 1
        if state == "awarded":
            row[1] += 1
            row[2] += _money(awarded)
            row[3].add(org or applicant)
    paid_by_round: dict[str, Decimal] = dict(rows.get("q7",
        select(VentureApplication.round_id, func.sum(VenturePayment.amount))
        .join(VentureApplication, VentureApplication.id == VenturePayment.venture_application_id)
        .where(VenturePayment.deleted_at.is_(None)).group_by(VentureApplication.round_id)
    ))
    rounds = []
    for r in rows.get("q8",
        select(VentureRound.id, VentureRound.name, VentureRound.kind, VentureRound.division_code,
               VentureRound.budget, VentureRound.opens_on)
        .where(VentureRound.deleted_at.is_(None)).order_by(VentureRound.opens_on, VentureRound.name)
    ):
        if not scope.has(r.division_code):
            continue
        n, awarded, amount, winners = apps.get(r.id, (0, 0, ZERO, set()))
        rounds.append({"id": r.id, "name": r.name, "kind": r.kind, "division_code": r.division_code,
                       "budget": _money(r.budget), "year": r.opens_on.year, "applications": n, "awarded": awarded,
                       "awardees": len(winners), "amount_awarded": amount})
    paid = sum((_money(paid_by_round.get(r["id"])) for r in rounds), ZERO)
    return {"rounds": len(rounds), "budget": sum((r["budget"] for r in rounds), ZERO),
            "applications": sum(r["applications"] for r in rounds), "awarded": sum(r["awarded"] for r in rounds),
            "amount_awarded": sum((r["amount_awarded"] for r in rounds), ZERO), "paid": paid, "by_round": rounds}


def community_funds(rows: _Rows, scope: _Scope) -> dict[str, Any]:
    sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for fund_id, kind, amount in rows.get("q9",
        select(FundEntry.fund_id, FundEntry.kind, func.sum(FundEntry.amount))
        .where(FundEntry.deleted_at.is_(None)).group_by(FundEntry.fund_id, FundEntry.kind)
    ):
        sums[fund_id][kind] += _money(amount)
    funds = []
    for f in rows.get("q10",
        select(CommunityFund.id, CommunityFund.name, CommunityFund.division_code, CommunityFund.community_code)
        .where(CommunityFund.deleted_at.is_(None)).order_by(CommunityFund.division_code, CommunityFund.name)
    ):
        if not scope.has(f.division_code):
            continue
        s = sums.get(f.id, {})
        contributed, granted = _money(s.get("contribution")), _money(s.get("grant"))
        funds.append({"id": f.id, "name": f.name, "division_code": f.division_code,
                      "community_code": f.community_code, "contributed": contributed, "granted": granted,
                      "balance": contributed - granted})
    return {"funds": len(funds), "communities": len({f["community_code"] for f in funds}),
            "contributed": sum((f["contributed"] for f in funds), ZERO),
            "granted": sum((f["granted"] for f in funds), ZERO),
            "balance": sum((f["balance"] for f in funds), ZERO), "by_fund": funds}


def volunteers(rows: _Rows, scope: _Scope) -> dict[str, Any]:
    teams = {t: c for t, c in _live_orgs(rows, "volunteer_team").items() if scope.has(c)}
    people = sum(n for team, n in rows.get("q11",
        select(Volunteer.team_id, func.count()).where(Volunteer.deleted_at.is_(None), Volunteer.left_on.is_(None))
        .group_by(Volunteer.team_id)
    ) if team in teams)
    activity_team = {a: t for a, t in rows.get("q12",
        select(VolunteerActivity.id, VolunteerActivity.team_id).where(VolunteerActivity.deleted_at.is_(None))
    ) if t in teams}
    hours = sum((_money(h) for a, h in rows.get("q13",
        select(VolunteerHours.activity_id, func.sum(VolunteerHours.hours))
        .where(VolunteerHours.deleted_at.is_(None)).group_by(VolunteerHours.activity_id)
    ) if a in activity_team), ZERO)
    return {"teams": len(teams), "volunteers": people, "activities": len(activity_team), "hours": hours}


def children_stations(rows: _Rows, scope: _Scope) -> dict[str, Any]:
    stations = {s: c for s, c in _live_orgs(rows, "children_station").items() if scope.has(c)}
    days = person_times = difficulty = left_behind = 0
    served = set()
    for station, n, times, hard, behind in rows.get("q14",
        select(StationService.station_id, func.count(), func.sum(StationService.person_times),
               func.sum(StationService.in_difficulty), func.sum(StationService.left_behind))
        .where(StationService.deleted_at.is_(None)).group_by(StationService.station_id)
    ):
        if station in stations:
            served.add(station)
            days += n
            person_times += int(times or 0)
            difficulty += int(hard or 0)
            left_behind += int(behind or 0)
    funding = dict.fromkeys(STATION_SOURCES, ZERO)
    for station, source, amount in rows.get("q15",
        select(StationFunding.station_id, StationFunding.source, func.sum(StationFunding.amount))
        .where(StationFunding.deleted_at.is_(None)).group_by(StationFunding.station_id, StationFunding.source)
    ):
        if station in stations:
            funding[source] = funding.get(source, ZERO) + _money(amount)
    return {"stations": len(stations), "stations_serving": len(served), "service_days": days,
            "person_times": person_times, "in_difficulty": difficulty, "left_behind": left_behind,
            "funding": funding}


SECTIONS = {"incubation": incubation, "purchased_services": purchased_services,
            "venture_philanthropy": venture_philanthropy, "community_funds": community_funds,
            "volunteers": volunteers, "children_stations": children_stations}


def cultivation_figures(db: Database, division: str | None = None) -> dict[str, Any]:
    """The six sections for the office's scope or ``division`` and, for the city, ``by_division``: each
    county's sections — what ``stats --json`` merges into its figures."""
    code = division or db.office().code
    with db.read() as session:
        scope = session.get(Division, code)
        if scope is None:
            raise NotFoundError("division.not_found", code=code)
        rows = _Rows(session)
        result: dict[str, Any] = {key: SECTIONS[key](rows, _Scope(None if scope.level == "city" else [code]))
                                  for key in KEYS}
        result["by_division"] = [
            {"code": county.code, "name": county.name,
             **{key: SECTIONS[key](rows, _Scope([county.code])) for key in KEYS}}
            for county in session.scalars(select(Division).where(Division.parent_code == code)
                                          .order_by(Division.code))
        ] if scope.level == "city" else []
    return result


def with_register(statistics: dict[str, Any], figures: dict[str, Any]) -> dict[str, Any]:
    """The register's statistics (:func:`civicdesk.services.register.statistics.statistics`) with the six
    sections of :func:`cultivation_figures` of the same scope: at the top, and in each of the register's
    per-county rows (``by_division``) the county's own — one table of counties, not a second list."""
    result = {**statistics, **{key: figures[key] for key in KEYS}}
    counties = {row["code"]: row for row in figures["by_division"]}
    result["by_division"] = [
        {**row, **{key: (counties[row["code"]] if row["code"] in counties else figures)[key] for key in KEYS}}
        for row in statistics["by_division"]]
    return result
