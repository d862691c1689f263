"""An office server as the GUI sees it: open it with one clear reason when that fails, and probe it cheaply.

:func:`open_server` is :func:`civicdesk.services.core.database.open_database` for a PostgreSQL URL whose
failures to connect say which of three things went wrong: the server cannot be reached, it refused the login,
or it has no such database (the other refusals, "not a CivicDesk database" and "made by a newer CivicDesk",
come from ``open_database`` as they are).  :func:`change_mark` is the watch's probe, run every few seconds: one
indexed ``max()`` that fails with ``db.server`` while the server is away and, once it answers, tells whether
anyone wrote to the register since the last probe (every committed change of a synced row is one
``change_log`` row).
"""

from __future__ import annotations

from sqlalchemy import func, select

from civicdesk.errors import DatabaseError
from civicdesk.models.sync import ChangeLog
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.core.server_address import label, parse, short_reason

#: what libpq and the server say when the login needs a password or was refused (their SQLSTATE when there is one)
_PASSWORD_WANTED = ("no password supplied", "password authentication failed")
_LOGIN_REFUSED = (*_PASSWORD_WANTED, "role \"", "pg_hba.conf", "authentication failed")
_NO_DATABASE = ("database \"",)


def _state(exc: BaseException) -> str:
    orig = getattr(exc.__cause__, "orig", None)
    return str(getattr(orig, "sqlstate", None) or "")


def open_server(url: str) -> Database:
    """Open the CivicDesk database at ``url`` (a PostgreSQL URL, its password in it or in libpq's password file).

    Raises :class:`DatabaseError` ``server.unreachable``, ``server.login_refused`` or ``server.no_database`` when
    the connection cannot be made, else what ``open_database`` raises."""
    address = parse(url)
    try:
        return open_database(url)
    except DatabaseError as exc:
        if exc.code != "db.server":
            raise
        reason = str(exc.params.get("reason", ""))
        state, low = _state(exc), reason.lower()
        where = label(url)
        if state == "3D000" or any(text in low for text in _NO_DATABASE) and "does not exist" in low:
            raise DatabaseError("server.no_database", server=where, database=address.database,
                                reason=reason) from exc
        if state.startswith("28") or any(text in low for text in _LOGIN_REFUSED):
            raise DatabaseError("server.login_refused", server=where, user=address.user or "-",
                                reason=reason) from exc
        raise DatabaseError("server.unreachable", server=where, reason=short_reason(reason)) from exc


def password_wanted(exc: BaseException) -> bool:
    """Whether ``exc`` (from :func:`open_server`) is a login the server refused for want of the right password:
    the GUI then asks for it."""
    if not isinstance(exc, DatabaseError) or exc.code != "server.login_refused":
        return False
    low = str(exc.params.get("reason", "")).lower()
    return _state(exc) == "28P01" or any(text in low for text in _PASSWORD_WANTED)


def change_mark(db: Database) -> int:
    """The newest change-log entry's number (0 in an empty register): the same on the next call unless someone
    committed a change in between.  Fails with :class:`DatabaseError` ``db.server`` while the server is away."""
    with db.read() as session:
        return int(session.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)
