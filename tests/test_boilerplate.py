"""The boilerplate pack: scraped page furniture and repeated paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.evalkit import EVAL_DIR, Score, available, missing_message, read_jsonl
from textlint.api import all_rules, fix_string, lint_text, linter_for
from textlint.diagnostics import Applicability
from textlint.document import Document

PACK = sorted(r.id for r in all_rules().values() if r.pack == "boilerplate")
FURNITURE = [r for r in PACK if r != "duplicated-paragraph"]
SEED = next((p for p in (Path(__file__).resolve().parents[1] / "seeds" / "putin-kim-mt-article.txt",
                          EVAL_DIR.parent / "seeds" / "putin-kim-mt-article.txt") if p.exists()),
            EVAL_DIR.parent / "seeds" / "putin-kim-mt-article.txt")


def test_pack_rules() -> None:
    assert PACK == ["dangling-label", "duplicated-paragraph", "furniture-comments",
                    "furniture-credits", "furniture-related", "furniture-widgets"]
    # The furniture rules are data for the same kind users write their rules with.
    assert {all_rules()[r].kind for r in FURNITURE} == {"lines"}
    for rid in PACK:
        rule = all_rules()[rid]
        assert rule.summary and rule.what and rule.why and rule.fix_safety, rid


# --- the seed article -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


FURNITURE_LINES = ["Read more:", "Leave a Reply",
                   "Your email address will not be published. Required fields are marked *"]


def test_seed_furniture_is_found(seed: str) -> None:
    found = [(d.rule_id, seed[d.span.start : d.span.end]) for d in lint_text(seed, PACK)]
    assert found == [("furniture-related", FURNITURE_LINES[0]),
                     ("furniture-comments", FURNITURE_LINES[1]),
                     ("furniture-comments", FURNITURE_LINES[2])]


@pytest.mark.parametrize("unsafe", [False, True], ids=["fix", "unsafe-fixes"])
def test_seed_fix_removes_the_furniture_and_nothing_else(seed: str, unsafe: bool) -> None:
    result = fix_string(seed, PACK, unsafe=unsafe)
    kept = [line for line in seed.splitlines() if line.strip() not in FURNITURE_LINES]
    # Every other line, blank ones between paragraphs included, stays as it was; the trailing
    # blank lines the furniture left go.
    while kept and not kept[-1].strip():
        kept.pop()
    assert result.text == "\n".join(kept) + "\n"
    assert fix_string(result.text, PACK, unsafe=unsafe).text == result.text
    assert not lint_text(result.text, FURNITURE)


# --- no false alarms on clean English -------------------------------------------------------

def test_clean_english_has_no_furniture() -> None:
    if not available("clean-english"):
        pytest.skip(missing_message("clean-english"))
    linter = linter_for(PACK)
    score = Score()
    for path in sorted((EVAL_DIR / "clean-english").glob("*.txt")):
        score.clean += 1
        hits = linter.lint(Document(path.read_text(encoding="utf-8"), path=str(path)))
        if hits:
            score.false_alarms.append(f"{path.name}: {[d.message for d in hits]}")
        else:
            score.left_clean += 1
    print(score.line("boilerplate"))
    assert not score.false_alarms


def test_clean_dev_sentences_have_no_furniture() -> None:
    if not available("langid", "dev.jsonl"):
        pytest.skip(missing_message("langid", "dev.jsonl"))
    linter = linter_for(FURNITURE)
    score = Score()
    for case in read_jsonl(EVAL_DIR / "langid" / "dev.jsonl"):
        if case["spans"]:
            continue
        score.clean += 1
        if linter.lint(Document(case["text"])):
            score.false_alarms.append(case["text"])
        else:
            score.left_clean += 1
    print(score.line("boilerplate-dev"))
    assert not score.false_alarms


# --- languages ------------------------------------------------------------------------------

FAMILY_CASES = [
    ("furniture-comments", ["Leave a Reply", "Deixe uma resposta", "Deja un comentario",
                            "Laisser un commentaire", "Schreibe einen Kommentar",
                            "Lascia un commento", "No comments", "Post a Comment"]),
    ("furniture-related", ["Read more:", "Read also:", "See also:", "Leia mais:", "Leia também:",
                           "Lee también:", "Lire aussi :", "Lesen Sie auch:", "Leggi anche:",
                           "Related Posts", "You might also like", "Similar Posts",
                           "Popular Posts"]),
    ("furniture-widgets", ["Share this:", "Compartilhe", "Compartir", "Partager", "Teilen",
                           "Condividi", "Advertisement", "Publicidade", "Publicidad",
                           "Publicité", "Werbung", "Pubblicità", "Sponsored", "[ad_1]",
                           "Subscribe to our newsletter", "Follow us on Twitter",
                           "This website uses cookies to improve your experience. Accept"]),
    ("furniture-credits", ["Source link", "Original source in Spanish", "translated from Spanish:",
                           "Copy the current link", "Traduzido do espanhol:",
                           "Fuente original en portugués"]),
]


@pytest.mark.parametrize(
    ("rule_id", "line"),
    [(rid, line) for rid, lines in FAMILY_CASES for line in lines],
    ids=[f"{rid}-{i}" for rid, lines in FAMILY_CASES for i in range(len(lines))],
)
def test_family_line(rule_id: str, line: str) -> None:
    text = f"The article.\n\n{line}\n\nThe end of the article.\n"
    for variant in (text, text.upper(), text.replace("\n", "\r\n"), f"» {line} «", f"*** {line}"):
        found = [d.rule_id for d in lint_text(variant, FURNITURE)]
        assert found == [rule_id], variant


# --- where a line stands, and what the fix leaves ---------------------------------------------

LAYOUT_CASES = [
    # name, text, text after --fix, text after --unsafe-fixes
    ("between-paragraphs", "A.\n\nAdvertisement\n\nB.\n", "A.\n\nB.\n", None),
    ("extra-blank-lines", "A.\n\nAdvertisement\n\n\n\nB.\n", "A.\n\nB.\n", None),
    ("inside-paragraph", "A.\nAdvertisement\nB.\n", "A.\nB.\n", None),
    ("before-blank", "A.\nAdvertisement\n\nB.\n", "A.\n\nB.\n", None),
    ("after-blank", "A.\n\nAdvertisement\nB.\n", "A.\n\nB.\n", None),
    ("at-start", "Advertisement\n\nA.\n", "A.\n", None),
    ("at-end", "A.\n\nAdvertisement\n", "A.\n", None),
    ("at-end-no-newline", "A.\n\nAdvertisement", "A.\n", None),
    ("at-end-trailing-blanks", "A.\n\nAdvertisement\n\n\n", "A.\n", None),
    ("only-furniture", "Advertisement\n", "", None),
    ("crlf", "A.\r\n\r\nAdvertisement\r\n\r\nB.\r\n", "A.\r\n\r\nB.\r\n", None),
    ("crlf-at-end", "A.\r\n\r\nLeave a Reply\r\n", "A.\r\n", None),
    ("block", "A.\n\nShare this:\nShare on Facebook\nTweet\n\nB.\n", "A.\n\nB.\n", None),
    ("blocks-at-end", "A.\n\nRead more:\n\n\nLeave a Reply\n\nSponsored", "A.\n", None),
    ("safe-beside-unsafe", "A.\n\nAdvertisement\nSource link\n\nB.\n",
     "A.\n\nSource link\n\nB.\n", "A.\n\nB.\n"),
    ("unsafe-then-safe", "A.\n\nSource link\nAdvertisement\n\nB.\n",
     "A.\n\nSource link\n\nB.\n", "A.\n\nB.\n"),
    ("url-makes-it-unsafe", "A.\n\nRead more: https://example.com/x\n\nB.\n",
     "A.\n\nRead more: https://example.com/x\n\nB.\n", "A.\n\nB.\n"),
    ("safe-block-keeps-url-line", "A.\n\nRead more:\nRead more: https://example.com/x\n\nB.\n",
     "A.\n\nRead more: https://example.com/x\n\nB.\n", "A.\n\nB.\n"),
    ("headline-is-unsafe", "A.\n\nRead also: Putin lands in Pyongyang\n\nB.\n",
     "A.\n\nRead also: Putin lands in Pyongyang\n\nB.\n", "A.\n\nB.\n"),
    ("under-a-long-headline", "How the new tax rules will affect small businesses in rural areas"
     "\nAdvertisement\n\nB.\n",
     "How the new tax rules will affect small businesses in rural areas\n\nB.\n", None),
    ("after-short-line", "A short line of text\nAdvertisement\n\nB.\n",
     "A short line of text\n\nB.\n", None),
    ("after-long-sentence", "The long line of a paragraph that ends its sentence.\nAdvertisement\n",
     "The long line of a paragraph that ends its sentence.\n", None),
    ("dangling-label", "A.\n\nSee the list below:\n",
     "A.\n\nSee the list below:\n", "A.\n"),
    # Breaks the document does not count as line ends: the "line" is several lines of text.
    ("cr-line-ends", "Read more: X\rNext paragraph, which matters.\rMore.\r",
     "Read more: X\rNext paragraph, which matters.\rMore.\r", None),
    ("line-separator", "Read more: X\u2028Next paragraph, which matters.\nMore.\n",
     "Read more: X\u2028Next paragraph, which matters.\nMore.\n", None),
    ("form-feed", "A.\n\nAdvertisement\x0cB.\n", "A.\n\nAdvertisement\x0cB.\n", None),
    # A short phrase with a full stop is a sentence of the text (a ChangeLog entry), not a label.
    ("short-sentence", "A.\n\n\t* foo.c (bar):\n\tAdd comment.\n\nB.\n",
     "A.\n\n\t* foo.c (bar):\n\tAdd comment.\n\nB.\n", None),
    ("label-without-a-stop", "A.\n\nAdd comment\n\nB.\n", "A.\n\nB.\n", None),
]


@pytest.mark.parametrize(("text", "safe", "unsafe"), [c[1:] for c in LAYOUT_CASES],
                         ids=[c[0] for c in LAYOUT_CASES])
def test_layout(text: str, safe: str, unsafe: str | None) -> None:
    after = fix_string(text, PACK).text
    assert after == safe
    assert fix_string(after, PACK).text == after
    after_unsafe = fix_string(text, PACK, unsafe=True).text
    assert after_unsafe == (unsafe if unsafe is not None else safe)
    assert fix_string(after_unsafe, PACK, unsafe=True).text == after_unsafe


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("Text.\n\n## Related Posts\n", "markdown", ["furniture-related"]),
        ("Text.\n\n- Share on Facebook\n- Share on Twitter\n", "markdown",
         ["furniture-widgets", "furniture-widgets"]),
        ("Text.\n\n```\nRead more:\nLeave a Reply\n```\n\nMore text.\n", "markdown", []),
        ("Text.\n\n`Leave a Reply`\n", "plain", []),
        ("Text.\n\n\"Leave a Reply\"\n", "plain", []),
        ("Text.\n\nRead more:\0\0\n\nMore text.", "plain", ["furniture-related"]),
    ],
    ids=["heading", "list", "code-block", "inline-code", "quoted", "nul"],
)
def test_formats_and_masking(text: str, fmt: str, expected: list[str]) -> None:
    assert [d.rule_id for d in lint_text(text, FURNITURE, format=fmt)] == expected


def test_markdown_heading_fix_is_safe() -> None:
    (diag,) = lint_text("Text.\n\n## Related Posts\n", ["furniture-related"], format="markdown")
    assert diag.fix is not None and diag.fix.applicability is Applicability.SAFE


# --- duplicated paragraphs ------------------------------------------------------------------

P = "Putin arrived in Pyongyang on Tuesday for his first visit in 24 years."
Q = "Kim met him at the airport and the two leaders drove into the city together."

DUPLICATE_CASES = [
    ("later-copy", f"{P}\n\n{Q}\n\n{P}\n", [(1, 5)], f"{P}\n\n{Q}\n"),
    ("adjacent", f"{P}\n\n{P}\n\n{Q}\n", [(1, 3)], f"{P}\n\n{Q}\n"),
    ("three-copies-are-deliberate", f"{P}\n\n{P}\n\n{P}", [], None),
    ("list-items", f"- {P}\n\n- {P}\n", [], None),
    ("no-sentence-end", f"{P[:-1]}\n\n{P[:-1]}\n", [], None),
    ("whitespace", f"{P}\n\n{P.replace(' ', '  ', 3)}\n", [(1, 3)], f"{P}\n"),
    ("wrapped", f"{P}\n\n{P.replace(' in ', chr(10) + 'in ', 1)}\n", [(1, 3)], f"{P}\n"),
    ("crlf", f"{P}\r\n\r\n{Q}\r\n\r\n{P}\r\n", [(1, 5)], f"{P}\r\n\r\n{Q}\r\n"),
    ("different", f"{P}\n\n{P.replace('Tuesday', 'Monday')}\n", [], None),
    ("short", "No.\n\nYes.\n\nNo.\n", [], None),
]


@pytest.mark.parametrize(("text", "reports", "fixed"), [c[1:] for c in DUPLICATE_CASES],
                         ids=[c[0] for c in DUPLICATE_CASES])
def test_duplicated_paragraph(text: str, reports: list[tuple[int, int]],
                              fixed: str | None) -> None:
    diags = lint_text(text, ["duplicated-paragraph"])
    doc = Document(text)
    assert [(d.data["first_line"], doc.position(d.span.start)[0]) for d in diags] == reports
    for diag in diags:
        assert f"line {diag.data['first_line']}" in diag.message
        assert diag.fix is not None and diag.fix.applicability is Applicability.UNSAFE
    if fixed is not None:
        assert fix_string(text, ["duplicated-paragraph"]).text == text  # never without --unsafe
        assert fix_string(text, ["duplicated-paragraph"], unsafe=True).text == fixed


def test_duplicated_paragraph_max_copies_option() -> None:
    text = f"{P}\n\n{P}\n\n{P}"
    opts = {"duplicated-paragraph": {"max-copies": 3}}
    diags = lint_text(text, ["duplicated-paragraph"], options=opts)
    assert [Document(text).position(d.span.start)[0] for d in diags] == [3, 5]
    assert fix_string(text, ["duplicated-paragraph"], unsafe=True, options=opts).text == f"{P}\n"


def test_duplicated_paragraph_prose_only_option() -> None:
    text = f"- {P}\n\n- {P}\n"
    opts = {"duplicated-paragraph": {"prose-only": False}}
    assert len(lint_text(text, ["duplicated-paragraph"], options=opts)) == 1


def test_duplicated_paragraph_min_words_option() -> None:
    text = "No, never.\n\nYes.\n\nNo, never.\n"
    assert not lint_text(text, ["duplicated-paragraph"])
    opts = {"duplicated-paragraph": {"min-words": 2}}
    assert len(lint_text(text, ["duplicated-paragraph"], options=opts)) == 1


def test_duplicated_code_blocks_are_not_prose() -> None:
    block = "```\npip install textlint --upgrade --no-cache-dir --quiet now please\n```"
    text = f"Install it:\n\n{block}\n\nUpgrade it:\n\n{block}\n"
    assert not lint_text(text, ["duplicated-paragraph"], format="markdown")


# --- structure survives any mix of furniture --------------------------------------------------

LINES = st.sampled_from(["Prose one.", "Prose two, longer.", "Advertisement", "Leave a Reply",
                         "Read also: A headline", "Source link", "", "", "   "])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=14), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_fix_keeps_prose_and_paragraphs(lines: list[str], eol: str, final_eol: bool) -> None:
    text = eol.join(lines) + (eol if final_eol else "")
    after = fix_string(text, FURNITURE, unsafe=True).text

    def paragraphs(t: str) -> list[list[str]]:
        out: list[list[str]] = [[]]
        for line in t.splitlines():
            if not line.strip():
                out.append([])
            elif line.startswith("Prose"):
                out[-1].append(line)
        return [p for p in out if p]

    assert paragraphs(after) == paragraphs(text)
    assert not lint_text(after, FURNITURE)
    assert _blank_run(after) <= max(_blank_run(text), 1)
    assert fix_string(after, FURNITURE, unsafe=True).text == after


def _blank_run(text: str) -> int:
    """The longest run of blank lines between two lines with text."""
    longest = run = 0
    for line in text.strip().splitlines():
        run = run + 1 if not line.strip() else 0
        longest = max(longest, run)
    return longest


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_findings_or_nothing(text: str) -> None:
    for diag in lint_text(text, PACK):
        assert 0 <= diag.span.start <= diag.span.end <= len(text)
    fix_string(text, PACK, unsafe=True)


@pytest.mark.parametrize(
    "text",
    ["Advertisement\n" * 5000, "Advertisement\n\n" * 5000,
     "Text.\n" + "\n" * 200_000 + "Source link", "Read more:\nText line.\n" * 3000],
    ids=["block", "blank-separated", "blank-lines", "alternating"],
)
def test_many_lines(text: str) -> None:
    diags = lint_text(text, PACK)
    fixed = fix_string(text, PACK, unsafe=True).text
    assert diags
    assert not lint_text(fixed, FURNITURE)
