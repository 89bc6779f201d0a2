"""punctuation-spacing tries its patterns only where a cheap search finds their leading
character; here its results are compared with the plain searches they replace."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.api import all_rules
from textlint.checks import punctuation_spacing as ps
from textlint.checks.base import CheckContext
from textlint.diagnostics import Edit, Finding
from textlint.document import Document

PIECES = st.sampled_from(
    ["a", "B", "word", "Word", "é", "Ж", "7", "_", " ", "  ", "   ", "\t", "\n", "\n\n", "\0",
     ".", ",", ";", ":", "!", "?", "!!", "?!", "(", ")", "[", "]", "{", "}", "( ", " )", "\"",
     "'", "’", "”", "“", "»", "&amp;", "x=1", "e.g.", "Mr.", "The", "I", "(Nancy)", "her",
     "print(x)", "MA  02110", "|", "...", "http", "ǅ", "İ", "²", "𝐀", "‘", "ß", "ω", "\u0301"]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)
_SPACE_BEFORE = re.compile(r"[,;.:!?](?<=[ \t].)")
# A sentence end, closing marks, one or two spaces, what may start a sentence: the gap whole.
_SENTENCE_GAP = regex.compile(r"[.!?][)\]\"'’”»]*(  ?)(?=[\p{Lu}\"'“‘(\[\d])", regex.V1)


def _check() -> ps.PunctuationSpacing:
    rule = all_rules()["punctuation-spacing"]
    return ps.PunctuationSpacing(ps.Options(), CheckContext(rule.id, rule.message))


def reference_brackets(text: str) -> Iterator[Finding]:
    for m in ps._SPACE_AFTER_OPEN.finditer(text):
        start, end = m.span()
        if start and not (text[start - 1].isspace() or text[start - 1] == "\0"):
            continue
        if ps._label_line(text, start) or ps._spaced_pair(text, start):
            continue  # (judgements the fast path shares, not searches)
        yield ps._finding(start, end, f"Space after '{text[start]}'",
                          Edit.delete(start + 1, end), "remove the space")
    for m in ps._SPACE_BEFORE_CLOSE.finditer(text):
        end = m.end()
        start = m.start() - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start == 0 or not text[start - 1].isalnum():
            continue
        if ps._label_line(text, end - 1) or ps._spaced_pair(text, end - 1):
            continue
        yield ps._finding(start, end, f"Space before '{text[end - 1]}'",
                          Edit.delete(start, end - 1), "remove the space")
    for m in ps._GLUED_OPEN.finditer(text):
        i = m.start()
        yield ps._finding(i - 1, i + 1, "Missing space before '('", Edit.insert(i, " "),
                          "insert a space")


def reference_double_spaced(text: str) -> bool:
    ones = twos = 0
    for m in _SENTENCE_GAP.finditer(text):
        if len(m.group(1)) == 2:
            twos += 1
        else:
            ones += 1
    return twos >= 3 and (twos >= ps.DOUBLE_HABIT or 2 * twos >= ones)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
@example("A.  B.  C!  D?  E: F. G")
@example("A.  B.  C.  D. E. F. G. H. I")
@example("A.  B.  C")
@example("a.  b.  c.  d")
@example("A:  B.  C.  D")
@example("say ”Hi!”  Then.  Also.)  More")
@example("x !!!y ok?!Z wow!!a")
@example("is.Zoo word.Жω ab:Cd ab:Жd ab;Жd x,Жy word.Ab ab;‘c ab:“c x,“y x,'y x,7")
def test_screened_searches_find_what_the_plain_ones_find(text: str) -> None:
    check = _check()
    doc = Document(text)
    prose = doc.prose
    runs = ps._space_runs(prose)
    assert runs == [m.span() for m in re.finditer("  +", prose)]
    assert ps._double_spaced(prose, runs) == reference_double_spaced(prose)
    spaced, glued, bangs = ps._marks(prose)
    assert spaced == [m.start() for m in _SPACE_BEFORE.finditer(prose)]
    assert bangs == [i for i, c in enumerate(prose) if c in "!?"]
    assert list(check._brackets(prose)) == list(reference_brackets(prose))
    for mark, pattern in [(",", ps._COMMA), (";", ps._SEMICOLON), (":", ps._COLON),
                          (".", ps._SENTENCE_TITLE)]:
        found = list(ps._found(glued[mark], pattern, prose))
        assert found == [m.start() for m in pattern.finditer(prose)]
    exclaims = [(f.span.start, f.span.end) for f in check._missing_after(doc, prose, glued, bangs)
                if f.message.endswith("sentence") and prose[f.span.start] in "!?"]
    assert exclaims == [(m.start(), m.end() + 1) for m in ps._EXCLAIM.finditer(prose)]
