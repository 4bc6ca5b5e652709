"""The `course` command, driven through main(argv) as a trainer would use it."""

from __future__ import annotations

import pytest

from builder.commands import REGISTRY
from conftest import TESTS, copy_project, overlay, run_cli

GOLDEN = TESTS / "golden"


@pytest.fixture
def course(tmp_path):
    return copy_project("minimal", tmp_path / "course")


def test_help_on_every_command():
    assert run_cli("--help")[0] == 0
    for command in REGISTRY:
        name = command.__name__.rsplit(".", 1)[-1].replace("_", "-")
        status, output = run_cli(name, "--help")
        assert status == 0 and "usage: course " + name in output
    assert run_cli("new", "module", "--help")[0] == 0
    assert run_cli("new", "quiz", "--help")[0] == 0
    assert run_cli("new", "course", "--help")[0] == 0


def test_usage_errors_exit_2():
    assert run_cli("check", "--no-such-option")[0] == 2
    assert run_cli("frobnicate")[0] == 2
    assert run_cli()[0] == 2
    for jobs in ("0", "-1", "many"):  # issue 10: --jobs 0 and -1 were silently taken
        status, output = run_cli("build", "--jobs", jobs)
        assert status == 2 and "argument --jobs:" in output


def test_check_clean_course(course):
    assert run_cli("check", "--root", str(course)) == (0, "no problems in 6 files\n")


def test_check_reports_every_problem_of_the_broken_course_in_one_run(tmp_path, update_golden):
    """The whole output, against tests/golden/broken-check.txt: no problem hidden, none invented."""
    root = copy_project("broken", tmp_path)
    status, output = run_cli("check", "--root", str(root))
    assert status == 1
    golden = GOLDEN / "broken-check.txt"
    if update_golden:
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
    assert output.splitlines()[-1].startswith(f"{output.count(': error: ')} errors, ")


def test_strict_turns_warnings_into_errors(course):
    overlay(course, "=== modules/01-basics/02-more.md\n# More\n\n![](figures/square.svg)\n")
    assert run_cli("check", "--root", str(course))[0] == 0
    status, output = run_cli("check", "--root", str(course), "--strict")
    assert status == 1 and "error: image 'figures/square.svg' has no alt text [image.no-alt]" in output


def test_github_annotations(course):
    overlay(course, "=== quizzes/lost.yml\nid: lost\nmodule: basic\ntitle: Lost\nkind: assessment\nquestions:\n  - {id: q, type: true_false, prompt: Yes?, answer: true}\n")
    status, output = run_cli("check", "--root", str(course), "--format", "github")
    assert status == 1
    assert "::error file=quizzes/lost.yml,line=2,title=quiz.unknown-module::quiz 'lost' belongs to unknown module 'basic' (hint: did you mean 'basics'?)" in output


def test_new_module_and_quiz_pass_check(course):
    assert run_cli("new", "module", "Working with families", "--root", str(course))[0] == 0
    assert (course / "modules" / "02-working-with-families" / "index.md").is_file()
    assert run_cli("new", "quiz", "working-with-families", "--root", str(course))[0] == 0
    assert run_cli("new", "quiz", "working-with-families", "--kind", "assessment", "--root", str(course))[0] == 0
    assert run_cli("check", "--root", str(course))[0] == 0  # scaffold text is a warning
    assert run_cli("check", "--root", str(course), "--strict")[0] == 1  # and an error when strict
    status, output = run_cli("new", "quiz", "working-with-familes", "--root", str(course))
    assert status == 1 and "did you mean 'working-with-families'" in output
    assert run_cli("new", "module", "Working with families", "--root", str(course))[0] == 1


def test_stats(course):
    status, output = run_cli("stats", "--root", str(course))
    assert status == 0
    row = next(line for line in output.splitlines() if line.startswith("basics"))
    assert row.split()[:2] == ["basics", "3"]
    assert "single 1, multiple 1, true_false 2, short_answer 2, matching 1, ordering 1, cloze 1, reflection 1" in row
    assert "CPD time declared: 0.2 hours" in output


@pytest.mark.slow
def test_failed_build_leaves_previous_site_intact(course):
    assert run_cli("build", "--root", str(course))[0] == 0
    site = course / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    overlay(course, "=== quizzes/basics-end.yml\nid: basics-end\nmodule: basics\ntitle: [broken\n")
    status, output = run_cli("build", "--root", str(course))
    assert status == 1 and "yaml.syntax" in output and "nothing was written" in output
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in course.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.slow
def test_plain_mkdocs_build_uses_the_plugin(course):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(course / "mkdocs.yml"), site_dir=str(course / "out"))
    build(config)
    assert 'data-quiz="basics-check"' in (course / "out" / "01-basics" / "01-first" / "index.html").read_text()


@pytest.mark.slow
def test_serve_rebuilds_when_a_quiz_changes(course):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", "from builder.cli import entry; entry()", "serve", "--root", str(course), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/01-basics/basics-end/"

    def page_has(text: str) -> bool:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if text in urllib.request.urlopen(url, timeout=2).read().decode():
                    return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    try:
        assert page_has("End of module")
        quiz = course / "quizzes" / "basics-end.yml"
        quiz.write_text(quiz.read_text().replace("title: End of module", "title: Final check"))
        assert page_has("Final check")
    finally:
        server.terminate()
        server.wait(10)


def test_front_matter_order_overrides_the_file_name(course):
    from builder.pipeline import load_course
    from builder.render.site import navigation
    from builder.settings import load_settings
    from builder.diagnostics import Report

    overlay(course, "=== modules/01-basics/02-later.md\n---\norder: 0.5\n---\n# Comes first\n")
    report = Report()
    loaded, report = load_course(load_settings(course, report), report)
    assert report.ok, report.format()
    module_nav = navigation(loaded)[1]["The basics"]
    assert [list(entry.values())[0] for entry in module_nav] == [
        "01-basics/index.md", "01-basics/02-later.md", "01-basics/01-first.md", "01-basics/basics-end.md",
    ]
    assert navigation(loaded)[-3:] == [{"My progress": "progress.md"}, {"Journal": "journal.md"}, {"Completion record": "record.md"}]


def test_stats_reports_answer_cues(course):
    overlay(course, """=== quizzes/cues.yml
id: cues
module: basics
title: Cues
kind: assessment
shuffle: true
questions:
  - id: a
    type: single
    prompt: Pick one.
    choices:
      - {text: "The longest of these options", correct: true}
      - {text: "Short one", feedback: "No."}
  - id: b
    type: single
    prompt: Pick one.
    choices:
      - {text: "Long wrong option here", feedback: "No."}
      - {text: "Short right", correct: true}
""")
    status, output = run_cli("stats", "--root", str(course))
    assert status == 0
    # a: 28 / 9 characters, b: 11 / 22: the key is the longest in one item of two; mean ratio (3.11 + 0.5) / 2
    assert "Scored single-choice items: 2; key is the longest option in 1 (50%); mean length key / longest distractor 1.81" in output
    assert "Key position in the source (1 = first choice): 1: 1, 2: 1" in output
