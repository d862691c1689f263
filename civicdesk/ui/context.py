"""The application context passed to every window: database, settings, runner, language, and the one
"operation did execute" signal through which views learn that data changed (git-cola's ``app`` context,
Anki's ``OpChanges``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from civicdesk.errors import CivicDeskError

if TYPE_CHECKING:
    from civicdesk.services.admin.auth import UserInfo
    from civicdesk.services.core.database import Database
    from civicdesk.ui.runner import Runner


@dataclass(frozen=True)
class Changes:
    """What an op changed, so that each view reloads only when it concerns it."""

    organizations: bool = False
    organization_ids: tuple[str, ...] = ()
    reference: bool = False
    database: bool = False  # another database was opened: everything reloads
    extra: dict[str, Any] = field(default_factory=dict)


class Signals(QObject):
    operation_executed = Signal(object)  # Changes


class AppContext:
    """Everything a widget needs, handed in explicitly: no globals."""

    def __init__(self, db: Database | None, settings: QSettings, runner: Runner, lang: str = "zh",
                 user: UserInfo | None = None) -> None:
        #: None only while a window painted from a peek waits for the services (``ui.fast_start``)
        self.db: Database = db  # type: ignore[assignment]
        self.settings = settings
        self.runner = runner
        self.lang = lang
        self.signals = Signals()
        #: who is logged in; None in a database without accounts (then anyone may do anything, as the
        #: services allow) or when the login was cancelled after switching databases (then read-only)
        self.user = user
        self.read_only = False

    def may(self, action: str) -> bool:
        """Whether the current user may do ``action`` (an ``auth.PERMISSIONS`` name): menus and buttons ask."""
        if self.user is None:
            return not self.read_only
        return self.user.may(action)

    def changed(self, changes: Changes) -> None:
        self.signals.operation_executed.emit(changes)

    def message(self, exc: BaseException) -> str:
        """Words for an error: a CivicDeskError in the current language, anything else as it is."""
        if isinstance(exc, CivicDeskError):
            return exc.message(self.lang)
        return f"{type(exc).__name__}: {exc}"
