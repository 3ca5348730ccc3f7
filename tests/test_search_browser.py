"""The search page in headless Chromium: real queries against a built fixture site's Pagefind index."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from floke.cli import main
from tests.conftest import FIXTURES

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

SEARCH = FIXTURES / "search" / "content"
NB_PROJECT = "Enklere skolestart"
NN_PROJECT = "Samanhengande helsetilbod"
EN_PROJECT = "Digital mailbox for letters"
LESSON = "Test med ekte brukere"
NEWS = "Ny veileder for kommunene"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build_fixture(root: Path, default_lang: str) -> Path:
    """Build the search fixture with the given site language; returns the output folder."""
    content = root / f"content-{default_lang}"
    shutil.copytree(SEARCH, content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + f"default_lang: {default_lang}\n", "utf-8")
    output = root / f"site-{default_lang}"
    assert main(["build", "--content", str(content), "--output", str(output)]) == 0
    return output


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The fixture site built once per reader language, each served on its own loopback port."""
    root = tmp_path_factory.mktemp("search-sites")
    servers = {lang: serve(build_fixture(root, lang)) for lang in ("nb", "nn", "en")}
    yield {lang: base for lang, (_, base) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page that fails the test on any console error (a CSP violation, a script error)."""
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def results_of(page, url: str) -> list[str]:
    """Open a search URL and return the result titles once the count is announced."""
    page.goto(url)
    playwright_api.expect(page.locator("#search-status")).to_have_text(re.compile(r"treff|result"))
    return page.locator(".result-title a").all_inner_texts()


@pytest.mark.parametrize(
    ("query", "record"),
    [
        ("barn", NB_PROJECT),  # the record says only "barna"
        ("tenester", NN_PROJECT),  # the record says only "tenesta"
        ("soknad", NB_PROJECT),  # the record says "søknad"
        ("losning", NB_PROJECT),  # the record says "løsning"
        ("soeknad", NB_PROJECT),  # the old transliteration
    ],
)
def test_inflected_and_unaccented_queries_find_the_record(page, sites, query: str, record: str) -> None:
    assert record in results_of(page, f"{sites['nb']}/search/?q={query}")


@pytest.mark.parametrize("reader", ["nb", "nn", "en"])
def test_every_reader_finds_bokmal_and_nynorsk_records(page, sites, reader: str) -> None:
    assert NB_PROJECT in results_of(page, f"{sites[reader]}/search/?q=barna")
    assert page.locator("html").get_attribute("lang") == reader
    assert NN_PROJECT in results_of(page, f"{sites[reader]}/search/?q=tenesta")


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        ("type=project", {NB_PROJECT, NN_PROJECT, EN_PROJECT}),
        ("type=lesson", {LESSON}),
        ("type=news", {NEWS}),
        # Recorded under the old agency "difi"; digdir is what it is called now.
        ("agency=digdir&type=project", {NB_PROJECT, EN_PROJECT}),
        ("phase=diagnosis&type=project", {NN_PROJECT}),
        ("theme=oppvekst", {NB_PROJECT, EN_PROJECT, "Oppvekst"}),
        ("status=completed", {NB_PROJECT, LESSON}),
        ("year=2021", {NN_PROJECT}),
        ("language=nn", {NN_PROJECT}),
        ("theme=helse&year=2021", {NN_PROJECT}),  # combined: helse is also the English project's theme
        ("type=project&year=2021&year=2022", {NN_PROJECT, EN_PROJECT}),  # two values of one facet: either
    ],
)
def test_filters(page, sites, query_string: str, expected: set[str]) -> None:
    assert set(results_of(page, f"{sites['nb']}/search/?{query_string}")) == expected


def test_filter_counts_and_announced_result_count(page, sites) -> None:
    results_of(page, f"{sites['nb']}/search/?type=project")
    playwright_api.expect(page.locator("#search-status")).to_have_text("3 treff")
    playwright_api.expect(page.locator("#search-status")).to_have_attribute("aria-live", "polite")
    year_2021 = page.locator('.facet[data-facet="year"] label', has_text="2021")
    playwright_api.expect(year_2021).to_contain_text("(1)")
    # The type facet's own counts ignore its own tick: lessons can still be added.
    lessons = page.locator('.facet[data-facet="type"] label', has_text="Læring")
    playwright_api.expect(lessons).to_contain_text("(1)")


def test_typing_and_ticking_keep_the_state_in_the_url_and_history(page, sites) -> None:
    base = sites["nb"]
    page.goto(f"{base}/search/")
    prompt = "Skriv et søkeord eller velg et filter."
    playwright_api.expect(page.locator("#search-status")).to_have_text(prompt)
    page.locator("#search-q").focus()
    page.keyboard.type("barn")
    playwright_api.expect(page.locator(".result-title a").first).to_have_text(NB_PROJECT)
    playwright_api.expect(page).to_have_url(f"{base}/search/?q=barn")
    # Keyboard only: Tab to the project type checkbox and tick it with the space bar.
    box = page.locator('input[name="type"][value="project"]')
    for _ in range(40):
        if box.evaluate("box => box === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    playwright_api.expect(page).to_have_url(f"{base}/search/?q=barn&type=project")
    playwright_api.expect(page.locator("#search-status")).to_have_text("1 treff")
    page.go_back()
    playwright_api.expect(page).to_have_url(f"{base}/search/?q=barn")
    playwright_api.expect(box).not_to_be_checked()
    playwright_api.expect(page.locator(".result-title a").first).to_have_text(NB_PROJECT)
    page.go_forward()
    playwright_api.expect(box).to_be_checked()
    lesson_box = page.locator('input[name="type"][value="lesson"]')
    # The URL is enough to share the search: a new page restores query and ticks.
    page.goto(f"{base}/search/?q=vaktordning&type=lesson")
    playwright_api.expect(page.locator("#search-q")).to_have_value("vaktordning")
    playwright_api.expect(lesson_box).to_be_checked()
    playwright_api.expect(page.locator(".result-title a")).to_have_text([LESSON])


def test_a_lesson_hit_lands_on_its_anchor(page, sites) -> None:
    base = sites["nb"]
    assert results_of(page, f"{base}/search/?q=vaktordning") == [LESSON]
    result = page.locator(".result").first
    playwright_api.expect(result).to_contain_text(f"Læring fra {NB_PROJECT}")
    playwright_api.expect(result.locator("mark")).to_have_text("vaktordning")
    result.locator("a").click()
    playwright_api.expect(page).to_have_url(f"{base}/projects/skolestart/#lesson-test-med-ekte-brukere")
    playwright_api.expect(page.locator(":target h3")).to_have_text(LESSON)


def test_folded_words_are_never_shown(page, sites) -> None:
    results_of(page, f"{sites['nb']}/search/?q=soknad")
    excerpt = page.locator(".result-excerpt").first.inner_text()
    assert "søknad" in excerpt
    assert "soknad" not in excerpt and "⁂" not in excerpt


def test_without_javascript_the_page_offers_the_browse_pages(browser, sites) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{sites['nb']}/search/?q=barn")
    # Chromium's script switch still parses <noscript> as text, so read it as such.
    assert "Søket trenger JavaScript" in (tab.locator("noscript").text_content() or "")
    browse = tab.locator(".search-browse a")
    playwright_api.expect(browse).to_have_text(
        [
            "Alle prosjekter",
            "Alle virksomheter",
            "Brukerinnsikt",
            "Helse",
            "Oppvekst",
            "Diagnose",
            "Utforske og definere",
            "Utvikle og levere",
        ]
    )
    playwright_api.expect(tab.locator(".search-facets")).to_be_hidden()
    context.close()


def test_facet_counts_load_when_the_reader_reaches_the_facets(page, sites) -> None:
    results_of(page, f"{sites['nb']}/search/?q=barn")
    projects = page.locator('.facet[data-facet="type"] label', has_text="Prosjekter")
    playwright_api.expect(projects.locator(".facet-count")).to_have_text("")
    page.locator('input[name="type"][value="project"]').focus()
    playwright_api.expect(projects).to_contain_text("(1)")
