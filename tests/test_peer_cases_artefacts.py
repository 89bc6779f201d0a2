"""Scores of the artefacts pack against the peer cases (other checkers' test suites).

Each category is scored only with its own rule (verdicts are category-scoped). The floors are
the levels reached, less half a point, so any regression fails. Run with ``-s`` to see them.
"""

from __future__ import annotations

import pytest

from bench.evalkit import available, missing_message, score_category

# category -> (found share, left-clean share) reached, floored by 0.5 pt
FLOORS = {
    "a-an": (0.995, 0.995),
    "a-an-wordlist": (0.980, 0.984),
    "doubled-word": (0.995, 0.995),
    "doubled-punct": (0.995, 0.995),
}


@pytest.mark.parametrize("category", list(FLOORS), ids=list(FLOORS))
def test_peer_category(category: str) -> None:
    if not available("peer-cases", f"{category}.jsonl"):
        pytest.skip(missing_message("peer-cases", f"{category}.jsonl"))
    score = score_category(category)
    print(score.line(category))
    found, clean = FLOORS[category]
    assert score.recall >= found, score.misses[:20]
    assert score.clean_rate >= clean, score.false_alarms[:20]
