"""The live preview's builds: the first one whole, each later one redoing only what a change touched.

Stage results are kept between rebuilds (memo.py); which pages to render again is decided by the
dependencies recorded while they rendered (deps.py). The page of a record an edit changed is
rendered first, as soon as the content is linked, and `on_first` is told (the server reloads the
browser then); the rest of the rebuild follows, and checks those pages again like any other.
Files are written in place in the preview's output folder, each one atomically, and only when
their bytes changed. A rebuild that finds errors writes nothing but the theme's static files (so
the error page is styled) and keeps the old pages.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from floke import i18n
from floke.deps import DependencyMap, TrackingEnvironment
from floke.diagnostics import ContentError, Diagnostic, Report
from floke.link import Catalogue, RecordKey
from floke.memo import Memo, MemoMarkdown
from floke.model import OutputFile
from floke.pipeline import BuildOptions, finish_check, linked
from floke.render import (
    DEFAULT_TEMPLATES,
    Plan,
    base_path,
    make_environment,
    plan,
    plan_own_pages,
    render_page,
    site_files,
    static_files,
    template_globals,
)
from floke.stamp import FileState, folder_state
from floke.urls import output_path
from floke.write import MARKER

# More edited records than this at once is a checkout or a search-and-replace, not an edit to watch.
FIRST_AT_MOST = 8
ThemeState = tuple[dict[str, FileState], ...]  # per template and static folder


@dataclass(frozen=True)
class Outcome:
    """What one rebuild did."""

    rendered: tuple[str, ...]  # URLs of the pages rendered
    written: tuple[str, ...]  # output paths whose bytes changed
    removed: tuple[str, ...]  # output paths deleted
    errors: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    seconds: float
    first: tuple[str, ...] = ()  # URLs of the edited records' pages, rendered before the rest

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class PreviewBuild:
    """One preview session's state: the options, kept stage results and what is on disk."""

    options: BuildOptions
    base_url: str = "/"
    memo: Memo = field(default_factory=Memo)
    deps: DependencyMap = field(default_factory=DependencyMap)
    on_disk: dict[str, int] = field(default_factory=dict)  # output path -> hash of its bytes
    env: TrackingEnvironment | None = None
    lang: str = "nb"
    last: Outcome | None = None
    on_first: Callable[[tuple[str, ...]], None] = field(default=lambda written: None)
    catalogue: Catalogue | None = None  # the last one linked: records not in it were edited since
    static: list[OutputFile] = field(default_factory=list)  # the theme's files at the last rebuild
    theme: ThemeState = ()  # the state of the theme's files then

    def __post_init__(self) -> None:
        self.markdown = MemoMarkdown(base_path(self.base_url))
        self.options = replace(self.options, base_url=self.base_url)

    def rebuild(self) -> Outcome:
        started = time.perf_counter()
        try:
            outcome = self._rebuild(started)
        except ContentError as failure:
            self._write(list(static_files(self.options.theme)))
            outcome = Outcome((), (), (), tuple(failure.report.errors), tuple(failure.report.warnings),
                              time.perf_counter() - started)  # fmt: skip
        self.last = outcome
        return outcome

    def _rebuild(self, started: float) -> Outcome:
        with _collection_paused():
            catalogue, report = linked(self.options, self.memo)
            theme = tuple(map(folder_state, (*self.options.theme.templates, *self.options.theme.static)))
            if self._same_as_last(catalogue, theme):
                assert self.last is not None
                return replace(self.last, rendered=(), written=(), removed=(), first=(),
                               seconds=time.perf_counter() - started)  # fmt: skip
            first, written = self._render_first(catalogue)
        finish_check(self.options, catalogue, report)
        self.memo.sweep()
        self.lang = catalogue.config.default_lang
        planned = plan(catalogue, self.options.theme, self.base_url, self.markdown)
        self.static = planned.static
        self.markdown.sweep()
        env = self._environment(catalogue, planned)
        self.deps.begin(env)
        rendered = list(first)
        for spec in self.deps.stale(planned.specs):
            file = self.deps.render(env, spec, lambda s=spec: render_page(env, s, report))
            rendered.append(spec.url)
            if not report.errors:
                written += self._write([file])
        if report.errors:
            self.deps.forget(rendered)  # render them again once the template is fixed
            raise ContentError(report)
        self.deps.forget(self.deps.removed(planned.specs))
        others = site_files(catalogue, planned, self.base_url)
        written += self._write(others)
        removed = self._remove_all_but({output_path(s.url) for s in planned.specs} | {f.path for f in others})
        self.catalogue, self.theme = catalogue, theme  # what the next rebuild compares with: a finished one
        return Outcome(
            tuple(rendered), tuple(written), tuple(removed), (), tuple(report.warnings),
            time.perf_counter() - started, tuple(first),
        )  # fmt: skip

    def _same_as_last(self, catalogue: Catalogue, theme: ThemeState) -> bool:
        """Whether nothing the site is made of changed since the last good rebuild (an editor's
        second write of the same text, a file touched): then there is nothing to do."""
        before = self.catalogue
        return (
            before is not None
            and self.last is not None
            and self.last.ok
            and theme == self.theme
            and before.config is catalogue.config
            and before.agencies is catalogue.agencies
            and (len(before.projects), len(before.news), len(before.pages))
            == (len(catalogue.projects), len(catalogue.news), len(catalogue.pages))
            and not edited_records(before, catalogue)
        )

    def _render_first(self, catalogue: Catalogue) -> tuple[list[str], list[str]]:
        """The own pages of the records an edit changed, rendered and written before the rest.

        Returns the URLs rendered and the paths written. Nothing is done for a first build, after a
        failed one, for many changed records at once (a checkout, not an edit) or when a page
        fails: the rest of the rebuild renders and reports them as usual.
        """
        failed_before = self.last is None or not self.last.ok  # the browser shows the error page
        if self.catalogue is None or self.env is None or self.options.strict or failed_before:
            return [], []
        keys = edited_records(self.catalogue, catalogue)
        if not keys or len(keys) > FIRST_AT_MOST:
            return [], []
        planned = plan_own_pages(catalogue, keys, self.base_url, self.markdown, self.static)
        env = self._environment(catalogue, planned)
        self.deps.begin(env)
        report = Report()
        files = [
            self.deps.render(env, spec, lambda s=spec: render_page(env, s, report)) for spec in planned.specs
        ]
        rendered = [spec.url for spec in planned.specs]
        if report.errors:
            self.deps.forget(rendered)
            return [], []
        written = self._write(files)
        if written:
            self.on_first(tuple(written))
        return rendered, written

    def _environment(self, catalogue: Catalogue, planned: Plan) -> TrackingEnvironment:
        """One environment for the session (templates compile once); its globals hold the new data."""
        if self.env is None:
            env = make_environment(self.options.theme, catalogue, self.base_url, planned, TrackingEnvironment)
            assert isinstance(env, TrackingEnvironment)
            self.env = env
            env.instrument()
        else:
            self.env.globals.update(template_globals(catalogue, self.base_url, planned))
            self.env.index_globals()
        return self.env

    def _write(self, files: list[OutputFile]) -> list[str]:
        """Write the files whose bytes changed; returns their paths."""
        output = self.options.output
        output.mkdir(parents=True, exist_ok=True)
        (output / MARKER).touch()
        written = []
        for file in files:
            digest = hash(file.data)
            if self.on_disk.get(file.path) != digest or not (output / file.path).is_file():
                _replace_file(output / file.path, file.data)
                self.on_disk[file.path] = digest
                written.append(file.path)
        return written

    def _remove_all_but(self, keep: set[str]) -> list[str]:
        """Delete the files of earlier rebuilds that this one no longer has (a removed record's page)."""
        removed = sorted(set(self.on_disk) - keep)
        for path in removed:
            (self.options.output / path).unlink(missing_ok=True)
            del self.on_disk[path]
        return removed

    def error_page(self) -> str:
        """The errors of the last rebuild as a page styled like the site."""
        assert self.last is not None
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES)), autoescape=True)
        lang = self.lang

        def t(key: str, **values: object) -> str:
            return i18n.translate(lang, key, **values)

        return env.get_template("preview_error.html").render(
            lang=lang,
            t=t,
            errors=[d.format() for d in self.last.errors],
            css=base_path(self.base_url) + "static/css/floke.css",
        )


def _replace_file(path: Path, data: bytes) -> None:
    """Write beside, then rename: the browser never reads a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection for a moment: a full collection of the session's large heap
    can take longer than the edited page's whole rebuild."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def edited_records(before: Catalogue, now: Catalogue) -> list[RecordKey]:
    """Projects, news posts and pages of `now` that are not the very objects `before` had.

    The memo hands back the same object for a file that did not change, so a new object is an edit
    (or a new record). `before` must still be alive, so that no id is reused.
    """
    kept = {id(r) for r in (*before.projects, *before.news, *before.pages)}
    kinds = (("project", now.projects), ("news", now.news), ("page", now.pages))
    return [(kind, r.slug) for kind, records in kinds for r in records if id(r) not in kept]
