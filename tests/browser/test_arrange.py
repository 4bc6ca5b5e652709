"""Issue 16, item 3: matching and ordering by drag and drop and by keyboard, with long texts in full.

The journey course with one more page holding a check of three questions: a matching question whose
options are long sentences (each option used once), one that allows an option twice (`reuse: true`)
and an ordering question of long steps. Each path is driven as a teacher would: the mouse drags
(Playwright's mouse, which the page receives as pointer events), the keyboard presses Tab, Enter,
Space and Escape; the live region says what happened.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from browser.learner import runtime_ready, submit
from browser.test_accessibility import axe
from browser.test_course_frame import SHOTS
from conftest import REPO, copy_project, run_cli

pytestmark = pytest.mark.browser

LONG = "so that the pupil knows what will happen next, even on a day when nothing else feels predictable"
QUIZ = f"""id: arrange-check
module: practice
title: Matching and ordering
kind: check
questions:
  - id: roles
    type: matching
    prompt: Match each routine with what it gives a newly arrived pupil.
    pairs:
      - {{left: A visual timetable on the wall, right: "A picture of the day {LONG}"}}
      - {{left: A buddy from the same class, right: "Someone to ask, in the first weeks, about the unwritten rules of the school"}}
      - {{left: A quiet corner, right: "A place to calm down when the noise and the new language become too much"}}
  - id: kinds
    type: matching
    prompt: Which kind of language does each task need most?
    reuse: true
    pairs:
      - {{left: Chatting at break time, right: Everyday language}}
      - {{left: Asking for the toilet, right: Everyday language}}
      - {{left: Explaining a science experiment, right: Academic language}}
  - id: steps
    type: ordering
    prompt: Put the first morning in order.
    items:
      - "Greet the pupil and the family at the gate by name, with a smile and a word in their language"
      - "Show the pupil where to hang the coat and where the toilets are, {LONG}"
      - "Introduce the buddy, who stays with the pupil at break time"
      - "Start the first lesson with a picture task everyone can do"
