"""Scores against the peer cases (other checkers' public test suites): per category, the share
of flagged cases found and of clean cases left clean. Each category is scored only with its own
rules (verdicts are category-scoped, see bench/evalkit.PEER_RULES). The floors are the levels
reached, about half a point lower, so that a regression fails. Run with ``-s`` to see them."""

from __future__ import annotations

import pytest

from bench.evalkit import available, missing_message, score_category

# category -> (found, left clean)
FLOORS = {
    "unpaired-quote": (0.995, 0.995),
    "unpaired-bracket": (0.995, 0.995),
    "quote-spacing": (0.995, 0.995),
    # The one miss, "after.period", needs the option lowercase-after-stop (off by default).
    "punct-spacing": (0.975, 0.995),
    "a-an": (0.995, 0.995),
    "a-an-wordlist": (0.980, 0.984),
    "doubled-word": (0.995, 0.995),
    "doubled-punct": (0.995, 0.995),
    "punct-other": (0.995, 0.995),
    "foreign-fragment": (0.995, 0.995),
}


@pytest.mark.parametrize("category", list(FLOORS), ids=list(FLOORS))
def test_peer_category(category: str) -> None:
    if not available("peer-cases", f"{category}.jsonl"):
        pytest.skip(missing_message("peer-cases", f"{category}.jsonl"))
    score = score_category(category)
    print(score.line(category))
    found, clean = FLOORS[category]
    assert score.recall >= found, f"misses: {score.misses[:20]}"
    assert score.clean_rate >= clean, f"false alarms: {score.false_alarms[:20]}"
