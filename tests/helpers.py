"""Small checks written in Python for engine tests: they don't depend on the built-in packs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Severity, Span
from textlint.document import Document
from textlint.linter import ActiveRule, Linter
from textlint.rules import Rule


@dataclass(frozen=True)
class ReplaceOptions:
    pattern: str = "colour"
    replacement: str = "color"
    unsafe: bool = False


class Replace(Check):
    """Replaces every match of a pattern."""

    Options = ReplaceOptions

    def __init__(self, options: ReplaceOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        self.regex = re.compile(options.pattern)

    def check(self, doc: Document) -> Iterable[Finding]:
        for m in self.regex.finditer(doc.prose):
            edit = Edit.replace(m.start(), m.end(), self.options.replacement)
            fix = Fix.unsafe(edit) if self.options.unsafe else Fix.safe(edit)
            yield Finding(Span(m.start(), m.end()), fix=fix)


class Flip(Check):
    """Never converges: rewrites a to b and b to a."""

    def check(self, doc: Document) -> Iterable[Finding]:
        for m in re.finditer("[ab]", doc.prose):
            new = "b" if m.group() == "a" else "a"
            yield Finding(
                Span(m.start(), m.end()), fix=Fix.safe(Edit.replace(m.start(), m.end(), new))
            )


def active(
    check: Check, rule_id: str = "test-rule", severity: Severity = Severity.ERROR, fix: str = "safe"
) -> ActiveRule:
    rule = Rule(
        id=rule_id, pack="tests", kind="test", message="test finding", severity=severity, fix=fix
    )  # type: ignore[arg-type]
    return ActiveRule(rule, check, severity, fix)  # type: ignore[arg-type]


def replace_rule(
    pattern: str,
    replacement: str,
    rule_id: str = "test-rule",
    unsafe: bool = False,
    fix: str = "safe",
) -> ActiveRule:
    check = Replace(ReplaceOptions(pattern, replacement, unsafe), CheckContext(rule_id, "m"))
    return active(check, rule_id, fix=fix)


def linter(*rules: ActiveRule) -> Linter:
    return Linter(list(rules), frozenset(r.rule.id for r in rules))
