"""Printing: registers, organization sheets, the statistics, filings and supervision reports, and the public
disclosure lists (credit lists, penalties) as PDFs with their fonts embedded (and a kind's .xlsx or .csv where it
has one).

:func:`print_document` is the one entry point (CLI and GUI alike): it resolves the fonts, writes the
document under a temporary name and renames it into place, reporting progress and honouring cancel.
Document kinds live in :mod:`.documents`; fonts in :mod:`.fonts`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from civicdesk.services.admin.auth import UserInfo, require
from civicdesk.services.core.database import Database
from civicdesk.services.printing.documents import DocumentKind, PrintJob, get_kind, kinds
from civicdesk.services.printing.fonts import FontSet, resolve_fonts
from civicdesk.services.printing.layout import DocInfo
from civicdesk.services.printing.output import CancelFn, PrintCancelled, Progress, ProgressFn, write_atomic
from civicdesk import clock

__all__ = ["DocumentKind", "PrintCancelled", "PrintResult", "get_kind", "kinds", "print_document", "resolve_fonts"]

log = logging.getLogger(__name__)

#: Environment variable naming a preferred font file (``path`` or ``path#index``) for the CLI.
FONT_ENV = "CIVICDESK_PRINT_FONT"


@dataclass(frozen=True)
class PrintResult:
    kind: str
    path: Path
    title: str
    pages: int
    public: bool
    fonts: tuple[str, ...]
    substitutions: tuple[str, ...]
    facts: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": str(self.path), "title": self.title, "pages": self.pages,
                "public": self.public, "fonts": list(self.fonts), "substitutions": list(self.substitutions),
                **self.facts}


def print_document(db: Database, kind: str, options: Any, target: str | os.PathLike[str], *,
                   public: bool = False, reveal_ids: bool = False, by: UserInfo | None = None,
                   font: str | dict[str, str] | None = None, fonts: FontSet | None = None,
                   printed_on: date | None = None, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None) -> PrintResult:
    """Print document ``kind`` with ``options`` to ``target`` (a .pdf path, or .xlsx (.csv) for a kind that has a
    ``spreadsheet``, e.g. ``spotcheck``, ``credit-list``), atomically.

    ``public`` masks ID and phone numbers and leaves out internal notes; the internal version masks ID
    numbers too unless ``reveal_ids``.  ``by`` is who prints: checked here (``print``, and ``reveal_ids`` for
    full ID numbers) and named in the audit trail.  ``progress(done, total)`` may raise to cancel;
    ``cancelled()`` returning true cancels too: either way no file is left behind.
    """
    document = get_kind(kind)
    reveal = reveal_ids and not public
    actor = _permitted(db, by, kind, reveal)
    if document.spreadsheet is not None and Path(target).suffix.lower() != ".pdf":
        return _spreadsheet(db, document, options, Path(target), public=public, actor=actor)
    fontset = fonts or resolve_fonts(font or os.environ.get(FONT_ENV) or None)
    office = db.office()
    today = printed_on or clock.today()
    title = document.title(db, options)
    info = DocInfo(title=title, office_name=office.name, printed_on=today, public=public,
                   author=by.username if by is not None else None)
    tracker = Progress(progress, cancelled, total=1)

    def write(temp: Path) -> dict[str, Any]:
        tracker(0, force=True)
        job = PrintJob(db=db, path=temp, fonts=fontset, public=public, reveal_ids=reveal, printed_on=today,
                       progress=tracker, actor=actor)
        return document.write(job, options, info)

    facts = write_atomic(Path(target), write)
    log.info("printed %s %r to %s (%s pages) by %s", kind, title, target, facts.get("pages"), actor or "-")
    from civicdesk.services.admin import audit

    audit.record_event(db, f"print.{kind}", actor=actor, title=title, file=Path(target).name,
                       pages=int(facts.get("pages", 0)), public=public, reveal_ids=reveal)
    used = tuple(dict.fromkeys(fontset.role(r).label() for r in ("title", "body", "heading", "kai")))
    return PrintResult(kind=kind, path=Path(target), title=title, pages=int(facts.get("pages", 0)), public=public,
                       fonts=used, substitutions=fontset.substitutions, facts=facts)


def _permitted(db: Database, by: UserInfo | None, kind: str, reveal: bool) -> str:
    """``require`` of ``print`` (and ``reveal_ids``); a refusal is written to the audit trail before it is
    raised, as the supervision services' refusals are."""
    from civicdesk.errors import CivicDeskError

    try:
        actor = require(db, by, "print")
        if reveal:
            require(db, by, "reveal_ids")
        return actor
    except CivicDeskError as exc:
        from civicdesk.services.admin import audit

        audit.record_event(db, "print.refused", actor=by.username if by is not None else None, kind=kind,
                           attempted="reveal_ids" if reveal else "print", error=exc.code, message=exc.message("zh"))
        raise


def _spreadsheet(db: Database, document: DocumentKind, options: Any, target: Path, *, public: bool,
                 actor: str) -> PrintResult:
    """A kind's .xlsx (or .csv, for a kind that writes one; the kind writes it whole or not at all), audited like
    a print."""
    from civicdesk.errors import InputError

    if target.suffix.lower() not in document.spreadsheet_suffixes:
        code = "print.output_not_pdf_xlsx_csv" if ".csv" in document.spreadsheet_suffixes else \
            "print.output_not_pdf_or_xlsx"
        raise InputError(code, path=str(target))
    if not target.expanduser().parent.is_dir():
        raise InputError("print.output_folder", path=str(target.expanduser().parent))
    title = document.title(db, options)
    assert document.spreadsheet is not None
    facts = document.spreadsheet(db, options, target.expanduser(), public)
    log.info("wrote %s %r to %s by %s", document.name, title, target, actor or "-")
    from civicdesk.services.admin import audit

    audit.record_event(db, f"print.{document.name}", actor=actor, title=title, file=target.name, pages=0,
                       public=public, reveal_ids=False)
    return PrintResult(kind=document.name, path=target, title=title, pages=0, public=public, fonts=(),
                       substitutions=(), facts=facts)
