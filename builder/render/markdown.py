"""Markdown in quiz text, rendered with markdown-it-py. Raw HTML is escaped, never passed through.

Most quiz text (choices, feedback, prompts) is one line of plain words; such text skips the parser,
with the output markdown-it would give (tests/test_render_markdown.py holds the two together).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

# One line, starting with a letter or digit, with no character Markdown gives a meaning to, and
# not an ordered-list marker ("1. ", "2) ").
_PLAIN = re.compile(r"(?!\d+[.)](?:\s|$))[^\W_][^\n\r*_`\[\]<>&\\~|#=+!]*")


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # "html": False escapes raw HTML, so a quiz file cannot inject script into the site.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _plain(text: str) -> str | None:
    """The HTML of TEXT when it is plain (no Markdown, one line), else None."""
    return text.replace('"', "&quot;") if _PLAIN.fullmatch(text) else None


def block(text: str | None) -> Markup:
    text = (text or "").strip()
    plain = _plain(text)
    return Markup(f"<p>{plain}</p>" if plain is not None else _md().render(text).strip())


def inline(text: str | None) -> Markup:
    """Markdown for a one-line context (a choice, a label): no wrapping <p>."""
    text = (text or "").strip()
    plain = _plain(text)
    return Markup(plain if plain is not None else _md().renderInline(text))


def is_single_paragraph(text: str) -> bool:
    if _plain(text or "") is not None:
        return True
    tokens = _md().parse(text or "")
    blocks = [t for t in tokens if t.level == 0 and t.nesting != -1]
    return len(blocks) == 1 and blocks[0].type == "paragraph_open"
