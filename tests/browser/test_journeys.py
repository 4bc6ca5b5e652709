"""A teacher's journeys in headless Chromium, on sites served over http under /cpd/<name>/.

Every test starts with an empty browser profile and fails on any JavaScript error.
"""

from __future__ import annotations

import datetime
import json
import re

import jsonschema
import pytest
from markdown_it import MarkdownIt

from browser.learner import (RIGHT, WRONG, answer, answer_drawn, download_json, form_of, import_file, question,
                             read_to_end, runtime_ready, storage, submit, wait_saved, without_undo)
from conftest import PROJECTS, REPO, run_cli

pytestmark = pytest.mark.browser

WELCOME = ["", "01-welcome/", "01-welcome/01-start/"]
PRACTICE = ["02-practice/", "02-practice/01-ideas/", "02-practice/02-more/", "02-practice/03-extra/"]


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


def pass_practice(page, base: str) -> None:
    visit(page, base + "02-practice/practice-end/")
    answer_drawn(page, "practice-end", RIGHT)
    assert "Passed" in submit(page, "practice-end")


def finish_course(page, base: str) -> None:
    for path in WELCOME + PRACTICE:
        read_to_end(page, base + path)
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "where"), "single", RIGHT["where"])
    submit(page, "welcome-check")
    pass_practice(page, base)


def test_check_wrong_then_right_with_feedback_hint_and_review_link(page, server):
    base = server.url("journey")
    visit(page, base + "01-welcome/01-start/")
    where = question(page, "welcome-check", "where")
    hint = where.locator(".cb-button--hint")
    hint.click()
    assert hint.get_attribute("aria-expanded") == "true" and hint.inner_text() == "Hide hint"
    assert where.locator(".cb-question__hint").inner_text() == "Look at the navigation."

    assert submit(page, "welcome-check") == "Answer the question first."
    answer(where, "single", WRONG["where"])
    submit(page, "welcome-check")
    feedback = where.locator(".cb-question__feedback")
    assert feedback.inner_text().startswith("✗ Not quite.")
    assert "The My progress page shows each module's status." in feedback.inner_text()  # explanation
    chosen = where.locator('li[data-index="1"]')
    assert "Not quite." in chosen.inner_text() and "The course keeps your progress in this browser." in chosen.inner_text()
    assert chosen.locator("input").get_attribute("aria-describedby") == chosen.locator(".cb-choice__feedback").get_attribute("id")
    review = feedback.locator(".cb-review a")
    assert review.inner_text() == "Welcome"
    assert review.get_attribute("href") == base + "01-welcome/#why-this-course"

    answer(where, "single", RIGHT["where"])
    assert feedback.inner_text() == ""  # changing the answer clears the old verdict
    submit(page, "welcome-check")
    assert feedback.inner_text().startswith("✓ Correct.")
    assert "Yes, it lists every module." in where.locator('li[data-index="0"]').inner_text()
    assert where.locator('li[data-index="1"] .cb-choice__feedback').inner_text() == ""
    assert feedback.locator(".cb-review").count() == 0


