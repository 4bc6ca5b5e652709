"""imsmanifest.xml for SCORM 1.2 and SCORM 2004 (4th edition): one organization, one item, one SCO.

The manifest carries the course's title and version, the mastery score (the final assessment's
pass mark: 1.2 `adlcp:masteryscore`; 2004 a primary objective satisfied by measure with
`minNormalizedMeasure`) and lists every file of the package.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

LAUNCH = "launch.html"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

STANDARDS = {
    "1.2": {
        "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
        "schemaversion": "1.2",
        "scormtype": "scormtype",  # 1.2 spells it in lower case
        "locations": [("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
                      ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd")],
    },
    "2004": {
        "cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
        "schemaversion": "2004 4th Edition",
        "scormtype": "scormType",
        "locations": [("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
                      ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
                      ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
                      ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
                      ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd")],
    },
}
IMSSS = "http://www.imsglobal.org/xsd/imsss"


def manifest_xml(standard: str, identifier: str, title: str, version: str, mastery: int | None,
                 files: list[str]) -> bytes:
    spec = STANDARDS[standard]
    cp, adlcp = spec["cp"], spec["adlcp"]
    ET.register_namespace("", cp)
    ET.register_namespace("adlcp", adlcp)
    ET.register_namespace("xsi", XSI)
    if standard == "2004":
        ET.register_namespace("imsss", IMSSS)
        ET.register_namespace("adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3")
        ET.register_namespace("adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3")
    q = lambda tag: f"{{{cp}}}{tag}"  # noqa: E731
    root = ET.Element(q("manifest"), {"identifier": identifier, "version": version,
                                      f"{{{XSI}}}schemaLocation": " ".join(f"{ns} {xsd}" for ns, xsd in spec["locations"])})
    meta = ET.SubElement(root, q("metadata"))
    ET.SubElement(meta, q("schema")).text = "ADL SCORM"
    ET.SubElement(meta, q("schemaversion")).text = spec["schemaversion"]
    orgs = ET.SubElement(root, q("organizations"), {"default": "course"})
    org = ET.SubElement(orgs, q("organization"), {"identifier": "course"})
    ET.SubElement(org, q("title")).text = title
    item = ET.SubElement(org, q("item"), {"identifier": "course-sco", "identifierref": "course-resource"})
    ET.SubElement(item, q("title")).text = title
    if mastery is not None and standard == "1.2":
        ET.SubElement(item, f"{{{adlcp}}}masteryscore").text = str(mastery)
    if mastery is not None and standard == "2004":
        sequencing = ET.SubElement(item, f"{{{IMSSS}}}sequencing")
        objectives = ET.SubElement(sequencing, f"{{{IMSSS}}}objectives")
        primary = ET.SubElement(objectives, f"{{{IMSSS}}}primaryObjective",
                                {"objectiveID": "pass-mark", "satisfiedByMeasure": "true"})
        ET.SubElement(primary, f"{{{IMSSS}}}minNormalizedMeasure").text = f"{mastery / 100:.2f}"
    resources = ET.SubElement(root, q("resources"))
    resource = ET.SubElement(resources, q("resource"), {"identifier": "course-resource", "type": "webcontent",
                                                       f"{{{adlcp}}}{spec['scormtype']}": "sco", "href": LAUNCH})
    for path in files:
        ET.SubElement(resource, q("file"), {"href": path})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
