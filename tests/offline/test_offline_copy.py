"""A school's offline copy: works from disk, makes no outside request, checks its own integrity."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from conftest import run_cli
from offline.conftest import RequestLog

pytestmark = pytest.mark.browser


def site_pages(folder):
    return sorted(p for p in folder.rglob("*.html") if p.name != "404.html")


def test_export_writes_zip_folder_and_checksums(exported):
    assert exported["zip"].name == "minimal-0.1.0-offline.zip"
    names = zipfile.ZipFile(exported["zip"]).namelist()
    assert "minimal-0.1.0-offline/index.html" in names
    assert "minimal-0.1.0-offline/CHECKSUMS.sha256" in names
    assert "minimal-0.1.0-offline/assets/vendor/iframe-worker/shim.js" in names
    assert "minimal-0.1.0-offline/search/search_index.js" in names
    assert not [n for n in names if n.endswith(".map")], "source maps are left out"
    assert not [n for n in names if "/lunr/" in n], "an English course needs no search language packs"
    assert exported["zip"].stat().st_size < 10 * 1024 * 1024


def test_offline_pages_load_nothing_remote(exported):
    for page in site_pages(exported["copy"]):
        text = page.read_text()
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page


def test_every_page_from_disk_makes_no_request_outside_the_copy(browser, exported):
    copy = exported["copy"]
    prefix = copy.as_uri()
    context = offline_context(browser)
    page = context.new_page()
    log = RequestLog(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for html in site_pages(copy):
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
    assert log.outside(prefix) == []
    assert len(log.urls) > len(site_pages(copy))
    context.close()


def offline_context(browser):
    """A browser context with the network blocked: any http(s) request fails."""
    context = browser.new_context()
    context.route("http://**/*", lambda route: route.abort())
    context.route("https://**/*", lambda route: route.abort())
    return context


def test_search_works_from_disk(browser, exported):
    context = offline_context(browser)
    page = context.new_page()
    log = RequestLog(page)
    page.goto((exported["copy"] / "index.html").as_uri())
    page.click("input.md-search__input")
    page.keyboard.type("colour", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert "First page" in page.locator(".md-search-result").inner_text()
    assert log.outside(exported["copy"].as_uri()) == []
    context.close()


def test_verify_copy_accepts_an_intact_copy(exported):
    assert run_cli("verify-copy", str(exported["zip"]))[0] == 0
    status, output = run_cli("verify-copy", str(exported["copy"]))
    assert status == 0 and "copy intact" in output


def test_verify_copy_catches_changed_missing_and_extra_files(exported, tmp_path):
    damaged = tmp_path / "copy"
    shutil.copytree(exported["copy"], damaged)
    (damaged / "index.html").write_text((damaged / "index.html").read_text().replace("Minimal", "Tampered"))
    (damaged / "01-basics" / "index.html").unlink()
    (damaged / "notes.txt").write_text("left here")
    status, output = run_cli("verify-copy", str(damaged))
    assert status == 1
    assert "changed: index.html" in output
    assert "missing: 01-basics/index.html" in output
    assert "extra: notes.txt" in output
    assert "copy DAMAGED: 1 missing, 1 changed, 1 extra" in output


def test_verify_copy_refuses_what_is_not_a_copy(tmp_path):
    assert run_cli("verify-copy", str(tmp_path))[0] == 1
    (tmp_path / "x.zip").write_text("not a zip")
    assert run_cli("verify-copy", str(tmp_path / "x.zip"))[0] == 1


def test_site_served_by_nginx_under_a_sub_path(browser, nginx):
    context = browser.new_context()
    page = context.new_page()
    log = RequestLog(page)
    pages = [p.relative_to(nginx["site"]).parent.as_posix() for p in nginx["site"].rglob("index.html")]
    for path in sorted(pages):
        url = nginx["url"] + ("" if path == "." else path + "/")
        response = page.goto(url)
        assert response.status == 200, url
    page.goto(nginx["url"] + "01-basics/01-first/")
    assert page.locator("form.cb-quiz").count() == 1
    assert page.evaluate("typeof window.CB_MANIFEST") == "object"
    assert log.outside(nginx["url"]) == []
    assert " 404 " not in nginx["log"].read_text()
    context.close()
