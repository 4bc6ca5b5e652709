"""Site-level pieces the plugin adds: navigation, generated pages, the runtime's assets, fence slots."""

from __future__ import annotations

from importlib import resources

from ..editions import FACILITATOR, LEARNER
from ..model import LEARNER_PAGE_NAMES, Course
from . import markdown
from .quiz_html import dom_id, key_name, strings_json
from .runtime import learner_pages_source, runtime_source
from .session import session_markdown, session_src
from .strings import t
from .theme_text import escaped

ASSET_DIR = "assets/course"
BRAND_CSS = f"{ASSET_DIR}/brand.css"  # a school's colour, when mkdocs.yml sets one
# At the site root: from file://, Firefox gives each page its own storage, so pages reach this one
# (in a hidden iframe, by postMessage) to share the learner's progress. It runs course.js's store
# (builder/assets/runtime/store.js).
STORAGE_PAGE = "storage.html"
SHIM = "assets/vendor/iframe-worker/shim.js"  # vendored from npm (MIT); see assets/vendor/
# The learner's own pages, generated at the docs root; the runtime fills each view.
LEARNER_PAGES = {name: f"page_{name.removesuffix('.md')}" for name in LEARNER_PAGE_NAMES}


def navigation(course: Course, sessions: bool = False) -> list:
    """The navigation in the course's explicit order: home, modules (overview first), extra pages.

    Titles are escaped: the theme prints them as HTML (see theme_text.py). sessions: the facilitator
    edition, where each module's session plan follows its overview.
    """
    nav: list = []
    if course.home:
        nav.append({escaped(course.home.title): course.home.src})
    plans = session_pages(course) if sessions else {}
    for module in course.modules:
        pages = [{escaped(p.title): p.src} for p in module.pages]
        if module.id in plans:
            src, plan = plans[module.id]
            pages.insert(1, {escaped(t("session_title", course.info.language, title=plan.title)): src})
        nav.append({escaped(module.title): pages})
    nav.extend({escaped(p.title): p.src} for p in course.extras)
    nav.extend({escaped(t(key, course.info.language)): src} for src, key in LEARNER_PAGES.items())
    return nav


def session_pages(course: Course) -> dict:
    """module id -> (page src, plan) of the facilitator edition's session plan pages."""
    return {m: (session_src(course, plan), plan) for m, plan in course.sessions.items()}


def generated_pages(course: Course, edition: str = LEARNER) -> dict[str, str]:
    """Markdown for the pages the course adds: assessments no page embeds; in the facilitator
    edition, the session plans."""
    pages = {}
    if edition == FACILITATOR:
        for src, plan in session_pages(course).values():
            pages[src] = session_markdown(course, plan)
    for module in course.modules:
        for page in module.pages:
            if page.generated:
                embed = page.embeds[0]
                pages[page.src] = f"# {escaped(page.title)}\n\n```quiz\n{embed.quiz_id}\n```\n"
    for src, key in LEARNER_PAGES.items():
        view = src.removesuffix(".md")
        pages[src] = f'# {t(key, course.info.language)}\n\n<div class="cb-view" data-cb-view="{view}"></div>\n'
    return pages


def manifest(course: Course, url_of) -> dict:
    """What the runtime needs to know about the whole course: ids, order, minutes, URLs.

    url_of(src) gives a page's URL relative to the site root.
    """
    embedded = _embedding_pages(course)
    keys: dict[str, list[str]] = {}  # quiz id -> the names of its key scripts (assets/course/keys/)
    for page in course.pages():
        for embed in page.embeds:
            name = key_name(embed.quiz_id, embed.question_id)
            if name not in keys.setdefault(embed.quiz_id, []):
                keys[embed.quiz_id].append(name)
    return {
        "course": {
            "id": course.info.id,
            "title": course.info.title,
            "version": course.info.version,
            "minutes": course.total_minutes,
            "organisation": course.info.organisation,
            "signatory": course.info.signatory,
        },
        "home": url_of(course.home.src) if course.home else "",
        "modules": [
            {
                "id": m.id,
                "title": m.title,
                "minutes": m.minutes,
                "url": url_of(m.pages[0].src),
                "pages": [{"id": p.src, "title": p.title, "url": url_of(p.src)} for p in m.pages],
                "quizzes": [q.id for q in course.quizzes_of(m.id)],
                "requires": list(m.requires),
            }
            for m in course.modules
        ],
        "quizzes": {
            q.id: {
                "module": q.module,
                "title": q.title,
                "kind": q.kind,
                "pass": q.pass_mark,
                "url": url_of(embedded[q.id]) if q.id in embedded else "",
                "keys": keys.get(q.id, []),
                "questions": [_question_entry(q, x, embedded, url_of) for x in q.questions],
            }
            for q in course.quizzes.values()
        },
        "pages": {src.removesuffix(".md"): url_of(src) for src in LEARNER_PAGES},
    }


