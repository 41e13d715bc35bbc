"""The import contracts in pyproject.toml bite: a forbidden import planted in a copy of the tree
breaks the contract that names it, and the contracts' module lists cover the whole package."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("importlinter")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

NO_QT = "No Qt below the views: only desktop.views and desktop.app import PySide6"
LAYERS = "Layers: views above core above db and models"
CORE = "Core, db and models import no demo data, sync, reports, wording or CLI"
INDEPENDENT = "Exchange packages, reports and demo data are independent of each other"
CLI = "Only the entry point imports the CLI (the CLI may use sync, reports and demo)"
REPORTS = "Reports take DTOs and labels: no database, no Session"
GUI = {"desktop.views", "desktop.app"}


def contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def top_level_modules() -> set[str]:
    """desktop's modules and subpackages, as `desktop.NAME` (the package's own __init__ aside)."""
    found = set()
    for path in PACKAGE.iterdir():
        if path.suffix == ".py" and path.name != "__init__.py":
            found.add(f"desktop.{path.stem}")
        elif (path / "__init__.py").is_file():
            found.add(f"desktop.{path.name}")
    return found


def cli_modules() -> set[str]:
    names = {m for m in top_level_modules() if m == "desktop.cli" or m.startswith("desktop.cli_")}
    return names | {"desktop.__main__"}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the package and of pyproject.toml; lint-imports run there analyses the copy."""
    copy = tmp_path / "tree"
    shutil.copytree(PACKAGE, copy / "desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def lint_imports(tree: Path) -> tuple[int, dict[str, str], str]:
    """Exit code, each contract's verdict (KEPT or BROKEN) by name, and the whole output."""
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(tree / "pyproject.toml")],
        cwd=tree,  # lint-imports puts its working folder first on sys.path: `desktop` is the copy
        env={**os.environ, "COLUMNS": "500"},  # one line per contract
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    verdicts = {
        m["name"]: m["verdict"]
        for m in re.finditer(r"^(?P<name>.+?) (?P<verdict>KEPT|BROKEN)\b", output, re.MULTILINE)
    }
    return result.returncode, verdicts, output


def plant(tree: Path, module: str, statement: str) -> None:
    path = tree / "desktop" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{statement}\n", encoding="utf-8")


def test_the_unmodified_tree_keeps_every_contract(tree: Path) -> None:
    code, verdicts, output = lint_imports(tree)
    assert (code, verdicts) == (0, dict.fromkeys(contracts(), "KEPT")), output


@pytest.mark.parametrize(
    ("module", "statement", "broken"),
    [
        ("core/pinyin.py", "import PySide6", {NO_QT}),
        ("core/pinyin.py", "from desktop.views import tasks", {NO_QT, LAYERS}),
        # Reports and demo data use core, so through it they now reach the exchange code too
        # (desktop.messages imports desktop.sync).
        ("core/pinyin.py", "import desktop.sync", {CORE, INDEPENDENT}),
        ("core/pinyin.py", "from desktop.messages import message", {CORE, INDEPENDENT}),
        ("demo/names.py", "from PySide6 import QtCore", {NO_QT}),
        ("cli_report.py", "import shiboken6", {NO_QT}),
        ("cli_report.py", "import desktop.app", {NO_QT}),
        # The ignored import is desktop.__main__ -> desktop.app only: Qt itself stays forbidden.
        ("__main__.py", "import PySide6", {NO_QT}),
        ("reports/formatting.py", "import desktop.cli_package", {CLI, INDEPENDENT}),
        ("sync/jsonl.py", "import desktop.reports", {INDEPENDENT}),
        ("demo/names.py", "import desktop.sync", {INDEPENDENT}),
        ("views/garbage.py", "import desktop.cli", {CLI}),
        ("reports/formatting.py", "from sqlalchemy.orm import Session", {REPORTS}),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tree: Path, module: str, statement: str, broken: set[str]
) -> None:
    plant(tree, module, statement)
    code, verdicts, output = lint_imports(tree)
    assert code != 0, output
    assert {name for name, verdict in verdicts.items() if verdict == "BROKEN"} == broken, output


def test_no_qt_contract_names_every_module_but_the_gui() -> None:
    no_qt = contracts()[NO_QT]
    assert set(no_qt["source_modules"]) | GUI == top_level_modules()
    assert not set(no_qt["source_modules"]) & GUI


def test_cli_contracts_name_every_cli_module() -> None:
    by_name = contracts()
    cli = by_name[CLI]
    assert set(cli["forbidden_modules"]) == cli_modules()
    assert set(cli["source_modules"]) == top_level_modules() - cli_modules()
    assert cli_modules() <= set(by_name[CORE]["forbidden_modules"])
