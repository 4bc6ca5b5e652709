"""Issue 10, item 5: titles a trainer pasted with HTML in them show as text in the real browser.

The minimal course with `<img onerror>` and a closing `</title>` in site_name, a module title, a
page title and a quiz title, built and opened in Chromium: the theme's navigation, header and
<title>, the generated assessment page and the runtime's pages (progress, journal, record, which
read the manifest) must run nothing.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import copy_project, run_cli

pytestmark = pytest.mark.browser

PAYLOAD = '<img src=x onerror="window.ran=(window.ran||0)+1"></title><img src=y onerror="window.ran=9">'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    course = copy_project("minimal", tmp_path_factory.mktemp("hostile"))
    config = (course / "mkdocs.yml").read_text().replace("site_name: Minimal course", f"site_name: '{PAYLOAD}'")
    (course / "mkdocs.yml").write_text(config)
    index = course / "modules/01-basics/index.md"
    index.write_text(index.read_text().replace("title: The basics", f"title: '{PAYLOAD}'"))
    (course / "modules/01-basics/02-page.md").write_text(f"---\ntitle: '{PAYLOAD}'\n---\n\nText.\n")
    end = course / "quizzes/basics-end.yml"
    end.write_text(end.read_text().replace("title:", f"title: '{PAYLOAD}' #", 1))
    status, output = run_cli("build", "--root", str(course))
    assert status == 0, output
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(course / "site"))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.mark.parametrize("path", ["", "01-basics/", "01-basics/02-page/", "01-basics/basics-end/", "progress/", "journal/", "record/"])
def test_no_title_runs_as_html(browser, hostile_site, path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(hostile_site + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # let the runtime fill its views from the manifest
    assert page.evaluate("window.ran || 0") == 0
    assert page.locator("img[onerror]").count() == 0
    assert "<img src=x onerror=" in page.inner_text("body")  # the title is shown, as text
    assert "</title>" in page.title()
    context.close()
