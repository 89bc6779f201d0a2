"""Commas and periods against closing quotation marks, for house styles.

``style = "american"``: a comma or period after a closing quote goes inside it
(``“word”,`` → ``“word,”``). The swap is mechanical, so the fix is safe.

``style = "logical"``: a comma or period inside a closing quote moves out when the quotation is
a fragment, i.e. it starts with a lower-case letter (``called it “a disaster.”`` →
``“a disaster”.``). Quoted sentences and dialogue (``“Yes,” he said``) keep their punctuation.
Whether the punctuation belongs to the quoted words is a judgment, so the fix is unsafe.

Double quotes (straight or typographic) are checked, and ’ only where an opening ‘ before it in
the paragraph shows it closes a quotation (otherwise it is an apostrophe: ``the boys’,``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from textlint.checks._quote_style import OPENERS_BEFORE, census
from textlint.checks.base import Check
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

_OUTSIDE = re.compile(r"""(?<![.,;:!?…])(["”’])([.,])(?![.,])""")
_INSIDE = re.compile(r"""(?<![.,])([.,])(["”’])""")
_BLANK_LINE = re.compile(r"\n[ \t\r\0]*\n")
_REACH = 2000


@dataclass(frozen=True)
class Options:
    style: Literal["american", "logical"] = "american"


class QuotePunctuation(Check):
    Options = Options
    PARAMS = frozenset()

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if '"' not in prose and "”" not in prose and "’" not in prose:
            return
        straight = census(prose).straight
        if self.options.style == "american":
            yield from self._american(prose, straight)
        else:
            yield from self._logical(prose, straight)

    def _american(self, prose: str, straight: list[int]) -> Iterator[Finding]:
        for m in _OUTSIDE.finditer(prose):
            q, p = m.start(1), m.start(2)
            if self._opening(prose, q, straight) is None:
                continue
            yield Finding(
                Span(q, p + 1),
                message=f"Put the {_name(m.group(2))} inside the closing quotation mark "
                "(American style)",
                fix=Fix.safe(Edit.replace(q, p + 1, m.group(2) + m.group(1)),
                             description="move inside"),
            )

    def _logical(self, prose: str, straight: list[int]) -> Iterator[Finding]:
        for m in _INSIDE.finditer(prose):
            p, q = m.start(1), m.start(2)
            opening = self._opening(prose, q, straight)
            if opening is None:
                continue
            content = prose[opening + 1 : p].lstrip(" \u00a0")
            if not content or not content[0].islower():
                continue  # a quoted sentence or dialogue keeps its punctuation
            yield Finding(
                Span(p, q + 1),
                message=f"Put the {_name(m.group(1))} outside the closing quotation mark: the "
                "quotation is a fragment (logical style)",
                fix=Fix.unsafe(Edit.replace(p, q + 1, m.group(2) + m.group(1)),
                               description="move outside"),
            )

    def _opening(self, prose: str, q: int, straight: list[int]) -> int | None:
        """Offset of the mark that opens the quotation closed at ``q``, or None when ``q``
        does not close a quotation (an inch mark, an apostrophe, an opening mark)."""
        mark = prose[q]
        floor = max(0, q - _REACH)
        if mark == '"':
            k = bisect.bisect_left(straight, q)
            if k >= len(straight) or straight[k] != q or k == 0:
                return None
            if q and prose[q - 1] in OPENERS_BEFORE:
                return None
            start = straight[k - 1]
        else:
            start = prose.rfind("“" if mark == "”" else "‘", floor, q)
            if start == -1:
                return None
            other = "”" if mark == "”" else "’"
            between = prose[start + 1 : q]
            if mark == "’":
                # Any ’ in between that is not inside a word closes the quotation earlier.
                if re.search(r"’(?!\w)", between):
                    return None
            elif other in between:
                return None
        if start < floor or _BLANK_LINE.search(prose, start, q):
            return None
        return start


def _name(punct: str) -> str:
    return "comma" if punct == "," else "period"


CHECK = QuotePunctuation
