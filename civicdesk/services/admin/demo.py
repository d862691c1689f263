"""A deterministic, invented register of 乐山市 whose figures are the city's published ones.

Counts (DOMAIN.md, reply of 2021年8月20日): 1,831 registered social organizations (89 of them community
social organizations); 5,611 community social organizations = 89 registered + 52 filed + 5,470 guided, among
them 1,370 老年协会, 1,321 红白理事会, 1,247 三无小区自管会 and 1,412 志愿服务队.  Names of organizations,
people, villages, communities and estates are invented (communities are marked ``invented`` in the division
table); townships and counties are real.  The data are built in one fixed order from one seed, so every
database gets the same ids: a district loads its own share (what it registered or recorded), the city all.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import func, select

from civicdesk import RESOURCES
from civicdesk.errors import CivicDeskError
from civicdesk.models import Division, Organization, OrgChange, OrgPerson, audit, table_of
from civicdesk.services.admin import auth
from civicdesk.services.register import search
from civicdesk.services.cultivation import demo as cultivation_demo
from civicdesk.services.supervision import demo as supervision_demo
from civicdesk.services.core.bulk import bulk_cache, insert_rows, stamped
from civicdesk.services.core.database import Database
from civicdesk.services.core.reference import CITY_CODE, leshan_file
from civicdesk.services.core.validation import make_id_number, make_uscc
from civicdesk import clock

SEED = 20210820
NAMESPACE = uuid.UUID("6f1c2a52-3d0e-4c59-9a51-6c0d0e1a2021")
CUTOFF = date(2021, 6, 30)
INVENTED = "演示数据虚构 (invented for the demo)"

# (legal form, category) -> count of existing non-community registered organizations; sums to 1,742.
REGISTERED_PLAN: dict[tuple[str, str], int] = {
    ("social_group", "industry_association"): 150, ("social_group", "science_technology"): 60,
    ("social_group", "sports"): 90, ("social_group", "culture"): 90, ("social_group", "charity"): 60,
    ("social_group", "agriculture"): 120, ("social_group", "professional"): 60, ("social_group", "education"): 20,
    ("social_group", "health"): 20, ("social_group", "ecology"): 10, ("social_group", "law"): 10,
    ("social_group", "other"): 10,
    ("social_service", "education"): 620, ("social_service", "health"): 90, ("social_service", "social_service"): 190,
    ("social_service", "community_service"): 50, ("social_service", "culture"): 30, ("social_service", "sports"): 40,
    ("social_service", "science_technology"): 9, ("social_service", "charity"): 10,
    ("foundation", "charity"): 3,
}
# Historic organizations that no longer exist: in the register, not in the figures.
INACTIVE_PLAN = {"deregistered": 40, "revoked": 10}
# community subtype -> (registered, filed, guided); sums to 89, 52, 5,470.
COMMUNITY_PLAN: dict[str, tuple[int, int, int]] = {
    "elderly_association": (25, 10, 1335),
    "funeral_council": (0, 0, 1321),
    "estate_self_management": (0, 0, 1247),
    "volunteer_team": (30, 12, 1370),
    "children_station": (0, 0, 20),
    "culture_sports": (14, 12, 64),
    "mediation": (0, 8, 52),
    "life_service": (10, 0, 31),
    "public_welfare": (10, 10, 30),
}
COMMUNITIES_PER_TOWNSHIP = 16


@cache
def words() -> dict[str, Any]:
    return json.loads((RESOURCES / "demo" / "words.json").read_text(encoding="utf-8"))


def demo_id(kind: str, n: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"leshan-demo/{kind}/{n}"))


@dataclass
class DemoData:
    communities: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class DemoResult:
    scope: str
    organizations: int
    people: int
    changes: int
    communities: int
    already_loaded: bool = False
    supervision: Any = None  # services.supervision.demo.SupervisionCounts
    cultivation: Any = None  # services.cultivation.demo.CultivationCounts


class _Builder:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.w = words()
        ref = leshan_file()
        self.counties = [d for d in ref["divisions"] if d["level"] == "county"]
        self.townships: dict[str, list[dict[str, Any]]] = {}
        for d in ref["divisions"]:
            if d["level"] == "township":
                self.townships.setdefault(d["parent"], []).append(d)
        pops = {p["division"]: p["value"] for p in ref["populations"] if p["basis"] == "household"}
        self.weights = [pops[c["code"]] for c in self.counties]
        self.data = DemoData()
        self.names: dict[str, set[str]] = {}
        self.org_seq: dict[str, int] = {}  # registry -> next organization-code number
        self.filing_seq: dict[str, int] = {}
        self.community_by_township: dict[str, list[dict[str, Any]]] = {}
        self.n_org = self.n_person = self.n_change = 0

    # -- helpers -------------------------------------------------------------------------------------
    def county(self) -> dict[str, Any]:
        return self.rng.choices(self.counties, weights=self.weights)[0]

    def person_name(self) -> str:
        given = self.rng.choice(self.w["given"]) + (self.rng.choice(self.w["given"]) if self.rng.random() < 0.7 else "")
        return self.rng.choice(self.w["surnames"]) + given

    def phone(self) -> str:
        if self.rng.random() < 0.75:
            return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"
        return f"0833-{self.rng.randrange(2000000, 5999999)}"

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    def unique_name(self, registry: str, make: Callable[[], str]) -> str:
        used = self.names.setdefault(registry, set())
        for _ in range(200):
            name = make()
            if name not in used:
                used.add(name)
                return name
        raise RuntimeError(f"demo names exhausted for registry {registry}")

    def uscc(self, legal_form: str, registry: str) -> str:
        kind = {"social_group": "1", "social_service": "2", "foundation": "3"}[legal_form]
        n = self.org_seq.get(registry, 0) + 1
        self.org_seq[registry] = n
        return make_uscc(kind, registry, f"MJ{n:06d}")

    def add_person(self, org: dict[str, Any], role: str, *, start: date, current: bool = True,
                   end: date | None = None) -> dict[str, Any]:
        self.n_person += 1
        birth = self.day_between(date(1950, 1, 1), date(1992, 12, 31))
        person = {
            "id": demo_id("person", self.n_person), "organization_id": org["id"], "origin_office": org["origin_office"],
            "role": role, "name": self.person_name(),
            "id_number": make_id_number(org["division_code"], birth, self.rng.randrange(1, 999)),
            "phone": self.phone(), "term_start": start, "term_end": end or (start + timedelta(days=5 * 365)),
            "is_current": current,
        }
        self.data.people.append(person)
        return person

    def base_org(self, **values: Any) -> dict[str, Any]:
        self.n_org += 1
        org: dict[str, Any] = dict.fromkeys(_ORG_COLUMNS)
        org.update(id=demo_id("org", self.n_org), is_community=False, party_organization=False,
                   charity_recognized=False, entry_mode="demo", status="active")
        org.update(values)
        self.data.organizations.append(org)
        return org

    # -- divisions -----------------------------------------------------------------------------------
    def communities(self) -> None:
        for county in self.counties:
            for township in self.townships.get(county["code"], []):
                street = township["name"].endswith("街道")
                names = self.rng.sample(self.w["place_words"], COMMUNITIES_PER_TOWNSHIP)
                made = []
                for i, word in enumerate(names):
                    urban = street or i < 2
                    code = f"{township['code']}{(i + 1 if urban else 200 + i):03d}"
                    name = word + ("社区" if urban else "村")
                    made.append({"code": code, "name": name, "full_name": township["full_name"] + name,
                                 "level": "community", "parent_code": township["code"], "code_official": False,
                                 "invented": True, "source": INVENTED, "urban": urban, "county": county})
                self.community_by_township[township["code"]] = made
                self.data.communities.extend(made)

    # -- registered social organizations -------------------------------------------------------------
    def registered(self) -> None:
        plan = [(form, cat) for (form, cat), n in REGISTERED_PLAN.items() for _ in range(n)]
        inactive = [status for status, n in INACTIVE_PLAN.items() for _ in range(n)]
        for form, category in plan:
            self.one_registered(form, category, "active")
        for status in inactive:
            form = "social_group" if self.rng.random() < 0.5 else "social_service"
            cat = self.rng.choice([c for (f, c) in REGISTERED_PLAN if f == form])
            self.one_registered(form, cat, status)

    def one_registered(self, form: str, category: str, status: str) -> None:
        county = self.county()
        city_level = form == "foundation" or self.rng.random() < 0.15
        registry = CITY_CODE if city_level else county["code"]
        place = "乐山市" if city_level else county["name"]
        township = self.rng.choice(self.townships[county["code"]])
        if form == "social_group":
            spec = self.w["social_group"][category]
            name = self.unique_name(registry,
                                    lambda: place + self.rng.choice(spec["words"]) + self.rng.choice(spec["suffixes"]))
        elif form == "social_service":
            kinds = self.w["social_service"][category]
            name = self.unique_name(registry, lambda: place + (township["name"].removesuffix("街道").removesuffix("镇")
                                                               if self.rng.random() < 0.3 else "")
                                    + self.rng.choice(self.w["brands"]) + self.rng.choice(kinds))
        else:
            name = self.unique_name(registry, lambda: "乐山市" + self.rng.choice(self.w["foundations"]))
        established = self.day_between(date(1993, 1, 1), CUTOFF - timedelta(days=200))
        direct_categories = {"science_technology", "industry_association", "charity", "community_service", "sports"}
        direct = category in direct_categories and established >= date(2013, 1, 1)
        sponsor = None if direct else place + self.w["sponsors"][category]
        if form == "foundation":
            funds = Decimal(self.rng.randrange(200, 2000))
        elif form == "social_group":
            funds = Decimal(self.rng.randrange(300, 5000)) / 100
        else:
            funds = Decimal(self.rng.randrange(300, 50000)) / 100
        renewals = max(0, (CUTOFF - established).days // (5 * 365))
        issued = established + timedelta(days=renewals * 5 * 365)
        org = self.base_org(
            name=name, legal_form=form, tier="registered", category=category, status=status,
            uscc=self.uscc(form, registry), registry_code=registry,
            registry_name="乐山市民政局" if city_level else f"乐山市{county['name']}民政局",
            registration_mode="direct" if direct else "dual", sponsor=sponsor,
            foundation_type=self.rng.choice(["public", "non_public"]) if form == "foundation" else None,
            division_code=county["code"], township_code=township["code"],
            address=f"四川省乐山市{county['name']}{township['name']}{self.rng.choice(self.w['place_words'])}路"
                    f"{self.rng.randrange(1, 300)}号",
            purpose="遵守宪法、法律、法规和国家政策，践行社会主义核心价值观，服务会员，服务社会。",
            business_scope="组织交流培训、咨询服务、承接政府购买服务及业务主管单位委托事项。",
            activity_area=("乐山市" if city_level else f"乐山市{county['name']}") if form == "social_group" else None,
            registered_funds_wan=funds, established_on=established,
            certificate_issued_on=issued, certificate_valid_from=issued,
            certificate_valid_to=issued + timedelta(days=5 * 365 - 1),
            member_count=self.rng.randrange(30, 800) if form == "social_group" else None,
            staff_count=self.rng.randrange(1, 120), contact_phone=self.phone(),
            party_organization=self.rng.random() < 0.4,
            charity_recognized=category == "charity" and self.rng.random() < 0.3,
            origin_office=registry,
        )
        if status != "active":
            gone = self.day_between(max(established, date(2015, 1, 1)) + timedelta(days=400), CUTOFF)
            org["status_changed_on"] = gone
            org["certificate_collected_on"] = gone if status == "deregistered" else None
        self.people_and_history(org, established, registry)

    def people_and_history(self, org: dict[str, Any], established: date, registry: str) -> None:
        rep_role = "legal_representative"
        changed = self.rng.random() < 0.15 and (CUTOFF - established).days > 800
        if changed:
            change_day = self.day_between(established + timedelta(days=400), CUTOFF - timedelta(days=30))
            old = self.add_person(org, rep_role, start=established, current=False, end=change_day)
            new = self.add_person(org, rep_role, start=change_day)
            self.n_change += 1
            prefix = self.w["document_prefixes"][registry if registry in self.w["document_prefixes"] else CITY_CODE]
            self.data.changes.append({
                "id": demo_id("change", self.n_change), "organization_id": org["id"],
                "origin_office": org["origin_office"], "field": "legal_representative",
                "old_value": old["name"], "new_value": new["name"], "changed_on": change_day,
                "document_no": f"{prefix}〔{change_day.year}〕{self.rng.randrange(1, 200)}号", "source": "legacy",
            })
        else:
            self.add_person(org, rep_role, start=established)
        org["contact_name"] = org["legal_rep_name"] = self.data.people[-1]["name"]
        if org.get("legal_form") == "social_group" and self.rng.random() < 0.3:
            self.add_person(org, "secretary_general", start=established)

    # -- community social organizations ------------------------------------------------------------
    def community(self) -> None:
        everyone = list(self.data.communities)
        urban = [c for c in everyone if c["urban"]]
        villages = [c for c in everyone if not c["urban"]]
        estates_used: dict[str, set[str]] = {}
        for subtype, (n_reg, n_filed, n_guided) in COMMUNITY_PLAN.items():
            total = n_reg + n_filed + n_guided
            if subtype == "estate_self_management":
                hosts = [self.rng.choice(urban) for _ in range(total)]
            elif subtype == "funeral_council":
                hosts = self.rng.sample(villages, min(total, len(villages)))
                hosts += self.rng.sample(urban, total - len(hosts))
            elif total <= len(everyone):
                hosts = self.rng.sample(everyone, total)
            else:
                hosts = [self.rng.choice(everyone) for _ in range(total)]
            tiers = ["registered"] * n_reg + ["filed"] * n_filed + ["guided"] * n_guided
            for host, tier in zip(hosts, tiers, strict=True):
                self.one_community(subtype, tier, host, estates_used)

    def one_community(self, subtype: str, tier: str, host: dict[str, Any], estates_used: dict[str, set[str]]) -> None:
        county = host["county"]
        township_code = host["parent_code"]
        township = next(t for t in self.townships[county["code"]] if t["code"] == township_code)
        registry = {"registered": county["code"], "filed": township_code, "guided": host["code"]}[tier]
        if tier == "registered":
            base = self.w["registered_community_names"][subtype]
            name = self.unique_name(registry, lambda: f"{county['name']}{township['name']}{host['name']}{base}")
        elif subtype == "estate_self_management":
            used = estates_used.setdefault(host["code"], set())

            def estate() -> str:
                unit = self.rng.choice(self.w["estate_units"]) + self.rng.choice(self.w["estate_suffixes"])
                return f"{host['name']}{unit}自管会"
            name = self.unique_name(registry, estate)
            used.add(name)
        else:
            name = self.unique_name(registry, lambda: host["name"] + self.rng.choice(self.w["community_orgs"][subtype]))
        established = self.day_between(date(2010, 1, 1) if tier == "registered" else date(2015, 1, 1),
                                       CUTOFF - timedelta(days=200))
        values: dict[str, Any] = dict(
            name=name, is_community=True, tier=tier, community_subtype=subtype, status="active",
            registry_code=registry, division_code=county["code"], township_code=township_code,
            community_code=host["code"], origin_office=county["code"], established_on=established,
            address=f"四川省乐山市{county['name']}{township['name']}{host['name']}",
            member_count=self.rng.randrange(8, 300), category="community_service",
            contact_phone=self.phone(),
        )
        if tier == "registered":
            form = "social_service" if subtype == "life_service" else "social_group"
            values.update(legal_form=form, uscc=self.uscc(form, registry),
                          registry_name=f"乐山市{county['name']}民政局",
                          registration_mode="direct", registered_funds_wan=Decimal(self.rng.randrange(300, 1000)) / 100,
                          certificate_issued_on=established, certificate_valid_from=established,
                          certificate_valid_to=established + timedelta(days=5 * 365 - 1),
                          activity_area=host["full_name"] if form == "social_group" else None)
        else:
            keeper = (township["name"] + ("办事处" if township["name"].endswith("街道") else "人民政府")
                      if tier == "filed" else host["name"] + ("村民委员会" if host["name"].endswith("村")
                                                              else "居民委员会"))
            n = self.filing_seq.get(registry, 0) + 1
            self.filing_seq[registry] = n
            prefix = "BA" if tier == "filed" else "ZD"
            values.update(registry_name=keeper, filing_no=f"{prefix}-{registry}-{established.year}-{n:04d}")
        org = self.base_org(**values)
        if tier == "registered":
            self.people_and_history(org, established, registry)
        else:
            self.add_person(org, "responsible_person", start=established)
            org["contact_name"] = self.data.people[-1]["name"]


_ORG_COLUMNS = [c.name for c in table_of(Organization).columns
                if c.name not in ("version", "version_vector", "created_at", "updated_at", "deleted_at",
                                  "deleted_by", "deleted_reason")]


@cache
def build_demo() -> DemoData:
    """The whole city's demo register, built in one fixed order from one seed (about 1 s)."""
    builder = _Builder()
    builder.communities()
    builder.registered()
    builder.community()
    return builder.data