def test_every_question_type_is_graded_as_course_verify_grades_it(page, server, tmp_path):
    base = server.url("minimal")
    visit(page, base + "01-basics/")
    visit(page, base + "01-basics/01-first/")
    right = {"pick-one": [0], "pick-many": [0, 2], "tf": True, "typed": "  paris ", "pairs": [0, 1],
             "order": [1, 2, 3], "gaps": {"temp": "100", "state": 0}}
    kinds = {"pick-one": "single", "pick-many": "multiple", "tf": "true_false", "typed": "short_answer",
             "pairs": "matching", "order": "ordering", "gaps": "cloze"}
    # each option goes to one row only (no reuse: true), so a wrong matching swaps the two
    wrong = {"pick-many": [0], "pairs": [1, 0], "order": [2, 1, 3], "gaps": {"temp": "90", "state": 0}}
    for qid, value in wrong.items():
        answer(question(page, "basics-check", qid), kinds[qid], value)
    assert submit(page, "basics-check") == "0 of 4 answered correctly. 3 not answered yet."
    assert question(page, "basics-check", "pick-many").locator(".cb-verdict").first.inner_text() == "✓ Correct."  # the chosen 2
    assert "Partly right." in question(page, "basics-check", "pick-many").locator(".cb-question__feedback").inner_text()
    assert "0 of 2 parts right." in question(page, "basics-check", "pairs").inner_text()
    assert "1 of 3 parts right." in question(page, "basics-check", "order").inner_text()
    assert "1 of 2 parts right." in question(page, "basics-check", "gaps").inner_text()
    for qid, value in right.items():
        answer(question(page, "basics-check", qid), kinds[qid], value)
    answer(question(page, "basics-check", "think"), "reflection", "Colours and numbers.")
    wait_saved(page, "basics-check", "think")
    assert submit(page, "basics-check") == "7 of 7 answered correctly."

    visit(page, base + "01-basics/basics-end/")
    answer(question(page, "basics-end", "q1"), "true_false", True)
    answer(question(page, "basics-end", "q2"), "short_answer", " No ")
    result = submit(page, "basics-end")
    assert "Passed. Well done." in result and "Your score: 50% (pass mark 50%)." in result

    visit(page, base + "record/")
    page.fill("#cb-name", "Ana Teacher")
    record = download_json(page, "text=Download the record (JSON)")
    assert record["quizzes"]["basics-check"]["answers"] == dict(right, think="Colours and numbers.")
    assert record["quizzes"]["basics-check"]["score"] == 100
    assert record["quizzes"]["basics-end"]["answers"] == {"q1": True, "q2": " No "}
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", str(PROJECTS / "minimal"))
    assert status == 0, output
    assert "record verified: Ana Teacher, 1 module(s) complete, 0.17 CPD hours" in output
    record["quizzes"]["basics-end"]["score"] = 100
    path.write_text(json.dumps(record))
    assert run_cli("verify", str(path), "--root", str(PROJECTS / "minimal"))[0] == 1


def test_assessment_fail_retry_pass_keeps_the_best_attempt(page, server):
    base = server.url("journey")
    visit(page, base + "02-practice/practice-end/")
    form = form_of(page, "practice-end")
    shown = form.locator("fieldset.cb-question:not([hidden])")
    assert shown.count() == 3
    assert shown.first.locator(".cb-question__number").inner_text() == "Question 1 of 3"
    assert "Answer every question before you submit" in submit(page, "practice-end")

    drawn = answer_drawn(page, "practice-end", WRONG)
    result = submit(page, "practice-end")
    assert "✗ Not passed yet." in result and "Your score: 0% (pass mark 60%)." in result
    reviews = form.locator(".cb-quiz__result .cb-review a").all_inner_texts()
    assert reviews and set(reviews) <= {"Key ideas", "More ideas"}
    assert page.evaluate("document.activeElement.classList.contains('cb-quiz__result')")
    assert form.locator("fieldset:not([hidden]) input").first.is_disabled()

    page.reload()
    runtime_ready(page)  # the attempt, its draw and its result survive a reload
    assert [shown.nth(i).get_attribute("data-question") for i in range(3)] == drawn
    assert "Your score: 0%" in form.locator(".cb-quiz__result").inner_text()

    form.get_by_role("button", name="Try again").click()
    assert form.locator(".cb-quiz__result").inner_text() == "Attempt 2: answer the 3 questions below."
    assert not form.locator("fieldset:not([hidden]) input").first.is_disabled()
    assert form.locator(".cb-question--wrong").count() == 0
    answer_drawn(page, "practice-end", RIGHT)
    result = submit(page, "practice-end")
    assert "✓ Passed. Well done." in result and "Your score: 100% (pass mark 60%). Best so far: 100%." in result

    form.locator("text=Start a new attempt").click()
    answer_drawn(page, "practice-end", WRONG)
    assert "Your score: 0% (pass mark 60%). Best so far: 100%." in submit(page, "practice-end")

    visit(page, base + "progress/")
    row = page.locator("tr", has_text="Practice")
    assert "100%" in row.inner_text() and "In progress: 1 of 5 pages read." in row.inner_text()


