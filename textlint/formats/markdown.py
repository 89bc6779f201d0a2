"""Markdown: fenced and indented code blocks, inline code, HTML comments and tags, link targets
and emphasis markers are not prose. A line-based scanner, not a full CommonMark parser: it
keeps offsets exact and costs one pass."""

from __future__ import annotations

import bisect
import re

from textlint.diagnostics import Span
from textlint.formats import inside, merge, plain

# A backtick fence's info string holds no backtick (```pip install x``` is inline code).
_FENCE = re.compile(
    r"^[ ]{0,3}(?:(```+)[^`\n]*|(~~~+)[^\n]*)\n.*?(?:^[ ]{0,3}(?:\1|\2)[ \t]*\r?$|\Z)",
    re.M | re.S)
_INDENTED = re.compile(r"(?:(?<=\n\n)|(?<=\n\r\n)|\A)(?:(?:[ ]{4}|\t)[^\n]*(?:\n|\Z))+")
# Inline code: a run of backticks up to the next run of the same length in its paragraph (it
# may wrap onto the next lines, and hold shorter or longer runs: `` `quoted' ``).
_TICKS = re.compile(r"`+")
# Where a code span cannot reach: a blank line (in a block quote too), or a line that starts
# another block (a list item, a heading). A quoted paragraph's next line continues it.
_PARAGRAPH_BREAK = re.compile(
    r"\n[ \t\r]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|>[ \t>]*\r?(?:\n|$)))")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*(?:\n[^<>\n]+)*)?/?>")
# A link's destination holds no space and only balanced parentheses (as CommonMark has it:
# wiki/Foo_(bar), http://[::1]:8080/), or anything but a line break in angle brackets (<a b>);
# its title is in double quotes, or on its line in single quotes or brackets. A reference
# definition's label stays on its line. Each attempt then stops at the next "(" it cannot pair
# or at the line's end: a run of "](" or of blank lines no longer makes every attempt read to
# the end of the text (quadratic).
_LINK_TARGET = re.compile(
    r"\]\((?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^'\n]*'|\([^()\n]*\)))?\)"
    r"|^[ \t]*\[[^\]\n]+\]:\s*\S+.*$", re.M)
_LINK_OPEN = re.compile(r"!?\[(?=[^\]]{0,300}\]\()")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)(?![\w*])")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+|(?<![ \t])[ \t]+#+[ \t]*$", re.M)
_LIST_OR_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?", re.M)
# (One run of blanks, then an optional pipe with its own: two runs of blanks side by side
# could share a long run of spaces in quadratically many ways.)
_TABLE_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}.*$", re.M)


# An ATX heading's line: up to three spaces, one to six #, then a space or the line's end.
_HEADING_LINE = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t][^\n]*)?$", re.M)


def heading_lines(text: str) -> list[Span]:
    """The lines that are ATX headings (``# Title``). A heading does not wrap: the text before
    and after it belongs to other blocks."""
    return [Span(m.start(), m.end()) for m in _HEADING_LINE.finditer(text)] if "#" in text \
        else []


def html_comments(text: str) -> list[Span]:
    """``<!-- ... -->`` comments. Found with str.find, not a lazy ``<!--.*?-->``: with no
    closing ``-->``, the pattern read to the end of the text from every ``<!--``."""
    out: list[Span] = []
    at = text.find("<!--")
    while at >= 0:
        end = text.find("-->", at + 4)
        if end < 0:
            break  # no comment closes after this one, nor after any later opening
        out.append(Span(at, end + 3))
        at = text.find("<!--", end + 3)
    return out


def mask(text: str) -> list[Span]:
    spans = plain.mask(text, inline_code=False)
    # Code blocks and HTML are found once: they are masked, and backticks inside them pair
    # with nothing.
    blocks = code_blocks(text)
    html = html_comments(text) + [Span(m.start(), m.end()) for m in _HTML_TAG.finditer(text)]
    spans.extend(blocks + html)
    for pattern in (_LINK_TARGET, _LINK_OPEN, _EMPHASIS, _HEADING, _LIST_OR_QUOTE, _TABLE_RULE):
        spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(text))
    if "`" in text:
        spans.extend(inline_code(text, blocks + html))
    return spans


