"""``--list-rules`` and ``--explain``: the rules' own documentation, from their packs."""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Collection

from textlint.registry import check_class
from textlint.rules import Rule


def list_rules(rules: dict[str, Rule], enabled: Collection[str]) -> str:
    width = max((len(r) for r in rules), default=10)
    lines = [f"{'rule':{width}}  {'pack':12} {'on':3} {'severity':8} {'fix':6} summary"]
    for rule in rules.values():
        on = "on" if rule.id in enabled else "off"
        lines.append(
            f"{rule.id:{width}}  {rule.pack:12} {on:3} {rule.severity.value:8} {rule.fix:6} "
            f"{rule.summary}"
        )
    return "\n".join(lines) + "\n"


def _block(title: str, body: str) -> list[str]:
    body = textwrap.dedent(body).strip()
    return [f"## {title}", body, ""] if body else []


def explain(rule: Rule) -> str:
    out = [
        f"# {rule.id}",
        "",
        rule.summary,
        "",
        f"Pack: {rule.pack} ({rule.source})   Kind: {rule.kind}   Severity: {rule.severity.value}"
        f"   Fix: {rule.fix}   On by default: {'yes' if rule.default else 'no'}",
        "",
    ]
    out += _block("What it does", rule.what)
    out += _block("Why is this bad?", rule.why)
    ex = rule.examples
    if ex.flag or ex.fix:
        out.append("## Example")
        out += [f"    {t!r}" for t in ex.flag]
        for f in ex.fix:
            out.append(
                f"    {f.text!r}\n      -> {f.fixed!r}{'   (unsafe fix)' if f.unsafe else ''}"
            )
        out.append("")
    if ex.clean:
        out.append("## Not flagged")
        out += [f"    {t!r}" for t in ex.clean]
        out.append("")
    out += _block(
        "Fix safety", rule.fix_safety or ("This rule has no fix." if rule.fix == "none" else "")
    )
    options = _options(rule)
    if options:
        out.append("## Options")
        out += options
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _options(rule: Rule) -> list[str]:
    try:
        cls = check_class(rule.kind).Options
    except Exception:  # explain must work even if a plugin kind is broken
        return []
    lines = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = "(required)"
        name = f.name.replace("_", "-")
        value = rule.options.get(name, rule.options.get(f.name, default))
        note = f"   (kind default {_short(default)})" if value != default else ""
        lines.append(f"    {name} = {_short(value)}{note}")
    return lines


def _short(value: object, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + " ...]"
