"""Accessibility: axe-core on every state a teacher meets (light and dark palettes), the journey by
keyboard alone with visible focus, and the print stylesheet (the record on one clean page)."""

from __future__ import annotations

import re

import pytest

from browser.conftest import AXE
from browser.learner import RIGHT, WRONG, answer, answer_drawn, question, runtime_ready, submit, wait_saved

pytestmark = pytest.mark.browser


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


# WCAG 2.0 to 2.2, A and AA, and axe's best practices (headings in order, landmarks, unique ids ...)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe(page) -> list[str]:
    """axe-core's violations on the whole page (the WCAG rules and the best practices), one line each."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` at the repository root")
    # colours are judged as they end up, not halfway through a fade: the theme's header swaps the
    # site name for the page title with a transition once the page scrolls, and axe read a
    # half-faded title as low contrast. Transitions are finished at once while axe runs.
    page.evaluate("""() => new Promise(done => {
        const style = document.createElement("style");
        style.id = "cb-axe-still";
        style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
        document.head.append(style);
        requestAnimationFrame(() => requestAnimationFrame(done));
    })""")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""tags => axe.run(document, {runOnly: {type: "tag", values: tags}}).then(r => ({violations: r.violations,
        ran: [r.passes, r.violations, r.incomplete, r.inapplicable].flat().filter(x => x.tags.includes("best-practice")).length}))""", AXE_TAGS)
    page.evaluate("() => document.getElementById('cb-axe-still').remove()")
    assert result["ran"] >= 25, "axe ran its best-practice rules"
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_any_state(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    base = server.url("journey")
    found: dict[str, list[str]] = {}

    visit(page, base + "02-practice/02-more/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    found["content page"] = axe(page)

    visit(page, base + "01-welcome/01-start/")
    found["check unanswered"] = axe(page)
    where = question(page, "welcome-check", "where")
    where.locator(".cb-button--hint").click()
    answer(where, "single", WRONG["where"])
    submit(page, "welcome-check")
    answer(question(page, "welcome-check", "hopes"), "reflection", "Notes.")
    wait_saved(page, "welcome-check", "hopes")
    found["check wrong, hint open"] = axe(page)
    answer(where, "single", RIGHT["where"])
    submit(page, "welcome-check")
    found["check right"] = axe(page)

    visit(page, base + "02-practice/practice-end/")
    answer_drawn(page, "practice-end", WRONG)
    submit(page, "practice-end")
    found["assessment failed"] = axe(page)
    page.get_by_role("button", name="Try again").click()
    answer_drawn(page, "practice-end", RIGHT)
    submit(page, "practice-end")
    found["assessment passed"] = axe(page)

    for view in ("progress", "journal", "record"):
        visit(page, base + view + "/")
        found[view] = axe(page)
    visit(page, base)
    found["home with resume link"] = axe(page)
    context.close()

    broken = browser.new_context(color_scheme=scheme)
    broken.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = broken.new_page()
    visit(page, base + "01-welcome/01-start/")
    page.locator(".cb-alert").wait_for()
    found["failed write banner"] = axe(page)
    broken.close()

    assert {state: v for state, v in found.items() if v} == {}


def tab_to(page, selector: str, back: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focus is on `selector`: how a keyboard user gets there."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


def focus_ring(page) -> str:
    return page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return s.outlineStyle === 'none' ? 'none' : s.outlineWidth + ' ' + s.outlineStyle; }""")


def test_the_whole_journey_by_keyboard_alone_with_visible_focus(page, server):
    base = server.url("journey")
    visit(page, base + "01-welcome/01-start/")
    tab_to(page, '[data-question="where"] input[value="0"]')
    assert focus_ring(page) != "none"
    page.keyboard.press("ArrowDown")  # radio group: arrows choose
    assert page.is_checked('[data-question="where"] input[value="1"]')
    tab_to(page, ".cb-button--hint")
    assert re.match(r"[2-9](\.\d+)?px solid", focus_ring(page))
    page.keyboard.press("Enter")
    assert page.locator(".cb-question__hint").inner_text() == "Look at the navigation."
    tab_to(page, "textarea")
    page.keyboard.type("Typed with the keyboard.")
    wait_saved(page, "welcome-check", "hopes")
    tab_to(page, "button.cb-button--check")
    assert re.match(r"[2-9](\.\d+)?px solid", focus_ring(page))
    page.keyboard.press("Enter")
    where = question(page, "welcome-check", "where")
    assert where.locator(".cb-question__feedback").inner_text().startswith("✗ Not quite.")
    tab_to(page, '[data-question="where"] input[value="1"]', back=True)
    page.keyboard.press("ArrowUp")
    tab_to(page, "button.cb-button--check")
    page.keyboard.press("Space")
    assert where.locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")

    visit(page, base + "02-practice/practice-end/")
    form = page.locator('form[data-quiz="practice-end"]')
    drawn = [f.get_attribute("data-question") for f in form.locator("fieldset:not([hidden])").all()]
    for qid in drawn:
        field = question(page, "practice-end", qid)
        tab_to(page, f'form[data-quiz="practice-end"] fieldset[data-question="{qid}"] :is(input, select, .cb-slot)')
        keyboard_answer(page, field, qid)
    tab_to(page, "button.cb-button--check")
    page.keyboard.press("Enter")
    assert "Passed. Well done." in form.locator(".cb-quiz__result").inner_text()
    assert page.evaluate("document.activeElement.classList.contains('cb-quiz__result')")  # the result is read out and shown
    tab_to(page, "text=Start a new attempt")
    assert focus_ring(page) != "none"

    for path in ("02-practice/", "02-practice/01-ideas/", "02-practice/02-more/", "02-practice/03-extra/"):
        visit(page, base + path)  # the record is issued once a module is complete
    visit(page, base + "record/")
    tab_to(page, "#cb-name")
    page.keyboard.type("Ana Teacher")
    tab_to(page, "text=Download the record (JSON)")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.startswith("journey-record-")
    visit(page, base + "progress/")
    tab_to(page, "text=Export progress")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.startswith("journey-progress-")
    tab_to(page, "#cb-import")


def keyboard_answer(page, field, qid: str) -> None:
    """Answer one drawn question of practice-end rightly with keys only (focus is on its first control)."""
    if qid == "boil":  # true/false: "True" is the first radio; Space selects it
        page.keyboard.press("Space")
    elif qid == "cat":
        page.keyboard.type("meow")
    elif qid == "even":  # tick the boxes for 2 and 4, wherever shuffling put them
        for index in RIGHT["even"]:
            tab_to(page, f'form[data-quiz="practice-end"] fieldset[data-question="even"] li[data-index="{index}"] input')
            page.keyboard.press("Space")
    elif qid == "sounds":  # a row (Enter: the focus goes to the options), then its option
        for index, number in enumerate(RIGHT["sounds"]):
            slot = field.locator(".cb-slot").nth(index)
            tab_to(page, f"#{slot.get_attribute('id')}")
            page.keyboard.press("Enter")
            tab_to(page, f'form[data-quiz="practice-end"] .cb-chip[data-v="{number}"]')
            page.keyboard.press("Enter")
            assert slot.get_attribute("data-v") == str(number)


def test_the_completion_record_prints_on_one_clean_page(page, server):
    base = server.url("journey")
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "hopes"), "reflection", "A long reflection. " * 40)
    wait_saved(page, "welcome-check", "hopes")
    visit(page, base + "record/")
    page.fill("#cb-name", "Ana Teacher")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "#cb-name", ".cb-tools", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".cb-record").is_visible()
    visit(page, base + "journal/")
    assert not page.locator(".cb-tools").is_visible() and page.locator(".cb-journal__text").is_visible()
    assert not page.locator(".cb-journal__entry a").first.is_visible()


@pytest.fixture(scope="module")
def shipped_site(server, tmp_path_factory):
    """The repository's own course, built and mounted beside the test courses."""
    from conftest import REPO, run_cli

    site = tmp_path_factory.mktemp("shipped") / "site"
    status, output = run_cli("build", "--root", str(REPO), "--site-dir", str(site))
    assert status == 0, output
    server.mounts["/cpd/shipped/"] = site
    return server.url("shipped")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_page_kind_of_the_shipped_course_passes_axe(browser, shipped_site, scheme):
    """The real content too, in both palettes: the home page, every module overview, a content page,
    a page of checks, the assessments, a references page and the learner's pages."""
    page = browser.new_context(color_scheme=scheme).new_page()
    visit(page, shipped_site)
    urls = page.evaluate("""() => [location.href, ...CB_MANIFEST.modules.map(m => m.url), ...Object.values(CB_MANIFEST.pages)]
        .concat(["02-trauma/02-window-of-tolerance/", "02-trauma/05-check-your-learning/", "02-trauma/06-references/", "05-final/01-final-assessment/"])
        .map(u => new URL(u, location.href).href)""")
    found = {}
    for url in urls:
        visit(page, url)
        found[url.removeprefix(shipped_site)] = axe(page)
    page.context.close()
    assert {where: v for where, v in found.items() if v} == {}
