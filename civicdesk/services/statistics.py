"""The register's headline figures, computed by queries: counts by legal form, community tiers and
subtypes, population with its basis, and the density per 10,000 people, for the office or one division.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from civicdesk.errors import NotFoundError
from civicdesk.models import Division, Organization, Population
from civicdesk.services.database import Database
from civicdesk.services.reference import dictionary
from civicdesk.services.registry import LIVE_STATUSES

LEGAL_FORMS = ("social_group", "social_service", "foundation")


def _count_columns() -> list[Any]:
    """registered, the three legal forms, community total, registered, filed, guided."""
    registered = Organization.tier == "registered"
    community = Organization.is_community.is_(True)
    return [
        func.count().filter(registered),
        *[func.count().filter(registered, Organization.legal_form == form) for form in LEGAL_FORMS],
        func.count().filter(community),
        func.count().filter(community, registered),
        func.count().filter(Organization.tier == "filed"),
        func.count().filter(Organization.tier == "guided"),
    ]


def _as_figures(row: Any) -> dict[str, Any]:
    return {
        "registered_social_organizations": row[0],
        "by_legal_form": dict(zip(LEGAL_FORMS, row[1:4], strict=True)),
        "community_social_organizations": {"total": row[4], "registered": row[5], "filed": row[6], "guided": row[7]},
        "community_by_subtype": {},
    }


def _live(condition: Any) -> Any:
    return and_(Organization.deleted_at.is_(None), Organization.status.in_(LIVE_STATUSES), condition)


def _population(session: Session, code: str, basis: str = "household") -> dict[str, Any] | None:
    row = session.scalars(
        select(Population).where(Population.division_code == code, Population.basis == basis)
        .order_by(Population.year.desc())
    ).first()
    if row is not None:
        return {"value": row.value, "basis": row.basis, "year": row.year, "source": row.source,
                "estimated": row.estimated}
    # no own figure: the sum of the children's, if every child has one of the same basis
    children = session.scalars(select(Division.code).where(Division.parent_code == code)).all()
    parts = [_population(session, child, basis) for child in children]
    if not parts or any(p is None for p in parts):
        return None
    years = {p["year"] for p in parts if p}
    return {"value": sum(p["value"] for p in parts if p), "basis": basis, "year": max(years),
            "source": "下级区划之和 (sum of the divisions below)", "estimated": any(p["estimated"] for p in parts if p)}


def _figures(session: Session, condition: Any) -> dict[str, Any]:
    figures = _as_figures(session.execute(select(*_count_columns()).where(_live(condition))).one())
    figures["community_by_subtype"] = dict(
        session.execute(
            select(Organization.community_subtype, func.count())
            .where(_live(condition), Organization.is_community.is_(True))
            .group_by(Organization.community_subtype)
        ).all()
    )
    return figures


def _density(count: int, population: dict[str, Any] | None) -> float | None:
    if not population or not population["value"]:
        return None
    value = Decimal(count) * 10000 / Decimal(population["value"])
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def statistics(db: Database, division: str | None = None) -> dict[str, Any]:
    """Figures for the office's scope, or for ``division`` (a county or the city), with a per-county table.

    Organizations are counted where they are (their county), whoever registered them; only existing ones
    (存续, 限期停止活动, 清算中) count.
    """
    office = db.office()
    code = division or office.code
    with db.read() as session:
        scope = session.get(Division, code)
        if scope is None:
            raise NotFoundError("division.not_found", code=code)
        if scope.level == "city":
            counties = session.scalars(
                select(Division).where(Division.parent_code == code).order_by(Division.code)
            ).all()
            condition = Organization.division_code.in_([c.code for c in counties] + [code])
        else:
            counties = [scope]
            condition = Organization.division_code == code
        result: dict[str, Any] = {"scope": {"code": scope.code, "name": scope.name, "level": scope.level}}
        result.update(_figures(session, condition))
        population = _population(session, code)
        result["population"] = population
        result["per_10k_population"] = _density(result["registered_social_organizations"], population)
        # counties: one GROUP BY instead of a query per county
        per_county = _per_county(session, [c.code for c in counties])
        rows = []
        for county in counties:
            figures = per_county.get(county.code) or _figures(session, Organization.division_code == county.code)
            pop = _population(session, county.code)
            rows.append({"code": county.code, "name": county.name, **figures, "population": pop,
                         "per_10k_population": _density(figures["registered_social_organizations"], pop)})
        result["by_division"] = rows
        labels = {v.code: v.label_zh for v in dictionary(session, "community_subtype")}
        result["community_by_subtype_labels"] = {k: labels.get(k or "", k) for k in result["community_by_subtype"]}
    return result


def _per_county(session: Session, codes: list[str]) -> dict[str, dict[str, Any]]:
    live = _live(Organization.division_code.in_(codes))
    out: dict[str, dict[str, Any]] = {}
    for row in session.execute(
        select(Organization.division_code, *_count_columns()).where(live).group_by(Organization.division_code)
    ):
        out[row[0]] = _as_figures(row[1:])
    for county, subtype, count in session.execute(
        select(Organization.division_code, Organization.community_subtype, func.count())
        .where(live, Organization.is_community.is_(True))
        .group_by(Organization.division_code, Organization.community_subtype)
    ):
        out[county]["community_by_subtype"][subtype] = count
    return out
