"""Configuration: ``[tool.textlint]`` in ``pyproject.toml`` or a ``.textlint.toml``.

The nearest configuration file at or above a linted file applies to it. Every key is checked:
an unknown key or a bad value is an error that names the key and the file.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from textlint.diagnostics import Severity
from textlint.langcodes import LANGUAGE_CODE, normalize
from textlint.rules import FIX_LEVELS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".textlint.toml", "pyproject.toml")
DEFAULT_EXTENSIONS = (".txt", ".text", ".md", ".markdown")




class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class RuleSettings:
    severity: Severity | None = None
    fix: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it was read from; None for the defaults
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None  # None: the rules that are on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    language: str = "en"
    encoding: str = "utf-8"
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "<defaults>"


_LIST_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "packs",
    "exclude",
    "extend-exclude",
    "extensions",
}
_KEYS = _LIST_KEYS | {"per-file-ignores", "language", "encoding", "rules"}
_RULE_KEYS = {"severity", "fix"}


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    where = f"{path}: [tool.textlint]" if path.name == "pyproject.toml" else str(path)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(_KEYS))})"
        )
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS & set(data):
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of strings")
        lists[key] = tuple(value)
    for key in ("language", "encoding"):
        if key in data and not (isinstance(data[key], str) and data[key]):
            raise ConfigError(f"{where}: {key!r} must be a non-empty string")
    if "language" in data and not LANGUAGE_CODE.match(data["language"]):
        raise ConfigError(
            f"{where}: 'language' must be a language code such as 'en' or 'pt-BR', "
            f"not {data['language']!r}"
        )
    if "encoding" in data:
        import codecs

        try:
            if not codecs.lookup(data["encoding"])._is_text_encoding:
                raise LookupError
        except LookupError:
            raise ConfigError(
                f"{where}: 'encoding': unknown encoding {data['encoding']!r}"
            ) from None
    _no_contradiction(lists, where)
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in pfi.values()
    ):
        raise ConfigError(f"{where}: 'per-file-ignores' must map globs to lists of rule ids")
    root = path.parent
    extensions = lists.get("extensions", DEFAULT_EXTENSIONS)
    for ext in extensions:
        if not ext.startswith("."):
            raise ConfigError(f"{where}: 'extensions' entries start with a dot, not {ext!r}")
    return Config(
        path=path,
        root=root,
        select=lists.get("select"),
        extend_select=lists.get("extend-select", ()),
        ignore=lists.get("ignore", ()),
        packs=tuple((root / p).resolve() for p in lists.get("packs", ())),
        exclude=lists.get("exclude", ()) + lists.get("extend-exclude", ()),
        extensions=extensions,
        per_file_ignores={k: tuple(v) for k, v in pfi.items()},
        language=normalize(data.get("language", "en")),
        encoding=data.get("encoding", "utf-8"),
        rules=_parse_rules(data.get("rules", {}), where),
    )


def _no_contradiction(lists: Mapping[str, tuple[str, ...]], where: str) -> None:
    """A name both selected and ignored by the same file: one of the two does nothing."""
    ignored = set(lists.get("ignore", ()))
    for key in ("select", "extend-select"):
        both = [name for name in lists.get(key, ()) if name in ignored]
        if both:
            raise ConfigError(f"{where}: {both[0]!r} is in both {key!r} and 'ignore': keep one")


def _parse_rules(raw: Any, where: str) -> dict[str, RuleSettings]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'rules' must be a table of rule tables")
    out: dict[str, RuleSettings] = {}
    for rid, table in raw.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: rules.{rid} must be a table")
        sev = table.get("severity")
        severity = None
        if sev is not None:
            try:
                severity = Severity(sev)
            except ValueError:
                raise ConfigError(
                    f"{where}: rules.{rid}.severity must be error, warning or info, not {sev!r}"
                ) from None
        fix = table.get("fix")
        if fix is not None and fix not in FIX_LEVELS:
            raise ConfigError(f"{where}: rules.{rid}.fix must be safe, unsafe or none, not {fix!r}")
        options = {k: v for k, v in table.items() if k not in _RULE_KEYS}
        out[rid] = RuleSettings(severity, fix, options)
    return out


def load_config_file(path: Path) -> Config | None:
    """The configuration in ``path``, or None for a ``pyproject.toml`` without one."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            return None
        if "textlint" not in tool:
            _no_misspelt_table(tool, path)
            tools = data.get("tools")
            if isinstance(tools, dict) and "textlint" in tools:
                raise ConfigError(f"{path}: [tools.textlint] is not read: did you mean "
                                  "[tool.textlint]?")
            return None
        section = tool["textlint"]
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.textlint] must be a table")
        return parse_config(section, path)
    return parse_config(data, path)


def _no_misspelt_table(tool: Mapping[str, Any], path: Path) -> None:
    """``[tool.textlnt]`` would otherwise be passed over in silence, and the defaults apply."""
    import difflib

    # Another tool's table may have a name like it (netlint, texlinter): only one that holds
    # textlint's own keys is meant for textlint.
    ours = [str(k) for k, v in tool.items()
            if isinstance(v, dict) and v and set(v) <= _KEYS]
    near = difflib.get_close_matches("textlint", ours, n=1, cutoff=0.8)
    if near:
        raise ConfigError(f"{path}: [tool.{near[0]}] is not read: did you mean [tool.textlint]?")


@cache
def config_for_dir(directory: Path) -> Config:
    """The nearest configuration at or above ``directory`` (absolute), or the defaults."""
    for parent in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = parent / name
            if candidate.is_file():
                config = load_config_file(candidate)
                if config is not None:
                    return config
    return Config(root=directory)
