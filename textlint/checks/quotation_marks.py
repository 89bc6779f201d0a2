"""Quotation marks that do not belong in English text.

``check = "foreign"``: guillemets (« » ‹ ›, also reversed » «) and low-9 quotes („ “, „ ”, ‚ ‘)
that machine translation carries over from the source language. A complete pair is replaced by
the document's own style (typographic or straight); French inner spaces go with the marks.
A lone mark (a quotation running on over paragraphs, or a typo) is reported only when it is
attached to text on one side, so that » and › used as breadcrumb or "next" arrows are left
alone; the side it is attached to tells which way it faces, and the fix uses the English mark
facing the same way.

``check = "mixed"``: straight and typographic double quotes in one document; each mark of the
minority style is reported, with an unsafe fix to the dominant one. On a tie the typographic
style counts as dominant, and the message says the two are used equally often.

Only English (``doc.language`` "en" or "en-*") is checked: other languages have their own
conventions (German „…“ and »…«, French « … »), which this check does not police.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from textlint.checks._language import is_english
from textlint.checks._quote_style import census, is_opening
from textlint.checks.base import Check
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

_SP = "[ \u00a0\u202f]*"
_MAX = 2000


@functools.cache
def _pairs() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """(pattern, double?): the opening mark, the quoted text, the closing mark; spaces inside the
    marks belong to the marks (French style). Compiled on first use: few texts hold such marks,
    and compiling costs a run a millisecond and a half."""
    return (
        (re.compile(f"(«{_SP})([^«»]{{1,{_MAX}}}?)({_SP}»)"), True),
        (re.compile(f"(»)(?=\\S)([^«»]{{1,{_MAX}}}?)(?<=\\S)(«)"), True),
        (re.compile(f"(„)(?=\\S)([^„“”]{{1,{_MAX}}}?)(?<=\\S)([“”])"), True),
        (re.compile(f"(‹{_SP})([^‹›]{{1,{_MAX}}}?)({_SP}›)"), False),
        (re.compile(f"(›)(?=\\S)([^‹›]{{1,{_MAX}}}?)(?<=\\S)(‹)"), False),
        (re.compile(f"(‚)(?=\\S)([^‚‘]{{1,{_MAX}}}?)(?<=\\S)(‘)"), False),
    )


_LONE = re.compile(r"[«»‹›„]")
_BLANK_LINE = re.compile(r"\n[ \t\r\0]*\n")
# Separators of page navigation ("« Previous | Next »"), which guillemets also decorate.
_NAVIGATION = re.compile(r"[|•·]")


@dataclass(frozen=True)
class Options:
    check: Literal["foreign", "mixed"] = "foreign"


def _is_gap(ch: str) -> bool:
    return ch.isspace() or ch == "\0"


class QuotationMarks(Check):
    Options = Options
    PARAMS = frozenset(("found", "wanted", "style", "counts"))

    def note(self, language: str) -> str | None:
        return None if is_english(language) else "English only"

    def check(self, doc: Document) -> Iterable[Finding]:
        if not is_english(doc.language):
            return
        if self.options.check == "foreign":
            yield from self._foreign(doc)
        else:
            yield from self._mixed(doc)

    def _foreign(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        # One C-level search per glyph, far faster than a character class over the text.
        if not any(mark in prose for mark in "«»‹›„‚"):
            return
        straight = census(prose).dominant == "straight"
        paired: set[int] = set()
        for pattern, double in _pairs():
            if double:
                opening, closing = ('"', '"') if straight else ("“", "”")
            else:
                opening, closing = ("'", "'") if straight else ("‘", "’")
            for m in pattern.finditer(prose):
                if _BLANK_LINE.search(m.group(2)) or _NAVIGATION.search(m.group(2)):
                    continue  # a quotation neither crosses paragraphs nor holds a menu
                marks = (m.start(1), m.end(3) - 1)
                if marks[0] in paired or marks[1] in paired:
                    continue  # "«a»,«b»" must not also read as a reversed pair "»,«"
                paired.update(marks)
                yield Finding(
                    Span(m.start(), m.end()),
                    params={
                        "found": f"{m.group(1).strip()}…{m.group(3).strip()}",
                        "wanted": f"{opening}…{closing}",
                    },
                    fix=Fix.safe(
                        Edit.replace(m.start(1), m.end(1), opening),
                        Edit.replace(m.start(3), m.end(3), closing),
                        description=f"use {opening}…{closing}",
                    ),
                )
        for m in _LONE.finditer(prose):
            i = m.start()
            if i in paired:
                continue
            mark = m.group()
            glued_left = i > 0 and not _is_gap(prose[i - 1])
            glued_right = i + 1 < len(prose) and not _is_gap(prose[i + 1])
            if glued_left == glued_right and mark != "„":
                continue  # a separator or arrow (Home » News, Next ›), not a quotation mark
            double = mark in "«»„"
            # Which way the mark faces is told by the word it is attached to, in every
            # convention: «word and »word open, word» and word« close (as do paragraph-opening
            # marks of a quotation that runs on into the next paragraph).
            fix = None
            if glued_left != glued_right:
                opens = glued_right
                if double:
                    wanted = '"' if straight else ("“" if opens else "”")
                else:
                    wanted = "'" if straight else ("‘" if opens else "’")
                fix = Fix.safe(Edit.replace(i, i + 1, wanted), description=f"use {wanted}")
            yield Finding(
                Span(i, i + 1),
                message=f"Unpaired foreign quotation mark {mark} in English text",
                fix=fix,
            )

    def _mixed(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        marks = census(prose)
        if not marks.straight or not marks.curly:
            return
        dominant = marks.dominant
        style = "typographic “ ”" if dominant == "curly" else 'straight "'
        counts = f"{len(marks.curly)} typographic, {len(marks.straight)} straight"
        params = {"style": style, "counts": counts}
        message = None
        if len(marks.curly) == len(marks.straight):
            # The rule's message says one style is used "mostly", which a tie contradicts; say
            # what is true instead, and which style the tie-break asks for.
            message = (
                "Straight and typographic double quotes are used equally often "
                f"({len(marks.curly)} each); on a tie this rule asks for {style}"
            )
        # A log (a changelog of dated entries) is written by many hands over years: an entry
        # is judged against the document's style only where it also uses that style itself.
        heads = _entry_starts(prose)
        if heads:
            keep = _entries_using(heads, marks.straight if dominant == "straight" else marks.curly)
            minority = marks.curly if dominant == "straight" else marks.straight
            judged = [i for i in minority if bisect.bisect_right(heads, i) in keep]
        else:
            judged = marks.curly if dominant == "straight" else marks.straight
        if dominant == "straight":
            for i in judged:
                yield Finding(
                    Span(i, i + 1),
                    message=message,
                    params=params,
                    fix=Fix.unsafe(Edit.replace(i, i + 1, '"'), description='use "'),
                )
            return
        for i in judged:
            opening = is_opening(prose, i)
            fix = None
            if opening is not None:
                mark = "“" if opening else "”"
                fix = Fix.unsafe(Edit.replace(i, i + 1, mark), description=f"use {mark}")
            yield Finding(Span(i, i + 1), message=message, params=params, fix=fix)


# The header line of a log entry: a Debian changelog's "package (version) suite; urgency=...",
# a GNU ChangeLog's "2009-04-21  Name <address>" or its older ctime date ("Sun Nov  7 13:09:44
# 1993  Name"), git log's "commit 0123abc...". A date and one space begin a line of minutes or
# of a news digest as well: the ChangeLog's two spaces (or a tab, or an address) tell it.
_ENTRY_HEAD = re.compile(
    r"^(?:[a-z0-9][a-z0-9+.-]* \([^()\s]+\) [^;\n]+; urgency="
    r"|\d{4}-\d\d-\d\d(?:\t|  )[ \t]*[^\s<]|\d{4}-\d\d-\d\d[ \t][^\n<]*<[^\s<>@]+@[^\s<>]+>"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"[ \d]\d \d\d:\d\d:\d\d |commit [0-9a-f]{7,40}$)",
    re.MULTILINE)
# Within a Debian entry, one maintainer's block ("  [ Jane Doe ]"); elsewhere an indented line
# in brackets is anything ("  [ Advertisement ]" in a scraped page).
_BLOCK_HEAD = re.compile(r"^[ \t]+\[ [^\]\n]+ \][ \t]*$", re.MULTILINE)
# So many entry headers make a log: fewer are dates in a text.
LOG_ENTRIES = 3


def _entry_starts(prose: str) -> list[int]:
    """Where the entries of a log begin (none when the text is not a log)."""
    heads = [m.start() for m in _ENTRY_HEAD.finditer(prose)]
    if heads and "urgency=" in prose:
        heads = sorted(heads + [m.start() for m in _BLOCK_HEAD.finditer(prose)])
    return heads if len(heads) >= LOG_ENTRIES else []


def _entries_using(heads: list[int], marks: list[int]) -> set[int]:
    """The entries (0: the text before the first header, k: the one after header k - 1) that
    hold at least one of ``marks``."""
    return {bisect.bisect_right(heads, i) for i in marks}


CHECK = QuotationMarks
