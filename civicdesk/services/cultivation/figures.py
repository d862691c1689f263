"""The figures of cultivation (培育发展), computed from the rows, for the city or one county, with a per-county
table: what ``stats --json`` reports under ``incubation``, ``purchased_services``, ``venture_philanthropy``,
``community_funds``, ``volunteers`` and ``children_stations``, what the statistics report's 培育发展 section states
and the dashboard's tiles show.

Where a row is counted: a base, a project, a round or a fund in the county it names (``division_code``; a
city-level one counts in the city's figures only); a volunteer team's or a children's station's rows in the
county of their organization.  Deleted rows (tombstones) never count; teams and stations count while their
organization exists (存续, 限期停止活动, 清算中).

Speed: everything is read once (:class:`_Data`), each row with its county, and split by county, so the city's
figures and its eleven counties' cost one read.  A station's service days and a team's hours are not summed
from their rows (millions at a city) but read from the local tally (:mod:`~civicdesk.services.cultivation.tally`),
one row per station or team.  Amounts are :class:`~decimal.Decimal` yuan (JSON: strings, exact).
"""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Iterable
from decimal import Decimal
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session

from civicdesk.errors import NotFoundError
from civicdesk.models import (CommunityFund, CultivationTally, Division, FundEntry, IncubationBase,
                              IncubationResident, Organization, ProjectPayment, ServiceProject,
                              VentureApplication, VenturePayment, VentureRound)
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation.tally import FUNDING
from civicdesk.services.register.statistics import SUMMARY, has_summary

#: the keys of ``stats --json`` this module fills, in the report's order
KEYS = ("incubation", "purchased_services", "venture_philanthropy", "community_funds", "volunteers",
        "children_stations")
BASE_LEVELS = ("city", "county", "township")
ZERO = Decimal("0.00")
T = TypeVar("T")


def _money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(ZERO)


def _by_county(rows: Iterable[T], county: Any) -> dict[str, list[T]]:
    split: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        split[county(row)].append(row)
    return split


class _Data:
    """Every row the sections read, fetched once and split by county."""

    def __init__(self, session: Session) -> None:
        self.bases = _by_county(session.execute(
            select(IncubationBase.id, IncubationBase.name, IncubationBase.level, IncubationBase.kind,
                   IncubationBase.division_code, IncubationBase.township_code)
            .where(IncubationBase.deleted_at.is_(None))
            .order_by(IncubationBase.level, IncubationBase.division_code, IncubationBase.name)).all(),
            lambda b: b.division_code)
        self.residents: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for base_id, graduated, left in session.execute(
            select(IncubationResident.base_id, IncubationResident.graduated_on.is_not(None),
                   IncubationResident.outcome == "left").where(IncubationResident.deleted_at.is_(None))):
            counts = self.residents[base_id]
            counts[0] += 1
            counts[1] += 1 if graduated else 0
            counts[2] += 1 if left and not graduated else 0
        # projects: summed by county and year in SQL (tens of thousands of rows at a city)
        live_project = ServiceProject.deleted_at.is_(None)
        self.projects = _by_county(session.execute(
            select(ServiceProject.division_code, ServiceProject.year, func.count(), func.sum(ServiceProject.amount))
            .where(live_project).group_by(ServiceProject.division_code, ServiceProject.year)).all(),
            lambda p: p[0])
        self.paid = dict(session.execute(
            select(ServiceProject.division_code, func.sum(ProjectPayment.amount))
            .join(ServiceProject, ServiceProject.id == ProjectPayment.project_id)
            .where(ProjectPayment.deleted_at.is_(None), live_project)
            .group_by(ServiceProject.division_code)).all())
        self.contractors = dict(session.execute(
            select(ServiceProject.division_code, func.count(ServiceProject.organization_id.distinct()))
            .where(live_project).group_by(ServiceProject.division_code)).all())
        self.contractors_all = session.execute(
            select(func.count(ServiceProject.organization_id.distinct())).where(live_project)).scalar() or 0
        self.applications: dict[str, list[Any]] = defaultdict(lambda: [0, 0, ZERO, set()])
        app: list[Any]
        for round_id, state, awarded, org, applicant in session.execute(
            select(VentureApplication.round_id, VentureApplication.state, VentureApplication.amount_awarded,
                   VentureApplication.organization_id, VentureApplication.applicant_name)
            .where(VentureApplication.deleted_at.is_(None))):
            app = self.applications[round_id]
            app[0] += 1
            if state == "awarded":
                app[1] += 1
                app[2] += _money(awarded)
                app[3].add(org or applicant)
        self.venture_paid = dict(session.execute(
            select(VentureApplication.round_id, func.sum(VenturePayment.amount))
            .join(VentureApplication, VentureApplication.id == VenturePayment.venture_application_id)
            .where(VenturePayment.deleted_at.is_(None)).group_by(VentureApplication.round_id)).all())
        self.rounds = _by_county(session.execute(
            select(VentureRound.id, VentureRound.name, VentureRound.kind, VentureRound.division_code,
                   VentureRound.budget, VentureRound.opens_on)
            .where(VentureRound.deleted_at.is_(None)).order_by(VentureRound.opens_on, VentureRound.name)).all(),
            lambda r: r.division_code)
        self.fund_sums: dict[str, dict[str, Decimal]] = defaultdict(dict)
        for fund_id, kind, amount in session.execute(
            select(FundEntry.fund_id, FundEntry.kind, func.sum(FundEntry.amount))
            .where(FundEntry.deleted_at.is_(None)).group_by(FundEntry.fund_id, FundEntry.kind)):
            self.fund_sums[fund_id][kind] = _money(amount)
        self.funds = _by_county(session.execute(
            select(CommunityFund.id, CommunityFund.name, CommunityFund.division_code, CommunityFund.community_code)
            .where(CommunityFund.deleted_at.is_(None))
            .order_by(CommunityFund.division_code, CommunityFund.name)).all(), lambda f: f.division_code)
        # teams and stations by county and kind, with the sums of their tally rows
        self.community: dict[str, dict[str, int]] = defaultdict(dict)
        rows = _summary_community(session) if has_summary(session) else _rows_community(session)
        for r in rows:
            self.community[r.division_code][str(r.community_subtype)] = r.n
        self.tallies = _by_county(rows, lambda r: r.division_code)


