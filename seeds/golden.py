"""What the golden files hold: the seed's findings through the real command line."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path
from typing import Any

from textlint.cli import main

KEYS = ("rule", "severity", "line", "column", "text", "message")


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    out = io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out):
            code = main(args)
    finally:
        os.chdir(old)
    return code, out.getvalue()


def findings(seed: Path) -> list[dict[str, Any]]:
    _, out = run(["--format", "json", "--color", "never", seed.name], seed.parent)
    report = json.loads(out)
    items = []
    for diag in report["files"][0]["diagnostics"]:
        item = {k: diag[k] for k in KEYS}
        fix = diag["fix"]
        item["fix"] = (
            None
            if fix is None
            else {
                "applicability": fix["applicability"],
                "edits": [[e["start"], e["end"], e["replacement"]] for e in fix["edits"]],
            }
        )
        items.append(item)
    return items


def fixed_text(copy: Path, unsafe: bool) -> bytes:
    args = ["--fix", "--quiet", "--color", "never", copy.name]
    if unsafe:
        args.insert(1, "--unsafe-fixes")
    run(args, copy.parent)
    return copy.read_bytes()
