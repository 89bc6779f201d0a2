"""Character-level artefact rules: foreign and mixed quotation marks, invisible characters,
mojibake and quote punctuation, as tables of texts and what each rule must report or fix."""

from __future__ import annotations

from typing import Any

import pytest

from textlint.api import fix_string, lint_text
from textlint.diagnostics import Applicability

FOREIGN = "foreign-quotation-marks"
MIXED = "mixed-quotation-marks"
INVISIBLE = "invisible-characters"
MOJIBAKE = "mojibake"
QUOTE_PUNCT = "quote-punctuation"


def flagged(text: str, rule: str, language: str = "en", **options: Any) -> list[str]:
    """The flagged substrings."""
    found = lint_text(text, [rule], {rule: options} if options else None, language=language)
    return [text[d.span.start : d.span.end] for d in found if d.rule_id == rule]


def fixed(text: str, rule: str, unsafe: bool = False, **options: Any) -> str:
    opts = {rule: options} if options else None
    return fix_string(text, [rule], unsafe=unsafe, options=opts).text


# --- foreign-quotation-marks ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He called it «historic».", "He called it “historic”.", id="guillemets"),
        pytest.param("He said « nous verrons ».", "He said “nous verrons”.", id="french-spaces"),
        pytest.param("He said «\u00a0oui\u202f».", "He said “oui”.", id="french-nbsp"),
        pytest.param("The „Wende“ came.", "The “Wende” came.", id="german-low9"),
        pytest.param("The „koniec” came.", "The “koniec” came.", id="polish-low9"),
        pytest.param("The »Wende« came.", "The “Wende” came.", id="german-reversed"),
        pytest.param("A ‹petit› mot.", "A ‘petit’ mot.", id="single-guillemets"),
        pytest.param("A ‚kleines‘ Wort.", "A ‘kleines’ Wort.", id="german-single"),
        pytest.param("«a»,«b»", "“a”,“b”", id="adjacent-pairs-not-reversed"),
        pytest.param("«He said ‹no› twice»", "“He said ‘no’ twice”", id="nested"),
        pytest.param('Both "this" and «that».', 'Both "this" and "that".', id="straight-doc"),
        pytest.param("One “this” and «that».", "One “this” and “that”.", id="curly-doc"),
    ],
)
def test_foreign_fix(text: str, expected: str) -> None:
    assert flagged(text, FOREIGN)
    assert fixed(text, FOREIGN) == expected
    assert fixed(expected, FOREIGN) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Home » News » World", id="breadcrumb"),
        pytest.param("Read more »", id="more-arrow"),
        pytest.param("« Previous | Next »", id="pager"),
        pytest.param("Next › Back ‹", id="single-arrows"),
        pytest.param("Home»News", id="glued-both-sides"),
        pytest.param("He said “no”.", id="english"),
        pytest.param("« a\n\nb »", id="across-paragraphs"),
        pytest.param("", id="empty"),
    ],
)
def test_foreign_clean(text: str) -> None:
    assert flagged(text, FOREIGN) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Il a dit «bonjour».", "fr", id="french"),
        pytest.param("Er sagte „hallo“.", "de", id="german"),
        pytest.param("Er sagte »hallo«.", "de-CH", id="german-region"),
    ],
)
def test_foreign_other_languages_are_not_checked(text: str, language: str) -> None:
    assert flagged(text, FOREIGN, language=language) == []
    assert flagged(text, FOREIGN, language="en-GB")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The word «draft appeared.", "The word “draft appeared.", id="open"),
        pytest.param("It was „final.", "It was “final.", id="low9-open"),
        pytest.param("«a\n\nb", "“a\n\nb", id="not-paired-across-paragraphs"),
        pytest.param("«One.\n\n«Two.»", "“One.\n\n“Two.”", id="run-on-quotation"),
        pytest.param("He said no« twice", "He said no” twice", id="german-close"),
        pytest.param('Both "x" and «y', 'Both "x" and "y', id="straight-doc"),
    ],
)
def test_foreign_lone_mark_follows_its_attachment(text: str, expected: str) -> None:
    assert flagged(text, FOREIGN)
    assert fixed(text, FOREIGN) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It was „ final", id="low9-detached"),
    ],
)
def test_foreign_lone_mark_without_direction_has_no_fix(text: str) -> None:
    found = lint_text(text, [FOREIGN])
    assert found and all(d.fix is None for d in found)


