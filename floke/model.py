"""The plain records that flow between pipeline stages.

load -> RawRecord; validate -> Content (typed records); link -> Catalogue (see link.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

RecordKind = Literal["project", "news", "page", "agencies", "site"]
KeyPath = tuple[str | int, ...]
LANGUAGES = ("nb", "nn", "en")


@dataclass(frozen=True)
class Origin:
    """Where a record came from, with the line of every key in its front matter."""

    path: str
    lines: Mapping[KeyPath, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, *keys: str | int) -> int:
        """Line of the deepest known key on the path; the record's first line otherwise."""
        path: KeyPath = tuple(keys)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


@dataclass(frozen=True)
class RawRecord:
    """A file as loaded: its front matter data, its body and where each key stands."""

    kind: RecordKind
    origin: Origin
    stem: str
    data: dict[str, Any]
    body: str = ""
    body_line: int = 1


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def is_before(self, other: PartialDate) -> bool:
        """Strictly earlier, compared only as precisely as both are known (2018 is not before 2018-06)."""
        known = min(self._precision(), other._precision())
        return self.sort_key()[:known] < other.sort_key()[:known]

    def _precision(self) -> int:
        return 1 + (self.month is not None) + (self.day is not None)


@dataclass(frozen=True)
class Labels:
    """A text given per language; falls back to the first one given."""

    texts: Mapping[str, str]

    def get(self, lang: str) -> str:
        if lang in self.texts:
            return self.texts[lang]
        return next(iter(self.texts.values()), "")


@dataclass(frozen=True)
class Phase:
    id: str
    label: Labels
    description: Labels
    index: int


@dataclass(frozen=True)
class Theme:
    id: str
    label: Labels
    description: Labels


@dataclass(frozen=True)
class SiteConfig:
    title: str
    description: str
    base_url: str
    default_lang: str
    languages: tuple[str, ...]
    phases: tuple[Phase, ...]
    themes: tuple[Theme, ...]
    themes_declared: bool
    language_share_threshold: float
    ignore_warnings: tuple[str, ...]
    licence: str
    publisher_orgnr: str | None
    extra: Mapping[str, Any]

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    short: str | None
    kind: str
    orgnr: str | None
    aliases: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    replaced_by: str | None
    url: str | None
    origin: Origin

    @property
    def display_name(self) -> str:
        return self.name


@dataclass(frozen=True)
class Learning:
    title: str
    text: str
    themes: tuple[str, ...]
    phase: str | None
    anchor: str
    number: int  # 1-based position in the project's list
    line: int


@dataclass(frozen=True)
class Project:
    slug: str
    title: str
    agencies: tuple[str, ...]
    problem: str
    phase: str
    summary: str | None
    lang: str
    status: str
    started: PartialDate | None
    ended: PartialDate | None
    themes: tuple[str, ...]
    learnings: tuple[Learning, ...]
    vendors: tuple[str, ...]
    funding_nok: int | None
    round: str | None
    sources: tuple[str, ...]
    draft: bool
    translation_of: str | None
    extra: Mapping[str, Any]
    body: str
    body_line: int
    origin: Origin

    @property
    def year(self) -> int | None:
        return self.started.year if self.started else None


@dataclass(frozen=True)
class NewsPost:
    slug: str
    title: str
    date: dt.date
    lang: str
    summary: str | None
    projects: tuple[str, ...]
    draft: bool
    sources: tuple[str, ...]
    translation_of: str | None
    body: str
    body_line: int
    origin: Origin


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    lang: str
    summary: str | None
    translation_of: str | None
    draft: bool
    body: str
    body_line: int
    origin: Origin


@dataclass(frozen=True)
class Content:
    """Everything validated: typed records, each with its origin."""

    config: SiteConfig
    agencies: Mapping[str, Agency]
    projects: tuple[Project, ...]
    news: tuple[NewsPost, ...]
    pages: tuple[Page, ...]


@dataclass(frozen=True)
class OutputFile:
    """A file of the built site: render produces them, write puts them on disk."""

    path: str  # relative to the output folder, with / separators
    data: bytes
