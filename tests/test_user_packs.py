"""Rule packs users write: the four data kinds, the documented example pack, pattern timeouts,
and errors that name the file, the rule and the problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlint.diagnostics import Applicability, Diagnostic, Severity
from textlint.document import Document
from textlint.fixer import fix_text
from textlint.linter import ActiveRule, Linter
from textlint.registry import builtin_packs, index_rules, load_pack_file
from textlint.rules import Pack, PackError, Rule

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "newsroom.toml"
GUIDE = ROOT / "docs" / "writing-packs.md"


def linter_of(rules: list[Rule]) -> Linter:
    return Linter([ActiveRule.build(r) for r in rules])


def rule(kind: str, options: dict[str, Any], fix: str = "safe", message: str = "m") -> Rule:
    return Rule(id="user-rule", pack="user", kind=kind, message=message,
                severity=Severity.WARNING, fix=fix, options=options)  # type: ignore[arg-type]


def lint(r: Rule, text: str, fmt: str = "plain") -> list[Diagnostic]:
    return linter_of([r]).lint(Document(text, format=fmt))


def fixed(r: Rule, text: str, unsafe: bool = False) -> str:
    linter = linter_of([r])
    return fix_text(text, lambda t: linter.lint(Document(t)), unsafe).text


def write_pack(tmp_path: Path, body: str, name: str = "pack.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# --- the documented example pack ------------------------------------------------------------

def example_pack() -> Pack:
    return load_pack_file(EXAMPLE)


def test_guide_shows_the_tested_example() -> None:
    """The pack printed in docs/writing-packs.md is the file this suite runs, word for word."""
    guide = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", guide, flags=re.DOTALL)
    assert EXAMPLE.read_text(encoding="utf-8") in blocks


def test_example_pack_uses_every_data_kind() -> None:
    assert {r.kind for r in example_pack().rules} == {"phrases", "substitution", "pattern", "lines"}


def _example_cases(key: str) -> list[Any]:
    out = []
    for r in example_pack().rules:
        for i, item in enumerate(getattr(r.examples, key)):
            out.append(pytest.param(r, item, id=f"{r.id}-{i}"))
    return out


@pytest.mark.parametrize(("r", "text"), _example_cases("flag"))
def test_example_pack_flags(r: Rule, text: str) -> None:
    assert [d for d in lint(r, text) if d.rule_id == r.id]


@pytest.mark.parametrize(("r", "text"), _example_cases("clean"))
def test_example_pack_clean(r: Rule, text: str) -> None:
    assert not lint(r, text)


@pytest.mark.parametrize(("r", "example"), _example_cases("fix"))
def test_example_pack_fixes(r: Rule, example: Any) -> None:
    assert fixed(r, example.text, example.unsafe) == example.fixed
    assert fixed(r, example.fixed, example.unsafe) == example.fixed


def test_user_pack_joins_the_built_in_rules() -> None:
    """What --list-rules and --explain read: the user's rules indexed beside the built-in ones,
    with their documentation fields."""
    rules = index_rules([*builtin_packs(), example_pack()])
    assert "furniture-comments" in rules
    spelling = rules["house-spelling"]
    assert spelling.pack == "newsroom"
    assert spelling.source == str(EXAMPLE)
    assert spelling.summary and spelling.what and spelling.why and spelling.fix_safety


def test_user_pack_cannot_reuse_a_built_in_id(tmp_path: Path) -> None:
    path = write_pack(tmp_path, """
