"""One module per `course` subcommand, each with add_parser(subparsers) and run(args) -> int."""

from . import build, check, new, serve, stats, verify

# Order shown in `course --help`.
REGISTRY = (check, build, serve, new, stats, verify)
