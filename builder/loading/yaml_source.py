"""YAML with a key-path -> line index, so validation can point at the line of any value."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..diagnostics import Report, SourceSpan

try:  # the C composer is several times faster; the pure one behaves the same
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

KeyPath = tuple  # of str (mapping keys) and int (sequence indexes)


@dataclass
class LineIndex:
    """Where each value (and each mapping key) of a YAML document starts: 1-based line, col."""

    span: SourceSpan
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: KeyPath, key: bool = False) -> SourceSpan:
        """The span of the value at `path` (or of its key), falling back to the nearest parent."""
        table = self.keys if key else self.values
        while path not in table and path:
            path = path[:-1]
            table = self.values
        line, col = table.get(path, (1, 0))
        return self.span.at(line, col)


def parse_yaml(text: str, span: SourceSpan, report: Report, line_offset: int = 0):
    """Parse one YAML document. Returns (data, LineIndex); data is None after a syntax error."""
    index = LineIndex(span)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        col = (mark.column + 1) if mark else 0
        problem = error.problem or error.context or "invalid YAML"
        report.error(
            span.at(line, col),
            "yaml.syntax",
            f"YAML syntax error: {problem}",
            _syntax_hint(problem, text, mark.line if mark else -1),
        )
        return None, index
    except yaml.YAMLError as error:  # reader errors (control characters) carry no problem_mark
        report.error(span.at(line_offset + 1), "yaml.syntax", f"YAML syntax error: {error}")
        return None, index
    if node is None:
        return None, index
    builder = _Builder(index, report, line_offset)
    return builder.build(node, ()), index


def _syntax_hint(problem: str, text: str, line: int) -> str | None:
    lines = text.split("\n")
    source = lines[line] if 0 <= line < len(lines) else ""
    if "tab" in problem or source[: len(source) - len(source.lstrip())].count("\t"):
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "put text that contains ': ' in quotes, or use a block scalar (|)"
    if "could not find expected ':'" in problem:
        return "check the indentation of the lines above"
    return None


class _Builder:
    """Turns composed nodes into plain Python data while recording each node's position."""

    def __init__(self, index: LineIndex, report: Report, line_offset: int) -> None:
        self.index = index
        self.report = report
        self.offset = line_offset
        self.constructor = yaml.SafeLoader("")  # scalar resolution only

    def _pos(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def build(self, node, path: KeyPath):
        self.index.values[path] = self._pos(node)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.report.error(
                        self.index.span.at(*self._pos(key_node)),
                        "yaml.syntax",
                        "YAML syntax error: a mapping key must be plain text",
                    )
                    continue
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # merge keys are not part of the formats
                key = str(self._scalar(key_node))
                if key in result:
                    self.report.error(
                        self.index.span.at(*self._pos(key_node)),
                        "yaml.duplicate-key",
                        f"duplicate key '{key}'",
                        "a later value would silently replace the earlier one; keep one",
                    )
                    continue
                self.index.keys[path + (key,)] = self._pos(key_node)
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node):
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            return node.value  # unknown tag or odd timestamp: keep the text
