"""`course verify` re-grades a completion record against the quiz sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.grading import is_correct, normalise
from builder.model import Blank, Choice, Pair, Question
from builder.diagnostics import SourceSpan
from conftest import PROJECTS, run_cli

RECORDS = Path(__file__).parent / "fixtures" / "records"
MINIMAL = str(PROJECTS / "minimal")
SPAN = SourceSpan("q.yml", 1)


def test_genuine_record_is_verified():
    status, output = run_cli("verify", str(RECORDS / "minimal-genuine.json"), "--root", MINIMAL)
    assert status == 0, output
    assert "record verified: Ana Teacher, 1 module(s) complete, 0.17 CPD hours" in output


def test_record_with_edited_scores_is_rejected():
    status, output = run_cli("verify", str(RECORDS / "minimal-edited.json"), "--root", MINIMAL)
    assert status == 1
    assert "quiz 'basics-end' claims score 100 but its answers score 50" in output
    assert "module 'basics' claims score 100 but its answers score 50" in output


@pytest.mark.parametrize(
    "edit,expected",
    [
        (lambda r: r["quizzes"]["basics-end"]["answers"].update(q1=False), "claims score 50 but its answers score 0"),
        (lambda r: r.update(total_minutes=600), "total_minutes is 600 but the completed modules give 10"),
        (lambda r: r["course"].update(id="other"), "record is for course 'other', not 'minimal'"),
        (lambda r: r.update(format="something"), "not a completion record"),
    ],
)
def test_each_false_claim_is_named(tmp_path, edit, expected):
    record = json.loads((RECORDS / "minimal-genuine.json").read_text())
    edit(record)
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", MINIMAL)
    assert status == 1 and expected in output


def test_unreadable_record(tmp_path):
    path = tmp_path / "record.json"
    path.write_text("{not json")
    status, output = run_cli("verify", str(path), "--root", MINIMAL)
    assert status == 1 and "not a readable JSON record" in output


def q(type, **fields):
    return Question(id="q", type=type, prompt="?", span=SPAN, **fields)


@pytest.mark.parametrize(
    "question,right,wrong",
    [
        (q("single", choices=(Choice("a", True, None, SPAN), Choice("b", False, None, SPAN))), [0], [1]),
        (q("multiple", choices=(Choice("a", True, None, SPAN), Choice("b", True, None, SPAN), Choice("c", False, None, SPAN))), [1, 0], [0]),
        (q("true_false", answer=False), False, "false"),
        (q("short_answer", answers=("Five to seven",)), "  five TO  seven ", "five"),
        (q("matching", pairs=(Pair("x", "1", SPAN), Pair("y", "2", SPAN))), ["1", "2"], ["2", "1"]),
        (q("ordering", items=("a", "b", "c")), [1, 2, 3], [2, 1, 3]),
        (q("cloze", blanks=(Blank("a", ("two", "2"), (), SPAN),)), {"a": " 2 "}, {"a": "3"}),
    ],
)
def test_grading_rules(question, right, wrong):
    assert is_correct(question, right)
    assert not is_correct(question, wrong)
    assert not is_correct(question, None)  # malformed answers are wrong, never a crash


def test_normalise():
    assert normalise("  Paris\n ") == "paris"
