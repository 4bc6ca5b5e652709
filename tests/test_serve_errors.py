"""`course serve` never leaves the browser waiting: while the course has errors, every page shows
them, with the live-reload script, and turns back into the course once they are fixed (issue 10,
items 9 and 12)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import copy_project

pytestmark = pytest.mark.slow


@pytest.fixture
def course(tmp_path):
    return copy_project("minimal", tmp_path / "course")


class Served:
    def __init__(self, root):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from builder.cli import entry; entry()", "serve", "--root", str(root), "-a", f"127.0.0.1:{self.port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )

    def page_has(self, text: str, path: str = "/01-basics/") -> bool:
        """Whether the page comes to hold TEXT within 20 s; each request must answer within 5 s."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5).read().decode()
            except urllib.error.URLError as error:  # not listening yet; a timeout is a hang: it fails
                if not isinstance(error.reason, ConnectionRefusedError):
                    raise
                time.sleep(0.2)
                continue
            if text in page:
                return True
            time.sleep(0.2)
        return False

    def stop(self) -> str:
        self.process.terminate()
        return self.process.communicate(timeout=10)[0]


def test_errors_become_the_page_and_the_course_comes_back_when_fixed(course):
    served = Served(course)
    try:
        assert served.page_has("The basics")
        quiz = course / "quizzes" / "basics-end.yml"
        good = quiz.read_text()
        quiz.write_text(good + "title: [broken\n")
        assert served.page_has("The course has errors")
        assert served.page_has("quizzes/basics-end.yml:16:1: error: YAML syntax error")
        assert served.page_has("livereload", path="/01-basics/01-first/")  # every page, and it reloads itself
        quiz.write_text(good)
        assert served.page_has("The basics")
    finally:
        output = served.stop()
    assert "Traceback" not in output


def test_a_course_with_errors_is_served_as_its_errors_from_the_start(course):
    (course / "quizzes" / "basics-end.yml").write_text("id: 010\n")
    served = Served(course)
    try:
        assert served.page_has("&#x27;id&#x27; in a quiz must be text, not a number")
    finally:
        output = served.stop()
    assert "Traceback" not in output


def test_a_broken_mkdocs_yml_under_serve_is_shown_not_a_traceback(course):
    served = Served(course)
    config = course / "mkdocs.yml"
    good = config.read_text()
    try:
        assert served.page_has("The basics")
        config.write_text(good.replace("theme:", "theme: [\n"))
        assert served.page_has("error parsing the configuration file")
        config.write_text(good.replace("name: material", "name: no-such-theme"))
        assert served.page_has("no-such-theme")
        config.write_text(good)
        assert served.page_has("The basics")
    finally:
        output = served.stop()
    assert "Traceback" not in output
