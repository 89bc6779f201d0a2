from __future__ import annotations

import pytest

from tests.helpers import linter, replace_rule
from textlint import suppression
from textlint.checks.base import CheckContext
from textlint.checks.suppression import SuppressionCheck
from textlint.diagnostics import Diagnostic, Severity, Span
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
        ("bad\ntextlint-enable no-bad\nbad", [("no-bad", 1), (UNUSED_SUPPRESSION, 2),
                                               ("no-bad", 3)]),
        ("textlint-enable\nbad", [(UNUSED_SUPPRESSION, 1), ("no-bad", 2)]),
        ("textlint-disable no-bad\nbad\ntextlint-enable no-bad\ntextlint-enable no-bad\nbad",
         [(UNUSED_SUPPRESSION, 4), ("no-bad", 5)]),
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
        "enable-without-disable",
        "enable-all-without-disable",
        "enabled-twice",
    ],
)
def test_suppressions(text: str, expected: list[tuple[str, int]]) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    ("line", "rules"),
    [
        pytest.param("textlint-disable no-bad, other", "no-bad other", id="comma-and-space"),
        pytest.param("textlint-disable no-bad,other", "no-bad other", id="comma"),
        pytest.param("textlint-disable ,no-bad", "no-bad", id="leading-comma"),
        pytest.param("textlint-disableno-bad", None, id="glued-to-the-verb"),
        # A line that only looks like a directive: with rule ids allowed to run together, the
        # letters of its long word could be split in exponentially many ways before failing.
        pytest.param("textlint-disable " + "a" * 60 + ".", None, id="long-word-then-stop"),
        pytest.param("textlint-enable " + "ab-" * 30 + "!", None, id="long-id-then-stop"),
    ],
)
def test_directive_rule_lists(line: str, rules: str | None) -> None:
    sups = suppression.parse(Document(line))
    assert (" ".join(s.rule for s in sups) or None) == rules


@pytest.mark.parametrize(
    "text",
    ["<!-- textlint-disable no-bad -->", "textlint-disable-next-line No-Bad bad",
     "# textlint-disable no_bad, Bad", "textlint-enable no-bad;"],
    ids=["html-comment", "misspelt-ids", "misspelt-ids-after-hash", "semicolon"],
)
def test_directive_is_not_prose(text: str) -> None:
    # A rule never sees the directive itself (here: the word "bad" inside it is not flagged),
    # nor a comment meant as one whose ids are misspelt (it is reported instead).
    doc = Document(text)
    assert "textlint" not in doc.prose
    assert "bad" not in doc.prose.lower()


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("A textlint-disable comment that suppresses nothing.\nbad", "plain", [("no-bad", 2)]),
        ("```text\n<!-- textlint-disable no-bad -->\n```\nbad", "markdown", [("no-bad", 4)]),
        ("textlint-disable no-bad\nbad", "markdown", [(UNUSED_SUPPRESSION, 1), ("no-bad", 2)]),
        ("<!-- textlint-disable no-bad -->\nbad", "markdown", []),
    ],
    ids=["prose-mention", "markdown-code-block", "markdown-bare", "markdown-comment"],
)
def test_what_counts_as_a_comment(text: str, fmt: str, expected: list[tuple[str, int]]) -> None:
    lt = linter(replace_rule("bad", "good", "no-bad"), _unused_rule())
    doc = Document(text, format=fmt)
    assert [(d.rule_id, doc.position(d.span.start)[0]) for d in lt.lint(doc)] == expected


@pytest.mark.parametrize(
    ("text", "fmt", "problem"),
    [
        pytest.param("Some text <!-- textlint-disable no-bad --> here\nbad", "plain",
                     suppression.NOT_ALONE, id="html-comment-after-text"),
        pytest.param("Text <!-- textlint-disable-next-line no-bad -->\nbad", "markdown",
                     suppression.NOT_ALONE, id="markdown-comment-after-text"),
        pytest.param("<!-- textlint-disable-line no-bad -->\nbad", "plain",
                     "unknown directive 'textlint-disable-line'", id="unknown-verb-html"),
        pytest.param("# textlint-disable-line no-bad\nbad", "plain",
                     "unknown directive 'textlint-disable-line'", id="unknown-verb-hash"),
        pytest.param("textlint-disable-line no-bad\nbad", "plain",
                     "unknown directive 'textlint-disable-line'", id="unknown-verb-bare-ids"),
        pytest.param("<!-- textlint-disable No_Bad -->\nbad", "plain", suppression.BAD_IDS,
                     id="ids-not-kebab-case"),
        pytest.param("// textlint-disable: no-bad\nbad", "plain", suppression.BAD_IDS,
                     id="colon-after-verb"),
        pytest.param("textlint-disable-next-line No-Bad\nbad", "plain", suppression.BAD_IDS,
                     id="bare-line-capitals"),
        pytest.param("textlint-disable no_bad\nbad", "plain", suppression.BAD_IDS,
                     id="bare-line-underscore"),
        pytest.param("textlint-enable no-bad;\nbad", "plain", suppression.BAD_IDS,
                     id="bare-line-semicolon"),
        pytest.param("textlint-disable no-bad\nbad", "markdown", suppression.MARKDOWN_BARE,
                     id="markdown-bare-line"),
        pytest.param("# textlint-disable no-bad\nbad", "markdown", suppression.MARKDOWN_BARE,
                     id="markdown-heading"),
        pytest.param("textlint-disable No-Bad ,,\nbad", "markdown", suppression.MARKDOWN_BARE,
                     id="markdown-bare-line-misspelt-ids"),
        pytest.param("<!--\ntextlint-disable no-bad\n-->\nbad", "markdown",
                     suppression.MARKDOWN_BARE, id="markdown-comment-over-lines"),
        # Prose that mentions the keyword is no comment.
        pytest.param("A textlint-disable comment that suppresses nothing.\nbad", "plain", None,
                     id="mention-in-a-sentence"),
        pytest.param("textlint-enabled features are many.\nbad", "plain", None,
                     id="bare-line-of-prose"),
        pytest.param("textlint-disable comments are reported\nbad", "markdown", None,
                     id="markdown-line-of-prose"),
        pytest.param("textlint-disable-line is not a directive\nbad", "plain", None,
                     id="unknown-verb-then-prose"),
        pytest.param("```\nText <!-- textlint-disable no-bad -->\n```\nbad", "markdown", None,
                     id="markdown-code-block"),
        pytest.param("<!-- textlint-disable no-bad -->\nbad", "markdown", None,
                     id="read-as-a-suppression"),
        pytest.param("<!-- TODO: explain textlint-disable here -->\nbad", "plain", None,
                     id="comment-that-mentions-it"),
        pytest.param("# textlint-disable\n\nbad", "markdown", None, id="markdown-heading-no-ids"),
        pytest.param("# textlint-disable turns every rule off until textlint-enable.\nbad",
                     "plain", None, id="comment-line-that-explains"),
    ],
)
def test_malformed_comments_are_reported(text: str, fmt: str, problem: str | None) -> None:
    lt = linter(replace_rule("bad", "good", "no-bad"), _unused_rule())
    doc = Document(text, format=fmt)
    reports = [d for d in lt.lint(doc) if d.rule_id == UNUSED_SUPPRESSION]
    if problem is None:
        assert reports == []
    else:
        (report,) = reports
        assert problem in report.message
        assert text[report.span.start :].startswith("textlint-")


