"""One module per `course` subcommand, each with add_parser(subparsers) and run(args) -> int."""

from . import build, check, export, new, serve, stats, verify, verify_copy

# Order shown in `course --help`.
REGISTRY = (check, build, serve, new, stats, export, verify, verify_copy)
