"""A small programmatic interface: lint or fix a string with chosen rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from textlint.diagnostics import Diagnostic
from textlint.document import Document
from textlint.fixer import FixResult, fix_text
from textlint.linter import ActiveRule, Linter
from textlint.registry import builtin_packs, index_rules
from textlint.rules import Rule


def all_rules() -> dict[str, Rule]:
    return index_rules(builtin_packs())


def linter_for(
    rule_ids: Iterable[str], options: Mapping[str, Mapping[str, Any]] | None = None
) -> Linter:
    rules = all_rules()
    options = options or {}
    active = [ActiveRule.build(rules[r], options.get(r)) for r in rule_ids]
    return Linter(active, frozenset(rules))


def lint_text(
    text: str,
    rule_ids: Iterable[str],
    options: Mapping[str, Mapping[str, Any]] | None = None,
    language: str = "en",
    format: str = "plain",
) -> list[Diagnostic]:
    linter = linter_for(rule_ids, options)
    return linter.lint(Document(text, language=language, format=format))


def fix_string(
    text: str,
    rule_ids: Iterable[str],
    unsafe: bool = False,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    language: str = "en",
    format: str = "plain",
) -> FixResult:
    linter = linter_for(rule_ids, options)
    return fix_text(
        text, lambda t: linter.lint(Document(t, language=language, format=format)), unsafe
    )
