"""The printed course: the workbook and facilitator PDFs of the shipped course (WeasyPrint), read
back with pypdf. The learner workbook holds every module and no answers; the facilitator edition
holds the notes, session plans and answer keys; no page ends with a lone heading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, copy_project, run_cli, shipped_course as _course, squash

pytestmark = pytest.mark.slow


def test_the_workbook_holds_every_module_in_a_sane_number_of_pages(workbook):
    laid_out, text = workbook[:2]
    course, _ = _course()
    for module in course.modules:
        assert squash(module.title) in text, module.title
        for page in module.pages:
            assert squash(page.title) in text, page.src
    # six modules of three to six pages, each quiz a worksheet: about 130 A4 pages
    assert 60 <= len(laid_out.pages) <= 250


def test_the_workbook_holds_no_answer(workbook):
    text = workbook[1]
    course, _ = _course()
    answers = []
    for quiz in course.quizzes.values():
        for q in quiz.questions:
            answers += [q.explanation, q.feedback, q.if_true, q.if_false, q.hint]
            answers += [c.feedback for c in q.choices]
            answers += [a for a in q.answers if len(a) > 12]  # short answers: long enough to be unique
    answers = [squash(a) for a in answers if a and len(squash(a)) > 40]
    assert len(answers) > 300  # the course has feedback on every choice
    leaked = [a for a in answers if a[:120] in text]
    assert leaked == []
    for word in ("answerkey", "correct:", "notcorrect"):
        assert word not in text


def test_the_facilitator_edition_holds_notes_session_plans_and_answer_keys(facilitator, workbook):
    text = facilitator[1]
    course, _ = _course()
    notes = [n for p in course.pages() for n in p.notes]
    assert len(notes) >= 6 and len(course.sessions) == len(course.modules)
    for note in notes:
        assert squash(note.text)[:200] in text
    for plan in course.sessions.values():
        assert squash(f"Session plan: {plan.title}") in text
        for activity in plan.activities:
            assert squash(activity.steps)[:150] in text
    explained = [q.explanation for quiz in course.quizzes.values() for q in quiz.questions if q.explanation]
    assert all(squash(e)[:120] in text for e in explained)
    assert len(facilitator[0].pages) > len(workbook[0].pages)


@pytest.mark.parametrize("edition", ["workbook", "facilitator"])
def test_no_page_ends_with_a_lone_heading(edition, request):
    laid_out = request.getfixturevalue(edition)[0]
    lone = []
    for number, page in enumerate(laid_out.pages, 1):
        tags = _last_line(page._page_box)
        if tags and any(tag in ("h1", "h2", "h3", "h4", "h5", "h6") for tag in tags):
            lone.append(number)
    assert lone == []


def _last_line(box, ancestors=()):
    """The element tags around the last line of text laid out on a page (margin boxes aside)."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):
        return None
    if isinstance(box, boxes.LineBox):
        return ancestors
    last = None
    for child in getattr(box, "children", ()):
        found = _last_line(child, ancestors + (box.element_tag,))
        if found is not None:
            last = found
    return last


def test_figures_stay_vector_graphics(workbook):
    from pypdf import PdfReader

    kinds = {x.get_object().get("/Subtype") for page in PdfReader(workbook[3]).pages
             for x in ((page.get("/Resources") or {}).get("/XObject") or {}).values()}
    assert "/Image" not in kinds  # the course's SVG figures are drawn, not rasterised


def test_links_between_pages_become_page_references(workbook):
    raw = workbook[2]
    assert len(re.findall(r"\(page \d+\)", raw)) > 40  # "(page 12)" after a link to another page


def test_export_pdf_writes_letter_paper_and_refuses_nothing_to_a_broken_course(tmp_path):
    from pypdf import PdfReader

    root = copy_project("minimal", tmp_path / "course")
    status, output = run_cli("export", "pdf", "--paper", "letter", "--root", str(root), "--out", str(tmp_path / "dist"))
    assert status == 0, output
    target = tmp_path / "dist" / "minimal-0.1.0-workbook.pdf"
    assert f"wrote {target}" in output and "Letter" in output
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    (root / "quizzes" / "basics-end.yml").write_text("id: [broken\n")
    status, output = run_cli("export", "pdf", "--root", str(root), "--out", str(tmp_path / "dist2"))
    assert status == 1 and "nothing was written" in output
    assert not (tmp_path / "dist2").exists() or not any((tmp_path / "dist2").iterdir())
