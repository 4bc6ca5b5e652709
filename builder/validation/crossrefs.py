"""Checks across files, run in an explicit order once every file is loaded."""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..diagnostics import Report, did_you_mean
from ..loading.markdown_source import RawLink
from ..model import Course, Page
from ..html_scan import scheme_of, url_of
from ..privacy import is_remote
from . import item_quality
from .figures import check_figure_loads
from .packaging import check_lms_packages



@dataclass
class Sources:
    """What the cross-file checks need beyond the model: the docs folder and each page's links."""

    docs_dir: Path
    links: dict[str, list[RawLink]]  # page src -> its links
    broken_quizzes: frozenset[str] = frozenset()  # quizzes and "quiz/question"s left out after an error
    unread_pages: bool = False  # a page could not be read: its embeds are unknown
    lms: str = ""  # the LMS package the course is meant for (mkdocs.yml's `lms:`), if any
    figures: dict = field(default_factory=dict)  # SVG (docs-relative) -> (span, its remote loads)


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
            if prerequisite == module.id:
                report.error(
                    module.span_of("prerequisites"),
                    "module.circular-prerequisite",
                    f"module '{module.id}' lists itself as a prerequisite",
                    "remove it: a module cannot require itself",
                )
            elif prerequisite not in ids:
                report.error(
                    module.span_of("prerequisites"),
                    "module.unknown-prerequisite",
                    f"module '{module.id}' lists unknown prerequisite '{prerequisite}'",
                    did_you_mean(prerequisite, ids) or f"known modules: {', '.join(ids)}",
                )


def check_prerequisite_cycles(course: Course, sources: Sources, report: Report) -> None:
    """Modules that require each other, directly or through others: no one could start either."""
    requires = {m.id: [p for p in m.prerequisites if p != m.id] for m in course.modules}
    reported: set[frozenset] = set()
    for module in course.modules:
        cycle = _cycle_from(module.id, requires)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            report.error(
                module.span_of("prerequisites"),
                "module.circular-prerequisite",
                f"modules require each other in a circle: {' -> '.join(cycle + [cycle[0]])}",
                "remove one of these prerequisites",
            )


def _cycle_from(start: str, requires: dict[str, list[str]]) -> list[str] | None:
    """The cycle of prerequisites through START, if there is one (depth first)."""
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return path[path.index(node):] if node == start else None
        path.append(node)
        for nxt in requires.get(node, ()):
            found = visit(nxt)
            if found:
                return found
        path.pop()
        return None

    return visit(start)


def check_requirements(course: Course, sources: Sources, report: Report) -> None:
    """A module's `requires:` names its own quizzes, or questions of them, that completion waits for."""
    for module in course.modules:
        own = [q.id for q in course.quizzes_of(module.id)]
        for required in module.requires:
            quiz_id, _, question_id = required.partition("/")
            quiz = course.quizzes.get(quiz_id) if quiz_id in own else None
            if quiz is None:
                problem, hint = f"requires '{quiz_id}', which is not a quiz of this module", did_you_mean(quiz_id, own)
            elif question_id and quiz.question(question_id) is None:
                ids = [q.id for q in quiz.questions]
                problem, hint = f"requires question '{question_id}', which quiz '{quiz_id}' does not have", did_you_mean(question_id, ids)
            else:
                continue
            report.error(module.span_of("requires"), "module.unknown-requirement", f"module '{module.id}' {problem}",
                         hint or f"write a quiz id of this module ({', '.join(own) or 'it has none'}), or quiz-id/question-id")


def check_embeds(course: Course, sources: Sources, report: Report) -> None:
    for page in all_pages(course):
        _check_repeated_embeds(page, report)
        for embed in page.embeds:
            quiz = course.quizzes.get(embed.quiz_id)
            if {embed.quiz_id, f"{embed.quiz_id}/{embed.question_id}"} & sources.broken_quizzes:
                continue  # its own file's error is reported: no second, misleading one here
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


def _check_repeated_embeds(page: Page, report: Report) -> None:
    """A quiz (or a question) shown twice on one page: element ids would repeat, answers mix."""
    seen: dict[tuple, object] = {}
    for embed in page.embeds:
        earlier = seen.get((embed.quiz_id, embed.question_id)) or seen.get((embed.quiz_id, None))
        if earlier is None and embed.question_id is None:
            earlier = next((s for (q, x), s in seen.items() if q == embed.quiz_id), None)
        if earlier is not None:
            report.error(
                embed.span,
                "embed.repeated",
                f"'{embed.quiz_id}{'/' + embed.question_id if embed.question_id else ''}' repeats what line {earlier.line} already shows on this page",
                "show each quiz and question once per page",
            )
        seen.setdefault((embed.quiz_id, embed.question_id), embed.span)


