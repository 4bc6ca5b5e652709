"""The printed course in the course's languages: `course export pdf --lang` (workbook and
facilitator edition), the worksheets and answer keys of a translated site, the session plans, and
an Arabic book laid out right to left.

Projects: tests/projects/journey with journey-de (German: module 1's overview, its first page and
its check, module 2's first page) or journey-ar (Arabic: module 1's first page and its check)
copied over it; the session plans are the shipped course's (German: modules 0, 2 and 5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from builder.commands.export_pdf import make_book
from builder.diagnostics import Report
from builder.editions import FACILITATOR, LEARNER
from builder.exporters.book_html import document
from builder.pipeline import load_course
from builder.render.strings import long_date
from builder.settings import load_settings
from conftest import REPO, copy_project, overlay, run_cli

NOTICE_DE = "Diese Seite ist noch nicht übersetzt. Sie lesen das Original auf Englisch."
QUIZ_NOTICE_DE = "Dieses Quiz ist noch nicht übersetzt. Sie beantworten das Original auf Englisch."
# a link between pages, so the German book prints a page reference
LINK_DE = """=== modules/01-welcome/01-start.de.md
---
translated_from: 0e1b1b6ea84b
---

# Erste Schritte

Jedes Modul hat einige Seiten und einen Wissenscheck. Mehr dazu: [Warum dieser Kurs](index.md#why-this-course).

## Ihr erster Wissenscheck

```quiz
welcome-check
```
"""


def project(dest: Path, translation: str) -> Path:
    root = copy_project("journey", dest)
    return copy_project(translation, root)


def book(root: Path, lang: str, edition: str):
    """The book as `course export pdf --lang LANG` makes it: the course loaded as its LANG site."""
    settings = replace(load_settings(root, Report()), translation="" if lang == "en" else lang)
    course, report = load_course(settings)
    assert course is not None, report.format("text")
    return make_book(course, settings, edition, Report())


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


# -- the document, before typesetting (fast) ---------------------------------------------------

def test_a_german_book_says_its_language_and_marks_what_stays_english(tmp_path):
    html = document(book(project(tmp_path / "c", "journey-de"), "de", LEARNER), "")
    assert html.startswith('<!doctype html><html lang="de" dir="ltr">')
    # a translated quiz: German text, German instructions, nothing marked
    assert '<section class="ws ws--check" data-quiz="welcome-check"><p class="ws__title"><span class="ws__kind">Wissenscheck:</span> Prüfen Sie Ihren Einstieg</p>' in html
    # an untranslated quiz on a translated page: the site's notice, its text marked English, the instructions German
    assert QUIZ_NOTICE_DE in html
    assert '<section class="ws ws--check" data-quiz="practice-check" lang="en">' in html
    assert '<p class="ws-q__how" lang="de">Nummerieren Sie die Schritte in der richtigen Reihenfolge: 1 für den ersten Schritt.</p>' in html
    # an untranslated page: the notice, then the original marked English
    assert f'<p class="cb-fallback" role="note" lang="de" data-search-exclude>{NOTICE_DE}</p><div class="cb-original" lang="en">' in html
    assert '<h1 class="module-title" lang="en">Practice</h1>' in html and '<h1 class="module-title">Willkommen</h1>' in html
    assert '<li class="toc-page"><a href="#p-02-practice-02-more" lang="en">More ideas</a></li>' in html  # the contents too
    assert "Tick one box" not in html and "CPD time" not in html


def test_german_session_plans_keep_their_own_text_marked_english():
    settings = replace(load_settings(REPO, Report()), translation="de")
    course, report = load_course(settings)
    assert course is not None, report.format("text")
    html = document(make_book(course, settings, FACILITATOR, Report()), "")
    assert 'Ablaufplan: <span lang="en">Trauma-informed teaching: safety, regulation and referral</span></h2>' in html
    assert "<th>Zeit</th>\n<th>Aktivität</th>\n<th>Sozialform</th>" in html
    assert '<h3 id="p-02-trauma-session-plan--vor-der-sitzung">Vor der Sitzung</h3>\n<div lang="en">\n<p>Meet the school' in html
    assert '<td>0:00–0:08</td>\n<td><span lang="en">Ground rules and why this matters</span> (8 Min.)</td>' in html
    assert '<p class="cb-key__title">Lösungen: ' in html  # module 2's quizzes are translated
    assert "Session plan" not in html and "Answer key" not in html and "Facilitator edition" not in html


def test_a_bad_lang_is_a_diagnostic_with_the_languages_the_book_can_have(tmp_path):
    root = project(tmp_path / "c", "journey-de")
    status, output = run_cli("export", "pdf", "--lang", "deu", "--root", str(root), "--out", str(tmp_path / "dist"))
    assert status == 2
    assert output.splitlines() == [
        "course export: error: --lang deu: the book cannot be made in that language",
        "    hint: the course's languages: en, de; the interface only, around the en text: ar, el, es, fr, it, nl, pl",
    ]
    assert not (tmp_path / "dist").exists()
    status, output = run_cli("export", "offline", "--lang", "de", "--root", str(root), "--out", str(tmp_path / "dist"))
    assert status == 1 and "--lang applies to pdf" in output and "Traceback" not in output


# -- typeset by WeasyPrint, read back from the PDF ------------------------------------------------

@pytest.fixture(scope="module", params=[LEARNER, FACILITATOR])
def german_pdf(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(f"de-{request.param}")
    root = project(tmp / "c", "journey-de")
    overlay(root, LINK_DE)
    status, output = run_cli("export", "pdf", "--lang", "de", "--edition", request.param, "--root", str(root), "--out", str(tmp / "dist"))
    assert status == 0, output
    name = "facilitator" if request.param == FACILITATOR else "workbook"
    target = tmp / "dist" / f"journey-1.0.0-{name}-de.pdf"
    assert f"wrote {target}" in output
    return request.param, pdf_text(target)


@pytest.mark.slow
def test_the_german_pdf_speaks_german_around_the_translations(german_pdf):
    edition, text = german_pdf
    made = long_date(date.today(), "de")  # "28. November 2026"
    for said in ("2 Module, insgesamt etwa 1,25 Fortbildungsstunden", f"Erstellt aus Version 1.0.0 des Kurses am {made}.",
                 "Inhalt", "MODUL 1", "Fortbildungszeit: 30 Minuten · Niveau: Grundlagen", "Am Ende dieses Moduls können Sie:",
                 "Wissenscheck: Prüfen Sie Ihren Einstieg", "Wo finden Sie Ihren Lernstand?", "Kreuzen Sie ein Kästchen an.",
                 "Schreiben Sie Ihre Reflexion auf die Zeilen unten.", "Bestehensgrenze: 60 %.", NOTICE_DE, QUIZ_NOTICE_DE,
                 "Warum dieser Kurs (S. 4)"):
        assert said in text, said
    assert "This module ends with an assessment." in text  # the untranslated original, kept
    for english in ("Workbook", "Contents", "CPD time", "Tick one box", "(page ", "Made from version"):
        assert english not in text, english
    if edition == FACILITATOR:
        for said in ("Ausgabe für Fortbildende", "Lösungen: Prüfen Sie Ihren Einstieg", "✓ Richtig: Auf der Seite „Mein Lernstand“",
                     "Erläuterung: Die Seite „Mein Lernstand“ zeigt den Stand jedes Moduls."):
            assert said in text, said
        assert "Answer key" not in text
    else:
        assert "Arbeitsheft" in text and "Lösungen" not in text


def _blocks(laid_out, cls: str) -> list:
    """Every block box of the laid-out book whose element has class cls (margin boxes aside)."""
    from weasyprint.formatting_structure import boxes

    found = []

    def walk(box):
        if isinstance(box, boxes.BlockBox) and cls in (box.element.get("class") or "").split():
            found.append(box)
        for child in getattr(box, "children", ()):
            walk(child)

    for page in laid_out.pages:
        walk(page._page_box)
    return found


def _box_and_text(laid_out, choice: str):
    """The tick box and the text box on the line of a worksheet's choice."""
    from weasyprint.formatting_structure import boxes

    def lines(box):
        if isinstance(box, boxes.LineBox):
            yield box
        for child in getattr(box, "children", ()):
            yield from lines(child)

    def leaves(box):
        if isinstance(box, (boxes.TextBox, boxes.InlineBlockBox)):
            yield box
        else:
            for child in getattr(box, "children", ()):
                yield from leaves(child)

    for ul in _blocks(laid_out, "ws-boxes"):
        for line in lines(ul):
            found = list(leaves(line))
            texts = [b for b in found if isinstance(b, boxes.TextBox) and b.text.strip() == choice]
            ticks = [b for b in found if isinstance(b, boxes.InlineBlockBox) and "ws-box" in (b.element.get("class") or "")]
            if texts and ticks:
                return ticks[0], texts[0]
    raise AssertionError(f"no worksheet line with {choice!r}")


def _header(page, where: str) -> str:
    from weasyprint.formatting_structure import boxes

    def text(box):
        return box.text if isinstance(box, boxes.TextBox) else "".join(text(c) for c in getattr(box, "children", ()))

    return "".join(text(b) for b in page._page_box.children if isinstance(b, boxes.MarginBox) and b.at_keyword == where)


@pytest.mark.slow
def test_an_arabic_book_lays_out_right_to_left(tmp_path):
    from builder.exporters import pdf

    arabic = book(project(tmp_path / "ar", "journey-ar"), "ar", FACILITATOR)
    assert document(arabic, "").startswith('<!doctype html><html lang="ar" dir="rtl">')
    english = book(project(tmp_path / "en", "journey-ar"), "en", FACILITATOR)
    rtl, ltr = pdf.render(arabic), pdf.render(english)
    # the translated check: its tick boxes stand right of each choice, as an Arabic reader starts
    how = next(b for b in _blocks(rtl, "ws-q__how") if "ضع علامة في مربع واحد." in "".join(b.element.itertext()))
    assert how.style["direction"] == "rtl"
    arabic_box, arabic_text = _box_and_text(rtl, "في صفحة «تقدّمي»")
    assert arabic_box.position_x > arabic_text.position_x
    english_box, english_text = _box_and_text(ltr, "On the My progress page")
    assert english_box.position_x < english_text.position_x
    # logical properties: a quote bar, a list's indent, feedback's indent on the start side, which is the right
    notice = _blocks(rtl, "cb-fallback")[0]
    assert notice.border_right_width > 0 and notice.border_left_width == 0 and notice.padding_right > notice.padding_left
    keyed = [b for b in _blocks(rtl, "cb-key__feedback") if b.style["direction"] == "rtl"]
    assert any(b.margin_right > 0 for b in keyed) and all(b.margin_left == 0 for b in keyed)
    english_feedback = _blocks(ltr, "cb-key__feedback")  # (a box continued on the next page has no margin)
    assert any(b.margin_left > 0 for b in english_feedback) and all(b.margin_right == 0 for b in english_feedback)
    # an English page inside the Arabic book reads left to right
    assert all(b.style["direction"] == "ltr" for b in _blocks(rtl, "cb-original"))
    # the running header: the course's title at the reader's start, the right
    page = next(p for p in rtl.pages if _header(p, "@top-right"))
    assert _header(page, "@top-right") == "Journey course" and _header(page, "@top-left") != "Journey course"
    page = next(p for p in ltr.pages if _header(p, "@top-left"))
    assert _header(page, "@top-left") == "Journey course"


def test_the_page_reference_word_follows_the_language():
    from builder.exporters.pdf import stylesheet

    assert 'a.xref::after { content: " (" "S. " target-counter(attr(href), page) ")"; }' in stylesheet("a4", "de")
    assert '"page " target-counter' in stylesheet("a4", "en") and "margin-right: 20mm" not in stylesheet("a4", "en")
    assert "@top-right { content: string(course); }" in stylesheet("a4", "ar")


@pytest.mark.slow
def test_the_german_facilitator_site_gives_answer_keys_and_printed_words_in_german(tmp_path):
    root = project(tmp_path / "c", "journey-de")
    status, output = run_cli("export", "facilitator", "--root", str(root), "--out", str(tmp_path / "dist"))
    assert status == 0, output
    site = tmp_path / "dist" / "journey-1.0.0-facilitator"

    def read(path: str) -> str:
        return (site / path).read_text(encoding="utf-8")

    assert '<p class="cb-key__title">Lösungen: Prüfen Sie Ihren Einstieg</p>' in read("de/01-welcome/01-start/index.html")
    assert '<p class="cb-key__title">Answer key: Check your start</p>' in read("01-welcome/01-start/index.html")
    # an untranslated quiz on a translated page: its key's text marked English, the key's words German
    ideas = read("de/02-practice/01-ideas/index.html")
    assert '<section class="cb-key" data-quiz="practice-check" lang="en"><p class="cb-key__title" lang="de">Lösungen: ' in ideas
    assert "Ausgabe für Fortbildende" in read("de/index.html") and "Facilitator edition" in read("index.html")
    # what a printed page of the site shows of a matching question (print-only), in the site's language
    assert '<p class="cb-print-only cb-pairs__options">Antwortmöglichkeiten: ' in read("de/02-practice/practice-end/index.html")


def test_the_german_book_shows_the_german_figures_and_the_english_book_the_english():
    html = {}
    for lang in ("", "de"):
        settings = replace(load_settings(REPO, Report()), translation=lang)
        course, report = load_course(settings)
        assert course is not None, report.format("text")
        html[lang] = document(make_book(course, settings, LEARNER, Report()), "")
    figures = sorted(p.relative_to(REPO / "modules").as_posix() for p in (REPO / "modules").glob("*/figures/*.de.svg"))
    assert len(figures) == 7
    for german in figures:
        english = german.replace(".de.svg", ".svg")
        assert f'/modules/{german}"' in html["de"] and f'/modules/{english}"' not in html["de"], german
        assert f'/modules/{english}"' in html[""] and ".de.svg" not in html[""], english
