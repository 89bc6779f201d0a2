"""Speed and memory of the default rules, as absolute figures and as ratios against baselines
measured in the same run (so the figures survive a slower or busier machine).

    python bench/speed.py [--rules] [--repeat N]

- throughput: all default rules over the clean-English corpus (or the seed if it is absent),
  in MB/s of UTF-8 text, against a baseline that only tokenises the same text once;
- per rule (--rules): each default rule alone;
- start-up: ``textlint seed`` in a fresh process (the pre-commit case), against
  ``python -c pass`` and ``python -c "import click"``;
- memory: peak resident size of that process;
- language data (--data): loading the cached tables in a fresh process, against ``python -c pass``;
- many files (--jobs): the corpus as one file per document, linted by ``textlint -j 1`` and by
  ``textlint -j N`` (one process per core) in fresh processes;
- pathological input (--pathological): very long lines, thousands of findings, long runs of
  furniture lines and a backtracking user pattern, each against the baseline on the same text,
  so a quadratic path shows as a ratio that grows with the input.

Speed is measured here, never asserted in the tests.

Targets (DEVELOPERS.md): all default rules >= 5 MB/s on one core; one small file <= 150 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.evalkit import EVAL_DIR  # noqa: E402
from textlint.config import Config  # noqa: E402
from textlint.document import Document  # noqa: E402
from textlint.selection import Choice, build_linter, rules_with_packs  # noqa: E402

SEED = ROOT / "seeds" / "putin-kim-mt-article.txt"


def corpus() -> list[str]:
    folder = EVAL_DIR / "clean-english"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    return [p.read_text(encoding="utf-8") for p in files] or [SEED.read_text(encoding="utf-8")] * 50


def best_of(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def throughput(texts: list[str], rule_ids: list[str] | None, repeat: int) -> float:
    choice = Choice(select=tuple(rule_ids)) if rule_ids is not None else Choice()
    linter = build_linter(Config(), choice, rules_with_packs(()))
    for text in texts[:2]:
        linter.lint(Document(text))  # warm up: lazy data loads are start-up, not throughput

    def go() -> None:
        for text in texts:
            linter.lint(Document(text))

    return best_of(go, repeat)


def baseline(texts: list[str], repeat: int) -> float:
    def go() -> None:
        for text in texts:
            _ = Document(text).words

    return best_of(go, repeat)


def process_time(args: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and peak RSS (MB) of a fresh process on a warm start: after one run
    not counted, with byte code written as an installed package has it (an environment that
    sets PYTHONDONTWRITEBYTECODE would otherwise time compiling every module from source)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run() -> None:
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       check=False)

    run()
    times = []
    peak = 0.0
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return statistics.median(times), peak


DATA_LOADS = {
    "lexicon (wordfreq table)": "from textlint.lexicon import load_lexicon; load_lexicon()",
    "a/an sound table": "from textlint.checks._sound_table import load; load()",
}

PATHOLOGICAL = {
    "articles and doubles, one line": ("a hour the the ,, " * 20000).strip(),
    "100k letters in one word": "x" * 100_000,
    "20k reporting verbs": "disse " * 20_000,
    "5k furniture lines": "Advertisement\n" * 5000,
    "200k blank lines": "Text.\n" + "\n" * 200_000 + "Source link",
    "100k unclosed quotes": "“" * 100_000,
    "2k lines like a directive": ("textlint-disable " + "a" * 40 + ".\n") * 2000,
    "20k unlisted foreign words": "gebirgsbewohner " * 20_000,
    "one line of 100k commas": ",".join(["w"] * 100_000),
    "16k foreign words, no stop": "não x " * 16_000,
    "8k Cyrillic runs, no stop": "Привет word " * 8000,
    "2k different Cyrillic words": "".join(
        f"He said Привет{chr(0x430 + i % 32)}{chr(0x430 + i // 32 % 32)} and left. "
        for i in range(2000)),
    "100k letters of doubled pairs": "aab" * 33_334,
    "50k spaced brackets, one line": "( [ " * 25_000,
    "20k unopened closers, one line": "word ] " * 20_000,
    "50k commas in one token": "a," * 50_000,
    "20k double-spaced paragraphs": "A b.  C d. E f.\n\n" * 20_000,
    # A date that could begin a ChangeLog entry, then blanks and no address (mixed marks).
    "a date and 80k blanks": "He said \"yes\" and “no”.\n\n2020-01-01" + " \t" * 40_000
    + "\nDone \"ok\".",
    "10k suppression attempts, one line": "<!-- textlint-disable-line x --> " * 10_000,
    # A document a line, as corpora keep them: words with stray double spaces (a word drawn
    # as empty) on a line of half a megabyte.
    "100k words, stray double spaces, one line": " ".join(random.Random(1).choices(
        ["the", "quick", "brown", "fox", "said", "“hello”there", "and", "a", "apple", ",", "ok.",
         ""], k=100_000)),
}
# Markdown masking runs before every rule: its patterns are timed on their own inputs.
PATHOLOGICAL_MARKDOWN = {
    "50k spaces on one line": " " * 50_000,
    "25k link openings": "](" * 25_000,
    "50k quotes after code spans": "( " + "`a`'" * 50_000,
    "50k blank lines": "\n" * 50_000,
    "12k unclosed comments": "<!-- " * 12_500,
}


def pathological(repeat: int) -> None:
    from textlint.api import fix_string

    linter = build_linter(Config(), Choice(), rules_with_packs(()))
    ids = [a.rule.id for a in linter.rules]
    cases = [(name, text, "plain") for name, text in PATHOLOGICAL.items()] + [
        (f"{name} (Markdown)", text, "markdown") for name, text in PATHOLOGICAL_MARKDOWN.items()]
    for name, text, fmt in cases:
        # The baseline tokenises the text as plain text, so that Markdown's masking counts in
        # the ratio.
        base = best_of(lambda text=text: Document(text).words, repeat)
        lint = best_of(lambda text=text, fmt=fmt: linter.lint(Document(text, format=fmt)),
                       repeat)
        fix = best_of(lambda text=text, fmt=fmt: fix_string(text, ids, unsafe=True, format=fmt),
                      1)
        print(f"pathological: {name:40} lint {lint:6.2f} s ({lint / base:6.1f}x tokenising), "
              f"fix {fix:6.2f} s")


def many_files(texts: list[str], size: float) -> None:
    """The corpus written out four times over, one file per document, linted in fresh
    processes by one process and by one per core."""
    import tempfile

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        for copy in range(4):
            for i, text in enumerate(texts):
                Path(tmp, f"{copy}-{i:03d}.txt").write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-m", "textlint", "--quiet", "--exit-zero", "--format", "json"]
        one, _ = process_time([*cmd, "-j", "1", tmp], 3)
        many, _ = process_time([*cmd, "-j", "0", tmp], 3)
    print(f"many files ({4 * len(texts)} files, {4 * size:.1f} MB): -j 1 "
          f"{4 * size / one:.1f} MB/s, -j 0 ({cores} cores) {4 * size / many:.1f} MB/s "
          f"({one / many:.2f}x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules", action="store_true", help="also time each default rule alone")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", action="store_true", help="time the language data loads")
    parser.add_argument("--pathological", action="store_true", help="time worst-case inputs")
    parser.add_argument("--jobs", action="store_true", help="time many files on all cores")
    args = parser.parse_args(argv)
    texts = corpus()
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    base = baseline(texts, args.repeat)
    full = throughput(texts, None, args.repeat)
    print(f"corpus: {len(texts)} documents, {size:.2f} MB")
    print(f"baseline (tokenise once): {size / base:8.1f} MB/s")
    print(f"all default rules:        {size / full:8.1f} MB/s   ({full / base:.1f}x the baseline)")
    if args.rules:
        rules = rules_with_packs(())
        for rid in (r.id for r in rules.values() if r.default):
            t = throughput(texts, [rid], args.repeat)
            print(f"  {rid:28} {size / t:8.1f} MB/s   ({t / base:.2f}x the baseline)")
    py, _ = process_time([sys.executable, "-c", "pass"], 11)
    if args.data:
        for name, code in DATA_LOADS.items():
            t, _ = process_time([sys.executable, "-c", code], 5)
            print(f"data: {name:28} {(t - py) * 1000:6.0f} ms over python's start-up")
    if args.pathological:
        pathological(args.repeat)
    if args.jobs:
        many_files(texts, size)
    click_t, _ = process_time([sys.executable, "-c", "import click"], 11)
    tl, rss = process_time([sys.executable, "-m", "textlint", "--quiet", str(SEED)], 11)
    print(
        f"start-up: python {py * 1000:.0f} ms, python+click {click_t * 1000:.0f} ms, "
        f"textlint on the seed {tl * 1000:.0f} ms ({tl / py:.1f}x python), peak RSS {rss:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
