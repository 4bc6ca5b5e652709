"""schema/progress.schema.json: the progress file a learner exports and imports. The same items are
checked by the runtime's rules under Node (tests/js/format.test.mjs), so the two cannot drift."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import REPO

SCHEMA = json.loads((REPO / "schema" / "progress.schema.json").read_text(encoding="utf-8"))
CASES = json.loads((REPO / "tests" / "fixtures" / "progress-items.json").read_text(encoding="utf-8"))["cases"]


def progress_file(data: dict) -> dict:
    return {"format": "course-builder-progress", "schema": 1, "course": {"id": "journey", "version": "1.0.0"},
            "exported": "2026-11-20T10:00:00.000Z", "data": data}


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_schema_checks_each_item(case):
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(progress_file({case["key"]: case["value"]})))
    assert (not errors) is case["valid"], [e.message for e in errors]


def test_schema_checks_the_envelope():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert validator.is_valid(progress_file({}))
    for edit in ({"format": "course-builder-record"}, {"schema": 2}, {"data": []}, {"course": {}}):
        assert not validator.is_valid({**progress_file({}), **edit}), edit

