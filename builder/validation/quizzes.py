"""One quiz file's raw data -> a typed Quiz, with the checks that need only that file."""

from __future__ import annotations

import re

from ..diagnostics import Report, SourceSpan, did_you_mean
from ..loading.yaml_source import LineIndex
from ..model import QUESTION_TYPES, QUIZ_KINDS, Blank, Choice, Pair, Question, Quiz
from .fields import Field, FieldChecker

BLANK = re.compile(r"\[\[([^\[\]\s]+)\]\]")
ANY_GAP = re.compile(r"\[\[([^\[\]]*)\]\]")  # what a trainer may have meant as a gap

QUIZ_FIELDS = {
    "id": Field("id", True),
    "module": Field("id", True),
    "title": Field("text", True),
    "kind": Field("text", True),
    "pass_mark": Field("number"),
    "pool": Field("int"),
    "shuffle": Field("bool"),
    "intro": Field("text"),
    "questions": Field("list", True),
    "translated_from": Field("text"),  # in quiz.de.yml (builder/translations.py)
}
COMMON_FIELDS = {
    "id": Field("id", True),
    "type": Field("text", True),
    "prompt": Field("text", True),
    "hint": Field("text"),
    "explanation": Field("text"),
    "review": Field("text"),
}
TYPE_FIELDS = {
    "single": {"choices": Field("list", True)},
    "multiple": {"choices": Field("list", True)},
    "true_false": {
        "answer": Field("bool", True),
        "if_true": Field("text"),
        "if_false": Field("text"),
    },
    "short_answer": {"answers": Field("list", True), "feedback": Field("text")},
    "matching": {"pairs": Field("list", True), "reuse": Field("bool"), "feedback": Field("text")},
    "ordering": {"items": Field("list", True), "feedback": Field("text")},
    "cloze": {"text": Field("text", True), "blanks": Field("map", True), "feedback": Field("text")},
    "reflection": {},
}
CHOICE_FIELDS = {"text": Field("text", True), "correct": Field("bool"), "feedback": Field("text")}
PAIR_FIELDS = {"left": Field("text", True), "right": Field("text", True)}
BLANK_FIELDS = {"answers": Field("list"), "choices": Field("list"), "answer": Field("text")}


def build_quiz(data, index: LineIndex, report: Report, broken: set[str] | None = None) -> Quiz | None:
    """The quiz, or None after an error that leaves it incomplete. BROKEN collects the
    "quiz/question" ids of questions left out after an error."""
    check = FieldChecker(index, report, "quiz")
    fields = check.mapping(data, (), QUIZ_FIELDS, "a quiz")
    if fields is None:
        return None
    kind = fields.get("kind")
    if kind is not None and kind not in QUIZ_KINDS:
        _bad_value(check, ("kind",), "kind", kind, QUIZ_KINDS)
        kind = None
    dropped: list[str] = []
    questions = _questions(check, fields.get("questions", []), dropped)
    if broken is not None and isinstance(fields.get("id"), str):
        broken.update(f"{fields['id']}/{question}" for question in dropped)
    if "id" in fields and not check.identifier(fields["id"], ("id",), "quiz id"):
        return None
    if not all(k in fields for k in ("id", "module", "title")) or kind is None:
        return None
    quiz = Quiz(
        id=fields["id"],
        module=fields["module"],
        title=fields["title"],
        kind=kind,
        questions=tuple(questions),
        span=index.at(()),
        pass_mark=fields.get("pass_mark", 70),
        pool=fields.get("pool"),
        shuffle=fields.get("shuffle", False),
        intro=fields.get("intro"),
        lines={k: index.at((k,)).line for k in fields},
    )
    _check_quiz_numbers(check, quiz, fields)
    return quiz


