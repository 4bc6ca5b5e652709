"""A learner's record after finishing a whole course, and the length of its SCORM suspend_data.

finished(): the runtime's storage keys (docs/learner.md) for a teacher who visited every page,
answered every check, failed every assessment before passing it, wrote every reflection (texts
given) and typed a name. suspend_length(): the length builder/assets/scorm/codec.js gives it, by
the same steps (short codes for the course's ids, times in seconds as differences, deflate, base
85); `course check` uses it, and tests/scorm/test_suspend_data.py keeps it in step with the codec.
"""

from __future__ import annotations

import json
import re
import zlib
from datetime import datetime, timedelta, timezone

from ...grading import option_numbers
from ...model import Course, Question
from .data import answer_texts

START = datetime(2026, 9, 7, 16, 5, 12, 345000, tzinfo=timezone.utc)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def right_answer(question: Question):
    kind = question.type
    if kind in ("single", "multiple"):
        return [i for i, c in enumerate(question.choices) if c.correct]
    if kind == "true_false":
        return question.answer
    if kind == "short_answer":
        return question.answers[0]
    if kind == "matching":
        return option_numbers(question)
    if kind == "ordering":
        return list(range(1, len(question.items) + 1))
    if kind == "cloze":
        return {b.name: b.choices.index(b.answers[0]) if b.choices else b.answers[0] for b in question.blanks}
    return None


def wrong_answer(question: Question):
    kind = question.type
    if kind in ("single", "multiple"):
        return [i for i, c in enumerate(question.choices) if not c.correct][:1] or [0]
    if kind == "true_false":
        return not question.answer
    if kind == "short_answer":
        return "I am not sure"
    if kind == "matching":
        return list(reversed(option_numbers(question)))
    if kind == "ordering":
        return list(range(len(question.items), 0, -1))
    if kind == "cloze":
        return {b.name: (b.choices.index(b.answers[0]) + 1) % len(b.choices) if b.choices else "no idea" for b in question.blanks}
    return None


def finished(course: Course, reflections: dict[str, str], attempts: int = 3) -> dict:
    """{key (after the prefix): value} for a teacher who has done everything."""
    clock = START
    data: dict = {}

    def tick(minutes: float) -> str:
        nonlocal clock
        clock += timedelta(minutes=minutes, seconds=17.123)
        return iso(clock)

    for page in course.pages():
        if any(page in m.pages for m in course.modules):  # the runtime records module pages only
            data[f"p:{page.src}"] = tick(9)
        for quiz in {e.quiz_id: course.quizzes[e.quiz_id] for e in page.embeds if e.quiz_id in course.quizzes}.values():
            _answer_quiz(quiz, data, tick, reflections, attempts)
    last = course.modules[-1].pages[-1].src
    data["last"] = {"p": last, "d": tick(1)}
    data["name"] = "Maria Papadopoulou-Schmidt"
    return data


def _answer_quiz(quiz, data, tick, reflections, attempts) -> None:
    graded = [q for q in quiz.questions if q.graded]
    for q in quiz.questions:
        if q.type == "reflection":
            data[f"r:{quiz.id}/{q.id}"] = {"t": reflections[f"{quiz.id}/{q.id}"], "d": tick(6)}
    if quiz.kind == "check":
        if graded:
            data[f"q:{quiz.id}"] = {"a": {q.id: right_answer(q) for q in graded}, "ok": {q.id: True for q in graded}, "d": tick(2)}
        return
    drawn = graded[: quiz.pool] if quiz.pool else graded
    state: dict = {"n": attempts, "seed": 1234567890 + attempts}
    for n in range(1, attempts + 1):
        last = n == attempts
        answers = {q.id: right_answer(q) if last or i % 2 else wrong_answer(q) for i, q in enumerate(drawn)}
        right = sum(1 for i, q in enumerate(drawn) if last or i % 2)
        score = round(100 * right / len(drawn))
        attempt = {"score": score, "passed": score >= quiz.pass_mark, "date": tick(15), "answers": answers}
        state["done"] = attempt
        if "best" not in state or state["best"]["score"] < score:
            state["best"] = attempt
        if attempt["passed"] and "pass" not in state:
            state["pass"] = attempt["date"]
    data[f"q:{quiz.id}"] = state


EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def _b36(n: int) -> str:
    digits, sign, n = "", "-" if n < 0 else "", abs(n)
    while True:
        n, r = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + digits
        if not n:
            return sign + digits


def _squeeze(course: Course, data: dict) -> dict:
    pages = sorted(p.src for m in course.modules for p in m.pages)
    quizzes = sorted(course.quizzes)
    page_at = {p: _b36(i) for i, p in enumerate(pages)}
    quiz_at = {q: _b36(i) for i, q in enumerate(quizzes)}
    text_at = {t: _b36(i) for i, t in enumerate(answer_texts(course))}
    last = 0

    def value(v, ids):
        nonlocal last
        if isinstance(v, str):
            if ISO.fullmatch(v):
                seconds = int((datetime.fromisoformat(v.replace("Z", "+00:00")) - EPOCH).total_seconds())
                delta, last = seconds - last, seconds
                return "~" + _b36(delta)
            if v in page_at:
                return "@" + page_at[v]
            if v in text_at:
                return "%" + text_at[v]
            return "^" + v if v[:1] in "~@%^*" else v
        if isinstance(v, list):
            return [value(x, ids) for x in v]
        if isinstance(v, dict):
            return {("*" + ids[k] if k in ids else k): value(x, ids) for k, x in v.items()}
        return v

    out = {}
    for key in sorted(data):
        kind, _, rest = key.partition(":")
        ids: dict = {}
        if kind == "p" and rest in page_at:
            code = "p" + page_at[rest]
        elif kind == "q" and rest in quiz_at:
            code = "q" + quiz_at[rest]
            ids = {q.id: _b36(i) for i, q in enumerate(course.quizzes[rest].questions)}
        elif kind == "r" and rest.rpartition("/")[0] in quiz_at:
            quiz, _, qid = rest.rpartition("/")
            index = [q.id for q in course.quizzes[quiz].questions].index(qid)
            code = f"r{quiz_at[quiz]}.{_b36(index)}"
        else:
            code = "=" + key
        out[code] = value(data[key], ids)
    return out


def suspend_length(course: Course, data: dict) -> int:
    """About the length of the shell's suspend_data for DATA (within a few per cent: browsers'
    deflate settings differ slightly from Python's zlib)."""
    text = json.dumps({"t": 1790000000000, "d": _squeeze(course, data)}, ensure_ascii=False, separators=(",", ":"))
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    size = len(packer.compress(text.encode("utf-8")) + packer.flush())
    return len("C2xxxxxxx:") + size // 4 * 5 + (size % 4 + 1 if size % 4 else 0)
