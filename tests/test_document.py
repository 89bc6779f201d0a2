from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textlint import document
from textlint.api import lint_text
from textlint.diagnostics import Span
from textlint.document import MASK, Document
from textlint.formats import plain


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc\ndef", 4, (2, 1)),
        ("abc\r\ndef", 6, (2, 2)),
        ("a\n\nb", 3, (3, 1)),
        ("“é” x", 4, (1, 5)),
        ("abc", 3, (1, 4)),
    ],
    ids=["start", "second-line", "crlf", "blank-line", "non-ascii-columns", "end"],
)
def test_position(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert Document(text).position(offset) == expected


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("see https://example.com/a?b=1. Next", "https://example.com/a?b=1"),
        ("mail me at jo.doe+x@mail.example.org today", "jo.doe+x@mail.example.org"),
        ("run `pip  install` now", "`pip  install`"),
        ("the file setup.py is here", "setup.py"),
        (
            "<!-- textlint-disable quote-spacing -->\ntext",
            "<!-- textlint-disable quote-spacing -->",
        ),
        ('In <a class="x" title=\'y\'>WAL mode</a> it works', '<a class="x" title=\'y\'>'),
    ],
    ids=["url", "email", "inline-code", "file-name", "directive", "tag-with-attributes"],
)
def test_masking_keeps_offsets(text: str, masked: str) -> None:
    doc = Document(text)
    start = text.index(masked)
    assert len(doc.prose) == len(text)
    assert doc.prose[start : start + len(masked)] == MASK * len(masked)
    assert doc.prose[:start] == text[:start]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one\n\ntwo", [(0, 3), (5, 8)]),
        ("one\r\n\r\ntwo\r\n", [(0, 3), (7, 10)]),
        ("  one\n  \n\n two  ", [(2, 5), (11, 14)]),
        ("", []),
        ("a\nb", [(0, 3)]),
    ],
    ids=["lf", "crlf", "padded", "empty", "single-newline"],
)
def test_paragraphs(text: str, expected: list[tuple[int, int]]) -> None:
    assert Document(text).paragraphs == [Span(a, b) for a, b in expected]


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    words = [t.text for t in Document("Russia’s Kim Jong-un said: don't 3.14").words]
    assert words == ["Russia’s", "Kim", "Jong-un", "said", "don't", "3", "14"]


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("```\ncode  here\n```\nProse.", "Prose."),
        ("Use `x  y` and **bold** text.", "bold"),
        ("[link text](https://example.com) after", "link text"),
    ],
    ids=["fence", "inline", "link"],
)
def test_markdown_masks_markup(text: str, visible: str) -> None:
    doc = Document(text, format="markdown")
    assert visible in doc.prose
    assert "```" not in doc.prose and "**" not in doc.prose and "](" not in doc.prose


