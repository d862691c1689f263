"""The register: organizations, their people, and the field-level history of every change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, SyncedMixin
from civicdesk.schema import SORT_KEYS



def sort_indexes() -> list[Index]:
    """One partial covering index per sort key; the name's also carries the rank (services/register/search.py finds a
    new row's neighbours on it), and the rank has its own narrow index, which the name sort reads."""
    live = text("deleted_at IS NULL")
    return [
        Index(f"ix_organization_sort_{key}", *columns, "seq", *(["status"] if "status" not in columns else []),
              *(["name_rank"] if key == "name" else []), sqlite_where=live)
        for key, columns in SORT_KEYS.items()
    ] + [Index("ix_organization_sort_rank", "name_rank", "seq", "status", sqlite_where=live)]


class Organization(SyncedMixin, Base):
    """A social organization (社会团体, 社会服务机构, 基金会) or a community social organization of any tier.

    Codes (legal form, tier, status, category, subtype …) are values of the dictionaries, not enums, so
    that a province can add its own without a schema change.  Never hard-deleted.
    """

    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(String(200))
    legal_form: Mapped[str | None] = mapped_column(String(32))  # None for filed/guided community orgs
    is_community: Mapped[bool] = mapped_column(Boolean, default=False)
    tier: Mapped[str] = mapped_column(String(16), default="registered")
    community_subtype: Mapped[str | None] = mapped_column(String(48))
    category: Mapped[str | None] = mapped_column(String(48))
    status: Mapped[str] = mapped_column(String(24), default="active")

    uscc: Mapped[str | None] = mapped_column(String(18))
    legacy_registration_no: Mapped[str | None] = mapped_column(String(64))  # 登记证号
    legacy_org_code: Mapped[str | None] = mapped_column(String(16))  # 组织机构代码
    filing_no: Mapped[str | None] = mapped_column(String(64))  # 备案/指导 local number

    registry_code: Mapped[str] = mapped_column(String(12))  # 登记管理机关 (or filing township/community)
    registry_name: Mapped[str] = mapped_column(String(100))
    registration_mode: Mapped[str | None] = mapped_column(String(16))  # dual | direct
    sponsor: Mapped[str | None] = mapped_column(String(200))  # 业务主管单位
    foundation_type: Mapped[str | None] = mapped_column(String(16))

    division_code: Mapped[str] = mapped_column(ForeignKey("division.code"))  # county-level location
    township_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"))
    community_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"))
    address: Mapped[str | None] = mapped_column(String(300))

    purpose: Mapped[str | None] = mapped_column(Text)  # 宗旨
    business_scope: Mapped[str | None] = mapped_column(Text)
    activity_area: Mapped[str | None] = mapped_column(String(200))  # 活动地域 (社团)
    registered_funds_wan: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))  # 活动/开办资金, 原始基金

    established_on: Mapped[date | None] = mapped_column(Date)  # 成立登记日期 (or filing date)
    certificate_valid_from: Mapped[date | None] = mapped_column(Date)
    certificate_valid_to: Mapped[date | None] = mapped_column(Date)
    certificate_issued_on: Mapped[date | None] = mapped_column(Date)
    certificate_collected_on: Mapped[date | None] = mapped_column(Date)  # 收缴
    status_changed_on: Mapped[date | None] = mapped_column(Date)

    member_count: Mapped[int | None] = mapped_column(Integer)
    staff_count: Mapped[int | None] = mapped_column(Integer)
    contact_name: Mapped[str | None] = mapped_column(String(50))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    party_organization: Mapped[bool] = mapped_column(Boolean, default=False)
    charity_recognized: Mapped[bool] = mapped_column(Boolean, default=False)

    entry_mode: Mapped[str] = mapped_column(String(16), default="legacy")
    notes: Mapped[str | None] = mapped_column(Text)  # internal; never on public prints

    # Local, derived, not synced: a stable integer for the register table and the search index (the implicit
    # rowid may change on VACUUM), the current legal representative's name, and the name's pinyin.
    seq: Mapped[int | None] = mapped_column(Integer)
    legal_rep_name: Mapped[str | None] = mapped_column(String(50))
    name_pinyin: Mapped[str | None] = mapped_column(String(600))
    name_initials: Mapped[str | None] = mapped_column(String(200))
    # the place in the name sort, with gaps; the search index's rowid (services/register/search.py)
    name_rank: Mapped[int | None] = mapped_column(BigInteger)
    # Local, derived from the synced supervision records (services/supervision/profile.py), not synced: the
    # latest decided annual inspection (its year and conclusion) and the rating in force, for the register's
    # columns, filters and prints without a join per row.
    inspection_year: Mapped[int | None] = mapped_column(Integer)
    inspection_conclusion: Mapped[str | None] = mapped_column(String(16))
    rating_grade: Mapped[str | None] = mapped_column(String(8))
    rating_valid_to: Mapped[date | None] = mapped_column(Date)
    # the credit list it is on now (``abnormal`` | ``serious``, serious first; NULL when on none), derived from
    # ``credit_listing`` (services/supervision/credit.py) the same way
    credit_list: Mapped[str | None] = mapped_column(String(8))

    __table_args__ = (
        # Partial only on SQLite: naming postgresql_where here would load the PostgreSQL dialect at every start
        # (~90 ms); the migrations create the PostgreSQL versions.
        Index("uq_organization_uscc", "uscc", unique=True, sqlite_where=text("uscc IS NOT NULL")),
        Index("uq_organization_seq", "seq", unique=True),
        Index("ix_organization_registry_name", "registry_code", "name"),
        *sort_indexes(),
        # covers every column the statistics count by (services/register/statistics.py)
        Index("ix_organization_stats", "division_code", "status", "tier", "legal_form", "is_community",
              "community_subtype", sqlite_where=text("deleted_at IS NULL")),
        # who is due in an annual inspection (services/supervision/inspection.py), read from this index alone
        # (deleted_at, always NULL here, too: without it SQLite reads the table to test the partial condition)
        Index("ix_organization_due", "registry_code", "tier", "legal_form", "established_on", "status",
              "status_changed_on", "division_code", "id", "deleted_at", sqlite_where=text("deleted_at IS NULL")),
        # 参检率 by county (migration 0010): grouped as the index is walked, and the record index probed in id
        # order county by county (consecutive probes on the same pages), not in ix_organization_due's order
        Index("ix_organization_due_county", "registry_code", "tier", "division_code", "id", "legal_form",
              "established_on", "status", "status_changed_on", "deleted_at", sqlite_where=text("deleted_at IS NULL")),
        # the register's supervision filters (services/register/browse.py) read these alone: seconds by table
        # scan at 200,000 rows without them (bench_register.py --filters).  ``deleted_at`` is a column too, though
        # the index holds only NULLs: SQLite 3.40 reads the row to test a partial index's own condition otherwise
        Index("ix_organization_inspection", "inspection_year", "inspection_conclusion", "status", "name_rank", "seq",
              "deleted_at", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_organization_rating", "rating_grade", "rating_valid_to", "status", "name_rank", "seq", "deleted_at",
              sqlite_where=text("deleted_at IS NULL")),
        Index("ix_organization_credit", "credit_list", "status", "name_rank", "seq", "deleted_at",
              sqlite_where=text("deleted_at IS NULL")),
    )


class OrgPerson(SyncedMixin, Base):
    """A person of an organization: legal representative, responsible person, director … with a term."""

    __tablename__ = "org_person"
    __audit_masked__ = ("id_number", "phone")  # the audit trail keeps no full ID number or phone

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(18))  # personal information: shown masked
    phone: Mapped[str | None] = mapped_column(String(32))
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)


class OrgChange(SyncedMixin, Base):
    """One changed field of an organization: old and new value, date, 文号 and where the change came from."""

    __tablename__ = "org_change"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    field: Mapped[str] = mapped_column(String(48))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_on: Mapped[date] = mapped_column(Date)
    document_no: Mapped[str | None] = mapped_column(String(64))  # 文号, e.g. 乐市民函〔2021〕12号
    source: Mapped[str] = mapped_column(String(16), default="legacy")  # legacy | filing | import | sync
    recorded_by: Mapped[str | None] = mapped_column(String(64))
