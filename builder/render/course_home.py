"""The course's own frame around the trainer's pages: the home page's module cards and "continue"
banner, and each module page's position ("Module 2 of 6 · page 3 of 5") with the module's progress.

Rendered at build time from the model, so it reads well with no JavaScript; the runtime
(builder/assets/runtime/home.js) fills in what only the learner's browser knows: status, progress
bars, scores, the page to continue from and the time done. Every text from the course is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..model import Course, Module

from .strings import hours, lang_attrs, t

_H1 = re.compile(r"^# .*$", re.M)


def _e(text: str) -> str:
    return html.escape(" ".join(str(text).split()))


def bar(label: str, module_id: str) -> str:
    return (
        f'<div class="cb-bar" role="progressbar" aria-label="{_e(label)}" aria-valuemin="0" aria-valuemax="100" '
        f'aria-valuenow="0" data-cb-bar="{_e(module_id)}"><span class="cb-bar__fill"></span></div>'
    )


_NUMBERED = re.compile(r"^(\d+)[-_ .]")


def home(course: Course, objectives: tuple[str, ...], url_of: Callable[[str], str]) -> str:
    """The block under the home page's title: continue banner, time, a card per module, objectives."""
    first = course.modules[0] if course.modules else None
    lang = course.info.language
    cont = (
        f'<div class="cb-continue" data-cb-continue><p class="cb-continue__label">{_e(t("start", lang))}</p>'
        f'<p><a class="md-button md-button--primary cb-continue__link" href="{_e(url_of(first.pages[0].src))}">{_e(first.title)}</a></p></div>'
        if first else ""
    )
    time = t("home_time", lang, hours=hours(course.total_minutes, lang), n=len(course.modules))
    numbers = module_numbers(course)
    cards = "".join(_card(course, numbers[m.id], m, url_of) for m in course.modules)
    goals = ""
    if objectives:
        items = "".join(f"<li>{_e(o)}</li>" for o in objectives)
        goals = f'<h2 id="cb-course-objectives">{_e(t("home_objectives", lang))}</h2><ul class="cb-home__objectives">{items}</ul>'
    return (
        f'<div class="cb-home"{_own_lang(course, course.home.src if course.home else "")} data-search-exclude>{cont}<p class="cb-home__time" data-cb-time>{_e(time)}</p>'
        f'<ul class="cb-cards" aria-label="{_e(t("modules_caption", lang))}">{cards}</ul>{goals}</div>'
    )


def module_numbers(course: Course) -> dict[str, int]:
    """Each module's number as the course gives it: its folder's number when every module folder
    is numbered (`00-orientation` is Module 0, as the course's own pages call it), else 1, 2, …"""
    found = [_NUMBERED.match(m.folder) for m in course.modules]
    numbers = [int(f.group(1)) for f in found if f]
    if len(numbers) == len(course.modules) and len(set(numbers)) == len(numbers):
        return {m.id: n for m, n in zip(course.modules, numbers)}
    return {m.id: i for i, m in enumerate(course.modules, 1)}


def _card(course: Course, number: int, module: Module, url_of) -> str:
    lang = course.info.language
    meta = " · ".join([t("card_module", lang, n=number), t("level_" + module.level, lang), t("minutes", lang, n=module.minutes)])
    return (
        f'<li class="cb-card" data-cb-module="{_e(module.id)}">'
        f'<h2 class="cb-card__title"><a href="{_e(url_of(module.pages[0].src))}">{_e(module.title)}</a></h2>'
        f'<p class="cb-card__meta">{_e(meta)}</p><p class="cb-card__summary">{_e(module.summary)}</p>'
        f'{bar(t("card_progress", lang, title=module.title), module.id)}'
        f'<p class="cb-card__status" data-cb-status>{_e(t("status_todo", lang))}</p></li>'
    )


def position(course: Course, src: str) -> str | None:
    """'Module 2 · page 3 of 5' (numbered as the home page's cards number it) and the module's
    progress bar, for a page of a module."""
    numbers = module_numbers(course)
    for module in course.modules:
        for index, page in enumerate(module.pages, 1):
            if page.src == src:
                text = t("page_position", course.info.language, m=numbers[module.id], p=index, pages=len(module.pages))
                return (
                    f'<div class="cb-position"{_own_lang(course, src)} data-search-exclude><p class="cb-position__text">'
                    f'<span class="cb-position__module">{_e(module.title)}</span> · {_e(text)}</p>'
                    f'{bar(t("card_progress", course.info.language, title=module.title), module.id)}</div>'
                )
    return None


def after_title(markdown: str, block: str) -> str:
    """Markdown with an HTML block right under its first `# title` (or at the top)."""
    match = _H1.search(markdown)
    at = match.end() if match else 0
    return f"{markdown[:at]}\n\n{block}\n\n{markdown[at:]}"


def _own_lang(course: Course, src: str) -> str:
    """On a page shown in its original language (builder/render/languages.py), the course's own
    words around it are still in the site's: they say so (and in which direction they read)."""
    info = course.info
    return lang_attrs(info.language, info.original) if info.is_fallback(src) else ""


