"""Item-writing checks: flaws that let a test-wise learner pass without understanding.

Warnings only, each with a threshold stated in docs/diagnostics.md. The checks that judge a whole
quiz (key length, key position, pass mark, one page) run on assessments, the scored quizzes; the
wording checks (all/none of the above, negative stems, near-identical choices) run on every quiz.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass

from ..diagnostics import Report
from ..model import Course, Question, Quiz

MOST = 0.5  # "most items": strictly more than half
MIN_ITEMS_FOR_PATTERN = 4  # fewer single-choice items than this show no pattern worth reporting
MIN_ITEMS_FOR_PASS_MARK = 5  # below this every pass mark is coarse, and authors can see it
MUCH_LONGER = 1.5  # a key at least this many times longer than every other choice stands out
NEAR_IDENTICAL = 0.9  # difflib similarity of two normalised choice texts
# "of the above" anywhere; "of these" only as the choice's opening, where it means the other choices
ABOVE = re.compile(r"\b(all|none|both|neither)\s+of\s+the\s+above\b|^\W*(all|none|both|neither)\s+of\s+these\b", re.I)
NEGATIVE = re.compile(r"(?<![\w*_])(not|except|least|never|\w+n['’]t)(?![\w*_])", re.I)
QUESTION_SENTENCE = re.compile(r"[^.?!:]*\?")


@dataclass(frozen=True)
class KeyLength:
    """One single-choice item's key against its longest distractor, in characters."""

    key: int
    longest_other: int

    @property
    def key_is_longest(self) -> bool:
        return self.key > self.longest_other

    @property
    def ratio(self) -> float:
        return self.key / self.longest_other if self.longest_other else math.inf


def key_length(question: Question) -> KeyLength | None:
    """None unless a single-choice question with one key and at least one distractor."""
    keys = [c for c in question.choices if c.correct]
    others = [c for c in question.choices if not c.correct]
    if question.type != "single" or len(keys) != 1 or not others:
        return None
    return KeyLength(_length(keys[0].text), max(_length(c.text) for c in others))


def key_positions(question: Question) -> tuple[int, bool] | None:
    """(index from the top, is it the last choice) of a single-choice item's key."""
    keys = [i for i, c in enumerate(question.choices) if c.correct]
    if question.type != "single" or len(keys) != 1:
        return None
    return keys[0], keys[0] == len(question.choices) - 1


@dataclass(frozen=True)
class Bias:
    """Test-wiseness cues across the scored items of a course (what `course stats` prints)."""

    singles: int  # scored single-choice items with one key and a distractor
    key_longest: int  # of which the key is strictly the longest option
    mean_ratio: float  # mean of key length / longest distractor length
    positions: Counter  # key index from the top (1-based) across scored single-choice items
    multiples: int  # scored multiple-choice items with right and wrong choices
    multi_ratio: float  # mean of (mean right-choice length / mean wrong-choice length)


def bias(quizzes) -> Bias:
    scored = [q for quiz in quizzes if quiz.kind == "assessment" for q in quiz.questions]
    lengths = [m for m in map(key_length, scored) if m]
    places = Counter(p[0] + 1 for p in map(key_positions, scored) if p)
    multi = [r for r in map(_right_to_wrong, scored) if r]
    return Bias(len(lengths), sum(m.key_is_longest for m in lengths), _mean([m.ratio for m in lengths]),
                places, len(multi), _mean(multi))


def _right_to_wrong(question: Question) -> float | None:
    right = [_length(c.text) for c in question.choices if c.correct]
    wrong = [_length(c.text) for c in question.choices if not c.correct]
    if question.type != "multiple" or not right or not wrong:
        return None
    return _mean(right) / _mean(wrong)


def _mean(values) -> float:
    return sum(values) / len(values) if values else 0.0


def needed_to_pass(pass_mark: float, items: int) -> int:
    """The fewest right answers whose rounded percentage reaches the pass mark (as grading rounds)."""
    return next(k for k in range(items + 1) if math.floor(100 * k / items + 0.5) >= pass_mark)


def check_key_length(course: Course, sources, report: Report) -> None:
    for quiz in _scored(course):
        measured = [(q, key_length(q)) for q in quiz.questions]
        measured = [(q, m) for q, m in measured if m]
        longest = [q for q, m in measured if m.key_is_longest]
        if len(measured) >= MIN_ITEMS_FOR_PATTERN and len(longest) > MOST * len(measured):
            report.warning(
                quiz.span,
                "item.key-longest",
                f"the correct choice is the longest in {len(longest)} of {len(measured)} single-choice "
                f"questions of '{quiz.id}'",
                "a test-wise learner picks the longest option: make distractors as full and "
                "specific as the key, or shorten the key",
            )
        for question, m in measured:
            if m.ratio >= MUCH_LONGER:
                report.warning(
                    question.span,
                    "item.key-much-longer",
                    f"the correct choice of '{question.id}' is {m.ratio:.1f} times as long as any other "
                    f"({m.key} against at most {m.longest_other} characters)",
                    "give the distractors the same detail, or move the key's extra detail into its feedback",
                )


