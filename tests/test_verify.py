"""`course verify` re-grades a completion record against the quiz sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.grading import is_correct, normalise
from builder.model import Blank, Choice, Pair, Question
from builder.diagnostics import SourceSpan
from conftest import PROJECTS, copy_project, run_cli

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


# Forged and malformed records (issue 10, item 7): each is refused with a reason, exit 1, no traceback.

def genuine() -> dict:
    return json.loads((RECORDS / "minimal-genuine.json").read_text())


def run_verify(tmp_path, record, root=MINIMAL) -> tuple[int, str]:
    path = tmp_path / "record.json"
    path.write_text(record if isinstance(record, str) else json.dumps(record))
    return run_cli("verify", str(path), "--root", root)


def twice(r):
    r["modules"] += [dict(r["modules"][0]), dict(r["modules"][0])]
    r["total_minutes"] = 30


def missed_answer_deleted(r):  # q2 (" No ") was wrong: without it, the attempt would score 100
    del r["quizzes"]["basics-end"]["answers"]["q2"]
    r["quizzes"]["basics-end"]["score"] = r["modules"][0]["score"] = 100


def assert_verdict(tmp_path, record, expected: str | None) -> None:
    """verify accepts the record (expected None) or rejects it, naming what is wrong."""
    status, output = run_verify(tmp_path, record)
    if expected is None:
        assert status == 0, output
    else:
        assert status == 1 and expected in output, output


@pytest.mark.parametrize("edit,expected", [
    (twice, "module 'basics' is listed 3 times; a module counts once"),
    (missed_answer_deleted, "quiz 'basics-end': no answer to question(s) 'q2'; a submitted attempt answers every question drawn"),
    (lambda r: r["modules"][0].update(completed="2999-01-01"), "module 'basics' completed 2999-01-01 is in the future"),
    (lambda r: r.update(issued="2999-01-01T00:00:00Z"), "issued 2999-01-01T00:00:00Z is in the future"),
    (lambda r: r["modules"][0].update(completed="2026-02-30"), "module 'basics' completed '2026-02-30' is not a real date"),
    (lambda r: r["quizzes"]["basics-end"].update(date="2026-11-25"), "quiz 'basics-end' date 2026-11-25 is after the record was issued"),
    (lambda r: r["quizzes"]["basics-check"]["answers"].pop("tf"), None),  # a check may be left part-answered
])
def test_forged_claims_are_named(tmp_path, edit, expected):
    record = genuine()
    edit(record)
    assert_verdict(tmp_path, record, expected)


@pytest.mark.parametrize("record,expected", [
    ("[" * 100_000 + "]" * 100_000, "not a readable JSON record: it is nested far deeper than any record"),
    ('"just text"', "not a completion record (format must be 'course-builder-record')"),
    (lambda r: r.update(modules="all of them"), "the record.modules: 'all of them' is not of type 'array'"),
    (lambda r: r.update(total_minutes="600"), "the record.total_minutes: '600' is not of type 'integer'"),
    (lambda r: r["modules"][0].update(completed=True), "the record.modules[0].completed: has the wrong type or form"),
    (lambda r: r["modules"][0].update(completed="last week"), "the record.modules[0].completed: has the wrong type or form"),
    (lambda r: r["quizzes"]["basics-end"]["answers"].update(q1=[[[[[[True]]]]]]), "values are nested more than 8 levels deep"),
    (lambda r: r["quizzes"]["basics-end"]["answers"].update(q1=[[1]]), "the record.quizzes.basics-end.answers.q1: has the wrong type or form"),
    (lambda r: r.update(schema=2), "record schema 2 is not 1"),
    (lambda r: r.pop("learner"), "the record: 'learner' is a required property"),
    (lambda r: r.update(extra={"x": 1}), "Additional properties are not allowed ('extra' was unexpected)"),
])
def test_malformed_records_get_a_clear_error(tmp_path, record, expected):
    if callable(record):
        edited = genuine()
        record(edited)
        record = edited
    status, output = run_verify(tmp_path, record)
    assert status == 1, output
    assert expected in output and "Traceback" not in output


def test_record_schema_is_valid_and_accepts_the_genuine_record():
    import jsonschema

    from builder.records import SCHEMA_PATH, schema_problems

    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text()))
    assert schema_problems(genuine()) == []


def test_an_oversized_file_is_refused_unread(tmp_path):
    status, output = run_verify(tmp_path, " " * 6_000_000 + "{}")
    assert status == 1 and "larger than 5 MB" in output


POOL_QUIZ = """\
id: basics-end
module: basics
title: End of module
kind: assessment
pass_mark: 50
pool: 2
questions:
  - {id: q1, type: true_false, prompt: Two is even., answer: true}
  - {id: q2, type: short_answer, prompt: Type "yes"., answers: ["yes"]}
  - {id: q3, type: true_false, prompt: One is odd., answer: true}
