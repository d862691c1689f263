"""The database files the clerk has used, kept in QSettings: the last one opened and a recent-files list.

Plain functions over a ``QSettings`` passed in (no globals), so that tests use an INI file of their own.
Paths are stored absolute and resolved, so one file reached by two spellings counts once.  The stored list
keeps a file that is missing now (a USB stick not plugged in may come back); listing leaves it out.  An office
server is kept by its URL (a ``str``), always without its password (``server_address.without_password``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from civicdesk.services.core.server_address import is_server_url, without_password

GROUP = "databases"
LAST_KEY = "last"
RECENT_ARRAY = "recent"
MAX_RECENT = 8


def _normal(path: str | Path) -> Path | str:
    if is_server_url(path):
        return without_password(str(path))
    return Path(path).expanduser().resolve()


def _exists(entry: Path | str) -> bool:
    return isinstance(entry, str) or entry.is_file()


def _stored(settings: QSettings) -> list[Path | str]:
    settings.beginGroup(GROUP)
    try:
        count = settings.beginReadArray(RECENT_ARRAY)
        paths = []
        for index in range(count):
            settings.setArrayIndex(index)
            value = settings.value("path")
            if value:
                paths.append(str(value) if is_server_url(str(value)) else Path(str(value)))
        settings.endArray()
    finally:
        settings.endGroup()
    return paths


def _store(settings: QSettings, paths: list[Path | str]) -> None:
    settings.beginGroup(GROUP)
    try:
        settings.remove(RECENT_ARRAY)  # a shorter list must not leave the old tail behind
        settings.beginWriteArray(RECENT_ARRAY, len(paths))
        for index, path in enumerate(paths):
            settings.setArrayIndex(index)
            settings.setValue("path", str(path))
        settings.endArray()
    finally:
        settings.endGroup()


def last_database(settings: QSettings) -> Path | str | None:
    """The database file (or server URL) opened last, or None if there is none or the file no longer exists."""
    value = settings.value(f"{GROUP}/{LAST_KEY}")
    if not value:
        return None
    if is_server_url(str(value)):
        return without_password(str(value))
    path = Path(str(value))
    return path if path.is_file() else None


def remember_database(settings: QSettings, path: str | Path) -> None:
    """Record ``path`` (or a server's URL, kept without its password) as the last database and move it to the
    front of the recent list (at most 8)."""
    path = _normal(path)
    paths = [path, *(p for p in _stored(settings) if p != path)][:MAX_RECENT]
    _store(settings, paths)
    settings.setValue(f"{GROUP}/{LAST_KEY}", str(path))
    settings.sync()


def forget_database(settings: QSettings, path: str | Path) -> None:
    """Drop ``path`` from the recent list (and as the last database), e.g. after it failed to open."""
    path = _normal(path)
    _store(settings, [p for p in _stored(settings) if p != path])
    if settings.value(f"{GROUP}/{LAST_KEY}") == str(path):
        settings.remove(f"{GROUP}/{LAST_KEY}")
    settings.sync()


def recent_databases(settings: QSettings) -> list[Path | str]:
    """The recent database files and server URLs, most recent first, leaving out files that no longer exist."""
    return [path for path in _stored(settings) if _exists(path)]
