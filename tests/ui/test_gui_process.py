"""The GUI as a process (issue 13): without a display it says so in one line and exits 2 (not Qt's xcb-cursor
abort, exit 134); Ctrl+C in the terminal (SIGINT) closes it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from civicdesk.ui.main import display_problem

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This environment without a display (and without a fast-start switch), settings in the test's folder."""
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CIVICDESK_NO_FAST_START")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)
    return env


def test_without_a_display_one_line_and_exit_2(tmp_path: Path) -> None:
    for lang, words in (("zh", "没有可显示窗口的图形界面"), ("en", "no display to open the window on")):
        done = subprocess.run([sys.executable, "main.py", "--lang", lang, "--db", str(tmp_path / "x.sqlite3")],
                              cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=60)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and words in done.stderr, done.stderr
        assert done.stdout == ""
    assert not (tmp_path / "x.sqlite3").exists()  # nothing was opened


def test_display_rule() -> None:
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, "linux") is not None
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


def test_ctrl_c_closes_the_gui(tmp_path: Path, templates: dict[str, Path]) -> None:
    db = tmp_path / "x.sqlite3"
    shutil.copyfile(templates["shawan_demo"], db)  # no accounts: the window opens without a login
    probe = tmp_path / "probe.json"
    process = subprocess.Popen([sys.executable, "main.py", "--db", str(db)], cwd=ROOT,
                               env=_env(tmp_path, QT_QPA_PLATFORM="offscreen", CIVICDESK_START_PROBE=str(probe)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not probe.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert process.poll() is None, process.communicate()
        assert probe.exists()
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
