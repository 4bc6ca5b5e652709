"""The SCORM packages under a real SCORM runtime (scorm-again) in Chromium, launched as an LMS does.

First launch, a check, an assessment failed then passed, a reflection, close; what the LMS stored;
relaunch in a fresh browser profile from that alone; finish the course; the API in the opener
(Moodle's "new window"); no API at all; an LMS whose commits fail. Firefox: test_scorm_firefox.py.
"""

from __future__ import annotations

import json
import re

import pytest

from browser.learner import RIGHT, WRONG, answer, answer_drawn, question, submit, wait_saved
from browser.scorm_lms import lms  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser
NAME = {"scorm12": ("core", "student_name"), "scorm2004": (None, "learner_name")}
REFLECTION = "I will greet every newcomer by name, said the way their family says it."


@pytest.fixture
def fresh(browser):
    """A new browser profile (empty storage) per launch; JavaScript errors and values the LMS refuses fail the test."""
    contexts, errors = [], []

    def make():
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        ctx.on("weberror", lambda error: errors.append(str(error.error)))
        ctx.on("console", lambda msg: errors.append(msg.text) if msg.text.startswith("SCORM: the LMS refused") else None)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()
    assert errors == []


def learner(fmt: str, stored: dict | None = None) -> dict:
    """What the LMS holds for the learner before a launch: who they are, and what the last session left."""
    v4 = fmt == "scorm2004"
    who = {"learner_id": "t-042", "learner_name": "Papadopoulou, Maria"} if v4 else \
        {"core": {"student_id": "t-042", "student_name": "Papadopoulou, Maria"}}
    if stored:
        if v4:
            who.update(location=stored["location"], suspend_data=stored["suspend_data"])
        else:
            who["core"]["lesson_location"] = stored["core"]["lesson_location"]
            who["suspend_data"] = stored["suspend_data"]
    return who


def launch(ctx, lms, fmt, preload=None, **query):
    page = ctx.new_page()
    if preload is not None:
        page.add_init_script("window.CB_LMS_PRELOAD = " + json.dumps(preload))
    page.goto(lms.harness(fmt, **query))
    course(page, None)
    return page


def course(page, path: str | None):
    """The course page inside the shell once the runtime is ready (path under the package root; None: any)."""
    pattern = re.compile(r"/lms/scorm(12|2004)/(?!launch\.html)" + (re.escape(path) + "$" if path else ""))
    for _ in range(100):
        frame = next((f for f in page.frames if pattern.search(f.url)), None)
        try:  # the frame may be between two documents
            if frame and frame.evaluate("!!document.documentElement && document.documentElement.dataset.cbReady === location.href"):
                return frame
        except Exception:  # noqa: BLE001 (Playwright: execution context destroyed by a navigation)
            pass
        page.wait_for_timeout(100)
    raise AssertionError(f"no course page {path!r}: {[f.url for f in page.frames]}")


def shell(page):
    return next(f for f in page.frames if f.url.endswith("/launch.html"))


def goto(page, path: str):
    shell(page).evaluate("p => { document.querySelector('iframe.cb-lms-frame').src = p; }", path)
    return course(page, path)


def close(page) -> dict:
    """The learner leaves: the LMS removes the player; returns what the LMS stored."""
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("lms.finished === 1")
    return page.evaluate("lms.stored")


def interactions(stored: dict) -> list[dict]:
    return [stored["interactions"][str(i)] for i in range(len(stored["interactions"]))]


def synced(page):
    """Wait until the shell has sent the runtime's latest writes (it syncs 200 ms after a write)."""
    page.wait_for_timeout(600)


