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

from floke.model import Project

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
    this project's language when there is one. Only projects that share something are compared, found
    through inverted indexes, so the cost grows with the overlaps rather than with n squared.
    """
    ordered = sorted(projects, key=lambda p: p.slug)
    lang = {p.slug: p.lang for p in ordered}
    agencies = {p.slug: current_agencies(p) for p in ordered}
    themes = {p.slug: p.themes for p in ordered}
    similarity = text_similarities({p.slug: p.problem for p in ordered})
    by_theme = _inverted(themes)
    by_agency = _inverted(agencies)
    result: dict[str, tuple[Related, ...]] = {}
    for slug in themes:
        shared_themes = _shared(themes[slug], by_theme)
        shared_agencies = _shared(agencies[slug], by_agency)
        excluded = {slug, *same_record.get(slug, ())}
        candidates = []
        for other in sorted((set(shared_themes) | set(shared_agencies) | set(similarity[slug])) - excluded):
            cos = similarity[slug].get(other, 0.0)
            mine_t = tuple(t for t in themes[other] if t in shared_themes.get(other, ()))
            mine_a = tuple(a for a in agencies[other] if a in shared_agencies.get(other, ()))
            score = THEME_WEIGHT * len(mine_t) + AGENCY_WEIGHT * len(mine_a) + TEXT_WEIGHT * cos
            candidates.append(Related(other, round(score, 6), mine_t, mine_a, cos))
        families: dict[str, list[Related]] = {}
        for found in candidates:
            families.setdefault(min((found.slug, *same_record.get(found.slug, ()))), []).append(found)
        chosen = [
            min(family, key=lambda r: (lang[r.slug] != lang[slug], -r.score, r.slug))
            for family in families.values()
        ]
        chosen.sort(key=lambda r: (-r.score, r.slug))
        result[slug] = tuple(chosen[:MAX_RELATED])
    return result


def _inverted(values: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for slug, items in values.items():
        for item in items:
            index.setdefault(item, []).append(slug)
    return index


def _shared(items: tuple[str, ...], index: Mapping[str, list[str]]) -> dict[str, set[str]]:
    """Other slugs that have any of items, each with the items it shares."""
    shared: dict[str, set[str]] = {}
    for item in items:
        for slug in index.get(item, ()):
            shared.setdefault(slug, set()).add(item)
    return shared


def text_similarities(texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """TF-IDF cosine of every pair of texts that reaches MIN_SIMILARITY, both ways round."""
    vectors = tfidf_vectors(texts)
    postings = _inverted({key: tuple(vector) for key, vector in vectors.items()})
    result: dict[str, dict[str, float]] = {key: {} for key in texts}
    for key, vector in vectors.items():
        dots: dict[str, float] = {}
        for word, weight in vector.items():
            for other in postings[word]:
                if other != key:
                    dots[other] = dots.get(other, 0.0) + weight * vectors[other][word]
        for other, dot in dots.items():
            if (cos := round(dot, 6)) >= MIN_SIMILARITY:
                result[key][other] = cos
    return result


def tokens(text: str) -> list[str]:
    """Words of three letters or more, lower-cased, without Markdown and [[...]] markup."""
    text = _MARKDOWN.sub(" ", _XREF_MARKUP.sub(" ", text))
    return _WORD.findall(text.casefold())


def tfidf_vectors(texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """A unit-length TF-IDF vector per text.

    Words found in more than half of the texts are left out: they tell no projects apart, and
    skipping them keeps the pairwise comparison cheap on large catalogues.
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
