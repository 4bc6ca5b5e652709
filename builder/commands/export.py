"""`course export FORMAT`: package the course.

- offline: dist/<course-id>-<version>-offline.zip and the same folder beside it, a copy that works
  from disk, each file listed with its SHA-256 in CHECKSUMS.sha256 (see `course verify-copy`);
- scorm12, scorm2004: dist/<course-id>-<version>-scorm12.zip (…-scorm2004.zip), one SCO that an
  LMS imports, launches and records (docs/lms.md);
- gift, moodle-xml: the quizzes as a Moodle question bank, dist/<course-id>-<version>-questions.gift
  (….xml); --module ID exports one module's quizzes; --lang LANG, the quizzes in that language of the
  course (…-questions-LANG.gift), untranslated ones in the original. What a format cannot hold is listed;
- pdf: the printed workbook, dist/<course-id>-<version>-workbook.pdf (--edition facilitator: the
  trainers' PDF with notes, session plans and answer keys; --paper a4|letter; --lang LANG: in
  another language, from the course's translations where they exist: …-workbook-LANG.pdf);
- facilitator: the trainers' edition of the site in dist/<course-id>-<version>-facilitator/.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .. import output_dir
from ..editions import EDITIONS, LEARNER
from ..render.strings import languages
from .common import EXIT_USAGE, add_report_options, add_root, checked_course, print_report

LMS_FORMATS = ("scorm12", "scorm2004")
SITE_FORMATS = ("offline",) + LMS_FORMATS
BANK_FORMATS = ("gift", "moodle-xml")
PRINT_FORMATS = ("pdf", "facilitator")
FORMATS = SITE_FORMATS + BANK_FORMATS + PRINT_FORMATS


def add_parser(sub) -> None:
    parser = sub.add_parser("export", help="package the course: offline zip, SCORM, question bank, PDF, facilitator site",
                            description=__doc__, formatter_class=__import__("argparse").RawDescriptionHelpFormatter)
    parser.add_argument("format", choices=FORMATS, help="offline | scorm12 | scorm2004 | gift | moodle-xml | pdf | facilitator")
    add_root(parser)
    add_report_options(parser)
    parser.add_argument("--out", type=Path, help="output folder (default: dist/ in the course folder)")
    parser.add_argument("--module", help="gift, moodle-xml: only this module's quizzes (its id)")
    parser.add_argument("--edition", choices=EDITIONS, default=LEARNER, help="pdf: learner workbook (default) or facilitator edition")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="pdf: paper size (default: a4)")
    parser.add_argument("--lang", help="pdf, gift, moodle-xml: the language (default: the course's original). Pages and quizzes come "
                        "from the course's translations into it where they exist, the rest in the original; a book's headings, "
                        f"instructions and labels can be in: {', '.join(languages())}")
    parser.set_defaults(run=run)


def run(args) -> int:
    course, settings, report = checked_course(args)
    if course is not None and args.format in LMS_FORMATS and settings.lms != args.format:
        from ..validation.packaging import check_package

        check_package(course, args.format, report)  # what would break this package
        if args.strict and not report.strict().ok:
            report, course = report.strict(), None
    print_report(report, always=False)
    if course is None:
        print("export stopped: nothing was written", file=sys.stderr)
        return 1
    dist = (args.out or settings.root / "dist").resolve()
    if args.module and args.format not in BANK_FORMATS:
        print(f"export stopped: --module applies to {' and '.join(BANK_FORMATS)}; a {args.format} package holds the whole course",
              file=sys.stderr)
        return 1
    if args.lang and args.format not in ("pdf",) + BANK_FORMATS:
        print(f"export stopped: --lang applies to pdf, gift and moodle-xml; a {args.format} package holds every language of the course",
              file=sys.stderr)
        return 1
    if args.lang:
        from .export_pdf import language_problem

        problem = language_problem(course, args.lang, interface=args.format == "pdf")
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    try:
        output_dir.check_target(dist, settings.root, [settings.docs_dir, settings.quizzes_dir, settings.root / "mkdocs.yml"],
                                "--out" if args.out else "the output folder")
        if args.format in BANK_FORMATS:
            return _question_bank(course, settings, args, dist)
        if args.format in PRINT_FORMATS:
            return _printed(course, settings, args, dist)
        return _site_package(course, settings, args, dist)
    except output_dir.UnsafeOutput as error:
        print(f"course export: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _site_package(course, settings, args, dist: Path) -> int:
    from ..exporters import offline
    from .build import _load, run_languages

    config = _load(settings.root, args.strict)
    if config is None:
        return 1
    dist.mkdir(parents=True, exist_ok=True)
    output_dir.mark(dist)
    name = output_dir.inside(dist, f"{course.info.id}-{course.info.version}-{args.format}").name
    tmp = output_dir.staging_dir(dist, args.format, "new")
    searched = _search_languages(config)  # before the builds: MkDocs shares the search plugin between them
    try:
        site = tmp / "site"
        if not run_languages(settings.root, config, site, offline=True, strict=args.strict):
            return 1
        removed = offline.trim(site, searched)
        for lang in config.plugins["course"].course.info.languages[1:]:  # each translation's site searches its language
            removed += offline.trim(site / lang, [lang])
        if args.format == "offline":
            folder, archive = offline.package(site, dist, name)
        else:
            from ..exporters.scorm import package

            folder, archive = site, package.package(site, course, args.format, dist, name)
        files = sum(1 for p in folder.rglob("*") if p.is_file())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {archive} ({archive.stat().st_size / 1e6:.2f} MB, {files} files; left out {len(removed)} source maps and unused search files)")
    if args.format == "offline":
        print(f"open {folder / 'index.html'} in a browser, or copy the folder to any web server")
    else:
        print("import it in your LMS as one SCORM package (docs/lms.md says how for Moodle)")
    return 0


def _printed(course, settings, args, dist: Path) -> int:
    from .export_pdf import export_facilitator_site, export_pdf

    dist.mkdir(parents=True, exist_ok=True)
    output_dir.mark(dist)
    if args.format == "pdf":
        return export_pdf(course, settings, dist, args.edition, args.paper, args.lang)
    return export_facilitator_site(settings, dist, args.strict, (settings, course))


def _question_bank(course, settings, args, dist: Path) -> int:
    from dataclasses import replace

    from ..exporters.questions import export_bank
    from ..pipeline import load_course

    lang = args.lang if args.lang and args.lang != course.info.language else ""
    if lang:  # the quizzes as the course's site in lang reads them: translations, else the originals
        course, report = load_course(replace(settings, translation=lang))
        if course is None:
            print_report(report)
            return 1

    if args.module and course.module(args.module) is None:
        known = ", ".join(m.id for m in course.modules)
        print(f"export stopped: no module '{args.module}' in this course (its modules: {known})", file=sys.stderr)
        return 1
    dist.mkdir(parents=True, exist_ok=True)
    output_dir.mark(dist)
    path, count, losses = export_bank(course, args.format, dist, args.module, lang)
    print(f"wrote {path} ({count} questions)")
    for loss in losses:
        print(f"note: {loss}")
    if losses:
        print(f"{len(losses)} conversions lose something; the notes above say what")
    return 0


def _search_languages(config) -> list[str]:
    search = config.plugins.get("search") or config.plugins.get("material/search")
    langs = search.config.get("lang") if search else None
    return list(langs or [config.theme.get("language") or "en"])
