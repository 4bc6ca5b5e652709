"""Text a scaffold leaves for the trainer to replace: `check` reports what is still there.

`course new module` and `course new quiz` write these phrases (builder/commands/new.py takes them
from here), so a course can never be published with "Write the question here." in it unnoticed:
a warning, an error with --strict.
"""

from __future__ import annotations

import re

from ..diagnostics import Report, SourceSpan

MODULE_SUMMARY = "One sentence on what this module helps teachers do."
OBJECTIVE_1 = "describe …"
OBJECTIVE_2 = "apply …"
MODULE_TEXT = "What the module covers, who it is for and how long it takes."
PAGE_TEXT = "Write the module's first page here."
QUESTION = "Write the question here."
RIGHT = "The right answer"
RIGHT_WHY = "Say why it is right."
WRONG = "A tempting wrong answer"
WRONG_WHY = "Say why it is wrong, and what to think instead."
TAKEAWAY = "What the learner should take away."

# Sentences distinctive enough to find anywhere in a file.
PHRASES = (MODULE_SUMMARY, MODULE_TEXT, PAGE_TEXT, QUESTION, RIGHT_WHY, WRONG_WHY, TAKEAWAY)
# Short values that count only as a whole YAML value or list item ("The right answer is …" in a
# page is the trainer's own sentence).
VALUES = (OBJECTIVE_1, OBJECTIVE_2, RIGHT, WRONG)
_VALUE = r"(?:" + "|".join(re.escape(v) for v in VALUES) + r")"
_PATTERN = re.compile(
    "|".join(re.escape(p) for p in PHRASES)
    + r"|(?m:(?<=- )" + _VALUE + r"[ \t]*$)"
    + r"|(?m:(?<=: )\"" + _VALUE + r"\"[ \t]*$)"
    + r"|(?m:(?<=: )" + _VALUE + r"[ \t]*$)"
)


def report_placeholders(text: str, span: SourceSpan, report: Report) -> None:
    if "…" not in text and not any(v in text for v in (*PHRASES, RIGHT, WRONG)):
        return  # nearly every file: one cheap test
    for match in _PATTERN.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found = match.group(0).strip().strip('"')
        report.warning(
            span.at(line, col),
            "content.placeholder",
            f"scaffold text '{found}' is still here",
            "replace it with your own words before you publish",
        )
