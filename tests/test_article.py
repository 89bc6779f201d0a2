"""a-an: fixes that settle, and the shortcuts of its scan against the plain regex scan."""

from __future__ import annotations

import pytest

from textlint.api import fix_string, lint_text


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
