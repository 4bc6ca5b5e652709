"""Quiz text rendering: the plain-text shortcut gives exactly what markdown-it gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.render import markdown

ALPHABET = list("ab Z9 1.)-(\"',;:?!%/*_`[]<>&\\~|#=+\n\t") + ["é", "—", "  ", "1. ", "- ", "2) ", "&amp;"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=20))
def test_plain_text_shortcut_matches_markdown_it(pieces):
    text = "".join(pieces)
    md = markdown._md()
    assert markdown.block(text) == md.render(text.strip()).strip()
    assert markdown.inline(text) == md.renderInline(text.strip())
    blocks = [t for t in md.parse(text) if t.level == 0 and t.nesting != -1]
    assert markdown.is_single_paragraph(text) == (len(blocks) == 1 and blocks[0].type == "paragraph_open")


def test_plain_text_is_escaped():
    assert markdown.block('Say "hi" (twice)') == '<p>Say &quot;hi&quot; (twice)</p>'
    assert markdown.inline("3.5 million people") == "3.5 million people"
