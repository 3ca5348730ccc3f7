"""Run one command in a fresh child and measure it: wall time, CPU time, peak memory.

``os.wait4`` returns the rusage of exactly that child (plus the descendants it
reaped), unlike RUSAGE_CHILDREN, whose ru_maxrss is a running max over every
child this process ever had. ru_maxrss is the largest *single* process, so a
sampler thread also sums RSS over the live process tree for multi-process tools.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Sample:
    """One measured run; times in seconds, memory in KiB."""

    wall: float
    cpu: float
    max_rss_kib: int
    tree_rss_kib: int
    returncode: int
    load1: float


def _children_map() -> dict[int, list[int]]:
    """ppid -> pids from /proc/*/stat (this kernel has no /proc/PID/task/*/children)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])  # comm may contain spaces
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _descendants(root: int) -> list[int]:
    children, found, todo = _children_map(), [root], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _rss_kib(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


class TreeRssSampler(threading.Thread):
    """Peak of the summed RSS of a process and its descendants, sampled every 0.1 s."""

    def __init__(self, pid: int, interval: float = 0.1, rescan_every: int = 5) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.rescan_every = pid, interval, rescan_every
        self.peak_kib = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        pids, tick = [self.pid], 0
        while not self._stop_event.is_set():
            if tick % self.rescan_every == 0:  # walking /proc is the costly part; do it rarely
                pids = _descendants(self.pid)
            self.peak_kib = max(self.peak_kib, sum(_rss_kib(p) for p in pids))
            tick += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak_kib


def run_measured(
    argv: Sequence[str], log: Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Sample:
    """Run ``argv`` once, output appended to ``log``; never raises on a failing command."""
    os.sync()  # flush earlier clean-up writes so they are not charged to this run
    load1 = os.getloadavg()[0]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        out.write(f"$ {' '.join(argv)}\n".encode())
        out.flush()
        started = time.perf_counter()
        try:
            proc = subprocess.Popen(
                argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        except OSError as error:
            out.write(f"cannot start: {error}\n".encode())
            return Sample(0.0, 0.0, 0, 0, 127, load1)
        sampler = TreeRssSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        tree_peak = sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)  # stop Popen from waiting again
    return Sample(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_kib=usage.ru_maxrss,
        tree_rss_kib=tree_peak,
        returncode=proc.returncode,
        load1=load1,
    )


def run_sequence(commands: Sequence[Sequence[str]], log: Path, cwd: Path | None = None) -> Sample:
    """Several commands as one step (a build then an indexer): times add, memory maxes."""
    parts = []
    for argv in commands:
        parts.append(run_measured(argv, log, cwd))
        if parts[-1].returncode != 0:
            break
    return Sample(
        wall=sum(p.wall for p in parts),
        cpu=sum(p.cpu for p in parts),
        max_rss_kib=max(p.max_rss_kib for p in parts),
        tree_rss_kib=max(p.tree_rss_kib for p in parts),
        returncode=next((p.returncode for p in parts if p.returncode), 0),
        load1=parts[0].load1,
    )
