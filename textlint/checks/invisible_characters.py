"""Invisible characters that copy-paste, scraping and word processors leave in text.

Flags zero-width spaces and joiners, word joiners, a byte-order mark after the start, control
characters (other than tab, line feed, carriage return and form feed), soft hyphens inside
words, stray bidirectional controls, the object replacement character, and no-break spaces
where a plain space belongs. Legitimate uses are left alone: ZWJ in emoji sequences, ZWJ/ZWNJ
in scripts that need them (Persian, Indic, ...), ZWSP in scripts written without spaces,
bidirectional marks in lines with right-to-left letters, no-break spaces that bind a number
to its unit, an abbreviation or an initial to the next word, a name's parts or a word to a dash,
and runs of no-break spaces that lay out a table or listing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textlint.checks._layout import COLUMN_REACH, holds_columns, line_around, starts_line
from textlint.checks._unichars import (
    EMOJI,
    JOINING_SCRIPT,
    RTL_LETTER,
    UNSPACED_SCRIPT,
    base_before,
    char_at,
    in_class,
)
from textlint.checks.base import Check
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C1 controls that Windows-1252 leaves undefined; the others are mojibake (see ``mojibake``).
_C1_UNDEFINED = "\x81\x8d\x8f\x90\x9d"
# Every character this check judges, as one character class so that the scan runs at full
# regex speed; runs are measured afterwards.
_CANDIDATE = re.compile(
    "[\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\ufffc"
    + _BIDI
    + "\x01-\x08\x0b\x0e-\x1f\x7f"
    + _C1_UNDEFINED
    + "\u00a0]"
)
_SPACES = " \t\u00a0"
# Characters after which a no-break space is the 0xA0 byte of mojibake ("Â\u00a0" for a NBSP,
# "Ã\u00a0" for "à", "â€\u00a0" for "†"): the mojibake rule repairs those.
_A0_MOJIBAKE = "ÂÃ€"
_LINE_END = "\r\n"
# A character that Latin-1 or Windows-1252 makes of a UTF-8 lead or continuation byte.
_MOJIBAKE_BYTE = re.compile("[\x80-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")

_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark (zero-width no-break space)",
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
    "\ufffc": "object replacement character",
}
_WORD_END = ",.;:)]”’\"'!?"
_WORD_START = "([“‘\"'"
_ROMAN = re.compile(r"[IVXLCDM]+\b")
_WORD_BEFORE = re.compile(r"(\w+)(\.?)$")


@dataclass(frozen=True)
class Options:
    # Also report no-break spaces where a plain space belongs.
    nbsp: bool = True
    # Also report bidirectional controls in lines without right-to-left letters.
    bidi: bool = True


def _name(ch: str) -> str:
    if ch in _NAMES:
        return _NAMES[ch]
    if "\u2061" <= ch <= "\u2064":
        return f"invisible math operator U+{ord(ch):04X}"
    if ch in _BIDI:
        return f"bidirectional control U+{ord(ch):04X}"
    return f"control character U+{ord(ch):04X}"


class InvisibleCharacters(Check):
    Options = Options
    PARAMS = frozenset(("what",))

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        yield from self._nuls(doc)
        covered = 0
        for m in _CANDIDATE.finditer(prose):
            start = m.start()
            if start < covered:
                continue
            ch = m.group()
            if ch == "\u00a0":
                if self.options.nbsp and not (start and prose[start - 1] in _A0_MOJIBAKE):
                    start, covered = _space_run(prose, start)
                    yield from self._nbsp(prose, start, covered)
                continue
            if ch in "\x1b\x08":
                terminal = _terminal(prose, start)
                if terminal is not None:
                    covered = terminal.span.end
                    yield terminal
                    continue
            covered = start + 1
            while covered < len(prose) and prose[covered] == ch:
                covered += 1
            finding = self._invisible(prose, ch, start, covered)
            if finding is not None:
                yield finding

    def _invisible(self, prose: str, ch: str, start: int, end: int) -> Finding | None:
        before = base_before(prose, start)
        after = char_at(prose, end)
        if ch == "\ufeff" and start == 0:
            if end == 1:
                return None  # a leading byte-order mark is an encoding signature, not content
            start = 1
        if ch == "\u200d" and (in_class(EMOJI, before) or in_class(EMOJI, after)):
            return None
        if ch in "\u200c\u200d" and (
            in_class(JOINING_SCRIPT, before) or in_class(JOINING_SCRIPT, after)
        ):
            return None
        if ch == "\u200b" and (
            in_class(UNSPACED_SCRIPT, before) or in_class(UNSPACED_SCRIPT, after)
        ):
            return None
        if ch == "\u00ad" and not (before.isalpha() and after.isalpha()):
            # At a line end it marks a hyphenation break: deleting it would not rejoin the word.
            return None
        if ch == "\u180e" and ("\u1800" <= before <= "\u18af" or "\u1800" <= after <= "\u18af"):
            return None
        if ch in _C1_UNDEFINED and start and _MOJIBAKE_BYTE.match(prose, start - 1):
            return None  # part of a mojibake sequence ("â€\x9d"): the mojibake rule repairs it
        if ch in _BIDI and (not self.options.bidi or _line_has_rtl(prose, start)):
            return None
        # A vertical tab is Word's manual line break; everywhere else the character goes.
        replacement = "\n" if ch == "\x0b" else ""
        name = _name(ch)
        count = end - start
        what = name if count == 1 else f"{count} × {name}"
        return Finding(
            Span(start, end),
            params={"what": what},
            fix=Fix.safe(Edit.replace(start, end, replacement), description=f"remove {name}"),
        )

    def _nuls(self, doc: Document) -> Iterator[Finding]:
        # NUL also marks non-prose in ``prose``: find it in ``text`` and skip masked spans.
        text = doc.text
        i = text.find("\0")
        if i == -1:
            return
        starts = [s.start for s in doc.masked]
        while i != -1:
            k = bisect.bisect_right(starts, i) - 1
            if not (k >= 0 and doc.masked[k].start <= i < doc.masked[k].end):
                j = i + 1
                while j < len(text) and text[j] == "\0":
                    j += 1
                # Between two letters a NUL may stand for a lost space ("the\0the"): removing
                # it then joins two words, so that fix is unsafe.
                joins = i > 0 and j < len(text) and text[i - 1].isalnum() and text[j].isalnum()
                fix = Fix.unsafe if joins else Fix.safe
                yield Finding(
                    Span(i, j),
                    params={"what": "control character U+0000 (NUL)"},
                    fix=fix(Edit.delete(i, j), description="remove NUL"),
                )
                i = j
            i = text.find("\0", i + 1)

    def _nbsp(self, prose: str, start: int, end: int) -> Iterator[Finding]:
        run = prose[start:end]
        # (After a Markdown lead, which is masked: NUL.)
        at_line_start = starts_line(prose, start, "\0") or prose[start - 1] == "\r"
        at_line_end = end == len(prose) or prose[end] in _LINE_END
        if at_line_end:
            # Trailing whitespace with a no-break space in it (HTML "&nbsp;" left at a line end).
            yield Finding(
                Span(start, end),
                params={"what": "no-break space at the end of a line"},
                fix=Fix.safe(Edit.delete(start, end), description="remove trailing space"),
            )
            return
        if at_line_start:
            return  # indentation: layout, not a space between words
        if run.strip("\u00a0"):
            # Mixed with plain spaces: the no-break spaces only double the gap.
            edits = [
                Edit.delete(start + i, start + i + 1) for i, c in enumerate(run) if c == "\u00a0"
            ]
            yield Finding(
                Span(start, end),
                params={"what": "no-break space beside a plain space"},
                fix=Fix.safe(*edits, description="remove no-break space"),
            )
            return
        if len(run) == 1 and _binds(prose, start):
            return
        if len(run) > 1 and _nbsp_layout(prose, start, end):
            return
        yield Finding(
            Span(start, end),
            params={"what": "no-break space where a plain space belongs"},
            fix=Fix.safe(Edit.replace(start, end, " "), description="use a plain space"),
        )


# A terminal's control sequence (ESC [ parameters final, as colours and bold are written).
_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


def _terminal(prose: str, at: int) -> Finding | None:
    """Formatting a terminal capture leaves (a man page or a program's coloured output): an
    escape sequence (ESC [1m), or a backspace that overstrikes a character for bold or
    underline ("b\bb", "_\bx"). Deleting the ESC or backspace alone would leave "[1m" or
    "bb" in the text: the whole sequence goes, or the struck character with its backspace."""
    if prose[at] == "\x1b":
        m = _CSI.match(prose, at)
        if m is None:
            return None
        return Finding(Span(at, m.end()), params={"what": "terminal escape sequence"},
                       fix=Fix.safe(Edit.delete(at, m.end()),
                                    description="remove terminal escape sequence"))
    before = prose[at - 1] if at else "\n"
    after = prose[at + 1] if at + 1 < len(prose) else "\n"
    if before in "\r\n\x08\0" or after in "\r\n\x08\0":
        return None
    # Bold (b BS b) and underline (_ BS x) lose nothing; another pair is a glyph made of two
    # ("+ BS o", a bullet), of which the terminal shows the last, as col -b keeps it.
    fix = Fix.safe if before == after or before == "_" else Fix.unsafe
    return Finding(Span(at - 1, at + 1), params={"what": "overstrike (backspace)"},
                   fix=fix(Edit.delete(at - 1, at + 1), description="remove overstrike"))


def _space_run(prose: str, at: int) -> tuple[int, int]:
    """The run of spaces, tabs and no-break spaces around ``at``."""
    start, end = at, at + 1
    while start > 0 and prose[start - 1] in _SPACES:
        start -= 1
    while end < len(prose) and prose[end] in _SPACES:
        end += 1
    return start, end


def _binds(prose: str, at: int) -> bool:
    """Whether the single no-break space at ``at`` keeps together what style guides bind:
    a number and its unit or label, an abbreviation or initial and what follows, a word and
    a dash, French spacing before high punctuation, or a name and its regnal number."""
    left, right = prose[at - 1], prose[at + 1]
    if left.isdigit() or right.isdigit():
        return True
    # Only a space between two words (or word-adjoining punctuation) is ours to judge.
    if not (left.isalpha() or left in _WORD_END) or not (right.isalpha() or right in _WORD_START):
        return True
    word = _WORD_BEFORE.search(prose, max(0, at - 40), at)
    if word is not None:
        letters, dot = word.group(1), word.group(2)
        if len(letters) == 1:
            return True  # "a", "I", an initial "J."
        if dot and (len(letters) <= 3 or (letters[0].isupper() and len(letters) <= 4)):
            return True  # "p. 5", "Mr. Smith", "Fig. 3", "Prof. Li"
    roman = _ROMAN.match(prose, at + 1)
    if roman is not None and left.isalpha():
        return True  # "Louis XIV", "World War II"
    if word is not None and word.group(1)[0].isupper() and right.isupper():
        return True  # a name kept on one line: "Adam Williamson", "New York"
    return bool(right.isupper() and not char_at(prose, at + 2).isalpha())  # "Appendix A"


def _nbsp_layout(prose: str, start: int, end: int) -> bool:
    """Does the run of no-break spaces at ``start:end`` lay out its line, as tables and
    listings converted from HTML do: a line indented with no-break spaces, or one with another
    wide gap (columns)? Collapsing it to one space would break the alignment."""
    around = line_around(prose, start, end, COLUMN_REACH)
    return around is not None and (prose.startswith("\u00a0", around[0]) or
                                   holds_columns(prose, start, end))


def _line_has_rtl(prose: str, at: int) -> bool:
    start = prose.rfind("\n", 0, at) + 1
    end = prose.find("\n", at)
    return RTL_LETTER.search(prose, start, end if end != -1 else len(prose)) is not None


CHECK = InvisibleCharacters
