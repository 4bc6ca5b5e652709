"""The whole course as one HTML document for print: cover, contents, modules, worksheets.

Pages are rendered with Python-Markdown and mkdocs.yml's extensions (not MkDocs: see
docs/architecture.md), one page at a time; a tree processor gives every id a per-page prefix so
ids stay unique, turns links between pages into in-document links (printed as page references)
and points images at their files. The edition is applied to the Markdown before it renders.

The book speaks the course's language (course.info.language: a translation's when the course was
loaded in one, see builder/translations.py): its labels and instructions, dates and numbers (Babel),
`<html lang dir>`; a page or quiz without a translation keeps its original text, marked with the
original's language, after the notice the site shows.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname
from xml.etree.ElementTree import Element

import markdown as pymd
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..editions import FACILITATOR, for_edition
from ..loading.markdown_source import split_front_matter
from ..model import Course, Module, Page
from ..render import fenced_divs, languages
from ..render.printed import answer_key_html, worksheet_html
from ..render.session import session_markdown, session_src
from ..render.site import replace_fences
from ..render.strings import direction, hours, lang_attrs, long_date, t
from ..translations import translation_path

_SLOT = re.compile(r"<p>CBQUIZSLOT(\d+)X</p>")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def page_id(src: str) -> str:
    return "p-" + re.sub(r"[^A-Za-z0-9]+", "-", src.removesuffix(".md")).strip("-")


@dataclass
class Book:
    """What the document is made from: the course, its page sources, and how to render them."""

    course: Course
    sources: dict[str, str]  # page src -> Markdown (front matter included)
    docs_uri: str  # file URI of the docs folder, ending in '/'
    extensions: list
    extension_configs: dict
    edition: str
    organisation: str = ""
    made: date | None = None  # the cover's "made on" date (default: today)


class _PageTree(Treeprocessor):
    """Per page: prefix ids, map links to in-document anchors, shift headings, absolute images."""

    def __init__(self, md, book: Book, included: set[str]) -> None:
        super().__init__(md)
        self.book, self.included = book, included
        self.src, self.shift, self.drop_title = "", 0, False

    def run(self, root: Element) -> None:
        prefix = page_id(self.src)
        dropped = False
        for parent in list(root.iter()):
            for el in list(parent):
                if self.drop_title and not dropped and el.tag == "h1":
                    parent.remove(el)
                    dropped = True
                    continue
                self._element(el, prefix)

    def _element(self, el: Element, prefix: str) -> None:
        if "headerlink" in (el.get("class") or ""):
            el.tag, el.text = "span", ""
            el.attrib.clear()
            return
        if el.get("id"):
            el.set("id", f"{prefix}--{el.get('id')}")
        if el.tag in _HEADINGS and self.shift:
            el.tag = _HEADINGS[min(_HEADINGS.index(el.tag) + self.shift, 5)]
        if el.tag == "a" and el.get("href") is not None:
            self._link(el, prefix)
        if el.tag == "img" and el.get("src") and not urlsplit(el.get("src")).scheme:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src), unquote(el.get("src"))))
            el.set("src", self.book.docs_uri + self._in_language(target))

    def _in_language(self, target: str) -> str:
        """A figure as the book's language shows it: its translation beside it (fig.de.svg), as that
        language's site serves it (docs/translating.md), else the original."""
        info = self.book.course.info
        if info.language == info.original:
            return target
        translated = translation_path(PurePosixPath(target), info.language).as_posix()
        return translated if Path(url2pathname(urlsplit(self.book.docs_uri + translated).path)).is_file() else target

    def _link(self, el: Element, prefix: str) -> None:
        href = el.get("href")
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            shown = "".join(el.itertext()).strip()
            if shown not in (href, href.split("://", 1)[-1]):  # the reader needs the address on paper
                el.set("class", ((el.get("class") or "") + " ext").strip())
            return
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        if not path:
            el.set("href", f"#{prefix}--{anchor}" if anchor else f"#{prefix}")
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src), path))
        if target in self.included:
            pid = page_id(target)
            el.set("href", f"#{pid}--{anchor}" if anchor else f"#{pid}")
            el.set("class", ((el.get("class") or "") + " xref").strip())
        else:  # a learner page of the site (progress, journal …): plain text on paper
            del el.attrib["href"]


