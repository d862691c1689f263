"""Tests of civicdesk.services.core.validation: check characters, formats, masking and the messages of its issues.

The check-character algorithms are compared with small reference implementations written here from the
rules in docs/DOMAIN.md ("Identifiers"), not with the module's own tables.
"""

from __future__ import annotations

import inspect
import re
import string
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicdesk.errors import LABEL_PARAMS, LABELS_EN, MESSAGES, Issue, render
from civicdesk.services.core import validation
from civicdesk.services.core.validation import (
    check_text,
    check_text_fields,
    format_cn_date,
    mask_personal,
    id_birth_date,
    id_check_char,
    make_id_number,
    make_uscc,
    mask_id_number,
    mask_phone,
    normalize_uscc,
    org_code_check_char,
    parse_date,
    uscc_check_char,
    validate_date,
    validate_id_number,
    validate_phone,
    validate_uscc,
)

FAST = settings(max_examples=200, deadline=None)

# --------------------------------------------------------------------------------------------------------------
# Reference implementations (independent of the module's constants)
# --------------------------------------------------------------------------------------------------------------

REF_USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: digits and letters without I O S V Z


def ref_uscc_check(first17: str) -> str:
    """GB 32100: weights 3^(i-1) mod 31, check = 31 - (sum mod 31), 31 -> 0."""
    total = sum(REF_USCC_CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    check = 31 - total % 31
    return REF_USCC_CHARSET[0 if check == 31 else check]


def ref_org_sum(first8: str) -> int:
    """GB 11714 weighted sum: letters A=10 … Z=35 over the whole alphabet, weights 2^(9-i) mod 11."""
    values = [int(c) if c.isdigit() else string.ascii_uppercase.index(c) + 10 for c in first8]
    weights = [pow(2, 8 - i, 11) for i in range(8)]  # 3 7 9 10 5 8 4 2
    return sum(v * w for v, w in zip(values, weights, strict=True))


def ref_org_check(first8: str) -> str:
    check = 11 - ref_org_sum(first8) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def ref_id_check(first17: str) -> str:
    """ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 -> X."""
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(first17))
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def codes(issues: list[Issue]) -> list[str]:
    return [i.code for i in issues]


uscc_chars = st.sampled_from(REF_USCC_CHARSET)
digits = st.sampled_from(string.digits)


def test_reference_weights_match_the_published_tables() -> None:
    """The derived weights are the ones DOMAIN.md lists, and the module uses the same."""
    assert [pow(3, i, 31) for i in range(17)] == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    assert [pow(2, 8 - i, 11) for i in range(8)] == [3, 7, 9, 10, 5, 8, 4, 2]
    assert [pow(2, 17 - i, 11) for i in range(17)] == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    assert list(validation.USCC_WEIGHTS) == [pow(3, i, 31) for i in range(17)]
    assert validation.USCC_CHARSET == REF_USCC_CHARSET
    assert not set("IOSVZ") & set(validation.USCC_CHARSET)


# --------------------------------------------------------------------------------------------------------------
# 统一社会信用代码 (USCC)
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["91310110666007217T", "51511102MJ00000189"])
def test_valid_uscc_examples(code: str) -> None:
    """The two examples of DOMAIN.md are valid, with no warning either."""
    assert validate_uscc(code) == []
    assert ref_uscc_check(code[:17]) == code[17]
    assert ref_org_check(code[8:16]) == code[16]


@pytest.mark.parametrize("code", ["", "5151110", "51511102MJ0000018", "51511102MJ000001899"])
def test_uscc_wrong_length(code: str) -> None:
    """Anything but 18 characters is a length error that reports the length found."""
    issues = validate_uscc(code, field="credit")
    assert codes(issues) == ["uscc.length"]
    assert issues[0].field == "credit"
    assert issues[0].severity == "error"
    assert issues[0].params["length"] == len(code)


