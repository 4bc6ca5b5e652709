"""Quiz -> accessible HTML (fieldsets, legends, labelled controls) plus the data the runtime needs.

Answers, feedback, hints and explanations travel in a per-quiz key script (assets/course/keys/),
not in page text, so the search index never reveals them and pages stay small.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..grading import grading_key, option_numbers
from ..model import Question, Quiz
from . import markdown
from .strings import DEFAULT, t, table_json

UrlFor = Callable[[str], str]  # "module/page.md#anchor" (relative to modules/) -> href


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("builder.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(t=t, md=markdown.block, md_inline=markdown.inline)
    return env


def render_quiz(quiz: Quiz, key_src: str, question_id: str | None = None, lang: str = DEFAULT,
                text_lang: str | None = None) -> str:
    """The quiz's form, its labels in lang; its answer key lives in the cacheable script at key_src (see key_script).

    text_lang: the language of the quiz's own text, when a page must say it (builder/render/languages.py)."""
    questions = [q for q in quiz.questions if question_id in (None, q.id)]
    template = environment().get_template("quiz.html.j2")
    html = template.render(
        quiz=quiz,
        questions=[_view(quiz, q, i) for i, q in enumerate(questions, 1)],
        whole=question_id is None,
        key_name=key_name(quiz.id, question_id),
        key_src=key_src,
        text_lang=text_lang,
        t=lambda key, **values: t(key, lang, **values),
    )
    # Only the indentation between tags goes: a line break inside text is a space, so words stay apart.
    return _BETWEEN_TAGS.sub("><", html).strip()


_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")


def search_text(quiz: Quiz, question_id: str | None = None) -> str:
    """What the search index holds of an embedded quiz: its title, intro and prompts.

    Never the choices, answers, feedback or hints: search must not reveal answers.
    """
    questions = [q for q in quiz.questions if question_id in (None, q.id)]
    parts = [f"<p>{markdown.inline(quiz.title)}</p>", markdown.block(quiz.intro)] if question_id is None else []
    return "".join(parts + [markdown.block(q.prompt) for q in questions])


def dom_id(quiz_id: str, question_id: str) -> str:
    """A question's element id: short, stable and unique within a page (ids repeat in every
    control, and pages stay small); the journal links to it."""
    return "cb-" + hashlib.sha256(f"{quiz_id}/{question_id}".encode()).hexdigest()[:8]


def _view(quiz: Quiz, question: Question, number: int) -> dict:
    """What the template needs for one question; ids unique within the page."""
    dom_id_ = dom_id(quiz.id, question.id)
    single_paragraph = markdown.is_single_paragraph(question.prompt)
    view = {
        "q": question,
        "number": number,
        "dom_id": dom_id_,
        "name": dom_id_,
        "prompt_inline": markdown.inline(question.prompt) if single_paragraph else None,
        "prompt_block": None if single_paragraph else markdown.block(question.prompt),
    }
    if question.type == "matching":  # (number stored, text shown), in alphabetical order
        view["chips"] = sorted({n: p.right for n, p in zip(option_numbers(question), question.pairs)}.items(),
                               key=lambda option: option[1].casefold())
        view["options"] = [text for _, text in view["chips"]]
    if question.type == "ordering":
        view["shown"] = _scrambled(question.items, question.id)
    if question.type == "cloze":
        view["cloze"] = _cloze_parts(question)
    return view


def _scrambled(items: tuple[str, ...], seed: str) -> list[tuple[int, str]]:
    """Items in a stable order that differs from the answer (index kept for the key)."""
    order = list(enumerate(items))
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16))
    rng.shuffle(order)
    if [i for i, _ in order] == list(range(len(items))):
        order = order[1:] + order[:1]
    return order


def _cloze_parts(question: Question) -> list:
    """The cloze text as a list of Markup pieces and blank dicts, in order."""
    from ..validation.quizzes import BLANK

    blanks = {b.name: b for b in question.blanks}
    parts, last = [], 0
    for n, match in enumerate(BLANK.finditer(question.text or ""), 1):
        parts.append(markdown.inline(question.text[last : match.start()]) if match.start() > last else Markup(""))
        blank = blanks.get(match.group(1))
        picks = sorted(enumerate(blank.choices), key=lambda c: c[1]) if blank else []  # (index stored, text shown)
        parts.append({"name": match.group(1), "n": n, "picks": picks, "choices": [text for _, text in picks]})
        last = match.end()
    parts.append(markdown.inline(question.text[last:]))
    return parts


def _key(quiz: Quiz, questions: list[Question], url_for: UrlFor) -> dict:
    return {
        "id": quiz.id,
        "module": quiz.module,
        "title": quiz.title,
        "kind": quiz.kind,
        "pass": quiz.pass_mark,
        "pool": quiz.pool if quiz.pool and len(questions) == len(quiz.questions) else None,
        "shuffle": quiz.shuffle,
        "questions": [_question_key(q, url_for) for q in questions],
    }


def _question_key(q: Question, url_for: UrlFor) -> dict:
    key: dict = {"id": q.id, "type": q.type}
    if q.hint:
        key["hint"] = str(markdown.block(q.hint))
    if q.explanation:
        key["explanation"] = str(markdown.block(q.explanation))
    if q.review:
        key["review"] = url_for(q.review)
    if q.feedback:
        key["feedback"] = str(markdown.block(q.feedback))
    key.update(grading_key(q))
    if q.type in ("single", "multiple"):
        key["choices"] = [str(markdown.block(c.feedback)) if c.feedback else "" for c in q.choices]
    elif q.type == "true_false":
        key["choices"] = [str(markdown.block(q.if_true)) if q.if_true else "", str(markdown.block(q.if_false)) if q.if_false else ""]
    return key


def key_name(quiz_id: str, question_id: str | None) -> str:
    return quiz_id if question_id is None else f"{quiz_id}--{question_id}"


def key_script(quiz: Quiz, url_for: UrlFor, question_id: str | None = None) -> str:
    """A script that registers one embed's answer key (review URLs relative to the site root)."""
    questions = [q for q in quiz.questions if question_id in (None, q.id)]
    data = json.dumps(_key(quiz, questions, url_for), ensure_ascii=False, separators=(",", ":"))
    name = json.dumps(key_name(quiz.id, question_id))
    return f"(window.CB_KEYS=window.CB_KEYS||{{}})[{name}]={data};\n"


def strings_json(lang: str = DEFAULT) -> str:
    return table_json(lang)
