"""One Settings object shared by the MkDocs plugin and the CLI, read from mkdocs.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .diagnostics import Report, SourceSpan
from .loading.files import read_text

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    quizzes_dir: Path
    course_id: str
    title: str
    version: str
    language: str = "en"

    @classmethod
    def from_config(cls, root: Path, config: dict, plugin: dict) -> "Settings":
        """Build from mkdocs.yml's top-level keys and the `course` plugin's options."""
        root = Path(root).resolve()
        title = str(config.get("site_name") or "Course")
        return cls(
            root=root,
            docs_dir=(root / str(config.get("docs_dir") or "docs")).resolve(),
            quizzes_dir=(root / str(plugin.get("quizzes_dir") or "quizzes")).resolve(),
            course_id=str(plugin.get("course_id") or slug(title) or "course"),
            title=title,
            version=str(plugin.get("version") or "0.0.0"),
            language=str(plugin.get("language") or "en"),
        )

    def rel(self, path: Path) -> str:
        """Project-relative POSIX path, as diagnostics show it."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix()


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags (!ENV, !!python/name:…) that only MkDocs resolves: keep them as text."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_settings(root: Path, report: Report) -> Settings | None:
    """Settings from ROOT/mkdocs.yml without importing MkDocs (so `course check` stays fast)."""
    root = Path(root).resolve()
    path = root / CONFIG_FILE
    span = SourceSpan(CONFIG_FILE)
    if not path.is_file():
        report.error(span, "config.missing", f"no {CONFIG_FILE} here: this is not a course folder", "run `course` in the course folder, or pass --root")
        return None
    report.files_checked += 1
    text = read_text(path, span, report)
    if text is None:
        return None
    try:
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        report.error(span.at(mark.line + 1 if mark else 1), "yaml.syntax", f"YAML syntax error: {error.problem}")
        return None
    if not isinstance(config, dict):
        report.error(span, "config.invalid", f"{CONFIG_FILE} must be a mapping of keys")
        return None
    check_privacy(config, span, text, report)
    return Settings.from_config(root, config, plugin_options(config))


def check_privacy(config: dict, span: SourceSpan, text: str, report: Report) -> None:
    """Site settings that would make every page call a third party."""
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("name") == "material" and theme.get("font") is not False:
        report.error(
            span.at(_line_of(text, "font:") or _line_of(text, "theme:")),
            "privacy.web-font",
            "mkdocs-material loads Google Fonts unless theme.font is false",
            "set 'font: false' under 'theme:' (the system's fonts are used), or self-host the fonts",
        )
    for key in ("extra_javascript", "extra_css"):
        for entry in config.get(key) or []:
            url = entry.get("path", "") if isinstance(entry, dict) else str(entry)
            if re.match(r"^(?:https?:)?//", url):
                report.error(
                    span.at(_line_of(text, url)),
                    "privacy.remote-resource",
                    f"{key} loads '{url}' from another site",
                    "ship the file inside the course instead",
                )


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return number
    return 0


def plugin_options(config: dict) -> dict:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "course" in entry:
            return entry["course"] or {}
    return {}


def slug(text: str) -> str:
    """Lower-case letters and digits joined by hyphens: a course id or a module folder name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
