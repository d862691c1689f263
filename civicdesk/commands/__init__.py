"""Command groups of the CLI, one module per feature (see ``civicdesk.cli._command_modules``).

A module defines ``add_parsers(sub) -> dict[str, handler]``; a handler takes the parsed options and returns
the exit code, raising ``CivicDeskError`` for anything a user can cause.  Shared helpers (opening the database,
printing JSON) are imported from ``civicdesk.cli``.
"""
