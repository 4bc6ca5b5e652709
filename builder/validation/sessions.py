"""Session plans (sessions/<module id>.yml): raw data -> a typed SessionPlan, and their checks.

A session plan is facilitator material: only the facilitator edition renders it.
"""

from __future__ import annotations

from ..diagnostics import Report, did_you_mean
from ..loading.yaml_source import LineIndex
from ..model import Activity, Course, SessionPlan
from .fields import Field, FieldChecker

PLAN_FIELDS = {
    "module": Field("text", True),
    "title": Field("text", True),
    "minutes": Field("int"),
    "format": Field("text"),
    "materials": Field("list"),
    "preparation": Field("text"),
    "activities": Field("list", True),
    "follow_up": Field("text"),
}
ACTIVITY_FIELDS = {
    "title": Field("text", True),
    "minutes": Field("int", True),
    "grouping": Field("text"),
    "uses": Field("list"),
    "steps": Field("text", True),
    "questions": Field("list"),
    "answers": Field("text"),
}


def build_session(data, index: LineIndex, report: Report) -> SessionPlan | None:
    """The plan, or None when it is too broken to use. minutes 0 means: the module's minutes."""
    check = FieldChecker(index, report, "session")
    fields = check.mapping(data, (), PLAN_FIELDS, "a session plan")
    if fields is None:
        return None
    activities = []
    for i, raw in enumerate(fields.get("activities", [])):
        entry = check.mapping(raw, ("activities", i), ACTIVITY_FIELDS, "an activity")
        if entry is None or not all(k in entry for k in ("title", "minutes", "steps")):
            continue
        if entry["minutes"] <= 0:
            report.error(index.at(("activities", i, "minutes")), "session.bad-value", f"an activity's 'minutes' must be positive, not {entry['minutes']}")
        activities.append(Activity(
            title=entry["title"],
            minutes=entry["minutes"],
            steps=entry["steps"],
            span=index.at(("activities", i)),
            grouping=entry.get("grouping"),
            uses=check.texts(entry.get("uses", []), ("activities", i, "uses"), "uses"),
            questions=check.texts(entry.get("questions", []), ("activities", i, "questions"), "questions"),
            answers=entry.get("answers"),
            lines={k: index.at(("activities", i, k)).line for k in entry},
        ))
    if fields.get("minutes", 1) <= 0:
        report.error(index.at(("minutes",)), "session.bad-value", f"'minutes' must be positive, not {fields['minutes']}")
    if not all(k in fields for k in ("module", "title", "activities")):
        return None
    return SessionPlan(
        module=fields["module"],
        title=fields["title"],
        minutes=fields.get("minutes", 0),
        activities=tuple(activities),
        span=index.at(()),
        format=fields.get("format"),
        materials=check.texts(fields.get("materials", []), ("materials",), "materials"),
        preparation=fields.get("preparation"),
        follow_up=fields.get("follow_up"),
        lines={k: index.at((k,)).line for k in fields},
    )


def check_sessions(course: Course, plans: list[SessionPlan], pages: dict, report: Report) -> dict[str, SessionPlan]:
    """Cross-checks against the course; returns the plans by module id."""
    by_module: dict[str, SessionPlan] = {}
    ids = [m.id for m in course.modules]
    for plan in plans:
        module = course.module(plan.module)
        if module is None:
            report.error(plan.span_of("module"), "session.unknown-module", f"session plan for unknown module '{plan.module}'",
                         did_you_mean(plan.module, ids) or f"known modules: {', '.join(ids) or 'none'}")
            continue
        if plan.module in by_module:
            first = by_module[plan.module].span
            report.error(plan.span_of("module"), "session.duplicate", f"module '{plan.module}' already has a session plan in {first.path}",
                         "keep one plan per module")
            continue
        limit = plan.minutes or module.minutes
        if plan.planned_minutes > limit:
            length = f"the session's {limit}" if plan.minutes else f"the {limit} of module '{module.id}'"
            report.error(plan.span_of("activities"), "session.over-time",
                         f"the activities take {plan.planned_minutes} minutes, more than {length}",
                         "shorten activities, or give the session its own 'minutes:' (a group session may run longer than the module's CPD time)")
        for activity in plan.activities:
            for ref in activity.uses:
                problem = _ref_problem(course, ref, pages)
                if problem:
                    report.error(activity.span_of("uses"), "session.unknown-ref", f"'uses: {ref}': {problem[0]}", problem[1])
        by_module[plan.module] = plan
    return by_module


def _ref_problem(course: Course, ref: str, pages: dict) -> tuple[str, str | None] | None:
    """None when REF names a page (module/page.md, optional #anchor) or a quiz (id or id/question)."""
    path, _, anchor = ref.partition("#")
    if path.endswith(".md"):
        page = pages.get(path)
        if page is None:
            return "no such page", did_you_mean(path, pages)
        if anchor and anchor not in page.anchors:
            return f"page '{path}' has no heading '#{anchor}'", did_you_mean(anchor, page.anchors)
        return None
    quiz_id, _, question_id = ref.partition("/")
    quiz = course.quizzes.get(quiz_id)
    if quiz is None:
        return "no such page or quiz", did_you_mean(quiz_id, course.quizzes) or "name a page as module-folder/page.md, or a quiz by its id"
    if question_id and quiz.question(question_id) is None:
        return f"quiz '{quiz_id}' has no question '{question_id}'", did_you_mean(question_id, [q.id for q in quiz.questions])
    return None
