"""mkdocs.yml as `course check` reads it, without MkDocs, agrees with the plugin MkDocs loads."""

from __future__ import annotations

from builder.config_checks import PLUGIN_OPTIONS


def test_the_plugin_options_check_reads_are_the_ones_the_plugin_declares():
    from builder.mkdocs_plugin import CourseConfig

    declared = {name: option for name, option in CourseConfig._schema}
    assert set(declared) == set(PLUGIN_OPTIONS)
    for name, (kind, _) in PLUGIN_OPTIONS.items():
        option = declared[name]
        inner = getattr(option, "option", option)  # Optional(Type(str)) wraps its Type
        if hasattr(inner, "choices"):  # Choice: the values are text
            assert kind is str and all(isinstance(c, str) for c in inner.choices), name
            continue
        assert inner._type is kind, name
