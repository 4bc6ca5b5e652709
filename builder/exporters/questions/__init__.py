"""The quizzes as a Moodle question bank: GIFT (gift.py) or Moodle XML (moodle_xml.py).

One category per module and quiz under the course's; what a format cannot hold is collected as
notes (`Bank.losses`) that `course export` prints.
"""

from __future__ import annotations

from pathlib import Path

from ...model import Course
from ...output_dir import inside
from .bank import Bank, collect

SUFFIX = {"gift": "gift", "moodle-xml": "xml"}


def export_bank(course: Course, fmt: str, dist: Path, module: str | None = None, lang: str = "") -> tuple[Path, int, list[str]]:
    from . import gift, moodle_xml

    bank = collect(course, module)
    text = gift.render(bank) if fmt == "gift" else moodle_xml.render(bank)
    scope = (f"-{module}" if module else "") + (f"-{lang}" if lang else "")
    path = inside(dist, f"{course.info.id}-{course.info.version}-questions{scope}.{SUFFIX[fmt]}")
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path, bank.count, bank.losses


__all__ = ["Bank", "export_bank"]
