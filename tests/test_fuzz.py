"""Mutated quiz and module files never make a traceback escape: only diagnostics come out."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.diagnostics import Report, SourceSpan
from builder.loading.markdown_source import parse_page
from builder.loading.yaml_source import parse_yaml
from builder.pipeline import load_course
from builder.settings import load_settings
from builder.validation.modules import build_module, build_page
from builder.validation.quizzes import build_quiz
from conftest import PROJECTS, copy_project

QUIZ = (PROJECTS / "minimal" / "quizzes" / "basics-check.yml").read_text()
MODULE = (PROJECTS / "minimal" / "modules" / "01-basics" / "index.md").read_text()
PAGE = (PROJECTS / "minimal" / "modules" / "01-basics" / "01-first.md").read_text()
NASTY = list(":-\t[]{}'\"#|>*&!%@`,?\n ") + ["\x00", "\ufeff", "true", "null", "1e9", "- ", "  ", "[[", "]]", "```", "---\n", "~", "é"]


@st.composite
def mutated(draw, text: str):
    """Apply a few edits: delete, duplicate or swap lines; insert or replace characters."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace", "indent"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["  ", "\t", " "])) + lines[i]
        else:
            pos = draw(st.integers(0, len(lines[i])))
            junk = draw(st.sampled_from(NASTY) | st.text(max_size=3))
            cut = pos + (1 if op == "replace" else 0)
            lines[i] = lines[i][:pos] + junk + lines[i][cut:]
        lines = lines or [""]
    return "\n".join(lines)


FUZZ = settings(max_examples=2500, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(mutated(QUIZ))
def test_mutated_quiz_gives_diagnostics_not_tracebacks(text):
    report = Report()
    span = SourceSpan("quizzes/fuzz.yml")
    data, index = parse_yaml(text, span, report)
    if data is not None:
        build_quiz(data, index, report)
    assert all(d.span.path == span.path and d.span.line >= 0 for d in report.diagnostics)


@FUZZ
@given(mutated(MODULE), mutated(PAGE))
def test_mutated_module_gives_diagnostics_not_tracebacks(index_text, page_text):
    report = Report()
    raw_index = parse_page(index_text, SourceSpan("modules/01-basics/index.md"), report)
    raw_page = parse_page(page_text, SourceSpan("modules/01-basics/01-first.md"), report)
    span = SourceSpan("modules/01-basics/index.md")
    title = raw_index.front.get("title")
    index = build_page("01-basics/index.md", raw_index, span, report, {"title": title} if isinstance(title, str) else {})
    page = build_page("01-basics/01-first.md", raw_page, SourceSpan("modules/01-basics/01-first.md"), report)
    build_module("01-basics", index, raw_index, [page], report)
    for d in report.diagnostics:
        d.format_text()
        d.format_github()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(quiz=mutated(QUIZ), module=mutated(MODULE), page=mutated(PAGE))
def test_mutated_course_through_the_whole_pipeline(tmp_path_factory, quiz, module, page):
    root = copy_project("minimal", tmp_path_factory.mktemp("fuzz"))
    (root / "quizzes" / "basics-check.yml").write_text(quiz, encoding="utf-8", errors="surrogatepass")
    (root / "modules" / "01-basics" / "index.md").write_text(module, encoding="utf-8", errors="surrogatepass")
    (root / "modules" / "01-basics" / "01-first.md").write_text(page, encoding="utf-8", errors="surrogatepass")
    report = Report()
    course, report = load_course(load_settings(root, report), report)
    assert (course is None) == (not report.ok)
    report.format()
