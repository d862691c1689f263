"""Government purchase of services (政府购买服务, docs/DOMAIN.md "Cultivation"): projects, their payments and
evaluation.

Offers:

- :func:`add`: a clerk (``cultivate``) records a project a department bought from one organization of the
  register: its name, the buying department (购买主体), the year, the funding source (a code of the parameter
  ``cultivation.funding_sources`` in force at the office), the amount contracted (yuan, above zero, two decimals
  at most), the organization (id or USCC), the period (from a day not in the future, to a day not before it),
  the deliverables, the contract number (unique in the office, if given) and the county whose department
  bought it (default: this office's division).  **An organization on the serious credit list
  (严重违法失信名单) cannot be contracted** (财政部令第102号第八条: 承接主体 ... 未被列入严重违法失信名单): the
  refusal names the listing's decision number; nor can one that no longer exists (deregistered, revoked).
- :func:`pay`: an instalment on a day neither before the contract's start nor in the future; the payments never
  exceed the contract ("a payment over the contract" is refused, naming what is left to pay).
- :func:`evaluate`: the result (:data:`EVALUATIONS`) on a day neither before the contract's start nor in the
  future, once.
- :func:`list_projects` (filters: year, county, organization), :func:`get_project` (with its payments).

:func:`check_project` and :func:`check_payment` are the rules of a row's own values, for a clerk's entry and a
row arriving in a sync package (services/supervision/arrivals.py).  Every refusal is audited
(``project.refused``) and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError
from civicdesk.models import Division, Organization, ProjectPayment, ServiceProject
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation import lookup
from civicdesk.services.supervision import credit
from civicdesk.services.supervision import enforcement as common
from civicdesk.services.supervision.parameters import defaults, value_in
from civicdesk.services.supervision.common import check_shown

RIGHT = "cultivate"
ENTITY = "project"
EVALUATIONS = ("excellent", "good", "pass", "fail")
FUNDING_KEY = "cultivation.funding_sources"
FIRST_YEAR = 2000
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class PaymentInfo:
    id: str
    project_id: str
    paid_on: date
    amount: Decimal
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "project_id": self.project_id, "paid_on": self.paid_on.isoformat(),
                "amount": format(self.amount, "f"), "note": self.note}


@dataclass(frozen=True)
class ProjectInfo:
    id: str
    office_code: str
    division_code: str
    division_name: str
    name: str
    department: str
    year: int
    funding_source: str
    organization_id: str
    organization_name: str
    uscc: str | None
    contract_no: str | None
    amount: Decimal
    paid: Decimal
    starts_on: date
    ends_on: date
    deliverables: str
    evaluation: str | None
    evaluated_on: date | None
    entered_by: str
    payments: tuple[PaymentInfo, ...] = ()
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    @property
    def unpaid(self) -> Decimal:
        return self.amount - self.paid

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "office_code": self.office_code, "division_code": self.division_code,
                "division_name": self.division_name, "name": self.name, "department": self.department,
                "year": self.year, "funding_source": self.funding_source, "organization_id": self.organization_id,
                "organization_name": self.organization_name, "uscc": self.uscc, "contract_no": self.contract_no,
                "amount": format(self.amount, "f"), "paid": format(self.paid, "f"),
                "unpaid": format(self.unpaid, "f"), "starts_on": self.starts_on.isoformat(),
                "ends_on": self.ends_on.isoformat(), "deliverables": self.deliverables,
                "evaluation": self.evaluation, "evaluated_on": common.iso(self.evaluated_on),
                "entered_by": self.entered_by, "payments": [p.to_json() for p in self.payments]}


def evaluation_label(code: str | None, lang: str = "zh") -> str:
    return messages.label(f"cultivation.evaluation.{code}", lang, default=code or "") if code else ""


def funding_sources(session: Session, office_code: str) -> dict[str, str]:
    """code -> its Chinese words, from the parameter in force at the office."""
    return {str(s["key"]): str(s["zh"]) for s in value_in(session, office_code, FUNDING_KEY) or []}


# -- the rules of one row's values (a clerk's entry and an arriving row) ----------------------------------------
def check_year(value: Any) -> int:
    last = clock.today().year
    try:
        year = int(str(value).strip()) if not isinstance(value, bool) else None
    except ValueError:
        year = None
    if year is None or not FIRST_YEAR <= year <= last:
        raise InputError("project.bad_year", field="year", value=str(value)[:10], first=FIRST_YEAR, last=last)
    return year


def check_project(values: dict[str, Any], sources: dict[str, str] | None = None) -> None:
    """A project's own values: a year, a funding source of ``sources`` (default: the shipped codes), an amount,
    a period in order that has begun, an evaluation known and dated (not in the future), or none."""
    check_year(values.get("year"))
    known = sources if sources is not None else {str(s["key"]): str(s["zh"])
                                                 for s in defaults()[FUNDING_KEY].value}
    if values.get("funding_source") not in known:
        raise InputError("project.bad_funding", field="funding_source", value=str(values.get("funding_source"))[:32],
                         allowed=", ".join(known))
    if common.amount(values.get("amount")) is None:
        raise InputError("enforce.bad_amount", field="amount", value="")
    start = common.day(values.get("starts_on"), "starts_on")
    end = common.day(values.get("ends_on"), "ends_on", future=True)
    assert start is not None and end is not None
    if end < start:
        raise InputError("project.period_order", field="ends_on", value=end.isoformat(), starts_on=start.isoformat(),
                         ends_on=end.isoformat())
    result = values.get("evaluation")
    if result is not None and result not in EVALUATIONS:
        raise InputError("project.bad_evaluation", field="evaluation", value=str(result)[:20],
                         allowed=", ".join(EVALUATIONS))
    evaluated = common.day(values.get("evaluated_on"), "evaluated_on", required=result is not None)
    if result is None and evaluated is not None:
        raise InputError("project.bad_evaluation", field="evaluation", value="", allowed=", ".join(EVALUATIONS))
    if evaluated is not None and evaluated < start:
        raise InputError("project.before_contract", field="evaluated_on", value=evaluated.isoformat(),
                         starts_on=start.isoformat())


def check_payment(values: dict[str, Any]) -> Decimal:
    """A payment's own values: an amount above zero, a day not in the future."""
    money = common.amount(values.get("amount"))
    if money is None:
        raise InputError("enforce.bad_amount", field="amount", value="")
    common.day(values.get("paid_on"), "paid_on")
    return money


