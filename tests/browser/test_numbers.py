"""Numbers and CPD hours read the same wherever they are written: by Python at build time (home
page, module overviews, PDF: builder/render/strings.py number(), hours() and t()) and by the
runtime in the browser (progress, record, certificate: builder/assets/runtime/base.js num(),
hours() and t()), in every language. The runtime's own base.js runs in real Chromium and in
Firefox ESR with the language's string table, the way every page loads it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from builder.render.strings import hours, languages, number, t, table_json
from browser.test_firefox import FIREFOX
from conftest import REPO

pytestmark = pytest.mark.browser

# minutes: none, a few, quarter and third hours, whole hours, four digits (which Spanish, Italian
# and Polish do not group), five digits, a thousand hours
TOTALS = [0, 7, 10, 45, 60, 75, 80, 90, 125, 599, 600, 1234, 9999, 20000, 123457]


@pytest.fixture(scope="module")
def base_js() -> str:
    return (REPO / "builder" / "assets" / "runtime" / "base.js").read_text(encoding="utf-8")


def in_browser(browser, base_js: str, lang: str, totals: list[int]) -> list[list[str]]:
    page = browser.new_page()
    page.set_content(f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body></body></html>')
    page.add_script_tag(content=f"window.CB_STRINGS = {table_json(lang)};")
    page.add_script_tag(content="(() => {" + base_js + "\nwindow.cbT = t; window.cbHours = hours; })();")
    said = page.evaluate("""totals => totals.map(m => [cbHours(m),
        cbT("total", {hours: cbHours(m), minutes: m, done: 2, all: 3}),
        cbT("cert_hours", {hours: cbHours(m), minutes: m}),
        cbT("minutes", {n: m}),
        cbT("imported", {n: m, date: "x"})])""", totals)
    page.close()
    return said


def in_python(lang: str, totals: list[int]) -> list[list[str]]:
    return [[hours(m, lang),
             t("total", lang, hours=hours(m, lang), minutes=m, done=2, all=3),
             t("cert_hours", lang, hours=hours(m, lang), minutes=m),
             t("minutes", lang, n=m),
             t("imported", lang, n=m, date="x")] for m in totals]


@pytest.mark.parametrize("lang", languages())
def test_python_and_the_browser_write_the_same_hours_and_minutes(browser, base_js, lang):
    said = in_browser(browser, base_js, lang, TOTALS)
    expected = in_python(lang, TOTALS)
    for m, browser_says, python_says in zip(TOTALS, said, expected):
        assert browser_says == python_says, (lang, m)


def test_firefox_writes_them_the_same_way(base_js, tmp_path):
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(FIREFOX).exists() or not Path(node).exists():
        pytest.skip("firefox-esr or node is not installed")
    config = tmp_path / "numbers.json"  # nine string tables: too long for a command line
    config.write_text(json.dumps({"base": base_js, "tables": {lang: table_json(lang) for lang in languages()}, "totals": TOTALS}),
                      encoding="utf-8")
    run = subprocess.run([node, str(Path(__file__).with_name("numbers_firefox.mjs")), str(config)],
                         cwd=REPO, capture_output=True, text=True, timeout=240)
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, last
    said = json.loads(last)
    for lang in languages():
        for m, firefox_says, python_says in zip(TOTALS, said[lang], in_python(lang, TOTALS)):
            assert firefox_says == python_says, (lang, m)


def test_the_shared_format_reads_as_each_language_writes_it():
    # at most two decimals, the language's separators, Latin digits in Arabic too
    assert [hours(m) for m in (75, 90, 60, 80, 7)] == ["1.25", "1.5", "1", "1.33", "0.12"]
    assert [hours(m, "de") for m in (75, 90, 123457)] == ["1,25", "1,5", "2.057,62"]
    assert [hours(m, "ar") for m in (75, 90)] == ["1.25", "1.5"]
    assert number(1234, "de") == "1.234" and number(1234, "en") == "1,234"
    assert number(1234, "pl") == "1234" and number(12345, "pl") == "12\xa0345"  # CLDR: four digits ungrouped
    assert t("total", "de", hours=hours(75, "de"), minutes=1234, done=2, all=3) == (
        "Fortbildungszeit insgesamt: 1,25 Stunden (1.234 Minuten), 2 von 3 Modulen abgeschlossen.")
