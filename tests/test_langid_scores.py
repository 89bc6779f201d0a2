"""Scores of untranslated-fragment on the shared langid benchmark and the clean-English corpus.

Run with ``pytest -s`` to see the figures. The floors are the levels measured when the rule was
last tuned (on dev only), less a small margin: a regression fails the test.
"""

from __future__ import annotations

import pytest

from bench import langid
from bench.evalkit import Score, available, missing_message

# (recall, precision, clean sentences flagged) floors/ceilings per split.
FLOORS: dict[str, tuple[float, float, float]] = {
    "dev": (0.897, 0.989, 0.0014),   # measured 90.0 %, 99.4 %, 0.11 %
    # measured 86.1 %, 99.6 %, 0.08 % (after tuning); the ceiling on clean sentences is the
    # issue's target, 0.1 %
    "test": (0.857, 0.993, 0.0010),
}
CLEAN_PER_100KB = 1.0  # the target; measured 0.79
# Speed is measured in bench/ (langid.py, speed.py --rules), as ratios against a baseline of
# the same run, never asserted here: a busy machine would fail a timed test.


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_split(split: str) -> None:
    if not available("langid", f"{split}.jsonl"):
        pytest.skip(missing_message("langid", f"{split}.jsonl"))
    score = langid.score_rows(langid.split_rows(split))
    kit = Score(flagged=score.gold, found=score.found, clean=score.clean,
                left_clean=score.clean - score.clean_flagged)
    print("\n" + kit.line(split) + "\n" + score.line(split))
    recall, precision, flagged = FLOORS[split]
    assert score.recall >= recall
    assert score.precision >= precision
    assert score.clean_rate <= flagged


def test_real_cases() -> None:
    if not available("langid", "real_case.jsonl"):
        pytest.skip(missing_message("langid", "real_case.jsonl"))
    rows = langid.split_rows("real")
    score = langid.score_rows(rows)
    print("\n" + score.line("real"))
    # The two fragments of the seed article and its proper-noun sentence.
    seed = [r for r in rows if r["id"] in ("real-1", "real-3")]
    seed_score = langid.score_rows(seed)
    assert seed_score.found == seed_score.gold == 2
    assert seed_score.precision == 1.0 and seed_score.clean_flagged == 0


def test_clean_english() -> None:
    if not available("clean-english"):
        pytest.skip(missing_message("clean-english"))
    score = langid.score_clean(("untranslated-fragment", "untranslated-paragraph"))
    print("\n" + score.line())
    assert score.per_100kb <= CLEAN_PER_100KB
