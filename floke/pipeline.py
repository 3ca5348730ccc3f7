"""The build, stage by stage: load -> validate -> link -> render -> index -> write.

Each stage takes the previous stage's plain data and adds its own; errors are collected in one
Report and raised together at the first stage boundary where any exist.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from floke.buildcache import BuildCache, cache_folder
from floke.diagnostics import ContentError, Report
from floke.index import KeptIndex, build_index, index_digest
from floke.langshare import LanguageStats
from floke.link import Catalogue, Options, link
from floke.linkcheck import check_links
from floke.lint import content_warnings
from floke.load import display_path, load_content
from floke.memo import NO_MEMO, Memo
from floke.parallel import available_cores
from floke.progress import NO_METER, Meter
from floke.provenance import source_commit
from floke.render import RenderResult, Theme, base_path, render
from floke.stamp import Stamp, folder_state, input_digest, read_stamp, write_stamp
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
    jobs: int | None = None  # processes for Markdown and pages; None: every core
    cache: bool = True  # keep records, Markdown and a stamp of the build in .floke-cache/ by the content


STAMP = "last-build.pickle"


@dataclass(frozen=True)
class BuildResult:
    report: Report
    pages: int
    files: int
    seconds: float
    language: LanguageStats
    up_to_date: bool = False  # nothing changed since the last build: nothing was written


def today() -> dt.date:
    """The build's idea of today: SOURCE_DATE_EPOCH when set, so rebuilds of old commits repeat."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def check(
    options: BuildOptions, memo: Memo = NO_MEMO, meter: Meter = NO_METER
) -> tuple[Catalogue, Report]:
    """Load, validate and link, then the warnings; raises ContentError with every error found."""
    catalogue, report = linked(options, memo, meter)
    finish_check(options, catalogue, report, meter)
    return catalogue, report


def finish_check(
    options: BuildOptions, catalogue: Catalogue, report: Report, meter: Meter = NO_METER
) -> LanguageStats:
    """The warnings of a linked catalogue, and its language statistics (counted for them);
    raises ContentError when there are errors (or, with --strict, warnings)."""
    with meter.stage("warnings"):
        stats = content_warnings(catalogue, display_path(options.content / "site.yaml"), report)
    _settle(options, catalogue, report)
    return stats


def linked(
    options: BuildOptions, memo: Memo = NO_MEMO, meter: Meter = NO_METER
) -> tuple[Catalogue, Report]:
    """Load, validate and link, without the warnings; raises ContentError with every error found."""
    report = Report()
    if not options.content.is_dir():
        report.error(str(options.content), 1, "the content folder does not exist", kind="usage")
        raise ContentError(report)
    with meter.stage("load"):
        loaded = load_content(options.content, report, memo)
    with meter.stage("validate"):
        content = validate(loaded, report, memo)
    with meter.stage("link"):
        catalogue = link(content, Options(options.drafts, options.future, today()), report, memo)
    if report.errors:
        _settle(options, catalogue, report)
    return catalogue, report


def _settle(options: BuildOptions, catalogue: Catalogue, report: Report) -> None:
    """Silence the warnings site.yaml ignores, promote the rest under --strict, raise on errors."""
    report.silenced = report.silence(catalogue.config.ignore_warnings)
    if options.strict:
        report.promote_warnings()
    if report.errors:
        raise ContentError(report)


def build(options: BuildOptions, meter: Meter = NO_METER) -> BuildResult:
    """Build the site; with the cache on, a build whose inputs and output are as the last build
    left them (stamp.py) writes nothing and reports what that build reported."""
    started = time.perf_counter()
    commit = source_commit(options.content)
    if not options.cache:
        return _build(options, commit, None, None, meter, started)
    stamp_path = cache_folder(options.content) / STAMP
    with meter.stage("up-to-date check"):
        inputs = _input_digest(options, commit)
        stamp = read_stamp(stamp_path)
        if stamp is not None and stamp.inputs == inputs:
            with output_lock(options.output):
                if folder_state(options.output) == stamp.output:
                    seconds = time.perf_counter() - started
                    return BuildResult(stamp.report, stamp.pages, stamp.files, seconds, stamp.language, True)
    with meter.stage("cache read"):
        cache = BuildCache(options.content)
    return _build(options, commit, cache, (stamp_path, inputs), meter, started)


def _input_digest(options: BuildOptions, commit: str | None) -> str:
    return input_digest(
        (options.content, *options.theme.templates, *options.theme.static),
        (options.base_url, options.drafts, options.future, options.strict, options.output.resolve(),
         today(), commit, sys.version),
    )  # fmt: skip


def _build(
    options: BuildOptions,
    commit: str | None,
    cache: BuildCache | None,
    stamp: tuple[Path, str] | None,
    meter: Meter,
    started: float,
) -> BuildResult:
    catalogue, report = linked(options, cache.memo if cache else NO_MEMO, meter)
    language = finish_check(options, catalogue, report, meter)
    base_url = options.base_url or catalogue.config.base_url
    markdown = cache.markdown(base_path(base_url)) if cache else None
    jobs = options.jobs or available_cores()
    rendered = render(
        catalogue, options.theme, base_url, report, commit, markdown=markdown, jobs=jobs, meter=meter
    )
    with meter.stage("link check"):
        texts = list(markdown_texts(catalogue))
        check_links(rendered.files, rendered.pages, base_url, texts, options.theme, report)
    if report.errors:
        raise ContentError(report)
    check_output_folder(options.output, options.content)
    kept = KeptIndex(cache.folder / "search-index.json", options.output) if cache else None
    with output_lock(options.output):
        index = partial(_index, rendered, kept, meter)
        with meter.stage("write", len(rendered.files)):
            count = write_site(rendered.files, options.output, before_swap=index)
        result = BuildResult(report, len(rendered.pages), count, time.perf_counter() - started, language)
        if stamp is not None:
            _stamp(options, commit, stamp, result)
    if cache:
        with meter.stage("cache write"):
            cache.save()
    return result


def _stamp(options: BuildOptions, commit: str | None, stamp: tuple[Path, str], result: BuildResult) -> None:
    """Stamp the output just written (the lock still held), unless an input changed meanwhile."""
    path, inputs = stamp
    if _input_digest(options, commit) == inputs:
        output = folder_state(options.output)
        write_stamp(path, Stamp(inputs, output, result.report, result.pages, result.files, result.language))


def _index(rendered: RenderResult, kept: KeptIndex | None, meter: Meter, site: Path) -> None:
    """The search index, built on the staging folder before it is swapped in; the live site's
    index is reused when the pages are byte for byte the ones it was built from."""
    with meter.stage("search index"):
        if kept is None:
            build_index(site, rendered.search_documents)
            return
        digest = index_digest(rendered.files, rendered.search_documents)
        if not kept.restore(digest, site):
            build_index(site, rendered.search_documents)
            kept.remember(digest, site)
