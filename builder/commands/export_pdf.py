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
        from ..exporters.book_html import Book
    except OSError as error:  # WeasyPrint loads Pango when imported
        print(f"error: WeasyPrint cannot find its system libraries ({error}); run `make install` "
              "(Debian: libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)", file=sys.stderr)
        return 1
    report = Report()
    sources = {}
    for page in course.pages():
        if not page.generated:
            text = read_text(settings.docs_dir / page.src, SourceSpan(settings.rel(settings.docs_dir / page.src)), report)
            sources[page.src] = text or ""
    if not report.ok:
        print(report.format("text"), file=sys.stderr)
        return 1
    names, configs = markdown_extensions(settings.root)
    book = Book(course, sources, settings.docs_dir.as_uri() + "/", names, configs, edition, settings.organisation)
    suffix = "facilitator" if edition == FACILITATOR else "workbook"
    target = output_dir.inside(dist, f"{course.info.id}-{course.info.version}-{suffix}.pdf")
    started = time.perf_counter()
    pages = pdf.write(book, target, paper)
    took = time.perf_counter() - started
    print(f"wrote {target} ({pages} pages, {paper.upper() if paper == 'a4' else 'Letter'}, "
          f"{target.stat().st_size / 1e6:.2f} MB, {took:.1f} s)")
    return 0


def export_facilitator_site(settings, dist: Path, strict: bool, checked) -> int:
    from .build import build_site

    name = output_dir.inside(dist, f"{checked[1].info.id}-{checked[1].info.version}-facilitator").name
    status = build_site(settings.root, dist / name, strict=strict, checked=checked, edition=FACILITATOR)
    if status == 0:
        print(f"the facilitator edition is in {dist / name}: keep it for trainers, never publish it to learners")
    return status



