"""The typography rules against the peer cases (test suites of other checkers): the share of
flagged cases found and of clean cases left clean, per category. The floors are the levels
reached, a little lower, so that a regression fails. Run with ``-s`` to see the figures."""

from __future__ import annotations

import pytest

from bench.evalkit import available, missing_message, score_category

# category -> (found, left clean), floored about half a point under the level reached.
FLOORS = {
    "unpaired-quote": (0.995, 0.995),
    "unpaired-bracket": (0.995, 0.995),
    "quote-spacing": (0.995, 0.995),
    # The one miss, "after.period", needs the option lowercase-after-stop (off by default).
    "punct-spacing": (0.975, 0.995),
}


@pytest.mark.parametrize("category", list(FLOORS))
def test_peer_cases(category: str) -> None:
    if not available("peer-cases", f"{category}.jsonl"):
        pytest.skip(missing_message("peer-cases", f"{category}.jsonl"))
    score = score_category(category)
    print(score.line(category))
    found, clean = FLOORS[category]
    assert score.recall >= found, f"misses: {score.misses}"
    assert score.clean_rate >= clean, f"false alarms: {score.false_alarms}"