@pytest.mark.parametrize(
    ("text", "hidden", "visible"),
    [
        pytest.param("<pre>\nif (a ,b) { x }\n</pre>\n\nProse.", "(a ,b)", "Prose.", id="pre"),
        pytest.param("<PRE class=x>\nif (a ,b)\n</PRE>\nProse.", "(a ,b)", "Prose.",
                     id="pre-upper-case-with-attribute"),
        pytest.param("<style>\np { color: red }\n</style>\nProse.", "color", "Prose.", id="style"),
        pytest.param("<script>\nvar a = 'x';\n</script>\nProse.", "var a", "Prose.",
                     id="script"),
        pytest.param("Type <kbd>a apple</kbd> or <code>x ,y</code> now. Prose.", "apple",
                     "Prose.", id="inline-code-elements"),
        pytest.param("Say <?php echo 'a apple' ?> then. Prose.", "echo", "Prose.", id="php"),
        pytest.param("<pre>\nnever closed, a apple", "apple", "", id="unclosed-pre-to-the-end"),
        pytest.param("---\ntitle: a apple\ntags: [go ,rust]\n---\n\nProse.", "tags",
                     "Prose.", id="yaml-front-matter"),
        pytest.param("+++\ntitle = 'a apple'\n+++\nProse.", "title", "Prose.",
                     id="toml-front-matter"),
        pytest.param("Prose.\n\n---\ntitle: not front matter\n---\n", "", "title",
                     id="rule-lines-later-are-prose"),
        pytest.param("An unclosed <code> stays prose. <code>x</code>", "", "unclosed",
                     id="unclosed-inline-code"),
        pytest.param("Use a `<pre>` element.\n\nThe the cat.", "", "The the cat",
                     id="tag-shown-in-inline-code"),
        pytest.param("Write <script> tags with care.\n\nThe the cat.\n\n</script>\n", "",
                     "The the cat", id="block-tag-inside-a-sentence"),
        pytest.param("Inline <code>a\n\nb</code> split.", "", "split",
                     id="no-closing-in-paragraph"),
        pytest.param("---\n\nSome text\n---\n\nThe end.", "", "Some text",
                     id="thematic-break-not-front-matter"),
    ],
)
def test_markdown_masks_code_elements_and_front_matter(text: str, hidden: str,
                                                       visible: str) -> None:
    prose = Document(text, format="markdown").prose
    if hidden:
        assert hidden not in prose
    assert visible in prose
    assert len(prose) == len(text)


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("See ``rpds.py`` (equivalently ``rpds-py``) ok", "(equivalently "),
        ("the `quote' and `code x` here", "`quote' and "),
        ("at https://en.wikipedia.org/wiki/Bordeaux_(wine) now", " now"),
        ("if x <y and z> w, a = \"q\"", "<y and z> w, a = \"q\""),
        ("<b>bold</b> and <i>it</i>", "<b>bold</b> and <i>it</i>"),
        ("use `am'/`pm' and `code x` here", "`am'/`pm' and "),
        ("is a Bourne-shell (`/bin/sh') script (`sh') here", "(`/bin/sh') script (`sh')"),
        ("the ``.cc'' and ``.C'' suffixes", "``.cc'' and ``.C'' suffixes"),
    ],
    ids=["rst-literals", "old-style-quote", "url-with-brackets", "comparison-not-a-tag",
         "tags-without-attributes", "old-style-quotes-by-a-slash",
         "old-style-quote-in-brackets", "tex-quotes"],
)
def test_plain_masking_edge_cases(text: str, visible: str) -> None:
    doc = Document(text)
    assert visible in doc.prose
    assert ")" not in doc.prose or "(" in doc.prose


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("call ``d.get(k, '')`` or ``f('')``, then ``x = ''``.", ["d.get", "f(", "x ="]),
        ("the ``''`` literal and ``it''s``", ["''`", "it''s"]),
    ],
    ids=["empty-strings-in-literals", "quotes-inside-literals"],
)
def test_plain_literals_stay_code(text: str, hidden: list[str]) -> None:
    prose = Document(text).prose
    for part in hidden:
        assert part not in prose


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("a (`x “y\nz”`) and (`w”v`) b", ["x “y", "w”v"]),
        ("``double `tick` code``", ["double"]),
    ],
    ids=["code-wraps-a-line", "double-backticks"],
)
def test_markdown_inline_code(text: str, hidden: list[str]) -> None:
    prose = Document(text, format="markdown").prose
    for part in hidden:
        assert part not in prose


@pytest.mark.parametrize(
    "text",
    [
        "# T\r\n\r\n```\r\ncode\r\n```\r\n\r\nThis is prose.\r\n",
        "Intro.\r\n\r\n    indented code\r\n\r\nThis is prose.\r\n",
        "If a<b then stop.\n\nThis is prose.\n\nAnd b> c holds.",
        "A `code\r\n\r\nThis is prose.` tick",
    ],
    ids=["crlf-fence", "crlf-indented", "lt-gt-across-paragraphs", "code-across-crlf-paragraphs"],
)
def test_markdown_never_hides_the_next_paragraph(text: str) -> None:
    assert "This is prose." in Document(text, format="markdown").prose


