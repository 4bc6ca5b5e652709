"""A SCORM package from the offline build of the site: the shell, its data, the schemas, the manifest.

The offline build (explicit index.html links, search inlined) is what an LMS can serve: it hands
out the package's files one by one and does not map a folder URL to its index.html.
"""

from __future__ import annotations

import html
import re
import shutil
from importlib import resources
from pathlib import Path

from ...model import Course
from ...output_dir import MARKER, inside
from ...render.site import ASSET_DIR
from ...render.strings import direction, t
from ..archive import zip_folder
from .checks import manifest_problems
from .data import final_assessment, shell_script
from .manifest import LAUNCH, manifest_xml

SHELL_DIR = "assets/scorm"
STANDARD_OF = {"scorm12": "1.2", "scorm2004": "2004"}


def launch_page(course: Course) -> str:
    scripts = [f"{ASSET_DIR}/strings.js", f"{ASSET_DIR}/manifest.js", f"{SHELL_DIR}/data.js",
               f"{SHELL_DIR}/codec.js", f"{SHELL_DIR}/grading.js", f"{SHELL_DIR}/shell.js"]
    tags = "\n".join(f'<script src="{s}" defer></script>' for s in scripts)
    title = html.escape(course.info.title)
    return (
        f'<!doctype html>\n<html lang="{html.escape(course.info.language)}" dir="{direction(course.info.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
        f'<link rel="stylesheet" href="{SHELL_DIR}/shell.css">\n{tags}\n</head>\n<body>\n'
        f'<div class="cb-lms-messages"></div>\n'
        f'<iframe class="cb-lms-frame" title="{html.escape(t("lms_frame", course.info.language))}"></iframe>\n</body>\n</html>\n'
    )


def grading_script() -> str:
    """The runtime's grading rules for the shell (one set of rules: assets/runtime/grading.js), with
    the one helper of base.js they use."""
    runtime = resources.files("builder") / "assets" / "runtime"
    helper = next(line for line in (runtime / "base.js").read_text(encoding="utf-8").splitlines() if line.startswith("const obj ="))
    return helper + "\n" + (runtime / "grading.js").read_text(encoding="utf-8")


def assemble(site: Path, course: Course, fmt: str) -> list[str]:
    """Turn the built SITE folder into the package's contents, in place. Returns its problems."""
    standard = STANDARD_OF[fmt]
    shipped = resources.files("builder")
    (site / MARKER).unlink(missing_ok=True)  # the build's output marker is no part of the package
    (site / LAUNCH).write_text(launch_page(course), encoding="utf-8")
    shell = site / SHELL_DIR
    shell.mkdir(parents=True, exist_ok=True)
    for name in ("codec.js", "shell.js", "shell.css"):
        (shell / name).write_text((shipped / "assets" / "scorm" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (shell / "data.js").write_text(shell_script(course, standard), encoding="utf-8")
    (shell / "grading.js").write_text(grading_script(), encoding="utf-8")
    xsd = shipped / "exporters" / "scorm" / "xsd" / ("scorm12" if standard == "1.2" else "scorm2004")
    for item in xsd.iterdir():  # the schemas at the package root, where schemaLocation finds them
        if item.is_file():
            shutil.copyfile(str(item), site / item.name)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    final = final_assessment(course)
    identifier = re.sub(r"[^\w.-]", "-", f"cb-{course.info.id}-{course.info.version}-{fmt}")
    (site / "imsmanifest.xml").write_bytes(manifest_xml(standard, identifier, course.info.title, course.info.version,
                                                        final.pass_mark if final else None, files))
    return manifest_problems(site, standard)


def package(site: Path, course: Course, fmt: str, dist: Path, name: str) -> Path:
    problems = assemble(site, course, fmt)
    if problems:  # our own manifest is wrong: a bug, not the author's mistake
        raise RuntimeError("SCORM manifest: " + "; ".join(problems))
    return zip_folder(site, inside(dist, f"{name}.zip"), first=("imsmanifest.xml",))