def _share(data: DemoData, office_code: str, own_only: bool = False) -> DemoData:
    if office_code == CITY_CODE and not own_only:
        return data
    orgs = [o for o in data.organizations if o["origin_office"] == office_code]
    ids = {o["id"] for o in orgs}
    return DemoData(
        communities=[c for c in data.communities if c["county"]["code"] == office_code],
        organizations=orgs,
        people=[p for p in data.people if p["organization_id"] in ids],
        changes=[c for c in data.changes if c["organization_id"] in ids],
    )


def load_demo(db: Database, progress: Callable[[int, int], None] | None = None, *,
              by: auth.UserInfo | None = None, own_only: bool = False) -> DemoResult:
    """Insert this office's share of the demo register in one unit of work (Core bulk inserts).

    The city gets everything (a city that does not sync); with ``own_only`` only what it registered itself
    (257 organizations: a city that receives the rest in its districts' sync packages).  A district office
    gets what it registered or recorded.  Loading twice adds nothing and says so.  The records go into the
    register directly, as an administrator digitizing paper records would: ``by`` needs ``legacy_entry``.
    """
    actor = auth.require(db, by, "legacy_entry")
    office = db.office()
    known = {c["code"] for c in leshan_file()["divisions"]}
    if office.code not in known:
        raise CivicDeskError("demo.scope", code=office.code)
    share = _share(build_demo(), office.code, own_only)
    now = clock.now().replace(microsecond=0)
    with db.unit(actor=actor) as session:
        existing = session.scalar(select(func.count()).select_from(Organization)
                                  .where(Organization.entry_mode == "demo"))
        if existing:
            return DemoResult(office.code, 0, 0, 0, 0, already_loaded=True)
        have = set(session.scalars(select(Division.code).where(Division.level == "community")))
        communities = [{k: v for k, v in c.items() if k not in ("urban", "county")} for c in share.communities
                       if c["code"] not in have]
        organizations = stamped(share.organizations, now)
        with bulk_cache(session, len(organizations) + len(share.people) + len(share.changes)):
            search.prepare_rows(session, organizations, ahead=True)  # index rows made during the insert
            insert_rows(session, [
                (table_of(Division), communities),
                (table_of(Organization), organizations),
                (table_of(OrgPerson), stamped(share.people, now)),
                (table_of(OrgChange), stamped(share.changes, now)),
            ], progress)
            search.index_rows(session, organizations)
        offices = _supervision_offices(office.code, office.level, own_only)
        supervised = supervision_demo.load(session, offices, now)
        cultivated = cultivation_demo.load(session, [code for code, _level in offices], now)
        # bulk inserts pass no ORM flush: one entry in the audit trail says what came in
        audit.record(session, "data.demo_loaded", "organization", None, organizations=len(organizations),
                     people=len(share.people), changes=len(share.changes), communities=len(communities),
                     inspection_records=supervised.records, ratings=supervised.ratings,
                     spot_checks=supervised.spotchecks, listings=supervised.credit.listings,
                     penalties=supervised.credit.penalties, interviews=supervised.credit.interviews,
                     complaints=supervised.credit.complaints, cultivation_projects=cultivated.projects,
                     station_service_days=cultivated.service_days)
    return DemoResult(office.code, len(share.organizations), len(share.people), len(share.changes),
                      len(communities), supervision=supervised, cultivation=cultivated)


def _supervision_offices(code: str, level: str, own_only: bool) -> list[tuple[str, str]]:
    """The offices whose supervision records this database gets: its own; at the city (unless ``own_only``)
    every office of the demo, as its register holds every office's organizations."""
    if code != CITY_CODE or own_only:
        return [(code, level)]
    counties = [d["code"] for d in leshan_file()["divisions"] if d["level"] == "county"]
    return [(CITY_CODE, "city"), *((c, "district") for c in counties)]