# --- mixed-quotation-marks -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "minority", "expected"),
    [
        pytest.param(
            '“A” and “B” and "C".', ['"', '"'], "“A” and “B” and “C”.", id="straight-minority"
        ),
        pytest.param(
            '"A" and "B" and “C”.', ["“", "”"], '"A" and "B" and "C".', id="curly-minority"
        ),
        pytest.param('“A” and "B".', ['"', '"'], "“A” and “B”.", id="tie-goes-curly"),
        pytest.param('“A” and "B"x.', ['"', '"'], "“A” and “B\"x.", id="undecidable-no-fix"),
    ],
)
def test_mixed(text: str, minority: list[str], expected: str) -> None:
    assert flagged(text, MIXED) == minority
    assert fixed(text, MIXED) == text  # the fix is unsafe
    assert fixed(text, MIXED, unsafe=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("“A 12\" pizza,” he said.", id="inch-mark"),
        pytest.param("“He is 5'10\" tall,” she said.", id="feet-inches"),
        pytest.param("Use `x = \"y\"` as “the example”.", id="inline-code"),
        pytest.param("Set name=\"x\" in “the file”.", id="attribute"),
        pytest.param("Only “curly” here.", id="curly-only"),
        pytest.param('Only "straight" here.', id="straight-only"),
    ],
)
def test_mixed_clean(text: str) -> None:
    assert flagged(text, MIXED) == []


def test_mixed_counts_a_number_in_quotes_as_a_quote() -> None:
    assert flagged('The “best” of the "Top 40" hits and “more”.', MIXED) == ['"', '"']


def test_mixed_message_names_dominant_style() -> None:
    (diag,) = lint_text('"A" and "B" and “C', [MIXED])
    assert "straight" in diag.message


# --- invisible-characters ------------------------------------------------------------------

