"""The cultivation sheets (培育台账) offices keep in Excel: volunteer hours (志愿服务时长), children's service
station records (儿童服务站服务记录) and purchased-service projects (政府购买服务项目), read with the register's
ledger's header detection, row report and all-or-nothing rules, written out again in the same columns, and an empty
template of each.

Offers :data:`KINDS` (``hours``, ``stations``, ``projects``; each with its columns and the names offices give them),
:func:`preview_sheet` (judge every row, write nothing: the ``--dry-run``), :func:`import_sheet` (judge and write,
all rows or none), :func:`export_sheet` (xlsx or csv, phones masked unless ``reveal``) and
:func:`write_sheet_template`.

- Volunteer hours: one row per volunteer per activity; the rows of one team, day and activity title make one
  activity (:class:`~civicdesk.models.VolunteerActivity`), each row its volunteer's hours.  The volunteer is one
  of the team's (by name; the phone, whole or masked as exports show it, tells two of the same name apart).
- Station records: one row per service day and activity of a station (:class:`~civicdesk.models.StationService`).
- Projects: one row per project (:class:`~civicdesk.models.ServiceProject`): the organization contracted (any of
  the register, by name or USCC), the funding source in the office's words or its code, the period in one cell
  (``2025-03-01至2025-12-31``) or two; a contract number identifies a project, else its name, year and
  organization.  Payments and evaluations are not in the sheet (``project pay``/``evaluate``).

Every row passes the services' own checks, called, not copied (:func:`volunteers.check_activity`,
:func:`volunteers.check_hours` with the office's ``cultivation.max_hours_per_day``, :func:`stations.check_service`,
:func:`community.community_org` for the team or station, the membership and hours-of-a-day rules of
:func:`volunteers.record_activity`, :func:`projects.check_project` with the office's funding sources,
:func:`projects.contractable` and the county rule of :func:`projects.add`).  The sheet adds what only a sheet can get
wrong: an unknown or ambiguous team, station or organization, a volunteer who is not of the team, the same row
twice.  A row the register already holds with
the same figures is counted as recorded and not written again (an exported sheet imports as nothing new); the
same row with other figures is refused.  Any bad row and nothing is written: the report names each row and
column.  A write refreshes the tally of the teams and stations it touched (:func:`tally.refresh`).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import messages
from civicdesk.errors import CivicDeskError, InputError, Issue, ValidationError
from civicdesk.models import (Division, Organization, ProjectPayment, ServiceProject, StationService, Volunteer,
                              VolunteerActivity, VolunteerHours, audit)
from civicdesk.services.admin import auth
from civicdesk.services.admin import audit as audit_events
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import mask_phone, normalize_uscc
from civicdesk.services.cultivation import community, projects, stations, tally, volunteers
from civicdesk.services.ledger import cells, safety
from civicdesk.services.ledger.columns import LedgerColumn, Mapping, auto_mapping, synonym_table
from civicdesk.services.ledger.exporter import ExportResult
from civicdesk.services.ledger.exporter import _write as write_sheet
from civicdesk.services.ledger.inspection_sheet import _year as year_of
from civicdesk.services.ledger.importer import Note, Problem, SheetInfo, _RowJudge, data_rows, find_header, header_notes
from civicdesk.services.ledger.reader import MAX_ROWS, LedgerSource, Limits, column_letter, open_ledger
from civicdesk.services.supervision import enforcement
from civicdesk.services.supervision.parameters import value_in

Progress = Callable[[int, int], None]
ENTITY = "cultivation_sheet"
_USCC_LENGTH = 18


def _col(field_: str, header: str, kind: str, *synonyms: str, width: int = 12) -> LedgerColumn:
    return LedgerColumn(field_, header, kind, synonyms, width)


_USCC_SYNONYMS = ("信用代码", "社会信用代码", "统一代码", "统一社会信用代码证号")


@dataclass(frozen=True)
class SheetKind:
    """One kind of sheet: its columns in template order, the columns it cannot do without, its titles."""

    name: str
    columns: tuple[LedgerColumn, ...]
    required: tuple[str, ...]
    title: str  # the sheet's title in an export and the template
    file_stem: str  # an export's default file name

    @property
    def by_field(self) -> dict[str, LedgerColumn]:
        return {c.field: c for c in self.columns}

    def label(self, fld: str) -> str:
        column = self.by_field.get(fld)
        return column.header if column is not None else fld


HOURS = SheetKind("hours", (
    _col("team", "团队", "text", "志愿服务队", "服务队", "志愿队", "团队名称", "服务队名称", "队伍", "队伍名称",
         "所属团队", "所属服务队", "志愿服务队名称", "志愿服务组织", width=30),
    _col("team_uscc", "统一社会信用代码", "text", *_USCC_SYNONYMS, "团队统一社会信用代码", width=22),
    _col("volunteer", "志愿者", "text", "姓名", "志愿者姓名", "队员", "队员姓名", "服务人", width=10),
    _col("phone", "联系电话", "text", "电话", "手机", "手机号", "手机号码", "联系方式", "志愿者电话", width=15),
    _col("held_on", "日期", "date", "活动日期", "服务日期", "活动时间", "服务时间", "时间"),
    _col("title", "活动", "text", "活动名称", "服务项目", "活动内容", "服务内容", "项目名称", "活动主题", width=30),
    _col("place", "地点", "text", "活动地点", "服务地点", "地址", width=20),
    _col("hours", "时长（小时）", "decimal", "时长", "服务时长", "时长(小时)", "服务时长(小时)", "小时数", "小时",
         "志愿服务时长", "服务时数", "时数", width=10),
), ("held_on", "title", "hours", "volunteer"), "志愿服务时长", "志愿服务时长")

STATIONS = SheetKind("stations", (
    _col("station", "服务站", "text", "儿童服务站", "站点", "站点名称", "服务站名称", "儿童之家", "儿童服务站名称",
         width=30),
    _col("station_uscc", "统一社会信用代码", "text", *_USCC_SYNONYMS, width=22),
    _col("served_on", "日期", "date", "服务日期", "活动日期", "活动时间", "服务时间", "时间"),
    _col("activity", "活动", "text", "活动名称", "服务内容", "活动内容", "服务项目", "服务活动", width=30),
    _col("person_times", "人次", "int", "服务人次", "参与人次", "受益人次", "服务人数", "参加人次", width=8),
    _col("in_difficulty", "困境儿童", "int", "其中困境儿童", "困境儿童人次", "困境儿童(人次)", "其中:困境儿童",
         width=8),
    _col("left_behind", "留守儿童", "int", "其中留守儿童", "留守儿童人次", "留守儿童(人次)", "其中:留守儿童", width=8),
), ("served_on", "activity", "person_times"), "儿童服务站服务记录", "儿童服务站服务记录")

PROJECTS = SheetKind("projects", (
    _col("organization", "承接组织", "text", "承接单位", "承接主体", "承接组织名称", "承接机构", "社会组织名称",
         "承接组织(名称或统一社会信用代码)", "承接组织名称或统一社会信用代码", "服务机构", width=30),
    _col("organization_uscc", "统一社会信用代码", "text", *_USCC_SYNONYMS, "承接组织统一社会信用代码", width=22),
    _col("name", "项目名称", "text", "项目", "购买服务项目", "服务项目名称", "购买服务项目名称", width=30),
    _col("department", "购买单位", "text", "购买主体", "购买部门", "购买方", "采购单位", "购买单位名称", width=22),
    _col("year", "年度", "int", "项目年度", "年份", "所属年度", "购买年度", width=8),
    _col("funding_source", "资金来源", "text", "资金性质", "经费来源", "资金渠道", width=16),
    _col("amount", "合同金额（元）", "decimal", "合同金额", "合同金额(元)", "项目金额", "金额", "购买金额",
         "项目资金", "金额(元)", width=14),
    _col("period", "起止日期", "text", "服务期限", "项目周期", "起止时间", "实施期限", "合同期限", width=24),
    _col("starts_on", "开始日期", "date", "起始日期", "开始时间", "合同开始日期", "服务开始日期"),
    _col("ends_on", "结束日期", "date", "截止日期", "结束时间", "合同结束日期", "服务结束日期"),
    _col("paid", "已付金额（元）", "decimal", "已付金额", "已支付金额", "已付金额(元)", "支付金额", "拨付金额",
         "已拨付金额", "已拨付资金", width=14),
    _col("paid_on", "支付日期", "date", "付款日期", "拨付日期", "最近支付日期"),
    _col("deliverables", "服务内容", "text", "服务内容及成果", "项目内容", "主要内容", "服务内容及要求", width=30),
    _col("contract_no", "合同编号", "text", "合同号", "合同编码", "项目编号", width=20),
    _col("division", "所属县（市、区）", "text", "县(市、区)", "所在县(市、区)", "区县", "县区", "所属区县", width=12),
), ("name", "department", "year", "funding_source", "amount", "deliverables"), "政府购买服务项目", "政府购买服务项目")

KINDS: dict[str, SheetKind] = {k.name: k for k in (HOURS, STATIONS, PROJECTS)}
#: where a service's refusal without a ``field`` parameter belongs, per code
_CODE_FIELD = {"volunteer.other_team": "volunteer", "volunteer.not_member_on": "volunteer"}


def kind_of(name: str) -> SheetKind:
    if name not in KINDS:
        raise InputError("cult_sheet.unknown_kind", value=name, allowed=", ".join(KINDS))
    return KINDS[name]


# -- the report ------------------------------------------------------------------------------------------------
@dataclass
class CultivationReport(SheetInfo):
    """What a cultivation sheet holds and what importing it does (or did)."""

    sheet_kind: str
    rows: int = 0  # data rows judged (blank, total and footer rows not counted)
    new: int = 0  # rows to write
    recorded: int = 0  # rows the register already holds, with the same figures
    invalid: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    invalid_rows: list[int] = field(default_factory=list)
    dry_run: bool = True
    imported: bool = False
    written: int = 0  # records written (activities and hours, service days)
    touched: list[str] = field(default_factory=list)  # the teams or stations whose rows changed

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def counts(self) -> dict[str, int]:
        return {"rows": self.rows, "new": self.new, "recorded": self.recorded, "invalid": self.invalid,
                "skipped": self.skipped}

    def summary(self, lang: str = "zh") -> str:
        if not self.imported:
            return messages.text("cult_sheet.not_imported", lang, count=self.invalid)
        return messages.text(f"cult_sheet.done.{self.sheet_kind}", lang, count=self.new, recorded=self.recorded,
                             orgs=len(self.touched))

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "sheet_kind": self.sheet_kind, "sheet": self.sheet,
                "encoding": self.encoding, "header_row": self.header_row, "mapping": self.mapping.as_dict(),
                "counts": self.counts(), "dry_run": self.dry_run, "imported": self.imported,
                "written": self.written, "touched": list(self.touched),
                "problems": [p.as_dict(lang) for p in self.problems], "notes": [n.message(lang) for n in self.notes]}


# -- public API -------------------------------------------------------------------------------------------------
def preview_sheet(db: Database, kind: str, path: str | Path, *, progress: Progress | None = None,
                  max_rows: int = MAX_ROWS, limits: Limits | None = None) -> CultivationReport:
    """Judge every row of a ``kind`` sheet without writing anything."""
    sheet = kind_of(kind)
    office_code = db.office().code
    with db.read() as session, open_ledger(path, max_rows=max_rows, limits=limits) as source:
        report, _judge = _analyze(session, office_code, sheet, source, progress)
    return report


def import_sheet(db: Database, kind: str, path: str | Path, *, by: auth.UserInfo | None,
                 progress: Progress | None = None, max_rows: int = MAX_ROWS, limits: Limits | None = None
                 ) -> CultivationReport:
    """Import a ``kind`` sheet in one transaction: every new row or none (``cultivate``; refusals audited).  With
    any invalid row nothing is written and the report says why."""
    sheet = kind_of(kind)

    def work() -> CultivationReport:
        actor = auth.require(db, by, community.RIGHT)
        office_code = db.office().code
        with db.unit(actor=actor) as session, open_ledger(path, max_rows=max_rows, limits=limits) as source:
            report, judge = _analyze(session, office_code, sheet, source, progress)
            report.dry_run = False
            if report.invalid:
                return report
            report.written = judge.write(session, actor)
            if progress is not None:  # the last moment to cancel: the unit then rolls back
                progress(*source.position())
            report.touched = sorted(judge.touched)
            tally.refresh(session, report.touched)  # the figures read the teams' and stations' sums
            details: dict[str, Any] = {"file": Path(path).name, "written": report.written, **report.counts()}
            audit.record(session, f"import.cultivation_{sheet.name}", ENTITY, None, **details)
            session.flush()
            report.imported = True
        return report

    return community.guarded(db, by, ENTITY, f"import_{sheet.name}", Path(path).name, work)


def write_sheet_template(kind: str, path: str | Path) -> ExportResult:
    """An empty ``kind`` sheet with its headers, and a sheet saying how to fill it in."""
    sheet = kind_of(kind)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError("ledger.export_type", path=str(path))
    notes = [[messages.text(f"cult_sheet.template.{sheet.name}.{k}", "zh")] for k in ("title", "key", "rows")]
    notes.append([messages.text("cult_sheet.template.dates", "zh")])
    count = write_sheet(path, sheet.columns, [], sheet_title=sheet.title, extra_sheets={"说明": notes})
    return ExportResult(str(path), count, len(sheet.columns))


def export_sheet(db: Database, kind: str, path: str | Path, *, reveal: bool = False, by: auth.UserInfo | None,
                 progress: Progress | None = None) -> ExportResult:
    """This office's ``kind`` rows in the sheet's columns (.xlsx or .csv), which import again as recorded rows.
    ``export`` right; a volunteer's phone masked unless ``reveal`` (``reveal_ids``, the reveal audited)."""
    sheet = kind_of(kind)
    path = Path(path)

    def work() -> ExportResult:
        actor = auth.require(db, by, "export")
        if reveal:
            auth.require(db, by, "reveal_ids")
        if path.suffix.lower() not in (".xlsx", ".csv"):
            raise InputError("ledger.export_type", path=str(path))
        office_code = db.office().code
        with db.read() as session:
            rows = _ROWS[sheet.name](session, office_code, reveal)
            count = write_sheet(path, sheet.columns, _counted(rows, progress), sheet_title=sheet.title)
        audit_events.record_event(db, f"export.cultivation_{sheet.name}", actor=actor, file=path.name, rows=count,
                                  revealed=reveal)
        if reveal:
            audit_events.record_event(db, "data.revealed", actor=actor, entity=ENTITY, entity_id=path.name)
        return ExportResult(str(path), count, len(sheet.columns))

    return community.guarded(db, by, ENTITY, f"export_{sheet.name}", path.name, work)


