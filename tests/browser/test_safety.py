"""The learner's data is never lost, crashed or faked (issue 9), in headless Chromium: two tabs from
file://, values of the wrong shape in storage, answer keys that fail to load or break, hand-edited
and older progress files, a reflection typed just before a reload, re-read links listed once."""

from __future__ import annotations

import json

import pytest

from browser.learner import (RIGHT, WRONG, answer, answer_drawn, download_json, import_file, question, runtime_ready,
                             storage, submit)

pytestmark = pytest.mark.browser
P = "cb:journey:v1:"


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


@pytest.fixture
def lenient(browser):
    """A fresh profile that records JavaScript errors instead of failing on them (some tests cause them)."""
    ctx = browser.new_context(accept_downloads=True, locale="en-GB")
    ctx.errors = []
    ctx.on("weberror", lambda error: ctx.errors.append(str(error.error)))
    yield ctx
    ctx.close()


def test_two_tabs_from_disk_never_wipe_a_pass(context, server):
    base = server.sites["offline"].as_uri() + "/"
    end = base + "02-practice/practice-end.html"
    b = context.new_page()
    visit(b, end)  # tab B holds the assessment open
    answer_drawn(b, "practice-end", WRONG)
    a = context.new_page()
    visit(a, end)
    answer_drawn(a, "practice-end", RIGHT)
    assert "Passed. Well done." in submit(a, "practice-end")
    result = b.locator('form[data-quiz="practice-end"] .cb-quiz__result')
    result.filter(has_text="Passed. Well done.").wait_for()  # B shows A's pass: storage.html told it
    b.locator('form[data-quiz="practice-end"] fieldset:not([hidden]) input').first.evaluate(
        "i => { i.disabled = false; i.click(); }")  # and touching B's form loses nothing
    b.wait_for_timeout(300)
    stored = json.loads(storage(a)[P + "q:practice-end"])
    assert stored["best"]["score"] == 100 and stored["best"]["passed"] is True and stored["pass"]
    visit(b, base + "progress.html")
    assert "100%" in b.locator("tr", has_text="Practice").inner_text()


def test_a_tab_over_http_shows_another_tabs_change(context, server):
    base = server.url("journey")
    a, b = context.new_page(), context.new_page()
    visit(b, base + "progress/")
    visit(a, base + "01-welcome/01-start/")
    answer(question(a, "welcome-check", "where"), "single", RIGHT["where"])
    submit(a, "welcome-check")
    b.locator("tr", has_text="Welcome").filter(has_text="In progress").wait_for()


def test_a_stored_value_of_the_wrong_shape_is_set_aside_and_the_rest_works(context, server):
    base = server.url("journey")
    page = context.new_page()
    visit(page, base + "01-welcome/01-start/")
    bad = {"q:welcome-check": '{"a":{"where":3},"ok":{"where":true},"d":"2026-11-20T10:00:00.000Z"}',
           "q:practice-end": '{"n":"2","seed":5}'}
    page.evaluate("bad => { for (const k in bad) localStorage.setItem('cb:journey:v1:' + k, bad[k]); }", bad)
    visit(page, base + "01-welcome/01-start/")
    alert = page.locator("article .cb-alert[role=alert]")
    assert "2 saved item(s) could not be read and were set aside" in alert.inner_text()
    stored = storage(page)
    for key, raw in bad.items():
        assert P + key not in stored and json.loads(stored[P + "x:" + key])["v"] == raw  # kept, unchanged
    where = question(page, "welcome-check", "where")
    answer(where, "single", RIGHT["where"])
    submit(page, "welcome-check")
    assert where.locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")
    assert page.locator(".md-nav--primary .cb-mark").count() >= 1
    visit(page, base + "02-practice/practice-end/")
    assert page.locator("article .cb-alert").count() == 0  # told once
    visit(page, base + "progress/")
    exported = download_json(page, "text=Export progress")
    assert "x:q:practice-end" in exported["data"]  # set aside, still exported


def test_a_quiz_whose_key_does_not_load_says_so_and_never_submits(lenient, server):
    page = lenient.new_page()
    page.route("**/keys/practice-check--order.js", lambda route: route.abort())
    url = server.url("journey") + "02-practice/01-ideas/"
    visit(page, url)
    order = page.locator('form[data-quiz="practice-check"]:has([data-question="order"])')
    assert "This quiz could not load. Reload the page" in order.locator(".cb-failed").inner_text()
    order.locator("button.cb-button--check").click()
    page.wait_for_timeout(300)
    assert page.url == url  # no native submit: the answers never go into the URL
    plan = question(page, "practice-check", "plan")  # the other quiz on the page works
    answer(plan, "reflection", "Still saved.")
    plan.locator(".cb-reflection__status").filter(has_text="Saved at").wait_for()
    assert page.locator(".md-nav--primary .cb-mark").count() >= 1


def test_a_quiz_that_throws_is_reported_and_the_rest_of_the_page_works(lenient, server):
    page = lenient.new_page()
    broken = '(window.CB_KEYS=window.CB_KEYS||{})["practice-check--order"]={"id":"practice-check","kind":"check","questions":null};'
    page.route("**/keys/practice-check--order.js", lambda route: route.fulfill(body=broken, content_type="text/javascript"))
    messages = []
    page.on("console", lambda m: messages.append(m.text) if m.type == "error" else None)
    visit(page, server.url("journey") + "02-practice/01-ideas/")
    order = page.locator('form[data-quiz="practice-check"]:has([data-question="order"])')
    assert "could not load" in order.locator(".cb-failed").inner_text()
    assert any(m.startswith("Course Builder: cb-quiz") and "could not start" in m for m in messages), messages
    plan = question(page, "practice-check", "plan")
    answer(plan, "reflection", "Works.")
    plan.locator(".cb-reflection__status").filter(has_text="Saved at").wait_for()


