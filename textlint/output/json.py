"""JSON output, schema version 1 (textlint/schema/output-v1.json, documented in the README)."""

from __future__ import annotations

from typing import Any

from textlint import __version__
from textlint.diagnostics import Diagnostic, Severity
from textlint.document import Document
from textlint.output import RenderOptions, Report, jsontext

SCHEMA_VERSION = 1


def diagnostic_dict(doc: Document, diag: Diagnostic) -> dict[str, Any]:
    line, col = doc.position(diag.span.start)
    end_line, end_col = doc.position(diag.span.end)
    fix = None
    if diag.fix is not None:
        fix = {
            "applicability": diag.fix.applicability.value,
            "description": diag.fix.description,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "replacement": e.replacement}
                for e in diag.fix.edits
            ],
        }
    return {
        "rule": diag.rule_id,
        "severity": diag.severity.value,
        "message": diag.message,
        "start": diag.span.start,
        "end": diag.span.end,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "text": doc.text[diag.span.start : diag.span.end],
        "fix": fix,
        "data": {k: v for k, v in diag.data.items() if _jsonable(v)},
    }


def _jsonable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None


def report_dict(report: Report, opts: RenderOptions) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "textlint", "version": __version__},
        "files": [
            {
                "path": r.path,
                "fixed": r.fixed,
                "diagnostics": [diagnostic_dict(r.doc, d) for d in r.diagnostics],
            }
            for r in report.results
        ],
        "errors": [{"path": p, "message": m} for p, m in report.errors],
        "summary": {
            "files": len(report.results),
            "findings": len(report.diagnostics()),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "fixable": report.fixable(unsafe=False),
            "fixable_unsafe": report.fixable(unsafe=True) - report.fixable(unsafe=False),
            "fixed": report.fixed,
        },
    }


def render(report: Report, opts: RenderOptions) -> str:
    return jsontext.dumps(report_dict(report, opts), ("diagnostics",)) + "\n"
