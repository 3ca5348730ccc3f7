"""The knowledge base, end to end on tests/fixtures/knowledge: lessons, themes, phases, years,
agencies over time, related projects, overview charts and browsing without JavaScript."""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from floke.charts import Datum, Edge, bar_chart, network_chart
from floke.knowledge import related_reason
from floke.model import Origin, Project
from floke.related import related_projects, tfidf_vectors
from tests.conftest import FIXTURES, REPO, write_files

KNOWLEDGE = FIXTURES / "knowledge" / "content"


class _Page(HTMLParser):
    """Links, ids, and the text of elements with a given class, from one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if "style" in values or tag == "style":
            self.styles.append(tag)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def page(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def text(path: Path) -> str:
    """The page's text without tags, whitespace collapsed: what a reader sees."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<(svg|title)\b.*?</\1>", " ", html, flags=re.S)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", ".").replace(" ,", ",")
    return htmllib.unescape(words).replace("\xa0", " ")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from floke.cli import main

    out = tmp_path_factory.mktemp("knowledge") / "site"
    assert main(["build", "--content", str(KNOWLEDGE), "--output", str(out)]) == 0
    return out


# --- lessons -----------------------------------------------------------------------------------


def test_lessons_by_phase_in_method_order_newest_project_first(built: Path) -> None:
    seen = text(built / "lessons/index.html")
    headings = re.findall(r'<h2 id="group-\d+">(.*?)</h2>', (built / "lessons/index.html").read_text())
    assert headings == [
        "Diagnose",
        "Utforske og definere",
        "Utvikle og levere",
        "Implementering",
        "Uten fase",
    ]
    diagnosis = seen.split("Alt om Diagnose")[1].split("Utforske og definere")[0]
    # Barnehagetall (2018) before Færre skjema (2015)
    assert diagnosis.index("Intervju saksbehandlerne") < diagnosis.index("Tell feltene først")


def test_lesson_item_shows_project_agencies_year_and_links_to_anchor(built: Path) -> None:
    html = (built / "lessons/index.html").read_text()
    assert '<a href="/projects/skjema/#lesson-tell-feltene-forst">Tell feltene først</a>' in html
    seen = text(built / "lessons/index.html")
    assert (
        "Læring fra Færre skjema (2015) Agencies: Gamledirektoratet (nå Nydirektoratet), "
        "Vik kommune (nå Storvik kommune)"
    ).replace("Agencies", "Virksomheter") in seen


def test_lessons_by_theme_lists_a_lesson_under_each_of_its_themes(built: Path) -> None:
    html = (built / "lessons/themes/index.html").read_text()
    headings = re.findall(r'<h2 id="group-\d+">(.*?)</h2>', html)
    assert headings == ["Brukere", "Data", "Samarbeid", "Uten tema"]
    assert html.count("#lesson-test-med-fjorarets-tall") == 2


def test_theme_and_phase_pages_have_their_projects_and_lessons_and_empty_ones_no_page(built: Path) -> None:
    theme = text(built / "themes/samarbeid/index.html")
    assert "Prosjekter der flere virksomheter jobber sammen." in theme
    assert "Færre skjema" in theme and "Barnehagetall" in theme and "Eierskap fra start" in theme
    assert "Éin inngang" not in theme
    assert not (built / "themes/ubrukt").exists()
    phase = text(built / "phases/diagnosis/index.html")
    assert "Prosjekter i denne fasen nå Open numbers" in phase
    assert "Tell feltene først" in phase and "Intervju saksbehandlerne" in phase


def test_lessons_json_matches_the_lessons_inside_projects_json(built: Path) -> None:
    lessons = json.loads((built / "data/lessons.json").read_text(encoding="utf-8"))
    projects = json.loads((built / "data/projects.json").read_text(encoding="utf-8"))
    inside = [{"project": p["slug"], **lesson} for p in projects for lesson in p["learnings"]]
    shared = [{key: lesson[key] for key in ("project", "title", "themes", "phase", "url")} for lesson in lessons]
    assert sorted(shared, key=lambda x: x["url"]) == sorted(inside, key=lambda x: x["url"])
    assert {
        "project": "inngang",
        "title": "Ord før system",
        "themes": [],
        "phase": None,
        "url": "/projects/inngang/#lesson-ord-for-system",
    } in shared
    assert len(lessons) == 6


