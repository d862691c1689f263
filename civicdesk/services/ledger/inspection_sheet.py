"""The annual-inspection results sheet (年检结果表): offices receive results in Excel (from a sponsor, from a former
system) and import them into the year's campaign, with the register's ledger's header detection, row report and
all-or-nothing rules.

Offers :data:`SHEET_COLUMNS` (名称/统一社会信用代码, 年度, 收到日期, 收入, 支出, 净资产, 专职工作人员, 会员数,
活动次数, 结论, 理由 and the names offices give them), :func:`preview_sheet` (judge every row, write nothing: the
``--dry-run``), :func:`import_sheet` (judge and write, all rows or none) and :func:`write_sheet_template`.

How imported results enter: each row becomes a record of the year's campaign (which must exist and be open) with
its received date, the figures the sheet carries and the conclusion with its reasons as the importing clerk's
proposal, **submitted** for decision -- never decided: a reviewer other than the importing clerk decides each
record with :func:`~civicdesk.services.supervision.inspection.decide` (four eyes, as for a report typed in).
A row naming an organization that already has a draft or returned record corrects and submits that record; one
whose record is submitted or decided is refused.

Every row passes the inspection service's own rules (who is due, the values a report may carry, reasons unless
合格), called, not copied; the sheet adds what only a sheet can get wrong: an unknown or ambiguous organization,
one of another registry, a year other than the campaign's, a blank or unknown conclusion, the same organization
twice.  Any such row, and nothing is written: the report names each row and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError, Issue, ValidationError
from civicdesk.models import InspectionEvent, InspectionRecord, Organization, audit
from civicdesk.models.base import utcnow
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.ledger import cells, safety
from civicdesk.services.ledger.columns import COLUMNS_BY_FIELD, LedgerColumn, Mapping, auto_mapping, synonym_table
from civicdesk.services.ledger.exporter import ExportResult
from civicdesk.services.ledger.exporter import _write as write_sheet
from civicdesk.services.ledger.importer import Note, Problem, SheetInfo, _RowJudge, data_rows, find_header, header_notes
from civicdesk.services.ledger.reader import MAX_ROWS, LedgerSource, Limits, column_letter, open_ledger
from civicdesk.services.supervision import inspection

Progress = Callable[[int, int], None]


def _col(field_: str, header: str, kind: str, *synonyms: str, width: int = 12) -> LedgerColumn:
    return LedgerColumn(field_, header, kind, synonyms, width)


#: The sheet's columns in template order.  名称 and 统一社会信用代码 take the register ledger's own synonyms; one
#: of the two and 结论 are required, the rest optional (a blank 收到日期 takes the import's ``received_on``).
SHEET_COLUMNS: tuple[LedgerColumn, ...] = (
    _col("name", "名称", "text", *COLUMNS_BY_FIELD["name"].synonyms, width=34),
    _col("uscc", "统一社会信用代码", "text", *COLUMNS_BY_FIELD["uscc"].synonyms, width=22),
    _col("year", "年度", "int", "年检年度", "检查年度", "报告年度", "所属年度", "年份", width=8),
    _col("received_on", "收到日期", "date", "报送日期", "接收日期", "收件日期", "受理日期", "报告收到日期",
         "报送时间", "收到时间"),
    _col("income", "收入（元）", "decimal", "收入", "本年收入", "总收入", "收入合计", "本年度收入", width=14),
    _col("expenditure", "支出（元）", "decimal", "支出", "本年支出", "总支出", "支出合计", "本年度支出", width=14),
    _col("net_assets", "净资产（元）", "decimal", "净资产", "年末净资产", "期末净资产", "净资产合计", width=14),
    _col("staff_count", "专职工作人员", "int", "专职工作人员数", "专职人员", "专职人员数", "专职工作人员(人)",
         width=10),
    _col("member_count", "会员数", "int", "会员数量", "会员人数", "会员数(个)", width=8),
    _col("activity_count", "活动次数", "int", "开展活动次数", "活动开展次数", "举办活动次数", "活动次数(次)",
         width=8),
    _col("conclusion", "结论", "code", "年检结论", "检查结论", "年检结果", "年度检查结论", "检查结果",
         "年检结论(合格/基本合格/不合格)", width=10),
    _col("reasons", "理由", "text", "结论理由", "原因", "存在问题", "主要问题", "理由(基本合格、不合格须填)",
         width=30),
)
SHEET_COLUMNS_BY_FIELD = {c.field: c for c in SHEET_COLUMNS}
_SYNONYMS = synonym_table(SHEET_COLUMNS)
#: the sheet's fields that a report carries (inspection.VALUE_KEYS)
_VALUE_FIELDS = ("received_on", "income", "expenditure", "net_assets", "staff_count", "member_count",
                 "activity_count", "conclusion", "reasons")
#: where the inspection service's refusals without a ``field`` parameter belong
_CODE_FIELD = {"inspection.received_too_early": "received_on", "inspection.received_future": "received_on",
               "inspection.received_required": "received_on", "inspection.reasons_required": "reasons"}
_YEAR = re.compile(r"^(\d{4})(?:年度?|年)?$")


def conclusion_codes() -> dict[str, str]:
    """What a 结论 cell may say -> the conclusion's code: 合格 / 基本合格 / 不合格, the English labels, the codes."""
    table: dict[str, str] = {}
    for code in inspection.CONCLUSIONS:
        for text in (code, inspection.conclusion_label(code, "zh"), inspection.conclusion_label(code, "en")):
            table[cells.text_of(text).replace(" ", "").lower()] = code
    return table


