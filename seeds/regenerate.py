"""Rewrite the golden files of every seed from what textlint reports now.

    python seeds/regenerate.py

Read the resulting diff before committing it: the golden files are the product's promise.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from seeds.golden import findings, fixed_text  # noqa: E402


def main() -> int:
    for seed in sorted(HERE.glob("*.txt")):
        if seed.name.endswith((".fixed.txt", ".unsafe-fixed.txt")):
            continue
        stem = seed.name[: -len(".txt")]
        data = findings(seed)
        (HERE / f"{stem}.expected.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        for unsafe, suffix in ((False, "fixed"), (True, "unsafe-fixed")):
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / seed.name
                shutil.copy(seed, copy)
                (HERE / f"{stem}.{suffix}.txt").write_bytes(fixed_text(copy, unsafe))
        print(f"{seed.name}: {len(data)} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
