"""Every user-facing string of the learner's side: the English table here, one table per other
language in builder/render/locales/<lang>.yml (same keys, same placeholders).

Templates read it through `t(key)` (English) or `t(key, lang="de")`; the runtime receives the
site language's table as JSON (`table_json`). A string whose words depend on a number is a mapping
of CLDR plural categories (one, few, many, other …), chosen by the placeholder PLURALS names.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

STRINGS: dict[str, str | dict[str, str]] = {
    "question": "Question",
    "of": "of",
    "check": "Check answer",
    "check_all": "Check answers",
    "submit": "Submit answers",
    "retry": "Try again",
    "new_attempt": "Start a new attempt",
    "hint": "Show hint",
    "hide_hint": "Hide hint",
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "partly": "Partly right.",
    "your_answer": "Your answer",
    "choose": "Choose…",
    "blank": "Blank",
    "reflection_label": "Your reflection (saved in this browser as you type; it goes to your journal)",
    "saved_at": "Saved at {time}.",
    "word": "1 word",
    "words": "{n} words",
    "save_failed": "Could not save: this browser is not storing data (storage full, disabled or private mode). Export your progress to keep it.",
    "unanswered": "Answer the question first.",
    "score": "Your score: {score}% (pass mark {pass}%).",
    "best": "Best so far: {score}%.",
    "passed": "Passed. Well done.",
    "failed": "Not passed yet. Re-read the sections below, then try again.",
    "review": "Re-read:",
    "review_answers": "Review your answers and the feedback",
    "next_module": "Continue to the next module",
    "to_record": "Go to your completion record",
    "attempts": "Your attempts",
    "col_when": "Date",
    "col_result": "Result",
    "attempt_passed": "Passed",
    "attempt_failed": "Not passed",
    "explanation": "Explanation",
    "kind_check": "Knowledge check",
    "kind_assessment": "Assessment",
    "pass_mark_note": "Pass mark: {pass}%. You can try as often as you like; your best attempt counts.",
    "pool_note": {  # "1 of 5 questions" reads right in English; other languages need the forms
        "one": "Each attempt draws {pool} of {total} questions.",
        "other": "Each attempt draws {pool} of {total} questions.",
    },
    "noscript": "The quiz needs JavaScript to give feedback. You can still read the questions.",
    "page_progress": "My progress",
    "page_journal": "Journal",
    "page_record": "Completion record",
    "true": "True",
    "false": "False",
    # the module overview's panel and references (builder/render/overview.py)
    "overview_level": "Level",
    "overview_time": "CPD time",
    "overview_minutes": {"one": "{n} minute", "other": "{n} minutes"},
    "overview_before": "Before you start",
    "overview_objectives": "By the end of this module you will be able to:",
    "level_introductory": "Introductory",
    "level_intermediate": "Intermediate",
    "level_advanced": "Advanced",
    "references": "References",
    # the course's frame: home cards and page position (builder/render/course_home.py, runtime/home.js)
    "home_time": {"one": "{n} module, {hours} CPD hours in all.", "other": "{n} modules, {hours} CPD hours in all."},
    "home_objectives": "What you will be able to do",
    "card_module": "Module {n}",
    "card_progress": "Progress in {title}",
    "page_position": "module {m} · page {p} of {pages}",  # m: the module's number as the cards give it
    "continue": "Continue where you left off",
    "home_done": "{done} of {all} CPD hours done, {left} to go.",
    "card_score": "Score {score}%.",
    "mark_read": "Mark as read",
    # a course in several languages (builder/render/languages.py, the record)
    "languages_label": "Language",
    "fallback_page": "This page has not been translated yet; you are reading the {language} original.",
    "fallback_quiz": "This quiz has not been translated yet; you are answering the {language} original.",
    "record_languages": "Languages used: {languages}.",
    # the runtime (builder/assets/runtime/)
    "parts_right": "{right} of {total} parts right.",
    # matching and ordering (runtime/arrange.js): help, controls and what the live region announces
    "match_help": "Drag each option to the row it belongs to, or press a row and then its option.",
    "order_help": "Drag the items into order, or move them with the ↑ and ↓ buttons.",
    "options": "Options",
    "move_up": "Move up",
    "move_down": "Move down",
    "in_use": "(placed)",
    "picked": "“{option}” picked: now choose its row.",
    "pick_option": "Choose the option for “{row}”.",
    "placed": "“{option}” placed beside “{row}”.",
    "taken_off": "“{option}” taken off “{row}”.",
    "moved": "“{item}” moved to position {n} of {total}.",
    "wrong_at": "Look again at: {list}.",
    "quote": "“{text}”",
    "check_result": "{right} of {total} answered correctly.",
    "missing": "{n} not answered yet.",
    "answer_all": "Answer every question before you submit. Not answered yet: question {list}.",
    "attempt": {
        "one": "Attempt {n}: answer the question below.",
        "other": "Attempt {n}: answer the {count} questions below.",
    },
    "frame_failed": "Your progress may not be shared between this course's pages: its storage page (storage.html) did not answer. Export your progress from My progress to keep it.",
    "nav_visited": "(read)",
    "nav_complete": "complete",
    "resume": "Continue where you left off:",
    "start": "Start the course:",
    "none": "none",
    "summary": "{done} of {total} modules complete: {hours} of {all} CPD hours.",
    "modules_caption": "Your modules",
    "col_module": "Module",
    "col_status": "Status",
    "col_score": "Score",
    "col_date": "Completed",
    "col_minutes": "CPD time",
    "minutes": "{n} min",
    "status_done": "Complete",
    "status_todo": "Not started",
    "status_read": "In progress: {read} of {pages} pages read.",
    "status_test": "Assessment not passed yet.",
    "status_required": "{n} required reflection(s) or activities not done yet.",
    "keep_title": "Keep your progress",
    "keep_note": "Your progress, answers and reflections are stored in this browser only. Export them to a file to keep a copy or to continue in another browser or on another computer, then import the file there.",
    "export": "Export progress",
    "import": "Import progress from a file:",
    "imported": {
        "one": "Imported 1 item from the file exported on {date}.",
        "other": "Imported {n} items from the file exported on {date}.",
    },
    "import_bad": "Nothing was imported: this file is not a readable progress file. Your progress is unchanged.",
    "import_other": "Nothing was imported: this file belongs to another course ({id}). Your progress is unchanged.",
    "import_newer": "Nothing was imported: the file was made by a newer version of the course. Use an up-to-date copy of the course. Your progress is unchanged.",
    "import_failed": "Nothing was imported: this browser could not store the data. Your progress is unchanged.",
    "import_invalid": "Nothing was imported: {n} item(s) in this file are not in the progress format ({list}). Your progress is unchanged.",
    "import_keys_failed": "Nothing was imported: the course's answer keys could not be loaded to check the file's scores. Reload the page and try again. Your progress is unchanged.",
    "import_nothing": "The file exported on {date} holds nothing newer than what this browser has. Nothing changed.",
    "import_cancelled": "Nothing was imported. Your progress is unchanged.",
    "import_undone": "The last import was undone: your progress is as it was before it.",
    "undo_import": "Undo the import of {date}",
    "plan_title": "What importing the file exported on {date} would change",
    "plan_pages": "{n} page(s) marked as read.",
    "plan_best": "{quiz}: best score {score}% (now {was}). Scores are recalculated from the answers.",
    "plan_answers": "{quiz}: newer answers.",
    "plan_reflections": "{n} reflection(s): the file's newer text.",
    "plan_apply": "Import these changes",
    "plan_cancel": "Cancel",
    "set_aside": "{n} saved item(s) could not be read and were set aside, unchanged; everything else works. Export your progress to keep a copy of them.",
    "quiz_failed": "This quiz could not load. Reload the page to try again; your saved answers are not affected.",
    "part_failed": "This part of the page could not load. Reload the page to try again; your saved progress is not affected.",
    "clear": "Delete my progress from this browser",
    "clear_confirm": "Delete all your progress, answers and reflections for this course from this browser? Export them first if you want to keep them.",
    "cleared": "Your progress was deleted from this browser.",
    "journal_title": "Journal: {course}",
    "journal_intro": "Your reflections from every module, for your CPD portfolio. They are stored in this browser only: print or download them to keep them.",
    "journal_empty": "No reflections yet. What you write in the modules' reflection questions appears here.",
    "not_written": "Not written yet.",
    "entry_meta": "{words} · {saved}",
    "edit": "Edit in the module",
    "write": "Write it in the module",
    "print": "Print",
    "download_md": "Download as Markdown",
    "download_html": "Download as HTML",
    "name_label": "Your name, as it should appear on the record:",
    "record_for": "Awarded to",
    "no_name": "(enter your name above)",
    "version": "Course version {v}",
    "not_complete": "Not complete yet",
    "total": "Total CPD time: {hours} hours ({minutes} minutes), {done} of {all} modules complete.",
    "issued": "Issued on {date}.",
    "download_record": "Download the record (JSON)",
    "record_note": "The downloaded record includes your answers, so that your trainer can check it.",
    "record_mine": "Include my reflections in the downloaded record (they are private: leave this unticked to keep them out)",
    "record_no_module": "The record can be printed or downloaded once you have completed a module.",
    "record_no_name": "Enter your name above to print the record.",
    "record_proves": "What this record shows: the answers given in this browser, with scores and dates that your trainer can check by re-grading them (course verify). What it cannot show: who gave the answers; the course's answer keys are in its own files. A trainer who needs an invigilated assessment should use the course in the school's learning platform (the LMS package).",
    # The SCORM shell (builder/assets/scorm/shell.js): messages about the learning platform (LMS).
    "lms_frame": "Course",
    "lms_no_api": "This course could not reach your learning platform, so it cannot record your progress there. Your progress is saved in this browser only.",
    "lms_error": "Your learning platform did not accept your progress (error {code}: {text}). The course keeps it in this browser and tries again as you go on.",
    "lms_too_long": "Your learning platform can store only a limited amount of text. Your longest reflections ({n}) are kept in this browser only, not on the platform: download your journal (Journal page) to keep a copy.",
    "lms_full": "Your progress is too large for your learning platform to store. It is kept in this browser; export it from the My progress page to keep a copy.",
    "lms_changed": "This course was updated since your last visit and cannot read the progress your learning platform stored for the earlier version. What this browser holds is kept.",
    # the certificate (builder/assets/runtime/certificate.js)
    "cert_heading": "Your certificate",
    "cert_print": "Print the certificate",
    "cert_none": "Your certificate lists the modules you have completed: complete a module to receive one.",
    "cert_title": "Certificate of completion",
    "cert_title_partial": "Certificate of continuing professional development",
    "cert_certifies": "This certifies that",
    "cert_completed": "has completed the course",
    "cert_completed_partial": "has completed the following modules of the course",
    "cert_hours": "{hours} hours of continuing professional development ({minutes} minutes)",
    "cert_signature": "Signature",
    "cert_date": "Date of issue",
    "cert_code": "Verification code: {code}",
    "cert_check": "A trainer checks it against the learner's downloaded record with: course verify RECORD.json --code {code}",
}


# Strings of the printed and facilitator outputs only (worksheets, answer keys, session plans, the
# PDF book): in the same locale files for translators, but not sent to the learner's runtime.
PRINT_STRINGS: dict[str, str | dict[str, str]] = {
    "ws_tick_one": "Tick one box.",
    "ws_options": "Answers to choose from:",
    "ws_tick_all": "Tick every box that applies.",
    "ws_match": "Write the letter of the matching answer in each box.",
    "ws_order": "Number the steps in order: write 1 for the first.",
    "ws_write": "Write your answer on the line.",
    "ws_reflect": "Write your reflection below.",
    "ws_cloze": "Fill in the gaps.",
    "ws_choices_for_gap": "Choose from: {choices}.",
    "ws_pass": "Pass mark: {pass}%. Check your answers in the online course, which gives feedback on each one.",
    "key_title": "Answer key: {title}",
    "key_correct": "Correct",
    "key_wrong": "Not correct",
    "key_answer": "Answer:",
    "key_accepted": "Accepted answers:",
    "key_order": "The right order:",
    "key_pairs": "The right pairs:",
    "key_blanks": "The gaps:",
    "key_open": "An open question: there is no single right answer.",
    "key_feedback": "Feedback when wrong:",
    "key_review": "Re-read:",
    "edition_facilitator": "Facilitator edition",
    "edition_learner": "Workbook",
    "edition_banner": "Facilitator edition: trainers' notes, session plans and answer keys. Not for learners.",
    "session_title": "Session plan: {title}",
    "session_facts": "Session facts",
    "session_module": "Module",
    "session_length": "Length",
    "session_format": "Format",
    "session_module_time": "The module's CPD time",
    "session_materials": "Materials",
    "session_preparation": "Before the session",
    "session_timetable": "Timetable",
    "session_time": "Time",
    "session_activity": "Activity",
    "session_grouping": "Grouping",
    "session_uses": "Uses",
    "session_questions": "Discussion questions",
    "session_answers": "Suggested answers",
    "session_follow_up": "After the session",
    "pdf_contents": "Contents",
    "pdf_objectives": "By the end of this module you will be able to:",
    "pdf_minutes": {"one": "CPD time: {n} minute", "other": "CPD time: {n} minutes"},
    "pdf_level": "Level: {level}",
    "pdf_references": "References",
    "pdf_total": {"one": "{modules} module, about {hours} CPD hours", "other": "{modules} modules, about {hours} CPD hours"},
    "pdf_page": "page",
    "pdf_made": "Made from version {version} of the course on {date}.",
}


# key -> the placeholder whose number picks the plural form
PLURALS = {"imported": "n", "attempt": "count", "pool_note": "pool", "home_time": "n", "overview_minutes": "n",
           "pdf_minutes": "n", "pdf_total": "modules"}
LOCALES = "locales"  # builder/render/locales/<lang>.yml
DEFAULT = "en"


def languages() -> list[str]:
    """Every language the learner's interface speaks: English and each locales/<lang>.yml."""
    folder = resources.files("builder.render") / LOCALES
    return [DEFAULT] + sorted(f.name.removesuffix(".yml") for f in folder.iterdir() if f.name.endswith(".yml"))