def _counted(rows: Iterable[list[Any]], progress: Progress | None) -> Iterator[list[Any]]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if progress is not None and done % 500 == 0:
            progress(done, 0)


def _hours_rows(session: Session, office_code: str, reveal: bool) -> Iterator[list[Any]]:
    o, a, h, v = Organization, VolunteerActivity, VolunteerHours, Volunteer
    query = (select(o.name, o.uscc, v.name, v.phone, a.held_on, a.title, a.place, h.hours)
             .join(a, a.id == h.activity_id).join(v, v.id == h.volunteer_id).join(o, o.id == a.team_id)
             .where(h.office_code == office_code, h.deleted_at.is_(None), a.deleted_at.is_(None))
             .order_by(o.name, a.held_on, a.title, v.name, v.id))
    for team, uscc, name, phone, held_on, title, place, hours in session.execute(query):
        yield [team, uscc, name, phone if reveal else mask_phone(phone), held_on, title, place,
               Decimal(str(hours)).quantize(volunteers.CENT)]


def _station_rows(session: Session, office_code: str, _reveal: bool) -> Iterator[list[Any]]:
    o, s = Organization, StationService
    query = (select(o.name, o.uscc, s.served_on, s.activity, s.person_times, s.in_difficulty, s.left_behind)
             .join(o, o.id == s.station_id).where(s.office_code == office_code, s.deleted_at.is_(None))
             .order_by(o.name, s.served_on, s.activity))
    for row in session.execute(query):
        yield list(row)


