"""Machine-readable outputs: the open-data JSON files and the sitemap."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from floke import urls
from floke.jsonout import json_bytes
from floke.link import Catalogue
from floke.model import OutputFile
from floke.pages import PageSpec, Views


def data_files(catalogue: Catalogue, views: Views, specs: list[PageSpec], base_url: str) -> list[OutputFile]:
    return [
        OutputFile("data/projects.json", json_bytes(projects_data(catalogue))),
        OutputFile("data/lessons.json", json_bytes(lessons_data(catalogue))),
        OutputFile("sitemap.xml", sitemap(specs, base_url)),
    ]


def projects_data(catalogue: Catalogue) -> list[dict[str, Any]]:
    """One object per published project; the shape is documented in docs/open-data.md."""
    return [
        {
            "slug": p.slug,
            "title": p.title,
            "url": urls.project_url(p.slug),
            "lang": p.lang,
            "agencies": list(p.agencies),
            "current_agencies": list(catalogue.current_agencies(p)),
            "phase": p.phase,
            "status": p.status,
            "themes": list(p.themes),
            "started": str(p.started) if p.started else None,
            "ended": str(p.ended) if p.ended else None,
            "summary": p.summary,
            "learnings": [
                {
                    "title": lr.title,
                    "themes": list(lr.themes),
                    "phase": lr.phase,
                    "url": urls.lesson_url(p.slug, lr.anchor),
                }
                for lr in p.learnings
            ],
        }
        for p in sorted(catalogue.projects, key=lambda p: p.slug)
    ]


def lessons_data(catalogue: Catalogue) -> list[dict[str, Any]]:
    return [
        {
            "project": lesson.project.slug,
            "title": lesson.learning.title,
            "themes": list(lesson.learning.themes),
            "phase": lesson.learning.phase,
            "url": urls.lesson_url(lesson.project.slug, lesson.learning.anchor),
        }
        for lesson in sorted(catalogue.lessons, key=lambda x: (x.project.slug, x.learning.number))
    ]


def sitemap(specs: list[PageSpec], base_url: str) -> bytes:
    root = base_url.rstrip("/")
    entries = "".join(
        f"  <url><loc>{escape(root + spec.url)}</loc></url>\n"
        for spec in sorted(specs, key=lambda s: s.url)
        if spec.in_sitemap
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    ).encode()
