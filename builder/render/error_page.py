"""The page `course serve` shows, at every address, while the course has errors.

The preview server adds its live-reload script, so the page turns back into the course as soon as
the trainer has fixed the last error. Self-contained: no stylesheet, script or font from anywhere.
"""

from __future__ import annotations

from html import escape

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The course has errors: Course Builder preview</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ font-size: 1.4rem; }}
pre {{ background: #fdf2f2; border-left: 4px solid #b00020; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }}
</style>
</head>
<body>
<main>
<h1>The course has errors, so the preview is not up to date</h1>
<p>Fix what is listed below and save: this page reloads by itself and shows the course again.</p>
<pre>{report}</pre>
</main>
</body>
</html>
"""


def error_page(report: str) -> str:
    """The HTML page showing REPORT (plain text: diagnostics, one per line)."""
    return PAGE.format(report=escape(report.strip() or "the build failed"))
