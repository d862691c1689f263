"""The database files the clerk has used, kept in QSettings: the last one opened and a recent-files list.

Plain functions over a ``QSettings`` passed in (no globals), so that tests use an INI file of their own.
Paths are stored absolute and resolved, so one file reached by two spellings counts once.  The stored list
keeps a file that is missing now (a USB stick not plugged in may come back); listing leaves it out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

GROUP = "databases"
LAST_KEY = "last"
RECENT_ARRAY = "recent"
MAX_RECENT = 8


def _normal(path: str | Path) -> Path:
    return Path(path).expanduser().resolve()


def _stored(settings: QSettings) -> list[Path]:
    settings.beginGroup(GROUP)
    try:
        count = settings.beginReadArray(RECENT_ARRAY)
        paths = []
        for index in range(count):
            settings.setArrayIndex(index)
            value = settings.value("path")
            if value:
                paths.append(Path(str(value)))
        settings.endArray()
    finally:
        settings.endGroup()
    return paths


def _store(settings: QSettings, paths: list[Path]) -> None:
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


def last_database(settings: QSettings) -> Path | None:
    """The database file opened last, or None if there is none or it no longer exists."""
    value = settings.value(f"{GROUP}/{LAST_KEY}")
    if not value:
        return None
    path = Path(str(value))
    return path if path.is_file() else None


def remember_database(settings: QSettings, path: str | Path) -> None:
    """Record ``path`` as the last database and move it to the front of the recent list (at most 8)."""
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


def recent_databases(settings: QSettings) -> list[Path]:
    """The recent database files, most recent first, leaving out those that no longer exist."""
    return [path for path in _stored(settings) if path.is_file()]
