"""`python -m desktop` and the `lianxi` command: no command opens the window, commands run headless."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from desktop.cli import build_parser
    from desktop.cli import main as cli_main

    args_list = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(args_list)
    if args.command is None:
        # Qt is imported only here, so every headless command runs without it.
        from desktop.app import run_gui

        return run_gui(args)
    return cli_main(args_list)


if __name__ == "__main__":
    sys.exit(main())
