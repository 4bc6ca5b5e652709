"""A school's colour on its copy of the course: the course plugin's `colour` option.

It colours the header, the navigation tabs, progress bars and the "continue" banner, in the light and
the dark palette alike; links and text keep the theme's colours, which are tested for contrast in
both. The header's white text must stay readable: `check` refuses a colour that gives it less than
WCAG's 4.5:1 (see contrast()).
"""

from __future__ import annotations

import re

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text: white header text on the brand colour


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, other: str = "#ffffff") -> float:
    """WCAG contrast ratio between two colours."""
    a, b = sorted((_luminance(colour), _luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def stylesheet(colour: str | None) -> str:
    """CSS for the brand colour ("" when none is set)."""
    if not colour:
        return ""
    return (
        f":root {{ --cb-brand: {colour}; }}\n"
        ".md-header, .md-tabs { background-color: var(--cb-brand); color: #fff; }\n"
    )


def problem(colour) -> str | None:
    """Why `colour` cannot be the brand colour, or None."""
    if not isinstance(colour, str) or not HEX.match(colour):
        return f"'colour' must be a hex colour such as \"#0b5e55\", not {colour!r}"
    ratio = contrast(colour)
    if ratio < MIN_CONTRAST:
        return f"white header text on {colour} has a contrast of {ratio:.1f}:1; WCAG AA needs {MIN_CONTRAST}:1"
    return None
