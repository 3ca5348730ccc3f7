"""The build cache: loaded and validated records and converted Markdown kept between builds.

It lives in `.floke-cache/` beside the content folder (git-ignored; the publishing workflow keeps
it between CI runs with actions/cache). It holds the same results the live preview keeps in memory
(memo.py), keyed by content instead of by object: a file by the SHA-256 of its bytes and its real
path, a validated record by the keys of its inputs (the record's file and site.yaml), a Markdown
text by its SHA-256 and heading level, valid while its [[links]] lead where they did. One cache file
per floke version and source code, so a new floke never reads an old floke's results; templates
are not an input of anything kept (pages are always rendered), so a template change needs no
invalidation. What a build did not use is dropped when it saves. A cache that cannot be read or
written is ignored: the build is then a cold one, never a failed one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Hashable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import floke
from floke.diagnostics import Report
from floke.memo import Memo, MemoMarkdown

T = TypeVar("T")
FOLDER = ".floke-cache"


def cache_folder(content: Path) -> Path:
    return content.resolve().parent / FOLDER


@cache
def code_version() -> str:
    """floke's version and a digest of its code: a changed floke never reuses old results."""
    digest = hashlib.sha256(floke.__version__.encode())
    package = Path(floke.__file__).parent
    for path in sorted([*package.glob("*.py"), *package.glob("schemas/*.json")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{floke.__version__}-{digest.hexdigest()[:16]}"


class DiskMemo(Memo):
    """A Memo whose results outlive the process: kept by the content of their inputs."""

    def __init__(self, entries: dict[Hashable, Any] | None = None) -> None:
        super().__init__()
        self.stored: dict[Hashable, Any] = entries or {}
        self.used: dict[Hashable, Any] = {}
        self._keys: dict[int, tuple[Hashable, Any]] = {}  # id(result) -> (its key, the result)

    def file(self, path: Path, compute: Callable[[Report], T], report: Report) -> T:
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe or device: load.py says why not
                return compute(report)
            data = path.read_bytes()
            where = os.path.realpath(path)
        except OSError:
            return compute(report)
        key = ("file", str(path), where, hashlib.sha256(data).hexdigest())
        return self._through(key, compute, report)

    def get(self, key: Hashable, inputs: tuple, compute: Callable[[Report], T], report: Report) -> T:
        input_keys = []
        for value in inputs:
            known = self._keys.get(id(value))
            if value is not None and (known is None or known[1] is not value):
                return compute(report)  # an input not from this cache: nothing to key it by
            input_keys.append(None if value is None else known[0])
        return self._through((key, tuple(input_keys)), compute, report)

    def _through(self, key: Hashable, compute: Callable[[Report], T], report: Report) -> T:
        if key in self.stored:
            value = self.stored[key]
        else:
            local = Report()
            value = compute(local)
            report.items.extend(local.items)
            if local.items:  # messages are repeated by every build until the file is fixed
                return value
        self.used[key] = value
        if value is not None:
            self._keys[id(value)] = (key, value)
        return value


class BuildCache:
    """The cache of one build: read at its start, written after it succeeded."""

    def __init__(self, content: Path) -> None:
        self.folder = cache_folder(content)
        self.path = self.folder / f"build-{code_version()}.pickle"
        self._stored = self._read()
        self.memo = DiskMemo(self._stored.get("memo"))
        self._markdown: MemoMarkdown | None = None

    def markdown(self, base_path: str) -> MemoMarkdown:
        """The Markdown renderer with the texts kept for this base path (links carry it)."""
        base, kept = self._stored.get("markdown", (None, None))
        self._markdown = MemoMarkdown(base_path, kept if base == base_path else None)
        return self._markdown

    def _read(self) -> dict[str, Any]:
        try:
            with self.path.open("rb") as stream:
                stored = pickle.load(stream)
        except Exception:  # missing, damaged or written by another Python: a cold build
            return {}
        return stored if isinstance(stored, dict) else {}

    def save(self) -> None:
        """Keep what this build used; other builds' cache files (older floke versions) are removed."""
        stored: dict[str, Any] = {"memo": self.memo.used}
        if self._markdown is not None:
            stored["markdown"] = (self._markdown.base_path, self._markdown.used())
        try:
            self.folder.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".build-", dir=self.folder)
        except OSError:
            return  # a read-only folder: the next build is a cold one
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(stored, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
            for old in self.folder.glob("build-*.pickle"):
                if old != self.path:
                    old.unlink(missing_ok=True)
        except OSError:
            Path(temporary).unlink(missing_ok=True)  # a full disk: the next build is a cold one