def check_key_position(course: Course, sources, report: Report) -> None:
    for quiz in _scored(course):
        if quiz.shuffle:
            continue
        places = [p for p in (key_positions(q) for q in quiz.questions) if p]
        if len(places) < MIN_ITEMS_FOR_PATTERN:
            continue
        index, count = Counter(i for i, _ in places).most_common(1)[0]
        last = sum(1 for _, is_last in places if is_last)
        where = f"choice {index + 1}" if count >= last else "the last choice"
        count = max(count, last)
        if count > MOST * len(places):
            report.warning(
                quiz.span_of("questions"),
                "item.key-position",
                f"the correct choice is {where} in {count} of {len(places)} single-choice questions of "
                f"'{quiz.id}', and shuffle is off",
                "vary where the key sits, or set 'shuffle: true'",
            )


def check_wording(course: Course, sources, report: Report) -> None:
    for quiz in course.quizzes.values():
        for question in quiz.questions:
            if question.type not in ("single", "multiple"):
                continue
            _above(question, report)
            _negative_stem(question, report)
            _near_identical(question, report)


def check_pass_mark(course: Course, sources, report: Report) -> None:
    for quiz in _scored(course):
        items = quiz.pool or sum(1 for q in quiz.questions if q.graded)
        if items < MIN_ITEMS_FOR_PASS_MARK or not 0 < quiz.pass_mark <= 100:
            continue
        needed = needed_to_pass(quiz.pass_mark, items)
        actual = math.floor(100 * needed / items + 0.5)
        if actual != quiz.pass_mark:
            report.warning(
                quiz.span_of("pass_mark"),
                "quiz.inexact-pass-mark",
                f"a pass mark of {quiz.pass_mark:g}% with {items} graded questions needs {needed} right, "
                f"which is {actual}%",
                f"say '{needed} of {items}' to learners, set pass_mark: {actual}, or change the number "
                "of questions",
            )


def check_one_page(course: Course, sources, report: Report) -> None:
    for quiz in _scored(course):
        module = course.module(quiz.module)
        reviewed = [q.review.split("#")[0] for q in quiz.questions if q.graded and q.review]
        content = [p for p in module.pages[1:] if not p.generated] if module else []
        if len(reviewed) < 2 or len(set(reviewed)) != 1 or len(content) < 2:
            continue
        report.warning(
            quiz.span,
            "quiz.one-page",
            f"every question of '{quiz.id}' that has a review link reviews '{reviewed[0]}'",
            f"module '{module.id}' has {len(content)} pages: assess what the others teach too",
        )


def _above(question: Question, report: Report) -> None:
    for choice in question.choices:
        found = ABOVE.search(choice.text)
        if found:
            report.warning(
                choice.span,
                "item.all-of-the-above",
                f"'{question.id}' has the choice '{_short(choice.text)}'",
                "'of the above' breaks when choices are shuffled and rewards partial knowledge: "
                "use type: multiple and list each option",
            )


def _negative_stem(question: Question, report: Report) -> None:
    for sentence in QUESTION_SENTENCE.findall(" ".join(question.prompt.split())):
        for match in NEGATIVE.finditer(sentence):
            word = match.group(1)
            if word.isupper() and len(word) > 1:
                continue  # NOT in capitals is emphasis enough
            report.warning(
                question.span_of("prompt"),
                "item.negative-stem",
                f"the question '{sentence.strip()}' asks with '{word}' without emphasis",
                f"ask positively if you can; otherwise write **{word.upper()}** so no one misreads it",
            )
            return


def _near_identical(question: Question, report: Report) -> None:
    texts = [_normalise(c.text) for c in question.choices]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            matcher = difflib.SequenceMatcher(None, texts[i], texts[j])
            # the quick ratios are upper bounds of ratio(): most pairs are told apart without it
            if matcher.real_quick_ratio() < NEAR_IDENTICAL or matcher.quick_ratio() < NEAR_IDENTICAL:
                continue
            alike = matcher.ratio()
            if alike >= NEAR_IDENTICAL:
                report.warning(
                    question.choices[j].span,
                    "item.near-duplicate",
                    f"choices {i + 1} and {j + 1} of '{question.id}' are {'the same' if alike == 1 else f'{alike:.0%} alike'}",
                    "make each choice a distinct option a learner might really choose",
                )


def _scored(course: Course) -> list[Quiz]:
    return [q for q in course.quizzes.values() if q.kind == "assessment"]


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CHECKS = (check_key_length, check_key_position, check_wording, check_pass_mark, check_one_page)


def check_item_writing(course: Course, sources, report: Report) -> None:
    """Run the item-writing checks once the course has no errors: advice on style can wait for that."""
    if report.ok:
        for check in _CHECKS:
            check(course, sources, report)
