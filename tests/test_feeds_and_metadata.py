"""Feeds, sitemap, robots.txt and what each page's <head> tells machines."""

from __future__ import annotations

import html
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.conftest import FIXTURES, write_files

BASIC = FIXTURES / "basic" / "content"
BASE = "https://example.org/programme/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

TRANSLATION = """\
---
title: Alfaprosjektet på nynorsk
summary: Eit fiktivt prosjekt, omsett.
lang: nn
translation_of: alfa
agencies: [agency-a]
problem: Data blir ikkje delte.
phase: implementation
started: 2015
---
Sjå [[project:alfa]].
"""

NASTY = """\
---
title: "Slutt </script><script>alert(1)</script> & <!-- kommentar"
summary: "Tegn: < > & ' \\""
agencies: [agency-c]
problem: Et problem.
phase: diagnosis
started: 2022-05
---
Brødtekst med [lenke](/projects/alfa/) og [relativ](../beta/) og ![bilde](/static/favicon.svg).
"""


@pytest.fixture
def built(site_dir: Path, floke) -> Path:
    shutil.copytree(BASIC, site_dir / "content")
    write_files(site_dir, {"content/projects/alfa-nn.md": TRANSLATION, "content/projects/nasty.md": NASTY})
    run = floke("build", "--output", "out", "--base-url", BASE)
    assert run.code == 0, run.err
    return site_dir / "out"


