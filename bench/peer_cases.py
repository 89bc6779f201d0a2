"""Print, per peer-case category, the share of flagged cases found and clean cases left clean.

python bench/peer_cases.py [CATEGORY ...] [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evalkit import PEER_RULES, available, missing_message, score_category


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = "--misses" in args
    categories = [a for a in args if not a.startswith("--")] or list(PEER_RULES)
    if not available("peer-cases"):
        print(missing_message("peer-cases"), file=sys.stderr)
        return 2
    for category in categories:
        try:
            score = score_category(category)
        except KeyError as exc:  # a rule not built yet
            print(f"{category:18} skipped: unknown rule {exc}")
            continue
        print(score.line(category))
        if show:
            for text in score.misses:
                print(f"    missed: {text!r}")
            for text in score.false_alarms:
                print(f"    false alarm: {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
