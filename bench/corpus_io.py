"""Reading a floke content directory, shared by the converters and the checker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# [[kind:target]] or [[kind:target|text]]; the kinds floke resolves.
CROSSREF_RE = re.compile(r"\[\[(project|agency|theme|news):([a-z0-9-]+)(?:\|([^\]]+))?\]\]")

# A whitespace-delimited token containing at least one letter or digit.
WORD_RE = re.compile(r"\S*[^\W_]\S*")
def count_words(markdown: str) -> int:
    """Words as a reader would count them: tokens holding a letter or digit."""
    return len(WORD_RE.findall(markdown))


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split '---' YAML front matter from the Markdown body."""
    if not text.startswith("---\n"):
        raise ValueError("missing front matter")
    end = text.index("\n---\n", 4)
    meta = yaml.safe_load(text[4:end]) or {}
    return meta, text[end + 5 :].lstrip("\n")


@dataclass
class Record:
    """One project or news post as read from disk."""

    slug: str
    meta: dict[str, Any]
    body: str


@dataclass
class Corpus:
    """Everything in a content directory that the converters need."""

    root: Path
    site: dict[str, Any]
    agencies: dict[str, dict[str, Any]]
    projects: dict[str, Record] = field(default_factory=dict)
    news: dict[str, Record] = field(default_factory=dict)

    def theme_label(self, theme_id: str, lang: str = "nb") -> str:
        for theme in self.site["themes"]:
            if theme["id"] == theme_id:
                return str(theme["label"][lang])
        raise KeyError(theme_id)

    def phase_label(self, phase_id: str, lang: str = "nb") -> str:
        for phase in self.site["phases"]:
            if phase["id"] == phase_id:
                return str(phase["label"][lang])
        raise KeyError(phase_id)


def _read_records(folder: Path) -> dict[str, Record]:
    records: dict[str, Record] = {}
    for path in sorted(folder.glob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        records[path.stem] = Record(slug=path.stem, meta=meta, body=body)
    return records


def load_corpus(root: Path) -> Corpus:
    """Read site.yaml, agencies.yaml, projects/ and news/ under ``root``."""
    site = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))
    agencies = yaml.safe_load((root / "agencies.yaml").read_text(encoding="utf-8"))
    return Corpus(
        root=root,
        site=site,
        agencies=agencies,
        projects=_read_records(root / "projects"),
        news=_read_records(root / "news"),
    )