def test_overstrike_of_two_glyphs_is_an_unsafe_fix() -> None:
    (diag,) = lint_text(" +\x08o file names", [INVISIBLE])
    assert diag.fix is not None
    assert diag.fix.applicability is Applicability.UNSAFE
    assert fix_string(" +\x08o file names", [INVISIBLE], unsafe=True).text == " o file names"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("zero\u200bwidth", "zerowidth", id="zwsp"),
        pytest.param("two\u200b\u200bzwsp", "twozwsp", id="zwsp-run"),
        pytest.param("word\u2060joiner", "wordjoiner", id="word-joiner"),
        pytest.param("in\ufeffside", "inside", id="bom-inside"),
        pytest.param("\ufeff\ufeffdouble", "\ufeffdouble", id="bom-doubled-at-start"),
        pytest.param("bell\x07", "bell", id="bel"),
        pytest.param("del\x7fete", "delete", id="del"),
        pytest.param("nul\x00 end", "nul end", id="nul"),
        # Between two letters the NUL may stand for a lost space: that fix is unsafe, not made.
        pytest.param("the\x00the", "the\x00the", id="nul-between-words"),
        pytest.param("c1\x81x", "c1x", id="c1-undefined"),
        pytest.param("line\x0bbreak", "line\nbreak", id="vertical-tab"),
        pytest.param("infor\u00admation", "information", id="soft-hyphen"),
        pytest.param("Latin\u200dword", "Latinword", id="zwj-latin"),
        pytest.param("Latin\u200cword", "Latinword", id="zwnj-latin"),
        pytest.param("left\u200e mark", "left mark", id="lrm-ltr-line"),
        pytest.param("over\u202eride", "override", id="rlo-ltr-line"),
        pytest.param("image\ufffc here", "image here", id="object-replacement"),
        pytest.param("has\u00a0been", "has been", id="nbsp-between-words"),
        pytest.param("fair,\u00a0and", "fair, and", id="nbsp-after-comma"),
        pytest.param("fair.\u00a0\nNext", "fair.\nNext", id="nbsp-line-end"),
        pytest.param("fair.\u00a0\r\nNext", "fair.\r\nNext", id="nbsp-crlf-end"),
        pytest.param("end \u00a0", "end", id="nbsp-trailing-run"),
        pytest.param("gap. \u00a0Next", "gap. Next", id="nbsp-after-space"),
        pytest.param("gap.\u00a0 Next", "gap. Next", id="nbsp-before-space"),
        pytest.param("two\u00a0\u00a0nbsp", "two nbsp", id="nbsp-pair"),
        pytest.param("use\u00a0CUPS fork", "use CUPS fork", id="nbsp-before-a-name"),
        pytest.param("minister\u00a0\u00a0said it.  Officials agreed  today.",
                     "minister said it.  Officials agreed  today.",
                     id="nbsp-pair-beside-sentence-gaps"),
        pytest.param("the CUPS\u00a0fork", "the CUPS fork", id="nbsp-after-a-name"),
        pytest.param("fair.\u00a0Next", "fair. Next", id="nbsp-sentence"),
        pytest.param("See \x1b[1mman\x1b[0m now", "See man now", id="terminal-escapes"),
        pytest.param("b\x08bo\x08ol\x08ld and _\x08u", "bold and u", id="overstrike"),
        pytest.param("x\x08\nand", "x\nand", id="lone-backspace"),
    ],
)
def test_invisible_fix(text: str, expected: str) -> None:
    assert flagged(text, INVISIBLE)
    result = fix_string(text, [INVISIBLE])
    assert result.text == expected
    assert fix_string(result.text, [INVISIBLE]).text == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\ufeffLeading BOM", id="leading-bom"),
        pytest.param("👨\u200d👩\u200d👧 family", id="emoji-family"),
        pytest.param("🏳️\u200d🌈 flag", id="emoji-vs16-zwj"),
        pytest.param("👩🏽\u200d💻 coder", id="emoji-skin-tone"),
        pytest.param("می\u200cخواهم", id="persian-zwnj"),
        pytest.param("क्\u200dष क्\u200cष", id="devanagari"),
        pytest.param("ශ්\u200dරී", id="sinhala-zwj"),
        pytest.param("ภาษา\u200bไทย", id="thai-zwsp"),
        pytest.param("日本\u200b語", id="japanese-zwsp"),
        pytest.param("שלום\u200f world", id="rlm-with-hebrew"),
        pytest.param("مرحبا\u061c 1", id="alm-with-arabic"),
        pytest.param("hy\u00ad\nphen", id="soft-hyphen-at-break"),
        pytest.param("tab\tcr\r\nlf\nff\f", id="ordinary-controls"),
        pytest.param("10\u00a0km, 5\u00a0%, 1\u00a0000", id="nbsp-numbers"),
        pytest.param("p.\u00a05, pp.\u00a010, No.\u00a01", id="nbsp-page"),
        pytest.param(
            "Mr.\u00a0Smith, Prof.\u00a0Li, J.\u00a0R.\u00a0R.\u00a0Tolkien", id="nbsp-abbrev"
        ),
        pytest.param("a\u00a0dog and I\u00a0am", id="nbsp-one-letter-word"),
        pytest.param("Louis\u00a0XIV and World War\u00a0II", id="nbsp-regnal"),
        pytest.param("word\u00a0— dash and word —\u00a0dash", id="nbsp-dash"),
        pytest.param("Appendix\u00a0A and Type\u00a0B", id="nbsp-label"),
        pytest.param("Quoi\u00a0? Oui\u00a0!", id="nbsp-french-punctuation"),
        pytest.param("\u00a0\u00a0indented", id="nbsp-indentation"),
        pytest.param("Thanks to Adam\u00a0Williamson and [ Helmut\u00a0Grohne ].", id="nbsp-name"),
        pytest.param("\u00a0\u00a0\u00a0root_visual\u00a0\u00a0\u00a0\u00a0VisualID\n",
                     id="nbsp-indented-table"),
        pytest.param("1\u00a0\u00a0\u00a0CARD8\u00a0\u00a0\u00a0major-opcode\n", id="nbsp-columns"),
        pytest.param("Visit `a\u200bb` now", id="masked-code"),
        pytest.param("", id="empty"),
    ],
)
def test_invisible_clean(text: str) -> None:
    assert flagged(text, INVISIBLE) == []