# -- the report ------------------------------------------------------------------------------------------------
@dataclass
class SheetReport(SheetInfo):
    """What an inspection sheet holds and what importing it does (or did)."""

    year: int
    rows: int = 0  # data rows judged (blank, total and footer rows not counted)
    new: int = 0  # rows that become a new record
    corrected: int = 0  # rows that correct a draft or returned record
    invalid: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    invalid_rows: list[int] = field(default_factory=list)
    dry_run: bool = True
    imported: bool = False
    records: list[str] = field(default_factory=list)  # the records written, submitted for decision

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def counts(self) -> dict[str, int]:
        return {"rows": self.rows, "new": self.new, "corrected": self.corrected, "invalid": self.invalid,
                "skipped": self.skipped}

    def summary(self, lang: str = "zh") -> str:
        if not self.imported:
            return messages.text("inspection_sheet.not_imported", lang, count=self.invalid)
        return messages.text("inspection_sheet.done", lang, count=len(self.records), year=self.year)

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "sheet": self.sheet, "encoding": self.encoding,
                "header_row": self.header_row, "mapping": self.mapping.as_dict(), "year": self.year,
                "counts": self.counts(), "dry_run": self.dry_run, "imported": self.imported,
                "records": list(self.records), "problems": [p.as_dict(lang) for p in self.problems],
                "notes": [n.message(lang) for n in self.notes]}


@dataclass
class _Row:
    """A valid row waiting to be written."""

    number: int
    org: Organization
    values: dict[str, Any]
    existing: InspectionRecord | None


# -- public API -------------------------------------------------------------------------------------------------
def preview_sheet(db: Database, path: str | Path, *, year: int, received_on: date | None = None,
                  progress: Progress | None = None, max_rows: int = MAX_ROWS, limits: Limits | None = None
                  ) -> SheetReport:
    """Judge every row of an inspection sheet for ``year``'s campaign without writing anything."""
    with db.read() as session, open_ledger(path, max_rows=max_rows, limits=limits) as source:
        report, _rows, _campaign = _analyze(db, session, source, year, received_on or clock.today(), progress)
    return report


