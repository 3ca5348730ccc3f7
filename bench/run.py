"""Benchmark floke against Pelican and Hugo on one generated corpus.

    python -m bench.run --projects 1000 [--projects 10000] [--repeat 3] [--write]

Per corpus size, in one session: floke full build (cache and output wiped
first), no-change rebuild, one-project edit rebuild, then Pelican and Hugo full
builds of the same corpus. Every run is a fresh child process. Prints a table;
--write also stores it in docs/performance.md. A failing tool is reported as
"failed", never aborts the other measurements.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import corpus as corpus_gen
from bench import hugo_site, pelican_site, report
from bench.convert import fresh_dir
from bench.corpus_io import split_front_matter
from bench.measure import Sample, run_measured, run_sequence
from bench.report import Row

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPORA = BENCH / "corpora"


# --------------------------------------------------------------------------- corpus


def ensure_corpus(projects: int) -> Path:
    """bench/corpora/<N>/content, regenerated only when the generator changed."""
    home = CORPORA / str(projects)
    stamp_file, content = home / "stamp.json", home / "content"
    stamp = {"projects": projects, "fingerprint": corpus_gen.fingerprint()}
    if stamp_file.exists() and json.loads(stamp_file.read_text()) == stamp and content.exists():
        return content
    print(f"generating corpus of {projects} projects in {content} …", file=sys.stderr)
    if content.exists():
        shutil.rmtree(content)
    corpus_gen.generate(projects, content)
    stamp_file.write_text(json.dumps(stamp) + "\n")
    return content


def fresh_copy(source: Path, target: Path) -> Path:
    """A private copy of the corpus, so edit rebuilds never touch the cached original."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


def edit_target(content: Path) -> Path:
    """A fixed, published project: the middle file by name that is not a draft."""
    projects = sorted((content / "projects").glob("*.md"))
    middle = len(projects) // 2
    for path in projects[middle:] + projects[:middle]:
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if not meta.get("draft"):
            return path
    raise ValueError(f"no published project in {content}")


def wipe(*paths: Path) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)


# --------------------------------------------------------------------------- floke


def floke_command(content: Path, output: Path, jobs: int | None) -> list[str]:
    argv = [sys.executable, "-m", "floke", "build", "--content", str(content), "--output", str(output)]
    return argv + (["--jobs", str(jobs)] if jobs else [])


def floke_environment() -> dict[str, str]:
    """The children run in another folder: make them import this checkout's floke, not an installed one."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }


def edit_project_body(path: Path, run: int) -> None:
    """A real content change in the body (not the front matter), different every run."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nEndring nummer {run} lagt til av ytelsesmålingen.\n")


def measure_floke(content_src: Path, work: Path, repeat: int, jobs: int | None) -> list[Row]:
    """Full build, no-change rebuild and one-project edit rebuild, in that order."""
    site = work / "floke"
    content = fresh_copy(content_src, site / "content")
    output, cache = site / "site", site / ".floke-cache"  # floke caches beside content/
    argv = floke_command(content, output, jobs)
    env = floke_environment()
    logs = work / "logs"
    full = Row("floke full build")
    nochange = Row("floke no-change rebuild")
    edit = Row("floke one-project edit rebuild")
    for _ in range(repeat):
        wipe(output, cache)
        if not record(full, run_measured(argv, logs / "floke-full.log", site, env)):
            break
    if not full.ok:
        full.failed = nochange.failed = edit.failed = f"{full.failed}; see {logs / 'floke-full.log'}"
        return [full, nochange, edit]
    describe_floke(full, [nochange, edit], output, cache)
    for _ in range(repeat):
        record(nochange, run_measured(argv, logs / "floke-nochange.log", site, env))
    victim = edit_target(content)
    for run in range(repeat):
        edit_project_body(victim, run)
        record(edit, run_measured(argv, logs / "floke-edit.log", site, env))
    return [full, nochange, edit]


def describe_floke(full: Row, rebuilds: list[Row], output: Path, cache: Path) -> None:
    """Say in the labels what this floke version really did, so no row claims too much."""
    # floke reserves /pagefind/ for the search bundle (floke/urls.py).
    if (output / "pagefind").is_dir():
        full.label += " (with search index)"
    else:
        full.label += " (no search index written)"
    if not cache.exists():
        for row in rebuilds:
            row.label += " (no .floke-cache written: full rebuild)"