@pytest.mark.parametrize("forbidden", list("IOSVZ"))
@pytest.mark.parametrize("position", [1, 10, 18])
def test_uscc_forbidden_character_names_its_position(forbidden: str, position: int) -> None:
    """I, O, S, V and Z are not in the GB 32100 character set; the error names position and character."""
    valid = "51511102MJ00000189"
    code = valid[: position - 1] + forbidden + valid[position:]
    issues = validate_uscc(code)
    assert codes(issues) == ["uscc.charset"]
    assert issues[0].params["position"] == position
    assert issues[0].params["char"] == forbidden
    assert str(position) in issues[0].message("en") and forbidden in issues[0].message("zh")


def test_uscc_lower_case_forbidden_letter_is_reported_upper_case() -> None:
    """A lower-case 'o' is upper-cased first and then reported as 'O' at its position."""
    issues = validate_uscc("51511102Mo00000189")
    assert codes(issues) == ["uscc.charset"]
    assert issues[0].params == {"position": 10, "char": "O", "value": "51511102MO00000189"}


def test_uscc_first_bad_character_is_reported() -> None:
    """With several bad characters the first one is named."""
    issues = validate_uscc("5151110IMJ0000018Z")
    assert issues[0].params["position"] == 8


def test_uscc_wrong_check_character_names_expected() -> None:
    """`51511102MJ00000188` has a wrong 18th character; '9' is expected."""
    issues = validate_uscc("51511102MJ00000188")
    assert codes(issues) == ["uscc.check"]
    assert issues[0].severity == "error"
    assert issues[0].params["expected"] == "9"
    assert issues[0].params["actual"] == "8"
    assert "'9'" in issues[0].message("en")
    assert "“9”" in issues[0].message("zh")


def test_uscc_bad_embedded_org_code_is_only_a_warning() -> None:
    """Right 18th character but wrong GB 11714 check (9th char of the embedded code): a warning only."""
    assert org_code_check_char("MJ000001") == "8"
    first17 = "51511102" + "MJ000001" + "7"  # embedded check should be 8
    code = first17 + ref_uscc_check(first17)
    issues = validate_uscc(code)
    assert len(issues) == 1
    assert issues[0].code == "uscc.org_code_check"
    assert issues[0].severity == "warning"
    assert issues[0].params["expected"] == "8"
    assert "'8'" in issues[0].message("en")


@pytest.mark.parametrize(
    "raw",
    [
        "51511102MJ00000189",
        " 51511102mj00000189 ",
        "5151-1102-MJ00-000189",
        "515111 02MJ 000001 89",
        "51511102mj0000018 9",
        "５１５１１１０２ＭＪ０００００１８９",  # full-width digits and letters
        "５１５１１１０２ｍｊ０００００１８９",  # full-width lower case
        "５１５１１１０２　ＭＪ００００－０１８９",  # ideographic space and full-width hyphen
    ],
)
def test_normalize_uscc(raw: str) -> None:
    """Spaces, hyphens, lower case and full-width forms all normalize to the canonical code, which validates."""
    assert normalize_uscc(raw) == "51511102MJ00000189"
    assert validate_uscc(raw) == []


@FAST
@given(st.text(alphabet=REF_USCC_CHARSET, min_size=17, max_size=17))
def test_uscc_check_char_matches_reference(first17: str) -> None:
    """uscc_check_char agrees with the reference GB 32100 formula on any 17 characters."""
    assert uscc_check_char(first17) == ref_uscc_check(first17)


@FAST
@given(
    kind=st.sampled_from("1239"),
    division=st.text(alphabet=string.digits, min_size=6, max_size=6),
    body=st.text(alphabet=REF_USCC_CHARSET, min_size=8, max_size=8),
)
def test_make_uscc_always_validates(kind: str, division: str, body: str) -> None:
    """make_uscc builds a code with both check characters right, laid out as 5 + kind + division + body."""
    code = make_uscc(kind, division, body)
    assert validate_uscc(code) == []
    assert len(code) == 18
    assert code[0] == "5" and code[1] == kind and code[2:8] == division and code[8:16] == body
    assert code[16] == ref_org_check(body)
    assert code[17] == ref_uscc_check(code[:17])


