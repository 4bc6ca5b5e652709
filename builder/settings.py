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
            course_id=str(plugin.get("course_id") or _slug(title)),
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
    return Settings.from_config(root, config, plugin_options(config))


def plugin_options(config: dict) -> dict:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "course" in entry:
            return entry["course"] or {}
    return {}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "course"
