"""The shipped course passes `course check --strict` and builds with --strict."""

from __future__ import annotations

import shutil

import pytest

from builder.diagnostics import Report
from builder.pipeline import load_course
from builder.settings import load_settings
from builder.validation.item_quality import bias
from conftest import REPO, run_cli


def test_shipped_course_checks_strictly():
    status, output = run_cli("check", "--root", str(REPO), "--strict")
    assert status == 0, output


@pytest.mark.slow
def test_shipped_course_builds_strictly(tmp_path):
    for name in ("mkdocs.yml", "modules", "quizzes"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    status, output = run_cli("build", "--root", str(tmp_path), "--strict")
    assert status == 0, output
    site = tmp_path / "site"
    assert (site / "index.html").is_file()
    assert (site / "progress" / "index.html").is_file()
    pages = list(site.rglob("index.html"))
    assert len(pages) > 30


def test_shipped_assessments_give_no_answer_cues():
    """The key is not usually the longest option, and keys are spread over the positions.

    Measured as `course stats` does: by chance, with four options, the key would be the longest in
    about a quarter of the items and in each position about a quarter of the time.
    """
    report = Report()
    course, report = load_course(load_settings(REPO, report), report)
    assert course is not None, report.format()
    cues = bias(course.quizzes.values())
    assert cues.singles >= 30
    assert cues.key_longest / cues.singles <= 0.3
    assert cues.mean_ratio < 1.05
    assert max(cues.positions.values()) / cues.singles <= 0.4
    assert cues.multi_ratio < 1.1