def test_segments_are_the_runs_of_prose() -> None:
    text = "see https://example.com/a now, or `code` here"
    doc = Document(text)
    assert [text[s.start : s.end] for s in doc.segments] == ["see ", " now, or ", " here"]
    assert Document("plain").segments == [Span(0, 5)]
    assert Document("").segments == []


# Letters, digits, marks, the joiners and the characters around words, but no underscore: the
# texts where the faster word pattern is used.
_WORDISH = st.text(
    alphabet=st.sampled_from(list("abAZ9é\u0301ß'’-‐ .,\n\t“”(1\u00a0Жж")), max_size=40
)


@given(_WORDISH)
def test_fast_word_pattern_splits_as_the_plain_one(text: str) -> None:
    fast = document._UNDERSCORELESS_WORD_PIECES.split(text)
    assert fast == document._PLAIN_WORD_PIECES.split(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_word_pattern_splits_as_the_full_one(text: str) -> None:
    assert document._ASCII_WORD_PIECES.split(text) == document._WORD_PIECES.split(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("snake_case Jong-un", ["snake", "case", "Jong-un"], id="underscore"),
        pytest.param("Russia’s don't x-ray", ["Russia’s", "don't", "x-ray"], id="joiners"),
        pytest.param("-lead trail- 'quote'", ["lead", "trail", "quote"], id="edges"),
    ],
)
def test_words_with_and_without_underscores(text: str, words: list[str]) -> None:
    assert [w.text for w in Document(text).words] == words


def test_paragraph_starts() -> None:
    doc = Document("  one\n\n\ntwo\n \nthree")
    assert doc.paragraph_starts == [span.start for span in doc.paragraphs] == [2, 8, 14]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("a `x` b", ["`x`"], id="simple"),
        pytest.param("(`` `Gnomovision' ``) and `'`", ["`` `Gnomovision' ``", "`'`"],
                     id="double-backticks-hold-one"),
        pytest.param("`a\nb` c", ["`a\nb`"], id="wraps"),
        pytest.param("`a\n\nb`", [], id="not-across-paragraphs"),
        pytest.param("x `` y", [], id="unmatched"),
        pytest.param("```\ncode\n\nmore\n```\nText ```x``` here.",
                     ["```\ncode\n\nmore\n```", "```x```"], id="fence-runs-take-no-part"),
        pytest.param("Type \\` to start, see `x`.", ["`x`"], id="escaped-backtick"),
        pytest.param("A \\``x` b", ["`x`"], id="escaped-first-of-two"),
        pytest.param("> Run `pip\n> install x` now.", ["`pip\n> install x`"],
                     id="wraps-in-a-block-quote"),
        pytest.param("Use `a\\` here.", ["`a\\`"], id="no-escape-inside-code"),
        pytest.param('A <b title="`">key</b>, see `x`.', ["`x`"], id="backtick-in-a-tag"),
        pytest.param("- Press the ` key.\n- See `x`.", ["`x`"], id="not-across-list-items"),
        pytest.param("> Press ` now.\n>\n> See `x`.", ["`x`"], id="not-across-quoted-paragraphs"),
        pytest.param("```pip install x``` and more.", ["```pip install x```"],
                     id="one-line-triple-backticks-are-inline"),
    ],
)
def test_markdown_code_spans(text: str, code: list[str]) -> None:
    doc = Document(text, format="markdown")
    assert [text[s.start : s.end] for s in doc.masked if text[s.start] == "`"] == code


