"""`python -m desktop` and the `lianxi` command: no command opens the window, commands run headless."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from typing import NoReturn


class _NotTheWindow(Exception):
    """The arguments are not a plain window start: the command line parses them (and words any
    error in its language)."""


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindow(message)


def window_parser() -> argparse.ArgumentParser:
    """The CLI's global options (desktop.cli.build_parser), without its commands."""
    parser = _WindowParser(add_help=False, allow_abbrev=False)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db")
    where.add_argument("--db-url")
    parser.add_argument("--user")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--json-out")
    return parser


def window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The window's options when `argv` names no command, else None.

    A window start does not import the command line: its commands import printing, packages
    and spreadsheets, about half a second before the first paint. Anything but the global
    options (a command, --help, --version, an error) goes to the CLI's parser.
    """
    try:
        args = window_parser().parse_args(argv)
    except _NotTheWindow:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    window_args = window_arguments(args_list)
    if window_args is not None:
        # A start makes objects that stay: no cyclic collection until the window is up
        # (desktop.app.resume_collection): its passes would scan them all and free almost nothing.
        gc.disable()
        # Qt is imported only here, so every headless command runs without it.
        from desktop.app import run_gui

        return run_gui(window_args)
    from desktop.cli import build_parser
    from desktop.cli import main as cli_main

    args = build_parser().parse_args(args_list)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(args)
    return cli_main(args_list)


if __name__ == "__main__":
    sys.exit(main())
