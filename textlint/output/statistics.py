"""``--statistics``: one row per rule that found something, most findings first, instead of
the findings themselves (a corpus of thousands of files is read as a table of rules)."""

from __future__ import annotations

from collections import Counter

from textlint.diagnostics import Applicability, Severity
from textlint.output import RenderOptions, Report
from textlint.output.text import summary

_HEAD = ("count", "files", "rule", "severity", "fixable")


def rows(report: Report) -> list[tuple[int, int, str, str, str]]:
    """(count, files, rule, severity, fixable) per rule, most findings first, then by id."""
    count: Counter[str] = Counter()
    files: Counter[str] = Counter()
    severities: dict[str, set[Severity]] = {}
    safe: Counter[str] = Counter()
    unsafe: Counter[str] = Counter()
    for result in report.results:
        for rid in {d.rule_id for d in result.diagnostics}:
            files[rid] += 1
        for d in result.diagnostics:
            count[d.rule_id] += 1
            severities.setdefault(d.rule_id, set()).add(d.severity)
            if d.fix is not None:
                (safe if d.fix.applicability is Applicability.SAFE else unsafe)[d.rule_id] += 1
    out = []
    for rid, n in sorted(count.items(), key=lambda item: (-item[1], item[0])):
        # A rule's severity can differ between files (per-folder configs): each is named.
        severity = ",".join(s.value for s in Severity if s in severities[rid])
        fixable = str(safe[rid] + unsafe[rid])
        if unsafe[rid]:
            fixable += f" ({unsafe[rid]} unsafe)"
        out.append((n, files[rid], rid, severity, fixable))
    return out


def render(report: Report, opts: RenderOptions) -> str:
    table = [tuple(str(c) for c in row) for row in rows(report)]
    lines = []
    if table:
        widths = [max(len(r[i]) for r in [_HEAD, *table]) for i in range(len(_HEAD))]
        for row in [_HEAD, *table]:
            # Numbers to the right, names to the left.
            cells = [row[0].rjust(widths[0]), row[1].rjust(widths[1]),
                     *(c.ljust(w) for c, w in zip(row[2:], widths[2:], strict=True))]
            lines.append("  ".join(cells).rstrip())
    if not opts.quiet:
        lines.append(summary(report, opts))
    return "\n".join(lines) + ("\n" if lines else "")
