"""The command line, end to end through main(argv) (no subprocess: fast and in-process)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from textlint.cli import main
from textlint.config import config_for_dir
from textlint.langcodes import normalize
from textlint.selection import rules_with_packs

GLUED = "They said “no”Putin told them.\n"
GLUED_FIXED = "They said “no” Putin told them.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    config_for_dir.cache_clear()
    rules_with_packs.cache_clear()
    yield
    config_for_dir.cache_clear()
    rules_with_packs.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--color", "never", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(path: str, text: str | bytes) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def use_pack(name: str, *rules: dict[str, str], config: str = "") -> None:
    """Write a pack of these rules (TOML values as given, "options" inline; message "m" unless
    set) and a .textlint.toml that loads it and selects it alone, plus ``config``."""
    body = [f'[pack]\nname = "{name}"\n']
    for r in rules:
        fields = {"message": "m", **r}
        options = fields.pop("options")
        body.append("[[rules]]\n" + "".join(f'{k} = "{v}"\n' for k, v in fields.items())
                    + f"options = {options}\n")
    write(f"{name}.toml", "\n".join(body))
    write(".textlint.toml", f'packs = ["{name}.toml"]\nselect = ["{name}"]\n{config}')


def test_finding_shows_position_source_and_caret(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing", "a.txt")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("a.txt:1:14: error [quote-spacing] ")
    assert lines[1] == "  1 | They said “no”Putin told them."
    assert lines[2] == "    |              ^^"
    assert "1 fixable with --fix" in out


def test_fix_writes_and_second_fix_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("a.txt", GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing", "--fix", "a.txt")
    assert code == 0
    assert path.read_text(encoding="utf-8") == GLUED_FIXED
    assert "1 fixed" in out or "All clear" in out
    before = path.stat().st_mtime_ns
    run(capsys, "--select", "quote-spacing", "--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == GLUED_FIXED
    assert path.stat().st_mtime_ns == before  # nothing to write, nothing written


def test_diff_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("a.txt", GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing", "--diff", "a.txt")
    assert code == 1
    assert "-They said “no”Putin told them." in out
    assert "+They said “no” Putin told them." in out
    assert path.read_text(encoding="utf-8") == GLUED


def test_stdin_fix_prints_fixed_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GLUED.encode())))
    code, out, _err = run(capsys, "--select", "quote-spacing", "--fix", "-")
    assert out == GLUED_FIXED
    assert code == 0


def test_json_output_validates_against_schema(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    write("a.txt", GLUED)
    code, out, _ = run(
        capsys, "--select", "quote-spacing", "--format", "json", "a.txt", "missing.txt"
    )
    data = json.loads(out)
    schema_path = Path(__file__).resolve().parents[1] / "textlint" / "schema" / "output-v1.json"
    jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    diag = data["files"][0]["diagnostics"][0]
    assert (diag["rule"], diag["line"], diag["column"], diag["text"]) == (
        "quote-spacing",
        1,
        14,
        "”P",
    )
    assert data["errors"][0]["path"] == "missing.txt"
    assert code == 2


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_machine_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    write("a.txt", GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing", "--format", fmt, "a.txt")
    assert code == 1
    if fmt == "github":
        assert out.startswith("::error file=a.txt,line=1,col=14,")
    else:
        sarif = json.loads(out)
        result = sarif["runs"][0]["results"][0]
        assert result["ruleId"] == "quote-spacing"
        assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 14


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({}, ["missing.txt"], "missing.txt: no such file or directory"),
        ({"bin.txt": b"\x00\x01\x02"}, ["bin.txt"], "bin.txt: binary file"),
        ({"bad.txt": b"ok \xff\xfe"}, ["bad.txt"], "bad.txt: cannot decode as utf-8 at byte 3"),
        (
            {".textlint.toml": "selct = []\n", "a.txt": "x"},
            ["a.txt"],
            ".textlint.toml: unknown key 'selct'",
        ),
        ({".textlint.toml": "select = [\n", "a.txt": "x"}, ["a.txt"], "invalid TOML"),
        ({"empty/x.bin": b"\x00"}, ["empty"], "empty: no text files to lint here"),
        (
            {".textlint.toml": 'packs = ["nope.toml"]\n', "a.txt": "x"},
            ["a.txt"],
            "nope.toml: pack file not found",
        ),
    ],
    ids=[
        "missing",
        "binary",
        "undecodable",
        "unknown-key",
        "broken-toml",
        "no-text-files",
        "missing-pack",
    ],
)
def test_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], files: dict[str, str | bytes], args: list[str], message: str
) -> None:
    # The bad input lives in its own folder so that its config does not apply to the good file.
    for name, content in files.items():
        write(f"bad/{name}", content)
    write("other/good.txt", GLUED)
    code, out, err = run(
        capsys, "--select", "quote-spacing", *[f"bad/{a}" for a in args], "other/good.txt"
    )
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("textlint:")]) == 1
    assert "other/good.txt:1:14" in out  # the other file is still linted


def test_binary_found_in_directory_is_skipped_with_note(capsys: pytest.CaptureFixture[str]) -> None:
    write("d/a.txt", GLUED)
    write("d/b.txt", b"\x00\x00")
    code, out, _err = run(capsys, "--select", "quote-spacing", "d")
    assert code == 1
    assert "note: skipped d/b.txt: binary file" in out


def test_symbolic_link_loops_are_reported_not_raised(capsys: pytest.CaptureFixture[str]) -> None:
    write("d/a.txt", GLUED)
    os.symlink("loop.txt", "d/loop.txt")
    code, out, err = run(capsys, "--select", "quote-spacing", "d")
    assert code == 1 and "Traceback" not in err
    assert "note: skipped d/loop.txt: symbolic link loop" in out
    code, out, err = run(capsys, "--select", "quote-spacing", "d/loop.txt", "d/a.txt")
    assert code == 2
    assert err == "textlint: d/loop.txt: symbolic link loop\n"
    assert "d/a.txt:1:14" in out


def test_unreadable_folder_is_an_error_and_the_rest_is_linted(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write("d/a.txt", GLUED)
    write("d/locked/b.txt", GLUED)
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # a folder the user may not list (root may list all)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, "--select", "quote-spacing", "d")
    assert code == 2
    assert err == "textlint: d/locked: cannot read this folder: Permission denied\n"
    assert "d/a.txt:1:14" in out


def test_directory_walk_uses_extensions_and_exclude(capsys: pytest.CaptureFixture[str]) -> None:
    write(".textlint.toml", 'exclude = ["vendor/"]\nextensions = [".txt", ".rst"]\n')
    write("docs/a.rst", GLUED)
    write("docs/b.md", GLUED)
    write("vendor/c.txt", GLUED)
    write(".git/d.txt", GLUED)
    _code, out, _ = run(capsys, "--select", "quote-spacing", "--no-source", ".")
    files = sorted({line.split(":")[0] for line in out.splitlines() if ":1:" in line})
    assert files == ["docs/a.rst"]


def test_select_ignore_and_per_file_ignores(capsys: pytest.CaptureFixture[str]) -> None:
    write(".textlint.toml", '[per-file-ignores]\n"quoted/*" = ["quote-spacing"]\n')
    write("quoted/a.txt", GLUED)
    write("b.txt", GLUED)
    _, out, _ = run(capsys, "--select", "quote-spacing", "--no-source", "quoted/a.txt", "b.txt")
    assert "b.txt:1:14" in out and "quoted/a.txt" not in out.split("finding")[0]
    _code, out, _ = run(capsys, "--select", "typography", "--ignore", "quote-spacing", "b.txt")
    assert "quote-spacing" not in out


@pytest.mark.parametrize(
    ("paths", "noted"),
    [
        pytest.param((".",), True, id="whole-folder"),
        pytest.param(("docs/a.txt",), False, id="files-named-one-by-one"),
        pytest.param(("docs",), False, id="part-of-the-folder"),
    ],
)
def test_per_file_ignores_glob_matching_nothing_is_noted(
    paths: tuple[str, ...], noted: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    write(".textlint.toml", '[per-file-ignores]\n"doc/*.txt" = ["doubled-word"]\n'
          '"docs/*.txt" = ["a-an"]\n')
    write("docs/a.txt", "This is is a test.\n")
    write("b.txt", "Fine.\n")  # a file of another folder under the same config
    _, out, _ = run(capsys, *paths)
    assert ("per-file-ignores glob 'doc/*.txt' matches no file linted" in out) is noted
    assert "'docs/*.txt' matches no file" not in out


def test_per_file_ignores_ids_are_checked_even_where_no_file_matches(
    capsys: pytest.CaptureFixture[str]
) -> None:
    write(".textlint.toml", '[per-file-ignores]\n"nowhere/*" = ["doubled-wrd"]\n')
    write("a.txt", "fine\n")
    code, _, err = run(capsys, "a.txt")
    assert code == 2
    assert "per-file-ignores['nowhere/*']: unknown rule or pack 'doubled-wrd'" in err


def test_rule_severity_from_config_changes_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.textlint.rules.quote-spacing]\nseverity = "warning"\n')
    write("a.txt", GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing", "a.txt")
    assert "warning [quote-spacing]" in out
    assert code == 0  # only error-level findings fail the run


def test_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", GLUED)
    assert run(capsys, "--select", "quote-spacing", "--exit-zero", "a.txt")[0] == 0


def test_suppression_comment_in_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.md", "<!-- textlint-disable-next-line quote-spacing -->\n" + GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing,unused-suppression", "a.md")
    assert code == 0
    assert "All clear" in out


def test_fix_keeps_bom_crlf_and_mode(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("a.txt", b"\xef\xbb\xbf" + GLUED.replace("\n", "\r\n").encode())
    os.chmod(path, 0o600)
    run(capsys, "--select", "quote-spacing", "--fix", "a.txt")
    assert path.read_bytes() == b"\xef\xbb\xbf" + GLUED_FIXED.replace("\n", "\r\n").encode()
    assert path.stat().st_mode & 0o777 == 0o600


def test_explain_and_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--explain", "quote-spacing")
    assert code == 0
    assert "## What it does" in out and "## Fix safety" in out
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0 and "quote-spacing" in out
    code, _, err = run(capsys, "--explain", "quote-spacin")
    assert code == 2 and "did you mean quote-spacing" in err


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--format", "xml", "a.txt")
    assert code == 2
    assert "Invalid value" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and "textlint" in out


def test_no_paths_without_piped_stdin_lints_the_folder(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing", "--no-source")
    assert code == 1
    assert "a.txt:1:14" in out


def test_diff_keeps_stdout_for_the_patch(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", GLUED)
    code, out, err = run(capsys, "--select", "quote-spacing", "--diff", "--format", "json", "a.txt")
    assert code == 1
    assert out.startswith("--- a/a.txt")
    assert json.loads(err)["summary"]["findings"] == 1


def test_command_line_select_overrides_config_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    write(".textlint.toml", 'ignore = ["quote-spacing"]\n')
    write("a.txt", GLUED)
    assert run(capsys, "a.txt", "--select", "quote-spacing")[0] == 1


def test_unencodable_fix_is_not_written(capsys: pytest.CaptureFixture[str]) -> None:
    write(".textlint.toml", 'encoding = "latin-1"\n')
    path = write("a.txt", "He said \xabHello\xbb to me.\n".encode("latin-1"))
    code, out, err = run(capsys, "--select", "foreign-quotation-marks", "--fix", "a.txt")
    assert (code, err) == (0, "")  # a warning, reported without its fix
    assert "note: a.txt: fixes that would write “ ” left out: latin-1 cannot encode them" in out
    assert path.read_bytes() == "He said \xabHello\xbb to me.\n".encode("latin-1")


def test_broken_config_below_a_walked_folder(capsys: pytest.CaptureFixture[str]) -> None:
    write("tree/a.txt", GLUED)
    write("tree/sub/.textlint.toml", "bogus = 1\n")
    write("tree/sub/b.txt", GLUED)
    code, out, err = run(capsys, "--select", "quote-spacing", "--no-source", "tree")
    assert code == 2
    assert "unknown key 'bogus'" in err and "Traceback" not in err
    assert "tree/a.txt:1:14" in out


def test_dangling_symlink_in_a_folder_is_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    write("d/a.txt", GLUED)
    os.symlink("missing.txt", "d/link.txt")
    code, out, _ = run(capsys, "--select", "quote-spacing", "d")
    assert code == 1
    assert "note: skipped d/link.txt: broken symbolic link" in out


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({}, ["--lang", "klingon", "a.txt"], "--lang: not a language code"),
        (
            {".textlint.toml": 'language = "klingon"\n'},
            ["a.txt"],
            "'language' must be a language code",
        ),
        (
            {".textlint.toml": '[rules.untranslated-fragment]\nsource = ["zz"]\n'},
            ["a.txt"],
            "rules.untranslated-fragment: option 'source': unknown language 'zz'",
        ),
    ],
    ids=["cli-lang", "config-language", "rule-source"],
)
def test_bad_language_codes(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], args: list[str], message: str
) -> None:
    for name, content in files.items():
        write(name, content)
    write("a.txt", GLUED)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err


def test_explicitly_named_excluded_file_gets_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    write(".textlint.toml", 'exclude = ["vendor/"]\n')
    write("vendor/v.txt", GLUED)
    code, out, _ = run(capsys, "--select", "quote-spacing", "vendor/v.txt")
    assert code == 0
    assert "note: skipped vendor/v.txt: excluded by" in out


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("files", "data", "message"),
    [
        pytest.param({}, b"The the caf\xe9.\n", "cannot decode as utf-8", id="undecodable"),
        pytest.param({}, b"The the\0cat.\n", "binary file", id="binary"),
        pytest.param({".textlint.toml": "selct = []\n"}, GLUED.encode(), "unknown key 'selct'",
                     id="broken-config"),
    ],
)
def test_stdin_fix_prints_its_input_back_when_it_cannot_lint(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str], data: bytes, message: str,
) -> None:
    for name, content in files.items():
        write(name, content)
    _stdin(monkeypatch, data)
    code = main(["--color", "never", "--fix", "-"])
    out, err = capsysbinary.readouterr()
    assert code == 2
    assert message.encode() in err
    assert out == data  # a pipe never loses its input


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--config", "bad.toml"], "unknown key 'bogus'", id="named-config"),
        pytest.param(["--config", "missing.toml"], "config file not found", id="missing-config"),
        pytest.param(["--lang", "english"], "not a language code", id="bad-lang"),
        pytest.param(["-o", "no/such/dir/r.json"], "cannot write the report", id="bad-report"),
        pytest.param(["--statistics", "--format", "json"], "prints text", id="bad-combination"),
        pytest.param(["-j", "-1"], "-j", id="click-usage-error"),
        pytest.param(["--no-such-option"], "no-such-option", id="unknown-option"),
    ],
)
def test_stdin_fix_prints_its_input_back_when_the_run_cannot_start(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch,
    args: list[str], message: str,
) -> None:
    write("bad.toml", "bogus = 1\n")
    _stdin(monkeypatch, GLUED.encode())
    monkeypatch.setattr("textlint.cli._stdin_is_piped", lambda: True)
    code = main(["--color", "never", *args, "--fix", "-"])
    out, err = capsysbinary.readouterr()
    assert code == 2
    assert message.encode() in err
    assert out == GLUED.encode()  # a pipe never loses its input


@pytest.mark.parametrize(
    ("args", "reads_stdin"),
    [
        pytest.param(["--colour", "never", "--fix", "a.txt", "-o", "-"], False,
                     id="dash-is-the-report"),
        pytest.param(["--colour", "never", "--fix", "--stdin-filename", "-", "a.txt"], False,
                     id="dash-is-the-stdin-name"),
        pytest.param(["--colour", "never", "--fix", "-o", "r.txt", "-"], True,
                     id="dash-is-the-input"),
        pytest.param(["--colour", "never", "--fix"], True, id="no-path"),
        pytest.param(["--colour", "never", "--fix", "-qo", "-", "a.txt"], False,
                     id="dash-is-the-report-of-a-cluster"),
    ],
)
def test_a_usage_error_reads_stdin_only_when_it_is_the_input(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch,
    args: list[str], reads_stdin: bool,
) -> None:
    write("a.txt", GLUED)
    _stdin(monkeypatch, GLUED.encode())
    monkeypatch.setattr("textlint.cli._stdin_is_piped", lambda: True)
    code = main(args)
    out, err = capsysbinary.readouterr()
    assert code == 2
    assert b"--colour" in err
    assert out == (GLUED.encode() if reads_stdin else b"")


def test_stdin_named_by_an_excluded_path_is_passed_through(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(".textlint.toml", 'exclude = ["vendor/"]\n')
    _stdin(monkeypatch, GLUED.encode())
    code, out, err = run(capsys, "--select", "quote-spacing", "--fix", "--stdin-filename",
                         "vendor/v.txt", "-")
    assert code == 0
    assert out == GLUED
    assert "skipped vendor/v.txt: excluded by" in err


def test_fifo_found_in_a_folder_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    write("d/a.txt", GLUED)
    os.mkfifo("d/pipe.txt")  # reading it would block the run for ever
    code, out, _ = run(capsys, "--select", "quote-spacing", "d")
    assert code == 1
    assert "note: skipped d/pipe.txt: not a regular file" in out


@pytest.mark.parametrize(
    "args",
    [["a.txt", "a.txt"], ["a.txt", "./a.txt", "d/../a.txt"], [".", "a.txt"],
     ["a.txt", "d/hard-link.txt"]],
    ids=["twice", "spelt-differently", "folder-and-file", "hard-links"],
)
def test_a_file_named_twice_is_linted_once(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    write("a.txt", GLUED)
    Path("d").mkdir()
    os.link("a.txt", "d/hard-link.txt")  # two names of one file: linting both fixed it twice
    code, out, _ = run(capsys, "--select", "quote-spacing", "--no-source", *args)
    assert code == 1
    assert out.count(":1:14:") == 1
    assert "1 finding" in out


def test_a_second_hard_link_is_skipped_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", GLUED)
    os.link("a.txt", "b.txt")
    code, out, _ = run(capsys, "--select", "quote-spacing", "a.txt", "b.txt", "./a.txt")
    assert code == 1
    assert out.count("note: skipped") == 1  # ./a.txt is the same name, said otherwise
    assert "note: skipped b.txt: the same file as a.txt" in out


def test_fixes_that_never_settle_still_report_the_findings(
    capsys: pytest.CaptureFixture[str]
) -> None:
    use_pack("loop", {"id": "to-color", "kind": "substitution", "fix": "safe",
                      "options": '{ replacements = { "colour" = "color" } }'},
             {"id": "to-colour", "kind": "substitution", "fix": "safe",
              "options": '{ replacements = { "color" = "colour" } }'})
    path = write("c.txt", "The colour.\n")
    write("x.txt", "The colour.\n")
    code, out, err = run(capsys, "--no-source", "--fix", "c.txt")
    assert code == 2
    assert "did not converge" in err
    assert "c.txt:1:5:" in out
    assert path.read_text(encoding="utf-8") == "The colour.\n"


@pytest.mark.parametrize(
    ("args", "notes"),
    [
        pytest.param(["--lang", "zh"], ["doubled-letter-typo, untranslated-fragment, "
                                        "untranslated-paragraph skipped (no word data for it)",
                                        "a-an, foreign-quotation-marks, "
                                        "mixed-quotation-marks skipped (English only)"],
                     id="no-word-data"),
        pytest.param(["--lang", "fr"], ["a-an, foreign-quotation-marks, mixed-quotation-marks "
                                        "skipped (English only)"], id="english-only-rules"),
        pytest.param(["--lang", "en-GB"], [], id="english"),
        pytest.param(["--lang", "eng"], [], id="english-three-letters"),
        pytest.param(["--lang", "EN-gb"], [], id="english-any-case"),
        pytest.param(["--lang", "FRA"], ["a-an, foreign-quotation-marks, mixed-quotation-marks "
                                         "skipped (English only)"], id="french-three-letters"),
        pytest.param([], [], id="default"),
    ],
)
def test_rules_a_language_disables_are_named(
    capsys: pytest.CaptureFixture[str], args: list[str], notes: list[str]
) -> None:
    write("a.txt", "Le texte.\n")
    _, out, _ = run(capsys, *args, "a.txt")
    lines = [line for line in out.splitlines() if line.startswith("note: language")]
    assert len(lines) == len(notes)
    assert all(any(line.startswith(f"note: language {normalize(args[1])!r}: {n}")
                   for line in lines) for n in notes)


@pytest.mark.parametrize(("config", "args", "idle"), [
    pytest.param('select = ["a-an"]\n[rules.doubled-word]\nseverity = "info"\n', [],
                 "doubled-word", id="left-off-by-select"),
    pytest.param('ignore = ["doubled-word"]\n[rules.doubled-word]\nseverity = "info"\n', [],
                 "doubled-word", id="left-off-by-ignore"),
    pytest.param('[rules.quote-punctuation]\nstyle = "logical"\n', [], "quote-punctuation",
                 id="off-by-default"),
    pytest.param('select = ["a-an"]\n[rules.doubled-word]\nseverity = "info"\n',
                 ["--select", "doubled-word"], None, id="selected-on-the-command-line"),
    pytest.param('[rules.doubled-word]\nseverity = "info"\n', ["--select", "a-an"], None,
                 id="left-off-on-the-command-line"),
])
def test_settings_of_a_rule_that_does_not_run_are_noted(
    capsys: pytest.CaptureFixture[str], config: str, args: list[str], idle: str | None
) -> None:
    write(".textlint.toml", config)
    write("a.txt", "The text.\n")
    _, out, _ = run(capsys, *args, "a.txt")
    notes = [line for line in out.splitlines() if "do nothing" in line]
    if idle is None:
        assert notes == []
    else:
        (note,) = notes
        assert f"settings for {idle} do nothing: the config does not select it" in note


def test_unknown_target_option_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    write(".textlint.toml", '[rules.untranslated-fragment]\ntarget = "zh"\n')
    write("a.txt", GLUED)
    code, _, err = run(capsys, "a.txt")
    assert code == 2
    assert "option 'target': no word data for 'zh'" in err


@pytest.mark.parametrize(
    ("args", "tail"),
    [
        pytest.param([], "1 fixable with --fix; 1 more with --fix --unsafe-fixes.", id="plain"),
        pytest.param(["--unsafe-fixes"], "2 fixable with --fix --unsafe-fixes (1 unsafe).",
                     id="unsafe-fixes-alone-counts-them"),
        pytest.param(["--unsafe-fixes", "--ignore", "a-an"],
                     "1 fixable with --fix --unsafe-fixes.", id="no-unsafe-fix-to-count"),
    ],
)
def test_summary_counts_fixes(capsys: pytest.CaptureFixture[str], args: list[str],
                              tail: str) -> None:
    # a-an's fix before a guessed sound is unsafe; quote-spacing's is safe.
    write("a.txt", "They said “no”Putin told them about a unintersting talk.\n")
    _, out, _ = run(capsys, "--select", "quote-spacing,a-an", *args, "a.txt")
    assert out.splitlines()[-1].endswith(tail)


@pytest.mark.parametrize(
    ("name", "absolute", "uri"),
    [
        pytest.param("my file#1.txt", False, "my%20file%231.txt", id="relative-encoded"),
        pytest.param("sub/100%.txt", False, "sub/100%25.txt", id="percent"),
        pytest.param("a.txt", True, "file://", id="absolute-is-a-file-uri"),
    ],
)
def test_sarif_locations_are_uris(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                  name: str, absolute: bool, uri: str) -> None:
    path = write(name, GLUED)
    arg = str(path.resolve()) if absolute else name
    _, out, _ = run(capsys, "--select", "quote-spacing", "--format", "sarif", arg)
    run_ = json.loads(out)["runs"][0]
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    if absolute:
        assert location == {"uri": path.resolve().as_uri()}
        assert location["uri"].startswith(uri)
    else:
        assert location == {"uri": uri, "uriBaseId": "%SRCROOT%"}
        assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_list_rules_and_explain_show_the_config_settings(
    capsys: pytest.CaptureFixture[str]
) -> None:
    write(".textlint.toml", '[rules.a-an]\nseverity = "info"\nfix = "unsafe"\n'
          '[rules.untranslated-fragment]\nsource = ["pt"]\n')
    _, out, _ = run(capsys, "--list-rules")
    row = next(line for line in out.splitlines() if line.startswith("a-an "))
    assert row.split()[3:5] == ["info", "unsafe"]
    _, out, _ = run(capsys, "--explain", "a-an")
    assert "Severity: info   Fix: unsafe" in out
    _, out, _ = run(capsys, "--explain", "untranslated-fragment")
    assert "source = ['pt']   (kind default [])" in out


@pytest.mark.parametrize("args", [["--select", ""], ["--ignore", "all"]], ids=["empty", "all"])
def test_no_rule_selected_is_said(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    write("a.txt", GLUED)
    write("b.txt", GLUED)
    code, out, _ = run(capsys, *args, "a.txt", "b.txt")
    assert code == 0
    assert out.count("note: nothing is checked: no rule is selected (config: no config file)") == 1


@pytest.mark.parametrize(
    ("text", "line", "pad"),
    [
        pytest.param("日本語の文章 the the cat.\n", "日本語の文章 the the cat.",
                     13, id="wide-characters"),
        pytest.param("Cafe\u0301 the the end.\n", "Cafe\u0301 the the end.",
                     5, id="combining-mark"),
        pytest.param("A bell\x07 and the the end.\n", "A bell␇ and the the end.",
                     12, id="control-picture"),
        pytest.param("Zero\u200bwidth the the end.\n", "Zero<U+200B>width the the end.",
                     18, id="format-character"),
        pytest.param("\u1112\u1161\u11ab the the end.\n", "\u1112\u1161\u11ab the the end.", 3,
                     id="decomposed-hangul"),
        pytest.param("Hi \U0001f44b\U0001f3fd the the end.\n",
                     "Hi \U0001f44b\U0001f3fd the the end.", 6, id="emoji-skin-tone"),
    ],
)
def test_source_line_and_carets_line_up_in_a_terminal(
    capsys: pytest.CaptureFixture[str], text: str, line: str, pad: int
) -> None:
    # pad: the columns before "the the" (a wide character takes two, a combining mark none).
    write("a.txt", text)
    _, out, _ = run(capsys, "--select", "doubled-word", "a.txt")
    lines = out.splitlines()
    assert lines[1] == f"  1 | {line}"
    assert lines[2] == "    | " + " " * pad + "^^^^^^^"


@pytest.mark.parametrize(("value", "coloured"), [("", True), ("1", False)],
                         ids=["empty-keeps-colour", "set-turns-it-off"])
def test_no_color_convention(capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch, value: str, coloured: bool) -> None:
    import sys

    write("a.txt", GLUED)
    monkeypatch.setenv("NO_COLOR", value)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["--select", "quote-spacing", "a.txt"])
    out, _ = capsys.readouterr()
    assert ("\x1b[" in out) is coloured


def test_list_rules_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    write(".textlint.toml", 'ignore = ["a-an"]\n')
    code, out, _ = run(capsys, "--list-rules", "--format", "json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["a-an"]["on"] is False and rows["doubled-word"]["on"] is True
    assert rows["a-an"]["pack"] == "artefacts"


@pytest.mark.parametrize(("args", "message"), [
    (["--list-rules", "--format", "sarif"], "--list-rules prints text or json, not sarif"),
    (["--explain", "a-an", "--format", "json"], "--explain prints text, not json"),
    (["--statistics", "--format", "sarif", "a.txt"], "--statistics prints text, not sarif"),
], ids=["list-rules-sarif", "explain-json", "statistics-sarif"])
def test_formats_the_listing_cannot_print_are_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize("args", [["d", "d/bin.txt"], ["./d", "./d/bin.txt"]],
                         ids=["same-spelling", "other-spelling"])
def test_a_file_named_after_its_folder_is_still_explicit(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    write("d/a.txt", GLUED)
    write("d/bin.txt", b"\x00\x01binary")
    code, _, err = run(capsys, "--select", "quote-spacing", *args)
    assert code == 2
    assert "bin.txt: binary file" in err


def test_config_options_that_break_a_pack_message_blame_the_config(
    capsys: pytest.CaptureFixture[str]
) -> None:
    use_pack("house", {"id": "house-percent", "kind": "pattern", "message": "Write {number}%",
                       "options": "{ pattern = '(?<number>\\d+) percent' }"},
             config="[rules.house-percent]\npattern = 'percent'\n")
    write("a.txt", "It rose 5 percent.\n")
    code, _, err = run(capsys, "a.txt")
    assert code == 2
    assert ".textlint.toml: rules.house-percent: the rule's 'message'" in err
    assert "unknown parameter {number}" in err


_STATISTICS = [
    "count  files  rule           severity  fixable",
    "    3      2  doubled-word   error     3",
    "    1      1  a-an           error     1",
    "    1      1  quote-spacing  error     1",
]
_STATISTICS_SUMMARY = "5 findings (5 errors) in 3 files; 5 fixable with --fix."


@pytest.mark.parametrize(("args", "code", "expected"), [
    pytest.param([], 1, [*_STATISTICS, _STATISTICS_SUMMARY], id="most-findings-first"),
    pytest.param(["-q"], 1, _STATISTICS, id="quiet-drops-the-summary"),
    pytest.param(["--select", "furniture-related"], 0, [
        "All clear: no findings in 3 files.",
    ], id="nothing-found"),
    pytest.param(["--exit-zero"], 0, [*_STATISTICS, _STATISTICS_SUMMARY], id="exit-zero"),
])
def test_statistics_count_findings_per_rule(
    capsys: pytest.CaptureFixture[str], args: list[str], code: int, expected: list[str]
) -> None:
    write("a.txt", GLUED + "It was the the end of a apple.\n")
    write("b.txt", "We went to to the shop, and and back.\n")
    write("c.txt", "Nothing to see here.\n")
    got, out, _ = run(capsys, "--statistics", *args, "a.txt", "b.txt", "c.txt")
    assert (got, out.splitlines()) == (code, expected)


def test_statistics_count_unsafe_fixes_and_every_severity(
    capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder's config makes doubled-word a warning there.
    write("a/.textlint.toml", '[rules.doubled-word]\nseverity = "warning"\n')
    write("a/x.txt", "the the end\n")
    write("y.txt", "the the end\n\n“We will win,” disse Kim.\n")
    _, out, _ = run(capsys, "--statistics", "-q", "a/x.txt", "y.txt")
    assert out.splitlines() == [
        "count  files  rule                   severity       fixable",
        "    2      2  doubled-word           error,warning  2",
        "    1      1  untranslated-fragment  warning        1 (1 unsafe)",
    ]


@pytest.mark.parametrize(("args", "code"), [
    pytest.param(["--select", "quote-spacing", "d"], 1, id="text"),
    pytest.param(["--select", "quote-spacing", "--format", "json", "d"], 1, id="json"),
    pytest.param(["--select", "quote-spacing", "--statistics", "d"], 1, id="statistics"),
    pytest.param(["--select", "quote-spacing", "--exit-zero", "d"], 0, id="exit-zero"),
])
def test_output_file_takes_the_report(
    capsys: pytest.CaptureFixture[str], args: list[str], code: int
) -> None:
    write("d/a.txt", GLUED)
    got, out, err = run(capsys, "-o", "report.txt", *args)
    expected = run(capsys, *args)
    assert (got, out, err) == (code, "", "")
    assert Path("report.txt").read_text(encoding="utf-8") == expected[1]


def test_output_file_is_no_earlier_report_to_skip(capsys: pytest.CaptureFixture[str]) -> None:
    # A report left in a linted folder is a text like any other there: writing the next
    # report over it would be writing over a linted file.
    write("a.txt", GLUED)
    assert run(capsys, "--select", "quote-spacing", "-o", "report.txt", "a.txt")[0] == 1
    first = Path("report.txt").read_text(encoding="utf-8")
    code, _, err = run(capsys, "--select", "quote-spacing", "-o", "report.txt", ".")
    assert code == 2
    assert err.startswith("textlint: report.txt: --output-file names a file being linted")
    assert Path("report.txt").read_text(encoding="utf-8") == first


@pytest.mark.parametrize(("report", "code"), [
    pytest.param("report.txt", 2, id="a-linted-extension"),
    pytest.param("sub/report.md", 2, id="in-a-subfolder"),
    pytest.param("report.json", 1, id="another-extension"),
    pytest.param(".git/report.txt", 1, id="in-a-skipped-folder"),
    pytest.param("env/report.txt", 1, id="in-a-virtualenv"),
    pytest.param("out/report.txt", 1, id="through-a-link-the-search-does-not-follow"),
    pytest.param("../alias/report.txt", 2, id="through-an-alias-of-the-folder"),
])
def test_output_file_that_a_folder_search_would_find(
    capsys: pytest.CaptureFixture[str], report: str, code: int, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Written, the report would be linted by the next run (and then refused): it is refused
    # the first time already.
    docs = tmp_path / "w" / "docs"
    docs.mkdir(parents=True)
    monkeypatch.chdir(docs)
    write("a.txt", GLUED)
    Path("sub").mkdir()
    Path(".git").mkdir()
    write("env/pyvenv.cfg", "home = /usr/bin\n")
    Path(tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", "out")
    os.symlink(Path.cwd(), "../alias")
    got, _, _ = run(capsys, "--select", "quote-spacing", "-o", report, ".")
    assert got == code
    assert Path(report).exists() == (code != 2)


def test_output_file_dash_is_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", GLUED)
    assert run(capsys, "-o", "-", "a.txt") == run(capsys, "a.txt")
    assert not Path("-").exists()


@pytest.mark.parametrize(("report", "args"), [
    pytest.param("a.txt", ["a.txt"], id="named"),
    pytest.param("a.txt", ["--fix", "a.txt"], id="fixed"),
    pytest.param("a.txt", ["./a.txt", "b.txt"], id="other-spelling"),
    pytest.param("d/c.txt", ["d"], id="found-in-a-folder"),
    pytest.param("link.txt", ["d"], id="symbolic-link-to-a-found-file"),
    pytest.param("hard.txt", ["d"], id="hard-link-to-a-found-file"),
])
def test_output_file_never_overwrites_a_linted_file(
    capsys: pytest.CaptureFixture[str], report: str, args: list[str]
) -> None:
    for name in ("a.txt", "b.txt", "d/c.txt"):
        write(name, GLUED)
    os.symlink("d/c.txt", "link.txt")
    os.link("d/c.txt", "hard.txt")
    code, out, err = run(capsys, "-o", report, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"textlint: {report}: --output-file names a file being linted")
    for name in ("a.txt", "b.txt", "d/c.txt"):
        assert Path(name).read_text(encoding="utf-8") == GLUED


@pytest.mark.parametrize("report", ["no/such/folder/r.txt", "d"], ids=["no-folder", "a-folder"])
def test_an_unwritable_report_stops_the_run_before_a_fix(
    capsys: pytest.CaptureFixture[str], report: str
) -> None:
    write("a.txt", GLUED)
    Path("d").mkdir()
    code, _, err = run(capsys, "--fix", "-o", report, "a.txt")
    assert code == 2 and err.startswith(f"textlint: {report}: cannot write the report: ")
    assert Path("a.txt").read_text(encoding="utf-8") == GLUED


def test_output_file_with_fixed_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, GLUED.encode())
    code, out, err = run(capsys, "--select", "quote-spacing", "--fix", "-o", "r.txt", "-")
    assert (code, out, err) == (0, GLUED_FIXED, "")
    assert "All clear" in Path("r.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "no/such/folder/r.txt", "a.txt"],
     "textlint: no/such/folder/r.txt: cannot write the report: No such file or directory\n"),
    (["-o", "r.txt", "--list-rules"],
     "textlint: --output-file writes the report of a lint run, not --list-rules\n"),
    (["-o", "r.txt", "--explain", "a-an"],
     "textlint: --output-file writes the report of a lint run, not --explain\n"),
    (["--statistics", "--list-rules"],
     "textlint: --statistics counts the report of a lint run, not --list-rules\n"),
], ids=["unwritable", "list-rules", "explain", "statistics-list-rules"])
def test_output_file_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    write("a.txt", GLUED)
    code, out, err = run(capsys, *args)
    assert (code, out, err) == (2, "", message)


def test_a_pack_named_in_a_suppression_is_told_apart(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", "textlint-disable-next-line artefacts\nthe the x.\n")
    _, out, _ = run(capsys, "--no-source", "a.txt")
    assert "Suppression names the pack 'artefacts', not a rule: name its rules (a-an, " in out
    assert "[doubled-word]" in out


def test_a_named_pyproject_without_the_table_is_noted(capsys: pytest.CaptureFixture[str]) -> None:
    write("conf/pyproject.toml", "[tool.black]\nline-length = 99\n")
    write("a.txt", "The text.\n")
    code, out, _ = run(capsys, "--config", "conf/pyproject.toml", "a.txt")
    assert code == 0
    assert "note: conf/pyproject.toml has no [tool.textlint] table: the defaults apply" in out
