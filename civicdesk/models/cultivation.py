"""Cultivation (培育发展, docs/DOMAIN.md "Cultivation"): the rows of growing community social organizations.

Six programmes, each its own rows; every row names the office that keeps it (``office_code``) and travels to
the city like the register's (district -> city; the city consolidates):

- incubation (培育孵化基地, 社区社会组织孵化园): a :class:`IncubationBase` admits residents
  (:class:`IncubationResident`: an organization of the register, or a name and contact for one not yet
  registered), who graduate (孵化出壳) with an outcome; the services given them are :class:`IncubationService`;
- government purchase of services (政府购买服务): a :class:`ServiceProject` contracts one organization, is paid in
  :class:`ProjectPayment` instalments and evaluated;
- venture philanthropy (公益创投) and contests (金点子): a :class:`VentureRound` receives
  :class:`VentureApplication`, each scored by several judges (:class:`VentureScore`), awarded and paid
  (:class:`VenturePayment`);
- community funds (社区基金): a :class:`CommunityFund` for one community, with dated contributions and grants
  (:class:`FundEntry`);
- volunteer service (志愿服务): the teams are community organizations of the register (subtype
  ``volunteer_team``); a team's :class:`Volunteer` people, its activities (:class:`VolunteerActivity`) with each
  volunteer's hours (:class:`VolunteerHours`), the office's points scheme as data (:class:`PointsScheme`), awards
  (:class:`VolunteerAward`);
- children's service stations (儿童服务站, community subtype ``children_station``): service days
  (:class:`StationService`) and funding by source (:class:`StationFunding`, the letter's 三个一点).

Amounts are yuan (``Numeric(16, 2)``).  A volunteer's and a resident's contact phone are personal data: masked
outside their edit form, never on public prints (``__audit_masked__``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, SyncedMixin

Money = Numeric(16, 2)


# -- incubation (培育孵化) -------------------------------------------------------------------------------------------
class IncubationBase(SyncedMixin, Base):
    """An incubation base or a community incubation park.

    ``level``: ``city`` | ``county`` | ``township`` (a park at a sub-district); ``kind``: ``base`` (培育孵化基地) |
    ``park`` (社区社会组织孵化园).  ``division_code`` is where it is (the city's, a county's code), ``township_code``
    the sub-district of a park.  The operator is an organization of the register (``operator_org_id``) or a
    named one (``operator_name``).
    """

    __tablename__ = "incubation_base"

    office_code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16), default="base")
    division_code: Mapped[str] = mapped_column(ForeignKey("division.code"))
    township_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"))
    operator_org_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    operator_name: Mapped[str | None] = mapped_column(String(200))
    opened_on: Mapped[date] = mapped_column(Date)
    address: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_incubation_base_office", "office_code", "division_code"),)


class IncubationResident(SyncedMixin, Base):
    """An organization admitted (入驻) to a base, and its graduation (出壳).

    ``organization_id`` when it is in the register (registered, filed or guided), else ``name`` with a contact.
    ``outcome`` on graduating or leaving: ``registered`` | ``filed`` | ``left``, on ``outcome_on``.
    """

    __tablename__ = "incubation_resident"
    __audit_masked__ = ("contact_phone",)

    base_id: Mapped[str] = mapped_column(ForeignKey("incubation_base.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(50))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    admitted_on: Mapped[date] = mapped_column(Date)
    graduated_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(64))


class IncubationService(SyncedMixin, Base):
    """A service a base gave a resident: ``kind`` ``training`` | ``office_space`` | ``mentoring`` |
    ``registration`` (help with registration or filing), from ``given_on`` (to ``until``, for office space)."""

    __tablename__ = "incubation_service"

    resident_id: Mapped[str] = mapped_column(ForeignKey("incubation_resident.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(24))
    given_on: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(64))


# -- government purchase of services (政府购买服务) -----------------------------------------------------------------
class ServiceProject(SyncedMixin, Base):
    """A project a department bought from one organization.

    ``division_code``: the county (or the city) whose department bought it; ``funding_source`` a code of the
    parameter ``cultivation.funding_sources`` (福彩公益金, 本级财政, 上级转移支付, …).  ``amount`` is the contract's;
    payments are :class:`ProjectPayment` rows and never exceed it.  ``evaluation``: ``excellent`` | ``good`` |
    ``pass`` | ``fail`` on ``evaluated_on``.  An organization on the serious credit list cannot be contracted.
    """

    __tablename__ = "service_project"

    office_code: Mapped[str] = mapped_column(String(12))
    division_code: Mapped[str] = mapped_column(ForeignKey("division.code"))
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    funding_source: Mapped[str] = mapped_column(String(32))
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    contract_no: Mapped[str | None] = mapped_column(String(64))
    amount: Mapped[Decimal] = mapped_column(Money)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    deliverables: Mapped[str] = mapped_column(Text)
    evaluation: Mapped[str | None] = mapped_column(String(16))
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_service_project_office_year", "office_code", "year", "division_code"),)


class ProjectPayment(SyncedMixin, Base):
    """An instalment paid on a project."""

    __tablename__ = "project_payment"

    project_id: Mapped[str] = mapped_column(ForeignKey("service_project.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(64))


# -- venture philanthropy (公益创投) and contests (金点子) -----------------------------------------------------------
class VentureRound(SyncedMixin, Base):
    """A round of venture philanthropy (``kind`` ``venture``) or an ideas contest (``contest``): organizer,
    budget, the days applications open and close, and the day awards were decided."""

    __tablename__ = "venture_round"

    office_code: Mapped[str] = mapped_column(String(12))
    division_code: Mapped[str] = mapped_column(ForeignKey("division.code"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="venture")
    organizer: Mapped[str] = mapped_column(String(200))
    budget: Mapped[Decimal] = mapped_column(Money)
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    awarded_on: Mapped[date | None] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(64))


class VentureApplication(SyncedMixin, Base):
    """An application (or an idea, in a contest) to a round: by an organization of the register or a named
    applicant; ``state`` ``submitted`` -> ``awarded`` (``amount_awarded``) | ``declined``."""

    __tablename__ = "venture_application"

    round_id: Mapped[str] = mapped_column(ForeignKey("venture_round.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True)
    applicant_name: Mapped[str | None] = mapped_column(String(200))
    project_title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)
    amount_asked: Mapped[Decimal] = mapped_column(Money)
    submitted_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="submitted")
    amount_awarded: Mapped[Decimal | None] = mapped_column(Money)
    decided_on: Mapped[date | None] = mapped_column(Date)
    #: the reviewer who awarded or declined it (four eyes: never whoever entered it)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    entered_by: Mapped[str] = mapped_column(String(64))


class VentureScore(SyncedMixin, Base):
    """One judge's score of one application (range from the parameter ``cultivation.score_range``)."""

    __tablename__ = "venture_score"

    venture_application_id: Mapped[str] = mapped_column(ForeignKey("venture_application.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    judge: Mapped[str] = mapped_column(String(50))
    score: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    scored_on: Mapped[date] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(64))


class VenturePayment(SyncedMixin, Base):
    """A payment of an awarded application; the payments never exceed the award."""

    __tablename__ = "venture_payment"

    venture_application_id: Mapped[str] = mapped_column(ForeignKey("venture_application.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(64))


# -- community funds (社区基金) --------------------------------------------------------------------------------------
class CommunityFund(SyncedMixin, Base):
    """A community fund: usually a special fund (专项基金) held by a foundation or a charity federation for one
    community.  Its size is the sum of its contributions; its balance, contributions less grants."""

    __tablename__ = "community_fund"

    office_code: Mapped[str] = mapped_column(String(12))
    division_code: Mapped[str] = mapped_column(ForeignKey("division.code"))  # the county
    community_code: Mapped[str] = mapped_column(ForeignKey("division.code"))
    name: Mapped[str] = mapped_column(String(200))
    holder_org_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    holder_name: Mapped[str | None] = mapped_column(String(200))
    founded_on: Mapped[date] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(64))


class FundEntry(SyncedMixin, Base):
    """A dated ``contribution`` to a fund (from ``party``) or a ``grant`` from it (to ``party``, for
    ``purpose``).  A grant never takes the balance below zero."""

    __tablename__ = "fund_entry"

    fund_id: Mapped[str] = mapped_column(ForeignKey("community_fund.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(16))
    entry_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    party: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(64))


# -- volunteer service (志愿服务) ------------------------------------------------------------------------------------
class Volunteer(SyncedMixin, Base):
    """A volunteer of a team (a community organization of subtype ``volunteer_team``)."""

    __tablename__ = "volunteer"
    __audit_masked__ = ("phone",)

    team_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(32))
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(64))


class VolunteerActivity(SyncedMixin, Base):
    """An activity of a team on one day; each volunteer's hours are :class:`VolunteerHours` rows."""

    __tablename__ = "volunteer_activity"

    team_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    office_code: Mapped[str] = mapped_column(String(12))
    held_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(200))
    entered_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_volunteer_activity_team", "team_id", "held_on"),)


