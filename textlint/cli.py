"""The ``textlint`` command."""

from __future__ import annotations

import dataclasses
import difflib
import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from textlint import __version__
from textlint.config import (
    Config,
    ConfigError,
    config_for_dir,
    load_config_file,
)
from textlint.diagnostics import Diagnostic, Severity
from textlint.document import Document
from textlint.files import (
    SKIP_DIRS,
    BinaryFile,
    InputError,
    Source,
    decode,
    has_extension,
    is_venv,
    read_source,
    walk,
    write_source,
)
from textlint.fixer import FixLoopError, fix_text
from textlint.formats import format_for
from textlint.langcodes import LANGUAGE_CODE, normalize
from textlint.linter import ActiveRule, CheckFailure
from textlint.output import FORMATS, FileResult, RenderOptions, Report, renderer
from textlint.pool import WorkerDied, jobs_for, process_all
from textlint.rules import PackError, Rule
from textlint.selection import Choice, LinterCache, match_glob, relative_to_root, selected_ids

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"


def _split(values: Sequence[str]) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


@dataclass
class Run:
    fix: bool
    unsafe: bool
    diff: bool
    choice: Choice
    config_file: Config | None
    stdin_filename: str | None
    report: Report = field(default_factory=Report)
    changed: int = 0
    # --diff output kept for the parent to print in order (a worker's), else printed at once.
    diff_buffer: list[bytes] | None = None
    linters: LinterCache = field(init=False)
    _noted: set[str] = field(init=False, default_factory=set)
    _errors_seen: set[str] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.linters = LinterCache(self.choice)

    def config_for(self, path: str) -> Config:
        if self.config_file is not None:
            return self.config_file
        try:
            where = Path(path).resolve()
        except (OSError, RuntimeError):  # a symbolic link loop: reported when it is read
            where = Path(path).absolute()
        return config_for_dir(where.parent)

    def note_once(self, note: str) -> None:
        """A note about the whole run (not one file), said once however many files meet it."""
        if note not in self._noted:
            self._noted.add(note)
            self.report.notes.append(note)

    def error(self, path: str, message: str) -> None:
        # A broken config is met once per file under it: report it once.
        if message not in self._errors_seen:
            self._errors_seen.add(message)
            self.report.errors.append((path, message))

    # --- finding files ---------------------------------------------------------------------
    def targets(self, paths: Sequence[str]) -> Iterator[str]:
        """The files to lint, each once however often it is named or found."""
        seen: dict[str, str] = {}
        for target in self._targets(paths):
            key = _identity(target)
            first = seen.get(key)
            if first is None:
                seen[key] = target
                yield target
            elif target != STDIN and os.path.realpath(target) != os.path.realpath(first):
                # Another name of a file already linted (a hard link): once is enough, and
                # fixing it twice would race.
                self.report.notes.append(f"skipped {target}: the same file as {first}")

    def would_find(self, paths: Sequence[str], new: str) -> bool:
        """Would a folder search of ``paths`` lint the file ``new`` once it exists (a report
        about to be written into a linted folder: the next run would lint it)?"""
        if os.path.lexists(new):
            return False  # an existing file is found, or not, by the search itself
        # Where the report lands, links resolved: the search does not follow a link to a
        # folder below the one it starts from, yet an alias of a linted folder writes into it.
        parent = Path(os.path.realpath(os.path.dirname(os.path.abspath(new))))
        base = os.path.basename(new)
        for raw in paths:
            if raw == STDIN or not Path(raw).is_dir():
                continue
            folder = Path(os.path.realpath(raw))
            if folder != parent and folder not in parent.parents:
                continue
            between = parent.relative_to(folder).parts
            if any(d in SKIP_DIRS or d.endswith(".egg-info") or
                   is_venv(folder.joinpath(*between[: k + 1])) for k, d in enumerate(between)):
                continue  # a folder the search skips (.git, build, a virtualenv)
            found = Path(os.path.abspath(raw)).joinpath(*between, base)  # as the search names it
            try:
                config = self.config_for(str(found))
            except (ConfigError, PackError):
                return False  # reported by the search
            if has_extension(found, config.extensions) and not self.excluded(config, str(found)):
                return True
        return False

    def _targets(self, paths: Sequence[str]) -> Iterator[str]:
        for raw in paths:
            if raw == STDIN:
                yield STDIN
                continue
            path = Path(raw)
            if path.is_dir():
                found = False
                try:
                    config = self.config_for(str(path / "_"))
                except (ConfigError, PackError) as exc:
                    self.error(raw, str(exc))
                    continue
                for file in walk(path, self.error):
                    try:
                        file_config = self.config_for(str(file))
                    except (ConfigError, PackError) as exc:
                        self.error(str(file), str(exc))
                        continue
                    if has_extension(file, file_config.extensions) and not self.excluded(
                        file_config, str(file)
                    ):
                        found = True
                        if not file.exists():  # a dangling link found on the way
                            what = "symbolic link loop" if _loops(file) else \
                                "broken symbolic link"
                            self.report.notes.append(f"skipped {file}: {what}")
                            continue
                        if not file.is_file():
                            # A FIFO or a device would block the run or never end: only a file
                            # named on the command line is read whatever it is.
                            self.report.notes.append(f"skipped {file}: not a regular file")
                            continue
                        yield str(file)
                if not found:
                    exts = ", ".join(config.extensions)
                    self.error(raw, f"{raw}: no text files to lint here (extensions: {exts})")
            elif path.exists():
                yield raw
            elif _loops(path):
                self.error(raw, f"{raw}: symbolic link loop")
            else:
                self.error(raw, f"{raw}: no such file or directory")

    def excluded(self, config: Config, path: str) -> bool:
        if not config.exclude:
            return False
        rel = relative_to_root(config, path)
        return any(match_glob(rel, g) for g in config.exclude)

    # --- one file --------------------------------------------------------------------------
    def process(self, target: str, explicit: bool) -> None:
        raw: bytes | None = None
        if target == STDIN:
            shown = self.stdin_filename or "<stdin>"
            config_path = self.stdin_filename or os.path.join(os.getcwd(), "_")
            raw = sys.stdin.buffer.read()
        else:
            shown = config_path = target
        # A filter never swallows its input: whatever goes wrong, stdin --fix prints it back.
        passthrough = raw is not None and self.fix and not self.diff

        def pass_back() -> None:
            if passthrough and raw is not None:
                _write_bytes(raw)

        named = self.stdin_filename if target == STDIN else target
        try:
            config = self.config_for(config_path)
            if named is not None and self.excluded(config, named):
                if explicit:
                    self.report.notes.append(f"skipped {named}: excluded by {config.name}")
                pass_back()
                return
            linter = self.linters.linter(config, config_path)
            source = (decode(raw, shown, config.encoding) if raw is not None
                      else read_source(target, config.encoding))
        except BinaryFile as exc:
            if explicit:
                self.error(shown, str(exc))
            else:
                self.report.notes.append(f"skipped {exc}")
            pass_back()
            return
        except (InputError, ConfigError, PackError) as exc:
            self.error(shown, str(exc))
            pass_back()
            return
        if not linter.rules:
            where = config.name if config.path else "no config file"
            self.note_once(f"nothing is checked: no rule is selected (config: {where})")
        if config.rules:
            self.settings_notes(config)
        language = self.choice.language or config.language
        if language:
            self.language_notes(linter.rules, language)
        fmt = format_for(named)

        unencodable: set[str] = set()

        # A text whose lines end in CR alone (classic Mac OS) is linted with LF in its place,
        # as rules find lines by LF; offsets do not move, and fixes write CR again.
        cr_only = "\r" in source.text and "\n" not in source.text

        def view(text: str) -> Document:
            return Document(text.replace("\r", "\n") if cr_only else text, shown, language, fmt)

        def lint(text: str) -> list[Diagnostic]:
            found = linter.lint(view(text))
            # A fix the file's encoding cannot hold (ł in cp1252) is no fix of this file.
            out = []
            for d in found:
                if cr_only and d.fix is not None and any("\n" in e.replacement
                                                         for e in d.fix.edits):
                    d = dataclasses.replace(d, fix=dataclasses.replace(d.fix, edits=tuple(
                        dataclasses.replace(e, replacement=e.replacement.replace("\n", "\r"))
                        for e in d.fix.edits)))
                if d.fix is not None:
                    bad = {c for e in d.fix.edits if not source.encodable(e.replacement)
                           for c in e.replacement if not source.encodable(c)}
                    if bad:
                        unencodable.update(bad)
                        d = dataclasses.replace(d, fix=None)
                out.append(d)
            return out

        fixing = self.fix or self.diff
        if fixing and not source.exact:
            self.error(shown, f"{shown}: not fixed: encoding the text as {source.encoding} "
                       "again would not give back the file's bytes")
            fixing = False
        try:
            if fixing:
                result = fix_text(source.text, lint, self.unsafe)
                text, diagnostics, fixed = result.text, result.diagnostics, result.count
            else:
                text, diagnostics, fixed = source.text, lint(source.text), 0
        except CheckFailure as exc:
            self.error(shown, str(exc))
            if passthrough:
                _write_stdout(source, source.text)
            return
        except FixLoopError as exc:
            # Nothing is written; the text is reported as it is, like a file we may not write.
            self.error(shown, f"{shown}: {exc}")
            if passthrough:
                _write_stdout(source, source.text)
            self.report.results.append(FileResult(shown, view(source.text), lint(source.text), 0))
            return
        if text != source.text:
            self.changed += 1
            if self.diff:
                self.show_diff(shown, source, text)
                diagnostics, fixed = lint(source.text), 0
                text = source.text
            elif target == STDIN:
                _write_stdout(source, text)
            else:
                try:
                    write_source(source, text)
                except InputError as exc:
                    self.error(shown, str(exc))
                    # Nothing was written: report the file as it still is.
                    text, diagnostics, fixed = source.text, lint(source.text), 0
        elif passthrough:
            pass_back()  # unchanged: the very bytes that came in
        if unencodable:
            chars = " ".join(sorted(unencodable))
            self.report.notes.append(
                f"{shown}: fixes that would write {chars} left out: {source.encoding} cannot "
                "encode them")
        self.report.results.append(FileResult(shown, view(text), diagnostics, fixed))

    def per_file_ignore_notes(self, paths: Sequence[str], targets: Sequence[str]) -> None:
        """Said, not ignored: a per-file-ignores glob that no file of a search of the config's
        whole folder matches does nothing (a glob written from another folder, a typo)."""
        walked = [Path(p).resolve() for p in paths if p != STDIN and Path(p).is_dir()]
        if not walked:
            return  # files named one by one (pre-commit): most globs rightly match none
        # By file, not by object: each folder under a config holds its own copy of it.
        configs: dict[Path | None, tuple[Config, set[str]]] = {}
        for target in targets:
            if target == STDIN:
                continue
            try:
                config = self.config_for(target)
            except (ConfigError, PackError):
                continue  # reported when the file is linted
            if not config.per_file_ignores:
                continue
            _, matched = configs.setdefault(config.path, (config, set()))
            rel = relative_to_root(config, target)
            matched.update(g for g in config.per_file_ignores if match_glob(rel, g))
        for config, matched in configs.values():
            root = config.root.resolve()
            if not any(w == root or w in root.parents for w in walked):
                continue  # only part of its folder was searched
            for glob in config.per_file_ignores:
                if glob not in matched:
                    self.note_once(f"{config.name}: per-file-ignores glob {glob!r} matches no "
                                   "file linted: it does nothing")

    def settings_notes(self, config: Config) -> None:
        """Said, not ignored: settings of a rule that neither the config's own selection nor
        this run's selects do nothing (a rule the command line leaves off is the user's choice
        for this run)."""
        rules = self.linters.rules(config)
        running = set(selected_ids(config, Choice(), rules)) | set(
            selected_ids(config, self.choice, rules))
        idle = sorted(rid for rid in config.rules if rid in rules and rid not in running)
        if idle:
            self.note_once(f"{config.name}: settings for {', '.join(idle)} do nothing: the "
                           "config does not select "
                           f"{'it' if len(idle) == 1 else 'them'} (see select and ignore)")

    def language_notes(self, rules: Sequence[ActiveRule], language: str) -> None:
        """Which selected rules do nothing on text in ``language``, and why."""
        by_reason: dict[str, list[str]] = {}
        for active in rules:
            reason = active.check.note(language)
            if reason:
                by_reason.setdefault(reason, []).append(active.rule.id)
        for reason, ids in by_reason.items():
            self.note_once(f"language {language!r}: {', '.join(ids)} skipped ({reason})")

    def show_diff(self, path: str, source: Source, after: str) -> None:
        """A unified diff that ``patch -p1`` and ``git apply`` take: its lines in the file's own
        encoding (a cp1252 file's patch is cp1252), the byte-order mark on the first line, and
        the names relative (an absolute path loses its leading slash after a/ and b/, and one
        that climbs out of the current folder is given as such a path)."""
        if source.wide:
            # Patch tools read lines of ASCII-compatible bytes: a wide encoding has none.
            self.error(path, f"{path}: no diff for a {source.encoding} file (patch tools cannot "
                       "apply it); use --fix")
            return
        before = source.text
        if source.bom:
            # The mark is the first bytes of the file's first line: a hunk there must hold it.
            # As U+FEFF it encodes to the file's own mark in each UTF codec.
            before, after = "\ufeff" + before, "\ufeff" + after
        # A name with ".." in it (sub/../up.txt, ../up.txt) is no name in a patch (git apply
        # and patch refuse it): its folder is resolved (sub may be a link), and a name that
        # climbs out of the current folder is given from the root, as an absolute path is.
        if ".." in Path(path).parts:
            folder, base = os.path.split(path)
            path = os.path.join(os.path.realpath(folder or "."), base)
            rel = os.path.relpath(path)
            if rel != ".." and not rel.startswith("../"):
                path = rel
        name = os.path.normpath(path).lstrip("/")
        # A tab ends a name that holds a space, as git writes it: GNU patch reads the name up
        # to the first tab or space otherwise.
        end = "\t" if " " in name else ""
        diff = difflib.unified_diff(
            _lines(before),
            _lines(after),
            fromfile=f"a/{name}{end}",
            tofile=f"b/{name}{end}",
        )
        out = []
        for k, line in enumerate(diff):
            if not line.endswith("\n"):
                line += "\n\\ No newline at end of file\n"
            # The two header lines name the files (UTF-8, as the file system has them); the
            # rest is the file's text.
            encoding = "utf-8" if k < 2 or line.startswith("@@") else source.encoding
            out.append(line.encode(encoding, errors="surrogateescape"))
        patch = b"".join(out)
        if self.diff_buffer is not None:
            self.diff_buffer.append(patch)
        else:
            _write_bytes(patch)


