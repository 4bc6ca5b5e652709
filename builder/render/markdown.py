"""Markdown in quiz text, rendered with markdown-it-py. Raw HTML is escaped, never passed through."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # "html": False escapes raw HTML, so a quiz file cannot inject script into the site.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def block(text: str | None) -> Markup:
    return Markup(_md().render(text or "").strip())


def inline(text: str | None) -> Markup:
    """Markdown for a one-line context (a choice, a label): no wrapping <p>."""
    return Markup(_md().renderInline((text or "").strip()))


def is_single_paragraph(text: str) -> bool:
    tokens = _md().parse(text or "")
    blocks = [t for t in tokens if t.level == 0 and t.nesting != -1]
    return len(blocks) == 1 and blocks[0].type == "paragraph_open"
