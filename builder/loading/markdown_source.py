"""Markdown pages: front matter, and the facts the checks need (headings, links, quiz fences)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..diagnostics import Report, SourceSpan, did_you_mean
from . import fenced_divs
from .page_scan import Fallback, Scanner
from .yaml_source import LineIndex, parse_yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_LINK_TARGET = re.compile(r"^<?([^\s>]*)>?")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")


@dataclass
class RawLink:
    target: str
    is_image: bool
    alt: str
    line: int
    col: int


@dataclass
class RawFence:
    content: str
    line: int  # of the opening fence
    first_line: int  # 0-based line index of the fence opening in the source
    last_line: int  # 0-based, exclusive


@dataclass
class RawPage:
    front: dict
    front_index: LineIndex
    title: str | None
    title_line: int
    words: int
    tasks: int = 0  # `!!! try` classroom tasks, counted as activity time
    anchors: set[str] = field(default_factory=set)
    links: list[RawLink] = field(default_factory=list)
    fences: list[RawFence] = field(default_factory=list)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    # Admonitions (`!!! note`) are parsed as blocks so the links and fences inside them are seen.
    return MarkdownIt("commonmark").use(admon_plugin).use(footnote_plugin).use(deflist_plugin).enable("table")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, number of lines the front matter takes)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    lines = match.group(0).count("\n")
    return match.group(1) or "", text[match.end():], lines


def parse_page(text: str, span: SourceSpan, report: Report) -> RawPage:
    front_text, body, offset = split_front_matter(text)
    front: dict = {}
    index = LineIndex(span)
    if front_text is not None:
        data, index = parse_yaml(front_text, span, report, line_offset=1)
        if isinstance(data, dict):
            front = data
        elif data is not None:
            report.error(span.at(2), "page.front-matter", "front matter must be a mapping of keys")
    if fenced_divs.has_fences(body):
        _check_divs(body, span, offset, report)
    page = RawPage(front, index, None, 0, 0)
    try:  # the fast scanner reads most pages; anything it does not read goes to markdown-it
        Scanner(body, page, offset, _inline_text).run()
    except Fallback:
        page = RawPage(front, index, None, 0, 0)
        _walk(parser().parse(body), page, body.split("\n"), offset)
    return page


def _check_divs(body: str, span: SourceSpan, offset: int, report: Report) -> None:
    """Unbalanced or unreadable `:::` fences are errors; a class nobody maps is a warning."""
    lines = body.split("\n")
    tree = fenced_divs.parse(lines)
    for problem in tree.problems:
        report.error(span.at(problem.line + 1 + offset, 1), problem.code, problem.message, problem.hint)
    for div in tree.walk():
        if div.name not in fenced_divs.KNOWN:
            col = lines[div.open_line].find(":") + 1
            report.warning(
                span.at(div.open_line + 1 + offset, col),
                "div.unknown-class",
                f"the block class '{div.name or '(none)'}' is not one this course knows; its content renders without a box",
                did_you_mean(div.name, fenced_divs.KNOWN)
                or f"known classes: {', '.join(sorted(k for k in fenced_divs.KNOWN if '-' not in k))}",
            )


def _walk(tokens, page: RawPage, lines: list[str], offset: int) -> None:
    slugs: dict[str, int] = {}
    heading_level = None
    for token in tokens:
        if token.type == "heading_open":
            heading_level = token.tag
            continue
        if token.type == "admonition_open" and token.info.strip().split(" ")[0] == "try":
            page.tasks += 1
            continue
        if token.type == "fence" and token.info.strip() == "quiz" and token.map:
            first, last = token.map
            page.fences.append(RawFence(token.content, first + 1 + offset, first, last))
            continue
        if token.type != "inline" or not token.map:
            continue
        line0 = token.map[0]
        text = _inline_text(token, page, lines, line0, offset)
        page.words += len(text.split())
        if heading_level:
            anchor, text = _heading_anchor(text)
            page.anchors.add(_unique(anchor or slugify(text), slugs))
            if heading_level == "h1" and page.title is None:
                page.title, page.title_line = text.strip(), line0 + 1 + offset
            heading_level = None


def _inline_text(token, page: RawPage, lines: list[str], line0: int, offset: int) -> str:
    """Plain text of an inline token; records its links and images with their lines."""
    parts: list[str] = []
    line = line0
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
            parts.append(" ")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("link_open", "image"):
            target = str(child.attrs.get("href" if child.type == "link_open" else "src", ""))
            alt = child.content if child.type == "image" else ""
            source_line = lines[line] if line < len(lines) else ""
            col = source_line.find(target) + 1 if target else 0
            page.links.append(RawLink(target, child.type == "image", alt, line + 1 + offset, col))
            if child.type == "image":
                parts.append(alt)
    return "".join(parts)


def _heading_anchor(text: str) -> tuple[str | None, str]:
    match = _ATTR_ID.search(text)
    if match:
        return match.group(1), text[: match.start()]
    return None, text


def slugify(text: str) -> str:
    """The anchor Python-Markdown's toc extension gives a heading (its default slugify)."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def _unique(slug: str, seen: dict[str, int]) -> str:
    if slug not in seen:
        seen[slug] = 0
        return slug
    seen[slug] += 1
    return f"{slug}_{seen[slug]}"
