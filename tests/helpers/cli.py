"""The program's command line in this process (``civicdesk.app.main``): the same code as the ``civicdesk``
command without a process's start-up (about a second each).  A few tests per command group keep a real process
(tests/integration/test_cli*.py, test_one_line_errors.py, test_readme.py)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from civicdesk.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one command, output read through pytest's ``capsys``; argparse's own
    refusals (``SystemExit``) become their exit code."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args: str | Path) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one command, without ``capsys`` (for fixtures of any scope)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def ok(*args: str | Path) -> str:
    """The stdout of a command that must succeed."""
    code, out, err = cli(*args)
    assert code == 0, f"{args}: {err}"
    return out
