"""Rules as data, and the packs that hold them.

A pack is a TOML file::

    [pack]
    name = "typography"
    description = "..."

    [[rules]]
    id = "quote-spacing"            # kebab-case, unique across all packs
    kind = "quote-spacing"          # the check kind that implements it
    message = "Missing space after closing quotation mark"
    severity = "error"              # error | warning | info
    fix = "safe"                    # safe | unsafe | none: the most a fix of this rule may be
    default = true                  # on unless deselected
    summary = "one line for --list-rules"
    what = "What it does"
    why = "Why it matters"
    fix-safety = "Why its fix is safe or unsafe"
    options = { ... }               # the kind's options
    [rules.examples]
    flag = ["texts it must flag"]
    clean = ["texts it must leave alone"]
    fix = [{ text = "before", fixed = "after" }]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from textlint.diagnostics import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")  # \Z: no final line break
FixLevel = Literal["safe", "unsafe", "none"]
FIX_LEVELS: tuple[str, ...] = ("safe", "unsafe", "none")


class PackError(ValueError):
    """A pack that cannot be loaded; the message names the file and, where known, the rule."""


@dataclass(frozen=True)
class FixExample:
    text: str
    fixed: str
    unsafe: bool = False


@dataclass(frozen=True)
class Examples:
    flag: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()
    fix: tuple[FixExample, ...] = ()
    # Options under which the examples are run, merged over the rule's own.
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    kind: str
    message: str
    severity: Severity
    fix: FixLevel = "none"
    default: bool = True
    summary: str = ""
    what: str = ""
    why: str = ""
    fix_safety: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    examples: Examples = field(default_factory=Examples)
    source: str = ""


@dataclass(frozen=True)
class Pack:
    name: str
    description: str
    rules: tuple[Rule, ...]
    source: str


_RULE_KEYS = {
    "id",
    "kind",
    "message",
    "severity",
    "fix",
    "default",
    "summary",
    "what",
    "why",
    "fix-safety",
    "options",
    "examples",
}
_EXAMPLE_KEYS = {"flag", "clean", "fix", "options"}


def load_pack(text: str, source: str) -> Pack:
    return parse_pack(read_toml(text, source), source)


def read_toml(text: str, source: str) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{source}: invalid TOML: {exc}") from None
    return data


def parse_pack(data: Mapping[str, Any], source: str) -> Pack:
    unknown = set(data) - {"pack", "rules"}
    if unknown:
        raise PackError(f"{source}: unknown top-level key {sorted(unknown)[0]!r}")
    head = data.get("pack")
    if not isinstance(head, dict) or not isinstance(head.get("name"), str):
        raise PackError(f"{source}: missing [pack] table with a 'name'")
    name = head["name"]
    if not RULE_ID.match(name):
        raise PackError(f"{source}: pack name {name!r} must be kebab-case")
    extra = set(head) - {"name", "description"}
    if extra:
        raise PackError(f"{source}: unknown key {sorted(extra)[0]!r} in [pack]")
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise PackError(f"{source}: 'rules' must be an array of tables ([[rules]])")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules):
        rule = _parse_rule(raw, name, source, index)
        if rule.id in seen:
            raise PackError(f"{source}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        rules.append(rule)
    return Pack(name, str(head.get("description", "")), tuple(rules), source)


def _parse_rule(raw: Any, pack: str, source: str, index: int) -> Rule:
    if not isinstance(raw, dict):
        raise PackError(f"{source}: rules[{index}] must be a table")
    rid = raw.get("id")
    where = f"{source}: rule {rid!r}" if isinstance(rid, str) else f"{source}: rules[{index}]"
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        raise PackError(f"{where}: 'id' must be a kebab-case string")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise PackError(f"{where}: unknown key {sorted(unknown)[0]!r}")

    def text(key: str, required: bool = False) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise PackError(f"{where}: {'missing' if required else 'bad'} {key!r} (a string)")
        return value

    kind = text("kind", required=True)
    message = text("message", required=True)
    sev = raw.get("severity", "warning")
    try:
        severity = Severity(sev)
    except ValueError:
        raise PackError(
            f"{where}: 'severity' must be error, warning or info, not {sev!r}"
        ) from None
    fix = raw.get("fix", "none")
    if fix not in FIX_LEVELS:
        raise PackError(f"{where}: 'fix' must be safe, unsafe or none, not {fix!r}")
    default = raw.get("default", True)
    if not isinstance(default, bool):
        raise PackError(f"{where}: 'default' must be true or false")
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise PackError(f"{where}: 'options' must be a table")
    return Rule(
        id=rid,
        pack=pack,
        kind=kind,
        message=message,
        severity=severity,
        fix=fix,
        default=default,
        summary=text("summary"),
        what=text("what"),
        why=text("why"),
        fix_safety=text("fix-safety"),
        options=options,
        examples=_parse_examples(raw.get("examples", {}), where),
        source=source,
    )


def _parse_examples(raw: Any, where: str) -> Examples:
    if not isinstance(raw, dict):
        raise PackError(f"{where}: 'examples' must be a table")
    unknown = set(raw) - _EXAMPLE_KEYS
    if unknown:
        raise PackError(f"{where}: unknown key {sorted(unknown)[0]!r} in examples")
    for key in ("flag", "clean"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PackError(f"{where}: examples.{key} must be a list of strings")
    fixes: list[FixExample] = []
    for item in raw.get("fix", []):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("text"), str)
            and isinstance(item.get("fixed"), str)
            and set(item) <= {"text", "fixed", "unsafe"}
        ):
            raise PackError(f"{where}: examples.fix items must be {{ text = ..., fixed = ... }}")
        fixes.append(FixExample(item["text"], item["fixed"], bool(item.get("unsafe", False))))
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise PackError(f"{where}: examples.options must be a table")
    return Examples(tuple(raw.get("flag", [])), tuple(raw.get("clean", [])), tuple(fixes), options)
