"""The published JSON Schema agrees with the validator on the shipped and fixture quizzes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import PROJECTS, REPO

SCHEMA = json.loads((REPO / "schema" / "quiz.schema.json").read_text())
QUIZZES = sorted((REPO / "quizzes").glob("*.yml")) + sorted((PROJECTS / "minimal" / "quizzes").glob("*.yml"))
# quizzes of the broken course whose mistakes are structural, so the schema catches them as well
STRUCTURAL = ["typo", "untitled", "typed", "kinds", "spaces", "high", "pool0", "lonely", "order", "empty"]


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: str(p.relative_to(REPO)))
def test_valid_quizzes_match_schema(path: Path):
    jsonschema.validate(yaml.load(path.read_text(), Loader=yaml.CSafeLoader), SCHEMA)


def test_schema_rejects_what_check_rejects():
    bad = {"id": "x", "module": "m", "title": "t", "kind": "check",
           "questions": [{"id": "q", "type": "single", "promt": "?", "choices": []}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


@pytest.mark.parametrize("name", STRUCTURAL)
def test_schema_rejects_structural_mistakes(name):
    data = yaml.load((PROJECTS / "broken" / "quizzes" / f"{name}.yml").read_text(), Loader=yaml.CSafeLoader)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
