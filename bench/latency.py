"""Rebuild latency (issue 5): from saving one project's body to its rebuilt page on disk.

    python -m bench.latency --projects 1000 [--trials 10]

Target: under 0.3 s at 1,000 projects. Each trial appends a unique word to one
project's Markdown body, starts the clock once the file is closed, and stops it
when that project's HTML page contains the word.

WIRE-UP POINT (lead): floke has no incremental API yet, so ``start_incremental``
raises NotImplementedError and the default ``CliRebuilder`` runs a complete
``python -m floke build`` after every save. That measures the current upper
bound, not the target path. When the API exists, implement ``start_incremental``
and run with ``--incremental``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from bench.run import BENCH, edit_target, ensure_corpus, floke_command, fresh_copy, wipe

TARGET_SECONDS = 0.3
POLL_SECONDS = 0.002
TIMEOUT_SECONDS = 120.0


class Rebuilder(Protocol):
    """What the latency loop needs from a way of keeping the site up to date."""

    def start(self) -> None:
        """Bring the output up to date once; not timed."""

    def after_save(self, path: Path) -> None:
        """Called right after a save. A file watcher can ignore it; a CLI run starts here."""

    def stop(self) -> None:
        """Release whatever ``start`` set up (threads, watchers)."""


class CliRebuilder:
    """Fallback: a full CLI build after every save (an upper bound on latency)."""

    def __init__(self, content: Path, output: Path) -> None:
        self.argv = floke_command(content, output, jobs=None)

    def start(self) -> None:
        subprocess.run(self.argv, check=True, stdout=subprocess.DEVNULL)

    def after_save(self, path: Path) -> None:
        subprocess.run(self.argv, check=True, stdout=subprocess.DEVNULL)

    def stop(self) -> None:
        pass


def start_incremental(content: Path, output: Path) -> Rebuilder:
    """TODO(lead, issue 5): return a Rebuilder backed by floke's incremental API.

    Expected shape: ``start()`` does the initial build and starts floke's watcher
    (or keeps an in-process incremental session); ``after_save()`` is a no-op if
    the watcher notices saves itself, or calls the API's "file changed" entry
    point; ``stop()`` shuts the watcher down. Everything it rebuilds must land
    in ``output`` exactly as a CLI build would.
    """
    raise NotImplementedError("floke's incremental API is not wired in yet (issue 5)")


def page_for(output: Path, slug: str) -> Path:
    """The HTML file floke writes for a project; asks floke where, if it can."""
    try:
        from floke.urls import output_path, project_url
    except ImportError:
        return output / "projects" / slug / "index.html"
    return output / output_path(project_url(slug))


def save_change(source: Path, word: str) -> None:
    """What an editor does on save: the whole file rewritten with one new sentence."""
    text = source.read_text(encoding="utf-8")
    source.write_text(text.rstrip("\n") + f"\n\nEndringsord {word}.\n", encoding="utf-8")


def wait_for(page: Path, word: str, started: float) -> float:
    """Seconds from ``started`` until ``page`` contains ``word``."""
    needle = word.encode()
    while time.perf_counter() - started < TIMEOUT_SECONDS:
        try:
            if needle in page.read_bytes():
                return time.perf_counter() - started
        except OSError:
            pass  # mid-write or replaced; try again
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{page} never showed {word!r}")


def measure_latency(rebuilder: Rebuilder, source: Path, page: Path, trials: int) -> list[float]:
    """One latency per trial; each trial is one save of ``source``."""
    latencies = []
    rebuilder.start()
    try:
        for trial in range(trials):
            word = f"latensord{trial:03d}x{time.time_ns() % 10**9}"
            save_change(source, word)
            started = time.perf_counter()  # the clock starts when the save is complete
            rebuilder.after_save(source)
            latencies.append(wait_for(page, word, started))
    finally:
        rebuilder.stop()
    return latencies


def summary(latencies: list[float], mode: str) -> str:
    median = statistics.median(latencies)
    verdict = "meets" if median < TARGET_SECONDS else "misses"
    return (
        f"rebuild latency ({mode}), {len(latencies)} saves: median {median:.3f} s, "
        f"min {min(latencies):.3f} s, max {max(latencies):.3f} s — {verdict} the "
        f"{TARGET_SECONDS} s target"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.latency",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--incremental", action="store_true", help="use start_incremental()")
    args = parser.parse_args(argv)
    work = BENCH / "out" / f"latency-{args.projects}"
    content = fresh_copy(ensure_corpus(args.projects), work / "content")
    output = work / "site"
    wipe(output, work / ".floke-cache")
    source = edit_target(content)
    if args.incremental:
        rebuilder, mode = start_incremental(content, output), "incremental"
    else:
        rebuilder, mode = CliRebuilder(content, output), "full CLI build per save"
    latencies = measure_latency(rebuilder, source, page_for(output, source.stem), args.trials)
    print(summary(latencies, mode))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
