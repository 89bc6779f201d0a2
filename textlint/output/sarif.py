"""SARIF 2.1.0 output for code-scanning dashboards. Columns count Unicode code points."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from textlint import __version__
from textlint.diagnostics import Severity
from textlint.output import RenderOptions, Report, jsontext

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _artifact(path: str) -> dict[str, str]:
    """An artifactLocation: a URI reference (RFC 3986, so spaces, # and % are percent-encoded),
    relative to the folder textlint ran in (%SRCROOT%), or a file: URI for an absolute path."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def _folder_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"  # file:/// for the root, not file:////


def render(report: Report, opts: RenderOptions) -> str:
    rule_ids = sorted({d.rule_id for d in report.diagnostics()})
    results: list[dict[str, Any]] = []
    for result in report.results:
        location = _artifact(result.path)
        for d in result.diagnostics:
            line, col = result.doc.position(d.span.start)
            end_line, end_col = result.doc.position(d.span.end)
            item: dict[str, Any] = {
                "ruleId": d.rule_id,
                "ruleIndex": rule_ids.index(d.rule_id),
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": {
                                "startLine": line,
                                "startColumn": col,
                                "endLine": end_line,
                                "endColumn": end_col,
                                "charOffset": d.span.start,
                                "charLength": len(d.span),
                            },
                        }
                    }
                ],
            }
            if d.fix is not None:
                item["fixes"] = [
                    {
                        "description": {
                            "text": d.fix.description or f"{d.fix.applicability.value} fix"
                        },
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": e.span.start,
                                            "charLength": len(e.span),
                                        },
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in d.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            results.append(item)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "textlint",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rid,
                                "shortDescription": {"text": report.rule_docs.get(rid, rid)},
                            }
                            for rid in rule_ids
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                # Relative paths are relative to the folder textlint ran in.
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _folder_uri(Path.cwd())}},
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": [
                            {"level": "error", "message": {"text": m}} for _, m in report.errors
                        ],
                    }
                ],
            }
        ],
    }
    return jsontext.dumps(sarif, ("results",)) + "\n"
