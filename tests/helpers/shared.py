"""Folders built once per test run and shared by its pytest-xdist workers (session templates)."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest


def shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder that ``build`` fills once per test run, for every pytest-xdist worker of the run.

    The workers' base temp folders (``.../pytest-N/popen-gw0``) share a parent made for this run alone: the first
    worker to ask builds the folder there under an exclusive lock (fcntl.flock), the others wait on the lock and
    use what it built, so a session template costs one build per run instead of one per worker.  The lock and the
    "built" mark lie beside the folder, never in it (fixtures copy every file of the folder).  Without xdist the
    folder is built in this process's own base temp, as before.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    root = tmp_path_factory.getbasetemp().parent / "shared"
    root.mkdir(exist_ok=True)
    folder, built = root / name, root / f"{name}.built"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if this worker dies
        if not built.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed half-way left
            folder.mkdir()
            build(folder)
            built.touch()
    return folder
