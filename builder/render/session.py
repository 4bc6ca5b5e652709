"""A session plan as a Markdown page: the facilitator site and the facilitator PDF both render it.

The page sits in its module's folder (SESSION_PAGE), so links to the module's pages are relative
to it; quizzes link to the page that embeds them.
"""

from __future__ import annotations

import posixpath

from ..model import Course, SessionPlan
from .strings import t

SESSION_PAGE = "session-plan.md"


def session_src(course: Course, plan: SessionPlan) -> str:
    return f"{course.module(plan.module).folder}/{SESSION_PAGE}"


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def session_markdown(course: Course, plan: SessionPlan) -> str:
    module = course.module(plan.module)
    here = posixpath.dirname(session_src(course, plan))
    length = plan.minutes or module.minutes
    out = [f"# {t('session_title', title=plan.title)}", ""]
    out += [f"| {t('session_facts')} | |", "|---|---|", f"| {t('session_module')} | [{module.title}]({_rel(module.pages[0].src, here)}) |",
            f"| {t('session_length')} | {t('minutes', n=length)} |", f"| {t('session_module_time')} | {t('minutes', n=module.minutes)} |"]
    if plan.format:
        out.append(f"| {t('session_format')} | {plan.format} |")
    out.append("")
    if plan.materials:
        out += [f"## {t('session_materials')}", "", *[f"- {m}" for m in plan.materials], ""]
    if plan.preparation:
        out += [f"## {t('session_preparation')}", "", plan.preparation.strip(), ""]
    out += [f"## {t('session_timetable')}", "", f"| {t('session_time')} | {t('session_activity')} | {t('session_grouping')} |", "|---|---|---|"]
    start = 0
    for activity in plan.activities:
        out.append(f"| {clock(start)}–{clock(start + activity.minutes)} | {activity.title} ({t('minutes', n=activity.minutes)}) | {activity.grouping or ''} |")
        start += activity.minutes
    out.append("")
    start = 0
    for activity in plan.activities:
        out += _activity(course, activity, start, here)
        start += activity.minutes
    if plan.follow_up:
        out += [f"## {t('session_follow_up')}", "", plan.follow_up.strip(), ""]
    return "\n".join(out)


def _activity(course: Course, activity, start: int, here: str) -> list[str]:
    heading = f"## {clock(start)}–{clock(start + activity.minutes)} {activity.title}"
    out = [heading, "", f"*{t('minutes', n=activity.minutes)}" + (f" · {activity.grouping}*" if activity.grouping else "*"), ""]
    out += [activity.steps.strip(), ""]
    if activity.uses:
        links = [_use_link(course, ref, here) for ref in activity.uses]
        out += [f"**{t('session_uses')}:** " + "; ".join(links), ""]
    if activity.questions:
        out += [f"**{t('session_questions')}**", "", *[f"{i}. {q.strip()}" for i, q in enumerate(activity.questions, 1)], ""]
    if activity.answers:
        out += [f"**{t('session_answers')}**", "", activity.answers.strip(), ""]
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
    label = quiz.title + (f", {t('question').lower()} {number}" if number else "")
    return f"[{label}]({_rel(page.src, here)})" if page else label


def _rel(src: str, here: str) -> str:
    return posixpath.relpath(src, here or ".")
