"""The Markdown a trainer expects works with the shipped mkdocs.yml: footnotes, definition lists,
task lists, highlighted/inserted/deleted text, abbreviations and mathematics (MathML, no script)."""

from __future__ import annotations

import re

import yaml

from conftest import REPO, copy_project, run_cli

PAGE = r"""# Features

Pupils learn faster with support.[^bell] The EAL team[^team] helps.

[^bell]: Strand & Hessel (2018).
[^team]: English as an additional language.

Scaffolding
:   Temporary support that is taken away as the pupil grows.

- [x] Book the interpreter
- [ ] Prepare the visual timetable

==Highlighted==, ^^inserted^^ and ~~deleted~~ text. The CEFR sets levels.

*[CEFR]: Common European Framework of Reference for Languages

Inline $a^2 + b^2 = c^2$ and a display formula:

$$
\frac{1}{2}
$$
"""


def test_features_render_with_the_shipped_settings(tmp_path):
    root = copy_project("minimal", tmp_path)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    shipped = yaml.safe_load((REPO / "mkdocs.yml").read_text())
    config["markdown_extensions"] = shipped["markdown_extensions"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    (root / "modules" / "01-basics" / "02-features.md").write_text(PAGE)
    assert run_cli("check", "--strict", "--root", str(root))[0] == 0
    status, output = run_cli("build", "--strict", "--root", str(root))
    assert status == 0, output
    html = (root / "site" / "01-basics" / "02-features" / "index.html").read_text()
    assert 'class="footnote"' in html and 'href="#fn:bell"' in html
    assert "<dl>" in html and "<dt>Scaffolding</dt>" in html
    assert 'class="task-list-item"' in html
    assert "<mark>Highlighted</mark>" in html and "<ins>inserted</ins>" in html and "<del>deleted</del>" in html
    assert '<abbr title="Common European Framework of Reference for Languages">CEFR</abbr>' in html
    assert len(re.findall(r'<math xmlns="http://www.w3.org/1998/Math/MathML" display="(inline|block)">', html)) == 2
    assert "arithmatex" not in html and "mathjax" not in html.lower()
