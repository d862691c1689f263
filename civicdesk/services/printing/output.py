"""Writing a PDF safely: under a temporary name in the target folder, renamed into place only when whole.

A job that fails or is cancelled (by its progress callback raising, or by ``cancelled()`` turning true)
leaves no file behind, not even a partial one, and an existing file of that name is untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civicdesk.errors import CivicDeskError, InputError

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class PrintCancelled(CivicDeskError):
    """The clerk cancelled a print job; nothing was written."""

    def __init__(self) -> None:
        super().__init__("print.cancelled")


class Progress:
    """Reports (done, total) at most every ``step`` units and checks for cancellation each time."""

    def __init__(self, progress: ProgressFn | None, cancelled: CancelFn | None, total: int, step: int = 200) -> None:
        self._progress, self._cancelled = progress, cancelled
        self.total, self.step, self._next = max(total, 1), max(step, 1), 0

    def __call__(self, done: int, force: bool = False) -> None:
        if done < self._next and not force:
            return
        self._next = done + self.step
        if self._cancelled is not None and self._cancelled():
            raise PrintCancelled()
        if self._progress is not None:
            self._progress(min(done, self.total), self.total)


def check_target(target: Path) -> Path:
    target = Path(target).expanduser()
    if target.suffix.lower() != ".pdf":
        raise InputError("print.output_not_pdf", path=str(target))
    if not target.parent.is_dir():
        raise InputError("print.output_folder", path=str(target.parent))
    return target


def write_atomic(target: Path, write: Callable[[Path], Any]) -> Any:
    """Call ``write(temp_path)``, then move the temporary file onto ``target``; on any error remove it."""
    target = check_target(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".part", dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        result = write(temp)
        with temp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; a printed register is an ordinary file
        os.replace(temp, target)
        return result
    except OSError as exc:
        raise InputError("print.write_failed", path=str(target), reason=exc.strerror or str(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
