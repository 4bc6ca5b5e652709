"""The learner's runtime: small classic scripts (builder/assets/runtime/) joined, in this explicit
order, into the one course.js a site ships (one request; ES modules do not load from file://)."""

from __future__ import annotations

import re
from importlib import resources

# Order matters: each part may use what the parts before it define; start.js runs everything.
SCRIPTS = (
    "base.js",
    "format.js",
    "store.js",
    "grading.js",
    "progress.js",
    "transfer.js",
    "quiz-ui.js",
    "nav.js",
    "reading.js",
    "learner-pages.js",
    "certificate.js",
    "print.js",
    "home.js",
    "start.js",
)

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
    """course.js as shipped: every part in order, inside one function scope, without comments."""
    parts = [f"/* {name} */\n{shipped(script_source(name)).rstrip()}\n" for name in SCRIPTS]
    return HEADER + '(() => {\n"use strict";\n' + "\n".join(parts) + "})();\n"
