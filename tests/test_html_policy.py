"""What every built page promises without a browser: no inline scripts or styles, a strict CSP,
the right language on the page and on passages in another language, and a small project page."""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path

import pytest

from floke.pipeline import BuildOptions, build, check
from tests.conftest import FIXTURES, REPO

PAGE_WEIGHT_BUDGET = 40 * 1024  # bytes, gzip-compressed HTML and CSS of a project page


class _Page(HTMLParser):
    """Collects what the policy tests look at, tracking the language in force at every element."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.html_lang: str | None = None
        self.inline_scripts: list[str] = []
        self.style_elements = 0
        self.style_attributes: list[str] = []
        self.csp: str | None = None
        self.links: list[list[str]] = []  # [href, language in force, text]
        self._in_link = False
        self._langs: list[str] = []
        self._script_has_src = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = values.get("lang")
        if "style" in values:
            self.style_attributes.append(tag)
        if tag == "style":
            self.style_elements += 1
        if tag == "script":
            self._script_has_src = "src" in values or values.get("type") == "application/ld+json"
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = values.get("content")
        if tag in self.VOID:
            return
        self._langs.append(values.get("lang") or self._current_lang())
        if tag == "a":
            self.links.append([values.get("href", ""), self._langs[-1], ""])
            self._in_link = True

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._langs:
            self._langs.pop()
        if tag == "a":
            self._in_link = False

    def handle_data(self, data: str) -> None:
        if self._in_link:
            self.links[-1][2] += data
        if self.lasttag == "script" and not self._script_has_src and data.strip():
            self.inline_scripts.append(data.strip()[:60])
            self._script_has_src = True

    def _current_lang(self) -> str:
        return self._langs[-1] if self._langs else ""


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module", params=["sample", "fixture"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    content = REPO / "content" if request.param == "sample" else FIXTURES / "basic" / "content"
    root = tmp_path_factory.mktemp(request.param) / "site"
    build(BuildOptions(content=content, output=root))
    return content, root


def pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_no_page_has_inline_scripts_or_styles(site) -> None:
    _, root = site
    for path in pages(root):
        page = parse(path)
        where = path.relative_to(root)
        assert page.inline_scripts == [], where
        assert page.style_elements == 0, where
        assert page.style_attributes == [], where


def test_every_page_carries_a_csp_that_forbids_inline_code(site) -> None:
    _, root = site
    for path in pages(root):
        csp = parse(path).csp
        assert csp is not None, path.relative_to(root)
        directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
        for name in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in directives[name] and "'self'" in directives[name], csp
        assert directives["object-src"] == "'none'", csp


def test_every_page_says_its_language(site) -> None:
    content, root = site
    catalogue, _ = check(BuildOptions(content=content))
    default = catalogue.config.default_lang
    for path in pages(root):
        assert parse(path).html_lang in catalogue.config.languages, path.relative_to(root)
    for project in catalogue.projects:
        assert parse(root / "projects" / project.slug / "index.html").html_lang == project.lang, project.slug
    assert parse(root / "index.html").html_lang == default


def test_titles_in_another_language_are_marked(site) -> None:
    """A Nynorsk project's title shown on a Bokmål page must carry lang="nn", wherever it is linked."""
    content, root = site
    catalogue, _ = check(BuildOptions(content=content))
    projects = {f"/projects/{p.slug}/": p for p in catalogue.projects}
    assert len({p.lang for p in projects.values()}) > 1, "the site needs projects in more than one language"
    marked = 0
    for path in pages(root):
        page = parse(path)
        for href, in_force, text in page.links:
            project = projects.get(href)
            if project and text.strip() == project.title:
                assert in_force == project.lang, f"{path.relative_to(root)}: {href} is read as {in_force}"
                marked += in_force != page.html_lang
    assert marked > 0


def test_a_project_page_weighs_less_than_the_budget(site) -> None:
    _, root = site
    css = sum(len(gzip.compress(p.read_bytes(), 9)) for p in root.glob("static/**/*.css"))
    heaviest = max(len(gzip.compress(p.read_bytes(), 9)) for p in root.glob("projects/*/index.html"))
    assert heaviest + css < PAGE_WEIGHT_BUDGET