def _naive_apply(
    diagnostics: list[Diagnostic], sups: list[suppression.Suppression]
) -> list[Diagnostic]:
    """The definition ``apply`` must agree with: ask every suppression about every finding."""
    kept = []
    for diag in diagnostics:
        hits = [sup for sup in sups if sup.covers(diag)]
        for sup in hits:
            sup.used = True
        if not hits:
            kept.append(diag)
    return kept


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("bad ugly\ntextlint-disable-next-line no-bad\nbad ugly bad\nbad", "plain"),
        ("textlint-disable no-bad\nbad\ntextlint-disable-next-line no-bad\nbad\nugly", "plain"),
        ("textlint-disable-next-line no-bad no-bad no-ugly\nbad bad ugly\nugly", "plain"),
        ("textlint-disable-next-line\ntextlint-disable-next-line no-bad\nbad", "plain"),
        ("textlint-disable\nbad ugly\ntextlint-enable no-bad\nbad ugly\n"
         "textlint-enable no-ugly\nugly bad\ntextlint-enable\nbad", "plain"),
        ("textlint-disable\nbad\ntextlint-enable no-bad\nbad\ntextlint-disable-next-line\nbad",
         "plain"),
        ("textlint-disable no-ugly\nbad\ntextlint-enable no-ugly\nugly\ntextlint-enable\nugly",
         "plain"),
        ("textlint-disable\ntextlint-enable no-bad\nbad", "plain"),
        ("bad\n<!-- textlint-disable-next-line no-bad -->\nbad\n```\n"
         "<!-- textlint-disable no-ugly -->\n```\nugly\n    <!-- textlint-disable -->\nbad",
         "markdown"),
        ("<!-- textlint-disable no-bad -->\nbad\n<!-- textlint-enable no-bad -->\nbad" * 3,
         "markdown"),
        ("bad\ntextlint-enable no-bad\nbad\ntextlint-disable no-bad\nbad\ntextlint-enable\n"
         "textlint-enable\nbad", "plain"),
    ],
    ids=[
        "next-line-partial",
        "next-line-inside-region",
        "one-line-many-rules",
        "next-line-all-over-a-directive",
        "exemptions-grow",
        "next-line-all-after-exemption",
        "enable-all-closes-rule-region",
        "region-with-nothing-left",
        "markdown-code-blocks",
        "markdown-repeated-regions",
        "stray-enables",
    ],
)
def test_apply_agrees_with_pairwise_definition(text: str, fmt: str) -> None:
    # A finding of each rule at every offset, so that every region boundary is tried.
    doc = Document(text, format=fmt)
    found = [
        Diagnostic(rule, Severity.ERROR, "m", Span(i, i + 1))
        for i in range(len(text) + 1)
        for rule in ("no-bad", "no-ugly", "other")
    ]
    fast_sups, slow_sups = suppression.parse(doc), suppression.parse(doc)
    fast = suppression.apply(found, fast_sups)
    slow = _naive_apply(found, slow_sups)
    assert fast == slow
    assert [s.used for s in fast_sups] == [s.used for s in slow_sups]


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("```\nx\n```\n<!-- textlint-disable -->", "markdown", 1),
        ("```\n<!-- textlint-disable -->\n```\n", "markdown", 0),
        ("    <!-- textlint-disable -->\n\n<!-- textlint-disable-next-line -->\n", "markdown", 1),
        ("```\n```\n```\n<!-- textlint-disable -->\n```\n", "markdown", 0),
        ("    code\n<!-- textlint-disable -->", "markdown", 1),
        ("```\n\n    code\n<!-- textlint-disable -->\n```\n", "markdown", 0),
        ("<!-- textlint-disable -->", "plain", 1),
    ],
    ids=["after-fence", "inside-fence", "after-indented", "inside-second-fence",
         "right-after-indented", "fence-around-indented", "plain-text"],
)
def test_comments_in_code_blocks(text: str, fmt: str, expected: int) -> None:
    assert len(suppression.parse(Document(text, format=fmt))) == expected
