"""What a trainer declares in a module's front matter, shown to learners.

The overview page gets a panel under its title (summary, level, CPD minutes, prerequisites linked
to their modules, objectives), and a module that has no references page of its own gets its
declared references as a section at the end of its last page. Text from front matter is
Markdown, with HTML escaped: a title or objective can never inject markup.
"""

from __future__ import annotations

import html
import posixpath
import re

from ..model import Course, Module
from .strings import t

_H1 = re.compile(r"^# .*$", re.M)


def _text(value: str) -> str:
    return html.escape(" ".join(value.split()), quote=False)


def panel(module: Module, course: Course) -> str:
    """The overview's panel, as Markdown inside a div (md_in_html)."""
    lang = course.info.language
    facts = [
        f"**{t('overview_level', lang)}:** {t('level_' + module.level, lang)}",
        f"**{t('overview_time', lang)}:** {t('overview_minutes', lang, n=module.minutes)}",
    ]
    links = []
    for prerequisite in module.prerequisites:
        other = course.module(prerequisite)
        if other:
            target = posixpath.relpath(f"{other.folder}/index.md", module.folder)
            links.append(f"[{_text(other.title).replace(']', chr(92) + ']')}]({target})")
    if links:
        facts.append(f"**{t('overview_before', lang)}:** {', '.join(links)}")
    objectives = "\n".join(f"- {_text(o)}" for o in module.objectives)
    return (
        f'<div class="cb-overview" markdown>\n\n{_text(module.summary)}\n{{: .cb-overview-summary }}\n\n'
        f"{' · '.join(facts)}\n\n**{t('overview_objectives', lang)}**\n\n{objectives}\n\n</div>\n"
    )


def add_panel(markdown: str, module: Module, course: Course) -> str:
    """The overview page's Markdown with the panel right under its first `# title` (or at the top)."""
    match = _H1.search(markdown)
    at = match.end() if match else 0
    return f"{markdown[:at]}\n\n{panel(module, course)}\n{markdown[at:]}"


def has_references_page(module: Module) -> bool:
    return any(p.title.strip().lower() == t("references").lower() or p.src.endswith("references.md") for p in module.pages)


def references(module: Module, lang: str = "en") -> str:
    """A References section for the end of the module's last page ("" when not needed)."""
    if not module.references or has_references_page(module):
        return ""
    items = "\n".join(f"- {_text(r)}" for r in module.references)
    return f"\n\n## {t('references', lang)}\n\n{items}\n"


def last_page(module: Module) -> str | None:
    pages = [p for p in module.pages[1:] if not p.generated] or list(module.pages)
    return pages[-1].src if pages else None


def decorate(markdown: str, src: str, course: Course) -> str:
    """A page's Markdown with what its module declares: the panel on the overview, references last."""
    for module in course.modules:
        if src == module.pages[0].src:
            markdown = add_panel(markdown, module, course)
        if src == last_page(module):
            markdown += references(module, course.info.language)
    return markdown
