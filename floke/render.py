"""Stage 4, render: turn the linked catalogue into output files (HTML pages, data, assets).

Nothing is written to disk here; write.py does that. Rendering is a pure function of the
catalogue, the theme and the base URL, so the same input gives byte-identical files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from floke import i18n, prerender, urls
from floke.diagnostics import ContentError, Report
from floke.link import Catalogue, RecordKey
from floke.markup import MarkdownRenderer
from floke.memo import MemoMarkdown
from floke.metadata import head_globals, with_structured_data
from floke.model import OutputFile
from floke.opendata import data_files
from floke.pages import PageSpec, Views, build_views, own_pages, plan_pages
from floke.progress import NO_METER, Meter
from floke.search_views import SearchMarks, lesson_documents, search_globals
from floke.targets import index_targets
from floke.urls import output_path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEMPLATES = REPO_ROOT / "templates"
DEFAULT_STATIC = REPO_ROOT / "static"
# The policy every page carries. Pagefind's search needs WebAssembly; nothing else runs but our files.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


@dataclass(frozen=True)
class Theme:
    """Where templates and static files come from: the user's folders first, then floke's default."""

    templates: tuple[Path, ...] = (DEFAULT_TEMPLATES,)
    static: tuple[Path, ...] = (DEFAULT_STATIC,)


@dataclass(frozen=True)
class RenderResult:
    files: list[OutputFile]
    pages: list[PageSpec]
    views: Views
    search_documents: list[OutputFile]  # read by the search indexer only, never published


def base_path(base_url: str) -> str:
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


@dataclass(frozen=True)
class Plan:
    """What render writes: the views, one PageSpec per page, and the theme's static files."""

    views: Views
    specs: list[PageSpec]
    static: list[OutputFile]


def render(
    catalogue: Catalogue,
    theme: Theme,
    base_url: str,
    report: Report,
    commit: str | None = None,
    *,
    markdown: MemoMarkdown | None = None,
    jobs: int = 1,
    meter: Meter = NO_METER,
) -> RenderResult:
    markdown = markdown or MemoMarkdown(base_path(base_url))
    with meter.stage("markdown", prerender.count_markdown(catalogue)) as advance:
        prerender.convert_markdown(markdown, catalogue, index_targets(catalogue), jobs, advance)
    with meter.stage("plan"):
        planned = plan(catalogue, theme, base_url, markdown)
        env = make_environment(theme, catalogue, base_url, planned)
    with meter.stage("render", len(planned.specs)) as advance:
        files = prerender.render_pages(env, planned.specs, render_page, report, jobs, advance)
    lessons = lesson_documents(planned.views)
    with meter.stage("search documents", len(lessons)) as advance:
        search_documents = prerender.render_pages(env, lessons, render_page, report, jobs, advance)
    if report.errors:
        raise ContentError(report)
    with meter.stage("data files"):
        files += site_files(catalogue, planned, base_url, commit)
    return RenderResult(files, planned.specs, planned.views, search_documents)


def plan(catalogue: Catalogue, theme: Theme, base_url: str, markdown: MarkdownRenderer) -> Plan:
    views = build_views(catalogue, markdown, index_targets(catalogue))
    specs = with_structured_data(plan_pages(catalogue, views), catalogue, base_url)
    return Plan(views, specs, list(static_files(theme)))


def plan_own_pages(
    catalogue: Catalogue,
    keys: Iterable[RecordKey],
    base_url: str,
    markdown: MarkdownRenderer,
    static: list[OutputFile],
) -> Plan:
    """The own pages of some records, planned alone: the preview renders an edited record's page first."""
    views, specs = own_pages(catalogue, keys, markdown, index_targets(catalogue))
    return Plan(views, with_structured_data(specs, catalogue, base_url), static)


def site_files(
    catalogue: Catalogue, planned: Plan, base_url: str, commit: str | None = None
) -> list[OutputFile]:
    """Every output file that is not an HTML page: static files, open data, feeds, the sitemap."""
    return [*planned.static, *data_files(catalogue, planned.views, planned.specs, base_url, commit)]


def make_environment(
    theme: Theme,
    catalogue: Catalogue,
    base_url: str,
    planned: Plan,
    environment: type[jinja2.Environment] = jinja2.Environment,
) -> jinja2.Environment:
    env = environment(
        loader=jinja2.FileSystemLoader([str(p) for p in theme.templates]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(template_globals(catalogue, base_url, planned))
    env.filters.update(
        day=lambda day, lang: i18n.format_day(day, lang),
        partial_date=lambda date, lang: i18n.format_partial(date, lang),
        number=lambda value, lang: i18n.format_number(value, lang),
    )
    return env


def template_globals(catalogue: Catalogue, base_url: str, planned: Plan) -> dict[str, object]:
    prefix = base_path(base_url)
    fingerprints = {f.path: _fingerprint(f.data) for f in planned.static}
    return dict(
        site=catalogue.config,
        catalogue=catalogue,
        csp=CONTENT_SECURITY_POLICY,
        url=lambda path: prefix + path.lstrip("/"),
        asset=lambda path: f"{prefix}static/{path}?v={fingerprints.get('static/' + path, _EMPTY)}",
        absolute=lambda path: urls.absolute(base_url, path),
        **search_globals(SearchMarks(catalogue, planned.views)),
        **head_globals(catalogue, base_url),
    )


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


_EMPTY = _fingerprint(b"")


def render_page(env: jinja2.Environment, spec: PageSpec, report: Report) -> OutputFile:
    def t(key: str, **values: object) -> str:
        return i18n.translate(spec.lang, key, **values)

    try:
        html = env.get_template(spec.template).render(spec.context, page=spec, lang=spec.lang, t=t)
    except jinja2.TemplateSyntaxError as exc:
        report.error(
            exc.filename or spec.template, exc.lineno, f"template error: {exc.message}", kind="template"
        )
        html = ""
    except jinja2.TemplateError as exc:
        report.error(
            _template_path(env, spec.template),
            1,
            f"template error while rendering {spec.url}: {exc}",
            kind="template",
        )
        html = ""
    return OutputFile(output_path(spec.url), html.encode("utf-8"))


def _template_path(env: jinja2.Environment, name: str) -> str:
    try:
        return env.get_template(name).filename or name
    except jinja2.TemplateError:
        return name


def static_files(theme: Theme) -> Iterator[OutputFile]:
    """Files of the static folders, the user's taking precedence over floke's default ones."""
    seen: set[str] = set()
    for folder in theme.static:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            relative = "static/" + path.relative_to(folder).as_posix()
            if path.is_file() and relative not in seen and not path.name.startswith("."):
                seen.add(relative)
                yield OutputFile(relative, path.read_bytes())
