"""Commas of Chinese and Japanese typesetting (fullwidth ``，`` U+FF0C, ideographic ``、``
U+3001) left in text that is not Chinese, Japanese or Korean.

An input method set to Chinese or Japanese types these in place of ``,``, and translation or
copying from a CJK page carries them over. Such a comma is reported unless CJK text is around
it: a CJK neighbour (the nearest character other than spaces and these commas, on either side
within the line) or a sentence that holds at least as many CJK characters as Latin-script
words (``使用 Python、Java 和 Go 开发`` lists English names the Chinese way). Documents whose
language is Chinese, Japanese or Korean are not checked at all.

The fix, offered only between two Latin-script words (a digit may end the first), replaces the
comma and the spaces around it with ``", "``; anywhere else (``1，000``, a comma before a
quotation mark or at the end of a line) what the comma should become is left to a person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from textlint.checks._language import primary
from textlint.checks.base import Check
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

_MARKS = {"，": "Fullwidth comma", "、": "Ideographic comma"}
# Letters of the CJK scripts: Han (with radicals and the iteration marks 々 〆 〇), kana,
# Bopomofo, Hangul, and their enclosed and compatibility forms.
_CJK_LETTERS = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff"
    "\u3100-\u312f\u3130-\u318f\u3190-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc"
    "\U0001b000-\U0001b16f\U00020000-\U0003134f"
)
# CJK punctuation: the ideographic block, vertical and small forms, fullwidth forms.
_CJK_MARKS = "\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uff65"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# How far the sentence is looked at on each side: enough for a sentence, bounded for speed.
_REACH = 200
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko", "yue", "cmn", "wuu", "lzh"})


class _Patterns(NamedTuple):
    trigger: re.Pattern[str]
    cjk: re.Pattern[str]
    cjk_letter: re.Pattern[str]
    latin_letter: re.Pattern[str]
    latin_word: re.Pattern[str]
    # Where the sentence around a comma ends, in either script; Latin marks only before a
    # space, so that "3.5" or "e.g." do not cut it.
    sentence_end: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    # Compiled on the first document that holds one of the marks: the classes with astral
    # ranges cost a few milliseconds, which every other run would pay at start-up.
    return _Patterns(
        trigger=re.compile("[，、]"),
        cjk=re.compile(f"[{_CJK_LETTERS}{_CJK_MARKS}]"),
        cjk_letter=re.compile(f"[{_CJK_LETTERS}]"),
        latin_letter=re.compile(f"[{_LATIN}]"),
        latin_word=re.compile(f"[{_LATIN}]+"),
        sentence_end=re.compile(r"[。！？]|[.!?](?=\s)"),
    )


def _is_gap(ch: str) -> bool:
    """Spaces and the other commas of a run are skipped when looking for a neighbour; a line
    break is not, since the next line may belong to another paragraph or language."""
    return ch in _MARKS or (ch.isspace() and ch not in "\n\r")


class CjkComma(Check):
    PARAMS = frozenset(("mark", "name"))
    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        # Nearly every document holds neither mark: two C-level scans decide that.
        if "，" not in prose and "、" not in prose:
            return
        if primary(doc.language) in _CJK_LANGUAGES:
            return
        yield from self._marks(prose)

    def _marks(self, prose: str) -> Iterator[Finding]:
        pat = _patterns()
        for m in pat.trigger.finditer(prose):
            i = m.start()
            left = i - 1
            while left >= 0 and _is_gap(prose[left]):
                left -= 1
            right = i + 1
            while right < len(prose) and _is_gap(prose[right]):
                right += 1
            before = prose[left] if left >= 0 else ""
            after = prose[right] if right < len(prose) else ""
            if pat.cjk.match(before) or pat.cjk.match(after) or _cjk_sentence(pat, prose, i):
                continue
            mark = m.group()
            fix = None
            run = prose[left + 1 : right]
            if (
                (pat.latin_letter.match(before) or (before.isdigit() and before.isascii()))
                and pat.latin_letter.match(after)
                and sum(run.count(c) for c in _MARKS) == 1
            ):
                fix = Fix.safe(Edit.replace(left + 1, right, ", "), description='use ", "')
            yield Finding(Span(i, i + 1), fix=fix, params={"mark": mark, "name": _MARKS[mark]})


def _cjk_sentence(pat: _Patterns, prose: str, i: int) -> bool:
    """Does the sentence around offset ``i`` (within its line) read as CJK text: at least one
    CJK letter, and at least as many as it has Latin-script words?"""
    start = max(prose.rfind("\n", 0, i) + 1, i - _REACH)
    end = prose.find("\n", i)
    end = min(len(prose) if end < 0 else end, i + _REACH)
    for m in pat.sentence_end.finditer(prose, start, i):
        start = m.end()
    tail = pat.sentence_end.search(prose, i + 1, end)
    if tail is not None:
        end = tail.start()
    sentence = prose[start:end]
    cjk = len(pat.cjk_letter.findall(sentence))
    return cjk > 0 and cjk >= len(pat.latin_word.findall(sentence))


CHECK = CjkComma