def test_masked_line_breaks_survive() -> None:
    text = "a `x\ny` b https://e.com/p\n"
    doc = Document(text, format="markdown")
    assert doc.prose == "a " + MASK * 2 + "\n" + MASK * 2 + " b " + MASK * 15 + "\n"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("at WwW.Example.org, then", "WwW.Example.org"),
        ("(HTTPS://x.y/a_(b)) ok", "HTTPS://x.y/a_(b)"),
        ("httpſ://x.y ok", "httpſ://x.y"),
        ("ftp://a.b/c.", "ftp://a.b/c"),
        ("x://y https://www.z", "https://www.z"),
        ("foo\n.com and", "foo\n.com"),
        ("at <http://crr.ugent.be/x>.", "http://crr.ugent.be/x"),
        ("see http://crr.ugent.be/x</a> now", "http://crr.ugent.be/x"),
    ],
    ids=["www-mixed-case", "brackets", "long-s", "ftp", "bad-scheme", "name-before-line-break",
         "angle-brackets", "before-a-tag"],
)
def test_url_and_name_masks(text: str, masked: str) -> None:
    start = text.index(masked)
    assert Document(text).masked == [Span(start, start + len(masked))]


def _urls_by_finditer(text: str) -> list[Span]:
    out = []
    for m in plain._URL.finditer(text):
        end = m.end()
        if m.group().count("(") > m.group().count(")") and text[end : end + 1] == ")":
            end += 1
        out.append(Span(m.start(), end))
    return out


_URLISH = st.lists(
    st.sampled_from(
        ["http", "HTTPS", "ftp", "s", "ſ", "://", ":/", "/", "www", "wWw", "w", "W", ".", "x", " ",
         "\n", ")", "(", ",", "?", "“", "”", "<", "'", "é"]
    ),
    max_size=30,
).map("".join)


@given(_URLISH)
def test_urls_found_from_anchors_as_by_finditer(text: str) -> None:
    assert plain._urls(text) == _urls_by_finditer(text)


_NAMEISH = st.text(alphabet=st.sampled_from(list("ab9_-.\n x@é")), max_size=30)


@given(_NAMEISH.map(lambda t: t + ".com"))
def test_names_found_from_their_run_as_by_a_full_search(text: str) -> None:
    fast = plain._anchored(text, plain._TLD, plain._NAME_BEFORE, plain._NAME_CHARS)
    assert fast == plain._anchored(text, plain._TLD, plain._NAME_BEFORE)


_OLD_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_OLD_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}.*$", re.M)


@given(st.lists(st.sampled_from(["<!--", "-->", "<", "!", "-", ">", "x", "\n"]),
                max_size=30).map("".join))
def test_html_comments_are_the_lazy_pattern_matches(text: str) -> None:
    from textlint.formats import markdown

    assert [(s.start, s.end) for s in markdown.html_comments(text)] == [
        m.span() for m in _OLD_HTML_COMMENT.finditer(text)]


@given(st.text(alphabet=st.sampled_from(list(" \t|:-x\n")), max_size=40))
def test_table_rule_pattern_matches_as_before(text: str) -> None:
    from textlint.formats import markdown

    assert [m.span() for m in markdown._TABLE_RULE.finditer(text)] == [
        m.span() for m in _OLD_TABLE_RULE.finditer(text)]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        pytest.param("See [the site](https://x.org/a_(b)) now.", "(https://x.org/a_(b)",
                     id="link-destination"),
        pytest.param("Text.\n\n[ref]: https://x.org/page\n", "[ref]: https://x.org/page",
                     id="reference-definition"),
        pytest.param("Local [server](http://[::1]:8080/path) runs.", "(http://[::1]:8080/path)",
                     id="brackets-in-destination"),
        pytest.param("See [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) here.",
                     "(https://en.wikipedia.org/wiki/Foo_(bar))", id="balanced-parentheses"),
        pytest.param('See [a](https://x.org/a "The title") here.', '(https://x.org/a "The title")',
                     id="title"),
        pytest.param("Text.\n\n[ref]:\n    https://x.org/page\n", "[ref]:\n    https://x.org/page",
                     id="definition-url-on-the-next-line"),
        pytest.param("See [a link](<http://x.com/a b>) ok.", "(<http://x.com/a b>)",
                     id="destination-in-angle-brackets"),
        pytest.param("See [a](https://x.org/a 'The title') here.", "(https://x.org/a 'The title')",
                     id="title-in-single-quotes"),
        pytest.param("See [a](https://x.org/a (The title)) here.", "(https://x.org/a (The title))",
                     id="title-in-brackets"),
    ],
)
def test_link_targets_are_masked(text: str, masked: str) -> None:
    doc = Document(text, format="markdown")
    start = text.index(masked)
    # (Masking keeps line breaks, so that lines keep their numbers.)
    assert set(doc.prose[start + 1 : start + len(masked) - 1]) - {"\n"} == {MASK}


