"""YAML with a key-path -> line index, so validation can point at the line of any value."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..diagnostics import Report, SourceSpan

try:  # the C composer is several times faster; the pure one behaves the same
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
# First characters of the plain scalars SafeLoader may read as something else than text (null,
# bool, int, float, merge …): any other plain scalar, and every quoted or block one, is text. The
# types that start with a letter are words of at most five letters (null, true, false, yes, off …).
_IMPLICIT_FIRST = frozenset(yaml.SafeLoader.yaml_implicit_resolvers)
_LONGEST_WORD = 5


class _Loader(_BaseLoader):
    """SafeLoader's tags, answered without its general search for the common case: text.

    The composer asks for the tag of every node; the quiz files of a large course hold tens of
    thousands of scalars, nearly all of them text.
    """

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:
            return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG
        first = value[:1]
        if not implicit[0] or first not in _IMPLICIT_FIRST or (first.isalpha() and len(value) > _LONGEST_WORD):
            return _STR
        return super().resolve(kind, value, implicit)


if None in _IMPLICIT_FIRST or yaml.SafeLoader.yaml_path_resolvers:  # pragma: no cover - another PyYAML
    _Loader = _BaseLoader

KeyPath = tuple  # of str (mapping keys) and int (sequence indexes)


@dataclass
class LineIndex:
    """Where each value (and each mapping key) of a YAML document starts: 1-based line, col."""

    span: SourceSpan
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    texts: dict[KeyPath, str] = field(default_factory=dict)  # scalars YAML read as non-text: as written

    def at(self, path: KeyPath, key: bool = False) -> SourceSpan:
        """The span of the value at `path` (or of its key), falling back to the nearest parent."""
        table = self.keys if key else self.values
        if key and path not in table and path in self.values:
            table = self.values  # a list item has no key: its own line, not its parent's
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
    except RecursionError:  # pragma: no cover - libyaml stops at depth 1000 before Python does
        report.error(span.at(line_offset + 1), "yaml.too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
        return None, index
    if node is None:
        return None, index
    builder = _Builder(index, report, line_offset, _count_nodes(node) + MAX_ALIAS_VALUES)
    try:
        return builder.build(node, ()), index
    except _Refused as refused:
        report.error(span.at(*refused.pos), refused.code, refused.message, refused.hint)
        return None, index


MAX_DEPTH = 50  # a quiz is a few levels deep; YAML nested deeper is not a quiz
MAX_ALIAS_VALUES = 10_000  # values aliases (*name) may add: a "billion laughs" file stops here
# The tags of plain YAML data; anything else (!custom, !!python/…) is not part of the formats.
STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")}


_PLAIN_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.MappingNode: "tag:yaml.org,2002:map",
               yaml.SequenceNode: "tag:yaml.org,2002:seq"}


class _Refused(Exception):
    def __init__(self, pos: tuple[int, int], code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.pos, self.code, self.message, self.hint = pos, code, message, hint


def expanded_size(root) -> int:
    """How many values the document holds once every alias is written out (linear: memoised)."""
    sizes: dict[int, int] = {}

    def size(node, depth: int = 0) -> int:
        if id(node) not in sizes:
            if depth > MAX_DEPTH * 4:  # a recursive alias, or absurd nesting: count it as too much
                return MAX_ALIAS_VALUES * 10
            sizes[id(node)] = 1  # provisional: a loop through this node counts once more
            children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else (
                node.value if isinstance(node, yaml.SequenceNode) else [])
            sizes[id(node)] = 1 + sum(size(child, depth + 1) for child in children)
        return sizes[id(node)]

    return size(root)


def _count_nodes(root) -> int:
    """Distinct nodes of the composed graph (aliases share nodes): linear, whatever the aliases."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


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

    def __init__(self, index: LineIndex, report: Report, line_offset: int, budget: int) -> None:
        self.index = index
        self.report = report
        self.offset = line_offset
        self.constructor = yaml.SafeLoader("")  # scalar resolution only
        self.budget = budget  # values still to build: aliases may not expand the data beyond it
        self.open: set[int] = set()  # nodes being built: an alias to one of them is a loop

    def _pos(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def build(self, node, path: KeyPath):
        self._guard(node, path)
        self.index.values[path] = self._pos(node)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self.open.add(id(node))
            try:
                return self._collection(node, path)
            finally:
                self.open.discard(id(node))
        value = self._scalar(node)
        if not isinstance(value, str):
            self.index.texts[path] = node.value
        return value

    def _guard(self, node, path: KeyPath) -> None:
        pos = self._pos(node)
        if node.tag not in STANDARD_TAGS:  # reported once; the value is read as plain data
            tag, node.tag = node.tag, _PLAIN_TAGS[type(node)]
            self.report.error(self.index.span.at(*pos), "yaml.unknown-tag", f"unknown YAML tag '{tag.replace('tag:yaml.org,2002:', '!!')}'",
                              "tags are not part of the format: remove it (put text that starts with '!' in quotes)")
        if id(node) in self.open:
            raise _Refused(pos, "yaml.recursive-alias", "an alias (*name) refers to a value that contains it",
                           "write the value out instead of the alias")
        if len(path) > MAX_DEPTH:
            raise _Refused(pos, "yaml.too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
        self.budget -= 1
        if self.budget < 0:
            raise _Refused(pos, "yaml.alias-expansion",
                           f"aliases (*name) expand this file to more than {MAX_ALIAS_VALUES} extra values",
                           "write the values out, or use fewer aliases of aliases")

    def _collection(self, node, path: KeyPath):
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
                self._guard(key_node, path)
                key = key_node.value  # as written: a blank named 010 is '010', not 8
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
        return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]

    def _scalar(self, node):
        if node.tag == _STR:
            return node.value  # what the constructor would give, without its bookkeeping
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            return node.value  # unknown tag or odd timestamp: keep the text
