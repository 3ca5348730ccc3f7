"""The render stage's heavy work spread over every core: Markdown conversion and page rendering.

Both run through parallel.map_indexes, so a build's bytes are the same with any number of jobs.
Markdown is converted before the views are built, each text once per heading level and language,
and only when the renderer (memo.MemoMarkdown, filled from the build cache) does not already hold
it; building the views then finds every text converted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import suppress

import jinja2

from floke.diagnostics import Diagnostic, Report
from floke.link import Catalogue
from floke.memo import MemoMarkdown
from floke.model import OutputFile
from floke.pages import PageSpec
from floke.parallel import map_indexes
from floke.targets import Targets

Progress = Callable[[int], None]


def markdown_jobs(catalogue: Catalogue) -> Iterator[tuple[str, str, int]]:
    """(text, language, top heading level) of every Markdown text the views show."""
    for project in catalogue.projects:
        yield project.problem, project.lang, 3
        yield project.body, project.lang, 3
        for learning in project.learnings:
            yield learning.text, project.lang, 4
    for post in catalogue.news:
        yield post.body, post.lang, 2
    for page in catalogue.pages:
        yield page.body, page.lang, 2


def count_markdown(catalogue: Catalogue) -> int:
    return len(dict.fromkeys(markdown_jobs(catalogue)))


def convert_markdown(
    markdown: MemoMarkdown, catalogue: Catalogue, targets: Targets, jobs: int, advance: Progress
) -> None:
    """Convert every text the renderer does not hold yet, on up to `jobs` processes."""

    def resolver(lang: str):
        return lambda kind, ident: targets.resolve(kind, ident, lang)

    todo = []
    for text, lang, top in dict.fromkeys(markdown_jobs(catalogue)):
        if markdown.lookup(text, resolver(lang), top) is None:
            todo.append((text, lang, top))
        else:
            advance(1)
    converted = map_indexes(
        lambda i: markdown.convert(todo[i][0], resolver(todo[i][1]), todo[i][2]), len(todo), jobs, advance
    )
    for (text, _, top), (links, html) in zip(todo, converted, strict=True):
        markdown.keep(text, top, links, html)


def render_pages(
    env: jinja2.Environment,
    specs: list[PageSpec],
    render_page: Callable[[jinja2.Environment, PageSpec, Report], OutputFile],
    report: Report,
    jobs: int,
    advance: Progress,
) -> list[OutputFile]:
    """Every page, in the specs' order; each worker's messages are added in that order too."""
    for name in sorted({spec.template for spec in specs}):
        with suppress(jinja2.TemplateError):  # reported by render_page, with the page that needs it
            env.get_template(name)  # compiled once here, inherited by the workers

    def one(index: int) -> tuple[OutputFile, list[Diagnostic]]:
        local = Report()
        return render_page(env, specs[index], local), local.items

    files = []
    for file, items in map_indexes(one, len(specs), jobs, advance):
        files.append(file)
        report.items.extend(items)
    return files
