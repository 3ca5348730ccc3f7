"""The build, stage by stage: load -> validate -> link -> render -> index -> write.

Each stage takes the previous stage's plain data and adds its own; errors are collected in one
Report and raised together at the first stage boundary where any exist.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from floke.diagnostics import ContentError, Report
from floke.index import build_index
from floke.langshare import LanguageStats, language_stats
from floke.link import Catalogue, Options, link
from floke.linkcheck import check_links
from floke.lint import content_warnings
from floke.load import display_path, load_content
from floke.memo import NO_MEMO, Memo
from floke.provenance import source_commit
from floke.render import Theme, render
from floke.texts import markdown_texts
from floke.validate import validate
from floke.write import check_output_folder, output_lock, write_site


@dataclass(frozen=True)
class BuildOptions:
    content: Path = Path("content")
    output: Path = Path("site")
    theme: Theme = field(default_factory=Theme)
    base_url: str | None = None
    drafts: bool = False
    future: bool = False
    strict: bool = False


@dataclass(frozen=True)
class BuildResult:
    report: Report
    pages: int
    files: int
    seconds: float
    language: LanguageStats


def today() -> dt.date:
    """The build's idea of today: SOURCE_DATE_EPOCH when set, so rebuilds of old commits repeat."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def check(options: BuildOptions, memo: Memo = NO_MEMO) -> tuple[Catalogue, Report]:
    """Load, validate and link; raises ContentError with every error found."""
    report = Report()
    if not options.content.is_dir():
        report.error(str(options.content), 1, "the content folder does not exist", kind="usage")
        raise ContentError(report)
    loaded = load_content(options.content, report, memo)
    content = validate(loaded, report, memo)
    catalogue = link(content, Options(options.drafts, options.future, today()), report)
    if not report.errors:
        content_warnings(catalogue, display_path(options.content / "site.yaml"), report)
    report.silenced = report.silence(catalogue.config.ignore_warnings)
    if options.strict:
        report.promote_warnings()
    if report.errors:
        raise ContentError(report)
    return catalogue, report


def build(options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    catalogue, report = check(options)
    base_url = options.base_url or catalogue.config.base_url
    rendered = render(catalogue, options.theme, base_url, report, source_commit(options.content))
    texts = list(markdown_texts(catalogue))
    check_links(rendered.files, rendered.pages, base_url, texts, options.theme, report)
    if report.errors:
        raise ContentError(report)
    check_output_folder(options.output, options.content)
    with output_lock(options.output):
        index = lambda site: build_index(site, rendered.search_documents)  # noqa: E731
        count = write_site(rendered.files, options.output, before_swap=index)
    return BuildResult(
        report, len(rendered.pages), count, time.perf_counter() - started, language_stats(catalogue)
    )
