"""The same journeys on a school's offline copy, opened straight from disk (file://) in Chromium."""

from __future__ import annotations

import json
import shutil

import pytest

from browser.learner import (RIGHT, WRONG, answer, answer_drawn, download_json, import_file, question, read_to_end,
                             runtime_ready, storage, submit, wait_saved, without_undo)
from conftest import PROJECTS, run_cli

pytestmark = pytest.mark.browser

PAGES = ["index.html", "01-welcome/index.html", "01-welcome/01-start.html", "02-practice/index.html",
         "02-practice/01-ideas.html", "02-practice/02-more.html", "02-practice/03-extra.html"]


def visit(page, url: str) -> None:
    page.goto(url)
    runtime_ready(page)


def test_from_disk_check_assessment_reload_and_record(page, server, tmp_path):
    base = server.sites["offline"].as_uri() + "/"
    visit(page, base + "index.html")
    assert page.locator("iframe[src$='storage.html']").count() == 1  # the shared channel
    start = page.locator("article .cb-continue a")
    assert start.inner_text() == "Welcome" and start.get_attribute("href") == base + "01-welcome/index.html"

    visit(page, base + "01-welcome/01-start.html")
    where = question(page, "welcome-check", "where")
    answer(where, "single", WRONG["where"])
    submit(page, "welcome-check")
    assert where.locator(".cb-question__feedback").inner_text().startswith("✗ Not quite.")
    assert where.locator(".cb-review a").get_attribute("href") == base + "01-welcome/index.html#why-this-course"
    answer(where, "single", RIGHT["where"])
    submit(page, "welcome-check")
    assert where.locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")
    answer(question(page, "welcome-check", "hopes"), "reflection", "Written offline.")
    wait_saved(page, "welcome-check", "hopes")

    visit(page, base + "02-practice/practice-end.html")
    answer_drawn(page, "practice-end", WRONG)
    assert "Not passed yet." in submit(page, "practice-end")
    page.get_by_role("button", name="Try again").click()
    answer_drawn(page, "practice-end", RIGHT)
    assert "Passed. Well done." in submit(page, "practice-end")

    for path in PAGES:
        read_to_end(page, base + path)
    nav = page.locator(".md-nav--primary")
    assert nav.locator("a", has_text="Getting started").locator(".cb-mark").text_content() == "✓ (read)"
    visit(page, base + "progress.html")
    assert page.locator(".cb-summary").inner_text() == "2 of 2 modules complete: 1.25 of 1.25 CPD hours."
    page.reload()
    runtime_ready(page)
    assert page.locator(".cb-summary").inner_text() == "2 of 2 modules complete: 1.25 of 1.25 CPD hours."
    assert page.locator("tr", has_text="Welcome").locator("a").get_attribute("href") == base + "01-welcome/index.html"

    visit(page, base + "01-welcome/01-start.html")
    assert question(page, "welcome-check", "hopes").locator("textarea").input_value() == "Written offline."
    visit(page, base + "journal.html")
    assert "Written offline." in page.locator(".cb-view").inner_text()
    visit(page, base + "record.html")
    page.fill("#cb-name", "Ana Teacher")
    assert "Total CPD time: 1.25 hours (75 minutes)" in page.locator(".cb-record").inner_text()
    record = download_json(page, "text=Download the record (JSON)")
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", str(PROJECTS / "journey"))
    assert status == 0 and "record verified: Ana Teacher, 2 module(s) complete, 1.25 CPD hours" in output, output


def test_from_disk_export_clear_import(page, server, tmp_path):
    base = server.sites["offline"].as_uri() + "/"
    visit(page, base + "01-welcome/01-start.html")
    answer(question(page, "welcome-check", "where"), "single", RIGHT["where"])
    submit(page, "welcome-check")
    visit(page, base + "progress.html")
    before = storage(page)
    assert "cb:journey:v1:q:welcome-check" in before
    exported = download_json(page, "text=Export progress")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("text=Delete my progress from this browser")
    page.locator(".cb-msg", has_text="deleted").wait_for()
    assert storage(page) == {}
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(exported))
    import_file(page, path)
    assert without_undo(storage(page)) == before
    after = storage(page)
    path.write_text(json.dumps(exported)[:-20])
    page.set_input_files("#cb-import", str(path))
    page.locator(".cb-msg", has_text="Nothing was imported").wait_for()
    assert storage(page) == after
    visit(page, base + "01-welcome/01-start.html")
    assert question(page, "welcome-check", "where").locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")


def test_from_disk_without_the_storage_page_the_runtime_says_so_and_still_works(page, server, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(server.sites["offline"], copy)
    (copy / "storage.html").unlink()
    visit(page, (copy / "01-welcome" / "01-start.html").as_uri())
    assert "may not be shared between this course's pages" in page.locator("article .cb-alert").inner_text()
    where = question(page, "welcome-check", "where")
    answer(where, "single", RIGHT["where"])
    submit(page, "welcome-check")
    assert where.locator(".cb-question__feedback").inner_text().startswith("✓ Correct.")
    assert "cb:journey:v1:q:welcome-check" in storage(page)  # kept in the page's own storage


def test_a_site_built_with_folder_urls_opened_from_disk_gets_index_html_links(page, server):
    site = server.sites["journey"]  # built for a web server: links end in "/"
    visit(page, (site / "01-welcome" / "01-start" / "index.html").as_uri())
    answer(question(page, "welcome-check", "where"), "single", WRONG["where"])
    submit(page, "welcome-check")
    review = question(page, "welcome-check", "where").locator(".cb-review a").get_attribute("href")
    assert review == (site / "01-welcome" / "index.html").as_uri() + "#why-this-course"
    visit(page, (site / "index.html").as_uri())
    assert page.locator("article .cb-continue a").get_attribute("href") == (site / "01-welcome" / "01-start" / "index.html").as_uri()
    visit(page, (site / "progress" / "index.html").as_uri())
    links = page.locator(".cb-view a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links and all(link.endswith("index.html") for link in links), links
