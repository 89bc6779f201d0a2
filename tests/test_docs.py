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


def test_own_docs_pass_the_own_hook(capsys: pytest.CaptureFixture[str]) -> None:
    # .pre-commit-config.yaml lints these on every commit: they must pass (exit 0).
    code = main(["--no-source", str(ROOT / "README.md"), str(ROOT / "seeds" / "README.md")])
    assert code == 0, capsys.readouterr().out


NAMES = ["a.txt", "a.TXT", "b.Md", "c.markdown", "d.text", "e.rst", "f.txt.bak", "g.mdx", "md"]


@pytest.mark.parametrize("name", NAMES)
def test_hook_takes_the_files_textlint_finds(name: str) -> None:
    import re

    import yaml  # (pre-commit's own dependency, installed with the test extras)

    from textlint.config import DEFAULT_EXTENSIONS
    from textlint.files import has_extension

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        taken = re.search(hook["files"], name) is not None
        assert taken == has_extension(Path(name), DEFAULT_EXTENSIONS), hook["id"]