def first_session(ctx, lms, fmt) -> dict:
    page = launch(ctx, lms, fmt, learner(fmt))
    assert page.evaluate("lms.initialized") == 1
    goto(page, "01-welcome/index.html")
    start = goto(page, "01-welcome/01-start.html")
    answer(question(start, "welcome-check", "where"), "single", RIGHT["where"])
    submit(start, "welcome-check")
    question(start, "welcome-check", "hopes").locator("textarea").fill(REFLECTION)
    wait_saved(start, "welcome-check", "hopes")
    end = goto(page, "02-practice/practice-end.html")
    answer_drawn(end, "practice-end", WRONG)
    assert "Not passed yet" in submit(end, "practice-end")
    end.locator('form[data-quiz="practice-end"]').get_by_role("button", name="Try again").click()
    answer_drawn(end, "practice-end", RIGHT)
    assert "Passed" in submit(end, "practice-end")
    synced(page)
    return close(page)


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_first_launch_relaunch_in_a_fresh_profile_and_finish(fresh, lms, fmt):  # noqa: F811
    v4 = fmt == "scorm2004"
    stored = first_session(fresh(), lms, fmt)
    suspend = stored["suspend_data"]
    assert suspend.startswith("C2") and len(suspend) <= 4096 and suspend.isascii()
    if v4:
        assert (stored["completion_status"], stored["success_status"]) == ("incomplete", "passed")
        assert stored["score"]["raw"] == "100" and float(stored["score"]["scaled"]) == 1
        assert float(stored["progress_measure"]) == 0.5  # welcome complete, practice not yet read
        assert stored["location"] == "02-practice/practice-end.md" and stored["exit"] == "suspend"
        assert re.fullmatch(r"PT\d+H\d+M\d+\.\d\dS", stored["session_time"])
        items = interactions(stored)
        assert len(items) == 6  # two attempts of three drawn questions
        assert [i["result"] for i in items] == ["incorrect"] * 3 + ["correct"] * 3
        assert all(i["id"].startswith("practice-end.") and i["learner_response"] for i in items)
        assert {i["type"] for i in items} <= {"true-false", "fill-in", "choice", "matching"}
    else:
        core = stored["core"]
        assert core["lesson_status"] == "incomplete"  # the final assessment passed, the course not finished
        assert (core["score"]["raw"], core["score"]["min"], core["score"]["max"]) == ("100", "0", "100")
        assert core["lesson_location"] == "02-practice/practice-end.md" and core["exit"] == "suspend"
        # sent as HHHH:MM:SS.SS; the LMS may keep it as a number of its own (2.50 s stored as "00:00:02.5"),
        # which SCORM 1.2's CMITimespan allows: two digits of seconds, then one or two decimals
        assert re.fullmatch(r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?", core["session_time"])

    page = launch(fresh(), lms, fmt, learner(fmt, stored))
    back = course(page, "02-practice/practice-end.html")  # resumes where the learner was
    assert "Passed" in back.locator('form[data-quiz="practice-end"] .cb-quiz__result').inner_text()
    journal = goto(page, "journal.html")
    assert REFLECTION in journal.locator(".cb-journal__text").first.inner_text()
    start = goto(page, "01-welcome/01-start.html")
    assert question(start, "welcome-check", "where").locator('input[value="0"]').is_checked()
    record = goto(page, "record.html")
    assert "Maria Papadopoulou" in record.locator(".cb-record__name").inner_text()

    for path in ("02-practice/index.html", "02-practice/01-ideas.html", "02-practice/02-more.html", "02-practice/03-extra.html"):
        goto(page, path)
    synced(page)
    final = close(page)
    if v4:
        assert (final["completion_status"], final["success_status"], float(final["progress_measure"])) == ("completed", "passed", 1)
        assert len(final["interactions"]) == 0  # nothing new to report: no attempt twice
    else:
        assert final["core"]["lesson_status"] == "passed" and final["core"]["score"]["raw"] == "100"


def test_api_in_the_opener_window(fresh, lms):  # noqa: F811
    """Moodle's "new window" display: the package opens in a pop-up; the API is in its opener."""
    ctx = fresh()
    page = ctx.new_page()
    page.add_init_script("window.CB_LMS_PRELOAD = " + json.dumps(learner("scorm12")))
    with ctx.expect_page() as popup_info:
        page.goto(lms.harness("scorm12", mode="window"))
    popup = popup_info.value
    frame = course(popup, None)
    assert popup.evaluate("document.documentElement.dataset.cbLms") == "live"
    assert page.evaluate("lms.initialized") == 1
    goto(popup, "01-welcome/index.html")
    synced(popup)
    popup.close()
    page.wait_for_function("lms.finished === 1")
    stored = page.evaluate("lms.stored")
    assert stored["core"]["lesson_location"] == "01-welcome/index.md"
    assert stored["core"]["lesson_status"] == "incomplete"
    assert frame is not None


def test_no_lms_the_course_works_from_browser_storage(fresh, lms):  # noqa: F811
    page = fresh().new_page()
    page.goto(lms.base + "scorm12/launch.html")
    frame = course(page, None)
    message = page.locator(".cb-lms-message")
    assert "could not reach your learning platform" in message.inner_text()
    assert page.evaluate("document.documentElement.dataset.cbLms") == "none"
    start = goto(page, "01-welcome/01-start.html")
    answer(question(start, "welcome-check", "where"), "single", RIGHT["where"])
    submit(start, "welcome-check")
    assert "Correct" in question(start, "welcome-check", "where").locator(".cb-question__feedback").inner_text()
    assert frame is not None


def test_lms_errors_are_shown_once_and_the_course_keeps_working(fresh, lms):  # noqa: F811
    page = launch(fresh(), lms, "scorm12", learner("scorm12"), commit="/lms/commit-fails")
    start = goto(page, "01-welcome/01-start.html")
    answer(question(start, "welcome-check", "where"), "single", RIGHT["where"])
    submit(start, "welcome-check")
    assert "Correct" in question(start, "welcome-check", "where").locator(".cb-question__feedback").inner_text()
    synced(page)
    alert = shell(page).locator(".cb-lms-message[role=alert]")
    alert.wait_for()
    assert alert.count() == 1 and "did not accept your progress" in alert.inner_text()
    question(start, "welcome-check", "hopes").locator("textarea").fill(REFLECTION)
    wait_saved(start, "welcome-check", "hopes")  # still saved in the browser
    synced(page)
    assert alert.count() == 1  # told once


EVERY = {"one": ("single", [0]), "many": ("multiple", [0, 2]), "tf": ("true_false", True),
         "typed": ("short_answer", "Paris, France"), "pairs": ("matching", [0, 1, 2]),
         "order": ("ordering", [1, 2, 3]), "gaps": ("cloze", {"temp": "100", "state": 0})}


@pytest.fixture(scope="module")
def every_type_lms(tmp_path_factory):
    import shutil
    import zipfile

    from browser.scorm_lms import serve
    from conftest import TESTS, copy_project, run_cli

    root = copy_project("minimal", tmp_path_factory.mktemp("every"))
    shutil.copy(TESTS / "fixtures" / "scorm" / "every-type-end.yml", root / "quizzes")
    status, output = run_cli("export", "scorm2004", "--root", str(root))
    assert status == 0, output
    with zipfile.ZipFile(root / "dist" / "minimal-0.1.0-scorm2004.zip") as zf:
        zf.extractall(root / "package")
    httpd, server = serve({"scorm2004": root / "package"})
    yield server
    httpd.shutdown()


def test_every_question_type_is_an_interaction_scorm_again_accepts(fresh, every_type_lms):
    """SCORM 2004 interactions for every graded type, in the formats scorm-again validates."""
    page = launch(fresh(), every_type_lms, "scorm2004", learner("scorm2004"))
    end = goto(page, "01-basics/every-type-end.html")
    for qid, (kind, value) in EVERY.items():
        answer(question(end, "every-type-end", qid), kind, value)
    assert "Passed" in submit(end, "every-type-end")
    synced(page)
    assert shell(page).locator(".cb-lms-message").all_inner_texts() == []  # no value refused
    stored = close(page)
    items = {i["id"]: i for i in interactions(stored)}
    assert set(items) == {f"every-type-end.{qid}" for qid in EVERY}
    types = {"single": "choice", "multiple": "choice", "true_false": "true-false", "short_answer": "fill-in",
             "matching": "matching", "ordering": "sequencing", "cloze": "fill-in"}
    for qid, (kind, _) in EVERY.items():
        item = items[f"every-type-end.{qid}"]
        assert (item["type"], item["result"]) == (types[kind], "correct"), qid
        assert item["learner_response"] and item["correct_responses"]["0"]["pattern"], qid
    assert items["every-type-end.many"]["learner_response"] == "c0[,]c2"
    assert items["every-type-end.order"]["learner_response"] == "i0[,]i1[,]i2"
    assert items["every-type-end.pairs"]["learner_response"] == "l0[.]r0[,]l1[.]r1[,]l2[.]r2"
    assert items["every-type-end.gaps"]["learner_response"] == "100[,]liquid"  # a picked gap: the text, not its index


def test_a_reflection_too_long_for_scorm_12_stays_in_the_browser_and_the_learner_is_told_once(fresh, lms):
    import random

    words = random.Random(13).choices(["pupil", "family", "maths", "Tuesday", "quiet", "story", "asked", "why",
                                       "translation", "buddy", "map", "breakfast", "timetable", "smiled"], k=1500)
    long_text = " ".join(f"{w}{random.Random(i).randint(0, 999)}" for i, w in enumerate(words))  # hard to compress
    ctx = fresh()
    page = launch(ctx, lms, "scorm12", learner("scorm12"))
    start = goto(page, "01-welcome/01-start.html")
    question(start, "welcome-check", "hopes").locator("textarea").fill(long_text)
    wait_saved(start, "welcome-check", "hopes")
    synced(page)
    notes = shell(page).locator(".cb-lms-message")
    assert notes.all_inner_texts() == [notes.first.inner_text()] and "kept in this browser only" in notes.first.inner_text()
    stored = close(page)
    assert len(stored["suspend_data"]) <= 4096

    page = launch(ctx, lms, "scorm12", learner("scorm12", stored))  # the same computer: the text is here
    journal = goto(page, "journal.html")
    assert journal.locator(".cb-journal__text").first.inner_text().strip() == long_text
    synced(page)
    assert shell(page).locator(".cb-lms-message").count() == 0  # told once, not at every launch
    close(page)

    page = launch(fresh(), lms, "scorm12", learner("scorm12", stored))  # another computer: only the LMS's copy
    journal = goto(page, "journal.html")
    assert journal.locator(".cb-journal__text").count() == 0
    close(page)


def test_a_shared_computer_keeps_each_learners_record_apart(fresh, lms):
    ctx = fresh()  # one school computer, one browser profile
    page = launch(ctx, lms, "scorm12", learner("scorm12"))
    start = goto(page, "01-welcome/01-start.html")
    question(start, "welcome-check", "hopes").locator("textarea").fill(REFLECTION)
    wait_saved(start, "welcome-check", "hopes")
    synced(page)
    first = close(page)

    other = {"core": {"student_id": "t-099", "student_name": "Nowak, Jan"}}
    page = launch(ctx, lms, "scorm12", other)
    assert goto(page, "journal.html").locator(".cb-journal__text").count() == 0  # not the first learner's journal
    assert "Jan Nowak" in goto(page, "record.html").locator(".cb-record__name").inner_text()
    close(page)

    page = launch(ctx, lms, "scorm12", learner("scorm12", first))
    assert REFLECTION in goto(page, "journal.html").locator(".cb-journal__text").first.inner_text()
    assert "Maria Papadopoulou" in goto(page, "record.html").locator(".cb-record__name").inner_text()
    close(page)
