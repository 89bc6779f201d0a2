"""Scoring against the shared evaluation data (../shared/eval), for tests and bench scripts.

Nothing here ships in the package: the data is read from the ``shared/eval`` folder beside the
project (or ``$TEXTLINT_EVAL_DIR``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textlint.api import linter_for
from textlint.document import Document

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = Path(os.environ.get("TEXTLINT_EVAL_DIR", ROOT.parent / "shared" / "eval"))

# Peer-case category -> the rules that answer for it.
PEER_RULES: dict[str, tuple[str, ...]] = {
    "unpaired-quote": ("unbalanced-quotes",),
    "unpaired-bracket": ("unbalanced-brackets",),
    "quote-spacing": ("quote-spacing",),
    "punct-spacing": ("punctuation-spacing",),
    "a-an": ("a-an",),
    "a-an-wordlist": ("a-an",),
    "doubled-word": ("doubled-word",),
    "doubled-punct": ("repeated-punctuation",),
    "punct-other": ("cjk-comma",),
    "foreign-fragment": ("untranslated-fragment", "untranslated-paragraph"),
}


def available(*parts: str) -> bool:
    return EVAL_DIR.joinpath(*parts).exists()


def missing_message(*parts: str) -> str:
    return f"evaluation data not found at {EVAL_DIR.joinpath(*parts)} (set TEXTLINT_EVAL_DIR)"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def peer_cases(category: str) -> list[dict[str, Any]]:
    return list(read_jsonl(EVAL_DIR / "peer-cases" / f"{category}.jsonl"))


@dataclass
class Score:
    flagged: int = 0
    found: int = 0
    clean: int = 0
    left_clean: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.flagged if self.flagged else 1.0

    @property
    def clean_rate(self) -> float:
        return self.left_clean / self.clean if self.clean else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:18} found {self.found}/{self.flagged} = {self.recall:6.1%}   "
            f"left clean {self.left_clean}/{self.clean} = {self.clean_rate:6.1%}"
        )


def score_cases(
    cases: Iterable[dict[str, Any]], rule_ids: Sequence[str], language: str = "en"
) -> Score:
    """A flagged case is found when one of ``rule_ids`` reports anything in it; a clean case is
    left clean when none does (verdicts are category-scoped, see the data's README)."""
    linter = linter_for(rule_ids)
    score = Score()
    for case in cases:
        hits = linter.lint(Document(case["text"], language=language))
        if case["expect"] == "flag":
            score.flagged += 1
            if hits:
                score.found += 1
            else:
                score.misses.append(case["text"])
        elif case["expect"] == "clean":
            score.clean += 1
            if not hits:
                score.left_clean += 1
            else:
                score.false_alarms.append(case["text"])
    return score


def score_category(category: str) -> Score:
    return score_cases(peer_cases(category), PEER_RULES[category])