def import_sheet(db: Database, path: str | Path, *, year: int, by: auth.UserInfo | None,
                 received_on: date | None = None, progress: Progress | None = None, max_rows: int = MAX_ROWS,
                 limits: Limits | None = None) -> SheetReport:
    """Import an inspection sheet into ``year``'s campaign in one transaction: every row or none.

    Each row becomes a record entered and submitted by ``by`` (the ``supervise`` right), its conclusion the
    proposal a reviewer then decides.  With any invalid row nothing is written and the report says why.
    ``received_on`` (default today) is the date of a row whose sheet has no 收到日期 or leaves it blank."""
    actor = auth.require(db, by, "supervise")
    office = db.office()
    with db.unit(actor=actor) as session, open_ledger(path, max_rows=max_rows, limits=limits) as source:
        report, rows, campaign = _analyze(db, session, source, year, received_on or clock.today(), progress)
        report.dry_run = False
        if report.invalid:
            return report
        name = Path(path).name
        for row in rows:
            source_note = messages.text("inspection_sheet.source", "zh", file=name, row=row.number)
            report.records.append(_enter_and_submit(session, campaign, row, actor, office.code, source_note))
        details: dict[str, Any] = {"file": name, "year": year, "records": len(report.records), **report.counts()}
        audit.record(session, "import.inspection", "inspection_campaign", campaign.id, **details)
        session.flush()
        report.imported = True
    return report


