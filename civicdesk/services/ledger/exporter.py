"""Export of the register (or the table's current filter) to .xlsx and .csv, the empty import template, and the
workbook of rejected rows.

.xlsx files are written in openpyxl's write-only mode (streamed, constant memory): a frozen, bold header row,
column widths, dates as real date cells, money as numbers.  .csv is UTF-8 with a BOM, which Excel and WPS need
to show Chinese.  What is written reads back through :mod:`.importer` into the same records (the round trip).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from civicdesk.errors import InputError
from civicdesk.models import Division, Organization, OrgPerson
from civicdesk.services.admin import auth
from civicdesk.services.register import records
from civicdesk.services.register.browse import RegisterFilter, _conditions
from civicdesk.services.core.database import Database
from civicdesk.services.ledger.columns import COLUMNS, LedgerColumn
from civicdesk.services.ledger.safety import neutralize
from civicdesk.services.core.reference import dictionary

Progress = Callable[[int, int], None]
REASON_HEADER = "不合格原因"
ROW_HEADER = "原行号"
_CHUNK = 1000
#: personal columns: exported only with the reveal right; left out (not masked) otherwise, so that an export
#: always imports again without a masked number being read as a wrong one
_PERSONAL = ("legal_rep_id_number", "legal_rep_phone")


@dataclass(frozen=True)
class ExportResult:
    path: str
    rows: int
    columns: int


def export_columns(*, with_id_numbers: bool = False) -> tuple[LedgerColumn, ...]:
    """The columns of an export: the legal representative's ID number and phone (personal information) only
    when asked for."""
    return tuple(c for c in COLUMNS if with_id_numbers or c.field not in _PERSONAL)


def export_register(db: Database, path: str | Path, *, flt: RegisterFilter | None = None,
                    division: str | None = None, with_id_numbers: bool = False,
                    by: auth.UserInfo | None = None, progress: Progress | None = None) -> ExportResult:
    """Write the organizations that ``flt`` (the table's filter; default: existing ones) and ``division`` (a
    county, township or community code) select, ordered by division and name.  ``by`` is who exports (checked here:
    ``export``, and ``reveal_ids`` for the ID numbers; audited).  The file is written whole or not at all (a
    temporary file renamed at the end)."""
    actor = auth.require(db, by, "export")
    if with_id_numbers:
        auth.require(db, by, "reveal_ids")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputError("ledger.export_type", path=str(path))
    flt = flt or RegisterFilter()
    columns = export_columns(with_id_numbers=with_id_numbers)
    with db.read() as session:
        o = Organization
        where = _conditions(session, flt)
        if division:
            where.append(or_(o.division_code == division, o.township_code == division, o.community_code == division))
        total = len(session.scalars(select(o.id).where(*where)).all()) if progress else 0
        query = select(o).where(*where).order_by(o.division_code, o.township_code, o.name_pinyin, o.name, o.seq)
        labels = _labels(session)
        names = {d.code: d.name for d in session.scalars(select(Division))}

        def rows() -> Iterable[list[Any]]:
            batch: list[Organization] = []
            done = 0
            for org in session.scalars(query.execution_options(yield_per=_CHUNK)):
                batch.append(org)
                if len(batch) >= _CHUNK:
                    yield from _rows_of(session, batch, columns, labels, names)
                    done += len(batch)
                    batch = []
                    if progress is not None:
                        progress(done, total)
            yield from _rows_of(session, batch, columns, labels, names)

        count = _write(path, columns, rows(), sheet_title="社会组织名录")
    if progress is not None:
        progress(count, count)
    from civicdesk.services.admin import audit

    audit.record_event(db, "export.register", actor=actor, file=path.name, rows=count,
                       with_id_numbers=with_id_numbers)
    return ExportResult(str(path), count, len(columns))


def _labels(session: Any) -> dict[str, dict[str, str]]:
    kinds = {spec.dictionary for spec in records.ORG_FIELDS if spec.dictionary}
    return {kind: {v.code: v.label_zh for v in dictionary(session, kind)} for kind in kinds if kind}


def _rows_of(session: Any, batch: list[Organization], columns: tuple[LedgerColumn, ...],
             labels: dict[str, dict[str, str]], names: dict[str, str]) -> Iterable[list[Any]]:
    if not batch:
        return
    reps: dict[str, OrgPerson] = {}
    for person in session.scalars(select(OrgPerson).where(
            OrgPerson.organization_id.in_([o.id for o in batch]), OrgPerson.deleted_at.is_(None),
            OrgPerson.is_current.is_(True), OrgPerson.role.in_(("legal_representative", "responsible_person")))):
        have = reps.get(person.organization_id)
        if have is None or (person.role == "legal_representative" and have.role != "legal_representative"):
            reps[person.organization_id] = person
    for org in batch:
        rep = reps.get(org.id)
        out: list[Any] = []
        for column in columns:
            f = column.field
            if f == "legal_rep_name":
                value: Any = org.legal_rep_name or (rep.name if rep else None)
            elif f == "legal_rep_id_number":
                value = rep.id_number if rep else None
            elif f == "legal_rep_phone":
                value = rep.phone if rep else None
            else:
                value = getattr(org, f)
                if column.kind == "code" and value is not None:
                    spec = records.FIELDS_BY_NAME[f]
                    value = labels.get(spec.dictionary or "", {}).get(value, value)
                elif column.kind == "division" and value is not None:
                    value = names.get(value, value)
                elif column.kind == "bool":
                    value = "是" if value else "否"
            out.append(value)
        yield out


def _write(path: Path, columns: tuple[LedgerColumn, ...] | list[LedgerColumn], rows: Iterable[list[Any]],
           *, sheet_title: str, extra_sheets: dict[str, list[list[Any]]] | None = None,
           widths: list[int] | None = None) -> int:
    headers = [c.header for c in columns]
    kinds = [c.kind for c in columns]
    widths = widths or [c.width for c in columns]
    temp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".csv":
            count = _write_csv(temp, headers, rows)
        else:
            count = _write_xlsx(temp, headers, kinds, widths, rows, sheet_title, extra_sheets or {})
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InputError("ledger.write_failed", path=str(path), reason=str(exc)) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count


def _csv_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return records.to_json_value(value)
    return "" if value is None else neutralize(value)


def _write_csv(target: Path, headers: list[str], rows: Iterable[list[Any]]) -> int:
    count = 0
    with target.open("w", encoding="utf-8-sig", newline="") as f:  # the BOM tells Excel/WPS it is UTF-8
        # every field quoted, quotes doubled (OWASP): a separator or quote inside a value stays inside it
        writer = csv.writer(f, quoting=csv.QUOTE_ALL)
        writer.writerow([neutralize(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_value(v) for v in row])
            count += 1
    return count


def _write_xlsx(target: Path, headers: list[str], kinds: list[str], widths: list[int], rows: Iterable[list[Any]],
                sheet_title: str, extra_sheets: dict[str, list[list[Any]]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    sheet.freeze_panes = "B2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=neutralize(text))
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in rows:
        out: list[Any] = []
        for value in row:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            elif isinstance(value, Decimal):
                out.append(float(value) if value == value.normalize() and abs(value) < 10**12 else str(value))
            elif isinstance(value, str):
                # a quote before a formula start (OWASP): openpyxl then writes a string, never a formula
                out.append(neutralize(value))
            else:
                out.append(value)
        sheet.append(out)
        count += 1
    for title, extra in extra_sheets.items():
        ws = book.create_sheet(title)
        ws.freeze_panes = "A2"
        for index in range(1, len(extra[0]) + 1 if extra else 1):
            ws.column_dimensions[get_column_letter(index)].width = 24
        for row in extra:
            ws.append([neutralize(v) for v in row])
    book.save(target)
    return count


def write_template(db: Database, path: str | Path) -> ExportResult:
    """An empty ledger with the expected headers, and a sheet of the dictionaries' values to choose from."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError("ledger.export_type", path=str(path))
    columns = export_columns(with_id_numbers=True)
    with db.read() as session:
        labels = _labels(session)
    kind_title = {"legal_form": "组织类型", "tier": "管理层级", "status": "状态", "category": "行业类别",
                  "community_subtype": "社区社会组织类别", "registration_mode": "登记方式",
                  "foundation_type": "基金会类型"}
    kinds = [k for k in kind_title if k in labels]
    longest = max(len(labels[k]) for k in kinds)
    dictionary_rows: list[list[Any]] = [[kind_title[k] for k in kinds] + ["是/否"]]
    for i in range(longest):
        row = [list(labels[k].values())[i] if i < len(labels[k]) else None for k in kinds]
        row.append(["是", "否"][i] if i < 2 else None)
        dictionary_rows.append(row)
    notes = [["填写说明"], ["日期可写 2021-08-20、2021/8/20、2021年8月20日 或 20210820。"],
             ["统一社会信用代码18位，可含空格；全角字符会自动转换。"],
             ["所在县、乡镇（街道）、村（社区）填写名称或区划代码。"],
             ["表头上方可有标题行；合计行、空行会被跳过。"]]
    count = _write(path, columns, [], sheet_title="台账", extra_sheets={"字典": dictionary_rows, "说明": notes})
    return ExportResult(str(path), count, len(columns))


def write_rejected(path: Path, headers: tuple[str, ...], rows: list[tuple[int, tuple[Any, ...], str]]) -> int:
    """The rejected rows as they were read, with their reason and original row number, to fix and import again."""
    width = max([len(headers), *(len(r[1]) for r in rows)])
    header_row = list(headers) + [""] * (width - len(headers))
    columns = [LedgerColumn("", h or "", "text", (), 14) for h in header_row]
    columns += [LedgerColumn("", REASON_HEADER, "text", (), 60), LedgerColumn("", ROW_HEADER, "int", (), 8)]

    def out() -> Iterable[list[Any]]:
        for number, values, reason in rows:
            yield [*values, *([None] * (width - len(values))), reason, number]

    return _write(path, columns, out(), sheet_title="不合格行")
