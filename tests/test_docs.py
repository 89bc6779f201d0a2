"""The documentation keeps up with the code: every rule is in the README's table and explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint.api import all_rules
from textlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
RULES = sorted(all_rules())


@pytest.mark.parametrize("rule_id", RULES)
def test_rule_in_readme_table(rule_id: str) -> None:
    assert f"| `{rule_id}` |" in README


@pytest.mark.parametrize("rule_id", RULES)
def test_rule_is_documented(rule_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", rule_id]) == 0
    out = capsys.readouterr().out
    rule = all_rules()[rule_id]
    assert rule.summary and rule.what and rule.why, f"{rule_id}: summary, what and why are required"
    assert "## What it does" in out and "## Why is this bad?" in out and "## Fix safety" in out


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in README
    assert "\npython -m pytest -q\n" in ci
