"""The one program: ``python main.py`` / ``civicdesk`` with a command runs headless, without one opens the GUI."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    from civicdesk import cli

    args = sys.argv[1:] if argv is None else argv
    _utf8_when_piped()
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
