"""Machine-readable outputs: open data (JSON, CSV, the DCAT catalogue), Atom feeds, sitemap, robots.txt.

The shapes of the data files are documented, with JSON Schemas, in docs/open-data.md; field order
is fixed here and is part of that contract. Each JSON file is an array with one object per record;
`url` fields are site-relative (`/projects/<slug>/`, whatever the base URL), and the catalogue
(data/catalog.jsonld) gives the base URL, the licence and the commit the data was generated from.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from floke import urls
from floke.dcat import catalog
from floke.feeds import feed_files
from floke.jsonout import json_bytes
from floke.link import Catalogue
from floke.model import Learning, OutputFile, Project
from floke.pages import PageSpec, Views

# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# CSV cells join lists with this separator.
LIST_SEPARATOR = "; "


def data_files(
    catalogue: Catalogue, views: Views, specs: list[PageSpec], base_url: str, commit: str | None = None
) -> list[OutputFile]:
    datasets = {
        "projects": projects_data(catalogue),
        "lessons": lessons_data(catalogue),
        "agencies": agencies_data(catalogue),
        "news": news_data(catalogue),
    }
    files = [OutputFile(f"data/{name}.json", json_bytes(rows)) for name, rows in datasets.items()]
    files += [
        OutputFile(f"data/{name}.csv", csv_bytes(datasets[name], CSV_COLUMNS[name]))
        for name in ("projects", "lessons")
    ]
    files.append(OutputFile("data/catalog.jsonld", json_bytes(catalog(catalogue, base_url, commit))))
    files += feed_files(catalogue, views, base_url)
    files.append(OutputFile("sitemap.xml", sitemap(specs, base_url)))
    files.append(OutputFile("robots.txt", robots(base_url)))
    return files


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def projects_data(catalogue: Catalogue) -> list[dict[str, Any]]:
    """One object per published project, by slug."""
    return [
        {
            "slug": p.slug,
            "title": p.title,
            "url": urls.project_url(p.slug),
            "lang": p.lang,
            "translation_of": p.translation_of,
            "agencies": list(p.agencies),
            "current_agencies": list(catalogue.current_agencies(p)),
            "phase": p.phase,
            "status": p.status,
            "themes": list(p.themes),
            "started": _text(p.started),
            "ended": _text(p.ended),
            "round": p.round,
            "funding_nok": p.funding_nok,
            "vendors": list(p.vendors),
            "summary": p.summary,
            "problem": p.problem,
            "sources": list(p.sources),
            "learnings": [learning_data(p, lr) for lr in p.learnings],
        }
        for p in sorted(catalogue.projects, key=lambda p: p.slug)
    ]


def learning_data(project: Project, learning: Learning) -> dict[str, Any]:
    """A lesson as both data files show it, so that lessons.json and projects.json agree."""
    return {
        "title": learning.title,
        "themes": list(learning.themes),
        "phase": learning.phase,
        "url": urls.lesson_url(project.slug, learning.anchor),
    }


def _lesson_row(project: Project, learning: Learning) -> dict[str, Any]:
    shared = learning_data(project, learning)
    return {
        "project": project.slug,
        "project_title": project.title,
        "number": learning.number,
        "title": shared["title"],
        "lang": project.lang,
        "themes": shared["themes"],
        "phase": shared["phase"],
        "text": learning.text,
        "url": shared["url"],
    }


def lessons_data(catalogue: Catalogue) -> list[dict[str, Any]]:
    """One object per learning of a published project, by project slug and position."""
    return [
        _lesson_row(lesson.project, lesson.learning)
        for lesson in sorted(catalogue.lessons, key=lambda x: (x.project.slug, x.learning.number))
    ]


def agencies_data(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Every agency in the registry, also those renamed or merged away, by id."""
    return [
        {
            "id": a.id,
            "name": a.name,
            "short": a.short,
            "kind": a.kind,
            "orgnr": a.orgnr,
            "enhetsregisteret": urls.enhetsregisteret_uri(a.orgnr) if a.orgnr else None,
            "website": a.url,
            "url": urls.agency_url(a.id),
            "valid_from": _text(a.valid_from),
            "valid_to": _text(a.valid_to),
            "replaced_by": a.replaced_by,
            "current": catalogue.current_agency[a.id],
        }
        for a in sorted(catalogue.agencies.values(), key=lambda a: a.id)
    ]


def news_data(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Every published news post, newest first."""
    return [
        {
            "slug": n.slug,
            "title": n.title,
            "url": urls.news_url(n.slug),
            "date": n.date.isoformat(),
            "lang": n.lang,
            "translation_of": n.translation_of,
            "summary": n.summary,
            "projects": list(n.projects),
            "sources": list(n.sources),
        }
        for n in catalogue.news
    ]


# --- CSV -------------------------------------------------------------------------------------

Column = tuple[str, Callable[[dict[str, Any]], object]]


def _field(name: str) -> Column:
    return (name, lambda row: row[name])


CSV_COLUMNS: dict[str, Sequence[Column]] = {
    "projects": [
        *map(_field, ["slug", "title", "url", "lang", "translation_of", "agencies", "current_agencies"]),
        *map(_field, ["phase", "status", "themes", "started", "ended", "round", "funding_nok", "vendors"]),
        *map(_field, ["summary", "problem", "sources"]),
        ("learnings", lambda row: len(row["learnings"])),
    ],
    "lessons": [
        *map(_field, ["project", "project_title", "number", "title", "lang", "themes", "phase"]),
        *map(_field, ["text", "url"]),
    ],
}


def csv_bytes(rows: Iterable[dict[str, Any]], columns: Sequence[Column]) -> bytes:
    """RFC 4180 CSV in UTF-8: a header row, lists joined with '; ', formula-like cells neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([csv_cell(value(row)) for _, value in columns])
    return out.getvalue().encode("utf-8")


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    text = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else str(value)
    # A leading apostrophe keeps the text as text; the value is still readable to a person.
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


# --- sitemap and robots.txt ------------------------------------------------------------------


def sitemap(specs: list[PageSpec], base_url: str) -> bytes:
    entries = "".join(
        f"  <url><loc>{escape(urls.absolute(base_url, spec.url))}</loc></url>\n"
        for spec in sorted(specs, key=lambda s: s.url)
        if spec.in_sitemap
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    ).encode()


def robots(base_url: str) -> bytes:
    """Everything may be crawled; the sitemap says what there is."""
    return f"User-agent: *\nAllow: /\nSitemap: {urls.absolute(base_url, '/sitemap.xml')}\n".encode()
