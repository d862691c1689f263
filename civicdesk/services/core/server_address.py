"""A database server's address as the clerk gives it (host, port, database, user), its URL without the password,
and the password remembered where libpq looks for it by itself: the password file (``~/.pgpass``).

Stdlib only (the GUI's start and its window title use it before SQLAlchemy is loaded).  The password never goes
into the program's settings: a URL kept in the recent list or shown in the window title is always made without
it.  "Remember the password" writes one line ``host:port:database:user:password`` into the password file (the
format libpq defines: ``:`` and ``\\`` escaped with ``\\``), which must be readable by its owner only (libpq
ignores a file that others may read): it is written with mode 0600.  ``PGPASSFILE`` names another file, as for
libpq; on Windows the file is ``%APPDATA%\\postgresql\\pgpass.conf``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from civicdesk.errors import InputError

DEFAULT_PORT = 5432
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    query: str = ""  # e.g. sslmode=require, kept as given

    def url(self, password: str | None = None) -> str:
        """The URL (``postgresql://user[:password]@host:port/database``)."""
        who = quote(self.user, safe="")
        if password:
            who += ":" + quote(password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        tail = f"?{self.query}" if self.query else ""
        return f"postgresql://{who}{'@' if who else ''}{host}:{self.port}/{quote(self.database, safe='')}{tail}"

    def label(self) -> str:
        """``user@host:port/database``: what the window title and the messages show."""
        who = f"{self.user}@" if self.user else ""
        return f"{who}{self.host}:{self.port}/{self.database}"


def is_server_url(text: str | os.PathLike[str]) -> bool:
    return str(text).split("://", 1)[0].lower() in SCHEMES if "://" in str(text) else False


def parse(url: str) -> ServerAddress:
    """The address in a PostgreSQL URL (its password, if any, is dropped: see :func:`password_of`)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise InputError("server.bad_url", reason=str(exc)) from exc
    if parts.scheme.lower() not in SCHEMES:
        raise InputError("server.bad_url", reason=parts.scheme or "-")
    if not parts.hostname:
        raise InputError("server.bad_url", reason="host")
    database = unquote(parts.path.lstrip("/"))
    if not database:
        raise InputError("server.bad_url", reason="database")
    return ServerAddress(parts.hostname, port, database, unquote(parts.username or ""), parts.query)


def password_of(url: str) -> str | None:
    """The password written in ``url``, or None."""
    try:
        password = urlsplit(url.strip()).password
    except ValueError:
        return None
    return unquote(password) if password else None


def without_password(url: str) -> str:
    """``url`` as it may be stored or shown: without its password (a URL that cannot be read stays as it is)."""
    try:
        return parse(url).url()
    except InputError:
        return url


def short_reason(reason: str) -> str:
    """libpq's reason without the address it repeats: its last clause ("Connection refused", "timeout expired",
    "no password supplied"), on one line."""
    return reason.split("\n")[0].rsplit("failed: ", 1)[-1].strip()[:160]


def label(url: str) -> str:
    try:
        return parse(url).label()
    except InputError:
        return without_password(url)


# -- libpq's password file ---------------------------------------------------------------------------------------
def password_file() -> Path:
    """The password file libpq reads: ``PGPASSFILE``, else ``~/.pgpass`` (``%APPDATA%/postgresql/pgpass.conf``
    on Windows)."""
    named = os.environ.get("PGPASSFILE")
    if named:
        return Path(named)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _fields(line: str) -> list[str]:
    """A password-file line's fields, unescaped."""
    fields: list[str] = []
    current, escaped = "", False
    for ch in line:
        if escaped:
            current += ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":" and len(fields) < 4:
            fields.append(current)
            current = ""
        else:
            current += ch
    fields.append(current)
    return fields


def _key(address: ServerAddress) -> list[str]:
    return [address.host, str(address.port), address.database, address.user]


def remembered_password(address: ServerAddress, path: Path | None = None) -> str | None:
    """The password the file gives for ``address`` (the first matching line, ``*`` matching anything, as libpq
    reads it), or None."""
    path = path or password_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    key = _key(address)
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _fields(line)
        if len(fields) == 5 and all(f == "*" or f == k for f, k in zip(fields[:4], key, strict=True)):
            return fields[4]
    return None


def remember_password(address: ServerAddress, password: str, path: Path | None = None) -> Path:
    """Write (or replace) the line for exactly ``address`` in the password file, first in the file so that it
    wins over a wildcard line; the file is written whole under a temporary name with mode 0600 and renamed."""
    path = path or password_file()
    key = _key(address)
    try:
        old = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        old = []
    kept = [line for line in old if _fields(line)[:4] != key]
    line = ":".join(_escape(v) for v in [*key, password])
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join([line, *kept]) + "\n")
    os.chmod(partial, 0o600)  # also when the file was left by an earlier attempt with other rights
    os.replace(partial, path)
    return path
