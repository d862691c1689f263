"""Import of a ledger: read, map, normalize, derive, validate every row, match it against the register, and write
all or nothing.

:func:`preview_ledger` reads and judges a ledger without writing (the wizard's report, ``--dry-run``);
:func:`import_ledger` does the same inside the write transaction and, when the ledger is clean (or invalid rows
are to be skipped), submits the new rows as establishment filings (:func:`submit_new_rows`) and the changed rows
as change filings (:func:`apply_changed_rows`) for a reviewer to decide -- or, for an administrator digitizing
paper records (``legacy``), enters the new rows directly.  Every row keeps the number Excel shows, every problem
the column header it came from; cells that would run as formulas or hold control characters are refused
(:mod:`.safety`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import messages
from civicdesk.errors import InputError, Issue, render
from civicdesk.models import Division, Organization, OrgPerson, audit
from civicdesk.models.base import new_id
from civicdesk.services.admin import auth
from civicdesk.services.register import records
from civicdesk.services.register import organizations
from civicdesk.services.core.database import Database, OfficeInfo
from civicdesk.services.core.overlap import Writer
from civicdesk.services.ledger import cells, safety
from civicdesk.services.ledger.columns import (
    COLUMNS_BY_FIELD,
    HEADER_SEARCH_ROWS,
    Mapping,
    auto_mapping,
    field_label,
    header_score,
    normalize_header,
)
from civicdesk.services.ledger.reader import MAX_ROWS, LedgerSource, Limits, column_letter, open_ledger
from civicdesk.services.core.reference import dictionary, registry_name
from civicdesk.services.core.validation import PLAIN_TEXT, mask_personal
from civicdesk import clock

Progress = Callable[[int, int], None]

_TOTAL_WORDS = ("合计", "小计", "总计", "共计", "总数")
_FOOTER_WORDS = ("制表", "填表", "审核", "注:", "注：", "说明", "备注:", "统计人", "截至", "截止", "单位负责人",
                 "联系人:", "报送")
_PERSON_FIELDS = {"legal_rep_name": "name", "legal_rep_id_number": "id_number", "legal_rep_phone": "phone"}
_ISSUE_COLUMN = {"people": "legal_rep_name", "people[0].name": "legal_rep_name", "people[0].role": "legal_rep_name",
                 "people[0].id_number": "legal_rep_id_number", "people[0].phone": "legal_rep_phone"}
_PROGRESS_EVERY = 500
#: What offices write in 业务主管单位 for "none" (a directly registered organization).
_NO_SPONSOR = frozenset({"无", "直接登记", "/", "-", "—", "——", "无主管单位", "无业务主管单位", "none"})
#: Fields whose own validation refuses anything but digits (a formula cannot pass it): no formula check.
_NO_FORMULA_CHECK = frozenset({"legal_rep_phone", "contact_phone", "legal_rep_id_number"})
#: The filing each tier's new record needs (filings.NEW_RECORD_KINDS, read the other way).
_KIND_FOR_TIER = {"registered": "establish", "filed": "community_file", "guided": "community_guide"}


# -- the report ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row) of the ledger, where the clerk finds it in Excel."""

    row: int
    column: str | None  # letter, A …
    header: str | None
    field: str
    code: str
    params: dict[str, Any]
    severity: str = "error"

    def message(self, lang: str = "zh") -> str:
        return render(self.code, self.params, lang)

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "header": self.header, "field": self.field,
                "code": self.code, "severity": self.severity, "message": self.message(lang)}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str | None
    new: str | None

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {"field": self.field, "label": field_label(self.field, lang), "old": self.old, "new": self.new}


@dataclass(frozen=True)
class ChangedRow:
    """A ledger row that changes an existing organization: what the register holds and what the ledger says."""

    row: int
    org_id: str
    name: str
    changes: tuple[FieldChange, ...]
    new_values: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {"row": self.row, "id": self.org_id, "name": self.name,
                "fields": [c.as_dict(lang) for c in self.changes]}


@dataclass(frozen=True)
class Note:
    code: str
    params: dict[str, Any]

    def message(self, lang: str = "zh") -> str:
        return render(self.code, self.params, lang)


@dataclass
class SheetInfo:
    """The sheet a report is about: the file, its kind (xlsx | csv), the sheet read, the encoding of a CSV, the
    header row found and the columns' mapping."""

    file: str
    kind: str
    sheet: str
    encoding: str | None
    header_row: int
    mapping: Mapping


@dataclass
class ImportReport(SheetInfo):
    """What a ledger holds and what importing it does (or did)."""

    rows: int = 0  # data rows judged (blank, total and footer rows not counted)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    invalid: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    changes: list[ChangedRow] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    invalid_rows: list[int] = field(default_factory=list)
    dry_run: bool = True
    imported: bool = False
    rejected_file: str | None = None
    filings: list[str] = field(default_factory=list)  # the change filings the changed rows became
    new_filings: list[str] = field(default_factory=list)  # the establishment filings the new rows became
    legacy: bool = False  # new rows entered directly as legacy records (an administrator's choice)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def counts(self) -> dict[str, int]:
        return {"rows": self.rows, "new": self.new, "changed": self.changed, "unchanged": self.unchanged,
                "invalid": self.invalid, "skipped": self.skipped}

    def summary(self, lang: str = "zh") -> str:
        """What the import did, in one sentence: where the new and the changed rows went (the CLI and the
        wizard's last page say the same)."""
        def listed(numbers: list[str]) -> str:
            if not numbers:
                return ""
            joined = messages.label("ledger.summary.number_separator", lang).join(numbers)
            return messages.text("ledger.summary.numbers", lang, numbers=joined)

        if self.legacy:
            new = messages.text("ledger.summary.new_legacy", lang, count=self.new)
        else:
            new = messages.text("ledger.summary.new_filed", lang, count=self.new, numbers=listed(self.new_filings))
        changed = messages.text("ledger.summary.changed", lang, count=self.changed, numbers=listed(self.filings))
        parts = [p for p, count in ((new, self.new), (changed, self.changed)) if count]
        if not parts:
            return messages.text("ledger.summary.nothing", lang)
        return messages.text("ledger.summary.done", lang,
                             parts=messages.label("ledger.summary.part_separator", lang).join(parts))

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "file": self.file, "kind": self.kind, "sheet": self.sheet, "encoding": self.encoding,
            "header_row": self.header_row, "mapping": self.mapping.as_dict(),
            "counts": self.counts(), "dry_run": self.dry_run, "imported": self.imported,
            "rejected_file": self.rejected_file, "filings": list(self.filings),
            "new_filings": list(self.new_filings), "legacy": self.legacy,
            "problems": [p.as_dict(lang) for p in self.problems],
            "changes": [c.as_dict(lang) for c in self.changes],
            "notes": [n.message(lang) for n in self.notes],
        }


