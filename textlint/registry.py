"""Finds rules and check kinds: built-in packs, user packs, and entry-point plugins."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from textlint.checks import builtin_kind_names, builtin_module
from textlint.checks.base import Check, CheckContext
from textlint.options import OptionError, parse_options
from textlint.rules import Pack, PackError, Rule, load_pack

ENTRY_POINT_GROUP = "textlint.checks"


class RegistryError(ValueError):
    pass


class OptionsError(PackError):
    """Options a check refused; ``detail`` is the problem without the pack's name, so that a
    config file can report it under its own name."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


@cache
def builtin_packs() -> tuple[Pack, ...]:
    root = resources.files("textlint_rules")
    packs = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            packs.append(load_pack(entry.read_text(encoding="utf-8"), f"<builtin>/{entry.name}"))
    return tuple(packs)


def load_pack_file(path: str | Path) -> Pack:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(f"{p}: pack file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{p}: cannot read pack: {exc}") from None
    pack = load_pack(text, str(p))
    for rule in pack.rules:
        # User packs are validated in full when loaded: kind and options.
        validate_rule(rule)
    return pack


@cache
def _plugin_kinds() -> Mapping[str, Any]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def kind_names() -> list[str]:
    return sorted(set(builtin_kind_names()) | set(_plugin_kinds()))


@cache
def check_class(kind: str) -> type[Check]:
    if kind in builtin_kind_names():
        cls = getattr(importlib.import_module(builtin_module(kind)), "CHECK", None)
    else:
        ep = _plugin_kinds().get(kind)
        if ep is None:
            raise RegistryError(f"unknown check kind {kind!r} (known: {', '.join(kind_names())})")
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not take the run down with a traceback
            raise RegistryError(f"check kind {kind!r}: plugin failed to load: {exc}") from None
    if not (isinstance(cls, type) and issubclass(cls, Check)):
        raise RegistryError(f"check kind {kind!r} is not a textlint Check subclass")
    return cls


def build_check(rule: Rule, overrides: Mapping[str, Any] | None = None) -> Check:
    """Instantiate the check of ``rule`` with its pack options, then ``overrides``."""
    try:
        cls = check_class(rule.kind)
    except RegistryError as exc:
        raise PackError(f"{rule.source}: rule {rule.id!r}: {exc}") from None
    merged = {**rule.options, **(overrides or {})}
    try:
        options = parse_options(cls.Options, merged)
        return cls(options, CheckContext(rule.id, rule.message))
    except (OptionError, ValueError, TypeError) as exc:
        raise OptionsError(f"{rule.source}: rule {rule.id!r}: {exc}", str(exc)) from None


def validate_rule(rule: Rule) -> None:
    build_check(rule)


def index_rules(packs: Iterable[Pack]) -> dict[str, Rule]:
    """All rules by id; the same id in two packs is an error naming both."""
    out: dict[str, Rule] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in out:
                raise PackError(
                    f"{rule.source}: rule {rule.id!r}: duplicate id (also in {out[rule.id].source})"
                )
            out[rule.id] = rule
    return out
