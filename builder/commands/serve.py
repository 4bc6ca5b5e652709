"""`course serve`: live preview that rebuilds when anything in modules/ or quizzes/ changes."""

from __future__ import annotations

import logging

from .common import add_root, checked_course, print_report


def add_parser(sub) -> None:
    parser = sub.add_parser("serve", help="preview the course, reloading as you edit", description=__doc__)
    add_root(parser)
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="IP:PORT to serve on (default 127.0.0.1:8000)")
    parser.add_argument("--no-open", action="store_true", help="accepted for compatibility; the browser is never opened")
    parser.add_argument("--full", action="store_true", help="render every page on every change (default: only what changed)")
    parser.set_defaults(run=run, strict=False)


def run(args) -> int:
    course, settings, report = checked_course(args)
    print_report(report, always=False)
    if course is None:
        print("fix the errors above, then run `course serve` again")
        return 1
    from mkdocs.commands.serve import serve

    from .build import _quiet_mkdocs

    from ..mkdocs_plugin import CoursePlugin
    from ..preview import Preview

    _quiet_mkdocs(quiet=False)
    CoursePlugin.preview = None if args.full else Preview()
    logging.getLogger("mkdocs").addFilter(_NoDirtyWarning())
    # MkDocs watches docs_dir and mkdocs.yml; the plugin adds quizzes/ in on_serve. "dirty" builds
    # render only the pages an edit touched; the plugin rebuilds everything when more changed.
    serve(config_file=str(settings.root / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True,
          build_type=None if args.full else "dirty")
    return 0


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; the plugin makes them safe (builder/preview.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()
