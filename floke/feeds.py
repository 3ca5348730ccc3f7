"""Atom feeds: news and new projects, one feed per language, with full content and absolute links.

A feed reader shows the content away from the site, so every href and src in it is made absolute.
Dates come from the records (a news post's date, a project's start), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import Markup, escape

from floke import urls
from floke.i18n import translate
from floke.link import Catalogue
from floke.model import OutputFile
from floke.pages import Views
from floke.views import NewsView, ProjectView

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_KINDS = ("news", "projects")
MAX_ENTRIES = 50
_EPOCH = dt.date(1970, 1, 1)
_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Entry:
    url: str  # site-relative
    title: str
    updated: dt.date
    summary: str | None
    content: str  # HTML as the site shows it


def feed_files(catalogue: Catalogue, views: Views, base_url: str) -> list[OutputFile]:
    files = []
    for lang in catalogue.config.languages:
        for kind in FEED_KINDS:
            entries = news_entries(views, lang) if kind == "news" else project_entries(views, lang)
            url = urls.feed_url(kind, lang)
            files.append(OutputFile(url.lstrip("/"), atom(catalogue, kind, lang, entries, base_url)))
    return files


def feed_title(site_title: str, kind: str, lang: str) -> str:
    return f"{site_title}: {translate(lang, 'news' if kind == 'news' else 'feed_new_projects')}"


def news_entries(views: Views, lang: str) -> list[Entry]:
    posts = [v for v in views.news.values() if v.post.lang == lang]
    posts.sort(key=lambda v: (v.post.date, v.post.slug), reverse=True)
    return [_news_entry(v) for v in posts[:MAX_ENTRIES]]


def _news_entry(view: NewsView) -> Entry:
    return Entry(view.url, view.post.title, view.post.date, view.post.summary, str(view.body_html))


def project_entries(views: Views, lang: str) -> list[Entry]:
    """Projects by start, newest first; a project without a start date has no place in time."""
    dated = [v for v in views.projects.values() if v.project.lang == lang and v.project.started]
    dated.sort(key=lambda v: (v.project.started.sort_key(), v.project.slug), reverse=True)
    return [_project_entry(v, lang) for v in dated[:MAX_ENTRIES]]


def _project_entry(view: ProjectView, lang: str) -> Entry:
    p = view.project
    parts = [Markup("<h2>{}</h2>").format(translate(lang, "problem")), view.problem_html, view.body_html]
    if view.learnings:
        parts.append(Markup("<h2>{}</h2>").format(translate(lang, "learnings")))
        for lv in view.learnings:
            parts += [Markup("<h3>{}</h3>").format(lv.learning.title), lv.html]
    content = Markup("\n").join(parts)
    return Entry(view.url, p.title, p.started.first_day(), p.summary, str(content))


def absolute_links(content: str, page_url: str) -> str:
    """Every href and src resolved against the page the content was written for."""

    def resolve(match: re.Match[str]) -> str:
        target = urljoin(page_url, html.unescape(match.group(2)))
        return f'{match.group(1)}="{escape(target)}"'

    return _URL_ATTRIBUTE.sub(resolve, content)


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(catalogue: Catalogue, kind: str, lang: str, entries: Sequence[Entry], base_url: str) -> bytes:
    site = catalogue.config
    feed_url = urls.absolute(base_url, urls.feed_url(kind, lang))
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _add(feed, "id", feed_url)
    _add(feed, "title", feed_title(site.title, kind, lang))
    _add(feed, "updated", _timestamp(max((e.updated for e in entries), default=_EPOCH)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    index = "/news/" if kind == "news" else "/projects/"
    _add(feed, "link", rel="alternate", type="text/html", href=urls.absolute(base_url, index))
    author = _add(feed, "author")
    _add(author, "name", site.title)
    _add(feed, "generator", "floke")
    for entry in entries:
        page_url = urls.absolute(base_url, entry.url)
        item = _add(feed, "entry")
        _add(item, "id", page_url)
        _add(item, "title", entry.title)
        _add(item, "link", rel="alternate", type="text/html", href=page_url)
        _add(item, "published", _timestamp(entry.updated))
        _add(item, "updated", _timestamp(entry.updated))
        if entry.summary:
            _add(item, "summary", entry.summary)
        _add(item, "content", absolute_links(entry.content, page_url), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element
