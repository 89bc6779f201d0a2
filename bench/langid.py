"""Score the untranslated-fragment rule on the langid benchmark and the clean-English corpus.

    python bench/langid.py [dev|test|real|clean|speed|ceiling|all] [--misses] [--alarms]

Prints recall, precision, the share of clean sentences flagged and throughput. Tune on dev only.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evalkit import EVAL_DIR, read_jsonl
from textlint.api import linter_for
from textlint.document import Document

RULES = ("untranslated-fragment",)


@dataclass
class LangidScore:
    gold: int = 0
    found: int = 0
    reported: int = 0
    correct: int = 0
    clean: int = 0
    clean_flagged: int = 0
    chars: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.reported if self.reported else 1.0

    @property
    def clean_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0

    def line(self, name: str) -> str:
        speed = self.chars / self.seconds / 1e6 if self.seconds else 0.0
        return (f"{name:8} recall {self.found}/{self.gold} = {self.recall:6.1%}   precision "
                f"{self.correct}/{self.reported} = {self.precision:6.1%}   clean flagged "
                f"{self.clean_flagged}/{self.clean} = {self.clean_rate:6.2%}   {speed:5.2f} MB/s")


def score_rows(rows: list[dict[str, Any]], rules: tuple[str, ...] = RULES) -> LangidScore:
    linter = linter_for(rules)
    linter.lint(Document("warm up: disse Kim"))
    sc = LangidScore()
    for row in rows:
        text = row["text"]
        t0 = time.perf_counter()
        hits = linter.lint(Document(text))
        sc.seconds += time.perf_counter() - t0
        sc.chars += len(text)
        gold = row["spans"]
        if not gold:
            sc.clean += 1
            if hits:
                sc.clean_flagged += 1
                sc.alarms.append(f"{text}  <= {[text[h.span.start:h.span.end] for h in hits]}")
        for g in gold:
            sc.gold += 1
            if any(h.span.start < g["end"] and g["start"] < h.span.end for h in hits):
                sc.found += 1
            else:
                sc.misses.append(f"[{g['lang']} {g['style']}] {g['fragment']!r}  in: {text}")
        for h in hits:
            sc.reported += 1
            if any(h.span.start < g["end"] and g["start"] < h.span.end for g in gold):
                sc.correct += 1
            elif gold:
                sc.alarms.append(f"{text}  <= {text[h.span.start:h.span.end]!r}")
    return sc


def evidence_classes(rows: list[dict[str, Any]], rules: tuple[str, ...] = RULES
                     ) -> dict[str, tuple[int, int]]:
    """Gold spans by the evidence their own words carry, and how many of each class are found:
    ``none`` (no word at least 10 times more frequent in some candidate language than in
    English: English words such as ``station``, or lowercased names), ``names`` (the only such
    words are capitalised, which the rule treats as names), ``lowercase`` (the rest). The first
    two bound the recall any word-evidence model can reach without reporting names."""
    from textlint.checks.foreign_span import SEED, Model
    from textlint.lexicon import load_lexicon

    lex = load_lexicon()
    model = Model(lex, "en", list(lex.langs), [])
    linter = linter_for(rules)
    out: dict[str, list[int]] = {"none": [0, 0], "names": [0, 0], "lowercase": [0, 0]}
    for row in rows:
        if not row["spans"]:
            continue
        doc = Document(row["text"])
        hits = linter.lint(doc)
        for g in row["spans"]:
            words = [w for w in doc.words if w.start < g["end"] and g["start"] < w.end]
            strong = [w for w in words if model.word(w.text)[0] >= SEED]
            cls = ("none" if not strong else
                   "names" if all(w.text[0].isupper() for w in strong) else "lowercase")
            out[cls][0] += 1
            out[cls][1] += any(h.span.start < g["end"] and g["start"] < h.span.end for h in hits)
    return {k: (v[0], v[1]) for k, v in out.items()}


def split_rows(split: str) -> list[dict[str, Any]]:
    name = {"real": "real_case"}.get(split, split)
    return list(read_jsonl(EVAL_DIR / "langid" / f"{name}.jsonl"))


@dataclass
class CleanScore:
    findings: int = 0
    chars: int = 0
    seconds: float = 0.0
    hits: list[str] = field(default_factory=list)

    @property
    def per_100kb(self) -> float:
        return self.findings / (self.chars / 100_000) if self.chars else 0.0

    def line(self) -> str:
        speed = self.chars / self.seconds / 1e6 if self.seconds else 0.0
        return (f"clean-english: {self.findings} findings in {self.chars} chars = "
                f"{self.per_100kb:.2f} per 100 KB   {speed:5.2f} MB/s")


def score_clean(rules: tuple[str, ...] = RULES) -> CleanScore:
    linter = linter_for(rules)
    linter.lint(Document("warm up: disse Kim"))
    sc = CleanScore()
    for path in sorted((EVAL_DIR / "clean-english").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        hits = linter.lint(Document(text, path=str(path)))
        sc.seconds += time.perf_counter() - t0
        sc.chars += len(text)
        sc.findings += len(hits)
        for h in hits:
            ctx = text[max(0, h.span.start - 40) : h.span.end + 40].replace("\n", " ")
            sc.hits.append(f"{path.name}: {h.rule_id} {text[h.span.start:h.span.end]!r}  "
                           f"[{h.data.get('lang')}]  ...{ctx}...")
    return sc


def rule_throughput(rules: tuple[str, ...] = RULES, repeat: int = 3) -> float:
    """MB/s of the rules alone over the clean-English corpus as one document (the document's
    shared tokenisation, which every rule reuses, is done before the clock starts)."""
    text = "\n\n".join(p.read_text(encoding="utf-8")
                        for p in sorted((EVAL_DIR / "clean-english").glob("*.txt")))
    linter = linter_for(rules)
    linter.lint(Document("warm up: disse Kim"))
    best = float("inf")
    for _ in range(repeat):
        doc = Document(text)
        _ = doc.words, doc.prose, doc.paragraphs
        t0 = time.perf_counter()
        linter.lint(doc)
        best = min(best, time.perf_counter() - t0)
    return len(text) / best / 1e6


def shared_throughput(repeat: int = 3) -> float:
    """MB/s of the document's shared tokenisation alone (words, prose, paragraphs)."""
    text = "\n\n".join(p.read_text(encoding="utf-8")
                        for p in sorted((EVAL_DIR / "clean-english").glob("*.txt")))
    best = float("inf")
    for _ in range(repeat):
        doc = Document(text)
        t0 = time.perf_counter()
        _ = doc.words, doc.prose, doc.paragraphs
        best = min(best, time.perf_counter() - t0)
    return len(text) / best / 1e6


