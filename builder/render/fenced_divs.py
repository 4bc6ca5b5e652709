"""`:::` fenced divs → blocks MkDocs renders: pymdownx.blocks admonitions and details, plain divs,
and `!!! facilitator` notes (cut from every learner output by the edition step that runs next).

Only the mapping is ours: pymdownx.blocks renders the boxes (it nests by fence length, so an outer
block gets more slashes than the blocks inside it), and builder/editions.py decides who sees
facilitator notes. The structure comes from builder/loading/fenced_divs.py, the reader `check`
uses, so the build and the check agree on every fence.
"""

from __future__ import annotations

import json
import re

from ..loading.fenced_divs import KNOWN, Div, first_heading, has_fences, heading, myst_options, parse

# kramdown's block attributes, as the Carpentries' older lesson template writes its boxes:
# a blockquote followed by `{: .challenge}`; and `{: .source}` / `{: .output}` after code.
_KRAMDOWN = re.compile(r"^ {0,3}\{:\s*\.([\w-]+)\s*\}\s*$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})")

# Python-Markdown extensions the blocks need; the plugin adds those a course's mkdocs.yml lacks.
EXTENSIONS = ("pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.html")


def translate(markdown: str, facilitator: bool = False) -> str:
    """The page's Markdown with every `:::` div written as a block MkDocs renders.

    Instructor and facilitator divs become `!!! facilitator` notes in the facilitator edition and
    are cut, text and all, from the learner's (facilitator=False).
    """
    if "{:" in markdown:
        markdown = "\n".join(kramdown_boxes(markdown.split("\n")))
    if not has_fences(markdown):
        return markdown
    lines = markdown.split("\n")
    tree = parse(lines)
    if not tree.divs and not tree.problems:
        return markdown
    out: dict[int, list[str]] = {}  # line -> what replaces it
    indent = [0] * (len(lines) + 1)  # extra indentation of each line (facilitator notes)
    for problem in tree.problems:
        if problem.code == "div.stray-close":
            out[problem.line] = [""]
    stack = list(reversed(tree.divs))
    while stack:
        div = stack.pop()
        if div.name in KNOWN and KNOWN[div.name].form == "facilitator" and not facilitator:
            end = div.close_line + 1 if div.close_line is not None else len(lines)
            for number in range(div.open_line, end):
                out[number] = []
            continue  # nothing inside it reaches the learner
        _one(div, lines, out, indent)
        stack.extend(reversed(div.children))
    result: list[str] = []
    for number, line in enumerate(lines):
        pad = " " * indent[number]
        for text in out.get(number, [line]):
            result.append(pad + text if text.strip() else text)
    return "\n".join(result + out.get(-1, []))


def _one(div: Div, lines: list[str], out: dict[int, list[str]], indent: list[int]) -> None:
    kind = KNOWN.get(div.name)
    close = div.close_line if div.close_line is not None else len(lines)
    for number in myst_options(lines, div):
        out[number] = []
    title = div.title or div.options.get("title")
    found = first_heading(lines, div) if kind and not title else None
    if found:
        out[found[0]] = []
        title = found[1]
    if kind is None:
        tag = "div" + "".join(f".{c}" for c in div.classes) + (f"#{div.ident}" if div.ident else "")
        _wrap(div, out, f"html | {tag}", [], close)
        return
    title = title or kind.title
    style = KNOWN[div.options["class"]].style if div.options.get("class") in KNOWN else kind.style
    if kind.form == "facilitator":
        out[div.open_line] = ["", f"!!! facilitator {json.dumps(title, ensure_ascii=False)}", ""]
        if div.close_line is not None:
            out[div.close_line] = [""]
        for number in range(div.open_line + 1, close):
            indent[number] += 4
        return
    classes = " ".join(dict.fromkeys(["cb-div", *(c.lower() for c in div.classes)]))
    ident = f", id: {json.dumps(div.ident)}" if div.ident else ""
    options = [f"type: {style}", f"attrs: {{class: {json.dumps(classes)}{ident}}}"]
    if kind.form == "collapsed":
        _wrap(div, out, f"details | {_title(title)}", options, close)
        # headings inside a collapsed answer would fill the page's table of contents
        for number in range(div.open_line + 1, close):
            text = heading(lines[number]) if number not in out else None
            if text is not None:
                out[number] = [f"**{text}**"]
    else:
        _wrap(div, out, f"admonition | {_title(title)}", options, close)


def _wrap(div: Div, out: dict[int, list[str]], header: str, options: list[str], close: int) -> None:
    fence = "/" * (3 + div.height)
    out[div.open_line] = ["", f"{fence} {header}", *(f"    {o}" for o in options), ""]
    if div.close_line is not None:
        out[div.close_line] = ["", fence, ""]
    else:  # an unclosed div (an error for `check`) still renders: it ends with the page
        out.setdefault(-1, []).extend(["", fence])


def _title(text: str) -> str:
    # pymdownx.blocks reads the title up to the end of the line; keep it on one line, no markup fences
    return " ".join(text.replace("|", "\\|").split())


def kramdown_boxes(lines: list[str]) -> list[str]:
    """Blockquotes closed by `{: .known-class}` become `:::` divs; `{: .x}` after code goes."""
    out: list[str] = []
    fence = None
    after_code = False
    for line in lines:
        if fence is not None:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence, after_code = None, True
            continue
        if match := _CODE.match(line):
            fence = match.group(1)
            out.append(line)
            continue
        attribute = _KRAMDOWN.match(line)
        if attribute and after_code:
            after_code = False
            continue  # `{: .source}` styles the code block above it in Jekyll; nothing to show here
        after_code = False
        run = 0
        while run < len(out) and _QUOTE.match(out[len(out) - 1 - run]):
            run += 1
        if attribute and attribute.group(1).lower() in KNOWN and run:
            inner = [_QUOTE.sub("", quoted, count=1) for quoted in out[len(out) - run :]]
            del out[len(out) - run :]
            out.extend(["", f"::: {attribute.group(1)}", *kramdown_boxes(inner), ":::", ""])
            continue
        out.append(line)
    return out