def test_invisible_nbsp_option_turns_it_off() -> None:
    assert flagged("has\u00a0been", INVISIBLE, nbsp=False) == []
    assert flagged("over\u202eride", INVISIBLE, bidi=False) == []


def test_invisible_message_names_the_character() -> None:
    (diag,) = lint_text("zero\u200bwidth", [INVISIBLE])
    assert "zero-width space" in diag.message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It was â€\x9dhere", id="undefined-c1"),
        pytest.param("voilÃ\u00a0 la", id="a-grave-a0"),
        pytest.param("It is 10Â\u00a0km.", id="nbsp-mojibake"),
    ],
)
def test_invisible_leaves_mojibake_bytes_to_mojibake(text: str) -> None:
    assert flagged(text, INVISIBLE) == []
    assert flagged(text, MOJIBAKE)


# --- mojibake ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected", "safe"),
    [
        pytest.param("cafÃ©", "café", True, id="latin1-e-acute"),
        pytest.param("SÃ£o Paulo", "São Paulo", True, id="sao-paulo"),
        pytest.param("ZÃ¼rich", "Zürich", True, id="zurich"),
        pytest.param("naÃ¯ve", "naïve", True, id="naive"),
        pytest.param("Ã…ngstrÃ¶m", "Ångström", True, id="angstrom"),
        pytest.param("Ã‰cole", "École", True, id="cp1252-E-acute"),
        pytest.param("donâ€™t", "don’t", True, id="cp1252-apostrophe"),
        pytest.param("â€œquotedâ€\x9d", "“quoted”", True, id="cp1252-quotes"),
        pytest.param("it Ã¢â‚¬â„¢s", "it ’s", True, id="double-encoded"),
        pytest.param("Ð¼Ð¾Ñ\x81ÐºÐ²Ð°", "москва", True, id="cyrillic-mojibake"),
        pytest.param("\x93hi\x94", "“hi”", True, id="c1-as-cp1252"),
        pytest.param("wait\x85", "wait…", True, id="c1-ellipsis"),
        pytest.param("Â£100", "£100", True, id="pound"),
    ],
)
def test_mojibake_fix(text: str, expected: str, safe: bool) -> None:
    found = lint_text(text, [MOJIBAKE])
    assert found
    assert all(d.fix is not None for d in found)
    is_safe = all(d.fix.applicability is Applicability.SAFE for d in found if d.fix)
    assert is_safe is safe
    assert fix_string(text, [MOJIBAKE], unsafe=True).text == expected


