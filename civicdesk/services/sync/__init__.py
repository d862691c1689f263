"""Sync by file between offices (docs/SYNC.md): keys and trust, packages, export, import, conflicts.

Public entry points: :func:`ensure_keys` (called at ``init``), and the units of work in :mod:`.outgoing`
(export, resend), :mod:`.incoming` (import_files), :mod:`.status` and :mod:`.conflicts` (list_conflicts,
resolve_conflict); README.md says what each module owns.
"""

from civicdesk.services.sync.keys import ensure_keys

__all__ = ["ensure_keys"]
