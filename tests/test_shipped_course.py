"""The shipped course passes `course check --strict` and builds with --strict."""

from __future__ import annotations

import shutil

import pytest

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
