"""A quiz's heading says its kind once, and its rules are not said twice."""

from __future__ import annotations

from builder.diagnostics import SourceSpan
from builder.model import Question, Quiz
from builder.render.quiz_html import render_quiz

SPAN = SourceSpan("quizzes/q.yml", 1)
QUESTION = Question(id="q", type="true_false", prompt="Yes?", span=SPAN, answer=True)


def quiz(title: str, intro: str | None = None, pool: int | None = None) -> str:
    questions = (QUESTION, Question(id="r", type="true_false", prompt="No?", span=SPAN, answer=False))
    return render_quiz(Quiz("end", "basics", title, "assessment", questions, SPAN, pass_mark=75, pool=pool, intro=intro), "k.js")


def test_kind_is_not_repeated_when_the_title_gives_it():
    assert "Assessment:</span> Assessment:" not in quiz("Assessment: managing diversity")
    assert '<span class="cb-quiz__kind">Assessment:</span> Assessment design' in quiz("Assessment design")


def test_pass_mark_is_not_repeated_when_the_intro_gives_it():
    assert quiz("End", intro="Pass mark 75%: answer all.").count("75%") == 1
    assert "Pass mark: 75%" in quiz("End", intro="Answer all.")
    only_pool = quiz("End", intro="You need 75% to pass.", pool=1)
    assert "Pass mark: 75%" not in only_pool and "Each attempt draws 1 of 2 questions." in only_pool
