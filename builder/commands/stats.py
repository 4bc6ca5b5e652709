"""`course stats`: per module, pages, words, reading and activity time against the declared minutes."""

from __future__ import annotations

from collections import Counter

from ..model import QUESTION_TYPES, Course, Module
from ..validation.item_quality import bias
from .common import add_root, checked_course, print_report

WORDS_PER_MINUTE = 200  # careful reading of professional text
MINUTES_PER_TASK = 5  # a `!!! try` classroom task
MINUTES_PER_REFLECTION = 5
MINUTES_PER_CHECK_QUESTION = 1
MINUTES_PER_ASSESSMENT_QUESTION = 1.5
TOLERANCE = 0.25  # the estimate should be within ±25% of the declared time


def add_parser(sub) -> None:
    parser = sub.add_parser("stats", help="pages, words, reading time and questions per module", description=__doc__)
    add_root(parser)
    parser.set_defaults(run=run, strict=False)


def page_minutes(page) -> tuple[float, float]:
    """(reading, activity) minutes of a page: what it declares, or the estimate from its words and tasks."""
    if page.minutes is not None:
        return page.minutes
    return page.words / WORDS_PER_MINUTE, page.tasks * MINUTES_PER_TASK


def module_stats(course: Course, module: Module) -> dict:
    words = sum(p.words for p in module.pages)
    tasks = sum(p.tasks for p in module.pages)
    types: Counter = Counter()
    times = [page_minutes(p) for p in module.pages]
    reading = sum(r for r, _ in times)
    activity = sum(a for _, a in times)
    for quiz in course.quizzes_of(module.id):
        drawn = quiz.pool or len(quiz.questions)
        scale = drawn / len(quiz.questions) if quiz.questions else 0
        for q in quiz.questions:
            types[q.type] += 1
            if q.type == "reflection":
                activity += MINUTES_PER_REFLECTION
            else:
                per = MINUTES_PER_ASSESSMENT_QUESTION if quiz.kind == "assessment" else MINUTES_PER_CHECK_QUESTION
                activity += per * scale
    estimate = reading + activity
    return {
        "module": module.id,
        "pages": len(module.pages),
        "words": words,
        "reading": reading,
        "tasks": tasks,
        "activity": activity,
        "estimate": estimate,
        "declared": module.minutes,
        "ratio": estimate / module.minutes if module.minutes else 0.0,
        "types": types,
        "declared_pages": sum(1 for p in module.pages if p.minutes is not None),
    }


def run(args) -> int:
    course, _, report = checked_course(args)
    if course is None:
        print_report(report)
        return 1
    rows = [module_stats(course, m) for m in course.modules]
    width = max([len("module"), len("total"), *(len(r["module"]) for r in rows)]) + 2  # long ids keep columns straight
    header = f"{'module':<{width}}{'pages':>6}{'words':>8}{'read':>7}{'tasks':>6}{'activ.':>7}{'est.':>7}{'decl.':>7}  {'fit':<5} questions"
    print(header)
    print("-" * len(header))
    for r in rows:
        fit = "ok" if abs(r["ratio"] - 1) <= TOLERANCE else ("long" if r["ratio"] > 1 else "short")
        types = ", ".join(f"{t} {r['types'][t]}" for t in QUESTION_TYPES if r["types"][t])
        print(
            f"{r['module']:<{width}}{r['pages']:>6}{r['words']:>8}{r['reading']:>7.0f}{r['tasks']:>6}"
            f"{r['activity']:>7.0f}{r['estimate']:>7.0f}{r['declared']:>7}  {fit:<5} {types or '-'}"
        )
    total = {k: sum(r[k] for r in rows) for k in ("pages", "words", "reading", "tasks", "activity", "estimate", "declared")}
    all_types: Counter = sum((r["types"] for r in rows), Counter())
    print("-" * len(header))
    print(
        f"{'total':<{width}}{total['pages']:>6}{total['words']:>8}{total['reading']:>7.0f}{total['tasks']:>6}"
        f"{total['activity']:>7.0f}{total['estimate']:>7.0f}{total['declared']:>7}  "
        f"{'':<5} {sum(all_types.values())} questions"
    )
    declared = sum(r["declared_pages"] for r in rows)
    if declared:
        print(f"{declared} page(s) declare their own minutes; the others are estimated.")
    print(f"CPD time declared: {total['declared'] / 60:.1f} hours; estimated: {total['estimate'] / 60:.1f} hours")
    print(f"(reading at {WORDS_PER_MINUTE} words a minute; {MINUTES_PER_TASK} min per task (`!!! try`, challenge, exercise, discussion) and reflection, "
          f"{MINUTES_PER_CHECK_QUESTION} per check question, {MINUTES_PER_ASSESSMENT_QUESTION} per assessment question)")
    print_bias(bias(course.quizzes.values()))
    return 0


def print_bias(b) -> None:
    """Answer cues a test-wise learner could use, across the scored single-choice items."""
    if not b.singles:
        return
    places = ", ".join(f"{p}: {b.positions[p]}" for p in sorted(b.positions))
    print(f"Scored single-choice items: {b.singles}; key is the longest option in {b.key_longest} "
          f"({b.key_longest / b.singles:.0%}); mean length key / longest distractor {b.mean_ratio:.2f}")
    print(f"Key position in the source (1 = first choice): {places}")
    if b.multiples:
        print(f"Scored multiple-choice items: {b.multiples}; mean length of right / wrong choices {b.multi_ratio:.2f}")