def over_contract_in(session: Session, state: dict[str, dict[str, dict[str, Any]]]) -> tuple[str, str, Any] | None:
    """The first payment of an arriving sync package (``state``: entity -> id -> the row as it would be stored)
    that takes its project's payments over the contract: (entity, id, the issue), or None.  The payments already
    stored and not in the package count with the package's."""
    from civicdesk.errors import Issue

    arriving = state.get("project_payment", {})
    projects_in = state.get("service_project", {})
    wanted = {str(r.get("project_id")) for r in arriving.values()} | set(projects_in)
    for project_id in sorted(wanted):
        project = projects_in.get(project_id)
        if project is None:
            stored = session.get(ServiceProject, project_id)
            project = {"amount": stored.amount, "deleted_at": stored.deleted_at} if stored is not None else None
        if project is None or project.get("deleted_at") is not None:
            continue
        mine = {i: r for i, r in arriving.items() if r.get("project_id") == project_id}
        paid = Decimal(str(session.scalar(select(func.sum(ProjectPayment.amount)).where(
            ProjectPayment.project_id == project_id, ProjectPayment.deleted_at.is_(None),
            ProjectPayment.id.not_in(list(mine)))) or 0))
        contract = Decimal(str(project.get("amount") or 0))
        for row_id, row in sorted(mine.items(), key=lambda item: (str(item[1].get("paid_on")), item[0])):
            if row.get("deleted_at") is None:
                paid += Decimal(str(row.get("amount") or 0))
                if paid > contract:
                    return "project_payment", row_id, Issue("amount", "arrival.bad_value", {
                        "entity": "project_payment", "field": "amount", "value": str(row.get("amount"))})
    return None


