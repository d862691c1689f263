"""The message catalogue (civicdesk/messages/): complete in both languages, and the only way the tree speaks.

The codes the tree uses are found by reading its source (ast): every string literal passed as the first
argument to a CivicDeskError subclass, ``refuse``, ``Issue`` (second argument), ``text`` or ``label``.
"""

from __future__ import annotations

import ast
import functools
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from civicdesk import messages
from civicdesk.errors import CivicDeskError

PACKAGE = Path(__file__).resolve().parents[1] / "civicdesk"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201d]")
#: calls whose first argument is a message code
FIRST_ARG_CODE = {"CivicDeskError"}


@functools.cache
def _trees() -> list[tuple[Path, list[ast.AST]]]:
    """Every module of the tree, parsed once: its path and all its nodes."""
    return [(path, list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))) for path in PACKAGE.rglob("*.py")]


def _error_classes() -> set[str]:
    """The names of CivicDeskError and its subclasses anywhere in the tree (they take the code first)."""
    classes = [node for _path, nodes in _trees() for node in nodes if isinstance(node, ast.ClassDef)]
    names = set(FIRST_ARG_CODE)
    grown = True
    while grown:  # subclasses of subclasses
        before = len(names)
        names |= {c.name for c in classes if any(isinstance(b, ast.Name) and b.id in names for b in c.bases)}
        grown = len(names) > before
    return names


