"""After an assessment, the journal and the navigation's module bars, as a teacher meets them in
Chromium: a pass leads on to the next module (or the record) with the answers to review, a fail
lists the sections to re-read and "Try again", every attempt is listed; the journal shows each
reflection's word count and save time, grouped by module, and downloads well-formed files."""

from __future__ import annotations

import re

import html5lib
import pytest

from .learner import RIGHT, WRONG, answer, answer_drawn, question, runtime_ready, submit, wait_saved
from .test_accessibility import axe

pytestmark = pytest.mark.browser


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


@pytest.fixture(scope="module")
def three_modules(server, tmp_path_factory):
    """The journey course with a third module after the assessed one, mounted beside the others."""
    from browser.conftest import serve_built
    from conftest import copy_project

    root = copy_project("journey", tmp_path_factory.mktemp("three"))
    extra = root / "modules" / "03-next"
    extra.mkdir()
    (extra / "index.md").write_text("---\ntitle: Next steps\nsummary: A module after the assessment.\nminutes: 10\n"
                                    "level: introductory\nobjectives:\n  - plan what comes next\n---\n\n# Next steps\n\nRead on.\n")
    return serve_built(server, root, "three")


def attempts(form) -> list[list[str]]:
    rows = form.locator(".cb-attempts tbody tr")
    return [[c.strip() for c in rows.nth(i).locator("th, td").all_inner_texts()] for i in range(rows.count())]


