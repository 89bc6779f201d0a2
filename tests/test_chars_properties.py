"""Property tests: any Unicode text gives findings or nothing, never an exception, and the
fixes of the character-level rules are well formed, converge and are idempotent."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textlint.api import fix_string, lint_text

RULES: list[tuple[str, dict[str, Any]]] = [
    ("foreign-quotation-marks", {}),
    ("mixed-quotation-marks", {}),
    ("invisible-characters", {}),
    ("mojibake", {}),
    ("quote-punctuation", {"style": "american"}),
    ("quote-punctuation", {"style": "logical"}),
]
IDS = [f"{r}-{o['style']}" if o else r for r, o in RULES]

# Characters these rules care about, mixed into arbitrary text so that the interesting paths run.
_INTERESTING = [
    *
    "«»‹›„‚“”‘’\"'.,!?;: \t\n\r\f\x0b\x00\x07\x7f\x81\x85\x93\x94\x9d\u00a0\u00ad\u200b\u200c"
    "\u200d\u200e\u200f\u202e\u2060\ufeff\ufffc\ufffdÃ©â€™Â£Ð¼Ñ\u0301\u05d0\u0627\u0915\u094d"
    "👨👩🏽\ufe0f🏳🌈ภไ日7é",
    *["`x`", "https://a.b/c", "—", "…", "Ã¢â‚¬â„¢"],
]
TEXT = st.lists(
    st.one_of(st.sampled_from(_INTERESTING), st.characters(), st.text(max_size=5)), max_size=80
).map("".join)


def _check(text: str, rule: str, options: dict[str, Any]) -> None:
    opts = {rule: options}
    for diag in lint_text(text, [rule], opts):
        assert 0 <= diag.span.start <= diag.span.end <= len(text)
        assert diag.message
        if diag.fix is not None:
            for edit in diag.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)
    for unsafe in (False, True):
        once = fix_string(text, [rule], unsafe=unsafe, options=opts).text
        assert fix_string(once, [rule], unsafe=unsafe, options=opts).text == once


@pytest.mark.parametrize(("rule", "options"), RULES, ids=IDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_any_text(rule: str, options: dict[str, Any], text: str) -> None:
    _check(text, rule, options)


@pytest.mark.parametrize(("rule", "options"), RULES, ids=IDS)
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("\x00" * 50, id="nuls"),
        pytest.param("e\u0301" * 2000, id="combining-marks"),
        pytest.param("שלום עולם «מרכאות» \u200f" * 200, id="rtl"),
        pytest.param("“word”, «x» Ã© \u00a0" * 1000 + "x" * 100_000, id="long-line"),
        pytest.param("Ã" * 20000, id="lead-bytes"),
        pytest.param("é”" * 20000, id="accent-quote-run"),
        pytest.param('"' * 10001, id="straight-quotes"),
    ],
)
def test_edge_texts(rule: str, options: dict[str, Any], text: str) -> None:
    _check(text, rule, options)
