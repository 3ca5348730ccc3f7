"""Stage 5, index: build the Pagefind search index of the written site, before it is swapped in.

write_site calls build_index on the staging folder, so an index that fails never replaces the
live site. Pagefind reads the written pages (one directory walk, not one call per record) plus
the lesson documents, which are written to a folder of their own and never published. Every
page is indexed under one Norwegian language so that all readers search one index; see
docs/search.md.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import importlib.metadata
import json
import os
import shutil
import tempfile
import zlib
from collections.abc import Coroutine, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pagefind.index import PagefindIndex

from floke.buildcache import code_version
from floke.model import OutputFile

BUNDLE = "pagefind"
# Snowball's Norwegian stemmer serves Bokmål and Nynorsk alike; English pages are stemmed with it too.
INDEX_LANGUAGE = "nb"
# Pagefind's ready-made interfaces; the site has its own (static/js/search.js), so they are not shipped.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says what it reported."""


T = TypeVar("T")


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    documents: int


# Pagefind's Python wrapper terminates its indexer right after the indexer answers "files written",
# and a file was once found empty; on a full disk Pagefind cuts files short without an error. A
# bundle with a damaged file is built again, a few times at most.
ATTEMPTS = 3


def build_index(site: Path, documents: Iterable[OutputFile]) -> IndexSummary:
    """Index the pages under site and the given documents into site/pagefind/."""
    bundle = site / BUNDLE
    with tempfile.TemporaryDirectory(prefix="floke-index-") as scratch:
        folder = Path(scratch)
        for document in documents:
            target = folder / document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(document.data)
        for _ in range(ATTEMPTS):
            shutil.rmtree(bundle, ignore_errors=True)  # never mix in files of an earlier index
            try:
                pages, extra = _run_in_own_loop(_run_pagefind(site, folder, bundle))
            except Exception as problem:  # Pagefind's service reports failures as plain exceptions
                raise SearchIndexError(f"the search index could not be built: {problem}") from problem
            damaged = damaged_files(bundle)
            if not damaged:
                break
        else:
            raise SearchIndexError(
                f"the search index could not be built: Pagefind left {len(damaged)} incomplete "
                f"file(s) {ATTEMPTS} times, such as {damaged[0]} (a full disk does that too)"
            )
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return IndexSummary(pages, extra)


def damaged_files(bundle: Path) -> list[str]:
    """Files of a Pagefind bundle that are empty or, for its compressed data files other than the
    page fragments (one per page: too many to read again), cut short."""
    damaged = []
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        if path.stat().st_size == 0 or (
            path.suffix.startswith((".pf_", ".pagefind"))
            and path.suffix != ".pf_fragment"
            and not _whole_gzip(path.read_bytes())
        ):
            damaged.append(path.relative_to(bundle).as_posix())
    return damaged


def _whole_gzip(data: bytes) -> bool:
    try:
        gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return False
    return True


def _run_in_own_loop(work: Coroutine[Any, Any, T]) -> T:
    """Run Pagefind's asyncio API in a thread of its own, so that a build also works when the
    caller already runs an event loop (the preview server, or a test driving a browser)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result()


async def _run_pagefind(site: Path, documents: Path, bundle: Path) -> tuple[int, int]:
    config = {"force_language": INDEX_LANGUAGE, "output_path": str(bundle.resolve())}
    async with PagefindIndex(config=config) as index:
        pages = await index.add_directory(str(site.resolve()))
        extra = await index.add_directory(str(documents.resolve()))
    return pages["page_count"], extra["page_count"]


# --- reuse ------------------------------------------------------------------------------------


def index_digest(files: Iterable[OutputFile], documents: Iterable[OutputFile]) -> str:
    """A digest of everything Pagefind reads: each HTML page and lesson document, path and bytes,
    Pagefind's version and floke's code (which holds the settings). Equal digests, equal indexes."""
    settings = f"pagefind {importlib.metadata.version('pagefind')} {INDEX_LANGUAGE} floke {code_version()}"
    digest = hashlib.sha256(settings.encode())
    pages = sorted(
        [("site", f) for f in files if f.path.endswith(".html")] + [("documents", d) for d in documents],
        key=lambda item: (item[0], item[1].path),
    )
    for where, file in pages:
        digest.update(f"{where}/{file.path}\0".encode() + hashlib.sha256(file.data).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class KeptIndex:
    """The search index of the live site, reused when a build's pages are what it was built from.

    `record` (in the build cache folder) names the digest of the pages the live index was built
    from and its files with their sizes; Pagefind names its data files by their content, so names
    and sizes that match are the same files. Reusing hard-links them into the staging folder.
    """

    record: Path
    live: Path  # the live site's folder

    def restore(self, digest: str, site: Path) -> bool:
        """Put the kept index into site/pagefind/ if it was built from the same pages."""
        kept = self._read()
        source = self.live / BUNDLE
        if kept.get("digest") != digest or not _has_files(source, kept.get("files", {})):
            return False
        shutil.rmtree(site / BUNDLE, ignore_errors=True)
        for name in kept["files"]:
            _link_or_copy(source / name, site / BUNDLE / name)
        return True

    def remember(self, digest: str, site: Path) -> None:
        """Note the index just built in site/ (the staging folder, live once swapped in)."""
        bundle = site / BUNDLE
        files = {p.relative_to(bundle).as_posix(): p.stat().st_size for p in bundle.rglob("*") if p.is_file()}
        try:
            self.record.parent.mkdir(exist_ok=True)
            self.record.write_text(json.dumps({"digest": digest, "files": files}, sort_keys=True))
        except OSError:
            pass  # a read-only cache folder: the next build indexes again

    def _read(self) -> dict[str, Any]:
        try:
            kept = json.loads(self.record.read_text())
        except (OSError, ValueError):
            return {}
        return kept if isinstance(kept, dict) else {}


def _has_files(folder: Path, files: dict[str, int]) -> bool:
    try:
        return bool(files) and all((folder / name).stat().st_size == size for name, size in files.items())
    except (OSError, TypeError):
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)
