from __future__ import annotations

from pathlib import Path

import pytest

from textlint.config import Config, ConfigError, config_for_dir, load_config_file, parse_config
from textlint.diagnostics import Severity
from textlint.selection import Choice, build_linter, match_glob, rules_with_packs, selected_ids


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selct": ["core"]}, "unknown key 'selct'"),
        ({"select": "core"}, "'select' must be a list of strings"),
        ({"language": 3}, "'language' must be a non-empty string"),
        ({"encoding": "no-such-codec"}, "unknown encoding"),
        (
            {"rules": {"x": {"severity": "fatal"}}},
            "rules.x.severity must be error, warning or info",
        ),
        ({"rules": {"x": {"fix": "maybe"}}}, "rules.x.fix must be safe, unsafe or none"),
        ({"per-file-ignores": {"*.md": "x"}}, "'per-file-ignores' must map globs"),
        ({"extensions": ["txt"]}, "start with a dot"),
        ({"select": ["a-an"], "ignore": ["a-an"]}, "'a-an' is in both 'select' and 'ignore'"),
        ({"extend-select": ["artefacts"], "ignore": ["artefacts"]},
         "'artefacts' is in both 'extend-select' and 'ignore'"),
    ],
    ids=[
        "unknown-key",
        "select-type",
        "language-type",
        "encoding",
        "severity",
        "fix",
        "per-file-ignores",
        "extensions",
        "select-and-ignore",
        "extend-select-and-ignore",
    ],
)
def test_bad_config_names_key_and_file(
    data: dict[str, object], message: str, tmp_path: Path
) -> None:
    path = tmp_path / ".textlint.toml"
    with pytest.raises(ConfigError) as info:
        parse_config(data, path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_pyproject_section_is_found_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.textlint]\nlanguage = "pt"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    config_for_dir.cache_clear()
    assert config_for_dir(sub).language == "pt"


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.textlint]\nlanguage = "de"\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    config_for_dir.cache_clear()
    assert config_for_dir(sub).language == "de"


def test_dot_textlint_wins_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.textlint]\nlanguage = "de"\n')
    (tmp_path / ".textlint.toml").write_text('language = "fr"\n')
    config_for_dir.cache_clear()
    assert config_for_dir(tmp_path).language == "fr"


def test_a_pack_ignored_but_one_rule_selected_is_no_contradiction(tmp_path: Path) -> None:
    config = parse_config({"ignore": ["artefacts"], "extend-select": ["a-an"]},
                          tmp_path / ".textlint.toml")
    assert "a-an" in selected_ids(config, Choice(), rules_with_packs(()))


@pytest.mark.parametrize(
    ("table", "raises"),
    [
        pytest.param("textlnt", True, id="letter-missing"),
        pytest.param("text-lint", True, id="hyphen"),
        pytest.param("black", False, id="another-tool"),
        pytest.param("textblob", False, id="unrelated-similar-name"),
        pytest.param("netlint", False, id="similar-name-with-its-own-keys"),
    ],
)
def test_misspelt_tool_table_is_an_error(table: str, raises: bool, tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    keys = 'strict = true\n' if table == "netlint" else 'select = ["a-an"]\n'
    path.write_text(f'[tool.{table}]\n{keys}')
    if raises:
        with pytest.raises(ConfigError, match=rf"\[tool\.{table}\] is not read: did you mean"):
            load_config_file(path)
    else:
        assert load_config_file(path) is None


def test_tools_instead_of_tool_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tools.textlint]\nselect = ["a-an"]\n')
    with pytest.raises(ConfigError, match=r"\[tools\.textlint\] is not read"):
        load_config_file(path)


def test_invalid_toml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / ".textlint.toml"
    path.write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config_file(path)


