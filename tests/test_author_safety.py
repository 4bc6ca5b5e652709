"""Issue 10: trainer-written text never runs as script, quiz fences always become quizzes.

Each test builds the minimal course with one hostile or careless input, as a trainer pasting
material from elsewhere would, and reads the built pages with the project's HTML tokenizer.
"""

from __future__ import annotations

import pytest

from builder.html_scan import start_tags
from conftest import copy_project, overlay, run_cli

pytestmark = pytest.mark.slow

PAYLOAD = '<img src=x onerror="alert(1)"></title><script>alert(2)</script>'


def built_pages(site):
    return {p.relative_to(site).as_posix(): p.read_text() for p in site.rglob("*.html")}


def script_tags(html: str) -> list:
    """Tags the payload would add: an onerror handler, or an inline script that calls alert."""
    tags = start_tags(html)
    return [t for t in tags if t.get("onerror") is not None or (t.name == "script" and "alert" in t.text)]


def test_titles_everywhere_are_text_not_html(tmp_path):
    course = copy_project("minimal", tmp_path)
    config = (course / "mkdocs.yml").read_text().replace("site_name: Minimal course", f"site_name: '{PAYLOAD}'")
    config += f"site_description: '\" onmouseover=\"alert(3)'\n"
    (course / "mkdocs.yml").write_text(config)
    index = (course / "modules/01-basics/index.md").read_text().replace("title: The basics", f"title: '{PAYLOAD}'")
    (course / "modules/01-basics/index.md").write_text(index)
    overlay(course, f"=== modules/01-basics/02-page.md\n---\ntitle: '{PAYLOAD}'\ndescription: '\" onfocus=\"alert(4)'\n---\n\nText.\n")
    end = (course / "quizzes/basics-end.yml").read_text()
    (course / "quizzes/basics-end.yml").write_text(end.replace("title:", f"title: '{PAYLOAD}' #", 1))
    status, output = run_cli("build", "--root", str(course))
    assert status == 0, output
    pages = built_pages(course / "site")
    assert len(pages) > 5
    for name, html in pages.items():
        assert script_tags(html) == [], name
        assert not [t for t in start_tags(html) if t.get("onmouseover") or t.get("onfocus")], name
    home = pages["index.html"]
    assert "&lt;img src=x onerror=" in home  # shown as text, in the header and the navigation
    title = home.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "&lt;/title&gt;" in title


def test_a_quiz_fence_right_under_a_line_of_text_becomes_a_quiz(tmp_path):
    """It left CBQUIZSLOT0X in the page while build --strict passed."""
    course = copy_project("minimal", tmp_path)
    overlay(course, "=== modules/01-basics/01-first.md\n# First page\n\n![A square](figures/square.svg)\n\n## Questions of every kind\n\nAnswer these:\n```quiz\nbasics-check\n```\n")
    status, output = run_cli("build", "--root", str(course), "--strict")
    assert status == 0, output
    page = (course / "site/01-basics/01-first/index.html").read_text()
    assert "CBQUIZSLOT" not in page and "<!--cb-quiz-" not in page
    assert page.count('<form class="cb-quiz cb-quiz--check" id="cb-quiz-basics-check"') == 1


def test_a_fence_markdown_does_not_render_is_a_build_error():
    """A quiz the checked model holds but Python-Markdown did not render stops the build."""
    from builder.diagnostics import Report
    from builder.pipeline import load_course
    from builder.render.quiz_slots import QuizSlots
    from builder.settings import load_settings
    from conftest import PROJECTS

    course, report = load_course(load_settings(PROJECTS / "minimal", Report()))
    slots = QuizSlots(course)
    slots.begin("01-basics/01-first.md")  # the page's markdown rendered, its fence not seen
    assert slots.problems("01-basics/01-first.md") == [
        "modules/01-basics/01-first.md:10: error: the quiz fence 'basics-check' was not rendered as a quiz: leave a "
        "blank line before and after it, at the indentation of the text around it [embed.not-rendered]"
    ]
    slots.begin("01-basics/01-first.md")
    slots.format("basics-check\n", "quiz", "quiz", {}, None)
    assert slots.problems("01-basics/01-first.md") == []
