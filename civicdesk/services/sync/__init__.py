"""Sync by file between offices (docs/SYNC.md): keys and trust, packages, export, import, conflicts.

Public entry points: :func:`ensure_keys` (called at ``init``), and the units of work in
:mod:`civicdesk.services.sync.service` (export, resend, import_files, status, list_conflicts, resolve_conflict).
"""

from civicdesk.services.sync.keys import ensure_keys

__all__ = ["ensure_keys"]