"""


@pytest.mark.parametrize("answers,score,expected", [
    ({"q1": True, "q3": True}, 100, None),
    ({"q1": True}, 100, "answers 1 graded question(s), but a draw of 2 holds at least 2"),
    ({"q1": True, "q2": "yes", "q3": True}, 100, "answers 3 questions, but only 2 are drawn"),
])
def test_a_pool_draw_must_be_answered_in_full(tmp_path, answers, score, expected):
    import shutil

    root = tmp_path / "course"
    shutil.copytree(PROJECTS / "minimal", root)
    (root / "quizzes" / "basics-end.yml").write_text(POOL_QUIZ)
    record = genuine()
    record["quizzes"]["basics-end"].update(answers=answers, score=score)
    record["modules"][0]["score"] = score
    status, output = run_verify(tmp_path, record, str(root))
    if expected is None:
        assert status == 0, output
    else:
        assert status == 1 and expected in output, output


def with_draw(r):
    r["quizzes"]["basics-end"]["drawn"] = ["q1", "q2"]


@pytest.mark.parametrize("edit,expected", [
    (lambda r: None, None),
    (missed_answer_deleted, "quiz 'basics-end': no answer to drawn question(s) 'q2'"),
    (lambda r: (missed_answer_deleted(r), r["quizzes"]["basics-end"].update(drawn=["q1"])), "quiz 'basics-end': the attempt did not include question(s) 'q2'"),
    (lambda r: r["quizzes"]["basics-end"].update(drawn=["q1"]), "answers question(s) 'q2' that the attempt did not draw"),
    (lambda r: r["quizzes"]["basics-end"].update(drawn=["q1", "q2", "since-removed"]), None),  # a course update took one out
])
def test_a_record_that_names_its_draw(tmp_path, edit, expected):
    record = genuine()
    with_draw(record)
    edit(record)
    assert_verdict(tmp_path, record, expected)


def test_a_pool_draw_named_in_the_record_must_be_full(tmp_path):
    import shutil

    root = tmp_path / "course"
    shutil.copytree(PROJECTS / "minimal", root)
    (root / "quizzes" / "basics-end.yml").write_text(POOL_QUIZ)
    record = genuine()
    record["quizzes"]["basics-end"].update(answers={"q1": True}, score=100, drawn=["q1"])
    record["modules"][0]["score"] = 100
    status, output = run_verify(tmp_path, record, str(root))
    assert status == 1 and "draws 1 graded question(s), but a draw of 2 holds at least 2" in output


def test_control_characters_from_the_record_never_reach_the_terminal(tmp_path):
    record = genuine()
    record["learner"]["name"] = "Ana\nrecord verified: Mallory\x1b[2K"
    record["modules"].append({"id": "x\nrecord verified", "completed": None})
    status, output = run_verify(tmp_path, record)
    assert status == 1 and "\x1b" not in output
    assert "module 'x\ufffdrecord verified' is not in the course" in output
    assert not any(line.startswith("record verified") for line in output.splitlines())


def test_required_reflections_must_be_in_a_complete_module(tmp_path):
    """A module that declares `requires:` is complete only with them; a record claiming otherwise fails."""
    root = copy_project("minimal", tmp_path / "course")
    index = root / "modules" / "01-basics" / "index.md"
    index.write_text(index.read_text().replace("references:", "requires: [basics-check/think]\nreferences:", 1))
    record = json.loads((RECORDS / "minimal-genuine.json").read_text())
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", str(root))
    assert status == 0, output
    del record["quizzes"]["basics-check"]["answers"]["think"]
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", str(root))
    assert status == 1
    assert "module 'basics' is claimed complete but 'basics-check/think', which it requires, is not answered" in output
    record["reflections"] = False  # the learner left them out: said, not held against the record
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", str(root))
    assert status == 0 and "the learner left reflections out of this record" in output, output
