"""The ``register`` document kind: the register of organizations (see :mod:`.register`)."""

from __future__ import annotations

from typing import Any

from civicdesk.services.core.database import Database
from civicdesk.services.printing import register as reg
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.layout import DocInfo


def _title(db: Database, options: reg.RegisterOptions) -> str:
    return options.title or reg.scope_title(db, options)


def _write(job: PrintJob, options: reg.RegisterOptions, info: DocInfo) -> dict[str, Any]:
    job.progress.total = max(reg.count_rows(job.db, options), 1)
    return reg.write_register(job.db, job.path, options, job.fonts, info, job.progress)


KIND = register_kind(DocumentKind(
    name="register", label="社会组织名录", title=_title, size=reg.count_rows, write=_write, order=10,
))
