"""Community funds (社区基金, docs/DOMAIN.md "Cultivation"): a fund for one community, usually a special fund held
by a foundation or a charity federation, with dated contributions and grants.

Offers:

- :func:`add_fund` (``cultivate``): the community (a division of level ``community`` in the office's area; the
  fund counts in its county), its name (unique in the office), the holding foundation (an organization of the
  register by id or USCC, or a named holder, never both) and the day founded (not in the future).
- :func:`contribute` / :func:`grant` (``cultivate``): a dated entry (not in the future, not before the fund was
  founded) of an amount above zero, from or to a party, with its purpose (required for a grant).  A grant never
  takes the balance below zero on any day: the entries are run in date order (a day's contributions before its
  grants) and the lowest balance must stay at zero or above, so that a back-dated grant is judged on its day.
- :func:`list_funds`, :func:`get_fund` (its entries, contributions, grants and balance).

Every refusal is audited (``community_fund.refused``) and writes nothing; every change is audited by the unit's
actor (the session's hooks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.errors import CivicDeskError, InputError
from civicdesk.models import CommunityFund, Division, FundEntry, Organization
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation import lookup
from civicdesk.services.cultivation.venture import RIGHT, ZERO, in_area, money
from civicdesk.services.supervision import enforcement as common
from civicdesk.services.supervision.common import check_shown

KINDS = ("contribution", "grant")
ENTITY = "community_fund"


@dataclass(frozen=True)
class EntryInfo:
    id: str
    kind: str
    entry_on: date
    amount: Decimal
    party: str
    purpose: str | None
    entered_by: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "entry_on": self.entry_on.isoformat(), "amount": money(self.amount),
                "party": self.party, "purpose": self.purpose, "entered_by": self.entered_by}


@dataclass(frozen=True)
class FundInfo:
    id: str
    name: str
    office_code: str
    division_code: str
    community_code: str
    community_name: str
    holder_org_id: str | None
    holder: str  # the organization's name or the named holder
    founded_on: date
    entered_by: str
    contributed: Decimal = ZERO
    granted: Decimal = ZERO
    entries: tuple[EntryInfo, ...] = field(default_factory=tuple)
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    @property
    def balance(self) -> Decimal:
        return self.contributed - self.granted

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "office_code": self.office_code,
                "division_code": self.division_code, "community_code": self.community_code,
                "community_name": self.community_name, "holder_org_id": self.holder_org_id, "holder": self.holder,
                "founded_on": self.founded_on.isoformat(), "entered_by": self.entered_by,
                "contributed": money(self.contributed), "granted": money(self.granted),
                "balance": money(self.balance), "entries": [e.to_json() for e in self.entries]}


def _find(session: Session, key: str, office_code: str) -> CommunityFund:
    """A fund by its id, or by its name in this office."""
    return lookup.find(session, CommunityFund, key, "fund.not_found", by=CommunityFund.name, office_code=office_code)


def _entries(session: Session, fund_id: str) -> list[FundEntry]:
    """The fund's entries in the order the balance runs: by day, a day's contributions before its grants."""
    rows = session.scalars(select(FundEntry).where(FundEntry.fund_id == fund_id, FundEntry.deleted_at.is_(None)))
    return sorted(rows, key=lambda e: (e.entry_on, e.kind != "contribution", e.created_at))


def lowest_balance(entries: list[tuple[date, str, Decimal]]) -> tuple[Decimal, date | None]:
    """The lowest balance the entries (day, kind, amount) reach run in order, and its day."""
    balance, lowest, when = ZERO, ZERO, None
    for day, kind, amount in sorted(entries, key=lambda e: (e[0], e[1] != "contribution")):
        balance += amount if kind == "contribution" else -amount
        if balance < lowest:
            lowest, when = balance, day
    return lowest, when


def check_balance(entries: list[tuple[date, str, Decimal]]) -> None:
    """A fund's entries (day, kind, amount) never taking its balance below zero on any day (a grant entered here,
    and the entries of a fund arriving in sync)."""
    lowest, when = lowest_balance(entries)
    if lowest < ZERO:
        raise InputError("fund.over_balance", day=when.isoformat() if when else "", balance=money(lowest))


def _info(session: Session, f: CommunityFund) -> FundInfo:
    holder = f.holder_name or ""
    if f.holder_org_id:
        org = session.get(Organization, f.holder_org_id)
        holder = org.name if org else f.holder_org_id
    community = session.get(Division, f.community_code)
    entries = tuple(EntryInfo(e.id, e.kind, e.entry_on, e.amount, e.party, e.purpose, e.entered_by)
                    for e in _entries(session, f.id))
    return FundInfo(f.id, f.name, f.office_code, f.division_code, f.community_code,
                    community.full_name if community else f.community_code, f.holder_org_id, holder, f.founded_on,
                    f.entered_by, sum((e.amount for e in entries if e.kind == "contribution"), ZERO),
                    sum((e.amount for e in entries if e.kind == "grant"), ZERO), entries, f.version)


def add_fund(db: Database, *, community: str, name: str, founded_on: Any, holder: str | None = None,
             holder_name: str | None = None, by: auth.UserInfo | None) -> FundInfo:
    """A new community fund (see the module for what is refused)."""
    def work() -> FundInfo:
        actor = auth.require(db, by, RIGHT)
        title = common.text(name, "name", "基金名称", required=True)
        named = common.text(holder_name, "holder_name", "持有方")
        if bool((holder or "").strip()) == bool(named):
            raise InputError("fund.holder")
        founded = common.day(founded_on, "founded_on")
        assert founded is not None
        office = db.office()
        code = (community or "").strip() if isinstance(community, str) else ""
        with db.unit(actor=actor) as session:
            division = session.get(Division, code) if code else None
            if division is None or division.level != "community" or not in_area(office, code):
                raise InputError("fund.community", code=code[:20])
            org_id = None if named else common.find_org(session, holder).id
            taken = session.scalar(select(CommunityFund.id).where(CommunityFund.office_code == office.code,
                                                                  CommunityFund.name == title,
                                                                  CommunityFund.deleted_at.is_(None)))
            if taken is not None:
                raise CivicDeskError("fund.exists", name=title)
            f = CommunityFund(office_code=office.code, division_code=code[:6], community_code=code, name=title,
                              holder_org_id=org_id, holder_name=named, founded_on=founded, entered_by=actor,
                              origin_office=office.code)
            session.add(f)
            session.flush()
            return _info(session, f)

    return common.guarded(db, by, ENTITY, "add", name if isinstance(name, str) else None, work)


def _enter(db: Database, fund: str, kind: str, amount: Any, party: str, entry_on: Any, purpose: str | None,
           by: auth.UserInfo | None, shown_version: int | None = None) -> FundInfo:
    def work() -> FundInfo:
        actor = auth.require(db, by, RIGHT)
        value = common.amount(amount, "amount")
        if value is None:
            raise InputError("enforce.required", field="amount")
        who = common.text(party, "party", "捐赠方" if kind == "contribution" else "受助方", required=True)
        why = common.text(purpose, "purpose", "用途", required=kind == "grant", multiline=True)
        day = common.day(entry_on, "entry_on")
        assert day is not None and who is not None
        office = db.office()
        with db.unit(actor=actor) as session:
            f = _find(session, fund, office.code)
            check_shown(f, shown_version, "community_fund", f.name)
            if day < f.founded_on:
                raise InputError("fund.before_founded", day=day.isoformat(), founded=f.founded_on.isoformat())
            if kind == "grant":
                check_balance([(e.entry_on, e.kind, e.amount) for e in _entries(session, f.id)] + [(day, kind, value)])
            session.add(FundEntry(fund_id=f.id, office_code=f.office_code, kind=kind, entry_on=day, amount=value,
                                  party=who, purpose=why, entered_by=actor, origin_office=office.code))
            session.flush()
            return _info(session, f)

    return common.guarded(db, by, ENTITY, kind, fund, work)


def contribute(db: Database, fund: str, *, amount: Any, party: str, entry_on: Any, purpose: str | None = None,
               by: auth.UserInfo | None, shown_version: int | None = None) -> FundInfo:
    """A contribution to the fund."""
    return _enter(db, fund, "contribution", amount, party, entry_on, purpose, by, shown_version)


def grant(db: Database, fund: str, *, amount: Any, party: str, purpose: str, entry_on: Any,
          by: auth.UserInfo | None, shown_version: int | None = None) -> FundInfo:
    """A grant from the fund, never taking its balance below zero."""
    return _enter(db, fund, "grant", amount, party, entry_on, purpose, by, shown_version)


def get_fund(db: Database, key: str) -> FundInfo:
    office = db.office()
    with db.read() as session:
        return _info(session, _find(session, key, office.code))


def list_funds(db: Database, *, community: str | None = None, division: str | None = None) -> list[FundInfo]:
    """The funds by county, community and name; ``community`` and ``division`` (the county) narrow them."""
    with db.read() as session:
        q = select(CommunityFund).where(CommunityFund.deleted_at.is_(None))
        if community:
            q = q.where(CommunityFund.community_code == community)
        if division:
            q = q.where(CommunityFund.division_code == division)
        q = q.order_by(CommunityFund.division_code, CommunityFund.community_code, CommunityFund.name)
        return [_info(session, f) for f in session.scalars(q)]
