"""The learner's interface in the site's language (theme.language: de) in real Chromium: labels,
plural forms, German dates and numbers on the progress page and the completion record, axe-clean."""

from __future__ import annotations

import datetime
import re

import pytest
from babel.dates import format_date

from browser.learner import RIGHT, WRONG, answer_drawn, feedback_after, question, runtime_ready, submit
from browser.test_accessibility import axe
from browser.test_journeys import PRACTICE, WELCOME
from browser.conftest import serve_built
from conftest import copy_project

pytestmark = pytest.mark.browser


def built_in(lang: str, server, tmp_path_factory) -> str:
    """The journey course built with theme.language: LANG, served at /cpd/journey-LANG/; its URL."""
    root = copy_project("journey", tmp_path_factory.mktemp(f"journey-{lang}"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", f"  font: false\n  language: {lang}\n", 1),
                      encoding="utf-8")
    return serve_built(server, root, f"journey-{lang}")


@pytest.fixture(scope="module")
def german(server, tmp_path_factory):
    return built_in("de", server, tmp_path_factory)


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


def test_a_german_site_speaks_german_down_to_its_dates_and_numbers(page, german):
    visit(page, german + "01-welcome/01-start/")
    assert page.evaluate("document.documentElement.lang") == "de"
    where = question(page, "welcome-check", "where")
    assert where.locator(".cb-question__number").inner_text().startswith("Frage")
    assert submit(page, "welcome-check") == "Bitte beantworten Sie zuerst die Frage."
    assert feedback_after(page, "welcome-check", "where", "single", WRONG["where"]).startswith("✗ Noch nicht ganz.")
    assert feedback_after(page, "welcome-check", "where", "single", RIGHT["where"]).startswith("✓ Richtig.")

    for path in WELCOME + PRACTICE:
        visit(page, german + path)
    visit(page, german + "02-practice/practice-end/")
    answer_drawn(page, "practice-end", RIGHT)
    assert "Bestanden." in submit(page, "practice-end")

    visit(page, german + "progress/")
    assert page.locator("h1").inner_text().startswith("Mein Lernstand")
    assert page.locator(".cb-summary").inner_text() == "2 von 2 Modulen abgeschlossen: 1,25 von 1,25 Fortbildungsstunden."

    visit(page, german + "record/")
    page.fill("#cb-name", "Ana Lehrerin")
    sheet = page.locator(".cb-record").inner_text().replace("\xa0", " ").replace("\u202f", " ")
    today = format_date(datetime.date.today(), "long", locale="de")  # e.g. "28. November 2026"
    assert "Ausgestellt für Ana Lehrerin" in sheet and "Kursversion 1.0.0" in sheet
    assert "Fortbildungszeit insgesamt: 1,25 Stunden (75 Minuten), 2 von 2 Modulen abgeschlossen." in sheet
    assert f"Ausgestellt am {today}." in sheet
    assert re.search(r"\b100 %", sheet), sheet  # German percent: a space before the sign
    assert "Abgeschlossen am" in sheet and "45 Min." in sheet
    assert axe(page) == []


def test_the_home_page_writes_the_course_hours_as_the_runtime_does(page, german):
    """Python writes the course's hours into the page; the runtime rewrites the line once it runs:
    the same figure both times (75 minutes: 1,25 hours, not 1,2)."""
    written = re.search(r"data-cb-time>([^<]*)<", page.request.get(german).text()).group(1)
    assert written == "2 Module, insgesamt 1,25 Fortbildungsstunden."
    visit(page, german)
    assert page.locator("[data-cb-time]").inner_text() == "0 von 1,25 Fortbildungsstunden geschafft, noch 1,25."