class _PageTreeExtension(Extension):
    def __init__(self, tree_args) -> None:
        super().__init__()
        self.tree_args = tree_args
        self.tree: _PageTree | None = None

    def extendMarkdown(self, md) -> None:
        self.tree = _PageTree(md, *self.tree_args)
        md.treeprocessors.register(self.tree, "course_page", 4)  # after toc (5) gives headings ids


class Renderer:
    def __init__(self, book: Book, included: set[str]) -> None:
        self.book = book
        configs = dict(book.extension_configs)
        configs["toc"] = {**configs.get("toc", {}), "permalink": False}
        self.ext = _PageTreeExtension((book, included))
        # as the site (builder/render/site.py): attr_list keeps a translated heading's {#anchor};
        # md_in_html reads the Markdown in the divs that mark a session plan's own language
        needed = ("attr_list", "md_in_html", *fenced_divs.EXTENSIONS)
        extensions = [*book.extensions, *(e for e in needed if e not in book.extensions)]
        self.md = pymd.Markdown(extensions=[*extensions, self.ext], extension_configs=configs)

    def page(self, src: str, text: str, shift: int = 1, drop_title: bool = False) -> str:
        body = split_front_matter(text)[1]
        body = fenced_divs.translate(body, facilitator=self.book.edition == FACILITATOR)  # `::: instructor` too
        body = for_edition(body, self.book.edition)
        slots: list = []
        body = replace_fences(body, slots)
        self.ext.tree.src, self.ext.tree.shift, self.ext.tree.drop_title = src, shift, drop_title
        self.md.reset()
        rendered = self.md.convert(body)
        return _SLOT.sub(lambda m: self.quiz(*slots[int(m.group(1))], on_page=src), rendered)

    def quiz(self, quiz_id: str, question_id: str | None, on_page: str = "") -> str:
        info = self.book.course.info
        quiz = self.book.course.quizzes[quiz_id]
        langs = (info.language, languages.text_language(info, quiz_id))
        out = worksheet_html(quiz, question_id, *langs)
        if self.book.edition == FACILITATOR:
            out += answer_key_html(quiz, question_id, *langs)
        if quiz_id in info.fallback_quizzes and not info.is_fallback(on_page):  # a page in the original says so once
            out = languages.notice(info, "fallback_quiz") + out
        return out


def document(book: Book, css: str) -> str:
    course = book.course
    facilitator = book.edition == FACILITATOR
    sessions = {m: session_src(course, p) for m, p in course.sessions.items()} if facilitator else {}
    included = {p.src for p in course.pages()} | set(sessions.values())
    renderer = Renderer(book, included)
    parts = [_cover(book), _contents(course, sessions)]
    if course.home:
        parts.append(_section(course.home.src, "intro", renderer.page(course.home.src, book.sources[course.home.src], 0), course.info))
    for number, module in enumerate(course.modules, 1):
        prefix = re.match(r"\d+", module.folder)  # "02-trauma" is Module 2, as the course calls it
        parts.append(_module(book, renderer, module, int(prefix.group()) if prefix else number, sessions.get(module.id)))
    for page in course.extras:
        parts.append(_section(page.src, "extra", renderer.page(page.src, book.sources[page.src], 0), course.info))
    title, lang = html.escape(course.info.title), course.info.language
    return (f'<!doctype html><html lang="{lang}" dir="{direction(lang)}"><head><meta charset="utf-8"><title>{title}</title>'
            f'<style>{css}</style></head><body class="edition-{book.edition}">{"".join(parts)}</body></html>')


def _section(src: str, kind: str, content: str, info=None) -> str:
    """A page of the book; info: the course's, to show a page without a translation as the site does."""
    if info is not None and info.is_fallback(src):
        content = languages.fallback_page(info, content)
    return f'<section class="page page--{kind}" id="{page_id(src)}">{content}</section>'


