"""The director's dashboard: the letter's headline figures as tiles, and the series its charts draw, each
computed by queries (no Qt here: the window paints what these return, the ``dashboard`` print kind draws the same
series on paper).

One :class:`Dashboard` per refresh: its series are computed one at a time (:func:`Dashboard.series`), so that a
window can paint each as it comes, and share the two big computations they read
(:func:`~civicdesk.services.register.statistics.statistics` and
:func:`~civicdesk.services.cultivation.figures.cultivation_figures`), each done once per refresh.

A series is categories (a county, a year, a tier …, each with the code a click opens) and one or more parts
(stacked, or side by side) of numbers.  :func:`rows_behind` lists the rows behind one category of a cultivation
series (the projects of a year, the residents of a base); a register series opens the register filtered instead
(``Series.drill`` says which filter field the category's code goes to).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
import threading
import zlib
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text

from civicdesk import clock
from civicdesk.errors import InputError, NotFoundError
from civicdesk.messages.credit import MESSAGES as CREDIT_WORDS
from civicdesk.models import (DashboardCache, Division, IncubationBase, IncubationResident, Organization,
                              ServiceProject, table_of)
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation.figures import cultivation_figures
from civicdesk.services.register.statistics import SUMMARY, has_summary, in_codes, statistics

#: the charts, in the dashboard's order
SERIES = ("per_10k", "registrations", "tiers", "subtypes", "purchased_by_year", "purchased_by_county",
          "incubation", "participation", "credit")
#: the series whose bars open rows through :func:`rows_behind` (the others filter the register)
ROWS_SERIES = ("registrations", "purchased_by_year", "purchased_by_county", "incubation")
TIERS = ("registered", "filed", "guided")
#: how many rows :func:`rows_behind` lists at most (the window says when there are more)
ROWS_LIMIT = 2000

TITLES = {
    "per_10k": ("每万人拥有社会组织数（按县）", "Organizations per 10,000 people, by county"),
    "registrations": ("历年成立登记数", "Registrations by year"),
    "tiers": ("社区社会组织层级", "Community organizations by tier"),
    "subtypes": ("社区社会组织类别", "Community organizations by subtype"),
    "purchased_by_year": ("政府购买服务金额（按年度，元）", "Purchased services by year (yuan)"),
    "purchased_by_county": ("政府购买服务金额（按县，元）", "Purchased services by county (yuan)"),
    "incubation": ("培育孵化基地入驻与出壳", "Incubation: admitted and graduated, by base"),
    "participation": ("年检参检率（按县，%）", "Annual inspection participation, by county (%)"),
    "credit": ("信用名单（按县）", "Credit lists, by county"),
}
PARTS = {
    "per_10k": (("每万人拥有", "per 10,000"),),
    "registrations": (("成立登记", "registered"),),
    "tiers": (("登记", "registered"), ("备案", "filed"), ("指导管理", "guided")),
    "subtypes": (("组织数", "organizations"),),
    "purchased_by_year": (("合同金额", "contracted"),),
    "purchased_by_county": (("合同金额", "contracted"),),
    "incubation": (("入驻", "admitted"), ("出壳", "graduated")),
    "participation": (("参检率", "participation"),),
    # the lists' own names (活动异常名录, not the enterprises' 经营异常名录)
    "credit": (CREDIT_WORDS["credit_list.abnormal"], CREDIT_WORDS["credit_list.serious"]),
}
TIER_WORDS = {"registered": ("登记", "Registered"), "filed": ("备案", "Filed"), "guided": ("指导管理", "Guided")}


@dataclass(frozen=True)
class Category:
    code: str  # what a click opens: a county code, a year, a tier, a subtype, a base id
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Series:
    """One chart's numbers: ``values[p][c]`` is part ``p`` of category ``c``.  ``kind`` ``bar`` (parts side by
    side), ``stacked`` or ``line``; ``drill`` the register filter field a category's code goes to, or ``rows``
    (:func:`rows_behind`), or None (nothing to open)."""

    key: str
    kind: str
    categories: tuple[Category, ...]
    values: tuple[tuple[float, ...], ...]
    drill: str | None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        return TITLES[self.key][1 if lang == "en" else 0]

    def parts(self, lang: str) -> list[str]:
        return [p[1 if lang == "en" else 0] for p in PARTS[self.key]]

    def total(self, part: int = 0) -> float:
        return sum(self.values[part]) if self.values else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "title": TITLES[self.key][0], "drill": self.drill,
                "parts": [p[0] for p in PARTS[self.key]],
                "categories": [{"code": c.code, "zh": c.zh, "en": c.en} for c in self.categories],
                "values": [list(v) for v in self.values], "note": self.note}


def _float(value: Any) -> float:
    return float(value) if isinstance(value, Decimal) else float(value or 0)


class Dashboard:
    """One refresh of the dashboard over ``db`` (the office's scope: the city, or one county)."""

    def __init__(self, db: Database, cache: Cached | None = None) -> None:
        self.db = db
        self.cache = cache  # the figures cached before: the register's tiles are taken from them while unchanged
        self._register: dict[str, Any] | None = None
        self._cultivation: dict[str, Any] | None = None
        self._names: dict[str, tuple[str, str]] | None = None
        self._started: dict[str, Future[Series]] = {}

    # -- shared computations ------------------------------------------------------------------------------
    def register(self) -> dict[str, Any]:
        if self._register is None:
            self._register = statistics(self.db)
        return self._register

    def cultivation(self) -> dict[str, Any]:
        if self._cultivation is None:
            self._cultivation = cultivation_figures(self.db)
        return self._cultivation

    def division_names(self) -> dict[str, tuple[str, str]]:
        """code -> (Chinese name, English name or the Chinese one) of every division of the office's scope."""
        if self._names is None:
            with self.db.read() as session:
                # a division's name is its name in either language (the register's English view shows it so)
                self._names = {code: (name, name) for code, name in session.execute(
                    select(Division.code, Division.name))}
        return self._names

    def _county(self, code: str) -> Category:
        zh, en = self.division_names().get(code, (code, code))
        return Category(code, zh, en)

    def counties(self) -> list[Category]:
        """The office's counties in code order (the city's eleven; a county office: itself), as the register
        statistics list them (read from the divisions, not from the statistics: a cultivation or credit chart
        computed alone does not count the register)."""
        if self._register is not None:
            return [self._county(r["code"]) for r in self._register["by_division"]]
        code = self.db.office().code
        with self.db.read() as session:
            level = session.scalar(select(Division.level).where(Division.code == code))
            codes = list(session.scalars(select(Division.code).where(Division.parent_code == code)
                                         .order_by(Division.code))) if level == "city" else [code]
        return [self._county(c) for c in codes]

    # -- tiles --------------------------------------------------------------------------------------------
    def tiles(self) -> dict[str, Any]:
        """The letter's headline figures: registered organizations, community organizations, per 10,000 people,
        incubation bases, purchased services (projects and contracted amount), volunteer teams, community funds
        (count and size), children's stations and their person-times."""
        c = self.cultivation()
        bases = c["incubation"]["bases"]
        funds = c["community_funds"]
        return {
            **self._register_tiles(),
            "bases": sum(bases.values()), "parks": c["incubation"]["parks"],
            "admitted": c["incubation"]["admitted"], "graduated": c["incubation"]["graduated"],
            "purchased_projects": c["purchased_services"]["projects"],
            "purchased_amount": c["purchased_services"]["contracted"],
            "purchased_since": c["purchased_services"]["since"],
            "volunteer_teams": c["volunteers"]["teams"],
            "funds": funds["funds"], "fund_size": funds["contributed"],
            "stations": c["children_stations"]["stations"],
            "person_times": c["children_stations"]["person_times"],
        }

    def _register_tiles(self) -> dict[str, Any]:
        """The tiles the register statistics give: as cached, while no table they read has changed since (a
        station service day does not count the register again: 1 s at 1,000,000 organizations)."""
        if self.cache is not None and self._register is None and self.cache.unchanged("tiles", READS["register"]):
            tiles = self.cache.parts["tiles"][1]
            if all(key in tiles for key in REGISTER_TILES):
                return {key: tiles[key] for key in REGISTER_TILES}
        r = self.register()
        return {"registered": r["registered_social_organizations"],
                "community": r["community_social_organizations"]["total"], "per_10k": r["per_10k_population"]}

    # -- series -------------------------------------------------------------------------------------------
    def series(self, key: str) -> Series:
        """Series ``key``: computed here, or the one :meth:`start` began (waited for)."""
        if key not in SERIES:
            raise InputError("dashboard.unknown_series", value=key, allowed=", ".join(SERIES))
        started = self._started.pop(key, None)
        if started is not None:
            return started.result()
        method: Callable[[], Series] = getattr(self, f"_{key}")
        return method()

    def start(self, key: str) -> None:
        """Begin computing series ``key`` now, on a thread of its own with its own connection, beside whatever
        computes the others (SQLite reads in parallel and releases the GIL in its C code: two cores); the next
        :meth:`series` of ``key`` waits for it.  For the dearest one (参检率: a walk of the due index and a probe
        of the records per due organization, ~1 s at 1,000,000 organizations), so that the window's worker
        paints the others meanwhile."""
        if key not in SERIES:
            raise InputError("dashboard.unknown_series", value=key, allowed=", ".join(SERIES))
        future: Future[Series] = Future()
        method: Callable[[], Series] = getattr(self, f"_{key}")

        def work() -> None:
            try:
                future.set_result(method())
            except BaseException as exc:  # noqa: BLE001 - raised again by series(), on the caller's thread
                future.set_exception(exc)

        self._started[key] = future
        threading.Thread(target=work, name=f"dashboard-{key}", daemon=True).start()

    def _per_10k(self) -> Series:
        rows = self.register()["by_division"]
        return Series("per_10k", "bar", tuple(self._county(r["code"]) for r in rows),
                      ((*(_float(r["per_10k_population"]) for r in rows),),), "division_code",
                      extra={"counts": [r["registered_social_organizations"] for r in rows]})

    def _registrations(self) -> Series:
        """Registered organizations (any status but deleted) by the year of their registration; the office's
        scope only (its counties); no year after the clock's."""
        codes = [c.code for c in self.counties()]
        with self.db.read() as session:
            if has_summary(session):
                # the register's summary (migration 0018) counts every organization not deleted by year
                marks, params = in_codes(codes)
                rows = session.execute(text(
                    f"SELECT year, sum(n) FROM {SUMMARY} WHERE tier = 'registered' AND year_null = 0 "
                    f"AND division_code IN {marks} GROUP BY year HAVING sum(n) > 0"), params)
            elif session.get_bind().dialect.name == "sqlite":
                # one walk of ix_organization_due, which holds every column read here (0.25 s at 1,000,000
                # organizations; SQLite otherwise picks the tier index and reads each registered row: 1.3 s);
                # SQLAlchemy renders no INDEXED BY for SQLite
                marks = ", ".join(f":c{n}" for n in range(len(codes))) or "NULL"
                rows = session.execute(text(
                    "SELECT substr(established_on, 1, 4), count(*) FROM organization INDEXED BY ix_organization_due "
                    "WHERE deleted_at IS NULL AND tier = 'registered' AND established_on IS NOT NULL "
                    f"AND division_code IN ({marks}) GROUP BY 1"), {f"c{n}": c for n, c in enumerate(codes)})
            else:
                year = func.substr(Organization.established_on, 1, 4)
                rows = session.execute(
                    select(year, func.count()).where(Organization.deleted_at.is_(None),
                                                     Organization.tier == "registered",
                                                     Organization.established_on.is_not(None),
                                                     Organization.division_code.in_(codes)).group_by(year))
            counts: dict[str, int] = {str(y): int(str(n)) for y, n in rows}
        last = clock.today().year
        years = [int(y) for y in counts if y and str(y).isdigit() and int(y) <= last]
        # from the first year with a registration to the latest (a register kept up to date reaches this year;
        # years between with none are drawn as zero)
        span = range(min(years), max(years) + 1) if years else range(last, last + 1)
        return Series("registrations", "line", tuple(Category(str(y), str(y), str(y)) for y in span),
                      ((*(float(counts.get(str(y), 0)) for y in span),),), "rows")

    def _tiers(self) -> Series:
        rows = self.register()["by_division"]
        values = tuple(tuple(float(r["community_social_organizations"][t]) for r in rows) for t in TIERS)
        return Series("tiers", "stacked", tuple(self._county(r["code"]) for r in rows), values, "division_code")

    def _subtypes(self) -> Series:
        r = self.register()
        labels = r["community_by_subtype_labels"]
        items = sorted(((k, v) for k, v in r["community_by_subtype"].items() if v), key=lambda kv: -kv[1])
        en = self._subtype_english()
        return Series("subtypes", "bar", tuple(Category(k or "", labels.get(k) or "未分类", en.get(k or "", k or "—"))
                                               for k, _v in items),
                      ((*(float(v) for _k, v in items),),), "community_subtype")

    def _subtype_english(self) -> dict[str, str]:
        from civicdesk.models import DictionaryEntry

        with self.db.read() as session:
            return {code: label or code for code, label in session.execute(
                select(DictionaryEntry.code, DictionaryEntry.label_en)
                .where(DictionaryEntry.kind == "community_subtype"))}

    def _purchased_by_year(self) -> Series:
        rows = self.cultivation()["purchased_services"]["by_year"]
        return Series("purchased_by_year", "bar", tuple(Category(str(r["year"]), str(r["year"]), str(r["year"]))
                                                        for r in rows),
                      ((*(_float(r["amount"]) for r in rows),),), "rows")

    def _purchased_by_county(self) -> Series:
        amounts = {r["code"]: r["amount"] for r in self.cultivation()["purchased_services"]["by_county"]}
        codes = [c.code for c in self.counties()]
        codes += sorted(c for c in amounts if c not in codes)  # the city's own projects, after its counties
        return Series("purchased_by_county", "bar", tuple(self._county(c) for c in codes),
                      ((*(_float(amounts.get(c)) for c in codes),),), "rows")

    def _incubation(self) -> Series:
        bases = self.cultivation()["incubation"]["by_base"]
        return Series("incubation", "bar", tuple(Category(b["id"], b["name"], b["name"]) for b in bases),
                      ((*(float(b["admitted"]) for b in bases),), (*(float(b["graduated"]) for b in bases),)), "rows")

    def _participation(self) -> Series:
        """参检率 by county (:func:`inspection.participation`) of the office's latest campaign of a past year (the
        one whose reports are in: last year's, or the latest before it); no categories when it has none."""
        from civicdesk.models import InspectionCampaign
        from civicdesk.services.supervision import inspection

        office = self.db.office().code
        with self.db.read() as session:
            year = session.scalar(select(func.max(InspectionCampaign.year)).where(
                InspectionCampaign.office_code == office, InspectionCampaign.deleted_at.is_(None),
                InspectionCampaign.year < clock.today().year))
        if year is None:
            return Series("participation", "bar", (), ((),), "division_code")
        report = inspection.participation(self.db, year, group_by="county")
        rows = [r for r in report.rows if r.key]
        return Series("participation", "bar", tuple(self._county(r.key or "") for r in rows),
                      ((*(round((r.rate or 0) * 100, 1) for r in rows),),), "division_code", note=str(year),
                      extra={"due": [r.due for r in rows], "decided": [r.decided for r in rows]})

    def _credit(self) -> Series:
        """Existing organizations on each credit list now (the register's ``credit_list``), by county."""
        counties = self.counties()
        with self.db.read() as session:
            # the listed are few: found by their index (credit_list first), not by a scan of the register that
            # SQLite otherwise picks (0.45 s at 100,000 organizations); SQLAlchemy renders no INDEXED BY for SQLite
            counts: dict[tuple[str, str], int] = {(str(d), str(k)): int(str(n)) for d, k, n in session.execute(text(
                "SELECT division_code, credit_list, count(*) FROM organization INDEXED BY ix_organization_credit "
                "WHERE deleted_at IS NULL AND credit_list IS NOT NULL AND status IN (" +
                ", ".join(f"'{s}'" for s in LIVE_STATUSES) + ") GROUP BY division_code, credit_list"))}
        values = tuple(tuple(float(counts.get((c.code, k), 0)) for c in counties) for k in ("abnormal", "serious"))
        return Series("credit", "stacked", tuple(counties), values, "division_code")


def compute(db: Database) -> dict[str, Any]:
    """Every tile and series at once (the print kind, ``--json`` and the tests)."""
    board = Dashboard(db)
    board.start("participation")  # the dearest, beside the others
    return {"tiles": board.tiles(), "series": {key: board.series(key) for key in SERIES}}


# -- the cache ----------------------------------------------------------------------------------------------------
#: raised whenever what a tile or series means or how it is computed changes: figures cached before are then stale
CACHE_FORMAT = 1
#: every part of the dashboard the cache holds
CACHE_KEYS = ("tiles", *SERIES)


def _tables_of(module: Any) -> frozenset[str]:
    """The tables of a models module (its synced rows are logged under their table's name)."""
    from civicdesk.models import Base

    return frozenset(table_of(m.class_).name for m in Base.registry.mappers if m.class_.__module__ == module.__name__)


def _reads() -> dict[str, frozenset[str]]:
    from civicdesk.models import cultivation

    register = frozenset({"organization"})
    return {
        # the register statistics (per_10k, tiers, subtypes, the register's three tiles) and the registrations
        "register": register,
        # cultivation_figures: every cultivation table, and the organizations they name
        "cultivation": register | _tables_of(cultivation),
        # inspection.participation: the due organizations and the campaign's records
        "participation": register | {"inspection_campaign", "inspection_record", "inspection_event", "parameter"},
        # the register's credit_list column, written in the unit that changes a listing
        "credit": register | {"credit_listing", "credit_event", "credit_objection", "ruling"},
    }


#: the synced tables (change log entities) each source of the figures reads
READS = _reads()
#: the tables each cached part reads: a change of any other leaves it fresh (a station service day recounts the
#: cultivation figures only, an inspection decision the 参检率 only)
PART_READS: dict[str, frozenset[str]] = {
    "tiles": READS["register"] | READS["cultivation"],
    "per_10k": READS["register"], "registrations": READS["register"], "tiers": READS["register"],
    "subtypes": READS["register"],
    "purchased_by_year": READS["cultivation"], "purchased_by_county": READS["cultivation"],
    "incubation": READS["cultivation"], "participation": READS["participation"], "credit": READS["credit"],
}
#: at most this many change log rows are read (on the window's thread) to tell which tables changed; a part
#: computed before more changes than these (a bulk import, the demo) is stale whatever it reads
CHANGES_READ = 20_000
#: the tiles the register statistics give (the others: the cultivation figures)
REGISTER_TILES = ("registered", "community", "per_10k")


def data_version(db: Database) -> str:
    """What the figures were computed from, as a string that changes whenever any row they read may have changed:
    the change log's last id (every change of a synced row made here: the register's forms, the supervision and
    cultivation services, the demo; the local columns and sums that follow them, ``credit_list``, the inspection
    summary, the tally, are written in the same unit), the last package applied (sync imports are not logged),
    the conflicts resolved, a digest of the unsynced reference rows read (division names, population,
    dictionaries), the office and the day (figures that depend on today: the latest campaign of a past year, no
    registration year after this one).  Small reads: primary keys and tables of a few thousand rows.

    Everything but the change log's id is shared by every part (a sync import, a conflict resolved, a reference
    row, another day make them all stale); the change log's rows since a part was computed say which tables
    changed, and only the parts that read them (:data:`PART_READS`) are stale (:func:`cached`)."""
    with db.read() as session:
        logged, applied, conflicts = session.execute(text(
            "SELECT (SELECT max(id) FROM change_log), (SELECT max(id) FROM sync_inbox), "
            "(SELECT count(*) || '.' || coalesce(max(resolved_at), '') FROM sync_conflict "
            " WHERE resolved_at IS NOT NULL)")).one()
        digest = zlib.crc32(repr((
            session.execute(text("SELECT code, name FROM division ORDER BY code")).all(),
            session.execute(text("SELECT * FROM population ORDER BY id")).all(),
            session.execute(text("SELECT * FROM dictionary ORDER BY kind, code")).all())).encode())
    return f"{CACHE_FORMAT}/{db.office().code}/{clock.today().isoformat()}/{logged or 0}/{applied or 0}/" \
           f"{conflicts}/{digest:08x}"


def _split(version: str) -> tuple[str, int]:
    """(everything the parts share, the change log's last id) of a :func:`data_version`."""
    fields = version.split("/")
    if len(fields) != 7 or not fields[3].isdigit():
        return version, -1
    return "/".join(fields[:3] + fields[4:]), int(fields[3])


def _encode(value: Any) -> Any:
    if isinstance(value, Series):
        return {"series": {"key": value.key, "kind": value.kind, "drill": value.drill, "note": value.note,
                           "categories": [[c.code, c.zh, c.en] for c in value.categories],
                           "values": [list(v) for v in value.values], "extra": _encode(value.extra)}}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dict):
        return {"dict": {k: _encode(v) for k, v in value.items()}}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "decimal" in value:
        return Decimal(value["decimal"])
    if "dict" in value:
        return {k: _decode(v) for k, v in value["dict"].items()}
    s = value["series"]
    return Series(s["key"], s["kind"], tuple(Category(*c) for c in s["categories"]),
                  tuple(tuple(v) for v in s["values"]), s["drill"], s["note"], _decode(s["extra"]))