def head(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("</head>")[0]


def test_news_feed_per_language_parses_with_full_content(built: Path) -> None:
    feed = feedparser.parse((built / "feeds/news-nb.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Testkatalogen: Nyheter"
    assert feed.feed.language == "nb"
    assert [e.link for e in feed.entries] == [BASE + "news/lansering/"]
    entry = feed.entries[0]
    assert entry.id == BASE + "news/lansering/"
    assert entry.published == "2015-03-01T00:00:00Z"
    assert entry.summary == "Et fiktivt nyhetsinnlegg."
    assert entry.content[0].value == f'<p>Les om <a href="{BASE}projects/alfa/">prosjektet</a>.</p>'
    for lang in ("nn", "en"):
        other = feedparser.parse((built / f"feeds/news-{lang}.xml").read_bytes())
        assert not other.bozo and other.entries == []


def test_project_feed_has_newest_first_and_absolute_links(built: Path) -> None:
    feed = feedparser.parse((built / "feeds/projects-nb.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Testkatalogen: Nye prosjekter"
    assert [e.link.removeprefix(BASE) for e in feed.entries] == ["projects/nasty/", "projects/alfa/"]
    content = feed.entries[0].content[0].value
    assert f'<a href="{BASE}projects/alfa/">lenke</a>' in content
    assert f'<a href="{BASE}projects/beta/">relativ</a>' in content
    assert f'src="{BASE}static/favicon.svg"' in content
    assert "<h2>Floken</h2>" in content  # the problem, under its heading in the feed's language
    assert "Start med brukerne" in feed.entries[1].content[0].value  # learnings are part of the entry
    nn = feedparser.parse((built / "feeds/projects-nn.xml").read_bytes())
    assert [e.title for e in nn.entries] == ["Betaprosjektet", "Alfaprosjektet på nynorsk"]


def test_every_page_links_every_feed(built: Path) -> None:
    for page in built.rglob("*.html"):
        feeds = re.findall(
            r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]*)"', head(page)
        )
        assert sorted(feeds) == sorted(
            f"/programme/feeds/{kind}-{lang}.xml"
            for kind in ("news", "projects")
            for lang in ("nb", "nn", "en")
        ), page


def test_sitemap_is_valid(built: Path) -> None:
    """The sitemap protocol's rules: urlset of url elements, one absolute <loc> each, under the base."""
    data = (built / "sitemap.xml").read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert len(data) < 50 * 1024 * 1024
    root = ET.fromstring(data)
    assert root.tag == SITEMAP + "urlset"
    locations = []
    for url in root:
        assert url.tag == SITEMAP + "url"
        assert {child.tag for child in url} <= {
            SITEMAP + t for t in ("loc", "lastmod", "changefreq", "priority")
        }
        (loc,) = url.findall(SITEMAP + "loc")
        text = loc.text or ""
        assert text.startswith(BASE) and len(text) < 2048 and text == text.strip()
        locations.append(text)
    assert len(locations) == len(set(locations)) and 0 < len(locations) <= 50_000
    assert BASE + "projects/alfa-nn/" in locations
    assert BASE + "404.html" not in locations


def test_robots_points_to_the_sitemap(built: Path) -> None:
    assert (built / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"


def test_canonical_hreflang_and_link_preview_tags(built: Path) -> None:
    alfa = head(built / "projects/alfa/index.html")
    assert f'<link rel="canonical" href="{BASE}projects/alfa/">' in alfa
    assert f'<link rel="alternate" hreflang="nb" href="{BASE}projects/alfa/">' in alfa
    assert f'<link rel="alternate" hreflang="nn" href="{BASE}projects/alfa-nn/">' in alfa
    assert f'<link rel="alternate" hreflang="nb" href="{BASE}projects/alfa/">' in head(
        built / "projects/alfa-nn/index.html"
    )
    assert '<meta property="og:title" content="Alfaprosjektet">' in alfa
    assert '<meta property="og:description" content="Et fiktivt prosjekt om deling av data.">' in alfa
    assert f'<meta property="og:url" content="{BASE}projects/alfa/">' in alfa
    assert '<meta property="og:locale" content="nb_NO">' in alfa
    assert '<meta property="og:locale:alternate" content="nn_NO">' in alfa
    assert '<meta name="twitter:card" content="summary">' in alfa
    assert '<meta property="og:type" content="article">' in head(built / "news/lansering/index.html")
    gamma = head(built / "projects/gamma/index.html")
    assert "hreflang" not in gamma.replace('type="application/atom+xml" hreflang', "")  # no translation


def json_ld(path: Path) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', path.read_text(), re.S)
    return json.loads(block)


def test_json_ld_for_projects_news_and_agencies(built: Path) -> None:
    project = json_ld(built / "projects/alfa/index.html")
    assert project["@context"] == "https://schema.org" and project["@type"] == "Project"
    assert project["name"] == "Alfaprosjektet" and project["url"] == BASE + "projects/alfa/"
    assert project["foundingDate"] == "2015" and project["dissolutionDate"] == "2017-06"
    assert [m["name"] for m in project["member"]] == ["A-direktoratet", "Nord kommune"]
    assert all(m["@type"] == "GovernmentOrganization" for m in project["member"])
    news = json_ld(built / "news/lansering/index.html")
    assert news["@type"] == "NewsArticle" and news["headline"] == "Alfaprosjektet er i gang"
    assert news["datePublished"] == "2015-03-01" and news["inLanguage"] == "nb"
    assert news["about"] == [{"@type": "Project", "@id": BASE + "projects/alfa/", "name": "Alfaprosjektet"}]
    agency = json_ld(built / "agencies/agency-c/index.html")
    assert agency["@type"] == "GovernmentOrganization" and agency["name"] == "C-direktoratet"
    assert agency["identifier"] == {"@type": "PropertyValue", "propertyID": "orgnr", "value": "991825827"}
    assert agency["sameAs"] == ["http://data.brreg.no/enhetsregisteret/enhet/991825827"]
    assert "<script" not in head(built / "projects/index.html")  # list pages carry none


def test_json_ld_cannot_end_its_script_element(built: Path) -> None:
    page = (built / "projects/nasty/index.html").read_text()
    block = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(block) == 1 and "<" not in block[0] and ">" not in block[0]
    assert "<script>alert" not in page
    data = json.loads(block[0])
    assert data["name"] == "Slutt </script><script>alert(1)</script> & <!-- kommentar"
    assert data["description"] == "Tegn: < > & ' \""
    assert html.escape(data["name"]) in page  # the title is shown, escaped


@pytest.mark.browser
def test_json_ld_is_allowed_by_the_csp_and_readable_in_a_browser(built: Path, browser) -> None:
    page = browser.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.add_init_script(
        "window.__violations = 0;"
        "document.addEventListener('securitypolicyviolation', () => { window.__violations += 1; });"
    )
    page.goto((built / "projects/nasty/index.html").as_uri())
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    violations = page.evaluate("window.__violations")
    page.close()
    assert data["name"] == "Slutt </script><script>alert(1)</script> & <!-- kommentar"
    assert not [m for m in messages if "Content Security Policy" in m]
    assert violations == 0
