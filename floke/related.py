"""Related projects: shared themes, shared current agencies and similar problem texts.

Called from the link stage, so the Catalogue carries each project's related projects and the
pages only put the reasons into words. The score is deterministic: plain sums over sorted data,
rounded before comparing, ties broken by slug.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from scipy import sparse

from floke.model import Project

K = TypeVar("K")

MAX_RELATED = 5
THEME_WEIGHT = 1.0
AGENCY_WEIGHT = 1.5
TEXT_WEIGHT = 3.0
# Below this cosine two problem texts are not called similar (common words give small overlaps).
MIN_SIMILARITY = 0.1

_WORD = re.compile(r"[^\W\d_]{3,}")
_XREF_MARKUP = re.compile(r"\[\[[^\]]*\]\]")
_MARKDOWN = re.compile(r"[*_`#>]")


@dataclass(frozen=True)
class Related:
    """Another project and why it is related to this one."""

    slug: str
    score: float
    themes: tuple[str, ...]  # shared theme ids, in the other project's order
    agencies: tuple[str, ...]  # shared current agency ids, in the other project's order
    similarity: float  # cosine of the problem texts; 0 when under MIN_SIMILARITY


def related_projects(
    projects: Iterable[Project],
    current_agencies: Callable[[Project], tuple[str, ...]],
    same_record: Mapping[str, tuple[str, ...]],
) -> dict[str, tuple[Related, ...]]:
    """Up to MAX_RELATED related projects per project slug, best first.

    same_record maps a slug to the slugs of its translations, which are the same project and so
    never each other's related work; of a translated project only one version is shown, the one in
    this project's language when there is one. Every project that shares something is a candidate:
    the scores of a block of projects against all others come from sparse matrix products (shared
    themes, shared agencies, TF-IDF dot products), so no Python loop runs over pairs, and memory
    stays at a block's rows whatever the catalogue's size.
    """
    ordered = sorted(projects, key=lambda p: p.slug)
    pick = _Picker(ordered, current_agencies, same_record)
    themes = _incidence([p.themes for p in ordered])
    agencies = _incidence([pick.agencies[i] for i in range(len(ordered))])
    texts = tfidf_matrix([p.problem for p in ordered])
    result: dict[str, tuple[Related, ...]] = {}
    for start in range(0, len(ordered), _BLOCK):
        rows = slice(start, start + _BLOCK)
        cosines = np.round((texts[rows] @ texts.T).toarray(), 6)
        cosines[cosines < MIN_SIMILARITY] = 0.0
        scores = (themes[rows] @ themes.T).toarray() * THEME_WEIGHT
        scores += (agencies[rows] @ agencies.T).toarray() * AGENCY_WEIGHT
        scores += cosines * TEXT_WEIGHT
        scores = np.round(scores, 6)
        for offset in range(scores.shape[0]):
            mine = start + offset
            result[ordered[mine].slug] = pick.best(mine, scores[offset], cosines[offset])
    return result


_BLOCK = 256  # rows scored at once: 256 x n floats per matrix
_SHORTLIST = 32  # candidates looked at first; enough unless many translations or ties crowd them


class _Picker:
    """Chooses a project's related projects from its row of scores, one version per translated project."""

    def __init__(
        self,
        ordered: list[Project],
        current_agencies: Callable[[Project], tuple[str, ...]],
        same_record: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.projects = ordered
        self.agencies = [current_agencies(p) for p in ordered]
        position = {p.slug: i for i, p in enumerate(ordered)}
        self.versions = [[position[s] for s in same_record.get(p.slug, ()) if s in position] for p in ordered]
        self.family = [min((p.slug, *same_record.get(p.slug, ()))) for p in ordered]

    def best(self, mine: int, scores: np.ndarray, cosines: np.ndarray) -> tuple[Related, ...]:
        scores = scores.copy()
        scores[[mine, *self.versions[mine]]] = 0.0  # itself and its translations
        candidates = np.flatnonzero(scores)
        if len(candidates) > _SHORTLIST:  # most rows: look at the best few first
            cut = np.partition(scores[candidates], -_SHORTLIST)[-_SHORTLIST]
            chosen = self._choose(mine, scores, candidates[scores[candidates] >= cut])
            if chosen is not None:
                return tuple(self._related(mine, other, float(cosines[other])) for other in chosen)
        chosen = self._choose(mine, scores, candidates, complete=True)
        assert chosen is not None
        return tuple(self._related(mine, other, float(cosines[other])) for other in chosen)

    def _choose(self, mine: int, scores: np.ndarray, candidates: np.ndarray, complete: bool = False):
        """The best versions of the best families among candidates (all that score at least the
        lowest of them); None when candidates ran out before the choice was certain."""
        order = candidates[np.lexsort((candidates, -scores[candidates]))]
        chosen: list[int] = []
        families: set[str] = set()
        lang = self.projects[mine].lang
        for other in order.tolist():
            if len(chosen) >= MAX_RELATED and self._key(scores, other) > self._key(scores, chosen[-1]):
                return chosen  # every family not yet seen scores lower still, whichever version it shows
            if self.family[other] in families:
                continue
            families.add(self.family[other])
            versions = [v for v in (other, *self.versions[other]) if scores[v] > 0]
            chosen.append(min(versions, key=lambda v: (self.projects[v].lang != lang, *self._key(scores, v))))
            chosen.sort(key=lambda v: self._key(scores, v))
            del chosen[MAX_RELATED:]
        return chosen if complete else None

    @staticmethod
    def _key(scores: np.ndarray, index: int) -> tuple[float, int]:
        return (-float(scores[index]), index)  # indexes follow slug order

    def _related(self, mine: int, other: int, cos: float) -> Related:
        project, theirs = self.projects[mine], self.projects[other]
        themes = tuple(t for t in theirs.themes if t in project.themes)
        agencies = tuple(a for a in self.agencies[other] if a in self.agencies[mine])
        score = THEME_WEIGHT * len(themes) + AGENCY_WEIGHT * len(agencies) + TEXT_WEIGHT * cos
        return Related(theirs.slug, round(score, 6), themes, agencies, cos)


def _incidence(rows: list[tuple[str, ...]]) -> sparse.csr_matrix:
    """A 0/1 matrix: one row per project, one column per value (theme or agency) it has."""
    columns: dict[str, int] = {}
    row_index, column_index = [], []
    for row, values in enumerate(rows):
        for value in dict.fromkeys(values):
            row_index.append(row)
            column_index.append(columns.setdefault(value, len(columns)))
    shape = (len(rows), max(1, len(columns)))
    return sparse.csr_matrix((np.ones(len(row_index)), (row_index, column_index)), shape=shape)


def tfidf_matrix(texts: list[str]) -> sparse.csr_matrix:
    """The texts' TF-IDF vectors as the rows of a sparse matrix (words in one text only are left
    out: they add nothing to any dot product with another text)."""
    vectors = tfidf_vectors(dict(enumerate(texts)))
    documents = Counter(word for vector in vectors.values() for word in vector)
    columns: dict[str, int] = {}
    row_index, column_index, weights = [], [], []
    for row, vector in vectors.items():
        for word, weight in vector.items():
            if documents[word] > 1:
                row_index.append(row)
                column_index.append(columns.setdefault(word, len(columns)))
                weights.append(weight)
    shape = (len(texts), max(1, len(columns)))
    return sparse.csr_matrix((weights, (row_index, column_index)), shape=shape)


def tokens(text: str) -> list[str]:
    """Words of three letters or more, lower-cased, without Markdown and [[...]] markup."""
    text = _MARKDOWN.sub(" ", _XREF_MARKUP.sub(" ", text))
    return _WORD.findall(text.casefold())


def tfidf_vectors(texts: Mapping[K, str]) -> dict[K, dict[str, float]]:
    """A unit-length TF-IDF vector per text.

    Words found in more than half of the texts are left out: they tell no projects apart, and
    skipping them keeps the similarity matrix sparse on large catalogues.
    """
    counts = {key: Counter(tokens(text)) for key, text in texts.items()}
    documents: Counter[str] = Counter()
    for counter in counts.values():
        documents.update(counter.keys())
    total = len(texts)
    common = max(2, total // 2)
    vectors = {}
    for key, counter in counts.items():
        weights = {
            word: n * math.log((1 + total) / (1 + documents[word])) + n
            for word, n in sorted(counter.items())
            if documents[word] <= common
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors[key] = {word: w / norm for word, w in weights.items()} if norm else {}
    return vectors
