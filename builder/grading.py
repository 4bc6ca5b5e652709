"""Grading a learner's answers against the quiz sources: the same rules as the browser runtime.

Answers use the runtime's representation (see docs/learner.md): choice indexes in source order,
booleans, strings, per-pair texts, per-item positions, per-blank strings.
"""

from __future__ import annotations

import math
import unicodedata

from .model import Question, Quiz


def normalise(text) -> str:
    """Typed answers ignore case (full case folding: "Straße" = "STRASSE"), surrounding and repeated
    spaces of any kind, and the Unicode form (NFC or NFD); casefold can decompose, hence NFC twice."""
    folded = " ".join(unicodedata.normalize("NFC", str(text)).split()).casefold()
    return unicodedata.normalize("NFC", folded)


def is_correct(question: Question, answer) -> bool:
    try:
        return _GRADERS[question.type](question, answer)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return False  # a malformed answer is a wrong answer


def _choices(question: Question, answer) -> bool:
    correct = [i for i, c in enumerate(question.choices) if c.correct]
    return isinstance(answer, list) and all(type(i) is int for i in answer) and sorted(answer) == correct


def _true_false(question: Question, answer) -> bool:
    return isinstance(answer, bool) and answer == question.answer


def _typed(answer, accepted) -> bool:
    return isinstance(answer, str) and normalise(answer) in {normalise(a) for a in accepted}


def _short_answer(question: Question, answer) -> bool:
    return _typed(answer, question.answers)


def _matching(question: Question, answer) -> bool:
    return isinstance(answer, list) and len(answer) == len(question.pairs) and all(
        isinstance(a, str) and a == p.right for a, p in zip(answer, question.pairs)
    )


def _ordering(question: Question, answer) -> bool:
    return isinstance(answer, list) and all(type(i) is int for i in answer) and answer == list(range(1, len(question.items) + 1))


def _cloze(question: Question, answer) -> bool:
    return isinstance(answer, dict) and all(
        _typed(answer.get(b.name), b.answers) for b in question.blanks
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
