"""Reading a ledger file as rows of cell values, streamed: .xlsx (python-calamine, with a raw scan of the sheet
XML for formulas and the row cap) and .csv (UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16 with BOM).

The kind of a file is decided by its first bytes, not its name: an .xlsx is a zip holding ``xl/workbook.xml``,
an encrypted workbook or an old .xls is an OLE compound file, a .csv is text.  Everything a clerk can get wrong
about the file as a whole (not a spreadsheet, encrypted, corrupt, wrong encoding, too many rows) is raised as an
:class:`~civicdesk.errors.InputError` before anything is written.  Rows come out numbered as Excel shows them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from civicdesk.errors import InputError

#: Most rows one import takes.  Checked while streaming (and, for an .xlsx with more row elements than this, by a
#: streaming count of the rows with values in the raw sheet XML before calamine loads it), so a million-row
#: sheet is refused before its rows are held in memory.
MAX_ROWS = 200_000



@dataclass(frozen=True)
class Limits:
    """How big a ledger may be, checked while it is read so that a hostile or broken file (a zip bomb, a
    million-column CSV) is refused in seconds with one line, before its content is held in memory.  The
    defaults are far above any office's ledger (200,000 rows of some 40 columns); tests lower them."""

    max_rows: int = MAX_ROWS
    #: columns up to the last one with a value, in any row (the ledger has about 40)
    max_columns: int = 256
    #: cells read in all, rows x columns (counted as the file is streamed)
    max_cells: int = 12_000_000
    #: bytes an .xlsx may expand to (the zip entries' declared sizes, and the sheet's bytes as streamed)
    max_unzipped: int = 1 << 30
    #: characters in one cell (Excel's own limit is 32,767)
    max_cell_chars: int = 32_767
    #: characters in one CSV line
    max_line_chars: int = 2_000_000


_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_SAMPLE = 1 << 20


def column_letter(index: int) -> str:
    """``0`` -> ``A``, ``27`` -> ``AB``: the column as the clerk sees it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: bytes) -> int:
    value = 0
    for char in letters.decode():
        value = value * 26 + ord(char) - 64
    return value - 1


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based columns and Excel row numbers, inclusive."""

    min_col: int
    min_row: int
    max_col: int
    max_row: int

    @property
    def ref(self) -> str:
        return f"{column_letter(self.min_col)}{self.min_row}:{column_letter(self.max_col)}{self.max_row}"