# -- judging -----------------------------------------------------------------------------------------------------
def _analyze(session: Session, office_code: str, sheet: SheetKind, source: LedgerSource,
             progress: Progress | None) -> tuple[CultivationReport, _Judge]:
    rows = cast(Generator[tuple[int, tuple[Any, ...]], None, None], source.rows())  # a generator function
    try:
        synonyms = synonym_table(sheet.columns)
        header_row, headers = find_header(source, rows, synonyms)
        mapping = auto_mapping(headers, synonyms=synonyms)
        key, key_uscc = sheet.columns[0].field, sheet.columns[1].field
        if mapping.column_of(key) is None and mapping.column_of(key_uscc) is None:
            raise InputError("cult_sheet.no_org_column", label=sheet.label(key))
        missing = [sheet.label(f) for f in sheet.required if mapping.column_of(f) is None]
        if missing:
            raise InputError("cult_sheet.missing_columns", labels="、".join(missing))
        report = CultivationReport(str(source.path), source.kind, source.sheet, source.encoding, header_row, mapping,
                                   sheet.name)
        header_notes(source, header_row, mapping, report.notes)
        judge = _JUDGES[sheet.name](session, office_code, sheet, mapping)
        for number, values, problems in data_rows(source, rows, mapping, report, progress):
            report.rows += 1
            issues: list[Issue] = []
            outcome = judge.judge(number, judge.convert(values, issues), issues)
            problems.extend(judge.problem(number, i) for i in issues)
            report.problems.extend(problems)
            if outcome is None or any(p.severity == "error" for p in problems):
                report.invalid += 1
                report.invalid_rows.append(number)
            elif outcome == "recorded":
                report.recorded += 1
            else:
                report.new += 1
        if progress is not None:
            progress(*source.position())
        if report.invalid:
            judge.pending.clear()
        return report, judge
    finally:
        rows.close()  # a sheet refused before its last row: end the reading while the file is open


