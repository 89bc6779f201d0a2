"""Reporters: text for people, JSON, GitHub annotations and SARIF for machines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textlint.diagnostics import Applicability, Diagnostic, Severity
from textlint.document import Document


@dataclass
class FileResult:
    path: str
    doc: Document  # the text the diagnostics refer to (after fixing, when fixed)
    diagnostics: list[Diagnostic]
    fixed: int = 0


@dataclass
class Report:
    results: list[FileResult] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    notes: list[str] = field(default_factory=list)
    rule_docs: dict[str, str] = field(default_factory=dict)  # rule id -> summary

    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics() if d.severity is severity)

    def fixable(self, unsafe: bool) -> int:
        return sum(
            1
            for d in self.diagnostics()
            if d.fix is not None and (unsafe or d.fix.applicability is Applicability.SAFE)
        )

    @property
    def fixed(self) -> int:
        return sum(r.fixed for r in self.results)


Renderer = Callable[[Report, "RenderOptions"], str]


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    quiet: bool = False
    unsafe_fixes: bool = False
    show_source: bool = True


def renderer(name: str) -> Renderer:
    if name == "text":
        from textlint.output.text import render
    elif name == "json":
        from textlint.output.json import render
    elif name == "github":
        from textlint.output.github import render
    elif name == "sarif":
        from textlint.output.sarif import render
    else:
        raise ValueError(f"unknown format {name!r}")
    return render


FORMATS = ("text", "json", "github", "sarif")
