"""`course verify RECORD.json`: re-grade a completion record's answers against the quiz sources.

Exit 0 when the claimed scores, passes, completions and hours hold; 1 with each claim that does not.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from ..certificate import certificate_code, normalise_code
from ..grading import score
from ..model import Course, Quiz
from ..records import RecordError, latest_possible_day, parse_date, read_record
from ..render.strings import hours
from .common import add_root, checked_course, print_report


def add_parser(sub) -> None:
    parser = sub.add_parser("verify", help="re-grade a completion record against the quizzes", description=__doc__)
    parser.add_argument("record", type=Path, help="the JSON record the learner downloaded")
    parser.add_argument("--code", help="the verification code printed on the learner's certificate (XXXX-XXXX)")
    add_root(parser)
    parser.set_defaults(run=run, strict=False)


def run(args) -> int:
    course, _, report = checked_course(args)
    if course is None:
        print_report(report)
        return 1
    try:
        record = read_record(args.record)
    except RecordError as error:
        print(f"{args.record}: error: {error}", file=sys.stderr)
        return 1
    problems, notes = verify(course, record)
    code = certificate_code(record) if isinstance(record, dict) else None
    if args.code is not None and normalise_code(args.code) != code:
        problems.append(f"the certificate's code {args.code} does not match this record: the certificate was not made from it, or was changed")
    for note in notes:
        print(f"note: {_printable(note)}")
    for problem in problems:
        print(f"{args.record}: does not hold: {_printable(problem)}", file=sys.stderr)
    if problems:
        print(f"record NOT verified: {len(problems)} claim(s) do not hold", file=sys.stderr)
        return 1
    learner = _printable(record["learner"]["name"]) or "(no name)"
    used = _languages(record)
    print(f"record verified: {learner}, {len(_completed(record))} module(s) complete, "
          f"{hours(record['total_minutes'])} CPD hours" + (f", read in {', '.join(used)}" if used else ""))
    print(f"certificate code {code}" + (": matches the certificate" if args.code else ""))
    return 0


def verify(course: Course, record: dict) -> tuple[list[str], list[str]]:
    """(claims that do not hold, notes) for a record that matches the schema (builder/records.py).

    Pure: the CLI prints, tests call this directly too.
    """
    if record["course"]["id"] != course.info.id:
        return [f"record is for course '{record['course']['id']}', not '{course.info.id}'"], []
    notes = []
    if record["course"]["version"] != course.info.version:
        notes.append(f"record made with version {record['course']['version']}, checking against {course.info.version}")
    problems = _date_problems(record)
    foreign = [lang for lang in _languages(record) if lang not in course.info.languages]
    if foreign:
        problems.append(f"the record names language(s) {', '.join(foreign)}, but the course is built in {', '.join(course.info.languages)}")
    regraded = _regrade(course, record["quizzes"], problems)
    minutes = 0
    counts = Counter(entry["id"] for entry in record["modules"])
    for module_id, count in sorted(counts.items()):
        if count > 1:
            problems.append(f"module '{module_id}' is listed {count} times; a module counts once")
    for entry in _first_of_each(record["modules"]):
        module = course.module(entry["id"])
        if module is None:
            problems.append(f"module '{entry['id']}' is not in the course")
            continue
        assessments = [q for q in course.quizzes_of(module.id) if q.kind == "assessment"]
        if entry["completed"]:
            minutes += module.minutes
            for quiz in assessments:
                if not regraded.get(quiz.id, (None, False))[1]:
                    problems.append(f"module '{module.id}' is claimed complete but assessment '{quiz.id}' is not passed")
            if not assessments:
                problems += _checks_unanswered(course, module.id, record["quizzes"])
            _check_requirements(course, module, record, problems, notes)
        if assessments and entry.get("score") is not None:
            actual = regraded.get(assessments[0].id, (None, False))[0]
            if actual != entry.get("score"):
                problems.append(f"module '{module.id}' claims score {entry.get('score')} but its answers score {actual}")
        if entry.get("minutes") not in (None, module.minutes):
            problems.append(f"module '{module.id}' claims {entry.get('minutes')} minutes; the course gives {module.minutes}")
    if record["total_minutes"] != minutes:
        problems.append(f"total_minutes is {record['total_minutes']} but the completed modules give {minutes}")
    return problems, notes


def _date_problems(record: dict) -> list[str]:
    """Every date is a real day, none is in the future, and nothing is done after the record was issued."""
    problems, latest = [], latest_possible_day()
    issued = parse_date(record["issued"])
    dated = [("issued", record["issued"])]
    dated += [(f"module '{m['id']}' completed", m["completed"]) for m in record["modules"] if m["completed"]]
    dated += [(f"quiz '{q}' date", e["date"]) for q, e in record["quizzes"].items() if e.get("date")]
    for what, text in dated:
        day = parse_date(text)
        if day is None:
            problems.append(f"{what} '{text}' is not a real date")
        elif day > latest:
            problems.append(f"{what} {text} is in the future")
        elif issued and day > issued:
            problems.append(f"{what} {text} is after the record was issued ({record['issued']})")
    return problems


def _regrade(course: Course, quizzes: dict, problems: list[str]) -> dict[str, tuple[int | None, bool]]:
    """Each quiz's (score, passed) from its answers, an assessment's only when its whole draw is answered."""
    result = {}
    for quiz_id, claim in quizzes.items():
        quiz = course.quizzes.get(quiz_id)
        if quiz is None:
            problems.append(f"quiz '{quiz_id}' is not in the course")
            continue
        answers = claim["answers"]
        actual = score(quiz, answers)
        passed = actual is not None and actual >= quiz.pass_mark
        result[quiz_id] = (actual, passed)
        if quiz.kind == "check":
            continue
        unanswered = _unanswered_of_draw(quiz, answers, claim["drawn"]) if "drawn" in claim else _unanswered(quiz, answers)
        if unanswered:
            problems.append(f"quiz '{quiz_id}': {unanswered}; a submitted attempt answers every question drawn")
            result[quiz_id] = (actual, False)
        if claim.get("score") != actual:
            problems.append(f"quiz '{quiz_id}' claims score {claim.get('score')} but its answers score {actual}")
        if bool(claim.get("passed")) != passed:
            problems.append(f"quiz '{quiz_id}' claims passed={claim.get('passed')} but it is {'passed' if passed else 'not passed'} (pass mark {quiz.pass_mark}%)")
    return result


def _unanswered_of_draw(quiz: Quiz, answers: dict, drawn: list[str]) -> str | None:
    """What is wrong with an attempt that names its draw: every drawn question still in the quiz
    answered, nothing answered that was not drawn, and a draw as large as the quiz makes."""
    graded = [q.id for q in quiz.questions if q.graded]
    missing = [i for i in drawn if i in graded and i not in answers]
    if missing:
        return f"no answer to drawn question(s) {', '.join(repr(m) for m in missing)}"
    extra = [i for i in answers if i in graded and i not in drawn]
    if extra:
        return f"answers question(s) {', '.join(repr(e) for e in extra)} that the attempt did not draw"
    if quiz.pool and quiz.pool < len(quiz.questions):
        least = max(0, min(quiz.pool - (len(quiz.questions) - len(graded)), len(graded)))
        return f"draws {len(drawn)} graded question(s), but a draw of {quiz.pool} holds at least {least}" if len(drawn) < least else None
    undrawn = [i for i in graded if i not in drawn]
    return f"the attempt did not include question(s) {', '.join(repr(u) for u in undrawn)}" if undrawn else None


def _unanswered(quiz: Quiz, answers: dict) -> str | None:
    """What is wrong with the set of answered questions of an assessment attempt, if anything."""
    graded = [q for q in quiz.questions if q.graded]
    answered = [q for q in graded if q.id in answers]
    if not quiz.pool or quiz.pool >= len(quiz.questions):
        missing = [q.id for q in graded if q.id not in answers]
        return f"no answer to question(s) {', '.join(repr(m) for m in missing)}" if missing else None
    # a draw of `pool` questions: all of them graded ones, or some reflections among them
    least = max(0, quiz.pool - (len(quiz.questions) - len(graded)))
    if len(answered) < least:
        return f"answers {len(answered)} graded question(s), but a draw of {quiz.pool} holds at least {least}"
    if len(answered) > quiz.pool:
        return f"answers {len(answered)} questions, but only {quiz.pool} are drawn"
    return None


def _first_of_each(modules: list[dict]) -> list[dict]:
    seen, result = set(), []
    for entry in modules:
        if entry["id"] not in seen:
            seen.add(entry["id"])
            result.append(entry)
    return result


def _checks_unanswered(course: Course, module_id: str, quizzes: dict) -> list[str]:
    """A module without an assessment is complete when every graded question of its checks is answered."""
    problems = []
    for quiz in course.quizzes_of(module_id):
        answers = quizzes.get(quiz.id, {}).get("answers", {})
        missing = [q.id for q in quiz.questions if q.graded and q.id not in answers]
        if missing:
            problems.append(f"module '{module_id}' is claimed complete but check '{quiz.id}' has no answer to {', '.join(repr(m) for m in missing)}")
    return problems


def _printable(text: str) -> str:
    """Text from the record as the terminal may show it: no control characters (a forged name
    holding a newline or an escape sequence could fake the verdict line)."""
    return "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text)


def _check_requirements(course: Course, module, record: dict, problems: list[str], notes: list[str]) -> None:
    """What the module requires (front matter `requires:`) is in the record's answers."""
    quizzes = record.get("quizzes") or {}
    for required in module.requires:
        quiz_id, _, question_id = required.partition("/")
        quiz = course.quizzes[quiz_id]
        for question in quiz.questions:
            if question_id not in ("", question.id) or (quiz.kind == "assessment" and question.graded):
                continue  # an assessment's graded part is its pass, checked above
            if question.type == "reflection" and record.get("reflections") is False:
                notes.append(f"module '{module.id}' requires reflection '{quiz_id}/{question.id}'; the learner left reflections out of this record")
                continue
            answer = ((quizzes.get(quiz_id) or {}).get("answers") or {}).get(question.id)
            if answer is None or (isinstance(answer, str) and not answer.strip()):
                problems.append(f"module '{module.id}' is claimed complete but '{quiz_id}/{question.id}', which it requires, is not answered")


def _completed(record: dict) -> list:
    return [m for m in record["modules"] if m["completed"]]


def _languages(record: dict) -> list[str]:
    """The languages a record says the learner used (none in records made before they were kept)."""
    used = set(record.get("languages", []))
    for module in record["modules"]:
        used |= set(module.get("languages", []))
    return sorted(used)
