"""A school brands its copy with one colour; check refuses a colour that makes the header unreadable."""

from __future__ import annotations

from builder.render.brand import contrast, problem

from conftest import copy_project, run_cli


def test_contrast_follows_wcag():
    assert round(contrast("#000000"), 1) == 21.0
    assert round(contrast("#767676"), 2) == 4.54  # the lightest grey that passes AA on white
    assert problem("#0b5e55") is None
    assert "contrast of 2.2:1" in problem("#f0a000")
    assert "hex colour" in problem("teal")


def test_brand_colour_reaches_the_site_and_a_bad_one_is_refused(tmp_path):
    root = copy_project("minimal", tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace('version: "0.1.0"', 'version: "0.1.0"\n      colour: "#0b5e55"'))
    status, output = run_cli("build", "--root", str(root), "--strict")
    assert status == 0, output
    assert "--cb-brand: #0b5e55" in (root / "site" / "assets" / "course" / "brand.css").read_text()
    assert "assets/course/brand.css" in (root / "site" / "index.html").read_text()
    config.write_text(config.read_text().replace("#0b5e55", "#ffd700"))
    status, output = run_cli("check", "--root", str(root))
    assert status == 1 and "[config.brand-colour]" in output
