"""The learner's interface and the printed outputs (worksheets, answer keys, session plans, the PDF
book) in every language: each table has exactly the English keys, the same placeholders, and the
plural forms its language needs (CLDR, through Babel)."""

from __future__ import annotations

import json
import re

import pytest
from babel import Locale

from builder.render import strings
from builder.render.quiz_html import render_quiz
from builder.render.strings import PRINT_STRINGS, STRINGS, languages, plural_tags, t, table, table_json

REQUIRED = {"en", "de", "fr", "es", "it", "el", "pl", "nl"}
OTHERS = [lang for lang in languages() if lang != "en"]
ENGLISH = {**STRINGS, **PRINT_STRINGS}  # one table per language file holds both


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)[^}]*\}", text))


def forms(value) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def test_the_required_languages_are_there():
    assert REQUIRED <= set(languages())


@pytest.mark.parametrize("lang", OTHERS)
def test_every_language_has_exactly_the_english_keys(lang):
    own = table(lang)
    assert sorted(set(ENGLISH) - set(own)) == [], f"{lang}.yml misses these strings"
    assert sorted(set(own) - set(ENGLISH)) == [], f"{lang}.yml has strings English does not"


def test_the_learner_and_print_tables_do_not_share_a_key():
    assert set(STRINGS) & set(PRINT_STRINGS) == set()


@pytest.mark.parametrize("lang", OTHERS)
def test_placeholders_match_english(lang):
    own = table(lang)
    for key, english in ENGLISH.items():
        wanted = set().union(*(placeholders(f) for f in forms(english)))
        for text in forms(own.get(key, "")):
            assert isinstance(text, str) and text.strip(), f"{lang}: {key} is empty"
            found = placeholders(text)
            assert found <= wanted, f"{lang}: {key} has unknown placeholder(s) {found - wanted}"
            # a plural form may spell its number out ("one"), every other placeholder stays
            assert wanted - {strings.PLURALS.get(key)} <= found, f"{lang}: {key} lost {wanted - found}"
            text.format(**{name: 1 for name in wanted})  # no stray brace breaks formatting


@pytest.mark.parametrize("lang", languages())
def test_plural_strings_have_the_forms_the_language_needs(lang):
    allowed = set(Locale.parse(lang).plural_form.tags) | {"other"}
    for key, value in (ENGLISH if lang == "en" else table(lang)).items():
        if key in strings.PLURALS:
            assert isinstance(value, dict), f"{lang}: {key} needs plural forms"
            assert plural_tags(lang) <= set(value) <= allowed, f"{lang}: {key} has forms {sorted(value)}, needs {sorted(plural_tags(lang))}"
        else:
            assert isinstance(value, str), f"{lang}: {key} is a plural mapping but PLURALS does not name its number"


def test_plural_forms_are_chosen_by_number():
    assert t("imported", "en", n=1, date="x").startswith("Imported 1 item ")
    assert t("imported", "en", n=3, date="x").startswith("Imported 3 items ")
    assert t("imported", "pl", n=2, date="x").startswith("Zaimportowano 2 elementy ")
    assert t("imported", "pl", n=5, date="x").startswith("Zaimportowano 5 elementów ")
    assert t("imported", "pl", n=22, date="x").startswith("Zaimportowano 22 elementy ")
    assert t("attempt", "de", n=2, count=1) == "Versuch 2: Beantworten Sie die folgende Frage."
    assert t("pdf_minutes", "en", n=1) == "CPD time: 1 minute" and t("pdf_minutes", "de", n=45) == "Fortbildungszeit: 45 Minuten"
    assert t("pdf_total", "pl", modules=5, hours="7,5") == "5 modułów, ok. 7,5 godz. doskonalenia"
    assert t("pdf_total", "ar", modules=2, hours="3") == "وحدتان، نحو 3 ساعة من التطوير المهني"


def test_arabic_uses_all_six_plural_forms():
    # CLDR: 0 zero, 1 one, 2 two, 3-10 few, 11-99 many, 100-102 other
    said = {n: t("imported", "ar", n=n, date="x") for n in (0, 1, 2, 3, 11, 100)}
    assert said[0].startswith("لم يُستورَد أي عنصر ")
    assert said[1].startswith("استُورِد عنصر واحد ")
    assert said[2].startswith("استُورِد عنصران ")
    assert said[3].startswith("استُورِدت 3 عناصر ")
    assert said[11].startswith("استُورِد 11 عنصرًا ")
    assert said[100].startswith("استُورِد 100 عنصر ")
    assert t("overview_minutes", "ar", n=2) == "دقيقتان" and t("overview_minutes", "ar", n=45) == "45 دقيقة"


def test_a_regional_code_uses_its_language_and_an_unknown_one_english():
    assert t("check", "de-AT") == "Antwort prüfen" and t("check", "pt_BR") == "Check answer"


def test_the_runtime_table_is_complete_and_marks_plurals():
    for lang in languages():
        shipped = json.loads(table_json(lang))
        assert set(shipped) == set(STRINGS)
        assert shipped["imported"]["_by"] == "n" and shipped["attempt"]["_by"] == "count"


def test_the_site_language_comes_from_the_theme_and_the_plugin(tmp_path):
    from builder.diagnostics import Report
    from builder.pipeline import load_course
    from builder.render.site import navigation
    from builder.settings import load_settings
    from conftest import copy_project

    root = copy_project("minimal", tmp_path / "c")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false", "  font: false\n  language: de"), encoding="utf-8")
    report = Report()
    course, report = load_course(load_settings(root, report), report)
    assert report.ok, report.format()
    assert course.info.language == "de"
    assert navigation(course)[-3:] == [{"Mein Lernstand": "progress.md"}, {"Lerntagebuch": "journal.md"}, {"Teilnahmebescheinigung": "record.md"}]
    quiz = next(iter(course.quizzes.values()))
    html = render_quiz(quiz, "k.js", lang=course.info.language)
    assert "Frage 1" in html and "Question 1" not in html
    config.write_text(config.read_text(encoding="utf-8").replace('version: "0.1.0"', 'version: "0.1.0"\n      language: fr'), encoding="utf-8")
    course, report = load_course(load_settings(root, Report()), Report())
    assert course.info.language == "fr"  # the plugin's option wins over the theme's


def test_right_to_left_languages_lay_out_their_pages_right_to_left():
    from builder.render.strings import direction
    from builder.render.theme_text import root_direction

    assert [direction(lang) for lang in ("ar", "ar-MA", "he", "de", "en", "xx")] == ["rtl", "rtl", "rtl", "ltr", "ltr", "ltr"]
    page = '<!doctype html>\n<html lang="ar" class="no-js">\n<head></head>\n<body dir="rtl" data-md-color-scheme="default">'
    assert root_direction(page).startswith('<!doctype html>\n<html dir="rtl" lang="ar" class="no-js">')
    assert root_direction(page.replace('"rtl"', '"ltr"')) == page.replace('"rtl"', '"ltr"')  # ltr is the default: left alone
    written = '<html dir="rtl" lang="ar"><body dir="rtl">'
    assert root_direction(written) == written  # an explicit direction on <html> stays


def test_text_in_another_language_says_its_direction_only_when_it_turns():
    from builder.render.strings import lang_attrs

    assert lang_attrs("en", "de") == ' lang="en"'
    assert lang_attrs("en", "ar") == ' lang="en" dir="ltr"' and lang_attrs("ar", "en") == ' lang="ar" dir="rtl"'
