"""Check characters and formats of the identifiers a register holds, as pure functions.

统一社会信用代码 (GB 32100-2015) with its embedded organization code (GB 11714), 居民身份证号码
(GB 11643-1999, ISO 7064 MOD 11-2), phone numbers and dates.  Each ``validate_*`` returns a list of
:class:`~civicdesk.errors.Issue`; an empty list means valid.  See docs/DOMAIN.md "Identifiers".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any, Callable

from civicdesk.errors import Issue
from civicdesk import clock

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"  # index = sum mod 11  ->  (12 - sum mod 11) mod 11, 10 as X

_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$", re.ASCII)
_SHORT_LOCAL = re.compile(r"^[2-9]\d{6,7}$", re.ASCII)  # a local number without area code (old ledgers)


def normalize_text(value: str) -> str:
    """Full-width to half-width (NFKC), trimmed; the form every identifier is checked and stored in."""
    return unicodedata.normalize("NFKC", value).strip()


_USCC_JUNK = re.compile(r"[\s\-]")


def normalize_uscc(value: str) -> str:
    """Upper case, half-width, with the spaces and hyphens of hand-typed ledgers removed."""
    return _USCC_JUNK.sub("", normalize_text(value)).upper()


#: each USCC character's value (its place in USCC_CHARSET), and the set of them
_USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARSET)}
_USCC_CHARS = frozenset(USCC_CHARSET)


def uscc_check_char(first17: str) -> str:
    """The 18th character of a USCC whose first 17 characters are given (all in ``USCC_CHARSET``)."""
    if len(first17) == 17 and _USCC_CHARS.issuperset(first17):
        value = _USCC_VALUE
        total = sum(value[c] * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    else:  # raises as it always did (a character outside the charset, or not 17 of them)
        total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def _org_code_value(char: str) -> int:
    # GB 11714 counts letters over the whole alphabet (A=10 … Z=35), unlike the USCC charset.
    return int(char) if char.isdigit() else ord(char) - ord("A") + 10


#: each ASCII digit's and capital's value in GB 11714 (what _org_code_value gives them)
_ORG_CODE_VALUE = {c: _org_code_value(c) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def org_code_check_char(first8: str) -> str:
    """The check character (9th) of a GB 11714 organization code."""
    value = _ORG_CODE_VALUE
    if len(first8) == 8 and value.keys() >= set(first8):
        total = sum(value[c] * w for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    else:  # anything else as it always was (other digits, lower case, a wrong length's error)
        total = sum(_org_code_value(c) * w for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def validate_uscc(value: str, field: str = "uscc") -> list[Issue]:
    """Errors for a wrong length, character or 18th check character; a warning for the embedded code."""
    code = normalize_uscc(value)
    if len(code) != 18:
        return [Issue(field, "uscc.length", {"length": len(code), "value": code})]
    if not _USCC_CHARS.issuperset(code):  # the usual code passes in one call; else the first bad character
        for position, char in enumerate(code, start=1):
            if char not in USCC_CHARSET:
                return [Issue(field, "uscc.charset", {"position": position, "char": char, "value": code})]
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return [Issue(field, "uscc.check", {"expected": expected, "actual": code[17], "value": code})]
    org_code = code[8:17]
    org_expected = org_code_check_char(org_code[:8])
    if org_code[8] != org_expected:
        return [Issue(field, "uscc.org_code_check", {"expected": org_expected, "value": code}, "warning")]
    return []


def make_uscc(kind: str, division: str, org_body: str) -> str:
    """A valid USCC for a civil-affairs registration: ``5`` + kind digit + 6-digit division + 8 characters.

    The organization code's check character and the USCC check character are computed.  Used by demo data
    and tests; ``org_body`` must use characters valid in both GB 11714 and the USCC charset.
    """
    org_code = org_body + org_code_check_char(org_body)
    first17 = "5" + kind + division + org_code
    return first17 + uscc_check_char(first17)


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def id_birth_date(value: str) -> date | None:
    try:
        return datetime.strptime(value[6:14], "%Y%m%d").date()
    except ValueError:
        return None


def validate_id_number(value: str, field: str = "id_number", today: date | None = None) -> list[Issue]:
    """Errors for length, characters, an impossible birth date, or the MOD 11-2 check character."""
    number = normalize_text(value).upper()
    if len(number) != 18:
        return [Issue(field, "id.length", {"length": len(number)})]
    if not (number[:17].isdigit() and number[:17].isascii() and (number[17].isdigit() or number[17] == "X")):
        return [Issue(field, "id.charset", {})]
    birth = id_birth_date(number)
    if birth is None or birth.year < 1880 or birth > (today or clock.today()):
        return [Issue(field, "id.birth_date", {"value": number[6:14]})]
    expected = id_check_char(number[:17])
    if number[17] != expected:
        return [Issue(field, "id.check", {"expected": expected, "actual": number[17]})]
    return []


def make_id_number(address: str, birth: date, sequence: int) -> str:
    """A valid ID number (demo data and tests): 6-digit address, birth date, 3-digit sequence, check."""
    first17 = f"{address}{birth:%Y%m%d}{sequence:03d}"
    return first17 + id_check_char(first17)


def validate_phone(value: str, field: str = "phone") -> list[Issue]:
    """A mobile number (11 digits, 1[3-9]…) or a landline, with or without area code and extension."""
    phone = re.sub(r"[\s()（）]", "", normalize_text(value))
    phone = re.sub(r"^\+?86-?(?=1)", "", phone)
    if _MOBILE.match(phone) or _LANDLINE.match(phone) or _SHORT_LOCAL.match(phone):
        return []
    return [Issue(field, "phone.invalid", {"value": value})]


def parse_date(value: object) -> date | None:
    """A date from ``date``, ``datetime`` or text (2021-08-20, 2021/8/20, 2021.8.20, 2021年8月20日).

    Returns ``None`` when the text is no date; empty input is the caller's business.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = normalize_text(value)
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if not m:
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def validate_date(
    value: object, field: str, label: str, *, today: date | None = None, allow_future: bool = False
) -> tuple[date | None, list[Issue]]:
    """The parsed date and the issues with it (format, before 1949, in the future)."""
    parsed = parse_date(value)
    if parsed is None:
        return None, [Issue(field, "date.format", {"label": label, "value": value})]
    if parsed.year < 1949:
        return parsed, [Issue(field, "date.too_early", {"label": label, "value": parsed.isoformat()})]
    if not allow_future and parsed > (today or clock.today()):
        return parsed, [Issue(field, "date.future", {"label": label, "value": parsed.isoformat()})]
    return parsed, []


