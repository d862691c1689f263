"""Children's service stations (儿童服务站, docs/DOMAIN.md "Cultivation"): their service days and their funding.

The stations are community organizations of this office's register with ``community_subtype``
``children_station``; another kind is refused (``station.wrong_kind``).  民发〔2019〕34号 asks the stations to
keep the services given to children in difficulty (困境儿童) and left-behind children (留守儿童): a service day
records the activity, its person-times and, of them, those children.

Offers:

- :func:`add_service` / :func:`list_services`: a service day (not in the future): the activity, person-times
  above zero, of whom in difficulty and left behind (each from zero to the person-times).
- :func:`add_funding` / :func:`list_funding`: money received by source (the letter's 三个一点: :data:`SOURCES`),
  for a year (at most the year after the day received), from a funder, above zero with two decimals at most.
- :func:`list_stations`, :func:`show_station`: the stations with their totals (days, person-times, children in
  difficulty and left behind, funding by source).

Each kind of row has one check (:func:`check_service`, :func:`check_funding`), used here and by the sync import
for an arriving row (services/supervision/arrivals.py).  Every refusal is audited (``station.refused``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.errors import InputError
from civicdesk.models import Organization, StationFunding, StationService
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation import community
from civicdesk.services.cultivation import tally
from civicdesk.services.supervision import enforcement

ENTITY = "station"
SUBTYPE = "children_station"
#: the three sources of 三个一点 (基金会支持一点、承接组织自筹一点、民政部门补助一点)
SOURCES = tuple(tally.FUNDING)
ZERO = Decimal("0.00")

T = TypeVar("T")


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


# -- the checks of one row (a clerk's entry and an arriving row) ----------------------------------------------------
def check_service(row: dict[str, Any]) -> dict[str, Any]:
    times = community.count(row.get("person_times"), "person_times", code="station.bad_person_times", minimum=1)
    out: dict[str, Any] = {"served_on": community.day(row.get("served_on"), "served_on"),
                           "activity": community.text(row.get("activity"), "activity", required=True),
                           "person_times": times}
    for name in ("in_difficulty", "left_behind"):
        value = row.get(name)
        out[name] = community.count(0 if value is None or value == "" else value, name, code="station.bad_of_whom",
                                    minimum=0, maximum=times)
    return out


def check_funding(row: dict[str, Any]) -> dict[str, Any]:
    source = row.get("source")
    if source not in SOURCES:
        raise InputError("station.bad_source", field="source", value=str(source)[:40], allowed=", ".join(SOURCES))
    received = community.day(row.get("received_on"), "received_on")
    assert received is not None  # required
    year = community.count(row.get("year"), "year", code="station.bad_year", minimum=enforcement.FIRST_DAY.year,
                           maximum=received.year + 1)
    amount = enforcement.amount(row.get("amount"))
    if amount is None:
        raise InputError("enforce.bad_amount", field="amount", value="")
    return {"source": source, "year": year, "received_on": received, "amount": amount,
            "funder": community.text(row.get("funder"), "funder", required=True)}


# -- what callers see -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ServiceInfo:
    id: str
    station_id: str
    station_name: str
    served_on: date
    activity: str
    person_times: int
    in_difficulty: int
    left_behind: int
    entered_by: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "station_id": self.station_id, "station_name": self.station_name,
                "served_on": iso(self.served_on), "activity": self.activity, "person_times": self.person_times,
                "in_difficulty": self.in_difficulty, "left_behind": self.left_behind, "entered_by": self.entered_by}


@dataclass(frozen=True)
class FundingInfo:
    id: str
    station_id: str
    station_name: str
    year: int
    source: str
    funder: str
    amount: Decimal
    received_on: date
    entered_by: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "station_id": self.station_id, "station_name": self.station_name, "year": self.year,
                "source": self.source, "funder": self.funder, "amount": str(self.amount),
                "received_on": iso(self.received_on), "entered_by": self.entered_by}


@dataclass(frozen=True)
class StationTotals:
    """A station with its totals: service days, person-times, of whom in difficulty and left behind, funding."""

    id: str
    name: str
    division_code: str | None
    status: str
    service_days: int
    person_times: int
    in_difficulty: int
    left_behind: int
    last_served_on: date | None
    funding: dict[str, Decimal]

    @property
    def funded(self) -> Decimal:
        return sum(self.funding.values(), ZERO)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "division_code": self.division_code, "status": self.status,
                "service_days": self.service_days, "person_times": self.person_times,
                "in_difficulty": self.in_difficulty, "left_behind": self.left_behind,
                "last_served_on": iso(self.last_served_on),
                "funding": {k: str(v) for k, v in self.funding.items()}, "funded": str(self.funded)}


# -- reading --------------------------------------------------------------------------------------------------------
def _station(session: Session, key: str | None, office_code: str | None) -> Organization:
    return community.community_org(session, key, SUBTYPE, office_code, "station")


def _service_info(s: StationService, name: str) -> ServiceInfo:
    return ServiceInfo(s.id, s.station_id, name, s.served_on, s.activity, s.person_times, s.in_difficulty,
                       s.left_behind, s.entered_by)


def _funding_info(f: StationFunding, name: str) -> FundingInfo:
    return FundingInfo(f.id, f.station_id, name, f.year, f.source, f.funder, Decimal(str(f.amount)).quantize(ZERO),
                       f.received_on, f.entered_by)


def _year(q: Any, column: Any, year: int | None) -> Any:
    return q if year is None else q.where(column.between(date(year, 1, 1), date(year, 12, 31)))


def list_services(db: Database, station: str, *, year: int | None = None) -> list[ServiceInfo]:
    """A station's service days, the latest first."""
    with db.read() as session:
        org = _station(session, station, community.reading(db))
        q = _year(select(StationService).where(StationService.station_id == org.id,
                                               StationService.deleted_at.is_(None)), StationService.served_on, year)
        return [_service_info(s, org.name)
                for s in session.scalars(q.order_by(StationService.served_on.desc(), StationService.id))]