#: what :func:`_rows_community` gives per county and subtype (teams and stations)
COMMUNITY_COLUMNS = ("division_code", "community_subtype", "n", "serving", "service_days", "person_times",
                     "in_difficulty", "left_behind", "volunteers", "activities", "hours", "funded_foundation",
                     "funded_organization", "funded_civil_affairs")
_Community = namedtuple("_Community", COMMUNITY_COLUMNS)  # type: ignore[misc]


def _summary_community(session: Session) -> list[Any]:
    """:func:`_rows_community` read from the register's summary (migration 0018: kept by SQLite's triggers with
    the tally's sums in cents): a few hundred rows instead of a walk of the teams and stations."""
    rows = session.execute(text(
        f"SELECT division_code, community_subtype, sum(n), sum(serving), sum(service_days), sum(person_times), "
        f"sum(in_difficulty), sum(left_behind), sum(volunteers), sum(activities), sum(hours_cents), "
        f"sum(foundation_cents), sum(organization_cents), sum(civil_affairs_cents) FROM {SUMMARY} "
        "WHERE live = 1 AND is_community = 1 AND subtype_null = 0 "
        "AND community_subtype IN ('volunteer_team', 'children_station') "
        "GROUP BY division_code, community_subtype HAVING sum(n) > 0"))
    return [_Community(*r[:10], *(Decimal(int(c or 0)).scaleb(-2) for c in r[10:])) for r in rows]


def _rows_community(session: Session) -> list[Any]:
    """Teams and stations, counted and summed in one pass: the existing ones by county and kind from the
    register's statistics index, each with its tally row (one per team or station that has rows)."""
    t = CultivationTally
    live = (Organization.deleted_at.is_(None), Organization.status.in_(LIVE_STATUSES))
    return list(session.execute(
            select(Organization.division_code, Organization.community_subtype, func.count().label("n"),
                   func.sum(case((t.service_days > 0, 1), else_=0)).label("serving"),
                   *(func.sum(c).label(c.key) for c in (t.service_days, t.person_times, t.in_difficulty,
                                                         t.left_behind, t.volunteers, t.activities, t.hours,
                                                         t.funded_foundation, t.funded_organization,
                                                         t.funded_civil_affairs)))
            .outerjoin(t, t.organization_id == Organization.id)
            .where(*live, Organization.is_community.is_(True),
                   Organization.community_subtype.in_(("volunteer_team", "children_station")))
            .group_by(Organization.division_code, Organization.community_subtype)).all())


class _Scope:
    """The county a figure counts in, or ``None`` for the city's figures (every county and the city's own)."""

    def __init__(self, county: str | None) -> None:
        self.county = county

    def rows(self, split: dict[str, list[T]]) -> list[T]:
        if self.county is None:
            return list(chain.from_iterable(split.values()))
        return split.get(self.county, [])

    def count(self, data: _Data, subtype: str) -> int:
        counties = data.community.values() if self.county is None else [data.community.get(self.county, {})]
        return sum(c.get(subtype, 0) for c in counties)


