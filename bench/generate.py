"""Synthetic organizations for the benchmarks: any number of valid, deterministic register rows.

:func:`generate_organizations` makes ``n`` rows of the ``organization`` table as plain dicts, in the shape
``civicdesk.services.admin.demo`` gives its organization rows before ``stamped``: every column except the
version/timestamp/tombstone ones, with ``seq`` and the pinyin left empty for ``search.index_pending`` as the
demo leaves them; the legal representative of a registered organization is its contact.

The rows are spread over 乐山市's 11 counties (weighted by household population) and their real townships
from ``resources/reference/leshan.json``, so the division foreign keys hold in a database set up by
``init_office``; they cover the three tiers, the three legal forms, every community subtype and the live and
historic statuses.  USCCs are valid (both check characters) and unique; names are unique per registry.
Every row passes the register's own rules (``organizations.validate_org``, which a sync import runs on each
arriving row): the registry, ``division_code``, ``township_code`` and ``community_code`` agree for every
tier.  A guided organization's registry is its village or community, so its ``community_code`` is that
code; villages and communities are invented per database (as the demo does), so
:func:`community_divisions` gives their division rows and :func:`insert_communities` adds them to a database
before the organizations (``community_code`` is a foreign key).  Registered and filed organizations leave
``community_code`` empty (it is optional for them).

``county`` (e.g. ``"511111"``, 沙湾区) makes every row one that county's office owns: all located in the
county and none registered by the city (so no foundations, which the city registers), so that a district's
sync export sends every row.

Speed: random choices index precomputed tables instead of calling ``random.choice``, dates and amounts come
from precomputed tables, place strings are built once per place and shared by the rows, USCC check sums
are partly precomputed, and names are made unique by a per-registry set rather than by retrying.  On the
shared development VM that is 20-40 µs a row: 1,000,000 rows in 25-40 s.
"""

from __future__ import annotations

import bisect
import itertools
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.models import Division, table_of
from civicdesk.services.admin.demo import INVENTED, words
from civicdesk.services.core.bulk import insert_rows
from civicdesk.services.core.reference import CITY_CODE, leshan_file
from civicdesk.services.core.validation import ORG_CODE_WEIGHTS, USCC_CHARSET, USCC_WEIGHTS

COUNTY_CODES = ("511102", "511111", "511112", "511113", "511123", "511124", "511126", "511129", "511132",
                "511133", "511181")
CUTOFF = date(2021, 6, 30)
# Letters valid in both the USCC charset and GB 11714, for the organization-code body "LL" + 6 digits.
# "MJ" is the demo's prefix: leaving it out keeps bench rows clear of demo rows in one database.
_BODY_LETTERS = "ABCDEFGHJKLMNPQRTUWXY"
_BODY_PREFIXES = tuple(a + b for a, b in itertools.product(_BODY_LETTERS, repeat=2) if a + b != "MJ")
_KIND = {"social_group": "1", "social_service": "2", "foundation": "3"}
# GB 11714: the check character for a weighted sum with this remainder mod 11 (11 - r; 10 -> X, 11 -> 0)
_ORG_CHECK = tuple("0" if r == 0 else "X" if r == 1 else str(11 - r) for r in range(11))
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}  # RFC 4122 variant bits of a UUID4

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
_TERM = 5 * 365  # days of a registration certificate's term