@dataclass
class _Pending:
    """A valid row waiting to be written."""

    row: int
    values: dict[str, Any]
    people: list[dict[str, Any]]


@dataclass
class _Plan:
    report: ImportReport
    new: list[_Pending] = field(default_factory=list)
    changed: list[ChangedRow] = field(default_factory=list)
    rejected: list[tuple[int, tuple[Any, ...], str]] = field(default_factory=list)
    headers: tuple[str, ...] = ()


# -- public API -------------------------------------------------------------------------------------------------
def read_header(path: str | Path, *, preview_rows: int = 10
                ) -> tuple[int, tuple[str, ...], list[tuple[int, tuple[str, ...]]]]:
    """The header row number, its texts, and the first non-blank rows below it as (row number, texts), for the
    mapping page's preview."""
    with open_ledger(path) as source:
        rows = source.rows()
        header_row, headers = find_header(source, rows)
        preview: list[tuple[int, tuple[str, ...]]] = []
        for number, values in rows:
            if len(preview) >= preview_rows:
                break
            if not all(cells.is_blank(v) for v in values):
                preview.append((number, tuple(cells.text_of(v) if v is not None else "" for v in values)))
        return header_row, headers, preview


def preview_ledger(db: Database, path: str | Path, *, mapping: dict[str, str] | None = None,
                   progress: Progress | None = None, max_rows: int = MAX_ROWS, limits: Limits | None = None,
                   today: date | None = None) -> ImportReport:
    """Judge every row of a ledger (new, changed, unchanged, invalid) without writing anything."""
    office = db.office()
    with db.read() as session, open_ledger(path, max_rows=max_rows, limits=limits) as source:
        plan = _analyze(session, source, office, mapping, progress, today or clock.today(), keep_rows=False)
    plan.report.dry_run = True
    return plan.report


def import_ledger(db: Database, path: str | Path, *, mapping: dict[str, str] | None = None,
                  skip_invalid: bool = False, rejected_path: str | Path | None = None,
                  by: auth.UserInfo | None = None, legacy: bool = False,
                  progress: Progress | None = None, max_rows: int = MAX_ROWS, limits: Limits | None = None,
                  today: date | None = None) -> ImportReport:
    """Import a ledger in one transaction: all rows or none.

    With invalid rows, nothing is written unless ``skip_invalid``; then the valid rows are imported and the
    invalid ones written with their reasons to ``rejected_path`` (default: ``<name>-不合格行.xlsx`` beside the
    ledger).  A ``progress`` callback that raises cancels: nothing is written then.

    The register changes only on a reviewer's approval (DESIGN.md): a new row becomes an establishment filing
    (乡镇备案 / 纳入指导 for those tiers; marked as a legacy digitization when the row records an organization
    established before today), a changed row a change filing, each submitted for review in this transaction.
    Only ``legacy`` -- an administrator (the ``legacy_entry`` right) digitizing the office's paper records --
    enters the new rows into the register directly.  ``by`` is who imports (checked here: ``import``, and
    ``legacy_entry`` for ``legacy``; ``by`` None only on a database without user accounts, as the system).
    """
    actor = auth.require(db, by, "import")
    if legacy:
        auth.require(db, by, "legacy_entry")
    office = db.office()
    today = today or clock.today()
    try:
        with db.unit(actor=actor) as session, open_ledger(path, max_rows=max_rows, limits=limits) as source:
            if legacy and session.get_bind().dialect.name == "postgresql":
                return _import_overlapped(db, session, source, path, office, mapping, skip_invalid, rejected_path,
                                          actor, progress, today)
            return _import(session, source, path, office, mapping, skip_invalid, rejected_path, actor, legacy,
                           progress, today)
    except _Discarded as discarded:  # invalid rows, not skipped: nothing written
        return discarded.report


