"""The layering of the package, checked on the source with ``ast`` (nothing is imported).

* ``civicdesk/models`` and ``civicdesk/services`` never import Qt (PySide6 or its shiboken6 runtime);
* ``civicdesk/ui`` never imports SQLAlchemy or Alembic (it goes through the services);
* ``civicdesk/models`` imports nothing from ``civicdesk`` outside ``civicdesk.models``.

Every import counts, at any depth: inside functions, ``if TYPE_CHECKING:`` blocks, ``try:`` blocks, and
``importlib.import_module("…")`` / ``__import__("…")`` calls with a literal name.  Relative imports are resolved.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "civicdesk"


class Import(NamedTuple):
    line: int
    module: str  # absolute dotted name; for ``from m import n`` this is ``m.n``


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    """Dotted module name of a file under root, and whether it is a package ``__init__``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _resolve(module: str | None, level: int, current: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    base = current.split(".") if is_package else current.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports_in(source: str, current: str = "module", is_package: bool = False) -> Iterator[Import]:
    """Every module a piece of source imports, with its line number."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module, node.level, current, is_package)
            for alias in node.names:
                yield Import(node.lineno, base if alias.name == "*" else f"{base}.{alias.name}")
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                yield Import(node.lineno, node.args[0].value)


def _top(name: str, roots: set[str]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


def forbids(*roots: str) -> Callable[[str], bool]:
    return lambda name: _top(name, set(roots))


# Modules of the package that import nothing but the standard library, so every layer may use them.
KERNEL = {"civicdesk.clock", "civicdesk.schema", "civicdesk.messages"}


def outside_models(name: str) -> bool:
    return _top(name, {"civicdesk"}) and not _top(name, {"civicdesk.models", *KERNEL})


@functools.cache
def _imports_of(path: Path, root: Path) -> tuple[Import, ...]:
    """The imports of one file, read and parsed once per run (several checks read the same layer)."""
    current, is_package = module_name(path, root)
    return tuple(imports_in(path.read_text(encoding="utf-8"), current, is_package))


def violations(folder: Path, is_forbidden: Callable[[str], bool], root: Path = ROOT) -> list[str]:
    """``file:line: imports name`` for every forbidden import in the .py files under folder."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for imp in _imports_of(path, root):
            if is_forbidden(imp.module):
                found.append(f"{path.relative_to(root).as_posix()}:{imp.line}: imports {imp.module}")
    return found


qt = forbids("PySide6", "shiboken6")


def test_layer_folders_exist() -> None:
    """The checks below would pass vacuously on a wrong path."""
    assert list((PACKAGE / "models").rglob("*.py"))
    assert list((PACKAGE / "services").rglob("*.py"))
    assert (PACKAGE / "ui").is_dir()


@pytest.mark.parametrize("layer", ["models", "services"])
def test_no_qt_below_the_ui(layer: str) -> None:
    found = violations(PACKAGE / layer, qt)
    assert not found, f"civicdesk/{layer} must not import Qt:\n" + "\n".join(found)


@pytest.mark.parametrize("layer", ["models", "services"])
def test_no_argparse_below_the_commands(layer: str) -> None:
    """The command line's arguments are mapped in civicdesk/commands; a service takes options, not a Namespace."""
    found = violations(PACKAGE / layer, forbids("argparse"))
    assert not found, f"civicdesk/{layer} must not import argparse:\n" + "\n".join(found)


def test_ui_does_not_touch_the_database() -> None:
    found = violations(PACKAGE / "ui", forbids("sqlalchemy", "alembic"))
    assert not found, "civicdesk/ui must go through the services, not SQLAlchemy/Alembic:\n" + "\n".join(found)


def test_kernel_imports_only_the_standard_library() -> None:
    import sys

    for module in KERNEL:
        path = PACKAGE.parent / module.replace(".", "/")
        files = sorted(path.glob("*.py")) if path.is_dir() else [path.with_suffix(".py")]  # a package: its modules
        for file in files:
            found = [imp for imp in imports_in(file.read_text(encoding="utf-8"), module)
                     if imp.module.split(".")[0] not in sys.stdlib_module_names
                     and imp.module != "__future__.annotations" and not _top(imp.module, {module})]
            assert not found, f"{file.name} of {module} must import only the standard library: {found}"


def test_models_import_only_models() -> None:
    found = violations(PACKAGE / "models", outside_models)
    assert not found, "civicdesk/models may import only civicdesk.models:\n" + "\n".join(found)


# --------------------------------------------------------------------------------------------------------------
# Self-tests of the checker
# --------------------------------------------------------------------------------------------------------------

SAMPLE = '''\
"""A module that breaks every rule."""
import os
import PySide6.QtCore
from PySide6 import QtWidgets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shiboken6 import Shiboken

def later():
    try:
        from PySide6.QtGui import QColor as C
    except ImportError:
        pass
    import importlib
    importlib.import_module("PySide6.QtSvg")
    return __import__("sqlalchemy.orm")

class Thing:
    def method(self):
        from ..errors import Issue
        from .. import RESOURCES
        from . import base
        from ..models.base import Base
        from civicdesk import models
        import alembic.command
'''


def sample_hits(is_forbidden: Callable[[str], bool]) -> list[tuple[int, str]]:
    return [(i.line, i.module) for i in imports_in(SAMPLE, "civicdesk.models.sample") if is_forbidden(i.module)]


def test_checker_finds_qt_at_any_depth() -> None:
    assert sample_hits(qt) == [
        (3, "PySide6.QtCore"),
        (4, "PySide6.QtWidgets"),
        (8, "shiboken6.Shiboken"),
        (12, "PySide6.QtGui.QColor"),
        (16, "PySide6.QtSvg"),
    ]


def test_checker_finds_database_imports() -> None:
    assert sample_hits(forbids("sqlalchemy", "alembic")) == [(17, "sqlalchemy.orm"), (26, "alembic.command")]


def test_checker_resolves_relative_imports() -> None:
    """``..errors`` from civicdesk.models.sample is civicdesk.errors; ``.`` and ``..models`` stay inside."""
    assert sample_hits(outside_models) == [(21, "civicdesk.errors.Issue"), (22, "civicdesk.RESOURCES")]
    assert _resolve("x", 1, "civicdesk.models", True) == "civicdesk.models.x"
    assert _resolve(None, 2, "civicdesk.models", True) == "civicdesk"


def test_checker_passes_clean_source_and_does_not_match_prefixes() -> None:
    clean = "import os\nfrom sqlalchemy import select\nimport PySide6_helpers\nfrom civicdesk.models import Base\n"
    assert [i for i in imports_in(clean, "civicdesk.services.x") if qt(i.module)] == []
    assert [i for i in imports_in(clean, "civicdesk.models.x") if outside_models(i.module)] == []


def test_violations_reports_file_and_line(tmp_path: Path) -> None:
    """The report names the offending file relative to the project and the line of the import."""
    layer = tmp_path / "civicdesk" / "services"
    layer.mkdir(parents=True)
    (layer / "ok.py").write_text("import json\n", encoding="utf-8")
    (layer / "bad.py").write_text("import json\n\ndef f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert violations(layer, qt, root=tmp_path) == ["civicdesk/services/bad.py:4: imports PySide6.QtCore.QObject"]


def test_the_project_points_at_its_own_documents() -> None:
    """The design and domain notes the code cites are the project's own, in docs/; nothing points outside the
    repository (a new clone has no ../shared)."""
    pattern = "shared" + "/"  # spelled apart so that this file does not match itself
    found = [f"{path.relative_to(ROOT)}:{n}" for path in [ROOT / "README.md", *PACKAGE.rglob("*.py"),
                                                          *(ROOT / "tests").rglob("*.py")]
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if pattern in line]
    assert not found, found
    for name in ("DESIGN.md", "DOMAIN.md", "GLOSSARY.md", "SYNC.md"):
        assert (ROOT / "docs" / name).is_file(), name
