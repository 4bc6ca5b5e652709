"""Moodle XML, structured as Moodle's own export (question/format/xml, qformat_xml) writes it:
a category question per module and quiz, then each question with its type's elements. Keeps
hints, per-choice feedback, general feedback; ordering is Moodle's `ordering` type, cloze its
`cloze` (multianswer) type."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ...validation.quizzes import BLANK
from .bank import Bank, Entry, as_html, as_inline, general_feedback, has_image, hint_html, split_weights


def render(bank: Bank) -> str:
    quiz = ET.Element("quiz")
    category = None
    for entry in bank.entries:
        if entry.category != category:
            category = entry.category
            quiz.append(ET.Comment(f" category: {category} "))
            node = ET.SubElement(quiz, "question", type="category")
            _text(ET.SubElement(node, "category"), category)
            _text(ET.SubElement(node, "info", format="html"), "")
        element = question(bank, entry)
        quiz.append(ET.Comment(f" question: {entry.quiz.id}/{entry.question.id} "))
        quiz.append(element)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _text(parent: ET.Element, value: str) -> ET.Element:
    ET.SubElement(parent, "text").text = value
    return parent


def _html(parent: ET.Element, tag: str, value: str) -> ET.Element:
    return _text(ET.SubElement(parent, tag, format="html"), value)


def question(bank: Bank, entry: Entry) -> ET.Element:
    q = entry.question
    kind = TYPES[q.type]
    node = ET.Element("question", type=kind)
    _text(ET.SubElement(node, "name"), f"{entry.quiz.id}.{q.id}")
    prompt = as_html(q.prompt) + (cloze_text(q) if q.type == "cloze" else "")
    _html(node, "questiontext", prompt)
    _html(node, "generalfeedback", general_feedback(bank, entry))
    ET.SubElement(node, "defaultgrade").text = "0.0000000" if q.type == "reflection" else "1.0000000"
    ET.SubElement(node, "penalty").text = "0.3333333"
    ET.SubElement(node, "hidden").text = "0"
    ET.SubElement(node, "idnumber").text = f"{entry.quiz.id}.{q.id}"
    if has_image(q.prompt, q.explanation, *(c.text for c in q.choices)):
        bank.lose(entry, "an image in the text is not carried into Moodle: add it in the question bank")
    BODIES[q.type](bank, entry, node)
    if q.hint:
        _html(node, "hint", hint_html(entry))
    return node


def _combined(node: ET.Element, wrong: str = "") -> None:
    for tag, value in (("correctfeedback", ""), ("partiallycorrectfeedback", ""), ("incorrectfeedback", wrong)):
        _html(node, tag, value)


def _answer(node: ET.Element, fraction: str, text: str, feedback: str = "", fmt: str = "html") -> None:
    answer = ET.SubElement(node, "answer", fraction=fraction, format=fmt)
    ET.SubElement(answer, "text").text = text
    _html(answer, "feedback", feedback)


def _multichoice(bank: Bank, entry: Entry, node: ET.Element) -> None:
    q = entry.question
    single = q.type == "single"
    ET.SubElement(node, "single").text = "true" if single else "false"
    ET.SubElement(node, "shuffleanswers").text = "true"
    ET.SubElement(node, "answernumbering").text = "abc"
    ET.SubElement(node, "showstandardinstruction").text = "0"
    _combined(node)
    weights = iter(split_weights(sum(c.correct for c in q.choices)) or [])
    for choice in q.choices:
        fraction = ("100" if single else next(weights)) if choice.correct else ("0" if single else "-100")
        _answer(node, fraction, as_inline(choice.text), as_html(choice.feedback))
    if not single:
        bank.lose(entry, "Moodle gives part marks for some right choices (the course gives marks only for all of them); "
                         "a wrong choice takes the mark to zero")


def _truefalse(bank: Bank, entry: Entry, node: ET.Element) -> None:
    q = entry.question
    _answer(node, "100" if q.answer else "0", "true", as_html(q.if_true), "moodle_auto_format")
    _answer(node, "0" if q.answer else "100", "false", as_html(q.if_false), "moodle_auto_format")


def _shortanswer(bank: Bank, entry: Entry, node: ET.Element) -> None:
    q = entry.question
    ET.SubElement(node, "usecase").text = "0"  # the course ignores case too
    for text in q.answers:
        _answer(node, "100", text, fmt="moodle_auto_format")
    if q.feedback:  # any other answer: Moodle's * wildcard at 0 %
        _answer(node, "0", "*", as_html(q.feedback), "moodle_auto_format")


def _matching(bank: Bank, entry: Entry, node: ET.Element) -> None:
    q = entry.question
    ET.SubElement(node, "shuffleanswers").text = "true"
    _combined(node, as_html(q.feedback))
    for pair in q.pairs:
        sub = _text(ET.SubElement(node, "subquestion", format="html"), as_inline(pair.left))
        _text(ET.SubElement(sub, "answer"), pair.right)


def _ordering(bank: Bank, entry: Entry, node: ET.Element) -> None:
    q = entry.question
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        ET.SubElement(node, tag).text = value
    _combined(node, as_html(q.feedback))
    for position, item in enumerate(q.items, 1):  # Moodle's ordering keeps each item's place as its fraction
        _answer(node, f"{position:.7f}", as_inline(item), fmt="html")


def cloze_text(q) -> str:
    """The gaps in Moodle's Cloze syntax: {1:SHORTANSWER:=a~=b} or {1:MULTICHOICE:=right~wrong}."""
    blanks = {b.name: b for b in q.blanks}
    escape = lambda s: re.sub(r'([}#~/"\\])', r"\\\1", s)  # noqa: E731

    def gap(match: re.Match) -> str:
        blank = blanks[match.group(1)]
        if blank.choices:
            options = [("=" if c in blank.answers else "") + escape(c) for c in blank.choices]
            return "{1:MULTICHOICE:" + "~".join(options) + "}"
        return "{1:SHORTANSWER:" + "~".join("=" + escape(a) for a in blank.answers) + "}"

    return as_html(BLANK.sub(gap, q.text))


def _cloze(bank: Bank, entry: Entry, node: ET.Element) -> None:
    if entry.question.feedback:
        bank.lose(entry, "feedback for a wrong answer goes into the general feedback (Moodle's Cloze has no other place)")
        general = node.find("generalfeedback/text")
        general.text = "\n".join(x for x in (as_html(entry.question.feedback), general.text) if x)


def _essay(bank: Bank, entry: Entry, node: ET.Element) -> None:
    for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "10"),
                       ("minwordlimit", ""), ("maxwordlimit", ""), ("attachments", "0"), ("attachmentsrequired", "0"),
                       ("maxbytes", "0"), ("filetypeslist", "")):
        ET.SubElement(node, tag).text = value
    _html(node, "graderinfo", "")
    _html(node, "responsetemplate", "")
    bank.lose(entry, "reflection becomes an essay question, ungraded (default mark 0); Moodle keeps the answers for the teacher")


TYPES = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer",
         "matching": "matching", "ordering": "ordering", "cloze": "cloze", "reflection": "essay"}
BODIES = {"single": _multichoice, "multiple": _multichoice, "true_false": _truefalse, "short_answer": _shortanswer,
          "matching": _matching, "ordering": _ordering, "cloze": _cloze, "reflection": _essay}
