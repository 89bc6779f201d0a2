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


def parse(doc: Document) -> list[Suppression]:
    text = doc.text
    if "textlint-" not in text:
        return []
    out: list[Suppression] = []
    open_regions: dict[str, tuple[Span, int]] = {}
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
            for r in rules:
                targets = list(open_regions) if r == ALL else [r]
                for t in targets:
                    if t in open_regions:
                        where, start = open_regions.pop(t)
                        out.append(Suppression(where, t, Span(start, doc.line_starts[line])))
    for r, (where, start) in open_regions.items():
        out.append(Suppression(where, r, Span(start, len(text))))
    return out


def apply(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """Drop suppressed diagnostics and mark the suppressions that were used."""
    if not suppressions:
        return diagnostics
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        hit = False
        for sup in suppressions:
            if (sup.rule == ALL or sup.rule == diag.rule_id) and _inside(diag.span, sup.region):
                sup.used = True
                hit = True
        if not hit:
            kept.append(diag)
    return kept


def _inside(span: Span, region: Span) -> bool:
    return region.start <= span.start and span.start <= region.end
