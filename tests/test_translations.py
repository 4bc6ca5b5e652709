"""Translations from one source: scaffold, record, staleness, structure, and the status table."""

from __future__ import annotations

import pytest

from builder import translations
from conftest import copy_project, run_cli


def test_a_translation_is_started_marked_and_reported(tmp_path):
    root = copy_project("minimal", tmp_path / "c")
    status, out = run_cli("translate", "de", "modules/index.md", "--root", str(root))
    assert status == 0 and "modules/index.de.md" in out
    page = (root / "modules" / "index.de.md").read_text(encoding="utf-8")
    assert page.startswith("---\ntranslated_from: ") and "# Minimal course" in page
    status, out = run_cli("translate", "de", "quizzes/basics-check.yml", "--root", str(root))
    assert status == 0
    status, out = run_cli("check", "--root", str(root))
    assert status == 0 and "translation" not in out

    # the original changes: check names the stale file, the table counts it
    original = root / "modules" / "index.md"
    original.write_text(original.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    status, out = run_cli("check", "--root", str(root))
    assert status == 0 and "modules/index.de.md:2: warning: translation is stale: modules/index.md changed" in out
    status, out = run_cli("check", "--strict", "--root", str(root))
    assert status == 0 and "warning: translation is stale" in out  # --strict: an edit never blocks the original's release
    status, out = run_cli("translations", "--files", "--root", str(root))
    lines = out.splitlines()
    assert lines[0].split() == ["de", "total", "done", "stale", "missing", "words", "to", "translate"]
    assert lines[2].split()[:5] == ["pages", "3", "0", "1", "2"]
    assert lines[3].split()[:5] == ["quizzes", "2", "1", "0", "1"]
    assert "  stale      modules/index.de.md" in lines and "  missing    quizzes/basics-end.yml" in lines

    # the translator catches up and says so
    status, _ = run_cli("translate", "de", "modules/index.md", "--done", "--root", str(root))
    assert status == 0
    status, out = run_cli("check", "--root", str(root))
    assert "stale" not in out


def test_scaffolding_never_overwrites_a_translation(tmp_path):
    root = copy_project("minimal", tmp_path / "c")
    target = root / "modules" / "index.de.md"
    target.write_text("# Meine Arbeit\n", encoding="utf-8")
    status, out = run_cli("translate", "de", "modules/index.md", "--root", str(root))
    assert status == 1 and "exists already" in out
    assert target.read_text(encoding="utf-8") == "# Meine Arbeit\n"


def test_words_to_translate_count_text_not_ids(tmp_path):
    root = copy_project("minimal", tmp_path / "c")
    quiz = root / "quizzes" / "tiny.yml"
    quiz.write_text("id: tiny-quiz-id\nmodule: basics\ntitle: Two words\nkind: check\nquestions:\n"
                    "  - {id: q, type: true_false, prompt: Three more words, answer: true}\n", encoding="utf-8")
    entry = translations.entry(quiz, "de")
    assert (entry.status, entry.kind, entry.words, entry.questions) == ("missing", "quiz", 5, 1)


def test_same_structure_allows_only_text_to_differ():
    original = {"id": "q", "choices": [{"text": "Blue", "correct": True}, {"text": "Seven"}]}
    assert translations.same_structure(original, {"id": "q", "choices": [{"text": "Blau", "correct": True}, {"text": "Sieben"}]}) is None
    path, message = translations.same_structure(original, {"id": "q", "choices": [{"text": "Blau", "correct": True}]})
    assert path == ("choices",) and "1 items, the original 2" in message
    path, _ = translations.same_structure(original, {"id": "q", "choices": [{"text": "Blau"}, {"text": "Sieben", "correct": True}]})
    assert path == ("choices", 0)


def test_the_build_leaves_translations_out_of_the_original_site(tmp_path):
    root = copy_project("minimal", tmp_path / "c")
    run_cli("translate", "de", "modules/01-basics/01-first.md", "--root", str(root))
    status, out = run_cli("build", "--root", str(root))
    assert status == 0, out
    site = root / "site"
    assert (site / "01-basics" / "01-first" / "index.html").is_file()
    assert not (site / "01-basics" / "01-first.de").exists() and not list(site.rglob("01-first.de*")), "a translation is no page of the original site"


@pytest.mark.parametrize("src, expected", [
    ("02-trauma/figures/window.de.svg", ("02-trauma/figures/window.svg", "de")),
    ("photo.de.jpg", ("photo.jpg", "de")),
    ("figures/only.de.svg", None),  # no original beside it: a file of its own
    ("figures/window.fr.svg", None),  # not a language the course is translated into
    ("js/jquery.min.js", None),
    ("figures/window.svg", None),
    ("02-trauma/page.de.md", None),  # pages are read in place of their originals, not served as files
])
def test_a_translated_file_is_named_after_its_original_with_a_language_of_the_course(src, expected):
    present = {"02-trauma/figures/window.svg", "photo.jpg", "figures/window.svg", "js/jquery.js", "02-trauma/page.md"}
    assert translations.translated_asset(src, ("de",), present.__contains__) == expected
