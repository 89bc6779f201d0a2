"""Mojibake: UTF-8 text decoded as Latin-1 or Windows-1252 ("cafÃ©", "donâ€™t"), and
Windows-1252 bytes left as C1 control characters ("\\x93quoted\\x94").

A compiled pre-filter finds the rare character pairs such damage produces (a Latin-1 lead byte
followed by a continuation byte, or a C1 control); only the whitespace-delimited token around
each hit is given to ftfy, which decides whether it is mojibake and how to undo it. The fix
replaces only the characters that change.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textlint.checks.base import Check
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

# Continuation bytes 0x80-0xBF as Latin-1 reads them, plus what Windows-1252 makes of 0x80-0x9F.
_CONT = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# One character class, so the scan runs at full regex speed; the pair is checked afterwards.
_PREFILTER = re.compile("[\xc2-\xf4\x80-\x9f\ufffd]")
_CONTINUATION = re.compile(f"[{_CONT}]")
_BREAK = " \t\r\n\0"
# "Ã" + a Windows-1252 character that completes a UTF-8 letter, followed by a lower-case letter.
_INSIDE_WORD = re.compile("Ã[ŒŽ…’](?=[a-zß-öø-ÿ])")
_MAX_REACH = 64
# ftfy steps that undo a wrong decoding exactly; anything else (a restored 0xA0 byte, lossy
# sequences, other codecs) is a guess, so its fix is offered as unsafe.
_EXACT_STEPS = {
    ("encode", "latin-1"),
    ("encode", "windows-1252"),
    ("encode", "sloppy-windows-1252"),
    ("decode", "utf-8"),
    ("decode", "windows-1252"),
    ("apply", "decode_inconsistent_utf8"),
}


@dataclass(frozen=True)
class Options:
    # Also report U+FFFD REPLACEMENT CHARACTER (a character lost in an earlier decoding).
    replacement_character: bool = True


def _codec(plan: tuple[tuple[str, str], ...]) -> str:
    encodes = [arg for step, arg in plan if step == "encode"]
    decodes = [arg for step, arg in plan if step == "decode"]
    if decodes and all(d == "windows-1252" for d in decodes):
        return "Windows-1252 bytes read as Latin-1"
    if encodes and all(e == "latin-1" for e in encodes):
        return "UTF-8 read as Latin-1"
    if encodes and all("1252" in e for e in encodes):
        return "UTF-8 read as Windows-1252"
    return "UTF-8 read in the wrong encoding"


class Mojibake(Check):
    Options = Options
    PARAMS = frozenset(("bad", "good", "codec"))

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if prose.isascii():
            return  # (every mark the prefilter looks for is beyond ASCII)
        covered = 0
        for m in _PREFILTER.finditer(prose):
            if m.start() < covered:
                continue
            ch = m.group()
            if ch >= "\xc2" and ch != "\ufffd":
                nxt = prose[m.end() : m.end() + 1]
                if not (_CONTINUATION.match(nxt) or (ch == "Ã" and nxt == " ")):
                    continue  # an accented letter, not a lead byte with its continuation
            if ch == "\ufffd":
                if self.options.replacement_character:
                    yield Finding(
                        Span(m.start(), m.end()),
                        message="Replacement character U+FFFD: a character was lost when the "
                        "text was decoded; restore it from the source",
                    )
                covered = m.end()
                continue
            start, end = _token(prose, m.start(), m.end())
            covered = end
            yield from self._judge(prose, start, end)

    def _judge(self, prose: str, start: int, end: int) -> Iterator[Finding]:
        token = prose[start:end]
        verdict = _ftfy_verdict(token)
        if verdict is None:
            yield from _guesses(token, start)
            return
        fixed, plan = verdict
        lossy = "\ufffd" in fixed and "\ufffd" not in token
        # Trim the common ends so the edit covers only the damaged characters.
        head = 0
        limit = min(len(token), len(fixed))
        while head < limit and token[head] == fixed[head]:
            head += 1
        tail = 0
        while tail < limit - head and token[-1 - tail] == fixed[-1 - tail]:
            tail += 1
        bad = token[head : len(token) - tail]
        good = fixed[head : len(fixed) - tail]
        span = Span(start + head, end - tail)
        params = {"bad": bad, "good": good, "codec": _codec(plan)}
        if lossy:
            yield Finding(span, params=params)
            return
        edit = Edit.replace(span.start, span.end, good)
        exact = all(step in _EXACT_STEPS for step in plan)
        description = f"decode as {good!r}"
        fix = Fix.safe(edit, description=description) if exact else Fix.unsafe(
            edit, description=description
        )
        yield Finding(span, params=params, fix=fix)


def _guesses(token: str, start: int) -> Iterator[Finding]:
    """Pairs ftfy leaves alone because they could be an upper-case word followed by
    punctuation ("IRMÃ…"), but which inside a word can only be mojibake ("ÃŽle" for "Île")."""
    for m in _INSIDE_WORD.finditer(token):
        bad = m.group()
        good = bad.encode("windows-1252").decode("utf-8")
        span = Span(start + m.start(), start + m.end())
        yield Finding(
            span,
            params={"bad": bad, "good": good, "codec": "UTF-8 read as Windows-1252"},
            fix=Fix.unsafe(
                Edit.replace(span.start, span.end, good), description=f"decode as {good!r}"
            ),
        )


@functools.lru_cache(maxsize=4096)
def _ftfy_verdict(token: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """ftfy's repair of ``token`` and the steps it took, or None when it sees no mojibake.
    Cached: the same damaged word tends to recur throughout a document."""
    # ftfy loads its tables on import: pay for it only when this rule finds a candidate.
    from ftfy import fix_encoding_and_explain

    try:
        result = fix_encoding_and_explain(token)
    except Exception:  # ftfy is a heuristic library: a failure means "no verdict"
        return None
    plan = tuple((str(step), str(arg)) for step, arg in (result.explanation or []))
    if result.text == token or not plan:
        return None
    return result.text, plan


def _token(prose: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited token around ``start:end`` (at most ``_MAX_REACH`` further on
    each side). A final "Ã" keeps up to two spaces after it: one may be a mangled 0xA0 byte."""
    lo = start
    floor = max(0, start - _MAX_REACH)
    while lo > floor and prose[lo - 1] not in _BREAK:
        lo -= 1
    hi = end
    ceiling = min(len(prose), end + _MAX_REACH)
    while hi < ceiling and prose[hi] not in _BREAK:
        hi += 1
    if prose[hi - 1] == "Ã":
        while hi < len(prose) and hi < end + 2 and prose[hi] == " ":
            hi += 1
    return lo, hi


CHECK = Mojibake
