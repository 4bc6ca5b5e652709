"""Moodle XML export: well-formed, and each question type shaped as Moodle's own qformat_xml export."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from builder.exporters.questions.bank import as_html
from conftest import run_cli

# The elements Moodle's export writes for every question, then each type's own (question/format/xml).
COMMON = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"]
OWN = {
    "multichoice": ["single", "shuffleanswers", "answernumbering", "showstandardinstruction", "correctfeedback",
                    "partiallycorrectfeedback", "incorrectfeedback", "answer"],
    "truefalse": ["answer"],
    "shortanswer": ["usecase", "answer"],
    "matching": ["shuffleanswers", "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "subquestion"],
    "ordering": ["layouttype", "selecttype", "selectcount", "gradingtype", "showgrading", "numberingstyle",
                 "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "answer"],
    "essay": ["responseformat", "responserequired", "responsefieldlines", "attachments", "graderinfo", "responsetemplate"],
    "cloze": [],
}


@pytest.fixture(scope="module")
def exported(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("xml")
    status, output = run_cli("export", "moodle-xml", "--root", str(project), "--out", str(out))
    assert status == 0, output
    root = ET.parse(out / "minimal-0.1.0-questions.xml").getroot()  # well-formed, or this raises
    return root, output


def questions(root) -> dict[str, ET.Element]:
    return {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}


def test_categories_one_per_module_and_quiz(exported):
    root, _ = exported
    assert root.tag == "quiz"
    cats = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
    assert cats == ["$course$/top/Minimal course/The basics/Every question type",
                    "$course$/top/Minimal course/The basics/End of module",
                    "$course$/top/Minimal course/The basics/Specials: {all} of them"]


@pytest.mark.parametrize("kind", list(OWN))
def test_each_type_has_moodles_elements(exported, kind):
    root, _ = exported
    found = [q for q in questions(root).values() if q.get("type") == kind]
    assert found, kind
    for q in found:
        tags = [child.tag for child in q]
        for tag in COMMON + OWN[kind]:
            assert tag in tags, (kind, tag)
        assert q.find("questiontext").get("format") == "html"
        assert q.findtext("idnumber") == q.findtext("name/text")


def test_multichoice_single_and_multiple_answers(exported):
    qs = questions(exported[0])
    one = qs["basics-check.pick-one"]
    assert one.findtext("single") == "true"
    assert [(a.get("fraction"), a.findtext("text")) for a in one.findall("answer")] == [("100", "Blue"), ("0", "Seven")]
    assert one.find("answer/feedback/text").text == as_html("Yes, blue is a colour.")
    assert one.findtext("hint/text") == as_html("Look at the sky.")  # hints kept
    assert "Colours are what we see." in one.findtext("generalfeedback/text")
    assert "<script>" not in one.findtext("questiontext/text")  # escaped, as in the course
    many = qs["basics-check.pick-many"]
    assert many.findtext("single") == "false"
    assert [a.get("fraction") for a in many.findall("answer")] == ["50", "-100", "50"]


def test_truefalse_shortanswer_matching(exported):
    qs = questions(exported[0])
    tf = qs["basics-check.tf"]
    assert [(a.findtext("text"), a.get("fraction"), a.findtext("feedback/text")) for a in tf.findall("answer")] == [
        ("true", "100", as_html("Right.")), ("false", "0", as_html("It is a star."))]
    typed = qs["basics-check.typed"]
    assert typed.findtext("usecase") == "0"
    assert [(a.findtext("text"), a.get("fraction")) for a in typed.findall("answer")] == [("Paris", "100"), ("*", "0")]
    pairs = qs["basics-check.pairs"]
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in pairs.findall("subquestion")] == [("Dog", "Bark"), ("Cat", "Meow")]


def test_ordering_cloze_essay(exported):
    qs = questions(exported[0])
    order = qs["specials.order-specials"]
    assert order.get("type") == "ordering"
    assert [(a.findtext("text"), a.get("fraction")) for a in order.findall("answer")] == [
        ("first: a", "1.0000000"), ("second = b", "2.0000000"), ("third ~ c", "3.0000000")]
    cloze = qs["basics-check.gaps"]
    assert cloze.get("type") == "cloze"
    text = cloze.findtext("questiontext/text")
    assert "{1:SHORTANSWER:=100}" in text and "{1:MULTICHOICE:=liquid~solid}" in text
    essay = qs["basics-check.think"]
    assert essay.get("type") == "essay" and essay.findtext("defaultgrade") == "0.0000000"


def test_lossy_conversions_are_listed(exported):
    _, output = exported
    assert "note: basics-check/think: reflection becomes an essay question" in output
    assert "note: basics-check/pick-many: Moodle gives part marks" in output
    assert "cloze left out" not in output and "hint left out" not in output  # XML keeps both