def write_sheet_template(path: str | Path) -> ExportResult:
    """An empty inspection sheet with its headers, and a sheet saying how to fill it in."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError("ledger.export_type", path=str(path))
    labels = "、".join(inspection.conclusion_label(c) for c in inspection.CONCLUSIONS)
    notes = [[messages.text(f"inspection_sheet.template.{k}", "zh", labels=labels)]
             for k in ("title", "org", "conclusion", "dates", "figures", "title_rows")]
    count = write_sheet(path, SHEET_COLUMNS, [], sheet_title="年检结果", extra_sheets={"说明": notes})
    return ExportResult(str(path), count, len(SHEET_COLUMNS))


# -- judging -----------------------------------------------------------------------------------------------------
class _Lookups:
    """What judging a row needs, read once: the campaign, who is due, its records, organizations by key."""

    def __init__(self, db: Database, session: Session, year: int) -> None:
        self.office = db.office()
        self.campaign = inspection._open_campaign_in(db, session, year)  # no campaign / closed: the whole file
        self.due = set(session.scalars(inspection.due_select(self.campaign)))
        self.records = {r.organization_id: r for r in session.scalars(select(InspectionRecord).where(
            InspectionRecord.campaign_id == self.campaign.id, InspectionRecord.deleted_at.is_(None)))}
        self.by_uscc: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        o = Organization
        for id_, uscc, name in session.execute(select(o.id, o.uscc, o.name).where(o.deleted_at.is_(None))):
            if uscc:
                self.by_uscc[uscc] = id_
            self.by_name.setdefault(name, []).append(id_)


def _analyze(db: Database, session: Session, source: LedgerSource, year: Any, default_received: date,
             progress: Progress | None) -> tuple[SheetReport, list[_Row], inspection.CampaignInfo]:
    lookups = _Lookups(db, session, year)
    rows = cast(Generator[tuple[int, tuple[Any, ...]], None, None], source.rows())  # a generator function
    try:
        return _judge_rows(session, source, rows, lookups, default_received, progress)
    finally:
        rows.close()  # a sheet refused before its last row: end the reading while the file is open


def _judge_rows(session: Session, source: LedgerSource, rows: Iterator[tuple[int, tuple[Any, ...]]],
                lookups: _Lookups, default_received: date, progress: Progress | None
                ) -> tuple[SheetReport, list[_Row], inspection.CampaignInfo]:
    year = lookups.campaign.year
    header_row, headers = find_header(source, rows, _SYNONYMS)
    mapping = auto_mapping(headers, synonyms=_SYNONYMS)
    if mapping.column_of("name") is None and mapping.column_of("uscc") is None:
        raise InputError("inspection_sheet.no_org_column")
    if mapping.column_of("conclusion") is None:
        raise InputError("inspection_sheet.no_conclusion_column")
    report = SheetReport(str(source.path), source.kind, source.sheet, source.encoding, header_row, mapping, year)
    header_notes(source, header_row, mapping, report.notes)
    if mapping.column_of("received_on") is None:
        report.notes.append(Note("inspection_sheet.note.received_default", {"date": default_received.isoformat()}))
    judge = _SheetJudge(session, lookups, mapping, default_received)
    valid: list[_Row] = []
    for number, values, problems in data_rows(source, rows, mapping, report, progress):
        report.rows += 1
        row = judge.judge(number, values, problems)
        report.problems.extend(problems)
        if row is None or any(p.severity == "error" for p in problems):
            report.invalid += 1
            report.invalid_rows.append(number)
        else:
            valid.append(row)
            if row.existing is None:
                report.new += 1
            else:
                report.corrected += 1
    if progress is not None:
        progress(*source.position())
    return report, valid, lookups.campaign


class _SheetJudge:
    def __init__(self, session: Session, lookups: _Lookups, mapping: Mapping, default_received: date) -> None:
        self.session, self.lookups, self.mapping = session, lookups, mapping
        self.default_received = default_received
        self.columns = [(i, f) for i, f in enumerate(mapping.fields) if f]
        self.field_column = {f: i for i, f in self.columns}
        self.conclusions = conclusion_codes()
        self.first_row: dict[str, int] = {}  # organization id -> the row that named it first

    def problem(self, number: int, issue: Issue) -> Problem:
        fld = issue.field
        if fld == "reasons" and fld not in self.field_column:  # no 理由 column: the conclusion asks for one
            fld = "conclusion"
        col = self.field_column.get(fld)
        return Problem(number, column_letter(col) if col is not None else None,
                       self.mapping.headers[col] if col is not None else None, fld, issue.code, issue.params,
                       issue.severity)

    def judge(self, number: int, values: tuple[Any, ...], problems: list[Problem]) -> _Row | None:
        issues: list[Issue] = []
        given = self.convert(values, issues)
        org = self.organization(number, given, issues)
        year = given.get("year")
        if year is not None and year != self.lookups.campaign.year:
            issues.append(Issue("year", "inspection_sheet.year", {"value": year, "year": self.lookups.campaign.year}))
        if not given.get("conclusion"):
            issues.append(Issue("conclusion", "field.required", {"label": _label("conclusion")}))
        report = {k: given[k] for k in _VALUE_FIELDS if k in given}
        report.setdefault("received_on", self.default_received)
        report.setdefault("reasons", None)
        existing = None
        if org is not None:
            existing = self.lookups.records.get(org.id)
            if existing is not None and existing.state not in ("draft", "returned"):
                issues.append(Issue("org", "inspection.not_editable", {"name": org.name, "state": existing.state}))
            issues.extend(self.service_rules(org, report))
        by = "uscc" if given.get("uscc") else "name"  # an organization's problem: the column that named it
        problems.extend(self.problem(number, Issue(by, i.code, i.params, i.severity) if i.field == "org" else i)
                        for i in issues)
        if org is None or any(i.severity == "error" for i in issues):
            return None
        return _Row(number, org, report, existing)

    def convert(self, values: tuple[Any, ...], issues: list[Issue]) -> dict[str, Any]:
        """The row's cells as the inspection service takes them; text cells checked as the register's ledger
        checks them (formulas, control characters)."""
        given: dict[str, Any] = {}
        for index, fld in self.columns:
            raw = values[index] if index < len(values) else None
            if cells.is_blank(raw):
                continue
            kind = SHEET_COLUMNS_BY_FIELD[fld].kind
            if isinstance(raw, str):
                raw = safety.unquote_csv(raw)
                if fld in ("name", "uscc"):  # keys, not values: the service checks the reasons it keeps
                    _RowJudge.check_text(fld, kind, raw, issues, label=_label(fld))
            if fld == "uscc":
                given[fld] = cells.text_of(raw).replace(" ", "").upper()
            elif fld == "year":
                given[fld] = _year(raw)
            elif kind == "date":
                given[fld] = cells.date_value(raw)
            elif kind in ("int", "decimal"):
                given[fld] = cells.number_text(raw)
            elif fld == "conclusion":
                text = cells.text_of(raw)
                given[fld] = self.conclusions.get(text.replace(" ", "").lower(), text)
            elif fld == "reasons":
                given[fld] = str(raw).strip()
            else:
                given[fld] = cells.text_of(raw)
        return given

    def organization(self, number: int, given: dict[str, Any], issues: list[Issue]) -> Organization | None:
        """The organization the row names (by credit code, else by name), due in the campaign and named once."""
        lk = self.lookups
        uscc, name = given.get("uscc"), given.get("name")
        if not uscc and not name:
            issues.append(Issue("org", "inspection_sheet.org_required", {}))
            return None
        if uscc:
            org_id = lk.by_uscc.get(uscc)
            if org_id is None:
                issues.append(Issue("uscc", "inspection_sheet.unknown_org", {"key": uscc}))
                return None
        else:
            ids = lk.by_name.get(str(name), [])
            due = [i for i in ids if i in lk.due]
            if len(due) > 1 or (not due and len(ids) > 1):
                issues.append(Issue("name", "ledger.ambiguous_match", {"count": len(due or ids), "name": name}))
                return None
            if not ids:
                issues.append(Issue("name", "inspection_sheet.unknown_org", {"key": name}))
                return None
            org_id = (due or ids)[0]
        org = self.session.get(Organization, org_id)
        assert org is not None
        if uscc and name and cells.text_of(org.name) != name:
            issues.append(Issue("name", "inspection_sheet.name_mismatch", {"name": name, "uscc": uscc,
                                                                           "registered": org.name}))
        if (org.registry_code or "") != lk.office.code:
            issues.append(Issue("org", "inspection_sheet.other_office",
                                {"name": org.name, "registry": org.registry_name or org.registry_code or ""}))
        elif org.id not in lk.due:
            issues.append(Issue("org", "inspection.not_due", {"name": org.name, "year": lk.campaign.year}))
        first = self.first_row.setdefault(org.id, number)
        if first != number:
            issues.append(Issue("org", "ledger.duplicate_row", {"row": first, "key": org.name}))
        return org

    def service_rules(self, org: Organization, report: dict[str, Any]) -> list[Issue]:
        """The inspection service's own checks of a report's values, run on a record that is never added to the
        session; each refusal names its field, and that value is left out to find the row's other problems."""
        out: list[Issue] = []
        values = dict(report)
        failed_before: set[str] = set()
        while True:
            scratch = InspectionRecord(conclusion=None, reasons=None, received_on=None)
            try:
                inspection._apply_values(scratch, values, self.lookups.campaign, org)
                return out
            except ValidationError as exc:
                found = [Issue(i.field, i.code, i.params, i.severity) for i in exc.issues]
            except CivicDeskError as exc:
                found = [Issue(str(exc.params.get("field") or _CODE_FIELD.get(exc.code, "")), exc.code, exc.params)]
            # a value left out may make another rule speak of it (reasons required once bad reasons are gone)
            found = [i for i in found if i.field not in failed_before]
            out.extend(found)
            failed = {i.field for i in found} & set(values)
            if not failed:
                return out
            for key in failed:
                values.pop(key)
            failed_before |= failed