@pytest.mark.parametrize("valid", ["91310110666007217T", "51511102MJ00000189"])
def test_every_single_substitution_is_detected(valid: str) -> None:
    """Exhaustively: changing any one character to any other charset character is an error (GB 32100)."""
    checked = 0
    for index, original in enumerate(valid):
        for replacement in REF_USCC_CHARSET:
            if replacement == original:
                continue
            issues = validate_uscc(valid[:index] + replacement + valid[index + 1 :])
            assert codes(issues) == ["uscc.check"], (index, replacement)
            assert issues[0].severity == "error"
            checked += 1
    assert checked == 18 * 30


@FAST
@given(
    kind=st.sampled_from("1239"),
    division=st.text(alphabet=string.digits, min_size=6, max_size=6),
    body=st.text(alphabet=REF_USCC_CHARSET, min_size=8, max_size=8),
    index=st.integers(0, 17),
    shift=st.integers(1, 30),
)
def test_single_substitution_detected_on_generated_codes(
    kind: str, division: str, body: str, index: int, shift: int
) -> None:
    """On generated valid codes too, a single substitution always gives an error."""
    code = make_uscc(kind, division, body)
    new = REF_USCC_CHARSET[(REF_USCC_CHARSET.index(code[index]) + shift) % 31]
    issues = validate_uscc(code[:index] + new + code[index + 1 :])
    assert [i.severity for i in issues] == ["error"]


# --------------------------------------------------------------------------------------------------------------
# 组织机构代码 (GB 11714)
# --------------------------------------------------------------------------------------------------------------


def _first_body_with_remainder(remainder: int) -> str:
    for n in range(10**8):
        body = f"{n:08d}"
        if ref_org_sum(body) % 11 == remainder:
            return body
    raise AssertionError(f"no body with remainder {remainder}")


def test_org_code_check_ten_is_x() -> None:
    """check = 11 - (sum mod 11) = 10 (sum leaves 1) is written 'X'."""
    body = _first_body_with_remainder(1)
    assert org_code_check_char(body) == "X"


def test_org_code_check_eleven_is_zero() -> None:
    """check = 11 (sum leaves 0) is written '0'; 00000000 and the next such body both give '0'."""
    assert org_code_check_char("00000000") == "0"
    body = next(f"{n:08d}" for n in range(1, 10**8) if ref_org_sum(f"{n:08d}") % 11 == 0)
    assert org_code_check_char(body) == "0"


def test_org_code_letters_use_whole_alphabet() -> None:
    """Letters count A=10 … Z=35, not their USCC-charset index (Y is 34, not 30)."""
    assert org_code_check_char("MJ000001") == "8"  # 22*3 + 19*7 + 1*2 = 201, 201 mod 11 = 3, 11 - 3 = 8
    assert org_code_check_char("Y0000000") == "8"  # 34*3 = 102, mod 11 = 3
    assert org_code_check_char("A0000000") == "3"  # 10*3 = 30, mod 11 = 8
    assert org_code_check_char("Z0000000") == "5"  # 35*3 = 105, mod 11 = 6
    assert org_code_check_char("66600721") == "7"  # embedded in 91310110666007217T


@FAST
@given(st.text(alphabet=string.digits + string.ascii_uppercase, min_size=8, max_size=8))
def test_org_code_check_char_matches_reference(first8: str) -> None:
    """org_code_check_char agrees with the reference GB 11714 formula, letters I O S V Z included."""
    assert org_code_check_char(first8) == ref_org_check(first8)


# --------------------------------------------------------------------------------------------------------------
# 居民身份证号码
# --------------------------------------------------------------------------------------------------------------


