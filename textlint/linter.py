"""Runs the active rules over a document and turns their findings into diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from textlint import suppression
from textlint.checks.base import Check
from textlint.diagnostics import Applicability, Diagnostic, Finding, Fix, Severity
from textlint.document import Document
from textlint.registry import build_check
from textlint.rules import FixLevel, Rule

UNUSED_SUPPRESSION = "unused-suppression"


class CheckFailure(RuntimeError):
    """A check raised: the message names the rule and the document."""


@dataclass
class ActiveRule:
    rule: Rule
    check: Check
    severity: Severity
    fix: FixLevel

    @classmethod
    def build(
        cls,
        rule: Rule,
        options: Mapping[str, Any] | None = None,
        severity: Severity | None = None,
        fix: FixLevel | None = None,
    ) -> ActiveRule:
        return cls(rule, build_check(rule, options), severity or rule.severity, fix or rule.fix)


@dataclass
class Linter:
    rules: Sequence[ActiveRule]
    known_ids: frozenset[str] = field(default_factory=frozenset)
    packs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # pack -> its rule ids

    def lint(self, doc: Document) -> list[Diagnostic]:
        diagnostics: list[Diagnostic] = []
        for active in self.rules:
            try:
                findings = list(active.check.check(doc))
            except Exception as exc:  # an input error (exit 2) naming the rule, no traceback
                raise CheckFailure(
                    f"{doc.path or '<text>'}: rule {active.rule.id!r} failed: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            diagnostics.extend(_diagnostic(active, f) for f in findings)
        sups = suppression.parse(doc)
        diagnostics = suppression.apply(diagnostics, sups)
        reporter = next((a for a in self.rules if a.rule.id == UNUSED_SUPPRESSION), None)
        if reporter is not None:
            # Reports of unused suppressions can themselves be suppressed.
            reports = [*self._unused(sups, reporter.severity),
                       *self._malformed(doc, reporter.severity)]
            diagnostics.extend(suppression.apply(reports, sups))
        diagnostics.sort(key=Diagnostic.sort_key)
        return diagnostics

    def _malformed(self, doc: Document, severity: Severity) -> Iterable[Diagnostic]:
        known = self.known_ids | {a.rule.id for a in self.rules}
        for bad in suppression.malformed(doc, known):
            yield Diagnostic(UNUSED_SUPPRESSION, severity, bad.problem, bad.span)

    def _unused(
        self, sups: Iterable[suppression.Suppression], severity: Severity
    ) -> Iterable[Diagnostic]:
        active_ids = {a.rule.id for a in self.rules}
        for sup in suppression.unused(list(sups)):
            if sup.rule == UNUSED_SUPPRESSION:
                continue  # it suppresses this very report; judging it unused would loop
            if sup.rule in self.packs and sup.rule not in self.known_ids | active_ids:
                ids = self.packs[sup.rule]
                shown = ", ".join(ids[:4]) + (", ..." if len(ids) > 4 else "")
                message = (f"Suppression names the pack {sup.rule!r}, not a rule: name its rules "
                           f"({shown}; see --list-rules)")
            elif sup.rule != suppression.ALL and sup.rule not in self.known_ids | active_ids:
                message = f"Suppression names unknown rule {sup.rule!r}"
            elif sup.stray:
                name = "all rules" if sup.rule == suppression.ALL else repr(sup.rule)
                message = f"textlint-enable of {name} with no textlint-disable before it"
            elif sup.rule == suppression.ALL or sup.rule in active_ids:
                name = "all rules" if sup.rule == suppression.ALL else repr(sup.rule)
                message = f"Unused suppression of {name}: nothing here is reported"
            else:
                continue  # a known rule that is not enabled for this file
            yield Diagnostic(UNUSED_SUPPRESSION, severity, message, sup.span)


def _diagnostic(active: ActiveRule, finding: Finding) -> Diagnostic:
    message = finding.message
    if message is None:
        try:
            message = active.rule.message.format(**finding.params)
        except (KeyError, IndexError, ValueError):
            message = active.rule.message
    return Diagnostic(
        active.rule.id,
        active.severity,
        message,
        finding.span,
        _cap(finding.fix, active.fix),
        dict(finding.params),
    )


def _cap(fix: Fix | None, level: FixLevel) -> Fix | None:
    """A rule's fix level is the most its fixes may be: ``unsafe`` downgrades safe fixes."""
    if fix is None or level == "none":
        return None
    if level == "unsafe" and fix.applicability is Applicability.SAFE:
        return Fix(fix.edits, Applicability.UNSAFE, fix.description)
    return fix
