"""A course holding every question type, plus a quiz with every GIFT special character in every field."""

from __future__ import annotations

import shutil

import pytest

from builder.diagnostics import Report
from builder.pipeline import load_course
from builder.settings import load_settings
from conftest import TESTS, copy_project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project("minimal", tmp_path_factory.mktemp("bank"))
    shutil.copy(TESTS / "fixtures" / "questions" / "specials.yml", root / "quizzes")
    return root


@pytest.fixture(scope="module")
def course(project):
    report = Report()
    loaded, report = load_course(load_settings(project, report), report)
    assert loaded is not None, report.format("text")
    return loaded
