"""The benchmark keeps working: a tiny run of the generator and of bench/run.py. Timings are never asserted."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_cli

sys.path.insert(0, str(REPO / "bench"))
import generate  # noqa: E402
import learner  # noqa: E402
import report  # noqa: E402
import run  # noqa: E402

FIGURES = {"build_overhead", "build_overhead_one", "build_overhead_cpu", "build_vs_mkdocs", "build_vs_quiz", "check", "page_html",
           "page_html_max", "runtime", "inline", "site", "memory", "index_share", "index_leaks", "serve",
           "start_content", "start_progress", "start_content_own", "start_progress_own", "manifest"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return generate.generate("tiny", tmp_path_factory.mktemp("bench") / "tiny", REPO / "mkdocs.yml")


def test_generator_is_deterministic(tiny, tmp_path):
    again = generate.generate("tiny", tmp_path / "again", REPO / "mkdocs.yml")
    files = sorted(p.relative_to(tiny) for p in tiny.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert all((tiny / f).read_bytes() == (again / f).read_bytes() for f in files)


def test_generated_course_is_clean_and_realistic(tiny):
    assert run_cli("check", "--root", str(tiny / "ours"), "--strict") == (0, "no problems in 23 files\n")
    text = "\n".join(p.read_text() for p in (tiny / "ours" / "modules").rglob("*.md"))
    for construct in ("\n## ", "\n- ", "\n1. ", "|---|", "\n!!! ", "](figures/diagram-", "](../0", "```quiz"):
        assert construct in text, construct
    types = {q["type"] for f in (tiny / "ours" / "quizzes").glob("*.yml") for q in yaml.safe_load(f.read_text())["questions"]}
    assert {"single", "multiple", "true_false", "short_answer", "cloze", "matching", "ordering"} <= types


def test_variants_share_the_pages_and_the_questions(tiny):
    ours = (tiny / "ours" / "modules").rglob("*.md")
    for page in ours:
        rel = page.relative_to(tiny / "ours")
        assert (tiny / "pages" / rel).is_file() and (tiny / "mkdocs-quiz" / rel).is_file()
    plain = "\n".join(p.read_text() for p in (tiny / "pages" / "modules").rglob("*.md"))
    inline = "\n".join(p.read_text() for p in (tiny / "mkdocs-quiz" / "modules").rglob("*.md"))
    assert "```quiz" not in plain and "<quiz>" not in plain
    questions = sum(len(yaml.safe_load(f.read_text())["questions"]) for f in (tiny / "ours" / "quizzes").glob("*.yml"))
    assert inline.count("<quiz>") == questions == generate.SIZES["tiny"][2]
    secrets = json.loads((tiny / "secrets.json").read_text())
    assert secrets and not any(s in plain for s in secrets)


def test_leak_detection_finds_a_leak(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [{"location": "", "title": "T", "text": "<p>Right: the   feedback text.</p>"}]
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"docs": docs}))
    assert report.leaks(tmp_path, ["Right: the feedback text.", "other"]) == ["Right: the feedback text."]


def test_benchmark_reports_every_figure(tmp_path, capsys):
    # the learner's start-up is measured by the next test, in the session's browser
    data = run.main(["--medium", "tiny", "--large", "tiny", "--runs", "1", "--check-runs", "1",
                     "--serve-edits", "1", "--learner-runs", "0", "--no-install", "--out", str(tmp_path)])
    printed = capsys.readouterr().out
    assert {f["key"] for f in data["targets"]} == FIGURES
    for figure in data["targets"]:
        assert figure["label"] in printed and figure["target"] in printed
        assert figure["result"] in ("PASS", "FAIL", "SKIP", "—")
    assert (tmp_path / "report.md").read_text().strip() == printed.strip()
    measured = data["sizes"]["tiny"]
    assert set(measured["time"]) >= {"pages", "pages-course", "ours", "pages-course/jobs1", "ours/jobs1"}
    assert not measured["leaks"]
    assert measured["learner"] is None and "not measured" in printed


@pytest.mark.browser
def test_learner_start_up_is_measured_in_chromium(tiny, tmp_path, browser):
    site = tmp_path / "site"
    assert run_cli("build", "--root", str(tiny / "ours"), "--site-dir", str(site))[0] == 0
    pages = {"content": report.page_url(run.content_page("tiny")), "progress": "progress/"}
    found = learner.measure_in(browser, site, pages, 2)
    assert set(found) == {"content", "progress", "manifest"}
    assert all(len(found[name]["starts"]) == 2 for name in pages)
    assert found["manifest"]["bytes"] == (site / "assets" / "course" / "manifest.js").stat().st_size
    rows = {f.key: f for f in report.learner_targets(found)}
    assert rows["start_content"].value.endswith(" ms") and rows["manifest"].value.endswith(" ms")
    assert rows["start_content_own"].value.endswith(" ms") and found["content"]["own"] > 0


def test_report_without_mkdocs_quiz_skips_its_figure():
    r = {"time": {"pages": 1.0, "pages-course": 0.9, "ours": 0.95, "pages-course/jobs1": 1.1, "ours/jobs1": 1.2},
         "cpu": {"pages-course/jobs1": 1.0, "ours/jobs1": 1.05},
         "memory": {"pages": 100, "ours": 110}, "index": {"pages": 100, "ours": 104}, "check": 1.0, "check_cpu": 0.9,
         "page": 1000, "page_max": 2000, "runtime": {"course.js": 10, "course-pages.js": 10, "course.css": 10}, "inline": 0,
         "site": {"ours": 10}, "secrets": 3, "leaks": [], "serve": 1.0}
    rows = {f.key: f for f in report.targets(r)}
    assert rows["build_vs_quiz"].result == "SKIP"
    assert rows["start_content"].result == "SKIP" and rows["manifest"].result == "—"
    assert all(f.result == "PASS" for k, f in rows.items() if f.ok is not None)
    assert {k for k, f in rows.items() if f.ok is None} == {"build_vs_quiz", "build_vs_mkdocs", "build_overhead_cpu", "start_content",
                                                            "start_progress", "start_content_own", "start_progress_own", "manifest"}
