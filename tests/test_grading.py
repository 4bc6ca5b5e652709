"""One table of grading cases (tests/fixtures/grading.json) for builder/grading.py and the runtime;
the runtime's side and its other pure parts run under node:test (tests/js/), started from here so
that `make test` runs them."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from builder.diagnostics import Report, SourceSpan
from builder.grading import is_correct
from builder.loading.yaml_source import LineIndex
from builder.validation.quizzes import build_quiz
from conftest import REPO

TABLE = json.loads((REPO / "tests" / "fixtures" / "grading.json").read_text(encoding="utf-8"))["cases"]


def question(authored: dict):
    report = Report()
    quiz = build_quiz({"id": "table", "module": "m", "title": "Table", "kind": "check", "questions": [authored]},
                      LineIndex(SourceSpan("tests/fixtures/grading.json", 1)), report)
    assert quiz is not None and not [d for d in report.diagnostics if d.severity.value == "error"], report
    return quiz.questions[0]


@pytest.mark.parametrize("case", TABLE, ids=[c["name"] for c in TABLE])
def test_python_grading_follows_the_table(case):
    assert is_correct(question(case["question"]), case["answer"]) is case["expected"]


def test_runtime_unit_tests_pass_under_node():
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    run = subprocess.run([node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and f"# pass {len(TABLE)}" not in run.stdout  # more than the table ran
