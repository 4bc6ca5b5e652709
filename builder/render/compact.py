"""Built pages without the indentation of mkdocs-material's templates.

The theme indents every line of its navigation; on a course of a hundred modules that indentation
is a third of each page's HTML. Leading whitespace is dropped from every line outside <pre>,
<textarea>, <script> and <style> (where it can matter); a line break stays where one was, so the
rendered page is the same.
"""

from __future__ import annotations

import re

_INDENT = re.compile(r"\n[ \t\n]+")
_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1>", re.S)


def compact_html(html: str) -> str:
    parts, start = [], 0
    for match in _VERBATIM.finditer(html):
        parts += [_INDENT.sub("\n", html[start : match.start()]), match.group(0)]
        start = match.end()
    parts.append(_INDENT.sub("\n", html[start:]))
    return "".join(parts)
