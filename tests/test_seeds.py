"""The seed documents give exactly their golden findings and fixes (see seeds/README.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from seeds.golden import findings, fixed_text, run

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DOCS = sorted(
    p for p in SEEDS.glob("*.txt") if not p.name.endswith((".fixed.txt", ".unsafe-fixed.txt"))
)


def _stem(seed: Path) -> str:
    return seed.name[: -len(".txt")]


@pytest.mark.parametrize("seed", DOCS, ids=[p.name for p in DOCS])
def test_findings_match_golden(seed: Path) -> None:
    expected = json.loads((SEEDS / f"{_stem(seed)}.expected.json").read_text(encoding="utf-8"))
    assert findings(seed) == expected


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("seed", DOCS, ids=[p.name for p in DOCS])
def test_fix_matches_golden_and_is_stable(seed: Path, unsafe: bool, tmp_path: Path) -> None:
    copy = tmp_path / seed.name
    shutil.copy(seed, copy)
    suffix = "unsafe-fixed" if unsafe else "fixed"
    assert fixed_text(copy, unsafe) == (SEEDS / f"{_stem(seed)}.{suffix}.txt").read_bytes()
    once = copy.read_bytes()
    assert fixed_text(copy, unsafe) == once  # a second --fix changes nothing


@pytest.mark.parametrize("seed", DOCS, ids=[p.name for p in DOCS])
def test_golden_findings_cover_the_fixes(seed: Path) -> None:
    # Every change between the seed and its fixed text comes from a fixable golden finding.
    expected = json.loads((SEEDS / f"{_stem(seed)}.expected.json").read_text(encoding="utf-8"))
    fixed = (SEEDS / f"{_stem(seed)}.fixed.txt").read_bytes()
    safe = [f for f in expected if f["fix"] and f["fix"]["applicability"] == "safe"]
    assert (fixed != seed.read_bytes()) == bool(safe)


def test_seed_exit_code_is_one() -> None:
    code, _ = run(["--quiet", DOCS[0].name], SEEDS)
    assert code == 1
