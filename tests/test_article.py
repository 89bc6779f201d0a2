"""a-an: fixes that settle, and the shortcuts of its scan against the plain regex scan."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.api import all_rules, fix_string, lint_text
from textlint.checks import article
from textlint.checks.article import Article, ArticleOptions
from textlint.checks.base import CheckContext
from textlint.document import Document


@pytest.mark.parametrize("text", ["A FO FO", "AN FO FO", "A FO.", "AN FO."])
def test_article_before_capitals_read_two_ways_is_left_alone(text: str) -> None:
    # "A FO" reads FO as letters (an F-O) and "AN FO" as a shouted word (a fo): a fix either
    # way would call for the other one.
    assert lint_text(text, ["a-an"]) == []
    assert fix_string(text, ["a-an"], unsafe=True).text == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [("A FBI agent.", "AN FBI agent."), ("IT WAS AN HOUSE", "IT WAS A HOUSE"),
     ("AN UGLY DAY. A UGLY DAY", "AN UGLY DAY. AN UGLY DAY")],
)
def test_article_before_capitals_read_one_way_is_fixed(text: str, fixed: str) -> None:
    assert fix_string(text, ["a-an"], unsafe=True).text == fixed


# Characters that decide where words and articles start and end, mixed in every order: letters
# of several scripts, combining marks (one that ``regex`` knows no mark for: U+1AFF), joiners,
# masks, spaces, line breaks, and articles before words that are reported or not.
PIECES = st.sampled_from(
    ["a", "A", "an", "An", "AN", "aN", "a ", "an ", "A ", "AN ", " a ", " an ", "hour", "HOUR",
     "FBI", "FO", "U.S.", "x-ray", "e\u0301", "\u0301", "\u1ab0", "\u1aff", "\u20d0", "\u20ff",
     "‐", "-", "'", "’", "_", ".", ",", ":", "/", "\0", " ", "  ", "\n", "\r\n", "\t",
     "\u00a0", "“", "(", "*", "ß", "Ж", "ω", "7", "²", "𝐀", "क", "ि", "apple", "house", "un",
     "the", "is", "b", "el", "une"]
)
TEXTS = st.lists(PIECES, max_size=50).map("".join)


def _check() -> Article:
    rule = all_rules()["a-an"]
    return Article(ArticleOptions(), CheckContext(rule.id, rule.message))


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
@example("x‐a house")
@example("\u1affa hour")
@example("a b,a hour")  # the pattern's word b,a holds the article a
@example("a U.S.a hour")
@example("a b,A c,A d")  # after a match, the next one may start inside a skipped candidate
@example("an\r\nhour a\r hour an\u00a0hour")
def test_candidates_find_what_the_pattern_finds(text: str) -> None:
    prose = Document(text).prose
    found = [(m.span(), m.groups()) for m in article._articles(prose)]
    assert found == [(m.span(), m.groups()) for m in article._ARTICLE.finditer(prose)]


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_remembered_verdicts_change_no_finding(text: str) -> None:
    doc = Document(text)
    check = _check()
    reference = [
        (f.span, f.message, f.fix, dict(f.params))
        for m in article._ARTICLE.finditer(doc.prose)
        for f in check._judge(doc, m, m.group("art"), m.group("word"))
    ]
    for _ in range(2):  # verdicts worked out, then remembered
        found = [(f.span, f.message, f.fix, dict(f.params)) for f in check.check(doc)]
        assert found == reference


def test_candidate_search_and_pattern_agree_on_letters() -> None:
    # The candidates hold every article because whatever ``re`` takes for a letter or digit
    # (the candidate search) ``regex`` takes for a letter, mark or digit (the pattern) too.
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    tokeniser = set(re.findall(r"[^\W_]", everything))
    pattern = set(regex.findall(r"[\p{L}\p{M}\p{N}]", everything))
    assert tokeniser <= pattern
