"""Reading the site: reflow at 320 px and at 200 % zoom, without JavaScript, and what a project page
leads with. Saves screenshots of the key pages to tests/screenshots/ for a person to look at."""

from __future__ import annotations

import pytest

from floke.i18n import translate
from tests.browser.conftest import PAGE_TYPES, REPO, status_of

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "tests" / "screenshots"
SCREENSHOT_PAGES = {
    "home": "/",
    "project": "/projects/eksempel-faerre-skjema/",
    "search": "/search/?q=skjema",
}
_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
_MAIN_TEXT = "document.querySelector('main').innerText"


def html_paths(site) -> list[str]:
    return [
        "/" + p.relative_to(site.root).as_posix().removesuffix("index.html")
        for p in sorted(site.root.rglob("*.html"))
    ]


@pytest.fixture(scope="module")
def zoomed(browser):
    """A 1280 × 900 window at 200 % zoom: 640 × 450 CSS pixels at two device pixels each."""
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def no_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("site_name", ["sample", "fixture"])
def test_no_page_scrolls_sideways_at_320_px(visitor, sites, site_name: str) -> None:
    site = sites[site_name]
    sideways = [
        path for path in html_paths(site) if visitor.visit(site.url(path), width=320).evaluate(_OVERFLOW) > 0
    ]
    assert sideways == []


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_page_scrolls_sideways_at_200_percent_zoom(zoomed, sample, name: str) -> None:
    zoomed.goto(sample.url(PAGE_TYPES[name]))
    assert zoomed.evaluate(_OVERFLOW) <= 0


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_reads_the_same_without_javascript(visitor, no_js, sample, name: str) -> None:
    url = sample.url(PAGE_TYPES[name])
    with_js = visitor.visit(url, status=status_of(name)).locator("main").inner_text()
    no_js.goto(url)
    assert no_js.locator("h1").is_visible()
    if name != "search":  # the search page adds results with JavaScript
        assert no_js.locator("main").inner_text() == with_js


def test_a_project_page_leads_with_the_problem_the_agencies_and_the_phases(visitor, sample) -> None:
    page = visitor.visit(sample.url(PAGE_TYPES["project"]), width=1280)
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:3] == [translate("nb", key) for key in ("problem", "agencies", "phase")]
    diagram = page.locator(".phase-diagram svg").bounding_box()
    assert diagram is not None and diagram["y"] + diagram["height"] <= 900, "phases below the first screen"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", SCREENSHOT_PAGES)
def test_screenshots_of_the_key_pages(visitor, sample, name: str, width: int, scheme: str) -> None:
    page = visitor.visit(sample.url(SCREENSHOT_PAGES[name]), width=width, scheme=scheme)
    SCREENSHOTS.mkdir(exist_ok=True)
    target = SCREENSHOTS / f"{name}-{width}-{scheme}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
