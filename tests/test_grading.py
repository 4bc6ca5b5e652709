"""One table of grading cases (tests/fixtures/grading.json) for builder/grading.py and the runtime,
both grading with the key builder/grading.py makes (the runtime's keys are written here for Node);
the runtime's side and its other pure parts run under node:test (tests/js/), started from here so
that `make test` runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import replace

import pytest

from builder.diagnostics import Report, SourceSpan
from builder.grading import grade, grading_key
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


def key_of(case: dict) -> dict:
    """The key of the case's question, in a course that has its translations (as the build makes it)."""
    versions = tuple(question(t) for t in case.get("translations", ()))
    return {"id": case["question"]["id"], **grading_key(replace(question(case["question"]), versions=versions))}


@pytest.mark.parametrize("case", TABLE, ids=[c["name"] for c in TABLE])
def test_python_grading_follows_the_table(case):
    assert grade(key_of(case), case["answer"]) is case["expected"]


def test_runtime_unit_tests_pass_under_node(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps([key_of(case) for case in TABLE], ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "CB_GRADING_KEYS": str(keys)})
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# skipped 0" in run.stdout  # the table ran with the keys written here and f"# pass {len(TABLE)}" not in run.stdout  # more than the table ran
