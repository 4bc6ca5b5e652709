"""load_course(): the one sequencer from source files to a validated Course model."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .diagnostics import Report, Severity, SourceSpan
from .loading import shared_links
from .loading.files import read_text
from .loading.markdown_source import RawLink, RawPage, parse_page
from .loading.tree import bad_links, files_under
from .loading.yaml_source import parse_yaml
from .active_content import ACTIVE_SUFFIXES, active_content
from .privacy import figure_uses, remote_loads
from .model import GENERATED_AT_ROOT, LEVELS, Course, CourseInfo, Module, Page, Quiz, QuizEmbed, SessionPlan
from .settings import Settings
from .translations import (check as check_translations, in_language, is_translation, language_of, original_of,
                           site_languages, translated_asset, with_fallbacks)
from .validation import crossrefs
from .validation.modules import build_module, build_page, module_id
from .validation.placeholders import report_placeholders
from .validation.quizzes import build_quiz
from .validation.sessions import build_session, check_sessions

QUIZ_SUFFIXES = (".yml", ".yaml")


def load_course(settings: Settings, report: Report | None = None, graded: bool = True) -> tuple[Course | None, Report]:
    """Read, validate and cross-check the whole course. Course is None when there are errors.

    graded=False: no grading keys will be made from it (a translation's view read only for its
    errors), so the other languages' quizzes are not read for them (_with_versions)."""
    report = report if report is not None else Report()
    if not settings.problems(report):
        return None, report  # sources outside the course are not read
    course, links, broken, figures = _build(settings, report)
    if not settings.docs_dir.is_dir():
        return None, report  # nothing to cross-check against
    sources = crossrefs.Sources(settings.docs_dir, links, frozenset(broken), _unread_pages(settings.docs_dir, links), settings.lms, figures)
    for check in crossrefs.CHECKS:
        check(course, sources, report)
    plans = _load_sessions(settings, report)
    if plans:
        pages = {p.src: p for p in crossrefs.all_pages(course)}
        course = replace(course, sessions=check_sessions(course, plans, pages, report))
    if not settings.translation:  # a translated build follows the check of the originals
        check_translations(settings, report)
        for lang in course.info.languages[1:]:
            _check_language(settings, lang, report)
    if not report.ok:
        return None, report
    course = with_assessment_pages(_with_versions(course, settings) if graded else course)
    return (with_fallbacks(course) if settings.translation else course), report


def _with_versions(course: Course, settings: Settings) -> Course:
    """Each question with the same question in the course's other languages, so that an answer given
    in any language grades the same in every one (builder/grading.py, grading_key). A translation
    that differs in structure is an error of its own (builder/translations.py): it adds nothing."""
    here = settings.translation or settings.language
    versions: dict[tuple[str, str], list] = {}
    for lang in course.info.languages:
        if lang == here:
            continue
        other = replace(settings, translation="" if lang == settings.language else lang)
        for quiz in _load_quizzes(other, Report(), set()).by_id.values():
            for question in quiz.questions:
                versions.setdefault((quiz.id, question.id), []).append(question)
    if not versions:
        return course

    def with_others(quiz: Quiz) -> Quiz:
        return replace(quiz, questions=tuple(
            replace(q, versions=tuple(v for v in versions.get((quiz.id, q.id), ()) if v.type == q.type)) for q in quiz.questions))

    return replace(course, quizzes={quiz_id: with_others(quiz) for quiz_id, quiz in course.quizzes.items()})


def _check_language(settings: Settings, lang: str, report: Report) -> None:
    """What the build of the site in lang would say, where translations are read in place of their
    originals: the errors of that site that the originals' own check has not reported, in files
    with no error reported yet (a link to a heading a translation renamed, say), and the warnings
    about the translations themselves (a translated quiz whose right answers are the longest:
    builder/validation/item_quality.py). While a translation into lang has an error of its own,
    the site is not tried: that error comes first."""
    if any(language_of(Path(d.span.path)) == lang for d in report.errors):
        return
    _, translated = load_course(replace(settings, translation=lang), Report(), graded=False)
    reported = {d.span.path for d in report.errors}
    # what the originals' check has said, by file: a translation repeats its original's structure
    # (a quiz's key positions, say), and a warning about that is said once, at the original
    said = {(d.span.path, d.code, d.message) for d in report.diagnostics}
    for found in translated.diagnostics:
        if found.severity is Severity.WARNING and not _in_translation(settings, found.span.path, lang):
            continue  # about an original: its own check has said it
        if found.span.path in reported or (original_of(Path(found.span.path)).as_posix(), found.code, found.message) in said:
            continue
        hint = found.hint
        if found.code == "link.unknown-anchor":  # the heading was translated, and its anchor with it
            hint = f"the {lang} translation of that page must keep the original's anchor: write its heading as '## Translated heading {{#anchor}}'"
        report.diagnostics.append(replace(found, message=f"in the '{lang}' site: {found.message}", hint=hint))


