"""One module per `course` subcommand, each with add_parser(subparsers) and run(args) -> int."""

from . import build, check, export, new, serve, stats, translate, translations, verify, verify_copy

# Order shown in `course --help`.
REGISTRY = (check, build, serve, new, stats, translations, translate, export, verify, verify_copy)
