"""Inline suppression comments.

``textlint-disable [RULE ...]`` turns rules off from the next line until ``textlint-enable
[RULE ...]`` or the end of the text; ``textlint-disable-next-line [RULE ...]`` turns them off
for the next line only. With no rule named, every rule is meant. The comment may stand alone
on a line, after ``#`` or ``//``, or in an HTML comment (``<!-- ... -->``) in Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from textlint.diagnostics import Diagnostic, Span
from textlint.document import Document
from textlint.formats.plain import DIRECTIVE

ALL = "*"


@dataclass
class Suppression:
    span: Span  # where the comment is
    rule: str  # a rule id or ALL
    region: Span  # the text it covers
    used: bool = field(default=False)
    # Rules turned back on inside an all-rules region ("textlint-enable RULE").
    exempt: frozenset[str] = field(default=frozenset())

    def covers(self, diag: Diagnostic) -> bool:
        if self.rule == ALL:
            if diag.rule_id in self.exempt:
                return False
        elif self.rule != diag.rule_id:
            return False
        return self.region.start <= diag.span.start <= self.region.end


def parse(doc: Document) -> list[Suppression]:
    text = doc.text
    if "textlint-" not in text:
        return []
    out: list[Suppression] = []
    open_regions: dict[str, tuple[Span, int]] = {}
    exempt: frozenset[str] = frozenset()  # rules re-enabled inside the open all-rules region
    code: list[Span] = []
    if doc.format == "markdown":
        from textlint.formats.markdown import code_blocks

        code = code_blocks(text)
    for m in DIRECTIVE.finditer(text):
        if doc.format == "markdown" and (
            not (m.group("open") or "").startswith("<!--")
            or any(c.start <= m.start() < c.end for c in code)
        ):
            continue  # in Markdown only an HTML comment outside code blocks is a comment
        rules = [r for r in re.split(r"[\s,]+", m.group("rules")) if r] or [ALL]
        line = doc.line_of(m.start())
        span = Span(m.start("verb") - len("textlint-"), m.end("rules"))
        next_line_start = (
            doc.line_starts[line + 1] if line + 1 < len(doc.line_starts) else len(text)
        )
        verb = m.group("verb")
        if verb == "disable-next-line":
            region = (
                doc.line_span(line + 1)
                if line + 1 < len(doc.line_starts)
                else Span(len(text), len(text))
            )
            out.extend(Suppression(span, r, region) for r in rules)
        elif verb == "disable":
            for r in rules:
                open_regions.setdefault(r, (span, next_line_start))
        else:
            here = doc.line_starts[line]
            for r in rules:
                targets = list(open_regions) if r == ALL else [r]
                for t in targets:
                    if t in open_regions:
                        where, start = open_regions.pop(t)
                        out.append(Suppression(where, t, Span(start, here),
                                               exempt=exempt if t == ALL else frozenset()))
                if r == ALL:
                    exempt = frozenset()
                elif ALL in open_regions and r not in exempt:
                    # Turn one rule back on: the all-rules region goes on without it.
                    where, start = open_regions.pop(ALL)
                    out.append(Suppression(where, ALL, Span(start, here), exempt=exempt))
                    exempt = exempt | {r}
                    open_regions[ALL] = (where, next_line_start)
    for r, (where, start) in open_regions.items():
        out.append(Suppression(where, r, Span(start, len(text)),
                               exempt=exempt if r == ALL else frozenset()))
    return out


def apply(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """Drop suppressed diagnostics and mark the suppressions that were used."""
    if not suppressions:
        return diagnostics
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        hit = False
        for sup in suppressions:
            if sup.covers(diag):
                sup.used = True
                hit = True
        if not hit:
            kept.append(diag)
    return kept


def unused(suppressions: list[Suppression]) -> list[Suppression]:
    """Suppressions that suppressed nothing. One comment may stand for several regions (an
    all-rules region split by ``textlint-enable RULE``): it is unused only if all of them are."""
    used = {(s.span, s.rule) for s in suppressions if s.used}
    seen: set[tuple[Span, str]] = set()
    out = []
    for s in suppressions:
        key = (s.span, s.rule)
        if key not in used and key not in seen:
            seen.add(key)
            out.append(s)
    return out
