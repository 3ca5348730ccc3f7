"""axe-core's WCAG 2.0 and 2.1 A and AA rules on every page type, narrow and wide, light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PAGE_TYPES, status_of

pytestmark = pytest.mark.browser

AXE = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = AXE.run(page, options=WCAG_AA).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_sample_page_types_have_no_axe_violations(
    visitor, sample, name: str, width: int, scheme: str
) -> None:
    page = visitor.visit(sample.url(PAGE_TYPES[name]), width=width, scheme=scheme, status=status_of(name))
    assert violations(page) == []


@pytest.mark.parametrize(
    "path", ["/", "/projects/", "/projects/alfa/", "/agencies/", "/news/lansering/", "/om/"]
)
def test_fixture_pages_have_no_axe_violations(visitor, fixture_site, path: str) -> None:
    page = visitor.visit(fixture_site.url(path), width=375, scheme="dark")
    assert violations(page) == []


def test_the_axe_harness_reports_a_known_violation(visitor, sample) -> None:
    page = visitor.visit(sample.url("/"))
    page.evaluate("document.querySelector('h1').insertAdjacentHTML('afterend', '<img src=\"/x.png\">')")
    assert any(v.startswith("image-alt") for v in violations(page))
