"""Module folders and pages: front matter -> typed Module and Page objects."""

from __future__ import annotations

import math
import re

from ..diagnostics import Report, SourceSpan, did_you_mean
from ..loading.markdown_source import RawPage
from ..model import LEVELS, Module, Page, QuizEmbed
from .blocks import page_notes
from .fields import Field, FieldChecker

_PREFIX = re.compile(r"^(\d+)[-_ ]")

# Keys MkDocs and mkdocs-material read from front matter; allowed everywhere.
THEME_FIELDS = {
    "hide": Field("list"),
    "icon": Field("text"),
    "status": Field("text"),
    "search": Field("map"),
    "template": Field("text"),
    "description": Field("text"),
    "tags": Field("list"),
}
# A page's own time: `minutes` in all, or the Carpentries Workbench's `teaching` (reading) and
# `exercises` (activity) minutes, which lessons brought from there already carry.
PAGE_OWN_FIELDS = {
    "title": Field("text"),
    "order": Field("number"),
    "summary": Field("text"),
    "minutes": Field("number"),
    "teaching": Field("number"),
    "exercises": Field("number"),
    "objectives": Field("list"),  # on the home page: the course's own, shown under the module cards
}
# what `course translate` records in a translation (builder/translations.py); a build in that
# language reads the translation in place of its original
TRANSLATION_FIELDS = {"translated_from": Field("text")}
PAGE_FIELDS = {**PAGE_OWN_FIELDS, **THEME_FIELDS, **TRANSLATION_FIELDS}
MODULE_FIELDS = {
    "title": Field("text", True),
    "summary": Field("text", True),
    "objectives": Field("list", True),
    "minutes": Field("int", True),
    "level": Field("text", True),
    "prerequisites": Field("list"),
    "references": Field("list"),
    "requires": Field("list"),
    **THEME_FIELDS,
    **TRANSLATION_FIELDS,
}


def module_id(folder: str) -> str:
    """A module's id is its folder name without the ordering number: reordering keeps ids."""
    return _PREFIX.sub("", folder) or folder


def build_page(src: str, raw: RawPage, span: SourceSpan, report: Report, fields: dict | None = None) -> Page:
    if fields is None:
        checker = FieldChecker(raw.front_index, report, "page", lenient=PAGE_OWN_FIELDS)
        fields = checker.mapping(raw.front, (), PAGE_FIELDS, "page front matter") or {}
    name = src.rsplit("/", 1)[-1]
    prefix = _PREFIX.match(name)
    order = fields.get("order", int(prefix.group(1)) if prefix else math.inf)
    title = fields.get("title") or raw.title or _title_from_name(name)
    embeds = tuple(_embed(fence, span, report) for fence in raw.fences)
    return Page(
        src=src,
        title=title,
        order=float(order),
        words=raw.words,
        anchors=frozenset(raw.anchors),
        embeds=tuple(e for e in embeds if e),
        span=span.at(1),
        tasks=raw.tasks,
        minutes=_page_minutes(fields),
        notes=page_notes(raw, span, report),
    )


def _page_minutes(fields: dict) -> tuple[float, float] | None:
    """(reading, activity) minutes the page declares, or None: `minutes`, or `teaching` + `exercises`."""
    if "minutes" in fields:
        return float(fields["minutes"]), 0.0
    if "teaching" in fields or "exercises" in fields:
        return float(fields.get("teaching", 0)), float(fields.get("exercises", 0))
    return None


def _embed(fence, span: SourceSpan, report: Report) -> QuizEmbed | None:
    lines = [line.strip() for line in fence.content.splitlines() if line.strip()]
    where = span.at(fence.line)
    if len(lines) != 1 or re.search(r"[\s,;]", lines[0]):  # two ids on one line, too
        report.error(
            where,
            "embed.bad-fence",
            "a quiz fence must hold exactly one quiz id (or quiz-id/question-id)",
            "write one fence per quiz",
        )
        return None
    quiz_id, _, question_id = lines[0].partition("/")
    return QuizEmbed(quiz_id.strip(), question_id.strip() or None, where)


def build_module(folder: str, index: Page, raw_index: RawPage, pages: list[Page], report: Report) -> Module:
    """The module; after an error in its front matter, still a module (with stand-in values), so
    its pages are checked and quizzes that name it find it: one bad key never hides the rest."""
    check = FieldChecker(raw_index.front_index, report, "module")
    span = index.span
    if not raw_index.front:
        report.error(
            span,
            "module.no-front-matter",
            "the module overview has no front matter",
            "start the file with '---', the module's title, summary, objectives, minutes and level, then '---'",
        )
        fields: dict = {}
    else:
        fields = check.mapping(raw_index.front, (), MODULE_FIELDS, "module front matter") or {}
    level = fields.get("level")
    if level is not None and level not in LEVELS:
        report.error(
            check.index.at(("level",)),
            "module.bad-value",
            f"'level' must be one of: {', '.join(LEVELS)}; not '{level}'",
            did_you_mean(level, LEVELS),
        )
    minutes = fields.get("minutes")
    if minutes is not None and minutes <= 0:
        report.error(check.index.at(("minutes",)), "module.bad-value", f"'minutes' must be positive, not {minutes}")
    objectives = check.texts(fields.get("objectives", []), ("objectives",), "objectives")
    if "objectives" in fields and not objectives:
        report.error(check.index.at(("objectives",)), "module.no-objectives", "the module lists no objectives")
    ordered = sorted(pages, key=lambda p: (p.order, p.src))
    return Module(
        id=module_id(folder),
        folder=folder,
        title=fields.get("title") or index.title,
        summary=fields.get("summary", ""),
        minutes=fields.get("minutes", 0),
        level=fields.get("level", LEVELS[0]),
        objectives=objectives,
        prerequisites=check.texts(fields.get("prerequisites", []), ("prerequisites",), "prerequisites"),
        references=check.texts(fields.get("references", []), ("references",), "references"),
        requires=check.texts(fields.get("requires", []), ("requires",), "requires"),
        pages=(index, *ordered),
        span=span,
        lines={k: check.index.at((k,)).line for k in fields},
    )


def _title_from_name(name: str) -> str:
    stem = _PREFIX.sub("", name.rsplit(".", 1)[0])
    return stem.replace("-", " ").replace("_", " ").capitalize() or name