def record(row: Row, sample: Sample) -> bool:
    """Keep a successful run; mark the row failed on the first failing one."""
    if sample.returncode != 0:
        row.failed = f"exit code {sample.returncode}"
        return False
    row.samples.append(sample)
    return True


# --------------------------------------------------------------------------- others


def pagefind_command(site: Path) -> list[str]:
    spec = importlib.util.find_spec("pagefind_bin")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "pagefind").is_file():
            return [str(Path(location) / "pagefind"), "--site", str(site), "--quiet"]
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]


Converter = Callable[[Path, Path], Path]
Builder = Callable[[Path, Path], list[str]]


def measure_tool(
    label: str,
    name: str,
    convert: Converter,
    build: Builder,
    content: Path,
    work: Path,
    repeat: int,
    search: bool,
) -> Row:
    """Convert once (not timed), then time full builds into a wiped output folder."""
    row = Row(label + (" + Pagefind index" if search else ""))
    project, output = work / name / "project", work / name / "site"
    try:
        convert(content, project)
    except Exception as error:  # a broken converter must not stop the other tools
        row.failed = f"conversion failed: {error}"
        return row
    for _ in range(repeat):
        wipe(output)
        commands = [build(project, output)] + ([pagefind_command(output)] if search else [])
        if not record(row, run_sequence(commands, work / "logs" / f"{name}.log")):
            break
    return row


# --------------------------------------------------------------------------- main


def tool_versions() -> dict[str, str]:
    versions = {}
    for package in ("floke", "pelican", "hugo", "pagefind"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def bench_size(projects: int, args: argparse.Namespace) -> None:
    content = ensure_corpus(projects)
    work = args.workdir / str(projects)
    fresh_dir(work, marker="logs")
    (work / "logs").mkdir()
    rows: list[Row] = []
    search = args.search == "on"
    if "floke" in args.tools:
        rows += measure_floke(content, work, args.repeat, args.floke_jobs)
        # auto: index the others' output too once floke's build writes its search index
        search = search or (args.search == "auto" and "with search index" in rows[0].label)
    if "pelican" in args.tools:
        rows.append(
            measure_tool(
                "Pelican full build (tags, categories)",
                "pelican",
                pelican_site.convert,
                pelican_site.build_command,
                content,
                work,
                args.repeat,
                search,
            )
        )
    if "hugo" in args.tools:
        rows.append(
            measure_tool(
                "Hugo full build (taxonomies)",
                "hugo",
                hugo_site.convert,
                hugo_site.build_command,
                content,
                work,
                args.repeat,
                search,
            )
        )
    by_name = {row.label.split()[0]: row for row in rows}
    ratios = [
        report.ratio_line(rows[0], by_name[name], name)
        for name in ("Pelican", "Hugo")
        if "floke" in args.tools and name in by_name
    ]
    facts = report.environment(REPO, tool_versions())
    facts.append(("runs", f"{args.repeat} per step, median reported; output on {args.workdir}"))
    failures = [f"{row.label} failed: {row.failed}" for row in rows if row.failed]
    news = len(list((content / "news").glob("*.md")))
    text = report.section(projects, news, rows, ratios, facts, [report.load_note(rows), *failures])
    print(text + "\n")
    if args.write:
        report.update_doc(args.doc, projects, text)
        print(f"updated {args.doc}", file=sys.stderr)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--projects", type=int, action="append", help="corpus size; repeat for several (default 1000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (default 3)")
    parser.add_argument(
        "--tools", default="floke,pelican,hugo", help="comma-separated subset of floke,pelican,hugo"
    )
    parser.add_argument("--floke-jobs", type=int, help="pass --jobs N to floke")
    parser.add_argument(
        "--search",
        choices=("auto", "on", "off"),
        default="auto",
        help="run Pagefind after Pelican and Hugo (auto: when floke's build wrote a search index)",
    )
    parser.add_argument(
        "--workdir", type=Path, default=BENCH / "out", help="where copies and outputs go (default bench/out)"
    )
    parser.add_argument("--write", action="store_true", help="update the docs table")
    parser.add_argument("--doc", type=Path, default=REPO / "docs" / "performance.md")
    args = parser.parse_args(argv)
    args.projects = args.projects or [1000]
    args.workdir = args.workdir.resolve()  # children run with another working directory
    args.tools = {t.strip() for t in args.tools.split(",") if t.strip()}
    if unknown := args.tools - {"floke", "pelican", "hugo"}:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    for projects in args.projects:
        bench_size(projects, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
