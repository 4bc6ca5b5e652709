"""The course on paper: the workbook (learner edition) or the facilitator edition, as one PDF.

WeasyPrint typesets the document book_html builds: CSS paged media gives the running header,
page numbers, the contents' page numbers (target-counter) and keeps headings with what follows.
Needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0) and fonts.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..render.strings import DEFAULT, direction, t
from .book_html import Book, document

PAPERS = {"a4": "A4", "letter": "letter"}


def stylesheet(paper: str, lang: str = DEFAULT) -> str:
    """workbook.css with the paper size and what CSS cannot say in a language-neutral way: the word
    before a page reference, and (right to left) the page's sides, which @page has no logical
    names for: the binding margin and the course's running title move to the right."""
    css = (resources.files("builder") / "exporters" / "workbook.css").read_text(encoding="utf-8")
    word = t("pdf_page", lang).replace("\\", "").replace('"', "")
    own = f'a.xref::after {{ content: " (" "{word} " target-counter(attr(href), page) ")"; }}\n'
    if direction(lang) == "rtl":
        own += ("@page { margin-left: 18mm; margin-right: 20mm;\n"
                "  @top-left { content: string(module); } @top-right { content: string(course); } }\n")
    return f"@page {{ size: {PAPERS[paper]}; }}\n" + css + own


def render(book: Book, paper: str = "a4"):
    """The laid-out WeasyPrint document (pages, boxes): write_pdf() it, or inspect it in tests."""
    from weasyprint import HTML

    css = stylesheet(paper, book.course.info.language)
    source = document(book, css).replace("<body ", f'<body data-course="{_attr(book.course.info.title)}" ', 1)
    return HTML(string=source, base_url=book.docs_uri).render()


def write(book: Book, target: Path, paper: str = "a4") -> int:
    """Write the PDF to TARGET (whole or not at all); returns its number of pages."""
    laid_out = render(book, paper)
    partial = target.with_name(target.name + ".part")
    laid_out.write_pdf(partial)
    partial.replace(target)
    return len(laid_out.pages)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
