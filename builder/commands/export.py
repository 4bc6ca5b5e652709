"""`course export offline`: a zip a school can carry on a USB stick; it works from disk, offline.

Writes dist/<course-id>-<version>-offline.zip and the same folder beside it, each file listed with
its SHA-256 in CHECKSUMS.sha256 (see `course verify-copy`).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .. import output_dir
from ..editions import EDITIONS, LEARNER
from .common import EXIT_USAGE, add_report_options, add_root, checked_course, print_report

FORMATS = ("offline", "pdf", "facilitator")


def add_parser(sub) -> None:
    parser = sub.add_parser("export", help="package the course: offline zip, PDF workbook, facilitator site", description=__doc__)
    parser.add_argument("format", choices=FORMATS, help="offline: a copy that works from disk; pdf: the printed "
                        "workbook (see --edition, --paper); facilitator: the trainers' edition of the site")
    add_root(parser)
    add_report_options(parser)
    parser.add_argument("--out", type=Path, help="output folder (default: dist/ in the course folder)")
    parser.add_argument("--edition", choices=EDITIONS, default=LEARNER, help="pdf: learner workbook (default) or facilitator edition")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="pdf: paper size (default: a4)")
    parser.set_defaults(run=run)


def run(args) -> int:
    course, settings, report = checked_course(args)
    print_report(report, always=False)
    if course is None:
        print("export stopped: nothing was written", file=sys.stderr)
        return 1
    if args.format in ("pdf", "facilitator"):
        from .export_pdf import export_facilitator_site, export_pdf

        dist = (args.out or settings.root / "dist").resolve()
        try:
            output_dir.check_target(dist, settings.root, [settings.docs_dir, settings.quizzes_dir, settings.root / "mkdocs.yml"],
                                    "--out" if args.out else "the output folder")
        except output_dir.UnsafeOutput as error:
            print(f"course export: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        dist.mkdir(parents=True, exist_ok=True)
        output_dir.mark(dist)
        if args.format == "pdf":
            return export_pdf(course, settings, dist, args.edition, args.paper)
        return export_facilitator_site(settings, dist, args.strict, (settings, course))
    return _offline(args, course, settings)


def _offline(args, course, settings) -> int:
    from ..exporters import offline
    from .build import _load, run_mkdocs

    config = _load(settings.root, args.strict)
    if config is None:
        return 1
    dist = (args.out or settings.root / "dist").resolve()
    try:
        output_dir.check_target(dist, settings.root, [settings.docs_dir, settings.quizzes_dir, settings.root / "mkdocs.yml"],
                                "--out" if args.out else "the output folder")
        name = output_dir.inside(dist, f"{course.info.id}-{course.info.version}-offline").name
    except output_dir.UnsafeOutput as error:
        print(f"course export: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    dist.mkdir(parents=True, exist_ok=True)
    output_dir.mark(dist)
    tmp = output_dir.staging_dir(dist, "offline", "new")
    try:
        site = tmp / "site"
        if not run_mkdocs(config, site, offline=True):
            return 1
        removed = offline.trim(site, _search_languages(config))
        folder, archive = offline.package(site, dist, name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    print(f"wrote {archive} ({archive.stat().st_size / 1e6:.2f} MB, {files} files; left out {len(removed)} source maps and unused search files)")
    print(f"open {folder / 'index.html'} in a browser, or copy the folder to any web server")
    return 0


def _search_languages(config) -> list[str]:
    search = config.plugins.get("search") or config.plugins.get("material/search")
    langs = search.config.get("lang") if search else None
    return list(langs or [config.theme.get("language") or "en"])
