"""Hostile and accidental inputs get a diagnostic, never a traceback, a hang or a leak (issue 10,
items 3, 8 and 9). Cases with one exact message live in fixtures/diagnostics.txt; these need files
the fixture format cannot write (symbolic links, zips) or compare what two readers see."""

from __future__ import annotations

import os
import time
import zipfile

import pytest

from builder.diagnostics import Report
from builder.settings import load_settings
from conftest import copy_project, overlay, run_cli


@pytest.fixture
def course(tmp_path):
    return copy_project("minimal", tmp_path / "course")


# --- symbolic links that leave the course (item 3) ---

@pytest.fixture
def secret(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "id_rsa").write_text("-----BEGIN PRIVATE KEY-----\n")
    (folder / "notes.md").write_text("# Private notes\n")
    return folder


def test_links_leaving_the_course_are_errors_and_never_followed(course, secret):
    links = {
        "modules/01-basics/keys": secret,  # a folder elsewhere
        "modules/private.md": secret / "notes.md",  # a page elsewhere
        "modules/01-basics/figures/key.png": secret / "id_rsa",
        "modules/etc": "/etc",  # a system folder
        "modules/proc": "/proc",
        "modules/up": "..",  # the course root: modules/ again, and mkdocs.yml
        "quizzes/shared": secret,
        "quizzes/gone.yml": "nowhere.yml",
        "modules/loop.md": "loop.md",
    }
    for name, target in links.items():
        os.symlink(target, course / name)
    status, output = run_cli("check", "--root", str(course))
    assert status == 1 and "Traceback" not in output
    for name, target in links.items():
        code = "file.symlink-broken" if name in ("quizzes/gone.yml", "modules/loop.md") else "file.symlink-outside"
        assert f"{name}: error: symbolic link to '{target}'" in output and f"[{code}]" in output, name
    assert "Private notes" not in output and "PRIVATE KEY" not in output
    status, output = run_cli("build", "--root", str(course))
    assert status == 1 and "Traceback" not in output
    assert not (course / "site").exists()


def test_links_inside_the_course_are_fine(course):
    os.symlink("01-basics/figures", course / "modules" / "shared-figures")
    os.symlink("basics-check.yml", course / "quizzes" / "alias.txt")
    status, output = run_cli("check", "--root", str(course))
    assert status == 0, output


@pytest.mark.slow
def test_plain_mkdocs_build_refuses_a_leaking_link(course, secret):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    os.symlink(secret / "id_rsa", course / "modules" / "01-basics" / "figures" / "key.png")
    with pytest.raises((Abort, PluginError)):
        build(load_config(config_file=str(course / "mkdocs.yml")))
    assert not any("PRIVATE KEY" in p.read_text(errors="ignore") for p in (course / "site").rglob("*") if p.is_file())


# --- YAML that would hang, crash or change ids (item 8) ---

def billion_laughs(levels: int = 9) -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    for i in range(1, levels):
        text += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i > 1 else "*a"] * 9) + "]\n"
    return text


@pytest.mark.parametrize("where", ["quizzes/lol.yml", "modules/01-basics/02-lol.md"])
def test_billion_laughs_is_refused_as_fast_as_a_plain_check(course, where):
    """Expanding the bomb would take minutes and gigabytes; refusing it costs about what a check of
    the course without it costs (measured just before, in this process, so machine load cancels)."""
    start = time.perf_counter()
    run_cli("check", "--root", str(course))
    baseline = time.perf_counter() - start
    text = "id: lol\nmodule: basics\ntitle: Laughs\nkind: check\n" + billion_laughs() + "questions: *a8\n"
    if where.endswith(".md"):
        text = "---\n" + text.replace("id: lol\nmodule: basics\n", "").replace("kind: check\n", "").replace("questions:", "search:") + "---\n# Page\n"
    overlay(course, f"=== {where}\n{text}")
    start = time.perf_counter()
    status, output = run_cli("check", "--root", str(course))
    elapsed = time.perf_counter() - start
    assert status == 1 and "[yaml.alias-expansion]" in output and "Traceback" not in output
    assert elapsed < max(1.0, 4 * baseline), (elapsed, baseline)


def test_small_aliases_still_work(course):
    quiz = (course / "quizzes" / "basics-end.yml").read_text()
    quiz = quiz.replace("    answer: true\n", "    answer: &yes true\n", 1) + "  - {id: q3, type: true_false, prompt: Three is odd., answer: *yes}\n"
    (course / "quizzes" / "basics-end.yml").write_text(quiz)
    status, output = run_cli("check", "--root", str(course))
    assert status == 0, output


@pytest.mark.parametrize("written,read", [("010", "8"), ("1.50", "1.5"), ("0x1F", "31"), ("1_000", "1000"), ("yes", "True"), ("2026-01-01", "datetime.date(2026, 1, 1)")])
def test_ids_are_never_converted(course, written, read):
    quiz = (course / "quizzes" / "basics-end.yml").read_text().replace("  - id: q1\n", f"  - id: {written}\n")
    (course / "quizzes" / "basics-end.yml").write_text(quiz)
    status, output = run_cli("check", "--root", str(course))
    assert status == 1 and "'id' in a question must be text" in output, output
    assert f'hint: write ids as text, in quotes: id: "{written}"' in output


def test_numbers_in_text_keep_their_digits(course):
    from builder.pipeline import load_course

    quiz = (course / "quizzes" / "basics-end.yml").read_text().replace("title: End of module", "title: 1.50")
    quiz = quiz.replace('answers: ["yes"]', "answers: [010, 0x1F]")
    (course / "quizzes" / "basics-end.yml").write_text(quiz)
    loaded, report = load_course(load_settings(course, Report()))
    assert report.ok, report.format()
    assert loaded.quizzes["basics-end"].title == "1.50"
    assert loaded.quizzes["basics-end"].question("q2").answers == ("010", "0x1F")


