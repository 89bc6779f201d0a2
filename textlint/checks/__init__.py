"""Check kinds: the reusable mechanisms that rules (declared as data in packs) are built on.

A built-in kind ``foo-bar`` lives in the module ``textlint.checks.foo_bar``, which exports its
class as ``CHECK``. Modules are imported only when a selected rule uses their kind, so a run
pays only for the checks it needs. Plugins add kinds through the ``textlint.checks``
entry-point group.
"""

from __future__ import annotations

import pkgutil
from functools import cache

from textlint.checks.base import Check, CheckContext

_NOT_KINDS = {"base"}


@cache
def builtin_kind_names() -> list[str]:
    return sorted(
        m.name.replace("_", "-")
        for m in pkgutil.iter_modules(__path__)
        if not m.name.startswith("_") and m.name not in _NOT_KINDS
    )


def builtin_module(kind: str) -> str:
    return f"{__name__}.{kind.replace('-', '_')}"


__all__ = ["Check", "CheckContext", "builtin_kind_names", "builtin_module"]
