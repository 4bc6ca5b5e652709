"""`course export pdf` and `course export facilitator`: the printed course and the trainers' site.

pdf: dist/<course-id>-<version>-workbook.pdf (learner edition: worksheets, no answers), or with
--edition facilitator dist/<course-id>-<version>-facilitator.pdf (notes, session plans, answer
keys); with --lang LANG, in that language (…-workbook-LANG.pdf): the course loaded as its LANG site
is (builder/translations.py), so translated pages and quizzes replace their originals and the rest
keeps the original's text, marked as such. facilitator: the facilitator edition of the site in
dist/<course-id>-<version>-facilitator/ (every language of the course, as `course build`).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from .. import output_dir
from ..editions import FACILITATOR
from ..loading.files import read_text
from ..diagnostics import Report, SourceSpan
from ..render import strings
from ..pipeline import load_course
from ..settings import markdown_extensions
from ..translations import in_language


def book_languages(course) -> tuple[list[str], list[str]]:
    """The languages a book can be made in: the course's own (the original first, then each with a
    translation) and every other language of the interface (its words around the original text)."""
    own = [course.info.language, *(lang for lang in course.info.languages if lang != course.info.language)]
    return own, [lang for lang in strings.languages() if lang not in own]


def language_problem(course, lang: str, interface: bool = True) -> str | None:
    """The diagnostic for a --lang the export cannot be made in (None when it can). interface: a
    language the course has no translation into still gives the book its headings and labels; a
    question bank has only the course's own text, so only the course's languages."""
    own, words = book_languages(course)
    if lang in own or (interface and lang in words):
        return None
    what = "the book" if interface else "the question bank"
    others = f"; the interface only, around the {own[0]} text: {', '.join(words)}" if interface and words else ""
    return (f"course export: error: --lang {lang}: {what} cannot be made in that language\n"
            f"    hint: the course's languages: {', '.join(own)}{others}")


def export_pdf(course, settings, dist: Path, edition: str, paper: str, lang: str | None = None) -> int:
    try:
        from ..exporters import pdf
    except OSError as error:  # WeasyPrint loads Pango when imported
        print(f"error: WeasyPrint cannot find its system libraries ({error}); run `make install` "
              "(Debian: libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)", file=sys.stderr)
        return 1
    report = Report()
    original = course.info.language
    if lang and lang != original:  # the course as its site in lang reads it (translations, fallbacks)
        settings = replace(settings, translation=lang)
        course, report = load_course(settings, report)
    if course is not None:
        book = make_book(course, settings, edition, report)
    if course is None or not report.ok:
        print(report.format("text"), file=sys.stderr)
        return 1
    suffix = ("facilitator" if edition == FACILITATOR else "workbook") + (f"-{lang}" if lang and lang != original else "")
    target = output_dir.inside(dist, f"{course.info.id}-{course.info.version}-{suffix}.pdf")
    wall, cpu = time.perf_counter(), time.process_time()
    pages = pdf.write(book, target, paper)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"wrote {target} ({pages} pages, {paper.upper() if paper == 'a4' else 'Letter'}, "
          f"{target.stat().st_size / 1e6:.2f} MB; typeset in {wall:.1f} s, {cpu:.1f} s of CPU)")
    return 0


def make_book(course, settings, edition: str, report: Report):
    """What the PDF is made from: the course, its pages' Markdown and mkdocs.yml's extensions."""
    from ..exporters.book_html import Book

    sources = {}
    for page in course.pages():
        if not page.generated:
            path = in_language(settings.docs_dir / page.src, settings.translation)
            sources[page.src] = read_text(path, SourceSpan(settings.rel(path)), report) or ""
    names, configs = markdown_extensions(settings.root)
    return Book(course, sources, settings.docs_dir.as_uri() + "/", names, configs, edition, settings.organisation)


def export_facilitator_site(settings, dist: Path, strict: bool, checked) -> int:
    from .build import build_site

    name = output_dir.inside(dist, f"{checked[1].info.id}-{checked[1].info.version}-facilitator").name
    status = build_site(settings.root, dist / name, strict=strict, checked=checked, edition=FACILITATOR)
    if status == 0:
        print(f"the facilitator edition is in {dist / name}: keep it for trainers, never publish it to learners")
    return status