@pytest.mark.parametrize(
    ("config", "choice", "message"),
    [
        (Config(select=("no-such-rule",)), Choice(), "unknown rule or pack 'no-such-rule'"),
        (Config(), Choice(ignore=("nope",)), "--ignore: unknown rule or pack 'nope'"),
    ],
    ids=["config-select", "cli-ignore"],
)
def test_unknown_rule_names_are_errors(config: Config, choice: Choice, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        selected_ids(config, choice, rules_with_packs(()))


@pytest.mark.parametrize(
    ("config", "choice", "rule", "runs"),
    [
        pytest.param(Config(ignore=("a-an",)), Choice(extend_select=("a-an",)), "a-an", True,
                     id="cli-extend-select-beats-config-ignore"),
        pytest.param(Config(ignore=("artefacts",)), Choice(extend_select=("a-an",)), "a-an",
                     True, id="beats-a-config-pack-ignore"),
        pytest.param(Config(), Choice(extend_select=("quote-punctuation",),
                                      ignore=("artefacts",)), "quote-punctuation", True,
                     id="rule-id-beats-cli-pack-ignore"),
        pytest.param(Config(), Choice(extend_select=("artefacts",), ignore=("a-an",)), "a-an",
                     False, id="rule-id-ignore-beats-pack-extend"),
        pytest.param(Config(), Choice(extend_select=("quote-punctuation",),
                                      ignore=("quote-punctuation",)), "quote-punctuation",
                     False, id="named-alike-ignore-wins"),
        pytest.param(Config(ignore=("a-an",)), Choice(), "a-an", False, id="config-ignore"),
        pytest.param(Config(ignore=("a-an",)), Choice(extend_select=("all",)), "a-an", False,
                     id="config-id-ignore-beats-cli-all"),
        pytest.param(Config(ignore=("a-an",)), Choice(extend_select=("artefacts",)), "a-an",
                     False, id="config-id-ignore-beats-cli-pack"),
    ],
)
def test_command_line_selection_over_config(
    config: Config, choice: Choice, rule: str, runs: bool
) -> None:
    assert (rule in selected_ids(config, choice, rules_with_packs(()))) is runs


def test_unknown_rule_settings_are_errors() -> None:
    config = parse_config(
        {"rules": {"no-such-rule": {"severity": "error"}}}, Path("/x/.textlint.toml")
    )
    with pytest.raises(ConfigError, match=r"rules\.no-such-rule: unknown rule"):
        build_linter(config, Choice(), rules_with_packs(()))


def test_unknown_rule_option_names_config_file() -> None:
    config = parse_config(
        {"rules": {"unused-suppression": {"bogus": 1}}}, Path("/x/.textlint.toml")
    )
    with pytest.raises(ConfigError) as info:
        build_linter(config, Choice(), rules_with_packs(()))
    assert "/x/.textlint.toml: rules.unused-suppression: unknown option 'bogus'" in str(info.value)


def test_misspelt_rule_key_lists_severity_and_fix() -> None:
    config = parse_config({"rules": {"a-an": {"sevrity": "info"}}}, Path("/x/.textlint.toml"))
    with pytest.raises(ConfigError) as info:
        build_linter(config, Choice(), rules_with_packs(()))
    assert "unknown option 'sevrity' (known keys: fix, severity, guess-unknown" in str(info.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param({"source": "pt"}, "option 'source' must be a list of strings, not 'pt'",
                     id="list"),
        pytest.param({"mode": "all"}, "option 'mode' must be 'fragment' or 'paragraph'",
                     id="literal"),
    ],
)
def test_option_type_errors_read_well(options: dict[str, object], message: str) -> None:
    config = parse_config({"rules": {"untranslated-fragment": options}},
                          Path("/x/.textlint.toml"))
    with pytest.raises(ConfigError) as info:
        build_linter(config, Choice(), rules_with_packs(()))
    assert message in str(info.value)


def test_severity_override() -> None:
    config = parse_config(
        {"rules": {"unused-suppression": {"severity": "error"}}}, Path("/x/.textlint.toml")
    )
    linter = build_linter(config, Choice(), rules_with_packs(()))
    assert [a.severity for a in linter.rules if a.rule.id == "unused-suppression"] == [
        Severity.ERROR
    ]


@pytest.mark.parametrize(
    ("rel", "glob", "matches"),
    [
        ("docs/a.md", "*.md", True),
        ("docs/a.md", "docs/", True),
        ("docs/a.md", "docs/*.md", True),
        ("src/docs/a.md", "docs/*.md", False),
        ("vendor/x/y.txt", "vendor", True),
        ("a.txt", "*.md", False),
        ("vendor/x/y.txt", "./vendor/", True),
        ("src/vendor/y.txt", "./vendor/", False),
        ("docs/a.md", "./docs/*.md", True),
        ("a.md", "./*.md", True),
        ("docs/x.md", "./*.md", False),
        ("docs/sub/a.md", "docs/*.md", False),
        ("docs/sub/a.md", "docs/**/*.md", True),
        ("docs/a.md", "docs/**/*.md", True),
        ("docs/sub/a.md", "docs/s?b/", True),
        ("docs/a.md", "docs/[!a]*.md", False),
    ],
    ids=["name", "folder", "anchored", "anchored-elsewhere", "any-component", "other-ext",
         "dot-slash-folder", "dot-slash-is-anchored", "dot-slash-glob", "top-level-only",
         "star-stays-in-its-folder", "star-stays-in-docs", "double-star-crosses",
         "double-star-may-be-empty", "question-mark-folder", "negated-class"],
)
def test_globs(rel: str, glob: str, matches: bool) -> None:
    assert match_glob(rel, glob) is matches
