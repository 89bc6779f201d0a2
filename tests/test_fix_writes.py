"""``--fix`` must never lose anything about a file: its links, owner, mode and extended
attributes, a read-only file's contents, or a change made while textlint was running."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from textlint import files
from textlint.cli import main
from textlint.config import config_for_dir
from textlint.files import InputError, ReadOnlyFile, read_source, write_source
from textlint.selection import rules_with_packs

OLD = "They said “no”Putin told them.\n"
NEW = "They said “no” Putin told them.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    config_for_dir.cache_clear()
    rules_with_packs.cache_clear()
    yield
    config_for_dir.cache_clear()
    rules_with_packs.cache_clear()


def _xattrs_work(folder: Path) -> bool:
    probe = folder / ".probe"
    probe.write_text("")
    try:
        os.setxattr(probe, "user.textlint-probe", b"1")
    except (AttributeError, OSError):
        return False
    finally:
        probe.unlink()
    return True


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*textlint-*"))


# --- what is kept ------------------------------------------------------------------------------

def _plain(tmp: Path) -> tuple[Path, list[Path]]:
    path = tmp / "f.txt"
    path.write_text(OLD, encoding="utf-8")
    return path, [path]


def _hard_link(tmp: Path) -> tuple[Path, list[Path]]:
    path, _ = _plain(tmp)
    other = tmp / "other-name.txt"
    os.link(path, other)
    return path, [path, other]


def _symlink(tmp: Path) -> tuple[Path, list[Path]]:
    (tmp / "real").mkdir()
    target = tmp / "real" / "f.txt"
    target.write_text(OLD, encoding="utf-8")
    link = tmp / "link.txt"
    link.symlink_to(os.path.join("real", "f.txt"))  # relative, to another folder
    return link, [target]


def _symlink_chain(tmp: Path) -> tuple[Path, list[Path]]:
    first, targets = _symlink(tmp)
    second = tmp / "second.txt"
    second.symlink_to(first.name)
    return second, targets


def _symlink_to_hard_link(tmp: Path) -> tuple[Path, list[Path]]:
    path, names = _hard_link(tmp)
    link = tmp / "link.txt"
    link.symlink_to(path.name)
    return link, names


@pytest.mark.parametrize(
    "make",
    [_plain, _hard_link, _symlink, _symlink_chain, _symlink_to_hard_link],
    ids=["plain", "hard-link", "symlink", "symlink-chain", "symlink-to-hard-link"],
)
def test_fix_writes_every_name_and_keeps_links(
    make: Callable[[Path], tuple[Path, list[Path]]], tmp_path: Path
) -> None:
    given, names = make(tmp_path)
    links = {p: os.readlink(p) for p in tmp_path.rglob("*") if p.is_symlink()}
    inodes = [p.stat().st_ino for p in names]
    write_source(read_source(str(given)), NEW)
    assert [p.read_text(encoding="utf-8") for p in names] == [NEW] * len(names)
    assert {p: os.readlink(p) for p in tmp_path.rglob("*") if p.is_symlink()} == links
    if len(names) > 1:  # hard links: still one file under every name
        assert [p.stat().st_ino for p in names] == inodes
        assert names[0].stat().st_nlink == len(names)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("make", [_plain, _hard_link], ids=["renamed", "in-place"])
def test_fix_keeps_extended_attributes(
    make: Callable[[Path], tuple[Path, list[Path]]], tmp_path: Path
) -> None:
    if not _xattrs_work(tmp_path):
        pytest.skip("this file system has no user extended attributes")
    path, _ = make(tmp_path)
    os.setxattr(path, "user.origin", b"translated")
    os.setxattr(path, "user.empty", b"")
    write_source(read_source(str(path)), NEW)
    assert path.read_text(encoding="utf-8") == NEW
    assert {n: os.getxattr(path, n) for n in os.listxattr(path)} == {
        "user.origin": b"translated",
        "user.empty": b"",
    }


@pytest.mark.parametrize(
    "mode", [0o600, 0o640, 0o755, 0o4755, 0o200], ids=["0600", "0640", "0755", "setuid", "0200"]
)
def test_fix_keeps_mode(mode: int, tmp_path: Path) -> None:
    path, _ = _plain(tmp_path)
    source = read_source(str(path))
    os.chmod(path, mode)
    write_source(source, NEW)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    os.chmod(path, 0o600)
    assert path.read_text(encoding="utf-8") == NEW


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
@pytest.mark.parametrize("make", [_plain, _hard_link], ids=["renamed", "in-place"])
def test_fix_keeps_owner(make: Callable[[Path], tuple[Path, list[Path]]], tmp_path: Path) -> None:
    path, _ = make(tmp_path)
    os.chown(path, 4321, 4322)
    write_source(read_source(str(path)), NEW)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)
    assert path.read_text(encoding="utf-8") == NEW


def _deny(name: str) -> Callable[..., None]:
    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, f"Operation not permitted ({name})")

    return deny


@pytest.mark.parametrize(
    ("owner", "target", "name"),
    [
        ("other", os, "fchown"),  # someone else's file we may write but not give away
        ("self", os, "setxattr"),  # an attribute (a label, an ACL) we may not set
        ("self", os, "replace"),  # someone else's file in a sticky folder
        ("self", files, "_temp_beside"),  # a folder we may not write
    ],
    ids=["owner", "xattr", "rename", "folder"],
)
def test_when_rename_would_lose_something_the_file_is_written_in_place(
    owner: str, target: object, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = _plain(tmp_path)
    if name == "setxattr":
        if not _xattrs_work(tmp_path):
            pytest.skip("this file system has no user extended attributes")
        os.setxattr(path, "user.origin", b"x")
    source = read_source(str(path))
    if owner == "other":  # seen as someone else's without needing root to chown
        monkeypatch.setattr(os, "getuid", lambda: os.stat(path).st_uid + 1)
    inode = path.stat().st_ino
    calls = []
    real_write = files._write_into
    monkeypatch.setattr(files, "_write_into",
                        lambda fh, d: calls.append(fh.name) or real_write(fh, d))
    monkeypatch.setattr(target, name, _deny(name))
    write_source(source, NEW)
    assert calls == [str(path.resolve())]
    assert (path.stat().st_ino, path.read_text(encoding="utf-8")) == (inode, NEW)
    assert _leftovers(tmp_path) == []


# --- what is refused ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("mode", "make"),
    [(0o444, _plain), (0o400, _plain), (0o555, _plain), (0o444, _hard_link), (0o444, _symlink)],
    ids=["0444", "0400", "0555", "hard-link-0444", "symlink-to-0444"],
)
def test_read_only_file_is_not_modified(
    mode: int, make: Callable[[Path], tuple[Path, list[Path]]], tmp_path: Path
) -> None:
    given, names = make(tmp_path)
    source = read_source(str(given))
    os.chmod(names[0], mode)
    with pytest.raises(ReadOnlyFile) as info:
        write_source(source, NEW)
    assert str(info.value) == f"{given}: not fixed: the file is read-only"
    assert names[0].read_text(encoding="utf-8") == OLD
    assert stat.S_IMODE(names[0].stat().st_mode) == mode
    assert _leftovers(tmp_path) == []


def test_file_changed_since_read_is_not_overwritten(tmp_path: Path) -> None:
    path, _ = _plain(tmp_path)
    source = read_source(str(path))
    path.write_text("Edited meanwhile, and longer than before.\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed while it was being linted"):
        write_source(source, NEW)
    assert path.read_text(encoding="utf-8") == "Edited meanwhile, and longer than before.\n"


# --- when writing in place fails ----------------------------------------------------------------

def _fail_writes(monkeypatch: pytest.MonkeyPatch, how_many: int) -> None:
    real = files._write_into
    calls = {"n": 0}

    def flaky(fh: BinaryIO, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] <= how_many:
            fh.seek(0)
            fh.write(data[:5])  # a partial write, then the disk is full
            fh.flush()
            raise OSError(28, "No space left on device")
        real(fh, data)

    monkeypatch.setattr(files, "_write_into", flaky)


def test_failed_in_place_write_puts_the_original_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, names = _hard_link(tmp_path)
    _fail_writes(monkeypatch, 1)
    with pytest.raises(InputError, match=r"cannot write: No space left on device$"):
        write_source(read_source(str(path)), NEW)
    assert [p.read_text(encoding="utf-8") for p in names] == [OLD, OLD]
    assert _leftovers(tmp_path) == []


def test_interrupted_in_place_write_puts_the_original_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, names = _hard_link(tmp_path)
    real = files._write_into
    calls = {"n": 0}

    def interrupted(fh: BinaryIO, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            fh.seek(0)
            fh.write(data[:5])
            fh.truncate()
            fh.flush()
            raise KeyboardInterrupt  # Ctrl-C in the middle of the write
        real(fh, data)

    monkeypatch.setattr(files, "_write_into", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_source(read_source(str(path)), NEW)
    assert [p.read_text(encoding="utf-8") for p in names] == [OLD, OLD]
    assert _leftovers(tmp_path) == []


def test_failed_restore_keeps_and_names_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = _hard_link(tmp_path)
    _fail_writes(monkeypatch, 2)
    with pytest.raises(InputError, match="the original is kept in ") as info:
        write_source(read_source(str(path)), NEW)
    backup = Path(str(info.value).rsplit("the original is kept in ", 1)[1])
    assert backup.read_text(encoding="utf-8") == OLD
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


# --- through the command line ---------------------------------------------------------------------

def test_cli_reports_read_only_file_and_fixes_the_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("locked.txt").write_text(OLD, encoding="utf-8")
    Path("open.txt").write_text(OLD, encoding="utf-8")
    os.chmod("locked.txt", 0o444)
    code = main(["--color", "never", "--select", "quote-spacing", "--fix", "locked.txt",
                 "open.txt"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err == "textlint: locked.txt: not fixed: the file is read-only\n"
    assert Path("locked.txt").read_text(encoding="utf-8") == OLD
    assert Path("open.txt").read_text(encoding="utf-8") == NEW
    assert "locked.txt:1:14: error [quote-spacing]" in out  # its findings are still shown
    assert out.endswith(
        "1 error on stderr.\n"
        "1 finding (1 error) in 2 files; 1 fixed; 1 fixable with --fix.\n"
    )


# --- encodings that cannot hold a fix, or do not give back their bytes ----------------------

_MOJIBAKE_1252 = "Å‚Ã³dÅº. I ate a apple.\n"  # its fix, łódź, has no cp1252 form


def test_a_fix_the_encoding_cannot_hold_is_left_out(tmp_path: Path) -> None:
    (tmp_path / ".textlint.toml").write_text('encoding = "cp1252"\n')
    path = tmp_path / "f.txt"
    path.write_bytes(_MOJIBAKE_1252.encode("cp1252"))
    assert main(["--fix", "--select", "mojibake,a-an", str(path)]) == 1
    assert path.read_bytes() == _MOJIBAKE_1252.replace("a apple", "an apple").encode("cp1252")


def test_stdin_fix_in_an_encoding_that_cannot_hold_a_fix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    import io
    import sys

    (tmp_path / ".textlint.toml").write_text('encoding = "cp1252"\n')
    raw = _MOJIBAKE_1252.encode("cp1252")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert main(["--fix", "--select", "mojibake,a-an", "-"]) == 1
    out = capfdbinary.readouterr().out
    assert out.endswith(raw.replace(b"a apple", b"an apple"))


@pytest.mark.parametrize(
    ("encoding", "data", "fixed"),
    [
        pytest.param("utf-8-sig", b"a apple\n", b"an apple\n", id="utf-8-sig-without-bom"),
        pytest.param("utf-16", "a apple\n".encode("utf-16-le"), "an apple\n".encode("utf-16-le"),
                     id="utf-16-without-bom"),
        pytest.param("cp932", b"\x87\x90 a apple\n", None, id="cp932-not-round-trip"),
        pytest.param("utf-7", b"+AOk- a apple\n", None, id="utf-7-not-round-trip"),
    ],
)
def test_fixing_keeps_every_byte_no_fix_touched(tmp_path: Path, encoding: str, data: bytes,
                                                fixed: bytes | None) -> None:
    (tmp_path / ".textlint.toml").write_text(f'encoding = "{encoding}"\n')
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    code = main(["--fix", "--select", "a-an", str(path)])
    if fixed is None:  # refused, the file untouched
        assert code == 2
        assert path.read_bytes() == data
    else:
        assert code == 0
        assert path.read_bytes() == fixed


def test_nul_near_the_start_makes_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    data = b"the\x00the end\n"
    path.write_bytes(data)
    assert main(["--fix", str(path)]) == 2
    assert path.read_bytes() == data


def test_a_later_nul_is_damage_whose_removal_between_words_is_unsafe(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    data = b"Plain text. " * 1000 + b"the\x00the end.\x00\n"
    path.write_bytes(data)
    main(["--fix", "--select", "invisible-characters", str(path)])
    # The NUL at the end goes; the one that may stand for a lost space stays for a person.
    assert path.read_bytes() == data[:-2] + b"\n"
    main(["--fix", "--unsafe-fixes", "--select", "invisible-characters", str(path)])
    assert path.read_bytes() == b"Plain text. " * 1000 + b"thethe end.\n"


def test_same_size_edit_keeping_the_mtime_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("a apple\n")
    source = read_source(str(path))
    st = os.stat(path)
    path.write_text("b apple\n")  # same size; the modification time is set back
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(InputError, match="changed while it was being linted"):
        write_source(source, "an apple\n")
    assert path.read_text() == "b apple\n"


def test_a_fifo_named_with_fix_stays_a_fifo(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "pipe.txt"
    os.mkfifo(path)

    def feed() -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("I ate a apple.\n")

    writer = threading.Thread(target=feed)
    writer.start()
    assert main(["--fix", "--select", "a-an", str(path)]) == 2
    writer.join()
    assert stat.S_ISFIFO(os.lstat(path).st_mode)


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="no /dev/fd on this system")
def test_a_pipe_named_as_dev_fd_is_not_a_regular_file(
    capsys: pytest.CaptureFixture[str]
) -> None:
    # What a shell's <(cmd) passes: /dev/fd/N, a link to a pipe that no path resolves to.
    read, write = os.pipe()
    os.write(write, b"I ate a apple.\n")
    os.close(write)
    try:
        assert main(["--fix", "--select", "a-an", f"/dev/fd/{read}"]) == 2
    finally:
        os.close(read)
    assert f"/dev/fd/{read}: not fixed: not a regular file" in capsys.readouterr().err


def test_a_file_with_a_long_name_is_fixed(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 236 + ".txt")  # 240 bytes: legal, but not with a suffix added
    path.write_text("I ate a apple.\n", encoding="utf-8")
    assert main(["--fix", "--select", "a-an", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == "I ate an apple.\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("encoding", "data", "minus", "plus"),
    [
        pytest.param(None, b"\xef\xbb\xbfI ate a apple.\n", b"-\xef\xbb\xbfI ate a apple.\n",
                     b"+\xef\xbb\xbfI ate an apple.\n", id="utf-8-with-bom"),
        pytest.param("cp1252", b"caf\xe9 a apple\n", b"-caf\xe9 a apple\n",
                     b"+caf\xe9 an apple\n", id="cp1252"),
    ],
)
def test_diff_lines_are_the_files_bytes(tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes],
                                        encoding: str | None, data: bytes, minus: bytes,
                                        plus: bytes) -> None:
    # patch and git apply compare bytes: a hunk must hold the mark and the file's encoding.
    if encoding:
        (tmp_path / ".textlint.toml").write_text(f'encoding = "{encoding}"\n')
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    assert main(["--diff", "--select", "a-an", str(path)]) == 1
    out = capfdbinary.readouterr().out
    assert minus in out and plus in out
    assert f"--- a/{str(path).lstrip('/')}\n".encode() in out
    assert path.read_bytes() == data


def test_diff_names_with_spaces_end_in_a_tab(tmp_path: Path,
                                            capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    # GNU patch reads a name up to white space unless a tab ends it (git writes it so too).
    path = tmp_path / "my file.txt"
    path.write_text("I ate a apple.\n", encoding="utf-8")
    assert main(["--diff", "--select", "a-an", str(path)]) == 1
    out = capfdbinary.readouterr().out
    assert f"--- a/{str(path).lstrip('/')}\t\n".encode() in out


@pytest.mark.parametrize(
    ("cwd", "named", "shown"),
    [
        pytest.param("w", "../up.txt", "ROOT/up.txt", id="above-the-folder"),
        pytest.param(".", "w/../up.txt", "up.txt", id="dot-dot-inside"),
        pytest.param("w", "ROOT/w/../up.txt", "ROOT/up.txt", id="absolute-with-dot-dot"),
    ],
)
def test_diff_of_a_name_with_dot_dot_applies(
    cwd: str, named: str, shown: str,
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    # ".." is in no name a patch can hold (git apply and patch refuse it); a name above the
    # current folder is given from the root.
    (tmp_path / "up.txt").write_text("I ate a apple.\n", encoding="utf-8")
    (tmp_path / "w").mkdir()
    monkeypatch.chdir(tmp_path / cwd)
    root = str(tmp_path)
    assert main(["--diff", "--select", "a-an", named.replace("ROOT", root)]) == 1
    patch = capfdbinary.readouterr().out
    name = shown.replace("ROOT", root).lstrip("/")
    assert f"--- a/{name}\n+++ b/{name}\n".encode() in patch
    if shutil.which("patch"):
        subprocess.run(["patch", "-p1", "-s"], input=patch,
                       cwd="/" if shown.startswith("ROOT") else tmp_path / cwd, check=True)
        assert (tmp_path / "up.txt").read_text(encoding="utf-8") == "I ate an apple.\n"


def test_a_backup_that_cannot_be_written_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, names = _hard_link(tmp_path)  # two names: written in place, after a backup
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InputError, match="No space left on device"):
        write_source(read_source(str(path)), NEW)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert [p.read_text(encoding="utf-8") for p in names] == [OLD, OLD]
    assert _leftovers(tmp_path) == []


def test_no_diff_for_a_utf16_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes("\ufeffI ate a apple.\n".encode("utf-16-le"))
    assert main(["--diff", "--select", "a-an", str(path)]) == 2
    assert "no diff for a utf-16-le file" in capsys.readouterr().err


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_lines_ending_in_any_newline_are_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], newline: str
) -> None:
    # A file whose lines end in CR alone is linted line by line too, and fixed keeps its CRs.
    lines = ["He left the city.", "", "Read more:", "", "the the end.", ""]
    path = tmp_path / "f.txt"
    path.write_bytes(newline.join(lines).encode())
    assert main(["--no-source", "--select", "furniture-related,doubled-word", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:1: error [furniture-related]" in out
    assert f"{path}:5:1: error [doubled-word]" in out
    assert main(["--fix", "--select", "furniture-related,doubled-word", str(path)]) == 0
    assert path.read_bytes() == newline.join(["He left the city.", "", "the end.", ""]).encode()
