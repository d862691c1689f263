"""The terminal prompts speak the user's language: a real process on a pseudo-terminal, as a clerk types."""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _read_until(fd: int, wanted: str, seen: list[str], timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while wanted not in "".join(seen):
        if time.monotonic() > end:
            raise AssertionError(f"no {wanted!r} in {''.join(seen)!r}")
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen.append(os.read(fd, 4096).decode("utf-8", "replace"))
            except OSError:  # the child ended
                raise AssertionError(f"no {wanted!r} in {''.join(seen)!r}") from None


@pytest.mark.parametrize("lang, prompts", [
    ("en", ("Password of the administrator admin1:", "Password of the administrator admin1 again:",
            "Sync key passphrase (protects this office's private keys, at least 8 characters):",
            "Sync key passphrase (protects this office's private keys, at least 8 characters) again:")),
    ("zh", ("管理员 admin1 的密码:", "再次输入管理员 admin1 的密码:", "同步密钥口令（保护本单位私钥，至少8位）:",
            "再次输入同步密钥口令（保护本单位私钥，至少8位）:")),
])
def test_init_asks_for_the_password_and_the_passphrase_in_the_users_language(tmp_path: Path, lang: str,
                                                                               prompts: tuple[str, ...]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CIVICDESK_KEY_PASSPHRASE", "CIVICDESK_PASSWORD")}
    args = [sys.executable, str(ROOT / "main.py"), "--lang", lang, "--db", str(tmp_path / "office.sqlite3"), "init",
            "--office-code", "511111", "--office-name", "乐山市沙湾区民政局", "--level", "district",
            "--admin", "admin1"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the program on the terminal
        os.execve(sys.executable, args, env)
    seen: list[str] = []
    try:
        for text, answer in zip(prompts, ("pw-Admin-2026x", "pw-Admin-2026x", "key-pass-2026", "key-pass-2026"),
                                strict=True):
            _read_until(fd, text, seen)
            seen.clear()
            os.write(fd, answer.encode() + b"\n")
        while True:  # what it says after the last answer, to the end
            ready, _, _ = select.select([fd], [], [], 30)
            try:
                chunk = os.read(fd, 4096) if ready else b""
            except OSError:
                break
            if not chunk:
                break
            seen.append(chunk.decode("utf-8", "replace"))
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, "".join(seen)
    # and the keys were made (by the new administrator: before the fix, "needs a login" and exit 2)
    from civicdesk.services.core.database import open_database
    from civicdesk.services.sync import keys

    db = open_database(tmp_path / "office.sqlite3")
    try:
        assert keys.has_keys(db)
    finally:
        db.close()
