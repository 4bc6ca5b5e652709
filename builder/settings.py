"""One Settings object shared by the MkDocs plugin and the CLI, read from mkdocs.yml."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config_checks import check_config
from .diagnostics import Report, SourceSpan, relative
from .loading.config_yaml import ConfigError, load_config_text
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
    # where course_id, version, docs_dir, quizzes_dir are written in mkdocs.yml (for diagnostics)
    lines: dict = field(default_factory=dict, compare=False, hash=False)
    lms: str = ""  # "scorm12" or "scorm2004": `course check` also checks what would break that package
    sessions_dir: Path | None = None  # facilitators' session plans; None: the course has none
    organisation: str = ""  # who issues certificates and prints the workbook
    signatory: str = ""  # the name and role under the certificate's signature line
    # The language this build is in when it is not `language` (the originals' language): its
    # translations (page.de.md, quiz.de.yml) are read in place of their originals (docs/translating.md)
    translation: str = ""

    @classmethod
    def from_config(cls, root: Path, config: dict, plugin: dict) -> "Settings":
        """Build from mkdocs.yml's top-level keys and the `course` plugin's options."""
        root = Path(root).resolve()
        title = str(config.get("site_name") or "Course")
        return cls(
            root=root,
            docs_dir=(root / str(config.get("docs_dir") or "docs")).resolve(),
            quizzes_dir=(root / str(plugin.get("quizzes_dir") or "quizzes")).resolve(),
            course_id=str(plugin.get("course_id") or slug(title)[:64].strip("-") or "course"),
            title=title,
            version=str(plugin.get("version") or "0.0.0"),
            language=str(plugin.get("language") or _theme_language(config.get("theme")) or "en"),
            lms=str(plugin.get("lms") or ""),
            sessions_dir=(root / str(plugin.get("sessions_dir") or "sessions")).resolve(),
            organisation=str(plugin.get("organisation") or ""),
            signatory=str(plugin.get("signatory") or ""),
        )

    def problems(self, report: Report) -> bool:
        """Settings that become file names or paths: a slug, a version, folders inside the course.

        Returns whether the source folders may be read (they are inside the course)."""
        span = SourceSpan(CONFIG_FILE)
        if not SLUG.match(self.course_id):
            report.error(span.at(self.lines.get("course_id", 0)), "config.bad-course-id",
                         f"course_id '{_short(self.course_id)}' is not a slug",
                         "use lower-case letters, digits and single hyphens (at most 64), e.g. 'teaching-newcomers'")
        if not VERSION.match(self.version):
            report.error(span.at(self.lines.get("version", 0)), "config.bad-version",
                         f"version '{_short(self.version)}' is not a version string",
                         "start with a letter or digit; then letters, digits, '.', '-', '+' or '_' (at most 40), e.g. '1.2.0'")
        inside = True
        for key, folder in (("docs_dir", self.docs_dir), ("quizzes_dir", self.quizzes_dir), ("sessions_dir", self.sessions_dir)):
            if folder is not None and not folder.is_relative_to(self.root):
                inside = False
                report.error(span.at(self.lines.get(key, 0)), "config.outside-course",
                             f"{key} '{_short(os.path.relpath(folder, self.root))}' is outside the course folder",
                             "keep the modules and quizzes inside the folder that holds mkdocs.yml")
        return inside

    def rel(self, path: Path) -> str:
        """Project-relative POSIX path, as diagnostics show it."""
        path = Path(path)
        if path.is_absolute() and ".." not in path.parts:  # the loaders' paths: no resolve() per file
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:  # resolve the folder, never the last part: a link is shown where it is, not where it points
            return (path.parent.resolve() / path.name).relative_to(self.root).as_posix()
        except (ValueError, OSError, RuntimeError):
            return path.as_posix()


SLUG = re.compile(r"^(?=.{1,64}\Z)[a-z0-9]+(?:-[a-z0-9]+)*\Z")
VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+_-]{0,39}\Z")


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _theme_language(theme) -> str | None:
    """theme.language from mkdocs.yml (a mapping) or from MkDocs' loaded Theme object."""
    try:
        return theme.get("language") if theme is not None and not isinstance(theme, str) else None
    except AttributeError:
        return None


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
        config = load_config_text(text, path)
    except ConfigError as error:
        report.error(SourceSpan(relative(error.path, root), error.line), error.code, str(error), error.hint)
        return None
    options = plugin_options(config, span.at(_line_of(text, "plugins:")), report)
    if options is None:
        return None
    check_privacy(config, span, text, report)
    check_config(text, config, span, report)
    check_brand(options, span, text, report)
    settings = Settings.from_config(root, config, options)
    lines = {key: _line_of(text, f"{key}:") for key in ("course_id", "version", "docs_dir", "quizzes_dir")}
    return replace(settings, lines=lines)


def check_brand(plugin: dict, span: SourceSpan, text: str, report: Report) -> None:
    """A school's brand colour must be a colour, and keep the header's white text readable."""
    if "colour" in plugin:
        from .render.brand import problem

        found = problem(plugin["colour"])
        if found:
            report.error(span.at(_line_of(text, "colour:")), "config.brand-colour", found, "pick a darker shade; the header's text is white")


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
            url = entry.get("path", "") if isinstance(entry, dict) else entry
            if not isinstance(url, str):
                continue  # MkDocs reports entries of the wrong shape
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


def markdown_extensions(root: Path) -> tuple[list[str], dict]:
    """mkdocs.yml's markdown_extensions as Python-Markdown takes them: (names, configs by name).

    Options that are not plain values (tags MkDocs resolves itself) are left out."""
    path = Path(root) / CONFIG_FILE
    text = read_text(path, SourceSpan(CONFIG_FILE), Report()) or ""
    try:
        config = load_config_text(text, path)
    except ConfigError:
        return [], {}
    names, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                names.append(name)
                if isinstance(options, dict):
                    configs[name] = {k: v for k, v in options.items() if isinstance(v, (str, int, float, bool, list, dict))}
        else:
            names.append(str(entry))
    return names, configs


def plugin_options(config: dict, span: SourceSpan, report: Report) -> dict | None:
    """The `course` plugin's options, from `plugins:` as a list or (as MkDocs also takes) a mapping."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    if not isinstance(plugins, list):
        report.error(span, "config.invalid", "'plugins' must be a list of plugins (or a mapping of plugin names to options)")
        return None
    for entry in plugins:
        if isinstance(entry, dict) and "course" in entry:
            options = entry["course"] or {}
            if not isinstance(options, dict):
                report.error(span, "config.invalid", "the 'course' plugin's options must be a mapping of keys")
                return None
            return options
    return {}


def slug(text: str) -> str:
    """Lower-case letters and digits joined by hyphens: a course id or a module folder name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
