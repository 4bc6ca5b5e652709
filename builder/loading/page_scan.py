"""A fast line scanner for the facts the checks need from a page: headings, links, quiz fences, words.

markdown-it-py parses a 1,000-page course in about 2 s, most of it on text the checks never look
at. This scanner reads the common subset of Markdown that course pages are written in (ATX
headings, paragraphs, lists, tables, admonitions, fenced code, inline links, images and code spans)
about ten times faster and gives exactly the facts markdown-it gives. Anything outside that subset
(raw HTML, escapes, entities, reference links, block quotes, setext headings, indented code, tabs …)
makes scan() return False, and the caller parses the page with markdown-it instead:
tests/test_page_scan.py holds the two to the same answers.
"""

from __future__ import annotations

import re

try:  # the admonition plugin's own reading of a `!!! type "title"` line
    from mdit_py_plugins.admon.index import _get_tag, _validate
except ImportError:  # pragma: no cover - another version: admonitions go to markdown-it
    _get_tag = _validate = None

# What sends a whole page to markdown-it: tabs, backslash escapes, NUL, raw HTML, entities, block
# quotes, reference definitions and whitespace-only lines of 4+ spaces. One pattern per kind, each
# starting with a literal character, so the regex engine skips ahead to it (one pattern with all
# the alternatives tried each at every position took half of the scan).
_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_LINE_START = re.compile(r"\n {0,3}(?:>|\[[^\]]*\]:)|\n {4,}(?=\n|\Z)")
_ATX = re.compile(r"(#{1,6})(?: +(.*?))? *$")
_MARKER = re.compile(r"([-+*]|(\d{1,9})[.)])( +|$)")
_HR = re.compile(r"([-*_])(?: *\1){2,} *$")
_HR_LIKE = re.compile(r"[-*_=+ ]+$")
_DELIMITER = re.compile(r"\|(?: *:?-+:? *\|)+ *$")
_CODE_SPAN = re.compile(r"`([^`]*)`")
_LINK = re.compile(r"""(!?)\[([^\[\]]*)\]\((\s*([^\s()<>]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*)\)""")
_PLAIN_TARGET = re.compile(r"[A-Za-z0-9_./#-]*")
_INLINE_SPECIAL = re.compile(r"[*_`\[\]!&<\\]")
_ADMONITION_MARKERS = ("???+", "???", "!!!")


def needs_markdown_it(body: str) -> bool:
    """Whether BODY holds anything outside the scanner's subset, anywhere."""
    if "\t" in body or "\\" in body or "\x00" in body:
        return True
    if ("<" in body and _RAW_HTML.search(body)) or ("&" in body and _ENTITY.search(body)):
        return True
    return _LINE_START.search("\n" + body) is not None


class Fallback(Exception):
    """The page uses Markdown the scanner does not read: parse it with markdown-it."""