def list_funding(db: Database, station: str, *, year: int | None = None) -> list[FundingInfo]:
    """A station's funding, the latest first (``year``: of that year)."""
    with db.read() as session:
        org = _station(session, station, community.reading(db))
        q = select(StationFunding).where(StationFunding.station_id == org.id, StationFunding.deleted_at.is_(None))
        if year is not None:
            q = q.where(StationFunding.year == year)
        return [_funding_info(f, org.name)
                for f in session.scalars(q.order_by(StationFunding.received_on.desc(), StationFunding.id))]


def _totals(session: Session, orgs: list[Organization]) -> list[StationTotals]:
    ids = [o.id for o in orgs]
    days = {row[0]: row[1:] for row in session.execute(
        select(StationService.station_id, func.count(), func.sum(StationService.person_times),
               func.sum(StationService.in_difficulty), func.sum(StationService.left_behind),
               func.max(StationService.served_on))
        .where(StationService.deleted_at.is_(None), StationService.station_id.in_(ids))
        .group_by(StationService.station_id))}
    money: dict[str, dict[str, Decimal]] = defaultdict(lambda: dict.fromkeys(SOURCES, ZERO))
    for station_id, source, amount in session.execute(
            select(StationFunding.station_id, StationFunding.source, func.sum(StationFunding.amount))
            .where(StationFunding.deleted_at.is_(None), StationFunding.station_id.in_(ids))
            .group_by(StationFunding.station_id, StationFunding.source)):
        money[station_id][source] = Decimal(str(amount)).quantize(ZERO)
    out = []
    for o in orgs:
        n, times, hard, behind, last = days.get(o.id, (0, 0, 0, 0, None))
        out.append(StationTotals(o.id, o.name, o.division_code, o.status, int(n), int(times or 0), int(hard or 0),
                                 int(behind or 0), last, dict(money[o.id])))
    return out


def show_station(db: Database, station: str) -> StationTotals:
    with db.read() as session:
        return _totals(session, [_station(session, station, community.reading(db))])[0]


def list_stations(db: Database, *, all_statuses: bool = False) -> list[StationTotals]:
    """This office's stations (at the city every office's; those that exist: 存续, 限期停止活动, 清算中; every one
    with ``all_statuses``)."""
    with db.read() as session:
        q = select(Organization).where(Organization.deleted_at.is_(None), Organization.is_community.is_(True),
                                       Organization.community_subtype == SUBTYPE)
        office = community.reading(db)
        if office is not None:  # at the city: every office's
            q = q.where(func.substr(Organization.registry_code, 1, 6) == office)
        if not all_statuses:
            q = q.where(Organization.status.in_(LIVE_STATUSES))
        return _totals(session, list(session.scalars(q.order_by(Organization.division_code, Organization.name))))


# -- changes --------------------------------------------------------------------------------------------------------
def add_service(db: Database, station: str, *, served_on: Any, activity: str, person_times: Any,
                in_difficulty: Any = 0, left_behind: Any = 0, by: auth.UserInfo | None) -> ServiceInfo:
    """A service day of ``station`` (see the module for the rules)."""
    row = {"served_on": served_on, "activity": activity, "person_times": person_times,
           "in_difficulty": in_difficulty, "left_behind": left_behind}
    return _add(db, station, "service", StationService, check_service, row, _service_info, by)


def add_funding(db: Database, station: str, *, year: Any, source: str, funder: str, amount: Any, received_on: Any,
                by: auth.UserInfo | None) -> FundingInfo:
    """Money ``station`` received from ``source`` for ``year``."""
    row = {"year": year, "source": source, "funder": funder, "amount": amount, "received_on": received_on}
    return _add(db, station, "funding", StationFunding, check_funding, row, _funding_info, by)


def _add(db: Database, station: str, action: str, model: Any, check: Callable[[dict[str, Any]], dict[str, Any]],
         row: dict[str, Any], info: Callable[[Any, str], T], by: auth.UserInfo | None) -> T:
    """A new row of ``model`` for ``station``: ``row`` checked by ``check``, shown by ``info``; refusals audited."""
    def work() -> T:
        actor = auth.require(db, by, community.RIGHT)
        values = check(row)
        office = db.office()
        with db.unit(actor=actor) as session:
            org = _station(session, station, office.code)
            made = model(station_id=org.id, office_code=office.code, entered_by=actor, origin_office=office.code,
                         **values)
            session.add(made)
            session.flush()
            tally.refresh(session, [org.id])  # the figures read the station's sums
            return info(made, org.name)

    return community.guarded(db, by, ENTITY, action, station if isinstance(station, str) else None, work)