"""
ROLES = ["A picture of the day " + LONG, "Someone to ask, in the first weeks, about the unwritten rules of the school",
         "A place to calm down when the noise and the new language become too much"]


@pytest.fixture(scope="module")
def site(server, tmp_path_factory):
    root = copy_project("journey", tmp_path_factory.mktemp("arrange"))
    (root / "quizzes" / "arrange-check.yml").write_text(QUIZ, encoding="utf-8")
    (root / "modules" / "02-practice" / "04-arrange.md").write_text("# Arranging\n\n```quiz\narrange-check\n```\n", encoding="utf-8")
    status, output = run_cli("build", "--root", str(root), "--site-dir", str(root / "site"))
    assert status == 0, output
    server.mounts["/cpd/arrange/"] = root / "site"
    return server.url("arrange") + "02-practice/04-arrange/"


def field(page, qid: str):
    return page.locator(f'fieldset[data-question="{qid}"]')


def live(page, qid: str) -> str:
    return field(page, qid).locator(".cb-live").text_content().strip()


def slots(page, qid: str) -> list[str]:
    """The option each row holds, as shown ('' when empty)."""
    return field(page, qid).locator(".cb-slot").evaluate_all("ss => ss.map(s => s.dataset.v ? s.textContent : '')")


def order(page) -> list[int]:
    return [int(i) for i in field(page, "steps").locator(".cb-order > li").evaluate_all("ls => ls.map(l => l.dataset.index)")]


def drag(page, source, target, past: bool = False) -> None:
    """Press the mouse on `source`, move in steps (pointermove events) and release over `target`
    (`past`: beyond its middle in the direction of the move, as when sorting a list)."""
    target.scroll_into_view_if_needed()
    source.scroll_into_view_if_needed()
    a, b = source.bounding_box(), target.bounding_box()
    page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] / 2)
    page.mouse.down()
    beyond = (b["height"] / 4 if b["y"] > a["y"] else -b["height"] / 4) if past else 0
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2 + beyond, steps=8)
    page.mouse.up()


def open_page(page, url) -> None:
    page.goto(url)
    runtime_ready(page)


def test_matching_by_drag_never_uses_an_option_twice(page, site):
    open_page(page, site)
    roles = field(page, "roles")
    chip = roles.locator(".cb-chip", has_text="A picture of the day")
    drag(page, chip, roles.locator(".cb-slot").nth(0))
    assert slots(page, "roles") == [ROLES[0], "", ""]
    assert live(page, "roles") == f"“{ROLES[0]}” placed beside “A visual timetable on the wall”."
    assert "(placed)" in chip.inner_text()
    # the same option dragged to the second row moves there: the first row is empty again
    drag(page, chip, roles.locator(".cb-slot").nth(1))
    assert slots(page, "roles") == ["", ROLES[0], ""]
    assert live(page, "roles").endswith("“A picture of the day " + LONG + "” taken off “A visual timetable on the wall”.")
    # a placed option dragged onto another row swaps with it; dragged back to the options it leaves
    drag(page, roles.locator(".cb-chip", has_text="Someone to ask"), roles.locator(".cb-slot").nth(0))
    drag(page, roles.locator(".cb-slot").nth(0), roles.locator(".cb-slot").nth(1))
    assert slots(page, "roles") == [ROLES[0], ROLES[1], ""]
    drag(page, roles.locator(".cb-slot").nth(1), roles.locator(".cb-bank"))
    assert slots(page, "roles") == [ROLES[0], "", ""]
    # long options are shown in full: nothing is cut off, and the page does not scroll sideways
    for box in roles.locator(".cb-chip, .cb-slot").all():
        assert box.evaluate("b => b.scrollWidth <= b.clientWidth + 1")
    assert roles.locator(".cb-slot").nth(0).inner_text() == ROLES[0]


def test_matching_by_keyboard_with_reuse_and_per_row_feedback(page, site):
    open_page(page, site)
    kinds = field(page, "kinds")
    kinds.locator(".cb-slot").nth(0).focus()
    page.keyboard.press("Enter")  # a row first: the focus goes to the options
    assert live(page, "kinds") == "Choose the option for “Chatting at break time”."
    assert page.evaluate("document.activeElement.textContent") == "Academic language"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Everyday language": placed, and the focus is back on the row
    assert live(page, "kinds") == "“Everyday language” placed beside “Chatting at break time”."
    assert page.evaluate("document.activeElement.id") == kinds.locator(".cb-slot").nth(0).get_attribute("id")
    # an option first, then the row: with reuse the same option goes to a second and a third row
    for row in (1, 2):
        kinds.locator(".cb-chip", has_text="Everyday language").focus()
        page.keyboard.press("Space")
        assert live(page, "kinds") == "“Everyday language” picked: now choose its row."
        assert kinds.locator('.cb-chip[aria-pressed="true"]').count() == 1
        kinds.locator(".cb-slot").nth(row).focus()
        page.keyboard.press("Enter")
    assert slots(page, "kinds") == ["Everyday language"] * 3
    assert kinds.locator(".cb-chip--used").count() == 0  # reuse: options stay available
    kinds.locator(".cb-chip").first.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # changed one's mind: nothing picked
    assert kinds.locator("[aria-pressed]").count() == 0
    submit(page, "arrange-check")
    feedback = kinds.locator(".cb-question__feedback").inner_text()
    assert feedback.startswith("✗ Partly right. 2 of 3 parts right.") or feedback.startswith("✗ Not quite. 2 of 3 parts right.")
    assert "Look again at: “Explaining a science experiment”." in feedback
    assert kinds.locator(".cb-row-mark").all_inner_texts() == ["✓ Correct.", "✓ Correct.", "✗ Not quite."]
    assert "cb-row--wrong" in kinds.locator(".cb-pair").nth(2).get_attribute("class")
    # changing an answer takes the marks away until the next check
    kinds.locator(".cb-slot").nth(2).focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # "Academic language", the first option
    assert kinds.locator(".cb-row-mark").count() == 0
    assert submit(page, "arrange-check").startswith("1 of")  # roles and steps are not answered yet


def test_matching_options_are_used_once_by_keyboard(page, site):
    open_page(page, site)
    roles = field(page, "roles")
    for row in (0, 1):  # the same option for two rows: it moves
        roles.locator(".cb-slot").nth(row).focus()
        page.keyboard.press("Enter")
        roles.locator(".cb-chip", has_text="A place to calm down").focus()
        page.keyboard.press("Enter")
    assert slots(page, "roles") == ["", ROLES[2], ""]
    assert live(page, "roles") == f"“{ROLES[2]}” placed beside “A buddy from the same class”. “{ROLES[2]}” taken off “A visual timetable on the wall”."
    # a filled row, then another row: the two swap
    roles.locator(".cb-slot").nth(1).focus()
    page.keyboard.press("Enter")
    roles.locator(".cb-slot").nth(0).focus()
    page.keyboard.press("Enter")
    assert slots(page, "roles") == [ROLES[2], "", ""]


def test_ordering_by_keyboard_announces_each_move_and_marks_positions(page, site):
    open_page(page, site)
    steps = field(page, "steps")
    start = order(page)
    assert sorted(start) == [0, 1, 2, 3] and start != [0, 1, 2, 3]
    text = {i: steps.locator(f'li[data-index="{i}"] .cb-order__text').inner_text() for i in range(4)}
    # "move up" on the item that belongs first, until it is first; the focus stays on its button
    up = steps.locator('li[data-index="0"] .cb-move[data-step="-1"]')
    up.focus()
    for _ in range(start.index(0)):
        page.keyboard.press("Enter")
    assert order(page)[0] == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move up"
    if start.index(0):
        assert live(page, "steps") == f"“{text[0]}” moved to position 1 of 4."
    # the first item at the bottom, by its "move down" button
    down = steps.locator('li[data-index="0"] .cb-move[data-step="1"]')
    down.focus()
    for n in (2, 3, 4):
        page.keyboard.press("Space")
        assert live(page, "steps") == f"“{text[0]}” moved to position {n} of 4."
    submit(page, "arrange-check")
    marks = steps.locator(".cb-row-mark").all_inner_texts()
    assert len(marks) == 4 and marks[-1] == "✗ Not quite."
    assert f"“{text[0]}”" in steps.locator(".cb-question__feedback").inner_text()


def test_ordering_by_drag_then_restored_after_reload(page, site):
    open_page(page, site)
    steps = field(page, "steps")
    for index in range(4):  # drag each item onto the position it belongs in
        drag(page, steps.locator(f'li[data-index="{index}"] .cb-grip'), steps.locator(".cb-order > li").nth(index), past=True)
    assert order(page) == [0, 1, 2, 3]
    assert live(page, "steps").endswith("of 4.")
    roles = field(page, "roles")
    for row, text in enumerate(ROLES):
        drag(page, roles.locator(".cb-chip", has_text=text[:20]), roles.locator(".cb-slot").nth(row))
    submit(page, "arrange-check")
    assert steps.locator(".cb-row-mark").all_inner_texts() == ["✓ Correct."] * 4
    page.reload()
    runtime_ready(page)
    assert order(page) == [0, 1, 2, 3]
    assert slots(page, "roles") == ROLES
    assert roles.locator(".cb-chip--used").count() == 3
    assert steps.locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_width_and_touch_targets_in_every_state(browser, site, scheme, width):
    """axe-core clean, nothing sideways, 44 px targets; the checked quiz saved for a reviewer to look at."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800}, has_touch=width < 600)
    page = context.new_page()
    open_page(page, site)
    found = {"unanswered": axe(page)}
    roles = field(page, "roles")
    roles.locator(".cb-chip").first.click()
    found["option picked"] = axe(page)
    roles.locator(".cb-slot").first.click()
    field(page, "steps").locator(".cb-move").first.click()
    submit(page, "arrange-check")
    found["checked"] = axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("form.cb-quiz").screenshot(path=str(SHOTS / f"matching-ordering-checked-{scheme}-{'phone' if width < 600 else 'desktop'}.png"))
    small = page.locator(".cb-slot, .cb-chip, .cb-move, .cb-grip").evaluate_all(
        "bs => bs.filter(b => b.getBoundingClientRect().height < 44 || b.getBoundingClientRect().width < 44).map(b => b.outerHTML)")
    assert small == []
    context.close()
    assert {state: v for state, v in found.items() if v} == {}


