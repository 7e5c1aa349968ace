"""The layers keep to their lanes: what each package may import, read from the source (every import statement,
inside functions too) and checked by importing the Qt-free layers in a process where Qt cannot be imported."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "popbill_gui"
QT_FREE = ("core", "storage", "batch", "service", "simulator", "platform")
# What the two faces reach only through the service (their own rules and words, core's validation and messages,
# batch.reader/model/export, stay theirs to use).
FACES_MUST_NOT_IMPORT = (
    "popbill_gui.core.client",
    "popbill_gui.core.transport",
    "popbill_gui.core.auth",
    "popbill_gui.storage.history",
    "popbill_gui.storage.connection",
    "popbill_gui.batch.runner",
    "popbill_gui.batch.journal",
)


def modules_of(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module a file imports, absolute, wherever the import statement is."""
    package = "popbill_gui." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    parts = package.split(".")[:-1]  # the package a relative import starts from (for __init__: itself)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("folder", QT_FREE)
def test_the_qt_free_layers_import_no_qt(folder: str) -> None:
    offending = {
        str(path.relative_to(PACKAGE)): sorted(n for n in imported(path) if n.split(".")[0] in ("PySide6", "shiboken6"))
        for path in modules_of(folder)
    }
    assert {k: v for k, v in offending.items() if v} == {}


@pytest.mark.parametrize("face", ["ui", "cli", "app.py"])
def test_the_faces_reach_the_client_history_and_runner_only_through_the_service(face: str) -> None:
    paths = [PACKAGE / face] if face.endswith(".py") else modules_of(face)
    offending = {
        str(path.relative_to(PACKAGE)): sorted(
            n for n in imported(path) if any(n == m or n.startswith(m + ".") for m in FACES_MUST_NOT_IMPORT)
        )
        for path in paths
    }
    assert {k: v for k, v in offending.items() if v} == {}


def test_storage_does_not_lean_on_batch_or_above() -> None:
    for path in modules_of("storage"):
        upper = ("popbill_gui.batch", "popbill_gui.service", "popbill_gui.ui")
        above = [n for n in imported(path) if n.startswith(upper)]
        assert above == [], path


def test_core_and_batch_do_not_reach_up() -> None:
    for folder, above in (("core", ("storage", "batch", "service", "ui", "cli")), ("batch", ("service", "ui", "cli"))):
        for path in modules_of(folder):
            names = [n for n in imported(path) if n.startswith(tuple(f"popbill_gui.{a}" for a in above))]
            assert names == [], path


def test_no_module_is_over_600_lines() -> None:
    files = PACKAGE.rglob("*.py")
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in files}
    assert {name: n for name, n in sizes.items() if n > 600} == {}


BLOCK_QT = """
import importlib, sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is not available here")
sys.meta_path.insert(0, NoQt())
for name in sys.argv[1:]:
    importlib.import_module(name)
print("ok")
"""


def test_the_qt_free_layers_import_where_qt_cannot() -> None:
    names = [
        "popbill_gui." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for folder in QT_FREE
        for p in modules_of(folder)
    ]
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, *names, "popbill_gui.cli"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
