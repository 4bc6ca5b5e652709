"""Rewrite the expected output of tests/fixtures/diagnostics.txt from the current code.

Run after changing a message on purpose, then review `git diff tests/fixtures`.
"""

import sys
import tempfile
from pathlib import Path

from markdown_it.utils import read_fixture_file

sys.path.insert(0, str(Path(__file__).parent))
from conftest import copy_project, overlay, run_cli  # noqa: E402


def main(source: str, target: str) -> None:
    cases = []
    for _, title, given, _ in read_fixture_file(source):
        with tempfile.TemporaryDirectory() as tmp:
            root = copy_project("minimal", Path(tmp))
            overlay(root, given)
            _, output = run_cli("check", "--root", str(root))
        cases.append(f"{title}\n.\n{given}.\n{output}.\n")
    Path(target).write_text("\n".join(cases), encoding="utf-8")


if __name__ == "__main__":
    fixtures = str(Path(__file__).parent / "fixtures" / "diagnostics.txt")
    main(sys.argv[1] if len(sys.argv) > 1 else fixtures, fixtures)
