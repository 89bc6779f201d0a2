"""Markdown: fenced and indented code blocks, inline code, HTML comments and tags, link targets
and emphasis markers are not prose. A line-based scanner, not a full CommonMark parser: it
keeps offsets exact and costs one pass."""

from __future__ import annotations

import re

from textlint.diagnostics import Span
from textlint.formats import plain

_FENCE = re.compile(r"^[ ]{0,3}(```+|~~~+)[^\n]*\n.*?(?:^[ ]{0,3}\1[ \t]*\r?$|\Z)", re.M | re.S)
_INDENTED = re.compile(r"(?:(?<=\n\n)|(?<=\n\r\n)|\A)(?:(?:[ ]{4}|\t)[^\n]*(?:\n|\Z))+")
# Inline code may wrap onto the next line of its paragraph.
_INLINE_CODE = re.compile(r"(`+)(?:[^`\n]|\n(?![ \t\r]*\n))+?\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*(?:\n[^<>\n]+)*)?/?>")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|^\s*\[[^\]]+\]:\s*\S+.*$", re.M)
_LINK_OPEN = re.compile(r"!?\[(?=[^\]]{0,300}\]\()")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)(?![\w*])")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", re.M)
_LIST_OR_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?", re.M)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}.*$", re.M)


def mask(text: str) -> list[Span]:
    spans = plain.mask(text, inline_code=False)
    for pattern in (
        _FENCE,
        _INDENTED,
        _INLINE_CODE,
        _HTML_COMMENT,
        _HTML_TAG,
        _LINK_TARGET,
        _LINK_OPEN,
        _EMPHASIS,
        _HEADING,
        _LIST_OR_QUOTE,
        _TABLE_RULE,
    ):
        spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(text))
    return spans


def code_blocks(text: str) -> list[Span]:
    """Fenced and indented code blocks: what looks like a comment there is an example."""
    return [Span(m.start(), m.end()) for p in (_FENCE, _INDENTED) for m in p.finditer(text)]
