"""Synthetic organizations for the benchmarks: any number of valid, deterministic register rows.

:func:`generate_organizations` makes ``n`` rows of the ``organization`` table as plain dicts, in the shape
``civicdesk.services.demo`` gives its organization rows before ``stamped`` (every column except the
version/timestamp/tombstone ones, which ``stamped`` and the database fill in).  The rows are spread over
乐山市's 11 counties (weighted by household population) and their real townships from
``resources/reference/leshan.json``, so the division foreign keys hold in a database set up by
``init_office``; they cover the three tiers, the three legal forms, every community subtype and the live and
historic statuses.  USCCs are valid (both check characters) and unique; names are unique per registry.

``community_code`` stays empty: the villages and communities below the townships are invented per database
(the demo adds its own), and a fresh office's division table does not have them.  Guided organizations still
get a community-shaped registry code (township code + 3 digits), which is no foreign key.

About 1 million rows in 10 s: the random choices index precomputed tables instead of calling
``random.choice``, dates come from a precomputed day table, and names are made unique by a per-registry set
rather than by retrying.
"""

from __future__ import annotations

import bisect
import itertools
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from civicdesk.services.demo import words
from civicdesk.services.reference import CITY_CODE, leshan_file
from civicdesk.services.validation import make_uscc

COUNTY_CODES = ("511102", "511111", "511112", "511113", "511123", "511124", "511126", "511129", "511132",
                "511133", "511181")
CUTOFF = date(2021, 6, 30)
# Letters valid in both the USCC charset and GB 11714, for the organization-code body "LL" + 6 digits.
# "MJ" is the demo's prefix: leaving it out keeps bench rows clear of demo rows in one database.
_BODY_LETTERS = "ABCDEFGHJKLMNPQRTUWXY"
_BODY_PREFIXES = tuple(a + b for a, b in itertools.product(_BODY_LETTERS, repeat=2) if a + b != "MJ")
_KIND = {"social_group": "1", "social_service": "2", "foundation": "3"}

# Shares of the generated register (cumulative thresholds on one uniform draw).
_P_REGISTERED = 0.40  # registered, not community
_P_REGISTERED_COMMUNITY = 0.45  # registered community organization
_P_FILED = 0.55  # filed with the township; the rest is guided by a village or community
_P_FOUNDATION = 0.02
_P_SOCIAL_GROUP = 0.47  # cumulative after foundations; the rest are social service organizations
_REGISTERED_STATUSES = (("active", 0.88), ("suspended", 0.02), ("liquidating", 0.01), ("deregistered", 0.07),
                        ("revoked", 0.02))
_COMMUNITY_STATUSES = (("active", 0.94), ("filing_cancelled", 0.03), ("withdrawn", 0.03))
_DIRECT_CATEGORIES = frozenset({"science_technology", "industry_association", "charity", "community_service",
                                "sports"})
_PURPOSE = "遵守宪法、法律、法规和国家政策，践行社会主义核心价值观，服务会员，服务社会。"
_SCOPE = "组织交流培训、咨询服务、承接政府购买服务及业务主管单位委托事项。"
_COMMUNITIES_PER_TOWNSHIP = 16


def _statuses(table: tuple[tuple[str, float], ...]) -> tuple[list[float], list[str]]:
    """Cumulative thresholds and values for picking a status with one uniform draw and ``bisect``."""
    cumulative = list(itertools.accumulate(weight for _, weight in table))
    cumulative[-1] = 1.0
    return cumulative, [status for status, _ in table]


class _Tables:
    """Everything a row needs that does not depend on the row: places, words, days, cumulative weights."""

    def __init__(self, rng: random.Random) -> None:
        w = words()
        ref = leshan_file()
        by_code = {d["code"]: d for d in ref["divisions"]}
        pops = {p["division"]: p["value"] for p in ref["populations"] if p["basis"] == "household"}
        self.counties = [by_code[code] for code in COUNTY_CODES]
        self.county_cum = list(itertools.accumulate(pops[code] for code in COUNTY_CODES))
        self.townships: dict[str, list[dict[str, Any]]] = {code: [] for code in COUNTY_CODES}
        for d in ref["divisions"]:
            if d["level"] == "township" and d["parent"] in self.townships:
                self.townships[d["parent"]].append(d)
        # invented villages/communities per township: (registry code, name), for names and guided registries
        self.communities: dict[str, list[tuple[str, str]]] = {}
        for county in COUNTY_CODES:
            for township in self.townships[county]:
                street = township["name"].endswith("街道")
                places = rng.sample(w["place_words"], _COMMUNITIES_PER_TOWNSHIP)
                self.communities[township["code"]] = [
                    (f"{township['code']}{(i + 1 if street or i < 2 else 200 + i):03d}",
                     word + ("社区" if street or i < 2 else "村"))
                    for i, word in enumerate(places)
                ]
        self.group_categories = list(w["social_group"])
        self.service_categories = list(w["social_service"])
        self.group_words = {c: (v["words"], v["suffixes"]) for c, v in w["social_group"].items()}
        self.service_kinds = w["social_service"]
        self.brands = w["brands"]
        self.place_words = w["place_words"]
        self.foundations = w["foundations"]
        self.sponsors = w["sponsors"]
        self.subtypes = list(w["community_orgs"])
        self.community_orgs = w["community_orgs"]
        self.registered_community = w["registered_community_names"]
        self.registered_subtypes = list(w["registered_community_names"])
        self.surnames = w["surnames"]
        self.given = w["given"]
        start = date(1993, 1, 1)
        self.days = [start + timedelta(days=i) for i in range((CUTOFF - timedelta(days=200) - start).days + 1)]
        self.first_community_day = self.days.index(date(2010, 1, 1))
        self.first_filing_day = self.days.index(date(2015, 1, 1))
        self.direct_from = date(2013, 1, 1)
        self.registered_status = _statuses(_REGISTERED_STATUSES)
        self.community_status = _statuses(_COMMUNITY_STATUSES)


