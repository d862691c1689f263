"""The one program: ``python main.py`` / ``civicdesk`` with a command runs headless, without one opens the GUI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from civicdesk import cli

    args = sys.argv[1:] if argv is None else argv
    parser = cli.build_parser()
    options = parser.parse_args(args)
    if options.command is None:
        from civicdesk.ui.main import run_gui

        return run_gui(db_path=options.db, lang=options.lang)
    return cli.run(options)


if __name__ == "__main__":
    raise SystemExit(main())
