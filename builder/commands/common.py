"""Options and steps shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diagnostics import Report
from ..pipeline import load_course
from ..settings import Settings, load_settings

EXIT_USAGE = 2  # a wrong option, as argparse exits


def add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="the course folder (holding mkdocs.yml); default: here")


def add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--format", choices=("text", "github"), default="text", help="diagnostics as text (default) or GitHub annotations"
    )


def checked_course(args) -> tuple[object, Settings | None, Report]:
    """Load and validate the course; print the report when there is something to say."""
    report = Report()
    settings = load_settings(args.root, report)
    course = None
    if settings is not None:
        course, report = load_course(settings, report)
    if getattr(args, "strict", False):
        report = report.strict()
        if not report.ok:
            course = None
    return course, settings, report


def print_report(report: Report, style: str = "text", always: bool = True) -> None:
    if always or report.diagnostics:
        stream = sys.stdout if report.ok else sys.stderr
        print(report.format(style), file=stream)
