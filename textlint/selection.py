"""From configuration to a linter: which rules run on a file, with which settings."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePath

from textlint.config import Config, ConfigError
from textlint.linter import ActiveRule, Linter
from textlint.registry import OptionsError, builtin_packs, index_rules, load_pack_file
from textlint.rules import Rule

ALL = "all"


@dataclass(frozen=True)
class Choice:
    """Rule choices given on the command line; they override the configuration's."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language: str | None = None


@cache
def rules_with_packs(packs: tuple[Path, ...]) -> dict[str, Rule]:
    loaded = list(builtin_packs()) + [load_pack_file(p) for p in packs]
    return index_rules(loaded)


def expand(names: Iterable[str], rules: dict[str, Rule], where: str) -> list[str]:
    """Rule ids named by ``names``: rule ids, pack names, or ``all``."""
    packs: dict[str, list[str]] = {}
    for rule in rules.values():
        packs.setdefault(rule.pack, []).append(rule.id)
    out: list[str] = []
    for name in names:
        if name.lower() == ALL:
            out.extend(rules)
        elif name in rules:
            out.append(name)
        elif name in packs:
            out.extend(packs[name])
        else:
            raise ConfigError(f"{where}: unknown rule or pack {name!r} (see --list-rules)")
    return out


def selected_ids(config: Config, choice: Choice, rules: dict[str, Rule]) -> list[str]:
    """The rules that run. A command-line ``--select`` replaces the configuration's whole
    selection (its select, extend-select and ignore); ``--ignore`` and ``--extend-select``
    add to whichever selection is in force, and ``--extend-select`` also undoes the config's
    ``ignore`` of what it names."""
    where = config.name
    if choice.select is not None:
        chosen = expand(choice.select, rules, "--select")
        ignored: set[str] = set()
    else:
        if config.select is None:
            chosen = [r.id for r in rules.values() if r.default]
        else:
            chosen = expand(config.select, rules, f"{where}: 'select'")
        chosen += expand(config.extend_select, rules, f"{where}: 'extend-select'")
        ignored = set(expand(config.ignore, rules, f"{where}: 'ignore'"))
        # Within the config too, a rule named by its id beats its pack named the other way.
        ignored -= {name for name in (*(config.select or ()), *config.extend_select)
                    if name in rules}
    extra = expand(choice.extend_select, rules, "--extend-select")
    # The command line overrides the configuration, and a rule named by its id beats a pack
    # (or all) naming it the other way: --extend-select runs a rule the config ignores unless
    # the config names it by id and the command line only by pack; between --ignore and
    # --extend-select the same holds, and named alike, --ignore wins.
    by_id = {name for name in choice.extend_select if name in rules}
    if choice.select is None:
        config_by_id = {name for name in config.ignore if name in rules}
        ignored -= by_id | (set(extra) - config_by_id)
    cli_ignored = set(expand(choice.ignore, rules, "--ignore"))
    by_id_ignored = {name for name in choice.ignore if name in rules}
    cli_ignored -= by_id - by_id_ignored
    chosen += extra
    ignored |= cli_ignored
    seen: set[str] = set()
    ordered = []
    for rid in chosen:
        if rid not in ignored and rid not in seen:
            seen.add(rid)
            ordered.append(rid)
    return ordered


def ignored_for_path(config: Config, path: str | None, rules: dict[str, Rule]) -> frozenset[str]:
    if path is None or not config.per_file_ignores:
        return frozenset()
    rel = relative_to_root(config, path)
    out: set[str] = set()
    for glob, names in config.per_file_ignores.items():
        if match_glob(rel, glob):
            out |= set(expand(names, rules, f"{config.name}: per-file-ignores[{glob!r}]"))
    return frozenset(out)


def relative_to_root(config: Config, path: str) -> str:
    p = Path(path).resolve()
    try:
        return p.relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def match_glob(rel: str, glob: str) -> bool:
    """Gitignore-like matching: a glob without a slash matches any path component or the
    file name; with a slash (or a leading ./) it matches the path from the config's folder."""
    pure = PurePath(rel)
    anchored = glob.startswith(("./", "/"))  # "./vendor/": the config folder's vendor/ only
    while glob.startswith("./"):
        glob = glob[2:]
    if not anchored and "/" not in glob.rstrip("/"):
        return any(fnmatch.fnmatch(part, glob.rstrip("/")) for part in pure.parts)
    # Anchored: the path or one of its folders matches, and * stays within one component
    # ("./*.md" is a top-level file, "docs/*.md" a file of docs/; ** crosses folders).
    pattern = _anchored_glob(glob.strip("/"))
    parts = pure.parts
    return any(pattern.fullmatch("/".join(parts[:k])) for k in range(1, len(parts) + 1))


@cache
def _anchored_glob(glob: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2 :]:
            end = glob.index("]", i + 2)
            body = glob[i + 1 : end]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append(f"[{body.replace(chr(92), chr(92) * 2)}]")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out))


class LinterCache:
    """Builds one linter per configuration and per set of per-file ignores, and reuses it."""

    def __init__(self, choice: Choice) -> None:
        self.choice = choice
        self._cache: dict[tuple[int, frozenset[str]], Linter] = {}

    def rules(self, config: Config) -> dict[str, Rule]:
        return rules_with_packs(config.packs)

    def linter(self, config: Config, path: str | None) -> Linter:
        rules = self.rules(config)
        extra = ignored_for_path(config, path, rules)
        key = (id(config), extra)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = build_linter(config, self.choice, rules, extra)
        return cached


def build_linter(
    config: Config, choice: Choice, rules: dict[str, Rule], extra_ignores: Iterable[str] = ()
) -> Linter:
    for rid in config.rules:
        if rid not in rules:
            raise ConfigError(f"{config.name}: rules.{rid}: unknown rule (see --list-rules)")
    # Checked here, not only for the files a glob matches, so a misspelt id is never silent.
    for glob, names in config.per_file_ignores.items():
        expand(names, rules, f"{config.name}: per-file-ignores[{glob!r}]")
    ids = [r for r in selected_ids(config, choice, rules) if r not in set(extra_ignores)]
    active: list[ActiveRule] = []
    for rid in ids:
        rule = rules[rid]
        settings = config.rules.get(rid)
        try:
            active.append(
                ActiveRule.build(
                    rule,
                    settings.options if settings else None,
                    settings.severity if settings else None,
                    settings.fix if settings else None,  # type: ignore[arg-type]
                )
            )
        except OptionsError as exc:
            if settings and settings.options:
                # In a config table, severity and fix are keys too (read by the config itself).
                detail = exc.cause.listing(("fix", "severity")) if exc.cause else exc.detail
                raise ConfigError(f"{config.name}: rules.{rid}: {detail}") from None
            raise
    packs: dict[str, list[str]] = {}
    for rule in rules.values():
        packs.setdefault(rule.pack, []).append(rule.id)
    return Linter(active, frozenset(rules), {k: tuple(v) for k, v in packs.items()})
