"""A session plan as a Markdown page: the facilitator site and the facilitator PDF both render it.

The page sits in its module's folder (SESSION_PAGE), so links to the module's pages are relative
to it; quizzes link to the page that embeds them. Its headings and labels are in the course's
language (course.info.language); the plan's own text (sessions/*.yml, never translated) is in the
original's, and says so in a translated site or book (md_in_html reads Markdown inside the divs).
"""

from __future__ import annotations

import posixpath

from ..model import Course, SessionPlan
from .strings import lang_attrs, t

SESSION_PAGE = "session-plan.md"


def session_src(course: Course, plan: SessionPlan) -> str:
    return f"{course.module(plan.module).folder}/{SESSION_PAGE}"


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


class _Own:
    """The plan's own text as it stands in the page: marked with the original's language when the
    page is in another (inline: a span; blocks: a div holding Markdown)."""

    def __init__(self, course: Course) -> None:
        info = course.info
        original = info.original or info.language
        self.attrs = lang_attrs(original, info.language) if original != info.language else ""

    def inline(self, text: str) -> str:
        return f"<span{self.attrs}>{text}</span>" if self.attrs and text else text

    def block(self, lines: list[str]) -> list[str]:
        return [f'<div{self.attrs} markdown="1">', "", *lines, "", "</div>", ""] if self.attrs and lines else lines


def session_markdown(course: Course, plan: SessionPlan) -> str:
    module = course.module(plan.module)
    here = posixpath.dirname(session_src(course, plan))
    length = plan.minutes or module.minutes
    lang, own = course.info.language, _Own(course)
    out = [f"# {t('session_title', lang, title=own.inline(plan.title))}", ""]
    out += [f"| {t('session_facts', lang)} | |", "|---|---|",
            f"| {t('session_module', lang)} | [{module.title}]({_rel(module.pages[0].src, here)}) |",
            f"| {t('session_length', lang)} | {t('minutes', lang, n=length)} |",
            f"| {t('session_module_time', lang)} | {t('minutes', lang, n=module.minutes)} |"]
    if plan.format:
        out.append(f"| {t('session_format', lang)} | {own.inline(plan.format)} |")
    out.append("")
    if plan.materials:
        out += [f"## {t('session_materials', lang)}", "", *own.block([f"- {m}" for m in plan.materials]), ""]
    if plan.preparation:
        out += [f"## {t('session_preparation', lang)}", "", *own.block([plan.preparation.strip()]), ""]
    out += [f"## {t('session_timetable', lang)}", "",
            f"| {t('session_time', lang)} | {t('session_activity', lang)} | {t('session_grouping', lang)} |", "|---|---|---|"]
    start = 0
    for activity in plan.activities:
        out.append(f"| {clock(start)}–{clock(start + activity.minutes)} | {own.inline(activity.title)} ({t('minutes', lang, n=activity.minutes)}) | {own.inline(activity.grouping or '')} |")
        start += activity.minutes
    out.append("")
    start = 0
    for activity in plan.activities:
        out += _activity(course, activity, start, here, own)
        start += activity.minutes
    if plan.follow_up:
        out += [f"## {t('session_follow_up', lang)}", "", *own.block([plan.follow_up.strip()]), ""]
    return "\n".join(out)


def _activity(course: Course, activity, start: int, here: str, own: _Own) -> list[str]:
    lang = course.info.language
    heading = f"## {clock(start)}–{clock(start + activity.minutes)} {own.inline(activity.title)}"
    minutes = t("minutes", lang, n=activity.minutes)
    out = [heading, "", f"*{minutes}" + (f" · {own.inline(activity.grouping)}*" if activity.grouping else "*"), ""]
    out += own.block([activity.steps.strip(), ""])
    if activity.uses:
        links = [_use_link(course, ref, here) for ref in activity.uses]
        out += [f"**{t('session_uses', lang)}:** " + "; ".join(links), ""]
    if activity.questions:
        questions = [f"{i}. {q.strip()}" for i, q in enumerate(activity.questions, 1)]
        out += [f"**{t('session_questions', lang)}**", "", *own.block(questions), ""]
    if activity.answers:
        out += [f"**{t('session_answers', lang)}**", "", *own.block([activity.answers.strip()]), ""]
    return out


def _use_link(course: Course, ref: str, here: str) -> str:
    path, _, anchor = ref.partition("#")
    if path.endswith(".md"):
        page = course.page(path)
        return f"[{page.title if page else path}]({_rel(path, here)}{'#' + anchor if anchor else ''})"
    quiz_id, _, question_id = ref.partition("/")
    quiz = course.quizzes[quiz_id]
    page = next((p for p in course.pages() for e in p.embeds if e.quiz_id == quiz_id), None)
    number = next((i for i, q in enumerate(quiz.questions, 1) if q.id == question_id), None)
    label = quiz.title + (f", {t('question', course.info.language).lower()} {number}" if number else "")
    return f"[{label}]({_rel(page.src, here)})" if page else label


def _rel(src: str, here: str) -> str:
    return posixpath.relpath(src, here or ".")