def _label(fld: str) -> str:
    return SHEET_COLUMNS_BY_FIELD[fld].header


def _year(raw: Any) -> Any:
    """2025, 2025.0, "2025", "2025年", "2025年度" -> 2025; anything else as its text (refused by name)."""
    value = cells.number_text(raw)
    if isinstance(value, int):
        return value
    m = _YEAR.match(str(value))
    return int(m.group(1)) if m else str(value)


# -- writing -----------------------------------------------------------------------------------------------------
def _enter_and_submit(session: Session, campaign: inspection.CampaignInfo, row: _Row, actor: str, office_code: str,
           source: str) -> str:
    """The row's record entered (or its draft corrected) and submitted, each step an event as
    ``inspection.record`` and ``inspection.submit`` write them, in the import's transaction."""
    r = row.existing
    new = r is None
    if r is None:
        r = InspectionRecord(campaign_id=campaign.id, organization_id=row.org.id, year=campaign.year, state="draft",
                             materials=[], entered_by=actor, origin_office=office_code)
    inspection._apply_values(r, row.values, campaign, row.org)
    session.add(r)
    session.flush()
    now = utcnow()
    session.add(InspectionEvent(record_id=r.id, action="enter" if new else "edit",
                                from_state=None if new else r.state, to_state=r.state, actor=actor, at=now,
                                comment=source, origin_office=office_code))
    previous = r.state
    r.state, r.submitted_by, r.submitted_at = "submitted", actor, now
    session.add(InspectionEvent(record_id=r.id, action="submit", from_state=previous, to_state="submitted",
                                actor=actor, at=now, origin_office=office_code))
    return r.id
