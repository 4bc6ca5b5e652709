"""The `course` command: a thin layer over the library. main(argv) returns the exit status."""

from __future__ import annotations

import argparse
import sys

from .commands import REGISTRY

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="course",
        description="Build, check and preview a self-paced course from Markdown modules and YAML quizzes.",
    )
    top.add_argument("--version", action="store_true", help="print the version and exit")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for command in REGISTRY:
        command.add_parser(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    top = parser()
    try:
        args = top.parse_args(argv)
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2)
        return int(stop.code or 0)
    if args.version:
        from . import __version__

        print(f"course {__version__}")
        return EXIT_OK
    if not getattr(args, "run", None):
        top.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


def entry() -> None:  # console script
    sys.exit(main())
