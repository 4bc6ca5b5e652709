"""Reading a learner's completion record: size, nesting and shape, before any claim is re-graded.

The shape is schema/record.schema.json (JSON Schema, checked with the jsonschema library): a record
that does not match it is refused with the place and the reason, never re-graded. What a schema
cannot say (dates in the future, a module listed twice, unanswered questions) is checked by
`course verify` against the course itself.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "record.schema.json"
MAX_BYTES = 5_000_000  # a record of a thousand modules is well under 1 MB
MAX_DEPTH = 8  # record → quizzes → quiz → answers → answer → blank: six levels
MAX_PROBLEMS = 5
FORMAT, SCHEMA = "course-builder-record", 1


class RecordError(Exception):
    """The file is not a record that can be checked; str() says why, for the learner's trainer."""


def read_record(path: Path) -> dict:
    """The record in PATH, checked against the schema; raises RecordError."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise RecordError(f"the file is larger than {MAX_BYTES // 1_000_000} MB: not a completion record")
        record = json.loads(path.read_bytes().decode("utf-8"))
    except RecursionError:
        raise RecordError("not a readable JSON record: it is nested far deeper than any record") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RecordError(f"not a readable JSON record: {getattr(error, 'strerror', None) or error}") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise RecordError(f"not a completion record (format must be '{FORMAT}')")
    if record.get("schema") != SCHEMA:
        raise RecordError(f"record schema {json.dumps(record.get('schema'))[:20]} is not {SCHEMA}: made by another version of Course Builder")
    if _depth(record) > MAX_DEPTH:
        raise RecordError(f"not a completion record: values are nested more than {MAX_DEPTH} levels deep")
    problems = schema_problems(record)
    if problems:
        raise RecordError("not a valid completion record:\n" + "\n".join(f"    {p}" for p in problems))
    return record


def schema_problems(record) -> list[str]:
    """What in RECORD does not match schema/record.schema.json (at most a few, by place)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path])
    problems = [f"{_place(e.absolute_path)}: {_reason(e)}" for e in errors[:MAX_PROBLEMS]]
    if len(errors) > MAX_PROBLEMS:
        problems.append(f"… and {len(errors) - MAX_PROBLEMS} more")
    return problems


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _place(path) -> str:
    return "the record" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def _reason(error) -> str:
    if error.validator == "oneOf":  # which alternative was meant is a guess: say what is allowed
        return "has the wrong type or form"
    text = error.message
    return text if len(text) <= 160 else text[:157] + "..."


def _depth(value) -> int:
    """Nesting depth, without recursion (json.loads has already refused absurd depths)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, level + 1) for child in children)
    return deepest


def parse_date(text: str) -> date | None:
    """The day of an ISO date or date-time; None when it is not one (2026-02-30, 'yesterday')."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def latest_possible_day() -> date:
    """Tomorrow in UTC: a learner east of here may already be a day ahead."""
    return (datetime.now(timezone.utc) + timedelta(days=1)).date()
