"""The SCORM packages under scorm-again in Debian's firefox-esr: first launch, close, relaunch in a
fresh profile from what the LMS stored (see scorm_firefox.mjs; Chromium: test_scorm.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.scorm_lms import lms  # noqa: F401 (the fixture)
from browser.test_firefox import run_in_firefox

pytestmark = pytest.mark.browser
SCRIPT = Path(__file__).with_name("scorm_firefox.mjs")


def test_scorm_12_and_2004_in_firefox(lms):  # noqa: F811
    run_in_firefox(SCRIPT, [{"name": fmt, "harness": lms.harness(fmt)} for fmt in ("scorm12", "scorm2004")], timeout=300)
