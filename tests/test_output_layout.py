"""The JSON layout and the terminal widths of the text output, which are computed fast."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlint.output import jsontext, text

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["a", "items", "ü", "b"]), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_layout_is_json_dumps_indent_2(value: Any) -> None:
    assert jsontext.dumps(value, ()) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_one_per_line_lists_read_back_the_same(value: Any) -> None:
    out = jsontext.dumps(value, ("items",))
    assert json.loads(out) == value


def test_items_of_named_lists_stand_one_per_line() -> None:
    value = {"n": 1, "items": [{"a": [1, 2]}, {"a": {"b": None}}]}
    assert jsontext.dumps(value, ("items",)).splitlines() == [
        "{",
        '  "n": 1,',
        '  "items": [',
        '    {"a": [1, 2]},',
        '    {"a": {"b": null}}',
        "  ]",
        "}",
    ]


@pytest.mark.parametrize(
    ("raw", "shown", "width"),
    [
        pytest.param("abc", "abc", 3, id="ascii"),
        pytest.param("a\tb", "a b", 3, id="tab"),
        pytest.param("a\x07b", "a\u2407b", 3, id="control"),
        pytest.param("a\x7f", "a\u2421", 2, id="delete"),
        pytest.param("a\u200bb", "a<U+200B>b", 10, id="format-character"),
        pytest.param("日本", "日本", 4, id="wide"),
        pytest.param("e\u0301", "e\u0301", 1, id="combining"),
        pytest.param("“x”" * 3, "“x”" * 3, 9, id="repeated"),
    ],
)
def test_shown_forms_and_widths(raw: str, shown: str, width: int) -> None:
    for _ in range(2):  # computed, then remembered: the same both times
        assert text._visible(raw) == shown
        assert text._width(text._visible(raw)) == width
