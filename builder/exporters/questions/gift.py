"""GIFT, Moodle's plain-text question format. Every text is HTML ([html]) with GIFT's special
characters escaped; GIFT has no hints, no ordering and no cloze, and no feedback reserved for a
wrong matching answer: those conversions are noted."""

from __future__ import annotations

import re

from .bank import Bank, Entry, as_html, as_inline, general_feedback, has_image, split_weights

SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """GIFT escapes ~ = # { } : and backslash with a backslash; a newline is written \\n."""
    return SPECIAL.sub(r"\\\1", text).replace("\r\n", "\n").replace("\n", "\\n")


def render(bank: Bank) -> str:
    out = [f"// {bank.course.info.title} {bank.course.info.version}: question bank (GIFT), written by Course Builder\n"]
    category = None
    for entry in bank.entries:
        if entry.category != category:
            category = entry.category
            out.append(f"$CATEGORY: {category}\n")
        block = question(bank, entry)
        if block:
            out.append(block)
    return "\n".join(out)


def question(bank: Bank, entry: Entry) -> str | None:
    q = entry.question
    if q.type == "cloze":
        bank.lose(entry, "cloze left out: GIFT has no cloze (export moodle-xml, which keeps it)")
        bank.left_out += 1
        return None
    if q.hint:
        bank.lose(entry, "hint left out: GIFT has no hints (moodle-xml keeps them)")
    if has_image(q.prompt, q.explanation, *(c.text for c in q.choices)):
        bank.lose(entry, "an image in the text is not carried into Moodle: add it in the question bank")
    answers, general = ANSWERS[q.type](bank, entry), general_feedback(bank, entry)
    if q.feedback and q.type in ("matching", "ordering"):
        general = "\n".join(x for x in (as_html(q.feedback), general) if x)
        bank.lose(entry, "feedback for a wrong answer goes into the general feedback (GIFT has no other place)")
    body = "\n".join(x for x in (answers, f"####{escape(general)}" if general else "") if x)  # never a blank line
    braces = f"{{\n{body}\n}}" if body else "{}"
    return f"// {entry.quiz.id}/{q.id} ({q.type})\n::{escape(entry.quiz.id + '.' + q.id)}::[html]{escape(as_html(q.prompt))}{braces}\n"


def _feedback(text: str | None) -> str:
    return f"#{escape(as_html(text))}" if text else ""


def _choices(bank: Bank, entry: Entry) -> str:
    q = entry.question
    correct = [c for c in q.choices if c.correct]
    if q.type == "single":
        return "\n".join(f"{'=' if c.correct else '~'}{escape(as_inline(c.text))}{_feedback(c.feedback)}" for c in q.choices)
    weights = iter(split_weights(len(correct)) or [])
    lines = [f"~%{next(weights) if c.correct else '-100'}%{escape(as_inline(c.text))}{_feedback(c.feedback)}" for c in q.choices]
    bank.lose(entry, "Moodle gives part marks for some right choices (the course gives marks only for all of them); "
                     "a wrong choice takes the mark to zero")
    return "\n".join(lines)


def _true_false(bank: Bank, entry: Entry) -> str:
    q = entry.question
    # GIFT: {TRUE#shown when wrong#shown when right}
    right, wrong = (q.if_true, q.if_false) if q.answer else (q.if_false, q.if_true)
    fb = f"#{escape(as_html(wrong))}#{escape(as_html(right))}" if (right or wrong) else ""
    return ("TRUE" if q.answer else "FALSE") + fb


def _short_answer(bank: Bank, entry: Entry) -> str:
    q = entry.question
    lines = [f"={escape(a)}" for a in q.answers]
    if q.feedback:  # any other answer: Moodle's * wildcard at 0 %
        lines.append(f"=%0%*{_feedback(q.feedback)}")
    return "\n".join(lines)


def _matching(bank: Bank, entry: Entry) -> str:
    return "\n".join(f"={escape(p.left)} -> {escape(p.right)}" for p in entry.question.pairs)


def _ordering(bank: Bank, entry: Entry) -> str:
    bank.lose(entry, "ordering becomes matching of each item to its position (GIFT has no ordering; moodle-xml keeps it)")
    return "\n".join(f"={escape(item)} -> {i}" for i, item in enumerate(entry.question.items, 1))


def _essay(bank: Bank, entry: Entry) -> str:
    bank.lose(entry, "reflection becomes an essay question, which a teacher grades by hand in Moodle")
    return ""


ANSWERS = {"single": _choices, "multiple": _choices, "true_false": _true_false, "short_answer": _short_answer,
           "matching": _matching, "ordering": _ordering, "reflection": _essay}
