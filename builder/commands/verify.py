"""`course verify RECORD.json`: re-grade a completion record's answers against the quiz sources.

Exit 0 when the claimed scores, passes, completions and hours hold; 1 with each claim that does not.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..grading import score
from ..model import Course
from .common import add_root, checked_course, print_report

FORMAT, SCHEMA = "course-builder-record", 1


def add_parser(sub) -> None:
    parser = sub.add_parser("verify", help="re-grade a completion record against the quizzes", description=__doc__)
    parser.add_argument("record", type=Path, help="the JSON record the learner downloaded")
    add_root(parser)
    parser.set_defaults(run=run, strict=False)


def run(args) -> int:
    course, _, report = checked_course(args)
    if course is None:
        print_report(report)
        return 1
    try:
        record = json.loads(args.record.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"{args.record}: error: not a readable JSON record: {error}", file=sys.stderr)
        return 1
    problems, notes = verify(course, record)
    for note in notes:
        print(f"note: {note}")
    for problem in problems:
        print(f"{args.record}: does not hold: {problem}", file=sys.stderr)
    if problems:
        print(f"record NOT verified: {len(problems)} claim(s) do not hold", file=sys.stderr)
        return 1
    learner = (record.get("learner") or {}).get("name") or "(no name)"
    print(f"record verified: {learner}, {len(_completed(record))} module(s) complete, "
          f"{record.get('total_minutes', 0) / 60:.2f} CPD hours")
    return 0


def verify(course: Course, record) -> tuple[list[str], list[str]]:
    """(claims that do not hold, notes). Pure: the CLI prints, tests call this directly too."""
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return [f"not a completion record (format must be '{FORMAT}')"], []
    if record.get("schema") != SCHEMA:
        return [f"record schema {record.get('schema')!r} is not {SCHEMA}"], []
    claimed_course = record.get("course") or {}
    if claimed_course.get("id") != course.info.id:
        return [f"record is for course '{claimed_course.get('id')}', not '{course.info.id}'"], []
    notes = []
    if claimed_course.get("version") != course.info.version:
        notes.append(f"record made with version {claimed_course.get('version')}, checking against {course.info.version}")
    problems: list[str] = []
    regraded = _regrade(course, record.get("quizzes") or {}, problems)
    minutes = 0
    for entry in record.get("modules") or []:
        module = course.module(str(entry.get("id")))
        if module is None:
            problems.append(f"module '{entry.get('id')}' is not in the course")
            continue
        assessments = [q for q in course.quizzes_of(module.id) if q.kind == "assessment"]
        if entry.get("completed"):
            minutes += module.minutes
            for quiz in assessments:
                if not regraded.get(quiz.id, (None, False))[1]:
                    problems.append(f"module '{module.id}' is claimed complete but assessment '{quiz.id}' is not passed")
        if assessments and entry.get("score") is not None:
            actual = regraded.get(assessments[0].id, (None, False))[0]
            if actual != entry.get("score"):
                problems.append(f"module '{module.id}' claims score {entry.get('score')} but its answers score {actual}")
        if entry.get("minutes") not in (None, module.minutes):
            problems.append(f"module '{module.id}' claims {entry.get('minutes')} minutes; the course gives {module.minutes}")
    if record.get("total_minutes") != minutes:
        problems.append(f"total_minutes is {record.get('total_minutes')} but the completed modules give {minutes}")
    return problems, notes


def _regrade(course: Course, quizzes: dict, problems: list[str]) -> dict[str, tuple[int | None, bool]]:
    result = {}
    for quiz_id, claim in quizzes.items():
        quiz = course.quizzes.get(quiz_id)
        if quiz is None or not isinstance(claim, dict):
            problems.append(f"quiz '{quiz_id}' is not in the course")
            continue
        answers = claim.get("answers") if isinstance(claim.get("answers"), dict) else {}
        actual = score(quiz, answers)
        passed = actual is not None and actual >= quiz.pass_mark
        result[quiz_id] = (actual, passed)
        if quiz.kind == "check":
            continue
        if claim.get("score") != actual:
            problems.append(f"quiz '{quiz_id}' claims score {claim.get('score')} but its answers score {actual}")
        if bool(claim.get("passed")) != passed:
            problems.append(f"quiz '{quiz_id}' claims passed={claim.get('passed')} but it is {'passed' if passed else 'not passed'} (pass mark {quiz.pass_mark}%)")
    return result


def _completed(record: dict) -> list:
    return [m for m in record.get("modules") or [] if m.get("completed")]
