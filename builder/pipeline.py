"""load_course(): the one sequencer from source files to a validated Course model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .diagnostics import Report, SourceSpan
from .loading import shared_links
from .loading.files import read_text
from .loading.markdown_source import parse_page
from .loading.tree import bad_links, files_under
from .loading.yaml_source import parse_yaml
from .privacy import remote_loads
from .model import Course, CourseInfo, Module, Page, Quiz, QuizEmbed, SessionPlan
from .settings import Settings
from .validation import crossrefs
from .validation.modules import build_module, build_page
from .validation.placeholders import report_placeholders
from .validation.quizzes import build_quiz
from .validation.sessions import build_session, check_sessions

QUIZ_SUFFIXES = (".yml", ".yaml")


def load_course(settings: Settings, report: Report | None = None) -> tuple[Course | None, Report]:
    """Read, validate and cross-check the whole course. Course is None when there are errors."""
    report = report if report is not None else Report()
    if not settings.problems(report):
        return None, report  # sources outside the course are not read
    course, links = _build(settings, report)
    if not settings.docs_dir.is_dir():
        return None, report  # nothing to cross-check against
    sources = crossrefs.Sources(settings.docs_dir, links)
    for check in crossrefs.CHECKS:
        check(course, sources, report)
    plans = _load_sessions(settings, report)
    if plans:
        pages = {p.src: p for p in crossrefs.all_pages(course)}
        course = replace(course, sessions=check_sessions(course, plans, pages, report))
    return (with_assessment_pages(course) if report.ok else None), report


def with_assessment_pages(course: Course) -> Course:
    """Give each assessment that no page embeds a page of its own at the end of its module."""
    embedded = {e.quiz_id for p in course.pages() for e in p.embeds}
    modules = []
    for module in course.modules:
        extra = tuple(
            Page(
                src=f"{module.folder}/{quiz.id}.md",
                title=quiz.title,
                order=float("inf"),
                words=0,
                anchors=frozenset(),
                embeds=(QuizEmbed(quiz.id, None, quiz.span),),
                span=quiz.span,
                generated=True,
            )
            for quiz in course.quizzes_of(module.id)
            if quiz.kind == "assessment" and quiz.id not in embedded
        )
        modules.append(replace(module, pages=module.pages + extra) if extra else module)
    return replace(course, modules=tuple(modules))


def _check_links(settings: Settings, report: Report) -> set[Path]:
    """Report symbolic links that leave modules/ or quizzes/; returns them, never to be followed."""
    skip = set()
    for folder in (settings.docs_dir, settings.quizzes_dir, settings.sessions_dir):
        if folder is None or not folder.is_dir():
            continue
        for link in bad_links(folder):
            skip.add(link.path)
            where = settings.rel(folder) + "/"
            if link.broken:
                report.error(SourceSpan(settings.rel(link.path)), "file.symlink-broken",
                             f"symbolic link to '{link.target}' leads nowhere", "remove the link, or point it at a file in the course")
            else:
                report.error(SourceSpan(settings.rel(link.path)), "file.symlink-outside",
                             f"symbolic link to '{link.target}' leaves {where}: it is not followed, and nothing it points to is published",
                             f"copy what the course needs into {where}, then remove the link")
    return skip


def _build(settings: Settings, report: Report) -> tuple[Course, dict]:
    links: dict = {}
    home, modules, extras = None, [], []
    docs = settings.docs_dir
    skip = _check_links(settings, report)
    if not docs.is_dir():
        report.error(SourceSpan(settings.rel(docs)), "course.no-docs-dir", f"no folder '{settings.rel(docs)}' for the modules")
    else:
        home_path = docs / "index.md"
        home_raw = _read_page(settings, home_path, report, links) if home_path.is_file() and home_path not in skip else None
        home = home_raw[0] if home_raw else None
        for path in sorted(docs.iterdir()):
            if path in skip:
                continue
            if path.is_dir() and not path.name.startswith((".", "_")):
                module = _load_module(settings, path, report, links, skip)
                if module:
                    modules.append(module)
            elif path.suffix == ".md" and path.name != "index.md" and not shared_links.is_links_file(path):
                loaded = _read_page(settings, path, report, links)
                if loaded:
                    extras.append(loaded[0])
        if home is None and home_path not in skip:
            report.error(SourceSpan(settings.rel(docs / "index.md")), "course.no-home", "the course has no home page", f"create {settings.rel(docs / 'index.md')}")
    _check_duplicate_modules(modules, report)
    info = CourseInfo(settings.course_id, settings.title, settings.version, settings.language,
                      settings.organisation, settings.signatory)
    quizzes = _load_quizzes(settings, report, skip)
    report.files_checked += len(quizzes.files)
    course = Course(info, home, tuple(modules), quizzes.by_id, tuple(sorted(extras, key=lambda p: (p.order, p.src))))
    return course, links


def _read_page(settings: Settings, path: Path, report: Report, links: dict, module_index: bool = False):
    span = SourceSpan(settings.rel(path))
    report.files_checked += 1
    text = read_text(path, span, report)
    if text is None:
        return None
    links_text = shared_links.definitions_for(path, settings.docs_dir) if "][" in text else ""
    raw = parse_page(text, span, report, links_text)
    report_placeholders(text, span, report)
    for load in remote_loads(text):
        report.error(
            span.at(load.line, load.col),
            "privacy.remote-resource",
            f"<{load.what}> loads '{load.url}' from another site",
            "ship the file inside the course (next to the page) so copies make no third-party request",
        )
    src = path.relative_to(settings.docs_dir).as_posix()
    links[src] = raw.links
    fields = {"title": raw.front.get("title")} if module_index else None
    if fields is not None and not isinstance(fields["title"], str):
        fields = {}
    return build_page(src, raw, span, report, fields), raw


def _load_module(settings: Settings, folder: Path, report: Report, links: dict, skip: set[Path]) -> Module | None:
    pages_md = sorted(p for p in folder.glob("*.md") if p.name != "index.md" and p not in skip and not shared_links.is_links_file(p))
    index_path = folder / "index.md"
    if index_path in skip:
        return None  # reported as a link that leaves the course
    if not index_path.is_file():
        if pages_md:
            report.error(
                SourceSpan(settings.rel(folder)),
                "module.no-index",
                f"module folder '{folder.name}' has pages but no index.md overview",
                "add index.md with the module's front matter",
            )
        return None
    loaded = _read_page(settings, index_path, report, links, module_index=True)
    if not loaded:
        return None
    index, raw_index = loaded
    pages = [loaded[0] for loaded in (_read_page(settings, p, report, links) for p in pages_md) if loaded]
    return build_module(folder.name, index, raw_index, pages, report)


def _check_duplicate_modules(modules: list[Module], report: Report) -> None:
    seen: dict[str, Module] = {}
    for module in modules:
        if module.id in seen:
            report.error(
                module.span,
                "module.duplicate-id",
                f"module id '{module.id}' is used by folders '{seen[module.id].folder}' and '{module.folder}'",
                "a module's id is its folder name without the number: rename one folder",
            )
        else:
            seen[module.id] = module


class _Quizzes:
    def __init__(self) -> None:
        self.by_id: dict[str, Quiz] = {}
        self.files: list[Path] = []


def _yaml_files(folder: Path | None, settings: Settings, report: Report, result: _Quizzes, skip: set[Path],
                what: str = "quiz"):
    """(span, data, line index) of each YAML file under FOLDER that parses to something."""
    if folder is None or not folder.is_dir():
        return
    for path in files_under(folder, skip):
        if path.suffix not in QUIZ_SUFFIXES:
            continue
        result.files.append(path)
        span = SourceSpan(settings.rel(path))
        text = read_text(path, span, report)
        if text is None:
            continue
        data, index = parse_yaml(text, span, report)
        report_placeholders(text, span, report)
        if data is None:
            if not any(d.span.path == span.path for d in report.errors):
                code, name = ("quiz.empty-file", "quiz") if what == "quiz" else ("session.empty-file", "session plan")
                report.error(span.at(1), code, f"the {name} file is empty")
            continue
        yield span, data, index


def _load_quizzes(settings: Settings, report: Report, skip: set[Path]) -> _Quizzes:
    result = _Quizzes()
    for span, data, index in _yaml_files(settings.quizzes_dir, settings, report, result, skip):
        quiz = build_quiz(data, index, report)
        if quiz is None:
            continue
        if quiz.id in result.by_id:
            first = result.by_id[quiz.id]
            report.error(
                quiz.span_of("id"),
                "quiz.duplicate-id",
                f"quiz id '{quiz.id}' is already used by {first.span.path}:{first.span_of('id').line}",
                "progress is stored by quiz id: give each quiz its own",
            )
            continue
        result.by_id[quiz.id] = quiz
    return result


def _load_sessions(settings: Settings, report: Report) -> list[SessionPlan]:
    """Facilitators' session plans (sessions/*.yml), one per module, checked against the course."""
    loaded = _Quizzes()
    skip = {link.path for link in bad_links(settings.sessions_dir)} if settings.sessions_dir and settings.sessions_dir.is_dir() else set()
    files = _yaml_files(settings.sessions_dir, settings, report, loaded, skip, "session")  # links: reported by _check_links
    plans = [build_session(data, index, report) for _, data, index in files]
    report.files_checked += len(loaded.files)
    return [p for p in plans if p is not None]