def _used_codes() -> dict[str, str]:
    """code -> where it is used, for every literal code in the tree."""
    classes = _error_classes()
    used: dict[str, str] = {}
    for path, nodes in _trees():
        for node in nodes:
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            args = [a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "messages":
                name = f"messages.{name}"  # messages.text (sqlalchemy has a text() of its own)
            if (name in classes or name == "messages.text") and node.args and node.args[0] in args:
                used[args[0].value] = where
            elif name == "refuse" and node.args and node.args[0] in args:
                used["sync.refused." + args[0].value] = where
            elif name == "Issue" and len(node.args) > 1 and node.args[1] in args:
                used[node.args[1].value] = where  # type: ignore[attr-defined]
    return used


@pytest.mark.parametrize("code", sorted(messages.CATALOGUE))
def test_every_code_has_both_languages_with_the_same_placeholders(code: str) -> None:
    zh, en = messages.CATALOGUE[code]
    assert zh.strip() and en.strip(), code
    assert messages.placeholders(zh) == messages.placeholders(en), code


#: English texts that quote what a Chinese ledger file literally holds (its column headers, 名称 …)
QUOTES_CHINESE_FILE_TEXT = {"ledger.no_header", "ledger.no_name_column"}


def test_english_texts_hold_no_chinese_outside_placeholders() -> None:
    bad = {code: en for code, (_, en) in messages.CATALOGUE.items()
           if CJK.search(re.sub(r"\{[^{}]*\}", "", en)) and code not in QUOTES_CHINESE_FILE_TEXT}
    assert not bad


def test_every_code_the_tree_uses_is_in_the_catalogue() -> None:
    used = _used_codes()
    assert len(used) > 150  # the scan finds the codes (a broken scan would pass vacuously)
    missing = {code: where for code, where in used.items() if code not in messages.CATALOGUE}
    assert not missing


def test_every_code_prefix_placeholder_names_existing_labels() -> None:
    """``{x:@prefix}`` renders ``prefix.<value>``: the prefix has entries."""
    prefixes = {p.split(":@")[1] for zh, _ in messages.CATALOGUE.values() for p in messages.placeholders(zh)
                if ":@" in p}
    for prefix in prefixes:
        assert any(code.startswith(prefix + ".") for code in messages.CATALOGUE), prefix


def test_a_code_is_defined_by_one_feature_only() -> None:
    seen: dict[str, str] = {}
    for module in messages.CATALOGUES:
        for code in module.MESSAGES:
            assert code not in seen, f"{code} in {seen.get(code)} and {module.__name__}"
            seen[code] = module.__name__


def test_forbidden_names_role_and_action_in_the_message_language() -> None:
    err = CivicDeskError("auth.forbidden", user="wang", role="clerk", action="users")
    assert err.message("en") == "User 'wang' (clerk) may not manage users."
    assert err.message("zh") == "用户“wang”（经办）无权管理用户。"
    assert not CJK.search(str(err))  # str() is the English


def test_filing_transition_names_state_and_action_by_code() -> None:
    err = CivicDeskError("filing.transition", number="B-1", state="approved", action="withdraw")
    assert err.message("en") == "Filing B-1 is 'approved' and cannot be withdrawn."
    assert err.message("zh") == "申请事项 B-1 当前为“准予”，不能撤回。"


def test_bilingual_parameter_shows_the_message_language() -> None:
    params = {"entity": "organization", "id": "7", "field": "uscc", "detail": ("校验位错误", "wrong check")}
    assert messages.text("sync.refused.invalid_row", "en", **params).endswith("(wrong check).")
    assert "校验位错误" in messages.text("sync.refused.invalid_row", "zh", **params)
    assert messages.text("sync.refused.invalid_row", "en", **{**params, "detail": "as saved"}).endswith("(as saved).")
    assert messages.text("sync.refused.invalid_row", "en", **{**params, "detail": ["校验", "check"]}).endswith(
        "(check).")  # a pair read back from JSON is a list


def test_a_code_renders_with_only_the_errors_module_imported() -> None:
    """No catalogue depends on the module that raises it being imported first."""
    script = ("import sys; from civicdesk.errors import CivicDeskError\n"
              "print(CivicDeskError('print.font_missing').message('en'))\n"
              "print(CivicDeskError('sync.keys_exist').message('zh'))\n"
              "print(CivicDeskError('field.required', label='统一社会信用代码').message('en'))\n"
              "assert 'civicdesk.services' not in ' '.join(sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.splitlines() == [
        "No Chinese TrueType font that can be embedded: set a font file in the preferences (e.g. simfang.ttf), "
        "or reinstall CivicDesk to get its bundled font.",
        "本单位已有同步密钥，未重新生成。",
        "'Unified social credit code' is required.",
    ]


def test_unknown_code_shows_the_code() -> None:
    assert messages.text("no.such.code", "en", x=1) == "no.such.code {'x': 1}"
    assert messages.label("role.nobody", "en", default="nobody") == "nobody"


def test_a_refusal_of_auth_require_is_english_in_english(db: Any) -> None:
    """auth.require used to pass the Chinese action and role labels into the English message."""
    from civicdesk.services.admin import auth

    auth.create_user(db, "boss", "secret123x", "admin", by=None)
    boss = auth.authenticate(db, "boss", "secret123x")
    auth.create_user(db, "wang", "secret123x", "clerk", full_name="王经办", by=boss)
    clerk = auth.authenticate(db, "wang", "secret123x")
    with pytest.raises(CivicDeskError) as refused:
        auth.require(db, clerk, "reveal_ids")
    assert refused.value.message("en") == "User 'wang' (clerk) may not see full ID numbers."
    assert refused.value.message("zh") == "用户“wang”（经办）无权查看完整身份证号码。"


def test_first_account_must_be_an_admin_says_so_in_english(db: Any, db_path: Path) -> None:
    from civicdesk.services.admin import auth

    before = db_path.read_bytes()
    with pytest.raises(CivicDeskError) as refused:
        auth.create_user(db, "wang", "secret123", "clerk")
    english = refused.value.message("en")
    assert english == "User 'wang' (clerk) may not be the first account (an administrator)."
    assert not CJK.search(english)
    assert db_path.read_bytes() == before


def test_a_foundation_in_a_community_tier_is_refused_in_english_words(db: Any, db_path: Path) -> None:
    """tier.legal_form used to carry a Chinese rule sentence and the Chinese tier label into English."""
    from civicdesk.errors import ValidationError
    from civicdesk.services.register import organizations
    from tests.factories import social_group

    before = db_path.read_bytes()
    with pytest.raises(ValidationError) as refused:
        organizations.add_organization(db, social_group(is_community=True, legal_form="foundation",
                                                        foundation_type="public", community_subtype="other"))
    (issue,) = [i for i in refused.value.issues if i.code == "tier.legal_form"]
    english = issue.message("en")
    assert "can only be a social group or a social service organization" in english
    assert not CJK.search(english)
    assert "只能登记为社会团体或民办非企业单位" in issue.message("zh")
    assert db_path.read_bytes() == before


def test_the_audit_viewer_has_words_for_every_kind_of_row_it_shows():
    from civicdesk.models.sync import synced_entities

    for entity in [*synced_entities(), "user_account", "office"]:
        for lang in ("zh", "en"):
            assert messages.template(f"audit_entity.{entity}", lang), (entity, lang)
