"""The certificate's verification code (builder/certificate.py; the runtime computes the same, see
tests/browser/test_certificate.py): derived from the claims a certificate prints, checked by
`course verify RECORD --code`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.certificate import certificate_code, normalise_code
from conftest import PROJECTS, run_cli

GENUINE = Path(__file__).parent / "fixtures" / "records" / "minimal-genuine.json"
MINIMAL = str(PROJECTS / "minimal")


def test_the_code_is_eight_unambiguous_characters_and_depends_on_every_printed_claim():
    record = json.loads(GENUINE.read_text())
    code = certificate_code(record)
    assert len(code) == 9 and code[4] == "-" and not set(code) & set("ILOU")
    assert certificate_code(json.loads(GENUINE.read_text())) == code  # stable
    for edit in (lambda r: r["learner"].update(name="Someone Else"), lambda r: r["course"].update(version="9"),
                 lambda r: r["modules"][0].update(completed="2020-01-01"), lambda r: r.update(total_minutes=999)):
        changed = json.loads(GENUINE.read_text())
        edit(changed)
        assert certificate_code(changed) != code
    spaced = json.loads(GENUINE.read_text())
    spaced["learner"]["name"] = "  Ana   Teacher "
    spaced["issued"] = "2030-01-01T00:00:00.000Z"  # reprinting on another day keeps the code
    assert certificate_code(spaced) == code


@pytest.mark.parametrize("typed,printed", [("abcd-efgh", "ABCD-EFGH"), ("ABCD EFGH", "ABCD-EFGH"), ("0O1I-L234", "0011-1234")])
def test_codes_are_read_as_typed(typed, printed):
    assert normalise_code(typed) == printed


def test_course_verify_accepts_the_records_code_and_rejects_a_changed_one():
    code = certificate_code(json.loads(GENUINE.read_text()))
    status, output = run_cli("verify", str(GENUINE), "--root", MINIMAL, "--code", code)
    assert status == 0 and f"certificate code {code}: matches the certificate" in output, output
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    status, output = run_cli("verify", str(GENUINE), "--root", MINIMAL, "--code", wrong)
    assert status == 1 and f"the certificate's code {wrong} does not match this record" in output
    status, output = run_cli("verify", str(GENUINE), "--root", MINIMAL)
    assert status == 0 and f"certificate code {code}" in output
