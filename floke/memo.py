"""Stage results kept between rebuilds of one preview session, so that a rebuild redoes only what changed.

A result is reused only while its inputs are the same: the same file state (size, time, inode) for
loading, the very same input objects for validating, equal inputs for related projects, the same
text and the same link targets for Markdown. A result whose computation reported anything is never
kept, so messages repeat on every rebuild until the file is fixed. A normal build uses NO_MEMO,
which keeps nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup

from floke.diagnostics import Report
from floke.markup import MarkdownRenderer, Resolver, Target

T = TypeVar("T")


class Memo:
    """Results by key; entries not used in a rebuild are dropped at its end."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[tuple, Any]] = {}
        self._used: set[Hashable] = set()

    def get(self, key: Hashable, inputs: tuple, compute: Callable[[Report], T], report: Report) -> T:
        """compute's result for key while `inputs` are the same objects as when it was kept."""
        entry = self._entries.get(key)
        if (
            entry is not None
            and len(entry[0]) == len(inputs)
            and all(a is b for a, b in zip(entry[0], inputs, strict=True))
        ):
            self._used.add(key)
            return entry[1]
        local = Report()
        value = compute(local)
        report.items.extend(local.items)
        if not local.items:
            self._entries[key] = (inputs, value)
            self._used.add(key)
        return value

    def equal(self, key: Hashable, inputs: tuple, compute: Callable[[], T]) -> T:
        """compute's result for key while `inputs` are equal (==) to those it was computed from."""
        entry = self._entries.get(key)
        if entry is None or entry[0] != inputs:
            entry = self._entries[key] = (inputs, compute())
        self._used.add(key)
        return entry[1]

    def file(self, path: Path, compute: Callable[[Report], T], report: Report) -> T:
        """compute's result for a file, kept while the file's size, time and inode stay the same."""
        try:
            status = os.stat(path)
        except OSError:
            return compute(report)
        key = ("file", str(path), status.st_mtime_ns, status.st_size, status.st_ino)
        return self.get(key, (), compute, report)

    def sweep(self) -> None:
        self._entries = {k: v for k, v in self._entries.items() if k in self._used}
        self._used = set()


class _NoMemo(Memo):
    def get(self, key: Hashable, inputs: tuple, compute: Callable[[Report], T], report: Report) -> T:
        return compute(report)

    def equal(self, key: Hashable, inputs: tuple, compute: Callable[[], T]) -> T:
        return compute()

    def file(self, path: Path, compute: Callable[[Report], T], report: Report) -> T:
        return compute(report)


NO_MEMO: Memo = _NoMemo()


_Links = tuple[tuple[str, str, Target | None], ...]


class MemoMarkdown(MarkdownRenderer):
    """A Markdown renderer that converts a text again only when the text or its [[links]] changed.

    Texts are kept by their SHA-256, so the kept results can also be stored on disk (buildcache.py)."""

    def __init__(
        self, base_path: str = "/", kept: dict[_Key, list[tuple[_Links, Markup]]] | None = None
    ) -> None:
        super().__init__(base_path)
        self._kept: dict[_Key, list[tuple[_Links, Markup]]] = kept or {}
        self._used: dict[_Key, list] = {}

    def to_html(self, text: str, resolver: Resolver | None = None, top: int = 2) -> Markup:
        resolve = resolver or (lambda kind, ident: None)
        found = self.lookup(text, resolve, top)
        if found is not None:
            return found
        links, html = self.convert(text, resolve, top)
        self.keep(text, top, links, html)
        return html

    def lookup(self, text: str, resolve: Resolver, top: int) -> Markup | None:
        """The kept HTML of the text, if its [[links]] still lead where they did."""
        key = _key(text, top)
        for links, html in (*self._used.get(key, ()), *self._kept.get(key, ())):
            if all(resolve(kind, ident) == target for kind, ident, target in links):
                self._keep(key, links, html)
                return html
        return None

    def convert(self, text: str, resolve: Resolver, top: int) -> tuple[_Links, Markup]:
        """The HTML and the [[links]] it resolved, without keeping them (workers return them)."""
        seen: list[tuple[str, str, Target | None]] = []

        def recording(kind: str, ident: str) -> Target | None:
            target = resolve(kind, ident)
            seen.append((kind, ident, target))
            return target

        html = super().to_html(text, recording, top)
        return tuple(seen), html

    def keep(self, text: str, top: int, links: _Links, html: Markup) -> None:
        self._keep(_key(text, top), links, html)

    def _keep(self, key: _Key, links: tuple, html: Markup) -> None:
        kept = self._used.setdefault(key, [])
        if (links, html) not in kept:
            kept.append((links, html))

    def used(self) -> dict[_Key, list[tuple[_Links, Markup]]]:
        """What this build converted or reused: what is worth keeping for the next one."""
        return self._used

    def sweep(self) -> None:
        """Forget texts not converted since the last sweep."""
        self._kept, self._used = self._used, {}


_Key = tuple[bytes, int]


def _key(text: str, top: int) -> _Key:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), top
