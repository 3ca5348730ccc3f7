"""Profile one full floke build with pyinstrument; writes bench/profile-<N>.txt.

    python -m bench.profile --projects 1000

The build runs in-process (floke.cli.main) on a private copy of the cached
corpus, with output and cache wiped first, so it profiles a cold full build.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.report import git_commit
from bench.run import BENCH, REPO, ensure_corpus, fresh_copy, wipe


def profile_build(content: Path, output: Path, interval: float) -> tuple[str, int]:
    """(pyinstrument text report, floke's exit code)."""
    from pyinstrument import Profiler  # bench-only dependency; imported where it is needed

    from floke.cli import main as floke_main

    profiler = Profiler(interval=interval)
    profiler.start()
    try:
        code = floke_main(["build", "--content", str(content), "--output", str(output), "--jobs", "1"])
    except SystemExit as stop:  # a CLI may exit instead of returning
        code = stop.code if isinstance(stop.code, int) else 1
    finally:
        profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=False), int(code or 0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=0.001, help="sampling interval (s)")
    parser.add_argument("--out", type=Path, help="report file (default bench/profile-<N>.txt)")
    args = parser.parse_args(argv)
    work = BENCH / "out" / f"profile-{args.projects}"
    content = fresh_copy(ensure_corpus(args.projects), work / "content")
    output = work / "site"
    wipe(output, work / ".floke-cache")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = os.getloadavg()[0]
    text, code = profile_build(content, output, args.interval)
    target = args.out or BENCH / f"profile-{args.projects}.txt"
    header = (
        f"# pyinstrument profile of a full floke build, {args.projects} projects, {started}\n"
        f"# commit {git_commit(REPO)}; regenerate: python -m bench.profile --projects {args.projects}\n"
        f"# times are wall-clock; 1-minute load average at start {load:.2f} on {os.cpu_count()} cores"
        " (a busy machine stretches every line alike: read the proportions)\n"
    )
    target.write_text(header + text, encoding="utf-8")
    print(f"wrote {target} (floke exit code {code})", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
