"""Every piece of an editor's text in the catalogue, with the file and line it starts on.

The warnings (lint.py), the link checker (linkcheck.py) and the language statistics (langshare.py)
read records' text through here, so each reports the same file and line for the same words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from floke import urls
from floke.link import Catalogue, field_text_line


@dataclass(frozen=True)
class SourceText:
    """One Markdown text of a record: where it was written and on which page it is shown."""

    path: str
    line: int  # line of the text's first line in the file
    text: str
    page: str  # site-relative URL of the record's own page

    def line_of(self, offset: int) -> int:
        """The file line of a character offset in the text."""
        return self.line + self.text.count("\n", 0, offset)


@dataclass(frozen=True)
class RecordText:
    """A record's words for the language statistics: all its prose, its language and year."""

    lang: str
    year: int | None
    words: str


def markdown_texts(catalogue: Catalogue) -> Iterator[SourceText]:
    for p in catalogue.projects:
        page = urls.project_url(p.slug)
        yield SourceText(p.origin.path, field_text_line(p, ("problem",), p.problem), p.problem, page)
        for index, learning in enumerate(p.learnings):
            line = field_text_line(p, ("learnings", index, "text"), learning.text)
            yield SourceText(p.origin.path, line, learning.text, page)
        yield SourceText(p.origin.path, p.body_line, p.body, page)
    for n in catalogue.news:
        yield SourceText(n.origin.path, n.body_line, n.body, urls.news_url(n.slug))
    for page in catalogue.pages:
        yield SourceText(page.origin.path, page.body_line, page.body, urls.page_url(page.slug))


def record_texts(catalogue: Catalogue) -> Iterator[RecordText]:
    for p in catalogue.projects:
        learnings = [f"{lr.title}\n{lr.text}" for lr in p.learnings]
        parts = [p.title, p.summary or "", p.problem, p.body, *learnings]
        yield RecordText(p.lang, p.year, "\n".join(parts))
    for n in catalogue.news:
        yield RecordText(n.lang, n.date.year, "\n".join([n.title, n.summary or "", n.body]))
    for page in catalogue.pages:
        yield RecordText(page.lang, None, "\n".join([page.title, page.summary or "", page.body]))
