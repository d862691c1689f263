"""The one program: ``python main.py`` / ``civicdesk`` with a command runs headless, without one opens the GUI."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    _utf8_when_piped()
    gui = gui_arguments(args)
    if gui is not None:  # the window: neither the commands nor their parser are needed on the way to it
        from civicdesk.ui.main import run_gui

        return run_gui(db_path=gui["db"], lang=gui["lang"])
    from civicdesk import cli

    try:
        cli.check_arguments(args)
    except cli.CivicDeskError as exc:
        sys.stderr.write(f"civicdesk: {exc.message(_lang_of(args))}\n")
        return cli.EXIT_ERROR
    parser = cli.build_parser()
    options = parser.parse_args(args)
    if options.command is None:
        from civicdesk.ui.main import run_gui

        return run_gui(db_path=options.db, lang=options.lang)
    try:
        code = cli.run(options)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is noticed while it can be handled
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    return code


#: the options of the whole program, each with a value, that the window reads (``--user`` and ``--no-backup`` are
#: for the commands); the parser accepts each as ``--name VALUE`` or ``--name=VALUE``
_GUI_OPTIONS = {"--db": "db", "--lang": "lang", "--user": None}
_FLAGS = {"--no-backup"}


def gui_arguments(args: list[str]) -> dict[str, str | None] | None:
    """``--db`` and ``--lang`` as the parser (``cli.build_parser``) would read them, when ``args`` name no command
    and hold only the program's own options in their plain spellings; else None, and the parser reads them (a
    command, ``--help``, an abbreviation, a wrong value, text that is not UTF-8: its words, its exit status).
    Importing the commands and building their parser (~300 options) took a tenth of a second of every start of
    the window."""
    found: dict[str, str | None] = {"db": None, "lang": os.environ.get("CIVICDESK_LANG", "zh")}
    i = 0
    while i < len(args):
        arg = args[i]
        if any("\ud800" <= c <= "\udfff" for c in arg):
            return None  # the parser's path refuses it in words
        if arg in _FLAGS:
            i += 1
            continue
        name, equals, value = arg.partition("=")
        if name not in _GUI_OPTIONS:
            return None
        if not equals:
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                return None  # argparse: "expected one argument" (or a negative number: its own rules)
            value = args[i + 1]
            i += 1
        if any("\ud800" <= c <= "\udfff" for c in value):
            return None
        if name == "--lang" and value not in ("zh", "en"):
            return None  # argparse: invalid choice
        key = _GUI_OPTIONS[name]
        if key is not None:
            found[key] = value
        i += 1
    return found


def _lang_of(args: list[str]) -> str:
    """The ``--lang`` of arguments argparse has not read yet."""
    lang = os.environ.get("CIVICDESK_LANG", "zh")
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "en" if lang == "en" else "zh"


def _utf8_when_piped() -> None:
    """Write UTF-8 to a pipe or file whatever the locale says (JSON and text output hold Chinese); a console
    keeps its own encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not stream.isatty() and (stream.encoding or "").lower() != "utf-8":
            reconfigure(encoding="utf-8")


def _quiet_stdout() -> None:
    """The reader of our output went away (``civicdesk org list | head``): stop quietly.  Python would
    otherwise complain while flushing stdout at exit; point stdout at the null device instead."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (a test's capture)
        pass


if __name__ == "__main__":
    raise SystemExit(main())
