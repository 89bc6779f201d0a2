"""doubled-letter-typo: flags, leaves alone, fixes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlint.api import fix_string, lint_text

RULE = "doubled-letter-typo"


def _found(text: str) -> list[str]:
    return [text[d.span.start : d.span.end] for d in lint_text(text, [RULE])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("North Korea eexpresses full support.", ["eexpresses"], id="seed"),
        pytest.param("We agreee with thhe plan.", ["agreee", "thhe"], id="two"),
        pytest.param("Eexpresses of support arrived.", ["Eexpresses"], id="sentence-start"),
        pytest.param("That was a commment on the prettty picture.", ["commment", "prettty"],
                     id="tripled"),
        pytest.param("The well-knowwn author", ["knowwn"], id="hyphenated-part"),
        pytest.param("Run `pip install zipp`; he eexpresses support.", ["eexpresses"],
                     id="code-elsewhere-in-the-text"),
        pytest.param("Text.\n>thhe plan\n> >agreee on it", ["thhe", "agreee"], id="quoted-e-mail"),
        pytest.param("The ccache tool is fast; ccache keeps objects.", ["ccache", "ccache"],
                     id="repeated-in-prose-without-code"),
        pytest.param("Set `x`, `y` and `z`. A committment is a committment.",
                     ["committment", "committment"], id="a-typo-made-twice-in-a-code-document"),
        pytest.param("Remove the unneccessary cast.", ["unneccessary"],
                     id="prefix-before-a-misspelt-base"),
        pytest.param("The coold water came.", ["coold"], id="co-is-no-prefix"),
    ],
)
def test_flags(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The aardvark was skiing past the vacuum and the bookkeeper.", id="real"),
        pytest.param("Allton said the Mississippi was high.", id="names"),
        pytest.param("NAACP and IEEE members met at Llewellyn Hall.", id="acronyms"),
        pytest.param("Ohhh, sooo good! Hmmm.", id="interjections"),
        pytest.param("Der Kaffee ist kalt.", id="foreign-word"),
        pytest.param("ese da lleg a la casa", id="ll-start"),
        pytest.param("Room 4ee2 and v2.00", id="digits"),
        pytest.param("Run `eexpresses --help` or see https://x.org/eexpresses", id="code-url"),
        pytest.param("Requires-Dist: zipp>=3.20", id="glued-operator"),
        pytest.param("Set mode=thhe for the tests.", id="glued-operator-before"),
        pytest.param("Run `pip install zipp`, then zipp opens the archive.",
                     id="identifier-written-in-code"),
        pytest.param("Example:\n\n>>> m = regex.search('(fuu)', 'x')\n", id="interactive-session"),
        pytest.param("commit 416d6c61338acaa58f986b27408992a0f324d32f", id="hex-hash"),
        pytest.param("Enable NEON intrinsics in aarch64 builds.", id="letters-then-digits"),
        pytest.param("Fix mmap() usage; use ssize_t and -ffold-simple-inlines.",
                     id="call-underscore-option"),
        pytest.param("See os.ffork and the file archive.tarr.gz in /usr/llib or $HHOME.",
                     id="dotted-path-variable"),
        pytest.param("Set `x`, `y` and `z`. The ccache tool is fast; ccache keeps objects; "
                     "ccache is free.",
                     id="term-repeated-in-a-document-with-code"),
        pytest.param("Avoid readding the file; the unnamed one stays.", id="prefix-and-a-word"),
    ],
)
def test_clean(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "applicability"),
    [
        pytest.param("Call `f` with `g` and `h`. We mmap the file.", "unsafe",
                     id="doubled-first-consonant-in-a-code-document"),
        pytest.param("He ssaid no.", "safe", id="doubled-first-consonant-in-prose"),
        pytest.param("Kim eexpresses support.", "safe", id="doubled-first-vowel"),
        pytest.param("It is prettty good.", "safe", id="doubled-inside"),
    ],
)
def test_fix_safety(text: str, applicability: str) -> None:
    (diag,) = lint_text(text, [RULE])
    assert diag.fix is not None
    assert diag.fix.applicability.value == applicability


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        pytest.param("Kim eexpresses support.", "Kim expresses support.", id="seed"),
        pytest.param("Eexpresses arrived.", "Expresses arrived.", id="capital"),
        pytest.param("It is prettty good.", "It is pretty good.", id="tripled"),
    ],
)
def test_fix(text: str, fixed: str) -> None:
    result = fix_string(text, [RULE])
    assert result.text == fixed
    assert fix_string(result.text, [RULE]).text == fixed  # idempotent


def test_seed_article() -> None:
    from bench.evalkit import ROOT

    seed = ROOT.parent / "shared" / "seeds" / "putin-kim-mt-article.txt"
    if not seed.exists():
        pytest.skip(f"seed article not found at {seed}")
    text = seed.read_text(encoding="utf-8")
    assert _found(text) == ["eexpresses"]
    assert "expresses full support" in fix_string(text, [RULE]).text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text(text: str) -> None:
    for d in lint_text(text, [RULE]):
        assert 0 <= d.span.start < d.span.end <= len(text)


def test_markdown_nested_quote_is_prose() -> None:
    # ">>>" starts an interactive session only in plain text; in Markdown it is a quotation.
    text = ">>> We agreee with thhe plan."
    found = lint_text(text, [RULE], format="markdown")
    assert [text[d.span.start : d.span.end] for d in found] == ["agreee", "thhe"]
    assert lint_text(text, [RULE]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!-- TODO: thhe intro -->\n\nWe agreee with thhe plan.", ["agreee", "thhe"],
                     id="a-comment-is-no-code"),
        pytest.param('See [docs](https://x.org/a "thhe docs") and thhe plan.', ["thhe"],
                     id="a-link-title-is-no-code"),
        pytest.param("```\npip install zipp\n```\n\nThen zipp opens.", [], id="code-block"),
    ],
)
def test_markdown_code_words(text: str, expected: list[str]) -> None:
    found = lint_text(text, [RULE], format="markdown")
    assert [text[d.span.start : d.span.end] for d in found] == expected
