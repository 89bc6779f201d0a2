"""Plain text: prose everywhere except URLs, e-mail addresses, inline code in backticks, file and
domain names, HTML or XML tags with quoted attributes, and textlint's own suppression comments.

Each pattern runs only when a cheap substring test says it can match, and the e-mail and
domain patterns are found from their anchor (``@``, ``.com``) outwards, because a pattern that
starts with a word boundary is tried at every word of the text.
"""

from __future__ import annotations

import re

from textlint.diagnostics import Span

# Trailing sentence punctuation and closing brackets are not part of a URL; nor is the angle
# bracket around one (<https://example.com>) or a tag after it (https://example.com</a>).
_URL = re.compile(
    r"""(?:(?:https?|ftp)://|www\.)[^\s<>"“”‘’«»]+?(?=[.,;:!?)\]}'"”’»>]*(?:[\s<]|$))""",
    re.IGNORECASE,
)
URL = _URL  # for the rules that read URLs the document masked
_EMAIL_AT = re.compile(r"@[\w-]+(?:\.[\w-]+)+\b")
_LOCAL_PART = re.compile(r"[\w.+-]+$")
# reStructuredText ``literals`` first, then `code`; an old-style `quotation' is not code.
_CODE = re.compile(r"``[^`\n]+``|`[^`\n]+`")
# `quote' spans to the next backtick, which then follows a space, or opens a bracket, a path
# or a quotation (`am'/`pm', (`/bin/sh')): code does not end in one of those.
_OLD_QUOTE = re.compile(r"^`[^\s`][^`]*'[^`]*[\s(\[{/\"“‘]`$")
# TeX's ``quotation'' spans to the next double backtick: two closing quotes after a word and
# before a space, punctuation or the end of the line (``.cc'' and ``.C''), where a literal ends
# in backticks. (A literal's empty string follows a bracket, a space or an operator: ``f('')``.)
_TEX_QUOTE = re.compile(r"(?<=[^\s(\[{=,:'\"])''(?=[\s.,;:!?)\]]|$)")
_TLD = re.compile(r"\.(?:com|org|net|io|gov|edu|py|txt|md|json|toml|html?)\b")
_NAME_BEFORE = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$")
_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-."
# A suppression comment stands alone on its line: bare, after # or //, or as an HTML comment.
# Prose that mentions textlint-disable is not a comment.
DIRECTIVE = re.compile(
    r"^[ \t]*(?P<open><!--[ \t]*|#[ \t]*|//[ \t]*)?"
    r"textlint-(?P<verb>disable-next-line|disable|enable)"
    # Each rule id after a space or a comma: ids that could also run together ("ab" as "a"
    # and "b") made a failing line cost time exponential in the length of its words.
    r"(?P<rules>(?:(?:[ \t]*,[ \t]*|[ \t]+)[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*)"
    r"[ \t]*(?(open)(?:-->)?)[ \t]*\r?$",
    re.MULTILINE,
)
# A comment line meant as a suppression whose rule ids are misspelt (Doubled-Word, doubled_word,
# a-an;): hidden like one, and reported by unused-suppression instead of being read.
MEANT = re.compile(
    r"^[ \t]*(?:#[ \t]*|//[ \t]*)?textlint-(?:disable-next-line|disable|enable)"
    r"(?:(?:[ \t]*,[ \t]*|[ \t]+)[A-Za-z0-9_;:-]+){0,4}[ \t,;]*\r?$",
    re.MULTILINE,
)
_LOOKBACK = 80


def _anchored(
    text: str, anchor: re.Pattern[str], before: re.Pattern[str], run: str | None = None
) -> list[Span]:
    """Spans made of a match of ``anchor`` and the run just before it that ``before`` matches.

    ``run``, when given, holds every character ``before`` can match: its match, which ends at
    the anchor (or at a line break just before it), lies within the run of them there, so the
    search starts at that run instead of trying every character of the look-back window."""
    out: list[Span] = []
    for m in anchor.finditer(text):
        window = text[max(0, m.start() - _LOOKBACK) : m.start()]
        if run is None:
            head = before.search(window)
        else:
            body = window[:-1] if window.endswith("\n") else window
            head = before.search(window, len(body.rstrip(run)))
        if head is not None:
            out.append(Span(m.start() - (len(window) - head.start()), m.end()))
    return out


# Every URL match starts 3 to 5 characters before a "://" (ftp, http, https) or at a "www." in
# any case (no other character folds to w or to the scheme's letters save ſ for s, one character
# as well). The pattern has no literal prefix, so finditer would try it at every character: it
# is tried at these starts instead. The "www." are found from their dot, a one-character
# literal the engine scans for fast.
_WWW_DOT = re.compile(r"\.(?<=[wW]{3}\.)")


def _url_starts(text: str) -> list[int]:
    starts = [m.start() - 3 for m in _WWW_DOT.finditer(text)]
    if "/" in text:
        find = text.find
        i = find("://")
        if i != -1:
            while i != -1:
                starts.extend(range(max(i - 5, 0), i - 2))
                i = find("://", i + 3)
            starts = sorted(set(starts))
    return starts


def _urls(text: str) -> list[Span]:
    out = []
    match = _URL.match
    pos = 0
    # The matches finditer would give: it tries each start from the end of the last match on.
    for start in _url_starts(text):
        if start < pos:
            continue
        m = match(text, start)
        if m is None:
            continue
        end = pos = m.end()
        # A URL with an opening bracket owns its closing one: .../Bordeaux_(wine).
        if m.group().count("(") > m.group().count(")") and text[end : end + 1] == ")":
            end += 1
        out.append(Span(start, end))
    return out


def _code(text: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    while True:
        m = _CODE.search(text, pos)
        if m is None:
            return out
        code = m.group()
        if not (_TEX_QUOTE.search(code) if code.startswith("``") else _OLD_QUOTE.match(code)):
            out.append(Span(m.start(), m.end()))
            pos = m.end()
        else:
            pos = m.start() + 1  # the backtick opened a quotation: look again after it


# An HTML or XML tag with a quoted attribute (<a href="wal.html">, <img src='x' alt="">): markup
# left in a text, whose quotes are not quotation marks. Bounded, so that a "<" that opens no tag
# reads a few hundred characters at most.
_TAG = re.compile(r"""<[A-Za-z][\w:-]*\s[^<>]{0,300}?=\s*["'][^<>]{0,300}>""")


def _tags(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _TAG.finditer(text)]


def mask(text: str, inline_code: bool = True) -> list[Span]:
    """Masked spans of plain text; ``inline_code=False`` leaves backticks to a format that
    knows better (Markdown code spans may wrap across lines)."""
    spans: list[Span] = []
    spans.extend(_urls(text))
    if "@" in text:
        spans.extend(_anchored(text, _EMAIL_AT, _LOCAL_PART))
    if inline_code and "`" in text:
        spans.extend(_code(text))
    spans.extend(_anchored(text, _TLD, _NAME_BEFORE, _NAME_CHARS))
    if "textlint-" in text:
        spans.extend(Span(m.start(), m.end()) for m in DIRECTIVE.finditer(text))
        spans.extend(Span(m.start(), m.end()) for m in MEANT.finditer(text))
    if "<" in text and ('="' in text or "='" in text or '= "' in text):
        spans.extend(_tags(text))
    return spans
