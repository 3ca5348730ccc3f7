"""Turn measurements into a Markdown table and keep it in docs/performance.md.

Each corpus size owns one marked section, so measuring 1,000 projects does not
erase the 10,000-project table, and text outside the markers is never touched.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Sample

BUSY_LOAD = 0.5  # 1-minute load average above this means something else was running
DOC_HEADER = """# Performance

Build times of floke against Pelican and Hugo on the same synthetic corpus.
The tables below are written by `python -m bench.run --write`; see
[bench/README.md](../bench/README.md) for what each number means.
"""


@dataclass
class Row:
    """One measured step: its runs, or why there are none."""

    label: str
    samples: list[Sample] = field(default_factory=list)
    failed: str | None = None

    @property
    def ok(self) -> bool:
        return self.failed is None and bool(self.samples)

    def median_wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    def median_cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    def peak_rss_mib(self) -> tuple[float, float]:
        """(largest single process, sampled whole tree), max over runs."""
        return (
            max(s.max_rss_kib for s in self.samples) / 1024,
            max(s.tree_rss_kib for s in self.samples) / 1024,
        )


def _command(argv: list[str], cwd: Path | None = None) -> str:
    try:
        result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip()


def git_commit(repo: Path) -> str:
    commit = _command(["git", "rev-parse", "--short", "HEAD"], repo)
    dirty = _command(["git", "status", "--porcelain", "--untracked-files=no"], repo)
    return f"{commit} (with uncommitted changes)" if dirty not in ("", "unknown") else commit


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def environment(repo: Path, versions: dict[str, str]) -> list[tuple[str, str]]:
    """Facts printed above each table, so a number can be traced to what produced it."""
    return [
        ("date", _command(["date", "-u"])),
        ("commit", git_commit(repo)),
        ("cores", _command(["nproc"])),
        ("cpu", cpu_model()),
        ("python", platform.python_version()),
        *versions.items(),
    ]


def _seconds(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| step | median wall (s) | wall range (s) | median CPU (s) | peak RSS (MiB) | runs |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        if not row.ok:
            lines.append(f"| {row.label} | failed | | | | {len(row.samples)} |")
            continue
        walls = [s.wall for s in row.samples]
        single, tree = row.peak_rss_mib()
        # Show the tree sum only where it matters: several processes were alive at once.
        rss = f"{single:.0f}" if tree <= single * 1.1 else f"{single:.0f} (tree {tree:.0f})"
        lines.append(
            f"| {row.label} | {_seconds(row.median_wall())} "
            f"| {_seconds(min(walls))}–{_seconds(max(walls))} "
            f"| {_seconds(row.median_cpu())} | {rss} | {len(row.samples)} |"
        )
    return "\n".join(lines)


def ratio_line(floke: Row, other: Row, name: str) -> str:
    if not (floke.ok and other.ok):
        reason = "floke" if not floke.ok else name
        return f"- floke/{name}: n/a ({reason} failed)"
    wall = floke.median_wall() / other.median_wall()
    cpu = floke.median_cpu() / other.median_cpu()
    rss = floke.peak_rss_mib()[1] / max(other.peak_rss_mib()[1], 1)
    return (
        f"- floke/{name}: {wall:.2f}× wall time, {cpu:.2f}× CPU time, "
        f"{rss:.2f}× peak memory (below 1 means floke is faster/smaller)"
    )


def load_note(rows: list[Row]) -> str:
    loads = [s.load1 for row in rows for s in row.samples]
    if not loads:
        return ""
    worst = max(loads)
    note = f"1-minute load average before runs: {min(loads):.2f}–{worst:.2f}"
    if worst > BUSY_LOAD:
        note += (
            " — **the machine was busy; wall times are inflated and noisy, "
            "CPU times are the steadier comparison**"
        )
    return note


def section(
    projects: int,
    news: int,
    rows: list[Row],
    ratios: list[str],
    facts: list[tuple[str, str]],
    notes: list[str],
) -> str:
    body = [
        f"## {projects:,} projects".replace(",", " "),
        "",
        f"Corpus: {projects} projects and {news} news posts (Bokmål, Nynorsk, English); see bench/README.md.",
        "",
        *(f"- {key}: {value}" for key, value in facts),
        "",
        table(rows),
        "",
        *ratios,
    ]
    extra = [n for n in notes if n]
    if extra:
        body += ["", *(f"Note: {n}" for n in extra)]
    return "\n".join(body)


def markers(projects: int) -> tuple[str, str]:
    return (f"<!-- bench:projects={projects}:start -->", f"<!-- bench:projects={projects}:end -->")


def update_doc(doc: Path, projects: int, text: str) -> None:
    """Replace (or append) this corpus size's marked section; leave the rest untouched."""
    start, end = markers(projects)
    current = doc.read_text(encoding="utf-8") if doc.exists() else DOC_HEADER
    block = f"{start}\n{text}\n{end}"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        updated = before + block + rest.split(end, 1)[1]
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    tmp = doc.with_suffix(doc.suffix + f".tmp{os.getpid()}")
    tmp.write_text(updated, encoding="utf-8")
    tmp.replace(doc)
