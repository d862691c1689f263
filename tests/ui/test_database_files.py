"""The last database and the recent-files list, kept in an INI file of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from civicdesk.ui.database_files import (
    MAX_RECENT,
    forget_database,
    last_database,
    recent_databases,
    remember_database,
)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def make(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(b"")
    return path.resolve()


def test_nothing_remembered(settings: QSettings) -> None:
    assert last_database(settings) is None
    assert recent_databases(settings) == []


def test_remember_sets_last_and_front(settings: QSettings, tmp_path: Path) -> None:
    a, b = make(tmp_path, "a.sqlite3"), make(tmp_path, "b.sqlite3")
    remember_database(settings, a)
    assert last_database(settings) == a
    assert recent_databases(settings) == [a]  # a list of one survives the INI round trip as a list
    remember_database(settings, b)
    assert last_database(settings) == b
    assert recent_databases(settings) == [b, a]
    remember_database(settings, a)
    assert recent_databases(settings) == [a, b]  # moved to the front, not duplicated


def test_one_file_by_two_spellings_counts_once(settings: QSettings, tmp_path: Path) -> None:
    a = make(tmp_path, "a.sqlite3")
    (tmp_path / "sub").mkdir()
    remember_database(settings, a)
    remember_database(settings, tmp_path / "sub" / ".." / "a.sqlite3")
    assert recent_databases(settings) == [a]


def test_at_most_eight(settings: QSettings, tmp_path: Path) -> None:
    paths = [make(tmp_path, f"{i}.sqlite3") for i in range(12)]
    for path in paths:
        remember_database(settings, path)
    assert MAX_RECENT == 8
    assert recent_databases(settings) == paths[::-1][:8]


def test_missing_files_are_left_out(settings: QSettings, tmp_path: Path) -> None:
    a, b, c = (make(tmp_path, f"{n}.sqlite3") for n in "abc")
    for path in (a, b, c):
        remember_database(settings, path)
    b.unlink()
    c.unlink()
    assert recent_databases(settings) == [a]
    assert last_database(settings) is None  # c was last and is gone
    c.write_bytes(b"")  # back again (a USB stick plugged in): still remembered
    assert recent_databases(settings) == [c, a]
    assert last_database(settings) == c


def test_kept_across_settings_objects(settings: QSettings, tmp_path: Path) -> None:
    a, b = make(tmp_path, "a,1.sqlite3"), make(tmp_path, "b 乐山.sqlite3")
    remember_database(settings, a)
    remember_database(settings, b)
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert recent_databases(again) == [b, a]
    assert last_database(again) == b


def test_shorter_list_leaves_no_tail(settings: QSettings, tmp_path: Path) -> None:
    a, b, c = (make(tmp_path, f"{n}.sqlite3") for n in "abc")
    for path in (a, b, c):
        remember_database(settings, path)
    forget_database(settings, c)
    assert recent_databases(settings) == [b, a]
    assert last_database(settings) is None
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert recent_databases(again) == [b, a]
