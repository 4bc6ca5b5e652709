"""SVG figures that name files on another site (a drawing tool's web fonts, most often).

Whether the browser fetches them depends on how the pages use the figure: shown as a picture
(`![…](fig.svg)`, `<img>`), an SVG loads nothing at all; linked or embedded as a document
(`[…](fig.svg)`, `<object>`, `<iframe>`), it fetches everything it names. So the first is a
warning (a learner who opens the figure on its own still makes the request) and the second an
error, the very split the build's own scan of the site makes (privacy.split_figures).
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..diagnostics import Report
from ..html_scan import url_of
from ..model import Course
from ..translations import translated_asset, translation_path

_HINT = "save the figure without links to other sites (in Inkscape: fonts as paths, Save As 'Optimized SVG'), or delete the @import or <link>"


def check_figure_loads(course: Course, sources, report: Report) -> None:
    if not sources.figures:
        return
    opened: dict[str, tuple] = {}  # figure -> (page, link) of the first page that opens it as a document
    info = course.info
    lang = info.language if info.language != info.original else ""
    for page in course.pages():
        for link in sources.links.get(page.src, ()):
            target = _in_language(_target(page.src, link.target), lang, sources.docs_dir)
            if target in sources.figures and not link.is_image:
                opened.setdefault(target, (page, link))
    for figure, (span, loads) in sorted(sources.figures.items()):
        served = translated_asset(figure, info.languages[1:], lambda src: (sources.docs_dir / src).is_file())
        if served and served[1] != lang:
            continue  # fig.de.svg: only the German site serves it, and its check judges its use
        if figure in opened:
            page, link = opened[figure]
            where = f"{page.span.path}:{link.line}"
            for load in loads:
                report.error(
                    span.at(load.line, load.col),
                    "privacy.remote-resource",
                    f"{load.label} loads '{load.url}' from another site, and {where} opens this figure as a page, which makes that request",
                    _HINT,
                )
        else:
            for load in loads:
                report.warning(
                    span.at(load.line, load.col),
                    "privacy.figure-remote",
                    f"{load.label} names '{load.url}' on another site; pages show this figure only as a picture, "
                    "which loads nothing (the text falls back to a local font), but a learner who opens it on its own makes that request",
                    _HINT,
                )


def _in_language(target: str, lang: str, docs: Path) -> str:
    """The file a site in lang serves for TARGET: its translation (fig.de.svg) if there is one."""
    if not lang or not target:
        return target
    found = translation_path(PurePosixPath(target), lang).as_posix()
    return found if (docs / found).is_file() else target


def _target(page_src: str, target: str) -> str:
    """The docs-relative path a link of PAGE_SRC points at ('' for a remote or empty one)."""
    parts = urlsplit(url_of(target))
    if parts.scheme or parts.netloc:
        return ""
    path = unquote(parts.path)
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path)) if path else ""