def _check_quiz_numbers(check: FieldChecker, quiz: Quiz, fields: dict) -> None:
    if not 0 <= quiz.pass_mark <= 100:
        check.report.error(
            check.index.at(("pass_mark",)),
            "quiz.pass-mark-range",
            f"pass_mark must be between 0 and 100, not {quiz.pass_mark}",
            "pass_mark is a percentage of the graded questions",
        )
    if "pass_mark" in fields and quiz.kind == "check":
        check.report.warning(
            check.index.at(("pass_mark",), key=True),
            "quiz.unused-pass-mark",
            "a check is not scored, so its pass_mark is ignored",
            "use kind: assessment for a scored quiz",
        )
    graded = sum(1 for q in quiz.questions if q.graded)
    if quiz.pool is not None and (quiz.pool < 1 or quiz.pool > len(quiz.questions)):
        check.report.error(
            check.index.at(("pool",)),
            "quiz.pool-too-large" if quiz.pool > 0 else "quiz.pool-too-small",
            f"pool draws {quiz.pool} questions but the quiz has {len(quiz.questions)}",
            "pool must be between 1 and the number of questions",
        )
    if "questions" in fields and not fields["questions"]:
        check.report.error(check.index.at(("questions",)), "quiz.empty", "the quiz has no questions")
    elif quiz.kind == "assessment" and quiz.questions and not graded:
        check.report.error(
            check.index.at(("questions",)),
            "quiz.nothing-to-grade",
            "an assessment needs at least one graded question (reflections are not graded)",
        )


def _questions(check: FieldChecker, raw: list, dropped: list[str]) -> list[Question]:
    questions: list[Question] = []
    seen: dict[str, SourceSpan] = {}
    for i, item in enumerate(raw):
        question = _question(check, item, ("questions", i))
        if question is None:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                dropped.append(item["id"])
            continue
        if question.id in seen:
            check.report.error(
                check.index.at(("questions", i, "id")),
                "question.duplicate-id",
                f"question id '{question.id}' is already used in this quiz (line {seen[question.id].line})",
                "progress is stored by question id: give each question its own",
            )
            continue
        seen[question.id] = question.span
        questions.append(question)
    return questions


def _question(check: FieldChecker, item, path) -> Question | None:
    qtype = item.get("type") if isinstance(item, dict) else None
    extra = TYPE_FIELDS.get(qtype, {}) if isinstance(qtype, str) else {}
    fields = check.mapping(item, path, {**COMMON_FIELDS, **extra}, "a question")
    if fields is None:
        return None
    if "type" in fields and fields["type"] not in QUESTION_TYPES:
        _bad_value(check, path + ("type",), "type", fields["type"], QUESTION_TYPES)
        return None
    if "id" in fields and not check.identifier(fields["id"], path + ("id",), "question id"):
        return None
    if not all(k in fields for k in COMMON_FIELDS if COMMON_FIELDS[k].required):
        return None
    if not all(k in fields for k, f in extra.items() if f.required):
        return None
    base = dict(
        id=fields["id"],
        type=fields["type"],
        prompt=fields["prompt"],
        span=check.index.at(path),
        hint=fields.get("hint"),
        explanation=fields.get("explanation"),
        review=fields.get("review"),
        lines={k: check.index.at(path + (k,)).line for k in fields},
    )
    build = _BUILDERS[fields["type"]]
    return build(check, fields, path, base)


def _choice_question(check: FieldChecker, fields, path, base) -> Question | None:
    choices = []
    for i, raw in enumerate(fields["choices"]):
        cpath = path + ("choices", i)
        choice = check.mapping(raw, cpath, CHOICE_FIELDS, "a choice")
        if choice is None or "text" not in choice:
            continue
        choices.append(
            Choice(choice["text"], choice.get("correct", False), choice.get("feedback"), check.index.at(cpath))
        )
    _check_repeats(check, [(c.text, c.span) for c in choices], base["id"], "choice")
    if len(fields["choices"]) < 2:
        check.report.error(
            check.index.at(path + ("choices",)),
            "question.too-few-choices",
            f"question '{base['id']}' needs at least two choices",
        )
    if len(choices) < 2:
        return None
    correct = [c for c in choices if c.correct]
    if not correct:
        check.report.error(
            check.index.at(path + ("choices",), key=True),
            "question.no-correct-choice",
            f"question '{base['id']}' has no correct choice",
            "mark the right answer with 'correct: true'",
        )
    elif base["type"] == "single" and len(correct) > 1:
        check.report.error(
            correct[1].span,
            "question.several-correct",
            f"single-choice question '{base['id']}' has {len(correct)} correct choices",
            "use type: multiple, or keep one 'correct: true'",
        )
    for choice in choices:
        if not choice.correct and not choice.feedback:
            check.report.warning(
                choice.span,
                "choice.no-feedback",
                f"wrong choice '{_short(choice.text)}' has no feedback",
                "say why this choice is wrong: feedback that teaches",
            )
    return Question(**base, choices=tuple(choices))