def ref_id(address: str, birth: str, sequence: str) -> str:
    first17 = address + birth + sequence
    return first17 + ref_id_check(first17)


TODAY = date(2025, 6, 1)


@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014"])
def test_valid_id_examples(number: str) -> None:
    assert validate_id_number(number) == []
    assert validate_id_number(number, today=TODAY) == []


def test_id_lower_case_x_accepted() -> None:
    assert validate_id_number("11010519491231002x") == []


def test_id_full_width_accepted() -> None:
    assert validate_id_number("１１０１０５１９４９１２３１００２Ｘ") == []


@pytest.mark.parametrize("number", ["", "11010519491231002", "11010519491231002X1", "1101051949123100"])
def test_id_wrong_length(number: str) -> None:
    issues = validate_id_number(number, field="idno")
    assert codes(issues) == ["id.length"]
    assert issues[0].field == "idno"
    assert issues[0].params["length"] == len(number)


@pytest.mark.parametrize(
    "number",
    ["1101051949123A002X", "X1010519491231002X", "11010519491231X021", "11010519491231002Y", "110105 949123100 2"],
)
def test_id_letters_inside(number: str) -> None:
    """Only digits, with X allowed as the 18th character."""
    assert codes(validate_id_number(number)) == ["id.charset"]


@pytest.mark.parametrize("birth", ["19490231", "20230229", "19801301", "19800001", "19800100", "19800431"])
def test_id_impossible_birth_date(birth: str) -> None:
    """A birth date that does not exist is an error naming it, even with a correct check character."""
    issues = validate_id_number(ref_id("110105", birth, "002"), today=TODAY)
    assert codes(issues) == ["id.birth_date"]
    assert issues[0].params["value"] == birth
    assert birth in issues[0].message("zh")


def test_id_leap_day_of_leap_year_is_valid() -> None:
    """20240229 exists (2024 is a leap year); 20230229 does not (tested above)."""
    assert validate_id_number(ref_id("110105", "20240229", "002"), today=TODAY) == []
    assert id_birth_date(ref_id("110105", "20240229", "002")) == date(2024, 2, 29)


def test_id_future_birth_date() -> None:
    """A birth date after today is an error; today itself is allowed."""
    assert codes(validate_id_number(ref_id("110105", "20250602", "002"), today=TODAY)) == ["id.birth_date"]
    assert validate_id_number(ref_id("110105", "20250601", "002"), today=TODAY) == []
    tomorrow = date.today() + timedelta(days=1)
    assert codes(validate_id_number(ref_id("110105", f"{tomorrow:%Y%m%d}", "002"))) == ["id.birth_date"]


@pytest.mark.parametrize(
    ("number", "expected"),
    [("110105194912310021", "X"), ("11010519491231002X".replace("X", "9"), "X"), ("440524188001010015", "4")],
)
def test_id_wrong_check_char_names_expected(number: str, expected: str) -> None:
    issues = validate_id_number(number)
    assert codes(issues) == ["id.check"]
    assert issues[0].params == {"expected": expected, "actual": number[17]}
    assert f"'{expected}'" in issues[0].message("en")
    assert f"“{expected}”" in issues[0].message("zh")


@FAST
@given(st.text(alphabet=string.digits, min_size=17, max_size=17))
def test_id_check_char_matches_reference(first17: str) -> None:
    assert id_check_char(first17) == ref_id_check(first17)


@FAST
@given(
    address=st.text(alphabet=string.digits, min_size=6, max_size=6),
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    sequence=st.integers(0, 999),
)
def test_make_id_number_round_trip(address: str, birth: date, sequence: int) -> None:
    """make_id_number validates, and the birth date and sequence read back; every other check char fails."""
    number = make_id_number(address, birth, sequence)
    assert len(number) == 18
    assert validate_id_number(number) == []
    assert number[:6] == address
    assert id_birth_date(number) == birth
    assert int(number[14:17]) == sequence
    assert number[17] == ref_id_check(number[:17])
    for wrong in set("0123456789X") - {number[17]}:
        assert codes(validate_id_number(number[:17] + wrong)) == ["id.check"]


