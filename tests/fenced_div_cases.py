"""Write tests/fixtures/fenced_divs.txt: one case per known class (input Markdown, expected HTML).

Run after changing the mapping on purpose, then review `git diff tests/fixtures`.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_fenced_divs import FIXTURES, render  # noqa: E402

from builder.loading.fenced_divs import KNOWN  # noqa: E402

EXTRA = {
    "nested challenge with a solution (Workbench)": (
        "::::::::::::::::::::::::::::::::::::: challenge\n\n## Challenge 1: Which is it?\n\nWhat would you do?\n\n"
        ":::::::::::::::::::::::: solution\n\n## Solution\n\nAsk the pupil.\n\n### Why\n\nBecause.\n\n"
        ":::::::::::::::::::::::::::::::::\n::::::::::::::::::::::::::::::::::::::::::::::::\n"
    ),
    "Pandoc attributes with a title": '::: {.callout-tip #tip-1 title="Before the lesson"}\nRead the text.\n:::\n',
    "MyST directive with a title and a class option": ":::{admonition} Plan ahead\n:class: tip\nBook the interpreter.\n:::\n",
    "instructor notes inside a challenge": "::: challenge\nTry it.\n\n::: instructor\nGroups often disagree here.\n:::\n:::\n",
    "an unknown class renders as a plain div": "::: columns\nText.\n:::\n",
    "colons inside a code block are code": "```text\n:::\nnot a fence\n:::\n```\n",
    "kramdown boxes of the Carpentries' older template, nested": (
        "> ## Concept mapping\n>\n> Draw a map.\n>\n> > ## Solution\n> > One answer.\n> {: .solution}\n{: .challenge}\n"
    ),
    "kramdown attributes after code are dropped; unknown ones left to attr_list": (
        "~~~\nprint(1)\n~~~\n{: .source}\n\n> A quote.\n{: .unknownthing}\n"
    ),
}


def main() -> None:
    cases = {f"class {name}": f"::: {name}\nSome *text* for the {name} block.\n:::\n" for name in KNOWN}
    cases.update(EXTRA)
    FIXTURES.write_text(
        "\n".join(f"{title}\n.\n{given}.\n{render(given)}.\n" for title, given in cases.items()), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
