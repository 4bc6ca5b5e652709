"""Grading a learner's answers against the quiz sources: the same rules as the browser runtime.

Answers use the runtime's representation (see docs/learner.md): choice indexes in source order,
booleans, strings, per-pair texts, per-item positions, per-blank strings.
"""

from __future__ import annotations

import math

from .model import Question, Quiz


def normalise(text) -> str:
    """Case and surrounding (and repeated) spaces are ignored in typed answers."""
    return " ".join(str(text).split()).casefold()


def is_correct(question: Question, answer) -> bool:
    try:
        return _GRADERS[question.type](question, answer)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return False  # a malformed answer is a wrong answer


def _choices(question: Question, answer) -> bool:
    chosen = {int(i) for i in answer}
    correct = {i for i, c in enumerate(question.choices) if c.correct}
    return chosen == correct


def _true_false(question: Question, answer) -> bool:
    return isinstance(answer, bool) and answer == question.answer


def _short_answer(question: Question, answer) -> bool:
    return isinstance(answer, str) and normalise(answer) in {normalise(a) for a in question.answers}


def _matching(question: Question, answer) -> bool:
    return len(answer) == len(question.pairs) and all(
        isinstance(a, str) and a == p.right for a, p in zip(answer, question.pairs)
    )


def _ordering(question: Question, answer) -> bool:
    return list(answer) == list(range(1, len(question.items) + 1))


def _cloze(question: Question, answer) -> bool:
    return all(
        normalise(answer.get(b.name, "")) in {normalise(a) for a in b.answers} for b in question.blanks
    )


_GRADERS = {
    "single": _choices,
    "multiple": _choices,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "matching": _matching,
    "ordering": _ordering,
    "cloze": _cloze,
    "reflection": lambda question, answer: True,
}


def score(quiz: Quiz, answers: dict) -> int | None:
    """Percent of the graded questions in `answers` (the ones drawn) answered correctly.

    Rounds halves up, as JavaScript's Math.round does. None when no graded question was drawn.
    """
    drawn = [q for q in quiz.questions if q.graded and q.id in answers]
    if not drawn:
        return None
    right = sum(is_correct(q, answers[q.id]) for q in drawn)
    return math.floor(100 * right / len(drawn) + 0.5)