def generate_organizations(n: int, seed: int = 1) -> list[dict[str, Any]]:
    """``n`` synthetic organization rows (column -> value), the same for the same ``n`` and ``seed``."""
    rng = random.Random(seed)
    t = _Tables(rng)
    r = rng.random
    bits = rng.getrandbits
    days, n_days = t.days, len(t.days)
    counties, county_cum, total_pop = t.counties, t.county_cum, t.county_cum[-1]
    reg_cum, reg_values = t.registered_status
    com_cum, com_values = t.community_status
    surnames, given = t.surnames, t.given
    names_used: dict[str, set[str]] = {}
    name_seq: dict[str, int] = {}
    uscc_seq: dict[str, int] = {}
    filing_seq: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    append = rows.append
    five_years = 5 * 365

    def unique(registry: str, stem: str) -> str:
        used = names_used.get(registry)
        if used is None:
            used = names_used[registry] = set()
        if stem in used:
            # a stem never ends in "）", so "stem（k）" with k unique per registry collides with nothing
            k = name_seq.get(registry, 0) + 1
            name_seq[registry] = k
            stem = f"{stem}（{k}）"
        used.add(stem)
        return stem

    def uscc(form: str, registry: str) -> str:
        k = uscc_seq.get(registry, 0)
        uscc_seq[registry] = k + 1
        return make_uscc(_KIND[form], registry, f"{_BODY_PREFIXES[k // 1_000_000]}{k % 1_000_000:06d}")

    for _ in range(n):
        county = counties[bisect.bisect_right(county_cum, r() * total_pop)]
        county_code, county_name = county["code"], county["name"]
        townships = t.townships[county_code]
        township = townships[int(r() * len(townships))]
        township_code, township_name = township["code"], township["name"]
        h = f"{bits(128):032x}"
        org_id = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"
        legal_form = community_subtype = uscc_value = filing_no = registration_mode = sponsor = None
        foundation_type = activity_area = funds = purpose = scope = None
        valid_from = valid_to = issued = collected = changed = member_count = staff_count = None
        party = charity = False
        contact = surnames[int(r() * len(surnames))] + given[int(r() * len(given))] + (
            given[int(r() * len(given))] if r() < 0.7 else "")
        phone = (f"1{'3578'[int(r() * 4)]}{int(r() * 1e9):09d}" if r() < 0.75
                 else f"0833-{2000000 + int(r() * 4000000)}")
        kind = r()
        if kind < _P_REGISTERED:
            tier, is_community = "registered", False
            form_draw = r()
            if form_draw < _P_FOUNDATION:
                legal_form, category = "foundation", "charity"
            elif form_draw < _P_SOCIAL_GROUP:
                legal_form = "social_group"
                category = t.group_categories[int(r() * len(t.group_categories))]
            else:
                legal_form = "social_service"
                category = t.service_categories[int(r() * len(t.service_categories))]
            city_level = legal_form == "foundation" or r() < 0.15
            registry = CITY_CODE if city_level else county_code
            place = "乐山市" if city_level else county_name
            if legal_form == "social_group":
                group_words, suffixes = t.group_words[category]
                stem = place + group_words[int(r() * len(group_words))] + suffixes[int(r() * len(suffixes))]
                activity_area = "乐山市" if city_level else f"乐山市{county_name}"
                member_count = 30 + int(r() * 770)
                funds = Decimal(300 + int(r() * 4700)) / 100
            elif legal_form == "social_service":
                kinds = t.service_kinds[category]
                stem = (place + (township_name.removesuffix("街道").removesuffix("镇") if r() < 0.3 else "")
                        + t.brands[int(r() * len(t.brands))] + kinds[int(r() * len(kinds))])
                funds = Decimal(300 + int(r() * 49700)) / 100
            else:
                stem = "乐山市" + t.foundations[int(r() * len(t.foundations))]
                foundation_type = "public" if r() < 0.5 else "non_public"
                funds = Decimal(200 + int(r() * 1800))
            name = unique(registry, stem)
            registry_name = "乐山市民政局" if city_level else f"乐山市{county_name}民政局"
            established = days[int(r() * n_days)]
            direct = category in _DIRECT_CATEGORIES and established >= t.direct_from
            registration_mode = "direct" if direct else "dual"
            sponsor = None if direct else place + t.sponsors[category]
            renewals = (CUTOFF - established).days // five_years
            issued = valid_from = established + timedelta(days=renewals * five_years)
            valid_to = issued + timedelta(days=five_years - 1)
            status = reg_values[bisect.bisect_right(reg_cum, r())]
            if status in ("deregistered", "revoked"):
                changed = established + timedelta(days=int(r() * (CUTOFF - established).days))
                collected = changed if status == "deregistered" else None
            uscc_value = uscc(legal_form, registry)
            purpose, scope = _PURPOSE, _SCOPE
            staff_count = 1 + int(r() * 119)
            party = r() < 0.4
            charity = category == "charity" and r() < 0.3
            origin = registry
            address = (f"四川省乐山市{county_name}{township_name}{t.place_words[int(r() * len(t.place_words))]}路"
                       f"{1 + int(r() * 299)}号")
        else:
            is_community, category, origin = True, "community_service", county_code
            host_code, host_name = t.communities[township_code][int(r() * _COMMUNITIES_PER_TOWNSHIP)]
            address = f"四川省乐山市{county_name}{township_name}{host_name}"
            member_count = 8 + int(r() * 292)
            if kind < _P_REGISTERED_COMMUNITY:
                tier = "registered"
                community_subtype = t.registered_subtypes[int(r() * len(t.registered_subtypes))]
                registry = county_code
                name = unique(registry, f"{county_name}{township_name}{host_name}"
                                        f"{t.registered_community[community_subtype]}")
                legal_form = "social_service" if community_subtype == "life_service" else "social_group"
                established = days[t.first_community_day + int(r() * (n_days - t.first_community_day))]
                uscc_value = uscc(legal_form, registry)
                registry_name = f"乐山市{county_name}民政局"
                registration_mode = "direct"
                funds = Decimal(300 + int(r() * 700)) / 100
                issued = valid_from = established
                valid_to = established + timedelta(days=five_years - 1)
                activity_area = f"乐山市{county_name}{township_name}{host_name}" if legal_form == "social_group" else None
                status = reg_values[bisect.bisect_right(reg_cum, r() * reg_cum[2])]  # only the live ones
            else:
                community_subtype = t.subtypes[int(r() * len(t.subtypes))]
                choices = t.community_orgs[community_subtype]
                established = days[t.first_filing_day + int(r() * (n_days - t.first_filing_day))]
                if kind < _P_FILED:
                    tier, registry, prefix = "filed", township_code, "BA"
                    registry_name = township_name + ("办事处" if township_name.endswith("街道") else "人民政府")
                else:
                    tier, registry, prefix = "guided", host_code, "ZD"
                    registry_name = host_name + ("村民委员会" if host_name.endswith("村") else "居民委员会")
                name = unique(registry, host_name + choices[int(r() * len(choices))])
                status = com_values[bisect.bisect_right(com_cum, r())]
                k = filing_seq.get(registry, 0) + 1
                filing_seq[registry] = k
                filing_no = f"{prefix}-{registry}-{established.year}-{k:04d}"
                if status != "active":
                    changed = established + timedelta(days=int(r() * (CUTOFF - established).days))
        append({
            "name": name, "legal_form": legal_form, "is_community": is_community, "tier": tier,
            "community_subtype": community_subtype, "category": category, "status": status,
            "uscc": uscc_value, "legacy_registration_no": None, "legacy_org_code": None, "filing_no": filing_no,
            "registry_code": registry, "registry_name": registry_name, "registration_mode": registration_mode,
            "sponsor": sponsor, "foundation_type": foundation_type, "division_code": county_code,
            "township_code": township_code, "community_code": None, "address": address, "purpose": purpose,
            "business_scope": scope, "activity_area": activity_area, "registered_funds_wan": funds,
            "established_on": established, "certificate_valid_from": valid_from, "certificate_valid_to": valid_to,
            "certificate_issued_on": issued, "certificate_collected_on": collected, "status_changed_on": changed,
            "member_count": member_count, "staff_count": staff_count, "contact_name": contact,
            "contact_phone": phone, "party_organization": party, "charity_recognized": charity,
            "entry_mode": "import", "notes": None, "id": org_id, "origin_office": origin,
        })
    return rows
