"""The register's headline figures, computed by queries: counts by legal form, community tiers and
subtypes, population with its basis, and the density per 10,000 people, for the office or one division.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from civicdesk.errors import NotFoundError
from civicdesk.models import Division, Organization, Population
from civicdesk.services.core.database import Database
from civicdesk.services.core.reference import dictionary
from civicdesk.schema import LIVE_STATUSES

LEGAL_FORMS = ("social_group", "social_service", "foundation")


#: The columns every figure is a sum over; ``ix_organization_stats`` covers them, so the whole register is
#: counted by one scan of a small index instead of the table (16 s -> under a second at 1,000,000 rows).
GROUP_COLUMNS = (Organization.division_code, Organization.tier, Organization.legal_form,
                 Organization.is_community, Organization.community_subtype)


#: the summary of the register kept by SQLite's triggers (migration 0018): one row per group of organizations
SUMMARY = "organization_summary"
#: its key columns read back as the organization's (a NULL legal form or subtype is kept as '' with a flag)
SUMMARY_GROUP = ("division_code, tier, CASE WHEN legal_form_null THEN NULL ELSE legal_form END, is_community, "
                 "CASE WHEN subtype_null THEN NULL ELSE community_subtype END")
SUMMARY_GROUP_BY = "division_code, tier, legal_form, legal_form_null, is_community, community_subtype, subtype_null"


def has_summary(session: Session) -> bool:
    """The database keeps :data:`SUMMARY` (an SQLite database migrated to 0018; a server computes from the rows)."""
    return session.get_bind().dialect.name == "sqlite" and bool(session.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": SUMMARY}).first())


def in_codes(codes: list[str]) -> tuple[str, dict[str, str]]:
    """``IN (:c0, :c1 …)`` and its parameters (NULL for no code: matches nothing)."""
    return "(" + (", ".join(f":c{n}" for n in range(len(codes))) or "NULL") + ")", \
        {f"c{n}": c for n, c in enumerate(codes)}


def _groups(session: Session, codes: list[str]) -> list[Any]:
    """(county, tier, legal form, community?, subtype, count) of existing organizations in ``codes``: from the
    summary where it is kept (a few thousand rows at 1,000,000 organizations), else counted from the rows."""
    if has_summary(session):
        marks, params = in_codes(codes)
        return list(session.execute(text(
            f"SELECT {SUMMARY_GROUP}, sum(n) FROM {SUMMARY} WHERE live = 1 AND division_code IN {marks} "
            f"GROUP BY {SUMMARY_GROUP_BY} HAVING sum(n) > 0"), params).all())
    return rows_groups(session, codes)


def rows_groups(session: Session, codes: list[str]) -> list[Any]:
    """:func:`_groups` counted from the rows (a server; and the tests' reference for the summary)."""
    return list(session.execute(
        select(*GROUP_COLUMNS, func.count())
        .where(Organization.deleted_at.is_(None), Organization.status.in_(LIVE_STATUSES),
               Organization.division_code.in_(codes))
        .group_by(*GROUP_COLUMNS)
    ).all())


def _empty() -> dict[str, Any]:
    return {
        "registered_social_organizations": 0,
        "by_legal_form": dict.fromkeys(LEGAL_FORMS, 0),
        "community_social_organizations": {"total": 0, "registered": 0, "filed": 0, "guided": 0},
        "community_by_subtype": {},
    }


def _add(figures: dict[str, Any], tier: str, legal_form: str | None, community: bool, subtype: str | None,
         n: int) -> None:
    if tier == "registered":
        figures["registered_social_organizations"] += n
        if legal_form in figures["by_legal_form"]:
            figures["by_legal_form"][legal_form] += n
    if community:
        c = figures["community_social_organizations"]
        c["total"] += n
        if tier in c:
            c[tier] += n
        figures["community_by_subtype"][subtype] = figures["community_by_subtype"].get(subtype, 0) + n


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
            counties = list(session.scalars(
                select(Division).where(Division.parent_code == code).order_by(Division.code)
            ))
        else:
            counties = [scope]
        total, per_county = _empty(), {c.code: _empty() for c in counties}
        for county, tier, legal_form, community, subtype, n in _groups(session, [c.code for c in counties] + [code]):
            _add(total, tier, legal_form, community, subtype, n)
            if county in per_county:
                _add(per_county[county], tier, legal_form, community, subtype, n)
        result: dict[str, Any] = {"scope": {"code": scope.code, "name": scope.name, "level": scope.level}}
        result.update(total)
        population = _population(session, code)
        result["population"] = population
        result["per_10k_population"] = _density(result["registered_social_organizations"], population)
        rows = []
        for county in counties:
            figures = per_county[county.code]
            pop = _population(session, county.code)
            rows.append({"code": county.code, "name": county.name, **figures, "population": pop,
                         "per_10k_population": _density(figures["registered_social_organizations"], pop)})
        result["by_division"] = rows
        labels = {v.code: v.label_zh for v in dictionary(session, "community_subtype")}
        result["community_by_subtype_labels"] = {k: labels.get(k or "", k) for k in result["community_by_subtype"]}
    return result
