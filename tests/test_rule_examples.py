"""Every rule's own examples: texts it must flag, leave clean, and fix to a given result."""

from __future__ import annotations

import pytest

from textlint.api import all_rules, fix_string, lint_text
from textlint.rules import Rule

RULES = all_rules()


def _cases(key: str) -> list[object]:
    out = []
    for rule in RULES.values():
        items = getattr(rule.examples, key)
        for i, item in enumerate(items):
            out.append(pytest.param(rule, item, id=f"{rule.id}-{i}"))
    return out


def _options(rule: Rule) -> dict[str, dict[str, object]]:
    return {rule.id: dict(rule.examples.options)}


def test_every_rule_has_examples() -> None:
    missing = [r.id for r in RULES.values() if not (r.examples.flag and r.examples.clean)]
    assert not missing, f"rules without flag and clean examples: {missing}"


def test_every_fixing_rule_has_fix_examples() -> None:
    missing = [r.id for r in RULES.values() if r.fix != "none" and not r.examples.fix]
    assert not missing, f"rules with a fix but no fix example: {missing}"


@pytest.mark.parametrize(("rule", "text"), _cases("flag"))
def test_flags(rule: Rule, text: str) -> None:
    found = [d for d in lint_text(text, [rule.id], _options(rule)) if d.rule_id == rule.id]
    assert found, f"{rule.id} should flag {text!r}"


@pytest.mark.parametrize(("rule", "text"), _cases("clean"))
def test_clean(rule: Rule, text: str) -> None:
    found = [d for d in lint_text(text, [rule.id], _options(rule)) if d.rule_id == rule.id]
    assert not found, f"{rule.id} should not flag {text!r}: {found}"


@pytest.mark.parametrize(("rule", "example"), _cases("fix"))
def test_fixes(rule: Rule, example: object) -> None:
    from textlint.rules import FixExample

    assert isinstance(example, FixExample)
    result = fix_string(example.text, [rule.id], unsafe=example.unsafe, options=_options(rule))
    assert result.text == example.fixed
    if not example.unsafe:
        # The fix is safe: it must not need --unsafe-fixes, and fixing again changes nothing.
        assert fix_string(result.text, [rule.id], options=_options(rule)).text == result.text
