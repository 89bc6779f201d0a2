"""False alarms on technical English: every default rule over two corpora of the environment,
per rule and per 100 KB.

    python bench/technical.py [--show RULE]

- ``metadata``: the METADATA of each installed distribution (its README after the metadata
  headers; read as Markdown when its Description-Content-Type says so, else as plain text).
- ``docstrings``: the docstrings (over 80 characters) of the standard library's top-level
  modules, one plain-text document per module, as the running Python has them.

Both are English prose dense with identifiers, code, URLs, version markers, parameter lists and
interactive sessions, which is where users of prose linters see most false alarms; nearly every
report here is one. Neither is data from ../shared/eval, and both differ from one environment
to the next (the packages installed, the Python version): a smoke test to compare commits in
one environment, not a score.
"""

from __future__ import annotations

import ast
import sys
import sysconfig
from collections import Counter
from importlib.metadata import distributions
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textlint.config import Config
from textlint.document import Document
from textlint.selection import Choice, build_linter, rules_with_packs


def metadata() -> list[tuple[str, str, str]]:
    """(name, text, format) of each installed distribution's METADATA, sorted by name: read as
    Markdown when its Description-Content-Type says so, as plain text otherwise (RST)."""
    out = []
    for dist in distributions():
        text = dist.read_text("METADATA")
        if text:
            kind = dist.metadata.get("Description-Content-Type") or ""
            fmt = "markdown" if "markdown" in kind.lower() else "plain"
            out.append((dist.metadata["Name"] or "?", text, fmt))
    return sorted(out)


def docstrings() -> list[tuple[str, str, str]]:
    """(module, its long docstrings joined by blank lines, format) for the standard library."""
    out = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        docs = [d for node in ast.walk(tree)
                if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                     ast.AsyncFunctionDef))
                and (d := ast.get_docstring(node)) and len(d) > 80]
        if docs:
            out.append((path.stem, "\n\n".join(docs), "plain"))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = args[args.index("--show") + 1] if "--show" in args[:-1] else None
    linter = build_linter(Config(), Choice(), rules_with_packs(()))
    for corpus_name, corpus in (("metadata", metadata()), ("docstrings", docstrings())):
        counts: Counter[str] = Counter()
        size = 0
        for name, text, fmt in corpus:
            size += len(text)
            for d in linter.lint(Document(text, format=fmt)):
                counts[d.rule_id] += 1
                if d.rule_id == show:
                    line = text.count("\n", 0, d.span.start) + 1
                    print(f"{corpus_name}/{name}:{line}: "
                          f"{text[d.span.start : d.span.end][:60]!r}  {d.message}")
        per = 100_000 / size if size else 0.0
        print(f"{corpus_name}: {len(corpus)} documents, {size} characters")
        for rule, n in counts.most_common():
            print(f"  {rule:28} {n:5}   {n * per:6.2f} per 100 KB")
        total = sum(counts.values())
        print(f"  {'all rules':28} {total:5}   {total * per:6.2f} per 100 KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
