"""How long each stage took (`--timings`) and, on a terminal, how far the build has come.

The progress line shows the stage and the items done out of its total, rewritten in place on
stderr at most ten times a second. It stays quiet in CI (CI=true) and when stdout is not a terminal
(a log, a pipe), so logs hold only the build's real output.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

_REFRESH_SECONDS = 0.1


@dataclass(frozen=True)
class Timing:
    stage: str
    seconds: float
    items: int | None


def wants_progress(stdout: TextIO | None = None, environ: dict[str, str] | None = None) -> bool:
    """True on an interactive terminal outside CI."""
    stdout = stdout or sys.stdout
    environ = dict(os.environ) if environ is None else environ
    if environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        return False
    return stdout.isatty()


class Meter:
    """Times the stages of one build and shows their progress when asked to."""

    def __init__(self, show: bool = False, stream: TextIO | None = None) -> None:
        self.show = show
        self.stream = stream or sys.stderr
        self.timings: list[Timing] = []
        self._shown_at = 0.0

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        """Times the block; the callable it yields counts items done."""
        started = time.perf_counter()
        done = 0

        def advance(count: int = 1) -> None:
            nonlocal done
            done += count
            self._draw(name, done, total)

        self._draw(name, 0, total, force=True)
        try:
            yield advance
        finally:
            self.timings.append(Timing(name, time.perf_counter() - started, total))
            if self.show:
                self.stream.write("\r\033[K")
                self.stream.flush()

    def _draw(self, name: str, done: int, total: int | None, force: bool = False) -> None:
        if not self.show:
            return
        now = time.perf_counter()
        if not force and now - self._shown_at < _REFRESH_SECONDS and done != total:
            return
        self._shown_at = now
        count = f" {done}/{total}" if total else ""
        self.stream.write(f"\r\033[Kfloke: {name}{count}")
        self.stream.flush()

    def table(self) -> str:
        """The stages with their seconds, items and share of the whole, as aligned text."""
        total = sum(t.seconds for t in self.timings) or 1.0
        width = max([len("stage"), *(len(t.stage) for t in self.timings)])
        lines = [f"{'stage':<{width}}  {'seconds':>8}  {'items':>7}  {'share':>6}"]
        for t in self.timings:
            items = "" if t.items is None else str(t.items)
            lines.append(f"{t.stage:<{width}}  {t.seconds:>8.3f}  {items:>7}  {t.seconds / total:>6.1%}")
        lines.append(f"{'total':<{width}}  {total:>8.3f}")
        return "\n".join(lines)


NO_METER = Meter()
