"""``bad_character`` by compiled patterns: exactly the per-character rule, over every code point.

The sync import checks every text field of every arriving row; the per-character Python loop was its largest
cost (bench/bench_sync.py).  The patterns must still say what the rule says: a C0/C1 control (tab and line
breaks allowed where multi-line), a line/paragraph separator, a bidi embedding, override or isolate.
"""

from __future__ import annotations

import pytest

from civicdesk.services.core import validation

#: every code point but the surrogates (which a str from UTF-8 text never holds alone)
ALL = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))


@pytest.mark.parametrize("multiline", [False, True])
def test_patterns_forbid_exactly_what_the_rule_forbids(multiline: bool) -> None:
    by_pattern = {m.group() for m in validation._FORBIDDEN[multiline].finditer(ALL)}
    by_rule = {c for c in ALL if validation._forbidden_char(c, multiline)}
    assert by_pattern == by_rule
    assert len(by_rule) == (65 if not multiline else 62) + 2 + 9  # Cc (less tab, LF, CR), U+2028/9, 9 bidi


@pytest.mark.parametrize(("text", "multiline", "expected"), [
    ("测试协会", False, None),
    ("测试\x1b协会", False, (3, "U+001B")),
    ("\x00", False, (1, "U+0000")),
    ("第一条\n第二条\t（续）\r\n", True, None),
    ("第一条\n第二条", False, (4, "U+000A")),
    ("理由\u202e", True, (3, "U+202E")),
    ("甲\u2066乙\x85", False, (2, "U+2066")),
    ("名\u200e称", False, None),  # a plain direction mark is harmless
])
def test_first_bad_character_and_its_position(text: str, multiline: bool, expected: tuple[int, str] | None) -> None:
    assert validation.bad_character(text, multiline=multiline) == expected
