"""The browser suite: build the sample and fixture sites once, serve them on 127.0.0.1, and drive
Debian's Chromium through Playwright with one browser and one reused page for the whole session."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from floke.pipeline import BuildOptions, build
from tests.conftest import FIXTURES, MISSING, REPO

SITES = {"sample": REPO / "content", "fixture": FIXTURES / "basic" / "content"}


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site as a web host would: folders by index.html, unknown paths by 404.html."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class Site:
    """A built site and where it is served."""

    root: Path
    base: str

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Site]]:
    served: dict[str, Site] = {}
    servers = []
    for name, content in SITES.items():
        root = tmp_path_factory.mktemp(name) / "site"
        build(BuildOptions(content=content, output=root))
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_SiteHandler, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        served[name] = Site(root, f"http://127.0.0.1:{server.server_port}/")
    yield served
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample(sites: dict[str, Site]) -> Site:
    return sites["sample"]


@pytest.fixture(scope="session")
def fixture_site(sites: dict[str, Site]) -> Site:
    return sites["fixture"]


@dataclass
class Visitor:
    """One browser tab reused by every test; each visit checks the status and that the CSP held."""

    page: object
    csp_reports: list[str] = field(default_factory=list)

    def visit(self, url: str, *, width: int = 1280, scheme: str = "light", status: int = 200):
        page = self.page
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(color_scheme=scheme)
        self.csp_reports.clear()
        if page.url.split("#")[0] == url.split("#")[0]:
            page.goto("about:blank")  # a jump within the same document would not load the page again
        response = page.goto(url)
        assert response is not None and response.status == status, (
            f"{url}: HTTP {response and response.status}"
        )
        assert not self.csp_reports, f"{url}: the Content-Security-Policy blocked: {self.csp_reports}"
        return page


@pytest.fixture(scope="session")
def visitor(browser) -> Iterator[Visitor]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    visitor = Visitor(page)

    def note_csp_report(message) -> None:
        if "Content Security Policy" in message.text:
            visitor.csp_reports.append(message.text)

    page.on("console", note_csp_report)
    yield visitor
    context.close()


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    jar = REPO / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.is_file():
        pytest.fail(MISSING.format(what=f"The Nu Html Checker ({jar.relative_to(REPO)})"))
    if shutil.which("java") is None:
        pytest.fail(MISSING.format(what="Java"))
    return jar


# One page of every type in the sample site (a lesson is its project page at the lesson's anchor).
PAGE_TYPES = {
    "home": "/",
    "projects": "/projects/",
    "news-index": "/news/",
    "agencies": "/agencies/",
    "project": "/projects/gjeldsfloka/",
    "lesson": "/projects/eksempel-faerre-skjema/#lesson-saksbehandlerne-er-ogsa-brukere",
    "project-nn": "/projects/arkivfloken/",
    "agency": "/agencies/digdir/",
    "agency-replaced": "/agencies/difi/",
    "theme": "/themes/helse/",
    "phase": "/phases/diagnosis/",
    "news": "/news/leverandorar-2020-runden/",
    "page": "/tilgjengelighet/",
    "search": "/search/",
    "404": "/finnes-ikke/",
}


def status_of(name: str) -> int:
    return 404 if name == "404" else 200