def main(argv: list[str]) -> int:
    what = [a for a in argv if not a.startswith("-")] or ["dev", "real", "clean"]
    if what == ["all"]:
        what = ["dev", "test", "real", "clean", "speed"]
    for split in what:
        if split == "ceiling":
            for name in ("dev", "test"):
                classes = evidence_classes(split_rows(name))
                gold = sum(n for n, _ in classes.values())
                print(f"{name}: " + "   ".join(
                    f"{k} {f}/{n} found" for k, (n, f) in classes.items()) +
                    f"   (word-evidence ceiling {classes['lowercase'][0] / gold:.1%}"
                    f" without names, {1 - classes['none'][0] / gold:.1%} with them)")
            continue
        if split == "speed":
            print(f"throughput: untranslated-fragment alone {rule_throughput():.2f} MB/s; "
                  f"the document's shared tokenisation {shared_throughput():.2f} MB/s")
            continue
        if split == "clean":
            cs = score_clean(("untranslated-fragment", "untranslated-paragraph"))
            print(cs.line())
            if "--alarms" in argv:
                print("\n".join(cs.hits))
            continue
        sc = score_rows(split_rows(split))
        print(sc.line(split))
        if "--misses" in argv:
            print("\n".join(sc.misses))
        if "--alarms" in argv:
            print("\n".join(sc.alarms))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
