"""Check a generated corpus against floke's content contract.

    python -m bench.check_corpus DIR

Independent of the generator on purpose: it re-reads the files from disk, so a
generator bug cannot hide behind shared code. Prints problems and a summary;
exits 1 if any problem was found.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.corpus_io import CROSSREF_RE, Corpus, count_words, load_corpus

SITE_REQUIRED = {"title", "description", "base_url", "default_lang", "languages", "phases", "themes"}
SITE_KEYS = SITE_REQUIRED | {"publisher_orgnr", "licence", "language_share_threshold", "extra"}
PHASE_IDS = ["diagnosis", "explore-define", "develop-deliver", "implementation"]
AGENCY_KEYS = {"name", "short", "kind", "orgnr", "aliases", "valid_from", "valid_to", "replaced_by"}
AGENCY_KINDS = {"state", "municipality", "county", "health", "other"}
PROJECT_REQUIRED = {"title", "agencies", "problem", "phase"}
PROJECT_KEYS = PROJECT_REQUIRED | {
    "summary",
    "lang",
    "status",
    "started",
    "ended",
    "themes",
    "learnings",
    "vendors",
    "funding_nok",
    "round",
    "sources",
    "slug",
    "draft",
    "extra",
    "translation_of",
}
LEARNING_KEYS = {"title", "text", "themes", "phase"}
NEWS_KEYS = {"title", "date", "lang", "summary", "projects", "draft", "sources"}
LANGS = {"nb", "nn", "en"}
STATUSES = {"planned", "ongoing", "completed", "stopped"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTIAL_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WORDS_RANGE = (600, 1200)


def orgnr_ok(orgnr: object) -> bool:
    """Nine digits with a valid modulus-11 check digit (weights 3,2,7,6,5,4,3,2)."""
    if not isinstance(orgnr, str) or not re.fullmatch(r"\d{9}", orgnr):
        return False
    remainder = sum(int(d) * w for d, w in zip(orgnr[:8], (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    expected = 0 if remainder == 0 else 11 - remainder
    return remainder != 1 and expected == int(orgnr[8])


class Checker:
    """Collects problems as 'where: what' lines."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.problems: list[str] = []
        self.theme_ids = {t["id"] for t in corpus.site.get("themes", [])}
        self.live = {
            "project": {s for s, r in corpus.projects.items() if not r.meta.get("draft")},
            "news": {s for s, r in corpus.news.items() if not r.meta.get("draft")},
            "agency": set(corpus.agencies),
            "theme": self.theme_ids,
        }

    def fail(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def keys(self, where: str, data: dict[str, Any], allowed: set[str], required: Iterable[str] = ()) -> None:
        for key in sorted(set(data) - allowed):
            self.fail(where, f"unknown key {key!r}")
        for key in sorted(set(required) - set(data)):
            self.fail(where, f"missing key {key!r}")

    def site(self) -> None:
        site = self.corpus.site
        self.keys("site.yaml", site, SITE_KEYS, SITE_REQUIRED)
        if "publisher_orgnr" in site and not orgnr_ok(site["publisher_orgnr"]):
            self.fail("site.yaml", "bad publisher_orgnr")
        if [p["id"] for p in site["phases"]] != PHASE_IDS:
            self.fail("site.yaml", "phase ids differ from the contract")
        for item in site["phases"] + site["themes"]:
            if set(item["label"]) != LANGS or not SLUG_RE.match(item["id"]):
                self.fail("site.yaml", f"bad label or id in {item['id']!r}")

    def agencies(self) -> None:
        registry = self.corpus.agencies
        orgnrs = Counter(a.get("orgnr") for a in registry.values())
        for agency_id, agency in registry.items():
            where = f"agencies.yaml:{agency_id}"
            self.keys(where, agency, AGENCY_KEYS, {"name"})
            if agency.get("kind") not in AGENCY_KINDS:
                self.fail(where, f"bad kind {agency.get('kind')!r}")
            if not orgnr_ok(agency.get("orgnr")) or orgnrs[agency.get("orgnr")] > 1:
                self.fail(where, f"bad or duplicate orgnr {agency.get('orgnr')!r}")
            for key in ("valid_from", "valid_to"):
                if key in agency and not DAY_RE.match(agency[key]):
                    self.fail(where, f"bad {key}")
            if agency.get("replaced_by", agency_id) not in registry:
                self.fail(where, "replaced_by points nowhere")

    def dates(self, where: str, meta: dict[str, Any]) -> None:
        started, ended = meta.get("started"), meta.get("ended")
        for value in (started, ended):
            if value is not None and not (isinstance(value, str) and PARTIAL_DATE_RE.match(value)):
                self.fail(where, f"bad date {value!r}")
        if isinstance(started, str) and isinstance(ended, str):
            common = min(len(started), len(ended))
            if ended[:common] < started[:common]:
                self.fail(where, "ended before started")

    def references(self, where: str, body: str) -> None:
        refs = CROSSREF_RE.findall(body)
        if not 1 <= len(refs) <= 3:
            self.fail(where, f"{len(refs)} cross-references (want 1-3)")
        for kind, target, _text in refs:
            if target not in self.live[kind]:
                self.fail(where, f"dangling [[{kind}:{target}]]")

    def project(self, slug: str, meta: dict[str, Any], body: str) -> None:
        where = f"projects/{slug}.md"
        self.keys(where, meta, PROJECT_KEYS, PROJECT_REQUIRED)
        agencies = meta.get("agencies") or []
        if not 1 <= len(agencies) <= 4 or set(agencies) - set(self.corpus.agencies):
            self.fail(where, "agencies: need 1-4 known ids")
        if not 1 <= len(meta.get("themes", [])) <= 4 or set(meta["themes"]) - self.theme_ids:
            self.fail(where, "themes: need 1-4 known ids")
        if meta.get("phase") not in PHASE_IDS:
            self.fail(where, "unknown phase")
        if meta.get("lang", "nb") not in LANGS or meta.get("status", "ongoing") not in STATUSES:
            self.fail(where, "bad lang or status")
        self.dates(where, meta)
        for item in meta.get("learnings", []):
            self.keys(where + " learning", item, LEARNING_KEYS, {"title", "text"})
        if any(not url.startswith("https://") for url in meta.get("sources", [])):
            self.fail(where, "non-https source")
        if "translation_of" in meta and meta["translation_of"] not in self.corpus.projects:
            self.fail(where, "translation_of points nowhere")
        words = count_words(body)
        if not WORDS_RANGE[0] <= words <= WORDS_RANGE[1]:
            self.fail(where, f"{words} words")
        self.references(where, body)

    def news(self, slug: str, meta: dict[str, Any], body: str) -> None:
        where = f"news/{slug}.md"
        self.keys(where, meta, NEWS_KEYS, {"title", "date"})
        if not DAY_RE.match(str(meta.get("date"))):
            self.fail(where, "bad date")
        if set(meta.get("projects", [])) - set(self.corpus.projects):
            self.fail(where, "unknown project in projects")
        self.references(where, body)

    def run(self) -> list[str]:
        self.site()
        self.agencies()
        for slug, record in self.corpus.projects.items():
            if not SLUG_RE.match(slug):
                self.fail(slug, "file name is not a slug")
            self.project(slug, record.meta, record.body)
        for slug, record in self.corpus.news.items():
            self.news(slug, record.meta, record.body)
        return self.problems


def summary(corpus: Corpus) -> str:
    langs = Counter(r.meta.get("lang", "nb") for r in corpus.projects.values())
    news_langs = Counter(r.meta.get("lang", "nb") for r in corpus.news.values())
    words = [count_words(r.body) for r in corpus.projects.values()]
    renamed = sum(1 for a in corpus.agencies.values() if "replaced_by" in a or "aliases" in a)
    return (
        f"{len(corpus.projects)} projects {dict(langs)}, words {min(words)}-{max(words)} "
        f"(mean {sum(words) / len(words):.0f}); {len(corpus.news)} news "
        f"{dict(news_langs)}; {len(corpus.agencies)} agencies ({renamed} renamed/merged)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    corpus = load_corpus(Path(args[0]))
    problems = Checker(corpus).run()
    for line in problems[:50]:
        print(line)
    print(f"{len(problems)} problems; {summary(corpus)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
