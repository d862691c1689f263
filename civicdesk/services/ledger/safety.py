"""What a cell may hold, coming in from a ledger and going out to a spreadsheet.

Coming in: text with control characters (BEL, ESC, NUL …) or bidirectional overrides (U+202E …) is refused,
because it corrupts terminals and makes every later .xlsx export fail (XML cannot hold it); text that a
spreadsheet would run as a formula (``=cmd|' /C calc'!A0``, ``@SUM(…)``, ``+1+1协会``) is refused, because
exported again it would run on the next clerk's machine.  (The predicates are the register's own, from
:mod:`civicdesk.services.core.validation`, so every entry path refuses the same characters.)

Going out: OWASP's CSV-injection guidance: a text cell that begins with ``=``, ``+``, ``-``, ``@``, TAB or CR is
prefixed with a single quote, and every CSV field is quoted (embedded quotes doubled) so that separators and
quotes inside a value stay inside it; characters that XML cannot hold are dropped, so that a bad character
already stored never stops an export.
"""

from __future__ import annotations

import re
from typing import Any

from civicdesk.services.core.validation import BIDI_CONTROLS, MULTILINE_FIELDS, bad_character, looks_like_formula

__all__ = ["MULTILINE_FIELDS", "bad_character", "looks_like_formula", "neutralize", "unquote_csv", "xml_safe"]

_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
#: What an exported cell drops: the controls above (XML 1.0 cannot hold most of them: openpyxl raises
#: IllegalCharacterError), non-characters and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
#: The first characters that make Excel, WPS and LibreOffice read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
