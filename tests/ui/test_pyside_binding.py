"""The installed PySide6 survives many calls of Qt methods that return nothing.

PySide6 6.12.0 on Python 3.11 aborts the process after about 5,000 calls of void Qt methods (each call drops
one reference to ``None``: "Fatal Python error: none_dealloc"); pyproject.toml pins around it.  The calls run in
a subprocess, so a broken binding fails this test instead of killing the whole test session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 100_000
SENTINEL = "CIVICDESK-VOID-CALLS-DONE"

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject

    app = QCoreApplication(sys.argv[:1])
    obj = QObject()
    calls = 0
    for i in range({CALLS} // 2):
        result = obj.setObjectName("civicdesk")
        QCoreApplication.processEvents()
        calls += 2
    assert result is None, result
    assert obj.objectName() == "civicdesk"
    print("{SENTINEL}", calls, flush=True)
    """
)


def test_many_void_qt_calls_do_not_abort() -> None:
    """100,000 calls of setObjectName and processEvents in a child process; it must exit 0 and finish."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    detail = f"exit code {proc.returncode}\nstdout:\n{proc.stdout[-2000:]}\nstderr:\n{proc.stderr[-2000:]}"
    assert proc.returncode == 0, detail
    assert "Fatal Python error" not in proc.stderr, detail
    assert proc.stdout.strip().splitlines()[-1] == f"{SENTINEL} {CALLS}", detail
