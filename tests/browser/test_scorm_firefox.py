"""The SCORM packages under scorm-again in Debian's firefox-esr: first launch, close, relaunch in a
fresh profile from what the LMS stored (see scorm_firefox.mjs; Chromium: test_scorm.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from browser.scorm_lms import lms  # noqa: F401 (the fixture)
from conftest import REPO

pytestmark = pytest.mark.browser
FIREFOX = "/usr/bin/firefox-esr"
SCRIPT = Path(__file__).with_name("scorm_firefox.mjs")


def test_scorm_12_and_2004_in_firefox(lms):  # noqa: F811
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(FIREFOX).exists() or not Path(node).exists():
        pytest.skip("firefox-esr or node is not installed")
    runs = [{"name": fmt, "harness": lms.harness(fmt)} for fmt in ("scorm12", "scorm2004")]
    result = subprocess.run([node, str(SCRIPT), json.dumps({"runs": runs})], cwd=REPO, capture_output=True,
                            text=True, timeout=300)
    output = result.stdout + result.stderr
    print(output)
    assert result.returncode == 0, output
    assert "2 journeys passed" in output, output