def _in_translation(settings: Settings, path: str, lang: str) -> bool:
    """Whether the file at project-relative PATH is a translation into lang (page, quiz or figure)."""
    if language_of(Path(path)) == lang:
        return True
    found = translated_asset(path, (lang,), lambda original: (settings.root / original).is_file())
    return found is not None


def _unread_pages(docs: Path, links: dict) -> bool:
    """Whether a page could not be read (its embeds and links are unknown)."""
    pages = [*docs.glob("*.md"), *(p for p in docs.glob("*/*.md") if not p.parent.name.startswith((".", "_")))]
    return any(p.relative_to(docs).as_posix() not in links for p in pages)


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


def _build(settings: Settings, report: Report) -> tuple[Course, dict, set[str], dict]:
    links: dict = {}
    figures: dict = {}
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
            elif path.suffix == ".md" and path.name != "index.md" and not shared_links.is_links_file(path) and not is_translation(path):
                loaded = _read_page(settings, path, report, links)
                if loaded:
                    extras.append(loaded[0])
        figures = _check_figures(settings, report, skip)
        _check_reserved_names(settings, report)
        if home is None and home_path not in skip:
            report.error(SourceSpan(settings.rel(docs / "index.md")), "course.no-home", "the course has no home page", f"create {settings.rel(docs / 'index.md')}")
    _check_duplicate_modules(modules, report)
    info = CourseInfo(settings.course_id, settings.title, settings.version, settings.translation or settings.language,
                      settings.organisation, settings.signatory, settings.language, site_languages(settings))
    quizzes = _load_quizzes(settings, report, skip)
    report.files_checked += len(quizzes.files)
    course = Course(info, home, tuple(modules), quizzes.by_id, tuple(sorted(extras, key=lambda p: (p.order, p.src))))
    return course, links, quizzes.broken, figures


def _read_page(settings: Settings, original: Path, report: Report, links: dict, module_index: bool = False):
    path = in_language(original, settings.translation)
    span = SourceSpan(settings.rel(path))
    report.files_checked += 1
    text = read_text(path, span, report)
    if text is None:
        return None
    links_text = shared_links.definitions_for(path, settings.docs_dir) if "][" in text else ""
    raw = parse_page(text, span, report, links_text)
    report_placeholders(text, span, report)
    for load in remote_loads(text):
        report_remote_load(span, load, report)
    report_active_content(text, span, report)
    src = original.relative_to(settings.docs_dir).as_posix()
    links[src] = raw.links + [RawLink(u.url, u.as_image, u.alt or "", u.line, u.col, html=True) for u in figure_uses(text)]
    fields = {"title": raw.front.get("title")} if module_index else None
    if fields is not None and not isinstance(fields["title"], str):
        fields = {}
    return build_page(src, raw, span, report, fields), raw


def report_active_content(text: str, span: SourceSpan, report: Report) -> None:
    for found in active_content(text):
        report.warning(
            span.at(found.line, found.col),
            "html.active-content",
            f"{found.what} runs script in the learner's browser, beside their stored progress",
            "remove it: course pages and figures may not run script of their own (quizzes come from quiz fences)",
        )


def _check_reserved_names(settings: Settings, report: Report) -> None:
    """Files the build writes itself would silently replace a trainer's file of the same name."""
    for name in GENERATED_AT_ROOT:
        path = settings.docs_dir / name
        if path.exists() or path.is_symlink():
            report.error(
                SourceSpan(settings.rel(path)),
                "page.reserved-name",
                f"'{name}' is a name the build uses for a page or file of its own, which would replace this one",
                "rename it",
            )


def _check_figures(settings: Settings, report: Report, skip: set[Path]) -> dict[str, tuple[SourceSpan, list]]:
    """SVG, HTML and CSS files beside the pages: a browser runs their script when it opens them,
    and fetches what they name. Returns each SVG's remote loads (docs-relative path -> (span,
    loads)): whether they happen depends on how pages use the figure (validation/figures.py)."""
    figures = {}
    for path in files_under(settings.docs_dir, skip):
        suffix = path.suffix.lower()
        if suffix not in ACTIVE_SUFFIXES and suffix != ".css":
            continue
        span = SourceSpan(settings.rel(path))
        try:  # a figure in another encoding still works in a browser: read it leniently
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue  # unreadable: nothing a browser could run or fetch either
        if suffix != ".css":
            report_active_content(text, span, report)
        loads = remote_loads(text, css=suffix == ".css")
        if suffix == ".svg" and loads:
            figures[path.relative_to(settings.docs_dir).as_posix()] = (span, loads)
        else:
            for load in loads:
                report_remote_load(span, load, report)
    return figures


