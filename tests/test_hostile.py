"""Hostile content: a payload in every text field, body and agency name publishes nothing that runs.

The whole built site is scanned (tests/output_scan.py), so every output format is covered,
including those added after this test was written.
"""

from __future__ import annotations

import contextlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from floke.cli import main
from floke.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MarkdownRenderer
from tests.conftest import REPO, write_files
from tests.output_scan import (
    TEMPLATE_MARKER,
    csv_problems,
    file_problems,
    html_problems,
    json_problems,
    scan_site,
    xml_problems,
)

PAYLOADS = (
    '<script>alert("x1")</script>',
    '"><img src=/static/favicon.svg onerror=alert(1)>',
    "'><svg onload=alert(1)><script>alert(1)</script></svg>",
    "</script><script>alert(1)</script><!--",
    '<a href="javascript:alert(1)">j</a> <a href="data:text/html;base64,PHNjcmlwdD4=">d</a>',
    '<div style="width: expression(alert(1))">css</div><style>*{background:url(javascript:alert(1))}</style>',
    '<iframe src="https://evil.example/"></iframe><object data="javascript:alert(1)"></object>',
    "<math><mtext><table><mglyph><style><img src=/static/favicon.svg onerror=alert(1)>",
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "\u202egnp.exe \u2066isolated\u2069",
    "{{ 'floke' * 3 }} {% raw %}",
)
PAYLOAD = " ".join(PAYLOADS)
# URL fields only accept http(s) addresses without spaces; these try to break out of the attribute.
URL_PAYLOADS = [
    'https://evil.example/"onmouseover="alert(1)',
    "https://evil.example/</script><script>alert(1)</script>",
]
BODY = f"""
{PAYLOAD}

[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>)
![img](javascript:alert(1)) <javascript:alert(1)> [ref][r]

[r]: javascript:alert(1)

<a title="t" href="https://evil.example/">outside</a> <a href="jav&#x61;script:alert(1)">e</a>
<details open ontoggle=alert(1)><summary>s</summary></details><input autofocus onfocus=alert(1)>
<form action="javascript:alert(1)"><button>b</button></form><embed src="https://evil.example/">
<link rel=stylesheet href=https://evil.example/x.css>

See [[project:hostile-one|<script>alert(1)</script>]] and [[agency:bad]].
"""
# Starts of fields that a spreadsheet would read as formulas.
FORMULAS = ('=HYPERLINK("https://evil.example","x") ', "+cmd|' /C calc'!A0 ", "@SUM(1+1) ", "-2+3 ")


def _labels(text: str) -> dict[str, str]:
    return {"nb": text, "nn": text, "en": text}


def _record(front: dict, body: str = BODY) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body


def hostile_content(root: Path) -> None:
    """A content folder whose every free-text field carries the payload."""
    site = {
        "title": FORMULAS[0] + PAYLOAD,
        "description": PAYLOAD,
        "base_url": "https://example.org/",
        "phases": [{"id": "diagnosis", "label": _labels(PAYLOAD), "description": _labels(PAYLOAD)}],
        "themes": [{"id": "data", "label": _labels(PAYLOAD), "description": _labels(PAYLOAD)}],
        "extra": {"note": PAYLOAD},
    }
    agencies = {
        "bad": {"name": FORMULAS[1] + PAYLOAD, "short": PAYLOAD, "aliases": [PAYLOAD], "kind": "state",
                "url": URL_PAYLOADS[0]},
        "worse": {"name": FORMULAS[2] + PAYLOAD, "replaced_by": "bad", "url": URL_PAYLOADS[1]},
    }
    project = {
        "title": FORMULAS[0] + PAYLOAD,
        "summary": FORMULAS[3] + PAYLOAD,
        "agencies": ["worse", "bad"],
        "problem": PAYLOAD,
        "phase": "diagnosis",
        "themes": ["data"],
        "vendors": [FORMULAS[2] + PAYLOAD],
        "round": PAYLOAD,
        "sources": URL_PAYLOADS,
        "learnings": [
            {"title": FORMULAS[1] + PAYLOAD, "text": BODY, "themes": ["data"], "phase": "diagnosis"}
        ],
        "extra": {"note": PAYLOAD},
    }
    news = {"title": FORMULAS[2] + PAYLOAD, "date": "2020-01-01", "summary": PAYLOAD,
            "projects": ["hostile-one"], "sources": URL_PAYLOADS}
    page = {"title": FORMULAS[3] + PAYLOAD, "summary": PAYLOAD}
    write_files(root, {
        "content/site.yaml": yaml.safe_dump(site, allow_unicode=True),
        "content/agencies.yaml": yaml.safe_dump(agencies, allow_unicode=True),
        "content/projects/hostile-one.md": _record(project),
        "content/projects/hostile-two.md": _record({**project, "title": FORMULAS[3] + PAYLOAD, "lang": "en"}),
        "content/news/hostile-news.md": _record(news),
        "content/pages/hostile-page.md": _record(page),
    })


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("hostile")
    hostile_content(root)
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(err):
        patch.chdir(root)
        code = main(["build"])
    assert code == 0, err.getvalue()
    return root / "site", err.getvalue()


