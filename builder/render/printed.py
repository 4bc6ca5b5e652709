"""Quizzes on paper and for trainers: the worksheet (no answers) and the answer key.

The worksheet is what the workbook PDF prints for every quiz; the answer key is facilitator-only:
the facilitator site shows it under each quiz and the facilitator PDF after each worksheet.
"""

from __future__ import annotations

from string import ascii_uppercase

from markupsafe import Markup

from ..model import Quiz
from .quiz_html import _BETWEEN_TAGS, _view, environment
from .strings import DEFAULT, lang_attrs, t


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


def _render(template: str, quiz: Quiz, question_id: str | None, lang: str, text_lang: str | None) -> str:
    """lang: the page's language (instructions, labels); text_lang: the quiz's own text's, when it
    differs (an untranslated quiz in a translated site or book). Then the section says the quiz's
    language and each instruction the page's, so each is read out in its own."""
    turn = bool(text_lang) and text_lang != lang
    html = environment().get_template(template).render(
        quiz=quiz, questions=_views(quiz, question_id), whole=question_id is None,
        text_attrs=Markup(lang_attrs(text_lang, lang)) if turn else "",
        own_attrs=Markup(lang_attrs(lang, text_lang)) if turn else "",
        t=lambda key, **values: t(key, lang, **values),
    )
    return _BETWEEN_TAGS.sub("><", html).strip()


def worksheet_html(quiz: Quiz, question_id: str | None = None, lang: str = DEFAULT, text_lang: str | None = None) -> str:
    """The quiz as a printed worksheet: tick boxes, boxes for letters and numbers, lines to write on.
    Instructions in lang; text_lang: the language of the quiz's text when it is not lang."""
    return _render("worksheet.html.j2", quiz, question_id, lang, text_lang)


def answer_key_html(quiz: Quiz, question_id: str | None = None, lang: str = DEFAULT, text_lang: str | None = None) -> str:
    """Right answers with every choice's feedback and the explanations: for facilitators only."""
    return _render("answer_key.html.j2", quiz, question_id, lang, text_lang)