def _has_cache(session: Any) -> bool:
    # a database migrated to 0012 before the table was added to it (never shipped) has none: no cache then
    return bool(session.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dashboard_cache'")).first()) \
        if session.get_bind().dialect.name == "sqlite" else True


@dataclass(frozen=True)
class Cached:
    """The cache of one database: ``version`` its data's version now; ``parts`` key -> (fresh, tiles or Series);
    ``changed`` key -> the tables changed since the part was computed (every table: not comparable)."""

    version: str
    parts: dict[str, tuple[bool, Any]]
    changed: dict[str, frozenset[str] | None] = field(default_factory=dict)

    def fresh(self) -> bool:
        return all(self.parts.get(key, (False, None))[0] for key in CACHE_KEYS)

    def unchanged(self, key: str, tables: frozenset[str]) -> bool:
        """Part ``key`` is cached and none of ``tables`` changed since it was computed."""
        changed = self.changed.get(key)
        return key in self.parts and changed is not None and not changed & tables


def cached(db: Database) -> Cached:
    """The figures last computed over ``db``, each marked fresh (no table it reads changed since) or not."""
    version = data_version(db)
    shared, logged = _split(version)
    with db.read() as session:
        if not _has_cache(session):
            return Cached(version, {})
        rows = [(str(key), _split(str(stored)), payload) for key, stored, payload in session.execute(
            select(DashboardCache.key, DashboardCache.data_version, DashboardCache.payload)) if key in CACHE_KEYS]
        # the tables changed since the oldest part computed: the change log's rows after it (a range of its
        # primary key: the few changes made since the dashboard was last opened)
        since = [last for _key, (common, last), _p in rows
                 if common == shared and 0 <= last <= logged and logged - last <= CHANGES_READ]
        last_change: dict[str, int] = {}
        if since and min(since) < logged:
            last_change = {str(entity): int(str(top)) for entity, top in session.execute(text(
                "SELECT entity, max(id) FROM change_log WHERE id > :since GROUP BY entity"), {"since": min(since)})}
    parts: dict[str, tuple[bool, Any]] = {}
    changed: dict[str, frozenset[str] | None] = {}
    for key, (common, last), payload in rows:
        comparable = common == shared and 0 <= last <= logged and logged - last <= CHANGES_READ
        since_part = frozenset(e for e, top in last_change.items() if top > last) if comparable else None
        changed[key] = since_part
        parts[key] = (since_part is not None and not since_part & PART_READS[key], _decode(payload))
    return Cached(version, parts, changed)


def store(db: Database, version: str, key: str, value: Any) -> Any:
    """Keep ``value`` (the tiles, or the series ``key``) computed from the data of ``version``; returns it."""
    table = table_of(DashboardCache)
    with db.unit() as session:
        if _has_cache(session):
            session.execute(table.delete().where(table.c.key == key))
            session.execute(table.insert().values(key=key, data_version=version, computed_at=clock.now(),
                                                  payload=_encode(value)))
    return value


# -- the rows behind a bar --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RowsBehind:
    columns: tuple[tuple[str, str], ...]  # (Chinese, English) headers
    rows: list[tuple[Any, ...]]
    more: bool  # more than ROWS_LIMIT rows: only the first are listed


def rows_behind(db: Database, key: str, code: str) -> RowsBehind:
    """The rows one bar of series ``key`` counts (``code``: its category's code): organizations registered in a
    year, projects of a year or of a county, residents of a base.  Names and amounts only (no phones, no ID
    numbers): what the register's table shows any user of the office, read as :mod:`~civicdesk.services.register.browse`
    reads it (no permission beyond opening the database)."""
    if key not in ROWS_SERIES:
        raise InputError("dashboard.no_rows", value=key, allowed=", ".join(ROWS_SERIES))
    columns: tuple[tuple[str, str], ...]
    with db.read() as session:
        if key == "registrations":
            columns = (("名称", "Name"), ("统一社会信用代码", "USCC"), ("成立登记日期", "Registered on"),
                       ("状态", "Status"))
            q: Any = (select(Organization.name, Organization.uscc, Organization.established_on, Organization.status)
                      .where(Organization.deleted_at.is_(None), Organization.tier == "registered",
                             func.substr(Organization.established_on, 1, 4) == code)
                      .order_by(Organization.established_on, Organization.name))
        elif key in ("purchased_by_year", "purchased_by_county"):
            columns = (("项目", "Project"), ("购买部门", "Department"), ("年度", "Year"), ("承接组织", "Organization"),
                       ("合同金额（元）", "Amount (yuan)"), ("评估", "Evaluation"))
            where = ServiceProject.year == int(code) if key == "purchased_by_year" and code.isdigit() \
                else ServiceProject.division_code == code
            q = (select(ServiceProject.name, ServiceProject.department, ServiceProject.year, Organization.name,
                        ServiceProject.amount, ServiceProject.evaluation)
                 .join(Organization, Organization.id == ServiceProject.organization_id)
                 .where(ServiceProject.deleted_at.is_(None), where)
                 .order_by(ServiceProject.year, ServiceProject.division_code, ServiceProject.name))
        else:
            if session.get(IncubationBase, code) is None:
                raise NotFoundError("dashboard.no_base", code=code)
            columns = (("入驻组织", "Resident"), ("入驻日期", "Admitted on"), ("出壳日期", "Graduated on"),
                       ("结果", "Outcome"))
            q = (select(func.coalesce(Organization.name, IncubationResident.name), IncubationResident.admitted_on,
                        IncubationResident.graduated_on, IncubationResident.outcome)
                 .outerjoin(Organization, Organization.id == IncubationResident.organization_id)
                 .where(IncubationResident.deleted_at.is_(None), IncubationResident.base_id == code)
                 .order_by(IncubationResident.admitted_on))
        rows = [tuple(r) for r in session.execute(q.limit(ROWS_LIMIT + 1))]
    return RowsBehind(columns, rows[:ROWS_LIMIT], len(rows) > ROWS_LIMIT)
