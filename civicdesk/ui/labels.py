"""Display words for codes: dictionary labels and division names, loaded once per database."""

from __future__ import annotations

from datetime import date

from civicdesk.services import lookups
from civicdesk.services.database import Database


class Labels:
    def __init__(self, db: Database, lang: str = "zh") -> None:
        self.lang = lang
        self.dictionaries = lookups.dictionaries(db)
        self._codes = {kind: {v.code: v.label(lang) for v in values} for kind, values in self.dictionaries.items()}
        self.divisions = {d.code: d for d in lookups.divisions(db)}

    def label(self, kind: str, code: str | None) -> str:
        if not code:
            return ""
        return self._codes.get(kind, {}).get(code, code)

    def division(self, code: str | None) -> str:
        if not code:
            return ""
        d = self.divisions.get(code)
        return d.name if d else code

    def date(self, value: date | None) -> str:
        if value is None:
            return ""
        return f"{value.year}年{value.month}月{value.day}日" if self.lang.startswith("zh") else value.isoformat()