def inline_code(text: str, blocks: list[Span] | None = None) -> list[Span]:
    """Code spans as CommonMark pairs them: each run of backticks, left to right, opens a span
    that the next run of exactly its length closes, within the paragraph; a run with no such
    partner is literal text. Runs inside ``blocks`` (code blocks) take no part. Runs of each
    length are looked up by bisection, so a paragraph of unmatched runs costs no more than a
    matched one."""
    runs = [m.span() for m in _TICKS.finditer(text)]
    escapes = "\\" in text
    if blocks:
        blocks = merge(blocks)
        runs = [r for r in runs if not inside(blocks, r[0])]
    by_length: dict[int, list[int]] = {}
    for k, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(k)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    out: list[Span] = []
    k = 0
    while k < len(runs):
        start, end = runs[k]
        if escapes and _escaped(text, start):
            # A backslash before a run makes its first backtick literal (\` is a backtick): the
            # run opens a span one shorter. Inside a span escapes do not apply, so a run after
            # a backslash still closes one (`a\`).
            start += 1
            if start == end:
                k += 1
                continue
        same = by_length.get(end - start, [])
        j = bisect.bisect_right(same, k)
        b = bisect.bisect_left(breaks, end)
        limit = breaks[b] if b < len(breaks) else len(text)
        if j < len(same) and runs[same[j]][0] < limit:
            close = same[j]
            out.append(Span(start, runs[close][1]))
            k = close + 1
        else:
            k += 1
    return out


def _escaped(text: str, pos: int) -> int:
    """1 when an odd number of backslashes stands right before ``pos``, else 0."""
    k = pos
    while k > 0 and text[k - 1] == "\\":
        k -= 1
    return (pos - k) % 2


def code_blocks(text: str) -> list[Span]:
    """Fenced and indented code blocks, HTML elements that hold code or literal text, and the
    front matter: what looks like a comment there is an example, and no fix may touch it."""
    spans = [Span(m.start(), m.end()) for p in (_FENCE, _INDENTED) for m in p.finditer(text)]
    if "<" in text:
        spans += raw_html(text, spans)
    if text.startswith(("---", "+++")):
        spans += front_matter(text)
    return spans


# Elements whose content is code or typed text, not prose (CommonMark's raw HTML blocks, and
# the inline code elements), and processing instructions (<?php ... ?>).
_RAW_OPEN = re.compile(r"<(pre|code|kbd|samp|var|tt|script|style|textarea)(?=[\s>])[^<>]*>"
                       r"|<\?", re.I)
# Without a closing tag these run to the end of the text, as a raw HTML block does.
_TO_THE_END = frozenset(("pre", "script", "style", "textarea"))


def raw_html(text: str, blocks: list[Span] | None = None) -> list[Span]:
    """``<pre>…</pre>``, ``<code>…</code>``, ``<script>…</script>`` and the like, and
    ``<?php … ?>``, outside code blocks and inline code (where a tag is shown, not used). An
    element closes within its paragraph, but for one of the block elements that begins a line
    (as CommonMark's raw HTML blocks do), which may run to the next closing tag or the end.
    Closing tags are found with one search each; once a name has no closing tag after an
    opening, no later opening of it is looked at (no quadratic search)."""
    out: list[Span] = []
    lower: str | None = None
    unclosed: set[str] = set()
    shown: list[Span] | None = None  # code blocks and code spans, found on first need
    pos = 0
    while True:
        m = _RAW_OPEN.search(text, pos)
        if m is None:
            return out
        name = (m.group(1) or "?").lower()
        if name in unclosed:
            pos = m.end()
            continue
        if shown is None:
            shown = merge((blocks or []) + inline_code(text, blocks))
        if inside(shown, m.start()):
            pos = m.end()
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        block = name in _TO_THE_END and m.start() - line_start <= 3 and \
            not text[line_start : m.start()].strip()
        if name == "?":
            close, after = text.find("?>", m.end()), 2
        else:
            if lower is None:
                lower = text.lower()
            close, after = lower.find(f"</{name}", m.end()), len(name) + 2
            if close >= 0:
                gt = text.find(">", close)
                after = (gt + 1 - close) if gt >= 0 else after
        if close < 0:
            unclosed.add(name)
            if block:
                out.append(Span(m.start(), len(text)))
                return out
            pos = m.end()
            continue
        if not block and _PARAGRAPH_BREAK.search(text, m.end(), close):
            pos = m.end()  # an inline element closes within its paragraph
            continue
        out.append(Span(m.start(), close + after))
        pos = close + after


# The opening line, then a first line of keys (YAML "title:", TOML "title ="), up to the
# closing line: a thematic break (---) that opens a document is no front matter.
_FRONT_MATTER = re.compile(
    r"\A(---|\+\+\+)[ \t]*\r?\n[ \t]*[\w\"'-]+[ \t]*[:=](?:.*?\n)??\1[ \t]*\r?(?:\n|\Z)", re.S)


def front_matter(text: str) -> list[Span]:
    """YAML (``---``) or TOML (``+++``) front matter at the top of the file."""
    m = _FRONT_MATTER.match(text)
    return [Span(0, m.end())] if m else []
