"""Reading mkdocs.yml as MkDocs reads it, without importing MkDocs (`course check` stays fast).

MkDocs resolves `!ENV VAR` / `!ENV [VAR, OTHER, default]` from the environment and merges the file
named by `INHERIT:` under the one that names it (mappings merged key by key, the child winning;
other values replaced). The settings the CLI reads must be the ones MkDocs builds with, or
`course verify` would check a record against another course id. Other tags (`!!python/name:…`,
`!relative`) only MkDocs can resolve: they are kept as None.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .yaml_source import MAX_ALIAS_VALUES, expanded_size

MAX_INHERIT = 10  # a chain this long is a loop in all but name


class ConfigError(Exception):
    """mkdocs.yml cannot be read: (message, file, 1-based line or 0, hint, diagnostic code)."""

    def __init__(self, message: str, path: Path, line: int = 0, hint: str | None = None, code: str = "config.invalid") -> None:
        super().__init__(message)
        self.path, self.line, self.hint, self.code = path, line, hint, code


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: _Loader, node):
    """pyyaml_env_tag's rules, which MkDocs uses."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV takes a variable name or a list", node.start_mark)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config_text(text: str, path: Path, seen: tuple[Path, ...] = ()) -> dict:
    """The mapping MkDocs would build from TEXT (read from PATH), INHERIT resolved."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        if node is not None and expanded_size(node) > MAX_ALIAS_VALUES:
            raise ConfigError(f"aliases (*name) expand {path.name} to more than {MAX_ALIAS_VALUES} values", path, 0,
                              "write the values out", "yaml.alias-expansion")
        config = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ConfigError(f"YAML syntax error: {error.problem or error.context}", path, mark.line + 1 if mark else 0, code="yaml.syntax")
    except (yaml.YAMLError, RecursionError) as error:
        raise ConfigError(f"YAML error: {str(error)[:200] or 'nested too deeply'}", path, code="yaml.syntax")
    if config is None:
        config = {}
    if not isinstance(config, dict):
        raise ConfigError(f"{path.name} must be a mapping of keys", path)
    if "INHERIT" in config:
        config = _inherit(config, path, seen + (path.resolve(),))
    return config


def _inherit(config: dict, path: Path, seen: tuple[Path, ...]) -> dict:
    name = config.pop("INHERIT")
    line = _line_of(path, "INHERIT")
    if not isinstance(name, str) or not name:
        raise ConfigError("INHERIT must name a file", path, line)
    parent_path = (path.parent / name).resolve()
    if parent_path in seen or len(seen) > MAX_INHERIT:
        raise ConfigError(f"INHERIT: '{name}' leads back to a file that inherits it", path, line, "remove the loop")
    try:
        text = parent_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"INHERIT: cannot read '{name}': {getattr(error, 'strerror', None) or error}", path, line)
    return merge(load_config_text(text, parent_path, seen), config)


def merge(parent: dict, child: dict) -> dict:
    """mergedeep's default (what MkDocs uses): mappings merged recursively, the child winning."""
    result = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def _line_of(path: Path, key: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 0
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 0)
