"""Editions (learner, facilitator) and the one table from block name to the editions that show it.

Authors write notes for trainers in pages as an admonition, `!!! facilitator "Title"`, indented
like any admonition. Other Markdown viewers show it harmlessly (a line and an indented block), and
MkDocs renders it as a styled box. The learner edition cuts these blocks out of the Markdown
before anything renders it, so no learner output (page, search index, offline copy, LMS package,
workbook PDF) can hold their text; the facilitator edition renders them.

This module is the seam for other block syntaxes: `blocks()` is the only code that finds
edition-only blocks in page text, and `BLOCKS` the only table of what they are. A Pandoc or
Carpentries Workbench fenced div (`::: instructor`) is added by teaching `blocks()` that syntax
and naming `instructor` in BLOCKS; the check, the build and the PDF then follow.
"""

from __future__ import annotations

from dataclasses import dataclass

EDITIONS = ("learner", "facilitator")
LEARNER, FACILITATOR = EDITIONS


@dataclass(frozen=True)
class BlockKind:
    editions: frozenset[str]
    label: str  # the title shown when the author gives none


# Blocks shown only in some editions.
BLOCKS = {
    "facilitator": BlockKind(frozenset({FACILITATOR}), "Facilitator note"),
}

# Admonition types shown in every edition: mkdocs-material's, and the course's classroom task.
COMMON_BLOCKS = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question help faq "
    "warning caution attention failure fail missing danger error bug example quote cite try".split()
)
KNOWN_BLOCKS = COMMON_BLOCKS | frozenset(BLOCKS)
_MARKERS = ("!!!", "???+", "???")


@dataclass(frozen=True)
class Block:
    """An edition-only block in a page: its name, title, Markdown body and 0-based line range."""

    name: str
    title: str | None
    body: str
    first: int
    last: int  # exclusive


def block_name(info: str) -> tuple[str, str | None]:
    """(name, title) of an admonition's `facilitator "Title"` line."""
    name, _, rest = info.strip().partition(" ")
    rest = rest.strip()
    title = rest[1:-1] if len(rest) >= 2 and rest[0] == rest[-1] == '"' else None
    return name, title


def blocks(markdown: str) -> list[Block]:
    """The edition-only blocks of a page's Markdown (front matter removed), in order."""
    if not any(name in markdown for name in BLOCKS):
        return []  # most pages: no parse at all
    from .loading.markdown_source import parser

    lines = markdown.split("\n")
    found = []
    for token in parser().parse(markdown):
        if token.type != "admonition_open" or not token.map:
            continue
        name, title = block_name(token.info)
        if name in BLOCKS:
            first, last = token.map
            cut = len(lines[first]) - len(lines[first].lstrip()) + 4  # the block may sit in a list
            body = "\n".join(line[cut:] for line in lines[first + 1 : last])
            found.append(Block(name, title, body.strip("\n"), first, last))
    return found


def shows(name: str, edition: str) -> bool:
    kind = BLOCKS.get(name)
    return kind is None or edition in kind.editions


def for_edition(markdown: str, edition: str) -> str:
    """The page's Markdown as EDITION sees it: blocks it does not show are cut out whole;
    the ones it shows get their default title."""
    lines = markdown.split("\n")
    for block in reversed(blocks(markdown)):
        if not shows(block.name, edition):
            lines[block.first : block.last] = []
        elif block.title is None:
            head = lines[block.first]
            marker = next((m for m in _MARKERS if head.lstrip().startswith(m)), "!!!")
            indent = head[: len(head) - len(head.lstrip())]
            lines[block.first] = f'{indent}{marker} {block.name} "{BLOCKS[block.name].label}"'
    return "\n".join(lines)