def service_refusals(check: Callable[[dict[str, Any]], Any], row: dict[str, Any], default_field: str = ""
                     ) -> tuple[Any, list[Issue]]:
    """``check(row)``'s result, or None and the refusals it makes: each names its field, and that value is left
    out to find the row's other refusals (a required value left out is not reported twice)."""
    out: list[Issue] = []
    values = dict(row)
    failed_before: set[str] = set()
    while True:
        try:
            result = check(values)
            return (result if not out else None), out
        except ValidationError as exc:
            found = [Issue(i.field, i.code, i.params, i.severity) for i in exc.issues]
        except CivicDeskError as exc:
            found = [Issue(str(exc.params.get("field") or _CODE_FIELD.get(exc.code, default_field)), exc.code,
                           exc.params)]
        found = [i for i in found if i.field not in failed_before]
        out.extend(found)
        failed = {i.field for i in found} & {k for k, v in values.items() if v is not None}
        if not failed:
            return None, out
        for key in failed:
            values[key] = None
        failed_before |= failed


class _Judge(ABC):
    """What both kinds share: the row's cells as the services take them, the team or station it names, the row
    seen twice, and where each problem is in the sheet."""

    subtype = ""
    feature = ""

    def __init__(self, session: Session, office_code: str, sheet: SheetKind, mapping: Mapping) -> None:
        self.session, self.office_code, self.sheet, self.mapping = session, office_code, sheet, mapping
        self.columns = [(i, f) for i, f in enumerate(mapping.fields) if f]
        self.field_column = {f: i for i, f in self.columns}
        self.first_row: dict[tuple[Any, ...], int] = {}
        self.orgs: dict[str, Organization | CivicDeskError] = {}  # the sheet's keys, looked up once
        self.pending: list[Any] = []
        self.touched: set[str] = set()
        self.key_field, self.uscc_field = sheet.columns[0].field, sheet.columns[1].field

    #: where a value's problem goes when its own column is not in the sheet
    aliases: dict[str, str] = {}

    def problem(self, number: int, issue: Issue) -> Problem:
        fld = issue.field if issue.field in self.field_column else {
            self.key_field: self.uscc_field, self.uscc_field: self.key_field, **self.aliases}.get(issue.field,
                                                                                                  issue.field)
        col = self.field_column.get(fld)
        return Problem(number, column_letter(col) if col is not None else None,
                       self.mapping.headers[col] if col is not None else None, fld, issue.code, issue.params,
                       issue.severity)

    def convert(self, values: tuple[Any, ...], issues: list[Issue]) -> dict[str, Any]:
        """The row's cells: text checked as the register's ledger checks it (formulas, control characters);
        dates, counts and amounts in the forms offices type them."""
        given: dict[str, Any] = {}
        for index, fld in self.columns:
            raw = values[index] if index < len(values) else None
            if cells.is_blank(raw):
                continue
            kind = self.sheet.by_field[fld].kind
            if isinstance(raw, str):
                raw = safety.unquote_csv(raw)
                if kind == "text":
                    _RowJudge.check_text(fld, kind, raw, issues, label=self.sheet.label(fld))
            if kind == "date":
                value = cells.date_value(raw)
                given[fld] = value.isoformat() if isinstance(value, date) else value
            elif fld == "year":  # 2025, "2025年", "2025年度"
                given[fld] = year_of(raw)
            elif kind == "int":
                given[fld] = cells.number_text(raw)
            elif kind == "decimal":
                given[fld] = str(cells.number_text(raw))
            else:  # words as typed (full-width brackets kept: what the register holds reads back the same)
                given[fld] = raw.strip() if isinstance(raw, str) else cells.text_of(raw)
        return given

    def organization(self, given: dict[str, Any], issues: list[Issue]) -> Organization | None:
        """The team or station the row names, by credit code (in its column, or in the name column) or by name,
        through the service's own rule (the right kind, this office's register)."""
        name, uscc = given.get(self.key_field), given.get(self.uscc_field)
        if not name and not uscc:
            issues.append(Issue(self.key_field, "cult_sheet.org_required", {"label": self.sheet.label(self.key_field)}))
            return None
        if not uscc and _looks_like_uscc(str(name)):
            uscc, name = name, None
        key_field = self.uscc_field if uscc else self.key_field
        key = normalize_uscc(str(uscc)) if uscc else str(name)
        if key not in self.orgs:
            self.orgs[key] = self._lookup(key, by_uscc=bool(uscc))
        found = self.orgs[key]
        if isinstance(found, CivicDeskError):
            issues.append(Issue(key_field, found.code, found.params))
            return None
        if uscc and name and cells.text_of(found.name) != cells.text_of(name):
            issues.append(Issue(self.key_field, "cult_sheet.name_mismatch",
                                {"name": name, "uscc": uscc, "registered": found.name}))
            return None
        return found

    def _lookup(self, key: str, *, by_uscc: bool) -> Organization | CivicDeskError:
        o = Organization
        if by_uscc:
            ids = list(self.session.scalars(select(o.id).where(o.uscc == key, o.deleted_at.is_(None))))
        else:
            candidates = self.session.execute(select(o.id, o.community_subtype, o.registry_code).where(
                o.name.in_({key, cells.text_of(key)}), o.deleted_at.is_(None))).all()
            mine = [i for i, sub, reg in candidates if sub == self.subtype and (reg or "")[:6] == self.office_code]
            ids = mine or [i for i, _s, _r in candidates]
            if len(ids) > 1:
                return CivicDeskError("ledger.ambiguous_match", count=len(ids), name=key)
        if not ids:
            return CivicDeskError("cult_sheet.unknown_org", key=key, label=self.sheet.label(self.key_field))
        try:
            return self.resolve(ids[0])
        except CivicDeskError as exc:
            return exc

    def resolve(self, org_id: str) -> Organization:
        """The organization the sheet may name, by the service's own rule (a team or station of this office)."""
        return community.community_org(self.session, org_id, self.subtype, self.office_code, self.feature)

    def seen(self, number: int, key: tuple[Any, ...], shown: str, issues: list[Issue], fld: str | None = None
             ) -> bool:
        """Whether the row repeats an earlier row of the sheet (reported on the row, in ``fld``'s column: default
        the team's or station's)."""
        first = self.first_row.setdefault(key, number)
        if first != number:
            issues.append(Issue(fld or self.key_field, "ledger.duplicate_row", {"row": first, "key": shown}))
            return True
        return False

    @abstractmethod
    def judge(self, number: int, given: dict[str, Any], issues: list[Issue]) -> str | None:
        """``new``, ``recorded`` or None (invalid); a new row waits in :attr:`pending`."""

    @abstractmethod
    def write(self, session: Session, actor: str) -> int:
        """The pending rows written in ``session``; how many records."""


