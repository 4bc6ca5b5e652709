"""Quizzes on paper and for trainers: the worksheet (no answers) and the answer key.

The worksheet is what the workbook PDF prints for every quiz; the answer key is facilitator-only:
the facilitator site shows it under each quiz and the facilitator PDF after each worksheet.
"""

from __future__ import annotations

from string import ascii_uppercase

from ..model import Quiz
from .quiz_html import _BETWEEN_TAGS, _view, environment


def _views(quiz: Quiz, question_id: str | None) -> list[dict]:
    views = []
    for number, question in enumerate((q for q in quiz.questions if question_id in (None, q.id)), 1):
        view = _view(quiz, question, number)
        if question.type == "matching":
            lefts = [p.left for p in question.pairs]
            options = view["options"]
            rows = max(len(lefts), len(options))
            view["match_rows"] = [
                (lefts[i] if i < len(lefts) else None, ascii_uppercase[i % 26], options[i] if i < len(options) else None)
                for i in range(rows)
            ]
        views.append(view)
    return views


def _render(template: str, quiz: Quiz, question_id: str | None) -> str:
    html = environment().get_template(template).render(
        quiz=quiz, questions=_views(quiz, question_id), whole=question_id is None
    )
    return _BETWEEN_TAGS.sub("><", html).strip()


def worksheet_html(quiz: Quiz, question_id: str | None = None) -> str:
    """The quiz as a printed worksheet: tick boxes, boxes for letters and numbers, lines to write on."""
    return _render("worksheet.html.j2", quiz, question_id)


def answer_key_html(quiz: Quiz, question_id: str | None = None) -> str:
    """Right answers with every choice's feedback and the explanations: for facilitators only."""
    return _render("answer_key.html.j2", quiz, question_id)