def test_mojibake_edit_covers_only_the_damage() -> None:
    text = "the cafÃ© is open"
    (diag,) = lint_text(text, [MOJIBAKE])
    assert text[diag.span.start : diag.span.end] == "Ã©"
    assert diag.fix is not None
    assert [(e.span.start, e.span.end, e.replacement) for e in diag.fix.edits] == [(7, 9, "é")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("voilÃ  la", "voilà la", id="lost-a0-byte"),
        pytest.param("the ÃŽle de la CitÃ©", "the Île de la Cité", id="ftfy-leaves-I-circumflex"),
        pytest.param("ÃŒle", "Ìle", id="ftfy-leaves-I-grave"),
    ],
)
def test_mojibake_guesses_are_unsafe(text: str, expected: str) -> None:
    found = lint_text(text, [MOJIBAKE])
    assert any(d.fix and d.fix.applicability is Applicability.UNSAFE for d in found)
    assert fix_string(text, [MOJIBAKE], unsafe=True).text == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("“IRMÔ and IRMÃ… then", id="portuguese-caps-before-punct"),
        pytest.param("IRMÃ’S", id="portuguese-caps-apostrophe"),
    ],
)
def test_mojibake_leaves_upper_case_word_endings(text: str) -> None:
    assert flagged(text, MOJIBAKE) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("café, São Paulo, Zürich, naïve, Ångström, Æsir", id="accents"),
        pytest.param("déjà vu, DÉJÀ VU, façade, Øresund, Þingvellir, Ærø", id="more-accents"),
        pytest.param("“café”, “Straße”, “ZÜRICH”, É—and Ö–ab", id="accent-before-punct"),
        pytest.param("Αθήνα, Москва, Київ, Ελλάδα", id="greek-cyrillic"),
        pytest.param("🎉 👨\u200d👩\u200d👧 ½ £100 ©2024 ±5 °C µm", id="emoji-symbols"),
        pytest.param("IRMÃ and SÃO PAULO", id="portuguese-caps"),
        pytest.param("Â alone", id="lone-A-circumflex"),
        pytest.param("Visit `cafÃ©` now", id="masked-code"),
    ],
)
def test_mojibake_clean(text: str) -> None:
    assert flagged(text, MOJIBAKE) == []


def test_mojibake_replacement_character() -> None:
    found = lint_text("caf\ufffd", [MOJIBAKE])
    assert len(found) == 1 and found[0].fix is None
    assert lint_text("caf\ufffd", [MOJIBAKE], {MOJIBAKE: {"replacement-character": False}}) == []


# --- quote-punctuation ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("It was “final”, then not.", "It was “final,” then not.", id="comma-curly"),
        pytest.param("It was “final”.", "It was “final.”", id="period-curly"),
        pytest.param('It was "final".', 'It was "final."', id="period-straight"),
        pytest.param("It was ‘final’, then.", "It was ‘final,’ then.", id="single-quotes"),
    ],
)
def test_quote_punctuation_american(text: str, expected: str) -> None:
    assert fixed(text, QUOTE_PUNCT) == expected
    assert fixed(expected, QUOTE_PUNCT) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The boys’, the girls’ rooms.", id="possessive-plural"),
        pytest.param("He asked “why?”. Nobody knew.", id="question-inside"),
        pytest.param("It was “over”... or not.", id="ellipsis"),
        pytest.param("The screen is 12\". Big.", id="inch"),
        pytest.param("It was “final,” then.", id="already-inside"),
    ],
)
def test_quote_punctuation_american_clean(text: str) -> None:
    assert flagged(text, QUOTE_PUNCT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He called it “a disaster.”", "He called it “a disaster”.", id="fragment"),
        pytest.param('He called it "a plan," then.', 'He called it "a plan", then.', id="straight"),
        pytest.param("“Yes,” he said.", "“Yes,” he said.", id="dialogue-kept"),
        pytest.param("She said, “We won.”", "She said, “We won.”", id="sentence-kept"),
    ],
)
def test_quote_punctuation_logical(text: str, expected: str) -> None:
    assert fixed(text, QUOTE_PUNCT, unsafe=True, style="logical") == expected
    assert fixed(text, QUOTE_PUNCT, style="logical") == text  # unsafe in logical style


def test_quote_punctuation_is_off_by_default() -> None:
    from textlint.api import all_rules

    assert all_rules()[QUOTE_PUNCT].default is False