def _looks_like_uscc(text: str) -> bool:
    value = normalize_uscc(text)
    return len(value) == _USCC_LENGTH and value.isalnum() and value.isascii()


@dataclass
class _HoursRow:
    team: Organization
    volunteer: Volunteer
    held_on: date
    title: str
    place: str | None
    hours: Decimal


class _HoursJudge(_Judge):
    subtype, feature = volunteers.SUBTYPE, "volunteer.team"

    def __init__(self, session: Session, office_code: str, sheet: SheetKind, mapping: Mapping) -> None:
        super().__init__(session, office_code, sheet, mapping)
        self.max_hours = int(value_in(session, office_code, volunteers.MAX_HOURS_KEY))
        self.members: dict[str, list[Volunteer]] = {}  # team id -> its volunteers
        self.activities: dict[str, dict[tuple[date, str], str]] = {}  # team id -> (day, title) -> activity id
        self.recorded: dict[tuple[str, str], Decimal] = {}  # (activity id, volunteer id) -> hours
        self.day_hours: dict[tuple[str, date], Decimal] = defaultdict(lambda: volunteers.ZERO)

    def team_rows(self, team: Organization) -> list[Volunteer]:
        """The team's volunteers, activities and hours, read once per team."""
        if team.id not in self.members:
            s = self.session
            self.members[team.id] = list(s.scalars(select(Volunteer).where(
                Volunteer.team_id == team.id, Volunteer.deleted_at.is_(None)).order_by(Volunteer.name, Volunteer.id)))
            acts = self.activities[team.id] = {}
            for act_id, held_on, title in s.execute(select(VolunteerActivity.id, VolunteerActivity.held_on,
                                                           VolunteerActivity.title).where(
                    VolunteerActivity.team_id == team.id, VolunteerActivity.deleted_at.is_(None))):
                acts.setdefault((held_on, title), act_id)
            ids = [v.id for v in self.members[team.id]]
            h, a = VolunteerHours, VolunteerActivity
            for act_id, vol_id, held_on, hours in s.execute(
                    select(h.activity_id, h.volunteer_id, a.held_on, h.hours).join(a, a.id == h.activity_id)
                    .where(h.volunteer_id.in_(ids), h.deleted_at.is_(None), a.deleted_at.is_(None))):
                amount = Decimal(str(hours)).quantize(volunteers.CENT)
                self.recorded[(act_id, vol_id)] = self.recorded.get((act_id, vol_id), volunteers.ZERO) + amount
                self.day_hours[(vol_id, held_on)] += amount
        return self.members[team.id]

    def volunteer(self, team: Organization, given: dict[str, Any], issues: list[Issue]) -> Volunteer | None:
        """The team's volunteer the row names (the phone, whole or masked, tells two of one name apart)."""
        name, phone = given.get("volunteer"), given.get("phone")
        if not name:
            issues.append(Issue("volunteer", "cult_sheet.volunteer_required", {"label": self.sheet.label("volunteer")}))
            return None
        same = [v for v in self.team_rows(team) if v.name == name]
        if not same:
            other = self.session.scalars(select(Organization.name).join(Volunteer, Volunteer.team_id == Organization.id)
                                         .where(Volunteer.name == name, Volunteer.office_code == self.office_code,
                                                Volunteer.deleted_at.is_(None)).limit(1)).first()
            code = "cult_sheet.volunteer_other_team" if other else "cult_sheet.unknown_volunteer"
            issues.append(Issue("volunteer", code, {"name": name, "team": team.name, "other": other or ""}))
            return None
        if phone:
            digits = str(phone).replace(" ", "").replace("-", "")
            matching = [v for v in same if digits in (v.phone, mask_phone(v.phone))]
            if not matching:
                issues.append(Issue("phone", "cult_sheet.phone_mismatch", {"name": name, "phone": phone}))
                return None
            same = matching
        if len(same) > 1:
            issues.append(Issue("volunteer", "cult_sheet.volunteer_ambiguous", {"name": name, "count": len(same),
                                                                                "team": team.name}))
            return None
        return same[0]

    def judge(self, number: int, given: dict[str, Any], issues: list[Issue]) -> str | None:
        team = self.organization(given, issues)
        activity, found = service_refusals(volunteers.check_activity, {
            "held_on": given.get("held_on"), "title": given.get("title"), "place": given.get("place")})
        issues.extend(found)
        hours, found = service_refusals(lambda r: volunteers.check_hours(r, self.max_hours),
                                        {"hours": given.get("hours")}, "hours")
        issues.extend(found)
        person = self.volunteer(team, given, issues) if team is not None else None
        if team is None or person is None or activity is None:
            return None
        day: date = activity["held_on"]
        if person.joined_on > day or (person.left_on is not None and person.left_on < day):
            issues.append(Issue("volunteer", "volunteer.not_member_on",
                                {"key": person.id, "name": person.name, "day": day.isoformat()}))
        if self.seen(number, (team.id, day, activity["title"], person.id),
                     f"{team.name} {day.isoformat()} {activity['title']} {person.name}", issues):
            return None
        if hours is None or any(i.severity == "error" for i in issues):
            return None
        act_id = self.activities[team.id].get((day, activity["title"]))
        held = self.recorded.get((act_id, person.id)) if act_id else None
        if held is not None:
            if held == hours:
                return "recorded"
            issues.append(Issue("hours", "cult_sheet.hours_recorded", {"value": str(hours), "recorded": str(held)}))
            return None
        already = self.day_hours[(person.id, day)]
        if already + hours > self.max_hours:
            issues.append(Issue("hours", "volunteer.day_over", {"name": person.name, "day": day.isoformat(),
                                                                "value": str(hours), "already": str(already),
                                                                "max": self.max_hours}))
            return None
        self.day_hours[(person.id, day)] = already + hours
        self.pending.append(_HoursRow(team, person, day, activity["title"], activity["place"], hours))
        return "new"

    def write(self, session: Session, actor: str) -> int:
        """Each (team, day, title) an activity (or the one recorded), each row its volunteer's hours."""
        written = 0
        made: dict[tuple[str, date, str], str] = {}
        for row in self.pending:
            key = (row.team.id, row.held_on, row.title)
            act_id = made.get(key) or self.activities[row.team.id].get((row.held_on, row.title))
            if act_id is None:
                act = VolunteerActivity(team_id=row.team.id, office_code=self.office_code, entered_by=actor,
                                        origin_office=self.office_code, held_on=row.held_on, title=row.title,
                                        place=row.place)
                session.add(act)
                session.flush()
                act_id = act.id
                written += 1
            made[key] = act_id
            session.add(VolunteerHours(activity_id=act_id, volunteer_id=row.volunteer.id, office_code=self.office_code,
                                       hours=row.hours, origin_office=self.office_code))
            written += 1
            self.touched.add(row.team.id)
        session.flush()
        return written


