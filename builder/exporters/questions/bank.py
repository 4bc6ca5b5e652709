"""What both question-bank formats share: categories, texts as HTML, Moodle's grade weights, notes.

Moodle's importers accept only grades from a fixed list (question_bank::fraction_options_full);
a multiple-answer question needs its correct choices' weights to add up to 100.
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass, field
from fractions import Fraction

from ...model import Course, Module, Question, Quiz
from ...render import markdown

# Moodle's fixed grade list, in percent, as exact fractions (83.33333 is 250/3 …) and as written.
WEIGHTS = {Fraction(100): "100", Fraction(90): "90", Fraction(250, 3): "83.33333", Fraction(80): "80",
           Fraction(75): "75", Fraction(70): "70", Fraction(200, 3): "66.66667", Fraction(60): "60",
           Fraction(50): "50", Fraction(40): "40", Fraction(100, 3): "33.33333", Fraction(30): "30",
           Fraction(25): "25", Fraction(20): "20", Fraction(50, 3): "16.66667", Fraction(100, 7): "14.28571",
           Fraction(25, 2): "12.5", Fraction(100, 9): "11.11111", Fraction(10): "10", Fraction(5): "5"}


def split_weights(count: int) -> list[str] | None:
    """Weights from Moodle's list for COUNT correct choices that add up to exactly 100, as even as
    possible: 100/count when the list has it, else two neighbouring weights (11 → nine 10s, two 5s).
    None when no split exists (more than 20 correct choices)."""
    if count < 1:
        return None
    even = Fraction(100, count)
    if even in WEIGHTS:
        return [WEIGHTS[even]] * count
    values = sorted(WEIGHTS)
    for high in sorted((v for v in values if v > even), key=lambda v: v - even):
        for low in sorted((v for v in values if v < even), key=lambda v: even - v):
            # n_high * high + (count - n_high) * low == 100
            n_high = (100 - count * low) / (high - low)
            if n_high.denominator == 1 and 0 < n_high < count:
                n = int(n_high)
                return [WEIGHTS[high]] * n + [WEIGHTS[low]] * (count - n)
    return None


@dataclass
class Entry:
    quiz: Quiz
    question: Question
    category: str  # Moodle path: $course$/top/Course/Module/Quiz


@dataclass
class Bank:
    course: Course
    entries: list[Entry] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    left_out: int = 0  # questions a format cannot hold at all

    @property
    def count(self) -> int:
        return len(self.entries) - self.left_out

    def lose(self, entry: Entry, what: str) -> None:
        self.losses.append(f"{entry.quiz.id}/{entry.question.id}: {what}")


def category_name(*parts: str) -> str:
    """Moodle category path; a slash inside a name is written twice."""
    return "/".join(["$course$", "top"] + [p.replace("/", "//") for p in parts])


def collect(course: Course, module_id: str | None = None) -> Bank:
    bank = Bank(course)
    modules: list[Module] = [m for m in course.modules if module_id in (None, m.id)]
    for module in modules:
        for quiz in course.quizzes_of(module.id):
            category = category_name(course.info.title, module.title, quiz.title)
            bank.entries.extend(Entry(quiz, q, category) for q in quiz.questions)
            if quiz.pool or quiz.shuffle or quiz.kind == "assessment":
                bank.losses.append(f"{quiz.id}: pass mark, pool and shuffle are quiz settings, not questions: set them "
                                   "in the Moodle quiz that uses this category")
    return bank


def as_html(text: str | None) -> str:
    return str(markdown.block(text)).strip() if text else ""


def as_inline(text: str | None) -> str:
    return str(markdown.inline(text)).strip() if text else ""


def general_feedback(bank: Bank, entry: Entry) -> str:
    """The explanation, then where to read again (the review link as the page's title)."""
    q = entry.question
    parts = [as_html(q.explanation)]
    if q.review:
        path, _, _ = q.review.partition("#")
        page = bank.course.page(path)
        parts.append(f"<p>Read again: {_html.escape(page.title) if page else _html.escape(q.review)}.</p>")
    return "\n".join(p for p in parts if p)


def hint_html(entry: Entry) -> str:
    return as_html(entry.question.hint)


def has_image(*texts: str | None) -> bool:
    return any(t and ("![" in t or "<img" in t) for t in texts)