class Scanner:
    """Fills a RawPage (see markdown_source) the way markdown_source._walk does from tokens."""

    def __init__(self, body: str, page, offset: int, inline) -> None:
        self.body, self.page, self.offset = body, page, offset
        self.lines = body.split("\n")
        self.inline = inline  # markdown_source's token-based inline reader, for headings with markup
        self.slugs: dict[str, int] = {}

    def run(self) -> None:
        if needs_markdown_it(self.body):
            raise Fallback
        end = len(self.lines) - (1 if self.body.endswith("\n") else 0)
        self.block([(i, self.lines[i]) for i in range(end)], end)

    # -- blocks --------------------------------------------------------------------------------

    def block(self, rows: list[tuple[int, str]], end: int) -> None:
        i, chunk, items = 0, None, []  # chunk: the open paragraph [line, [texts]]; items: content indents
        blank = True
        while i < len(rows):
            number, text = rows[i]
            stripped = text.lstrip(" ")
            indent = len(text) - len(stripped)
            if not stripped:
                chunk = self.flush(chunk)
                blank, i = True, i + 1
                continue
            para = chunk is not None
            if items and blank:
                while items and indent < items[-1]:
                    items.pop()
                if items and indent >= items[-1] + 4:
                    raise Fallback  # indented code inside a list item
            if not items and indent >= 4 and not para:
                raise Fallback  # indented code
            kind = self.kind(stripped)
            if kind == "marker":
                chunk = self.item(stripped, indent, items, para, chunk, number)
            elif kind != "text":
                if items or indent:
                    raise Fallback  # a block inside a list item, or indented: leave it to markdown-it
                chunk = self.flush(chunk)
                i = getattr(self, kind)(rows, i, end, blank)
                blank = False
                continue
            elif para:
                chunk[1].append(stripped)
            else:
                chunk = [number, [stripped]]
            blank, i = False, i + 1
        self.flush(chunk)

    def kind(self, stripped: str) -> str:
        first = stripped[0]
        if first == "#" and _ATX.match(stripped):
            return "heading"
        if stripped.startswith(("```", "~~~")):
            return "fence"
        if first in "!?" and stripped.startswith(_ADMONITION_MARKERS):
            if _validate is None:
                raise Fallback
            marker = next(m for m in _ADMONITION_MARKERS if stripped.startswith(m))
            if _validate(stripped[len(marker):]):
                return "admonition"
        if first == "|":
            return "table"
        if _HR_LIKE.match(stripped):
            return "rule"
        if first in "-+*0123456789" and _MARKER.match(stripped):
            return "marker"
        return "text"

    def item(self, stripped, indent, items, para, chunk, number):
        match = _MARKER.match(stripped)
        content = stripped[match.end():]
        if not content or len(match.group(3)) > 4 or content[0] == ">" or self.kind(content) != "text":
            raise Fallback  # an empty item, indented content, or a block right after the marker
        outer = bool(items) and indent < items[-1]
        if para and not outer and match.group(2) is not None and match.group(2).lstrip("0") != "1":
            raise Fallback  # "2." cannot interrupt a paragraph: markdown-it reads it as text
        if not items and indent:
            raise Fallback
        while items and indent < items[-1]:
            items.pop()
        if items and indent >= items[-1] + 4:
            raise Fallback
        items.append(indent + match.end())
        self.flush(chunk)
        return [number, [content]]

    def heading(self, rows, i, end, blank) -> int:
        number, text = rows[i]
        match = _ATX.match(text)
        content = match.group(2) or ""
        if content.endswith("#"):
            raise Fallback  # a closing sequence
        self.add_heading(number, match.group(1), content)
        return i + 1

    def rule(self, rows, i, end, blank) -> int:
        if not blank or not _HR.match(rows[i][1]):
            raise Fallback  # a setext underline, or a line of markers markdown-it reads its own way
        return i + 1

    def fence(self, rows, i, end, blank) -> int:
        number, text = rows[i]
        char = text[0]
        size = len(text) - len(text.lstrip(char))
        info = text[size:]
        if char == "`" and "`" in info:
            raise Fallback
        j = i + 1
        while j < len(rows):
            close = rows[j][1]
            stripped = close.lstrip(" ")
            if len(close) - len(stripped) < 4 and stripped.startswith(char * size) and not stripped.strip(char).strip(" "):
                break
            j += 1
        closed = j < len(rows)
        if info.strip() == "quiz":
            content = "".join(row[1] + "\n" for row in rows[i + 1 : j])
            if not closed and j and rows[j - 1][0] == len(self.lines) - 1 and not self.body.endswith("\n"):
                content = content[:-1]
            last = rows[j][0] + 1 if closed else end
            self.page.fences.append(_fence(content, number + 1 + self.offset, number, last))
        return j + 1 if closed else j

    def admonition(self, rows, i, end, blank) -> int:
        number, text = rows[i]
        marker = next(m for m in _ADMONITION_MARKERS if text.startswith(m))
        params = text[len(marker):]
        j, was_empty = i + 1, False
        while j < len(rows):
            line = rows[j][1]
            indent = len(line) - len(line.lstrip(" "))
            is_empty = indent < 4
            if is_empty and was_empty:
                break
            was_empty = is_empty
            if line.strip() and indent < 4:
                break
            j += 1
        name = params.strip().split(" ")[0]
        self.page.admonitions.append((name, number + 1 + self.offset))
        self.page.tasks += name == "try"
        _, title = _get_tag(params)
        if title:
            self.add_text(number, title)
        body_end = rows[j][0] if j < len(rows) else end
        self.block([(n, line[4:]) for n, line in rows[i + 1 : j]], body_end)
        return j

    def table(self, rows, i, end, blank) -> int:
        if not blank or i + 1 >= len(rows) or not _DELIMITER.match(rows[i + 1][1]):
            raise Fallback
        width = len(_cells(rows[i + 1][1]))
        j = i
        while j < len(rows) and rows[j][1].strip():
            if j != i + 1:
                cells = _cells(rows[j][1])
                if len(cells) != width:
                    raise Fallback
                for cell in cells:
                    self.add_text(rows[j][0], cell)
            j += 1
        return j

    # -- inline --------------------------------------------------------------------------------

    def flush(self, chunk):
        if chunk:
            self.add_text(chunk[0], "\n".join(chunk[1]))
        return None

    def add_heading(self, number: int, hashes: str, content: str) -> None:
        from .markdown_source import _heading_anchor, _unique, slugify

        if _INLINE_SPECIAL.search(content):
            from .markdown_source import parser

            text = self.inline(parser().parseInline(content)[0], self.page, self.lines, number, self.offset)
        else:
            text = content
        self.page.words += len(text.split())
        anchor, text = _heading_anchor(text)
        self.page.anchors.add(_unique(anchor or slugify(text), self.slugs))
        if hashes == "#" and self.page.title is None:
            self.page.title, self.page.title_line = text.strip(), number + 1 + self.offset

    def add_text(self, number: int, text: str) -> None:
        """Words and links of one inline run of text that starts on body line NUMBER."""
        masked = text
        if "``" in text:
            raise Fallback  # code spans of more than one backtick
        if "`" in text:
            def mask(m: re.Match) -> str:
                code = m.group(1)
                if "\n" in code or code[:1] == " " or code[-1:] == " ":
                    raise Fallback
                return "x" * len(m.group(0))
            masked = _CODE_SPAN.sub(mask, text)
        if "[" not in masked:
            self.page.words += len(text.split())
            return
        from .markdown_source import RawLink, with_attributes

        plain, last = [], 0
        for m in _LINK.finditer(masked):
            label, target = text[m.start(2):m.end(2)], m.group(4)
            if "\n" in m.group(3) or (m.group(1) and ("\n" in label or _INLINE_SPECIAL.search(label))):
                raise Fallback
            href = _normalized(target)
            line = number + text.count("\n", 0, m.start())
            source = self.lines[line] if line < len(self.lines) else ""
            col = source.find(href) + 1 if href else 0
            link = RawLink(href, bool(m.group(1)), label if m.group(1) else "", line + 1 + self.offset, col)
            self.page.links.append(link)
            if masked.startswith("{", m.end()):
                with_attributes(link, text[m.end():])
            plain += [text[last:m.start()], label]
            last = m.end()
        plain.append(text[last:])
        if "](" in _LINK.sub("", masked):
            raise Fallback  # a link the pattern does not read (nested brackets, parentheses …)
        self.page.words += len("".join(plain).split())


def _normalized(target: str) -> str:
    """The link markdown-it records for TARGET (its normalizeLink), or Fallback where it would refuse it."""
    if _PLAIN_TARGET.fullmatch(target) and not target.startswith("//"):
        return target  # nothing to encode, no host, no scheme: both steps leave it as it is
    from .markdown_source import parser

    md = parser()
    href = md.normalizeLink(target)
    if not md.validateLink(href):
        raise Fallback
    return href


def _cells(row: str) -> list[str]:
    row = row.strip()
    if not (row.startswith("|") and row.endswith("|")) or len(row) < 2:
        raise Fallback
    return [cell.strip() for cell in row[1:-1].split("|")]


def _fence(content: str, line: int, first: int, last: int):
    from .markdown_source import RawFence

    return RawFence(content, line, first, last)