def test_a_page_without_the_runtime_never_submits_answers_into_its_url(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    url = server.url("journey") + "01-welcome/01-start/"
    page.goto(url)
    page.locator('form[data-quiz="welcome-check"] button.cb-button--check').click()
    page.wait_for_timeout(300)
    assert page.url == url
    ctx.close()


def export_after(page, base, table) -> dict:
    visit(page, base + "02-practice/practice-end/")
    answer_drawn(page, "practice-end", table)
    submit(page, "practice-end")
    visit(page, base + "progress/")
    return download_json(page, "text=Export progress")


def test_import_refuses_wrong_shapes_and_recomputes_faked_scores(context, server, tmp_path):
    base = server.url("journey")
    page = context.new_page()
    exported = export_after(page, base, WRONG)
    before = storage(page)
    path = tmp_path / "edited.json"
    edited = json.loads(json.dumps(exported))
    edited["data"]["q:practice-end"]["best"]["score"] = 150
    edited["data"]["q:welcome-check"] = {"a": {"where": 0}, "ok": {}, "d": "2026-11-20T10:00:00.000Z"}
    path.write_text(json.dumps(edited))
    page.set_input_files("#cb-import", str(path))
    msg = page.locator(".cb-msg", has_text="Nothing was imported")
    msg.wait_for()
    assert "2 item(s) in this file are not in the progress format (q:practice-end, q:welcome-check)" in msg.inner_text()
    assert storage(page) == before
    faked = json.loads(json.dumps(exported))  # 100% and a pass on wrong answers
    attempt = faked["data"]["q:practice-end"]["best"]
    attempt.update(score=100, passed=True, date="2030-01-01T10:00:00.000Z")
    faked["data"]["q:practice-end"].update({"best": attempt, "done": attempt, "pass": attempt["date"]})
    path.write_text(json.dumps(faked))
    page.set_input_files("#cb-import", str(path))
    page.locator(".cb-msg", has_text="holds nothing newer").or_(page.locator(".cb-plan li")).first.wait_for()
    if page.locator(".cb-plan button").count():
        page.click(".cb-plan button >> text=Import these changes")
    stored = json.loads(storage(page)[P + "q:practice-end"])
    assert stored["best"]["score"] == 0 and stored["best"]["passed"] is False and "pass" not in stored
    assert "Complete" not in page.locator("tr", has_text="Practice").inner_text()


def test_an_older_file_never_overwrites_newer_work(context, server, tmp_path):
    base = server.url("journey")
    page = context.new_page()
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "hopes"), "reflection", "Older text.")
    page.wait_for_timeout(100)
    older = export_after(page, base, WRONG)
    visit(page, base + "01-welcome/01-start/")
    answer(question(page, "welcome-check", "hopes"), "reflection", "Newer text.")
    visit(page, base + "02-practice/practice-end/")
    page.get_by_role("button", name="Try again").click()
    answer_drawn(page, "practice-end", RIGHT)
    submit(page, "practice-end")
    visit(page, base + "progress/")
    before = storage(page)
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older))
    page.set_input_files("#cb-import", str(path))
    page.locator(".cb-msg", has_text="holds nothing newer than what this browser has").wait_for()
    assert storage(page) == before
    newer = json.loads(json.dumps(older))  # a file whose reflection is newer: only that changes
    newer["data"]["r:welcome-check/hopes"] = {"t": "From the other computer.", "d": "2031-01-01T10:00:00.000Z"}
    path.write_text(json.dumps(newer))
    assert import_file(page, path) == ["1 reflection(s): the file's newer text."]
    stored = storage(page)
    assert json.loads(stored[P + "r:welcome-check/hopes"])["t"] == "From the other computer."
    assert json.loads(stored[P + "q:practice-end"])["best"]["score"] == 100


def test_a_reflection_typed_just_before_a_reload_is_kept(context, server):
    page = context.new_page()
    visit(page, server.url("journey") + "01-welcome/01-start/")
    page.locator('[data-question="hopes"] textarea').click()
    page.keyboard.type("Typed and gone.")
    page.reload()
    runtime_ready(page)
    assert question(page, "welcome-check", "hopes").locator("textarea").input_value() == "Typed and gone."


def test_an_assessment_lists_each_section_to_reread_once(context, server):
    page = context.new_page()
    visit(page, server.url("journey") + "02-practice/practice-end/")
    form = page.locator('form[data-quiz="practice-end"]')
    for _ in range(30):  # until the draw holds two missed questions that point at the same section
        drawn = answer_drawn(page, "practice-end", WRONG)
        submit(page, "practice-end")
        if {"boil", "even"} <= set(drawn):
            break
        page.get_by_role("button", name="Try again").click()
    assert {"boil", "even"} <= set(drawn)
    links = [a.get_attribute("href") for a in form.locator(".cb-review a").all()]
    assert links and len(links) == len(set(links)), links
    assert form.locator(".cb-question .cb-review").count() == 0


def test_learner_pages_whose_script_does_not_load_say_so_and_the_rest_works(lenient, server):
    """course-pages.js (My progress, journal, record) is a second file: when it cannot load, the
    view says so, the page is still ready and its navigation marked, and the next page works."""
    page = lenient.new_page()
    page.route("**/assets/course/course-pages.js", lambda route: route.abort())
    visit(page, server.url("journey") + "01-welcome/01-start/")
    visit(page, server.url("journey") + "progress/")
    assert "could not load" in page.locator("[data-cb-view] .cb-failed").inner_text()
    assert page.locator(".md-nav--primary .cb-mark").count() >= 1
    page.unroute("**/assets/course/course-pages.js")
    visit(page, server.url("journey") + "record/")
    page.locator("#cb-name").wait_for()
