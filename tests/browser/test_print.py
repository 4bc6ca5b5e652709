"""Printing pages of the site in Chromium (print media emulation, and Chromium's own PDF).

A printed page is the page's text: no navigation, header, search or buttons; quizzes become
worksheets with the learner's answers and feedback once given; links show where they lead.
"""

from __future__ import annotations

import io

import pytest

from browser.learner import WRONG, answer, question, runtime_ready, submit

pytestmark = pytest.mark.browser

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".cb-quiz__actions"]


def shown(page, selector: str) -> list[bool]:
    return page.eval_on_selector_all(selector, "els => els.map(e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length))")


def printed_text(page) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_a_printed_page_has_no_chrome_and_its_quiz_is_a_worksheet(page, server):
    page.goto(server.url("minimal") + "01-basics/01-first/")
    runtime_ready(page)
    assert all(shown(page, ".md-header")) and all(shown(page, ".cb-button--check"))  # on screen
    page.emulate_media(media="print")
    for selector in CHROME + [".cb-button"]:
        assert not any(shown(page, selector)), selector
    assert all(shown(page, ".cb-quiz input[type=radio]")) and all(shown(page, ".cb-question"))
    # matching: the answers to choose from are printed, since a drop-down cannot show them on paper
    assert all(shown(page, ".cb-pairs__options"))
    textarea = page.locator(".cb-field--reflection textarea").first.bounding_box()
    assert textarea["height"] > 200  # lines to write on
    text = printed_text(page)
    assert "Which is a colour?" in text and "Answers to choose from:" in text
    assert "Check answers" not in text and "Search" not in text


def test_answered_questions_print_with_the_learners_answer_and_feedback(page, server):
    page.goto(server.url("journey") + "01-welcome/01-start/")
    runtime_ready(page)
    answer(question(page, "welcome-check", "where"), "single", WRONG["where"])
    submit(page, "welcome-check")
    page.emulate_media(media="print")
    feedback = question(page, "welcome-check", "where").locator(".cb-question__feedback")
    assert feedback.is_visible() and feedback.inner_text().startswith("✗ Not quite.")
    assert question(page, "welcome-check", "where").locator("input:checked").count() == 1
    assert "Not quite." in printed_text(page)


def test_links_print_with_their_target(page, server):
    page.goto(server.url("minimal") + "01-basics/")
    runtime_ready(page)
    page.emulate_media(media="print")
    after = page.evaluate("""() => {
        const a = document.createElement('a'); a.href = 'https://example.org/guide'; a.textContent = 'a guide';
        const p = document.createElement('p'); p.append(a); document.querySelector('.md-typeset').append(p);
        return getComputedStyle(a, '::after').content; }""")
    assert "https://example.org/guide" in after
    link = page.locator(".md-content a[data-cb-href]").first
    assert link.get_attribute("data-cb-href") == server.url("minimal") + "01-basics/01-first/"
    assert server.url("minimal") + "01-basics/01-first/" in page.evaluate("a => getComputedStyle(a, '::after').content", link.element_handle())


@pytest.mark.parametrize("view", ["journal", "record"])
def test_the_learner_pages_print_on_their_own(page, server, view):
    page.goto(server.url("journey") + f"{view}/")
    runtime_ready(page)
    page.emulate_media(media="print")
    for selector in CHROME + [".cb-tools", ".md-nav"]:
        assert not any(shown(page, selector)), selector
    assert all(shown(page, f'[data-cb-view="{view}"]'))
