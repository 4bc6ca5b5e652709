"""Every diagnostic code, with its exact message: tests/fixtures/diagnostics.txt.

Each case overlays files on the minimal course and expects `course check`'s exact output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from conftest import REPO, copy_project, overlay, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "diagnostics.txt"
CASES = read_fixture_file(FIXTURES)


@pytest.mark.parametrize("line,title,given,expected", CASES, ids=[c[1] for c in CASES])
def test_diagnostic(tmp_path, line, title, given, expected):
    root = copy_project("minimal", tmp_path)
    overlay(root, given)
    status, output = run_cli("check", "--root", str(root))
    assert output == expected, f"case at {FIXTURES.name}:{line}"
    assert status == (1 if " error" in expected.splitlines()[-1] and not expected.splitlines()[-1].startswith("0 errors") else 0)


def test_every_code_has_a_case():
    codes_in_code = set()
    for path in (REPO / "builder").rglob("*.py"):
        codes_in_code |= set(re.findall(r'"((?:[a-z]+)\.[a-z]+(?:-[a-z]+)+|[a-z]+\.(?:syntax|orphan|empty|encoding|unreadable|missing|invalid))"', path.read_text()))
        for prefix in re.findall(r'FieldChecker\([^)]*"([a-z]+)"\)', path.read_text()):
            codes_in_code |= {f"{prefix}.{s}" for s in ("unknown-key", "wrong-type", "missing-key")}
    codes_in_code -= {"page.missing-key"}  # pages have no required keys
    documented = set(re.findall(r"^\| `([a-z.-]+)` \|", (REPO / "docs" / "diagnostics.md").read_text(), re.M))
    tested = set(re.findall(r"\[([a-z]+\.[a-z-]+)\]$", FIXTURES.read_text(), re.M))
    assert codes_in_code - tested == set(), "codes without a fixture case"
    assert codes_in_code - documented == set(), "codes missing from docs/diagnostics.md"
