"""Internal links and anchors, checked in the rendered site before anything is written.

Every href, src and action on every page that stays on the site must reach a file the build
writes, and a #fragment must name an id on that page. A broken link is an error at its source:
the record file and line when an editor wrote it in Markdown, else the template that makes it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from floke.diagnostics import Report, did_you_mean
from floke.load import display_path
from floke.model import OutputFile
from floke.pages import PageSpec
from floke.render import Theme, base_path
from floke.texts import SourceText
from floke.urls import output_path

# Jinja's autoescape and nh3 both write attributes in double quotes, so these patterns are exact.
_URL_ATTRIBUTE = re.compile(r'\s(?:href|src|action)="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")  # https:, mailto:, data: ...
_URL_END = r"(?=[\s)\"'>\]|]|$)"


@dataclass(frozen=True)
class TemplateSource:
    name: str
    path: str  # as shown in messages
    text: str


@dataclass(frozen=True)
class BrokenLink:
    page: PageSpec
    href: str  # as it stands in the HTML, unescaped
    written: str  # as a template or an editor would have written it (without the base path)
    message: str


def check_links(
    files: Sequence[OutputFile],
    specs: Sequence[PageSpec],
    base_url: str,
    texts: Sequence[SourceText],
    theme: Theme,
    report: Report,
) -> None:
    broken = find_broken_links(files, specs, base_url)
    if not broken:
        return
    templates = template_sources(theme)
    reported: set[tuple[str, int, str]] = set()
    for link in broken:
        path, line = source_of(link, texts, templates)
        if (path, line, link.message) not in reported:
            reported.add((path, line, link.message))
            report.error(path, line, link.message, kind="link")


def find_broken_links(
    files: Sequence[OutputFile], specs: Sequence[PageSpec], base_url: str
) -> list[BrokenLink]:
    known = {f.path for f in files}
    pages = {f.path: f.data for f in files if f.path.endswith(".html")}

    @cache
    def ids(path: str) -> frozenset[str]:
        return frozenset(html.unescape(i) for i in _ID.findall(pages[path].decode("utf-8")))

    site = _Site(base_url, known, ids)
    broken = []
    for spec in specs:
        for raw in _URL_ATTRIBUTE.findall(pages[output_path(spec.url)].decode("utf-8")):
            href = html.unescape(raw)
            problem = site.check(spec.url, href)
            if problem:
                broken.append(BrokenLink(spec, href, *problem))
    return broken


class _Site:
    """Decides whether links work; a verdict per target is cached, as most links repeat on every page."""

    def __init__(self, base_url: str, known: set[str], ids: Callable[[str], frozenset[str]]) -> None:
        self.prefix = base_path(base_url)
        self.known, self.ids = known, ids
        self.verdict = cache(self._verdict)

    def check(self, page: str, href: str) -> tuple[str, str] | None:
        """(as written, message) for a broken link; None when it works or leaves the site.

        Full addresses (https://...) count as external even on the site's own host: an editor's
        sources may point anywhere there, and a sample site's placeholder host is shared.
        """
        if href.startswith("//") or _SCHEME.match(href):
            return None
        if href.startswith(self.prefix):  # url() in templates, root-relative links in Markdown
            target = "/" + href[len(self.prefix) :]
            return self.verdict(target, target)
        if href.startswith("/"):
            return href, (
                f'link to "{href}" is outside the base path {self.prefix}, so it breaks when the site is '
                "published under a subpath; write it with url()"
            )
        resolved = urljoin(self.prefix + page.lstrip("/"), href)
        return self.verdict("/" + resolved[len(self.prefix) :], href)

    def _verdict(self, target: str, written: str) -> tuple[str, str] | None:
        path, _, anchor = target.partition("#")
        path = urlsplit(path).path
        file = output_path(path)
        if file not in self.known and output_path(path + "/") not in self.known:
            return written, (
                f'link to "{written}" goes nowhere: the site has no page or file at {path}'
                f"{did_you_mean(path, map(_site_url, self.known))}"
            )
        anchor = unquote(anchor)
        if anchor and file.endswith(".html") and anchor not in self.ids(file):
            return written, (
                f'link to "{written}" points at #{anchor}, but {path} has no element with that id'
                f"{did_you_mean(anchor, self.ids(file))}"
            )
        return None


def _site_url(file: str) -> str:
    """The address of an output file: 'projects/x/index.html' -> '/projects/x/'."""
    return "/" + file.removesuffix("index.html")


def template_sources(theme: Theme) -> list[TemplateSource]:
    """The theme's templates, the user's hiding floke's of the same name."""
    found: dict[str, TemplateSource] = {}
    for folder in theme.templates:
        for file in sorted(Path(folder).rglob("*.html")):
            name = file.relative_to(folder).as_posix()
            found.setdefault(name, TemplateSource(name, display_path(file), file.read_text("utf-8")))
    return sorted(found.values(), key=lambda t: t.name)


def source_of(
    link: BrokenLink, texts: Sequence[SourceText], templates: Sequence[TemplateSource]
) -> tuple[str, int]:
    """Where the broken link was written: the page's own Markdown, a template, other Markdown."""
    forms = list(dict.fromkeys([link.written, link.href]))
    own = [t for t in texts if t.page == link.page.url]
    for text in own:
        if (offset := _find(forms, text.text)) is not None:
            return text.path, text.line_of(offset)
    page_template = [t for t in templates if t.name == link.page.template]
    for template in [*page_template, *templates]:
        if (offset := _find(forms, template.text)) is not None:
            return template.path, template.text.count("\n", 0, offset) + 1
    for text in texts:
        if (offset := _find(forms, text.text)) is not None:
            return text.path, text.line_of(offset)
    return (page_template[0].path if page_template else link.page.template), 1


def _find(forms: Iterable[str], text: str) -> int | None:
    for form in forms:
        match = re.search(re.escape(form) + _URL_END, text)
        if match:
            return match.start()
    return None
