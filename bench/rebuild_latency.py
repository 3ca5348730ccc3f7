"""Live preview latency: from saving a change to one project's body until its rebuilt page is on disk.

    python -m bench.rebuild_latency --projects 1000 --saves 15

Generates a corpus (bench/corpus.py), builds it once as `floke serve` does (drafts and future news
included), then runs the preview's watch loop (polling every POLL_SECONDS, debounced) in a thread
and, from the main thread, saves a change to one project's body at a time and waits until the
project's page on disk shows it (then for the rest of that rebuild, before the next save). Prints
the median and worst time, and the whole rebuild's.
Target: under 0.3 s at 1,000 projects.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.corpus import generate
from floke.pipeline import BuildOptions
from floke.preview import Outcome, PreviewBuild
from floke.serve import POLL_SECONDS, Debouncer, FolderWatcher, Rebuilder


def measure(projects: int, saves: int, folder: Path) -> tuple[list[float], list[Outcome]]:
    content = folder / "content"
    generate(projects, content)
    session = PreviewBuild(BuildOptions(content, folder / "preview", drafts=True, future=True))
    started = time.perf_counter()
    assert session.rebuild().ok
    print(f"first build: {time.perf_counter() - started:.1f} s")
    outcomes: list[Outcome] = []
    rebuilder = Rebuilder(session, FolderWatcher((content,)), Debouncer(), outcomes.append)
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            rebuilder.poll()
            time.sleep(POLL_SECONDS)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    files = sorted((content / "projects").glob("*.md"))
    latencies = []
    try:
        for n in range(saves):
            source = files[(n * 37) % len(files)]
            slug = source.stem
            page = folder / "preview/projects" / slug / "index.html"
            marker = f"Endring nummer {n} fra benchmarken."
            time.sleep(Debouncer().quiet + 0.1)  # a fresh save, not part of the previous burst
            done = len(outcomes)
            saved = time.perf_counter()
            source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            while marker not in page.read_text(encoding="utf-8"):
                time.sleep(0.002)
            latencies.append(time.perf_counter() - saved)
            while len(outcomes) == done:  # the rest of the rebuild, before the next save
                time.sleep(0.01)
    finally:
        stop.set()
        watcher.join()
    return latencies, outcomes


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="floke-bench-") as temporary:
        latencies, outcomes = measure(args.projects, args.saves, Path(temporary))
    rebuilds = [o.seconds for o in outcomes]
    pages = statistics.median(len(o.rendered) for o in outcomes)
    print(f"{args.projects} projects, {args.saves} saves of one project's body:")
    print(
        f"  save -> page on disk: median {statistics.median(latencies):.3f} s, worst {max(latencies):.3f} s"
    )
    print(f"  whole rebuild: median {statistics.median(rebuilds):.3f} s, {pages:.0f} page(s) rendered")
    first = sum(1 for o in outcomes if o.first)
    print(f"  rebuilds that wrote the edited page first: {first} of {len(outcomes)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
