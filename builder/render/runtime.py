"""The learner's runtime: small classic scripts (builder/assets/runtime/) joined, in this explicit
order, into the one course.js a site ships (one request; ES modules do not load from file://)."""

from __future__ import annotations

import re
from importlib import resources

# Order matters: each part may use what the parts before it define; start.js runs everything.
# CORE is what every page loads (course.js); LEARNER_PAGES is loaded on top of it only by the
# pages that show a learner view (My progress, journal, record: course-pages.js), so a content
# page neither downloads nor compiles them.
CORE = (
    "base.js",
    "format.js",
    "store.js",
    "grading.js",
    "progress.js",
    "arrange.js",
    "quiz-ui.js",
    "nav.js",
    "reading.js",
    "print.js",
    "home.js",
    "start.js",
)
LEARNER_PAGES = (
    "transfer.js",
    "learner-pages.js",
    "certificate.js",
)
SCRIPTS = CORE + LEARNER_PAGES

HEADER = """/* Course Builder: the learner's runtime. Quizzes, progress, journal, completion record, export/import.
   Plain JavaScript, no framework. Built from builder/assets/runtime/ (see builder/render/runtime.py);
   contracts: docs/learner.md. */
"""


# Comments stay in the source, not in what every page downloads: whole-line comments, and a
# "// why" after the end of a statement (no string in the runtime holds " // "). Indentation goes
# too (no string or template literal in the runtime spans lines).
_COMMENTS = (
    (re.compile(r"(?ms)^[ \t]*/\*.*?\*/\n"), ""),
    (re.compile(r"(?m)^[ \t]*//.*\n"), ""),
    (re.compile(r"(?m)(?<=[;{},)]) +// .*$"), ""),
    (re.compile(r"(?m)^[ \t]+"), ""),
)


def script_source(name: str) -> str:
    return (resources.files("builder") / "assets" / "runtime" / name).read_text(encoding="utf-8")


def shipped(source: str) -> str:
    for pattern, replacement in _COMMENTS:
        source = pattern.sub(replacement, source)
    return source


def runtime_source() -> str:
    """course.js as shipped: the core parts in order, inside one function scope, without comments."""
    parts = [f"/* {name} */\n{shipped(script_source(name)).rstrip()}\n" for name in CORE]
    scope = ", ".join(_shared_names())
    return (HEADER + '(() => {\n"use strict";\n' + "\n".join(parts)
            + f"function shared() {{ return {{{scope}}}; }} // what course-pages.js uses (runtime.py)\n" + "})();\n")


def learner_pages_source() -> str:
    """course-pages.js as shipped: the learner pages' parts, in one function that course.js calls
    with the core names they use (learnerPages() in start.js) and that returns their VIEWS."""
    parts = [f"/* {name} */\n{shipped(script_source(name)).rstrip()}\n" for name in LEARNER_PAGES]
    names = ", ".join(_shared_names())
    return (HEADER + f'"use strict";\nwindow.CB_PAGES = ({{{names}}}) => {{\n' + "\n".join(parts) + "return VIEWS;\n};\n")


_DECLARATION = re.compile(r"^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)|^(const|let)\s+(.*)", re.M)
_WORD = re.compile(r"[A-Za-z_$][\w$]*")


def top_level_names(source: str) -> dict[str, str]:
    """Names a part declares at its top level (unindented lines): name -> 'function', 'const' or 'let'."""
    names = {}
    for match in _DECLARATION.finditer(source):
        if match.group(1):
            names[match.group(1)] = "function"
            continue
        depth, part = 0, ""
        for ch in match.group(3):  # declarators, split at commas outside brackets
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
            if depth == 0 and ch in ",;":
                _declared(part, match.group(2), names)
                part = ""
                if ch == ";":
                    break
            else:
                part += ch
        else:
            _declared(part, match.group(2), names)
    return names


def _declared(declarator: str, kind: str, names: dict) -> None:
    word = _WORD.match(declarator.strip())
    if word:
        names[word.group(0)] = kind


def _shared_names() -> list[str]:
    """The core's names the learner pages' parts mention. A `let` is passed by value, so only
    `data` (an object the store fills in place) may be shared; tests fail on any other."""
    core = {}
    for name in CORE:
        core.update(top_level_names(script_source(name)))
    own = {}
    for name in LEARNER_PAGES:
        own.update(top_level_names(script_source(name)))
    used = set(_WORD.findall("\n".join(shipped(script_source(name)) for name in LEARNER_PAGES)))
    return sorted(n for n in used & set(core) - set(own) if core[n] != "let" or n == "data")


def mutable_names_shared() -> list[str]:
    """Core `let` names (other than data) that the learner pages' parts mention: must be none."""
    core = {}
    for name in CORE:
        core.update(top_level_names(script_source(name)))
    code = "\n".join(_code_only(script_source(name)) for name in LEARNER_PAGES)
    used = set(re.findall(r"(?<![\w$.])[A-Za-z_$][\w$]*", code))  # not .property
    return sorted(n for n in used & set(core) if core[n] == "let" and n != "data")


def _code_only(source: str) -> str:
    """SOURCE without comments and string literals (for the names its code really uses)."""
    source = shipped(source)
    return re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`', '""', source)
