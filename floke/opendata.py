"""Machine-readable outputs: the open-data JSON files and the sitemap."""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape

from floke import urls
from floke.link import Catalogue
from floke.model import Learning, OutputFile, Project
from floke.pages import PageSpec, Views


def data_files(catalogue: Catalogue, views: Views, specs: list[PageSpec], base_url: str) -> list[OutputFile]:
    return [
        OutputFile("data/projects.json", _json(projects_data(catalogue))),
        OutputFile("data/lessons.json", _json(lessons_data(catalogue))),
        OutputFile("sitemap.xml", sitemap(specs, base_url)),
    ]


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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


def lessons_data(catalogue: Catalogue) -> list[dict[str, Any]]:
    return [
        {"project": lesson.project.slug, **learning_data(lesson.project, lesson.learning)}
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
