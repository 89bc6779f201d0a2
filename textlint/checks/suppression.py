"""The ``suppression`` kind: a placeholder check for ``unused-suppression``, whose diagnostics the
linter itself produces after matching suppression comments against the other rules' findings."""

from __future__ import annotations

from collections.abc import Iterable

from textlint.checks.base import Check
from textlint.diagnostics import Finding
from textlint.document import Document


class SuppressionCheck(Check):
    PARAMS = frozenset()
    def check(self, doc: Document) -> Iterable[Finding]:
        return ()


CHECK = SuppressionCheck
