"""The credit code's checks by table lookups (issue 20: validate_org runs them for every row of a ledger or a
sync package) give what the plain definitions give, on valid, mistyped and foreign codes."""

from __future__ import annotations

import random
import re

import pytest

from civicdesk.errors import Issue
from civicdesk.services.core import validation as v
from civicdesk.services.core.validation import USCC_CHARSET, USCC_WEIGHTS, ORG_CODE_WEIGHTS


def ref_uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def ref_org_code_check_char(first8: str) -> str:
    total = sum((int(c) if c.isdigit() else ord(c) - ord("A") + 10) * w
                for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def ref_validate_uscc(value: str, field: str = "uscc") -> list[Issue]:
    code = re.sub(r"[\s\-]", "", v.normalize_text(value)).upper()
    if len(code) != 18:
        return [Issue(field, "uscc.length", {"length": len(code), "value": code})]
    for position, char in enumerate(code, start=1):
        if char not in USCC_CHARSET:
            return [Issue(field, "uscc.charset", {"position": position, "char": char, "value": code})]
    expected = ref_uscc_check_char(code[:17])
    if code[17] != expected:
        return [Issue(field, "uscc.check", {"expected": expected, "actual": code[17], "value": code})]
    org_expected = ref_org_code_check_char(code[8:16])
    if code[16] != org_expected:
        return [Issue(field, "uscc.org_code_check", {"expected": org_expected, "value": code}, "warning")]
    return []


def test_check_characters_and_validate_uscc_as_defined() -> None:
    rng = random.Random(20)
    extra = "IOSVZio-— ＡＢ１٣x\t"  # letters outside the charset, separators, full-width, other digits
    codes = []
    for _ in range(3000):
        body = "".join(rng.choice(USCC_CHARSET) for _ in range(16))
        org = body[8:16]
        first17 = body + ref_org_code_check_char(org) if rng.random() < 0.7 else body + rng.choice(USCC_CHARSET)
        code = first17 + ref_uscc_check_char(first17)
        for _ in range(rng.randrange(0, 3)):  # a typist's slip
            i = rng.randrange(len(code))
            code = code[:i] + rng.choice(USCC_CHARSET + extra) + code[i + 1:]
        codes.append(code)
        assert v.uscc_check_char(first17) == ref_uscc_check_char(first17)
        assert v.org_code_check_char(org) == ref_org_code_check_char(org)
    codes += ["", "5", "91510100MA6C5X1Q8B ", " 9151-0100 ma6c5x1q8b", "٣" * 18, "I" * 18]
    for code in codes:
        assert v.validate_uscc(code) == ref_validate_uscc(code), code
        assert v.normalize_uscc(code) == re.sub(r"[\s\-]", "", v.normalize_text(code)).upper()


@pytest.mark.parametrize("text", ["ABCDEFGHIJKLMNOPI", "0123", "٣" * 17, "abcdefghijklmnopq"])
def test_uscc_check_char_fails_on_what_it_always_failed_on(text: str) -> None:
    with pytest.raises(ValueError):
        ref_uscc_check_char(text)
    with pytest.raises(ValueError):
        v.uscc_check_char(text)


@pytest.mark.parametrize("text", ["٣٣٣٣٣٣٣٣", "abcdefgh", "12345678", "ABCDEFGH"])
def test_org_code_check_char_on_odd_input_as_defined(text: str) -> None:
    assert v.org_code_check_char(text) == ref_org_code_check_char(text)
