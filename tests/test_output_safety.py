"""No output option of any command can delete the course or someone's files (issue 10, items 1, 2, 13).

A build or export may only replace a folder that is new, empty or marked by an earlier run; the
built files are readable by other users (a web server); a killed run's staging folders are cleaned.
"""

from __future__ import annotations

import os
import stat
import zipfile

import pytest

from builder import output_dir
from conftest import copy_project, run_cli


@pytest.fixture
def course(tmp_path):
    return copy_project("minimal", tmp_path / "course")


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("target,why", [
    (".", "holds the course's own files"),
    ("modules", "holds the course's own files"),
    ("quizzes", "holds the course's own files"),
    ("..", "holds the course's own files"),
    ("modules/01-basics", "is inside the source folder"),
    ("modules/new-folder", "is inside the source folder"),
    ("mkdocs.yml", "holds the course's own files"),
    ("notes", "Course Builder did not make, and it is not empty"),
    ("notes/todo.txt", "is not a folder"),
])
@pytest.mark.parametrize("command", [["build", "--site-dir"]] + [["export", fmt, "--out"] for fmt in ("offline", "scorm12", "scorm2004", "gift", "moodle-xml")])
def test_output_option_never_replaces_the_course_or_other_files(course, command, target, why):
    (course / "notes").mkdir()
    (course / "notes" / "todo.txt").write_text("mine")
    before = snapshot(course.parent)
    status, output = run_cli(*command[:-1], "--root", str(course), command[-1], str(course / target))
    assert status == 2, output
    assert why in output and "Traceback" not in output
    assert snapshot(course.parent) == before


@pytest.mark.parametrize("setting", ["site_dir: modules", "site_dir: .", "site_dir: quizzes", "site_dir: notes"])
def test_site_dir_setting_is_checked_by_build_and_plain_mkdocs(course, setting):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    (course / "notes").mkdir()
    (course / "notes" / "todo.txt").write_text("mine")
    config = course / "mkdocs.yml"
    config.write_text(config.read_text() + setting + "\n")
    before = snapshot(course)
    status, output = run_cli("build", "--root", str(course))
    assert status in (1, 2) and "Traceback" not in output
    assert snapshot(course) == before
    with pytest.raises((PluginError, ConfigurationError, Abort)):
        build(load_config(config_file=str(config)))
    assert snapshot(course) == before


@pytest.mark.slow
def test_a_built_folder_is_marked_and_replaced_by_the_next_build(course):
    for _ in range(2):
        status, output = run_cli("build", "--root", str(course), "--site-dir", str(course / "public"))
        assert status == 0, output
    assert (course / "public" / output_dir.MARKER).is_file()
    empty = course / "empty"
    empty.mkdir()
    assert run_cli("build", "--root", str(course), "--site-dir", str(empty))[0] == 0


@pytest.mark.slow
def test_plain_mkdocs_build_marks_its_site_and_rebuilds(course):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for _ in range(2):
        build(load_config(config_file=str(course / "mkdocs.yml")))
    assert (course / "site" / output_dir.MARKER).is_file()


@pytest.mark.slow
def test_built_site_is_readable_by_others_like_mkdocs_leaves_it(course):
    old = os.umask(0o022)
    try:
        assert run_cli("build", "--root", str(course))[0] == 0
    finally:
        os.umask(old)
    site = course / "site"
    for path in [site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


@pytest.mark.slow
def test_a_killed_runs_staging_folders_are_cleaned_but_a_running_ones_kept(course):
    dead = course / f".site.new-{2**22 + 12345}-abcd"  # above the usual pid_max: no such process
    dead.mkdir()
    (dead / "index.html").write_text("half a build")
    old = course / f".site.old-{2**22 + 12345}-efgh"
    old.mkdir()
    running = course / ".site.new-1-ijkl"  # pid 1 always exists
    running.mkdir()
    assert run_cli("build", "--root", str(course))[0] == 0
    assert not dead.exists() and not old.exists() and running.exists()


@pytest.mark.slow
def test_export_leaves_the_marker_out_of_the_copy(course):
    status, output = run_cli("export", "offline", "--root", str(course))
    assert status == 0, output
    dist = course / "dist"
    assert (dist / output_dir.MARKER).is_file()
    names = zipfile.ZipFile(dist / "minimal-0.1.0-offline.zip").namelist()
    assert not any(output_dir.MARKER in n for n in names)
    assert not (dist / "minimal-0.1.0-offline" / output_dir.MARKER).exists()
    assert [p.name for p in dist.iterdir() if p.name.startswith(".offline")] == []
    assert run_cli("export", "offline", "--root", str(course))[0] == 0  # its own folder: replaced


@pytest.mark.parametrize("name", ["..", "../x", "a/b", "", "a\\b", "."])
def test_exporters_write_only_inside_their_folder(tmp_path, name):
    with pytest.raises(output_dir.UnsafeOutput):
        output_dir.inside(tmp_path, name)


def test_a_preview_rebuild_keeps_the_folder_marked(tmp_path):
    from builder.preview import Preview

    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    output_dir.mark(site)
    Preview().before_build([tmp_path / "modules"], None, site)  # a full rebuild empties the folder first
    assert [p.name for p in site.iterdir()] == [output_dir.MARKER]
