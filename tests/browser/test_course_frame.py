"""The course's frame in a real browser: module cards and "continue" on the home page, the page's
position in its module with a progress bar, nothing scrolling sideways on a 360 px phone, axe-core
clean; and screenshots of each page type (light and dark, desktop and phone) for a reviewer to look
at, saved under test-results/screenshots/."""

from __future__ import annotations

import pytest

from conftest import REPO
from .test_accessibility import axe

from .learner import runtime_ready

SHOTS = REPO / "test-results" / "screenshots"
PAGE_TYPES = {
    "home": "",
    "module-overview": "02-practice/",
    "content-page": "02-practice/02-more/",
    "assessment": "02-practice/practice-end/",
    "my-progress": "progress/",
    "journal": "journal/",
    "record": "record/",
}


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


def test_home_shows_a_card_per_module_and_where_to_continue(page, server):
    base = server.url("journey")
    visit(page, base)
    cards = page.locator(".cb-card")
    assert cards.count() == 2
    assert cards.nth(0).locator(".cb-card__status").inner_text() == "Not started"
    assert page.locator(".cb-continue__label").inner_text() == "Start the course:"
    assert page.locator("[data-cb-time]").inner_text().startswith("0 of ")
    visit(page, base + "02-practice/01-ideas/")
    visit(page, base)
    assert page.locator(".cb-continue__label").inner_text() == "Continue where you left off"
    link = page.locator(".cb-continue a")
    assert link.inner_text() == page.evaluate("CB_MANIFEST.modules[1].pages[1].title")
    second = cards.nth(1).locator("[role=progressbar]")
    assert int(second.get_attribute("aria-valuenow")) > 0
    assert "In progress" in cards.nth(1).locator(".cb-card__status").inner_text()


def test_each_page_says_where_it_is_in_its_module(page, server):
    visit(page, server.url("journey") + "02-practice/02-more/")
    text = page.locator(".cb-position__text").inner_text()
    assert text.endswith("module 2 · page 3 of 5")
    assert page.locator(".cb-position [role=progressbar]").get_attribute("aria-valuenow") is not None


def page_type_problems(page, base: str, shots: str) -> dict:
    """Each page type of the site at BASE: what scrolls sideways and what axe-core finds; a full-page
    screenshot of each saved as SHOTS/<shots><page type>.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for name, path in PAGE_TYPES.items():
        visit(page, base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            problems[f"{name}: {overflow}px sideways"] = True
        found = axe(page)
        if found:
            problems[name] = found
        page.screenshot(path=str(SHOTS / shots.replace("{name}", name)), full_page=True)
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_page_type_scrolls_sideways_and_axe_is_clean(browser, server, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    problems = page_type_problems(context.new_page(), server.url("journey"), f"{{name}}-{scheme}-{'phone' if width < 600 else 'desktop'}.png")
    context.close()
    assert problems == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_pass_axe_and_leave_the_course_frame_out(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    visit(page, server.url("journey") + "02-practice/")
    page.keyboard.press("/")
    page.keyboard.type("ideas", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert "module 2 · page" not in page.locator(".md-search-result").inner_text()
    assert axe(page) == []
    context.close()


@pytest.fixture(scope="module")
def long_course(server, tmp_path_factory):
    """The journey course with one long page, mounted beside the others."""
    from browser.conftest import serve_built
    from conftest import copy_project

    root = copy_project("journey", tmp_path_factory.mktemp("long"))
    page = root / "modules" / "02-practice" / "03-extra.md"
    sections = "\n\n".join(f"## Part {n}\n\n" + "A paragraph to read. " * 60 for n in range(1, 9))
    page.write_text(f"# Extra reading\n\nA long page.\n\n{sections}\n")
    return serve_built(server, root, "long")


def read_mark(page) -> int:
    return page.locator(".md-nav--primary a", has_text="Extra reading").locator(".cb-mark").count()


def test_a_page_counts_as_read_at_its_last_section_not_when_opened(page, long_course):
    page.set_viewport_size({"width": 1280, "height": 600})
    visit(page, long_course + "02-practice/03-extra/")
    assert read_mark(page) == 0 and page.evaluate("localStorage.getItem('cb:journey:v1:p:02-practice/03-extra.md')") is None
    assert page.get_by_role("button", name="Mark as read").is_visible()
    page.locator("article h2", has_text="Part 8").scroll_into_view_if_needed()
    page.locator(".md-nav--primary a", has_text="Extra reading").locator(".cb-mark").wait_for()
    assert page.get_by_role("button", name="Mark as read").count() == 0


def test_mark_as_read_counts_the_page(page, long_course):
    page.set_viewport_size({"width": 1280, "height": 600})
    visit(page, long_course + "02-practice/03-extra/")
    page.get_by_role("button", name="Mark as read").click()
    page.locator(".md-nav--primary a", has_text="Extra reading").locator(".cb-mark").wait_for()
    visit(page, long_course + "progress/")
    assert "In progress: 1 of 5 pages read." in page.locator("table").inner_text()
