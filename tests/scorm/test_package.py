"""The SCORM packages as an LMS receives them: valid manifests listing every file, nothing remote."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from builder.exporters.scorm.checks import manifest_problems
from builder.privacy import scan_site
from conftest import REPO, copy_project, run_cli

pytestmark = pytest.mark.slow
XSD = REPO / "builder" / "exporters" / "scorm" / "xsd"
# SCORM 1.2's imscp schema imports ims_xml.xsd, which xmlschema refuses (it binds the reserved xml
# prefix): the fixture copy imports the W3C xml.xsd instead (tests/fixtures/scorm-xsd/README.md).
SCHEMAS = {
    "scorm12": lambda: xmlschema.XMLSchema(
        str(REPO / "tests" / "fixtures" / "scorm-xsd" / "imscp_rootv1p1p2-xmlschema.xsd"),
        locations={"http://www.adlnet.org/xsd/adlcp_rootv1p2": str(XSD / "scorm12" / "adlcp_rootv1p2.xsd")}),
    "scorm2004": lambda: xmlschema.XMLSchema(str(XSD / "scorm2004" / "imscp_v1p1.xsd"), locations={
        "http://www.adlnet.org/xsd/adlcp_v1p3": str(XSD / "scorm2004" / "adlcp_v1p3.xsd"),
        "http://www.adlnet.org/xsd/adlseq_v1p3": str(XSD / "scorm2004" / "adlseq_v1p3.xsd"),
        "http://www.adlnet.org/xsd/adlnav_v1p3": str(XSD / "scorm2004" / "adlnav_v1p3.xsd"),
        "http://www.imsglobal.org/xsd/imsss": str(XSD / "scorm2004" / "imsss_v1p0.xsd")}),
}
CP = {"scorm12": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "scorm2004": "http://www.imsglobal.org/xsd/imscp_v1p1"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    root = copy_project("journey", tmp_path_factory.mktemp("journey"))
    out = {}
    for fmt in SCHEMAS:
        status, output = run_cli("export", fmt, "--root", str(root))
        assert status == 0, output
        archive = root / "dist" / f"journey-1.0.0-{fmt}.zip"
        assert f"wrote {archive}" in output
        folder = root / fmt
        with zipfile.ZipFile(archive) as zf:
            assert zf.namelist()[0] == "imsmanifest.xml"  # at the root, where an LMS looks
            zf.extractall(folder)
        out[fmt] = folder
    return out


@pytest.mark.parametrize("fmt", list(SCHEMAS))
def test_manifest_is_valid_against_the_official_schemas_and_lists_every_file(packages, fmt):
    folder = packages[fmt]
    manifest = folder / "imsmanifest.xml"
    SCHEMAS[fmt]().validate(str(manifest))
    assert manifest_problems(folder, fmt.replace("scorm", "").replace("12", "1.2")) == []
    root = ET.parse(manifest).getroot()
    ns = {"cp": CP[fmt]}
    listed = {f.get("href") for f in root.iterfind(".//cp:file", ns)}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"imsmanifest.xml"}
    assert listed == present
    assert {"launch.html", "index.html", "assets/scorm/shell.js", "assets/course/course.js"} <= listed
    assert root.get("version") == "1.0.0"
    assert root.findtext("cp:organizations/cp:organization/cp:title", namespaces=ns) == "Journey course"
    assert len(root.findall(".//cp:item", ns)) == 1 and len(root.findall(".//cp:resource", ns)) == 1  # one SCO


def test_mastery_score_is_the_final_assessments_pass_mark(packages):
    root12 = ET.parse(packages["scorm12"] / "imsmanifest.xml").getroot()
    assert root12.findtext(".//{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore") == "60"
    root04 = ET.parse(packages["scorm2004"] / "imsmanifest.xml").getroot()
    primary = root04.find(".//{http://www.imsglobal.org/xsd/imsss}primaryObjective")
    assert primary.get("satisfiedByMeasure") == "true"
    assert primary.findtext("{http://www.imsglobal.org/xsd/imsss}minNormalizedMeasure") == "0.60"


def test_our_checks_catch_what_the_2004_schema_lets_through(packages, tmp_path):
    schema = SCHEMAS["scorm2004"]()
    original = (packages["scorm2004"] / "imsmanifest.xml").read_text(encoding="utf-8")
    broken = {
        "adlcp:scormtype=": original.replace("adlcp:scormType=", "adlcp:scormtype="),
        "schemaversion": original.replace("2004 4th Edition", "CAM 1.3"),
    }
    for what, text in broken.items():
        assert schema.is_valid(text), what  # the XSD's lax wildcard takes it
        folder = tmp_path / what.strip(":=")
        folder.mkdir()
        (folder / "imsmanifest.xml").write_text(text, encoding="utf-8")
        for path in ET.fromstring(text).iterfind(".//{http://www.imsglobal.org/xsd/imscp_v1p1}file"):
            (folder / path.get("href")).parent.mkdir(parents=True, exist_ok=True)
            (folder / path.get("href")).write_text("")
        assert manifest_problems(folder, "2004"), what


def test_every_file_is_checked_both_ways(packages, tmp_path):
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(packages["scorm12"], folder)
    (folder / "stray.txt").write_text("not listed")
    (folder / "index.html").unlink()
    problems = manifest_problems(folder, "1.2")
    assert "stray.txt is in the package but not in the manifest" in problems
    assert "index.html is in the manifest but not in the package" in problems


@pytest.mark.parametrize("fmt", list(SCHEMAS))
def test_nothing_in_the_package_loads_from_a_third_party(packages, fmt):
    assert scan_site(packages[fmt]) == []
