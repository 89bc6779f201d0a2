"""Human-readable output: ``path:line:col: severity [rule-id] message``, the source line with
the span underlined, and a closing summary."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TypeVar

import click

from textlint.diagnostics import Applicability, Diagnostic, Severity
from textlint.document import Document
from textlint.output import FileResult, RenderOptions, Report

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
WINDOW = 100  # characters of a long source line shown around the span


def render(report: Report, opts: RenderOptions) -> str:
    out: list[str] = []
    for result in report.results:
        for diag in result.diagnostics:
            out.append(_diagnostic(result, diag, opts))
    if not opts.quiet:
        out.append(summary(report, opts))
    return "\n".join(out) + ("\n" if out else "")


def _style(text: str, opts: RenderOptions, **kw: object) -> str:
    return click.style(text, **kw) if opts.color else text  # type: ignore[arg-type]


def _diagnostic(result: FileResult, diag: Diagnostic, opts: RenderOptions) -> str:
    line, col = result.doc.position(diag.span.start)
    sev = _style(diag.severity.value, opts, fg=_COLORS[diag.severity], bold=True)
    rule = _style(f"[{diag.rule_id}]", opts, dim=True)
    mark = ""
    if diag.fix is not None:
        mark = " (fixable)" if diag.fix.applicability is Applicability.SAFE else " (unsafe fix)"
    head = f"{_style(result.path, opts, bold=True)}:{line}:{col}: {sev} {rule} {diag.message}{mark}"
    if not opts.show_source:
        return head
    return head + "\n" + source_excerpt(result.doc, diag, opts)


def source_excerpt(doc: Document, diag: Diagnostic, opts: RenderOptions) -> str:
    """The line holding the span, cut to a window around it, with a caret underline."""
    index = doc.line_of(diag.span.start)
    line_span = doc.line_span(index)
    size = line_span.end - line_span.start
    start = diag.span.start - line_span.start
    end = min(diag.span.end, line_span.end) - line_span.start
    width = max(1, end - start)
    left, right = 0, size
    if size > WINDOW:
        left = max(0, min(start - WINDOW // 3, size - WINDOW))
        right = min(size, left + WINDOW)
    mid = min(start + width, right)
    # Only the window is copied: on a line of megabytes each finding would copy all of it.
    text = doc.text[line_span.start + left : line_span.start + right]
    head, marked, tail = (_visible(text[: start - left]), _visible(text[start - left : mid - left]),
                          _visible(text[mid - left :]))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < size else ""
    number = str(index + 1)
    gutter = " " * len(number)
    pad = " " * (len(prefix) + _width(head))
    carets = _style("^" * max(1, _width(marked)), opts, fg=_COLORS[diag.severity])
    return f"  {number} | {prefix}{head}{marked}{tail}{suffix}\n  {gutter} | {pad}{carets}"


def _visible(text: str) -> str:
    """``text`` as a terminal can show it: a tab as a space, control characters as their
    pictures (␇), and invisible format characters as their code points (<U+200B>), so that
    the line shows what a finding is about and nothing moves the cursor."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(map(_SHOWN.__getitem__, text))


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for wide East Asian characters, none for
    combining marks, the vowels and finals of a decomposed Hangul syllable, and emoji skin
    tones."""
    if text.isascii():
        return len(text)
    return sum(map(_WIDTH.__getitem__, text))


_T = TypeVar("_T")


class _PerCharacter(dict[str, _T]):
    """A character's shown form or width, computed on first sight: a file with many findings
    on a long line shows the same few characters thousands of times."""

    def __init__(self, compute: Callable[[str], _T]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, ch: str) -> _T:
        got = self[ch] = self.compute(ch)
        return got


def _shown(ch: str) -> str:
    if ch == "\t":
        return " "
    if ch < " ":
        return chr(0x2400 + ord(ch))
    if ch == "\x7f":
        return "\u2421"
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return f"<U+{ord(ch):04X}>"
    return ch


def _char_width(ch: str) -> int:
    code = ord(ch)
    if unicodedata.category(ch) in ("Mn", "Me") or 0x1160 <= code <= 0x11FF or \
            0xD7B0 <= code <= 0xD7FF or 0x1F3FB <= code <= 0x1F3FF:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_SHOWN = _PerCharacter(_shown)
_WIDTH = _PerCharacter(_char_width)


def summary(report: Report, opts: RenderOptions) -> str:
    lines = [f"note: {n}" for n in report.notes]
    total = len(report.diagnostics())
    files = len(report.results)
    if report.errors:
        n = len(report.errors)
        # Counted as messages, not files: one broken config or option stops every file under it.
        failed = f"{n} error{'s' * (n != 1)} on stderr"
        if total:  # the count of findings follows
            lines.append(f"{failed}.")
        else:
            linted = f"; no findings in the {files} file{'s' * (files != 1)} linted"
            lines.append(f"{failed}{linted if files else ''}.")
            return "\n".join(lines)
    if total == 0:
        fixed = f" ({report.fixed} fixed)" if report.fixed else ""
        lines.append(f"All clear: no findings in {files} file{'s' * (files != 1)}{fixed}.")
        return "\n".join(lines)
    parts = []
    for sev in Severity:
        n = report.count(sev)
        if n:
            name = {"error": "error", "warning": "warning", "info": "info"}[sev.value]
            parts.append(f"{n} {name}{'s' if n != 1 and sev is not Severity.INFO else ''}")
    text = f"{total} finding{'s' * (total != 1)} ({', '.join(parts)})"
    text += f" in {files} file{'s' * (files != 1)}"
    if report.fixed:
        text += f"; {report.fixed} fixed"
    safe = report.fixable(unsafe=False)
    unsafe = report.fixable(unsafe=True) - safe
    if opts.unsafe_fixes:
        # --unsafe-fixes without --fix: the count of what --fix --unsafe-fixes would apply.
        if safe + unsafe:
            text += f"; {safe + unsafe} fixable with --fix --unsafe-fixes"
            if unsafe:
                text += f" ({unsafe} unsafe)"
    else:
        if safe:
            text += f"; {safe} fixable with --fix"
        if unsafe:
            text += f"; {unsafe} more with --fix --unsafe-fixes"
    lines.append(text + ".")
    return "\n".join(lines)
