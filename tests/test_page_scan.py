"""The fast page scanner gives exactly the facts markdown-it gives, or hands the page to markdown-it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.loading import markdown_source as ms
import re

from builder.loading.page_scan import Fallback, Scanner, needs_markdown_it
from conftest import PROJECTS, REPO

LINES = [
    "# Title", "## A *styled* heading", "### Heading {#custom}", "#nohash", "####### seven", "# C#", "#",
    "Plain text with a [link](page.md#anchor) and ![an image](fig.svg).", "More [two](../m/p.md) [three](x.md \"t\")",
    "`code [not](link)` and [a `code` label](y.md)", "[broken](a b)", "[nested [x](y)](z)", "![](empty.svg)",
    "", "", "", "- item [l](i.md)", "- item", "  - nested", "    - deeper [d](d.md)", "* star", "+ plus", "1. one",
    "2. two", "3) three", "10. ten", "-", "1.", "  continued", "    indented", "        code [c](c.md)",
    "| a | b |", "|---|---|", "| [t](t.md) | x |", "| 1 |", "|:--|--:|",
    "!!! note", "!!! try \"In class [x](c.md)\"", "??? info \"More\"", "???+ tip", "!!! warning \"\"", "!!!",
    "    body [b](b.md)", "    ```quiz", "    basics-check", "    ```",
    "```quiz", "basics-check", "```", "~~~", "```python", "x = [a](b)", "````",
    "---", "***", "- - -", "===", "Setext", "> quote", "<div>", "a &amp; b", "back\\slash", "[ref]: x.md",
    "[ref]", "text ``double`` code", "line with trailing  ", "\tTab", "`multi", "line` code", "emph *a* _b_ **c**",
]


def slow(body: str) -> ms.RawPage:
    page = ms.RawPage({}, None, None, 0, 0)
    ms._walk(ms.parser().parse(body), page, body.split("\n"), 0)
    return page


def fast(body: str) -> ms.RawPage | None:
    page = ms.RawPage({}, None, None, 0, 0)
    try:
        Scanner(body, page, 0, ms._inline_text).run()
    except Fallback:
        return None
    return page


def facts(page: ms.RawPage) -> tuple:
    return (page.title, page.title_line, page.words, page.tasks, sorted(page.anchors),
            [vars(link) for link in page.links], [vars(fence) for fence in page.fences], page.admonitions)


def markdown_files() -> list:
    roots = [REPO / "modules", PROJECTS, REPO / "docs"]
    return sorted(p for root in roots for p in root.rglob("*.md") if p.is_file())


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_same_facts_as_markdown_it_on_every_page_we_have(path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8 (a fixture for file.encoding)")
    body = ms.split_front_matter(text)[1]
    page = fast(body)
    if page is not None:
        assert facts(page) == facts(slow(body))


def test_the_scanner_reads_ordinary_pages():
    body = "\n".join(["# T", "", "Text [a](b.md).", "", "- x", "- y", "", "| a |", "|---|", "| b |", "",
                      "!!! try \"Do\"", "    Body.", "", "```quiz", "q", "```", ""])
    page = fast(body)
    assert page is not None and facts(page) == facts(slow(body))
    assert page.tasks == 1 and len(page.fences) == 1 and page.links[0].target == "b.md"


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from([line for line in LINES if not needs_markdown_it(line)]), min_size=1, max_size=14),
       st.booleans())
def test_same_facts_as_markdown_it_on_generated_pages(lines, newline):
    body = "\n".join(lines) + ("\n" if newline else "")
    page = fast(body)
    if page is not None:
        assert facts(page) == facts(slow(body))


# What needs_markdown_it() looks for, as one pattern: the definition it is held to.
ONE_PATTERN = re.compile(
    r"[\t\\\x00]|<[A-Za-z/!?]|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
    r"|^ {0,3}(?:>|\[[^\]]*\]:)|^[ ]{4,}$",
    re.M,
)
PIECES = ["\n", " ", "    ", ">", "[a]:", "]:", "<a", "</", "<1", "&amp;", "&#12;", "&#x1f;", "&x", "\t", "\\", "\x00",
          "x", "[", "]", "&", "<", ";"]


@settings(max_examples=5000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
def test_the_quick_fallback_test_finds_what_the_one_pattern_finds(pieces):
    body = "".join(pieces)
    assert needs_markdown_it(body) == bool(ONE_PATTERN.search(body))
