"""The quiz YAML loader answers every tag exactly as PyYAML's SafeLoader does (it only answers faster)."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.diagnostics import Report, SourceSpan
from builder.loading.yaml_source import _Loader, parse_yaml

SCALARS = ["yes", "No", "~", "", "1", "-2", "+3", "1.5", ".inf", ".NaN", "0x1f", "0o7", "1_000", "2026-11-28",
           "2026-11-28 10:00:00", "null", "Null", "true", "False", "on", "off", "y", "n", "<<", "=", "text", "é",
           "Trueish", "Nullable", "False friends", "NULL", "FALSE", "Yes!", "off-topic", "tilde ~", "'quoted yes'", "'1'", '"2"', "!!str 12", "|\n  true\n", ">\n  1\n", "[1, yes, b]", "{k: 1.5}"]


def tags(node) -> list[str]:
    found = [node.tag]
    for item in node.value if isinstance(node.value, list) else ():
        for child in item if isinstance(item, tuple) else (item,):
            found += tags(child)
    return found


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SCALARS), min_size=1, max_size=6))
def test_every_node_gets_the_tag_safeloader_gives(values):
    document = "\n".join(f"k{i}: {value}" for i, value in enumerate(values)) + "\nlist:\n" + \
        "\n".join(f"  - {value}" for value in values if not value.startswith(("|", ">")))
    try:
        expected = tags(yaml.compose(document, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return
    assert tags(yaml.compose(document, Loader=_Loader)) == expected


def test_values_are_what_safe_load_gives():
    document = "a: yes\nb: 'yes'\nc: ~\nd: ''\ne: 1.5\nf: [1, x, 'y', true]\ng: |\n  block\nh: 2026-11-28\n"
    data, _ = parse_yaml(document, SourceSpan("q.yml"), Report())
    assert data == yaml.safe_load(document)
