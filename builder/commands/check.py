"""`course check`: validate every file, report every problem at once. No site build."""

from __future__ import annotations

from .common import add_report_options, add_root, checked_course, print_report


def add_parser(sub) -> None:
    parser = sub.add_parser("check", help="validate modules and quizzes (fast, no build)", description=__doc__)
    add_root(parser)
    add_report_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    _, _, report = checked_course(args)
    print_report(report, args.format)
    return 0 if report.ok else 1
