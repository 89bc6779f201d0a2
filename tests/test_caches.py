"""The start-up caches: compiled patterns and parsed built-in packs, kept between runs."""

from __future__ import annotations

import marshal
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from textlint import regexcache, registry

CALLS: list[str] = []


def _record(what: str) -> str:
    CALLS.append(what)
    return what


class _Smuggled:
    """Unpickles as a call of ``_record``: what a tampered cache file could run."""

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return _record, ("ran",)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path))
    regexcache.reset()
    registry.builtin_packs.cache_clear()
    yield tmp_path
    regexcache.reset()
    registry.builtin_packs.cache_clear()


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The patterns that ``regexcache`` had to compile itself."""
    seen: list[str] = []
    real = regexcache.regex.compile

    def counting(pattern: str, flags: int = 0) -> Any:
        seen.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(regexcache.regex, "compile", counting)
    return seen


def test_saved_pattern_is_not_compiled_again(cache: Path, compiles: list[str]) -> None:
    first = regexcache.compile(r"\p{Lu}\p{Ll}+", regexcache.regex.V1)
    regexcache.save()
    regexcache.reset()
    again = regexcache.compile(r"\p{Lu}\p{Ll}+", regexcache.regex.V1)
    assert compiles == [r"\p{Lu}\p{Ll}+"]
    assert again.pattern == first.pattern and again.flags == first.flags
    assert again.findall("Ana and Kim") == ["Ana", "Kim"]


def test_flags_are_part_of_the_key(cache: Path, compiles: list[str]) -> None:
    regexcache.compile("abc")
    regexcache.save()
    regexcache.reset()
    folded = regexcache.compile("abc", regexcache.regex.IGNORECASE)
    assert folded.match("ABC")
    assert compiles == ["abc", "abc"]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"not a pickle", id="garbage"),
        pytest.param(pickle.dumps(["a", "list"]), id="not-a-table"),
        pytest.param(pickle.dumps({("x", 0): "not a pattern"}), id="wrong-values"),
        pytest.param(b"", id="empty"),
    ],
)
def test_damaged_file_means_compiling_afresh(
    cache: Path, compiles: list[str], content: bytes
) -> None:
    regexcache.cache_path().parent.mkdir(parents=True, exist_ok=True)
    regexcache.cache_path().write_bytes(content)
    assert regexcache.compile("x+").match("xx")
    assert compiles == ["x+"]


def test_file_may_name_only_the_engine(cache: Path, compiles: list[str]) -> None:
    CALLS.clear()
    regexcache.cache_path().parent.mkdir(parents=True, exist_ok=True)
    regexcache.cache_path().write_bytes(pickle.dumps({("x+", 0): _Smuggled()}))
    assert regexcache.compile("x+").match("xx")
    assert CALLS == []
    assert compiles == ["x+"]


def test_file_keeps_what_runs_use(cache: Path) -> None:
    for i in range(10):
        regexcache.compile(f"a{{{i + 1}}}")
    regexcache.save()
    regexcache.reset()
    regexcache.compile("a{1}")
    regexcache.save()
    regexcache.reset()
    assert list(regexcache._read()) == [("a{1}", 0)]


def test_one_off_patterns_are_not_saved(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "_MAX_SAVED", 2)
    for pattern in ("a", "b", "c"):
        regexcache.compile(pattern)
    regexcache.save()
    assert not regexcache.cache_path().exists()


def test_packs_from_the_cache_equal_parsed_packs(cache: Path) -> None:
    parsed = registry.builtin_packs()
    stored = list(cache.rglob("packs.marshal"))
    assert len(stored) == 1
    registry.builtin_packs.cache_clear()
    assert registry.builtin_packs() == parsed


@pytest.mark.parametrize(
    "content",
    [pytest.param(b"\x00garbage", id="garbage"), pytest.param(b"", id="empty")],
)
def test_damaged_pack_cache_is_parsed_again(cache: Path, content: bytes) -> None:
    parsed = registry.builtin_packs()
    stored = next(cache.rglob("packs.marshal"))
    stored.write_bytes(content)
    registry.builtin_packs.cache_clear()
    assert registry.builtin_packs() == parsed
    assert stored.read_bytes() != content


def test_pack_cache_of_other_texts_is_not_used(cache: Path) -> None:
    parsed = registry.builtin_packs()
    stored = next(cache.rglob("packs.marshal"))
    # Tables that do not come from the installed packs' texts: an older version's, say.
    stored.write_bytes(marshal.dumps(([("core.toml", "[pack]")], [{"pack": {"name": "x"}}])))
    registry.builtin_packs.cache_clear()
    assert registry.builtin_packs() == parsed


def test_unwritable_cache_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file where the cache folder should be: nothing can be read from it or written to it.
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(blocker))
    regexcache.reset()
    registry.builtin_packs.cache_clear()
    try:
        assert regexcache.compile(r"\p{Ll}+").match("abc")
        regexcache.save()
        assert any(p.name == "core" for p in registry.builtin_packs())
    finally:
        regexcache.reset()
        registry.builtin_packs.cache_clear()