# -- reading ---------------------------------------------------------------------------------------------------
def _paid(session: Session, ids: list[str]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for i in range(0, len(ids), 500):
        for pid, total in session.execute(select(ProjectPayment.project_id, func.sum(ProjectPayment.amount)).where(
                ProjectPayment.project_id.in_(ids[i:i + 500]), ProjectPayment.deleted_at.is_(None))
                .group_by(ProjectPayment.project_id)):
            out[pid] = Decimal(str(total or 0)).quantize(ZERO)
    return out


def _info(session: Session, p: ServiceProject, paid: Decimal | None = None,
          payments: tuple[PaymentInfo, ...] = ()) -> ProjectInfo:
    org = session.get(Organization, p.organization_id)
    name = session.scalar(select(Division.name).where(Division.code == p.division_code)) or ""
    if paid is None:
        paid = _paid(session, [p.id]).get(p.id, ZERO)
    return ProjectInfo(p.id, p.office_code, p.division_code, name, p.name, p.department, p.year, p.funding_source,
                       p.organization_id, org.name if org else "", org.uscc if org else None, p.contract_no,
                       Decimal(p.amount).quantize(ZERO), paid, p.starts_on, p.ends_on, p.deliverables, p.evaluation,
                       p.evaluated_on, p.entered_by, payments, p.version)


def _find(session: Session, key: str | None, office_code: str) -> ServiceProject:
    """A project by its id, or by its contract number in this office."""
    return lookup.find(session, ServiceProject, key, "project.not_found", by=ServiceProject.contract_no,
                       office_code=office_code)


def list_projects(db: Database, *, year: Any = None, county: str | None = None,
                  organization: str | None = None) -> list[ProjectInfo]:
    """Projects by year (newest first), county and name; ``year``, ``county`` (a division code) and
    ``organization`` (id or USCC) narrow them."""
    wanted = check_year(year) if year not in (None, "") else None
    with db.read() as session:
        q = select(ServiceProject).where(ServiceProject.deleted_at.is_(None))
        if wanted is not None:
            q = q.where(ServiceProject.year == wanted)
        if county:
            q = q.where(ServiceProject.division_code == county.strip())
        if organization:
            q = q.where(ServiceProject.organization_id == common.find_org(session, organization).id)
        rows = list(session.scalars(q.order_by(ServiceProject.year.desc(), ServiceProject.division_code,
                                               ServiceProject.name, ServiceProject.id)))
        paid = _paid(session, [p.id for p in rows])
        return [_info(session, p, paid.get(p.id, ZERO)) for p in rows]


def get_project(db: Database, key: str) -> ProjectInfo:
    """One project (id or contract number) with its payments, oldest first."""
    office = db.office()
    with db.read() as session:
        p = _find(session, key, office.code)
        payments = tuple(PaymentInfo(r.id, r.project_id, r.paid_on, Decimal(r.amount).quantize(ZERO), r.note)
                         for r in session.scalars(select(ProjectPayment).where(
                             ProjectPayment.project_id == p.id, ProjectPayment.deleted_at.is_(None))
                             .order_by(ProjectPayment.paid_on, ProjectPayment.created_at)))
        return _info(session, p, sum((x.amount for x in payments), ZERO), payments)


# -- changing --------------------------------------------------------------------------------------------------
def _county(session: Session, code: str | None, office_code: str) -> str:
    """The county (or the city) whose department bought: this office's division or a county under it."""
    code = (code or "").strip() or office_code
    d = session.get(Division, code)
    if d is None or d.level not in ("city", "county") or (d.code != office_code and d.parent_code != office_code):
        raise InputError("project.bad_division", value=code[:12])
    return d.code


def contractable(session: Session, org: Organization) -> None:
    """Refuse an organization that cannot be contracted: one on the serious credit list (naming the listing's
    decision number), or one that no longer exists."""
    for listing in credit.current_in(session, org.id):
        if listing.list_kind == "serious":
            raise CivicDeskError("project.org_serious_list", name=org.name, decision_no=listing.decision_no or "",
                                 listed_on=common.iso(listing.listed_on) or "")
    if org.status not in LIVE_STATUSES:
        raise CivicDeskError("project.org_not_live", name=org.name, status=org.status)


def add(db: Database, *, name: str, department: str, year: Any, funding_source: str, organization: str,
        amount: Any, starts_on: Any, ends_on: Any, deliverables: str, contract_no: str | None = None,
        division: str | None = None, by: auth.UserInfo | None) -> ProjectInfo:
    """A new project: see the module for what is refused."""
    def work() -> ProjectInfo:
        actor = auth.require(db, by, RIGHT)
        title = common.text(name, "name", "项目名称", required=True)
        buyer = common.text(department, "department", "购买主体", required=True)
        what = common.text(deliverables, "deliverables", "服务内容及成果", required=True, multiline=True)
        number = common.text(contract_no, "contract_no", "合同编号")
        money = common.amount(amount)
        if money is None:
            raise InputError("enforce.bad_amount", field="amount", value=str(amount or "")[:40])
        office = db.office()
        with db.unit(actor=actor) as session:
            sources = funding_sources(session, office.code)
            values = {"year": year, "funding_source": (funding_source or "").strip(), "amount": money,
                      "starts_on": starts_on, "ends_on": ends_on}
            check_project(values, sources)
            county = _county(session, division, office.code)
            org = common.find_org(session, organization)
            contractable(session, org)
            if number is not None and session.scalar(select(ServiceProject.id).where(
                    ServiceProject.office_code == office.code, ServiceProject.contract_no == number,
                    ServiceProject.deleted_at.is_(None))) is not None:
                raise CivicDeskError("project.contract_exists", contract_no=number)
            p = ServiceProject(office_code=office.code, division_code=county, name=title, department=buyer,
                               year=check_year(year), funding_source=values["funding_source"],
                               organization_id=org.id, contract_no=number, amount=money,
                               starts_on=common.day(starts_on, "starts_on"),
                               ends_on=common.day(ends_on, "ends_on", future=True), deliverables=what,
                               entered_by=actor, origin_office=office.code)
            session.add(p)
            session.flush()
            return _info(session, p, ZERO)

    return common.guarded(db, by, ENTITY, "add", name if isinstance(name, str) else None, work)


def pay(db: Database, project: str, *, amount: Any, paid_on: Any = None, note: str | None = None,
        by: auth.UserInfo | None, shown_version: int | None = None) -> ProjectInfo:
    """An instalment paid on a project (default: today); never more than is left of the contract."""
    def work() -> ProjectInfo:
        actor = auth.require(db, by, RIGHT)
        words = common.text(note, "note", "备注", multiline=True)
        day = common.day(paid_on, "paid_on", required=False) or clock.today()
        money = check_payment({"amount": amount, "paid_on": day}) if amount not in (None, "") else None
        if money is None:
            raise InputError("enforce.bad_amount", field="amount", value="")
        office = db.office()
        with db.unit(actor=actor) as session:
            p = _find(session, project, office.code)
            check_shown(p, shown_version, "service_project", p.name)
            if day < p.starts_on:
                raise InputError("project.before_contract", field="paid_on", value=day.isoformat(),
                                 starts_on=p.starts_on.isoformat())
            paid = _paid(session, [p.id]).get(p.id, ZERO)
            contract = Decimal(p.amount).quantize(ZERO)
            if paid + money > contract:
                raise InputError("project.over_contract", amount=format(money, "f"), paid=format(paid, "f"),
                                 contract=format(contract, "f"), left=format(contract - paid, "f"))
            session.add(ProjectPayment(project_id=p.id, office_code=p.office_code, paid_on=day, amount=money,
                                       note=words, entered_by=actor, origin_office=office.code))
            session.flush()
            return _info(session, p, paid + money)

    return common.guarded(db, by, ENTITY, "pay", project if isinstance(project, str) else None, work)


def evaluate(db: Database, project: str, *, result: str, on: Any = None, by: auth.UserInfo | None,
             shown_version: int | None = None) -> ProjectInfo:
    """The project's evaluation result (default day: today), once."""
    def work() -> ProjectInfo:
        actor = auth.require(db, by, RIGHT)
        if result not in EVALUATIONS:
            raise InputError("project.bad_evaluation", value=str(result)[:20], allowed=", ".join(EVALUATIONS))
        day = common.day(on, "evaluated_on", required=False) or clock.today()
        office = db.office()
        with db.unit(actor=actor) as session:
            p = _find(session, project, office.code)
            check_shown(p, shown_version, "service_project", p.name)
            if p.evaluation is not None:
                raise CivicDeskError("project.evaluated", name=p.name, result=p.evaluation,
                                     on=common.iso(p.evaluated_on) or "")
            if day < p.starts_on:
                raise InputError("project.before_contract", field="evaluated_on", value=day.isoformat(),
                                 starts_on=p.starts_on.isoformat())
            p.evaluation, p.evaluated_on = result, day
            session.flush()
            return _info(session, p)

    return common.guarded(db, by, ENTITY, "evaluate", project if isinstance(project, str) else None, work)
