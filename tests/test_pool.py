"""Files linted on several processes give exactly the output of one process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_cli import run, write
from textlint import pool
from textlint.config import config_for_dir
from textlint.selection import rules_with_packs

TEXTS = [
    "They said “no”Putin told them.\n",
    "It was a hour ago. This , is it.\n",
    "A clean line of text.\n",
    "the the end\n\nRead more: Something else\n",
    "“We will support Russia”, disse Kim.\n",
]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    # Small files: the thresholds that keep small runs on one process would hide the pool.
    monkeypatch.setattr(pool, "MIN_FILES", 2)
    monkeypatch.setattr(pool, "MIN_BYTES", 0)
    config_for_dir.cache_clear()
    rules_with_packs.cache_clear()
    yield
    config_for_dir.cache_clear()
    rules_with_packs.cache_clear()


def _corpus(n: int = 12) -> None:
    for i in range(n):
        write(f"docs/f{i:02d}.txt", TEXTS[i % len(TEXTS)] * (i + 1))
    write("docs/bad.txt", b"caf\xe9 \xff\xfe broken")
    write("docs/sub/z.md", "# Title\n\nHe said “hi”to me.\n")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--format", "json"], id="json"),
        pytest.param([], id="text"),
        pytest.param(["--diff"], id="diff"),
        pytest.param(["--format", "sarif"], id="sarif"),
    ],
)
def test_many_processes_print_what_one_prints(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch,
                                              args: list[str]) -> None:
    _corpus()
    one = run(capsys, "-j", "1", *args, "docs")
    merged: list[pool.Outcome] = []
    merge = pool._merge
    monkeypatch.setattr(pool, "_merge", lambda r, o, s: (merged.append(o), merge(r, o, s)))
    two = run(capsys, "-j", "2", *args, "docs")
    assert len(merged) == 13  # every file but the first came from a worker
    assert two == one
    assert one[0] == 2  # the undecodable file is an error, the others are still linted
    if args == ["--format", "json"]:
        assert len(json.loads(one[1])["files"]) == 13


def test_many_processes_fix_what_one_fixes(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    _corpus()
    code1, out1, err1 = run(capsys, "-j", "1", "--fix", "docs")
    fixed1 = {p.name: p.read_bytes() for p in sorted(tmp_path.glob("docs/**/*.*"))}
    _corpus()
    code2, out2, err2 = run(capsys, "-j", "2", "--fix", "docs")
    fixed2 = {p.name: p.read_bytes() for p in sorted(tmp_path.glob("docs/**/*.*"))}
    assert (code2, out2, err2) == (code1, out1, err1)
    assert fixed2 == fixed1
    assert fixed1["f00.txt"] == "They said “no” Putin told them.\n".encode()


@pytest.mark.parametrize(
    ("requested", "files", "size", "expected"),
    [
        pytest.param(1, 10, 10**6, 1, id="one-asked"),
        pytest.param(2, 10, 10**6, 2, id="two-asked"),
        pytest.param(8, 3, 10**6, 3, id="no-more-than-files"),
        pytest.param(2, 1, 10**6, 1, id="one-file"),
        pytest.param(2, 10, 10, 1, id="too-little-text"),
    ],
)
def test_jobs_for(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, requested: int, files: int,
                  size: int, expected: int) -> None:
    monkeypatch.setattr(pool, "MIN_BYTES", 1000)
    targets = []
    for i in range(files):
        p = tmp_path / f"f{i}.txt"
        p.write_bytes(b"x" * (size // files))
        targets.append(str(p))
    assert pool.jobs_for(requested, targets) == expected


_REAL_LINT = pool._lint


def _dies_on_f05(item: tuple[str, bool]) -> pool.Outcome:
    # (At module level: the pool sends the function by name.)
    import os

    if item[0].endswith("f05.txt"):
        os._exit(9)  # as the out-of-memory killer ends it: no exception, no results
    return _REAL_LINT(item)


def test_a_worker_that_dies_ends_the_run_with_an_error(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _corpus()
    monkeypatch.setattr(pool, "_lint", _dies_on_f05)
    code, _, err = run(capsys, "-j", "2", "docs")  # (a pool waiting for it would hang here)
    assert code == 2
    assert "a worker process stopped before it sent its results" in err