# List items, indentation and markers: Markdown masks a line's lead, and each rule must read
# these as it reads the same text in plain text (found by a review of every rule's line-start
# logic; each case failed in Markdown only).
MARKDOWN_LEADS = [
    ("punctuation-spacing", "Designers\n\nargon2      Alex Biryukov\n            Daniel Dinu\n"),
    ("untranslated-fragment", "- This is where the finder interacts with the\n  resolver.\n"),
    ("untranslated-fragment", "- Added glyphs to the Mono face (by Heikki\n  Lindroos)\n"),
    ("untranslated-fragment", "Intro text here.\n\n## undici\n\nThe undici client is fast.\n\n"
     "We use undici for HTTP.\n\nSee the undici docs.\n\nThe undici team maintains it.\n"),
    ("untranslated-fragment", "The waiter came back and said\n  “La signora è fuori; ma verrà "
     "subito”, and left us there.\n"),
    ("untranslated-fragment", "Use `foo` and `bar` and `baz` here.\n\n- Arguments:\n"
     "  obj, func, laranjas, kwargs\n"),
    ("punctuation-spacing", "- nargs : int\n"),
    ("punctuation-spacing", "- close(random number) on most arches.\n"),
    ("punctuation-spacing", "- db:Status-Eflag is now exported.\n"),
    ("punctuation-spacing", "- Set it:\n  total = first,second\n"),
    ("punctuation-spacing", "- Paris,Rome and Berlin were visited.\n"),
    ("punctuation-spacing", "- `x`,y and z are names.\n- `x`abc,y too.\n"),
    ("doubled-word", "- The cache is rebuilt when the\n  the index changes.\n"),
    ("a-an", "- Use it in an\n    pre-compiled application.\n"),
    ("a-an", "- The sum of the elements of a\n  and b is returned.\n"),
    ("unbalanced-brackets", "- Bash changed how the\n  [[ command's =~ operator works.\n"),
    ("doubled-letter-typo", "- Build with\n  -ffunction-sections and -fdata-sections now.\n"),
    ("invisible-characters", "- Item one\n  \u00a0\u00a0indented with no-break spaces\n"),
]


@pytest.mark.parametrize(("rule", "text"), MARKDOWN_LEADS,
                         ids=[f"{r}-{i}" for i, (r, _) in enumerate(MARKDOWN_LEADS)])
def test_markdown_leads_read_as_plain_text(rule: str, text: str) -> None:
    def found(fmt: str) -> list[tuple[int, int, str]]:
        return [(d.span.start, d.span.end, d.message) for d in lint_text(text, [rule], format=fmt)]

    assert found("markdown") == found("plain")


def test_markdown_phrase_wraps_over_a_list_items_line() -> None:
    from textlint.checks._textmatch import PhraseMatcher

    matcher = PhraseMatcher(["machine translation"], ignore_case=True, whole_words=True)
    text = "- It was a machine\n  translation of the page.\n"
    assert matcher.spans(Document(text, format="markdown")) == \
        matcher.spans(Document(text)) == [(11, 32)]