def test_nothing_executable_in_any_output(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    assert scan_site(site) == []


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.links: list[dict[str, str | None]] = []

    def handle_data(self, data: str) -> None:
        self.text += data

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs))


def page_text(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_payload_is_shown_as_text(hostile_site: tuple[Path, str]) -> None:
    """The scan above is only meaningful if the payload reached the pages, as visible text."""
    site, _ = hostile_site
    text = page_text(site / "projects/hostile-one/index.html").text
    assert '<script>alert("x1")</script>' in text
    assert "{{ 'floke' * 3 }}" in text
    assert "</script><script>alert(1)</script><!--" in page_text(site / "agencies/bad/index.html").text


def test_direction_controls_are_removed_with_a_warning(hostile_site: tuple[Path, str]) -> None:
    site, err = hostile_site
    assert "gnp.exe isolated" in page_text(site / "projects/hostile-one/index.html").text
    source = (site.parent / "content/projects/hostile-one.md").read_text(encoding="utf-8").splitlines()
    line = source.index(next(text for text in source if text.startswith("title:"))) + 1
    assert (
        f"content/projects/hostile-one.md:{line}: warning: removed the invisible direction control(s) "
        'U+202E, U+2066, U+2069 from "title"; they can make text read in a misleading order'
    ) in err.splitlines()


def test_links_out_of_the_site_get_noopener(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    links = page_text(site / "projects/hostile-one/index.html").links
    outside = [link for link in links if (link.get("href") or "").startswith("https://evil.example/")]
    assert outside
    assert all("noopener" in (link.get("rel") or "") for link in outside)


@pytest.mark.parametrize(("markdown", "rel"), [
    ("[x](https://example.net/)", True),
    ('<a title="first" href="https://example.net/">x</a>', True),
    ('<a href="HTTPS://EXAMPLE.NET/">x</a>', True),
    ('<a href="//example.net/">x</a>', True),
    ('<a href="https://example.net/" rel="opener">x</a>', True),
    ("[x](/projects/)", False),
    ("[x](#part)", False),
])
def test_noopener_only_on_links_out(markdown: str, rel: bool) -> None:
    html = MarkdownRenderer("/").to_html(markdown)
    assert ('rel="noopener noreferrer"' in html) is rel
    assert html.count("rel=") == int(rel)


def test_sanitiser_keeps_only_the_documented_set() -> None:
    everything = "".join(f"<{tag} {' '.join(f'{a}=x' for a in _attributes(tag))}>t</{tag}>"
                         for tag in (*ALLOWED_TAGS, "script", "style", "iframe", "svg", "form", "input"))
    html = MarkdownRenderer("/").to_html(everything)
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= ALLOWED_TAGS
    assert {"script", "style", "iframe", "svg", "form", "input"}.isdisjoint(tags)
    assert "onclick" not in html and "style=" not in html


def _attributes(tag: str) -> set[str]:
    return {*ALLOWED_ATTRIBUTES["*"], *ALLOWED_ATTRIBUTES.get(tag, ()), "onclick", "style"}


def test_allowed_html_is_documented() -> None:
    doc = (REPO / "docs/security.md").read_text(encoding="utf-8")
    for tag in ALLOWED_TAGS:
        assert f"`{tag}`" in doc, tag
    for attributes in ALLOWED_ATTRIBUTES.values():
        for attribute in attributes:
            assert f"`{attribute}`" in doc, attribute


# --- the scanner itself must find what it looks for ---------------------------------------------


@pytest.mark.parametrize(("name", "data"), [
    ("a.html", b"<p onclick=x>t</p>"),
    ("a.html", b"<script>alert(1)</script>"),
    ("a.html", b'<script src="https://evil.example/x.js"></script>'),
    ("a.html", b'<a href=" JaVa\tscript:alert(1)">x</a>'),
    ("a.html", b'<img src="data:image/svg+xml,x">'),
    ("a.html", b'<p style="color:red">x</p>'),
    ("a.html", b"<iframe></iframe>"),
    ("a.html", b'<script type="application/ld+json">{"a": "</b>"}</script>'),
    ("a.html", "<p>\u202eabc</p>".encode()),
    ("a.html", f"<p>{TEMPLATE_MARKER}</p>".encode()),
    ("feed.xml", b"<feed><entry><content type='html'>&lt;script&gt;x&lt;/script&gt;</content></entry>"
                 b"</feed>"),
    ("feed.xml", b"<rss><item><title>a \x01</title></item></rss>"),
    ("data.json", b'{"a": "</script>"}'),
    ("data.json", b'{"a": NaN'),
    ("data.csv", b"title\n=HYPERLINK(1)\n"),
    ("data.csv", b"title\n@SUM(1)\n"),
    ("search/x.bin", b"\x00"),
])
def test_scanner_finds_problems(name: str, data: bytes) -> None:
    assert file_problems(name, data)


def test_scanner_accepts_safe_output() -> None:
    assert html_problems('<a href="/x/">x</a><script src="/static/x.js"></script>'
                         '<script type="application/ld+json">{"a": "\\u003c/b\\u003e"}</script>') == []
    assert xml_problems("<feed><title type='text'>&lt;script&gt;</title></feed>") == []
    assert json_problems('{"a": "\\u003cscript\\u003e"}') == []
    assert csv_problems("title\n'=HYPERLINK(1)\nplain\n") == []


# --- what stops it at the source ----------------------------------------------------------------


def test_templates_never_mark_record_fields_safe() -> None:
    for template in sorted((REPO / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b", text), template
        assert not re.search(r"autoescape\s+false", text), template
        assert "Markup(" not in text, template
    # The places that make Markup, each from text it escaped itself: the Markdown sanitiser, the SVG
    # charts (ElementTree escapes every text and attribute), JSON-LD (jsonout escapes < > &) and the
    # feeds' entry HTML (Markup.format escapes every argument).
    trusted = {"markup.py", "charts.py", "metadata.py", "feeds.py"}
    for module in sorted((REPO / "floke").rglob("*.py")):
        if module.name not in trusted:
            assert not re.search(r"\bMarkup\(", module.read_text(encoding="utf-8")), module
    assert "autoescape=True" in (REPO / "floke/render.py").read_text(encoding="utf-8")


def test_yaml_is_only_read_with_the_safe_loader() -> None:
    unsafe = re.compile(r"yaml\.(load|load_all|full_load|unsafe_load)\(|\b(Full|Unsafe)?Loader\b(?!\w)")
    for module in sorted((REPO / "floke").rglob("*.py")):
        for line in module.read_text(encoding="utf-8").splitlines():
            assert not unsafe.search(line.replace("SafeLoader", "")), f"{module}: {line}"


def test_the_search_page_inserts_results_as_text_only() -> None:
    """Search fragments hold records' text as it is; the page must never parse it as HTML."""
    script = (REPO / "static/js/search.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment", "eval("):
        assert sink not in script, sink