def test_a_fail_lists_each_section_to_reread_once_and_offers_try_again(page, server):
    base = server.url("journey")
    visit(page, base + "02-practice/practice-end/")
    form = page.locator('form[data-quiz="practice-end"]')
    drawn = answer_drawn(page, "practice-end", WRONG)
    assert "Not passed yet." in submit(page, "practice-end")
    links = form.locator(".cb-quiz__result .cb-review a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and len(hrefs) == len(set(hrefs)) and all("#" in h for h in hrefs)
    assert form.locator(".cb-next").count() == 0 and form.locator(".cb-answers").is_hidden()
    again = form.get_by_role("button", name="Try again")
    assert again.is_visible() and "cb-button--quiet" not in again.get_attribute("class")
    assert form.locator(".cb-question--wrong:not([hidden])").count() == len(drawn)  # the answers stay in view

    stored = page.evaluate("JSON.parse(localStorage.getItem('cb:journey:v1:q:practice-end')).h")
    assert [(a["score"], a["passed"]) for a in stored] == [(0, False)]
    local = page.evaluate("d => new Date(d).toLocaleString(document.documentElement.lang || undefined, {dateStyle: 'medium', timeStyle: 'short'})", stored[0]["date"])
    assert attempts(form) == [[local, "0%", "✗ Not passed"]]
    assert form.locator(".cb-attempts caption").inner_text() == "Your attempts"

    for href in hrefs:  # each link lands on its section
        anchor = href.split("#")[1]
        visit(page, page.evaluate("h => new URL(h, location.href).href", href))
        assert page.evaluate("a => !!document.getElementById(a)", anchor), href
        assert page.evaluate("a => { const r = document.getElementById(a).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }", anchor)


def test_a_pass_leads_on_with_the_answers_to_review_and_the_history(page, three_modules):
    visit(page, three_modules + "02-practice/practice-end/")
    form = page.locator('form[data-quiz="practice-end"]')
    answer_drawn(page, "practice-end", WRONG)
    submit(page, "practice-end")
    form.get_by_role("button", name="Try again").click()
    drawn = answer_drawn(page, "practice-end", RIGHT)
    assert "Passed. Well done." in submit(page, "practice-end")

    go = form.locator(".cb-quiz__result a.cb-next")
    assert go.inner_text() == "Continue to the next module" and "md-button--primary" in go.get_attribute("class")
    again = form.get_by_role("button", name="Start a new attempt")
    assert "cb-button--quiet" in again.get_attribute("class")
    assert form.locator(".cb-review").count() == 0

    review = form.locator("details.cb-answers")
    assert review.is_visible() and review.get_attribute("open") is None  # folded until the teacher opens it
    assert review.locator("summary").inner_text() == "Review your answers and the feedback"
    assert [f.get_attribute("data-question") for f in review.locator("fieldset.cb-question").all()] == drawn
    review.locator("summary").click()
    first = review.locator("fieldset.cb-question").first
    assert first.is_visible() and "Correct." in first.locator(".cb-question__feedback").inner_text()

    assert [row[1:] for row in attempts(form)] == [["100%", "✓ Passed"], ["0%", "✗ Not passed"]]  # newest first
    page.reload()
    runtime_ready(page)  # the same after a reload
    assert form.locator("details.cb-answers fieldset.cb-question").count() == len(drawn)
    assert len(attempts(form)) == 2

    again.click()  # a new attempt: the questions come back out of the review, the history stays
    assert form.locator("details.cb-answers").is_hidden() and form.locator("fieldset.cb-question:not([hidden])").count() == len(drawn)
    assert len(attempts(form)) == 2

    go_href = page.evaluate("() => CB_MANIFEST.modules[2].url")
    answer_drawn(page, "practice-end", RIGHT)
    submit(page, "practice-end")
    form.locator("a.cb-next").click()
    runtime_ready(page)
    assert page.url.endswith(go_href.lstrip("./")) and page.locator("h1").inner_text().startswith("Next steps")


def test_a_pass_in_the_last_module_leads_to_the_completion_record(page, server):
    visit(page, server.url("journey") + "02-practice/practice-end/")
    answer_drawn(page, "practice-end", RIGHT)
    submit(page, "practice-end")
    go = page.locator('form[data-quiz="practice-end"] a.cb-next')
    assert go.inner_text() == "Go to your completion record"
    go.click()
    runtime_ready(page)
    assert page.locator("[data-cb-view=record]").count() == 1


def test_a_reflection_shows_its_word_count_and_when_it_was_saved(page, server):
    base = server.url("journey")
    visit(page, base + "01-welcome/01-start/")
    hopes = question(page, "welcome-check", "hopes")
    answer(hopes, "reflection", "Three words here")
    wait_saved(page, "welcome-check", "hopes")
    assert hopes.locator(".cb-words").inner_text() == "3 words"
    assert re.fullmatch(r"Saved at \d\d:\d\d(\s?[AP]M)?\.", hopes.locator(".cb-reflection__status").inner_text())
    assert hopes.locator(".cb-words").get_attribute("role") is None  # not read out at every word
    visit(page, base + "01-welcome/01-start/")
    assert hopes.locator(".cb-words").inner_text() == "3 words"
    assert hopes.locator(".cb-reflection__status").inner_text().startswith("Saved at ")


def test_the_journal_groups_prompts_by_module_and_its_downloads_are_well_formed(page, server, tmp_path):
    base = server.url("journey")
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "hopes"), "reflection", "First line of my notes.\n\n> Not a quote: *plain* text # here")
    wait_saved(page, "welcome-check", "hopes")
    visit(page, base + "journal/")
    view = page.locator("[data-cb-view=journal]")
    modules = view.locator("section.cb-journal__module")
    titles = page.evaluate("CB_MANIFEST.modules.map(m => m.title)")
    headings = [modules.nth(i).locator("h2").inner_text() for i in range(modules.count())]
    assert headings and all(h in titles for h in headings) and headings == sorted(headings, key=titles.index)
    written = view.locator(".cb-journal__entry", has=page.locator(".cb-journal__text"))
    assert written.count() == 1
    meta = written.locator(".cb-journal__date").inner_text()
    assert re.fullmatch(r"11 words · Saved at \d\d:\d\d(\s?[AP]M)?\.", meta), meta

    for link in view.locator(".cb-journal__entry a").all():  # each link lands on its prompt
        href = link.get_attribute("href")
        visit(page, href)
        anchor = href.split("#")[1]
        assert page.evaluate("a => document.getElementById(a)?.matches('fieldset.cb-question')", anchor), href
        visit(page, base + "journal/")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download as HTML").click()
    text = open(info.value.path(), encoding="utf-8").read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    doc = parser.parse(text)  # strict: any parse error raises
    assert doc.find("head/title").text.startswith("Journal: ") and doc.get("lang")
    body = doc.find("body")
    assert [e.tag for e in body][0] == "h1" and body.findall("section/h2")
    entry = [s for s in body.iter("section") if s.find("blockquote") is not None]
    assert len(entry) == 1 and entry[0].find("blockquote").text.startswith("First line of my notes.\n\n> Not a quote")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    md = open(info.value.path(), encoding="utf-8").read().splitlines()
    heads = [line for line in md if line.startswith("#")]
    assert heads[0].startswith("# Journal: ") and [h.split(" ", 1)[1] for h in heads if h.startswith("## ")] == headings
    quote = [line for line in md if line.startswith(">")]
    assert quote == ["> First line of my notes.", ">", "> > Not a quote: *plain* text # here"]
    assert any(re.fullmatch(r"\*11 words · Saved at .+\*", line) for line in md)
    assert all(not line.startswith("#") or line.count("\n") == 0 for line in md)


