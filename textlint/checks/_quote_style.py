"""Which double quotation marks a document uses: straight ``"`` or typographic “ ”.

A straight ``"`` right after a number is an inch mark or a double prime (``12" pizza``,
``5'10"``) unless a quotation is open at that point (``the "Top 40" hits``); those do not count.
Straight marks that look like code (``key="value"``) do not count either.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from textlint.checks._quotes import offsets

_BLANK_LINE = re.compile(r"\n[ \t\r\0]*\n")
_CODE_NEIGHBOUR = "=\\"
OPENERS_BEFORE = " \t\r\n\0([{<—–-/“‘«‹„"


class QuoteCensus(NamedTuple):
    # A named tuple: a dataclass would cost every start half a millisecond.
    straight: list[int]  # offsets of straight marks used as quotation marks
    curly: list[int]  # offsets of “ and ”

    @property
    def dominant(self) -> str:
        """"straight" or "curly"; a tie goes to curly, the typographic default."""
        return "straight" if len(self.straight) > len(self.curly) else "curly"


# The last census taken: the quote rules of one document ask for the same one.
_last: tuple[str, QuoteCensus] | None = None


def census(prose: str) -> QuoteCensus:
    global _last
    last = _last
    if last is not None and last[0] is prose:
        return last[1]
    result = QuoteCensus(_straight(prose), offsets(prose, "“”"))
    _last = (prose, result)
    return result


def _straight(prose: str) -> list[int]:
    straight: list[int] = []
    open_straight = False
    code_value = False
    previous = 0
    for i in offsets(prose, '"'):
        # A quotation does not survive a blank line: reset the open state per paragraph. A
        # blank line starts with a line break, which most gaps between two marks lack.
        nl = prose.find("\n", previous, i)
        if nl >= 0 and _BLANK_LINE.search(prose, nl, i):
            open_straight = code_value = False
        previous = i
        # The edges of the text read as spaces: an empty string would be "in" every string
        # below, and a mark opening or closing the document would pass for code.
        before = prose[i - 1] if i else " "
        after = prose[i + 1] if i + 1 < len(prose) else " "
        if code_value:
            code_value = False
            continue  # closes the value that an ``="`` opened
        if before in _CODE_NEIGHBOUR or after in _CODE_NEIGHBOUR:
            code_value = before == "="
            continue
        if before.isdigit() and not open_straight:
            continue  # inch mark or double prime
        straight.append(i)
        open_straight = not open_straight
    return straight


def is_opening(prose: str, i: int) -> bool | None:
    """Whether the straight mark at ``i`` opens a quotation (None when it cannot be told)."""
    before = prose[i - 1] if i else " "
    after = prose[i + 1] if i + 1 < len(prose) else " "
    if before in OPENERS_BEFORE and not after.isspace() and after != "\0":
        return True
    if before not in OPENERS_BEFORE and (after.isspace() or not after.isalnum()):
        return False
    return None
