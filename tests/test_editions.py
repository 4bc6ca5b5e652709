"""Editions: facilitator blocks and session plans reach the facilitator edition and no learner output.

The leak test is the contract (docs/facilitator.md): every sentence of facilitator material is
searched for in every learner output of the shipped course (the site with its search index, every
`course export` format but the facilitator ones, the workbook PDF) and must be found in none; the
same search over the facilitator edition must find every one, so the test cannot pass by looking
in the wrong place.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from builder.editions import blocks, for_edition
from conftest import REPO, run_cli, shipped_course, squash

PAGE = """# Page

Text for everyone.

!!! facilitator "Running this page"
    Ask the group first.

    Then listen.

- an item

    ??? facilitator
        A note inside a list item.

!!! tip
    A tip for everyone.
"""


def test_the_learner_edition_cuts_facilitator_blocks_whole():
    learner = for_edition(PAGE, "learner")
    assert "Ask the group" not in learner and "Then listen" not in learner and "inside a list" not in learner
    assert "Text for everyone." in learner and "!!! tip\n    A tip for everyone." in learner and "- an item" in learner


def test_the_facilitator_edition_keeps_them_and_gives_a_title():
    facilitator = for_edition(PAGE, "facilitator")
    assert '!!! facilitator "Running this page"\n    Ask the group first.' in facilitator
    assert '    ??? facilitator "Facilitator note"\n        A note inside a list item.' in facilitator
    found = blocks(PAGE)
    assert [(b.name, b.title, b.body) for b in found] == [
        ("facilitator", "Running this page", "Ask the group first.\n\nThen listen."),
        ("facilitator", None, "A note inside a list item."),
    ]


def facilitator_sentences() -> list[str]:
    """Every sentence of the shipped course's facilitator material, squashed (see conftest)."""
    course, _ = shipped_course()
    texts = [note.text for page in course.pages() for note in page.notes]
    for plan in course.sessions.values():
        texts += [plan.preparation or "", plan.follow_up or "", *plan.materials]
        for activity in plan.activities:
            texts += [activity.steps, activity.answers or "", *activity.questions]
    sentences = [squash(s) for text in texts for s in re.split(r"(?<=[.!?])\s+", text)]
    return sorted({s for s in sentences if len(s) >= 40})  # short ones ("Then listen.") occur anywhere


def output_text(folder: Path) -> str:
    """Everything a learner could read in FOLDER: pages (tags out, entities decoded), search
    index and scripts (JSON decoded), zips (opened), PDFs (text extracted); squashed."""
    parts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts.append(_file_text(path.name, path.read_bytes()))
    return squash(" ".join(parts))


def _file_text(name: str, data: bytes) -> str:
    if name.endswith(".zip"):
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return " ".join(_file_text(n, zf.read(n)) for n in zf.namelist())
    if name.endswith(".pdf"):
        import io

        from pypdf import PdfReader

        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    text = data.decode("utf-8", "replace")
    if name.endswith(".json"):
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    if name.endswith((".html", ".xml", ".htm")):
        return html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, workbook):
    """The shipped course's learner outputs, and its facilitator site, built once."""
    from builder.commands.export import FORMATS

    base = tmp_path_factory.mktemp("editions")
    status, output = run_cli("build", "--root", str(REPO), "--site-dir", str(base / "learner" / "site"))
    assert status == 0, output
    for name in FORMATS:
        if name in ("facilitator", "pdf"):
            continue  # the learner PDF is the session's `workbook`, typeset once
        status, output = run_cli("export", name, "--root", str(REPO), "--out", str(base / "learner" / name))
        assert status == 0, output
    status, output = run_cli("build", "--root", str(REPO), "--edition", "facilitator", "--site-dir", str(base / "facilitator"))
    assert status == 0, output
    return base


@pytest.mark.slow
def test_no_facilitator_sentence_in_any_learner_output(outputs, workbook):
    sentences = facilitator_sentences()
    assert len(sentences) > 150
    learner = output_text(outputs / "learner") + workbook[1]
    assert "search" in " ".join(p.name for p in (outputs / "learner" / "site").iterdir())  # the index is there
    leaked = [s for s in sentences if s in learner]
    assert leaked == []
    trainer = output_text(outputs / "facilitator")
    missing = [s for s in sentences if s not in trainer]
    assert missing == []


@pytest.mark.slow
def test_the_facilitator_site_has_session_plans_and_answer_keys(outputs):
    site = outputs / "facilitator"
    plan = (site / "02-trauma" / "session-plan" / "index.html").read_text(encoding="utf-8")
    assert "Session plan: Trauma-informed teaching" in plan and "1:30" in plan  # the timetable ends at 90 minutes
    check = (site / "02-trauma" / "01-understanding-trauma" / "index.html").read_text(encoding="utf-8")
    assert 'class="cb-key"' in check and "✓ Correct" in check
    learner = (outputs / "learner" / "site" / "02-trauma" / "01-understanding-trauma" / "index.html").read_text(encoding="utf-8")
    assert 'class="cb-key"' not in learner and not (outputs / "learner" / "site" / "02-trauma" / "session-plan").exists()


def test_instructor_divs_of_other_lesson_systems_follow_the_edition(tmp_path):
    """`::: instructor` (Carpentries Workbench) is a facilitator note: in the trainers' PDF and site,
    never in the learner's."""
    from pypdf import PdfReader

    from conftest import copy_project

    root = copy_project("workbench", tmp_path / "course")
    found = {}
    for edition in ("learner", "facilitator"):
        status, output = run_cli("export", "pdf", "--edition", edition, "--root", str(root), "--out", str(tmp_path / edition))
        assert status == 0, output
        pdf = next((tmp_path / edition).glob("*.pdf"))
        found[edition] = squash(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
    note = squash("Inline instructor notes can help inform instructors of timing challenges")
    assert note not in found["learner"] and note in found["facilitator"]
    status, output = run_cli("build", "--root", str(root), "--edition", "facilitator", "--site-dir", str(tmp_path / "site"))
    assert status == 0, output
    assert note in output_text(tmp_path / "site")
