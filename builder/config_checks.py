"""Checks of mkdocs.yml that `course check` makes without importing MkDocs.

What MkDocs itself would accept silently but leaves the course broken: duplicate keys (the later
value wins), an explicit `nav:` (the module overviews, assessments and learner pages drop out of
the navigation), no `course` plugin, and unknown or mistyped `course` plugin options.
"""

from __future__ import annotations

import yaml

from .diagnostics import Report, SourceSpan, did_you_mean
from .validation.fields import kind_of

# The `course` plugin's options, as builder/mkdocs_plugin.py's CourseConfig declares them
# (tests/test_config_checks.py holds the two together): name -> (type, what to write).
PLUGIN_OPTIONS = {
    "course_id": (str, "text"),
    "version": (str, "text in quotes, such as \"1.0\""),
    "language": (str, "text"),
    "quizzes_dir": (str, "text"),
    "strict": (bool, "true or false"),
    "lms": (str, "scorm12 or scorm2004"),
    "sessions_dir": (str, "text"),
    "organisation": (str, "text"),
    "signatory": (str, "text"),
    "colour": (str, "a hex colour in quotes, such as \"#0b5e55\""),
}
PLUGIN = "course"


def check_config(text: str, config: dict, span: SourceSpan, report: Report) -> None:
    """Report what in mkdocs.yml (TEXT, read as CONFIG, INHERIT merged) would leave the course broken."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: tags such as !ENV stay unread
    except yaml.YAMLError:
        return  # reported by the caller
    lines = _Lines()
    _walk(root, (), lines, span, report, set())
    if "nav" in config:
        report.error(
            span.at(lines.key(("nav",))),
            "config.explicit-nav",
            "mkdocs.yml has its own 'nav:', so the module overviews, assessments and learner pages drop out of the navigation",
            "remove 'nav:': the course plugin builds the navigation from the modules' folders and the pages' order",
        )
    entry = plugin_entry(config.get("plugins"))
    if entry is None:
        report.error(
            span.at(lines.key(("plugins",)) or 1),
            "config.no-plugin",
            f"mkdocs.yml does not list the '{PLUGIN}' plugin, so the site would have no quizzes, progress or journal",
            f"add '- {PLUGIN}' under 'plugins:'",
        )
        return
    _check_options(entry, lines, span, report)


def plugin_entry(plugins) -> dict | None:
    """The `course` plugin's options (an empty dict when it has none); None when it is not listed."""
    if isinstance(plugins, dict):
        return plugins[PLUGIN] or {} if PLUGIN in plugins else None
    for item in plugins or []:
        if item == PLUGIN:
            return {}
        if isinstance(item, dict) and PLUGIN in item:
            return item[PLUGIN] or {}
    return None


def _check_options(options, lines: "_Lines", span: SourceSpan, report: Report) -> None:
    if not isinstance(options, dict):
        report.error(span.at(lines.option() or lines.key(("plugins",))), "config.wrong-type", f"the '{PLUGIN}' plugin's options must be a mapping of keys")
        return
    for key, value in options.items():
        line = lines.option(key) or lines.option()
        if key not in PLUGIN_OPTIONS:
            report.error(
                span.at(line),
                "config.unknown-option",
                f"the '{PLUGIN}' plugin has no option '{key}'",
                did_you_mean(str(key), PLUGIN_OPTIONS) or f"its options: {', '.join(PLUGIN_OPTIONS)}",
            )
            continue
        kind, wanted = PLUGIN_OPTIONS[key]
        if value is not None and not (isinstance(value, kind) and not (kind is str and isinstance(value, bool))):
            report.error(
                span.at(line),
                "config.wrong-type",
                f"the '{PLUGIN}' plugin's option '{key}' must be {wanted}, not {kind_of(value)}",
                "MkDocs would refuse to build",
            )


class _Lines:
    """Lines of mkdocs.yml's keys, from the composed node tree."""

    def __init__(self) -> None:
        self.keys: dict[tuple, int] = {}

    def key(self, path: tuple) -> int:
        return self.keys.get(path, 0)

    def option(self, name: str | None = None) -> int:
        """The line of the plugin's option NAME (or of the plugin's own key) under plugins:."""
        tail = (PLUGIN, name) if name else (PLUGIN,)
        return next((line for path, line in self.keys.items() if path[:1] == ("plugins",) and path[-len(tail):] == tail), 0)


def _walk(node, path: tuple, lines: _Lines, span: SourceSpan, report: Report, seen_nodes: set) -> None:
    if id(node) in seen_nodes:
        return  # an alias: walked once
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key in seen:
                report.error(
                    span.at(line, key_node.start_mark.column + 1),
                    "yaml.duplicate-key",
                    f"duplicate key '{key}'",
                    "a later value would silently replace the earlier one; keep one",
                )
            seen.add(key)
            lines.keys.setdefault(path + (key,), line)
            _walk(value_node, path + (key,), lines, span, report, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, span, report, seen_nodes)
