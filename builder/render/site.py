"""Site-level pieces the plugin adds: navigation, generated pages, the runtime's assets, fence slots."""

from __future__ import annotations

from importlib import resources

from ..loading.markdown_source import parser
from ..model import Course
from .quiz_html import strings_json

ASSET_DIR = "assets/course"


def navigation(course: Course) -> list:
    """The navigation in the course's explicit order: home, modules (overview first), extra pages."""
    nav: list = []
    if course.home:
        nav.append({course.home.title: course.home.src})
    for module in course.modules:
        nav.append({module.title: [{p.title: p.src} for p in module.pages]})
    nav.extend({p.title: p.src} for p in course.extras)
    return nav


def generated_pages(course: Course) -> dict[str, str]:
    """Markdown for the pages the course adds: assessments no page embeds."""
    pages = {}
    for module in course.modules:
        for page in module.pages:
            if page.generated:
                embed = page.embeds[0]
                pages[page.src] = f"# {page.title}\n\n```quiz\n{embed.quiz_id}\n```\n"
    return pages


def asset_files(course: Course) -> dict[str, str]:
    """The learner's runtime (JS and CSS), shipped inside the site: no CDN, nothing remote."""
    files = {}
    folder = resources.files("builder") / "assets"
    for name in ("course.js", "course.css"):
        item = folder / name
        if item.is_file():
            files[f"{ASSET_DIR}/{name}"] = item.read_text(encoding="utf-8")
    files[f"{ASSET_DIR}/strings.js"] = f"window.CB_STRINGS={strings_json()};\n"
    return files


def add_assets(config) -> None:
    for name in ("strings.js", "course.js"):
        path = f"{ASSET_DIR}/{name}"
        if path not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(path)
    css = f"{ASSET_DIR}/course.css"
    if css not in config.extra_css:
        config.extra_css.append(css)


def replace_fences(markdown: str, slots: list) -> str:
    """Swap each ```quiz fence for a placeholder paragraph; the plugin fills it after rendering."""
    lines = markdown.split("\n")
    tokens = [t for t in parser().parse(markdown) if t.type == "fence" and t.info.strip() == "quiz" and t.map]
    for token in reversed(tokens):
        first, last = token.map
        indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
        quiz_id, _, question_id = token.content.strip().partition("/")
        slots.append((quiz_id.strip(), question_id.strip() or None))
        lines[first:last] = [f"{indent}CBQUIZSLOT{len(slots) - 1}X", ""]
    return "\n".join(lines)
