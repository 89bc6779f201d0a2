"""Check kinds: the reusable mechanisms that rules (declared as data in packs) are built on.

Built-in kinds are listed by import path and imported only when a selected rule uses them, so a
run pays only for the checks it needs. Plugins add kinds through the ``textlint.checks``
entry-point group.
"""

from __future__ import annotations

from textlint.checks.base import Check, CheckContext

# kind name -> "module:Class"; modules are imported lazily.
BUILTIN_KINDS: dict[str, str] = {}

__all__ = ["BUILTIN_KINDS", "Check", "CheckContext"]
