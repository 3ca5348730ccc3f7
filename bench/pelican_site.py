"""Turn a floke corpus into a Pelican project, and build it.

    python -m bench.pelican_site --corpus DIR --project DIR [--build OUT]

Projects and news become articles. The phase becomes the category; themes,
agencies and vendors become tags, so Pelican writes a page for each of them, as
floke does. Cross-references become Pelican's own {filename}/{tag} links, so
Pelican does its own link resolution. The default theme is used.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from bench.convert import UrlFor, converter_main, fresh_dir, full_date, page_markdown, record_lang
from bench.corpus_io import Corpus, Record, load_corpus

NEWS_CATEGORY = "Nyheter"

PELICANCONF = """\
# Written by bench/pelican_site.py; floke's benchmark counterpart in Pelican.
AUTHOR = "StimuLab"
SITENAME = {title!r}
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
ARTICLE_PATHS = ["projects", "news"]
PAGE_PATHS = []
TIMEZONE = "Europe/Oslo"
DEFAULT_LANG = "nb"
DEFAULT_PAGINATION = 20

# Tag and category pages on (the defaults, spelled out so the comparison is explicit).
TAG_SAVE_AS = "tag/{{slug}}.html"
TAGS_SAVE_AS = "tags.html"
CATEGORY_SAVE_AS = "category/{{slug}}.html"
CATEGORIES_SAVE_AS = "categories.html"

# Atom feeds for everything and per category, like floke's feeds.
FEED_DOMAIN = "https://katalog.example.org"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"

# Measure full builds: no content cache carried between runs.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def tag_slug(name: str) -> str:
    """Pelican's own slug for a tag name, so {tag} links hit the real tag pages."""
    return str(pelican_slugify(name, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]))


def link_for(corpus: Corpus) -> UrlFor:
    def url_for(kind: str, target: str) -> str:
        if kind in {"project", "news"}:
            folder = "projects" if kind == "project" else "news"
            return f"{{filename}}/{folder}/{target}.md"
        name = corpus.agencies[target]["name"] if kind == "agency" else corpus.theme_label(target)
        return f"{{tag}}{tag_slug(name)}"

    return url_for


def project_tags(corpus: Corpus, record: Record) -> list[str]:
    meta = record.meta
    return (
        [corpus.theme_label(t) for t in meta.get("themes", [])]
        + [corpus.agencies[a]["name"] for a in meta["agencies"]]
        + list(meta.get("vendors", []))
    )


def header(fields: Sequence[tuple[str, object]]) -> str:
    """Pelican's Markdown metadata block: one 'Key: value' per line."""
    return "".join(f"{key}: {value}\n" for key, value in fields if value not in (None, ""))


def article(corpus: Corpus, record: Record, is_news: bool) -> str:
    meta = record.meta
    if is_news:
        category, date, tags = NEWS_CATEGORY, meta["date"], []
    else:
        category = corpus.phase_label(meta["phase"])
        date, tags = full_date(meta.get("started")), project_tags(corpus, record)
    fields: list[tuple[str, object]] = [
        ("Title", meta["title"]),
        ("Date", date),
        ("Category", category),
        ("Tags", ", ".join(tags)),
        ("Slug", record.slug),
        ("Lang", record_lang(record)),
        ("Summary", meta.get("summary")),
        ("Status", "draft" if meta.get("draft") else None),
    ]
    return header(fields) + "\n" + page_markdown(corpus, record, link_for(corpus))


def convert(corpus_dir: Path, project: Path) -> Path:
    """Write ``project``/content and ``project``/pelicanconf.py; returns the project dir."""
    corpus = load_corpus(corpus_dir)
    fresh_dir(project, marker="pelicanconf.py")
    for folder, records, is_news in (("projects", corpus.projects, False), ("news", corpus.news, True)):
        target = project / "content" / folder
        target.mkdir(parents=True)
        for record in records.values():
            text = article(corpus, record, is_news)
            (target / f"{record.slug}.md").write_text(text, encoding="utf-8")
    conf = PELICANCONF.format(title=corpus.site["title"])
    (project / "pelicanconf.py").write_text(conf, encoding="utf-8")
    return project


def build_command(project: Path, output: Path) -> list[str]:
    """The measured command: a plain full Pelican build."""
    return [
        sys.executable,
        "-m",
        "pelican",
        str(project / "content"),
        "-s",
        str(project / "pelicanconf.py"),
        "-o",
        str(output),
        "-q",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    return converter_main("python -m bench.pelican_site", __doc__, "Pelican", convert, build_command, argv)


if __name__ == "__main__":
    raise SystemExit(main())
