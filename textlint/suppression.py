"""Inline suppression comments.

``textlint-disable [RULE ...]`` turns rules off from the next line until ``textlint-enable
[RULE ...]`` or the end of the text; ``textlint-disable-next-line [RULE ...]`` turns them off
for the next line only. With no rule named, every rule is meant. The comment may stand alone
on a line, after ``#`` or ``//``, or in an HTML comment (``<!-- ... -->``) in Markdown.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from textlint.diagnostics import Diagnostic, Span
from textlint.document import Document
from textlint.formats.plain import DIRECTIVE, MEANT

ALL = "*"


@dataclass
class Suppression:
    span: Span  # where the comment is
    rule: str  # a rule id or ALL
    region: Span  # the text it covers
    used: bool = field(default=False)
    # Rules turned back on inside an all-rules region ("textlint-enable RULE").
    exempt: frozenset[str] = field(default=frozenset())
    # A textlint-enable with nothing to turn back on: it covers nothing, and is reported.
    stray: bool = False

    def covers(self, diag: Diagnostic) -> bool:
        if self.stray:
            return False
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
    code = _CodeBlocks(doc)
    for m in DIRECTIVE.finditer(text):
        if not _read(doc, m, code):
            continue
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
                if not (open_regions if r == ALL else r in open_regions or (
                        ALL in open_regions and r not in exempt)):
                    out.append(Suppression(span, r, Span(here, here), stray=True))
                    continue
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


def _read(doc: Document, m: re.Match[str], code: _CodeBlocks) -> bool:
    """Is this directive line read as a comment? In Markdown only an HTML comment outside code
    blocks is one."""
    return doc.format != "markdown" or (
        (m.group("open") or "").startswith("<!--") and not code.holds(m.start()))


# A comment meant as a suppression that textlint does not read: the keyword with any ending
# (textlint-disable-line, textlint-enabled) in an HTML comment anywhere, or starting a line
# after an optional # or //. Prose that mentions the keyword inside a sentence is neither.
_ATTEMPT = re.compile(r"textlint-(?:disable|enable)[A-Za-z0-9_-]*")
_VERBS = frozenset(("disable", "enable", "disable-next-line"))
_IDS_ONLY = re.compile(r"[a-z0-9, \t-]*")
NOT_ALONE = "Suppression comment ignored: it must stand on a line of its own"
MARKDOWN_BARE = ("Suppression comment ignored: in Markdown, write it as an HTML comment on "
                 "one line (<!-- textlint-disable ... -->)")
BAD_IDS = ("Suppression comment ignored: rule ids are lowercase words joined by hyphens, "
           "separated by spaces or commas")


def _unknown_verb(verb: str) -> str:
    return (f"Suppression comment ignored: unknown directive 'textlint-{verb}' (use "
            "textlint-disable, textlint-disable-next-line or textlint-enable)")


@dataclass(frozen=True)
class Malformed:
    span: Span  # the keyword and the rest of the comment
    problem: str


def malformed(doc: Document, known: frozenset[str]) -> list[Malformed]:
    """Comments meant as suppressions that textlint does not read, each with the reason (they
    would otherwise silently do nothing). ``known``: the rule ids; a bare line of text counts
    as meant only when every word after the keyword is one."""
    text = doc.text
    if "textlint-" not in text:
        return []
    code = _CodeBlocks(doc)
    out: list[Malformed] = []
    for m in _ATTEMPT.finditer(text):
        if code.holds(m.start()):
            continue
        line = doc.line_span(doc.line_of(m.start()))
        line_end = min(line.end, m.end() + _REACH)  # as far as the comment is read
        close = text.find("-->", m.end(), line_end)
        problem = _problem(doc, m, line, line_end, close, code, known)
        if problem is not None:
            end = line_end if close < 0 else close
            end = m.start() + len(text[m.start() : end].rstrip())
            out.append(Malformed(Span(m.start(), end), problem))
    return out


# How far around the keyword a comment is read: a suppression comment is short, and reading
# a long line whole for each mention of the keyword took quadratic time.
_REACH = 200
_NON_SPACE = re.compile(r"\S")
_MAX_IDS = 4  # more words after the keyword on a comment line are a sentence about it


def _problem(doc: Document, m: re.Match[str], line: Span, line_end: int, close: int,
             code: _CodeBlocks, known: frozenset[str]) -> str | None:
    text = doc.text
    if m.start() - line.start > _REACH:
        return None  # far into a long line: prose that mentions the keyword
    directive = DIRECTIVE.match(text, line.start, line_end)
    if directive is not None and directive.start("verb") == m.start() + len("textlint-"):
        if _read(doc, directive, code):
            return None  # a suppression, read as one
        ids = set(directive.group("rules").replace(",", " ").split())
        # (A heading or a line that names no rule is text about the directive.)
        return MARKDOWN_BARE if ids and ids <= known else None
    before = text[line.start : m.start()]
    opened = before.rfind("<!--")
    verb = m.group()[len("textlint-") :]
    if opened >= 0 and "-->" not in before[opened:] and close >= 0:
        if before[opened + 4 :].strip():
            return None  # a comment that mentions the keyword: <!-- TODO: textlint-disable -->
        if before[:opened].strip() or _NON_SPACE.search(text, close + 3, line.end):
            return NOT_ALONE
        return BAD_IDS if verb in _VERBS else _unknown_verb(verb)
    lead = before.strip()
    if lead and lead not in ("#", "//"):
        return None  # inside a sentence: prose that mentions the keyword
    if lead and doc.format != "markdown":
        # A comment line of a few ids is meant; one that goes on as a sentence explains.
        words = text[m.end() : line_end].replace(",", " ").split()
        if len(words) > _MAX_IDS or (words and words[-1][-1:] in ".!?"):
            return None
        return BAD_IDS if verb in _VERBS else _unknown_verb(verb)
    # A bare line (or a Markdown heading): meant only if nothing but rule ids follows, or in
    # plain text a few words that are misspelt ids (Doubled-Word, doubled_word).
    if verb in _VERBS:
        if not MEANT.match(text, line.start, line.end):
            return None
        if doc.format != "markdown":
            return BAD_IDS
        # Hidden from the rules like a suppression, yet Markdown reads only comments: said,
        # so that the line is neither read nor silently lost.
        return MARKDOWN_BARE if text[m.end() : line_end].strip(" \t,;") else None
    rest = text[m.end() : line_end].strip()
    if not _IDS_ONLY.fullmatch(rest) or \
            not set(rest.replace(",", " ").split()) <= known:
        return None
    return _unknown_verb(verb)


class _CodeBlocks:
    """Markdown code blocks merged into disjoint sorted spans, so that a lookup is a bisection
    (a document may hold thousands of blocks and of comments)."""

    def __init__(self, doc: Document) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        if doc.format != "markdown":
            return
        from textlint.formats.markdown import code_blocks

        for block in sorted(code_blocks(doc.text), key=lambda b: b.start):
            if self.ends and block.start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], block.end)
            else:
                self.starts.append(block.start)
                self.ends.append(block.end)

    def holds(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def apply(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """Drop suppressed diagnostics and mark the suppressions that were used.

    The same answer as asking ``covers`` of every pair, in O((n + m) log n): each suppression
    finds the diagnostics in its region by bisecting their sorted start offsets, and a
    difference array over those positions says which diagnostics some region covers.
    """
    if not suppressions or not diagnostics:
        return diagnostics
    order = sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].span.start)
    every = _Positions(order, diagnostics)
    per_rule: dict[str, _Positions] = {}
    for rule, indices in _by_rule(order, diagnostics).items():
        per_rule[rule] = _Positions(indices, diagnostics)
    hit = [False] * len(diagnostics)
    for sup in suppressions:
        if sup.stray:
            continue
        if sup.rule != ALL:
            group = per_rule.get(sup.rule)
            if group is not None:
                sup.used = group.cover(sup.region) or sup.used
        elif sup.exempt:
            sup.used = _cover_with_exemptions(every, sup, diagnostics, hit) or sup.used
        else:
            sup.used = every.cover(sup.region) or sup.used
    for group in (every, *per_rule.values()):
        group.mark_hits(hit)
    return [d for i, d in enumerate(diagnostics) if not hit[i]]


class _Positions:
    """Diagnostics of one group sorted by start offset, with the ranges suppressions cover."""

    def __init__(self, indices: list[int], diagnostics: list[Diagnostic]) -> None:
        self.indices = indices
        self.starts = [diagnostics[i].span.start for i in indices]
        # +1 where a covered range begins, -1 just after it ends (a difference array).
        self.delta = [0] * (len(indices) + 1)

    def range(self, region: Span) -> tuple[int, int]:
        lo = bisect.bisect_left(self.starts, region.start)
        return lo, bisect.bisect_right(self.starts, region.end, lo)

    def cover(self, region: Span) -> bool:
        """Record that ``region`` covers its diagnostics; say whether it holds any."""
        lo, hi = self.range(region)
        if lo == hi:
            return False
        self.delta[lo] += 1
        self.delta[hi] -= 1
        return True

    def mark_hits(self, hit: list[bool]) -> None:
        depth = 0
        for k, i in enumerate(self.indices):
            depth += self.delta[k]
            if depth:
                hit[i] = True


def _by_rule(order: list[int], diagnostics: list[Diagnostic]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for i in order:
        groups.setdefault(diagnostics[i].rule_id, []).append(i)
    return groups


def _cover_with_exemptions(
    every: _Positions, sup: Suppression, diagnostics: list[Diagnostic], hit: list[bool]
) -> bool:
    """An all-rules region with rules turned back on: look at each diagnostic in it. Such
    regions never overlap (one is open at a time), so this stays linear over all of them."""
    lo, hi = every.range(sup.region)
    used = False
    for i in every.indices[lo:hi]:
        if diagnostics[i].rule_id not in sup.exempt:
            hit[i] = used = True
    return used


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
