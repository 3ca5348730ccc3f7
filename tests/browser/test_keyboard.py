"""Using the site without a mouse: skip link, visible focus, tab order and the search form."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PAGE_TYPES, status_of

pytestmark = pytest.mark.browser

FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"
MAX_TABS = 150

# What a focused element looks like, and where it sits among the page's focusable elements.
_LOOK = """(selector) => {
  const all = [...document.querySelectorAll(selector)];
  const look = (e) => { const s = getComputedStyle(e);
    return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
            shadow: s.boxShadow}; };
  const e = document.activeElement;
  return {index: all.indexOf(e), name: e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 40),
          look: look(e), inView: (() => { const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0; })()};
}"""
# Shown: laid out, and not inside a closed <details> (other than its summary), whose content
# Chromium lays out but keeps out of the tab order.
_UNFOCUSED = """(selector) => [...document.querySelectorAll(selector)].map((e) => {
  const closed = e.closest('details:not([open])');
  const folded = closed !== null && !(e.tagName === 'SUMMARY' && e.parentElement === closed)
                 && !e.closest('summary');
  const s = getComputedStyle(e);
  return {shadow: s.boxShadow, shown: e.getClientRects().length > 0 && !folded};
})"""


def tab_through(page) -> list[dict]:
    """Press Tab until focus leaves the page or wraps to its start; return what each stop looked like."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(_LOOK, FOCUSABLE)
        if stop["index"] < 0 or (stops and stop["index"] == stops[0]["index"]):
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_interactive_element_is_reached_in_order_with_visible_focus(visitor, sample, name: str) -> None:
    path = PAGE_TYPES[name].split("#")[0]  # from a lesson's anchor, Tab starts at the lesson (below)
    page = visitor.visit(sample.url(path), status=status_of(name))
    before = page.evaluate(_UNFOCUSED, FOCUSABLE)
    stops = tab_through(page)
    assert [s["index"] for s in stops] == [i for i, e in enumerate(before) if e["shown"]], "tab order"
    for stop in stops:
        look = stop["look"]
        transparent = look["color"] == "transparent" or look["color"].endswith(", 0)")
        outlined = look["outline"] != "none" and look["width"] >= 2 and not transparent
        assert outlined or look["shadow"] != before[stop["index"]]["shadow"], (
            f"no visible focus on {stop['name']}"
        )
        assert stop["inView"], f"{stop['name']} is focused outside the screen"


def test_a_lesson_link_shows_the_lesson_and_tab_continues_from_it(visitor, sample) -> None:
    page = visitor.visit(sample.url(PAGE_TYPES["lesson"]), width=375)
    lesson = page.locator(".lesson:target")
    assert lesson.count() == 1 and lesson.is_visible()
    assert lesson.evaluate("(e) => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.querySelector('.lesson:target').compareDocumentPosition(document.activeElement) & 4"
    ), "Tab should move on from the lesson, not back to the top"


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(visitor, sample) -> None:
    page = visitor.visit(sample.url("/projects/"), width=375)
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_the_search_form_works_from_the_keyboard(visitor, sample) -> None:
    page = visitor.visit(sample.url("/"), width=375)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "search":
            break
    page.keyboard.type("tillit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == sample.url("/search/?q=tillit")
    assert page.locator("h1").is_visible()