# --- tracebacks still reachable (item 9) ---

def test_a_300_character_link_target_is_a_broken_link(course):
    long = "a" * 300
    overlay(course, f"=== modules/01-basics/02-long.md\n# Long\n\n[far]({long}.md) and ![img]({long}/{long}.png)\n")
    status, output = run_cli("check", "--root", str(course))
    assert status == 1 and "Traceback" not in output
    assert "[link.broken]" in output and "[image.missing]" in output


def test_a_300_character_module_title_makes_a_module(course):
    status, output = run_cli("new", "module", "Managing " * 40, "--root", str(course))
    assert status == 0, output
    assert run_cli("check", "--root", str(course))[0] == 0


def make_copy(tmp_path) -> zipfile.Path:
    archive = tmp_path / "copy.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        import hashlib

        page = b"<html>" + b"course " * 2000 + b"</html>"
        zf.writestr("copy/index.html", page)
        zf.writestr("copy/CHECKSUMS.sha256", f"{hashlib.sha256(page).hexdigest()}  index.html\n")
    return archive


def test_verify_copy_of_a_damaged_zip_says_damaged(tmp_path):
    archive = make_copy(tmp_path)
    assert run_cli("verify-copy", str(archive))[0] == 0
    data = bytearray(archive.read_bytes())
    start = data.index(b"index.html") + len("index.html") + 20  # inside the deflated page
    data[start:start + 40] = b"\xff" * 40
    archive.write_bytes(bytes(data))
    status, output = run_cli("verify-copy", str(archive))
    assert status == 1 and "changed: index.html" in output and "Traceback" not in output


@pytest.mark.parametrize("cut", [0.3, 0.9])
def test_verify_copy_of_a_truncated_zip(tmp_path, cut):
    archive = make_copy(tmp_path)
    data = archive.read_bytes()
    archive.write_bytes(data[: int(len(data) * cut)])
    status, output = run_cli("verify-copy", str(archive))
    assert status == 1 and "error:" in output and "Traceback" not in output


def test_plugins_as_a_mapping_are_read_like_mkdocs(course):
    config = course / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n  - search\n  - course:\n", "plugins:\n  search: {}\n  course:\n"))
    settings = load_settings(course, Report())
    assert settings.course_id == "minimal" and settings.version == "0.1.0"
    assert run_cli("check", "--root", str(course))[0] == 0


@pytest.mark.parametrize("plugins", ["plugins: 5\n", "plugins: [{course: 5}]\n", "plugins: {course: [a]}\n"])
def test_plugins_of_the_wrong_shape_are_diagnosed(course, plugins):
    config = course / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text[: text.index("plugins:")] + plugins)
    status, output = run_cli("check", "--root", str(course))
    assert status == 1 and "[config.invalid]" in output and "Traceback" not in output


def mkdocs_reading(root):
    """The course plugin's options as MkDocs itself reads mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"))
    return config.plugins["course"].config


def test_env_tags_are_read_as_mkdocs_reads_them(course, monkeypatch):
    monkeypatch.setenv("COURSE_VERSION", "2.1.0")
    monkeypatch.delenv("NO_SUCH_VARIABLE", raising=False)
    config = course / "mkdocs.yml"
    config.write_text(config.read_text().replace('course_id: minimal', "course_id: !ENV [NO_SUCH_VARIABLE, from-env]")
                      .replace('version: "0.1.0"', "version: !ENV COURSE_VERSION"))
    settings = load_settings(course, Report())
    mkdocs = mkdocs_reading(course)
    assert (settings.course_id, settings.version) == (mkdocs["course_id"], mkdocs["version"]) == ("from-env", "2.1.0")


def test_inherit_is_read_as_mkdocs_reads_it(course):
    config = course / "mkdocs.yml"
    (course / "base.yml").write_text(config.read_text().replace('version: "0.1.0"', 'version: "9.9.9"\n      language: en'))
    config.write_text("INHERIT: base.yml\nplugins:\n  - search\n  - course:\n      course_id: child\n")
    settings = load_settings(course, Report())
    mkdocs = mkdocs_reading(course)
    assert settings.course_id == mkdocs["course_id"] == "child"
    assert settings.version == mkdocs["version"]  # lists are replaced, not merged: the default
    assert settings.docs_dir == course / "modules"


@pytest.mark.parametrize("base,expected", [
    (None, "mkdocs.yml:1: error: INHERIT: cannot read 'base.yml': No such file or directory [config.invalid]"),
    ("INHERIT: mkdocs.yml\n", "base.yml:1: error: INHERIT: 'mkdocs.yml' leads back to a file that inherits it [config.invalid]"),
])
def test_inherit_problems_are_diagnosed(course, base, expected):
    if base is not None:
        (course / "base.yml").write_text(base)
    config = course / "mkdocs.yml"
    config.write_text("INHERIT: base.yml\n" + config.read_text())
    status, output = run_cli("check", "--root", str(course))
    assert status == 1 and expected in output, output


def test_billion_laughs_in_mkdocs_yml_is_refused(course):
    config = course / "mkdocs.yml"
    laughs = "".join("  " + line + "\n" for line in billion_laughs().splitlines())
    config.write_text(config.read_text() + "extra:\n" + laughs + "extra_css: *a8\n")
    start = time.perf_counter()
    status, output = run_cli("build", "--root", str(course))
    assert status == 1 and "mkdocs.yml: error: aliases (*name) expand mkdocs.yml" in output
    assert time.perf_counter() - start < 1.0
