"""Finds rules and check kinds: built-in packs, user packs, and entry-point plugins."""

from __future__ import annotations

import contextlib
import importlib
import marshal
import re
import string
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from textlint.cache import cache_dir, write_atomic
from textlint.checks import builtin_kind_names, builtin_module
from textlint.checks.base import Check, CheckContext
from textlint.options import OptionError, parse_options
from textlint.rules import Pack, PackError, Rule, load_pack, parse_pack, read_toml

ENTRY_POINT_GROUP = "textlint.checks"


class RegistryError(ValueError):
    pass


class OptionsError(PackError):
    """Options a check refused; ``detail`` is the problem without the pack's name, so that a
    config file can report it under its own name."""

    def __init__(self, message: str, detail: str, cause: OptionError | None = None) -> None:
        super().__init__(message)
        self.detail = detail
        self.cause = cause


@cache
def builtin_packs() -> tuple[Pack, ...]:
    texts = _builtin_texts()
    cached = cache_dir() / "packs.marshal"
    tables = _read_tables(cached, texts)
    if tables is None:
        tables = [read_toml(text, f"<builtin>/{name}") for name, text in texts]
        # Parsing the TOML is most of the cost of loading the packs; a read-only cache, or a
        # value marshal cannot hold, only costs that again next time.
        with contextlib.suppress(OSError, ValueError):
            write_atomic(cached, marshal.dumps((texts, tables)))
    return tuple(
        parse_pack(table, f"<builtin>/{name}")
        for (name, _), table in zip(texts, tables, strict=True)
    )


def _builtin_texts() -> list[tuple[str, str]]:
    package = importlib.import_module("textlint_rules")
    # A plain folder is read directly: importlib.resources costs milliseconds at every start.
    if package.__file__ is not None:
        folder = Path(package.__file__).parent
        return [
            (p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))
        ]
    root = resources.files("textlint_rules")
    return [
        (e.name, e.read_text(encoding="utf-8"))
        for e in sorted(root.iterdir(), key=lambda e: e.name)
        if e.name.endswith(".toml")
    ]


def _read_tables(path: Path, texts: list[tuple[str, str]]) -> list[dict[str, Any]] | None:
    """The parsed packs stored with the texts they came from, when those are ``texts`` (a
    comparison of strings is cheaper than hashing them); None when absent, stale or damaged."""
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == texts):
        return None
    tables = stored[1]
    if not isinstance(tables, list) or len(tables) != len(texts):
        return None
    if not all(isinstance(t, dict) for t in tables):
        return None
    return tables


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
        check = cls(options, CheckContext(rule.id, rule.message))
    except (OptionError, ValueError, TypeError) as exc:
        raise OptionsError(f"{rule.source}: rule {rule.id!r}: {exc}", str(exc),
                           exc if isinstance(exc, OptionError) else None) from None
    problem = message_problem(rule.message, check.params())
    if problem:
        # With options from a config (a pattern without the message's group), the config is
        # to blame: OptionsError lets it report the problem under its own name.
        detail = f"the rule's 'message' {rule.message!r}: {problem}"
        raise OptionsError(f"{rule.source}: rule {rule.id!r}: 'message': {problem}", detail)
    return check


def _fields(template: str) -> Iterator[tuple[str, str | None]]:
    """The replacement fields of a format string and their conversions, nested ones too
    ("{phrase:>{width}}" holds phrase and width)."""
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            yield name, conversion
            if spec and "{" in spec:
                yield from _fields(spec)


def message_problem(message: str, known: frozenset[str] | None) -> str | None:
    """What is wrong with a message template, given the parameters its kind fills in (None:
    not declared, only the syntax is checked): a message that cannot be filled in would be
    shown with its braces, and nobody would learn why."""
    try:
        fields = list(_fields(message))
    except ValueError as exc:
        return f"{exc} (write {{{{ and }}}} for literal braces)"
    for name, conversion in fields:
        if conversion not in (None, "r", "s", "a"):
            return f"unknown conversion !{conversion} in {{{name}!{conversion}}} (use !r, !s or !a)"
    if known is None:
        return None
    for name, _ in fields:
        base = re.split(r"[.\[]", name, maxsplit=1)[0]
        if base not in known:
            offer = ", ".join(f"{{{k}}}" for k in sorted(known)) or "none"
            shown = f"{{{name}}}" if name else "{}"
            return f"unknown parameter {shown} (this kind gives: {offer})"
    return None


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
