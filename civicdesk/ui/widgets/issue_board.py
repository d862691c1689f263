"""Where each validation issue of a record goes on a form, in plain Python (no widgets, testable alone).

A form gives :func:`present` the issues from a service, a function naming the row key of an issue's field
(``None`` when the form has no visible row for it), and a function saying whether a row's missing value may
be shown as an error yet.  A required value the clerk has not reached yet is only *marked* (a calm ``*`` on
the label, counted as pending) instead of a wall of red on an empty form; once the clerk has left the row or
asked to save, it is shown in words like any other error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from civicdesk.errors import Issue

#: Issue codes that mean "this value is missing", shown calmly until the row is revealed.
MISSING_CODES = frozenset({"field.required", "org.foundation_type", "sponsor.required"})


def is_missing(issue: Issue) -> bool:
    if issue.code in MISSING_CODES:
        return True
    return issue.code == "person.legal_rep_count" and issue.params.get("count") == 0


@dataclass
class Presentation:
    """What a form shows: messages per row, rows marked as still required, messages with no row, counts."""

    by_key: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> [(severity, text)]
    marked: set[str] = field(default_factory=set)
    general: list[tuple[str, str]] = field(default_factory=list)
    errors: int = 0  # errors shown in words
    warnings: int = 0
    pending: int = 0  # required values not given yet, only marked
    blocking: bool = False  # any error at all: saving is not possible

    def first_key(self, order: Iterable[str]) -> str | None:
        """The first row (in the form's order) with an error or a pending required value."""
        wanted = set(self.marked) | {k for k, items in self.by_key.items() if any(s == "error" for s, _ in items)}
        return next((k for k in order if k in wanted), None)


def present(
    issues: Iterable[Issue],
    *,
    key_of: Callable[[str], str | None],
    revealed: Callable[[str], bool],
    lang: str = "zh",
) -> Presentation:
    """Sort ``issues`` onto rows.

    A row gets one "missing" message at most, and none when it has another error: those are consequences (a
    date that cannot be read is also missing; a registry derived from an empty township is missing too) and
    would only repeat what the row already says.
    """
    issues = list(issues)
    out = Presentation()
    wrong_rows = {key for i in issues if i.severity == "error" and not is_missing(i) and (key := key_of(i.field))}
    missing_rows: set[str] = set(wrong_rows)
    seen: set[tuple[str | None, str]] = set()
    for issue in issues:
        error = issue.severity == "error"
        out.blocking = out.blocking or error
        key = key_of(issue.field)
        text = issue.message(lang)
        if (key, text) in seen:
            continue
        seen.add((key, text))
        if key is not None and error and is_missing(issue):
            if key in missing_rows:  # already said, or said better by another error on the row
                continue
            missing_rows.add(key)
            if not revealed(key):
                out.marked.add(key)
                out.pending += 1
                continue
        severity = "error" if error else "warning"
        if error:
            out.errors += 1
        else:
            out.warnings += 1
        if key is None:
            out.general.append((severity, text))
        else:
            out.by_key.setdefault(key, []).append((severity, text))
    return out