def _true_false(check, fields, path, base) -> Question:
    return Question(
        **base, answer=fields["answer"], if_true=fields.get("if_true"), if_false=fields.get("if_false")
    )


def _short_answer(check, fields, path, base) -> Question | None:
    answers = check.texts(fields["answers"], path + ("answers",), "answers")
    answers = tuple(a.strip() for a in answers if a.strip())
    if not answers:
        check.report.error(
            check.index.at(path + ("answers",)),
            "question.no-answer",
            f"short-answer question '{base['id']}' has no accepted answer",
            "list the accepted answers under 'answers:'",
        )
        return None
    return Question(**base, answers=answers, feedback=fields.get("feedback"))


def _matching(check, fields, path, base) -> Question | None:
    pairs = []
    for i, raw in enumerate(fields["pairs"]):
        pair = check.mapping(raw, path + ("pairs", i), PAIR_FIELDS, "a pair")
        if pair and "left" in pair and "right" in pair:
            pairs.append(Pair(pair["left"], pair["right"], check.index.at(path + ("pairs", i))))
    _check_repeats(check, [(p.left, p.span) for p in pairs], base["id"], "left side")
    if len(fields["pairs"]) < 2:
        _too_few(check, path + ("pairs",), base["id"], "pairs")
    if len(pairs) < 2:
        return None
    reuse = fields.get("reuse", False)
    if not reuse:
        _check_reuse(check, pairs, base["id"])
    return Question(**base, pairs=tuple(pairs), reuse=reuse, feedback=fields.get("feedback"))


def _check_reuse(check: FieldChecker, pairs: list[Pair], question_id: str) -> None:
    """Each option goes beside one left item unless the author allows reuse: a right side needed
    twice could not be placed twice."""
    first: dict[str, Pair] = {}
    for pair in pairs:
        if pair.right in first:
            check.report.error(
                pair.span,
                "question.option-reused",
                f"question '{question_id}' needs the option '{_short(pair.right)}' twice "
                f"(first on line {first[pair.right].span.line}), but each option can be used once",
                "add 'reuse: true' to the question to let learners place one option beside several items",
            )
        first.setdefault(pair.right, pair)


def _ordering(check, fields, path, base) -> Question | None:
    items = check.texts(fields["items"], path + ("items",), "items")
    _check_repeats(check, [(item, check.index.at(path + ("items", i))) for i, item in enumerate(items)], base["id"], "item")
    if len(fields["items"]) < 2:
        _too_few(check, path + ("items",), base["id"], "items")
    if len(items) < 2:
        return None
    return Question(**base, items=items, feedback=fields.get("feedback"))


def _cloze(check, fields, path, base) -> Question | None:
    text, names = fields["text"], BLANK.findall(fields["text"])
    _check_gaps(check, text, names, path + ("text",))
    blanks = []
    for name, raw in fields["blanks"].items():
        bpath = path + ("blanks", name)
        blank = check.mapping(raw, bpath, BLANK_FIELDS, f"blank '{name}'")
        if blank is None:
            continue
        built = _blank(check, name, blank, bpath)
        if built:
            blanks.append(built)
        if name not in names:
            check.report.error(
                check.index.at(bpath, key=True),
                "cloze.unused-blank",
                f"blank '{name}' does not appear in the text",
                f"write [[{name}]] where the gap goes",
            )
    defined = set(fields["blanks"])
    for name in names:
        if name not in defined:
            check.report.error(
                check.index.at(path + ("text",)),
                "cloze.unknown-blank",
                f"the text has a gap [[{name}]] but no blank '{name}' is defined",
                did_you_mean(name, defined) or f"add '{name}:' under 'blanks:'",
            )
    if not names:
        check.report.error(
            check.index.at(path + ("text",)),
            "cloze.no-blanks",
            f"cloze question '{base['id']}' has no [[gaps]] in its text",
        )
        return None
    return Question(**base, text=text, blanks=tuple(blanks), feedback=fields.get("feedback"))


