"""Mathematics as MathML, written at build time: no script, no font and no request at all.

pymdownx.arithmatex (generic mode) finds `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` and leaves the TeX
in `<span|div class="arithmatex">`; latex2mathml turns it into MathML, which Chromium, Firefox and
Safari render natively and screen readers read. Pages without mathematics are not touched. TeX that
latex2mathml cannot read stays visible as TeX, and the build says where.
"""

from __future__ import annotations

import html
import re

_MATH = re.compile(
    r'<(span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</\1>', re.S
)
EXTENSION = ("pymdownx.arithmatex", {"generic": True})


def to_mathml(page_html: str, warn=None) -> str:
    if 'class="arithmatex"' not in page_html:
        return page_html
    from latex2mathml.converter import convert

    def one(match: re.Match) -> str:
        block = match.group("block") is not None
        tex = html.unescape(match.group("block") if block else match.group("inline"))
        try:
            mathml = convert(tex, display="block" if block else "inline")
        except Exception as error:  # latex2mathml raises its own and plain exceptions on bad TeX
            if warn:
                warn(f"cannot render the mathematics '{tex}': {error}")
            return match.group(0)
        return f'<div class="cb-math">{mathml}</div>' if block else mathml

    return _MATH.sub(one, page_html)