class _UsccMaker:
    """Valid USCCs for bodies "LL" + 6 digits, made from precomputed partial check sums.

    ``make_uscc`` (the product's function, used by the demo) costs about 10 µs a code; a million codes
    would be a third of the generator's time.  Both check sums are linear in the characters, so the sums of
    the fixed part (kind, division, letters) are cached and those of the digits come from two tables of
    1,000 three-digit blocks.  ``tests/test_bench_smoke.py`` checks the result against ``make_uscc``.
    """

    def __init__(self) -> None:
        self._bases: dict[tuple[str, str, str], tuple[str, int, int]] = {}
        uw, ow = USCC_WEIGHTS, ORG_CODE_WEIGHTS
        blocks = [(i // 100, i // 10 % 10, i % 10) for i in range(1000)]
        # digits 1-3 of the body are body positions 2-4 (USCC positions 10-12), digits 4-6 positions 5-7
        self._high = [(a * ow[2] + b * ow[3] + c * ow[4], a * uw[10] + b * uw[11] + c * uw[12]) for a, b, c in blocks]
        self._low = [(a * ow[5] + b * ow[6] + c * ow[7], a * uw[13] + b * uw[14] + c * uw[15]) for a, b, c in blocks]

    def _base(self, kind: str, division: str, letters: str) -> tuple[str, int, int]:
        key = (kind, division, letters)
        base = self._bases.get(key)
        if base is None:
            first10 = "5" + kind + division + letters
            uscc_sum = sum(USCC_CHARSET.index(c) * w for c, w in zip(first10, USCC_WEIGHTS[:10], strict=True))
            # GB 11714 counts letters over the whole alphabet, A = 10
            org_sum = sum((ord(c) - ord("A") + 10) * w for c, w in zip(letters, ORG_CODE_WEIGHTS[:2], strict=True))
            base = self._bases[key] = (first10, uscc_sum, org_sum)
        return base

    def make(self, kind: str, division: str, letters: str, number: int) -> str:
        """The USCC of ``kind`` and ``division`` whose organization-code body is ``letters`` + ``number:06d``."""
        first10, uscc_sum, org_sum = self._base(kind, division, letters)
        high, low = self._high[number // 1000], self._low[number % 1000]
        org_check = _ORG_CHECK[(org_sum + high[0] + low[0]) % 11]
        total = uscc_sum + high[1] + low[1] + USCC_CHARSET.index(org_check) * USCC_WEIGHTS[16]
        return f"{first10}{number:06d}{org_check}{USCC_CHARSET[(31 - total % 31) % 31]}"


def _statuses(table: tuple[tuple[str, float], ...]) -> tuple[list[float], list[str]]:
    """Cumulative thresholds and values for picking a status with one uniform draw and ``bisect``."""
    cumulative = list(itertools.accumulate(weight for _, weight in table))
    cumulative[-1] = 1.0
    return cumulative, [status for status, _ in table]


class _Host(NamedTuple):
    """An invented village or community: the registry of the organizations it guides."""

    code: str
    name: str
    committee: str  # 居民委员会 / 村民委员会, the guiding registry's name
    full_name: str  # the division's full name: the township's + the host's
    address: str
    stem: str  # county + township + host, the start of a registered community organization's name


class _Township(NamedTuple):
    code: str
    name: str
    short: str  # without 街道/镇, as it appears inside a name
    office: str  # 办事处 / 人民政府, the filing registry's name
    street: str  # the start of a street address
    hosts: list[_Host]


class _County(NamedTuple):
    code: str
    name: str
    bureau: str  # 乐山市X民政局, the county registry's name
    area: str  # 乐山市X, the activity area of a county social group
    townships: list[_Township]


class _Tables:
    """Everything a row needs that does not depend on the row, built once: places with their ready-made
    strings (so that rows share them), words, days, amounts and cumulative weights."""

    def __init__(self, rng: random.Random) -> None:
        w = words()
        ref = leshan_file()
        by_code = {d["code"]: d for d in ref["divisions"]}
        pops = {p["division"]: p["value"] for p in ref["populations"] if p["basis"] == "household"}
        children: dict[str, list[dict[str, Any]]] = {code: [] for code in COUNTY_CODES}
        for d in ref["divisions"]:
            if d["level"] == "township" and d["parent"] in children:
                children[d["parent"]].append(d)
        self.counties = [self._county(by_code[code], children[code], w["place_words"], rng) for code in COUNTY_CODES]
        self.county_cum = list(itertools.accumulate(pops[code] for code in COUNTY_CODES))
        self.group_categories = list(w["social_group"])
        self.service_categories = list(w["social_service"])
        self.group_words = {c: (v["words"], v["suffixes"]) for c, v in w["social_group"].items()}
        self.service_kinds = w["social_service"]
        self.brands = w["brands"]
        self.streets = [word + "路" for word in w["place_words"]]
        self.foundations = w["foundations"]
        self.sponsors = w["sponsors"]
        self.subtypes = list(w["community_orgs"])
        self.community_orgs = w["community_orgs"]
        self.registered_community = w["registered_community_names"]
        self.registered_subtypes = list(w["registered_community_names"])
        self.surnames = w["surnames"]
        self.given = w["given"]
        # days by index from 1993-01-01 to a certificate term past the cut-off; dates are indices until the end
        start = date(1993, 1, 1)
        self.cutoff = (CUTOFF - start).days
        self.days = [start + timedelta(days=i) for i in range(self.cutoff + _TERM + 1)]
        self.n_established = self.cutoff - 200 + 1  # established at least 200 days before the cut-off
        self.first_community_day = (date(2010, 1, 1) - start).days
        self.first_filing_day = (date(2015, 1, 1) - start).days
        self.direct_from = (date(2013, 1, 1) - start).days
        self.cents = [Decimal(k) / 100 for k in range(50_000)]  # funds in 万元 with two decimals
        self.units = [Decimal(k) for k in range(2_000)]  # a foundation's whole 万元
        self.registered_status = _statuses(_REGISTERED_STATUSES)
        self.community_status = _statuses(_COMMUNITY_STATUSES)

    @staticmethod
    def _county(county: dict[str, Any], townships: list[dict[str, Any]], place_words: list[str],
                rng: random.Random) -> _County:
        name = county["name"]
        made = []
        for township in townships:
            t_code, t_name = township["code"], township["name"]
            street = t_name.endswith("街道")
            hosts = []
            for i, word in enumerate(rng.sample(place_words, _COMMUNITIES_PER_TOWNSHIP)):
                urban = street or i < 2
                host = word + ("社区" if urban else "村")
                hosts.append(_Host(
                    code=f"{t_code}{(i + 1 if urban else 200 + i):03d}", name=host,
                    committee=host + ("居民委员会" if urban else "村民委员会"),
                    full_name=township["full_name"] + host,
                    address=f"四川省乐山市{name}{t_name}{host}", stem=f"{name}{t_name}{host}",
                ))
            made.append(_Township(
                code=t_code, name=t_name, short=t_name.removesuffix("街道").removesuffix("镇"),
                office=t_name + ("办事处" if street else "人民政府"), street=f"四川省乐山市{name}{t_name}",
                hosts=hosts,
            ))
        return _County(code=county["code"], name=name, bureau=f"乐山市{name}民政局", area=f"乐山市{name}",
                       townships=made)


def community_divisions(seed: int = 1, county: str | None = None) -> list[dict[str, Any]]:
    """The invented villages and communities that the rows of ``generate_organizations(n, seed)`` point to
    (all of them, whatever ``n``; only ``county``'s when given), as rows of the ``division`` table."""
    t = _Tables(random.Random(seed))
    return [{"code": h.code, "name": h.name, "full_name": h.full_name, "level": "community",
             "parent_code": township.code, "code_official": False, "invented": True, "source": INVENTED}
            for c in t.counties if county is None or c.code == county
            for township in c.townships for h in township.hosts]


def insert_communities(session: Session, seed: int = 1, county: str | None = None) -> int:
    """Add to ``session``'s database the :func:`community_divisions` it does not hold yet; how many were added."""
    rows = community_divisions(seed, county)
    have = set(session.scalars(select(Division.code).where(Division.level == "community")))
    rows = [d for d in rows if d["code"] not in have]
    insert_rows(session, [(table_of(Division), rows)])
    return len(rows)


def generate_organizations(n: int, seed: int = 1, county: str | None = None) -> list[dict[str, Any]]:
    """``n`` synthetic organization rows (column -> value), the same for the same ``n``, ``seed`` and ``county``.

    With ``county`` (one of :data:`COUNTY_CODES`) every row is located in that county and owned by its office.
    """
    if county is not None and county not in COUNTY_CODES:
        raise ValueError(f"not a county of 乐山市: {county}")
    rng = random.Random(seed)
    t = _Tables(rng)
    r = rng.random
    days, n_established, cutoff = t.days, t.n_established, t.cutoff
    counties, county_cum, total_pop = t.counties, t.county_cum, t.county_cum[-1]
    reg_cum, reg_values = t.registered_status
    com_cum, com_values = t.community_status
    surnames, given, streets, cents = t.surnames, t.given, t.streets, t.cents
    names_used: dict[str, set[str]] = {}
    name_seq: dict[str, int] = {}
    uscc_seq: dict[str, int] = {}
    filing_seq: dict[str, int] = {}
    usccs = _UsccMaker()
    hexes = rng.randbytes(16 * n).hex()
    rows: list[dict[str, Any]] = []
    append = rows.append
    only = next((c for c in counties if c.code == county), None)

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
        return usccs.make(_KIND[form], registry, _BODY_PREFIXES[k // 1_000_000], k % 1_000_000)

    for i in range(0, 32 * n, 32):
        home = only or counties[bisect.bisect_right(county_cum, r() * total_pop)]
        township = home.townships[int(r() * len(home.townships))]
        h = hexes[i:i + 32]
        org_id = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"
        legal_form = community_subtype = uscc_value = filing_no = registration_mode = sponsor = None
        foundation_type = activity_area = funds = purpose = scope = None
        valid_from = valid_to = issued = collected = changed = member_count = staff_count = community = None
        party = charity = False
        contact = surnames[int(r() * len(surnames))] + given[int(r() * len(given))] + (
            given[int(r() * len(given))] if r() < 0.7 else "")
        phone = (f"1{'3578'[int(r() * 4)]}{int(r() * 1e9):09d}" if r() < 0.75
                 else f"0833-{2000000 + int(r() * 4000000)}")
        kind = r()
        if kind < _P_REGISTERED:
            tier, is_community = "registered", False
            form_draw = r()
            if form_draw < _P_FOUNDATION and only is None:  # the city registers foundations
                legal_form, category = "foundation", "charity"
            elif form_draw < _P_SOCIAL_GROUP:
                legal_form = "social_group"
                category = t.group_categories[int(r() * len(t.group_categories))]
            else:
                legal_form = "social_service"
                category = t.service_categories[int(r() * len(t.service_categories))]
            city_level = (legal_form == "foundation" or r() < 0.15) and only is None
            if city_level:
                registry, place, registry_name = CITY_CODE, "乐山市", "乐山市民政局"
            else:
                registry, place, registry_name = home.code, home.name, home.bureau
            if legal_form == "social_group":
                group_words, suffixes = t.group_words[category]
                stem = place + group_words[int(r() * len(group_words))] + suffixes[int(r() * len(suffixes))]
                activity_area = "乐山市" if city_level else home.area
                member_count = 30 + int(r() * 770)
                funds = cents[300 + int(r() * 4700)]
            elif legal_form == "social_service":
                kinds = t.service_kinds[category]
                stem = (place + (township.short if r() < 0.3 else "") + t.brands[int(r() * len(t.brands))]
                        + kinds[int(r() * len(kinds))])
                funds = cents[300 + int(r() * 49700)]
            else:
                stem = "乐山市" + t.foundations[int(r() * len(t.foundations))]
                foundation_type = "public" if r() < 0.5 else "non_public"
                funds = t.units[200 + int(r() * 1800)]
            name = unique(registry, stem)
            day = int(r() * n_established)
            direct = category in _DIRECT_CATEGORIES and day >= t.direct_from
            registration_mode = "direct" if direct else "dual"
            sponsor = None if direct else place + t.sponsors[category]
            issued_day = day + (cutoff - day) // _TERM * _TERM  # the last renewal before the cut-off
            issued = valid_from = days[issued_day]
            valid_to = days[issued_day + _TERM - 1]
            status = reg_values[bisect.bisect_right(reg_cum, r())]
            if status in ("deregistered", "revoked"):
                changed = days[day + int(r() * (cutoff - day))]
                collected = changed if status == "deregistered" else None
            uscc_value = uscc(legal_form, registry)
            purpose, scope = _PURPOSE, _SCOPE
            staff_count = 1 + int(r() * 119)
            party = r() < 0.4
            charity = category == "charity" and r() < 0.3
            origin = registry
            address = f"{township.street}{streets[int(r() * len(streets))]}{1 + int(r() * 299)}号"
        else:
            is_community, category, origin = True, "community_service", home.code
            host = township.hosts[int(r() * _COMMUNITIES_PER_TOWNSHIP)]
            address = host.address
            member_count = 8 + int(r() * 292)
            if kind < _P_REGISTERED_COMMUNITY:
                tier, registry, registry_name = "registered", home.code, home.bureau
                community_subtype = t.registered_subtypes[int(r() * len(t.registered_subtypes))]
                name = unique(registry, host.stem + t.registered_community[community_subtype])
                legal_form = "social_service" if community_subtype == "life_service" else "social_group"
                day = t.first_community_day + int(r() * (n_established - t.first_community_day))
                uscc_value = uscc(legal_form, registry)
                registration_mode = "direct"
                funds = cents[300 + int(r() * 700)]
                issued = valid_from = days[day]
                valid_to = days[day + _TERM - 1]
                activity_area = ("乐山市" + host.stem) if legal_form == "social_group" else None
                status = reg_values[bisect.bisect_right(reg_cum, r() * reg_cum[2])]  # only the live ones
            else:
                community_subtype = t.subtypes[int(r() * len(t.subtypes))]
                choices = t.community_orgs[community_subtype]
                day = t.first_filing_day + int(r() * (n_established - t.first_filing_day))
                if kind < _P_FILED:
                    tier, registry, registry_name, prefix = "filed", township.code, township.office, "BA"
                else:
                    tier, registry, registry_name, prefix = "guided", host.code, host.committee, "ZD"
                    community = host.code  # the registry of a guided organization is its community
                name = unique(registry, host.name + choices[int(r() * len(choices))])
                status = com_values[bisect.bisect_right(com_cum, r())]
                k = filing_seq.get(registry, 0) + 1
                filing_seq[registry] = k
                filing_no = f"{prefix}-{registry}-{days[day].year}-{k:04d}"
                if status != "active":
                    changed = days[day + int(r() * (cutoff - day))]
        append({
            "name": name, "legal_form": legal_form, "is_community": is_community, "tier": tier,
            "community_subtype": community_subtype, "category": category, "status": status,
            "uscc": uscc_value, "legacy_registration_no": None, "legacy_org_code": None, "filing_no": filing_no,
            "registry_code": registry, "registry_name": registry_name, "registration_mode": registration_mode,
            "sponsor": sponsor, "foundation_type": foundation_type, "division_code": home.code,
            "township_code": township.code, "community_code": community, "address": address, "purpose": purpose,
            "business_scope": scope, "activity_area": activity_area, "registered_funds_wan": funds,
            "established_on": days[day], "certificate_valid_from": valid_from, "certificate_valid_to": valid_to,
            "certificate_issued_on": issued, "certificate_collected_on": collected, "status_changed_on": changed,
            "member_count": member_count, "staff_count": staff_count, "contact_name": contact,
            "contact_phone": phone, "party_organization": party, "charity_recognized": charity,
            "entry_mode": "import", "notes": None, "seq": None,
            "legal_rep_name": contact if tier == "registered" else None,  # guided/filed: a responsible person
            "name_pinyin": None, "name_initials": None, "name_rank": None,
            # the derived supervision summary: no records, none (bench_register.fill_supervision invents some)
            "inspection_year": None, "inspection_conclusion": None, "rating_grade": None, "rating_valid_to": None,
            "credit_list": None,
            "id": org_id, "origin_office": origin,
        })
    return rows


def demo_bulk_insert(session: Session, rows: list[dict[str, Any]], now: Any) -> None:
    """The demo's bulk path for generated organizations, in the caller's unit: stamped, their search columns
    prepared, inserted (with the change log), their search index written: the baseline the import benchmarks
    print beside the product."""
    from civicdesk.models import Organization
    from civicdesk.services.core.bulk import stamped
    from civicdesk.services.register import search

    full = stamped(rows, now)
    search.prepare_rows(session, full)
    insert_rows(session, [(Organization.__table__, full)])
    search.index_rows(session, full)
