"""Kind ``substitution``: report a word or phrase and suggest (or fix to) its replacement.

``replacements`` maps each phrase to what should stand instead. Matching follows the
``phrases`` kind (literal text, tolerant white space and apostrophes, whole words by default);
the replacement takes the capitalisation of the text it replaces (``Utilize`` -> ``Use``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex

from textlint import regexcache
from textlint.checks._textmatch import PhraseMatcher, alternation, match_case, normalise
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document


@dataclass(frozen=True)
class SubstitutionOptions:
    replacements: dict[str, str] = field(default_factory=dict)
    ignore_case: bool = True
    whole_words: bool = True
    match_case: bool = True


class Substitution(Check):
    Options = SubstitutionOptions
    PARAMS = frozenset(("found", "replacement"))

    def __init__(self, options: SubstitutionOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        pairs = {k: v for k, v in options.replacements.items() if k.strip()}
        if not pairs:
            raise ValueError("option 'replacements' must map at least one phrase to a replacement")
        self._matcher = PhraseMatcher(pairs, options.ignore_case, options.whole_words)
        # Only to check the replacements at load time: one alternation of every phrase.
        flags = regex.V0 | (regex.IGNORECASE if options.ignore_case else 0)
        self._regex: Any = regexcache.compile(alternation(pairs, options.whole_words), flags)
        self._table = {self._key(k): v for k, v in pairs.items()}
        for phrase, replacement in pairs.items():
            for again in self._regex.finditer(replacement):
                if self._replacement(again.group()) not in (None, again.group()):
                    raise ValueError(
                        f"option 'replacements': the replacement {replacement!r} for "
                        f"{phrase!r} contains {again.group()!r}, which the rule replaces "
                        "again, so its fix would never settle"
                    )

    def _key(self, text: str) -> str:
        return normalise(text, fold_case=self.options.ignore_case)

    def _replacement(self, found: str) -> str | None:
        replacement = self._table.get(self._key(found))
        if replacement is not None and self.options.match_case:
            replacement = match_case(found, replacement)
        return replacement

    def check(self, doc: Document) -> Iterable[Finding]:
        out: list[Finding] = []
        text = doc.text
        for start, end in self._matcher.spans(doc):
            found = text[start:end]
            replacement = self._replacement(found)
            # None: a case-folding corner (ß/SS) the table does not know. Equal: the text is
            # already what the rule asks for (github -> GitHub finds GitHub too).
            if replacement is None or replacement == found:
                continue
            fix = Fix.safe(Edit.replace(start, end, replacement),
                           description=f"Replace with {replacement!r}")
            out.append(Finding(Span(start, end), fix=fix,
                               params={"found": found, "replacement": replacement}))
        return out


CHECK = Substitution
