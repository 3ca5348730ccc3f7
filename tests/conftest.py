"""Shared helpers: write small content folders and run the floke command in-process."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest

from floke.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MINIMAL_AGENCIES = """\
alpha:
  name: Alfa kommune
  short: Alfa
  kind: municipality
beta:
  name: Betadirektoratet
  kind: state
"""

MINIMAL_PROJECT = """\
---
title: Et prosjekt
agencies: [alpha, beta]
problem: |
  Et felles problem.
phase: diagnosis
---
Brødtekst.
"""


@dataclass
class Run:
    code: int
    out: str
    err: str


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write files (dedented when text) under root; returns root."""
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body), encoding="utf-8")
    return root


@pytest.fixture
def site_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder; paths in messages are relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def minimal(site_dir: Path) -> Path:
    """A valid content folder with two agencies and one project."""
    write_files(site_dir, {
        "content/agencies.yaml": MINIMAL_AGENCIES,
        "content/projects/et-prosjekt.md": MINIMAL_PROJECT,
    })
    return site_dir


@pytest.fixture
def floke(capsys: pytest.CaptureFixture[str]):
    """Run the floke command with arguments; returns exit code, stdout and stderr."""

    def run(*args: str) -> Run:
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under root by relative path: compare two builds byte for byte."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# Pagefind numbers pages in the order its parallel parser finishes them, so these files differ
# between identical builds (docs/search.md); the fragments, one per page, do not.
PAGEFIND_NUMBERED = (
    "pagefind/pagefind-entry.json",
    "pagefind/pagefind.*.pf_meta",
    "pagefind/filter/*",
    "pagefind/index/*",
)


def stable_tree_bytes(root: Path) -> dict[str, bytes]:
    """tree_bytes without the index files whose page numbering Pagefind does not keep stable."""
    return {
        path: data
        for path, data in tree_bytes(root).items()
        if not any(PurePosixPath(path).match(pattern) for pattern in PAGEFIND_NUMBERED)
    }


# --- the browser: one Chromium for the whole run (Playwright's sync API allows one per thread) ---


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: their Chromium keeps an event loop running in this thread until the run
    ends, which tests that run an event loop of their own (the preview server's) cannot share."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
MISSING = "{what} is missing: run `bash scripts/browser-deps.sh` (as root it installs it)"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, shared by every browser test."""
    if not CHROMIUM.is_file():
        pytest.fail(MISSING.format(what=f"Chromium ({CHROMIUM})"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
