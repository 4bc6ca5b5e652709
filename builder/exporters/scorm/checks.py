"""Our own checks of a package's manifest: what the SCORM XSDs let through.

The 2004 schema's `resource` accepts any attribute (a lax wildcard), so a misspelled
`adlcp:scormType` or a wrong `schemaversion` still validates; neither XSD knows the package's
files. Returns problems as sentences; the exporter stops on any (a bug, not a course error).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from .manifest import STANDARDS


def manifest_problems(folder: Path, standard: str) -> list[str]:
    spec = STANDARDS[standard]
    cp, adlcp = spec["cp"], spec["adlcp"]
    problems = []
    root = ET.parse(folder / "imsmanifest.xml").getroot()
    if root.tag != f"{{{cp}}}manifest":
        return [f"the root element is {root.tag}, not the SCORM {standard} manifest"]
    version = root.findtext(f"{{{cp}}}metadata/{{{cp}}}schemaversion")
    if version != spec["schemaversion"]:
        problems.append(f"schemaversion is {version!r}, not {spec['schemaversion']!r}")
    resources = root.findall(f"{{{cp}}}resources/{{{cp}}}resource")
    ids = {r.get("identifier") for r in resources}
    for item in root.iter(f"{{{cp}}}item"):
        if item.get("identifierref") and item.get("identifierref") not in ids:
            problems.append(f"item {item.get('identifier')} points at no resource")
    listed = set()
    for resource in resources:
        kinds = {k: v for k, v in resource.attrib.items() if k.lower().endswith("scormtype")}
        if kinds != {f"{{{adlcp}}}{spec['scormtype']}": "sco"}:
            problems.append(f"resource {resource.get('identifier')} needs adlcp:{spec['scormtype']}=\"sco\", has {kinds}")
        listed |= {f.get("href") for f in resource.findall(f"{{{cp}}}file")}
        if resource.get("href") not in listed:
            problems.append(f"the launch page {resource.get('href')} is not among the resource's files")
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"imsmanifest.xml"}
    problems += [f"{path} is in the package but not in the manifest" for path in sorted(present - listed)]
    problems += [f"{path} is in the manifest but not in the package" for path in sorted(listed - present)]
    return problems
