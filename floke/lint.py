"""Warnings: content that is valid but falls short of what a published catalogue should have.

Each warning has a kind (the build's summary counts them by kind); `--strict` turns them into
errors. Runs after link, on the published records only.
"""

from __future__ import annotations

import re

from floke.diagnostics import Report
from floke.langshare import LanguageStats, language_stats, under_threshold
from floke.link import Catalogue
from floke.texts import markdown_texts

# http:// where an editor wrote a link: Markdown targets, autolinks and bare URLs.
_PLAIN_HTTP = re.compile(r"(?<![\w/])http://[^\s<>()\[\]\"']+")
_LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk"}
# Every kind of warning floke gives (site.yaml's ignore_warnings takes these names).
WARNING_KINDS = ("summary", "orgnr", "http-link", "metadata", "language-share", "text")


def content_warnings(catalogue: Catalogue, site_path: str, report: Report) -> LanguageStats:
    """Every warning; returns the language statistics counted for them (the build prints them)."""
    missing_summaries(catalogue, report)
    missing_orgnr(catalogue, report)
    plain_http_links(catalogue, report)
    missing_publisher(catalogue, site_path, report)
    stats = language_stats(catalogue)
    low_language_share(stats, catalogue.config.language_share_threshold, site_path, report)
    return stats


def missing_summaries(catalogue: Catalogue, report: Report) -> None:
    for p in catalogue.projects:
        if not (p.summary or "").strip():
            report.warning(
                p.origin.path,
                p.origin.first_line,
                'the project has no summary; add "summary:" with one sentence for lists, feeds and '
                "link previews",
                kind="summary",
            )


def missing_orgnr(catalogue: Catalogue, report: Report) -> None:
    for agency in sorted(catalogue.agencies.values(), key=lambda a: a.id):
        if agency.orgnr is None:
            report.warning(
                agency.origin.path,
                agency.origin.first_line,
                f'agency "{agency.id}" has no orgnr; add its nine-digit organisation number from '
                "Enhetsregisteret so the open data can identify it",
                kind="orgnr",
            )


def plain_http_links(catalogue: Catalogue, report: Report) -> None:
    def warn(path: str, line: int, url: str) -> None:
        report.warning(
            path,
            line,
            f"the external link {url} is not https; use https:// if the site offers it",
            kind="http-link",
        )

    for text in markdown_texts(catalogue):
        for match in _PLAIN_HTTP.finditer(text.text):
            warn(text.path, text.line_of(match.start()), match.group(0))
    for record in (*catalogue.projects, *catalogue.news):
        for index, source in enumerate(record.sources):
            if source.startswith("http://"):
                warn(record.origin.path, record.origin.line("sources", index), source)
    for agency in catalogue.agencies.values():
        if agency.url and agency.url.startswith("http://"):
            warn(agency.origin.path, agency.origin.line("url"), agency.url)


def missing_publisher(catalogue: Catalogue, site_path: str, report: Report) -> None:
    if catalogue.config.publisher_orgnr is None:
        report.warning(
            site_path,
            1,
            'site.yaml has no "publisher_orgnr"; the open-data catalogue (data/catalog.jsonld) needs '
            "the publisher's organisation number to name it",
            kind="metadata",
        )


def low_language_share(stats: LanguageStats, threshold: float, site_path: str, report: Report) -> None:
    for lang, share in under_threshold(stats, threshold):
        report.warning(
            site_path,
            1,
            f"{_LANGUAGE_NAMES[lang]} is {share:.1f} % of the Norwegian text, under the "
            f"{threshold:g} % set by language_share_threshold; write or translate more in {lang}",
            kind="language-share",
        )