class VolunteerHours(SyncedMixin, Base):
    """The hours one volunteer served at one activity (never in the future, never more than a day)."""

    __tablename__ = "volunteer_hours"

    activity_id: Mapped[str] = mapped_column(ForeignKey("volunteer_activity.id"), index=True)
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 2))


class PointsScheme(SyncedMixin, Base):
    """An office's volunteer points scheme (志愿积分) as data: ``rules`` such as
    ``{"per_hour": 1, "max_hours_per_day": 8, "awards": [{"points": 100, "zh": …, "en": …}]}``, valid from a day,
    with the local document it comes from."""

    __tablename__ = "points_scheme"

    office_code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(64))


class VolunteerAward(SyncedMixin, Base):
    """An award (表彰奖励) to a volunteer or a team, by a body, on a day; ``points`` redeemed for it, if any."""

    __tablename__ = "volunteer_award"

    office_code: Mapped[str] = mapped_column(String(12))
    volunteer_id: Mapped[str | None] = mapped_column(ForeignKey("volunteer.id"), index=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    awarded_by: Mapped[str] = mapped_column(String(200))
    awarded_on: Mapped[date] = mapped_column(Date)
    points: Mapped[int | None] = mapped_column(Integer)
    entered_by: Mapped[str] = mapped_column(String(64))


# -- children's service stations (儿童服务站) ------------------------------------------------------------------------
class StationService(SyncedMixin, Base):
    """A service day of a station (a community organization of subtype ``children_station``): the activity and
    its person-times, of whom children in difficulty (困境儿童) and left-behind children (留守儿童)."""

    __tablename__ = "station_service"

    station_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    office_code: Mapped[str] = mapped_column(String(12))
    served_on: Mapped[date] = mapped_column(Date)
    activity: Mapped[str] = mapped_column(String(200))
    person_times: Mapped[int] = mapped_column(Integer)
    in_difficulty: Mapped[int] = mapped_column(Integer, default=0)
    left_behind: Mapped[int] = mapped_column(Integer, default=0)
    entered_by: Mapped[str] = mapped_column(String(64))

    #: covering: the figures sum a station's days from the index alone (5,000,000 rows at a city); ``deleted_at``
    #: too, or SQLite reads every row to test the tombstone (2.8 s instead of 0.1 s at 500,000 days)
    __table_args__ = (Index("ix_station_service_station", "station_id", "served_on", "person_times",
                            "in_difficulty", "left_behind", "deleted_at"),)


class StationFunding(SyncedMixin, Base):
    """Money a station received in a year from one of the three sources of 三个一点: ``foundation`` (a
    foundation), ``organization`` (the contracted organization), ``civil_affairs`` (civil affairs)."""

    __tablename__ = "station_funding"

    station_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))
    funder: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Money)
    received_on: Mapped[date] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(64))


