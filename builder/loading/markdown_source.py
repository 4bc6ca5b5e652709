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
from . import attr_list, fenced_divs
from ..editions import block_name, blocks
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
    attr_problem: str | None = None  # an unreadable `{…}` attribute list right after it
    html: bool = False  # written in raw HTML (only figure references are collected from it)


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
    admonitions: list[tuple[str, int]] = field(default_factory=list)  # (`!!! name`, line) for the block check
    notes: list = field(default_factory=list)  # edition-only blocks (editions.Block), lines in the body
    body_offset: int = 0  # lines of front matter before the body


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    # Admonitions (`!!! note`) are parsed as blocks so the links and fences inside them are seen.
    md = MarkdownIt("commonmark").use(admon_plugin).use(footnote_plugin).use(deflist_plugin).enable("table")
    # Python-Markdown renders javascript:, data: and file: links as written, so the checks must see
    # them (markdown-it would turn them into text): every link is kept, and checked in crossrefs.
    md.validateLink = lambda url: True
    return md


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, number of lines the front matter takes)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    lines = match.group(0).count("\n")
    return match.group(1) or "", text[match.end():], lines


_OPENING = re.compile(r"\A---[ \t]*\n")


def parse_page(text: str, span: SourceSpan, report: Report, shared_links: str = "") -> RawPage:
    """Front matter and facts of a page; shared_links: `[label]: …` definitions from links.md files."""
    front_text, body, offset = split_front_matter(text)
    if front_text is None and _OPENING.match(text):
        report.error(
            span.at(1),
            "page.unclosed-front-matter",
            "the front matter opened on line 1 is never closed, so it would show as a rule and text",
            "end the front matter with a line holding only '---'",
        )
    elif not body.strip():
        report.warning(span.at(offset + 1), "page.empty", "the page is empty", "write the page, or delete the file")
    front: dict = {}
    index = LineIndex(span)
    if front_text is not None:
        data, index = parse_yaml(front_text, span, report, line_offset=1)
        if isinstance(data, dict):
            front = data
        elif data is not None:
            report.error(span.at(2), "page.front-matter", "front matter must be a mapping of keys")
    tree = _check_divs(body, span, offset, report) if fenced_divs.has_fences(body) else None
    page = RawPage(front, index, None, 0, 0)
    try:  # the fast scanner reads most pages; anything it does not read goes to markdown-it
        Scanner(body, page, offset, _inline_text).run()
    except Fallback:
        page = RawPage(front, index, None, 0, 0)
        _walk(parser().parse(body), page, body.split("\n"), offset)
    if tree is not None:  # a lesson's challenges and discussions are activity time, like `!!! try`
        page.tasks += sum(1 for div in tree.walk() if div.name in fenced_divs.ACTIVITIES)
    if "][" in body:
        _check_references(body, span, offset, report, shared_links)
    for link in page.links:
        if link.attr_problem:
            report.warning(
                span.at(link.line, link.col), "attr.unreadable", link.attr_problem,
                "write attributes as {alt='text' width='25%'}, without backslashes before the quotes",
            )
    page.notes, page.body_offset = blocks(body), offset
    page.words -= sum(len(note.body.split()) for note in page.notes)  # learners do not read them
    return page


def _check_divs(body: str, span: SourceSpan, offset: int, report: Report) -> fenced_divs.DivTree:
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
    return tree


def _walk(tokens, page: RawPage, lines: list[str], offset: int) -> None:
    slugs: dict[str, int] = {}
    heading_level = None
    for token in tokens:
        if token.type == "heading_open":
            heading_level = token.tag
            continue
        if token.type == "admonition_open":
            name = block_name(token.info)[0]
            page.admonitions.append((name, (token.map[0] if token.map else 0) + 1 + offset))
            page.tasks += name == "try"
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
    last_link = None
    for child in token.children or ():
        if child.type == "text" and last_link is not None and child.content.startswith("{"):
            # read the source, not the token: markdown-it unescapes \" that Python-Markdown keeps
            source_line = lines[line] if line < len(lines) else ""
            end = source_line.find(last_link.target + ")", max(last_link.col - 1, 0)) if last_link.target else -1
            raw = source_line[end + len(last_link.target) + 1 :] if end >= 0 else child.content
            with_attributes(last_link, raw if raw.startswith("{") else child.content)
        last_link = None
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
            last_link = RawLink(target, child.type == "image", alt, line + 1 + offset, col)
            page.links.append(last_link)
            if child.type == "image":
                parts.append(alt)
    return "".join(parts)


_REFERENCE = re.compile(r"(?<!\\)!?\[([^\[\]\n]+)\]\[([^\[\]\n]*)\](?![(:])")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")


def _label(text: str) -> str:
    return " ".join(text.split()).upper()


def _check_references(body: str, span: SourceSpan, offset: int, report: Report, shared_links: str = "") -> None:
    """`[text][label]` with no `[label]: …` definition renders as literal brackets: an error."""
    env: dict = {}
    parser().parse(body + "\n\n" + shared_links, env)
    lines = body.split("\n")
    every = lines + [""] + shared_links.split("\n")
    defined = {}
    for key, value in env.get("references", {}).items():
        source = every[value["map"][0]] if value.get("map") and value["map"][0] < len(every) else ""
        written = re.match(r"\s*\[([^\]]+)\]:", source)
        defined[_label(key)] = written.group(1) if written else key.lower()
    fence = None
    for number, line in enumerate(lines):
        if fence:
            fence = None if line.strip().startswith(fence) else fence
            continue
        if match := _CODE_FENCE.match(line):
            fence = match.group(1)
            continue
        masked = _CODE_SPAN.sub(lambda m: "x" * len(m.group(0)), line)
        for match in _REFERENCE.finditer(masked):
            label = match.group(2) or match.group(1)
            if _label(label) in defined:
                continue
            report.error(
                span.at(number + 1 + offset, match.start() + 1),
                "link.undefined-reference",
                f"the reference link '{match.group(0)}' has no definition '[{label}]: …'",
                _nearest_label(label, defined)
                or "define it on a line of its own: [label]: https://… (or write the link inline)",
            )


def _nearest_label(label: str, defined: dict[str, str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(_label(label), list(defined), n=1, cutoff=0.6)
    return f"did you mean '[{defined[close[0]]}]'?" if close else None


def with_attributes(link: RawLink, after: str) -> int:
    """Reads the `{…}` attribute list that follows a link or image: its alt text, or its problem."""
    attrs, used, problem = attr_list.read(after)
    if "alt" in attrs and link.is_image:
        link.alt = attrs["alt"] or ""
    link.attr_problem = problem
    return used


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