def _check_gaps(check: FieldChecker, text: str, names: list[str], path) -> None:
    for gap in ANY_GAP.findall(text):
        if not BLANK.fullmatch(f"[[{gap}]]"):
            check.report.error(
                check.index.at(path),
                "cloze.bad-gap",
                f"the gap [[{gap}]] has no blank's name in it" if not gap.strip() else f"the gap [[{gap}]] holds spaces",
                f"write a blank's name with no spaces, such as [[{gap.strip().replace(' ', '-') or 'name'}]]",
            )
    for name in sorted({n for n in names if names.count(n) > 1}):
        check.report.error(
            check.index.at(path),
            "cloze.repeated-gap",
            f"the gap [[{name}]] appears {names.count(name)} times in the text",
            "give each gap a blank of its own (blanks may share answers)",
        )


def _blank(check: FieldChecker, name: str, blank: dict, path) -> Blank | None:
    span = check.index.at(path)
    if "answers" in blank and "choices" in blank:
        check.report.error(
            check.index.at(path, key=True),
            "cloze.answers-and-choices",
            f"blank '{name}' has both 'answers' (typed) and 'choices' (picked)",
            "keep 'answers' for a gap the learner types, or 'choices' and 'answer' for one they pick",
        )
        return None
    choices = check.texts(blank.get("choices", []), path + ("choices",), "choices")
    if choices:
        answer = blank.get("answer")
        if answer not in choices:
            check.report.error(
                check.index.at(path + (("answer",) if answer else ())),
                "cloze.answer-not-a-choice",
                f"blank '{name}': the answer must be one of its choices",
                did_you_mean(str(answer), choices) if answer else "add 'answer:' with the right choice",
            )
            return None
        return Blank(name, (answer,), choices, span)
    answers = tuple(a.strip() for a in check.texts(blank.get("answers", []), path + ("answers",), "answers"))
    if not any(answers):
        check.report.error(
            span,
            "question.no-answer",
            f"blank '{name}' has no accepted answer",
            "give 'answers: [...]' (typed) or 'choices: [...]' with 'answer:' (picked)",
        )
        return None
    return Blank(name, tuple(a for a in answers if a), (), span)


def _reflection(check, fields, path, base) -> Question:
    return Question(**base)


_BUILDERS = {
    "single": _choice_question,
    "multiple": _choice_question,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "matching": _matching,
    "ordering": _ordering,
    "cloze": _cloze,
    "reflection": _reflection,
}


def _check_repeats(check: FieldChecker, entries: list[tuple[str, SourceSpan]], question_id: str, what: str) -> None:
    """Choices, items or left sides written twice: the learner cannot tell them apart."""
    seen: dict[str, SourceSpan] = {}
    for text, span in entries:
        key = " ".join(text.split()).casefold()
        if key in seen:
            check.report.error(
                span,
                "question.repeated-entry",
                f"question '{question_id}' has the {what} '{_short(text)}' twice (first on line {seen[key].line})",
                f"make each {what} different, or remove one",
            )
        else:
            seen[key] = span


def _too_few(check: FieldChecker, path, question_id: str, what: str) -> None:
    check.report.error(
        check.index.at(path),
        "question.too-few-items",
        f"question '{question_id}' needs at least two {what}",
    )


def _bad_value(check: FieldChecker, path, key: str, value: str, allowed) -> None:
    check.report.error(
        check.index.at(path),
        "quiz.bad-value",
        f"'{key}' must be one of: {', '.join(allowed)}; not '{value}'",
        did_you_mean(value, allowed),
    )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
