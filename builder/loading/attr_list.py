"""Attribute lists after an image or link, `{alt='…' width='25%'}` (Pandoc, kramdown, attr_list).

Lessons written for other systems give alt text this way, so `check` must read it as alt text;
and an attribute list that Python-Markdown's attr_list would turn into garbage (escaped quotes
copied from another tool, an unclosed quote) is reported for what it is.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"\{:?([^{}\n]*)\}")
_TOKEN = re.compile(r"""\s*(?:([\w:-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'\\]+))|([.#][\w-]+)|([\w-]+))(?=\s|$)""")


def read(text: str) -> tuple[dict[str, str], int, str | None]:
    """(attributes, characters used, problem) for text that starts right after the image or link.

    Nothing is used when the text does not start with an attribute list.
    """
    match = _BLOCK.match(text)
    if not match:
        return {}, 0, None
    inside = match.group(1)
    attrs: dict[str, str] = {}
    at = 0
    while at < len(inside.rstrip()):
        token = _TOKEN.match(inside, at)
        if not token or token.end() == at:
            return attrs, match.end(), f"cannot read the attribute list '{match.group(0)}' from '{inside[at:].strip()}'"
        key, value = token.group(1), next((g for g in token.group(2, 3, 4) if g is not None), None)
        if key:
            attrs[key] = value
        elif token.group(5):
            kind = "class" if token.group(5)[0] == "." else "id"
            attrs[kind] = (attrs.get(kind, "") + " " + token.group(5)[1:]).strip()
        at = token.end()
    return attrs, match.end(), None
