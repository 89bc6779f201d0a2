"""Python plugins: a check kind from another distribution, found through the ``textlint.checks``
entry-point group. The example plugin in tests/plugin_pkg is installed into a temporary
directory (never into the environment running the tests) and used from a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PLUGIN_SRC = Path(__file__).resolve().parent / "plugin_pkg"

PACK = """\
[pack]
name = "plugin-demo"

[[rules]]
id = "long-sentence"
kind = "sentence-length"
message = "Sentence of {words} words (more than {max})"
severity = "info"
summary = "Sentences longer than the limit"
what = "Reports sentences with more words than max-words."
options = { max-words = 8 }
"""

SCRIPT = textwrap.dedent("""
    import json, sys
    from textlint.document import Document
    from textlint.linter import ActiveRule, Linter
    from textlint.registry import kind_names, load_pack_file
    from textlint.rules import PackError

    try:
        pack = load_pack_file(sys.argv[1])
    except PackError as exc:
        print(json.dumps({"error": str(exc), "kinds": kind_names()}))
        raise SystemExit(0)
    linter = Linter([ActiveRule.build(r) for r in pack.rules])
    text = sys.argv[2]
    diags = linter.lint(Document(text))
    print(json.dumps({
        "kinds": kind_names(),
        "found": [[d.rule_id, text[d.span.start:d.span.end], d.message] for d in diags],
    }))
""")


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Build from a copy, so that the build leaves nothing behind in the source tree.
    work = tmp_path_factory.mktemp("plugin")
    src = work / "src"
    shutil.copytree(PLUGIN_SRC, src)
    target = work / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-input",
         "--target", str(target), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        pytest.skip(f"could not build the example plugin (no build backend?): {proc.stderr[-500:]}")
    return target


def run(pack: Path, text: str, pythonpath: Path | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(pack), text],
                          capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "plugin-demo.toml"
    path.write_text(PACK, encoding="utf-8")
    return path


def test_plugin_kind_runs_from_a_user_pack(plugin_dir: Path, pack: Path) -> None:
    text = "Short one. This sentence has quite a lot more than eight words in it. Fine."
    out = run(pack, text, plugin_dir)
    assert "sentence-length" in out["kinds"]  # type: ignore[operator]
    assert out["found"] == [[
        "long-sentence",
        "This sentence has quite a lot more than eight words in it.",
        "Sentence of 12 words (more than 8)",
    ]]


def test_plugin_options_are_validated(plugin_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(PACK.replace("max-words = 8", "max-words = 0"), encoding="utf-8")
    out = run(bad, "x", plugin_dir)
    assert str(bad) in str(out["error"]) and "'long-sentence'" in str(out["error"])
    assert "max-words" in str(out["error"])


def test_without_the_plugin_the_kind_is_unknown(pack: Path) -> None:
    """The plugin is not installed in the environment itself: the test did not pollute it."""
    out = run(pack, "x", None)
    assert "sentence-length" not in out["kinds"]  # type: ignore[operator]
    assert "unknown check kind 'sentence-length'" in str(out["error"])
