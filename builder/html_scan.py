"""The one HTML tokenizer the checks share: the start tags of a text, as a browser would see them.

The privacy check (remote loads) and the active-content check read HTML in Markdown pages, SVG
figures and built pages through `start_tags()`. It is the standard library's `html.parser`, with
the places where that parser and browsers disagree in the unsafe direction (it would hide a tag a
browser sees) brought to the browser's reading (the WHATWG tokenizer): comments that a browser
closes early (`<!-->`, `<!--->`, `--!>`) and `<![CDATA[`, a bogus comment up to the first `>`
outside SVG and MathML. tests/test_html_scan.py holds it to html5lib, which shares no code with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_COMMENT_END = re.compile(r"--!?>")
# What browsers drop from a URL before reading it, and what they read as "/".
_URL_STRIP = "".join(chr(c) for c in range(0x21))
_URL_DROP = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class StartTag:
    name: str  # lower case
    attrs: tuple[tuple[str, str], ...]  # (lower-case name, value with character references decoded)
    line: int  # 1-based, in the text given
    col: int  # 1-based
    text: str = ""  # the text of a <style> or <script> element (the CSS or script it holds)

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)


def start_tags(text: str) -> list[StartTag]:
    """Every start tag in TEXT (HTML, Markdown holding HTML, or SVG), in order."""
    if "<" not in text:
        return []
    tags = _tokenize(_Tokenizer(), text)
    if _FOREIGN_RAW.search(text) and _FOREIGN_OPEN.search(text):
        # Inside SVG and MathML a <script> or <style> holds markup: a browser sees the tags in it
        # (`<svg><script><img src=…>` loads). Which reading applies depends on the tree the browser
        # builds (an <img> breaks out of SVG, a <foreignObject> holds HTML), so both are taken: the
        # raw text (its CSS is scanned) and the tags a second pass finds in it. More, never fewer.
        seen = set(tags)
        tags = sorted(tags + [t for t in _tokenize(_ForeignTokenizer(), text) if t not in seen and t.name not in ("script", "style")],
                      key=lambda t: (t.line, t.col))
    return tags


_FOREIGN_OPEN = re.compile(r"<(?:svg|math)[\s/>]", re.I)
_FOREIGN_RAW = re.compile(r"<(?:script|style)", re.I)


def _tokenize(parser, text: str) -> list[StartTag]:
    parser.feed(text)
    parser.close()
    return parser.tags


def url_of(value: str) -> str:
    """An attribute value as a browser reads it as a URL: trimmed, tabs and newlines dropped, '\\' as '/'."""
    return value.strip(_URL_STRIP).translate(_URL_DROP).replace("\\", "/")


def scheme_of(value: str) -> str:
    """The URL scheme of an attribute value, lower case ('' for a relative URL)."""
    if ":" not in value:
        return ""  # most values: no scheme can hide in them
    match = _SCHEME.match(url_of(value))
    return match.group(1).lower() if match else ""


class _Tokenizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[StartTag] = []
        self._open: StartTag | None = None  # the <script> or <style> whose text comes next

    def handle_starttag(self, tag, attrs):
        line, offset = self.getpos()
        self.tags.append(StartTag(tag, tuple((k, v or "") for k, v in attrs), line, offset + 1))
        self._open = len(self.tags) - 1 if tag in ("script", "style") else None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._open = None

    def handle_data(self, data):
        if self._open is not None and self.cdata_elem:
            tag = self.tags[self._open]
            self.tags[self._open] = StartTag(tag.name, tag.attrs, tag.line, tag.col, tag.text + data)

    def handle_endtag(self, tag):
        self._open = None

    def close(self):
        super().close()
        if self.cdata_elem and self.rawdata:  # a <style> or <script> the text ends inside
            self.handle_data(self.rawdata)
            self.rawdata = ""

    def parse_comment(self, i, report=1):
        # A browser ends a comment at "-->" or "--!>", and "<!-->" / "<!--->" are whole comments.
        rawdata = self.rawdata
        for short in ("<!-->", "<!--->"):
            if rawdata.startswith(short, i):
                return i + len(short)
        match = _COMMENT_END.search(rawdata, i + 4)
        return match.end() if match else -1

    def parse_marked_section(self, i, report=1):
        # Outside SVG and MathML, "<![CDATA[" opens a bogus comment that the next ">" closes.
        end = self.rawdata.find(">", i + 3)
        return end + 1 if end >= 0 else -1

    def unknown_decl(self, data):  # pragma: no cover - marked sections never reach it now
        pass


class _ForeignTokenizer(_Tokenizer):
    """The second reading: inside <svg> or <math> (counted by their start and end tags), <script>
    and <style> do not switch to raw text, so the tags in them are seen."""

    def __init__(self) -> None:
        super().__init__()
        self._foreign = 0

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self._foreign += tag in ("svg", "math")

    def handle_startendtag(self, tag, attrs):
        super().handle_startendtag(tag, attrs)
        self._foreign -= tag in ("svg", "math")  # <svg/> opens nothing

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag in ("svg", "math") and self._foreign:
            self._foreign -= 1

    def set_cdata_mode(self, elem, *args, **kwargs):
        if not self._foreign:
            super().set_cdata_mode(elem, *args, **kwargs)
