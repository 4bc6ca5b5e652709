"""What a teacher does in the course, as Playwright steps: answer questions, read results, download."""

from __future__ import annotations

import json

# The journey course's graded questions: a right and a wrong answer for each (stored representation).
TYPES = {"where": "single", "boil": "true_false", "cat": "short_answer", "even": "multiple",
         "sounds": "matching", "dog": "short_answer", "new-one": "true_false", "order": "ordering"}
RIGHT = {"where": [0], "boil": True, "cat": "Meow", "even": [0, 2], "sounds": [0, 1],
         "dog": "woof", "new-one": True, "order": [1, 2, 3]}
WRONG = {"where": [1], "boil": False, "cat": "woof", "even": [1], "sounds": [1, 0],
         "dog": "meow", "new-one": False, "order": [3, 2, 1]}


def question(page, quiz: str, qid: str):
    return page.locator(f'form[data-quiz="{quiz}"] fieldset[data-question="{qid}"]')


def answer(field, kind: str, value) -> None:
    """Put `value` (in the stored representation) into one question's controls."""
    if kind in ("single", "multiple"):
        for box in field.locator("input").all():
            box.set_checked(int(box.get_attribute("value")) in value)
    elif kind == "true_false":
        field.locator(f'input[value="{0 if value else 1}"]').check()
    elif kind in ("short_answer", "reflection"):
        field.locator("input[type=text], textarea").fill(value)
    elif kind == "matching":  # press a row, then its option (the drag path: tests/browser/test_arrange.py)
        for i, number in enumerate(value):
            field.locator(".cb-slot").nth(i).click()
            field.locator(f'.cb-chip[data-v="{number}"]').click()
    elif kind == "ordering":  # move each item up to its place with its button
        if [value[int(i)] for i in _order(field)] == sorted(value):  # already so: move one item down and back
            field.locator('.cb-move[data-step="1"]').first.click()
            field.locator('.cb-move[data-step="-1"]').nth(1).click()
        for position in range(len(value)):
            index = value.index(position + 1)
            for _ in range(_order(field).index(str(index)) - position):
                field.locator(f'li[data-index="{index}"] .cb-move[data-step="-1"]').click()
    elif kind == "cloze":
        for name, given in value.items():  # a typed gap's text, a picked gap's choice index
            blank = field.locator(f'[data-blank="{name}"]')
            if blank.evaluate("e => e.tagName") == "SELECT":
                blank.select_option(value=str(given))
            else:
                blank.fill(given)
    else:
        raise ValueError(kind)


def _order(field) -> list[str]:
    """An ordering question's items (data-index) as shown, top to bottom."""
    return field.locator(".cb-order > li").evaluate_all("ls => ls.map(l => l.dataset.index)")


def answer_drawn(page, quiz: str, table: dict) -> list[str]:
    """Answer every question this attempt drew (pool, shuffle) from `table`; returns their ids in order."""
    form = page.locator(f'form[data-quiz="{quiz}"]')
    drawn = form.locator("fieldset.cb-question:not([hidden])")
    ids = [drawn.nth(i).get_attribute("data-question") for i in range(drawn.count())]
    for qid in ids:
        answer(question(page, quiz, qid), TYPES[qid], table[qid])
    return ids


def form_of(page, quiz: str, qid: str | None = None):
    """The form holding a quiz (or, where a page embeds questions one by one, the one holding qid)."""
    has = f':has(fieldset[data-question="{qid}"])' if qid else ""
    return page.locator(f'form[data-quiz="{quiz}"]{has}')


def submit(page, quiz: str, qid: str | None = None) -> str:
    form = form_of(page, quiz, qid)
    form.locator("button.cb-button--check").click()
    return form.locator(".cb-quiz__result").inner_text()


def feedback_after(page, quiz: str, qid: str, kind: str, value) -> str:
    """Answer one question, check the quiz, and read the question's feedback."""
    field = question(page, quiz, qid)
    answer(field, kind, value)
    submit(page, quiz, qid)
    return field.locator(".cb-question__feedback").inner_text()


def download_json(page, selector: str) -> dict:
    with page.expect_download() as info:
        page.click(selector)
    return json.loads(open(info.value.path(), encoding="utf-8").read())


def storage(page) -> dict:
    """Every key the course stored in this browser (http: and Chromium's shared file: storage)."""
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('cb:')).sort().map(k => [k, localStorage.getItem(k)]))""")


def wait_saved(page, quiz: str, qid: str) -> None:
    """The reflection as typed is stored (the status also shows an earlier save's time, from page load)."""
    field = question(page, quiz, qid)
    field.locator(".cb-reflection__status").filter(has_text="Saved at").wait_for()
    page.wait_for_function("""([key, text]) => location.protocol === "file:" || Object.keys(localStorage)
        .some(k => k.startsWith("cb:") && k.endsWith(key) && JSON.parse(localStorage.getItem(k)).t === text)""",
                           arg=[f":r:{quiz}/{qid}", field.locator("textarea").input_value()])


def runtime_ready(page) -> None:
    """The runtime has finished with this page (it marks the navigation after loading the store)."""
    page.wait_for_function("() => document.querySelector('.cb-page') && window.CB_MANIFEST && document.documentElement.dataset.cbReady === location.href")


def import_file(page, path) -> list[str]:
    """Choose a progress file on My progress, read what it would change, import it; returns those lines."""
    page.set_input_files("#cb-import", str(path))
    page.locator(".cb-plan button", has_text="Import these changes").wait_for()
    lines = page.locator(".cb-plan li").all_inner_texts()
    page.click(".cb-plan button >> text=Import these changes")
    page.locator(".cb-msg", has_text="Imported").wait_for()
    return lines


def without_undo(stored: dict) -> dict:
    """Stored keys apart from the snapshot an import keeps for "Undo the import"."""
    return {k: v for k, v in stored.items() if not k.endswith(":v1:undo")}


def read_to_end(page, url: str) -> None:
    """Open a page and scroll to its end, as a teacher reading it would: it counts as read."""
    page.goto(url)
    runtime_ready(page)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("() => document.documentElement.dataset.cbRead")
