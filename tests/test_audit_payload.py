"""The audit chain's hashed text written out item by item (models.audit.payload_text) is exactly what the
canonical JSON of the entry's list gives: the hashes of every entry depend on it, byte for byte."""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

from civicdesk.models import audit


def reference(seq: Any, *items: Any) -> str:
    """The payload as the chain has always written it: json.dumps of the list with canonical's options."""
    return json.dumps([seq, *items], ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


class Text(str):
    """A str subclass: not the usual entry, so the encoder's path."""


def test_payload_text_equals_the_canonical_list_on_hard_texts() -> None:
    rng = random.Random(20)
    # every code point class that JSON escapes or keeps: quotes, backslash, C0/C1 controls, DEL, line and
    # paragraph separators, bidi marks, CJK, astral characters, lone surrogates
    alphabet = ['"', "\\", "/", "\x00", "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\u202e", "\t", "\n", "\r",
                "\b", "\f", "社", "会", "ａ", "\U0001f600", "\ud800", "\udfff", "a", "Z", "0", " ", "{", "}", "[", ","]
    texts: list[Any] = ["", None, "plain", '{"fields":{"name":{"new":"甲\\"乙","old":null}}}']
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30))) for _ in range(400)]
    texts += [chr(c) for c in range(0, 0x3000)]  # every character of the low planes, alone
    for index, text in enumerate(texts):
        items = (text, "王芳", "data.insert", None if index % 5 == 0 else "organization", text, text, "0" * 64)
        seq = rng.randrange(0, 10**12)
        assert audit.payload_text(seq, *items) == reference(seq, *items), repr(text)


def test_payload_text_falls_back_to_the_encoder_for_anything_else() -> None:
    for seq, items in ((True, ("a",)), (1.5, ("a",)), ("7", ("a",)), (3, (Text("x\"y"),)), (3, (7,)),
                       (3, ({"b": 1, "a": [None]},))):
        assert audit.payload_text(seq, *items) == reference(seq, *items)


def test_entry_hash_is_sha256_of_the_reference_payload() -> None:
    args = (41, "2026-12-06 01:00:00.000000", "(系统)", "sync.insert", "organization", "id-1",
            audit.canonical({"fields": {"名称": {"old": None, "new": "社\"团\\"}}, "note": "legacy_entry"}), "f" * 64)
    expected = hashlib.sha256(reference(*args).encode("utf-8")).hexdigest()
    assert audit.entry_hash(*args) == expected


def reference_details(fields: dict[Any, Any], extra: dict[str, Any]) -> str:
    return json.dumps({"fields": {k: {"old": old, "new": new} for k, (old, new) in fields.items()}, **extra},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def test_fields_details_equals_the_canonical_object() -> None:
    from datetime import date, datetime
    from decimal import Decimal

    rng = random.Random(7)
    names = ["name", "uscc", "名称", "a\"b", "z", "A", "_x", "people[0].name", "\u2028", "é", "e\u0301", "fields",
             "note", "origin", "1", "10", "2"]
    values: list[Any] = [None, "", "社会团体", 'q"\\', "\x00\x1f\u2028", 0, -7, 2**70, True, False, 1.5, float("nan"),
                         float("inf"), -0.0, Decimal("12.3400"), date(2020, 1, 2), datetime(2020, 1, 2, 3, 4, 5),
                         {"b": 1, "a": [None, {"d": 2, "c": "x"}]}, [3, "y"], Text("sub"), ["\ud800"]]
    for _ in range(1500):
        fields = {rng.choice(names): (rng.choice(values), rng.choice(values)) for _ in range(rng.randrange(0, 12))}
        extra = {k: rng.choice(values) for k in rng.sample(["note", "origin", "epoch", "seq", "sha256", "a", "zz"],
                                                           rng.randrange(0, 5))}
        assert audit.fields_details(fields, extra) == reference_details(fields, extra), (fields, extra)
    # names that are not texts, and an extra named "fields": the encoder's own answer (or its error)
    for mixed in ({1: (None, 2), "a": (1, None)}, {2: (None, 2), 1: (1, None)}):
        try:
            expected: Any = reference_details(mixed, {})
        except TypeError as exc:  # names of two types cannot be sorted: the same error
            expected = type(exc)
        try:
            got: Any = audit.fields_details(mixed, {})
        except TypeError as exc:
            got = type(exc)
        assert got == expected
    assert audit.fields_details({"a": (1, 2)}, {"fields": 3}) == reference_details({"a": (1, 2)}, {"fields": 3})