def base_language(lang: str) -> str:
    """"de-AT" or "pt_BR" -> the table's language: the exact one if it exists, else its base."""
    lang = (lang or DEFAULT).replace("_", "-")
    known = languages()
    return lang if lang in known else lang.split("-")[0].lower() if lang.split("-")[0].lower() in known else DEFAULT


@lru_cache(maxsize=None)
def table(lang: str = DEFAULT) -> dict:
    """The strings of one language, as its file holds them (English: STRINGS)."""
    lang = base_language(lang)
    if lang == DEFAULT:
        return STRINGS
    text = (resources.files("builder.render") / LOCALES / f"{lang}.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def plural_category(lang: str, n) -> str:
    """CLDR's plural category of n in lang ("one", "few", "many", "other" …), by Babel."""
    try:
        return Locale.parse(_babel_locale(lang)).plural_form(abs(float(n)))
    except (UnknownLocaleError, ValueError, TypeError):
        return "other"


def plural_tags(lang: str) -> set[str]:
    """The plural categories lang's integers use (what a plural string must spell out)."""
    rule = Locale.parse(_babel_locale(lang)).plural_form
    return {rule(n) for n in range(0, 1001)}


def _babel_locale(lang: str) -> str:
    return base_language(lang).replace("-", "_")


def long_date(day: date, lang: str = DEFAULT) -> str:
    """A date written out in the language's way (CLDR's long form, by Babel; the runtime's dateStyle
    "long"): November 28, 2026; 28. November 2026; 28 listopada 2026."""
    return format_date(day, format="long", locale=_babel_locale(lang))


def direction(lang: str) -> str:
    """"rtl" for a language written right to left (Arabic, Hebrew …: CLDR, through Babel), else "ltr"."""
    try:
        return "rtl" if Locale.parse((lang or DEFAULT).replace("-", "_")).character_order == "right-to-left" else "ltr"
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"


def lang_attrs(lang: str, within: str) -> str:
    """' lang="…"' for text in lang standing inside text in `within`, with its dir when the two
    languages read in different directions (English inside an Arabic page, Arabic inside English)."""
    turn = direction(lang) != direction(within)
    return f' lang="{lang}"' + (f' dir="{direction(lang)}"' if turn else "")


def table_json(lang: str = DEFAULT) -> str:
    """The runtime's table: a missing string falls back to English; plural entries name their number."""
    import json

    own = table(lang)
    merged = {}
    for key, english in STRINGS.items():
        value = own.get(key, english)
        if isinstance(value, dict):
            value = {**value, "_by": PLURALS[key]}
        merged[key] = value
    return json.dumps(merged, ensure_ascii=False, separators=(",", ":"))


# CLDR's minimumGroupingDigits of 2, which Babel's data leaves out: these languages write 1234 but
# 12 345 (the interface's languages only; tests/browser/test_numbers.py holds it to Intl's)
_GROUPED_FROM_FIVE_DIGITS = {"es", "it", "pl"}


def number(value, lang: str = DEFAULT) -> str:
    """A number the way lang writes it (Babel: "1,234.5", German "1.234,5"), at most two decimals
    rounded half up, Latin digits: what the runtime's Intl.NumberFormat writes (base.js `num`)."""
    exact = Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)
    lang = base_language(lang)
    group = abs(exact) >= 10000 or lang.split("-")[0] not in _GROUPED_FROM_FIVE_DIGITS
    return format_decimal(exact, locale=lang.replace("-", "_"), group_separator=group)


def hours(minutes: int, lang: str = DEFAULT) -> str:
    """CPD hours as every page, record and PDF writes them: 75 minutes -> "1.25" ("1,25" in German),
    90 -> "1.5", 60 -> "1" (base.js `hours`)."""
    return number(Decimal(minutes) / 60, lang)


def t(key: str, lang: str = DEFAULT, **values) -> str:
    """The string for key in lang (English when lang lacks it), placeholders filled in; a number
    is written the language's way (number), as the runtime's t() does."""
    text = table(lang).get(key) or (STRINGS[key] if key in STRINGS else PRINT_STRINGS[key])
    if isinstance(text, dict):
        count = values.get(PLURALS[key], 0)
        text = text.get(plural_category(lang, count), text["other"])
    shown = {k: number(v, lang) if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else v for k, v in values.items()}
    return text.format(**shown) if values else text
