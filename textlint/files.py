"""Reading and writing the files textlint lints, without ever losing a byte.

A file is decoded strictly (a leading byte-order mark selects UTF-8, UTF-16 or UTF-32; otherwise
the configured encoding, UTF-8 by default). Line breaks are kept as they are, so offsets are
offsets into the file's text. A fixed file keeps its encoding, byte-order mark, mode, owner,
extended attributes and hard links; see ``write_source``.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import errno
import os
import stat
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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


_SNIFF = 8192  # bytes read for the binary test


class InputError(Exception):
    """A file that cannot be linted; the message names it and the problem."""


class BinaryFile(InputError):
    pass


@dataclasses.dataclass(frozen=True)
class Source:
    path: str  # as given or found, for display
    text: str
    encoding: str
    bom: bytes = b""
    # Size, modification time, device and inode when read, and a digest of the bytes: a file
    # changed since is not overwritten (cp -p, rsync and touch -r keep the size and the
    # modification time of an edited file; the digest still tells).
    stamp: tuple[int, ...] | None = None
    digest: bytes = b""
    # Does encoding the text give back the bytes it was decoded from? Not for every codec
    # (cp932, utf-7): then fixing would change bytes no fix touched, and is refused.
    exact: bool = True

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)

    @property
    def wide(self) -> bool:
        """Is the encoding UTF-16 or UTF-32, whose bytes are not ASCII's?"""
        return is_wide(self.encoding)

    def encodable(self, text: str) -> bool:
        """Can the file's encoding hold ``text`` (a fix's replacement)?"""
        if _unicode(self.encoding) or text.isascii():
            return True
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            return False
        return True


def _unicode(encoding: str) -> bool:
    return codecs.lookup(encoding).name.startswith("utf-8") or is_wide(encoding)


def is_wide(encoding: str) -> bool:
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


# Codecs that write a byte-order mark of their own, or none, as they please: a file without a
# mark is written back without one, in the byte order it was read in (a mark selects the
# codec before these are looked at).
_PLAIN_FORM = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}


def decode(data: bytes, path: str, encoding: str = "utf-8") -> Source:
    bom = b""
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    body = data[len(bom) :]
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from None
    if not bom:
        encoding = _PLAIN_FORM.get(codec, encoding)
    wide = is_wide(codec)
    # A NUL near the start marks a binary file; one further on is damage in a text file,
    # which invisible-characters reports.
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
    if "\0" in text[:_SNIFF // 2] and wide:
        raise BinaryFile(f"{path}: binary file (contains NUL characters)")
    exact = _unicode(encoding) or _round_trips(text, encoding, body)
    return Source(path, text, encoding, bom, exact=exact)


def _round_trips(text: str, encoding: str, body: bytes) -> bool:
    try:
        return text.encode(encoding) == body
    except UnicodeEncodeError:
        return False


def read_source(path: str, encoding: str = "utf-8") -> Source:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
            st = os.fstat(fh.fileno())
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return dataclasses.replace(decode(data, path, encoding), stamp=_stamp(st),
                               digest=_digest(data))


def _stamp(st: os.stat_result) -> tuple[int, ...]:
    return st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino


def _digest(data: bytes) -> bytes:
    # A CRC tells an edit from the original as surely as this needs, and zlib loads in a
    # fraction of the time hashlib's OpenSSL does (every run reads files; few write them).
    return zlib.crc32(data).to_bytes(4, "little")


def _unchanged(source: Source, real: Path, st: os.stat_result) -> bool:
    if source.stamp is None:
        return True
    if source.stamp != _stamp(st):
        return False
    try:
        return _digest(real.read_bytes()) == source.digest
    except OSError:
        return False


class ReadOnlyFile(InputError):
    pass


def write_source(source: Source, text: str) -> None:
    """Replace the file's contents, keeping everything else about it.

    Through a symbolic link the target is written and the link stays. A read-only file is left
    alone (``ReadOnlyFile``). Normally a temporary file in the same folder, carrying the
    original's owner, mode and extended attributes, is renamed over it (atomic). When a rename
    would lose something the temporary file cannot carry (another hard link, an owner or an
    attribute we may not set, a folder we may not write), the file is overwritten in place
    instead, with a copy of the original kept until the new contents are on disk.
    """
    data = _encode(source, text)
    try:
        # The name itself first: the kernel follows /dev/fd/N of a <(cmd) to its pipe, where
        # resolving the name gives a path that does not exist.
        st = os.stat(source.path)
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or a device (<(cmd) too) was read once; a file renamed over it would
            # replace it.
            raise InputError(f"{source.path}: not fixed: not a regular file")
        real = Path(source.path).resolve()
        st = os.stat(real)
    except OSError as exc:
        raise InputError(f"{source.path}: cannot write: {exc.strerror or exc}") from None
    if _read_only(real, st):
        raise ReadOnlyFile(f"{source.path}: not fixed: the file is read-only")
    if not _unchanged(source, real, st):
        raise InputError(f"{source.path}: not fixed: the file changed while it was being linted")
    try:
        if st.st_nlink > 1 or not _replace(real, data, st):
            _overwrite_in_place(real, data, st)
    except _KeptBackup as exc:
        raise InputError(
            f"{source.path}: cannot write: {exc.reason}; the original is kept in {exc.backup}"
        ) from None
    except OSError as exc:
        raise InputError(f"{source.path}: cannot write: {exc.strerror or exc}") from None


def _encode(source: Source, text: str) -> bytes:
    try:
        return source.encode(text)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{source.path}: not written: the fixed text has {exc.object[exc.start]!r}, "
            f"which {source.encoding} cannot encode"
        ) from None


