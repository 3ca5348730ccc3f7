"""Scan every file of a built site for anything that could run or mislead in a reader's browser.

Generic on purpose: it looks at each output file by its type, so pages, feeds, open data and
search fragments added later are covered without changes here. A file type it does not know is
itself a finding, so that a new kind of output gets a rule before it ships.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

# Elements that load or run something, or change how the rest of the page is read.
FORBIDDEN_ELEMENTS = frozenset({
    "applet", "base", "embed", "foreignobject", "frame", "frameset", "iframe", "math", "noembed",
    "object", "plaintext", "portal", "style", "template", "xmp",
})
URL_ATTRIBUTES = frozenset({
    "action", "background", "cite", "data", "formaction", "href", "ping", "poster", "src", "srcset",
    "xlink:href",
})
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A Jinja expression in the payload; if records were rendered as templates, this would show up.
TEMPLATE_MARKER = "flokeflokefloke"
# Files that are the theme's or a search engine's own code, not made from records.
OWN_FILES = ("static/", "pagefind/")
_INVISIBLE_IN_URLS = re.compile(r"[\x00-\x20]")


def _bad_url(value: str) -> bool:
    """Browsers ignore whitespace and control characters in a scheme; so does this check."""
    return _INVISIBLE_IN_URLS.sub("", value).lower().startswith(BAD_SCHEMES)


class _HtmlCheck(HTMLParser):
    """Finds executable or styling markup in an HTML document or fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: str | None = None  # "json", "external" or None
        self._script_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler {name}=")
            if name == "style":
                self.problems.append(f"<{tag}> has a style attribute")
            if name in URL_ATTRIBUTES and _bad_url(value):
                self.problems.append(f"<{tag} {name}> points at {value[:40]!r}")
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"<{tag}> element")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "script":
            self._open_script(values)

    def _open_script(self, values: dict[str, str]) -> None:
        self._script_text = ""
        src = values.get("src", "")
        if values.get("type") == "application/ld+json" and not src:
            self._script = "json"
        elif src and "://" not in src and not src.startswith("//"):
            self._script = "external"
        else:
            self._script = None
            self.problems.append(f"<script> that is not one of the site's own files: {values}")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        if self._script == "external" and self._script_text.strip():
            self.problems.append("<script src> with inline code")
        if self._script == "json":
            self.problems += json_problems(self._script_text)
        self._script = None


def html_problems(text: str) -> list[str]:
    checker = _HtmlCheck()
    checker.feed(text)
    checker.close()
    return checker.problems


def json_problems(text: str) -> list[str]:
    """JSON must parse and carry no raw "<", so it can never close a <script> it is placed in."""
    try:
        json.loads(text)
    except ValueError as exc:
        return [f"not valid JSON: {exc}"]
    return ['raw "<" in JSON (write it as \\u003c)'] if "<" in text else []


def xml_problems(text: str) -> list[str]:
    """Well-formed XML; text that feed readers show as HTML (type="html", RSS descriptions) is checked."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        return [f"not well-formed XML: {exc}"]
    problems = []
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        if element.get("type") in ("html", "text/html") or local in ("description", "encoded"):
            problems += html_problems(element.text or "")
        if element.get("type") == "xhtml":
            problems += html_problems(ET.tostring(element, encoding="unicode"))
        problems += [f"<{local} href> points at {v!r}" for k, v in element.attrib.items()
                     if k.endswith("href") and _bad_url(v)]
    return problems


def csv_problems(text: str) -> list[str]:
    """No cell may start like a spreadsheet formula (CSV injection)."""
    return [f"cell starts like a formula: {cell[:30]!r}"
            for row in csv.reader(io.StringIO(text)) for cell in row if cell.startswith(FORMULA_START)]


def search_fragment_problems(data: bytes) -> list[str]:
    """Pagefind's fragments are gzipped JSON: text for the search page, which inserts every string
    as text (textContent; tests/test_hostile.py checks search.js has no HTML sinks), and URLs,
    which must not run code."""
    text = gzip.decompress(data).decode("utf-8").removeprefix("pagefind_dcd")
    try:
        value = json.loads(text)
    except ValueError:
        return []  # an index file, not a fragment
    urls = [value.get("url", ""), *(v for k, v in value.get("meta", {}).items() if k in ("image", "url"))]
    return [f"fragment URL runs code: {url[:40]!r}" for url in urls if isinstance(url, str) and _bad_url(url)]


TEXT_RULES: dict[str, Callable[[str], list[str]]] = {
    ".html": html_problems,
    ".htm": html_problems,
    ".xml": xml_problems,
    ".rss": xml_problems,
    ".atom": xml_problems,
    ".json": json_problems,
    ".jsonld": json_problems,
    ".webmanifest": json_problems,
    ".csv": csv_problems,
    ".txt": lambda text: [],
}


def scan_site(root: Path) -> list[str]:
    """Every problem in every file under root, as 'path: problem' lines."""
    problems = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        problems += [f"{name}: {problem}" for problem in file_problems(name, path.read_bytes())]
    return problems


def file_problems(name: str, data: bytes) -> list[str]:
    if name.endswith(".pf_fragment"):
        return search_fragment_problems(data)
    if name.startswith(OWN_FILES) or name == ".floke-output":
        return []
    rule = TEXT_RULES.get(Path(name).suffix)
    if rule is None:
        return ["an output type the hostile-content scan has no rule for"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return ["not UTF-8"]
    problems = rule(text)
    if BIDI_CONTROLS.search(text):
        problems.append("a Unicode direction control character")
    if TEMPLATE_MARKER in text:
        problems.append("record text was rendered as a template")
    return problems
