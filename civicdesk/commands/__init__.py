"""Command groups of the CLI, one module per feature, listed in ``civicdesk.cli.COMMAND_MODULES``.

A module defines ``add_parsers(sub) -> dict[str, handler]``; a handler takes the parsed options and returns
the exit code, raising ``CivicDeskError`` for anything a user can cause.  Shared helpers (opening the database,
who is acting, printing JSON) are public in :mod:`civicdesk.commands.common`; see README.md here.
"""
