"""`lianxi` without a command opens the window without importing the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.__main__ import window_arguments, window_parser
from desktop.cli import build_parser


def option_strings(parser: object) -> set[str]:
    return {s for action in parser._actions for s in action.option_strings}  # type: ignore[attr-defined]


def test_the_window_takes_exactly_the_global_options_of_the_command_line() -> None:
    assert option_strings(window_parser()) == option_strings(build_parser()) - {
        "-h",
        "--help",
        "--version",
    }


@pytest.mark.parametrize(
    "argv",
    [["demo"], ["--db", "x.db", "db", "check"], ["--help"], ["--version"], ["--db"], ["--nope"]],
)
def test_commands_help_and_mistakes_go_to_the_command_line(argv: list[str]) -> None:
    assert window_arguments(argv) is None


def test_a_window_start_keeps_its_options() -> None:
    args = window_arguments(["--db", "x.db", "--self-test", "--json-out", "r.json"])
    assert args is not None
    assert (args.db, args.db_url, args.self_test, args.json_out, args.command) == (
        "x.db",
        None,
        True,
        "r.json",
        None,
    )


def test_a_window_start_imports_no_command_line_module() -> None:
    # desktop.app is replaced by a stand-in that reports what was imported when it ran.
    code = """
import sys, types
fake = types.ModuleType("desktop.app")
fake.run_gui = lambda args: print(sorted(m for m in sys.modules if m.startswith("desktop.cli"))) or 0
sys.modules["desktop.app"] = fake
from desktop.__main__ import main
sys.exit(main(["--db", "x.db"]))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
