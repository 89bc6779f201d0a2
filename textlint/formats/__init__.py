"""Document formats: each one says which parts of a text are not prose.

A format is a function ``text -> list[Span]`` of masked spans. Adding Markdown or HTML means
adding a format here; no rule changes.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from textlint.diagnostics import Span

MaskFunction = Callable[[str], list[Span]]


def _plain(text: str) -> list[Span]:
    from textlint.formats.plain import mask

    return mask(text)


def _markdown(text: str) -> list[Span]:
    from textlint.formats.markdown import mask

    return mask(text)


FORMATS: dict[str, MaskFunction] = {"plain": _plain, "markdown": _markdown}

# File suffix to format; anything else is plain text.
SUFFIXES: dict[str, str] = {".md": "markdown", ".markdown": "markdown"}


def format_for(path: str | None) -> str:
    if path is None:
        return "plain"
    lower = path.lower()
    for suffix, name in SUFFIXES.items():
        if lower.endswith(suffix):
            return name
    return "plain"


def masked_spans(format: str, text: str) -> list[Span]:
    try:
        fn = FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}") from None
    return merge(fn(text))


def merge(spans: list[Span]) -> list[Span]:
    """Sort spans and join the ones that overlap or touch."""
    out: list[Span] = []
    for span in sorted(s for s in spans if s.end > s.start):
        if out and span.start <= out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def inside(spans: list[Span], offset: int) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted and disjoint, as ``merge`` gives them)?"""
    k = bisect.bisect_right(spans, Span(offset, 1 << 62)) - 1
    return k >= 0 and spans[k].start <= offset < spans[k].end
