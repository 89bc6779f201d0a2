"""Spacing around punctuation in English prose: a space before , . ; : ! ?, a missing space after
, ; : and after the end of a sentence, runs of spaces inside a line, and spaces just inside
brackets or a missing one before an opening bracket.

Written to stay quiet on what is not a spacing error: numbers (3.14, 1,000, 10:30, 2:1),
abbreviations and initials (e.g., U.S., J. R. R. Tolkien), file names and extensions (setup.py,
the .mp3 file, .NET), ellipses (``...``, ``. . .``), emoticons (``:)``), URLs and e-mail addresses
(masked by the document), indentation, column alignment, and two spaces after a sentence in a
document that consistently uses them (option ``sentence-spacing``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from string import ascii_letters, ascii_uppercase, digits
from typing import Literal

import regex

from textlint import regexcache
from textlint.checks._layout import (
    code_blocks,
    code_lines,
    code_words,
    in_code,
    line_around,
    space_free_token,
    starts_line,
    writes_code,
)
from textlint.checks._quotes import (
    OPENER,
    QUOTE_CLOSERS,
    QuoteAnalysis,
    analyse,
    offsets,
    spaceless,
    wordset,
)
from textlint.checks.base import Check
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document
from textlint.formats import merge

_V1 = regex.V1

# A mark , ; . : ! ? after a space or tab (``_marks``); the space before it and what follows are
# checked in code.
# A comma glued to what follows.
_COMMA = regexcache.compile(r",(?=[\p{L}\p{N}“‘\"'])", _V1)
_SEMICOLON = regexcache.compile(r"(?<=[\p{L}\p{N}]);(?=[\p{L}“‘])", _V1)
_COLON = regexcache.compile(r"(?<=\p{L}\p{L}):(?=[\p{L}“‘])", _V1)
# End of a sentence glued to the next one: "table.The", "you?I", "shut!Everyone".
_SENTENCE_TITLE = regexcache.compile(r"(?<=[\p{L}\p{N}]\p{Ll})\.(?=\p{Lu}(?:\p{Ll}|[ ,]))", _V1)
_SENTENCE_LOWER = regexcache.compile(
    r"(?<=(?:^|[\s\"“‘(])\p{Ll}{3,})\.(?=\p{Ll}{3,}(?:[\s,;:!?\"”’)]|\.(?:\s|$)|$))", _V1
)
_EXCLAIM = regexcache.compile(r"(?<=\p{L}\p{L})[!?]+(?=\p{L})", _V1)
# Where the one-character patterns above may match: the mark, then an ASCII character of their
# lookahead or any other character; and where a space comes before a mark. One search per mark,
# led by it, finds both: ``re`` skips to one character far faster than ``regex`` does, or than
# either skips to a class, and marks glued to a letter are rare, so the exact patterns are tried
# at few places.
_GLUED = {",": f"{digits}{ascii_letters}\"'", ";": ascii_letters, ":": ascii_letters,
          ".": ascii_uppercase}
_MARK_AT = {
    # A negated ASCII class: a class holding all of the rest of Unicode costs re 2 ms to build.
    mark: re.compile(rf"{re.escape(mark)}(?:(?<=[ \t].)|(?=[{re.escape(chars)}]|[^\x00-\x7f]))")
    for mark, chars in _GLUED.items()
}
_GLUED_ASCII = {mark: frozenset(chars) for mark, chars in _GLUED.items()}
# Two or more spaces between two non-space characters on one line.
_RUN = "  "
# The gap after a sentence: a sentence end (not a colon: counting the one space of every
# "Name: Value" label made documents that put two after their sentences look mixed), closing
# marks, one or two spaces, and what may start a sentence; searched for as these parts.
_GAP_CLOSERS = ")]\"'’”»"
_GAP_NEXT = regexcache.compile(r"[\p{Lu}\"'“‘(\[\d]", _V1)
_ONE_SPACE_GAPS = tuple(
    regexcache.compile(rf"{re.escape(end)}[)\]\"'’”»]* (?=[\p{{Lu}}\"'“‘(\[\d])", _V1)
    for end in ".!?"
)
# Brackets: a space just inside, or a word glued to an opening bracket.
_SPACE_AFTER_OPEN = re.compile(r"[(\[{][ \t]+(?=[^\W_])")
_SPACE_BEFORE_CLOSE = re.compile(r"[)\]}](?<=[ \t].)")
# The aside must look like prose, not a call: a capitalised word (her(Nancy)) or a word followed
# by a space (space(before parenthesis); print(message) and len(items) are left alone.
_GLUED_OPEN = regexcache.compile(
    r"(?<=(?:^|[\s\0\"“‘])\p{L}{2,})\((?=\p{Lu}\p{Ll}{2,}[\s)]|\p{L}{3,} \p{L})", _V1
)

# Words after a dot that name a file type or a domain rather than start a sentence.
_EXTENSIONS = wordset(
    "com org net edu gov int mil info biz app dev txt pdf doc docx xls xlsx ppt pptx csv tsv "
    "json xml html htm css scss js mjs ts tsx jsx py pyc rb java class cpp hpp cxx php asp "
    "aspx jsp png jpg jpeg gif svg bmp tif tiff webp ico mp3 mp4 wav ogg flac avi mov mkv webm "
    "zip tar rar bz2 exe dll bin iso dmg deb rpm apk msi yaml yml toml ini cfg conf log bak "
    "tmp swp lock rst tex bib sql sqlite db md markdown epub mobi ttf otf woff rtf odt ods "
    "odp key numbers pages psd sketch dat pkl npy ipynb bat cmd sh bash zsh ps1 go rs kt "
    "swift scala lua pl pm erl hs ml fs vb cs"
)
# URI schemes that are written with a colon and no space (mailto:someone).
_SCHEMES = wordset(
    "mailto urn file tel fax sms data javascript about irc news nntp sip sips ssh git svn "
    "ftp sftp http https ws wss magnet xmpp skype spotify steam isbn doi arxiv pmid"
)
_CLOSERS = set(")]}\"'”’»")


@dataclass(frozen=True)
class Options:
    # "auto": two spaces after a sentence are accepted in a document that consistently uses
    # them (at least three times, and at least half as often as one space); "single": always
    # reported.
    sentence_spacing: Literal["auto", "single"] = "auto"
    # Report runs of spaces inside a line.
    multiple_spaces: bool = True
    # Report spaces just inside brackets and a word glued to an opening bracket.
    brackets: bool = True
    # Also report a full stop between two lower-case words ("after.period"). Off by default:
    # in real text this is far more often an identifier (self.name, math.floor) than an error.
    lowercase_after_stop: bool = False


def _finding(start: int, end: int, message: str, edit: Edit, what: str) -> Finding:
    return Finding(Span(start, end), message, Fix.safe(edit, description=what))


class PunctuationSpacing(Check):
    Options = Options
    PARAMS = frozenset()

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.prose
        found: list[Finding] = []
        spaced, glued, bangs = _marks(text)
        found.extend(self._space_before(doc, text, spaced))
        # Scripts without spaces between words (Chinese, Japanese, Thai) need none after marks.
        found.extend(f for f in self._missing_after(doc, text, glued, bangs)
                     if not (spaceless(text[f.span.start - 1 if f.span.start else 0])
                             or spaceless(text[f.span.end - 1]) or _code_token(text, f.span)))
        if self.options.multiple_spaces:
            found.extend(self._runs(doc, text))
        if self.options.brackets:
            found.extend(self._brackets(text))
        if found:
            # Interactive sessions, literal blocks and lines of code: one filter over them all.
            code = merge(code_blocks(doc) + code_lines(doc))
            if code:
                found = [f for f in found if not in_code(code, f.span.start)]
        found.sort(key=lambda f: (f.span.start, f.span.end))
        return found

    # --- a space before punctuation ---------------------------------------------------------
    def _space_before(self, doc: Document, text: str, spaced: list[int]) -> Iterator[Finding]:
        n = len(text)
        for end in spaced:
            start = end - 1
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            if start == 0 or text[start - 1].isspace():
                continue  # nothing before it on its line: indentation
            mark = text[end]
            prev = text[start - 1]
            after = end + 1
            while after < n and text[after] in "!?" and mark in "!?":
                after += 1
            nxt = text[after] if after < n else ""
            if mark == "." and not self._orphan_stop(text, start, end, nxt):
                continue
            if mark == "." and _kept_apart(doc.text, start):
                continue  # a stop kept apart from a URL or a name, so as not to join it
            if mark in ":;!?" and not (nxt == "" or nxt.isspace() or nxt in _CLOSERS):
                continue  # an emoticon (:-) ;D) or a leading mark (:param)
            if mark in ":;" and nxt in ")]":
                continue  # an emoticon: :) ;]
            if mark == ":" and prev.isdigit() and text[end + 1 : end + 3].strip().isdigit():
                continue  # a ratio written with spaces (3 : 1)
            if mark == ":" and _defined_term(text, start):
                continue  # a parameter and its type or definition: "nargs : int", "fp    : file"
            if mark == ":" and _placeholder_before(text, start):
                continue  # command syntax: "(JOB_NAME : --location=LOCATION)"
            if end - start >= 2 and _same_column(doc, text, end):
                continue  # colons aligned in a column: '"fillcolor"  :  color-string'
            if nxt.isalpha():
                # Glued to the next word ("sat ,here"): the space moves to after the mark, in
                # one fix, rather than a deletion that a missing-space report must then follow.
                yield _finding(start, end + 1, f"Space before '{mark}'",
                               Edit.replace(start, end + 1, mark + " "), "move the space after it")
                continue
            yield _finding(start, end + 1, f"Space before '{mark}'", Edit.delete(start, end),
                           "remove the space")

    @staticmethod
    def _orphan_stop(text: str, start: int, end: int, nxt: str) -> bool:
        if text[start - 1] == "." or text.startswith(" .", end + 1) or nxt == ".":
            return False  # an ellipsis: "wait ...", ". . ."
        if nxt == "" or nxt.isspace() or nxt in _CLOSERS:
            return True
        # ".Los Angeles": a capitalised word after the dot starts a sentence; an all-lower or
        # all-capital one is a file type or a name (.mp3, .org, .NET, .DOC).
        return nxt.isupper() and text[end + 2 : end + 3].islower()

    # --- a missing space after punctuation --------------------------------------------------
    def _missing_after(
        self, doc: Document, text: str, glued: dict[str, list[int]], bangs: list[int]
    ) -> Iterator[Finding]:
        quotes: QuoteAnalysis | None = None
        data_lines: dict[int, bool] = {}
        for i in _found(glued[","], _COMMA, text):
            prev = text[i - 1] if i else ""
            nxt = text[i + 1]
            if nxt.isdigit() and not prev.isalpha():
                continue  # 1,000 and 2,45
            if nxt in "\"'":
                if quotes is None:
                    quotes = analyse(doc)
                if not _opens(quotes, i + 1):
                    continue  # a closing quote after the comma: "Hello,"
            if not prev or prev.isspace():
                continue
            if _data_line(doc, text, i, data_lines):
                continue  # keywords, CSV, options: python,testing,fuzzing
            if _identifier_beside(text, i, doc.text) or _compact_token(text, i):
                continue  # change ids, file names, hashes: I2d317c4b,I9e77f6db Android.mk,mips
            yield self._insert_after(i, "Missing space after ','")
        for i in _found(glued[";"], _SEMICOLON, text):
            head = text[max(0, i - 12) : i]
            amp = head.rfind("&")
            if amp >= 0 and head[amp + 1 :].lstrip("#").isalnum():
                continue  # an HTML entity (&amp; &#39;)
            yield self._insert_after(i, "Missing space after ';'")
        for i in _found(glued[":"], _COLON, text):
            if self._colon_ok(text, i) and not _name_pair(doc, text, i):
                yield self._insert_after(i, "Missing space after ':'")
        for i in _found(glued["."], _SENTENCE_TITLE, text):
            if _word_context_ok(text, i, 2) and not _identifier(text, i) and \
                    not _dotted_name(doc, text, i):
                yield self._insert_after(i, "Missing space after the end of a sentence")
        lower = _SENTENCE_LOWER.finditer(text) if self.options.lowercase_after_stop else ()
        for m in lower:
            i = m.start()
            word = _word_at(text, i + 1)
            if word.lower() not in _EXTENSIONS and _word_context_ok(text, i, 3):
                yield self._insert_after(i, "Missing space after the end of a sentence")
        # ! and ? are rare: the pattern is tried at each run of them, not searched for.
        for i in bangs:
            m = _EXCLAIM.match(text, i) if i and text[i - 1] not in "!?" else None
            if m is not None:
                yield _finding(m.start(), m.end() + 1, "Missing space after the end of a sentence",
                               Edit.insert(m.end(), " "), "insert a space")

    @staticmethod
    def _insert_after(i: int, message: str) -> Finding:
        return _finding(i, i + 2, message, Edit.insert(i + 1, " "), "insert a space")

    @staticmethod
    def _colon_ok(text: str, i: int) -> bool:
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        left = text[j:i]
        before = text[j - 1] if j else ""
        if before and not (before.isspace() or before in "(\"“‘'" or (
                before == "\0" and starts_line(text, j, "\0 \t"))):
            return False  # :pep:`8`, a::b, x/y:z, a masked region (not a Markdown lead)
        if left.lower() in _SCHEMES or text.startswith(":", i + 1):
            return False
        right = _word_at(text, i + 1)
        return len(right) >= 2 or text[i + 1] in "“‘"

    # --- runs of spaces --------------------------------------------------------------------
    def _runs(self, doc: Document, text: str) -> Iterator[Finding]:
        runs = _space_runs(text)
        if not runs:
            return
        double_ok: bool | None = None  # worked out when a run first needs it
        layout: dict[int, bool] = {}  # per line: are its runs of spaces layout?
        paragraph_ok: dict[int, bool] = {}  # per paragraph: is it double-spaced?
        cells: dict[int, tuple[int, int]] = {}  # per line: its first and last "|"
        for start, end in runs:
            if start == 0 or end == len(text) or text[end].isspace():
                continue  # indentation or trailing spaces, not a gap between words
            prev = text[start - 1]
            if prev.isspace():
                continue
            if not (prev.isalnum() or prev in ".,;:!?)]}\"'”’»…"):
                continue  # table rules, ASCII art, list bullets
            # The exemptions below are tried cheapest first: a sentence gap of a
            # double-spaced text needs no look at its line's layout.
            if end - start == 2 and _after_sentence(text, start):
                if double_ok is None:
                    double_ok = self.options.sentence_spacing == "auto" and _double_spaced(
                        text, runs)
                if not double_ok and self.options.sentence_spacing == "auto":
                    p = bisect.bisect_right(doc.paragraph_starts, start) - 1
                    para_ok = paragraph_ok.get(p)
                    if para_ok is None:
                        para_ok = paragraph_ok[p] = p >= 0 and _double_spaced_paragraph(
                            doc.paragraphs[p], text, runs)
                    if para_ok:
                        continue
                elif double_ok:
                    continue
            line = doc.line_of(start)
            is_layout = layout.get(line)
            if is_layout is None:
                is_layout = layout[line] = _layout_line(doc, text, line, runs)
            if is_layout or _before_address(text, start, end):
                continue
            if _aligned(doc, text, end):
                continue
            bars = cells.get(line)
            if bars is None:
                span = doc.line_span(line)
                bars = cells[line] = (text.find("|", span.start, span.end),
                                      text.rfind("|", span.start, span.end))
            if 0 <= bars[0] < start and bars[1] >= end:
                continue  # padding in a table row: a "|" before and after the run on its line
            if _ZIP_GAP.search(text, max(0, start - 11), min(len(text), end + 11)):
                continue  # the postal convention "Boston, MA  02110-1301  USA"
            if end - start == 2 and _ctime_pad(text, start, end):
                continue  # a date padded as ctime writes it: "Sun Nov  7", "Thu,  4 Jul"
            yield _finding(start, end, "Several spaces in a row", Edit.replace(start, end, " "),
                           "use one space")

    # --- brackets --------------------------------------------------------------------------
    def _brackets(self, text: str) -> Iterator[Finding]:
        # Brackets are rare: the patterns are tried at each one, not searched for.
        opening = offsets(text, "([{")
        n = len(text)
        for start in opening:
            m = _SPACE_AFTER_OPEN.match(text, start) if start + 1 < n and text[
                start + 1] in " \t" else None
            if m is None:
                continue
            end = m.end()
            if start and not (text[start - 1].isspace() or text[start - 1] == "\0"):
                continue
            if _label_line(text, start) or _spaced_pair(text, start):
                continue
            yield _finding(start, end, f"Space after '{text[start]}'",
                           Edit.delete(start + 1, end), "remove the space")
        for i in offsets(text, ")]}"):
            if not (i and text[i - 1] in " \t"):
                continue
            end = i + 1
            start = i - 1
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            if start == 0 or not (text[start - 1].isalnum()):
                continue
            if _label_line(text, i) or _spaced_pair(text, i):
                continue
            yield _finding(start, end, f"Space before '{text[end - 1]}'",
                           Edit.delete(start, end - 1), "remove the space")
        for i in opening:
            if text[i] == "(" and _GLUED_OPEN.match(text, i) is not None:
                yield _finding(i - 1, i + 1, "Missing space before '('", Edit.insert(i, " "),
                               "insert a space")


def _marks(text: str) -> tuple[list[int], dict[str, list[int]], list[int]]:
    """Offsets of the marks after a space or tab; per mark of ``_GLUED``, the offsets where its
    one-character pattern may match; the offsets of ! and ?."""
    spaced: list[int] = []
    glued: dict[str, list[int]] = {}
    n = len(text)
    for mark, pattern in _MARK_AT.items():
        near = glued[mark] = []
        ascii_next = _GLUED_ASCII[mark]
        for m in pattern.finditer(text):
            i = m.start()
            if i and text[i - 1] in " \t":
                spaced.append(i)
            if i + 1 < n and (text[i + 1] in ascii_next or text[i + 1] >= "\x80"):
                near.append(i)
    # ! and ? are rare: found by a find loop.
    bangs = offsets(text, "!?")
    spaced.extend(i for i in bangs if i and text[i - 1] in " \t")
    spaced.sort()
    return spaced, glued, bangs


def _found(candidates: list[int], pattern: regex.Pattern[str], text: str) -> Iterator[int]:
    """The candidates where ``pattern``, one character long, matches."""
    match = pattern.match
    for i in candidates:
        if match(text, i) is not None:
            yield i


_TERMS_LISTED = 4  # identifiers a numpydoc parameter line may list before its colon


def _kept_apart(orig: str, start: int) -> bool:
    """Does the space at ``start`` keep a stop off a token that a glued stop would seem to
    continue: a URL, an e-mail address, a path, or a dotted name such as a file name, a domain
    or a version number ("see https://x.org/a .", "zlib@gzip.org .", "t-size.c .",
    "to 4.5.0 .")?"""
    j = space_free_token(orig, start, start, 2000)[0]
    word = orig[j:start].rstrip("\"')]>")
    if "://" in word or word.startswith("www.") or "@" in word:
        return True
    if not any(c.isalpha() for c in word):
        return word.count(".") >= 2  # a version ("4.5.0 ."), not a number ("3.2 .", "24/7 .")
    if "/" in word:
        return True
    parts = word.split(".")
    # A dotted name (png.h, ftp.gnu.org), not an abbreviation written with stops (U.S .).
    return len(parts) > 1 and all(parts) and any(len(part) > 1 for part in parts)


def _placeholder_before(text: str, start: int) -> bool:
    """Is the word before ``start`` a placeholder or an identifier of code: with an underscore
    (BACKUP_SCHEDULE), or in capitals before an option (JOB : --location)?"""
    j = start
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
        j -= 1
    word = text[j:start]
    if "_" in word:
        return True
    # Capitals are a placeholder only before an option ("(JOB : --location=LOC)"): "NOTE :
    # This" and "the UN : the" are French spacing.
    after = text[start:].lstrip(" \t")[1:].lstrip(" \t")
    return len(word) >= 2 and word.isupper() and after.startswith("-")


def _defined_term(text: str, start: int) -> bool:
    """Is the run of spaces at ``start`` (before a colon) preceded by a lower-case identifier
    (or up to four, separated by ", ") that alone begins its line, after indentation or a
    bullet: a parameter and its type (numpydoc) or a definition list, "nargs : int",
    "* default : object", "encoding, errors : str"? A capitalised word
    ("Note : the office", "Paris : the mayor") is French spacing. Read backwards from the
    colon, so that a long line costs no more than its first word."""
    end = start
    for _ in range(_TERMS_LISTED):
        j = end
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_."):
            j -= 1
        if j == end or not (text[j].islower() or text[j] == "_"):
            return False
        # Several parameters described together: "encoding, errors : the codec to use".
        k = j - 1 if j > 1 and text[j - 1] == " " and text[j - 2] == "," else j
        if k == j or text[k - 1] != ",":
            break
        end = k - 1
    # After indentation or a bullet (in Markdown both are masked: NUL leads too).
    return starts_line(text, j, " \t\0-*+•")


# Prose items of a list have more words, and a sentence ends with a stop.
_ITEM_WORDS = 3
_PROSE_END = re.compile(r"[.!?][\"'’”)\]]*\s*$")


def _data_line(doc: Document, text: str, i: int, seen: dict[int, bool]) -> bool:
    """The comma at ``i`` is on a line of data: three items or more, no space after any comma,
    no item of more than three words, no stop at the end (keywords, CSV rows, options:
    ``Keywords: file,lock,synchronization``). Prose that lost its spaces ("However,the
    results,which were published in May,were late.") has longer items and ends in a stop.
    ``seen`` keeps the answer per line, so that a long line is read once."""
    line = doc.line_of(i)
    got = seen.get(line)
    if got is None:
        span = doc.line_span(line)
        body = text[span.start : span.end]
        got = body.count(",") >= 2 and ", " not in body and ",\t" not in body and \
            not _PROSE_END.search(body) and \
            all(item.count(" ") < _ITEM_WORDS for item in body.split(","))
        seen[line] = got
    return got


def _opens(quotes: QuoteAnalysis, pos: int) -> bool:
    mark = quotes.at(pos)
    return mark is not None and mark.role == OPENER


def _word_at(text: str, i: int) -> str:
    j = i
    while j < len(text) and text[j].isalpha():
        j += 1
    return text[i:j]


def _word_context_ok(text: str, i: int, min_left: int) -> bool:
    """The word before the dot at ``i`` stands alone (not a.b.c, a_b, path/x.y or masked)."""
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    if i - j < min_left:
        return False
    before = text[j - 1] if j else ""
    if before and before in "._/\\@\0#$%&=+~":
        return False
    k = i + 1
    while k < len(text) and text[k].isalpha():
        k += 1
    after = text[k] if k < len(text) else ""
    if after == ".":
        # "hill.Mr. Beebe" is a sentence; "a.b.c" is a dotted name.
        return not (k + 1 < len(text) and text[k + 1].isalnum())
    return not (after and after in "_/\\@\0(=[:#")


# Top-level domains, written with a capital in company names (Newsfeeds.Com, Us.Net).
_DOMAINS = wordset("com org net edu gov int mil info biz")
# A word at least this frequent in English may start a sentence glued to the last one (".The",
# ".It", ".However"); after a name of code a rarer one is the name's member (binascii.Error).
SENTENCE_START_ZIPF = 5.5
# Rarer than this in English, a lower-case word glued to a stop is a name (binascii, doctest);
# in a document that writes code, one rarer than CODE_WORD_ZIPF is (pdb, csv), where a common
# word ("The tool is fast.Users like it") ends a sentence glued to the next.
IDENTIFIER_ZIPF = 1.0
CODE_WORD_ZIPF = 2.5
_OPENERS = "\"'`‘“([{<"
_WRAPPERS = {**QUOTE_CLOSERS, "(": ")", "[": "]"}


def _dotted_name(doc: Document, text: str, i: int) -> bool:
    """Is the stop at ``i`` inside a name rather than between two sentences: a domain written
    with a capital (Newsfeeds.Com), a token that quotes or brackets hold whole ('typing.Any',
    (pdb.Pdb)), or a name of code (see _code_word) before a word that rarely starts a sentence
    (binascii.Error)?"""
    word = _word_at(text, i + 1)
    after = i + 1 + len(word)
    if word.lower() in _DOMAINS and not (text.startswith(" ", after) and
                                         text[after + 1 : after + 2].islower()):
        return True  # (".Net revenue fell" is a sentence)
    j, k = space_free_token(text, i, i + 1, _TOKEN_REACH)
    token = text[j:k].rstrip(".,;:!?")
    if len(token) > 2 and _WRAPPERS.get(token[0]) == token[-1]:
        return True
    left = text[j:i].lstrip(_OPENERS)
    if not left.islower():
        return False
    return _code_word(doc, left) and not _starts_sentence(word)


def _name_pair(doc: Document, text: str, colon: int) -> bool:
    """Is the colon at ``colon`` inside a name rather than after a label: a token with two
    colons or more (HH:MM:SS, ffff:ffff::1), or, in a document that writes code, a name of code
    (see _code_word) and a lower-case word that rarely starts a clause (fname:lineno)?"""
    j, k = space_free_token(text, colon, colon + 1, _TOKEN_REACH)
    if text.count(":", j, k) >= 2:
        return True
    left = text[j:colon].lstrip(_OPENERS)
    right = _word_at(text, colon + 1)
    return left.islower() and right.islower() and writes_code(doc) and _code_word(doc, left) \
        and not _starts_sentence(right)


def _code_word(doc: Document, left: str) -> bool:
    """Is the lower-case word before a glued stop or colon a name of code: one English text
    hardly writes (binascii), or, in a document that writes code, a rare one or one it writes
    in code (pdb, `re`)? A common word ends a sentence: "The tool is fast.Users like it"."""
    zipf = _english_zipf(left)
    return zipf < IDENTIFIER_ZIPF or (writes_code(doc) and (
        zipf < CODE_WORD_ZIPF or left.casefold() in code_words(doc)))


def _starts_sentence(word: str) -> bool:
    return _english_zipf(word) >= SENTENCE_START_ZIPF


def _english_zipf(word: str) -> float:
    from textlint.lexicon import load_lexicon  # only for the few glued marks

    return load_lexicon().zipf(word, "en")


def _identifier(text: str, i: int) -> bool:
    """``Console.WriteLine``, ``System.IO``: the word after the dot has a capital inside."""
    k = i + 2
    while k < len(text) and text[k].isalpha():
        if text[k].isupper():
            return True
        k += 1
    return False


_CODE_CHARS = frozenset("/\\=@_#&<>{}|$%^~*+`[]")
# A day of the month padded to two columns after a month's or a weekday's abbreviation, as
# ctime and date(1) write it (ChangeLog headers: "Sun Nov  7 13:09:44 1993").
_CTIME_PAD = re.compile(r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|"
                        r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),)  \d(?!\d)")


def _ctime_pad(text: str, start: int, end: int) -> bool:
    m = _CTIME_PAD.search(text, max(0, start - 4), min(len(text), end + 2))
    return m is not None and m.end() == end + 1


# Two spaces around a US ZIP code, as the postal convention writes an address.
_ZIP_GAP = regexcache.compile(r"\b[A-Z]{2}  \d{5}(?:-\d{4})?\b|\b\d{5}(?:-\d{4})?  [A-Z]{2,3}\b")


def _code_token(text: str, span: Span) -> bool:
    """The space-free token around ``span`` holds characters that prose words do not (a URL
    left unmasked, a path, a query string, code): "article?id=10", "a/b,c", "x=1;y=2"."""
    start, end = space_free_token(text, span.start, span.end, 80)
    return not _CODE_CHARS.isdisjoint(text[start:end])


# A line's first token that ends in one of these is a term with its definition after it
# ("%f  Family name", "2021-08-11  Jane Doe  <jane@example.org>", "Date:   Mon"), not the first
# word of a sentence: digits and the characters of options, paths, labels and placeholders.
# A time of day or a year before a line's last gap: a log or ChangeLog header's columns.
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:1[89]|20)\d{2}\b")
_TERM_CHARS = frozenset("%/._=@#$*+<>:")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOSING_TAIL = "\"'”’)»"


def _layout_line(doc: Document, text: str, line: int, runs: list[tuple[int, int]]) -> bool:
    """Are the runs of spaces on this line layout: a term and its definition (the first gap
    follows a first token holding digits or code characters), or a justified line (two gaps
    or more, and as long as the line above or below it)?"""
    span = doc.line_span(line)
    body = _line_text(doc, text, line)
    # (Markdown masks a list item's or block's indentation: \0 leads too.)
    lead = len(body) - len(body.lstrip(" \t\0"))
    if body[lead : lead + 2] in _BULLETS:
        if body.startswith("  ", lead + 1):
            return True  # a bullet set off by a wide gap: "o  Large file support"
        lead += 2  # the term after a bullet: "* unix/tkAppInit.c:      Many clean-ups"
    first = body.find("  ", lead)
    if first < 0:
        return False
    if _PIPE_CELL.search(body) or (_columnar(body[lead:]) and any(
            _columnar(other.lstrip(" \t\0")) for other in _neighbours(doc, text, line))):
        return True  # a table's row, or a diffstat line ("ChangeLog  | 5 +++++")
    head = body[lead:].split(" ", 1)[0]
    if len(head) > 1 and head[0] == "-" and (head[1].isalnum() or head[1] == "-"):
        return True  # a command-line option and its description: "-r, --repo REPO  the repo"
    if body.endswith((">", ")")) and body[-2:-1] == "\0" and \
            _TIMESTAMP.search(body, lead, body.rfind("  ") + 1):
        # A dated header or copyright line: "Wed May 12 13:09:44 1993  Ian Taylor  (ian@...)",
        # "Copyright (c) 2002, 2007  Bo Thorsen <bo@suse.de>".
        return True
    token = body[lead:first].rstrip(_CLOSING_TAIL)
    # (A token that ends a sentence is followed by a sentence gap: "PEP-able.  Posting".)
    if token and " " not in token and token[-1] not in ".!?," and (
            any(c in _TERM_CHARS for c in token) or _DATE.fullmatch(token)
            or (body.startswith("   ", first) and any(
                _TERM_LINE.match(other) for other in _neighbours(doc, text, line)))):
        # A term and its definition: "%f  Family name", "2021-08-11  Jane Doe", and one word
        # set off by three spaces or more beside a line of the same shape (a definition
        # list: "display    Specifies the connection" / "ncolors    Specifies the number").
        return True
    k = bisect.bisect_left(runs, (span.start + lead, 0))
    gaps = 0
    while k < len(runs) and runs[k][1] < span.start + len(body):
        gaps += 1
        k += 1
    if gaps < 2:
        return False
    return any(len(other) == len(body) for other in _neighbours(doc, text, line))


_PAIRS = {"(": ")", "[": "]", "{": "}"}
_BULLETS = frozenset(("* ", "- ", "+ ", "o ", "• "))
# A line that begins (after its indentation) with one token and a wide gap.
_TERM_LINE = re.compile(r"[ \t\0]*[^\s\0]+ {2,}\S")
_WIDE = re.compile(r" {2,}")
# A cell rule beside a wide gap: "ChangeLog    | 7 +++", "| a  | b |" ("Posted by Admin | The"
# is a page's furniture line, whose other gaps are the scraper's).
_PIPE_CELL = re.compile(r" {2,}\| | \| {2,}")
_CELL_WORDS = 3


def _line_text(doc: Document, text: str, line: int) -> str:
    span = doc.line_span(line)
    return text[span.start : span.end].rstrip(" \t\r")


def _neighbours(doc: Document, text: str, line: int) -> list[str]:
    """The lines above and below ``line`` (those there are), as ``_line_text`` gives them."""
    return [_line_text(doc, text, other) for other in (line - 1, line + 1)
            if 0 <= other < len(doc.line_starts)]


def _columnar(body: str) -> bool:
    """Is the line (without its lead) three cells or more apart by wide gaps, each cell but
    the last (a description) of at most _CELL_WORDS words: a row of a table ("1     CARD8
    opcode", "4     CARD32          value, mask of the following bits:")?"""
    cells = _WIDE.split(body)
    # A gap of three spaces or a cell with a digit: prose whose every space a scraper doubled
    # ("Officials  said  on Tuesday that") has neither.
    return len(cells) >= 3 and all(cell.count(" ") < _CELL_WORDS for cell in cells[:-1]) and (
        "   " in body or any(c.isdigit() for c in body))


def _before_address(text: str, start: int, end: int) -> bool:
    """Does a masked address (or one in angle brackets) follow the gap ending at ``end`` and
    end its line: "Andrew Stubbs   <ams@example.com>", "Thomas      metaf4@example.org"?"""
    k = end + 1 if text.startswith("<\0", end) else end
    if not text.startswith("\0", k):
        return False
    j = start
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j == start or not text[j].isupper():
        return False  # a name before the gap, not a sentence: "Contact us at  info@…"
    while k < len(text) and text[k] == "\0":
        k += 1
    if k < len(text) and text[k] in ">)":
        k += 1
    return k == len(text) or text[k] in "\r\n"


# How far the bracket checks look for the rest of a line or a partner: a label or a shell
# test is short, and a search to the end of a long line for every bracket took quadratic time.
_BRACKET_REACH = 200


def _label_line(text: str, at: int) -> bool:
    """Is the bracket at ``at`` one of a pair that holds its whole line, spaced inside on both
    sides as a label is ("  [ Jane Doe ]" in a Debian changelog)? One space alone is a slip:
    "(Hat Tip: Captains Quarters )"."""
    around = line_around(text, at, at, _BRACKET_REACH)
    if around is None:
        return False  # a long line: no label
    line = text[around[0] : around[1]].strip(" \t\r\0")
    return len(line) > 4 and _PAIRS.get(line[0]) == line[-1] and line[1] == line[-2] == " " \
        and line[0] not in line[1:-1] and line[-1] not in line[1:-1]


def _shell_like(inside: str) -> bool:
    """A shell test or a synopsis inside spaced brackets: an option, a variable, a pipe or an
    assignment ("[ -e file ]", "[ -h, --help ]", "{ x=1 }"), not "[ 2 ]"."""
    body = inside.strip()
    return body.startswith("-") or any(c in body for c in "$=|")


def _spaced_pair(text: str, at: int) -> bool:
    """Is the square or curly bracket at ``at`` one of a pair on one line spaced inside on both
    sides: a shell test or a synopsis (``[ -e file ]``, ``[ -h, --help ]``), code (``{ x }``)?
    A round pair spaced so is left to the other checks: "( foo )" is a slip in prose."""
    c = text[at]
    if c in "[{":
        close = text.find(_PAIRS[c], at + 1, at + _BRACKET_REACH)
        newline = text.find("\n", at + 1, max(close, at + 1))
        return close > at + 2 and newline < 0 and \
            text[at + 1] == " " and text[close - 1] == " " and _shell_like(text[at + 1 : close])
    if c in "]}":
        opener = "[" if c == "]" else "{"
        open_at = text.rfind(opener, max(0, at - _BRACKET_REACH), at)
        newline = text.rfind("\n", max(0, open_at), at)
        return open_at >= 0 and open_at > newline and at - open_at > 2 and \
            text[open_at + 1] == " " and text[at - 1] == " " and \
            _shell_like(text[open_at + 1 : at])
    return False


def _space_runs(text: str) -> list[tuple[int, int]]:
    """Start and end of every run of two spaces or more. A find loop: the C-level search for
    two spaces is faster than the regular expression's."""
    out: list[tuple[int, int]] = []
    find = text.find
    n = len(text)
    i = find(_RUN)
    while i >= 0:
        j = i + 2
        while j < n and text[j] == " ":
            j += 1
        out.append((i, j))
        i = find(_RUN, j)
    return out


# So many sentences followed by two spaces, and at least a fifth of all, are the writer's
# habit: a manual or a licence, pasted together from several hands.
DOUBLE_HABIT = 5


def _double_spaced(text: str, runs: list[tuple[int, int]]) -> bool:
    """Are sentences followed by two spaces at least three times, and at least half as often as
    by one? (The gap is described above ``_GAP_CLOSERS``.) Two spaces are a run of exactly two,
    found already; one space is searched for only when there are three such runs, one pattern
    per sentence end, as a search led by one character is far faster than by a class."""
    twos = 0
    for start, end in runs:
        if end - start == 2 and _GAP_NEXT.match(text, end) and _after_mark(text, start):
            twos += 1
    if twos < 3:
        return False
    ones = sum(len(pattern.findall(text)) for pattern in _ONE_SPACE_GAPS)
    if twos >= DOUBLE_HABIT and 4 * twos >= ones:
        return True  # a habit of the document, or of a part of it (a licence, a manual)
    return 2 * twos >= ones


_TOKEN_REACH = 100  # characters a comma's token is read each way (a long run is not prose)


def _compact_token(text: str, comma: int) -> bool:
    """Is the comma inside a token without spaces that is code or a label: a call's arguments
    (toCharArray(InputStream,encoding)), a list in brackets ((bf,cs,hu,nb)), or labels before
    a colon (* win,nfc: use)?"""
    j, k = space_free_token(text, comma, comma + 1, _TOKEN_REACH)
    token = text[j:k].rstrip(".,;!?")
    if token.endswith(":") and token.count(":") == 1:
        return True
    opened = token.rfind("(", 0, comma - j)
    if opened >= 0 and ")" in token[comma - j :]:
        if opened > 0 and (token[opened - 1].isalnum() or token[opened - 1] == "_"):
            return True  # a call: f(a,b)
        # A list of codes ((bf,cs,hu,nb)), not of words ((Paris,Rome)).
        inside = token[opened + 1 : token.find(")", opened)]
        return all(len(item) <= 3 for item in inside.split(","))
    return False


def _identifier_beside(text: str, comma: int, orig: str) -> bool:
    """Is the word before or after the comma at ``comma`` an identifier: letters and digits
    mixed (I2d317c4b, r15, utf8), a file name (Android.mk, or one the document masked), a
    path or a snake_case name? (``orig``, the text before masking, tells a Markdown line's
    masked bullet from masked code.)"""
    lo, hi = max(0, comma - _TOKEN_REACH), min(len(text), comma + _TOKEN_REACH)
    j = comma
    while j > lo and not text[j - 1].isspace() and text[j - 1] != ",":
        j -= 1
    k = comma + 1
    while k < hi and not text[k].isspace() and text[k] != ",":
        k += 1
    lead = j
    while lead < comma and text[lead] == "\0" and orig[lead] in _LIST_LEAD:
        lead += 1  # a bullet or indentation that Markdown masks: "- Paris,Rome"
    if lead > j and not starts_line(text, j, " \t"):
        lead = j
    kinds = [_identifier_kind(word.strip("\"'“”‘’()[]{}:;.!?"))
             for word in (text[lead:comma], text[comma + 1 : k])]
    # A path, a snake_case or file name, or masked code beside the comma is enough; letters
    # mixed with digits must stand on both sides (I2d317c4b,I9e77f6db): "COVID-19,the" is prose.
    return "strong" in kinds or kinds == ["mixed", "mixed"]


_LIST_LEAD = frozenset(" \t-*+>")


def _identifier_kind(core: str) -> str:
    if "/" in core or "_" in core or "\0" in core or _FILE_NAME.fullmatch(core):
        return "strong"
    if any(c.isdigit() for c in core) and any(c.isalpha() for c in core):
        return "mixed"
    return ""


# A file name: a name, a dot and a short lowercase extension (Android.mk, CMakeLists.txt; not
# the typo Mc.Donalds).
_FILE_NAME = re.compile(r"[\w-]+\.[a-z0-9]{1,4}")


def _double_spaced_paragraph(para: Span, text: str, runs: list[tuple[int, int]]) -> bool:
    """In a document that mixes one and two spaces after sentences (a licence pasted into a
    README, man pages), is the paragraph holding ``at`` double-spaced: two of its sentences or
    more followed by two spaces, and more than by one?"""
    k = bisect.bisect_left(runs, (para.start, 0))
    twos = 0
    while k < len(runs) and runs[k][0] < para.end:
        start, end = runs[k]
        if end - start == 2 and _GAP_NEXT.match(text, end) and _after_mark(text, start):
            twos += 1
        k += 1
    ones = sum(len(p.findall(text, para.start, para.end)) for p in _ONE_SPACE_GAPS)
    return twos >= 2 and twos > ones  # one pair of sentences is no habit ("One.  Two.")


def _after_mark(text: str, start: int) -> bool:
    """A sentence end, perhaps followed by closing marks, right before ``start``."""
    k = start
    while k > 0 and text[k - 1] in _GAP_CLOSERS:
        k -= 1
    return k > 0 and text[k - 1] in ".!?"


def _after_sentence(text: str, start: int) -> bool:
    """After the end of a sentence, a closing bracket or a broken-off sentence ("--")."""
    k = start
    while k > 0 and text[k - 1] in "\"'’”»":
        k -= 1
    return k > 0 and text[k - 1] in ".!?:)]-—–"


def _same_column(doc: Document, text: str, at: int) -> bool:
    """Does the line above or below hold the same mark as ``text[at]`` in the same column
    (a table or an aligned listing, not French spacing, which puts one space)?"""
    line = doc.line_of(at)
    column = at - doc.line_starts[line]
    for other in (line - 1, line + 1):
        if 0 <= other < len(doc.line_starts):
            span = doc.line_span(other)
            if span.start + column < span.end and text[span.start + column] == text[at]:
                return True
    return False


def _aligned(doc: Document, text: str, col_start: int) -> bool:
    """Is the word after a run of spaces aligned with a column in the line above or below?"""
    line = doc.line_of(col_start)
    column = col_start - doc.line_starts[line]
    for other in (line - 1, line + 1):
        if not 0 <= other < len(doc.line_starts):
            continue
        span = doc.line_span(other)
        at = span.start + column
        # (A Markdown line's masked indentation is NUL: its lead counts as spaces. Counted from
        # the line's start, not by copying it up to the column: a line may be megabytes long.)
        lead, stop = span.start, min(at, span.end)
        while lead < stop and text[lead] == "\0":
            lead += 1
        if span.start < at < span.end and text[at] not in " \0" and (
                text[at - 1] == " " or at - 1 < lead) and (
                at - 2 < span.start or text[at - 2] == " " or at - 2 < lead):
            return True
    return False


CHECK = PunctuationSpacing
