from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from textlint.files import BinaryFile, InputError, decode, read_source, walk, write_source


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (b"plain", "utf-8", b""),
        (codecs.BOM_UTF8 + b"bom", "utf-8", codecs.BOM_UTF8),
        (codecs.BOM_UTF16_LE + "x”y".encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
    ],
    ids=["utf8", "utf8-bom", "utf16"],
)
def test_round_trip_keeps_encoding_and_bom(
    data: bytes, encoding: str, bom: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    source = read_source(str(path))
    assert (source.encoding, source.bom) == (encoding, bom)
    write_source(source, source.text + "!")
    assert path.read_bytes() == data + "!".encode(encoding)


def test_undecodable_bytes_name_file_and_offset() -> None:
    with pytest.raises(InputError) as info:
        decode(b"abc\xff def", "x.txt")
    assert str(info.value).startswith("x.txt: cannot decode as utf-8 at byte 3")


def test_binary_detected() -> None:
    with pytest.raises(BinaryFile, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "img.txt")


def test_write_keeps_mode_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"a\r\nb\r\n")
    os.chmod(path, 0o640)
    source = read_source(str(path))
    write_source(source, source.text.replace("a", "A"))
    assert path.read_bytes() == b"A\r\nb\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]  # no temp file left behind


def test_walk_skips_vcs_venv_and_build(tmp_path: Path) -> None:
    for rel in [
        ".git/x.txt",
        "node_modules/y.txt",
        "env/pyvenv.cfg",
        "env/z.txt",
        "build/b.txt",
        "pkg.egg-info/c.txt",
        "docs/keep.txt",
        "top.txt",
    ]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    errors: list[tuple[str, str]] = []
    found = sorted(p.relative_to(tmp_path).as_posix()
                   for p in walk(tmp_path, lambda *e: errors.append(e)))
    assert found == ["docs/keep.txt", "top.txt"]
    assert errors == []


def test_configured_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes("wide text".encode("utf-16-le"))
    assert read_source(str(path), "utf-16-le").text == "wide text"
