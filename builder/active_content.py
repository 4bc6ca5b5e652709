"""Finding active content a trainer pasted into a page or a figure: anything that runs script.

Script in a course page runs in the learner's browser on the same origin as their stored progress,
journal and record, so `course check` reports it (a warning; an error with --strict). Tags are
read by the one tokenizer in builder/html_scan.py, the one the privacy check uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .html_scan import StartTag, scheme_of, start_tags, url_of

# Suffixes of files a browser runs script in when it opens them (a figure opened in its own tab too).
ACTIVE_SUFFIXES = (".svg", ".html", ".htm", ".xhtml")
_URL_ATTRS = {"href", "xlink:href", "src", "data", "action", "formaction"}
_EMBEDDING = {"embed": "<embed>", "object": "<object>", "applet": "<applet>"}



def _loose(word: str) -> str:
    """WORD as a URL scheme may be written: browsers drop tabs and newlines inside URLs."""
    return "[\t\n\r]*".join(word) + "[\t\n\r]*:"


# Prefilter: a text without any of these (an element, an on…= attribute, a scheme, or a character
# reference that could hide one) runs no script, and is not tokenized.
_MAY_BE_ACTIVE = re.compile(
    r"<(?:script|foreignobject|embed|object|applet|base)|srcdoc|[\"'\s/]on[^\s/=>]*\s*="
    rf"|{_loose('script')}|{_loose('data')}|&#|&(?:tab|newline|colon)",
    re.I,
)


@dataclass(frozen=True)
class Active:
    line: int
    col: int
    what: str  # what runs script, for the message


def active_content(text: str) -> list[Active]:
    """Every construct in TEXT (Markdown holding HTML, HTML or SVG) that runs script."""
    found: list[Active] = []
    if "<" not in text or not _MAY_BE_ACTIVE.search(text):
        return found
    for tag in start_tags(text):
        found += [Active(tag.line, tag.col, what) for what in _tag_problems(tag)]
    return found


def _tag_problems(tag: StartTag) -> list[str]:
    problems = []
    if tag.name == "script":
        problems.append("<script>")
    elif tag.name == "foreignobject":
        problems.append("<foreignObject> (HTML inside SVG)")
    elif tag.name in _EMBEDDING:
        problems.append(_EMBEDDING[tag.name])
    elif tag.name == "base":
        problems.append("<base> (it redirects every link of the page)")
    for name, value in tag.attrs:
        scheme = scheme_of(value)
        if name.startswith("on") and value.strip():  # an empty handler runs nothing
            problems.append(f"the '{name}' attribute of <{tag.name}>")
        elif name == "srcdoc":
            problems.append(f"the 'srcdoc' page of <{tag.name}>")
        elif scheme in ("javascript", "vbscript"):
            problems.append(f"a {scheme}: URL in <{tag.name} {name}>")
        elif scheme == "data" and name in _URL_ATTRS and not _is_image(tag.name, value):
            problems.append(f"a data: URL in <{tag.name} {name}>")
    return problems


def _is_image(tag: str, value: str) -> bool:
    """A data: URL that a tag shows as a picture, which cannot run script."""
    return tag in ("img", "image", "source", "input") and url_of(value)[5:].lower().startswith("image/")