# --------------------------------------------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "0833-2123456",
        "08332123456",
        "2123456",
        "21234567",
        "+86 13812345678",
        "86-13812345678",
        "１３８１２３４５６７８",
        "０８３３－２１２３４５６",
        "(0833)2123456",
        "（0833）2123456",
        "0833-2123456-801",
        " 138 1234 5678 ",
    ],
)
def test_valid_phones(phone: str) -> None:
    assert validate_phone(phone) == []


@pytest.mark.parametrize(
    "phone",
    ["12345678901", "138-1234", "abc", "", "1381234567", "138123456789", "1234567", "0833-212", "13812345678x"],
)
def test_invalid_phones(phone: str) -> None:
    issues = validate_phone(phone, field="tel")
    assert codes(issues) == ["phone.invalid"]
    assert issues[0].field == "tel"
    assert issues[0].params["value"] == phone


def test_phone_with_plus86_and_hyphen_is_valid() -> None:
    """BUG: '+86-13812345678' is rejected although '+86 13812345678' and '86-13812345678' pass.

    validate_phone strips '+86' and then '86-' in turn, so '+86-…' leaves '-13812345678'.
    """
    assert validate_phone("+86-13812345678") == []


@pytest.mark.parametrize("phone", ["13٨١٢٣٤٥٦٧٨", "2١٢٣٤٥٦", "0833-٢١٢٣٤٥٦"])
def test_phone_rejects_non_ascii_digits(phone: str) -> None:
    """BUG: the patterns use ``\\d``, which matches any Unicode digit (here Arabic-Indic), and NFKC leaves those.

    '١٣٨١٢٣٤٥٦٧٨' is rejected only because the leading '1' must be ASCII; '13٨١٢٣٤٥٦٧٨' passes.
    """
    assert codes(validate_phone(phone)) == ["phone.invalid"]


# --------------------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2021-08-20",
        "2021/8/20",
        "2021.8.20",
        "2021年8月20日",
        "2021年08月20日",
        "20210820",
        " 2021-8-20 ",
        "２０２１－０８－２０",
        date(2021, 8, 20),
        datetime(2021, 8, 20, 15, 30),
    ],
)
def test_parse_date_forms(value: object) -> None:
    parsed = parse_date(value)
    assert parsed == date(2021, 8, 20)
    assert type(parsed) is date  # a datetime is reduced to its date


@pytest.mark.parametrize("value", ["2021-02-30", "2021-13-01", "20210230", "2021-08", "yesterday", "", None, 20210820])
def test_parse_date_rejects(value: object) -> None:
    assert parse_date(value) is None


def test_validate_date_format_issue() -> None:
    parsed, issues = validate_date("2021-02-30", "founded", "成立日期")
    assert parsed is None
    assert codes(issues) == ["date.format"]
    assert issues[0].field == "founded"
    assert "成立日期" in issues[0].message("zh") and "2021-02-30" in issues[0].message("en")


def test_validate_date_too_early() -> None:
    parsed, issues = validate_date("1948-12-31", "founded", "Founded", today=TODAY)
    assert parsed == date(1948, 12, 31)
    assert codes(issues) == ["date.too_early"]
    assert validate_date("1949-01-01", "founded", "Founded", today=TODAY) == (date(1949, 1, 1), [])


