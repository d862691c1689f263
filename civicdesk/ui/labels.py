"""Display words for codes: dictionary labels and division names, loaded once per database."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from civicdesk.services.admin.auth import UserInfo
    from civicdesk.services.core.database import Database
    from civicdesk.services.register.plain import DictionaryValue, DivisionInfo


def user_display(user: UserInfo, lang: str) -> str:
    """A user as shown: 张经办（clerk1） in Chinese, 张经办 (clerk1) in English (the name is data, the brackets are
    the language's)."""
    if not user.full_name:
        return user.username
    return f"{user.full_name}（{user.username}）" if lang.startswith("zh") else f"{user.full_name} ({user.username})"


class Labels:
    def __init__(self, db: Database | None, lang: str = "zh", *,
                 dictionaries: dict[str, list[DictionaryValue]] | None = None,
                 divisions: list[DivisionInfo] | None = None) -> None:
        """From the database, or (``db`` None) from lists read before the services loaded (a ``FirstPage``)."""
        if db is not None:
            from civicdesk.services.register import lookups  # not on the way to the first paint

            dictionaries, divisions = lookups.dictionaries(db), lookups.divisions(db)
        self.lang = lang
        self.dictionaries = dictionaries or {}
        self._codes = {kind: {v.code: v.label(lang) for v in values} for kind, values in self.dictionaries.items()}
        self.divisions = {d.code: d for d in divisions or ()}

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