# --- agencies over time ------------------------------------------------------------------------


def test_agency_page_shows_history_with_dates(built: Path) -> None:
    seen = text(built / "agencies/midt-dir/index.html")
    assert "Erstattet: Gamledirektoratet (til 31. desember 2015)." in seen
    assert "Erstattet av: Nydirektoratet (fra 1. januar 2020)." in seen
    history = seen.split("(fra 1. januar 2020).")[1].split("Prosjekter")[0]
    assert (
        history.index("Gamledirektoratet")
        < history.index("Midtdirektoratet")
        < history.index("Nydirektoratet")
    )


def test_current_agency_lists_predecessors_projects_with_the_name_then(built: Path) -> None:
    seen = text(built / "agencies/ny-dir/index.html")
    assert "Færre skjema" in seen and "Registrert som Gamledirektoratet" in seen
    assert "Barnehagetall" in seen and "Registrert som Midtdirektoratet" in seen
    merged = text(built / "agencies/storvik-kommune/index.html")
    assert "Erstattet: Dal kommune (til 31. desember 2019), Vik kommune (til 31. desember 2019)." in merged
    assert "Registrert som Vik kommune" in merged and "Registrert som Dal kommune" in merged


def test_agency_page_lists_agencies_worked_with_and_counts(built: Path) -> None:
    seen = text(built / "agencies/ny-dir/index.html")
    assert (
        "Har samarbeidet med Storvik kommune (3 felles prosjekter) Fylket <fylkeskommune> (1 felles prosjekt)"
        in seen
    )


def test_agencies_index_has_cooperation_network_with_text_alternative(built: Path) -> None:
    html = (built / "agencies/index.html").read_text()
    svg = re.search(r"<svg class=\"chart\".*?</svg>", html, flags=re.S)
    assert svg is not None
    assert 'role="img" aria-labelledby="cooperation-title cooperation-desc"' in svg.group(0)
    assert "Fylket &lt;fk&gt;" in svg.group(0)  # a short name with markup is escaped
    seen = text(built / "agencies/index.html")
    assert "Nydirektoratet Storvik kommune 3" in seen
    assert "Fylket <fylkeskommune> Nydirektoratet 1" in seen


# --- related projects and cross-references -----------------------------------------------------


def test_project_page_shows_related_projects_with_reasons(built: Path) -> None:
    seen = text(built / "projects/barnehage/index.html")
    related = seen.split("Beslektede prosjekter")[1].split("Lenket fra")[0]
    assert related.strip() == (
        "Færre skjema Deler 2 virksomheter og temaene Data og Samarbeid, og har et lignende problem "
        "Open numbers Deler 2 virksomheter og temaet Data "
        "Éin inngang Deler virksomheten Storvik kommune"
    )
    nynorsk = text(built / "projects/inngang/index.html")
    assert "Relaterte prosjekt" in nynorsk and "Deler verksemda Storvik kommune" in nynorsk


def test_cross_references_render_with_titles_and_backlinks(built: Path) -> None:
    html = (built / "projects/skjema/index.html").read_text()
    assert '<a href="/projects/barnehage/">barnehageprosjektet</a>' in html
    assert '<a href="/news/oppstart/">Skjemaprosjektet starter</a>' in html
    referenced = text(built / "themes/brukere/index.html")
    assert "Brukere" in referenced
    backlinks = text(built / "agencies/ny-dir/index.html").split("Lenket fra")[1]
    assert "Barnehagetall" in backlinks