# -- the tally (local) -----------------------------------------------------------------------------------------------
class CultivationTally(Base):
    """Per volunteer team or children's station, the sums of its rows (days, hours, funding by source): local
    and derived (never synced: each office derives it from the rows it holds), so that the figures of a city
    with millions of service days and hours read one small row per team or station instead of the rows.  Kept
    by :func:`civicdesk.services.cultivation.tally.refresh` wherever those rows change: the services, the sync
    import, the demo; a test holds it equal to the rows."""

    __tablename__ = "cultivation_tally"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), primary_key=True)
    service_days: Mapped[int] = mapped_column(Integer, default=0)
    person_times: Mapped[int] = mapped_column(Integer, default=0)
    in_difficulty: Mapped[int] = mapped_column(Integer, default=0)
    left_behind: Mapped[int] = mapped_column(Integer, default=0)
    volunteers: Mapped[int] = mapped_column(Integer, default=0)
    activities: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=0)
    #: a station's funding by the three sources of 三个一点, all years
    funded_foundation: Mapped[Decimal] = mapped_column(Numeric(16, 2), default=0)
    funded_organization: Mapped[Decimal] = mapped_column(Numeric(16, 2), default=0)
    funded_civil_affairs: Mapped[Decimal] = mapped_column(Numeric(16, 2), default=0)
