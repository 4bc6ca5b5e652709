"""The certificate on the completion record page: one A4 landscape page with the learner's name,
the course, the modules with dates, the CPD hours, the organisation and signature line from
mkdocs.yml, and a verification code that `course verify --code` accepts for the downloaded record
and rejects when changed."""

from __future__ import annotations

import io
import json

import pytest

from browser.learner import download_json, runtime_ready
from browser.test_journeys import finish_course, visit
from conftest import PROJECTS, run_cli

pytestmark = pytest.mark.browser


def test_the_certificate_prints_on_one_landscape_page_and_its_code_verifies(page, server, tmp_path):
    from pypdf import PdfReader

    base = server.url("journey")
    finish_course(page, base)
    visit(page, base + "record/")
    page.fill("#cb-name", "Ana  Teacher")
    cert = page.locator(".cb-certificate")
    text = " ".join(cert.inner_text().split())
    for expected in ("Riverside Teaching School Hub", "Certificate of completion", "This certifies that Ana Teacher",
                     "Journey course", "Course version 1.0.0", "1.25 hours", "Welcome", "Practice", "M. Okafor, CPD lead"):
        assert expected.casefold() in text.casefold(), expected
    code = page.locator(".cb-certificate__code").inner_text().split("Verification code: ")[1][:9]

    # printed: the certificate alone, on one A4 landscape page
    page.evaluate("document.documentElement.classList.add('cb-printing-certificate')")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    (tmp_path / "certificate.pdf").write_bytes(data)  # to look at when this fails
    pdf = PdfReader(io.BytesIO(data))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape, in points
    printed = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "Ana Teacher" in printed and code in printed and "Download the record" not in printed
    page.evaluate("document.documentElement.classList.remove('cb-printing-certificate')")

    record = download_json(page, "text=Download the record (JSON)")
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record))
    root = str(PROJECTS / "journey")
    status, output = run_cli("verify", str(path), "--root", root, "--code", code.lower().replace("-", " "))
    assert status == 0 and f"certificate code {code}: matches the certificate" in output, output
    changed = code[:-1] + ("Z" if code[-1] != "Z" else "Y")
    status, output = run_cli("verify", str(path), "--root", root, "--code", changed)
    assert status == 1 and f"the certificate's code {changed} does not match this record" in output, output
    record["learner"]["name"] = "Someone Else"  # a certificate made out to another name
    path.write_text(json.dumps(record))
    status, output = run_cli("verify", str(path), "--root", root, "--code", code)
    assert status == 1, output


def test_no_certificate_before_a_module_is_complete(page, server):
    visit(page, server.url("journey") + "record/")
    assert page.locator(".cb-certificate").count() == 0
    assert "complete a module to receive one" in page.locator(".cb-certificate-area").inner_text()
    page.emulate_media(media="print")
    assert not page.locator(".cb-certificate-area").is_visible()  # printing the record leaves it out
