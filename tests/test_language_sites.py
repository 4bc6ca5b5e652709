"""A course in two languages (tests/projects/journey with tests/projects/journey-de copied over it:
in German, module 1's overview, its first page and its check, and module 2's first page; not
translated: module 2's other pages and its quizzes, and the home page): one site per language, the
original's at the root and German under de/."""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from builder.exporters.scorm.checks import manifest_problems
from conftest import copy_project, run_cli
from scorm.test_package import CP, SCHEMAS

pytestmark = pytest.mark.slow
NOTICE_DE = "Diese Seite ist noch nicht übersetzt. Sie lesen das Original auf Englisch."
QUIZ_NOTICE_DE = "Dieses Quiz ist noch nicht übersetzt. Sie beantworten das Original auf Englisch."


FIGURE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 20"><text x="2" y="15">{}</text></svg>\n'


def bilingual(dest: Path) -> Path:
    """The journey course with its German files, and a figure drawn in both languages
    (figures/steps.svg and figures/steps.de.svg beside it)."""
    root = copy_project("journey-de", copy_project("journey", dest))
    figures = root / "modules" / "01-welcome" / "figures"
    figures.mkdir()
    (figures / "steps.svg").write_text(FIGURE.format("First steps"), encoding="utf-8")
    (figures / "steps.de.svg").write_text(FIGURE.format("Erste Schritte"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = bilingual(tmp_path_factory.mktemp("bilingual"))
    status, output = run_cli("build", "--root", str(root))
    assert status == 0, output
    return root / "site"


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith("de/")}


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_page_exists_in_each_language_at_the_same_path(built):
    english = pages(built)
    german = {p.relative_to(built / "de").as_posix() for p in (built / "de").rglob("index.html")}
    assert english == german
    assert {"index.html", "01-welcome/01-start/index.html", "02-practice/01-ideas/index.html", "progress/index.html",
            "journal/index.html", "record/index.html", "02-practice/practice-end/index.html"} <= english


def test_each_site_speaks_its_language_to_the_theme_and_to_search(built):
    assert '<html lang="en"' in read(built, "index.html")
    german = read(built, "de/index.html")
    assert '<html lang="de"' in german
    assert 'placeholder="Suche"' in german  # the theme's own words (theme.language: de)
    assert json.loads(read(built, "de/search/search_index.json"))["config"]["lang"] == ["de"]
    assert json.loads(read(built, "search/search_index.json"))["config"]["lang"] == ["en"]
    assert "window.CB_STRINGS=" in read(built, "de/assets/course/strings.js")
    assert '"check":"Antwort prüfen"' in read(built, "de/assets/course/strings.js")


def test_a_translated_page_and_quiz_are_read_from_their_translation(built):
    page = read(built, "de/01-welcome/01-start/index.html")
    assert "<h1" in page and "Erste Schritte" in page and "Wo finden Sie Ihren Lernstand?" in page
    assert 'data-quiz="welcome-check"' in page and ' lang="de" method="dialog"' in page
    assert "cb-fallback" not in page
    assert 'data-cb-page="01-welcome/01-start.md"' in page  # the original's id: progress is shared
    assert "Getting started" in read(built, "01-welcome/01-start/index.html")
    assert "Willkommen" in read(built, "de/01-welcome/index.html")


def test_an_untranslated_page_shows_the_original_with_a_notice_in_the_readers_language(built):
    page = read(built, "de/02-practice/02-more/index.html")
    assert f'<p class="cb-fallback" role="note" lang="de" data-search-exclude>{NOTICE_DE}</p><div class="cb-original" lang="en">' in page
    assert "cb-fallback" not in read(built, "02-practice/02-more/index.html")
    assert page.index('<nav class="cb-langs"') < page.index("cb-fallback")  # the switcher still leads the page
    assert '<div class="cb-position" lang="de"' in page  # "Modul 2 · Seite 3 von 5" inside the English text
    # a translated page with a quiz not translated yet: the notice stands before each of its forms
    quiz_page = read(built, "de/02-practice/01-ideas/index.html")
    assert "Grundgedanken" in quiz_page and NOTICE_DE not in quiz_page
    assert quiz_page.count(QUIZ_NOTICE_DE) == 2 and quiz_page.count(' lang="en" method="dialog"') == 2
    # a generated assessment page follows its quiz, and says it once
    assessment = read(built, "de/02-practice/practice-end/index.html")
    assert NOTICE_DE in assessment and QUIZ_NOTICE_DE not in assessment


def _links(page: str) -> dict[str, str]:
    nav = re.search(r'<nav class="cb-langs" aria-label="([^"]+)" data-search-exclude><ul>(.*?)</ul></nav>', page)
    assert nav, "no language switcher"
    return {m.group(1): m.group(2) for m in re.finditer(r'<a [^>]*lang="(\w+)" hreflang="\1" href="([^"]+)"', nav.group(2))}


@pytest.mark.parametrize("prefix", ["", "de/"])
def test_the_switcher_on_every_page_leads_to_the_same_page_in_each_language(built, prefix):
    for path in pages(built):
        here = prefix + path
        page = read(built, here)
        links = _links(page)
        assert set(links) == {"en", "de"}, here
        for lang, href in links.items():
            target = posixpath.normpath(posixpath.join(posixpath.dirname(here), href))
            want = path if lang == "en" else "de/" + path
            assert (built / target / "index.html").as_posix() == (built / want).as_posix() or target + "/index.html" == want, (here, lang, href)
        own = "de" if prefix else "en"
        assert re.search(rf'<a aria-current="page" lang="{own}"', page), here


def test_a_translated_figure_is_served_at_the_originals_place_in_its_language_only(built):
    assert "First steps" in read(built, "01-welcome/figures/steps.svg")
    assert "Erste Schritte" in read(built, "de/01-welcome/figures/steps.svg")  # a German page keeps the link
    assert not list(built.rglob("*.de.svg"))


def test_every_language_keeps_progress_in_the_originals_storage_page(built):
    page = read(built, "de/02-practice/02-more/index.html")
    store = re.search(r'data-cb-store="([^"]+)"', page).group(1)
    assert posixpath.normpath(posixpath.join("de/02-practice/02-more", store)) == "storage.html"
    assert "data-cb-store" not in read(built, "02-practice/02-more/index.html")


def test_a_broken_translation_stops_the_build_and_keeps_the_previous_site(built, tmp_path):
    root = bilingual(tmp_path / "course")
    assert run_cli("build", "--root", str(root))[0] == 0
    before = read(root / "site", "de/01-welcome/index.html")
    overview = root / "modules" / "01-welcome" / "index.de.md"
    overview.write_text(overview.read_text(encoding="utf-8").replace(" {#why-this-course}", ""), encoding="utf-8")
    status, output = run_cli("build", "--root", str(root))
    assert status == 1
    assert "quizzes/welcome-check.de.yml:18: error: in the 'de' site: review: link '01-welcome/index.md#why-this-course'" in output
    assert "must keep the original's anchor" in output
    assert read(root / "site", "de/01-welcome/index.html") == before


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = bilingual(tmp_path_factory.mktemp("bilingual-export"))
    for fmt in ("offline", *SCHEMAS):
        status, output = run_cli("export", fmt, "--root", str(root))
        assert status == 0, output
    return root / "dist"


def test_the_offline_copy_carries_every_language(exported):
    folder = exported / "journey-1.0.0-offline"
    assert (folder / "de" / "01-welcome" / "01-start.html").is_file()
    page = (folder / "de" / "02-practice" / "02-more.html").read_text(encoding="utf-8")
    assert NOTICE_DE in page and 'href="../../02-practice/02-more.html"' in page
    assert 'data-cb-store="../../storage.html"' in page
    listed = (folder / "CHECKSUMS.sha256").read_text(encoding="utf-8")
    assert "de/01-welcome/01-start.html" in listed
    assert "Erste Schritte" in (folder / "de" / "01-welcome" / "figures" / "steps.svg").read_text(encoding="utf-8")
    assert "de/01-welcome/figures/steps.svg" in listed and ".de.svg" not in listed
    assert (folder / "de" / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js").is_file()  # German search
    assert not (folder / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js").exists()  # English needs none


@pytest.mark.parametrize("fmt", list(SCHEMAS))
def test_the_lms_packages_carry_every_language_and_still_validate(exported, fmt, tmp_path):
    with zipfile.ZipFile(exported / f"journey-1.0.0-{fmt}.zip") as zf:
        zf.extractall(tmp_path)
    manifest = tmp_path / "imsmanifest.xml"
    SCHEMAS[fmt]().validate(str(manifest))
    assert manifest_problems(tmp_path, fmt.replace("scorm", "").replace("12", "1.2")) == []
    listed = {f.get("href") for f in ET.parse(manifest).getroot().iterfind(".//cp:file", {"cp": CP[fmt]})}
    assert {"de/index.html", "de/01-welcome/01-start.html", "de/02-practice/01-ideas.html", "de/01-welcome/figures/steps.svg"} <= listed
    assert "Erste Schritte" in (tmp_path / "de" / "01-welcome" / "figures" / "steps.svg").read_text(encoding="utf-8")
    assert not [f for f in listed if f.endswith(".de.svg")]
