"""Excel and CSV ledgers (台账) in and out: import with mapping, normalization, validation and matching; export of
the register and an empty template.  See :mod:`.importer`, :mod:`.exporter`, :mod:`.reader`, :mod:`.columns`;
:mod:`.inspection_sheet` reads the annual-inspection results sheet (年检结果表) with the same machinery, and
:mod:`.cultivation_sheets` the cultivation sheets (volunteer hours, station records)."""

from civicdesk.services.ledger.columns import COLUMNS, Mapping, auto_mapping, read_mapping_file
from civicdesk.services.ledger.exporter import ExportResult, export_register, write_template
from civicdesk.services.ledger.importer import (
    ChangedRow,
    FieldChange,
    ImportReport,
    Problem,
    apply_changed_rows,
    import_ledger,
    preview_ledger,
    read_header,
)
from civicdesk.services.ledger.reader import MAX_ROWS, open_ledger

__all__ = [
    "COLUMNS", "MAX_ROWS", "ChangedRow", "ExportResult", "FieldChange", "ImportReport", "Mapping", "Problem",
    "apply_changed_rows", "auto_mapping", "export_register", "import_ledger", "open_ledger", "preview_ledger",
    "read_header", "read_mapping_file", "write_template",
]
