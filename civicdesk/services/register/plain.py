"""The plain data the register table, its filter bar and the window title are made of, in a module that
imports no database library: the main window paints its first page from these before SQLAlchemy is loaded
(see :mod:`civicdesk.services.register.first_page`).  Their usual homes (``browse``, ``reference``, ``database``)
re-export them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from civicdesk import schema


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    name: str
    level: str


@dataclass(frozen=True)
class DictionaryValue:
    kind: str
    code: str
    label_zh: str
    label_en: str
    attributes: dict[str, Any]

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


@dataclass(frozen=True)
class DivisionInfo:
    code: str
    name: str
    full_name: str
    level: str
    parent_code: str | None
    invented: bool


@dataclass(frozen=True)
class RegisterFilter:
    """What the filter bar and the search field ask for.  ``status`` "live" means the existing ones."""

    text: str = ""
    legal_form: str | None = None
    tier: str | None = None
    category: str | None = None
    community_subtype: str | None = None
    status: str | None = "live"
    division_code: str | None = None
    township_code: str | None = None
    origin_office: str | None = None
    #: last year's annual inspection: "pass" | "basic" | "fail", or "none" (no decided inspection of last year)
    inspection: str | None = None
    #: the rating in force today: "rated" (any grade), a grade ("5A" … "1A"), or "none" (none in force)
    rating: str | None = None
    #: the credit list it is on now: "abnormal" | "serious", "listed" (either) or "none" (neither)
    credit: str | None = None

    def with_text(self, text: str) -> RegisterFilter:
        return replace(self, text=text)


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register table; personal data masked."""

    seq: int
    id: str
    name: str
    uscc: str | None
    legal_form: str | None
    tier: str
    is_community: bool
    community_subtype: str | None
    category: str | None
    status: str
    division_code: str
    township_code: str | None
    community_code: str | None
    registry_name: str
    legal_rep_name: str | None
    established_on: date | None
    address: str | None
    contact_phone: str | None
    origin_office: str
    #: the latest decided annual inspection (its year and conclusion) and the latest rating (its grade as it
    #: holds and the end of its validity), derived (``services/supervision/profile.py``): see
    #: :func:`last_year_conclusion` and :func:`rating_in_force` for what the register shows
    inspection_year: int | None
    inspection_conclusion: str | None
    rating_grade: str | None
    rating_valid_to: date | None
    #: the credit list it is on now (``abnormal`` | ``serious``; None when on none), derived likewise
    credit_list: str | None = None

    def last_year_conclusion(self, today: date) -> str | None:
        """The conclusion of the year before ``today``'s year, when that is the latest decided; else None."""
        if self.inspection_year is not None and self.inspection_year == today.year - 1:
            return self.inspection_conclusion
        return None

    def rating_in_force(self, today: date) -> str | None:
        """The grade, while its validity lasts on ``today``; else None."""
        if self.rating_grade and self.rating_valid_to is not None and self.rating_valid_to >= today:
            return self.rating_grade
        return None


#: The statuses of an organization that exists (the register's default filter), for the UI, which reads its
#: plain data here.
LIVE_STATUSES = schema.LIVE_STATUSES

#: A tier conversion's possible targets by the current tier (``filings._check_content``).
TIER_TARGETS = {"guided": ("filed", "registered"), "filed": ("registered",)}