def _module(book: Book, renderer: Renderer, module: Module, number: int, session: str | None) -> str:
    course = book.course
    info, lang = course.info, course.info.language
    # the module's title and objectives come from its overview page: in the original, when that has no translation
    own = lang_attrs(info.original, lang) if info.is_fallback(module.pages[0].src) else ""
    level = t(f"level_{module.level}", lang)
    facts = [f"<p class=\"module-minutes\">{t('pdf_minutes', lang, n=module.minutes)} · {t('pdf_level', lang, level=level)}</p>"]
    if module.objectives:
        items = "".join(f"<li>{html.escape(o)}</li>" for o in module.objectives)
        facts.append(f"<p class=\"module-objectives-lead\">{t('pdf_objectives', lang)}</p><ul class=\"module-objectives\"{own}>{items}</ul>")
    head = (f'<header class="module-head"><p class="module-number">{t("session_module", lang)} {number}</p>'
            f'<h1 class="module-title"{own}>{html.escape(module.title)}</h1>{"".join(facts)}</header>')
    parts = [head]
    for i, page in enumerate(module.pages):
        parts.append(_section(page.src, "overview" if i == 0 else "page", _page_html(book, renderer, page, i == 0), info))
        if i == 0 and session:
            text = session_markdown(course, course.sessions[module.id])
            parts.append(_section(session, "session", renderer.page(session, text)))
    if module.references and not any(p.src.endswith("references.md") for p in module.pages):
        refs = "".join(f"<li>{html.escape(r)}</li>" for r in module.references)
        parts.append(f'<section class="page page--refs"><h2>{t("pdf_references", lang)}</h2><ul class="references"{own}>{refs}</ul></section>')
    return f'<article class="module" id="m-{module.id}">{"".join(parts)}</article>'


def _page_html(book: Book, renderer: Renderer, page: Page, overview: bool) -> str:
    if page.generated:
        embed = page.embeds[0]
        return f"<h2>{html.escape(page.title)}</h2>" + renderer.quiz(embed.quiz_id, embed.question_id, page.src)
    return renderer.page(page.src, book.sources[page.src], drop_title=overview)


def _cover(book: Book) -> str:
    course = book.course
    lang = course.info.language
    edition = t("edition_facilitator", lang) if book.edition == FACILITATOR else t("edition_learner", lang)
    org = f'<p class="cover-org">{html.escape(book.organisation)}</p>' if book.organisation else ""
    banner = f'<p class="cover-banner">{t("edition_banner", lang)}</p>' if book.edition == FACILITATOR else ""
    total = t("pdf_total", lang, modules=len(course.modules), hours=hours(course.total_minutes, lang))
    made = t("pdf_made", lang, version=html.escape(course.info.version), date=long_date(book.made or date.today(), lang))
    return (f'<section class="cover">{org}<h1 class="cover-title">{html.escape(course.info.title)}</h1>'
            f'<p class="cover-edition">{edition}</p>{banner}'
            f'<p class="cover-facts">{total}</p><p class="cover-made">{made}</p></section>')


def _contents(course: Course, sessions: dict[str, str]) -> str:
    info = course.info

    def entry(src: str, title: str, kind: str, children: str = "") -> str:
        # a page without a translation is listed under its original's title, in its language
        own = lang_attrs(info.original, info.language) if info.is_fallback(src) else ""
        sub = f"<ul>{children}</ul>" if children else ""
        return f'<li class="{kind}"><a href="#{page_id(src)}"{own}>{html.escape(title)}</a>{sub}</li>'

    rows = []
    if course.home:
        rows.append(entry(course.home.src, course.home.title, "toc-top"))
    for module in course.modules:
        subs = [entry(p.src, p.title, "toc-page") for p in module.pages[1:]]
        if module.id in sessions:
            subs.insert(0, entry(sessions[module.id], t("session_title", info.language, title=course.sessions[module.id].title), "toc-page"))
        rows.append(entry(module.pages[0].src, module.title, "toc-module", "".join(subs)))
    rows += [entry(p.src, p.title, "toc-top") for p in course.extras]
    return f'<nav class="toc"><h1 class="toc-title">{t("pdf_contents", info.language)}</h1><ul>{"".join(rows)}</ul></nav>'
