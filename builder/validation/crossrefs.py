"""Checks across files, run in an explicit order once every file is loaded."""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..diagnostics import Report, did_you_mean
from ..loading.markdown_source import RawLink
from ..model import Course, Page
from ..privacy import is_remote
from . import item_quality
from .packaging import check_lms_packages



@dataclass
class Sources:
    """What the cross-file checks need beyond the model: the docs folder and each page's links."""

    docs_dir: Path
    links: dict[str, list[RawLink]]  # page src -> its links
    lms: str = ""  # the LMS package the course is meant for (mkdocs.yml's `lms:`), if any


def all_pages(course: Course) -> list[Page]:
    return [p for p in course.pages() if not p.generated]


def check_quiz_modules(course: Course, sources: Sources, report: Report) -> None:
    ids = [m.id for m in course.modules]
    for quiz in course.quizzes.values():
        if course.module(quiz.module) is None:
            report.error(
                quiz.span_of("module"),
                "quiz.unknown-module",
                f"quiz '{quiz.id}' belongs to unknown module '{quiz.module}'",
                did_you_mean(quiz.module, ids) or f"known modules: {', '.join(ids) or 'none'}",
            )


def check_prerequisites(course: Course, sources: Sources, report: Report) -> None:
    ids = [m.id for m in course.modules]
    for module in course.modules:
        for prerequisite in module.prerequisites:
            if prerequisite not in ids or prerequisite == module.id:
                report.error(
                    module.span_of("prerequisites"),
                    "module.unknown-prerequisite",
                    f"module '{module.id}' lists unknown prerequisite '{prerequisite}'",
                    did_you_mean(prerequisite, ids) or f"known modules: {', '.join(ids)}",
                )


def check_embeds(course: Course, sources: Sources, report: Report) -> None:
    for page in all_pages(course):
        for embed in page.embeds:
            quiz = course.quizzes.get(embed.quiz_id)
            if quiz is None:
                report.error(
                    embed.span,
                    "embed.unknown-quiz",
                    f"unknown quiz '{embed.quiz_id}'",
                    did_you_mean(embed.quiz_id, course.quizzes) or "quiz ids are the 'id:' of files in quizzes/",
                )
            elif embed.question_id and quiz.question(embed.question_id) is None:
                report.error(
                    embed.span,
                    "embed.unknown-question",
                    f"quiz '{quiz.id}' has no question '{embed.question_id}'",
                    did_you_mean(embed.question_id, [q.id for q in quiz.questions]),
                )


def check_orphans(course: Course, sources: Sources, report: Report) -> None:
    embedded = {e.quiz_id for p in all_pages(course) for e in p.embeds}
    for quiz in course.quizzes.values():
        if quiz.kind == "check" and quiz.id not in embedded:
            report.warning(
                quiz.span,
                "quiz.orphan",
                f"check '{quiz.id}' is not embedded in any page, so no learner will see it",
                f"add a ```quiz fence holding '{quiz.id}' to a page of module '{quiz.module}'",
            )


def check_links(course: Course, sources: Sources, report: Report) -> None:
    pages = {p.src: p for p in all_pages(course)}
    for page in pages.values():
        for link in sources.links.get(page.src, ()):
            span = page.span.at(link.line, link.col)
            if link.is_image and not link.alt.strip():
                report.warning(
                    span,
                    "image.no-alt",
                    f"image '{link.target}' has no alt text",
                    "describe what the image shows: ![a timeline of …](…); screen readers read it aloud",
                )
            if link.is_image and is_remote(link.target):
                report.error(
                    span,
                    "privacy.remote-resource",
                    f"image '{link.target}' is loaded from another site",
                    "save the image inside the course and link to it with a relative path",
                )
                continue
            problem = resolve(page.src, link.target, pages, sources.docs_dir)
            if problem:
                code = "image.missing" if link.is_image and problem[0] == "link.broken" else problem[0]
                report.error(span, code, problem[1], problem[2])


def check_reviews(course: Course, sources: Sources, report: Report) -> None:
    pages = {p.src: p for p in all_pages(course)}
    for quiz in course.quizzes.values():
        for question in quiz.questions:
            if question.review:
                # review links are written relative to modules/, as if from a page at its root
                problem = resolve("", question.review, pages, sources.docs_dir)
                if problem:
                    report.error(question.span_of("review"), problem[0], f"review: {problem[1]}", problem[2])


def resolve(page_src: str, target: str, pages: dict[str, Page], docs_dir: Path):
    """None when `target` (as written in page_src) resolves; else (code, message, hint)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return None  # external: allowed, opens when online
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        page = pages.get(page_src)
        return _anchor_problem(page, anchor, target) if page else None
    base = posixpath.dirname(page_src)
    resolved = posixpath.normpath(posixpath.join(base, path))
    if resolved.startswith("../") or resolved == "..":
        return ("link.broken", f"link '{target}' points outside the course's pages", None)
    if resolved.endswith(".md"):
        page = pages.get(resolved)
        if page is None and not _on_disk(docs_dir / resolved, file=True):
            return ("link.broken", f"link to missing page '{target}'", _nearest_page(resolved, base, pages))
        return _anchor_problem(page, anchor, target) if page else None
    if not _on_disk(docs_dir / resolved):
        return ("link.broken", f"link to missing file '{target}'", None)
    return None


def _on_disk(path: Path, file: bool = False) -> bool:
    """Whether PATH is there; a name too long for the file system (or with a NUL) is not."""
    try:
        return path.is_file() if file else path.exists()
    except (OSError, ValueError):
        return False


def _nearest_page(resolved: str, base: str, pages) -> str | None:
    folder = posixpath.dirname(resolved)
    nearby = [p for p in pages if posixpath.dirname(p) == folder] or list(pages)
    close = difflib.get_close_matches(resolved, nearby, n=1, cutoff=0.8)
    return f"did you mean '{posixpath.relpath(close[0], base or '.')}'?" if close else None


def _anchor_problem(page: Page, anchor: str, target: str):
    if not anchor or anchor in page.anchors:
        return None
    return (
        "link.unknown-anchor",
        f"link '{target}': page '{page.src}' has no heading with anchor '#{anchor}'",
        did_you_mean(anchor, page.anchors) or "anchors are headings in lower case with spaces as hyphens",
    )


# The order in which cross-file checks run; each adds diagnostics and never stops the others.
CHECKS = (
    check_quiz_modules,
    check_prerequisites,
    check_embeds,
    check_orphans,
    check_links,
    check_reviews,
    check_lms_packages,
    item_quality.check_item_writing,  # last: style advice once everything above is sound
)
