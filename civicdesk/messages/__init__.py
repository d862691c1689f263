"""Every sentence and label CivicDesk shows outside the GUI's ``tr()`` literals, in Chinese and English.

One module per feature (:mod:`.core`, :mod:`.register`, :mod:`.filings`, :mod:`.admin`, :mod:`.ledger`,
:mod:`.printing`, :mod:`.sync`, :mod:`.supervision`, :mod:`.cli`) defines a ``MESSAGES`` dict
``code -> (Chinese, English)``.  This package imports all of them explicitly, so :func:`text` renders any code
whatever else was imported.

Parameters are values or codes, never sentences.  A placeholder ``{name:@prefix}`` renders the parameter's
value as a code through the catalogue: ``{action:@action}`` with ``action="print"`` shows the entry
``action.print`` in the message's language.  A placeholder ``{name:bilingual}`` takes a (Chinese, English) pair
of a value that has its own two languages outside the catalogue (a dictionary label read from the database, a
nested rule's message) and shows the message's one.  Stdlib only: every layer uses it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from civicdesk.messages import admin, cli, core, filings, inspection, ledger, printing, register, supervision, sync
from civicdesk.messages import rating
from civicdesk.messages import spotcheck
from civicdesk.messages import inspection_sheet
from civicdesk.messages import print_supervision
from civicdesk.messages import supervision_cli
from civicdesk.messages import credit
from civicdesk.messages import print_credit
from civicdesk.messages import enforcement
from civicdesk.messages import credit_effects
from civicdesk.messages import ruling
from civicdesk.messages import cultivation
from civicdesk.messages import cultivation_venture
from civicdesk.messages import cultivation_volunteer
from civicdesk.messages import cultivation_figures
from civicdesk.messages import cultivation_incubation, cultivation_projects
from civicdesk.messages import dashboard
from civicdesk.messages import cultivation_ledger
from civicdesk.messages import server
from civicdesk.messages import database_move

#: the feature catalogues, in the order they are merged
CATALOGUES = (core, register, filings, admin, ledger, printing, sync, supervision, inspection, cli,
              rating, spotcheck, inspection_sheet, print_supervision, supervision_cli,
              credit, print_credit, enforcement, credit_effects, ruling, cultivation,
              cultivation_venture, cultivation_volunteer, cultivation_figures, cultivation_incubation,
              cultivation_projects, dashboard, cultivation_ledger, server, database_move)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in CATALOGUES:
        for code, texts in module.MESSAGES.items():
            if code in merged:  # two features claiming one code would make one of them silently wrong
                raise RuntimeError(f"message code {code!r} is defined twice ({module.__name__})")
            merged[code] = texts
    return merged


#: code -> (Chinese, English): every catalogue, read-only
CATALOGUE: Mapping[str, tuple[str, str]] = MappingProxyType(_merge())


def is_zh(lang: str) -> bool:
    """Whether ``lang`` (``zh``, ``zh_CN``, ``en`` …) asks for Chinese."""
    return lang.startswith("zh")


class _Formatter(string.Formatter):
    """``str.format`` plus ``{name:@prefix}`` (the value as a code, rendered through the catalogue) and
    ``{name:bilingual}`` (a (Chinese, English) pair)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec.startswith("@"):
            return label(f"{format_spec[1:]}.{value}", self.lang, default=str(value))
        if format_spec == "bilingual":
            if isinstance(value, str):  # one word for both (a report saved before the pair was passed)
                return value
            zh, en = value
            return str(zh if is_zh(self.lang) else en)
        return super().format_field(value, format_spec)


def template(code: str, lang: str = "zh") -> str | None:
    """The unformatted text of ``code`` in ``lang``, or ``None`` for an unknown code."""
    texts = CATALOGUE.get(code)
    if texts is None:
        return None
    return texts[0] if is_zh(lang) else texts[1]


def label(code: str, lang: str = "zh", *, default: str | None = None) -> str:
    """A label without parameters (a header, a role, a state); ``default`` (else the code) when unknown."""
    found = template(code, lang)
    return found if found is not None else (code if default is None else default)


def text(code: str, lang: str = "zh", /, **params: Any) -> str:
    """The sentence for ``code`` in ``lang`` with ``params`` filled in; unknown codes show the code itself."""
    found = template(code, lang)
    if found is None:
        return f"{code} {params}" if params else code
    try:
        return _Formatter(lang).format(found, **params)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):  # a missing or odd parameter
        return found


def placeholders(template_text: str) -> set[str]:
    """The placeholders of a template, with their ``@prefix`` if any (``{"user", "action:@action"}``)."""
    found = set()
    for _, name, spec, _ in string.Formatter().parse(template_text):
        if name is not None:
            found.add(f"{name}:{spec}" if spec and spec.startswith("@") else name)
    return found


__all__ = ["CATALOGUE", "CATALOGUES", "is_zh", "label", "placeholders", "template", "text"]