class _Discarded(Exception):
    """Ends the unit of an import whose rows were being written as they were judged, when a row was invalid
    and invalid rows are not skipped: the unit rolls back, and the report is returned."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("discarded")
        self.report = report


def _import(session: Session, source: LedgerSource, path: str | Path, office: OfficeInfo,
            mapping: dict[str, str] | None, skip_invalid: bool, rejected_path: str | Path | None, actor: str | None,
            legacy: bool, progress: Progress | None, today: date) -> ImportReport:
    """:func:`import_ledger`: every row judged, then written."""
    plan = _analyze(session, source, office, mapping, progress, today, keep_rows=True)
    report = plan.report
    report.dry_run = False
    if report.invalid and not skip_invalid:
        return report
    if report.invalid:
        _write_rejected(plan, path, rejected_path)
    total = len(plan.new) + len(plan.changed)
    if legacy:
        session.info["audit_note"] = "legacy_entry"  # digitized by an administrator, not applied for
        _add_new(session, plan.new, office.code, progress, total)
        report.legacy = True
    else:
        report.new_filings = submit_new_rows(session, plan.new, office_code=office.code, actor=actor,
                                             today=today, source_name=Path(path).name, progress=progress,
                                             total=total)
    _finish(session, plan, path, office, actor, legacy, progress, today)
    return report


def _write_rejected(plan: _Plan, path: str | Path, rejected_path: str | Path | None) -> None:
    """The invalid rows, with their reasons, to ``rejected_path`` (default: beside the ledger)."""
    from civicdesk.services.ledger.exporter import write_rejected

    target = Path(rejected_path) if rejected_path else _free_name(Path(path))
    write_rejected(target, plan.headers, plan.rejected)
    plan.report.rejected_file = str(target)


def _finish(session: Session, plan: _Plan, path: str | Path, office: OfficeInfo, actor: str | None, legacy: bool,
            progress: Progress | None, today: date) -> None:
    """After the new rows: the changed rows' filings, the import's own audit entry."""
    report = plan.report
    total = len(plan.new) + len(plan.changed)
    report.filings = apply_changed_rows(session, plan.changed, office_code=office.code, actor=actor, today=today,
                                        source_name=Path(path).name)
    if progress is not None:
        progress(total, total)
    details: dict[str, Any] = {
        "file": Path(path).name, **report.counts(), "filings": report.filings,
        "new_filings": report.new_filings, "legacy": legacy,
        "rejected_file": Path(report.rejected_file).name if report.rejected_file else None}
    audit.record(session, "import.ledger", None, None, **details)
    session.flush()
    report.imported = True


#: new rows: the parts a legacy entry on PostgreSQL writes while the rest is judged (a multiple of
#: legacy_entry.CHUNK, so that the audit entries come in the same order)
PART = 10_000
#: the first part, smaller: the server has nothing to do until it comes (its writes, not the judging, end a
#: large load on the server: bench/README.md, "Ledger and sync import")
FIRST_PART = 2_000


def _import_overlapped(db: Database, session: Session, source: LedgerSource, path: str | Path, office: OfficeInfo,
                       mapping: dict[str, str] | None, skip_invalid: bool, rejected_path: str | Path | None,
                       actor: str | None, progress: Progress | None, today: date) -> ImportReport:
    """Legacy entry on PostgreSQL: the new rows written part by part by the unit's writer thread
    (``overlap.Writer``) while the next rows are judged, so that the server's work and the program's overlap.

    The judging reads through a second session (``db.read``): the unit's session is the writer's.  It sees
    what the unit would have seen, the register before the import: the unit holds the write lock from before
    the judging starts, so no other writer commits meanwhile, and the rows the writer adds are not yet
    committed.  A row found invalid, when invalid rows are not skipped, stops the writing; the unit is then
    rolled back (:class:`_Discarded`) and the report returned, nothing written, as :func:`_import`."""
    from civicdesk.services.ledger.legacy_entry import Load

    session.connection()  # the unit's transaction, and with it the write lock, from here
    session.info["audit_note"] = "legacy_entry"  # digitized by an administrator, not applied for
    load = Load(session, office.code)
    waiting: list[_Pending] = []
    written = 0

    def hand(writer: Writer, report: ImportReport, pending: _Pending | None) -> None:
        nonlocal written
        if report.invalid and not skip_invalid:
            waiting.clear()  # nothing more is written: the unit will be rolled back
            return
        if pending is not None:
            waiting.append(pending)
        if len(waiting) >= (PART if written else min(FIRST_PART, PART)):
            writer.submit(load.write, load.take([(item.values, item.people) for item in waiting]))
            written += len(waiting)
            waiting.clear()

    with db.read() as reader, Writer() as writer:
        plan = _analyze(reader, source, office, mapping, progress, today, keep_rows=True,
                        sink=lambda report, pending: hand(writer, report, pending))
        report = plan.report
        report.dry_run = False
        if report.invalid and not skip_invalid:
            raise _Discarded(report)
        if written or len(waiting) >= BULK_MIN:
            if waiting:
                writer.submit(load.write, load.take([(item.values, item.people) for item in waiting]))
            load.finish(writer)
        else:  # a few rows: as :func:`_import` writes them
            writer.drain()
            _add_new(session, waiting, office.code, progress, len(plan.new) + len(plan.changed))
    if report.invalid:
        _write_rejected(plan, path, rejected_path)
    report.legacy = True
    _finish(session, plan, path, office, actor, True, progress, today)
    return report


def apply_changed_rows(session: Session, rows: list[ChangedRow], *, office_code: str, actor: str | None,
                       today: date, source_name: str = "") -> list[str]:
    """The ledger's changes to organizations already in the register go to review: one change filing per row,
    drafted and submitted by the importing clerk in the import's transaction (DESIGN.md: the register changes
    only on approval).  Returns the filings' numbers."""
    from civicdesk.services.filings import service as filings

    numbers = []
    for row in rows:
        changes = {c.field: records.to_json_value(row.new_values[c.field]) for c in row.changes}
        numbers.append(filings.submit_change_in(
            session, row.org_id, changes, actor=actor or "(系统)", office_code=office_code, today=today,
            applicant=f"台账导入：{source_name} 第{row.row}行" if source_name else f"台账导入 第{row.row}行",
            documents=[source_name] if source_name else []))
    return numbers


def submit_new_rows(session: Session, rows: list[_Pending], *, office_code: str, actor: str | None,
                    today: date, source_name: str = "", progress: Progress | None = None, total: int = 0
                    ) -> list[str]:
    """The ledger's new organizations go to review: one filing per row of the kind its tier needs (成立登记,
    乡镇（街道）备案, 纳入村（社区）指导管理), drafted and submitted by the importing clerk in the import's
    transaction; on approval the reviewer's decision enters the record (filings._apply).  A row recording an
    organization established before today is marked as a legacy digitization (历史档案录入).  Returns the
    filings' numbers."""
    from civicdesk.services.filings import service as filings

    numbers = []
    for row in rows:
        record: dict[str, Any] = {k: records.to_json_value(v) for k, v in row.values.items() if v is not None}
        record["people"] = [{k: records.to_json_value(v) for k, v in p.items() if v is not None} for p in row.people]
        applicant = f"台账导入：{source_name} 第{row.row}行" if source_name else f"台账导入 第{row.row}行"
        established = row.values.get("established_on")
        number = filings.submit_new_in(
            session, _KIND_FOR_TIER[row.values["tier"]], record, actor=actor or "(系统)", office_code=office_code,
            today=today, applicant=applicant, documents=[source_name] if source_name else [],
            legacy=isinstance(established, date) and established < today)
        numbers.append(number)
        if progress is not None and len(numbers) % _PROGRESS_EVERY == 0:
            progress(len(numbers), total)
    return numbers


