"""`:::` fenced divs (Pandoc, Quarto, the Carpentries Workbench, MyST colon fences): their structure.

Lessons written for other systems mark challenges, solutions and instructor notes with lines of
colons. This module reads where each div opens and closes, its class and title, and what is wrong
with the fences; `builder/render/fenced_divs.py` turns the divs into blocks MkDocs renders, and
validation reports the problems. Pandoc's rules: a fence is three or more colons; an opening fence
carries a class (`::: name`, `::: {.name #id title="…"}`, MyST's `:::{name} title`), may end with
more colons, and a bare fence closes the innermost open div whatever its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^ {0,3}(:{3,})[ \t]*(.*?)[ \t]*$")
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATTR = re.compile(r"""([.#]?[\w:-]+)(?:=("[^"]*"|'[^']*'|\S+))?""")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MYST_OPTION = re.compile(r"^:(\w[\w-]*):[ \t]*(.*)$")


@dataclass
class Div:
    name: str  # the first class, lower case ("" when the fence names none)
    title: str | None  # from title="…", MyST's `{name} title`, or words after the class
    open_line: int  # 0-based line of the opening fence
    close_line: int | None = None  # 0-based line of the closing fence; None while unclosed
    classes: tuple[str, ...] = ()
    ident: str | None = None
    children: list["Div"] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)  # MyST `:key: value` lines

    @property
    def height(self) -> int:
        """How deeply divs nest inside this one (0 for none): outer blocks need longer fences."""
        return 1 + max((c.height for c in self.children), default=-1)


@dataclass
class Problem:
    line: int  # 0-based
    code: str
    message: str
    hint: str | None = None


@dataclass
class DivTree:
    divs: list[Div]  # top-level divs, in order
    problems: list[Problem]

    def walk(self):
        stack = list(reversed(self.divs))
        while stack:
            div = stack.pop()
            yield div
            stack.extend(reversed(div.children))


def has_fences(text: str) -> bool:
    return ":::" in text


def parse(lines: list[str]) -> DivTree:
    """The divs of a page body given as lines; code fences are skipped."""
    top: list[Div] = []
    open_divs: list[Div] = []
    problems: list[Problem] = []
    code: str | None = None  # the open code fence's marker
    for number, line in enumerate(lines):
        if code is not None:
            stripped = line.strip()
            if stripped.startswith(code) and not stripped.strip(code[0]):
                code = None
            continue
        if match := _CODE.match(line):
            code = match.group(1)
            continue
        match = _FENCE.match(line)
        if not match:
            continue
        rest = match.group(2).rstrip(":").strip()
        if not rest:
            if open_divs:
                open_divs.pop().close_line = number
            else:
                problems.append(Problem(
                    number, "div.stray-close", "a ':::' line closes no open block",
                    "remove it, or add the opening fence ('::: name') it belongs to",
                ))
            continue
        div = _opening(rest, number, problems)
        (open_divs[-1].children if open_divs else top).append(div)
        open_divs.append(div)
    for div in open_divs:
        problems.append(Problem(
            div.open_line, "div.unclosed", f"the block '::: {div.name or '…'}' is never closed",
            "end it with a line of three or more colons (':::')",
        ))
    return DivTree(top, problems)


def _opening(rest: str, number: int, problems: list[Problem]) -> Div:
    if rest.startswith("{"):
        end = rest.find("}")
        if end < 0:
            problems.append(Problem(number, "div.bad-attributes", f"the attributes '{rest}' have no closing '}}'"))
            return Div("", None, number)
        inside, after = rest[1:end].strip(), rest[end + 1 :].strip() or None
        if inside and not inside.startswith((".", "#")) and "=" not in inside.split()[0]:
            name = inside.split()[0]  # MyST: `:::{note} Title`
            return Div(name.lower(), after, number, classes=(name,))
        return _attributes(inside, after, number, problems)
    name, _, title = rest.partition(" ")
    return Div(name.lower(), title.strip() or None, number, classes=(name,))


def _attributes(inside: str, after: str | None, number: int, problems: list[Problem]) -> Div:
    classes, ident, title = [], None, after
    consumed = 0
    for match in _ATTR.finditer(inside):
        if inside[consumed:match.start()].strip():
            break
        consumed = match.end()
        key, value = match.group(1), match.group(2)
        if key.startswith(".") and value is None:
            classes.append(key[1:])
        elif key.startswith("#") and value is None:
            ident = key[1:]
        elif value is not None and key == "title":
            title = value.strip("\"'")
    if inside[consumed:].strip():
        problems.append(Problem(
            number, "div.bad-attributes", f"cannot read the attributes '{{{inside}}}'",
            "write classes as .name, an id as #name and values as key=\"value\"",
        ))
    return Div(classes[0].lower() if classes else "", title, number, classes=tuple(classes), ident=ident)


def first_heading(lines: list[str], div: Div) -> tuple[int, str] | None:
    """The heading that opens a div's content (the Workbench's box title), if the div starts with one."""
    end = div.close_line if div.close_line is not None else len(lines)
    for number in range(div.open_line + 1, end):
        text = lines[number]
        if not text.strip() or _MYST_OPTION.match(text.strip()):
            continue
        match = _HEADING.match(text)
        return (number, match.group(2)) if match else None
    return None


def myst_options(lines: list[str], div: Div) -> list[int]:
    """Lines of MyST `:key: value` options right after the opening fence (they are not content)."""
    found = []
    for number in range(div.open_line + 1, len(lines)):
        match = _MYST_OPTION.match(lines[number].strip())
        if not match:
            break
        div.options[match.group(1)] = match.group(2)
        found.append(number)
    return found


def heading(line: str) -> str | None:
    match = _HEADING.match(line)
    return match.group(2) if match else None


@dataclass(frozen=True)
class DivKind:
    """How a known class renders: an admonition type of the theme, or a collapsed box."""

    form: str  # "box" (always open), "collapsed" (open on click), "facilitator" (facilitator edition only)
    style: str  # the theme's admonition type that gives it its colour and icon
    title: str  # the title when the author gives none


# Blocks that ask the learner to do something: `course stats` counts them as activity time.
ACTIVITIES = frozenset({"challenge", "exercise", "discussion"})

# The classes lessons in the common dialects use (Carpentries Workbench, Quarto callouts, MyST and
# Sphinx admonitions). Anything else is reported as unknown and rendered as a plain <div>.
KNOWN: dict[str, DivKind] = {
    "callout": DivKind("box", "note", "Callout"),
    "challenge": DivKind("box", "question", "Challenge"),
    "exercise": DivKind("box", "question", "Exercise"),
    "discussion": DivKind("box", "abstract", "Discussion"),
    "checklist": DivKind("box", "success", "Checklist"),
    "keypoints": DivKind("box", "success", "Key points"),
    "objectives": DivKind("box", "abstract", "Objectives"),
    "questions": DivKind("box", "question", "Questions"),
    "prereq": DivKind("box", "info", "Prerequisites"),
    "testimonial": DivKind("box", "quote", "Testimonial"),
    "caution": DivKind("box", "warning", "Caution"),
    "solution": DivKind("collapsed", "success", "Solution"),
    "hint": DivKind("collapsed", "tip", "Hint"),
    "spoiler": DivKind("collapsed", "note", "More"),
    "dropdown": DivKind("collapsed", "note", "More"),
    "instructor": DivKind("facilitator", "facilitator", "Facilitator note"),
    "facilitator": DivKind("facilitator", "facilitator", "Facilitator note"),
    # Quarto callouts
    "callout-note": DivKind("box", "note", "Note"),
    "callout-tip": DivKind("box", "tip", "Tip"),
    "callout-warning": DivKind("box", "warning", "Warning"),
    "callout-important": DivKind("box", "danger", "Important"),
    "callout-caution": DivKind("box", "warning", "Caution"),
    # MyST / Sphinx admonitions
    "note": DivKind("box", "note", "Note"),
    "tip": DivKind("box", "tip", "Tip"),
    "important": DivKind("box", "danger", "Important"),
    "warning": DivKind("box", "warning", "Warning"),
    "attention": DivKind("box", "warning", "Attention"),
    "danger": DivKind("box", "danger", "Danger"),
    "error": DivKind("box", "failure", "Error"),
    "seealso": DivKind("box", "info", "See also"),
    "admonition": DivKind("box", "note", "Note"),
}
