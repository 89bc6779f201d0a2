"""Any text, through every rule at once: findings or nothing, never an exception, and spans
always inside the text. Fixing converges and a second fix changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from textlint.api import all_rules, fix_string, linter_for
from textlint.document import Document
from textlint.fixer import FixLoopError

RULE_IDS = sorted(all_rules())

# Prose-like text with the characters rules care about, plus arbitrary Unicode.
SPECIAL = [
    *list("“”‘’\"'«»„‹›()[]{}.,;:!?-–— \n\r\t\xa0\u200b\u200d\xad\ufeff\x00"),
    "é",
    "ñ",
    "ß",
    "Ã©",
    "â€™",
    "́",
    "ا",
    "ש",
    "😀",
    "👨\u200d👩",
    "a",
    "an",
    "the",
    "A",
    "disse",
    "eexpresses",
    "Read more:",
    "http://x.y/z",
    "e.g.",
    "3.14",
    "U.S.",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(SPECIAL), max_size=60).map("".join),
    st.lists(st.sampled_from([*SPECIAL, "word", "Word", " "]), max_size=120).map(" ".join),
)


# No shrinking: every rule runs on each example, and shrinking through all of them can take
# minutes; the unshrunk failing text is reported as it is.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(texts)
def test_every_rule_survives_any_text(text: str) -> None:
    linter = linter_for(RULE_IDS)
    for diag in linter.lint(Document(text)):
        assert 0 <= diag.span.start <= diag.span.end <= len(text), diag
        if diag.fix is not None:
            for edit in diag.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text), diag


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(texts)
def test_fixing_is_idempotent(text: str) -> None:
    try:
        once = fix_string(text, RULE_IDS, unsafe=True).text
    except FixLoopError as exc:  # pragma: no cover - reported with the rules that loop
        pytest.fail(str(exc))
    assert fix_string(once, RULE_IDS, unsafe=True).text == once


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\r\n\r\n", "x" * 100_000, "“" * 5000, "a " * 20_000, "\0\0\0", "\ufeffBOM inside"],
    ids=[
        "empty",
        "newline",
        "crlf-blank",
        "long-line",
        "many-quotes",
        "many-articles",
        "nul",
        "bom",
    ],
)
def test_edge_inputs(text: str) -> None:
    for diag in linter_for(RULE_IDS).lint(Document(text)):
        assert 0 <= diag.span.start <= diag.span.end <= len(text), diag