_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def _read_only(path: Path, st: os.stat_result) -> bool:
    # A file with no write bit was made read-only on purpose, even for a user (root) whom
    # permissions do not stop; and renaming over it would need no permission on it at all.
    return not st.st_mode & _WRITE_BITS or not os.access(path, os.W_OK)


def _replace(real: Path, data: bytes, st: os.stat_result) -> bool:
    """Write a temporary file and rename it over ``real``. False, with nothing changed, when
    the temporary file cannot be made to carry what the original has."""
    try:
        fd, tmp = _temp_beside(real, ".textlint-tmp")
    except PermissionError:
        return False  # a folder we may not write
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if not _carry_metadata(fh.fileno(), real, st):
                os.unlink(tmp)
                return False
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, real)
        except PermissionError:  # e.g. someone else's file in a sticky folder
            os.unlink(tmp)
            return False
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(real.parent)
    return True


def _carry_metadata(fd: int, real: Path, st: os.stat_result) -> bool:
    """Give the open temporary file the original's owner, mode and extended attributes."""
    try:
        if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            os.fchown(fd, st.st_uid, st.st_gid)
        os.fchmod(fd, stat.S_IMODE(st.st_mode))  # after chown, which may clear set-id bits
        names = _xattr_names(real)
        for name in names:
            os.setxattr(fd, name, os.getxattr(real, name))
        # The folder's default ACL or label may have given the new file attributes of its own.
        for name in set(_xattr_names(fd)) - set(names):
            os.removexattr(fd, name)
    except OSError:
        return False
    return True


def _xattr_names(path: Path | int) -> list[str]:
    if not hasattr(os, "listxattr"):
        return []  # not Linux: no xattr calls in the os module
    try:
        return os.listxattr(path)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return []
        raise


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not every platform can open a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _KeptBackup(Exception):
    def __init__(self, reason: str, backup: str) -> None:
        super().__init__(reason)
        self.reason, self.backup = reason, backup


def _overwrite_in_place(real: Path, data: bytes, st: os.stat_result) -> None:
    """Rewrite the file's own inode (links, owner, attributes stay), with a copy of the
    original kept on disk until the new contents are synced. If writing fails or is
    interrupted, the original is put back; if even that fails, the copy is left and named."""
    with open(real, "rb") as fh:
        original = fh.read()
    backup = _write_backup(real, original)
    try:
        out = open(real, "r+b")  # noqa: SIM115 - closed below, after the restore if need be
    except OSError:
        os.unlink(backup)  # nothing was written
        raise
    try:
        with out:
            _write_into(out, data)
    except BaseException as exc:  # an interrupt (Ctrl-C) too: never leave half a file
        reason = exc.strerror or str(exc) if isinstance(exc, OSError) else "interrupted"
        try:
            with open(real, "r+b") as again:
                _write_into(again, original)
        except OSError:
            raise _KeptBackup(reason, backup) from None
        os.unlink(backup)
        raise
    os.unlink(backup)
    # Writing clears the set-user-ID and set-group-ID bits of a file not one's own to
    # change; where we may, they are set back.
    if stat.S_IMODE(os.stat(real).st_mode) != stat.S_IMODE(st.st_mode):
        with contextlib.suppress(OSError):
            os.chmod(real, stat.S_IMODE(st.st_mode))


def _write_backup(real: Path, original: bytes) -> str:
    try:
        fd, path = _temp_beside(real, ".textlint-backup")
    except PermissionError:  # a folder we may not write: the system's temporary folder
        fd, path = tempfile.mkstemp(prefix=".textlint-", suffix=".textlint-backup")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(original)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:  # a full disk: no half copy is left behind
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    return path


# File names are at most 255 bytes on most file systems: the temporary name keeps as much of
# the original's as fits beside mkstemp's 8 random characters and the suffix.
NAME_MAX = 255


def _temp_beside(real: Path, suffix: str) -> tuple[int, str]:
    room = NAME_MAX - len(suffix.encode()) - 8 - 2
    name = os.fsencode(real.name)[:max(0, room)].decode(errors="ignore")
    # mkstemp makes the file 0600, so a copy of someone else's text is not left readable.
    return tempfile.mkstemp(dir=real.parent, prefix=f".{name}.", suffix=suffix)


def _write_into(fh: BinaryIO, data: bytes) -> None:
    # Opened "r+b", which neither truncates nor creates: the file stays the same inode.
    fh.seek(0)
    fh.write(data)
    fh.truncate()
    fh.flush()
    os.fsync(fh.fileno())


def is_venv(directory: Path) -> bool:
    try:
        return (directory / "pyvenv.cfg").is_file()
    except OSError:  # a folder we may not read: os.walk reports it
        return False


def walk(root: Path, on_error: Callable[[str, str], None]) -> Iterator[Path]:
    """Files under ``root`` in a stable order, skipping version control, virtualenvs,
    dependency and build folders. A folder that cannot be read goes to ``on_error`` (its path
    and the problem) and the walk goes on."""

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else str(root)
        on_error(str(where), f"{where}: cannot read this folder: {exc.strerror or exc}")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
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
