"""Errors a clerk can cause, as codes with parameters, and their words in Chinese and English.

Services raise :class:`CivicDeskError` subclasses; the UI and the CLI turn ``code`` and ``params`` into a
sentence with :func:`CivicDeskError.message`, through the one catalogue of :mod:`civicdesk.messages`.  Nothing
here imports Qt or SQLAlchemy.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from civicdesk.messages import CATALOGUE, is_zh, text

#: code -> (Chinese, English): the whole catalogue of :mod:`civicdesk.messages`, read-only (add a message to
#: the feature's module there, never here)
MESSAGES = CATALOGUE


@dataclass(frozen=True)
class Issue:
    """One thing wrong (or doubtful) with one field of a record."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)  # `field` is the attribute above
    severity: str = "error"  # "error" blocks saving; "warning" is shown but allowed

    def message(self, lang: str = "zh") -> str:
        return render(self.code, self.params, lang)

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "field": self.field,
            "code": self.code,
            "severity": self.severity,
            "params": self.params,
            "message": self.message(lang),
        }


#: Chinese field label -> English label, from the catalogue's ``label.*`` entries, so that "'统一社会信用代码' is
#: required." reads "'Unified social credit code' is required." in English
LABELS_EN: Mapping[str, str] = MappingProxyType(
    {zh: en for code, (zh, en) in CATALOGUE.items() if code.startswith("label.")})
#: the message parameters that carry a field's label
LABEL_PARAMS = frozenset({"label", "other", "field_label"})


def render(code: str, params: dict[str, Any], lang: str = "zh") -> str:
    """The sentence for ``code`` in ``lang`` (``zh`` or ``en``); unknown codes fall back to the code."""
    if not is_zh(lang):  # field labels travel in Chinese (as the services name them): English ones here
        params = {k: LABELS_EN.get(v, v) if k in LABEL_PARAMS and isinstance(v, str) else v for k, v in params.items()}
    return text(code, lang, **params)


class CivicDeskError(Exception):
    """An error a clerk can cause: bad input, a missing file, a database that is not ours."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return render(self.code, self.params, lang)


class DatabaseError(CivicDeskError):
    """The database file cannot be used as it is (not SQLite, not ours, too new)."""


class NotFoundError(CivicDeskError):
    """A record asked for by id, code or name does not exist."""


class InputError(CivicDeskError):
    """An input file or argument is malformed."""


class ValidationError(CivicDeskError):
    """A record breaks one or more rules; ``issues`` lists every one of them."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = [i for i in issues if i.severity == "error"]
        self.warnings = [i for i in issues if i.severity != "error"]
        super().__init__("validation.failed", count=len(self.issues), details="")

    def message(self, lang: str = "zh") -> str:
        sep = "；" if is_zh(lang) else "; "
        details = sep.join(f"[{i.field}] {i.message(lang)}" for i in self.issues)
        return render("validation.failed", {"count": len(self.issues), "details": details}, lang)