# -- reading ------------------------------------------------------------------------------------------------------
def find_header(source: LedgerSource, rows: Iterator[tuple[int, tuple[Any, ...]]],
                synonyms: dict[str, str] | None = None) -> tuple[int, tuple[str, ...]]:
    """The first row within :data:`HEADER_SEARCH_ROWS` whose cells name at least two fields of ``synonyms``
    (default the register's ledger), as (row number, header texts); title rows above it are passed over."""
    seen_any = False
    for number, values in rows:
        if not all(cells.is_blank(v) for v in values):
            seen_any = True
        if header_score(values, synonyms) >= 2:
            return number, tuple("" if v is None else str(v).strip() for v in values)
        if number >= HEADER_SEARCH_ROWS:
            break
    if not seen_any:
        raise InputError("ledger.empty", path=str(source.path), sheet=source.sheet)
    raise InputError("ledger.no_header", sheet=source.sheet, rows=HEADER_SEARCH_ROWS)


def _kind_of_row(values: tuple[Any, ...], mapping: Mapping) -> tuple[str, str]:
    """("blank" | "total" | "footer" | "data", text).  Only the first three filled cells are read as text unless
    the name is blank (a footer is told by all of them): a data row of 23 columns costs three texts, not 23."""
    first: list[str] = []
    for v in values:
        if not cells.is_blank(v):
            first.append(cells.text_of(v))
            if len(first) == 3:
                break
    if not first:
        return "blank", ""
    for text in first:
        compact = text.replace(" ", "")
        if compact.startswith(_TOTAL_WORDS) and len(compact) <= 12:
            return "total", compact
    name_col = mapping.column_of("name")
    name = values[name_col] if name_col is not None and name_col < len(values) else None
    if cells.is_blank(name) and first[0].replace(" ", "").startswith(_FOOTER_WORDS):
        filled = [cells.text_of(v) for v in values if not cells.is_blank(v)]
        if len(set(filled)) <= 2:
            return "footer", filled[0][:40]
    return "data", ""


# -- analysis ---------------------------------------------------------------------------------------------------
class _Lookups:
    """What judging a row needs from the register, read once: dictionaries, divisions, the organizations' keys."""

    def __init__(self, session: Session, office: OfficeInfo) -> None:
        self.session = session
        self.office = office
        # the register's rules asked from memory: dictionaries, divisions, USCCs and names read once
        self.register = organizations.PreloadedLookups(session)
        self.divisions: dict[str, Division] = self.register._divisions  # one read for both
        self.counties: dict[str, list[str]] = {}
        self.townships: dict[tuple[str, str], list[str]] = {}
        self.township_any: dict[str, list[str]] = {}
        self.communities: dict[tuple[str, str], list[str]] = {}
        for d in self.divisions.values():
            for name in _division_names(d):
                if d.level == "county":
                    self.counties.setdefault(name, []).append(d.code)
                elif d.level == "township":
                    self.townships.setdefault((d.parent_code or "", name), []).append(d.code)
                    self.township_any.setdefault(name, []).append(d.code)
                elif d.level == "community":
                    self.communities.setdefault((d.parent_code or "", name), []).append(d.code)
        self.registries: dict[str, list[str]] = {}
        #: registry_name of each division, asked once (the foundation's defaults ask it of every new row)
        self.registry_names: dict[str, str] = {}
        for d in self.divisions.values():
            reg = registry_name(session, d.code)
            if reg:
                self.registries.setdefault(cells.text_of(reg), []).append(d.code)
                self.registry_names[d.code] = reg
        kinds = {spec.dictionary for spec in records.ORG_FIELDS if spec.dictionary}
        self.codes = cells.code_maps({kind: dictionary(session, kind) for kind in kinds if kind})
        self.by_uscc: dict[str, str] = {}
        self.by_name: dict[tuple[str, str], list[tuple[str, str | None, str | None]]] = {}
        o = Organization
        for id_, uscc, division, township, community, name, status in session.execute(
            select(o.id, o.uscc, o.division_code, o.township_code, o.community_code, o.name, o.status)
            .where(o.deleted_at.is_(None))
        ):
            if uscc:
                self.by_uscc[uscc] = id_
            if status in organizations.LIVE_STATUSES:
                self.by_name.setdefault((division, name), []).append((id_, township, community))
        # new-record filings still waiting for review: importing the same ledger twice submits each row once
        from civicdesk.models.filing import Filing
        from civicdesk.services.filings import service as filings

        self.pending: dict[tuple[str, str], tuple[str, str, str]] = {}
        for filing in session.execute(
                select(Filing.number, Filing.kind, Filing.changes).where(
                    Filing.kind.in_(tuple(filings.NEW_RECORD_KINDS)), Filing.deleted_at.is_(None),
                    Filing.state.in_(("draft", *filings.OPEN_STATES)))):
            record = (filing.changes or {}).get("record") or {}
            name = str(record.get("name") or "")
            entry = (filing.number, filing.kind, name)
            if record.get("uscc"):
                self.pending[("uscc", str(record["uscc"]))] = entry
            if name:
                self.pending[("name", f"{record.get('division_code') or ''}/{name}")] = entry


def _division_names(d: Division) -> set[str]:
    names = {cells.text_of(d.name), cells.text_of(d.full_name)}
    return names


