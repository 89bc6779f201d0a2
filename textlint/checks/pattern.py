"""Kind ``pattern``: a regular expression (Python ``regex`` syntax) with an optional replacement.

The pattern runs over the prose (URLs, code and markup masked), with a time limit for the
whole document: a pattern that backtracks catastrophically is reported and skipped instead of
hanging the run. A match that touches masked text is ignored. With ``replacement`` (a template:
``\\1``, ``\\g<name>``) the match is fixed to the expanded template.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textlint import regexcache
from textlint.checks._textmatch import (
    DEFAULT_TIMEOUT,
    TimedOut,
    compile_user_regex,
    has_mask,
    skipped,
    timed_finditer,
)
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

# Group references in a replacement template: \1, \g<1>, \g<name>.
_TEMPLATE_REF = regexcache.compile(r"\\(?:g<([^>]*)>|([0-9]{1,2}))")


@dataclass(frozen=True)
class PatternOptions:
    pattern: str = ""
    replacement: str | None = None
    ignore_case: bool = False
    timeout: float = DEFAULT_TIMEOUT


class Pattern(Check):
    Options = PatternOptions

    def __init__(self, options: PatternOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        if not options.pattern:
            raise ValueError("option 'pattern' is required (a regular expression)")
        if options.timeout <= 0:
            raise ValueError("option 'timeout' must be positive")
        self._regex: Any = compile_user_regex(options.pattern, "pattern", options.ignore_case)
        if self._regex.search(""):
            raise ValueError(
                f"option 'pattern': {options.pattern!r} matches empty text, so it would report "
                "every position; anchor it to something"
            )
        if options.replacement is not None:
            _check_template(options.replacement, self._regex)
        self._timed_out = False

    def params(self) -> frozenset[str]:
        return frozenset(("match", *self._regex.groupindex))

    def check(self, doc: Document) -> Iterable[Finding]:
        rule, pattern, timeout = self.context.rule_id, self.options.pattern, self.options.timeout
        if self._timed_out:
            return [skipped(rule, pattern, timeout, 0, earlier=True)]
        prose = doc.prose
        out: list[Finding] = []
        try:
            for m in timed_finditer(self._regex, prose, timeout):
                start, end = m.span()
                if has_mask(prose, start, end) or (start == end and not self.options.replacement):
                    continue
                params = {"match": m.group(),
                          **{k: v for k, v in m.groupdict().items() if v is not None}}
                fix = None
                if self.options.replacement is not None:
                    new = m.expand(self.options.replacement)
                    if new != m.group():
                        fix = Fix.safe(Edit.replace(start, end, new))
                out.append(Finding(Span(start, end), fix=fix, params=params))
        except TimedOut as exc:
            self._timed_out = True
            out.append(skipped(rule, pattern, timeout, exc.offset, earlier=False))
        return out


def _check_template(template: str, compiled: Any) -> None:
    for m in _TEMPLATE_REF.finditer(template):
        name = m.group(1) if m.group(1) is not None else m.group(2)
        if name.isdigit():
            if int(name) > compiled.groups:
                raise ValueError(
                    f"option 'replacement': {template!r} refers to group {name}, but the "
                    f"pattern has {compiled.groups} group(s)"
                )
        elif name not in compiled.groupindex:
            raise ValueError(
                f"option 'replacement': {template!r} refers to group {name!r}, which the "
                "pattern does not define"
            )


CHECK = Pattern
