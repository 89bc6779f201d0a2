"""Applies fixes: non-overlapping ones per pass, re-linting until nothing applies."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from textlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Span

MAX_PASSES = 10


class FixLoopError(RuntimeError):
    def __init__(self, rules: Sequence[str]) -> None:
        self.rules = sorted(set(rules))
        super().__init__(
            f"fixes did not converge after {MAX_PASSES} passes; rules that keep changing "
            f"the text: {', '.join(self.rules)}"
        )


@dataclass
class FixResult:
    text: str
    diagnostics: list[Diagnostic]  # what remains after fixing
    applied: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.applied.values())


def applicable(diag: Diagnostic, unsafe: bool) -> bool:
    return diag.fix is not None and (unsafe or diag.fix.applicability is Applicability.SAFE)


def select_fixes(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[tuple[Diagnostic, Fix]]:
    """Fixes that can be applied together: earliest first, none overlapping an earlier one
    (touching spans do not overlap). The rest waits for the next pass."""
    chosen: list[tuple[Diagnostic, Fix]] = []
    taken: list[Span] = []  # sorted and disjoint, so only neighbours can overlap
    candidates = sorted(
        ((d, d.fix) for d in diagnostics if d.fix is not None and applicable(d, unsafe)),
        key=lambda pair: (pair[1].span.start, pair[1].span.end, pair[0].rule_id),
    )
    for diag, fix in candidates:
        if _self_overlapping(fix) or any(_collides(taken, e.span) for e in fix.edits):
            continue
        chosen.append((diag, fix))
        for e in fix.edits:
            bisect.insort(taken, e.span)
    return chosen


def _collides(taken: list[Span], span: Span) -> bool:
    i = bisect.bisect_left(taken, span)
    return any(taken[j].overlaps(span) for j in (i - 1, i) if 0 <= j < len(taken))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        out.append(text[pos : edit.span.start])
        out.append(edit.replacement)
        pos = edit.span.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, lint: Callable[[str], list[Diagnostic]], unsafe: bool = False) -> FixResult:
    """Fix ``text`` until no applicable fix is left. Raises ``FixLoopError`` when the text is
    still changing after ``MAX_PASSES`` passes or comes back to an earlier state."""
    applied: Counter[str] = Counter()
    seen = {text: 0}  # each text met, and the pass that produced it
    passes: list[list[str]] = []  # the rules applied in each pass
    diagnostics = lint(text)
    for n in range(1, MAX_PASSES + 1):
        chosen = select_fixes(diagnostics, unsafe)
        if not chosen:
            return FixResult(text, diagnostics, applied)
        edits = sorted((e for _, fix in chosen for e in fix.edits), key=lambda e: e.span)
        waiting = _waiting(diagnostics, chosen, edits, unsafe)
        text = apply_edits(text, edits)
        applied.update(d.rule_id for d, _ in chosen)
        passes.append([d.rule_id for d, _ in chosen])
        if text in seen:
            # Every rule of the passes since that text was last seen takes part in the cycle.
            raise FixLoopError([r for rules in passes[seen[text] :] for r in rules])
        seen[text] = n
        diagnostics = lint(text)
        applied.update(d.rule_id for d in _resolved(waiting, edits, diagnostics))
    still = select_fixes(diagnostics, unsafe)
    if still:
        raise FixLoopError([d.rule_id for d, _ in still])
    return FixResult(text, diagnostics, applied)


def _waiting(
    diagnostics: Sequence[Diagnostic],
    chosen: Sequence[tuple[Diagnostic, Fix]],
    edits: list[Edit],
    unsafe: bool,
) -> list[Diagnostic]:
    """Applicable fixes left for a later pass because they overlap a chosen one."""
    picked = {id(d) for d, _ in chosen}
    spans = [e.span for e in edits]
    return [
        d
        for d in diagnostics
        if d.fix is not None
        and id(d) not in picked
        and applicable(d, unsafe)
        and any(_collides(spans, e.span) for e in d.fix.edits)
    ]


def _resolved(
    waiting: Sequence[Diagnostic], edits: Sequence[Edit], after: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """The waiting findings that the pass's fixes resolved: their rule no longer reports
    anything where they were (a fix that deleted a whole block took their lines with it; two
    rules fixed the same defect). These count as fixed, so that ``--fix`` reports as many
    fixed findings as a plain run reported fixable ones."""
    if not waiting:
        return []
    shifts = _Shifts(edits)
    reported = _Reported(after)
    out = []
    for diag in waiting:
        assert diag.fix is not None
        start = min(diag.span.start, *(e.span.start for e in diag.fix.edits))
        end = max(diag.span.end, *(e.span.end for e in diag.fix.edits))
        if not reported.near(diag.rule_id, shifts.start(start), shifts.end(end)):
            out.append(diag)
    return out


class _Shifts:
    """Maps offsets of the text before a pass to the text after it."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.edits = list(edits)  # sorted and disjoint
        self.ends = [e.span.end for e in self.edits]
        self.before = [0]  # how far the edits before each one moved the text
        for e in self.edits:
            self.before.append(self.before[-1] + len(e.replacement) - len(e.span))

    def start(self, offset: int) -> int:
        k = bisect.bisect_left(self.ends, offset)
        if k < len(self.edits) and self.edits[k].span.start <= offset:
            return self.edits[k].span.start + self.before[k]  # inside an edit: where it begins
        return offset + self.before[k]

    def end(self, offset: int) -> int:
        k = bisect.bisect_right(self.ends, offset)
        if k < len(self.edits) and self.edits[k].span.start < offset:
            e = self.edits[k]  # inside an edit: where its replacement ends
            return e.span.start + self.before[k] + len(e.replacement)
        return offset + self.before[k]


class _Reported:
    """Findings of a lint by rule, to ask whether a rule reports anything near a span."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.starts: dict[str, list[int]] = {}
        self.reach: dict[str, list[int]] = {}  # the furthest end among findings so far
        for d in sorted(diagnostics, key=lambda d: d.span.start):
            self.starts.setdefault(d.rule_id, []).append(d.span.start)
            ends = self.reach.setdefault(d.rule_id, [])
            ends.append(max(d.span.end, ends[-1]) if ends else d.span.end)

    def near(self, rule: str, start: int, end: int) -> bool:
        """Whether ``rule`` reports a span overlapping or touching ``start..end``."""
        k = bisect.bisect_right(self.starts.get(rule, []), end)
        return k > 0 and self.reach[rule][k - 1] >= start


def _self_overlapping(fix: Fix) -> bool:
    edits = sorted(fix.edits, key=lambda e: (e.span.start, e.span.end))
    return any(a.span.overlaps(b.span) for a, b in itertools.pairwise(edits))