def _analyze(session: Session, source: LedgerSource, office: OfficeInfo, overrides: dict[str, str] | None,
             progress: Progress | None, today: date, *, keep_rows: bool,
             sink: Callable[[ImportReport, _Pending | None], None] | None = None) -> _Plan:
    """Judge every row; ``keep_rows`` keeps what writing needs (the new rows' values, the rejected rows' cells),
    which a preview of a big ledger need not hold in memory.  ``sink`` is given each new row as it is judged
    (and None for an invalid one), with the report so far."""
    rows = source.rows()
    header_row, headers = find_header(source, rows)
    mapping = auto_mapping(headers, overrides)
    report = ImportReport(str(source.path), source.kind, source.sheet, source.encoding, header_row, mapping)
    plan = _Plan(report, headers=headers)
    if mapping.column_of("name") is None:
        raise InputError("ledger.no_name_column")
    header_notes(source, header_row, mapping, report.notes)
    if mapping.column_of("division_code") is None and office.level == "district":
        report.notes.append(Note("note.county_default", {"code": office.code}))

    lookups = _Lookups(session, office)
    first_by_key: dict[tuple[str, str], int] = {}
    judge = _RowJudge(session, lookups, mapping, office, today)
    for number, values, problems in data_rows(source, rows, mapping, report, progress):
        report.rows += 1
        outcome = judge.judge(number, values, problems, first_by_key)
        report.problems.extend(problems)
        if any(p.severity == "error" for p in problems):
            report.invalid += 1
            report.invalid_rows.append(number)
            if keep_rows:
                reason = "；".join(f"[{p.header or p.field}] {p.message()}" for p in problems if p.severity == "error")
                plan.rejected.append((number, values, reason))
            if sink is not None:
                sink(report, None)
        elif isinstance(outcome, ChangedRow):
            report.changed += 1
            report.changes.append(outcome)
            plan.changed.append(outcome)
        elif isinstance(outcome, _Pending):
            report.new += 1
            if keep_rows:
                plan.new.append(outcome)
            if sink is not None:
                sink(report, outcome)
        else:
            report.unchanged += 1
    if progress is not None:
        progress(*source.position())
    return plan


def header_notes(source: LedgerSource, header_row: int, mapping: Mapping, notes: list[Note]) -> None:
    """What the report says about the sheet as a whole: which sheet of several, the encoding, title rows above
    the header, columns that feed nothing, merged cells below the header."""
    if source.sheet_count > 1:
        notes.append(Note("note.sheet", {"sheet": source.sheet, "count": source.sheet_count}))
    if source.encoding:
        notes.append(Note("note.encoding", {"encoding": source.encoding}))
    if header_row > 1:
        notes.append(Note("note.title_rows", {"row": header_row, "count": header_row - 1}))
    for index, (header, fld) in enumerate(zip(mapping.headers, mapping.fields, strict=True)):
        if header and not fld and normalize_header(header) not in ("序号",):
            notes.append(Note("note.ignored_column", {"header": header, "column": column_letter(index)}))
    for merge in source.merges:
        if merge.max_row > header_row and merge.max_row > merge.min_row:
            notes.append(Note("note.merged", {"ref": merge.ref}))


class RowTally(Protocol):
    """What :func:`data_rows` counts into: the rows passed over and the notes saying why."""

    skipped: int
    notes: list[Note]


def data_rows(source: LedgerSource, rows: Iterator[tuple[int, tuple[Any, ...]]], mapping: Mapping,
              tally: RowTally, progress: Progress | None = None
              ) -> Iterator[tuple[int, tuple[Any, ...], list[Problem]]]:
    """The data rows below the header as (row number, values, problems found so far: formulas without a value),
    blank, total (合计) and footer (制表人 …) rows passed over and noted in ``tally``; ``progress`` every
    :data:`_PROGRESS_EVERY` rows."""
    blank_rows: list[int] = []  # the first few, for the note
    blank_count = 0
    formula_issues: dict[int, list[tuple[int, str]]] = {}
    headers = mapping.headers
    for number, values in rows:
        if progress is not None and number % _PROGRESS_EVERY == 0:
            progress(*source.position())
        while source.formulas_without_value and source.formulas_without_value[0][0] <= number:
            r, c, f = source.formulas_without_value.pop(0)
            formula_issues.setdefault(r, []).append((c, f))
        kind, text = _kind_of_row(values, mapping)
        if kind == "blank":
            blank_count += 1
            if len(blank_rows) <= 10:
                blank_rows.append(number)
            continue
        if kind in ("total", "footer"):
            tally.skipped += 1
            tally.notes.append(Note("note.total_row" if kind == "total" else "note.footer_row",
                                    {"row": number, "text": text}))
            continue
        problems: list[Problem] = []
        for column, formula in formula_issues.pop(number, []):
            problems.append(Problem(number, column_letter(column), headers[column] if column < len(headers) else None,
                                    mapping.fields[column] if column < len(mapping.fields) else "",
                                    "ledger.formula_no_value", {"formula": formula}))
        yield number, values, problems
    if blank_count:
        tally.skipped += blank_count
        shown = "、".join(str(r) for r in blank_rows[:10]) + ("…" if blank_count > 10 else "")
        tally.notes.append(Note("note.blank_rows", {"count": blank_count, "rows": shown}))
    if source.formula_cells:
        tally.notes.append(Note("note.formulas", {"count": source.formula_cells}))


