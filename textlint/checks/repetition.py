"""Doubled words and phrases ("the the", "at the end at the end"), across one line break."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from operator import eq, itemgetter

import regex

from textlint import regexcache
from textlint.checks._layout import code_blocks, holds_columns, in_code, indented_prose
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document, Token, WordView
from textlint.lexicon import word_texts


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Between words of a repetition: one or two spaces, or one line break (CRLF too) with its
# indentation. A tab or a run of three spaces within a line separates table columns
# ("Paris\tParis", "root     root"), not words of a sentence.
_GAP = re.compile(r"[ \u00a0]{1,2}|[ \t\u00a0]*\r?\n[ \t\u00a0]*")
# A word glued to one of these belongs to a path, handle, domain or dotted name (E.ON on).
_GLUE_BEFORE = frozenset(".@/\\_#:")
_GLUE_AFTER = frozenset("@/\\_")
_MAX_PHRASE = 6
_BLOCK_BREAK = re.compile(r"\n[ \t\r\0]*\n")
def _firsts(prose: str, starts: list[int]) -> str:
    """The first character of every word (``starts``: where the words start), in C."""
    if len(starts) < 2:
        return "".join(prose[k] for k in starts)
    return "".join(itemgetter(*starts)(prose))


def _ones(eqs: bytes, n: int) -> list[int]:
    """Every index where ``n`` consecutive bytes of ``eqs`` are 1 (overlapping runs too)."""
    return _runs(eqs, 1, n)


def _runs(data: bytes, value: int, n: int) -> list[int]:
    """Every index where ``n`` consecutive bytes of ``data`` are ``value`` (overlapping runs
    too)."""
    out = []
    run = bytes([value]) * n
    k = data.find(run)
    while k != -1:
        out.append(k)
        k = data.find(run, k + 1)
    return out


def _long_repeats(lows: list[str], phrase_lengths: Iterable[int]) -> list[int]:
    """Every index k where, for an n in ``phrase_lengths``, words k..k+n-1 equal the n words
    after them. Lengths are compared first, all in C: they go into one big integer, a byte a
    word, and an XOR with itself shifted by n words leaves a zero byte where two agree. Only
    the few runs of n agreeing lengths are compared word by word."""
    try:
        lengths = bytes(map(len, lows))
    except ValueError:  # a word of 256 characters or more: compare the words themselves
        out: list[int] = []
        for n in phrase_lengths:
            out += _ones(bytes(map(eq, lows, islice(lows, n, None))), n)
        return out
    whole = int.from_bytes(lengths, "little")
    out = []
    for n in phrase_lengths:
        # Past the last n words the XOR keeps a length, never zero: only pairs that exist agree.
        diff = (whole ^ (whole >> (8 * n))).to_bytes(len(lengths), "little")
        if diff.count(bytes(n)) * 8 * n > len(diff):
            # Lengths agree all over (a text of one word again and again): the words are
            # compared in one pass instead.
            out += _ones(bytes(map(eq, lows, islice(lows, n, None))), n)
        else:
            out += [k for k in _runs(diff, 0, n) if lows[k : k + n] == lows[k + n : k + 2 * n]]
    return out


# A first letter's byte (Latin-1, "?" for any other character) -> 0 where it may be a capital,
# 1 where it is not one.
_NOT_CAPITAL = bytes(0 if chr(b).isupper() or chr(b) == "?" else 1 for b in range(256))


def _fills_its_line(prose: str, start: int, end: int) -> bool:
    """Is ``prose[start:end]`` all there is on its line, but for indentation, masked markup
    (a list or heading marker) and trailing spaces?"""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", end)
    line_end = len(prose) if line_end < 0 else line_end
    return not prose[line_start:start].strip(" \t\0") and \
        not prose[end:line_end].strip(" \t\r\0")


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _identifier_pair(a: str, b: str) -> bool:
    """Are two copies of a word written otherwise beyond the first letter, one of them with
    a capital inside a lower-case run (GlyphSet glyphset, ShmSeg shmseg)?"""
    return a[1:] != b[1:] and bool(_INNER_CAPITAL.search(a) or _INNER_CAPITAL.search(b))


def _partial_shape(texts: Sequence[str], k: int) -> bool:
    """Could words k..k+2 (``texts``: the words' texts) be a capitalised A B A (what
    ``_partial`` needs before anything)?"""
    a = texts[k]
    return a == texts[k + 2] and a[:1].isupper() and texts[k + 1][:1].isupper()


# Words of an idiom, read only when a doubled word might begin one.
@cache
def _idiom_word() -> regex.Pattern[str]:
    return regexcache.compile(r"[\p{L}\p{M}\p{N}'’\-]+", regex.V1)


_CONNECTORS = frozenset({"and", "or", "by", "after", "to", "upon", "for", "over", "in"})

_DEFAULT_PAIRS = ["had", "that", "do"]
_DEFAULT_REDUPLICATIONS = [
    # laughter, interjections, sounds
    "ha", "hah", "haha", "he", "hee", "ho", "hoo", "la", "bla", "blah", "yada", "ta", "tut",
    "tsk", "ah", "oh", "uh", "er", "um", "hm", "hmm", "mm", "mmm", "no", "yes", "yeah", "yo",
    "bye", "hi", "wow", "etc", "boo", "beep", "bang", "boom", "knock", "tick", "tock", "choo",
    "chop",
    "cha", "rah", "pom", "dum", "doo", "dee", "woof", "meow", "quack", "night", "now", "there",
    "well", "so", "go", "hush", "pooh", "tom", "bon", "wait", "run", "come", "please", "okay",
    "ok", "stop", "hey", "yay", "woo", "yum", "bam", "aye", "goody", "ylang", "mahi", "din",
    "wee", "poo", "pee", "ba", "chin", "bling", "puff", "toot", "murmur", "mwah",
    # emphatic intensifiers ("far far away", "a long long time ago")
    "far", "very", "really", "much", "many", "long", "way", "more", "big", "little", "teeny",
    "tiny",
]
_DEFAULT_IDIOMS = ["hip hip hooray", "hip hip hurrah", "hip hip hurray", "sing sing",
                   "can can", "pago pago", "wagga wagga", "baden baden", "bora bora"]
# Words that are both a noun and a modal verb: "The can can hold", "May may come".
_MODAL_NOUNS = frozenset({"can", "will", "may", "must", "might"})
_DETERMINERS = _wordset(
    "the a an this that these those my your his her its our their every each no any some"
)
_PARTICLES = _wordset("in on out up off over down by")
_OBJECT_PRONOUNS = _wordset("it them him her me us you this that")
_FUNCTION_WORDS = _wordset(
    """a an the and or but of to in on at by for with from as is are was were be been it its
    i you he she we they this that these those not no so if then than my your his her our
    their me him us them do does did have has had will would can could may might must shall
    should"""
)


@dataclass(frozen=True)
class RepetitionOptions:
    # Words whose doubling is grammatical ("had had", "that that"); three copies are still
    # reported.
    allowed_pairs: list[str] = field(default_factory=lambda: list(_DEFAULT_PAIRS))
    # Words repeated on purpose ("ha ha", "bye bye", "far far away"), any number of times.
    reduplications: list[str] = field(default_factory=lambda: list(_DEFAULT_REDUPLICATIONS))
    # Fixed expressions containing a doubled word ("hip hip hooray").
    idioms: list[str] = field(default_factory=lambda: list(_DEFAULT_IDIOMS))
    # Report repeated phrases of two to six words as well as single words.
    phrases: bool = True
    # A doubled capitalised word rarer than this (wordfreq Zipf scale) is taken for a name
    # ("Walla Walla", "Duran Duran"); common ones ("May May", "The The") are reported.
    name_max_zipf: float = 4.0
    # Report a two-word name begun again after itself ("the United States United").
    partial: bool = True
    partial_message: str = "“{word}” begins “{name}” again: a partial repetition"


class Repetition(Check):
    Options = RepetitionOptions
    PARAMS = frozenset(("word", "copies"))

    def __init__(self, options: RepetitionOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        self._pairs = frozenset(w.lower() for w in options.allowed_pairs)
        self._redup = frozenset(w.lower() for w in options.reduplications)
        self._idioms: dict[str, list[list[str]]] = {}
        for idiom in options.idioms:
            words = idiom.lower().split()
            if words:
                self._idioms.setdefault(words[0], []).append(words)

    def check(self, doc: Document) -> Iterable[Finding]:
        # Tokens are made only for the blocks that hold a candidate.
        words = WordView(doc.word_columns)
        starts = doc.word_columns[0]
        # The texts of the words are shared with the other rules that read words.
        texts = word_texts(doc)[0]
        lows: list[str] | None = None
        # Lower case keeps the length of every character but İ (U+0130), which lowers to two.
        candidates = self._length_candidates(texts, _firsts(doc.prose, starts)) \
            if "\u0130" not in doc.prose else None
        if candidates is None:
            lows = list(map(str.lower, texts))
            candidates = self._candidates(texts, lows)
        if not candidates:
            return
        # (Markdown's masked indentation reads as spaces: "when the\n  the index".)
        prose = indented_prose(doc)
        # Repetitions never cross a blank line, nor a Markdown heading's line ends (a heading
        # does not wrap: "# Welcome to the\nthe next part" is two blocks): each block of text
        # is judged on its own.
        cuts = [m.span() for m in _BLOCK_BREAK.finditer(prose)]
        if doc.format == "markdown":
            from textlint.formats.markdown import heading_lines  # (only Markdown needs it)

            # (Zero-width cuts at the start and the end of each heading line.)
            cuts = sorted(cuts + [(at, at) for h in heading_lines(doc.text)
                                  for at in (h.start, h.end)])
        block_starts = [0, *(b for _, b in cuts)]
        block_ends = [*(a for a, _ in cuts), len(prose)]
        # Interactive sessions and literal blocks of a plain text are code: looked up only
        # when something is found.
        blocks: list[Span] | None = None
        k = 0
        while k < len(candidates):
            b = bisect.bisect_right(block_starts, starts[candidates[k]]) - 1
            start, end = block_starts[b], block_ends[b]
            lo = bisect.bisect_left(starts, start)
            hi = bisect.bisect_left(starts, end, lo)
            stop = bisect.bisect_left(candidates, hi, k)
            here = [j - lo for j in candidates[k:stop]]
            k = stop
            block_lows = list(map(str.lower, texts[lo:hi])) if lows is None else lows[lo:hi]
            found = list(self._scan(prose, words[lo:hi], block_lows, here))
            if found:
                if blocks is None:
                    blocks = code_blocks(doc)
                yield from (f for f in found if not (blocks and in_code(blocks, f.span.start)))

    def _candidates(self, texts: Sequence[str], lows: list[str]) -> list[int]:
        """Indices of the words where a repetition that ``_scan`` can report might begin: a
        word equal to the next one, n words equal to the n after them (n <= 6), or a
        capitalised A B A. Equality is tested a whole document at a time, in C."""
        found = _ones(bytes(map(eq, lows, islice(lows, 1, None))), 1)
        if self.options.phrases:
            shifted = bytes(map(eq, lows, islice(lows, 2, None)))
            found += _ones(shifted, 2)
            if self.options.partial:
                # Read from the texts: no Token is made for the many "the X the".
                found += [k for k in _ones(shifted, 1) if _partial_shape(texts, k)]
            found += _long_repeats(lows, range(3, _MAX_PHRASE + 1))
        return sorted(set(found))

    def _length_candidates(self, texts: Sequence[str], firsts: str) -> list[int] | None:
        """``_candidates`` without lower-casing every word, for text without İ (``firsts``: the
        first character of every word). There lower case keeps every length and lowers a first
        letter as it lowers it alone, so words equal but for case have equal lengths and first
        letters equal but for case, and only the words whose lengths and first letters agree
        (one big-integer XOR per shift, in C) are lower-cased and compared. None when lengths
        agree nearly everywhere or a word is too long for a byte: the plain way is then faster,
        or the only one."""
        try:
            lengths = bytes(map(len, texts))
        except ValueError:
            return None
        size = len(lengths)
        lens = int.from_bytes(lengths, "little")
        # A first letter beyond Latin-1 reads as "?": it only lets more pairs through. (Lowered
        # before the encoding: the Kelvin sign lowers to k.)
        heads = int.from_bytes(firsts.lower().encode("latin-1", "replace"), "little")
        longest = _MAX_PHRASE if self.options.phrases else 1
        diffs = [((lens ^ (lens >> (8 * n))) | (heads ^ (heads >> (8 * n))))
                 .to_bytes(size, "little") for n in range(1, longest + 1)]
        if diffs[0].count(0) * 4 > size:
            return None
        low = str.lower
        found = [k for k in _runs(diffs[0], 0, 1) if low(texts[k]) == low(texts[k + 1])]
        if self.options.phrases:
            if self.options.partial:
                # A B A needs A written the same twice and A and B capitalised: a zero byte
                # where the lengths and first letters of words k and k + 2 agree and words k
                # and k + 1 may begin with a capital.
                exact = firsts.encode("latin-1", "replace")
                same = int.from_bytes(exact, "little")
                lower = int.from_bytes(exact.translate(_NOT_CAPITAL), "little")
                shape = ((lens ^ (lens >> 16)) | (same ^ (same >> 16)) | lower | (lower >> 8))
                found += [k for k in _runs(shape.to_bytes(size, "little"), 0, 1)
                          if _partial_shape(texts, k)]
            for n, diff in enumerate(diffs[1:], 2):
                if diff.count(bytes(n)) * 8 * n > size:
                    return None
                # The first words decide most runs: only those that agree are compared whole.
                found += [k for k in _runs(diff, 0, n)
                          if low(texts[k]) == low(texts[k + n]) and
                          list(map(low, texts[k : k + n])) ==
                          list(map(low, texts[k + n : k + 2 * n]))]
        return sorted(set(found))

    def _scan(self, prose: str, toks: list[Token], lows: list[str] | None = None,
              starts: Sequence[int] | None = None) -> Iterable[Finding]:
        """The repetitions in a block of words (``lows``: their lower-case forms), where
        ``starts`` holds every index at which one can begin (by default every index). Each
        word is compared with the two latest earlier occurrences of it, up to a phrase length
        back; a repeated phrase may hold its first word twice ("the cat and the dog the cat and
        the dog")."""
        if lows is None:
            lows = [t.text.lower() for t in toks]
        if starts is None or len(starts) * 16 >= len(toks):
            # Where repetitions crowd (a start in every 16 words or more), one pass over every
            # word costs less than visiting each start's reach of six words.
            yield from self._scan_all(prose, toks, lows)
            return
        begins = frozenset(starts)
        done = 0  # tokens before this index are already part of a judged repetition
        reach = {j + d for j in begins for d in range(1, _MAX_PHRASE + 1)}
        for i in sorted(i for i in reach if i < len(toks)):
            low = lows[i]
            latest: list[int] = []
            for j in range(i - 1, max(-1, i - 1 - _MAX_PHRASE), -1):
                if lows[j] == low:
                    latest.append(j)
                    if len(latest) == 2:
                        break
            for j in latest:
                if j < done:
                    break
                if j not in begins:
                    continue  # no repetition begins there
                found = self._repeat_at(prose, toks, lows, j, i)
                if found is not None:
                    finding, done = found
                    if finding is not None:
                        yield finding
                    break

    def _scan_all(self, prose: str, toks: list[Token], lows: list[str]) -> Iterable[Finding]:
        """``_scan`` visiting every word, with the two latest positions of each word kept as
        it goes."""
        last: dict[str, int] = {}
        last2: dict[str, int] = {}
        done = 0
        for i, low in enumerate(lows):
            j1 = last.get(low)
            j2 = last2.get(low)
            last[low] = i
            if j1 is not None:
                last2[low] = j1
            for j in (j1, j2):
                if j is None or i - j > _MAX_PHRASE or j < done:
                    break
                found = self._repeat_at(prose, toks, lows, j, i)
                if found is not None:
                    finding, done = found
                    if finding is not None:
                        yield finding
                    break

    def _repeat_at(self, prose: str, toks: list[Token], lows: list[str], j: int,
                   i: int) -> tuple[Finding | None, int] | None:
        """Is tokens j..i-1 repeated from i on? Returns the finding (None when the repeat is
        legitimate) and the index of the first token after the repetition."""
        n = i - j
        if n > 1 and not self.options.phrases:
            return None
        if i + n > len(toks) or lows[j:i] != lows[i : i + n] or \
                not self._joined(prose, toks, j, i + n):
            if n == 2 and self.options.partial:
                partial = self._partial(prose, toks, j)
                if partial is not None:
                    return partial, i + 1
            return None
        # More copies: "that that that", "ha ha ha".
        end_tok = i + n
        copies = 2
        while end_tok + n <= len(toks) and lows[end_tok : end_tok + n] == lows[j:i] and \
                self._joined(prose, toks, end_tok - 1, end_tok + n):
            end_tok += n
            copies += 1
        return self._judge(prose, toks, j, n, end_tok, copies), end_tok

    def _partial(self, prose: str, toks: list[Token], j: int) -> Finding | None:
        """A name started again after itself: "the United States United" (machine
        translation). Only capitalised two-word names followed by something that does not
        continue a name, so "New York New Jersey" is left alone."""
        a, b, c = toks[j], toks[j + 1], toks[j + 2]
        if not (a.text[:1].isupper() and b.text[:1].isupper() and a.text == c.text):
            return None
        if a.text.isupper() or b.text.isupper() or a.text.lower() == b.text.lower():
            return None
        if a.text.lower() in _FUNCTION_WORDS or not self._joined(prose, toks, j, j + 3):
            return None
        nxt = toks[j + 3] if j + 3 < len(toks) else None
        if nxt is not None and nxt.text[:1].isupper() and \
                _GAP.fullmatch(prose, c.end, nxt.start):
            return None  # a list of names: "New York New Jersey"
        fix = Fix.unsafe(Edit.delete(b.end, c.end))
        msg = self.options.partial_message.format(word=c.text, name=f"{a.text} {b.text}")
        return Finding(Span(a.start, c.end), message=msg, fix=fix,
                       params={"word": f"{a.text} {b.text}", "copies": 2})

    @staticmethod
    def _joined(prose: str, toks: list[Token], first: int, stop: int) -> bool:
        """Are tokens first..stop-1 separated by spaces (at most one line break) only, and
        free of glue to neighbouring non-prose characters?"""
        a = toks[first].start
        if a > 0 and prose[a - 1] in _GLUE_BEFORE:
            return False
        b = toks[stop - 1].end
        if b < len(prose) and (prose[b] in _GLUE_AFTER or (
                prose[b] == "." and b + 1 < len(prose) and prose[b + 1].isalnum())):
            return False
        for k in range(first, stop - 1):
            if not _GAP.fullmatch(prose, toks[k].end, toks[k + 1].start):
                return False
        return True

    def _judge(self, prose: str, toks: list[Token], j: int, n: int, end_tok: int,
               copies: int) -> Finding | None:
        start = toks[j].start
        end = toks[end_tok - 1].end
        first_end = toks[j + n - 1].end
        rep = prose[start:first_end]
        second = prose[toks[j + n].start : toks[j + 2 * n - 1].end]
        words = [t.text for t in toks[j : j + n]]
        if self._legitimate(prose, toks, j, n, end_tok, rep, second, words, copies):
            return None
        keep_end = first_end
        if n == 1 and rep.lower() in self._pairs:
            keep_end = toks[j + 1].end  # keep the grammatical pair, drop the extra copies
        fix = Fix.safe(Edit.delete(keep_end, end))
        return Finding(Span(start, end), fix=fix, params={"word": rep, "copies": copies})

    def _legitimate(self, prose: str, toks: list[Token], j: int, n: int, end_tok: int,
                    rep: str, second: str, words: list[str], copies: int) -> bool:
        low = rep.lower()
        if any(w[0].isdigit() for w in words):
            return True  # number sequences, tables
        if second.isupper() and not rep.isupper() and len(second) > 1:
            return True  # an option and its placeholder: "--width WIDTH", "prefix PREFIX"
        first = toks[j].start
        if first > 0 and prose[first - 1] == "-":
            return True  # an option and its argument: "--transform transform"
        between = prose[toks[j + n - 1].end : toks[j + n].start]
        if "\n" in between and _fills_its_line(prose, toks[j].start, toks[j + n - 1].end) and (
                rep != second or not _fills_its_line(prose, toks[j + n].start,
                                                     toks[j + 2 * n - 1].end)):
            # A line of its own, then a line that begins with it written otherwise or goes on
            # after it: a heading and its text ("COPYRIGHT\nCopyright 2023"), entries of a
            # list ("Bernard\nBernard Tyers", "DejaVu Sans Mono\nDejaVu Sans Mono Bold").
            # The same line twice ("Privacy Policy\nPrivacy Policy") is a scraper's double.
            return True
        if any(_identifier_pair(a.text, b.text) for a, b in zip(
                toks[j : j + n], toks[j + n : j + 2 * n], strict=True)):
            # A type and its variable ("GlyphSet glyphset"), not a slip of the keys; a word in
            # capitals then in lower case ("WASHINGTON Washington") is a scraper's double.
            return True
        if "  " in between and holds_columns(prose, toks[j].start, toks[j].end):
            return True  # cells of a table: "see major-opcode  major-opcode"
        if n > 1:
            lows = {w.lower() for w in words}
            if lows <= self._redup:
                return True
            # "faster and faster and faster", "and more and more": X-and-X reduplication.
            return len(lows - _CONNECTORS) == 1 and bool(lows & _CONNECTORS)
        if len(rep) == 1 and low not in "ai":
            return True  # letters: "D D", "x x"
        if low in self._redup:
            return True
        if low in self._pairs and copies == 2:
            return True
        if copies > 2 and low not in _FUNCTION_WORDS:
            return True  # "killing killing killing": three times is deliberate
        end = toks[end_tok - 1].end
        if end < len(prose) and prose[end] == "!" and low not in _FUNCTION_WORDS:
            return True  # "Wait wait!", "Hi hi hi!": an exclamation
        if low in self._idioms and self._idiom_follows(prose, toks[j].start, low):
            return True
        prev_low = toks[j - 1].text.lower() if j > 0 and _GAP.fullmatch(
            prose, toks[j - 1].end, toks[j].start) else ""
        if low in _MODAL_NOUNS and (
            prev_low in _DETERMINERS or (rep[0].isupper() and second.islower())
        ):
            return True  # "The can can hold", "May may come" (a name, then the verb)
        if low in _PARTICLES and prev_low in _OBJECT_PRONOUNS:
            return True  # "turn it on on Monday": a verb particle, then a preposition
        gap = prose[toks[j].end : toks[j + 1].start]
        if "\n" in gap and (rep == "I" or (second[0].isupper() and not rep[0].isupper())):
            # A heading or a new line starting afresh: "CHAPTER I\nI was born",
            # "the rise of the\nThe Times".
            return True
        if prev_low == "to" and low not in _FUNCTION_WORDS and end_tok < len(toks) and \
                _GAP.fullmatch(prose, end, toks[end_tok].start):
            return True  # "to record record profits": a verb, then a noun modifier
        # "Walla Walla", "Duran Duran", "DURAN Duran": a name.
        return not rep.islower() and not second.islower() and self._is_name(low)

    def _idiom_follows(self, prose: str, start: int, low: str) -> bool:
        tail = _idiom_word().findall(prose[start : start + 80].lower())
        return any(tail[: len(idiom)] == idiom for idiom in self._idioms[low])

    def _is_name(self, low: str) -> bool:
        from wordfreq import zipf_frequency  # only when a capitalised pair turns up

        return bool(zipf_frequency(low, "en") < self.options.name_max_zipf)


CHECK = Repetition
