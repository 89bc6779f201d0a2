"""Many files linted on several cores. The workers are forked from the parent after it has
linted the first file itself, so they start with the rules compiled and the word data loaded;
each lints its share and sends back plain data, which the parent adds to its report in the
order of the files."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textlint.diagnostics import Diagnostic
from textlint.document import Document
from textlint.output import FileResult, Report

if TYPE_CHECKING:
    from textlint.cli import Run

# Below this many files, or this many bytes in all, forking workers costs more than it saves.
MIN_FILES = 4
MIN_BYTES = 200_000


@dataclass
class Outcome:
    """What linting one file added to a run, as data that crosses a process boundary."""

    results: list[tuple[str, str, str, str, list[Diagnostic], int]]
    errors: list[tuple[str, str]]
    notes: list[str]
    changed: int
    diffs: list[bytes]


def jobs_for(requested: int, targets: Sequence[str]) -> int:
    """How many processes lint ``targets``: ``requested`` (0: one per core), but one when the
    work is too small to share or the platform cannot fork."""
    if requested == 1 or len(targets) < MIN_FILES:
        return 1
    import multiprocessing  # only for runs big enough to share: start-up counts

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)
    jobs = min(requested or cores, len(targets))
    if jobs > 1 and _size(targets) < MIN_BYTES:
        return 1
    return jobs


def _size(targets: Iterable[str]) -> int:
    total = 0
    for target in targets:
        with contextlib.suppress(OSError):  # reported when the file is read
            total += os.stat(target).st_size
        if total >= MIN_BYTES:
            break
    return total


_RUN: Run | None = None  # the run a forked worker inherits


def _quiet_worker() -> None:
    # Ctrl-C reaches every process of the group: the parent stops the run and says so once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _lint(item: tuple[str, bool]) -> Outcome:
    run = _RUN
    assert run is not None, "pool workers are forked from a run"
    # A fresh report per file: what was sent is not kept (the parent holds every result).
    run.report = Report()
    run.changed = 0
    run.diff_buffer = []
    run.process(*item)
    report = run.report
    return Outcome(
        [(r.path, r.doc.text, r.doc.language, r.doc.format, r.diagnostics, r.fixed)
         for r in report.results],
        report.errors,
        report.notes,
        run.changed,
        run.diff_buffer,
    )


class WorkerDied(Exception):
    """A worker process ended without its results (killed, out of memory)."""


def process_all(run: Run, items: Sequence[tuple[str, bool]], jobs: int) -> None:
    """``run.process`` on every (target, explicit) item, on ``jobs`` processes."""
    if jobs <= 1 or len(items) < 2:
        for target, explicit in items:
            run.process(target, explicit)
        return
    global _RUN
    run.process(*items[0])  # in the parent: the workers inherit what it loaded
    _RUN = run
    try:
        # Chunks of files per message: a few per worker and round, so that one slow file
        # does not hold the others back.
        chunk = max(1, min(16, (len(items) - 1) // (jobs * 4)))
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        seen = set(run.report.notes)
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_quiet_worker) as pool:
            try:
                for outcome in pool.map(_lint, items[1:], chunksize=chunk):
                    _merge(run, outcome, seen)
            except BrokenProcessPool:
                # A pool whose worker was killed would otherwise wait for it for ever.
                raise WorkerDied("a worker process stopped before it sent its results "
                                 "(killed, or out of memory?); run again, or with -j 1") from None
    finally:
        _RUN = None


def _merge(run: Run, outcome: Outcome, seen: set[str]) -> None:
    for path, text, language, fmt, diagnostics, fixed in outcome.results:
        run.report.results.append(
            FileResult(path, Document(text, path, language, fmt), diagnostics, fixed))
    for path, message in outcome.errors:
        run.error(path, message)
    for note in outcome.notes:
        if note not in seen:
            seen.add(note)
            run.report.notes.append(note)
    run.changed += outcome.changed
    for patch in outcome.diffs:
        sys.stdout.flush()
        sys.stdout.buffer.write(patch)
        sys.stdout.buffer.flush()
