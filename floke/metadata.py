"""What every page's <head> says about it to machines: feeds, Open Graph locale and schema.org JSON-LD.

templates/_meta.html renders these; base.html includes it. JSON-LD sits in a
<script type="application/ld+json"> data block, which browsers never execute (so the CSP allows
it), but the HTML parser still ends the element at "</script": script_json() escapes "<", ">" and
"&" as JSON \\u escapes, which any JSON parser reads back as the same text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from floke import i18n, urls
from floke.feeds import FEED_KINDS, feed_title
from floke.jsonout import json_text
from floke.link import Catalogue
from floke.pages import PageSpec
from floke.views import AgencyView, NewsView, ProjectView, theme_of

SCHEMA_ORG = "https://schema.org"


@dataclass(frozen=True)
class FeedLink:
    url: str  # site-relative
    lang: str
    title: str  # in the feed's language


def head_globals(catalogue: Catalogue, base_url: str) -> dict[str, Any]:
    return {
        "feeds": feed_links(catalogue),
        "og_locale": lambda lang: i18n._LOCALE[lang],  # Open Graph uses the same ll_CC form as Babel
    }


def feed_links(catalogue: Catalogue) -> tuple[FeedLink, ...]:
    return tuple(
        FeedLink(urls.feed_url(kind, lang), lang, feed_title(catalogue.config.title, kind, lang))
        for kind in FEED_KINDS
        for lang in catalogue.config.languages
    )


def with_structured_data(specs: list[PageSpec], catalogue: Catalogue, base_url: str) -> list[PageSpec]:
    """The pages with their JSON-LD attached, so templates read it as a field of the page."""
    result = []
    for spec in specs:
        data = structured_data(spec, catalogue, base_url)
        result.append(dataclasses.replace(spec, structured_data=script_json(data) if data else ""))
    return result


def script_json(value: Any) -> Markup:
    """JSON that is safe inside a <script> element: no "</script", no "<!--"."""
    return Markup(json_text(value, indent=None))


def structured_data(page: PageSpec, catalogue: Catalogue, base_url: str) -> dict[str, Any] | None:
    view = page.context.get("view")
    if isinstance(view, ProjectView):
        return project_ld(view, catalogue, base_url)
    if isinstance(view, NewsView):
        return news_ld(view, catalogue, base_url)
    if isinstance(view, AgencyView):
        return agency_ld(view, base_url)
    return None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out properties without a value rather than writing nulls."""
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def _agency_ref(agency, base_url: str) -> dict[str, Any]:
    return {
        "@type": "GovernmentOrganization",
        "@id": urls.absolute(base_url, urls.agency_url(agency.id)),
        "name": agency.name,
    }


def project_ld(view: ProjectView, catalogue: Catalogue, base_url: str) -> dict[str, Any]:
    p = view.project
    url = urls.absolute(base_url, view.url)
    return _compact(
        {
            "@context": SCHEMA_ORG,
            "@type": "Project",
            "@id": url,
            "url": url,
            "name": p.title,
            "description": p.summary,
            "foundingDate": str(p.started) if p.started else None,
            "dissolutionDate": str(p.ended) if p.ended else None,
            "member": [_agency_ref(role.recorded, base_url) for role in view.roles],
            "keywords": [theme_of(catalogue, t).label.get(p.lang) for t in p.themes],
        }
    )


def news_ld(view: NewsView, catalogue: Catalogue, base_url: str) -> dict[str, Any]:
    n = view.post
    url = urls.absolute(base_url, view.url)
    publisher = {"@type": "Organization", "name": catalogue.config.title, "url": urls.absolute(base_url, "/")}
    return _compact(
        {
            "@context": SCHEMA_ORG,
            "@type": "NewsArticle",
            "@id": url,
            "url": url,
            "mainEntityOfPage": url,
            "headline": n.title,
            "description": n.summary,
            "datePublished": n.date.isoformat(),
            "inLanguage": n.lang,
            "author": publisher,
            "publisher": publisher,
            "about": [
                {"@type": "Project", "@id": urls.absolute(base_url, item.url), "name": item.title}
                for item in view.projects
            ],
        }
    )


def agency_ld(view: AgencyView, base_url: str) -> dict[str, Any]:
    a = view.agency
    url = urls.absolute(base_url, view.url)
    identifier = {"@type": "PropertyValue", "propertyID": "orgnr", "value": a.orgnr} if a.orgnr else None
    return _compact(
        {
            "@context": SCHEMA_ORG,
            "@type": "GovernmentOrganization",
            "@id": url,
            "url": url,
            "name": a.name,
            "alternateName": a.short,
            "identifier": identifier,
            "sameAs": [u for u in (urls.enhetsregisteret_uri(a.orgnr) if a.orgnr else None, a.url) if u],
            "foundingDate": a.valid_from.isoformat() if a.valid_from else None,
            "dissolutionDate": a.valid_to.isoformat() if a.valid_to else None,
        }
    )
