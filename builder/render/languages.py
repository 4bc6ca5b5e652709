"""A course in several languages: the language switcher on every page, and the notice on a page or
quiz that a translated site shows in its original (docs/translating.md).

Each language is a site of its own: the original's at the site root, each translation's under its
code (`de/`), every page at the same path in each, so the switcher links a page to itself.
"""

from __future__ import annotations

import html

from babel import Locale, UnknownLocaleError

from ..model import CourseInfo
from .strings import lang_attrs, t


def prefix(info: CourseInfo, lang: str) -> str:
    """Where a language's site lives under the site root: the original's at the root."""
    return "" if lang == (info.original or info.language) else f"{lang}/"


def name(lang: str, in_lang: str | None = None) -> str:
    """A language's name in in_lang (default: in itself, as a switcher shows it), from CLDR."""
    try:
        shown = Locale.parse(lang.replace("-", "_")).get_display_name(Locale.parse((in_lang or lang).replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return lang
    return shown[:1].upper() + shown[1:] if in_lang is None else shown


def switcher(info: CourseInfo, url_of) -> str:
    """The list of the course's languages, each leading to this page in it; url_of(lang) is its
    URL from here. Real links in a labelled nav: reachable by keyboard, announced by screen readers."""
    if len(info.languages) < 2:
        return ""
    items = []
    for lang in info.languages:
        label = html.escape(name(lang))
        if lang == info.language:
            items.append(f'<li><a aria-current="page" lang="{lang}" hreflang="{lang}" href="{html.escape(url_of(lang))}">{label}</a></li>')
        else:
            items.append(f'<li><a lang="{lang}" hreflang="{lang}" href="{html.escape(url_of(lang))}">{label}</a></li>')
    label = html.escape(t("languages_label", info.language))
    return f'<nav class="cb-langs" aria-label="{label}" data-search-exclude><ul>{"".join(items)}</ul></nav>'


def text_language(info: CourseInfo, quiz_id: str) -> str:
    """The language a quiz's own text is in here: the site's, or its original's when it has no
    translation (the site's and the book's worksheets and answer keys mark it so)."""
    return info.original if quiz_id in info.fallback_quizzes else info.language


def notice(info: CourseInfo, key: str) -> str:
    """'This page (quiz) has not been translated yet …' in the reader's language, marked as such
    (it may stand inside the original's text, which carries the original's lang)."""
    text = t(key, info.language, language=name(info.original, info.language))
    return f'<p class="cb-fallback" role="note" lang="{info.language}" data-search-exclude>{html.escape(text)}</p>'


def fallback_page(info: CourseInfo, content: str) -> str:
    """A page shown in its original: the switcher (when it leads the page), the notice, then the
    page's text marked with the original's language and direction."""
    switch, end, rest = content.partition("</nav>") if content.startswith('<nav class="cb-langs"') else ("", "", content)
    return switch + end + notice(info, "fallback_page") + f'<div class="cb-original"{lang_attrs(info.original, info.language)}>{rest}</div>'
