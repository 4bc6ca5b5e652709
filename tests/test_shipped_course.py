"""The shipped course passes `course check --strict` and builds with --strict."""

from __future__ import annotations

import shutil
from xml.etree import ElementTree

import pytest

from builder.diagnostics import Report
from builder.pipeline import load_course
from builder.settings import load_settings
from builder.validation.item_quality import bias
from conftest import REPO, run_cli

SVG = "{http://www.w3.org/2000/svg}"


# every figure of the shipped course and its German drawing (docs/translating.md): a word of each
GERMAN_FIGURES = (("00-orientation/figures/course-map.svg", "Managing diversity", "Vielfalt gestalten"),
                  ("01-diversity/figures/banks-levels.svg", "deeper change to the curriculum", "tiefere Veränderung des Curriculums"),
                  ("02-trauma/figures/window-of-tolerance.svg", "HYPERAROUSAL", "ÜBERERREGUNG"),
                  ("02-trauma/figures/tiered-support.svg", "Universal", "Allgemein"),
                  ("03-language/figures/cummins-quadrants.svg", "CONTEXT-EMBEDDED", "KONTEXTEINGEBETTET"),
                  ("03-language/figures/language-timeline.svg", "chatting, everyday talk", "Plaudern, Alltagsgespräch"),
                  ("04-mediation/figures/interpreted-meeting.svg", "1. BEFORE", "1. Vorher"))


def test_shipped_german_figures_say_they_are_german():
    """Each German drawing says lang="de" on its root (a screen reader reads its title and desc in
    German) and has its own title and desc, not the original's; every figure has one."""
    for figure, _, _ in GERMAN_FIGURES:
        original = ElementTree.parse(REPO / "modules" / figure).getroot()
        german = ElementTree.parse(REPO / "modules" / figure.replace(".svg", ".de.svg")).getroot()
        assert german.get("lang") == "de" and original.get("lang") in (None, "en"), figure
        for part in ("title", "desc"):
            words = german.findtext(f"{SVG}{part}", "").strip()
            assert words and words != original.findtext(f"{SVG}{part}", "").strip(), (figure, part)
    assert len(GERMAN_FIGURES) == len(list((REPO / "modules").glob("*/figures/*.svg"))) / 2


def test_shipped_course_checks_strictly():
    status, output = run_cli("check", "--root", str(REPO), "--strict")
    assert status == 0, output


@pytest.mark.slow
def test_shipped_course_builds_strictly(tmp_path):
    for name in ("mkdocs.yml", "modules", "quizzes"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    status, output = run_cli("build", "--root", str(tmp_path), "--strict")
    assert status == 0, output
    site = tmp_path / "site"
    assert (site / "index.html").is_file()
    assert (site / "progress" / "index.html").is_file()
    pages = list(site.rglob("index.html"))
    assert len(pages) > 30
    # the German pages show the German drawings, at the originals' URLs (docs/translating.md)
    assert len(GERMAN_FIGURES) == len(list((REPO / "modules").glob("*/figures/*.de.svg")))
    for figure, english, german in GERMAN_FIGURES:
        assert english in (site / figure).read_text(encoding="utf-8")
        assert german in (site / "de" / figure).read_text(encoding="utf-8")
    assert not list(site.rglob("*.de.svg"))


def test_shipped_assessments_give_no_answer_cues():
    """The key is not usually the longest option, and keys are spread over the positions.

    Measured as `course stats` does: by chance, with four options, the key would be the longest in
    about a quarter of the items and in each position about a quarter of the time.
    """
    report = Report()
    course, report = load_course(load_settings(REPO, report), report)
    assert course is not None, report.format()
    cues = bias(course.quizzes.values())
    assert cues.singles >= 30
    assert cues.key_longest / cues.singles <= 0.3
    assert cues.mean_ratio < 1.05
    assert max(cues.positions.values()) / cues.singles <= 0.4
    assert cues.multi_ratio < 1.1


def test_module_cards_number_modules_as_the_course_does():
    """The shipped course calls its first module "Module 0" (folder 00-orientation): so do its cards;
    a course whose folders are not all numbered counts 1, 2, …"""
    from dataclasses import replace

    from builder.render.course_home import module_numbers

    report = Report()
    course, report = load_course(load_settings(REPO, report), report)
    numbers = module_numbers(course)
    assert [numbers[m.id] for m in course.modules] == [0, 1, 2, 3, 4, 5]
    assert "Start with Module 0" in (REPO / "modules" / "index.md").read_text()
    unnumbered = replace(course, modules=(replace(course.modules[0], folder="orientation"), *course.modules[1:]))
    assert [module_numbers(unnumbered)[m.id] for m in course.modules] == [1, 2, 3, 4, 5, 6]
