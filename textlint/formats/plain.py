"""Plain text: prose everywhere except URLs, e-mail addresses, inline code in backticks, file and
domain names, and textlint's own suppression comments.

Each pattern runs only when a cheap substring test says it can match, and the e-mail and
domain patterns are found from their anchor (``@``, ``.com``) outwards, because a pattern that
starts with a word boundary is tried at every word of the text.
"""

from __future__ import annotations

import re

from textlint.diagnostics import Span

# Trailing sentence punctuation and closing brackets are not part of a URL.
_URL = re.compile(
    r"""(?:(?:https?|ftp)://|www\.)[^\s<>"“”‘’«»]+?(?=[.,;:!?)\]}'"”’»]*(?:\s|$))""",
    re.IGNORECASE,
)
_EMAIL_AT = re.compile(r"@[\w-]+(?:\.[\w-]+)+\b")
_LOCAL_PART = re.compile(r"[\w.+-]+$")
# reStructuredText ``literals`` first, then `code`; an old-style `quotation' is not code.
_CODE = re.compile(r"``[^`\n]+``|`[^`\n]+`")
_OLD_QUOTE = re.compile(r"^`\w[^`]*'(?:\W|$)")
_TLD = re.compile(r"\.(?:com|org|net|io|gov|edu|py|txt|md|json|toml|html?)\b")
_NAME_BEFORE = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$")
DIRECTIVE = re.compile(
    r"(?:<!--[ \t]*|#[ \t]*|//[ \t]*)?"
    r"textlint-(?:disable-next-line|disable|enable)\b[^\n]*?(?:[ \t]*-->|$)",
    re.MULTILINE,
)
_LOOKBACK = 80


def _anchored(text: str, anchor: re.Pattern[str], before: re.Pattern[str]) -> list[Span]:
    """Spans made of a match of ``anchor`` and the run just before it that ``before`` matches."""
    out: list[Span] = []
    for m in anchor.finditer(text):
        window = text[max(0, m.start() - _LOOKBACK) : m.start()]
        head = before.search(window)
        if head is not None:
            out.append(Span(m.start() - (len(window) - head.start()), m.end()))
    return out


def _urls(text: str) -> list[Span]:
    out = []
    for m in _URL.finditer(text):
        end = m.end()
        # A URL with an opening bracket owns its closing one: .../Bordeaux_(wine).
        if m.group().count("(") > m.group().count(")") and text[end : end + 1] == ")":
            end += 1
        out.append(Span(m.start(), end))
    return out


def _code(text: str) -> list[Span]:
    out = []
    pos = 0
    while True:
        m = _CODE.search(text, pos)
        if m is None:
            return out
        if m.group().startswith("``") or not _OLD_QUOTE.match(m.group()):
            out.append(Span(m.start(), m.end()))
            pos = m.end()
        else:
            pos = m.start() + 1  # the backtick opened a quotation: look again after it


def mask(text: str) -> list[Span]:
    spans: list[Span] = []
    if "://" in text or "www." in text.lower():
        spans.extend(_urls(text))
    if "@" in text:
        spans.extend(_anchored(text, _EMAIL_AT, _LOCAL_PART))
    if "`" in text:
        spans.extend(_code(text))
    spans.extend(_anchored(text, _TLD, _NAME_BEFORE))
    if "textlint-" in text:
        spans.extend(Span(m.start(), m.end()) for m in DIRECTIVE.finditer(text))
    return spans