def test_unknown_target_in_a_lesson_fails_with_its_line(site_dir: Path, floke) -> None:
    shutil.copytree(KNOWLEDGE, site_dir / "content")
    path = site_dir / "content/projects/skjema.md"
    path.write_text(path.read_text().replace("[[project:barnehage|", "[[project:barnehag|"))
    run = floke("check")
    assert run.code == 1
    assert run.err.splitlines()[0] == (
        'content/projects/skjema.md:21: error: unknown project "barnehag" in [[project:barnehag]] '
        '(did you mean "barnehage"?)'
    )


def test_link_to_a_theme_without_page_is_an_error(site_dir: Path, floke) -> None:
    shutil.copytree(KNOWLEDGE, site_dir / "content")
    write_files(site_dir, {"content/pages/tema.md": "---\ntitle: Tema\n---\nSe [[theme:ubrukt]].\n"})
    run = floke("check")
    assert run.code == 1
    assert run.err.splitlines()[0] == (
        "content/pages/tema.md:4: error: [[theme:ubrukt]] links to an unpublished record: "
        'the theme "ubrukt" has no page, because no published project or lesson has it'
    )


def _project(slug: str, themes: tuple[str, ...], agencies: tuple[str, ...], problem: str, lang: str = "nb"):
    return Project(
        slug=slug,
        title=slug,
        agencies=agencies,
        problem=problem,
        phase="diagnosis",
        summary=None,
        lang=lang,
        status="ongoing",
        started=None,
        ended=None,
        themes=themes,
        learnings=(),
        vendors=(),
        funding_nok=None,
        round=None,
        sources=(),
        draft=False,
        translation_of=None,
        extra={},
        body="",
        body_line=1,
        origin=Origin(f"{slug}.md"),
    )


def test_related_scores_themes_agencies_and_text_and_is_deterministic() -> None:
    projects = [
        _project("a", ("x", "y"), ("k1", "k2"), "barnehage tall rapportering direktorat"),
        _project("b", ("x",), ("k1",), "barnehage tall rapportering kommune"),
        _project("c", ("y",), (), "helt annet problem om veier"),
        _project("d", (), (), "vei og trafikk"),
        _project("a-en", ("x", "y"), ("k1", "k2"), "kindergarten figures", lang="en"),
    ]
    same = {"a": ("a-en",), "a-en": ("a",)}
    first = related_projects(projects, lambda p: p.agencies, same)
    again = related_projects(list(reversed(projects)), lambda p: p.agencies, same)
    assert first == again
    assert [r.slug for r in first["a"]] == ["b", "c"]  # never its own translation, never d
    assert first["a"][0].themes == ("x",) and first["a"][0].agencies == ("k1",)
    assert first["a"][0].similarity > 0.1
    assert [r.slug for r in first["b"]] == ["a"]  # of a and a-en, the one in b's language
    assert first["d"] == ()


def test_tfidf_vectors_are_unit_length() -> None:
    vectors = tfidf_vectors({"a": "Floke floke og [[agency:x]] *data*", "b": "noe annet", "c": "helt annet"})
    assert set(vectors["a"]) == {"floke", "data"}
    assert abs(sum(w * w for w in vectors["a"].values()) - 1) < 1e-9


@pytest.mark.parametrize(
    ("lang", "agencies", "themes", "similar", "expected"),
    [
        ("en", ["A", "B"], ["Data"], False, "Shares 2 agencies and the theme Data"),
        ("nb", ["A"], [], True, "Deler virksomheten A, og har et lignende problem"),
        ("nn", [], ["Data", "Helse", "Arkiv"], False, "Deler temaa Data, Helse og Arkiv"),
        ("en", [], [], True, "Has a similar problem"),
    ],
)
def test_related_reason_in_words(lang, agencies, themes, similar, expected) -> None:
    assert related_reason(lang, agencies, themes, similar) == expected


# --- the overview and browsing -----------------------------------------------------------------


