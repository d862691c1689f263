"""What a cell may hold, coming in from a ledger and going out to a spreadsheet.

Coming in: text with control characters (BEL, ESC, NUL …) or bidirectional overrides (U+202E …) is refused,
because it corrupts terminals and makes every later .xlsx export fail (XML cannot hold it); text that a
spreadsheet would run as a formula (``=cmd|' /C calc'!A0``, ``@SUM(…)``, ``+1+1协会``) is refused, because
exported again it would run on the next clerk's machine.  (This module is the ledger's own check; the register's
shared text check, when there is one, refuses the same characters on every other entry path.)

Going out: OWASP's CSV-injection guidance: a text cell that begins with ``=``, ``+``, ``-``, ``@``, TAB or CR is
prefixed with a single quote, and every CSV field is quoted (embedded quotes doubled) so that separators and
quotes inside a value stay inside it; characters that XML cannot hold are dropped, so that a bad character
already stored never stops an export.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: C0 controls except TAB, LF, CR (which multi-line text fields keep), DEL, and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: In one-line fields TAB, LF and CR are refused too.
_CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
#: Bidirectional embeddings, overrides and isolates (Trojan Source).  The plain direction marks (U+200E/F), which
#: text copied from web pages carries harmlessly, are not among them.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: What an exported cell drops: the controls above (XML 1.0 cannot hold most of them: openpyxl raises
#: IllegalCharacterError), non-characters and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
#: The first characters that make Excel, WPS and LibreOffice read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Fields whose text may run over several lines (a TAB, LF or CR is allowed inside them).
MULTILINE_FIELDS = frozenset({"purpose", "business_scope", "notes", "address"})


def bad_character(text: str, *, multiline: bool = False) -> str | None:
    """The first control or bidi-override character of ``text`` as ``U+001B``, or None when there is none."""
    pattern = _CONTROL if multiline else _CONTROL_LINE
    m = pattern.search(text) or _BIDI.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` (as typed, before trimming) as a formula: it begins, after
    leading spaces, tabs and line breaks, with ``=``, ``@``, or with ``+``/``-`` followed by more (a lone ``-`` is
    how clerks write "none").  Full-width ``＝`` counts: NFKC makes it ``=``."""
    stripped = unicodedata.normalize("NFKC", text).lstrip(" \t\r\n\u3000")
    if not stripped:
        return False
    first = stripped[0]
    if first in "=@":
        return True
    return first in "+-" and len(stripped.strip()) > 1


def unquote_csv(text: str) -> str:
    """The inverse of :func:`neutralize` for a CSV cell: ``'=1+1协会`` -> ``=1+1协会`` (then judged as a formula),
    so that what this program exported reads back as it was."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START:
        return text[1:]
    return text


def xml_safe(text: str) -> str:
    """``text`` without the characters an .xlsx cannot hold, and without direction overrides."""
    return _BIDI.sub("", _NOT_XML.sub("", text))


def neutralize(value: Any) -> Any:
    """A text value made safe to open in a spreadsheet: unsafe characters dropped, a formula start quoted."""
    if not isinstance(value, str):
        return value
    value = xml_safe(value)
    if value[:1] in FORMULA_START:
        return "'" + value
    return value
