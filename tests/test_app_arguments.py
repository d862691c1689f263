"""The window's start reads its options without the commands' parser (``civicdesk.app.gui_arguments``): for every
argument list it accepts, the parser reads the same ``--db`` and ``--lang`` and no command; everything else (a
command, help, an abbreviation, a wrong value, text that is not UTF-8) is left to the parser, which says it."""

from __future__ import annotations

import os

import pytest

from civicdesk import cli
from civicdesk.app import gui_arguments

ACCEPTED = [
    [],
    ["--db", "/tmp/a.sqlite3"],
    ["--db=/tmp/a b.sqlite3"],
    ["--db", ""],
    ["--db=-odd-name.sqlite3"],
    ["--lang", "en"],
    ["--lang=zh", "--db", "x.sqlite3"],
    ["--db", "a.sqlite3", "--db", "b.sqlite3"],  # the last one counts, as in argparse
    ["--user", "wang", "--db", "postgresql://clerk@office/civicdesk?sslmode=require"],
    ["--no-backup", "--db=demo", "--lang", "en"],
    ["--db", "demo"],  # a file named like a command, given as the value of --db
    ["--db", "数据库.sqlite3"],
]

LEFT_TO_THE_PARSER = [
    ["demo"],
    ["--db", "x.sqlite3", "org", "list"],
    ["--help"],
    ["-h"],
    ["--version"],
    ["--d", "x.sqlite3"],  # an abbreviation
    ["--lang", "fr"],
    ["--lang=de"],
    ["--db"],
    ["--db", "--lang", "en"],
    ["--db", "-x"],
    ["--no-backup=1"],
    ["--db", "bad\udcff.sqlite3"],
    ["--db=bad\udcff"],
    ["--", "--db", "x"],
    ["-"],
]


@pytest.mark.parametrize("lang_env", [None, "en"])
def test_accepted_lists_read_as_the_parser_reads_them(monkeypatch: pytest.MonkeyPatch, lang_env: str | None) -> None:
    if lang_env is None:
        monkeypatch.delenv("CIVICDESK_LANG", raising=False)
    else:
        monkeypatch.setenv("CIVICDESK_LANG", lang_env)
    parser = cli.build_parser()
    for args in ACCEPTED:
        found = gui_arguments(args)
        assert found is not None, args
        options = parser.parse_args(args)
        assert options.command is None, args
        assert found == {"db": options.db, "lang": options.lang}, args
    assert os.environ.get("CIVICDESK_LANG") == lang_env


def test_the_rest_is_left_to_the_parser() -> None:
    for args in LEFT_TO_THE_PARSER:
        assert gui_arguments(args) is None, args
