"""False alarms on technical English: every default rule over the package descriptions of the
environment, per rule and per 100 KB.

    python bench/technical.py [--show RULE]

The text is the METADATA of each installed distribution (its README, read as Markdown, after
the metadata headers): English prose dense with package names, code, URLs, version markers and
lists, which is where users of prose linters see most false alarms. Nearly every report here
is one. It is not data from ../shared/eval and it differs from one environment to the next (the
packages installed): a smoke test to compare commits in one environment, not a score.
"""

from __future__ import annotations

import sys
from collections import Counter
from importlib.metadata import distributions
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textlint.config import Config
from textlint.document import Document
from textlint.selection import Choice, build_linter, rules_with_packs


def corpus() -> list[tuple[str, str]]:
    """(distribution name, METADATA text) of each installed distribution, sorted by name."""
    out = []
    for dist in distributions():
        text = dist.read_text("METADATA")
        if text:
            out.append((dist.metadata["Name"] or "?", text))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = args[args.index("--show") + 1] if "--show" in args[:-1] else None
    linter = build_linter(Config(), Choice(), rules_with_packs(()))
    counts: Counter[str] = Counter()
    size = 0
    texts = corpus()
    for name, text in texts:
        size += len(text)
        for d in linter.lint(Document(text, format="markdown")):
            counts[d.rule_id] += 1
            if d.rule_id == show:
                line = text.count("\n", 0, d.span.start) + 1
                print(f"{name}:{line}: {text[d.span.start : d.span.end][:60]!r}  {d.message}")
    per = 100_000 / size if size else 0.0
    print(f"{len(texts)} package descriptions, {size} characters")
    for rule, n in counts.most_common():
        print(f"  {rule:28} {n:5}   {n * per:6.2f} per 100 KB")
    total = sum(counts.values())
    print(f"  {'all rules':28} {total:5}   {total * per:6.2f} per 100 KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
