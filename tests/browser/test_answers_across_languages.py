"""Answers cross languages, in real Chromium: a teacher answers a matching question, a gap to pick,
a gap to type and an assessment on the German pages, then opens the English pages: every answer is
there in English words and grades the same, and the record made from German answers verifies with
`course verify`. Answers stored as texts by earlier versions (matching, picked gaps) come back in
either language and grade too. The course: tests/projects/minimal with a German translation made
here by `course translate`, whose option texts sort in another order than the English ones. The
first test's German-to-English part runs in Firefox ESR too."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from browser.conftest import serve_built
from browser.learner import download_json, question, runtime_ready, storage, submit
from browser.test_firefox import node_or_skip
from conftest import REPO, copy_project, run_cli

pytestmark = pytest.mark.browser
# English -> German in the translated quizzes (options and choices in another alphabetical order)
GERMAN = {
    "prompt: Match the animal with its sound.": "prompt: Ordnen Sie jedem Tier seinen Laut zu.",
    "{left: Dog, right: Bark}": "{left: Hund, right: Wuff}",
    "{left: Cat, right: Meow}": "{left: Katze, right: Miau}",
    "state: {choices: [liquid, solid], answer: liquid}": "state: {choices: [flüssig, fest], answer: flüssig}",
    'temp: {answers: ["100"]}': 'temp: {answers: ["100", "hundert"]}',
    "prompt: Type \"yes\".": "prompt: Tippen Sie „ja“.",
    'answers: ["yes"]': 'answers: ["ja"]',
}


@pytest.fixture(scope="module")
def course(server, tmp_path_factory):
    root = copy_project("minimal", tmp_path_factory.mktemp("answers-bi"))
    for source in ("quizzes/basics-check.yml", "quizzes/basics-end.yml"):
        status, output = run_cli("translate", "de", source, "--root", str(root))
        assert status == 0, output
        translated = root / source.replace(".yml", ".de.yml")
        text = translated.read_text(encoding="utf-8")
        for english, german in GERMAN.items():
            text = text.replace(english, german)
        translated.write_text(text, encoding="utf-8")
    return SimpleNamespace(url=serve_built(server, root, "answers-bi", "--strict"), root=root)


def open_page(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


def shown(page) -> dict:
    """What the matching rows, the gaps and the verdicts show."""
    pairs, gaps = question(page, "basics-check", "pairs"), question(page, "basics-check", "gaps")
    return {
        "rows": pairs.locator(".cb-slot").all_inner_texts(),
        "state": gaps.locator('[data-blank="state"]').evaluate("s => s.selectedOptions[0].text"),
        "temp": gaps.locator('[data-blank="temp"]').input_value(),
        "verdicts": [q.locator(".cb-question__feedback").inner_text().split(".")[0] for q in (pairs, gaps)],
    }


def stored(page, key: str) -> dict:
    return json.loads(storage(page)[f"cb:minimal:v1:{key}"])


def test_answers_given_in_german_show_and_grade_in_english_and_the_record_verifies(page, course, tmp_path):
    lesson = "01-basics/01-first/"
    open_page(page, course.url + "de/01-basics/")
    open_page(page, course.url + "de/" + lesson)
    pairs = question(page, "basics-check", "pairs")
    assert pairs.locator(".cb-chip").all_inner_texts() == ["Miau", "Wuff"]
    for row, option in enumerate(["Wuff", "Miau"]):  # Hund -> Wuff, Katze -> Miau
        pairs.locator(".cb-slot").nth(row).click()
        pairs.locator(".cb-chip", has_text=option).click()
    gaps = question(page, "basics-check", "gaps")
    gaps.locator('[data-blank="temp"]').fill("hundert")
    gaps.locator('[data-blank="state"]').select_option(label="flüssig")
    submit(page, "basics-check")
    assert shown(page) == {"rows": ["Wuff", "Miau"], "state": "flüssig", "temp": "hundert", "verdicts": ["✓ Richtig", "✓ Richtig"]}
    answers = stored(page, "q:basics-check")["a"]
    assert answers["pairs"] == [0, 1] and answers["gaps"] == {"temp": "hundert", "state": 0}  # nothing German but the typed word

    # the English page: the same answers in English words, right; checked again there, still right
    open_page(page, course.url + lesson)
    assert shown(page) == {"rows": ["Bark", "Meow"], "state": "liquid", "temp": "hundert", "verdicts": ["✓ Correct", "✓ Correct"]}
    submit(page, "basics-check")
    assert shown(page)["verdicts"] == ["✓ Correct", "✓ Correct"]
    assert stored(page, "q:basics-check")["ok"]["pairs"] is True and stored(page, "q:basics-check")["ok"]["gaps"] is True

    # the assessment passed in German counts on the English record, and the record verifies
    open_page(page, course.url + "de/01-basics/basics-end/")
    question(page, "basics-end", "q1").locator('input[value="0"]').check()
    question(page, "basics-end", "q2").locator("input").fill("Ja")
    assert "Bestanden" in submit(page, "basics-end")
    open_page(page, course.url + "record/")
    page.fill("#cb-name", "Ana Lehrerin")
    record = download_json(page, "text=Download the record (JSON)")
    assert record["quizzes"]["basics-end"]["passed"] is True and record["quizzes"]["basics-end"]["answers"]["q2"] == "Ja"
    assert record["quizzes"]["basics-check"]["answers"]["pairs"] == [0, 1]
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    status, output = run_cli("verify", str(path), "--root", str(course.root))
    assert status == 0, output
    assert "record verified: Ana Lehrerin, 1 module(s) complete" in output and "read in de, en" in output


def test_answers_stored_as_texts_before_positions_come_back_and_grade_in_either_language(page, course):
    lesson = "01-basics/01-first/"
    open_page(page, course.url + lesson)
    # as the runtime stored them before positions: matching texts and a picked gap's text, in German
    old = {"a": {"pairs": ["Wuff", "Miau"], "gaps": {"temp": "100", "state": "flüssig"}}, "d": "2026-11-20T10:00:00.000Z"}
    page.evaluate("v => localStorage.setItem('cb:minimal:v1:q:basics-check', JSON.stringify(v))", old)
    for url, words in ((course.url + lesson, ("Bark", "Meow", "liquid")), (course.url + "de/" + lesson, ("Wuff", "Miau", "flüssig"))):
        open_page(page, url)
        now = shown(page)
        assert (now["rows"], now["state"], now["temp"]) == ([words[0], words[1]], words[2], "100"), url
        submit(page, "basics-check")
        assert re.fullmatch(r"✓ (Correct|Richtig)", shown(page)["verdicts"][0]) and re.fullmatch(r"✓ (Correct|Richtig)", shown(page)["verdicts"][1])
    # checking again stored the answers by position
    assert stored(page, "q:basics-check")["a"]["pairs"] == [0, 1]
    assert stored(page, "q:basics-check")["a"]["gaps"] == {"temp": "100", "state": 0}


def test_firefox_answers_given_in_german_show_and_grade_in_english(course):
    """The first test's German answers and English page in Firefox ESR (tests/browser/answers_firefox.mjs)."""
    script = Path(__file__).with_name("answers_firefox.mjs")
    result = subprocess.run([node_or_skip(), str(script), course.url], cwd=REPO, capture_output=True, text=True, timeout=180)
    print(result.stdout + result.stderr)
    assert result.returncode == 0 and "answers across languages passed" in result.stdout, result.stdout + result.stderr