@dataclass
class LedgerSource:
    """An opened ledger: what kind it is, and its rows as ``(row number, values)``, streamed."""

    path: Path
    kind: str  # xlsx | csv
    sheet: str
    sheet_count: int = 1
    encoding: str | None = None
    merges: list[Merge] = field(default_factory=list)
    has_formulas: bool = False
    estimated_rows: int | None = None
    max_rows: int = MAX_ROWS
    limits: Limits = field(default_factory=Limits)
    #: (row, column, formula) of formula cells without a saved value, filled while rows are read
    formulas_without_value: list[tuple[int, int, str]] = field(default_factory=list)
    formula_cells: int = 0
    _rows: Callable[[], Iterator[tuple[int, tuple[Any, ...]]]] | None = None
    _position: Callable[[], tuple[int, int]] | None = None
    _close: Callable[[], None] | None = None

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """Every row with its Excel row number (blank rows included, as empty tuples or all-None); more than
        ``max_rows`` rows with values is an error, raised as soon as the next one is read."""
        assert self._rows is not None
        filled = 0
        cells = 0
        max_columns, max_cells = self.limits.max_columns, self.limits.max_cells
        for number, values in self._rows():
            width = len(values)
            while width and (values[width - 1] is None or values[width - 1] == ""):
                width -= 1
            if width:
                filled += 1
                if filled > self.max_rows:
                    raise InputError("ledger.too_many_rows", limit=f"{self.max_rows:,}", row=f"{number:,}")
                if width > max_columns:
                    raise InputError("ledger.too_many_columns", row=f"{number:,}", limit=f"{max_columns:,}")
                cells += width
                if cells > max_cells:
                    raise InputError("ledger.too_many_cells", row=f"{number:,}", limit=f"{max_cells:,}")
            yield number, values[:width] if width < len(values) else values

    def position(self) -> tuple[int, int]:
        """How far reading has got, as (done, total) in rows or bytes: for a progress bar."""
        return self._position() if self._position else (0, 0)

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> LedgerSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_ledger(path: str | Path, *, max_rows: int = MAX_ROWS, limits: Limits | None = None) -> LedgerSource:
    """The ledger at ``path``, ready to stream; raises :class:`InputError` for anything that is not a
    readable spreadsheet or is beyond ``limits`` (``max_rows`` overrides its row cap).  Close it (or use
    ``with``)."""
    path = Path(path)
    limits = limits or Limits()
    if max_rows != MAX_ROWS or limits.max_rows != max_rows:
        from dataclasses import replace

        limits = replace(limits, max_rows=min(max_rows, limits.max_rows))
    max_rows = limits.max_rows
    if not path.is_file():
        raise InputError("input.file_missing", path=str(path))
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(_ZIP):
        return _open_xlsx(path, limits)
    if head.startswith(_OLE):
        raise InputError("ledger.encrypted" if _is_encrypted(path) else "ledger.legacy_xls", path=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise InputError("ledger.not_spreadsheet" if head else "ledger.empty", path=str(path), sheet=path.name)
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return _open_csv(path, limits)
    raise InputError("ledger.unsupported_type", path=str(path))


def _is_encrypted(path: Path) -> bool:
    # An encrypted .xlsx is an OLE file whose directory names an "EncryptedPackage" stream (MS-OFFCRYPTO).
    with path.open("rb") as f:
        while chunk := f.read(_SAMPLE):
            if _ENCRYPTED in chunk:
                return True
            if len(chunk) == _SAMPLE:
                f.seek(-len(_ENCRYPTED), io.SEEK_CUR)
    return False


# -- xlsx -----------------------------------------------------------------------------------------------------
# Values come from python-calamine (Rust): it holds the first sheet's cells compactly and hands rows to Python one
# at a time, about ten times faster than openpyxl's read-only mode.  What calamine does not say -- which cells
# are formulas (a formula without a saved value reads as an empty cell), error values (#DIV/0! reads as empty),
# the sheet's stated size -- comes from one streaming pass over the raw sheet XML, which also refuses a sheet of
# more than ``max_rows`` rows with values before calamine loads it.
_WORKSHEET_REL = "/worksheet"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"')
_CELL_OF_INTEREST = re.compile(rb'<(?:\w+:)?f[\s>/]|\st="e"')  # a formula, or an error value
_INTEREST_NEEDLES = (b"<f", b":f", b't="e"')  # may say yes wrongly (<formula>), never no wrongly
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>/]")
_CELL_CLOSE = re.compile(rb"</(?:\w+:)?c>")
_PIECE_END = re.compile(rb"</(?:\w+:)?(?:c|row)>")
_CELL_REF = re.compile(rb'\sr="([A-Z]+)(\d+)"')
_CELL_TYPE = re.compile(rb'\st="(\w+)"')
_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE_ELEMENT = re.compile(rb"<(?:\w+:)?v\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?v>)", re.S)
_ATTRIBUTE = re.compile(rb'\s(\w+)="([^"]*)"')
_ROW_OR_VALUE = re.compile(rb"<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?(?:v|t)\b[^>]*>[^<]")
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')


@dataclass
class _SheetScan:
    """What the raw sheet XML says beyond calamine's values."""

    stated_rows: int | None = None
    formula_cells: int = 0
    #: (row, column, formula) of formula cells without a saved value, in sheet order
    without_value: list[tuple[int, int, str]] = field(default_factory=list)
    #: row -> [(column, value)]: error values (#DIV/0!, #N/A ...), which calamine reads as empty cells
    errors: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    shared: dict[str, tuple[str, str]] = field(default_factory=dict)  # shared formula index -> (text, origin)
    positions_missing: bool = False


