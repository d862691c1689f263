"""Invented cultivation rows (培育发展) for the demo register, reproducing the figures of the city's letter
(docs/DOMAIN.md "Cultivation"; reply of 2021年8月20日):

- incubation: the city's base (乐山市, 38 admitted, 12 graduated), the bases of 市中区, 沙湾区, 夹江县 and 犍为县, and
  the community incubation parks of 通江街道 (市中区) and 铜河街道 (沙湾区), each with residents and services;
- government purchase of services by civil affairs from 2019 to the demo's cut-off: every county and the city
  buys every year, summing to just over 32,000,000 yuan, paid in instalments and evaluated;
- 沙湾区's round of venture philanthropy (550,000 yuan to 10 organizations) and 市中区's 金点子 contest (108 ideas,
  10 funded), scored by three judges each;
- 9 community funds in 8 communities, contributions totalling 1,350,000 yuan, and a few grants;
- volunteers, activities and hours of some of the 1,412 volunteer teams the register already holds;
- service days of the 20 children's stations the register holds (more than 100,000 person-times) and their
  funding by the three sources of 三个一点.

Every row is one the services would accept: dates in order and never after the demo's cut-off (30 June 2021),
amounts above zero, payments within the contract or the award, scores 0-100, person-times at least the children
in difficulty plus the left-behind, hours within a day; every organization a row names is one the row's office
holds (a district's database has only its own share).  Everything is invented (``entered_by`` ``demo_clerk``,
the texts say 演示) and built in one fixed order from one seed, once per process: a district loads the rows whose
office is the district, the city all of them (or, with ``own_only``, its own), with the same ids everywhere.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.models import (CommunityFund, CreditListing, FundEntry, IncubationBase, IncubationResident,
                              IncubationService, ProjectPayment, ServiceProject, StationFunding, StationService,
                              VentureApplication, VenturePayment, VentureRound, VentureScore, Volunteer,
                              VolunteerActivity, VolunteerHours, table_of)
from civicdesk.services.cultivation import tally
from civicdesk.services.core.bulk import insert_rows

SEED = 20210820
NAMESPACE = uuid.UUID("0c7e5d2b-9a41-4f6e-8d3c-1b2a3f4e2018")
CLERK = "demo_clerk"
CITY = "511100"
INVENTED = "演示数据虚构 (invented for the demo)"
#: the letter's figures the demo reaches (tests/cultivation/test_demo_figures.py counts them from the rows)
PURCHASED_OVER = Decimal("32000000")
FUNDS_TOTAL = Decimal("1350000")
SHAWAN_ROUND = Decimal("550000")
STATION_PERSON_TIMES_OVER = 100_000
#: the insert order: parents before children
MODELS = (IncubationBase, IncubationResident, IncubationService, ServiceProject, ProjectPayment, VentureRound,
          VentureApplication, VentureScore, VenturePayment, CommunityFund, FundEntry, Volunteer, VolunteerActivity,
          VolunteerHours, StationService, StationFunding)

# (office, level, kind, name, township, opened, residents admitted, graduated, left)
BASES = (
    (CITY, "city", "base", "乐山市社会组织培育孵化基地", None, date(2018, 5, 18), 38, 12, 3),
    ("511102", "county", "base", "市中区社会组织培育孵化基地", None, date(2018, 9, 10), 16, 5, 1),
    ("511111", "county", "base", "沙湾区社会组织培育孵化基地", None, date(2018, 11, 6), 10, 3, 1),
    ("511126", "county", "base", "夹江县社会组织培育孵化基地", None, date(2019, 3, 15), 12, 4, 1),
    ("511123", "county", "base", "犍为县社会组织培育孵化基地", None, date(2019, 5, 20), 12, 4, 0),
    ("511102", "township", "park", "通江街道社区社会组织孵化园", "511102006", date(2019, 9, 1), 9, 3, 0),
    ("511111", "township", "park", "铜河街道社区社会组织孵化园", "511111002", date(2020, 3, 1), 6, 2, 0),
)
PROJECT_TITLES = ("社区居家养老服务", "困境儿童关爱保护服务", "社区社会组织能力建设", "农村留守老人关爱服务",
                  "社会救助对象帮扶服务", "社区治理社会工作服务", "残疾人社区康复服务", "婚姻家庭辅导服务",
                  "“五社联动”示范点建设", "社区志愿服务培育")
FUNDING = ("budget", "lottery", "transfer")
JUDGES = ("周明远", "吴静怡", "郑凯文")
IDEAS = ("楼道微更新", "社区共享工具屋", "老人助餐点", "四点半课堂", "邻里调解角", "垃圾分类积分", "社区微菜园",
         "院落议事会", "独居老人探访", "儿童读书角", "社区健身队", "邻里节", "停车秩序自治", "家门口就业驿站")
STATION_ACTIVITIES = ("课业辅导", "亲情视频连线", "安全教育", "心理疏导", "阅读分享", "兴趣小组（书画）", "户外拓展",
                      "生活技能课", "家访与关爱", "节日主题活动")
VOLUNTEER_ACTIVITIES = ("关爱独居老人", "社区环境整治", "文明交通劝导", "防疫值守", "政策宣传", "义诊义剪",
                        "河道巡护", "助学辅导")
# fund -> (county, community's place in the county's urban communities, contributions): 9 funds, 8
# communities (市中区's first community has two funds), 1,350,000 yuan in all
FUNDS = (("511102", 0, 300000), ("511102", 0, 100000), ("511102", 1, 150000), ("511111", 0, 200000),
         ("511111", 1, 100000), ("511112", 0, 120000), ("511123", 0, 180000), ("511181", 0, 100000),
         ("511181", 1, 100000))
SHAWAN_AWARDS = (80000, 70000, 60000, 60000, 55000, 50000, 50000, 45000, 40000, 40000)


def demo_id(kind: str, *parts: Any) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(["leshan-demo-cultivation", kind, *map(str, parts)])))


@dataclass(frozen=True)
class CultivationCounts:
    bases: int
    projects: int
    rounds: int
    funds: int
    volunteers: int
    service_days: int


class _Builder:
    """The whole city's rows, from the register's demo organizations and communities, one stream per programme."""

    def __init__(self, organizations: list[dict[str, Any]], communities: list[dict[str, Any]], cutoff: date,
                 surnames: str, given: str) -> None:
        self.cutoff = cutoff
        self.live = [o for o in organizations if o["status"] == "active"]
        self.communities = communities
        self.surnames, self.given = surnames, given
        self.rows: dict[Any, list[dict[str, Any]]] = {m: [] for m in MODELS}
        self.county_names = {c["county"]["code"]: c["county"]["name"] for c in communities}

    def add(self, model: Any, office: str, row: dict[str, Any]) -> dict[str, Any]:
        row = {"origin_office": office, "office_code": office, **row}
        if model is not VolunteerHours:
            row["entered_by"] = CLERK
        self.rows[model].append(row)
        return row

    def place(self, office: str) -> str:
        return "乐山市" if office == CITY else self.county_names[office]

    @staticmethod
    def day(rng: random.Random, start: date, end: date) -> date:
        return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))

    def person(self, rng: random.Random) -> str:
        return rng.choice(self.surnames) + "".join(rng.choice(self.given) for _ in range(rng.choice((1, 2))))

    @staticmethod
    def phone(rng: random.Random) -> str:
        return f"1380000{rng.randint(0, 9999):04d}"  # clearly fake

    def pool(self, office: str, keep: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        return [o for o in self.live if o["origin_office"] == office and keep(o)]

    # -- incubation ----------------------------------------------------------------------------------------------
    def incubation(self) -> None:
        rng = random.Random(f"{SEED}-incubation")
        taken: set[str] = set()
        for n, (office, level, kind, name, township, opened, admitted, graduated, left) in enumerate(BASES):
            base_id = demo_id("incubation_base", n)
            operators = [o for o in self.pool(office, lambda o: o.get("legal_form") == "social_service"
                                              and not o["is_community"]) if o["established_on"] < opened]
            operator = rng.choice(operators) if operators else None
            self.add(IncubationBase, office, {
                "id": base_id, "name": name, "level": level, "kind": kind,
                "division_code": office, "township_code": township,
                "operator_org_id": operator["id"] if operator else None,
                "operator_name": None if operator else f"{self.place(office)}社会组织服务中心",
                "opened_on": opened, "address": f"四川省{'' if office == CITY else '乐山市'}{self.place(office)}",
                "notes": INVENTED})
            # graduates: organizations of the office registered (or filed) after some months in the base
            ready = sorted((o for o in self.pool(office, lambda o: o["tier"] in ("registered", "filed"))
                            if o["id"] not in taken and opened + timedelta(days=60) <= o["established_on"]),
                           key=lambda o: (o["established_on"], o["id"]))
            grads = rng.sample(ready, min(graduated, len(ready)))
            residents: list[tuple[dict[str, Any], date, date | None]] = []
            for org in sorted(grads, key=lambda o: (o["established_on"], o["id"])):
                taken.add(org["id"])
                on = org["established_on"]
                start = max(opened, on - timedelta(days=rng.randint(90, 420)))
                residents.append(({"organization_id": org["id"], "outcome": org["tier"], "outcome_on": on,
                                   "graduated_on": on}, start, on))
            near = [c for c in self.communities if office == CITY or c["county"]["code"] == office]
            for i in range(admitted - len(residents)):
                start = self.day(rng, opened, self.cutoff - timedelta(days=60))
                row: dict[str, Any] = {"name": f"{rng.choice(near)['name']}{rng.choice(IDEAS)}"
                                               f"{rng.choice(('服务队', '互助会', '志愿社'))}（筹）",
                                       "contact_name": self.person(rng), "contact_phone": self.phone(rng)}
                end = None
                if i < left:
                    end = self.day(rng, start + timedelta(days=30), self.cutoff)
                    row.update(outcome="left", outcome_on=end)
                residents.append((row, start, end))
            for i, (row, start, end) in enumerate(residents):
                rid = demo_id("incubation_resident", n, i)
                self.add(IncubationResident, office, {
                    "id": rid, "base_id": base_id, "organization_id": None, "name": None, "contact_name": None,
                    "contact_phone": None, "graduated_on": None, "outcome": None, "outcome_on": None,
                    "admitted_on": start, "notes": INVENTED, **row})
                last = min(end or self.cutoff, self.cutoff)
                self.add(IncubationService, office, {
                    "id": demo_id("incubation_service", rid, "office_space"), "resident_id": rid,
                    "kind": "office_space", "given_on": start, "until": end, "description": "免费入驻办公工位（演示）"})
                for k, kind_ in enumerate(("training", "mentoring", "registration")[:rng.randint(1, 3)]):
                    if kind_ == "registration" and row.get("organization_id") is None:
                        continue
                    self.add(IncubationService, office, {
                        "id": demo_id("incubation_service", rid, k), "resident_id": rid, "kind": kind_,
                        "given_on": self.day(rng, start, last), "until": None,
                        "description": {"training": "财务与项目管理培训（演示）", "mentoring": "一对一督导（演示）",
                                        "registration": "协助准备登记（备案）材料（演示）"}[kind_]})

    # -- government purchase of services -------------------------------------------------------------------------
    def projects(self) -> None:
        rng = random.Random(f"{SEED}-projects")
        offices = [CITY, *sorted(self.county_names)]
        pools = {office: self.pool(office, lambda o: o.get("legal_form") == "social_service"
                                   and not o["is_community"] and o["established_on"] < date(2019, 1, 1))
                 for office in offices}
        years = list(range(2019, self.cutoff.year + 1))
        total, n = Decimal(0), 0
        # every office buys every year; then round after round until the letter's "over 32 million" is passed
        while total <= PURCHASED_OVER:
            for year in years:
                for office in offices:
                    if total > PURCHASED_OVER and n >= len(offices) * len(years):
                        break
                    total += self.project(rng, office, year, pools[office], n)
                    n += 1

    def project(self, rng: random.Random, office: str, year: int, pool: list[dict[str, Any]], n: int) -> Decimal:
        org = rng.choice(pool)
        amount = Decimal(rng.randint(12, 60) * 10000 if office != CITY else rng.randint(30, 90) * 10000)
        starts = date(year, rng.randint(1, 3), rng.randint(1, 28))
        ends = min(date(year, 12, 31), self.cutoff)
        pid = demo_id("service_project", n)
        title = PROJECT_TITLES[n % len(PROJECT_TITLES)]
        evaluated = ends + timedelta(days=rng.randint(10, 40)) if ends < self.cutoff - timedelta(days=45) else None
        self.add(ServiceProject, office, {
            "id": pid, "division_code": office, "name": f"{year}年{self.place(office)}{title}项目",
            "department": f"{'乐山市' if office == CITY else '乐山市' + self.place(office)}民政局", "year": year,
            "funding_source": FUNDING[n % len(FUNDING)], "organization_id": org["id"],
            "contract_no": f"演示购〔{year}〕{n + 1}号", "amount": amount, "starts_on": starts, "ends_on": ends,
            "deliverables": f"{title}：服务对象建档、月度服务记录、年度评估报告（演示）",
            "evaluation": rng.choice(("excellent", "good", "good", "pass")) if evaluated else None,
            "evaluated_on": evaluated})
        first = (amount * Decimal("0.5")).quantize(Decimal("1"))
        self.add(ProjectPayment, office, {"id": demo_id("project_payment", pid, 1), "project_id": pid,
                                          "paid_on": starts + timedelta(days=rng.randint(10, 30)), "amount": first,
                                          "note": "首期款（演示）"})
        if evaluated:
            self.add(ProjectPayment, office, {"id": demo_id("project_payment", pid, 2), "project_id": pid,
                                              "paid_on": evaluated + timedelta(days=rng.randint(0, 5)),
                                              "amount": amount - first, "note": "尾款（演示）"})
        return amount

    # -- venture philanthropy and the 金点子 contest -----------------------------------------------------------------
    def ventures(self) -> None:
        rng = random.Random(f"{SEED}-venture")
        # 沙湾区: 16 organizations apply, the ten best scored are awarded 550,000 in all, paid in two instalments
        opens, closes, awarded = date(2020, 4, 10), date(2020, 5, 20), date(2020, 6, 28)
        rid = demo_id("venture_round", "511111", 2020)
        self.add(VentureRound, "511111", {
            "id": rid, "division_code": "511111", "name": "沙湾区2020年社区公益创投活动", "kind": "venture",
            "organizer": "乐山市沙湾区民政局", "budget": SHAWAN_ROUND, "opens_on": opens, "closes_on": closes,
            "awarded_on": awarded})
        orgs = rng.sample(self.pool("511111", lambda o: o["established_on"] < opens), 16)
        self.applications(rng, "511111", rid, [{"organization_id": o["id"]} for o in orgs], opens, closes, awarded,
                          asked=lambda: Decimal(rng.randint(5, 9) * 10000), awards=SHAWAN_AWARDS,
                          paid=((Decimal("0.6"), date(2020, 7, 15)), (Decimal("0.4"), date(2021, 1, 20))))
        # 市中区: 108 ideas from residents and community organizations, ten funded
        opens, closes, awarded = date(2020, 8, 1), date(2020, 9, 15), date(2020, 10, 30)
        rid = demo_id("venture_round", "511102", 2020)
        self.add(VentureRound, "511102", {
            "id": rid, "division_code": "511102", "name": "市中区社区“金点子”创享大赛（微创投）", "kind": "contest",
            "organizer": "乐山市市中区民政局", "budget": Decimal("200000"), "opens_on": opens, "closes_on": closes,
            "awarded_on": awarded})
        community = self.pool("511102", lambda o: o["is_community"] and o["established_on"] < opens)
        applicants = [{"organization_id": o["id"]} for o in rng.sample(community, 40)]
        applicants += [{"applicant_name": f"居民{self.person(rng)}"} for _ in range(108 - len(applicants))]
        rng.shuffle(applicants)
        self.applications(rng, "511102", rid, applicants, opens, closes, awarded,
                          asked=lambda: Decimal(rng.randint(5, 30) * 1000), awards=(20000,) * 10,
                          paid=((Decimal("1"), date(2020, 11, 20)),))

    def applications(self, rng: random.Random, office: str, round_id: str, applicants: list[dict[str, Any]],
                     opens: date, closes: date, awarded: date, *, asked: Callable[[], Decimal],
                     awards: Iterable[int], paid: tuple[tuple[Decimal, date], ...]) -> None:
        made = []
        for i, who in enumerate(applicants):
            aid = demo_id("venture_application", round_id, i)
            submitted = self.day(rng, opens, closes)
            scores = [Decimal(rng.randint(600, 960)) / 10 for _ in JUDGES]
            row = self.add(VentureApplication, office, {
                "id": aid, "round_id": round_id, "organization_id": None, "applicant_name": None, **who,
                "project_title": f"{rng.choice(IDEAS)}项目", "summary": INVENTED, "amount_asked": asked(),
                "submitted_on": submitted, "state": "declined", "amount_awarded": None, "decided_on": awarded,
                "decided_by": "demo_reviewer"})  # four eyes: not the clerk who entered it
            for judge, score in zip(JUDGES, scores, strict=True):
                self.add(VentureScore, office, {
                    "id": demo_id("venture_score", aid, judge), "venture_application_id": aid, "judge": judge,
                    "score": score, "scored_on": closes + timedelta(days=rng.randint(3, 20))})
            made.append((sum(scores), i, row))
        ranked = sorted(made, key=lambda m: (-m[0], m[1]))
        for (_total, _i, row), award in zip(ranked, awards, strict=False):  # the best scored, as many as awards
            amount = Decimal(award)
            row.update(state="awarded", amount_awarded=amount, amount_asked=max(row["amount_asked"], amount))
            left = amount
            for k, (share, on) in enumerate(paid):
                part = left if k == len(paid) - 1 else (amount * share).quantize(Decimal("1"))
                left -= part
                self.add(VenturePayment, office, {
                    "id": demo_id("venture_payment", row["id"], k), "venture_application_id": row["id"],
                    "paid_on": on, "amount": part, "note": "演示拨付"})

    # -- community funds -------------------------------------------------------------------------------------------
    def funds(self) -> None:
        rng = random.Random(f"{SEED}-funds")
        for n, (county, place, contributed) in enumerate(FUNDS):
            urban = sorted((c for c in self.communities if c["county"]["code"] == county and c["urban"]),
                           key=lambda c: c["code"])
            community = urban[place * 7 % len(urban)]
            fid = demo_id("community_fund", n)
            founded = date(2019 + n % 2, rng.randint(1, 12), rng.randint(1, 28))
            self.add(CommunityFund, county, {
                "id": fid, "division_code": county, "community_code": community["code"],
                "name": f"{community['name']}社区基金{'（二）' if n == 1 else ''}", "holder_org_id": None,
                "holder_name": "乐山市慈善总会", "founded_on": founded})
            total = Decimal(contributed)
            first = (total * Decimal("0.6")).quantize(Decimal("1"))
            parts = [(founded, first, "辖区企业（演示）"),
                     (self.day(rng, founded, self.cutoff), total - first, "社区居民募捐（演示）")]
            for k, (on, amount, party) in enumerate(parts):
                self.add(FundEntry, county, {"id": demo_id("fund_entry", fid, "c", k), "fund_id": fid,
                                             "kind": "contribution", "entry_on": on, "amount": amount,
                                             "party": party, "purpose": None})
            # grants after the first contribution, three at most of 20,000 at most, within it: the balance never
            # goes below zero
            for k in range(rng.randint(1, 3)):
                self.add(FundEntry, county, {
                    "id": demo_id("fund_entry", fid, "g", k), "fund_id": fid, "kind": "grant",
                    "entry_on": self.day(rng, founded + timedelta(days=30), self.cutoff),
                    "amount": Decimal(rng.randint(5, 20) * 1000), "party": f"{community['name']}居民委员会",
                    "purpose": "社区微项目（演示）"})

    # -- volunteers ----------------------------------------------------------------------------------------------
    def volunteers(self) -> None:
        rng = random.Random(f"{SEED}-volunteers")
        teams = sorted((o for o in self.live if o.get("community_subtype") == "volunteer_team"
                        and o["tier"] == "guided"), key=lambda o: o["id"])
        for team in rng.sample(teams, 60):
            office = team["origin_office"]
            latest = self.cutoff - timedelta(days=90)
            people = []
            for k in range(rng.randint(4, 10)):
                vid = demo_id("volunteer", team["id"], k)
                joined = self.day(rng, team["established_on"], latest)
                self.add(Volunteer, office, {"id": vid, "team_id": team["id"], "name": self.person(rng),
                                             "phone": self.phone(rng), "joined_on": joined, "left_on": None})
                people.append((vid, joined))
            start = max(j for _, j in people) + timedelta(days=1)
            days = sorted({self.day(rng, start, self.cutoff) for _ in range(rng.randint(3, 6))})
            for k, held in enumerate(days):
                aid = demo_id("volunteer_activity", team["id"], k)
                self.add(VolunteerActivity, office, {"id": aid, "team_id": team["id"], "held_on": held,
                                                     "title": rng.choice(VOLUNTEER_ACTIVITIES),
                                                     "place": team["address"]})
                for vid, _ in rng.sample(people, rng.randint(2, len(people))):
                    self.add(VolunteerHours, office, {"id": demo_id("volunteer_hours", aid, vid), "activity_id": aid,
                                                      "volunteer_id": vid,
                                                      "hours": Decimal(rng.choice((15, 20, 25, 30, 40))) / 10})

    # -- children's stations -----------------------------------------------------------------------------------------
    def stations(self) -> None:
        rng = random.Random(f"{SEED}-stations")
        stations = sorted((o for o in self.live if o.get("community_subtype") == "children_station"),
                          key=lambda o: o["id"])
        for station in stations:
            office = station["origin_office"]
            day = max(station["established_on"], date(2019, 1, 1)) + timedelta(days=rng.randint(1, 6))
            k = 0
            while day <= self.cutoff:
                times = rng.randint(30, 70)
                difficulty = rng.randint(0, times // 5)
                self.add(StationService, office, {
                    "id": demo_id("station_service", station["id"], k), "station_id": station["id"],
                    "served_on": day, "activity": rng.choice(STATION_ACTIVITIES), "person_times": times,
                    "in_difficulty": difficulty, "left_behind": rng.randint(0, (times - difficulty) // 2)})
                k += 1
                day += timedelta(days=rng.randint(6, 9))
            county = self.place(office)
            for year in range(max(2019, station["established_on"].year), self.cutoff.year + 1):
                for source, funder, amount in (("foundation", "乐山市慈善基金会", 5000),
                                               ("organization", f"{county}社会工作服务中心（演示）", 3000),
                                               ("civil_affairs", f"乐山市{county}民政局", 10000)):
                    received = date(year, 3, 1) + timedelta(days=rng.randint(0, 90))
                    if received < station["established_on"] or received > self.cutoff:
                        continue
                    self.add(StationFunding, office, {
                        "id": demo_id("station_funding", station["id"], year, source), "station_id": station["id"],
                        "year": year, "source": source, "funder": funder, "amount": Decimal(amount),
                        "received_on": received})


@cache
def build() -> dict[Any, list[dict[str, Any]]]:
    """The whole city's cultivation rows by model (about 0.1 s; cached: the rows never change)."""
    from civicdesk.services.admin import demo as register  # the register's demo imports this module

    data = register.build_demo()
    words = register.words()
    builder = _Builder(data.organizations, data.communities, register.CUTOFF, words["surnames"], words["given"])
    builder.incubation()
    builder.projects()
    builder.ventures()
    builder.funds()
    builder.volunteers()
    builder.stations()
    return builder.rows