class _StationJudge(_Judge):
    subtype, feature = stations.SUBTYPE, "station"

    def __init__(self, session: Session, office_code: str, sheet: SheetKind, mapping: Mapping) -> None:
        super().__init__(session, office_code, sheet, mapping)
        self.services: dict[str, dict[tuple[date, str], tuple[int, int, int]]] = {}

    def recorded(self, station: Organization) -> dict[tuple[date, str], tuple[int, int, int]]:
        """The station's service days by (day, activity), read once per station."""
        if station.id not in self.services:
            s = StationService
            self.services[station.id] = {(d, a): (t, h, b) for d, a, t, h, b in self.session.execute(
                select(s.served_on, s.activity, s.person_times, s.in_difficulty, s.left_behind)
                .where(s.station_id == station.id, s.deleted_at.is_(None)))}
        return self.services[station.id]

    def judge(self, number: int, given: dict[str, Any], issues: list[Issue]) -> str | None:
        station = self.organization(given, issues)
        values, found = service_refusals(stations.check_service, {
            k: given.get(k) for k in ("served_on", "activity", "person_times", "in_difficulty", "left_behind")})
        issues.extend(found)
        if station is None or values is None:
            return None
        key = (values["served_on"], values["activity"])
        if self.seen(number, (station.id, *key), f"{station.name} {key[0].isoformat()} {key[1]}", issues):
            return None
        held = self.recorded(station).get(key)
        if held is not None:
            figures = (values["person_times"], values["in_difficulty"], values["left_behind"])
            if held == figures:
                return "recorded"
            issues.append(Issue("person_times", "cult_sheet.service_recorded",
                                {"day": key[0].isoformat(), "activity": key[1], "recorded": "/".join(map(str, held))}))
            return None
        self.pending.append((station, values))
        return "new"

    def write(self, session: Session, actor: str) -> int:
        for station, values in self.pending:
            session.add(StationService(station_id=station.id, office_code=self.office_code, entered_by=actor,
                                       origin_office=self.office_code, **values))
            self.touched.add(station.id)
        session.flush()
        return len(self.pending)


