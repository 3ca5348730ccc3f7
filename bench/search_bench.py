"""Search benchmark (not a test): index time, index size and what a browser downloads per query.

    python -m bench.search_bench --projects 1000 10000

For each size it generates a corpus with bench/corpus.py (cached under --work), builds the site,
times the index stage alone, then opens /search/?q=FIRST in headless Chromium served from a
loopback http.server, counts the bytes of every response (the page itself included) until the
result count is announced, then types SECOND and counts again. Figures go to stdout as a
Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect, sync_playwright

from floke.diagnostics import Report
from floke.index import build_index
from floke.pipeline import BuildOptions, check
from floke.render import Theme, render
from floke.write import write_site
from tests.conftest import CHROMIUM_ARGS

FIRST, SECOND = "tjenester", "barn"


@dataclass
class Figures:
    projects: int
    pages: int
    index_seconds: float
    index_bytes: int
    index_files: int
    first_bytes: int
    first_gzip: int
    first_requests: int
    first_ms: float
    second_bytes: int
    second_gzip: int
    second_requests: int
    second_ms: float


def corpus(work: Path, projects: int) -> Path:
    folder = work / f"corpus-{projects}"
    if not folder.is_dir():
        cmd = [sys.executable, "-m", "bench.corpus", "--projects", str(projects), "--out", str(folder)]
        subprocess.run(cmd, check=True)
    return folder


def build(content: Path, output: Path) -> tuple[int, float]:
    """Build the site; returns the number of pages and the seconds the index stage took."""
    catalogue, _ = check(BuildOptions(content=content))
    rendered = render(catalogue, Theme(), catalogue.config.base_url, Report())
    seconds: list[float] = []

    def timed_index(site: Path) -> None:
        started = time.perf_counter()
        build_index(site, rendered.search_documents)
        seconds.append(time.perf_counter() - started)

    write_site(rendered.files, output, before_swap=timed_index)
    return len(rendered.pages) + len(rendered.search_documents), seconds[0]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def transferred(site: Path, urls: list[str]) -> tuple[int, int, int]:
    """Bytes as served by http.server, and as a compressing server would send them, and requests.

    Pagefind's index files are gzipped already; HTML, CSS and JavaScript are compressed here the
    way any production web server would.
    """
    raw = compressed = 0
    for url in urls:
        path = site / urlsplit(url).path.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        data = path.read_bytes()
        raw += len(data)
        compressed += len(gzip.compress(data)) if path.suffix in (".html", ".js", ".css") else len(data)
    return raw, compressed, len(urls)


def measure_queries(site: Path) -> tuple[int, int, int, float, int, int, int, float]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    urls: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("response", lambda response: urls.append(response.url))
            started = time.perf_counter()
            page.goto(f"{base}/search/?q={FIRST}")  # a cold page: HTML, CSS, script, Pagefind, index
            expect(page.locator("#search-status")).not_to_be_empty(timeout=60_000)
            first = (time.perf_counter() - started) * 1000
            first_urls = list(urls)
            urls.clear()
            second = _query(page, SECOND)
            browser.close()
    finally:
        server.shutdown()
    return *transferred(site, first_urls), first, *transferred(site, urls), second


def _query(page, word: str) -> float:
    """Milliseconds from the query being typed (the 250 ms debounce included) to the count announced."""
    status = page.locator("#search-status")
    before = status.inner_text()
    started = time.perf_counter()
    page.fill("#search-q", word)
    expect(status).not_to_have_text(before, timeout=60_000)
    return (time.perf_counter() - started) * 1000


def run(projects: int, work: Path) -> Figures:
    content = corpus(work, projects)
    site = work / f"site-{projects}"
    pages, seconds = build(content, site)
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return Figures(
        projects, pages, seconds, sum(p.stat().st_size for p in files), len(files), *measure_queries(site)
    )


def table(rows: list[Figures]) -> str:
    lines = [
        "| projects | indexed pages | index time | index size (files) "
        "| first query: raw / compressed, requests, time | second query |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.projects:,} | {r.pages:,} | {r.index_seconds:.1f} s | "
            f"{r.index_bytes / 1e6:.1f} MB ({r.index_files:,}) | "
            f"{r.first_bytes / 1024:.0f} / {r.first_gzip / 1024:.0f} KB, {r.first_requests}, "
            f"{r.first_ms:.0f} ms | "
            f"{r.second_bytes / 1024:.0f} / {r.second_gzip / 1024:.0f} KB, {r.second_requests}, "
            f"{r.second_ms:.0f} ms |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/floke-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(table([run(n, args.work) for n in args.projects]))


if __name__ == "__main__":
    main()
