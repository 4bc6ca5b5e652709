"""SCORM 1.2 keeps at most 4,096 characters of suspend_data: the shipped course fits, finished.

The record is what the runtime stores (docs/learner.md) for a teacher who has read every page,
answered every check, failed every assessment twice before passing it (three attempts), written
every reflection (tests/fixtures/scorm/reflections.yml: 2 to 6 sentences each) and typed a name.
It is packed by the shell's own codec (builder/assets/scorm/codec.js), run in Node.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from builder.diagnostics import Report
from builder.exporters.scorm.data import SUSPEND_LIMIT, answer_texts
from builder.exporters.scorm.record import finished, suspend_length
from builder.pipeline import load_course
from builder.render.site import manifest
from builder.settings import load_settings
from conftest import REPO

CODEC = REPO / "builder" / "assets" / "scorm" / "codec.js"
CLI = Path(__file__).with_name("codec_cli.mjs")
REFLECTIONS = yaml.safe_load((REPO / "tests" / "fixtures" / "scorm" / "reflections.yml").read_text(encoding="utf-8"))


def shipped_course():
    report = Report()
    course, report = load_course(load_settings(REPO, report), report)
    assert course is not None, report.format("text")
    return course


def pack(course, data: dict, limit: int) -> dict:
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    request = {"manifest": manifest(course, lambda src: src), "texts": answer_texts(course), "data": data, "limit": limit}
    result = subprocess.run([node, str(CLI), str(CODEC)], input=json.dumps(request), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def whole_seconds(data):
    """Times come back to the second (the codec keeps whole seconds)."""
    text = json.dumps(data)
    return json.loads(re.sub(r'(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d{3}Z', r"\1.000Z", text))


def test_a_finished_shipped_course_in_scorm_12_and_2004():
    """SCORM 1.2: within 4,096 characters, only the longest reflections left out (they stay in the
    browser); SCORM 2004: everything. Figures printed with -s, reported in docs/lms.md."""
    course = shipped_course()
    data = finished(course, REFLECTIONS, attempts=3)
    assert sum(k.startswith("r:") for k in data) == len(REFLECTIONS) == 18
    assert sum(k.startswith("q:") for k in data) >= 15
    packed = pack(course, data, SUSPEND_LIMIT["1.2"])
    text, left = packed["text"], packed["left"]
    whole = pack(course, data, SUSPEND_LIMIT["2004"])
    bare = pack(course, {k: v for k, v in data.items() if not k.startswith("r:")}, SUSPEND_LIMIT["1.2"])["text"]
    journal = sum(len(v) for v in REFLECTIONS.values())
    print(f"\nsuspend_data, SCORM 1.2: {len(text)} of {SUSPEND_LIMIT['1.2']} characters, {len(left)} of "
          f"{len(REFLECTIONS)} reflections left in the browser ({sum(len(data[k]['t']) for k in left)} of {journal} "
          f"characters of journal); the whole record: {len(whole['text'])}; without the journal: {len(bare)}")
    assert len(text) <= 4096 and text.isascii() and '"' not in text and "\\" not in text
    assert len(left) <= 4  # what realistic journals cost: a regression shows here
    expected = {k: v for k, v in whole_seconds(data).items() if k not in left}
    assert packed["back"]["d"] == expected  # everything else comes back
    assert whole["left"] == [] and whole["back"]["d"] == whole_seconds(data)  # SCORM 2004 holds it all
    assert len(bare) <= 1600  # the course's structure leaves most of SCORM 1.2's room to the journal


def test_what_does_not_fit_is_the_longest_reflections_and_they_are_named():
    course = shipped_course()
    long = {k: (v + " ") * 4 for k, v in REFLECTIONS.items()}  # every entry four times as long
    data = finished(course, long, attempts=3)
    packed = pack(course, data, SUSPEND_LIMIT["1.2"])
    assert packed["text"] is not None and len(packed["text"]) <= 4096
    left = packed["left"]
    assert left and all(k.startswith("r:") for k in left)
    back = packed["back"]["d"]
    assert set(back) == set(data) - set(left)  # everything else is there
    kept = [k for k in data if k.startswith("r:") and k not in left]
    assert all(len(data[k]["t"]) <= min(len(data[x]["t"]) for x in left) for k in kept)  # longest left out first


def test_course_checks_estimate_agrees_with_the_codec():
    """`course check` estimates suspend_data in Python (lms.state-too-large): within 3 % of the codec."""
    course = shipped_course()
    for reflections in (REFLECTIONS, {k: "" for k in REFLECTIONS}):
        data = finished(course, {k: v for k, v in reflections.items()}, attempts=3)
        data = {k: v for k, v in data.items() if not (k.startswith("r:") and not v["t"])}
        real = len(pack(course, data, 100_000)["text"])
        estimate = suspend_length(course, data)
        assert abs(estimate - real) <= 0.03 * real, (estimate, real)
