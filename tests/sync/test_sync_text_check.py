"""The sync import's shortcut past ``check_text`` (trust.plain_text) never passes a value ``check_text``
would refuse: the code points (the basic plane whole) as a value's first character and as a later one, in the
three modes a field can have (one line, several lines, a phone).  ``check_text``'s own shortcut
(validation.PLAIN_TEXT, the same expression) is held to its rules (``check_text_rules``) the same way."""

from __future__ import annotations

import unicodedata

from civicdesk.services.core.validation import PLAIN_TEXT, check_text, check_text_rules
from civicdesk.services.sync.trust import plain_text

FIELDS = ("name", "address", "legal_rep_phone")  # one line; several lines; a phone (no formula rule)
#: every code point of the basic plane, and every 97th beyond it (the rules name no character beyond it)
CODE_POINTS = [chr(c) for c in (*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 97))]


def _clean(value: str) -> bool:
    return all(check_text_rules(value, field) == [] for field in FIELDS)


def test_check_text_shortcut_is_the_sync_shortcut() -> None:
    from civicdesk.services.sync.trust import _PLAIN

    assert PLAIN_TEXT.pattern == _PLAIN  # so the tests below hold check_text's shortcut too
    for value in ("=1+1", "协会\x1b", "沙湾区书法协会", "+86 138", "\u202e名称", "- 第一条\n- 第二条", ""):
        for field in (*FIELDS, "purpose"):
            assert check_text(value, field) == check_text_rules(value, field)


def test_no_first_character_passes_that_check_text_refuses() -> None:
    passed = [c for c in CODE_POINTS if plain_text(c + "会")]
    assert len(passed) > 20000 and all(_clean(c + "会") and _clean(c) for c in passed)
    # what it leaves to check_text includes the first characters check_text can refuse
    for text in ("=1+1", "＝SUM(A1)", "+86", "-x", "@cmd", " =1", "\u3000=1", "\t=1", "\u202e名称", "\ufe62x"):
        assert not plain_text(text)


def test_no_later_character_passes_that_check_text_refuses() -> None:
    passed = [c for c in CODE_POINTS if plain_text("协会" + c)]
    assert len(passed) > 60_000 and _clean("协会" + "".join(passed))
    for c in (0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069):
        assert not plain_text("协会" + chr(c))
    # a mark after the first character cannot make it a formula's sign or a space (normalization composes)
    marks = "".join(c for c in passed if unicodedata.category(c).startswith("M"))
    assert all(_clean(first + mark) for first in "aZ9协" for mark in marks)


def test_values_that_are_not_text_or_empty_go_to_check_text() -> None:
    assert not plain_text("") and not plain_text(None) and not plain_text(12)


def test_a_row_with_one_value_to_refuse_among_plain_ones_is_asked_about_it() -> None:
    from civicdesk.services.sync.trust import _text_issues

    plain = {"name": "乐山市沙湾区书法协会", "address": "四川省乐山市沙湾区沫若大道1号",
             "contact_phone": "0833-1234567", "member_count": 12, "notes": None}
    assert _text_issues(plain, set(plain)) == []
    for name, bad in (("name", "=HYPERLINK(1)"), ("address", "沙湾\u202e区"), ("contact_phone", "0833\x1b1"),
                      ("name", "")):
        row = dict(plain, **{name: bad})
        expected = [i for n in sorted(row) for i in check_text(row[n], n)]
        assert _text_issues(row, set(row)) == expected and (expected or bad == "")
        assert _text_issues(row, set(row) - {name}) == []  # a field the package does not change is not asked
