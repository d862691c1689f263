"""The kinds of printable document, by name.  Adding a kind (e.g. ``filings``) is one module,
``civicdesk/services/printing/kind_<name>.py``, that builds a :class:`DocumentKind` and calls
:func:`register_kind`: :func:`kinds` imports every ``kind_*`` module of this package, and the print dialog and
:func:`print_document` take it from there.  The CLI's arguments for a kind (``civicdesk print <name> …``) are
the CLI's business: an entry in ``civicdesk/commands/print.py``'s ``ARGUMENTS`` (a test checks every kind has one).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from civicdesk.errors import InputError
from civicdesk.services.core.database import Database
from civicdesk.services.printing.fonts import FontSet
from civicdesk.services.printing.layout import DocInfo
from civicdesk.services.printing.output import Progress


@dataclass(frozen=True)
class PrintJob:
    """Everything a kind's ``write`` gets besides the options."""

    db: Database
    path: Path
    fonts: FontSet
    public: bool
    reveal_ids: bool
    printed_on: date
    progress: Progress
    actor: str  # who prints, as the permission check named them for the audit trail


@dataclass(frozen=True)
class DocumentKind:
    name: str  # the CLI word: register, organization, statistics, filings …
    label: str  # 名录, 登记信息表 …
    #: the document's title for these options (for the dialog and the PDF's metadata)
    title: Callable[[Database, Any], str]
    #: rough amount of work, for progress (e.g. rows)
    size: Callable[[Database, Any], int]
    #: draws the document into job.path; returns a dict of facts (pages, rows …)
    write: Callable[[PrintJob, Any, DocInfo], dict[str, Any]]
    #: sort order in menus
    order: int = 50
    #: options for the print dialog when it has no panel of its own for this kind
    default_options: Callable[[], Any] | None = None
    #: writes the same document as an .xlsx workbook (db, options, path, public) -> facts, for a kind that
    #: offers one (``spotcheck``); :func:`~civicdesk.services.printing.print_document` picks it by the suffix
    spreadsheet: Callable[[Database, Any, Path, bool], dict[str, Any]] | None = None
    #: the suffixes ``spreadsheet`` writes (the ledger's writer picks .xlsx or .csv by the suffix)
    spreadsheet_suffixes: tuple[str, ...] = (".xlsx",)


_KINDS: dict[str, DocumentKind] = {}


def kind_modules() -> list[str]:
    """The ``kind_*`` modules of this package (each registers one kind when imported)."""
    import pkgutil

    import civicdesk.services.printing as package

    return sorted(f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)
                  if m.name.startswith("kind_"))


def register_kind(kind: DocumentKind) -> DocumentKind:
    _KINDS[kind.name] = kind
    return kind


def kinds() -> list[DocumentKind]:
    for module in kind_modules():
        importlib.import_module(module)
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.name))


def get_kind(name: str) -> DocumentKind:
    available = {k.name: k for k in kinds()}
    if name not in available:
        raise InputError("print.unknown_kind", kind=name, kinds=", ".join(available))
    return available[name]
