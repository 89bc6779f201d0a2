"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from textlint.diagnostics import Severity
from textlint.output import RenderOptions, Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, opts: RenderOptions) -> str:
    out = []
    for result in report.results:
        for d in result.diagnostics:
            line, col = result.doc.position(d.span.start)
            end_line, end_col = result.doc.position(d.span.end)
            out.append(
                f"::{_LEVEL[d.severity]} file={_prop(result.path)},line={line},col={col},"
                f"endLine={end_line},endColumn={end_col},title={_prop('textlint ' + d.rule_id)}"
                f"::{_data(d.message)}"
            )
    for path, message in report.errors:
        out.append(f"::error file={_prop(path)},title=textlint::{_data(message)}")
    return "\n".join(out) + ("\n" if out else "")