def mask_id_number(value: str | None) -> str | None:
    """``5111**********123X``: the first four and last four characters of an ID number, the rest hidden."""
    if not value:
        return value
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str | None) -> str | None:
    """``138****5678``: the middle digits of a phone number hidden."""
    if not value:
        return value
    digits = value.strip()
    if len(digits) <= 7:
        return digits[:2] + "*" * (len(digits) - 2)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def format_cn_date(value: date | None) -> str:
    """2021年8月20日: the official form, without zero padding."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


# -- text fields: what every entry path (form, org add, filings, ledger, sync) refuses -----------------------
#: Fields whose text may run over several lines (a tab or a line break is allowed there, nowhere else).
MULTILINE_FIELDS = frozenset({"purpose", "business_scope", "notes", "comment", "reason", "address"})
#: Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they reorder what a reader
#: sees (an "evil" name reads differently on screen than it sorts, searches and prints), never part of a name.
#: The plain direction marks (U+200E/F), which text copied from web pages carries harmlessly, are not among them.
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _forbidden_char(char: str, multiline: bool) -> bool:
    """The rule for one character, as the Unicode tables say it (the patterns below are this, compiled)."""
    if char in BIDI_CONTROLS or char in ("\u2028", "\u2029"):
        return True
    if multiline and char in ("\t", "\n", "\r"):
        return False
    return unicodedata.category(char) == "Cc"  # C0 (U+0000-001F), DEL and C1 (U+0080-009F)


# _forbidden_char as one regular expression per mode: a sync import checks every text field of every arriving
# row (about 50 fields x 100,000 rows), and a Python call per character made that the import's largest cost.
# Cc is exactly U+0000-001F and U+007F-009F (a test compares both over every code point).
_FORBIDDEN = {
    False: re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"),
    True: re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"),
}


def bad_character(text: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """The first control or bidi-override character of ``text`` (1-based position and ``U+001B``), or None."""
    found = _FORBIDDEN[multiline].search(text)
    if found is None:
        return None
    return found.start() + 1, f"U+{ord(found.group()):04X}"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` (as typed, before trimming) as a formula (OWASP "CSV
    injection"): it begins, after leading spaces, tabs and line breaks, with ``=`` or ``@``, or with ``+``/``-``
    followed by more (a lone ``-`` is how clerks write "none").  Full-width ``＝`` counts: NFKC makes it ``=``."""
    stripped = unicodedata.normalize("NFKC", text).lstrip(" \t\r\n\u3000")
    if not stripped:
        return False
    return stripped[0] in "=@" or (stripped[0] in "+-" and len(stripped.strip()) > 1)