class _RowJudge:
    def __init__(self, session: Session, lookups: _Lookups, mapping: Mapping, office: OfficeInfo, today: date
                 ) -> None:
        self.session, self.lookups, self.mapping, self.office, self.today = session, lookups, mapping, office, today
        self.columns = [(i, f, COLUMNS_BY_FIELD[f]) for i, f in enumerate(mapping.fields) if f]
        self.field_column = {f: i for i, f, _c in self.columns}

    def where(self, issue_field: str) -> tuple[str | None, str | None]:
        fld = _ISSUE_COLUMN.get(issue_field, issue_field)
        if fld == "registry_code" and "registry_code" not in self.field_column:
            fld = "registry_name"
        col = self.field_column.get(fld)
        if col is None:
            return None, None
        return column_letter(col), self.mapping.headers[col]

    def problem(self, number: int, issue: Issue) -> Problem:
        column, header = self.where(issue.field)
        return Problem(number, column, header, issue.field, issue.code, issue.params, issue.severity)

    # -- one row -------------------------------------------------------------------------------------------------
    def judge(self, number: int, values: tuple[Any, ...], problems: list[Problem],
              first_by_key: dict[tuple[str, str], int]) -> ChangedRow | _Pending | None:
        data, person, issues = self.convert(values)
        parsed = organizations.parse_org_input(data)
        issues.extend(parsed.issues)
        given = parsed.values
        tier = given.get("tier") or "registered"
        if person:
            role = "legal_representative" if tier == "registered" else "responsible_person"
            person_parsed = organizations.parse_org_input({"people": [{"role": role, **person}]})
            issues.extend(person_parsed.issues)
            people = person_parsed.people
        else:
            people = []
        derived = self.derive(given, issues)
        if not given.get("name"):
            issues.append(Issue("name", "field.required", {"label": records.label("name")}))
        # duplicates inside the ledger
        keys = []
        if given.get("uscc"):
            keys.append(("uscc", given["uscc"]))
        if given.get("name"):
            place = given.get("community_code") or given.get("township_code") or given.get("division_code") or ""
            keys.append(("name", f"{place}/{given['name']}"))
        for key in keys:
            first = first_by_key.get(key)
            if first is not None:
                issues.append(Issue("uscc" if key[0] == "uscc" else "name", "ledger.duplicate_row",
                                    {"row": first, "key": key[1].split("/")[-1]}))
                break
        else:
            for key in keys:
                first_by_key[key] = number
        if any(i.severity == "error" for i in issues):
            self.explain_rest(given, people, issues)
            problems.extend(self.problem(number, i) for i in _tidy(issues))
            return None
        existing = self.match(given, issues)
        if existing is None and any(i.severity == "error" for i in issues):
            problems.extend(self.problem(number, i) for i in _tidy(issues))
            return None
        if existing is None:
            values_ = dict(given)
            code = values_.get("registry_code")
            if code and not values_.get("registry_name") and code in self.lookups.registry_names:
                values_["registry_name"] = self.lookups.registry_names[code]  # what _fill_defaults would ask
            organizations._fill_defaults(self.session, values_, self.office.code)  # the foundation's defaults
            issues.extend(organizations.validate_org(self.session, values_, people, today=self.today,
                                                 lookups=self.lookups.register))
            pending = self.pending_filing(values_)
            if pending is not None and not any(i.severity == "error" for i in issues):
                issues.append(Issue("name", "ledger.pending_establishment",
                                    {"number": pending[0], "kind": pending[1], "name": pending[2]}, "warning"))
                problems.extend(self.problem(number, i) for i in _tidy(issues))
                return None
            problems.extend(self.problem(number, i) for i in _tidy(issues))
            return _Pending(number, values_, people)
        for name in derived:  # what the register records wins over what the ledger only implies
            if getattr(existing, name) not in (None, ""):
                given.pop(name, None)
                issues[:] = [i for i in issues if not (i.field == name and i.severity == "info")]
        return self.compare(number, existing, given, person, people, issues, problems)

    def pending_filing(self, values: dict[str, Any]) -> tuple[str, str, str] | None:
        pending = self.lookups.pending
        if values.get("uscc") and ("uscc", values["uscc"]) in pending:
            return pending[("uscc", values["uscc"])]
        return pending.get(("name", f"{values.get('division_code') or ''}/{values.get('name') or ''}"))

    def explain_rest(self, given: dict[str, Any], people: list[dict[str, Any]], issues: list[Issue]) -> None:
        """A row with one error is still checked against every other rule, so that the clerk sees all of its
        problems in one report (a bad date and a wrong credit code together), not one import at a time."""
        failed = {i.field for i in issues if i.severity == "error"}
        values_ = {k: v for k, v in given.items() if k not in failed}
        existing = self.match(values_, []) if values_.get("uscc") or values_.get("name") else None
        if existing is not None:  # a changed row: the record as it would be after the change
            merged = {spec.name: getattr(existing, spec.name) for spec in records.ORG_FIELDS}
            merged.update(values_)
            more = organizations.validate_org(self.session, merged, self.current_people(existing), self_id=existing.id,
                                         today=self.today, lookups=self.lookups.register)
        else:
            organizations._fill_defaults(self.session, values_, self.office.code)
            more = organizations.validate_org(self.session, values_, people, today=self.today,
                                         lookups=self.lookups.register)
        issues.extend(i for i in more if i.field not in failed)

    def derive(self, given: dict[str, Any], issues: list[Issue]) -> set[str]:
        """Fill in what a ledger implies but offices do not keep as a column, saying so in the row's report:
        登记方式 from 业务主管单位 and the category (DOMAIN.md: a named sponsor is dual management; none, for one
        of the five direct-registration categories, is direct), 组织类型 from the credit code's second
        character, 社区社会组织 from a community subtype.  Refuses only what cannot be derived: a category that
        needs dual management without a sponsor.  Returns the derived fields."""
        derived: set[str] = set()
        dicts = self.lookups.register.dictionaries()
        sponsor = given.get("sponsor")
        if isinstance(sponsor, str) and sponsor.strip().lower() in _NO_SPONSOR:
            given["sponsor"] = sponsor = None
        tier = given.get("tier") or "registered"
        if tier == "registered" and not given.get("registration_mode"):
            category = dicts.get("category", {}).get(given.get("category") or "")
            if sponsor:
                given["registration_mode"] = "dual"
                issues.append(Issue("registration_mode", "ledger.derived_mode_dual", {"sponsor": sponsor}, "info"))
                derived.add("registration_mode")
            elif category is not None and category.attributes.get("direct"):
                given["registration_mode"] = "direct"
                issues.append(Issue("registration_mode", "ledger.derived_mode_direct",
                                    {"category": category.label_zh}, "info"))
                derived.add("registration_mode")
            elif category is not None:
                issues.append(Issue("sponsor", "ledger.no_sponsor", {"category": category.label_zh}))
        uscc = given.get("uscc")
        if tier == "registered" and not given.get("legal_form") and isinstance(uscc, str) and len(uscc) == 18:
            for form in dicts.get("legal_form", {}).values():
                if uscc[0] == "5" and form.attributes.get("uscc_kind") == uscc[1]:
                    given["legal_form"] = form.code
                    issues.append(Issue("legal_form", "ledger.derived_legal_form",
                                        {"digit": uscc[1], "legal_form": (form.label_zh, form.label_en)}, "info"))
                    derived.add("legal_form")
                    break
        if given.get("community_subtype") and given.get("is_community") is None:
            given["is_community"] = True
            subtype = dicts.get("community_subtype", {}).get(given["community_subtype"])
            issues.append(Issue("is_community", "ledger.derived_community",
                                {"subtype": subtype.label_zh if subtype else given["community_subtype"]}, "info"))
            derived.add("is_community")
        return derived

    def convert(self, values: tuple[Any, ...]) -> tuple[dict[str, Any], dict[str, Any], list[Issue]]:
        data: dict[str, Any] = {}
        person: dict[str, Any] = {}
        issues: list[Issue] = []
        codes = self.lookups.codes
        for index, fld, column in self.columns:
            raw = values[index] if index < len(values) else None
            if cells.is_blank(raw):
                continue
            kind = column.kind
            if isinstance(raw, str):
                raw = safety.unquote_csv(raw)  # what an export quoted reads back as it was (then judged below)
                self.check_text(fld, kind, raw, issues)
            if kind == "person":
                key = _PERSON_FIELDS[fld]
                person[key] = cells.text_of(raw)
            elif kind == "date":
                data[fld] = cells.date_value(raw)
            elif kind in ("int", "decimal"):
                data[fld] = cells.number_text(raw)
            elif kind == "bool":
                data[fld] = cells.bool_text(raw)
            elif kind == "code":
                spec = records.FIELDS_BY_NAME[fld]
                data[fld] = cells.code_value(raw, codes.get(spec.dictionary or "", {}))
            elif kind in ("division", "registry"):
                data[fld] = cells.text_of(raw)
            else:
                data[fld] = cells.text_of(raw) if fld not in ("purpose", "business_scope", "notes") else str(raw)
        for key in ("purpose", "business_scope", "notes"):
            if key in data:
                data[key] = str(data[key]).strip()
        self.resolve_divisions(data, issues)
        return data, person, issues

    @staticmethod
    def check_text(fld: str, kind: str, raw: str, issues: list[Issue], label: str | None = None) -> None:
        """Refuse a cell that a spreadsheet would run as a formula, or that holds control or direction
        characters (checked on the cell as typed: trimming must not turn ``\t=1+1`` into a clean-looking text).
        ``label`` names the column in the message (default: the register field's label)."""
        if PLAIN_TEXT.fullmatch(raw) is not None:  # neither a formula's start nor a bad character (the usual cell)
            return
        if kind in ("text", "person", "division", "registry") and fld not in _NO_FORMULA_CHECK \
                and safety.looks_like_formula(raw):
            start = cells.text_of(raw)[:1]
            issues.append(Issue(fld, "ledger.formula", {"label": label or field_label(fld), "start": start}))
        bad = safety.bad_character(raw.strip(" \t\r\n"), multiline=fld in safety.MULTILINE_FIELDS)
        if bad is not None:
            issues.append(Issue(fld, "ledger.control_character", {"label": label or field_label(fld), "char": bad[1]}))

    def resolve_divisions(self, data: dict[str, Any], issues: list[Issue]) -> None:
        lk = self.lookups
        county = data.get("division_code")
        if county and county not in lk.divisions:
            found = lk.counties.get(county, [])
            if len(found) == 1:
                data["division_code"] = found[0]
            else:
                issues.append(Issue("division_code", "ledger.division_name",
                                    {"label": records.label("division_code"), "value": county}))
                data.pop("division_code")
        township = data.get("township_code")
        if township and township not in lk.divisions:
            parent = data.get("division_code")
            found = lk.townships.get((parent, township), []) if parent else lk.township_any.get(township, [])
            if len(found) == 1:
                data["township_code"] = found[0]
            else:
                issues.append(Issue("township_code", "ledger.division_name",
                                    {"label": records.label("township_code"), "value": township}))
                data.pop("township_code")
        if not data.get("division_code") and data.get("township_code") in lk.divisions:
            data["division_code"] = lk.divisions[data["township_code"]].parent_code
        if not data.get("division_code") and self.office.level == "district" and "division_code" not in [
                i.field for i in issues]:
            data["division_code"] = self.office.code
        community = data.get("community_code")
        if community and community not in lk.divisions:
            found = lk.communities.get((data.get("township_code") or "", community), [])
            if len(found) == 1:
                data["community_code"] = found[0]
            else:
                issues.append(Issue("community_code", "ledger.division_name",
                                    {"label": records.label("community_code"), "value": community}))
                data.pop("community_code")
        reg = data.pop("registry_name", None)
        if reg and not data.get("registry_code"):
            candidates = lk.registries.get(reg, [])
            prefer = [data.get(k) for k in ("community_code", "township_code", "division_code")]
            county = lk.divisions.get(data.get("division_code") or "")
            prefer.append(county.parent_code if county else None)
            chosen = next((c for c in prefer if c and c in candidates), candidates[0] if len(candidates) == 1 else None)
            if chosen:
                data["registry_code"] = chosen
            else:
                issues.append(Issue("registry_code", "ledger.division_name",
                                    {"label": field_label("registry_name"), "value": reg}))

    def match(self, given: dict[str, Any], issues: list[Issue]) -> Organization | None:
        lk = self.lookups
        org_id = lk.by_uscc.get(given.get("uscc") or "")
        if org_id is None and given.get("name"):
            candidates = lk.by_name.get((given.get("division_code") or "", given["name"]), [])
            # the most specific division the row gives narrows the same name in different villages
            for index, key in ((1, "township_code"), (2, "community_code")):
                if given.get(key) and len(candidates) > 1:
                    candidates = [c for c in candidates if c[index] == given[key]]
            ids = [c[0] for c in candidates]
            if len(ids) > 1:
                issues.append(Issue("name", "ledger.ambiguous_match", {"count": len(ids), "name": given["name"]}))
                return None
            org_id = ids[0] if ids else None
        return self.session.get(Organization, org_id) if org_id else None

    def compare(self, number: int, org: Organization, given: dict[str, Any], person: dict[str, Any],
                people: list[dict[str, Any]], issues: list[Issue], problems: list[Problem]) -> ChangedRow | None:
        changes: list[FieldChange] = []
        new_values: dict[str, Any] = {}
        for key, value in given.items():
            old = getattr(org, key)
            if not _same(old, value):
                changes.append(FieldChange(key, _text(old), _text(value)))
                new_values[key] = value
        current = self.current_person(org)
        if person:
            parsed_person = people[0] if people else {}
            for ledger_key, key in _PERSON_FIELDS.items():
                if key not in person:
                    continue
                old = (current or {}).get(key)
                value = parsed_person.get(key)
                if not _same(old, value):
                    changes.append(FieldChange(ledger_key,
                                               *(mask_personal({ledger_key: _text(v)})[ledger_key]
                                                 for v in (old, value))))
                    new_values[ledger_key] = value
        if not changes:
            problems.extend(self.problem(number, i) for i in issues)
            return None
        merged = {spec.name: getattr(org, spec.name) for spec in records.ORG_FIELDS}
        merged.update({k: v for k, v in new_values.items() if k not in _PERSON_FIELDS})
        if "registry_code" in new_values:
            merged["registry_name"] = (registry_name(self.session, new_values["registry_code"])
                                       or merged["registry_name"])
        people_now = self.current_people(org)
        if any(k in new_values for k in _PERSON_FIELDS):
            rep_role = "legal_representative" if merged.get("tier") == "registered" else "responsible_person"
            rest = [p for p in people_now if p.get("role") not in ("legal_representative", "responsible_person")]
            rep = dict(current or {"role": rep_role})
            if "legal_rep_name" in new_values:
                rep = {"role": rep_role}
            for ledger_key, key in _PERSON_FIELDS.items():
                if ledger_key in new_values:
                    rep[key] = new_values[ledger_key]
                elif key not in rep and key in (people[0] if people else {}):
                    rep[key] = people[0][key]
            rep.setdefault("name", org.legal_rep_name)
            people_now = [*rest, rep]
        issues.extend(organizations.validate_org(self.session, merged, people_now, self_id=org.id, today=self.today,
                                                 lookups=self.lookups.register))
        problems.extend(self.problem(number, i) for i in issues)
        return ChangedRow(number, org.id, org.name, tuple(changes), new_values)

    def current_people(self, org: Organization) -> list[dict[str, Any]]:
        rows = self.session.scalars(select(OrgPerson).where(
            OrgPerson.organization_id == org.id, OrgPerson.deleted_at.is_(None), OrgPerson.is_current.is_(True)))
        return [{"role": p.role, "name": p.name, "id_number": p.id_number, "phone": p.phone,
                 "term_start": p.term_start, "term_end": p.term_end, "is_current": True} for p in rows]

    def current_person(self, org: Organization) -> dict[str, Any] | None:
        people = self.current_people(org)
        for role in ("legal_representative", "responsible_person"):
            for p in people:
                if p["role"] == role:
                    return p
        return None