def incubation(data: _Data, scope: _Scope) -> dict[str, Any]:
    by_base: list[dict[str, Any]] = []
    for row in scope.rows(data.bases):
        admitted, graduated, left = data.residents.get(row.id, (0, 0, 0))
        by_base.append({"id": row.id, "name": row.name, "level": row.level, "kind": row.kind,
                        "division_code": row.division_code, "township_code": row.township_code,
                        "admitted": admitted, "graduated": graduated, "in_residence": admitted - graduated - left})
    by_base.sort(key=lambda b: (BASE_LEVELS.index(b["level"]) if b["level"] in BASE_LEVELS else 9,
                                b["division_code"], b["name"]))
    levels: dict[str, int] = dict.fromkeys(BASE_LEVELS, 0)
    for b in by_base:
        if b["kind"] == "base":
            levels[b["level"]] = levels.get(b["level"], 0) + 1
    return {"bases": levels, "parks": sum(1 for b in by_base if b["kind"] == "park"),
            "admitted": sum(b["admitted"] for b in by_base), "graduated": sum(b["graduated"] for b in by_base),
            "in_residence": sum(b["in_residence"] for b in by_base), "by_base": by_base}


def purchased_services(data: _Data, scope: _Scope) -> dict[str, Any]:
    by_year: dict[int, Decimal] = defaultdict(Decimal)
    by_county: dict[str, Decimal] = defaultdict(Decimal)
    projects = 0
    for county, year, n, amount in scope.rows(data.projects):
        projects += n
        by_year[year] += _money(amount)
        by_county[county] += _money(amount)
    paid = (sum((_money(v) for v in data.paid.values()), ZERO) if scope.county is None
            else _money(data.paid.get(scope.county)))
    organizations = (data.contractors_all if scope.county is None
                     else data.contractors.get(scope.county, 0))
    return {"since": min(by_year) if by_year else None, "projects": projects, "organizations": organizations,
            "contracted": sum(by_year.values(), ZERO), "paid": paid,
            "by_year": [{"year": y, "amount": by_year[y]} for y in sorted(by_year)],
            "by_county": [{"code": c, "amount": by_county[c]} for c in sorted(by_county)]}


def venture_philanthropy(data: _Data, scope: _Scope) -> dict[str, Any]:
    rounds = []
    for r in sorted(scope.rows(data.rounds), key=lambda r: (r.opens_on, r.name)):
        n, awarded, amount, winners = data.applications.get(r.id, (0, 0, ZERO, set()))
        rounds.append({"id": r.id, "name": r.name, "kind": r.kind, "division_code": r.division_code,
                       "budget": _money(r.budget), "year": r.opens_on.year, "applications": n, "awarded": awarded,
                       "awardees": len(winners), "amount_awarded": amount,
                       "paid": _money(data.venture_paid.get(r.id))})
    return {"rounds": len(rounds), "budget": sum((r["budget"] for r in rounds), ZERO),
            "applications": sum(r["applications"] for r in rounds), "awarded": sum(r["awarded"] for r in rounds),
            "amount_awarded": sum((r["amount_awarded"] for r in rounds), ZERO),
            "paid": sum((r["paid"] for r in rounds), ZERO), "by_round": rounds}


def community_funds(data: _Data, scope: _Scope) -> dict[str, Any]:
    funds = []
    for f in scope.rows(data.funds):
        sums = data.fund_sums.get(f.id, {})
        contributed, granted = sums.get("contribution", ZERO), sums.get("grant", ZERO)
        funds.append({"id": f.id, "name": f.name, "division_code": f.division_code,
                      "community_code": f.community_code, "contributed": contributed, "granted": granted,
                      "balance": contributed - granted})
    return {"funds": len(funds), "communities": len({f["community_code"] for f in funds}),
            "contributed": sum((f["contributed"] for f in funds), ZERO),
            "granted": sum((f["granted"] for f in funds), ZERO),
            "balance": sum((f["balance"] for f in funds), ZERO), "by_fund": funds}


def volunteers(data: _Data, scope: _Scope) -> dict[str, Any]:
    teams = [t for t in scope.rows(data.tallies) if t.community_subtype == "volunteer_team"]
    return {"teams": scope.count(data, "volunteer_team"), "volunteers": sum(int(t.volunteers or 0) for t in teams),
            "activities": sum(int(t.activities or 0) for t in teams),
            "hours": sum((_money(t.hours) for t in teams), ZERO)}


def children_stations(data: _Data, scope: _Scope) -> dict[str, Any]:
    sums = [t for t in scope.rows(data.tallies) if t.community_subtype == "children_station"]
    funding = {source: sum((_money(getattr(t, column)) for t in sums), ZERO) for source, column in FUNDING.items()}
    return {"stations": scope.count(data, "children_station"),
            "stations_serving": sum(int(t.serving or 0) for t in sums),
            **{name: sum(int(getattr(t, name) or 0) for t in sums)
               for name in ("service_days", "person_times", "in_difficulty", "left_behind")},
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
        data = _Data(session)
        whole = _Scope(None if scope.level == "city" else code)
        result: dict[str, Any] = {key: SECTIONS[key](data, whole) for key in KEYS}
        result["by_division"] = [
            {"code": county.code, "name": county.name,
             **{key: SECTIONS[key](data, _Scope(county.code)) for key in KEYS}}
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
