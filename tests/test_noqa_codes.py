"""Every ``# noqa: CODE`` in the tree names a rule that pyproject.toml's ruff configuration selects.

A noqa naming a rule that is not enabled silences nothing and misleads the reader about what is checked.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("civicdesk", "tests", "bench", "scripts")
NOQA = re.compile(r"#\s*noqa:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")


def selected_prefixes() -> tuple[str, ...]:
    """The rule codes and prefixes of [tool.ruff.lint] select (and extend-select)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    return tuple(lint.get("select", [])) + tuple(lint.get("extend-select", []))


def noqa_codes() -> list[tuple[str, int, str]]:
    """(path, line, code) of every code named by a ``# noqa:`` comment in the checked folders."""
    found = []
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for match in NOQA.finditer(line):
                    for code in re.split(r"\s*,\s*", match.group(1)):
                        found.append((str(path.relative_to(ROOT)), number, code))
    return found


def test_selected_rules_are_configured() -> None:
    assert selected_prefixes(), "pyproject.toml selects no ruff rules"


def test_every_noqa_code_names_a_selected_rule() -> None:
    prefixes = selected_prefixes()
    stray = [f"{path}:{line} {code}" for path, line, code in noqa_codes() if not code.startswith(prefixes)]
    assert stray == [], "noqa codes for rules ruff does not check:\n" + "\n".join(stray)


def test_the_pattern_sees_noqa_comments() -> None:
    # guard against a pattern that matches nothing and so passes vacuously
    sample = "x = 1  # noqa: E501, B008"
    assert [m.group(1) for m in NOQA.finditer(sample)] == ["E501, B008"]