def load(session: Session, offices: Iterable[str], now: datetime) -> CultivationCounts:
    """Insert the rows of ``offices`` in the caller's unit of work (after the supervision demo: an organization
    that is on the serious credit list of this database is not contracted, another of its office is)."""
    wanted = set(offices)
    serious = set(session.scalars(select(CreditListing.organization_id).where(CreditListing.list_kind == "serious")))
    rows = {m: [{**r, "created_at": now, "updated_at": now} for r in build()[m] if r["office_code"] in wanted]
            for m in MODELS}
    if serious:
        _avoid(rows[ServiceProject], serious)
    insert_rows(session, [(table_of(m), rows[m]) for m in MODELS])
    teams_and_stations = tally.touched_by(session, {table_of(m).name: rows[m] for m in MODELS})
    if teams_and_stations:
        tally.refresh(session, teams_and_stations)  # the figures read the teams' and stations' sums
    return CultivationCounts(len(rows[IncubationBase]), len(rows[ServiceProject]), len(rows[VentureRound]),
                             len(rows[CommunityFund]), len(rows[Volunteer]), len(rows[StationService]))


def _avoid(projects: list[dict[str, Any]], serious: set[str]) -> None:
    """Give a project whose organization is on the serious list the office's next contracted organization that
    is not (the contract's amount, and every figure, stay the same)."""
    by_office: dict[str, list[str]] = {}
    for p in projects:
        by_office.setdefault(p["office_code"], []).append(p["organization_id"])
    for p in projects:
        if p["organization_id"] in serious:
            p["organization_id"] = next(o for o in sorted(set(by_office[p["office_code"]])) if o not in serious)