def test_firefox_keyboard_path(site):
    """Firefox ESR: both question types by keyboard alone, announcements and per-position marks."""
    node = shutil.which("node") or "/usr/bin/node"
    if not Path("/usr/bin/firefox-esr").exists() or not Path(node).exists():
        pytest.skip("firefox-esr or node is not installed")
    if not (REPO / "node_modules" / "puppeteer-core").exists():
        pytest.fail("puppeteer-core is missing: run `npm ci` at the repository root")
    script = Path(__file__).with_name("arrange_firefox.mjs")
    result = subprocess.run([node, str(script), site], cwd=REPO, capture_output=True, text=True, timeout=180)
    print(result.stdout + result.stderr)
    assert result.returncode == 0 and "keyboard path passed" in result.stdout, result.stdout + result.stderr


def test_touch_drag_by_the_grip_and_by_an_option_on_a_phone(browser, site):
    """A finger (Chromium's touch input: pointer events of type touch) drags an item by its grip and an
    option onto a row."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    open_page(page, site)
    cdp = context.new_cdp_session(page)

    def swipe(source, target) -> None:  # as drag() with `past`, by a finger
        target.scroll_into_view_if_needed()
        source.scroll_into_view_if_needed()
        a, b = source.bounding_box(), target.bounding_box()
        x0, y0 = a["x"] + a["width"] / 2, a["y"] + a["height"] / 2
        x1, y1 = b["x"] + b["width"] / 2, b["y"] + b["height"] / 2 + (b["height"] / 4 if b["y"] > a["y"] else -b["height"] / 4)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
        for n in range(1, 11):
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x0 + (x1 - x0) * n / 10, "y": y0 + (y1 - y0) * n / 10}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    steps = field(page, "steps")
    start = order(page)
    last = start[-1]
    swipe(steps.locator(f'li[data-index="{last}"] .cb-grip'), steps.locator(".cb-order > li").first)
    assert order(page)[0] == last
    assert live(page, "steps").endswith("moved to position 1 of 4.")
    roles = field(page, "roles")
    swipe(roles.locator(".cb-chip", has_text="A place to calm down"), roles.locator(".cb-slot").nth(2))
    assert slots(page, "roles") == ["", "", ROLES[2]]
    context.close()