def test_reload_keeps_answers_reflections_marks_and_resume_link(page, server):
    base = server.url("journey")
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "where"), "single", RIGHT["where"])
    submit(page, "welcome-check")
    answer(question(page, "welcome-check", "hopes"), "reflection", "To welcome new pupils well.\nAnd their families.")
    wait_saved(page, "welcome-check", "hopes")
    visit(page, base + "02-practice/01-ideas/")
    answer(question(page, "practice-check", "order"), "ordering", RIGHT["order"])
    submit(page, "practice-check", "order")
    answer(question(page, "practice-check", "plan"), "reflection", "Start each lesson with a picture.")
    wait_saved(page, "practice-check", "plan")

    page.reload()
    runtime_ready(page)
    order = question(page, "practice-check", "order")
    assert order.locator(".cb-order > li").evaluate_all("ls => ls.map(l => l.dataset.index)") == ["0", "1", "2"]
    assert order.locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")
    assert question(page, "practice-check", "plan").locator("textarea").input_value() == "Start each lesson with a picture."
    nav = page.locator(".md-nav--primary")
    assert nav.locator("a", has_text="Getting started").locator(".cb-mark").text_content() == "✓ (read)"
    assert nav.locator("a", has_text="More ideas").locator(".cb-mark").count() == 0

    visit(page, base + "01-welcome/01-start/")
    assert question(page, "welcome-check", "where").locator('input[value="0"]').is_checked()
    assert question(page, "welcome-check", "hopes").locator("textarea").input_value() == "To welcome new pupils well.\nAnd their families."
    visit(page, base)
    resume = page.locator("article .cb-continue")
    assert " ".join(resume.inner_text().split()) == "Continue where you left off Getting started"
    assert resume.locator("a").get_attribute("href") == base + "01-welcome/01-start/"

    visit(page, base + "journal/")
    journal = page.locator(".cb-view")
    text = journal.inner_text()
    assert text.index("Welcome") < text.index("To welcome new pupils well.") < text.index("Practice") < text.index("Start each lesson")
    with page.expect_download() as info:
        page.click("text=Download as Markdown")
    markdown = open(info.value.path(), encoding="utf-8").read()
    assert "## Welcome\n\n### What do you hope to learn in this course?\n\n> To welcome new pupils well.\n> And their families." in markdown
    tokens = MarkdownIt().parse(markdown)  # well formed: one heading per line written, every entry quoted
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert [h for h, _ in headings] == ["h1", "h2", "h3", "h2", "h3"], headings
    assert sum(t.type == "blockquote_open" for t in tokens) == 2
    links = [a.get_attribute("href") for a in journal.locator("a", has_text="in the module").all()]
    assert links
    for href in links:  # every "Edit / Write it in the module" link reaches its question
        visit(page, href)
        anchor = href.split("#")[1]
        assert page.locator(f"fieldset#{anchor}.cb-question--reflection").count() == 1, href
    visit(page, base + "journal/")
    with page.expect_download() as info:
        page.click("text=Download as HTML")
    html = open(info.value.path(), encoding="utf-8").read()
    assert "<blockquote>Start each lesson with a picture.</blockquote>" in html and html.startswith("<!doctype html>")


def test_instant_navigation_reinitialises_every_page(page, server):
    base = server.url("journey")
    visit(page, base)
    assert page.evaluate("JSON.parse(document.getElementById('__config').textContent).features").count("navigation.instant") == 1
    page.evaluate("window.samePage = true")
    link = page.locator(".md-nav--primary a", has_text="Getting started")
    # mkdocs-material takes over the site's links (making them absolute) once it has read the sitemap
    page.wait_for_function("a => a.getAttribute('href').startsWith('http')", arg=link.element_handle())
    link.click()
    page.wait_for_url(base + "01-welcome/01-start/")
    runtime_ready(page)
    assert page.evaluate("window.samePage") is True  # no full page load: instant navigation
    answer(question(page, "welcome-check", "where"), "single", RIGHT["where"])
    assert submit(page, "welcome-check") == ""
    assert question(page, "welcome-check", "where").locator(".cb-verdict").last.inner_text() == "✓ Correct."
    page.locator(".md-nav--primary a", has_text="My progress").click()
    page.wait_for_url(base + "progress/")
    runtime_ready(page)
    assert page.evaluate("window.samePage") is True
    assert "In progress: 1 of 2 pages read." in page.locator("tr", has_text="Welcome").inner_text()
    assert page.locator(".md-nav--primary a", has_text="Getting started").locator(".cb-mark").count() == 1
    page.go_back()
    runtime_ready(page)
    assert question(page, "welcome-check", "where").locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")


