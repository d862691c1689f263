"""The README's examples, run as written: every ``sh`` block after the first two commands, in order, in one
empty folder, by bash with ``set -e``, with the virtual environment's ``civicdesk`` on the PATH (as after
``. .venv/bin/activate``) and an empty home folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
BLOCKS = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return BLOCKS.findall(README.read_text(encoding="utf-8"))


def test_the_readme_opens_with_exactly_two_commands() -> None:
    first = [line for line in blocks()[0].splitlines() if line.strip()]
    assert first == ["sh scripts/setup.sh && .venv/bin/python main.py",
                     "sh scripts/setup.sh test && .venv/bin/python -m pytest"]


def test_every_example_in_the_readme_runs_as_written(tmp_path: Path) -> None:
    examples = blocks()[1:]
    assert len(examples) >= 5 and all("civicdesk" in b for b in examples)
    script = "set -euo pipefail\n" + "\n".join(examples)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CIVICDESK_") or k == "CIVICDESK_INSECURE_TEST_HASHING"}
    env.update(HOME=str(home), PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"), LANG="C.UTF-8")
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr
    # what the walk-through made is there and says what the README says it does
    text = pypdf.PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text()
    assert "沙湾区爱心学校" in text
    assert list((tmp_path / "发件").glob("CD-511111-*-to-511100.cdsync"))
    assert (tmp_path / "重发.cdsync").read_bytes() == next((tmp_path / "发件").glob("*.cdsync")).read_bytes()
