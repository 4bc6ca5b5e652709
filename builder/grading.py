"""Grading a learner's answers: the answer key of a question and the rules that read it, the same
rules as the browser runtime (builder/assets/runtime/grading.js) and the SCORM shell.

Answers use the runtime's representation (see docs/learner.md): choice indexes in source order,
booleans, typed strings, per-pair option numbers, per-item positions, per-blank strings or choice
indexes. Nothing in an answer depends on the language it was given in: a typed answer is accepted
in any language of the course, and matching and picked gaps store positions, not texts. Matching
and picked gaps stored as texts (before positions) still grade: in any language of the course.
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


def grading_key(question: Question) -> dict:
    """What grading one question needs, the same in every language of the course: read by the
    runtime (assets/course/keys/), the SCORM shell and grade() below.

    matching: per pair, [option number, its right-hand text in each language]; the option number is
    the index of the first pair with that right-hand side (with `reuse`, pairs share an option).
    cloze: per blank, the accepted texts in every language, led by the right choice's index in
    source order when the gap is picked."""
    versions = [question, *(v for v in question.versions if v.type == question.type)]
    kind = question.type
    key: dict = {"type": kind}
    if kind in ("single", "multiple"):
        key["correct"] = [i for i, c in enumerate(question.choices) if c.correct]
    elif kind == "true_false":
        key["answer"] = question.answer
    elif kind == "short_answer":
        key["answers"] = _union(v.answers for v in versions)
    elif kind == "matching":
        key["pairs"] = [[option, *_union((v.pairs[i].right,) for v in versions if i < len(v.pairs))]
                        for i, option in enumerate(option_numbers(question))]
    elif kind == "ordering":
        key["items"] = len(question.items)
    elif kind == "cloze":
        key["blanks"] = {}
        for blank in question.blanks:
            same = [b for v in versions for b in v.blanks if b.name == blank.name]
            picked = [blank.choices.index(blank.answers[0])] if blank.choices and blank.answers and blank.answers[0] in blank.choices else []
            key["blanks"][blank.name] = picked + _union(b.answers for b in same)
    return key


def option_numbers(question: Question) -> list[int]:
    """Per pair of a matching question, the number its right-hand option is stored as: the index of
    the first pair with the same right-hand side."""
    first: dict[str, int] = {}
    return [first.setdefault(p.right, i) for i, p in enumerate(question.pairs)]


def _union(groups) -> list[str]:
    """Texts of every language, each once, in the order met (this language's first)."""
    return list(dict.fromkeys(t for group in groups for t in group))


def grade(key: dict, answer) -> bool:
    try:
        return _GRADERS[key["type"]](key, answer)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return False  # a malformed answer is a wrong answer


def is_correct(question: Question, answer) -> bool:
    return grade(grading_key(question), answer)


def _choices(key: dict, answer) -> bool:
    return isinstance(answer, list) and all(type(i) is int for i in answer) and sorted(answer) == key["correct"]


def _true_false(key: dict, answer) -> bool:
    return isinstance(answer, bool) and answer == key["answer"]


def _typed(accepted, answer) -> bool:
    return isinstance(answer, str) and normalise(answer) in {normalise(a) for a in accepted if isinstance(a, str)}


def _placed(value, pair: list) -> bool:
    """A matching row's answer: its option's number, or (stored before numbers) its text exactly."""
    return (type(value) is int and value == pair[0]) or (isinstance(value, str) and value in pair[1:])


def _filled(value, accepted: list) -> bool:
    """A gap's answer: the right choice's index (a picked gap), or a text the gap accepts."""
    return (type(value) is int and type(accepted[0]) is int and value == accepted[0]) or _typed(accepted, value)


_GRADERS = {
    "single": _choices,
    "multiple": _choices,
    "true_false": _true_false,
    "short_answer": lambda key, answer: _typed(key["answers"], answer),
    "matching": lambda key, answer: isinstance(answer, list) and len(answer) == len(key["pairs"]) and all(
        _placed(a, p) for a, p in zip(answer, key["pairs"])),
    "ordering": lambda key, answer: isinstance(answer, list) and all(type(i) is int for i in answer)
    and answer == list(range(1, key["items"] + 1)),
    "cloze": lambda key, answer: isinstance(answer, dict) and all(_filled(answer.get(n), a) for n, a in key["blanks"].items()),
    "reflection": lambda key, answer: True,
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
