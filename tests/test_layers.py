"""The layers keep to their lanes: what each package may import, read from the source (every import statement,
inside functions too) and checked by importing the Qt-free layers in a process where Qt cannot be imported; the
window is built of features joined by composition, around a main window that is a shell; and only the faces say
which command to run."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "popbill_gui"
QT_FREE = ("core", "storage", "batch", "service", "simulator", "platform")
FACES = ("ui", "cli", "app.py")
# What the faces (the window, the command line) may take from core, storage and batch themselves: plain values
# (rules, types, sentences, constants), by module, or by name where the module also does work that belongs to the
# service. Everything else (the client, the transport, tokens, the history, the journal, the runner, reading and
# writing files) they reach through service/. None: every name of the module.
FACES_MAY_IMPORT: dict[str, frozenset[str] | None] = {
    "popbill_gui.core.validation": None,  # the input rules, checked as the clerk types
    "popbill_gui.core.messages": None,  # the core's sentences, asked for in the face's language
    "popbill_gui.core.errors": None,  # the error type, its kinds, the hints for POPBiLL's codes
    "popbill_gui.core.models": None,  # plain data: credentials, a call's result, a token
    "popbill_gui.core.id_pattern": None,  # document IDs from a pattern: rules and the proposals they make
    "popbill_gui.core.invoices": None,  # an invoice as plain data, and the search's rules
    "popbill_gui.core.invoice_table": None,  # an invoice list as columns (what `popbill-cli search` prints)
    "popbill_gui.core.cells": None,  # text that stays text in a spreadsheet
    "popbill_gui.core.environments": frozenset({"check_url", "check_pac_url"}),  # the rules for custom addresses
    "popbill_gui.core.states": frozenset({"state_phrase"}),  # an invoice's state in words
    "popbill_gui.core.trust": frozenset({"check_ca_file", "clean_ca_path"}),  # the rules for a CA file setting
    "popbill_gui.batch.model": None,  # a batch's rows, states and operations, as plain data
    "popbill_gui.batch.headers": frozenset({"HEADER_NAMES", "column_name"}),  # a column's name as the clerk reads it
    "popbill_gui.batch.export": frozenset({"ResultsFileError", "check_results_target"}),  # the results file's rule
    "popbill_gui.storage.settings": None,  # the Settings type, its variables and its file, read at start
    "popbill_gui.storage.logfile": frozenset({"LogFileHandler"}),  # app.py: the window's own log file
}


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


def lower_layer_imports(path: Path) -> list[tuple[str, str | None]]:
    """(module, name) for everything `path` takes from core, storage or batch: name None for a whole module."""
    parts = ("popbill_gui." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)).split(".")[:-1]
    lower = ("popbill_gui.core", "popbill_gui.storage", "popbill_gui.batch")
    taken: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            taken += [(alias.name, None) for alias in node.names if alias.name.startswith(lower)]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join([*parts[: len(parts) - node.level + 1], *([node.module] if node.module else [])])
            base = base if node.level else node.module or ""
            if base in lower:  # `from ..storage import settings`: each name is a module
                taken += [(f"{base}.{alias.name}", None) for alias in node.names]
            elif base.startswith(lower):
                taken += [(base, alias.name) for alias in node.names]
    return taken


@pytest.mark.parametrize("face", FACES)
def test_the_faces_reach_core_storage_and_batch_only_for_plain_values(face: str) -> None:
    paths = [PACKAGE / face] if face.endswith(".py") else modules_of(face)
    offending = []
    for path in paths:
        for module, name in lower_layer_imports(path):
            allowed = FACES_MAY_IMPORT.get(module, frozenset())
            if allowed is not None and (name is None or name not in allowed):
                offending.append(f"{path.relative_to(PACKAGE)}: {module} {name or '(the module)'}")
    assert offending == []


def test_every_rule_names_a_module_and_names_that_exist() -> None:
    for module, names in FACES_MAY_IMPORT.items():
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        assert path.exists(), module
        if names is not None:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            defined = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
            defined |= {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                        for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                        if isinstance(t, ast.Name)}  # fmt: skip
            assert names <= defined, (module, names - defined)


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


def project_classes() -> set[str]:
    """The names of every class the package defines."""
    return {
        node.name
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    }


def test_the_window_is_built_by_composition() -> None:
    """No class in ui/ inherits from two of the project's classes, and none declares what a host class provides
    (`if TYPE_CHECKING:` stubs in a class body: a mixin reaching into another class's private state)."""
    ours = project_classes()
    offending = []
    for path in modules_of("ui"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = [b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases]
            if len([b for b in bases if b in ours]) > 1:
                offending.append(f"{path.relative_to(PACKAGE)}: {node.name}({', '.join(bases)})")
            for statement in node.body:
                if isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test):
                    offending.append(f"{path.relative_to(PACKAGE)}: {node.name} declares its host's attributes")
    assert offending == []


def test_the_main_window_is_a_shell() -> None:
    lines = (PACKAGE / "ui" / "window" / "main_window.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300


COMMAND = re.compile(r"popbill-cli\s+[a-z]")  # `popbill-cli login`, `popbill-cli batch …`: a command to run


def test_no_advice_to_run_a_command_below_the_faces() -> None:
    """The sentences of core, service, storage and batch say what happened; which command to run is the command
    line's advice (cli/), where to click the window's (ui/). Docstrings and comments may name the commands."""
    offending = []
    for folder in ("core", "service", "storage", "batch"):
        for path in modules_of(folder):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                and node.body
                and isinstance(node.body[0], ast.Expr)
                and isinstance(node.body[0].value, ast.Constant)
            }
            offending += [
                f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value[:60]}"
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                and COMMAND.search(node.value)
            ]  # fmt: skip
    assert offending == []


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