[pack]
name = "mine"
[[rules]]
id = "furniture-comments"
kind = "phrases"
message = "m"
options = { phrases = ["x"] }
""")
    with pytest.raises(PackError, match=r"pack\.toml: rule 'furniture-comments': duplicate id"):
        index_rules([*builtin_packs(), load_pack_file(path)])


# --- the kinds ----------------------------------------------------------------------------

KIND_CASES = [
    # kind, options, text, spans reported, text after --fix
    ("phrases", {"phrases": ["in order to"]}, "In order to win, in  order\nto win.",
     ["In order to", "in  order\nto"], None),
    ("phrases", {"phrases": ["in order to"]}, "Put it in order.\n\nTo win, in order\r\nto win.",
     ["in order\r\nto"], None),
    ("phrases", {"phrases": ["don't"]}, "I don’t know; I don't care.", ["don’t", "don't"], None),
    ("phrases", {"phrases": ["cat"]}, "A cat, cats, concatenate, CAT.", ["cat", "CAT"], None),
    ("phrases", {"phrases": ["cat"], "whole-words": False}, "concatenate", ["cat"], None),
    ("phrases", {"phrases": ["Cat"], "ignore-case": False}, "cat Cat", ["Cat"], None),
    ("phrases", {"phrases": ["example"]}, "See https://example.com/example now.", [], None),
    ("phrases", {"phrases": ["example"]}, "Run `example --help` first.", [], None),
    ("substitution", {"replacements": {"utilize": "use"}}, "Utilize it; UTILIZE it; utilize.",
     ["Utilize", "UTILIZE", "utilize"], "Use it; USE it; use."),
    ("substitution", {"replacements": {"in order to": "to"}}, "We met in order to talk.",
     ["in order to"], "We met to talk."),
    ("substitution", {"replacements": {"github": "GitHub"}}, "On github, Github and GitHub.",
     ["github", "Github"], "On GitHub, GitHub and GitHub."),
    ("substitution", {"replacements": {"color": "colors"}}, "color colors", ["color"],
     "colors colors"),
    ("substitution", {"replacements": {"colour": "color"}, "match-case": False},
     "Colour", ["Colour"], "color"),
    ("pattern", {"pattern": r"(\d+) ?percent\b", "replacement": r"\1%"},
     "5 percent, 7percent, percentage", ["5 percent", "7percent"], "5%, 7%, percentage"),
    ("pattern", {"pattern": r"(?<=[a-z])\.(?=[A-Z])", "replacement": ". "}, "end.Start",
     ["."], "end. Start"),
    ("pattern", {"pattern": r"(?<=[a-z])(?=[A-Z][a-z])", "replacement": " "}, "endStart",
     [""], "end Start"),
    ("pattern", {"pattern": r"(?<=[a-z])(?=[A-Z][a-z])"}, "endStart", [], None),
    ("pattern", {"pattern": r"\bTODO\b"}, "TODO: fix; todo", ["TODO"], None),
    ("pattern", {"pattern": r"\bTODO\b", "ignore-case": True}, "TODO: fix; todo",
     ["TODO", "todo"], None),
    ("pattern", {"pattern": r"x\S*"}, "see https://x.org/ and x1", ["x1"], None),
    ("lines", {"lines": ["Reporting by Staff"]}, "Text.\n\n- Reporting by staff -\n",
     ["- Reporting by staff -"], "Text.\n"),
    ("lines", {"lines": ["Staff"]}, "Staff meetings are long.\n", [], None),
    ("lines", {"lines": ["like this"]}, "Write it\nlike this:\n\n    f(x)\n", [], None),
    ("lines", {"lines": ["like this"]}, "Write it.\nlike this:\n", ["like this:"], "Write it.\n"),
    ("lines", {"patterns": [r"page \d+ of \d+"]}, "Text.\nPage 2 of 9\nMore text.\n",
     ["Page 2 of 9"], "Text.\nMore text.\n"),
    ("lines", {"patterns": [r"(\w)\1+"], "patterns-fix": "safe"}, "aaa\n\nText.\n",
     ["aaa"], "Text.\n"),
]


@pytest.mark.parametrize(
    ("kind", "options", "text", "spans", "after"), KIND_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(KIND_CASES)],
)
def test_kind(kind: str, options: dict[str, Any], text: str, spans: list[str],
              after: str | None) -> None:
    r = rule(kind, options)
    found = [text[d.span.start : d.span.end] for d in lint(r, text)]
    assert found == spans
    if after is not None:
        assert fixed(r, text, unsafe=True) == after
        assert fixed(r, after, unsafe=True) == after


def test_message_parameters() -> None:
    r = rule("substitution", {"replacements": {"e-mail": "email"}},
             message="Write '{replacement}', not '{found}'")
    assert lint(r, "An E-mail.")[0].message == "Write 'Email', not 'E-mail'"
    r = rule("pattern", {"pattern": r"(?<n>\d+) percent"}, message="{n}% ({match})")
    assert lint(r, "5 percent")[0].message == "5% (5 percent)"
    r = rule("lines", {"lines": ["Source link"]}, message="'{line}'")
    assert lint(r, "Text.\n\n• Source link\n")[0].message == "'• Source link'"


def test_rule_fix_level_caps_user_fixes() -> None:
    r = rule("substitution", {"replacements": {"utilize": "use"}}, fix="unsafe")
    (diag,) = lint(r, "utilize")
    assert diag.fix is not None and diag.fix.applicability is Applicability.UNSAFE
    r = rule("substitution", {"replacements": {"utilize": "use"}}, fix="none")
    assert lint(r, "utilize")[0].fix is None


# --- patterns that backtrack ----------------------------------------------------------------

EVIL = r"(\w+\s?)+$"
SLOW_TEXT = "word " * 10 + "x" * 30000 + "!"


@pytest.mark.parametrize(
    ("kind", "options"),
    [("pattern", {"pattern": EVIL, "timeout": 0.2}),
     ("lines", {"patterns": [EVIL], "timeout": 0.2}),
     ("lines", {"patterns": ["harmless line", EVIL], "timeout": 0.2})],
    ids=["pattern", "lines", "lines-combined"],
)
def test_backtracking_pattern_is_reported_and_skipped(kind: str, options: dict[str, Any]) -> None:
    linter = linter_of([rule(kind, options)])
    first = linter.lint(Document(SLOW_TEXT + "\nharmless line\n"))
    second = linter.lint(Document(SLOW_TEXT))
    skipped = [d for d in first if "took longer than" in d.message]
    assert len(skipped) == 1 and EVIL in skipped[0].message
    assert "on this document" in skipped[0].message
    assert any("earlier document" in d.message for d in second)
    if "harmless line" in options.get("patterns", []):
        # The pattern that behaves keeps working beside the one that was dropped.
        assert any(d.message == "m" for d in first)
        assert any(d.message == "m" for d in linter.lint(Document("x\n\nharmless line\n")))


# --- errors name the file, the rule and the problem -----------------------------------------

HEAD = '[pack]\nname = "mine"\n'


def one_rule(kind: str, options: str, extra: str = 'message = "m"\n') -> str:
    return f'{HEAD}[[rules]]\nid = "my-rule"\nkind = "{kind}"\n{extra}options = {options}\n'


def phrases_saying(message: str) -> str:
    """A one-rule pack of the phrases kind with this message."""
    return one_rule("phrases", '{ phrases = ["x"] }', f'message = "{message}"\n')


ERROR_CASES = [
    ("bad-toml", HEAD + "[[rules]\nid = 'x'\n", "invalid TOML"),
    ("unknown-kind", one_rule("phrasez", '{ phrases = ["x"] }'), "unknown check kind 'phrasez'"),
    ("missing-message", one_rule("phrases", '{ phrases = ["x"] }', extra=""), "missing 'message'"),
    ("duplicate-id", one_rule("phrases", '{ phrases = ["x"] }')
     + '[[rules]]\nid = "my-rule"\nkind = "phrases"\nmessage = "m"\n'
     + 'options = { phrases = ["y"] }\n', "duplicate id"),
    ("bad-regex", one_rule("pattern", "{ pattern = '(unclosed' }"),
     "option 'pattern': invalid regular expression '(unclosed'"),
    ("bad-line-regex", one_rule("lines", "{ patterns = ['ok', '[a-'] }"),
     "option 'patterns[1]': invalid regular expression '[a-'"),
    ("empty-pattern", one_rule("pattern", "{ pattern = 'x*' }"), "matches empty text"),
    ("bad-group", one_rule("pattern", r"{ pattern = '(a)b', replacement = '\2' }"),
     "refers to group 2"),
    ("bad-group-name", one_rule("pattern", r"{ pattern = '(?<n>a)', replacement = '\g<m>' }"),
     "refers to group 'm'"),
    ("no-phrases", one_rule("phrases", "{ phrases = [] }"), "at least one phrase"),
    ("no-replacements", one_rule("substitution", "{ replacements = {} }"), "at least one phrase"),
    ("fix-never-settles", one_rule("substitution", '{ replacements = { "color" = "the color" } }'),
     "would never settle"),
    ("unknown-option", one_rule("phrases", '{ phrase = ["x"] }'), "unknown option 'phrase'"),
    ("wrong-type", one_rule("phrases", '{ phrases = "x" }'), "option 'phrases' must be a list"),
    ("no-lines", one_rule("lines", "{ }"), "give 'lines' or 'patterns'"),
    ("punctuation-line", one_rule("lines", '{ lines = ["***"] }'), "has no letters or digits"),
    ("bad-timeout", one_rule("pattern", "{ pattern = 'a', timeout = 0 }"), "'timeout' must be"),
    ("bad-severity",
     one_rule("phrases", '{ phrases = ["x"] }', 'message = "m"\nseverity = "high"\n'),
     "'severity' must be"),
    ("unknown-message-parameter",
     phrases_saying("avoid {phrse}"),
     "'message': unknown parameter {phrse} (this kind gives: {phrase})"),
    ("positional-message-parameter",
     phrases_saying("avoid {}"),
     "'message': unknown parameter {}"),
    ("unnamed-group-is-no-parameter",
     one_rule("pattern", "{ pattern = '(a)b' }", 'message = "found {1}"\n'),
     "unknown parameter {1} (this kind gives: {match})"),
    ("unbalanced-brace",
     phrases_saying("avoid {phrase"),
     "'message': expected '}' before end of string"),
    ("unknown-conversion",
     phrases_saying("avoid {phrase!x}"),
     "'message': unknown conversion !x in {phrase!x}"),
    ("unknown-nested-parameter",
     phrases_saying("avoid {phrase:>{width}}"),
     "'message': unknown parameter {width}"),
]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        pytest.param(one_rule("phrases", '{ phrases = ["x"] }').replace(
            'id = "my-rule"', 'id = "my-rule\\n"'), "'id' must be a kebab-case string",
            id="id-with-a-final-line-break"),
        pytest.param(one_rule("phrases", '{ phrases = ["x"] }').replace('"mine"', '"mine\\n"'),
                     "must be kebab-case", id="pack-name-with-a-final-line-break"),
    ],
)
def test_a_final_line_break_is_no_part_of_a_name(tmp_path: Path, body: str, problem: str) -> None:
    with pytest.raises(PackError, match=problem):
        load_pack_file(write_pack(tmp_path, body, "house.toml"))


@pytest.mark.parametrize(("body", "problem"), [c[1:] for c in ERROR_CASES],
                         ids=[c[0] for c in ERROR_CASES])
def test_pack_errors_name_file_rule_and_problem(tmp_path: Path, body: str, problem: str) -> None:
    path = write_pack(tmp_path, body, "house.toml")
    with pytest.raises(PackError) as info:
        load_pack_file(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert problem in message
    if "invalid TOML" not in message:
        assert "'my-rule'" in message
    else:
        assert "line" in message  # TOML errors point at the line instead of a rule


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        pytest.param("pattern", "{ pattern = '(?<n>a)b' }", "found {n} in {match!r}",
                     id="named-group-and-conversion"),
        pytest.param("phrases", '{ phrases = ["x"] }', "use {{braces}} for {phrase:>10}",
                     id="literal-braces-and-format-spec"),
        pytest.param("substitution", '{ replacements = { "a" = "b" } }',
                     "{found} -> {replacement}", id="substitution"),
    ],
)
def test_message_parameters_a_kind_gives_are_accepted(
    tmp_path: Path, kind: str, options: str, message: str
) -> None:
    body = one_rule(kind, options, f'message = "{message}"\n')
    pack = load_pack_file(write_pack(tmp_path, body))
    assert [r.message for r in pack.rules] == [message]


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not found"):
        load_pack_file(tmp_path / "nope.toml")


# --- any input ------------------------------------------------------------------------------

ALL_KIND_RULES = [
    rule("phrases", {"phrases": ["read more", "don't", "é"]}),
    rule("substitution", {"replacements": {"utilize": "use", "ß": "ss"}}),
    rule("pattern", {"pattern": r"(\w)\1{2,}", "replacement": r"\1"}),
    rule("lines", {"lines": ["Leave a Reply", "Read more"], "patterns": [r"\d+ comments?"]}),
    rule("duplicated-paragraph", {"min-words": 1}, fix="unsafe"),
]
PIECES = [*"ab ßéE\n\r\t\0.:*'’\"`\u0301\u200f😀İ", "Leave a Reply", "Read more", "utilize",
          "don't", "https://x.io/a b", "3 comments", "aaa"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_gives_findings_or_nothing(text: str) -> None:
    for r in ALL_KIND_RULES:
        linter = linter_of([r])
        for diag in linter.lint(Document(text)):
            assert 0 <= diag.span.start <= diag.span.end <= len(text)
        once = fixed(r, text, unsafe=True)
        assert fixed(r, once, unsafe=True) == once


# --- through the command line -----------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A project folder whose configuration names the example pack."""
    cli = pytest.importorskip("textlint.cli")
    config = pytest.importorskip("textlint.config")
    selection = pytest.importorskip("textlint.selection")
    (tmp_path / "newsroom.toml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".textlint.toml").write_text('packs = ["newsroom.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config.config_for_dir.cache_clear()
    selection.rules_with_packs.cache_clear()
    yield cli.main
    config.config_for_dir.cache_clear()
    selection.rules_with_packs.cache_clear()


def test_cli_lists_and_explains_user_rules(
    project: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert project(["--list-rules"]) == 0
    listing = capsys.readouterr().out
    assert "house-spelling" in listing and "newsroom" in listing
    assert "furniture-comments" in listing
    assert project(["--explain", "house-wire-credits"]) == 0
    explained = capsys.readouterr().out
    assert "Credits go in the byline field" in explained
    assert "--unsafe-fixes" in explained


def test_cli_fixes_with_a_user_pack(project: Any, capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.txt").write_text("Prices rose 4.5 percent, said Kim Jong Un.\n\nRead more:\n",
                             encoding="utf-8")
    project(["--color", "never", "--fix", "a.txt"])
    capsys.readouterr()
    assert Path("a.txt").read_text(encoding="utf-8") == "Prices rose 4.5%, said Kim Jong-un.\n"


def test_cli_bad_user_pack_exits_2(project: Any, capsys: pytest.CaptureFixture[str]) -> None:
    Path("newsroom.toml").write_text(one_rule("pattern", "{ pattern = '(x' }"), encoding="utf-8")
    Path("a.txt").write_text("text\n", encoding="utf-8")
    assert project(["--color", "never", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert "newsroom.toml" in err and "'my-rule'" in err and "invalid regular expression" in err


# --- many phrases: grouped by first word, the same result as one alternation ----------------

MANY = [f"word{i} tail" for i in range(40)] + ["new york", "york city", "new", "New York Times"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [("The New York Times and new york city.", ["New York Times", "new york"]),
     ("word3 tail, word39  tail, word40 tail, word3tail", ["word3 tail", "word39  tail"]),
     ("york city", ["york city"]),
     ("nothing here", [])],
    ids=["longest-wins", "prefiltered", "second-word", "none"],
)
def test_many_phrases(text: str, spans: list[str]) -> None:
    r = rule("phrases", {"phrases": MANY})
    assert [text[d.span.start : d.span.end] for d in lint(r, text)] == spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "ab", "a b", "b a", "ba", "c"]), min_size=1,
                max_size=5),
       st.text(alphabet="ab c", max_size=30))
def test_phrase_groups_match_like_one_alternation(phrases: list[str], text: str) -> None:
    import regex

    from textlint.checks._textmatch import alternation

    expected = [m.span() for m in regex.finditer(alternation(phrases, True), text, regex.I)]
    r = rule("phrases", {"phrases": phrases})
    assert [(d.span.start, d.span.end) for d in lint(r, text)] == expected


@pytest.mark.parametrize(
    ("patterns", "text", "lines"),
    [([r"(?i)foo", "Bar"], "FOO\n\nbar\n\nBar\n", ["FOO", "Bar"]),
     ([r"(\w)\1", "xyz"], "aa\n\nxyz\n\nab\n", ["aa", "xyz"]),
     ([r"(?<n>a)b", r"(?<n>c)d"], "ab\n\ncd\n\nad\n", ["ab", "cd"])],
    ids=["inline-flag", "backreference", "same-group-name"],
)
def test_line_patterns_keep_their_own_meaning(patterns: list[str], text: str,
                                              lines: list[str]) -> None:
    r = rule("lines", {"patterns": patterns, "ignore-case": False})
    assert [text[d.span.start : d.span.end] for d in lint(r, text)] == lines
