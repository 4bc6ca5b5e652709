"""`:::` fenced divs render as their authors meant: tests/fixtures/fenced_divs.txt holds one case per
known class, Markdown in and HTML out, rendered with the shipped mkdocs.yml's extensions (learner
edition: instructor notes are cut). Regenerate with tests/fenced_div_cases.py after a deliberate change.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from markdown_it.utils import read_fixture_file

from builder.loading.fenced_divs import parse
from builder.render.fenced_divs import EXTENSIONS, translate

REPO = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "fenced_divs.txt"


def _extensions():
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        names.append(name)
        if isinstance(entry, dict) and isinstance(entry[name], dict):
            configs[name] = entry[name]
    configs.pop("toc", None)  # permalinks are MkDocs' business, not the mapping's
    return [*names, *(e for e in EXTENSIONS if e not in names)], configs


def render(source: str, facilitator: bool = False) -> str:
    names, configs = _extensions()
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(translate(source, facilitator)) + "\n"


CASES = read_fixture_file(FIXTURES)


@pytest.mark.parametrize("line,title,given,expected", CASES, ids=[c[1] for c in CASES])
def test_rendered(line, title, given, expected):
    assert render(given) == expected, f"case at {FIXTURES.name}:{line}"


def test_every_known_class_has_a_case():
    from builder.loading.fenced_divs import KNOWN

    assert {f"class {name}" for name in KNOWN} <= {c[1] for c in CASES}


def test_learner_edition_never_holds_instructor_text():
    source = "::: challenge\nTry it.\n\n::: instructor\nGroups often disagree here.\n:::\n:::\n"
    assert "disagree" not in render(source)
    assert "Groups often disagree here." in render(source, facilitator=True)


def test_solution_headings_stay_out_of_the_table_of_contents():
    source = "# Page\n\n::: solution\n\n## Solution\n\n### Step one\n\nText.\n:::\n"
    html = render(source)
    assert "<h2" not in html and "<h3" not in html and "<strong>Step one</strong>" in html


@pytest.mark.parametrize("source,problem", [
    ("::: challenge\ntext\n", "div.unclosed"),
    (":::\n", "div.stray-close"),
    ("::: {.a title=\\\"x\\\" ]}\n:::\n", "div.bad-attributes"),
])
def test_structure_problems(source, problem):
    assert [p.code for p in parse(source.split("\n")).problems] == [problem]


def test_fences_of_different_lengths_nest():
    tree = parse("::::: outer\n::: inner\n:::\n:::::\n".split("\n"))
    assert [d.name for d in tree.divs] == ["outer"] and [c.name for c in tree.divs[0].children] == ["inner"]
    assert tree.problems == []


def test_module_overview_shows_what_the_trainer_declared(tmp_path):
    from conftest import copy_project, run_cli

    root = copy_project("minimal", tmp_path)
    index = root / "modules" / "01-basics" / "index.md"
    index.write_text(index.read_text().replace("references:", "prerequisites: []\nreferences:"))
    status, output = run_cli("build", "--root", str(root), "--strict")
    assert status == 0, output
    page = (root / "site" / "01-basics" / "index.html").read_text()
    for text in ("Everything a course can hold, once.", "Introductory", "10 minutes", "recognise every question type"):
        assert text in page
    last = (root / "site" / "01-basics" / "01-first" / "index.html").read_text()
    assert "Nobody (2024). A test reference." in last
