"""What would break an LMS package (`course export scorm12|scorm2004`), checked before it is built:
by `course check` when mkdocs.yml's course plugin says `lms: scorm12` (or scorm2004), and always
by `course export scorm12|scorm2004` for the package it writes.

- lms.no-pass-mark: an assessment without its own `pass_mark`: the LMS's mastery score and the
  learner's pass would rest on the default 70 %, which the author never chose.
- lms.state-too-large: SCORM 1.2 keeps 4,096 characters of suspend_data. The record of a learner
  who finished the course, with every reflection a short paragraph, is estimated with the shell's
  own encoding (builder/exporters/scorm/record.py); past the limit, reflections would stay in the
  learner's browser only.
"""

from __future__ import annotations

from ..diagnostics import Report, SourceSpan
from ..model import Course

STANDARDS = ("scorm12", "scorm2004")

SCORM12_LIMIT = 4096
PARAGRAPH = 300  # characters: a short reflection, for the estimate
# Deflated English prose in base 85 takes about 0.6 characters per character of text (measured on
# tests/fixtures/scorm/reflections.yml: 4,378 characters of journal in 2,560 of suspend_data).
PROSE = 0.6


def check_lms_packages(course: Course, sources, report: Report) -> None:
    """The cross-file check (crossrefs.CHECKS): runs when mkdocs.yml names the package."""
    if sources.lms and sources.lms not in STANDARDS:
        report.error(SourceSpan("mkdocs.yml"), "config.invalid",
                     f"lms: expected one of: {', '.join(STANDARDS)}, but received: {sources.lms}")
    elif sources.lms:
        check_package(course, sources.lms, report)


def check_package(course: Course, fmt: str, report: Report) -> None:
    for quiz in course.quizzes.values():
        if quiz.kind == "assessment" and "pass_mark" not in quiz.lines:
            report.warning(quiz.span_of("kind"), "lms.no-pass-mark",
                           f"assessment '{quiz.id}' has no pass_mark: an LMS would record passes at the default 70%",
                           "add `pass_mark:` (a percentage) so the LMS's mastery score is one you chose")
    if fmt == "scorm12":
        _check_state(course, report)


def _check_state(course: Course, report: Report) -> None:
    from ..exporters.scorm.record import finished, suspend_length

    prompts = [(quiz, q) for quiz in course.quizzes.values() for q in quiz.questions if q.type == "reflection"]
    if not course.modules:
        return
    structure = suspend_length(course, finished(course, {f"{z.id}/{q.id}": "" for z, q in prompts}))
    estimate = structure + round(len(prompts) * PARAGRAPH * PROSE)
    if estimate <= SCORM12_LIMIT:
        return
    largest = max(course.quizzes.values(), key=lambda z: len(z.questions), default=None)
    span = largest.span if largest else course.modules[0].span
    report.warning(span, "lms.state-too-large",
                   f"a learner who finishes this course needs about {estimate} characters of SCORM 1.2's {SCORM12_LIMIT} "
                   f"for their record ({len(prompts)} reflections of a short paragraph each): the longest reflections "
                   "would stay in their browser only",
                   "export scorm2004 (64,000 characters), or use fewer reflection prompts or questions")