#: 2025-03-01至2025-12-31, 2025.3.1-2025.12.31, 2025年3月1日—2025年12月31日, 2025/3/1~2025/12/31
_PERIOD_SPLIT = re.compile(r"\s*(?:至|到|~|～|—{1,2}|–|－|(?<=\d)\s*-\s*(?=\d{4}\D))\s*")


def split_period(text: str) -> tuple[Any, Any] | None:
    """A 起止日期 cell's two days (each a date, or its text for the refusal), or None when it is not two."""
    parts = [p for p in _PERIOD_SPLIT.split(text.strip()) if p]
    if len(parts) != 2:
        return None
    days = [cells.date_value(p) for p in parts]
    return tuple(d.isoformat() if isinstance(d, date) else d for d in days)  # type: ignore[return-value]


class _ProjectJudge(_Judge):
    aliases = {"starts_on": "period", "ends_on": "period", "organization_id": "organization", "amount": "paid"}

    def __init__(self, session: Session, office_code: str, sheet: SheetKind, mapping: Mapping) -> None:
        super().__init__(session, office_code, sheet, mapping)
        if mapping.column_of("period") is None and None in (mapping.column_of("starts_on"),
                                                             mapping.column_of("ends_on")):
            raise InputError("cult_sheet.missing_columns", labels=sheet.label("period"))
        self.sources = projects.funding_sources(session, office_code)
        self.source_codes = {**{code: code for code in self.sources},
                             **{cells.text_of(zh).replace(" ", ""): code for code, zh in self.sources.items()}}
        self.divisions = {d.name: d.code for d in session.scalars(select(Division).where(
            (Division.code == office_code) | (Division.parent_code == office_code)))}
        p = ServiceProject
        paid = (select(ProjectPayment.project_id, func.sum(ProjectPayment.amount).label("paid"))
                .where(ProjectPayment.deleted_at.is_(None)).group_by(ProjectPayment.project_id).subquery())
        self.stored = list(session.execute(select(p.contract_no, p.name, p.year, p.organization_id, p.amount,
                                                  p.starts_on, p.ends_on, func.coalesce(paid.c.paid, 0)).outerjoin(
            paid, paid.c.project_id == p.id).where(p.office_code == office_code, p.deleted_at.is_(None))))

    def resolve(self, org_id: str) -> Organization:
        """Any organization of the register that may be contracted (the project service's rule)."""
        org = self.session.get(Organization, org_id)
        assert org is not None
        projects.contractable(self.session, org)
        return org

    def values(self, row: dict[str, Any]) -> dict[str, Any]:
        """The project's year, funding source, amount and period, checked by the project service's rule."""
        projects.check_project(row, self.sources)
        return row

    def texts(self, row: dict[str, Any]) -> dict[str, Any]:
        """The project's words, checked as :func:`projects.add` checks them."""
        return {"name": enforcement.text(row.get("name"), "name", "项目名称", required=True),
                "department": enforcement.text(row.get("department"), "department", "购买主体", required=True),
                "deliverables": enforcement.text(row.get("deliverables"), "deliverables", "服务内容及成果",
                                                 required=True, multiline=True),
                "contract_no": enforcement.text(row.get("contract_no"), "contract_no", "合同编号")}

    def payment(self, given: dict[str, Any], contract: Any, start: date | None, issues: list[Issue]
                ) -> tuple[Decimal, date] | None:
        """The sheet's 已付金额 and 支付日期 as one payment, by the project service's rules: an amount above zero
        on a day not in the future nor before the contract starts, never over the contract."""
        if given.get("paid") is None and given.get("paid_on") is None:
            return None
        row = {"amount": given.get("paid"), "paid_on": given.get("paid_on")}
        money, found = service_refusals(projects.check_payment, row, "paid")
        issues.extend(Issue("paid" if i.field == "amount" else i.field, i.code, i.params) for i in found)
        if money is None:
            return None
        day = enforcement.day(row["paid_on"], "paid_on")
        assert day is not None
        if start is not None and day < start:
            issues.append(Issue("paid_on", "project.before_contract", {"field": "paid_on", "value": day.isoformat(),
                                                                      "starts_on": start.isoformat()}))
        contract = enforcement.amount(contract) if contract is not None else None
        if contract is not None and money > contract:
            issues.append(Issue("paid", "project.over_contract", {
                "amount": format(money, "f"), "paid": "0.00", "contract": format(contract, "f"),
                "left": format(contract, "f")}))
        return money, day

    def judge(self, number: int, given: dict[str, Any], issues: list[Issue]) -> str | None:
        org = self.organization(given, issues)
        start, end = given.get("starts_on"), given.get("ends_on")
        if given.get("period") and (start is None or end is None):
            days = split_period(str(given["period"]))
            if days is None:
                issues.append(Issue("period", "cult_sheet.bad_period", {"value": str(given["period"])[:40]}))
            else:
                start, end = start or days[0], end or days[1]
        source = given.get("funding_source")
        values = {"year": given.get("year"), "amount": given.get("amount"), "starts_on": start, "ends_on": end,
                  "funding_source": self.source_codes.get(str(source).replace(" ", ""), source) if source else None}
        checked, found = service_refusals(self.values, values)
        issues.extend(found)
        words, found = service_refusals(self.texts, given)
        issues.extend(found)
        county = None
        try:
            division = given.get("division")
            county = projects._county(self.session, self.divisions.get(str(division), division), self.office_code)
        except CivicDeskError as exc:
            issues.append(Issue("division", exc.code, exc.params))
        paid = self.payment(given, checked["amount"] if checked else None,
                            enforcement.day(start, "starts_on") if checked else None, issues)
        if org is None or checked is None or words is None or county is None or any(
                i.severity == "error" for i in issues):
            return None
        row = {**words, "year": int(checked["year"]), "funding_source": checked["funding_source"],
               "amount": enforcement.amount(checked["amount"]), "starts_on": enforcement.day(start, "starts_on"),
               "ends_on": enforcement.day(end, "ends_on", future=True), "division_code": county,
               "organization_id": org.id}
        key = ("no", row["contract_no"]) if row["contract_no"] else ("name", row["name"], row["year"], org.id)
        if self.seen(number, key, row["contract_no"] or f"{row['name']} {row['year']} {org.name}", issues,
                     "contract_no" if row["contract_no"] else "name"):
            return None
        held = [s for s in self.stored if (s.contract_no == row["contract_no"] if row["contract_no"] else
                                           (s.name, s.year, s.organization_id) == key[1:])]
        if held:
            s = held[0]
            same = (s.name, s.year, s.organization_id, Decimal(str(s.amount)), s.starts_on, s.ends_on) == (
                row["name"], row["year"], org.id, row["amount"], row["starts_on"], row["ends_on"])
            if same and (paid is None or paid[0] == Decimal(str(s[-1])).quantize(projects.ZERO)):
                return "recorded"
            issues.append(Issue("contract_no" if row["contract_no"] else "name", "cult_sheet.project_recorded",
                                {"name": s.name, "year": s.year, "amount": str(s.amount),
                                 "paid": str(Decimal(str(s[-1])).quantize(projects.ZERO))}))
            return None
        self.pending.append((row, paid))
        return "new"

    def write(self, session: Session, actor: str) -> int:
        """Each project, and its payment when the sheet gives one."""
        written = 0
        for row, paid in self.pending:
            project = ServiceProject(office_code=self.office_code, entered_by=actor, origin_office=self.office_code,
                                     **row)
            session.add(project)
            written += 1
            if paid is not None:
                session.flush()
                session.add(ProjectPayment(project_id=project.id, office_code=self.office_code, paid_on=paid[1],
                                           amount=paid[0], entered_by=actor, origin_office=self.office_code))
                written += 1
        session.flush()
        return written


