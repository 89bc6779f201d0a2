"""Plain text: prose everywhere except URLs, e-mail addresses, inline code in backticks and
textlint's own suppression comments."""

from __future__ import annotations

import re

from textlint.diagnostics import Span

# Trailing sentence punctuation and closing brackets are not part of a URL.
_URL = re.compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’«»]+?(?=[.,;:!?)\]}'"”’»]*(?:\s|$))""",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_CODE = re.compile(r"`[^`\n]+`")
# Domain names and file names that are not words: example.com, setup.py.
_DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|gov|edu|py|txt|md|json|toml|html?)\b")
DIRECTIVE = re.compile(
    r"(?:<!--[ \t]*|#[ \t]*|//[ \t]*)?"
    r"textlint-(?:disable-next-line|disable|enable)\b[^\n]*?(?:[ \t]*-->|$)",
    re.MULTILINE,
)


def mask(text: str) -> list[Span]:
    spans: list[Span] = []
    for pattern in (_URL, _EMAIL, _CODE, _DOMAIN, DIRECTIVE):
        spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(text))
    return spans
