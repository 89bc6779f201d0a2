from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import Flip, active, linter, replace_rule
from textlint.checks.base import CheckContext
from textlint.diagnostics import Applicability, Edit, Span
from textlint.document import Document
from textlint.fixer import FixLoopError, apply_edits, fix_text, select_fixes


def _lint(*rules):  # type: ignore[no-untyped-def]
    lt = linter(*rules)
    return lambda text: lt.lint(Document(text))


@pytest.mark.parametrize(
    ("text", "edits", "expected"),
    [
        ("abc", [Edit.replace(1, 2, "X")], "aXc"),
        ("abc", [Edit.insert(0, ">"), Edit.insert(3, "<")], ">abc<"),
        ("abc", [Edit.delete(0, 1), Edit.replace(1, 3, "Z")], "Z"),
        ("", [Edit.insert(0, "x")], "x"),
    ],
    ids=["replace", "inserts", "touching", "empty"],
)
def test_apply_edits(text: str, edits: list[Edit], expected: str) -> None:
    assert apply_edits(text, edits) == expected


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Span(0, 2), Span(2, 4), False),
        (Span(0, 3), Span(2, 4), True),
        (Span(2, 2), Span(2, 2), True),
        (Span(2, 2), Span(0, 4), True),
        (Span(2, 2), Span(2, 4), False),
    ],
    ids=["touching", "crossing", "same-insert", "insert-inside", "insert-at-start"],
)
def test_overlap(a: Span, b: Span, overlap: bool) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


def test_overlapping_fixes_wait_for_next_pass() -> None:
    # Both rules want "aaa"; only one edit per pass can apply, then the text is re-linted.
    lint = _lint(replace_rule("aa", "b", "r1"), replace_rule("aaa", "c", "r2"))
    chosen = select_fixes(lint("aaa"), unsafe=False)
    assert len(chosen) == 1
    result = fix_text("aaa", lint)
    assert result.text in {"ba", "c"}


def test_unsafe_fixes_need_opt_in() -> None:
    lint = _lint(replace_rule("colour", "color", unsafe=True))
    assert fix_text("colour", lint).text == "colour"
    assert fix_text("colour", lint, unsafe=True).text == "color"


def test_rule_fix_level_caps_applicability() -> None:
    lint = _lint(replace_rule("colour", "color", fix="unsafe"))
    diags = lint("colour")
    assert diags[0].fix is not None
    assert diags[0].fix.applicability is Applicability.UNSAFE
    assert fix_text("colour", lint).text == "colour"


def test_rule_fix_none_drops_fix() -> None:
    lint = _lint(replace_rule("colour", "color", fix="none"))
    assert lint("colour")[0].fix is None


def test_non_convergence_names_the_rule() -> None:
    lint = _lint(active(Flip(None, CheckContext("flipper", "m")), "flipper"))
    with pytest.raises(FixLoopError) as info:
        fix_text("a", lint)
    assert info.value.rules == ["flipper"]


def test_growing_fix_stops_after_max_passes() -> None:
    # Each pass appends a character that the next pass matches again.
    lint = _lint(replace_rule(r"x$", "xx", "grower"))
    with pytest.raises(FixLoopError) as info:
        fix_text("x", lint)
    assert "grower" in str(info.value)


# Property tests over a fixed, realistic set of rules: a double-space collapser, a word-level
# replacement and an insertion.
RULES = (
    replace_rule("  +", " ", "spaces"),
    replace_rule(r"\bteh\b", "the", "teh"),
    replace_rule(r"(?<=[a-z])”(?=[A-Z])", "” ", "glued"),
)
texts = st.text(alphabet=st.sampled_from(list("ateh ”PT\n.")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fix_is_idempotent(text: str) -> None:
    lint = _lint(*RULES)
    once = fix_text(text, lint).text
    assert fix_text(once, lint).text == once


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fixed_text_has_no_fixable_finding(text: str) -> None:
    lint = _lint(*RULES)
    result = fix_text(text, lint)
    assert not [d for d in lint(result.text) if d.fix is not None]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_single_pass_changes_only_fixed_spans(text: str) -> None:
    lint = _lint(*RULES)
    chosen = select_fixes(lint(text), unsafe=False)
    edits = sorted((e for _, fix in chosen for e in fix.edits), key=lambda e: e.span.start)
    fixed = apply_edits(text, edits)
    # Every character outside an edited span is kept, in order.
    pos = 0
    rebuilt = []
    for e in edits:
        rebuilt.append(text[pos : e.span.start])
        rebuilt.append(e.replacement)
        pos = e.span.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == fixed
    kept = [text[a:b] for a, b in _gaps(edits, len(text))]
    cursor = 0
    for piece in kept:
        found = fixed.find(piece, cursor)
        assert found >= 0
        cursor = found + len(piece)


def _gaps(edits: list[Edit], n: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for e in edits:
        out.append((pos, e.span.start))
        pos = e.span.end
    out.append((pos, n))
    return out


def test_cycle_names_every_rule_in_it() -> None:
    lint = _lint(
        replace_rule("colour", "color", "to-color"),
        replace_rule(r"\bcolor\b", "colour", "to-colour"),
    )
    with pytest.raises(FixLoopError) as info:
        fix_text("color", lint)
    assert info.value.rules == ["to-color", "to-colour"]


@pytest.mark.parametrize(
    ("text", "rules", "fixed", "counts"),
    [
        # r1 goes first and takes r2's defect with it: both count as fixed.
        ("aaa", [("aa", "b", "r1"), ("aaa", "c", "r2")], "ba", {"r1": 1, "r2": 1}),
        # r1's fix leaves r2's defect in place: r2 counts once, in the pass that fixes it.
        ("aab", [("aa", "a", "r1"), ("ab", "AB", "r2")], "AB", {"r1": 1, "r2": 1}),
        # Nothing overlaps: each fix counts once.
        ("aa b", [("aa", "a", "r1"), ("b", "B", "r2")], "a B", {"r1": 1, "r2": 1}),
    ],
    ids=["resolved-by-other", "still-there", "disjoint"],
)
def test_fixed_count_matches_fixable_findings(
    text: str, rules: list[tuple[str, str, str]], fixed: str, counts: dict[str, int]
) -> None:
    lint = _lint(*(replace_rule(p, r, name) for p, r, name in rules))
    assert sum(d.fix is not None for d in lint(text)) == sum(counts.values())
    result = fix_text(text, lint)
    assert result.text == fixed
    assert dict(result.applied) == counts