def test_finishing_every_module_gives_the_completion_record_with_the_right_hours(page, server, tmp_path):
    base = server.url("journey")
    finish_course(page, base)
    visit(page, base + "progress/")
    assert page.locator(".cb-summary").inner_text() == "2 of 2 modules complete: 1.25 of 1.25 CPD hours."
    for module in ("Welcome", "Practice"):
        assert "✓ Complete" in page.locator("tr", has_text=module).inner_text()
        assert page.locator(".md-nav--primary .cb-mark--module", has_text="complete").count() >= 1

    visit(page, base + "record/")
    page.fill("#cb-name", "Ana Teacher")
    sheet = page.locator(".cb-record")
    assert "Journey course" in sheet.inner_text() and "Course version 1.0.0" in sheet.inner_text()
    assert "Awarded to Ana Teacher" in sheet.inner_text()
    assert "Total CPD time: 1.25 hours (75 minutes), 2 of 2 modules complete." in sheet.inner_text()
    record = download_json(page, "text=Download the record (JSON)")
    today = datetime.date.today().isoformat()
    assert set(record) == {"format", "schema", "course", "learner", "issued", "modules", "total_minutes", "quizzes", "reflections",
                           "languages"}
    assert record["languages"] == ["en"]  # the languages the pages were read in
    assert record["format"] == "course-builder-record" and record["schema"] == 1
    assert record["course"] == {"id": "journey", "title": "Journey course", "version": "1.0.0"}
    assert record["learner"] == {"name": "Ana Teacher"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", record["issued"])
    assert record["modules"] == [
        {"id": "welcome", "title": "Welcome", "minutes": 30, "completed": today, "score": None},
        {"id": "practice", "title": "Practice", "minutes": 45, "completed": today, "score": 100},
    ]
    assert record["total_minutes"] == 75
    assert sorted(record["quizzes"]) == ["practice-end", "welcome-check"]
    assert record["quizzes"]["welcome-check"]["answers"] == {"where": [0]}
    end = record["quizzes"]["practice-end"]
    assert end["score"] == 100 and end["passed"] is True and len(end["answers"]) == 3
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", str(PROJECTS / "journey"))
    assert status == 0 and "2 module(s) complete, 1.25 CPD hours" in output, output


def test_export_clear_import_brings_everything_back(page, server, tmp_path):
    base = server.url("journey")
    finish_course(page, base)
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "hopes"), "reflection", "Keep this.")
    wait_saved(page, "welcome-check", "hopes")
    visit(page, base + "record/")
    page.fill("#cb-name", "Ana Teacher")
    visit(page, base + "progress/")
    before = storage(page)
    exported = download_json(page, "text=Export progress")
    assert exported["format"] == "course-builder-progress" and exported["schema"] == 1
    assert exported["course"] == {"id": "journey", "version": "1.0.0"}
    assert {"name", "last", "q:practice-end", "r:welcome-check/hopes", "p:01-welcome/01-start.md"} <= set(exported["data"])
    jsonschema.validate(exported, json.loads((REPO / "schema" / "progress.schema.json").read_text()))

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("text=Delete my progress from this browser")
    assert page.locator(".cb-msg").inner_text() == "Your progress was deleted from this browser."
    assert storage(page) == {}
    assert page.locator(".cb-summary").inner_text() == "0 of 2 modules complete: 0 of 1.25 CPD hours."

    path = tmp_path / "progress.json"
    path.write_text(json.dumps(exported))
    lines = import_file(page, path)
    assert lines[0] == "7 page(s) marked as read." and "1 reflection(s): the file's newer text." in lines
    assert any(line.startswith("Practice assessment: best score") and "(now –)" in line for line in lines), lines
    assert without_undo(storage(page)) == before
    assert page.locator(".cb-summary").inner_text() == "2 of 2 modules complete: 1.25 of 1.25 CPD hours."
    page.click("text=Undo the import of")  # the import can be taken back
    page.locator(".cb-msg", has_text="The last import was undone").wait_for()
    assert storage(page) == {}
    import_file(page, path)
    assert without_undo(storage(page)) == before
    visit(page, base + "01-welcome/01-start/")
    assert question(page, "welcome-check", "hopes").locator("textarea").input_value() == "Keep this."
    assert question(page, "welcome-check", "where").locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")


