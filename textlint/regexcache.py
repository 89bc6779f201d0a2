"""Compiled regular expressions kept between runs.

The ``regex`` package parses a pattern in Python before its C engine sees it: the built-in
rules' sixty-odd patterns cost a fresh process about 30 ms, a fifth of the pre-commit budget.
A compiled pattern pickles as the engine's own code, and unpickling it skips the parse (under
1 ms for all of them), so a run keeps the patterns it compiled in the cache directory, in a file
per ``regex`` and Python version, and the next run loads them.

Only the engine's ``compile`` may be named in the file: anything else in it is refused, and a
damaged or foreign file is ignored (it only costs speed).
"""

from __future__ import annotations

import atexit
import contextlib
import io
import pickle
import sys
import threading
from pathlib import Path
from typing import Any

import regex

from textlint.cache import cache_dir, write_atomic

# A run that compiles many one-off patterns (a test session, generated user patterns) must not
# leave a file that every later run pays to load.
_MAX_SAVED = 1000
_ENGINE = ("regex._regex", "compile")

_lock = threading.Lock()
_loaded: dict[tuple[str, int], Any] | None = None
_used: dict[tuple[str, int], Any] = {}
_compiled_new = False


def cache_path() -> Path:
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir() / f"regex-{regex.__version__}-py{version}.pickle"


class _PatternUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) != _ENGINE:
            raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")
        return super().find_class(module, name)


def _read() -> dict[tuple[str, int], Any]:
    try:
        data = cache_path().read_bytes()
    except OSError:
        return {}
    try:
        table = _PatternUnpickler(io.BytesIO(data)).load()
    except Exception:
        return {}
    if not isinstance(table, dict):
        return {}
    return {
        key: value
        for key, value in table.items()
        if isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str)
        and isinstance(key[1], int)
        and isinstance(value, regex.Pattern)
        and value.pattern == key[0]
    }


def compile(pattern: str, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)``, from the cache when an earlier run compiled it."""
    global _loaded, _compiled_new
    # Flags arrive as the package's enum; the file stores plain numbers.
    key = (pattern, int(flags))
    hit = _used.get(key)
    if hit is not None:
        return hit
    with _lock:
        if _loaded is None:
            _loaded = _read()
            atexit.register(save)
        hit = _loaded.get(key)
        if hit is None:
            hit = regex.compile(pattern, flags)
            _compiled_new = True
        _used[key] = hit
    return hit


def save() -> None:
    """Write the patterns this run used, when it compiled new ones or used few of the saved
    ones (so the file follows what runs need instead of growing)."""
    global _compiled_new
    with _lock:
        loaded = _loaded or {}
        stale = len(_used) * 2 < len(loaded)
        if not (_compiled_new or stale) or len(_used) > _MAX_SAVED:
            return
        data = pickle.dumps(dict(_used), protocol=pickle.HIGHEST_PROTOCOL)
        _compiled_new = False
    # A read-only cache only costs speed.
    with contextlib.suppress(OSError):
        write_atomic(cache_path(), data)


def reset() -> None:
    """Forget what this process loaded and compiled (for measurements and tests)."""
    global _loaded, _compiled_new
    with _lock:
        _loaded = None
        _used.clear()
        _compiled_new = False
