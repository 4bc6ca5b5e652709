"""A course in two languages in real Chromium (tests/projects/journey with journey-de's German files
over it): a teacher switches to German in the middle of a module and back, and keeps every visited
page, answer, attempt and reflection; fallback notices; the switcher on every kind of page, by
keyboard; German dates and numbers and the languages used on the completion record; axe-clean."""

from __future__ import annotations

import datetime
import json

import pytest
from babel.dates import format_date

from browser.learner import RIGHT, answer, answer_drawn, question, read_to_end, runtime_ready, storage, submit, wait_saved
from browser.test_accessibility import axe

pytestmark = pytest.mark.browser
NOTICE_DE = "Diese Seite ist noch nicht übersetzt. Sie lesen das Original auf Englisch."
QUIZ_NOTICE_DE = "Dieses Quiz ist noch nicht übersetzt. Sie beantworten das Original auf Englisch."
KINDS = {"home": "", "overview": "01-welcome/", "content": "01-welcome/01-start/", "fallback": "02-practice/02-more/",
         "assessment": "02-practice/practice-end/", "progress": "progress/", "journal": "journal/", "record": "record/"}


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


def switch(page, lang: str) -> None:
    """Choose a language in the switcher by keyboard, as a screen-reader user would."""
    link = page.locator(f'nav.cb-langs a[hreflang="{lang}"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    runtime_ready(page)


def stored(page, key: str):
    raw = storage(page).get(f"cb:journey:v1:{key}")
    return json.loads(raw) if raw is not None else None


def test_switching_language_in_the_middle_of_a_module_keeps_all_progress(page, bilingual):
    # English: the module's pages read, its check answered, a reflection written
    read_to_end(page, bilingual + "01-welcome/")
    read_to_end(page, bilingual + "01-welcome/01-start/")
    where = question(page, "welcome-check", "where")
    answer(where, "single", RIGHT["where"])
    submit(page, "welcome-check")
    question(page, "welcome-check", "hopes").locator("textarea").fill("Mehr über Sprachbildung lernen.")
    wait_saved(page, "welcome-check", "hopes")

    # to German on the same page: the German quiz holds the same answer, feedback in German
    switch(page, "de")
    assert page.url == bilingual + "de/01-welcome/01-start/"
    assert page.locator("h1").inner_text().startswith("Erste Schritte")
    where = question(page, "welcome-check", "where")
    assert where.locator("input").nth(0).is_checked()
    assert where.locator(".cb-question__feedback").inner_text().startswith("✓ Richtig.")
    assert question(page, "welcome-check", "hopes").locator("textarea").input_value() == "Mehr über Sprachbildung lernen."

    # on in German: the next module, untranslated, with its notices; the assessment attempt
    read_to_end(page, bilingual + "de/02-practice/01-ideas/")
    assert page.locator(".cb-fallback").first.inner_text() == QUIZ_NOTICE_DE
    for path in ("de/02-practice/", "de/02-practice/02-more/", "de/02-practice/03-extra/"):
        read_to_end(page, bilingual + path)
    assert page.locator(".cb-fallback").inner_text() == NOTICE_DE
    assert page.locator(".cb-original").get_attribute("lang") == "en"
    visit(page, bilingual + "de/02-practice/practice-end/")
    answer_drawn(page, "practice-end", RIGHT)
    assert "Bestanden." in submit(page, "practice-end")

    # back to English: everything is there
    switch(page, "en")
    assert page.url == bilingual + "02-practice/practice-end/"
    assert "Your score: 100%" in page.locator('form[data-quiz="practice-end"] .cb-quiz__result').inner_text()
    visit(page, bilingual + "progress/")
    assert page.locator(".cb-summary").inner_text().startswith("2 of 2 modules complete")
    assert stored(page, "l:01-welcome/01-start.md") == ["de", "en"]
    assert stored(page, "l:02-practice/02-more.md") == ["de"]
    assert stored(page, "p:02-practice/02-more.md")  # read in German, counted in English


def test_the_german_record_has_german_dates_numbers_and_the_languages_used(page, bilingual):
    read_to_end(page, bilingual + "01-welcome/01-start/")
    for path in ("de/", "de/01-welcome/", "de/01-welcome/01-start/"):
        read_to_end(page, bilingual + path)
    where = question(page, "welcome-check", "where")
    answer(where, "single", RIGHT["where"])
    submit(page, "welcome-check")
    hopes = question(page, "welcome-check", "hopes")
    hopes.locator("textarea").fill("Ziele")
    hopes.locator(".cb-reflection__status").filter(has_text="Gespeichert um").wait_for()
    visit(page, bilingual + "de/record/")
    page.fill("#cb-name", "Ana Lehrerin")
    sheet = page.locator(".cb-record").inner_text().replace("\xa0", " ").replace("\u202f", " ")
    today = format_date(datetime.date.today(), "long", locale="de")
    assert today in sheet  # e.g. "28. November 2026", the date module 1 was completed and the record issued
    assert "Fortbildungszeit insgesamt: 0,5 Stunden (30 Minuten), 1 von 2 Modulen abgeschlossen." in sheet
    assert "Verwendete Sprachen: Deutsch und Englisch." in sheet
    with page.expect_download() as info:
        page.locator("button", has_text="herunterladen").first.click()
    record = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert record["languages"] == ["de", "en"]
    assert axe(page) == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_page_has_a_switcher_to_itself_in_the_other_language(page, bilingual, kind):
    path = KINDS[kind]
    visit(page, bilingual + path)
    nav = page.locator("nav.cb-langs")
    assert nav.get_attribute("aria-label") == "Language"
    assert nav.locator('a[aria-current="page"]').get_attribute("lang") == "en"
    assert nav.locator('a[hreflang="de"]').get_attribute("lang") == "de"
    switch(page, "de")
    assert page.url == bilingual + "de/" + path
    assert page.locator("nav.cb-langs").get_attribute("aria-label") == "Sprache"
    if kind in ("fallback", "assessment"):
        assert page.locator(".cb-fallback").first.inner_text() == NOTICE_DE
    assert axe(page) == []
    switch(page, "en")
    assert page.url == bilingual + path