def _open_xlsx(path: Path, limits: Limits) -> LedgerSource:
    from python_calamine import CalamineWorkbook

    max_rows = limits.max_rows
    sheets: list[tuple[str, str]] = []
    scan = _SheetScan()
    try:
        with zipfile.ZipFile(path) as archive:
            _refuse_bomb(path, archive, limits)
            names = set(archive.namelist())
            # the CRC of every part, when that is cheap (a bomb's parts are not decompressed twice)
            small = sum(i.file_size for i in archive.infolist()) < 64 * _SAMPLE
            bad = archive.testzip() if small and path.stat().st_size < 50 * _SAMPLE else None
            if bad is None and "xl/workbook.xml" in names:
                sheets = _worksheets(archive)
                if sheets:
                    scan = _scan_sheet_xml(archive, sheets[0][1], names, limits)
    except InputError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError("ledger.corrupt", path=str(path), reason=str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a damaged workbook.xml, relationships or sheet part
        raise InputError("ledger.corrupt", path=str(path), reason=f"{type(exc).__name__}: {exc}") from exc
    if bad is not None:
        raise InputError("ledger.corrupt", path=str(path), reason=f"{bad}: CRC")
    if "xl/workbook.xml" not in names:
        raise InputError("ledger.not_spreadsheet", path=str(path))
    if not sheets:
        raise InputError("ledger.empty", path=str(path), sheet="")
    name = sheets[0][0]
    book = None
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_name(name)
        merged = sheet.merged_cell_ranges or []
        start, end = sheet.start, sheet.end
    except Exception as exc:  # noqa: BLE001 - calamine's errors (zip, xml, cell values) on a damaged file
        if book is not None:
            book.close()
        raise InputError("ledger.corrupt", path=str(path), reason=f"{type(exc).__name__}: {exc}") from exc
    source = LedgerSource(path, "xlsx", name, len(sheets), max_rows=max_rows, limits=limits)
    # calamine: ((first row, first column), (last row, last column)), 0-based and inclusive
    source.merges = sorted({Merge(c0, r0 + 1, c1, r1 + 1) for (r0, c0), (r1, c1) in merged},
                           key=lambda m: (m.min_row, m.min_col))
    source.has_formulas = scan.formula_cells > 0
    source.formula_cells = scan.formula_cells
    source.formulas_without_value = scan.without_value
    source.estimated_rows = scan.stated_rows if scan.stated_rows is not None else (end[0] + 1 if end else 0)
    state = {"row": 0}

    def rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
        if start is None:  # no cell at all
            return
        # calamine's rows begin at row 1 (rows above the first cell come as empty lists) and at the first column
        # with a cell: put the columns left of it back, so that column indexes are the sheet's
        lead: tuple[None, ...] = (None,) * start[1]
        errors = scan.errors
        merges = _MergeFiller(source.merges)
        try:
            for number, raw in enumerate(sheet.iter_rows(), start=1):
                state["row"] = number
                row = (*lead, *(None if v == "" else int(v) if v.__class__ is float and v.is_integer() else v
                                for v in raw))
                if errors and number in errors:
                    cells = list(row)
                    for column, value in errors.pop(number):
                        if column >= len(cells):
                            cells.extend([None] * (column + 1 - len(cells)))
                        cells[column] = value
                    row = tuple(cells)
                yield number, merges.fill(number, row)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - a value calamine cannot turn into Python
            raise InputError("ledger.corrupt", path=str(path), reason=f"{type(exc).__name__}: {exc}") from exc

    source._rows = rows
    source._position = lambda: (state["row"], source.estimated_rows or state["row"])
    source._close = book.close
    return source


def _size(n: int) -> str:
    return f"{n / (1 << 20):,.1f} MB"


def _refuse_bomb(path: Path, archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse an .xlsx whose parts say they expand past ``max_unzipped``, before any part is read (the sizes
    are the zip directory's; what is then read of the sheet is counted too, in case they lie)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > limits.max_unzipped or total > limits.max_unzipped:
            raise InputError("ledger.too_large", path=str(path), part=info.filename,
                             size=_size(max(info.file_size, total)), limit=_size(limits.max_unzipped))


def _worksheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(name, part) of every worksheet in workbook order -- not chart sheets -- as openpyxl counts them."""
    import posixpath
    import xml.etree.ElementTree as ET

    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        for rel in ET.fromstring(archive.read("xl/_rels/workbook.xml.rels")):
            if rel.get("Type", "").endswith(_WORKSHEET_REL):
                target = rel.get("Target", "")
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                targets[rel.get("Id", "")] = part
    out = []
    for element in ET.fromstring(archive.read("xl/workbook.xml")).iter():
        if element.tag.rsplit("}", 1)[-1] == "sheet":
            sheet_part = targets.get(element.get(f"{{{_REL_NS}}}id", ""))
            if sheet_part is not None:
                out.append((element.get("name", ""), sheet_part))
    return out


def _scan_sheet_xml(archive: zipfile.ZipFile, part: str, names: set[str], limits: Limits) -> _SheetScan:
    """One streaming pass over the sheet's raw XML (no parsing of ordinary cells): its stated size, formula and
    error cells, and how many row elements it has.  Only when there are more row elements than ``max_rows`` are
    the rows with values counted, in a second streaming pass refused as soon as it passes the cap (the stated
    size is not trusted: formatting alone stretches it).  Memory stays flat whatever the sheet's size."""
    if part not in names:
        raise KeyError(f"no sheet part {part}")
    max_rows = limits.max_rows
    scan = _SheetScan()
    row_elements = 0
    cell_elements = 0
    read = 0
    first = True
    for piece in _pieces(archive, part):
        # the bomb guard, before calamine loads the sheet: bytes, cells (counted fast: "<c" also counts the few
        # <col> elements, never fewer) and cells per row (a piece of a megabyte holds hundreds of a ledger's rows,
        # but only a few of a 16,384-column bomb's, so that is refused in its first megabyte)
        read += len(piece)
        cells_here = piece.count(b"<c")
        rows_here = piece.count(b"<row") or piece.count(b":row")
        cell_elements += cells_here
        if read > limits.max_unzipped:
            raise InputError("ledger.too_large", path=archive.filename or "", part=part, size=_size(read),
                             limit=_size(limits.max_unzipped))
        if cells_here > limits.max_columns * (rows_here + 1):
            raise InputError("ledger.too_many_columns", row=f"{row_elements + 1:,}", limit=f"{limits.max_columns:,}")
        if cell_elements > limits.max_cells:
            raise InputError("ledger.too_many_cells", row=f"{row_elements + rows_here:,}",
                             limit=f"{limits.max_cells:,}")
        if first:
            m = _DIMENSION.search(piece)
            scan.stated_rows = int(m.group(1)) if m else None
            first = False
        row_elements += rows_here  # at least (<rowBreaks> counts too)
        if any(needle in piece for needle in _INTEREST_NEEDLES):  # plain searches: fast; the regex is not
            _cells_of_interest(piece, scan)
    if row_elements > max_rows:
        count = {"filled": 0, "row": 0, "row_filled": False}
        for piece in _pieces(archive, part):
            _count_filled_rows(piece, count, max_rows)
    if scan.positions_missing:  # cells without an r="A1" position (rare writers): parse the sheet properly
        scan = _parse_cells_of_interest(archive, part, scan.stated_rows)
    return scan


def _pieces(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The sheet XML in pieces of about a megabyte, each ending where a cell or a row ends."""
    carry = b""
    with archive.open(part) as src:
        while chunk := src.read(_SAMPLE):
            data = carry + chunk
            cut = max(data.rfind(b"</c>") + 4, data.rfind(b"</row>") + 6, 0)
            if cut < 6 and b":c>" in data:  # a prefixed namespace (</x:c>): the last cell end, the slow way
                last = None
                for match in _PIECE_END.finditer(data):
                    last = match
                cut = last.end() if last is not None else 0
            elif cut < 6:
                cut = 0  # no cell has ended yet: read on
            if cut:
                yield data[:cut]
            carry = data[cut:]
    if carry:
        yield carry


def _count_filled_rows(piece: bytes, count: dict[str, Any], max_rows: int) -> None:
    for m in _ROW_OR_VALUE.finditer(piece):
        attributes = m.group(1)
        if attributes is not None:  # <row ...>: a new row
            number = _ROW_NUMBER.search(attributes)
            count["row"] = int(number.group(1)) if number else count["row"] + 1
            count["row_filled"] = False
        elif not count["row_filled"]:  # the row's first value
            count["row_filled"] = True
            count["filled"] += 1
            if count["filled"] > max_rows:
                raise InputError("ledger.too_many_rows", limit=f"{max_rows:,}", row=f"{count['row']:,}")


def _cells_of_interest(piece: bytes, scan: _SheetScan) -> None:
    done = 0
    for m in _CELL_OF_INTEREST.finditer(piece):
        at = m.start()
        if at < done:
            continue  # the same cell (a formula with an error value)
        begin = piece.rfind(b"<c ", 0, at)
        if begin < 0:  # a prefixed namespace (<x:c ...>): the nearest cell start, the slow way
            last = None
            for match in _CELL_START.finditer(piece, max(0, at - 4096), at):
                last = match
            if last is None:
                continue
            begin = last.start()
        head_end = piece.find(b">", begin)
        if head_end < 0 or piece[head_end - 1: head_end] == b"/":
            continue  # a cell without content
        close = _CELL_CLOSE.search(piece, head_end)
        if close is None or not begin <= at < close.end():
            continue  # an <f> outside any cell (data validations in extLst)
        done = close.end()
        head = piece[begin: head_end + 1]
        ref = _CELL_REF.search(head)
        if ref is None:
            scan.positions_missing = True
            return
        kind = _CELL_TYPE.search(head)
        _note_cell(scan, int(ref.group(2)), _column_index(ref.group(1)), kind.group(1) if kind else b"n",
                   piece[head_end + 1: close.start()], ref.group(1) + ref.group(2))


def _note_cell(scan: _SheetScan, row: int, column: int, kind: bytes, body: bytes, coordinate: bytes) -> None:
    import html

    value_match = _VALUE_ELEMENT.search(body)
    value = html.unescape(value_match.group(1).decode()) if value_match and value_match.group(1) else ""
    if kind == b"e" and value:
        scan.errors.setdefault(row, []).append((column, value))
    formula = _FORMULA_ELEMENT.search(body)
    if formula is None:
        return
    scan.formula_cells += 1
    attributes = formula.group(1) or b""
    if value and b"shared" not in attributes:
        return
    named = {k.decode(): v.decode() for k, v in _ATTRIBUTE.findall(attributes)}
    text = _formula_text(scan, named, html.unescape(formula.group(2).decode()) if formula.group(2) else "",
                         coordinate.decode())  # also keeps a shared formula's first cell for its copies
    if not value:
        scan.without_value.append((row, column, text))


def _formula_text(scan: _SheetScan, attributes: dict[str, str], text: str, coordinate: str) -> str:
    """The formula as openpyxl shows it: ``=10*12``; a shared formula's copies translated to their cell."""
    if attributes.get("t") == "shared" and "si" in attributes:
        if text:
            scan.shared[attributes["si"]] = (text, coordinate)
        elif attributes["si"] in scan.shared:
            from openpyxl.formula.translate import Translator

            origin_text, origin = scan.shared[attributes["si"]]
            return Translator(f"={origin_text}", origin=origin).translate_formula(coordinate)
    return f"={text}"


def _parse_cells_of_interest(archive: zipfile.ZipFile, part: str, stated_rows: int | None) -> _SheetScan:
    """The slow, exact way for sheets whose cells do not say where they are: parse the XML, counting positions."""
    import xml.etree.ElementTree as ET

    scan = _SheetScan(stated_rows=stated_rows)
    row = 0
    column = -1
    with archive.open(part) as src:
        for event, element in ET.iterparse(src, events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "row":
                    row = int(element.get("r") or row + 1)
                    column = -1
                elif tag == "c":
                    ref = element.get("r")
                    m = re.match(r"([A-Z]+)(\d+)$", ref or "")
                    column = _column_index(m.group(1).encode()) if m else column + 1
                continue
            if tag == "c":
                kind = element.get("t", "n")
                formula = value = None
                for child in element:
                    child_tag = child.tag.rsplit("}", 1)[-1]
                    if child_tag == "f":
                        formula = child
                    elif child_tag == "v":
                        value = child.text or ""
                if kind == "e" and value:
                    scan.errors.setdefault(row, []).append((column, value))
                if formula is not None:
                    scan.formula_cells += 1
                    text = _formula_text(scan, dict(formula.attrib), formula.text or "",
                                         f"{column_letter(column)}{row}")
                    if not value:
                        scan.without_value.append((row, column, text))
                element.clear()
            elif tag == "row":
                element.clear()
    return scan


class _MergeFiller:
    """Fills every cell of a merged range with its top-left value, as the clerk sees it on screen."""

    def __init__(self, merges: list[Merge]) -> None:
        self.by_start: dict[int, list[Merge]] = {}
        for m in merges:
            self.by_start.setdefault(m.min_row, []).append(m)
        self.open: list[tuple[Merge, Any]] = []

    def fill(self, number: int, row: tuple[Any, ...]) -> tuple[Any, ...]:
        if not self.by_start and not self.open:
            return row
        starting = self.by_start.pop(number, [])
        for m in starting:
            self.open.append((m, row[m.min_col] if m.min_col < len(row) else None))
        if not self.open:
            return row
        cells = list(row)
        for m, value in self.open:
            if len(cells) <= m.max_col:
                cells.extend([None] * (m.max_col + 1 - len(cells)))
            for col in range(m.min_col, m.max_col + 1):
                if (col, number) != (m.min_col, m.min_row):
                    cells[col] = value
        self.open = [(m, v) for m, v in self.open if m.max_row > number]
        return tuple(cells)


# -- csv ------------------------------------------------------------------------------------------------------
def _detect_encoding(path: Path, sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        raise InputError("ledger.not_spreadsheet", path=str(path))
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=len(sample) < _SAMPLE)
            return encoding
        except UnicodeDecodeError:
            continue
    line = 1
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = sample[: exc.start].count(b"\n") + 1
    raise InputError("ledger.encoding", path=str(path), line=line)


def _open_csv(path: Path, limits: Limits) -> LedgerSource:
    with path.open("rb") as f:
        sample = f.read(_SAMPLE)
    if not sample.strip():
        raise InputError("ledger.empty", path=str(path), sheet=path.name)
    encoding = _detect_encoding(path, sample)
    text = sample.decode(encoding, errors="ignore")
    first_lines = text.splitlines()[:20]
    tabs = sum(line.count("\t") for line in first_lines)
    delimiter = "\t" if tabs > sum(line.count(",") for line in first_lines) else ","
    size = path.stat().st_size
    max_rows = limits.max_rows
    source = LedgerSource(path, "csv", path.name, encoding=encoding, max_rows=max_rows, limits=limits)
    _refuse_too_many_records(path, encoding, delimiter, max_rows)
    raw = path.open("rb")
    state = {"line": 0}

    def lines(stream: io.TextIOWrapper, number: list[int]) -> Iterator[str]:
        # one line at a time, never longer than the limit: a 10^6-column or 20 MB line is refused before the
        # csv module holds it (it would build a million-field record first)
        limit = limits.max_line_chars
        while line := stream.readline(limit + 1):
            number[0] += 1
            if len(line) > limit and not line.endswith(("\n", "\r")):
                if line.count(delimiter) >= limits.max_columns:
                    raise InputError("ledger.too_many_columns", row=f"{number[0]:,}", limit=f"{limits.max_columns:,}")
                raise InputError("ledger.cell_too_long", row=f"{number[0]:,}", limit=f"{limits.max_cell_chars:,}")
            yield line

    def rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        physical = [0]
        reader = csv.reader(lines(stream, physical), delimiter=delimiter)
        number = 0
        longest = limits.max_cell_chars
        try:
            for number, record in enumerate(reader, start=1):  # noqa: B007 - number is read after the loop
                state["line"] = reader.line_num
                if record and max(map(len, record)) > longest:
                    raise InputError("ledger.cell_too_long", row=f"{number:,}", limit=f"{longest:,}")
                yield number, tuple(record)
        except UnicodeDecodeError as exc:
            raise InputError("ledger.encoding", path=str(path), line=physical[0] + 1) from exc
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):  # a cell too long (or a quote never closed)
                raise InputError("ledger.cell_too_long", row=f"{number + 1:,}",
                                 limit=f"{limits.max_cell_chars:,}") from exc
            raise InputError("ledger.not_spreadsheet_csv", path=str(path),
                             reason=f"line {reader.line_num}: {exc}") from exc
        finally:
            stream.detach()

    def position() -> tuple[int, int]:
        try:
            return raw.tell(), size
        except (OSError, ValueError):
            return 0, size

    source._rows = rows
    source._position = position
    source._close = raw.close
    return source


def _refuse_too_many_records(path: Path, encoding: str, delimiter: str, max_rows: int) -> None:
    """Refuse a CSV of more than ``max_rows`` records before any row is judged: count line ends (fast, bytes),
    and only when there are more than the cap, count the records with values (quoted cells may hold line
    breaks; blank lines do not count)."""
    lines = 0
    with path.open("rb") as f:
        while chunk := f.read(_SAMPLE * 4):
            lines += chunk.count(b"\n")
    if lines <= max_rows:
        return
    with path.open("r", encoding=encoding, errors="replace", newline="") as f:
        filled = 0
        for number, record in enumerate(csv.reader(f, delimiter=delimiter), start=1):
            if any(record):
                filled += 1
                if filled > max_rows:
                    raise InputError("ledger.too_many_rows", limit=f"{max_rows:,}", row=f"{number:,}")
