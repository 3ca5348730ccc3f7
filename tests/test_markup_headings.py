"""Headings in Markdown fit under the page's own: the highest becomes the level asked for."""

from __future__ import annotations

import re

import pytest

from floke.markup import MarkdownRenderer, Target


def levels(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"<h([1-6])", html)]


@pytest.mark.parametrize(
    ("text", "top", "expected"),
    [
        ("## Mål\n\n### Del\n\n## Kontakt", 2, [2, 3, 2]),
        ("# Mål\n\n## Del", 2, [2, 3]),
        ("### Bare h3\n", 3, [3]),
        ("## Om\n\n### Del", 4, [4, 5]),
        ("Ingen overskrift.", 2, []),
    ],
)
def test_the_highest_heading_lands_at_top(text: str, top: int, expected: list[int]) -> None:
    assert levels(MarkdownRenderer().to_html(text, top=top)) == expected


def test_a_cross_reference_titled_in_another_language_is_marked() -> None:
    def resolve(kind: str, ident: str) -> Target:
        return Target("/projects/x/", "Eit prosjekt", "nn")

    html = MarkdownRenderer().to_html("Sjå [[project:x]] og [[project:x|dette]].", resolve)
    assert '<a href="/projects/x/" lang="nn">Eit prosjekt</a>' in html
    assert '<a href="/projects/x/">dette</a>' in html
