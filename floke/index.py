"""Stage 5, index: build the Pagefind search index of the written site, before it is swapped in.

write_site calls build_index on the staging folder, so an index that fails never replaces the
live site. Pagefind reads the written pages (one directory walk, not one call per record) plus
the lesson documents, which are written to a folder of their own and never published. Every
page is indexed under one Norwegian language so that all readers search one index; see
docs/search.md.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Coroutine, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pagefind.index import PagefindIndex

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


def build_index(site: Path, documents: Iterable[OutputFile]) -> IndexSummary:
    """Index the pages under site and the given documents into site/pagefind/."""
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # never mix in files of an earlier index
    with tempfile.TemporaryDirectory(prefix="floke-index-") as scratch:
        folder = Path(scratch)
        for document in documents:
            target = folder / document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(document.data)
        try:
            pages, extra = _run_in_own_loop(_run_pagefind(site, folder, bundle))
        except Exception as problem:  # Pagefind's service reports failures as plain exceptions
            raise SearchIndexError(f"the search index could not be built: {problem}") from problem
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return IndexSummary(pages, extra)


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