def test_home_page_overview_figures_and_accessible_charts(built: Path) -> None:
    html = (built / "index.html").read_text()
    seen = text(built / "index.html")
    assert "Prosjekter 4 Virksomheter med 3 Kommuner med 1 Tilskudd i alt 3 500 000 kr" in seen
    svgs = re.findall(r"<svg class=\"chart\".*?</svg>", html, flags=re.S)
    assert len(svgs) == 5
    for svg in svgs:
        assert re.search(r'role="img" aria-labelledby="(chart-\w+)-title \1-desc"', svg)
        assert "<title id=" in svg and "<desc id=" in svg
    assert (
        "Søylediagram over antall prosjekter som startet hvert år. 2015: 1; 2016: 0; 2017: 0; 2018: 1" in html
    )
    assert "Prosjekter startet per år År Prosjekter 2015 1 2016 0 2017 0 2018 1 2019 0 2020 0 2021 1 " in seen
    assert '<th scope="row"><a href="/years/2015/">2015</a></th>' in html
    assert '<th scope="row">2016</th>' in html  # no page for a year with nothing in it


def test_no_page_has_inline_styles(built: Path) -> None:
    for path in built.rglob("*.html"):
        assert page(path).styles == [], path


def test_year_pages_list_projects_started_and_news_published(built: Path) -> None:
    seen = text(built / "years/2015/index.html")
    assert "Prosjekter som startet dette året Færre skjema" in seen
    assert "Nyheter dette året Skjemaprosjektet starter" in seen
    assert sorted(p.name for p in (built / "years").iterdir() if p.is_dir()) == ["2015", "2018", "2021"]


def _crawl(site: Path, depth: int) -> set[str]:
    """Every URL (with #anchor where linked so) reachable from the home page in depth clicks."""
    seen: set[str] = set()
    frontier = {"/"}
    for _ in range(depth):
        found = set()
        for url in frontier:
            path = url.split("#")[0]
            target = site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")
            if target.suffix == ".html" and target.is_file():
                found |= {href for href in page(target).hrefs if href.startswith("/")}
        frontier = found - seen
        seen |= found
    return seen


def test_every_record_is_three_clicks_from_home_without_javascript(built: Path) -> None:
    reached = _crawl(built, 3)
    # Every page but the search page, which a form leads to, not a link.
    pages = {"/" + p.parent.relative_to(built).as_posix() + "/" for p in built.rglob("index.html")}
    pages -= {"/./", "/search/"}
    missing = sorted(pages - {u.split("#")[0] for u in reached})
    assert missing == []
    lessons = json.loads((built / "data/lessons.json").read_text(encoding="utf-8"))
    assert {lesson["url"] for lesson in lessons} <= reached


# --- charts ------------------------------------------------------------------------------------


def test_chart_text_from_records_is_escaped() -> None:
    chart = bar_chart("c", "T <b>", "D & more", ("L", "V"), [Datum("<script>x</script>", 3, "3")])
    assert "<script>" not in chart.svg and "&lt;script&gt;x&lt;/script&gt;" in chart.svg
    assert '<title id="c-title">T &lt;b&gt;</title>' in chart.svg
    assert '<desc id="c-desc">D &amp; more &lt;script&gt;x&lt;/script&gt;: 3.</desc>' in chart.svg
    network = network_chart("n", "N", "D", [("a", '"quoted"'), ("b", "B")], [Edge("a", "b", 2)])
    assert 'class="chart-edge chart-edge-2"' in network
    assert '>"quoted"</text>' in network and '<title id="n-title">N</title>' in network


def test_sample_site_shows_the_knowledge_base(tmp_path: Path) -> None:
    from floke.cli import main

    out = tmp_path / "sample"
    assert main(["build", "--content", str(REPO / "content"), "--output", str(out)]) == 0
    assert (out / "lessons/index.html").is_file() and (out / "lessons/themes/index.html").is_file()
    assert "Beslektede prosjekter" in text(out / "projects/eksempel-faerre-skjema/index.html")
    assert "Registrert som Fiktivt skjemaverk (eksempel)" in text(
        out / "agencies/fiktivdirektoratet/index.html"
    )
    assert text(out / "index.html").count("Vis som tabell") == 5
    assert "Hvem har samarbeidet" in text(out / "agencies/index.html")
    assert list((out / "years").iterdir())
