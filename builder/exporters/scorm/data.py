"""What the SCORM shell needs besides the runtime's manifest: window.CB_SCORM.

- the standard and its suspend_data limit;
- the final assessment, whose best score the LMS records (the last assessment in module order);
- the answer texts the course knows (matching, cloze, short answer), which the suspend_data codec
  writes as indexes;
- for SCORM 2004, each assessment question's interaction: type, correct response, grading data.
"""

from __future__ import annotations

import json

from ...model import Course, Question, Quiz
from ...grading import grading_key

SUSPEND_LIMIT = {"1.2": 4096, "2004": 64000}
INTERACTION_TYPES = {
    "single": "choice",
    "multiple": "choice",
    "true_false": "true-false",
    "short_answer": "fill-in",
    "matching": "matching",
    "ordering": "sequencing",
    "cloze": "fill-in",
    "reflection": "long-fill-in",
}


def final_assessment(course: Course) -> Quiz | None:
    assessments = [q for m in course.modules for q in course.quizzes_of(m.id) if q.kind == "assessment"]
    return assessments[-1] if assessments else None


def answer_texts(course: Course) -> list[str]:
    texts: set[str] = set()
    for quiz in course.quizzes.values():
        for q in quiz.questions:
            texts.update(p.right for p in q.pairs)
            texts.update(q.answers)
            for blank in q.blanks:
                texts.update(blank.answers)
                texts.update(blank.choices)
    return sorted(texts)


def interaction(question: Question) -> dict:
    """The shell's grading data for one question: the runtime's answer key (same rules as grading.py),
    and a picked gap's choices, so the LMS reads the text the learner picked, not its number."""
    picked = {b.name: list(b.choices) for b in question.blanks if b.choices}
    return {**grading_key(question), **({"choices": picked} if picked else {})}


def shell_data(course: Course, standard: str) -> dict:
    final = final_assessment(course)
    data = {
        "standard": standard,
        "limit": SUSPEND_LIMIT[standard],
        "final": final.id if final else None,
        "texts": answer_texts(course),
    }
    if standard == "2004":
        data["interactions"] = {
            quiz.id: {q.id: interaction(q) for q in quiz.questions}
            for quiz in course.quizzes.values()
            if quiz.kind == "assessment"
        }
    return data


def shell_script(course: Course, standard: str) -> str:
    return "window.CB_SCORM=" + json.dumps(shell_data(course, standard), ensure_ascii=False, separators=(",", ":")) + ";\n"
