"""Checking a raw mapping against a table of fields: unknown, missing and mistyped keys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..diagnostics import Report, did_you_mean
from ..loading.yaml_source import KeyPath, LineIndex

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

_TYPE_NAMES = {
    "text": "text",
    "id": "text",
    "int": "a whole number",
    "bool": "true or false",
    "list": "a list",
    "map": "a mapping of keys",
    "number": "a number",
}


@dataclass(frozen=True)
class Field:
    kind: str  # text | id | int | number | bool | list | map
    required: bool = False


def kind_of(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


def coerce(value, kind: str):
    """The value as `kind`, or None when it has the wrong type. Numbers are accepted as text
    (FieldChecker then uses the text as written); ids must be written as text."""
    if kind == "id":
        return value if isinstance(value, str) else None
    if kind == "text":
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return None
    if kind == "int":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return value if ok else None
    if kind == "bool":
        return value if isinstance(value, bool) else None
    if kind == "list":
        return value if isinstance(value, list) else None
    if kind == "map":
        return value if isinstance(value, dict) else None
    raise ValueError(kind)


class FieldChecker:
    """Reads fields out of raw mappings, reporting problems under one code prefix ('quiz', 'module')."""

    def __init__(self, index: LineIndex, report: Report, prefix: str, lenient: Iterable[str] | None = None) -> None:
        self.index = index
        self.report = report
        self.prefix = prefix
        # lenient: unknown keys are warnings, and the hint names only these documented keys (page
        # front matter often carries keys for other tools: `teaching`, `block` …)
        self.lenient = tuple(lenient) if lenient is not None else None

    def mapping(self, data, path: KeyPath, fields: dict[str, Field], what: str) -> dict | None:
        """The known, well-typed fields of `data`; None when data is not a mapping at all."""
        if not isinstance(data, dict):
            self.report.error(
                self.index.at(path),
                f"{self.prefix}.wrong-type",
                f"{what} must be a mapping of keys, not {kind_of(data)}",
            )
            return None
        result = {}
        for key, value in data.items():
            if key not in fields:
                known = self.lenient if self.lenient is not None else fields
                (self.report.warning if self.lenient is not None else self.report.error)(
                    self.index.at(path + (key,), key=True),
                    f"{self.prefix}.unknown-key",
                    f"unknown key '{key}' in {what}" + (" (ignored)" if self.lenient is not None else ""),
                    did_you_mean(key, known)
                    or f"{'documented' if self.lenient is not None else 'allowed'} keys: {', '.join(sorted(known))}",
                )
                continue
            field = fields[key]
            typed = self._as_written(coerce(value, field.kind), value, path + (key,))
            if typed is None:
                if value is None and not field.required:
                    continue  # `hint:` left empty: treat as absent
                self.report.error(
                    self.index.at(path + (key,)),
                    f"{self.prefix}.wrong-type",
                    f"'{key}' in {what} must be {_TYPE_NAMES[field.kind]}, not {kind_of(value)}",
                    _type_hint(field.kind, value, self.index.texts.get(path + (key,)), key),
                )
                continue
            result[key] = typed
        for key, field in fields.items():
            if field.required and key not in data:
                self.report.error(
                    self.index.at(path, key=bool(path)),
                    f"{self.prefix}.missing-key",
                    f"{what} has no '{key}'",
                    f"add '{key}:' ({_TYPE_NAMES[field.kind]})",
                )
        return result

    def texts(self, values: list, path: KeyPath, what: str) -> tuple[str, ...]:
        """A list of texts (answers, items …); reports the entries that are not text."""
        result = []
        for i, value in enumerate(values):
            text = self._as_written(coerce(value, "text"), value, path + (i,))
            if text is None:
                self.report.error(
                    self.index.at(path + (i,)),
                    f"{self.prefix}.wrong-type",
                    f"each entry of {what} must be text, not {kind_of(value)}",
                    _type_hint("text", value),
                )
            else:
                result.append(text)
        return tuple(result)

    def _as_written(self, typed, value, path: KeyPath):
        """A number taken as text is the text as written: 1.50 stays '1.50', 010 stays '010'."""
        if isinstance(typed, str) and not isinstance(value, str):
            return self.index.texts.get(path, typed)
        return typed

    def identifier(self, value: str, path: KeyPath, what: str) -> bool:
        if ID_PATTERN.match(value):
            return True
        self.report.error(
            self.index.at(path),
            f"{self.prefix}.bad-id",
            f"{what} '{value}' is not a valid id",
            "use letters, digits, '-', '_' or '.', starting with a letter or digit",
        )
        return False


def _type_hint(kind: str, value, written: str | None = None, key: str = "id") -> str | None:
    if kind == "id" and written is not None:
        return f"write ids as text, in quotes: {key}: \"{written}\" (unquoted, YAML reads {written} as {value!r})"
    if kind == "id":
        return f"write ids as text, in quotes: {key}: \"…\""
    if kind == "text" and isinstance(value, bool):
        return "YAML reads yes/no/true/false as booleans: put the text in quotes"
    if kind == "text" and isinstance(value, dict):
        return "text containing ': ' must be quoted or written as a block (|)"
    if kind == "list" and isinstance(value, (str, dict)):
        return "start each entry on its own line with '- '"
    return None
