"""Golden output for the minimal course: each page's article HTML and the runtime's manifest.

Regenerate with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_project, run_cli

GOLDEN = Path(__file__).parent / "golden" / "minimal"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_project("minimal", tmp_path_factory.mktemp("minimal"))
    status, output = run_cli("build", "--root", str(root), "--strict")
    assert status == 0, output
    return root / "site"


def outputs(site: Path) -> dict[str, str]:
    result = {}
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        if match:
            result[f"{'home' if rel == '.' else rel.replace('/', '__')}.html"] = match.group(1).strip() + "\n"
    result["manifest.js"] = (site / "assets" / "course" / "manifest.js").read_text(encoding="utf-8")
    return result


def test_minimal_course_output_matches_golden(built, update_golden):
    actual = outputs(built)
    if update_golden:
        for old in GOLDEN.glob("*"):
            old.unlink()
        for name, text in actual.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text(encoding="utf-8") for p in GOLDEN.glob("*")}
    assert sorted(actual) == sorted(expected)
    for name in expected:
        assert actual[name] == expected[name], f"{name} differs from tests/golden/minimal/{name}"


def test_quiz_text_cannot_inject_script(built):
    html = (built / "01-basics" / "01-first" / "index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_answers_and_feedback_stay_out_of_the_search_index(built):
    index = (built / "search" / "search_index.json").read_text()
    for secret in ("Yes, blue is a colour", "Seven is a number", "Colours are what we see", "It is Paris"):
        assert secret not in index
    assert "Which is a" in index  # the question itself is searchable


def test_unembedded_assessment_gets_its_own_page_last_in_its_module(built):
    manifest = (built / "assets" / "course" / "manifest.js").read_text()
    assert '"01-basics/basics-end.md"' in manifest
    assert (built / "01-basics" / "basics-end" / "index.html").is_file()
    pages = re.findall(r'"id":"(01-basics/[^"]+)"', manifest)
    assert pages[-1] == "01-basics/basics-end.md"


def test_built_pages_make_no_third_party_request(built):
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', text), page


def test_wrapped_quiz_text_keeps_its_spaces(tmp_path):
    course = copy_project("minimal", tmp_path)
    quiz = course / "quizzes" / "basics-end.yml"
    quiz.write_text(quiz.read_text().replace("prompt: Two is even.", "prompt: |\n      Two is\n      even."))
    assert run_cli("build", "--root", str(course))[0] == 0
    html = (course / "site" / "01-basics" / "basics-end" / "index.html").read_text()
    assert "Two is\neven." in html or "Two is even." in html
    assert "Two iseven" not in html
