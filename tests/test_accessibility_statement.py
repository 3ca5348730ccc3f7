"""The accessibility statement, one per language, says what the law asks of it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

STATEMENTS = ["tilgjengelighet", "tilgjengelegheit", "accessibility"]


@pytest.mark.parametrize("slug", STATEMENTS)
def test_the_statement_names_standard_testing_gaps_and_contact(slug: str) -> None:
    text = (REPO / "content" / "pages" / f"{slug}.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert len(sections) == 4, sections  # target, how we test, known issues, contact
    assert "WCAG 2.1" in text and "AA" in text
    assert "axe-core" in text and "Nu Html Checker" in text
    assert re.search(r"\b[\w.]+@example\.org\b", text), "a contact address (a placeholder, never a person)"