def report_remote_load(span: SourceSpan, load, report: Report, also: str = "") -> None:
    report.error(
        span.at(load.line, load.col),
        "privacy.remote-resource",
        f"{load.label} loads '{load.url}' from another site{also}",
        "ship the file inside the course (next to the page) so copies make no third-party request",
    )


def _load_module(settings: Settings, folder: Path, report: Report, links: dict, skip: set[Path]) -> Module | None:
    pages_md = sorted(p for p in folder.glob("*.md") if p.name != "index.md" and p not in skip and not shared_links.is_links_file(p) and not is_translation(p))
    index_path = folder / "index.md"
    linked_out = index_path in skip  # reported as a link that leaves the course, never read
    if not index_path.is_file() and not pages_md and not linked_out:
        return None
    if not index_path.is_file() and not linked_out:
        report.error(
            SourceSpan(settings.rel(folder)),
            "module.no-index",
            f"module folder '{folder.name}' has pages but no index.md overview",
            "add index.md with the module's front matter",
        )
    readable = index_path.is_file() and not linked_out
    loaded = _read_page(settings, index_path, report, links, module_index=True) if readable else None
    pages = [loaded[0] for loaded in (_read_page(settings, p, report, links) for p in pages_md) if loaded]
    if loaded is None:
        # reported above (or unreadable): the module still stands, so its pages are checked and
        # quizzes that name it find it; the error stops the build
        loaded = (_stand_in_index(settings, folder), RawPage({}, None, None, 0, 0))
    index, raw_index = loaded
    return build_module(folder.name, index, raw_index, pages, report) if raw_index.front_index else _bare_module(folder, index, pages)


def _stand_in_index(settings: Settings, folder: Path) -> Page:
    span = SourceSpan(settings.rel(folder / "index.md"), 1)
    return Page(f"{folder.name}/index.md", folder.name, 0.0, 0, frozenset(), (), span)


def _bare_module(folder: Path, index: Page, pages: list[Page]) -> Module:
    ordered = sorted(pages, key=lambda p: (p.order, p.src))
    return Module(module_id(folder.name), folder.name, index.title, "", 0, LEVELS[0], (), (), (), (index, *ordered), index.span)


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
        # ids ("quiz", "quiz/question") of quizzes and questions left out after an error: embeds
        # of them are not reported again as unknown
        self.broken: set[str] = set()


def _load_quizzes(settings: Settings, report: Report, skip: set[Path]) -> _Quizzes:
    result = _Quizzes()
    for path, text, data, index in _yaml_files(settings.quizzes_dir, settings, report, result, skip):
        quiz = build_quiz(data, index, report, result.broken) if data is not None else None
        if quiz is None:  # embeds of what this file meant are not reported again as unknown
            result.broken |= _written_ids(path, text)
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


_ID_LINE = re.compile(r"""^id:[ \t]*["']?([^"'\s#]+)""", re.M)


def _written_ids(path: Path, text: str) -> set[str]:
    """The ids a quiz file that could not be read may have meant: its `id:` line and its name."""
    return {path.stem, *_ID_LINE.findall(text)}


def _yaml_files(folder: Path | None, settings: Settings, report: Report, result: _Quizzes, skip: set[Path],
                what: str = "quiz"):
    """(path, text, data, line index) of each readable YAML file under FOLDER; data is None (and the
    problem reported) when it does not parse to anything."""
    if folder is None or not folder.is_dir():
        return
    for path in files_under(folder, skip):
        if path.suffix not in QUIZ_SUFFIXES or is_translation(path):
            continue  # quiz.de.yml: checked against its original by builder/translations.py
        result.files.append(path)
        path = in_language(path, settings.translation)
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
        yield path, text, data, index


def _load_sessions(settings: Settings, report: Report) -> list[SessionPlan]:
    """Facilitators' session plans (sessions/*.yml), one per module, checked against the course."""
    loaded = _Quizzes()
    skip = {link.path for link in bad_links(settings.sessions_dir)} if settings.sessions_dir and settings.sessions_dir.is_dir() else set()
    files = _yaml_files(settings.sessions_dir, settings, report, loaded, skip, "session")  # links: reported by _check_links
    plans = [build_session(data, index, report) for _, _, data, index in files if data is not None]
    report.files_checked += len(loaded.files)
    return [p for p in plans if p is not None]