def _question_entry(quiz, question, embedded: dict, url_of) -> dict:
    entry = {"id": question.id, "type": question.type, "graded": question.graded}
    if question.type == "reflection":  # the journal shows each prompt beside its answer, linked to it
        entry["prompt"] = str(markdown.block(question.prompt))
        src = embedded.get((quiz.id, question.id)) or embedded.get(quiz.id)
        entry["url"] = url_of(src) + "#" + dom_id(quiz.id, question.id) if src else ""
    return entry


def _embedding_pages(course: Course) -> dict:
    """quiz id -> src of the first page that embeds it (or one of its questions), and
    (quiz id, question id) -> src of the first page that shows that question."""
    found: dict = {}
    for page in course.pages():
        for embed in page.embeds:
            found.setdefault(embed.quiz_id, page.src)
            quiz = course.quizzes.get(embed.quiz_id)
            for q in quiz.questions if quiz else ():
                if embed.question_id in (None, q.id):
                    found.setdefault((embed.quiz_id, q.id), page.src)
    return found


def asset_files(course: Course, url_of) -> dict[str, str]:
    """The learner's runtime (JS and CSS), shipped inside the site: no CDN, nothing remote."""
    import json

    files = {f"{ASSET_DIR}/course.js": runtime_source(), f"{ASSET_DIR}/course-pages.js": learner_pages_source()}
    for name in ("course.css", "course-print.css"):
        files[f"{ASSET_DIR}/{name}"] = (resources.files("builder") / "assets" / name).read_text(encoding="utf-8")
    files[f"{ASSET_DIR}/strings.js"] = f"window.CB_STRINGS={strings_json(course.info.language)};\n"
    data = json.dumps(manifest(course, url_of), ensure_ascii=False, separators=(",", ":"))
    files[f"{ASSET_DIR}/manifest.js"] = f"window.CB_MANIFEST={data};\n"
    files[STORAGE_PAGE] = storage_page()
    return files


def storage_page() -> str:
    return (
        '<!doctype html>\n<html lang="en" data-cb-storage>\n<meta charset="utf-8">\n'
        "<title>Course storage</title>\n"
        f'<script src="{ASSET_DIR}/course.js"></script>\n</html>\n'
    )


KEY_DIR = f"{ASSET_DIR}/keys"


def key_files(course: Course, url_of) -> dict[str, str]:
    """One cacheable script per embedded quiz (or question): answers stay out of page HTML,
    which keeps pages small; url_of(src) gives site-root-relative URLs for the review links."""
    from .quiz_html import key_script

    def root_url(target: str) -> str:
        path, _, anchor = target.partition("#")
        return url_of(path) + (f"#{anchor}" if anchor else "")

    files = {}
    for page in course.pages():
        for embed in page.embeds:
            name = key_name(embed.quiz_id, embed.question_id)
            if f"{KEY_DIR}/{name}.js" not in files:
                quiz = course.quizzes[embed.quiz_id]
                files[f"{KEY_DIR}/{name}.js"] = key_script(quiz, root_url, embed.question_id)
    return files


def shim_source() -> str:
    return (resources.files("builder") / "assets" / "vendor" / "iframe-worker-shim.js").read_text(encoding="utf-8")


def add_assets(config) -> None:
    for name in ("strings.js", "manifest.js", "course.js"):
        path = f"{ASSET_DIR}/{name}"
        if path not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(path)
    for name in ("course.css", "course-print.css"):
        css = f"{ASSET_DIR}/{name}"
        if css not in config.extra_css:
            config.extra_css.append(css)


def add_extensions(config, names) -> None:
    """Python-Markdown extensions the course's own Markdown needs, when mkdocs.yml does not list them."""
    for name in names:
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)


def generated_files(course: Course, url_of, offline: bool) -> dict[str, str]:
    """Every file the course adds beside the pages: the runtime, the answer keys, the offline shim."""
    files = asset_files(course, url_of) | key_files(course, url_of)
    if offline:
        files[SHIM] = shim_source()
    return files


def replace_fences(markdown: str, slots: list) -> str:
    """Swap each ```quiz fence for a placeholder paragraph (the PDF book fills it; the site renders
    fences through pymdownx.superfences, see quiz_slots.py)."""
    from ..loading.markdown_source import parser

    lines = markdown.split("\n")
    fences = [(t.map[0], t.map[1], t.content) for t in parser().parse(markdown) if t.type == "fence" and t.info.strip() == "quiz" and t.map]
    for first, last, content in reversed(fences):
        indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
        quiz_id, _, question_id = content.strip().partition("/")
        slots.append((quiz_id.strip(), question_id.strip() or None))
        lines[first:last] = [f"{indent}CBQUIZSLOT{len(slots) - 1}X", ""]
    return "\n".join(lines)


def register_quiz_fence(config, fence: dict) -> None:
    """Have pymdownx.superfences render ```quiz fences through FENCE (see quiz_slots.py)."""
    if "pymdownx.superfences" not in config.markdown_extensions:
        config.markdown_extensions.append("pymdownx.superfences")
    options = config.mdx_configs.setdefault("pymdownx.superfences", {})
    others = [f for f in options.get("custom_fences", []) if f.get("name") != fence["name"]]
    options["custom_fences"] = [*others, fence]