#: A text that :func:`check_text` has nothing to say about in any mode, told by one regular expression: no
#: control, line-break or bidi character at all, and a first character that no normalization turns into a
#: formula's ``= + - @`` or a space (an ASCII letter or digit, a common CJK ideograph).  Nearly every value of
#: a ledger or a sync package is such a text (tests/sync/test_sync_text_check.py holds the shortcut to the rules
#: over every code point).
PLAIN_TEXT = re.compile("[0-9A-Za-z\u4e00-\u9fff][^\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]*")


def check_text(value: object, field: str, label: str | None = None, *, multiline: bool | None = None,
               formula: bool | None = None) -> list[Issue]:
    """Errors for one text value as typed (before trimming): a C0/C1 control character (tab and line breaks
    only where ``multiline``), a bidi override or isolate, and (``formula``) a leading = + - @.

    ``multiline`` defaults to whether ``field`` (its last part, ``people[0].name`` -> ``name``) is one of
    :data:`MULTILINE_FIELDS`; ``formula`` defaults to every field but phone numbers (``+86 …``).
    Not text: no issue (type checks are the caller's)."""
    if type(value) is str and PLAIN_TEXT.fullmatch(value) is not None:
        return []  # the usual value (see PLAIN_TEXT)
    return check_text_rules(value, field, label, multiline=multiline, formula=formula)


def check_text_rules(value: object, field: str, label: str | None = None, *, multiline: bool | None = None,
                     formula: bool | None = None) -> list[Issue]:
    """:func:`check_text` without its shortcut: every rule asked (the reference the shortcut is tested against)."""
    if not isinstance(value, str) or not value:
        return []
    leaf = field.rsplit(".", 1)[-1].split("[", 1)[0]
    if multiline is None:
        multiline = leaf in MULTILINE_FIELDS
    if formula is None:  # a multi-line text is a cell like any other once exported; a phone may begin with +
        formula = "phone" not in leaf
    shown = label or field
    bad = bad_character(value, multiline=multiline)
    if bad is not None:
        return [Issue(field, "text.control", {"label": shown, "char": bad[1], "position": bad[0]})]
    if formula and looks_like_formula(value) and not (multiline and value.lstrip()[:1] in "+-"):  # a "- 第一条" list
        return [Issue(field, "text.formula", {"label": shown,
                                              "prefix": unicodedata.normalize("NFKC", value).strip()[:1]})]
    return []


def check_text_fields(data: object, prefix: str = "", label: Callable[[str], str] | None = None) -> list[Issue]:
    """:func:`check_text` on every text value in ``data`` (a row, a record with its people, nested lists), each
    named by its path (``people[0].name``).  The one check a ledger row or a sync row is put through, as
    ``org add`` and filings are; ``label(path)`` gives the words for a field (default: the path)."""
    issues: list[Issue] = []
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            issues.extend(check_text_fields(value, path, label))
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            issues.extend(check_text_fields(value, f"{prefix}[{index}]", label))
    elif isinstance(data, str):
        issues.extend(check_text(data, prefix, label(prefix) if label else None))
    return issues


# -- personal data in what is shown -----------------------------------------------------------------------------
#: Keys whose values are personal ID numbers or personal phone numbers wherever they appear in stored JSON.
ID_KEYS = frozenset({"id_number", "legal_rep_id_number"})
PHONE_KEYS = frozenset({"phone", "legal_rep_phone"})


def mask_personal(data: Any) -> Any:
    """A copy of ``data`` (dicts, lists, scalars) with every ID number and personal phone masked by key
    (:data:`ID_KEYS`, :data:`PHONE_KEYS`); what a filing, a sync conflict or a row shows to a user without
    the ``reveal_ids`` right."""
    if isinstance(data, dict):
        out: dict[Any, Any] = {}
        for key, value in data.items():
            if key in ID_KEYS and isinstance(value, str):
                out[key] = mask_id_number(value)
            elif key in PHONE_KEYS and isinstance(value, str):
                out[key] = mask_phone(value)
            else:
                out[key] = mask_personal(value)
        return out
    if isinstance(data, list):
        return [mask_personal(v) for v in data]
    return data
