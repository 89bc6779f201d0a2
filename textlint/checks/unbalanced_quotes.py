"""Quotation marks that do not pair up within a paragraph (see ``_quotes`` for how marks are
told apart from apostrophes, inch marks and elisions, and how they pair)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textlint.checks._quotes import analyse
from textlint.checks.base import Check
from textlint.diagnostics import Finding, Span
from textlint.document import Document

_PROBLEMS = {
    "unclosed": "is never closed",
    "unopened": "closes a quotation that was never opened",
    "wrong-direction": "points the wrong way for its place",
    "nested": "opens a quotation inside one of the same kind",
    "empty": "opens an empty quotation",
}


@dataclass(frozen=True)
class Options:
    # Report a quotation mark that opens inside an open quotation of the same kind
    # (“a “b” c” instead of “a ‘b’ c”).
    report_nesting: bool = True
    # Report an empty pair of curly or angle quotation marks (“”), where text was lost.
    report_empty: bool = True


class UnbalancedQuotes(Check):
    Options = Options
    PARAMS = frozenset(("mark", "problem"))

    def check(self, doc: Document) -> Iterable[Finding]:
        skip = set()
        if not self.options.report_nesting:
            skip.add("nested")
        if not self.options.report_empty:
            skip.add("empty")
        for mark in analyse(doc).marks:
            if not mark.problem or mark.problem in skip:
                continue
            yield Finding(
                Span(mark.pos, mark.pos + 1),
                params={"mark": mark.char, "problem": _PROBLEMS[mark.problem]},
            )


CHECK = UnbalancedQuotes
