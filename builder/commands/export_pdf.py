"""`course export pdf` and `course export facilitator`: the printed course and the trainers' site.

pdf: dist/<course-id>-<version>-workbook.pdf (learner edition: worksheets, no answers), or with
--edition facilitator dist/<course-id>-<version>-facilitator.pdf (notes, session plans, answer
keys). facilitator: the facilitator edition of the site in dist/<course-id>-<version>-facilitator/.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .. import output_dir
from ..editions import FACILITATOR
from ..loading.files import read_text
from ..diagnostics import Report, SourceSpan
from ..settings import markdown_extensions


def export_pdf(course, settings, dist: Path, edition: str, paper: str) -> int:
    try:
        from ..exporters import pdf
    except OSError as error:  # WeasyPrint loads Pango when imported
        print(f"error: WeasyPrint cannot find its system libraries ({error}); run `make install` "
              "(Debian: libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)", file=sys.stderr)
        return 1
    report = Report()
    book = make_book(course, settings, edition, report)
    if not report.ok:
        print(report.format("text"), file=sys.stderr)
        return 1
    suffix = "facilitator" if edition == FACILITATOR else "workbook"
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
            path = settings.docs_dir / page.src
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



