"""Where every kind of page lives in the output: the one place that knows the URL scheme.

URLs here are site-relative ('/projects/x/'); render.py prefixes the base path.
"""

from __future__ import annotations

# Top-level folders the engine writes; a page in content/pages/ may not take one of these names.
RESERVED_SLUGS = frozenset(
    {
        "projects",
        "news",
        "agencies",
        "themes",
        "phases",
        "lessons",
        "years",
        "search",
        "data",
        "static",
        "pagefind",
        "feeds",
        "404",
        "index",
    }
)


def project_url(slug: str) -> str:
    return f"/projects/{slug}/"


def news_url(slug: str) -> str:
    return f"/news/{slug}/"


def agency_url(agency_id: str) -> str:
    return f"/agencies/{agency_id}/"


def theme_url(theme_id: str) -> str:
    return f"/themes/{theme_id}/"


def phase_url(phase_id: str) -> str:
    return f"/phases/{phase_id}/"


def year_url(year: int) -> str:
    return f"/years/{year}/"


def page_url(slug: str) -> str:
    return f"/{slug}/"


def lesson_url(project_slug: str, anchor: str) -> str:
    return f"{project_url(project_slug)}#{anchor}"


def output_path(url: str) -> str:
    """The file inside the output folder that serves a site-relative URL."""
    path = url.split("#", 1)[0].lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def feed_url(kind: str, lang: str) -> str:
    """An Atom feed: kind is "news" or "projects", one feed per language."""
    return f"/feeds/{kind}-{lang}.xml"


def absolute(base_url: str, url: str) -> str:
    """A site-relative URL made absolute under the base URL (which may carry a subpath)."""
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def enhetsregisteret_uri(orgnr: str) -> str:
    """The organisation's URI in Enhetsregisteret (the Central Coordinating Register)."""
    return f"http://data.brreg.no/enhetsregisteret/enhet/{orgnr}"