def _loops(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _identity(target: str) -> str:
    """What makes two targets the same file: stdin, or the file itself (device and inode, so
    that two hard links are one file), else the resolved path."""
    if target == STDIN:
        return target
    try:
        st = os.stat(target)
    except OSError:
        return os.path.realpath(target)
    return f"{st.st_dev}:{st.st_ino}"


def _stdin_is_piped() -> bool:
    """A pipe or a file redirected to stdin; not a terminal, and not /dev/null (as in CI)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def _write_report(path: str, text: str, mode: str) -> bool:
    """Write the report file (``mode`` "w"), or only make sure it can be written ("a" with no
    text, which changes nothing); a one-line error when it cannot."""
    try:
        with open(path, mode, encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        click.echo(f"textlint: {path}: cannot write the report: {exc.strerror or exc}",
                   err=True)
        return False
    return True


def _write_stdout(source: Source, text: str) -> None:
    """The fixed text in the encoding (and with the byte-order mark) it came in."""
    _write_bytes(source.encode(text))


def _write_bytes(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _lines(text: str) -> list[str]:
    """Lines split at line feeds only (str.splitlines also splits at U+2028, form feeds...)."""
    return re.findall(r"[^\n]*\n|[^\n]+", text)


def _configured(rule: Rule, config: Config) -> Rule:
    """The rule as the config sets it (severity, fix level, options): what --list-rules and
    --explain show."""
    settings = config.rules.get(rule.id)
    if settings is None:
        return rule
    return dataclasses.replace(
        rule,
        severity=settings.severity or rule.severity,
        fix=settings.fix or rule.fix,  # type: ignore[arg-type]
        options={**rule.options, **settings.options},
    )


def _show_rules(config_path: str | None, choice: Choice, explain: str | None,
                fmt: str = "text") -> int:
    from textlint.explain import explain as explain_rule
    from textlint.explain import list_rules

    try:
        config = (
            (load_config_file(Path(config_path)) or Config())
            if config_path
            else config_for_dir(Path.cwd())
        )
        linters = LinterCache(choice)
        rules = {rid: _configured(rule, config) for rid, rule in linters.rules(config).items()}
        if explain is None:
            enabled = set(selected_ids(config, choice, rules))
            if fmt == "json":
                click.echo(json.dumps([
                    {"id": r.id, "pack": r.pack, "on": r.id in enabled,
                     "severity": r.severity.value, "fix": r.fix, "summary": r.summary}
                    for r in rules.values()], ensure_ascii=False, indent=2))
            else:
                click.echo(list_rules(rules, enabled), nl=False)
            return EXIT_OK
    except (ConfigError, PackError) as exc:
        click.echo(f"textlint: {exc}", err=True)
        return EXIT_ERROR
    if explain in rules:
        click.echo(explain_rule(rules[explain]), nl=False)
        return EXIT_OK
    packs = [r for r in rules.values() if r.pack == explain]
    if packs:
        click.echo("\n".join(explain_rule(r) for r in packs), nl=False)
        return EXIT_OK
    close = difflib.get_close_matches(explain, list(rules), n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (see --list-rules)"
    click.echo(f"textlint: unknown rule {explain!r}{hint}", err=True)
    return EXIT_ERROR


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=str)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply (or count) unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules or packs (comma-separated; 'all').",
)
@click.option(
    "--extend-select", multiple=True, metavar="RULES", help="These rules or packs as well."
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Not these rules or packs.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--config", "config_path", type=str, metavar="FILE", help="Use this config file for every file."
)
@click.option(
    "--lang",
    "language",
    metavar="CODE",
    help="Target language of the text (default: config, else en).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Name (and config lookup path) for text read from stdin.",
)
@click.option("--list-rules", is_flag=True, help="List the rules and whether they are on.")
@click.option("--explain", metavar="RULE", help="Explain a rule (or every rule of a pack).")
@click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option("--no-source", is_flag=True, help="Do not print the source line under each finding.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary or notes.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("-o", "--output-file", metavar="PATH",
              help="Write the report to PATH instead of stdout.")
@click.option("--statistics", is_flag=True,
              help="Print a count of findings per rule instead of the findings.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
    help="Lint files on N processes (default 0: one per core, when there is enough work).",
)
@click.version_option(__version__, "--version", prog_name="textlint")
def command(
    paths: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fmt: str,
    config_path: str | None,
    language: str | None,
    stdin_filename: str | None,
    list_rules: bool,
    explain: str | None,
    color: str,
    no_source: bool,
    quiet: bool,
    exit_zero: bool,
    output_file: str | None,
    statistics: bool,
    jobs: int,
) -> int:
    """Lint text files (or stdin) for machine-translation and scraping defects.

    PATHS are files or directories (searched recursively); '-' reads stdin.
    Exit status: 0 no error-level finding, 1 findings remain, 2 usage, config or input error.
    """
    if output_file == "-":
        output_file = None  # stdout, as for a path
    # A filter (stdin --fix) never swallows its input: a run that stops before linting (a bad
    # option value, config or report file) prints the input back as it came.
    filters = fix and not diff and (STDIN in paths or (not paths and _stdin_is_piped()))

    def refuse(message: str | None = None) -> int:
        if message is not None:
            click.echo(f"textlint: {message}", err=True)
        if filters:
            _write_bytes(sys.stdin.buffer.read())
        return EXIT_ERROR

    if language is not None:
        if not LANGUAGE_CODE.match(language):
            return refuse(f"--lang: not a language code such as 'en' or 'pt-BR': {language!r}")
        language = normalize(language)
    choice = Choice(_split(select), _split(extend_select) or (), _split(ignore) or (), language)
    for given, name, does in ((output_file is not None, "--output-file", "writes"),
                              (statistics, "--statistics", "counts")):
        if given and (list_rules or explain):
            # Said, not ignored: an option that does nothing here would look as if it did.
            what = "--explain" if explain else "--list-rules"
            return refuse(f"{name} {does} the report of a lint run, not {what}")
    if list_rules or explain:
        if fmt not in (("text", "json") if list_rules and not explain else ("text",)):
            what = "--explain" if explain else "--list-rules"
            click.echo(f"textlint: {what} prints text{' or json' if not explain else ''}, "
                       f"not {fmt}", err=True)
            return EXIT_ERROR
        return _show_rules(config_path, choice, explain, fmt)
    if statistics and fmt != "text":
        return refuse(f"--statistics prints text, not {fmt}")
    config_file = None
    bare = False  # a named pyproject.toml without the table
    if config_path:
        try:
            config_file = load_config_file(Path(config_path))
        except ConfigError as exc:
            return refuse(str(exc))
        if config_file is None:
            bare = True
            config_file = Config(path=Path(config_path))
    run = Run(fix, unsafe_fixes, diff, choice, config_file, stdin_filename)
    if bare:
        run.report.notes.append(f"{config_path} has no [tool.textlint] table: the defaults apply")
    if not paths:
        paths = (STDIN,) if _stdin_is_piped() else (".",)
    # A file named on the command line is explicit however it is spelt, even when a folder
    # named before it found it first.
    explicit = {_identity(p) for p in paths if p == STDIN or not Path(p).is_dir()}
    targets = list(run.targets(paths))
    if output_file is not None:
        if (os.path.exists(output_file) and _identity(output_file) in {
                _identity(t) for t in targets}) or run.would_find(paths, output_file):
            # The report would be written over a text it is about, found or named.
            return refuse(f"{output_file}: --output-file names a file being linted (or one "
                          "that a linted folder would find: the next run would lint the report)")
        # A report that cannot be written stops the run before any file is fixed.
        if not _write_report(output_file, "", "a"):
            return refuse()
    run.per_file_ignore_notes(paths, targets)
    items = [(t, _identity(t) in explicit) for t in targets]
    # Text read from stdin is read once, by this process.
    try:
        process_all(run, items, 1 if STDIN in targets else jobs_for(jobs, targets))
    except WorkerDied as exc:
        click.echo(f"textlint: {exc}", err=True)
        return EXIT_ERROR

    use_color = output_file is None and (color == "always" or (
        # no-color.org: a NO_COLOR that is set and not empty turns colour off.
        color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    ))
    opts = RenderOptions(
        color=use_color, quiet=quiet, unsafe_fixes=unsafe_fixes, show_source=not no_source
    )
    for _path, message in run.report.errors:
        click.echo(f"textlint: {message}", err=True)
    if fmt == "sarif":
        rules = run.linters.rules(config_file or Config())
        run.report.rule_docs = {rid: r.summary for rid, r in rules.items()}
    if statistics:
        from textlint.output import statistics as table

        out = table.render(run.report, opts)
    else:
        out = renderer(fmt)(run.report, opts)
    if output_file is not None:
        if not _write_report(output_file, out, "w"):
            return EXIT_ERROR
    else:
        # stdout carries the fixed text (stdin --fix) or the patch (--diff): the report goes
        # aside.
        to_stderr = (STDIN in paths and fix) or diff
        click.echo(out, nl=False, err=to_stderr, color=use_color)
    if run.report.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    if diff:
        return EXIT_FINDINGS if run.changed else EXIT_OK
    return EXIT_FINDINGS if run.report.count(Severity.ERROR) else EXIT_OK


def _filter_args(args: list[str]) -> bool:
    """Do arguments that could not be parsed ask for stdin --fix: --fix, no --diff, and stdin
    named or piped with no existing file among the arguments?"""
    if "--fix" not in args or "--diff" in args or not _stdin_is_piped():
        return False
    # (The value of a misspelt option reads as a path: only an existing one counts.)
    paths = _positionals(args)
    return STDIN in paths or not any(os.path.exists(p) for p in paths)


def _positionals(args: list[str]) -> list[str]:
    """The arguments that are paths, skipping the values of options that take one (the "-"
    of ``-o -`` or ``--stdin-filename -`` names no input)."""
    takes_value = {name for p in command.params if isinstance(p, click.Option) and not p.is_flag
                   for name in (*p.opts, *p.secondary_opts)}
    out: list[str] = []
    it = iter(args)
    for a in it:
        if a == "--":
            out.extend(it)
        elif a in takes_value or (
                a[:1] == "-" and a[1:2] != "-" and len(a) > 2 and f"-{a[-1]}" in takes_value):
            next(it, None)  # (in a cluster of short options, -qo, the last takes the value)
        elif a == STDIN or not a.startswith("-"):
            out.append(a)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    try:
        rv = command.main(
            args=list(argv) if argv is not None else None,
            prog_name="textlint",
            standalone_mode=False,
        )
    except click.UsageError as exc:
        exc.show()
        if _filter_args(list(argv) if argv is not None else sys.argv[1:]):
            _write_bytes(sys.stdin.buffer.read())  # a pipe does not lose its text
        return EXIT_ERROR
    except click.Abort:
        click.echo("textlint: aborted", err=True)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    return int(rv) if isinstance(rv, int) else EXIT_OK


def entry() -> None:
    sys.exit(main())
