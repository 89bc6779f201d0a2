"""The values a finding is made of: spans, edits, fixes and diagnostics.

Offsets are Python ``str`` indices into the original text, end exclusive.
Lines and columns are computed only when a diagnostic is printed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(enum.Enum):
    """How far a fix can be trusted: ``safe`` fixes run with ``--fix``, ``unsafe``
    ones only with ``--unsafe-fixes`` as well."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Touching spans do not overlap; an empty span overlaps a span that strictly contains it
        and another empty span at the same offset."""
        if self.start == self.end == other.start == other.end:
            return True
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Edit:
    span: Span
    replacement: str

    @classmethod
    def replace(cls, start: int, end: int, replacement: str) -> Edit:
        return cls(Span(start, end), replacement)

    @classmethod
    def insert(cls, at: int, text: str) -> Edit:
        return cls(Span(at, at), text)

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(Span(start, end), "")


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    description: str = ""

    @classmethod
    def safe(cls, *edits: Edit, description: str = "") -> Fix:
        return cls(tuple(edits), Applicability.SAFE, description)

    @classmethod
    def unsafe(cls, *edits: Edit, description: str = "") -> Fix:
        return cls(tuple(edits), Applicability.UNSAFE, description)

    @property
    def span(self) -> Span:
        """The smallest span covering every edit."""
        return Span(min(e.span.start for e in self.edits), max(e.span.end for e in self.edits))


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports: a span and, optionally, a message (else the rule's message is
    formatted with ``params``), a fix, and extra data such as a language or a confidence."""

    span: Span
    message: str | None = None
    fix: Fix | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    rule_id: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.rule_id)
