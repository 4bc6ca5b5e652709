"""An Arabic site (theme.language: ar) in real Chromium: laid out right to left from the root element
down (borders, bars and feedback on the reading side), every string in Arabic with CLDR's six plural
forms, dates and numbers in Latin digits, nothing scrolling sideways on a 360 px phone, axe-core
clean, screenshots under test-results/screenshots/ar-*; and the same quiz and record in Firefox ESR."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.dates import format_date

from browser.learner import RIGHT, WRONG, answer_drawn, feedback_after, question, read_to_end, submit
from browser.test_accessibility import axe
from browser.test_course_frame import SHOTS, page_type_problems
from browser.test_firefox import FIREFOX
from browser.test_journeys import PRACTICE, WELCOME
from browser.test_languages import built_in, visit
from builder.render.strings import t
from conftest import REPO

pytestmark = pytest.mark.browser

EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")  # ٠-٩ and ۰-۹: the site writes 0-9 (docs/translating.md)


@pytest.fixture(scope="module")
def arabic(server, tmp_path_factory):
    return built_in("ar", server, tmp_path_factory)


def box(locator) -> dict:
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right}; }")


def test_an_arabic_site_reads_right_to_left_in_arabic(page, arabic):
    visit(page, arabic + "01-welcome/01-start/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir, document.body.dir]") == ["ar", "rtl", "rtl"]
    where = question(page, "welcome-check", "where")
    assert where.locator(".cb-question__number").inner_text().startswith("السؤال")
    assert submit(page, "welcome-check") == "يُرجى الإجابة عن السؤال أولًا."
    assert feedback_after(page, "welcome-check", "where", "single", WRONG["where"]).startswith("✗ ليست صحيحة تمامًا.")
    assert feedback_after(page, "welcome-check", "where", "single", RIGHT["where"]).startswith("✓ إجابة صحيحة.")
    # the quiz's accent border and the feedback's rule stand on the right, where a line of Arabic starts
    for selector in (".cb-quiz", ".cb-question__feedback"):
        widths = page.locator(selector).first.evaluate("e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth].map(parseFloat)")
        assert widths[0] > widths[1], (selector, widths)
    label, control = box(where.locator(".cb-choice label").first), box(where.locator(".cb-choice input").first)
    assert control["left"] > (label["left"] + label["right"]) / 2  # the radio button comes first: on the right

    for path in WELCOME + PRACTICE:
        visit(page, arabic + path)
    visit(page, arabic + "02-practice/practice-end/")
    answer_drawn(page, "practice-end", RIGHT)
    assert "لقد نجحت. أحسنت!" in submit(page, "practice-end")
    form = page.locator('form[data-quiz="practice-end"]')
    form.locator("button", has_text="بدء محاولة جديدة").click()
    assert form.locator(".cb-quiz__result").inner_text() == "المحاولة 2: يُرجى الإجابة عن 3 أسئلة أدناه."  # few: 3

    visit(page, arabic)
    card = page.locator(".cb-card").first
    assert card.locator(".cb-card__meta").inner_text() == "الوحدة 1 · تمهيدي · 30 دقيقة"
    assert card.locator(".cb-card__status").inner_text() == "✓ مكتملة"
    bar, fill = card.locator(".cb-bar"), card.locator(".cb-bar__fill")
    assert abs(box(bar)["right"] - box(fill)["right"]) < 1  # a progress bar fills from the right

    visit(page, arabic + "progress/")
    assert page.locator("h1").inner_text().startswith("تقدّمي")
    assert page.locator(".cb-summary").inner_text() == "الوحدات المكتملة: 2 من 2؛ ساعات التطوير المهني: 1.25 من 1.25."
    assert page.locator(".cb-view caption").first.evaluate("e => getComputedStyle(e).textAlign") in ("start", "right")

    visit(page, arabic + "record/")
    page.fill("#cb-name", "ليلى المعلّمة")
    sheet = page.locator(".cb-record").inner_text()
    today = format_date(datetime.date.today(), "long", locale="ar")  # e.g. "28 نوفمبر 2026"
    assert "صادر باسم ليلى المعلّمة" in sheet and "إصدار الدورة 1.0.0" in sheet
    assert "مجموع مدة التطوير المهني: 1.25 ساعة (75 دقيقة)؛ الوحدات المكتملة: 2 من 2." in sheet
    assert f"صدر بتاريخ {today}." in sheet
    assert re.search("\\b100\u200e?%", sheet), sheet  # Intl's Arabic percent: 100‎% (a left-to-right mark)
    assert "تاريخ الإتمام" in sheet and "45 دقيقة" in sheet
    certificate = page.locator(".cb-certificate").inner_text()
    assert "تُمنح هذه الشهادة إلى" in certificate and "بعد إتمام الدورة" in certificate and today in certificate
    assert not EASTERN_DIGITS.search(page.locator("body").inner_text())
    assert axe(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "ar-record-complete-light-desktop.png"), full_page=True)
    page.emulate_media(media="print")  # the printed record and certificate (course-print.css), right to left
    page.evaluate("document.documentElement.classList.add('cb-printing-certificate')")
    page.screenshot(path=str(SHOTS / "ar-certificate-print.png"), full_page=True)
    page.evaluate("document.documentElement.classList.remove('cb-printing-certificate')")
    visit(page, arabic + "02-practice/practice-end/")
    page.screenshot(path=str(SHOTS / "ar-assessment-print.png"), full_page=True)


def test_plural_strings_take_the_arabic_form_of_each_number(page, arabic, tmp_path):
    # a real import: the count of items takes its form from Intl.PluralRules("ar")
    for path in WELCOME:
        visit(page, arabic + path)
    visit(page, arabic + "progress/")
    with page.expect_download() as info:
        page.locator("button", has_text="تصدير التقدّم").click()
    exported = tmp_path / "progress.json"
    info.value.save_as(exported)
    fresh = page.context.browser.new_context(locale="en-GB")
    other = fresh.new_page()
    visit(other, arabic + "progress/")
    other.set_input_files("#cb-import", str(exported))
    other.locator(".cb-plan button", has_text="استيراد هذه التغييرات").click()
    said = other.locator(".cb-msg").inner_text()
    n = int(re.search(r"\d+", said).group())
    assert n > 2 and said == t("imported", "ar", n=n, date=format_date(datetime.date.today(), "long", locale="ar"))  # Intl agrees with Babel
    fresh.close()
    # every number of CLDR's six forms, through the runtime's own t() (builder/assets/runtime/base.js)
    base = (REPO / "builder" / "assets" / "runtime" / "base.js").read_text(encoding="utf-8")
    page.add_script_tag(content="(() => {" + base + "\nwindow.cbSay = t; })();")
    said = page.evaluate("""() => Object.fromEntries([0, 1, 2, 3, 11, 100].map(n =>
        [n, [cbSay("imported", {n, date: "x"}), cbSay("attempt", {n: 1, count: n})]]))""")
    assert [said[str(n)][0].split(" من الملف")[0] for n in (0, 1, 2, 3, 11, 100)] == [
        "لم يُستورَد أي عنصر", "استُورِد عنصر واحد", "استُورِد عنصران", "استُورِدت 3 عناصر", "استُورِد 11 عنصرًا", "استُورِد 100 عنصر"]
    assert [said[str(n)][1].removeprefix("المحاولة 1: ") for n in (0, 1, 2, 3, 11, 100)] == [
        "لا توجد أسئلة للإجابة عنها.", "يُرجى الإجابة عن السؤال أدناه.", "يُرجى الإجابة عن السؤالين أدناه.",
        "يُرجى الإجابة عن 3 أسئلة أدناه.", "يُرجى الإجابة عن 11 سؤالًا أدناه.", "يُرجى الإجابة عن 100 سؤال أدناه."]


def test_firefox_shows_the_arabic_site_the_same_way(arabic):
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(FIREFOX).exists() or not Path(node).exists():
        pytest.skip("firefox-esr or node is not installed")
    base = (REPO / "builder" / "assets" / "runtime" / "base.js").read_text(encoding="utf-8")
    run = subprocess.run([node, str(Path(__file__).with_name("arabic_firefox.mjs")), json.dumps({"site": arabic, "base": base})],
                         cwd=REPO, capture_output=True, text=True, timeout=240)
    seen = json.loads(run.stdout.strip().splitlines()[-1]) if run.stdout.strip() else {"errors": [run.stderr]}
    assert seen["errors"] == [], seen
    assert seen["root"] == ["ar", "rtl"] and seen["number"].startswith("السؤال")
    assert seen["unanswered"] == "يُرجى الإجابة عن السؤال أولًا."
    assert seen["wrong"].startswith("✗ ليست صحيحة تمامًا.") and seen["right"].startswith("✓ إجابة صحيحة.")
    assert seen["borders"][0] > seen["borders"][1] and seen["overflow"] <= 0 and seen["recordOverflow"] <= 0
    today = format_date(datetime.date.today(), "long", locale="ar")
    assert f"صدر بتاريخ {today}." in seen["record"] and "صادر باسم ليلى المعلّمة" in seen["record"]
    assert not EASTERN_DIGITS.search(seen["record"])
    assert seen["plurals"] == [t("imported", "ar", n=n, date="x") for n in (0, 1, 2, 3, 11, 100)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_arabic_page_scrolls_sideways_and_axe_is_clean(browser, arabic, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    page = context.new_page()
    read_to_end(page, arabic + "01-welcome/01-start/")  # some progress: bars, marks and tables filled in
    problems = page_type_problems(page, arabic, f"ar-{{name}}-{scheme}-{'phone' if width < 600 else 'desktop'}.png")
    context.close()
    assert problems == {}