def check_assessment_page_names(course: Course, sources: Sources, report: Report) -> None:
    """An assessment no page embeds gets a page named after it: a trainer's page of that name would be replaced."""
    embedded = {e.quiz_id for p in all_pages(course) for e in p.embeds}
    pages = {p.src for p in all_pages(course)}
    for module in course.modules:
        for quiz in course.quizzes_of(module.id):
            src = f"{module.folder}/{quiz.id}.md"
            if quiz.kind == "assessment" and quiz.id not in embedded and src in pages:
                report.error(
                    quiz.span_of("id"),
                    "page.reserved-name",
                    f"assessment '{quiz.id}' gets a page of its own, {src}, but a page of that name exists",
                    "embed the assessment in that page with a ```quiz fence, or rename the page",
                )


def check_orphans(course: Course, sources: Sources, report: Report) -> None:
    if sources.unread_pages:
        return  # the unread page may embed it
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
            if link.html:
                continue  # raw HTML: only its figure references are collected (validation/figures.py)
            span = page.span.at(link.line, link.col)
            if link.is_image and not link.alt.strip():
                report.warning(
                    span,
                    "image.no-alt",
                    f"image '{link.target}' has no alt text",
                    "describe what the image shows: ![a timeline of …](…); screen readers read it aloud",
                )
            unsafe = unsafe_target(link.target, link.is_image)
            if unsafe:
                report.error(span, *unsafe)
                continue
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
                bad = review_problem(question.review)
                if bad:
                    report.error(question.span_of("review"), *bad)
                    continue
                problem = resolve("", question.review, pages, sources.docs_dir)
                if problem:
                    report.error(question.span_of("review"), problem[0], f"review: {problem[1]}", problem[2])


def unsafe_target(target: str, is_image: bool):
    """(code, message, hint) for a link or image target that runs script or leaves the course's files."""
    scheme = scheme_of(target)
    if scheme in ("javascript", "vbscript"):
        return ("link.script", f"link '{_short(unquote(target))}' runs script when it is followed", "link to a page or file of the course, or to a web address")
    if scheme == "data" and not (is_image and url_of(target)[5:].lower().startswith("image/")):
        return ("link.data-url", f"link '{_short(unquote(target))}' holds a data: URL", "save the content as a file inside the course and link to it")
    if scheme == "file" or len(scheme) == 1 or _is_file_system_path(target):  # C: is a drive
        return (
            "link.absolute-path",
            f"'{_short(unquote(target))}' is a path on one computer, not in the course",
            "copy the file inside the course and write its path relative to the page",
        )
    return None


def _is_file_system_path(target: str) -> bool:
    """/etc/x, C:\\x or C:/x, \\\\server\\x: absolute paths that no copy of the site can follow."""
    stripped = unquote(target).strip()
    return (stripped.startswith("/") and not stripped.startswith("//")) or stripped.startswith("\\\\") or (
        len(stripped) > 2 and stripped[0].isalpha() and stripped[1] == ":" and stripped[2] in "/\\"
    )


def review_problem(target: str):
    """(code, message, hint) unless TARGET is a relative path to a page, with an optional anchor."""
    path = urlsplit(target).path if not scheme_of(target) else ""
    if scheme_of(target) or is_remote(target) or _is_file_system_path(target) or not path.endswith(".md"):
        return (
            "question.bad-review",
            f"review must be the path of a page of the course, not '{_short(target)}'",
            "write it relative to modules/, for example 03-trauma/02-regulation.md#window-of-tolerance",
        )
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
            return ("link.broken", f"link to missing page '{target}'", _page_named(resolved, base, pages) or _nearest_page(resolved, base, pages))
        return _anchor_problem(page, anchor, target) if page else None
    if not _on_disk(docs_dir / resolved):
        return ("link.broken", f"link to missing file '{target}'", _page_named(resolved, base, pages))
    return None


def _page_named(resolved: str, base: str, pages) -> str | None:
    """A page anywhere in the course that a link written without `.md` (the Workbench's `02-practice`)
    or to another module's page by its bare name most likely means."""
    name = posixpath.basename(resolved.rstrip("/")).removesuffix(".md")
    if not name:
        return None
    bare = re.sub(r"^\d+[-_ ]", "", name)
    def names(page: str) -> set[str]:  # a page's file name, and a module overview's folder name
        stem = posixpath.basename(page).removesuffix(".md")
        if stem == "index":
            stem = posixpath.basename(posixpath.dirname(page))
        return {stem, re.sub(r"^\d+[-_ ]", "", stem)}

    found = [p for p in pages if {name, bare} & names(p)]
    if not found:
        return None
    best = min(found, key=lambda p: (posixpath.dirname(p) != base, p))  # this module's page first
    return f"did you mean '{posixpath.relpath(best, base or '.')}'? (link to the page's .md file)"


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
    check_prerequisite_cycles,
    check_requirements,
    check_embeds,
    check_assessment_page_names,
    check_orphans,
    check_links,
    check_reviews,
    check_lms_packages,
    check_figure_loads,
    item_quality.check_item_writing,  # last: style advice once everything above is sound
)
