"""`course new course` makes a course that passes `check --strict` and builds; the other scaffolds'
placeholder text is reported until the trainer replaces it."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli


def test_new_course_checks_strictly_and_builds(tmp_path):
    root = tmp_path / "my-course"
    status, output = run_cli("new", "course", "Teaching maths to \"newcomers\"", "--root", str(root))
    assert status == 0, output
    assert run_cli("check", "--strict", "--root", str(root)) == (0, "no problems in 6 files\n")
    status, output = run_cli("build", "--strict", "--root", str(root))
    assert status == 0, output
    assert 'Teaching maths to "newcomers"' in (root / "site" / "index.html").read_text()
    assert (root / "site" / "01-getting-started" / "getting-started-end" / "index.html").is_file()


def test_every_quiz_schema_reference_resolves_inside_the_course(tmp_path):
    root = tmp_path / "course"
    run_cli("new", "course", "Any title", "--root", str(root))
    run_cli("new", "quiz", "getting-started", "--root", str(root))
    for quiz in (root / "quizzes").glob("*.yml"):
        reference = re.search(r"\$schema=(\S+)", quiz.read_text()).group(1)
        assert (quiz.parent / reference).resolve().is_file(), quiz.name


def test_new_course_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    status, output = run_cli("new", "course", "Title", "--root", str(tmp_path))
    assert status == 2 and "not empty" in output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_scaffold_text_is_reported_until_replaced(tmp_path):
    root = tmp_path / "course"
    run_cli("new", "course", "Title", "--root", str(root))
    assert run_cli("new", "module", "Second module", "--root", str(root))[0] == 0
    assert run_cli("new", "quiz", "second-module", "--root", str(root))[0] == 0
    status, output = run_cli("check", "--root", str(root))
    assert status == 0, output  # "then run `course check`": it runs, and lists what to replace
    assert output.count("[content.placeholder]") == 11
    assert run_cli("check", "--strict", "--root", str(root))[0] == 1


def test_a_trainers_own_sentence_is_not_a_placeholder(tmp_path):
    root = tmp_path / "course"
    run_cli("new", "course", "Title", "--root", str(root))
    page = root / "modules" / "01-getting-started" / "01-how-this-course-works.md"
    page.write_text(page.read_text() + "\nThe right answer is rarely the first one you think of.\n")
    assert run_cli("check", "--strict", "--root", str(root))[0] == 0