def test_the_navigation_shows_a_progress_bar_for_each_module(page, server):
    base = server.url("journey")
    visit(page, base + "02-practice/01-ideas/")
    bars = page.locator(".md-nav--primary [role=progressbar]")
    modules = page.evaluate("CB_MANIFEST.modules.map(m => m.title)")
    assert sorted(b.get_attribute("aria-label") for b in bars.all()) == sorted(f"Progress in {m}" for m in modules)
    practice = page.locator('.md-nav--primary [role=progressbar][aria-label="Progress in Practice"]')
    assert int(practice.get_attribute("aria-valuenow")) > 0
    assert practice.get_attribute("aria-valuenow") == page.locator(".cb-position [role=progressbar]").get_attribute("aria-valuenow")
    before = int(practice.get_attribute("aria-valuenow"))
    visit(page, base + "02-practice/02-more/")
    page.wait_for_function("b => +document.querySelector(b).getAttribute('aria-valuenow') > " + str(before),
                           arg='.md-nav--primary [role=progressbar][aria-label="Progress in Practice"]')


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_after_assessment_and_journal_states_pass_axe_and_are_photographed(browser, server, scheme, width):
    from .test_course_frame import SHOTS

    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    page = context.new_page()
    base, size = server.url("journey"), "phone" if width < 600 else "desktop"
    SHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "hopes"), "reflection", "A note for my portfolio.")
    wait_saved(page, "welcome-check", "hopes")
    found["reflection saved"] = axe(page)
    visit(page, base + "02-practice/practice-end/")
    answer_drawn(page, "practice-end", WRONG)
    submit(page, "practice-end")
    found["assessment failed"] = axe(page)
    page.screenshot(path=str(SHOTS / f"assessment-failed-{scheme}-{size}.png"), full_page=True)
    page.get_by_role("button", name="Try again").click()
    answer_drawn(page, "practice-end", RIGHT)
    submit(page, "practice-end")
    found["assessment passed"] = axe(page)
    page.screenshot(path=str(SHOTS / f"assessment-passed-{scheme}-{size}.png"), full_page=True)
    page.locator("details.cb-answers summary").click()
    found["assessment passed, review open"] = axe(page)
    visit(page, base + "journal/")
    found["journal with an entry"] = axe(page)
    page.screenshot(path=str(SHOTS / f"journal-written-{scheme}-{size}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert {k: v for k, v in found.items() if v} == {} and overflow <= 0
