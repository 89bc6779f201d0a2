"""Reading and writing the files textlint lints, without ever losing a byte.

A file is decoded strictly (a leading byte-order mark selects UTF-8, UTF-16 or UTF-32; otherwise
the configured encoding, UTF-8 by default). Line breaks are kept as they are, so offsets are
offsets into the file's text. Writes go to a temporary file in the same folder, which then
replaces the original, with the same encoding, byte-order mark and file mode.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".bzr",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "build",
        "dist",
        "site-packages",
        ".eggs",
        "_build",
        "target",
    }
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192


class InputError(Exception):
    """A file that cannot be linted; the message names it and the problem."""


class BinaryFile(InputError):
    pass


@dataclass(frozen=True)
class Source:
    path: str  # as given or found, for display
    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, path: str, encoding: str = "utf-8") -> Source:
    bom = b""
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    body = data[len(bom) :]
    wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if not bom and not wide and b"\0" in body[:_SNIFF]:
        raise BinaryFile(f"{path}: binary file (contains NUL bytes)")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        raise InputError(
            f"{path}: cannot decode as {encoding} at byte {offset} "
            f"(0x{body[exc.start]:02x}); set 'encoding' in the config if the file is not {encoding}"
        ) from None
    return Source(path, text, encoding, bom)


def read_source(path: str, encoding: str = "utf-8") -> Source:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path, encoding)


def write_source(source: Source, text: str) -> None:
    """Replace the file's contents atomically, keeping encoding, BOM and mode."""
    target = Path(source.path)
    try:
        data = source.encode(text)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{source.path}: not written: the fixed text has {exc.object[exc.start]!r}, "
            f"which {source.encoding} cannot encode"
        ) from None
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError as exc:
        raise InputError(f"{source.path}: cannot write: {exc.strerror or exc}") from None
    # Write through symlinks to the real file, so the link stays a link.
    real = target.resolve()
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(
            dir=real.parent, prefix=f".{real.name}.", suffix=".textlint-tmp"
        )
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"{source.path}: cannot write: {exc.strerror or exc}") from None
        raise


def is_venv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file()


def walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in a stable order, skipping version control, virtualenvs,
    dependency and build folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if d not in SKIP_DIRS and not d.endswith(".egg-info") and not is_venv(here / d)
        )
        for name in sorted(filenames):
            yield here / name


def has_extension(path: Path, extensions: Iterable[str]) -> bool:
    name = path.name.lower()
    return any(name.endswith(ext.lower()) for ext in extensions)
