"""Internal links: checked at build time, and working when the site is served under a subpath."""

from __future__ import annotations

import functools
import html
import http.server
import re
import shutil
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import FIXTURES, write_files

BASIC = FIXTURES / "basic" / "content"
P = "content/projects/et-prosjekt.md"


def project(body: str, problem: str = "Et problem.") -> str:
    return f"---\ntitle: Et prosjekt\nagencies: [alpha]\nproblem: {problem}\nphase: diagnosis\n---\n{body}"


def test_markdown_link_to_missing_page_names_record_and_line(minimal: Path, floke) -> None:
    write_files(minimal, {P: project("Første linje.\n\nSe [dette](/projects/finnes-ikke/).\n")})
    run = floke("build")
    assert run.code == 1
    assert (
        f'{P}:9: error: link to "/projects/finnes-ikke/" goes nowhere: the site has no page or file '
        "at /projects/finnes-ikke/"
    ) in run.err
    assert not (minimal / "site").exists()


def test_markdown_link_to_missing_anchor(minimal: Path, floke) -> None:
    write_files(minimal, {P: project("Se [starten](/projects/et-prosjekt/#section-problm).\n")})
    run = floke("build")
    assert (
        f'{P}:7: error: link to "/projects/et-prosjekt/#section-problm" points at #section-problm, but '
        '/projects/et-prosjekt/ has no element with that id (did you mean "section-problem"?)'
    ) in run.err


def test_link_in_front_matter_text_is_found_on_its_line(minimal: Path, floke) -> None:
    write_files(minimal, {P: project("Tekst.\n", problem="Se [her](/nowhere/).")})
    run = floke("build")
    assert f'{P}:4: error: link to "/nowhere/" goes nowhere' in run.err


def test_working_links_and_anchors_pass(minimal: Path, floke) -> None:
    write_files(minimal, {P: project("Se [problemet](#section-problem) og [data](/data/projects.csv).\n")})
    run = floke("build", "--base-url", "https://example.org/sub/")
    assert run.code == 0, run.err


def test_template_link_to_missing_page_names_the_template(minimal: Path, floke) -> None:
    write_files(
        minimal,
        {
            "theme/page.html": "",
            "theme/project.html": (
                '{% extends "base.html" %}\n{% block main %}\n<h1>{{ view.project.title }}</h1>\n'
                "<a href=\"{{ url('/arkiv/') }}\">Arkiv</a>\n{% endblock %}\n"
            ),
        },
    )
    (minimal / "theme/page.html").unlink()
    run = floke("build", "--templates", "theme")
    assert run.code == 1
    assert 'theme/project.html:4: error: link to "/arkiv/" goes nowhere' in run.err
    assert len([line for line in run.err.splitlines() if "/arkiv/" in line]) == 1  # not one per page


def test_template_link_that_ignores_the_base_path(minimal: Path, floke) -> None:
    write_files(
        minimal,
        {
            "theme/project.html": (
                '{% extends "base.html" %}\n{% block main %}\n<h1>{{ view.project.title }}</h1>\n'
                '<a href="/projects/">Alle</a>\n{% endblock %}\n'
            ),
        },
    )
    run = floke("build", "--templates", "theme", "--base-url", "https://example.org/programme/")
    assert (
        'theme/project.html:4: error: link to "/projects/" is outside the base path /programme/, so it '
        "breaks when the site is published under a subpath; write it with url()"
    ) in run.err


# --- the whole site, served under a subpath ----------------------------------------------------


class _Page:
    """hrefs, srcs and ids of one HTML page."""

    LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')
    ID = re.compile(r'\sid="([^"]*)"')

    def __init__(self, text: str) -> None:
        self.links = [html.unescape(x) for x in self.LINK.findall(text)]
        self.ids = {html.unescape(x) for x in self.ID.findall(text)}


@pytest.fixture
def served(site_dir: Path, floke) -> Iterator[tuple[str, Path]]:
    """The fixture site built for https://example.org/programme/, served at /programme/ on localhost."""
    shutil.copytree(BASIC, site_dir / "content")
    run = floke("build", "--output", "out", "--base-url", "https://example.org/programme/")
    assert run.code == 0, run.err
    root = site_dir / "mount"
    root.mkdir()
    (root / "programme").symlink_to(site_dir / "out")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", site_dir / "out"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def test_every_link_works_under_a_subpath(served: tuple[str, Path]) -> None:
    origin, out = served
    public = "https://example.org/programme/"
    # Start at the home page and at every page in the sitemap (some pages are reached only from it).
    sitemap = [e.text or "" for e in ET.parse(out / "sitemap.xml").iter() if e.tag.endswith("loc")]
    queue = [f"{origin}/programme/", *(origin + "/programme/" + loc[len(public) :] for loc in sitemap)]
    seen, pages, anchors = set(queue), {}, []
    while queue:
        url = queue.pop()
        status, kind, body = fetch(url)
        assert status == 200, url
        if kind != "text/html":
            continue
        page = pages[url] = _Page(body.decode("utf-8"))
        for link in page.links:
            if link.startswith(public):  # canonical, hreflang: the public address of a page here
                link = origin + "/programme/" + link[len(public) :]
            absolute = urljoin(url, link)
            if urlsplit(absolute).netloc != urlsplit(origin).netloc:
                continue
            assert urlsplit(absolute).path.startswith("/programme/"), f"{url} links outside: {link}"
            target, _, anchor = absolute.partition("#")
            if anchor:
                anchors.append((url, target, anchor))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for source, target, anchor in anchors:
        assert anchor in pages[target].ids, f"{source}: #{anchor} missing on {target}"
    built_pages = {p.relative_to(out).as_posix() for p in out.rglob("index.html")}
    crawled = {urlsplit(u).path.removeprefix("/programme/") + "index.html" for u in pages if u.endswith("/")}
    assert built_pages <= crawled, built_pages - crawled


def test_feed_and_sitemap_entries_work_under_a_subpath(served: tuple[str, Path]) -> None:
    origin, out = served
    public = "https://example.org/programme/"
    locations = [e.text or "" for e in ET.parse(out / "sitemap.xml").iter() if e.tag.endswith("loc")]
    feed = (out / "feeds/news-nb.xml").read_text(encoding="utf-8")
    locations += re.findall(r'href="(https://example\.org/[^"]*)"', html.unescape(feed))
    assert len(locations) > 10
    for location in locations:
        assert location.startswith(public), location
        status, _, _ = fetch(origin + "/programme/" + location[len(public) :].split("#")[0])
        assert status == 200, location
