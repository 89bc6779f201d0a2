"""The interface every check kind implements."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from textlint.diagnostics import Finding
from textlint.document import Document
from textlint.options import NoOptions


@dataclass(frozen=True)
class CheckContext:
    """What a check knows about the rule it serves, besides its options."""

    rule_id: str
    message: str


class Check:
    """Base class of check kinds.

    Subclasses set ``Options`` to a frozen dataclass (the options a rule may set, with
    defaults) and implement ``check``. A check is built once per rule and run on many
    documents, so compile patterns and load data in ``__init__`` or lazily, never per call.
    A check never reads files or configuration: it gets a ``Document`` and its options.
    """

    Options: ClassVar[type[Any]] = NoOptions
    # The parameters its findings give a rule's message ({word}, {line}); None: not declared,
    # and a rule's message is then not checked when the rule is loaded.
    PARAMS: ClassVar[frozenset[str] | None] = None

    def __init__(self, options: Any, context: CheckContext) -> None:
        self.options = options
        self.context = context

    def note(self, language: str) -> str | None:
        """Why this check does nothing on text in ``language`` (as configured or given with
        --lang), in a few words ("English only"), or None. The command line says it once per
        run, so that a setting never silently disables a rule."""
        return None

    def params(self) -> frozenset[str] | None:
        """The message parameters of this check's findings (some depend on its options)."""
        return self.PARAMS

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError
