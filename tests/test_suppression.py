from __future__ import annotations

import pytest

from tests.helpers import linter, replace_rule
from textlint.checks.base import CheckContext
from textlint.checks.suppression import SuppressionCheck
from textlint.diagnostics import Severity
from textlint.document import Document
from textlint.linter import UNUSED_SUPPRESSION, ActiveRule
from textlint.rules import Rule


def _unused_rule() -> ActiveRule:
    rule = Rule(
        id=UNUSED_SUPPRESSION,
        pack="core",
        kind="suppression",
        message="m",
        severity=Severity.WARNING,
    )
    return ActiveRule(
        rule, SuppressionCheck(None, CheckContext(rule.id, "m")), Severity.WARNING, "none"
    )


def _ids(text: str) -> list[tuple[str, int]]:
    lt = linter(replace_rule("bad", "good", "no-bad"), _unused_rule())
    doc = Document(text)
    return [(d.rule_id, doc.position(d.span.start)[0]) for d in lt.lint(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bad\nbad", [("no-bad", 1), ("no-bad", 2)]),
        ("textlint-disable-next-line no-bad\nbad\nbad", [("no-bad", 3)]),
        (
            "<!-- textlint-disable no-bad -->\nbad\nbad\n<!-- textlint-enable no-bad -->\nbad",
            [("no-bad", 5)],
        ),
        ("# textlint-disable\nbad\nbad", []),
        ("textlint-disable-next-line no-bad\nfine\nbad", [(UNUSED_SUPPRESSION, 1), ("no-bad", 3)]),
        ("textlint-disable-next-line no-such-rule\nbad", [(UNUSED_SUPPRESSION, 1), ("no-bad", 2)]),
        ("// textlint-disable-next-line no-bad, other\nbad", [(UNUSED_SUPPRESSION, 1)]),
        ("textlint-disable no-bad\nfine", [(UNUSED_SUPPRESSION, 1)]),
        ("textlint-disable\nbad\ntextlint-enable no-bad\nbad", [("no-bad", 4)]),
        ("textlint-disable\nbad\ntextlint-enable no-bad\nbad\ntextlint-enable\nbad",
         [("no-bad", 4), ("no-bad", 6)]),
        ("textlint-disable-next-line unused-suppression\ntextlint-disable-next-line no-bad\nok",
         []),
    ],
    ids=[
        "none",
        "next-line",
        "html-region",
        "all-rules",
        "unused",
        "unknown-rule",
        "list-with-unknown",
        "unused-region",
        "enable-one-inside-all",
        "enable-all-after-one",
        "unused-report-suppressed",
    ],
)
def test_suppressions(text: str, expected: list[tuple[str, int]]) -> None:
    assert _ids(text) == expected


def test_directive_is_not_prose() -> None:
    # A rule never sees the directive itself (here: the word "bad" inside it is not flagged).
    doc = Document("<!-- textlint-disable no-bad -->")
    assert "textlint" not in doc.prose


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("A textlint-disable comment that suppresses nothing.\nbad", "plain", [("no-bad", 2)]),
        ("```text\n<!-- textlint-disable no-bad -->\n```\nbad", "markdown", [("no-bad", 4)]),
        ("textlint-disable no-bad\nbad", "markdown", [("no-bad", 2)]),
        ("<!-- textlint-disable no-bad -->\nbad", "markdown", []),
    ],
    ids=["prose-mention", "markdown-code-block", "markdown-bare", "markdown-comment"],
)
def test_what_counts_as_a_comment(text: str, fmt: str, expected: list[tuple[str, int]]) -> None:
    lt = linter(replace_rule("bad", "good", "no-bad"), _unused_rule())
    doc = Document(text, format=fmt)
    assert [(d.rule_id, doc.position(d.span.start)[0]) for d in lt.lint(doc)] == expected