def test_validate_date_future() -> None:
    """A date after today is an error unless allow_future; today itself is fine."""
    parsed, issues = validate_date("2025-06-02", "founded", "Founded", today=TODAY)
    assert parsed == date(2025, 6, 2)
    assert codes(issues) == ["date.future"]
    assert validate_date("2025-06-02", "f", "F", today=TODAY, allow_future=True) == (date(2025, 6, 2), [])
    assert validate_date("2025-06-01", "f", "F", today=TODAY) == (date(2025, 6, 1), [])
    tomorrow = date.today() + timedelta(days=1)
    assert codes(validate_date(tomorrow, "f", "F")[1]) == ["date.future"]
    assert validate_date(tomorrow, "f", "F", allow_future=True)[1] == []


def test_validate_date_accepts_valid() -> None:
    assert validate_date("2021年8月20日", "f", "F") == (date(2021, 8, 20), [])
    assert validate_date(datetime(2021, 8, 20, 9, 0), "f", "F") == (date(2021, 8, 20), [])


# --------------------------------------------------------------------------------------------------------------
# Masking and formatting
# --------------------------------------------------------------------------------------------------------------


def test_mask_id_number() -> None:
    assert mask_id_number("51110219800101123X") == "5111**********123X"
    assert mask_id_number(None) is None
    assert mask_id_number("") == ""
    assert mask_id_number("1234") == "****"


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone(None) is None
    assert "2123456" not in mask_phone("0833-2123456")


def test_format_cn_date() -> None:
    assert format_cn_date(date(2021, 8, 20)) == "2021年8月20日"
    assert format_cn_date(date(2021, 10, 1)) == "2021年10月1日"
    assert format_cn_date(None) == ""


# --------------------------------------------------------------------------------------------------------------
# Messages of the issues
# --------------------------------------------------------------------------------------------------------------

_CODE_IN_SOURCE = re.compile(r"""Issue\(\s*\w+\s*,\s*["']([a-z_]+\.[a-z_]+)["']""")


def codes_in_source() -> set[str]:
    return set(_CODE_IN_SOURCE.findall(inspect.getsource(validation)))


def issues_for_every_code() -> list[Issue]:
    """Real issues made by the validators, one or more for each code they can produce."""
    return [
        *validate_uscc("5151110"),
        *validate_uscc("51511102MI00000189"),
        *validate_uscc("51511102MJ00000188"),
        *validate_uscc("51511102MJ0000017" + ref_uscc_check("51511102MJ0000017")),
        *validate_id_number("1101051949123100"),
        *validate_id_number("1101051949123A002X"),
        *validate_id_number(ref_id("110105", "19490231", "002")),
        *validate_id_number("110105194912310021"),
        *validate_phone("12345678901"),
        *validate_date("2021-02-30", "f", "成立日期")[1],
        *validate_date("1948-12-31", "f", "成立日期")[1],
        *validate_date("2999-01-01", "f", "成立日期")[1],
        *check_text("测试\x1b协会", "name", "名称"),
        *check_text("=1+1协会", "name", "名称"),
    ]


def test_codes_found_in_source() -> None:
    """The regex really finds the codes (guards the next tests from passing vacuously)."""
    found = codes_in_source()
    assert {"uscc.length", "uscc.charset", "uscc.check", "uscc.org_code_check", "id.check", "phone.invalid"} <= found
    assert len(found) >= 12


def test_every_code_has_chinese_and_english_template() -> None:
    for code in sorted(codes_in_source()):
        assert code in MESSAGES, code
        zh, en = MESSAGES[code]
        assert re.search(r"[\u4e00-\u9fff]", zh), code
        assert en.strip() and en.isascii(), code


def test_every_code_is_exercised() -> None:
    assert {i.code for i in issues_for_every_code()} == codes_in_source()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_messages_render_with_validator_params(lang: str) -> None:
    """Every placeholder is given by the validator, and its value appears in the sentence."""
    formatter = string.Formatter()
    for issue in issues_for_every_code():
        template = MESSAGES[issue.code][0 if lang == "zh" else 1]
        fields = {name for _, name, _, _ in formatter.parse(template) if name}
        assert fields <= issue.params.keys(), (issue.code, fields - issue.params.keys())
        text = issue.message(lang)
        assert text == render(issue.code, issue.params, lang)
        assert "{" not in text, (issue.code, text)
        for name in fields:
            shown = str(issue.params[name])
            if lang == "en" and name in LABEL_PARAMS:  # a field's label reads in English in an English message
                shown = LABELS_EN.get(shown, shown)
            assert shown in text, (issue.code, name, text)
        assert issue.as_dict(lang)["message"] == text