def _project_rows(session: Session, office_code: str, _reveal: bool) -> Iterator[list[Any]]:
    o, p = Organization, ServiceProject
    sources = projects.funding_sources(session, office_code)
    names = {d.code: d.name for d in session.scalars(select(Division).where(
        (Division.code == office_code) | (Division.parent_code == office_code)))}
    pay = ProjectPayment
    paid = (select(pay.project_id, func.sum(pay.amount).label("paid"), func.max(pay.paid_on).label("last"))
            .where(pay.deleted_at.is_(None)).group_by(pay.project_id).subquery())
    query = (select(o.name, o.uscc, p.name, p.department, p.year, p.funding_source, p.amount, p.starts_on,
                    p.ends_on, paid.c.paid, paid.c.last, p.deliverables, p.contract_no, p.division_code)
             .join(o, o.id == p.organization_id).outerjoin(paid, paid.c.project_id == p.id)
             .where(p.office_code == office_code, p.deleted_at.is_(None)).order_by(p.year, p.name, p.id))
    for row in session.execute(query):
        values: list[Any] = list(row)
        values[5] = sources.get(values[5], values[5])  # the funding source in the office's words
        values[6] = Decimal(str(values[6])).quantize(projects.ZERO)
        values[9] = Decimal(str(values[9])).quantize(projects.ZERO) if values[9] is not None else None
        values[-1] = names.get(values[-1], values[-1])  # the county by name
        yield [*values[:7], None, *values[7:]]  # 起止日期 left blank: the two days have their columns


#: each kind's judge and its export's rows
_JUDGES: dict[str, type[_Judge]] = {"hours": _HoursJudge, "stations": _StationJudge, "projects": _ProjectJudge}
_ROWS: dict[str, Callable[[Session, str, bool], Iterator[list[Any]]]] = {"hours": _hours_rows,
                                                                         "stations": _station_rows,
                                                                         "projects": _project_rows}