def _tidy(issues: list[Issue]) -> list[Issue]:
    """Each (field, message) once, and no "登记方式 is required" where the missing category or sponsor already
    explains why it could not be derived."""
    seen: set[tuple[str, str]] = set()
    out = []
    no_category = any((i.field == "category" and i.code == "field.required") or i.code == "ledger.no_sponsor"
                      for i in issues)
    for issue in issues:
        key = (issue.field, issue.code)
        if key in seen or (no_category and issue.field == "registration_mode" and issue.code == "field.required"):
            continue
        seen.add(key)
        out.append(issue)
    return out


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        try:
            return old is not None and new is not None and Decimal(old) == Decimal(new)
        except (ArithmeticError, ValueError, TypeError):
            return False
    if old in (None, "") and new in (None, ""):
        return True
    return old == new


def _text(value: Any) -> str | None:
    if value is None:
        return None
    value = records.to_json_value(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


# -- writing -----------------------------------------------------------------------------------------------------
#: New rows from which a legacy entry goes in by :mod:`.legacy_entry` (the same rows, change log, audit and search
#: index as the ORM writes, without an object per row: ``bench/bench_import.py --import --orm`` compares the two);
#: fewer go through the ORM as a form's record does.
BULK_MIN = 100


def _add_new(session: Session, pending: list[_Pending], office_code: str, progress: Progress | None,
             total: int, *, bulk: bool | None = None) -> None:
    if bulk if bulk is not None else len(pending) >= BULK_MIN:
        from civicdesk.services.ledger import legacy_entry

        legacy_entry.add_rows(session, [(item.values, item.people) for item in pending], office_code, progress,
                              total)
        return
    # No ORM relationship links people to their organization, so each chunk's organizations are flushed before
    # their people (the foreign key is checked at once).  The chunk's organizations are held until then: the
    # session holds flushed rows weakly, and the change log finds a person's county through its organization in
    # the session, else by a SELECT a person (a round trip each on a server: 0.4 ms a row).
    for start in range(0, len(pending), _PROGRESS_EVERY):
        chunk = pending[start:start + _PROGRESS_EVERY]
        people: list[OrgPerson] = []
        orgs: list[Organization] = []
        for item in chunk:
            reps = [p["name"] for p in item.people if p.get("role") == "legal_representative"]
            org = Organization(id=new_id(), **item.values, entry_mode="import", origin_office=office_code,
                               legal_rep_name=reps[0] if reps else None)
            session.add(org)
            orgs.append(org)
            people.extend(OrgPerson(organization_id=org.id, origin_office=office_code, **p) for p in item.people)
        session.flush()
        session.add_all(people)
        session.flush()
        if progress is not None:
            progress(start + len(chunk), total)


def _free_name(ledger: Path) -> Path:
    """``台账-不合格行.xlsx`` beside the ledger, numbered when that exists: never overwrite a clerk's file."""
    base = ledger.with_name(f"{ledger.stem}-不合格行.xlsx")
    candidate, n = base, 2
    while candidate.exists():
        candidate = ledger.with_name(f"{ledger.stem}-不合格行-{n}.xlsx")
        n += 1
    return candidate