def test_check_message_contains_expected_character() -> None:
    (issue,) = validate_uscc("51511102MJ00000188")
    assert "“9”" in render(issue.code, issue.params, "zh")
    assert "'9' expected" in render(issue.code, issue.params, "en")


# -- text fields (issue 14: control characters, bidi overrides, formula injection) -----------------------------
@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x00", "\x7f", "\x85", "\u202e", "\u202a", "\u2066", "\u2069",
                                  "\t", "\n", "\r", "\u2028"])
def test_control_and_bidi_characters_are_refused_in_a_single_line_field(char: str) -> None:
    issues = check_text(f"测试{char}协会", "name", "名称")
    assert [(i.field, i.code, i.params["position"]) for i in issues] == [("name", "text.control", 3)]
    assert issues[0].message("zh").startswith("“名称”含有不可见的控制字符 U+")
    assert "\n" not in issues[0].message("en")


def test_multi_line_fields_allow_tab_and_line_breaks_but_not_other_controls() -> None:
    assert check_text("第一条\n第二条\t（续）\r\n", "business_scope", "业务范围") == []
    assert [i.code for i in check_text("第一条\x1b[31m", "business_scope", "业务范围")] == ["text.control"]
    assert [i.code for i in check_text("理由\u202e", "comment", "意见")] == ["text.control"]
    assert check_text("- 第一条", "notes") == []  # a list in a note is no formula


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "@SUM(1+1)", "+1+1协会",
                                  "-2+3协会"])
def test_formula_prefixes_are_refused_in_names(value: str) -> None:
    assert [i.code for i in check_text(value, "name", "名称")] == ["text.formula"]
    assert [i.code for i in check_text(value, "people[0].name", "姓名")] == ["text.formula"]


def test_plain_names_and_phones_with_a_plus_pass() -> None:
    assert check_text("乐山市沙湾区摄影协会（筹）", "name") == []
    assert check_text("+86 138 1234 5678", "contact_phone") == []
    assert check_text("+86 138 1234 5678", "people[0].phone") == []
    assert check_text(None, "name") == [] and check_text(12, "name") == []


def test_check_text_fields_walks_a_row_with_its_people_and_names_each_path() -> None:
    row = {"name": "好协会", "address": "地址\x07", "people": [{"name": "张三"}, {"name": "\u202e李四"}],
           "member_count": 12}
    issues = check_text_fields(row, label=lambda path: f"<{path}>")
    assert [(i.field, i.code) for i in issues] == [("address", "text.control"), ("people[1].name", "text.control")]
    assert issues[1].params["label"] == "<people[1].name>"


def test_mask_personal_masks_id_numbers_and_phones_by_key_anywhere() -> None:
    data = {"legal_rep_id_number": "511111197003050123", "legal_rep_phone": "13812345678",
            "record": {"contact_phone": "0833-2123456",
                       "people": [{"id_number": "51111119700305012X", "phone": "13987654321", "name": "张三"}]}}
    masked = mask_personal(data)
    assert masked["legal_rep_id_number"] == "5111**********0123" and masked["legal_rep_phone"] == "138****5678"
    person = masked["record"]["people"][0]
    assert person == {"id_number": "5111**********012X", "phone": "139****4321", "name": "张三"}
    assert masked["record"]["contact_phone"] == "0833-2123456"  # the organization's own number, not a person's
    assert data["legal_rep_phone"] == "13812345678"  # a copy: the input is not changed
