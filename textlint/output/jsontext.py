"""JSON laid out for people and written fast: containers indented two spaces, except the items
of the named long lists (one finding each), which are written one per line by the C encoder.
``json.dumps(indent=2)`` runs the pure-Python encoder, which took 8 s for 100,000 findings."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

_INDENT = "  "
_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def dumps(value: Any, one_per_line: Collection[str]) -> str:
    """``value`` as indented JSON; a list under a key in ``one_per_line`` has each item on one
    line."""
    out: list[str] = []
    _write(out, value, one_per_line, 0, False)
    # One join at the end: joining at each level copied the whole text once per level.
    return "".join(out)


def _write(out: list[str], value: Any, one_per_line: Collection[str], level: int,
           flat_items: bool) -> None:
    if not isinstance(value, dict | list) or not value:
        out.append(_compact(value))
        return
    pad = "\n" + _INDENT * (level + 1)
    sep = ""
    if isinstance(value, list):
        out.append("[")
        for item in value:
            out.append(sep + pad)
            sep = ","
            if flat_items:
                out.append(_compact(item))
            else:
                _write(out, item, one_per_line, level + 1, False)
        out.append("\n" + _INDENT * level + "]")
        return
    out.append("{")
    for key, item in value.items():
        out.append(f"{sep}{pad}{_compact(key)}: ")
        sep = ","
        _write(out, item, one_per_line, level + 1, key in one_per_line)
    out.append("\n" + _INDENT * level + "}")
