"""Defects injected into the clean-English corpus: a space dropped after a closing quotation
mark, a quotation or bracket mark deleted, a space dropped after punctuation or added before
it. Each rule must find the defect it answers for (a finding within 400 characters of the
site) in a given share of a fixed random sample of sites. The floors are the levels reached,
a little lower; the quotation marks that are lost at the end of a paragraph followed by a
quoted paragraph cannot be told from a quotation running on, hence the lower floor there."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bench.evalkit import EVAL_DIR
from textlint.api import linter_for
from textlint.document import Document

CLEAN = EVAL_DIR / "clean-english"
SAMPLE = 60

Mutation = Callable[[str, int], tuple[str, int]]


def _drop(offset: int) -> Mutation:
    return lambda t, p: (t[: p + offset] + t[p + offset + 1 :], p + offset)


def _add_space(offset: int) -> Mutation:
    return lambda t, p: (t[: p + offset] + " " + t[p + offset :], p + offset)


CASES = [
    ("quote-spacing", r"[”\"] (?=[a-z])", _drop(1), 0.98, "space-after-closing-quote"),
    ("quote-spacing", r"[a-z] [“\"](?=[A-Z])", _drop(1), 0.98, "space-before-opening-quote"),
    ("unbalanced-quotes", r"(?<=[.,!?])”", _drop(0), 0.5, "closing-curly-lost"),
    ("unbalanced-quotes", r"“", _drop(0), 0.9, "opening-curly-lost"),
    ("unbalanced-quotes", r"(?<=[.,!?])\"(?= [a-z])", _drop(0), 0.8, "closing-straight-lost"),
    ("unbalanced-brackets", r"\)", _drop(0), 0.95, "closing-bracket-lost"),
    ("unbalanced-brackets", r"\(", _drop(0), 0.9, "opening-bracket-lost"),
    ("punctuation-spacing", r"[,;] (?=[a-z])", _drop(1), 0.98, "space-after-comma-lost"),
    ("punctuation-spacing", r"[a-z]\. (?=[A-Z][a-z])", _drop(2), 0.98, "space-after-stop-lost"),
    ("punctuation-spacing", r"[a-z](?=[,;!?] )", _add_space(1), 0.98, "space-before-mark"),
]


@pytest.mark.parametrize(
    ("rule", "pattern", "mutate", "floor"),
    [pytest.param(r, p, m, f, id=i) for r, p, m, f, i in CASES],
)
def test_injected_defects_are_found(rule: str, pattern: str, mutate: Mutation,
                                    floor: float) -> None:
    if not CLEAN.exists():
        pytest.skip(f"clean-English corpus not found at {CLEAN}")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt"))]
    sites = [(i, m.start()) for i, t in enumerate(texts) for m in re.finditer(pattern, t)]
    random.Random(7).shuffle(sites)
    linter = linter_for([rule])
    found = 0
    sample = sites[:SAMPLE]
    for i, pos in sample:
        text, at = mutate(texts[i], pos)
        if any(abs(d.span.start - at) < 400 for d in linter.lint(Document(text))):
            found += 1
    share = found / len(sample)
    print(f"{rule:20} {pattern:24} found {found}/{len(sample)} = {share:.1%}")
    assert share >= floor
