"""Markdown to safe HTML: [[kind:id]] cross-references, shifted headings and an nh3 allow-list.

Records' Markdown is the only HTML that reaches pages unescaped, so everything it produces passes
the sanitiser here; templates never mark record fields safe.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from markdown.inlinepatterns import InlineProcessor
from markupsafe import Markup

from floke.link import XREF
from floke.slugs import slugify

# The HTML an editor's Markdown (or raw HTML inside it) may produce. Documented in docs/security.md.
ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    }
)
_GLOBAL_ATTRIBUTES = {"lang", "title", "id", "dir"}
ALLOWED_ATTRIBUTES = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "time": {"datetime"},
    "abbr": set(),
}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_EXTERNAL_LINK = re.compile(r'<a href="((?:https?:)?//)')
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
# nh3's output quotes every attribute and escapes ">" inside values, so a start tag ends at the first ">".
_LINK_TAG = re.compile(r"<a\s[^>]*>")
_EXTERNAL_HREF = re.compile(r'\shref="(?:https?:)?//', re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """What a [[kind:id]] resolves to: the site-relative URL and the text to show."""

    url: str
    title: str
    lang: str | None = None  # the record's language, to mark its title where it is shown


Resolver = Callable[[str, str], Target | None]


class _XrefProcessor(InlineProcessor):
    def __init__(self, resolve: Callable[[], Resolver]) -> None:
        super().__init__(XREF.pattern)
        self._resolve = resolve

    def handleMatch(self, m, data):
        target = self._resolve()(m.group(1), m.group(2))
        if target is None:  # link.py has already reported it; keep the text readable
            return m.group(0), m.start(0), m.end(0)
        element = etree.Element("a", {"href": target.url})
        text = (m.group(3) or "").strip()
        element.text = text or target.title
        if not text and target.lang:
            element.set("lang", target.lang)
        return element, m.start(0), m.end(0)


class _XrefExtension(Extension):
    def __init__(self, resolve: Callable[[], Resolver]) -> None:
        super().__init__()
        self._resolve = resolve

    def extendMarkdown(self, md):
        # Above Markdown's own link patterns (priority 160) so [[...]] is never read as a link.
        md.inlinePatterns.register(_XrefProcessor(self._resolve), "floke-xref", 175)


class MarkdownRenderer:
    """Converts records' Markdown; one instance is reused for speed (Markdown objects are costly)."""

    def __init__(self, base_path: str = "/") -> None:
        self.base_path = base_path
        self._resolver: Resolver = lambda kind, target: None
        self._md = markdown.Markdown(
            extensions=[
                "tables",
                "fenced_code",
                "sane_lists",
                "abbr",
                "def_list",
                TocExtension(baselevel=2, slugify=lambda text, sep: slugify(text, 60), toc_depth="2-6"),
                _XrefExtension(lambda: self._resolver),
            ],
            output_format="html",
        )

    def to_html(self, text: str, resolver: Resolver | None = None, top: int = 2) -> Markup:
        """HTML for Markdown placed under a heading of level top - 1: its highest heading becomes h{top}."""
        self._resolver = resolver or (lambda kind, target: None)
        try:
            html = self._md.reset().convert(text)
        finally:
            self._resolver = lambda kind, target: None
        return Markup(_shift_headings(self.sanitise(html), top))

    def sanitise(self, html: str) -> str:
        cleaned = nh3.clean(
            html,
            tags=set(ALLOWED_TAGS),
            attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(ALLOWED_SCHEMES),
            link_rel=None,
            attribute_filter=self._filter_attribute,
        )
        return _LINK_TAG.sub(_mark_external, cleaned)

    def _filter_attribute(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src") and value.startswith("/") and not value.startswith("//"):
            return self.base_path + value[1:]
        return value


def _shift_headings(html: str, top: int) -> str:
    """Move every heading by the same amount so the highest lands at top and no level is skipped
    below the page's own headings (authors write ## or # as they like). Sanitised text holds no
    raw '<', so the tag match is exact."""
    levels = [int(m.group(2)) for m in _HEADING_TAG.finditer(html)]
    if not levels or min(levels) == top:
        return html
    shift = top - min(levels)
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html)
def _mark_external(tag: re.Match[str]) -> str:
    """Only links that leave the site get rel (nh3 has already removed any rel the author wrote)."""
    if _EXTERNAL_HREF.search(tag.group()):
        return '<a rel="noopener noreferrer"' + tag.group()[2:]
    return tag.group()