def test_import_refuses_corrupted_foreign_and_newer_files_and_changes_nothing(page, server, tmp_path):
    base = server.url("journey")
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "where"), "single", RIGHT["where"])
    submit(page, "welcome-check")
    visit(page, base + "progress/")
    good = download_json(page, "text=Export progress")
    before = storage(page)
    text = json.dumps(good)
    cases = {
        "truncated.json": (text[: len(text) // 2], "not a readable progress file"),
        "picture.json": ("\x89PNG\r\n", "not a readable progress file"),
        "record.json": (json.dumps({"format": "course-builder-record", "schema": 1}), "not a readable progress file"),
        "garbled.json": (json.dumps(dict(good, data={"q:welcome-check": "garbage"})), "1 item(s) in this file are not in the progress format (q:welcome-check)"),
        "other.json": (json.dumps(dict(good, course={"id": "other", "version": "1.0.0"})), "belongs to another course (other)"),
        "newer.json": (json.dumps(dict(good, schema=2)), "made by a newer version"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        page.set_input_files("#cb-import", str(path))
        msg = page.locator(".cb-msg", has_text=message)
        msg.wait_for()
        assert msg.inner_text().startswith("Nothing was imported") and msg.inner_text().endswith("Your progress is unchanged.")
        assert storage(page) == before, name


def test_a_failed_write_is_shown_to_the_teacher(browser, server):
    context = browser.new_context()
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = context.new_page()
    visit(page, server.url("journey") + "01-welcome/01-start/")
    alert = page.locator("article .cb-alert[role=alert]")
    alert.wait_for()
    assert "Could not save: this browser is not storing data" in alert.inner_text()
    answer(question(page, "welcome-check", "hopes"), "reflection", "Lost?")
    status = question(page, "welcome-check", "hopes").locator(".cb-reflection__status")
    status.filter(has_text="Could not save").wait_for()
    answer(question(page, "welcome-check", "where"), "single", RIGHT["where"])
    submit(page, "welcome-check")  # feedback still works; the banner stays
    assert question(page, "welcome-check", "where").locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")
    assert alert.is_visible()
    context.close()


def test_a_course_update_keeps_progress_by_id(page, server, tmp_path):
    base = server.url("update")
    server.mounts["/cpd/update/"] = server.sites["journey"]
    try:
        finish_course(page, base)
        visit(page, base + "01-welcome/01-start/")
        answer(question(page, "welcome-check", "hopes"), "reflection", "Still here after the update.")
        wait_saved(page, "welcome-check", "hopes")
        visit(page, base + "progress/")
        assert page.locator(".cb-summary").inner_text() == "2 of 2 modules complete: 1.25 of 1.25 CPD hours."

        server.mounts["/cpd/update/"] = server.sites["journey-v2"]  # version 2 replaces version 1
        visit(page, base + "progress/")
        assert page.locator(".cb-summary").inner_text() == "1 of 2 modules complete: 0.75 of 1.25 CPD hours."
        assert "In progress: 2 of 3 pages read." in page.locator("tr", has_text="Welcome").inner_text()
        assert "✓ Complete" in page.locator("tr", has_text="Practice").inner_text()

        visit(page, base + "01-welcome/01-start/")
        assert question(page, "welcome-check", "where").locator('input[value="0"]').is_checked()
        assert question(page, "welcome-check", "where").locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")
        assert question(page, "welcome-check", "hopes").locator("textarea").input_value() == "Still here after the update."
        new = question(page, "welcome-check", "new-one")
        assert not new.locator("input:checked").count() and new.locator(".cb-question__feedback").inner_text() == ""
        answer(new, "true_false", True)
        submit(page, "welcome-check")
        visit(page, base + "01-welcome/02-next/")
        visit(page, base + "record/")
        record = download_json(page, "text=Download the record (JSON)")
        assert record["course"]["version"] == "2.0.0" and record["total_minutes"] == 75
        assert record["quizzes"]["welcome-check"]["answers"] == {"where": [0], "new-one": True, "hopes": "Still here after the update."}
        assert set(record["quizzes"]["practice-end"]["answers"]) <= {"boil", "cat", "even", "dog"}
        path = tmp_path / "record.json"
        path.write_text(json.dumps(record))
        status, output = run_cli("verify", str(path), "--root", str(PROJECTS / "journey-v2"))
        assert status == 0, output
    finally:
        server.mounts["/cpd/update/"] = server.sites["journey"]
