"""Stage 3, link: check the references between records and build the cross-reference maps.

Agency successions (replaced_by chains) are followed here, once; cross-references written as
[[kind:id]] in Markdown are found, checked and turned into backlinks; drafts and future posts
are set aside so that published records cannot point at them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from floke.diagnostics import Report, did_you_mean
from floke.model import Agency, Content, Learning, NewsPost, Page, Project, SiteConfig
from floke.related import Related, related_projects
from floke.urls import RESERVED_SLUGS

if TYPE_CHECKING:
    from floke.memo import Memo

RecordKey = tuple[str, str]  # ("project", slug), ("agency", id), ...
XREF = re.compile(r"\[\[\s*([a-z]+)\s*:\s*([^\]|\s]+)\s*(?:\|([^\]]*))?\]\]")
XREF_KINDS = ("project", "agency", "theme", "phase", "news", "page")


@dataclass(frozen=True)
class XRef:
    """A [[kind:id|text]] written in a record's Markdown."""

    kind: str
    target: str
    text: str | None
    line: int

    @property
    def key(self) -> RecordKey:
        return (self.kind, self.target)


@dataclass(frozen=True)
class Lesson:
    """One learning, seen from outside its project."""

    project: Project
    learning: Learning


@dataclass(frozen=True)
class AgencyRole:
    """An agency on a project: as recorded then, and who carries it on now."""

    recorded: Agency
    current: Agency


@dataclass(frozen=True)
class Options:
    include_drafts: bool = False
    include_future: bool = False
    today: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class Catalogue:
    """The linked site: published records plus every map the pages need."""

    config: SiteConfig
    agencies: Mapping[str, Agency]
    projects: tuple[Project, ...]
    news: tuple[NewsPost, ...]
    pages: tuple[Page, ...]
    current_agency: Mapping[str, str]
    ancestors: Mapping[str, tuple[str, ...]]
    predecessors: Mapping[str, tuple[str, ...]]
    agency_projects: Mapping[str, tuple[Project, ...]]
    lessons: tuple[Lesson, ...]
    xrefs: Mapping[RecordKey, tuple[XRef, ...]]
    backlinks: Mapping[RecordKey, tuple[RecordKey, ...]]
    translations: Mapping[RecordKey, tuple[RecordKey, ...]]
    related: Mapping[str, tuple[Related, ...]]  # project slug -> related projects, best first

    def project(self, slug: str) -> Project:
        return next(p for p in self.projects if p.slug == slug)

    def roles(self, project: Project) -> tuple[AgencyRole, ...]:
        return tuple(
            AgencyRole(self.agencies[a], self.agencies[self.current_agency[a]]) for a in project.agencies
        )

    def current_agencies(self, project: Project) -> tuple[str, ...]:
        """Ids of the agencies that carry the project's agencies on today, lead first, no repeats."""
        return tuple(dict.fromkeys(self.current_agency[a] for a in project.agencies))


def link(content: Content, options: Options, report: Report, memo: Memo | None = None) -> Catalogue:
    """The catalogue; memo (the preview's) keeps related projects between rebuilds."""
    agencies = content.agencies
    current, ancestors, predecessors = follow_successions(agencies, report)
    held_back = _held_back(content, options)
    projects = _published(content.projects, held_back, "project")
    news = _published(content.news, held_back, "news")
    pages = _published(content.pages, held_back, "page")
    _check_unique_slugs("project", content.projects, report)
    _check_unique_slugs("news", content.news, report)
    _check_unique_slugs("page", content.pages, report)
    _check_page_slugs(pages, report)
    known = _known_keys(content.config, agencies, projects, news, pages)
    checker = _RefChecker(known, {**held_back, **_pageless_groups(content.config, known)}, report)
    for project in projects:
        for index, agency_id in enumerate(project.agencies):
            checker.check(project.origin.path, project.origin.line("agencies", index), ("agency", agency_id))
    for post in news:
        for index, slug in enumerate(post.projects):
            checker.check(post.origin.path, post.origin.line("projects", index), ("project", slug))
    translations = _translations(projects, news, pages, checker)
    xrefs = dict(_find_xrefs(projects, news, pages, memo, report))
    paths = _origin_paths(projects, news, pages)
    for key, refs in xrefs.items():
        path = paths[key]
        for ref in refs:
            if ref.kind not in XREF_KINDS:
                report.error(
                    path,
                    ref.line,
                    f'unknown link kind "{ref.kind}" in [[{ref.kind}:{ref.target}]]'
                    f"{did_you_mean(ref.kind, XREF_KINDS)}; use one of {', '.join(XREF_KINDS)}",
                )
                continue
            checker.check(path, ref.line, ref.key, written=f"[[{ref.kind}:{ref.target}]]")
    return Catalogue(
        config=content.config,
        agencies=agencies,
        projects=tuple(sorted(projects, key=_project_order)),
        news=tuple(sorted(news, key=lambda n: (n.date, n.slug), reverse=True)),
        pages=tuple(sorted(pages, key=lambda p: p.slug)),
        current_agency=current,
        ancestors=ancestors,
        predecessors=predecessors,
        agency_projects=_agency_projects(agencies, ancestors, projects),
        lessons=tuple(
            Lesson(p, learning) for p in sorted(projects, key=_project_order) for learning in p.learnings
        ),
        xrefs=xrefs,
        backlinks=_backlinks(xrefs, news),
        translations=translations,
        related=_related(projects, current, _project_translations(translations), memo),
    )


def _related(
    projects: list[Project],
    current: Mapping[str, str],
    same_record: Mapping[str, tuple[str, ...]],
    memo: Memo | None,
) -> dict[str, tuple[Related, ...]]:
    """Related projects, computed again only when what they are scored on changed (not on a body edit)."""

    def current_agencies(p: Project) -> tuple[str, ...]:
        return tuple(dict.fromkeys(current[a] for a in p.agencies if a in current))

    if memo is None:
        return related_projects(projects, current_agencies, same_record)
    scored = tuple((p.slug, p.lang, p.problem, p.themes, current_agencies(p)) for p in projects)
    return memo.equal(
        "related", (scored, same_record), lambda: related_projects(projects, current_agencies, same_record)
    )


def _project_order(project: Project) -> tuple:
    """Newest first; undated projects last; then by title for a stable order."""
    started = project.started.sort_key() if project.started else (0, 0, 0)
    return (tuple(-n for n in started), project.title.casefold(), project.slug)


# --- agencies --------------------------------------------------------------------------------


def follow_successions(
    agencies: Mapping[str, Agency], report: Report
) -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Current agency of every id, every id's ancestors and direct predecessors; cycles reported."""
    for agency in agencies.values():
        if agency.replaced_by is not None and agency.replaced_by not in agencies:
            report.error(
                agency.origin.path,
                agency.origin.line("replaced_by"),
                f'"{agency.id}.replaced_by" names unknown agency "{agency.replaced_by}"'
                f"{did_you_mean(agency.replaced_by, agencies)}",
            )
    current: dict[str, str] = {}
    cycles_reported: set[frozenset[str]] = set()
    for agency_id in agencies:
        chain = [agency_id]
        while (nxt := agencies[chain[-1]].replaced_by) in agencies and nxt not in chain:
            chain.append(nxt)
        if nxt in chain:
            cycle = chain[chain.index(nxt) :]
            if frozenset(cycle) not in cycles_reported:
                cycles_reported.add(frozenset(cycle))
                first = agencies[min(cycle)]
                report.error(
                    first.origin.path,
                    first.origin.line("replaced_by"),
                    f"replaced_by makes a cycle: {' -> '.join([*_rotate(cycle), min(cycle)])}; "
                    "an agency cannot be replaced by itself, directly or through others",
                )
        current[agency_id] = chain[-1]
    predecessors: dict[str, list[str]] = defaultdict(list)
    for agency in agencies.values():
        if agency.replaced_by in agencies:
            predecessors[agency.replaced_by].append(agency.id)
    ancestors = {a: tuple(sorted(_ancestors(a, predecessors))) for a in agencies}
    return current, ancestors, {k: tuple(sorted(v)) for k, v in predecessors.items()}


def _rotate(cycle: list[str]) -> list[str]:
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def _ancestors(agency_id: str, predecessors: Mapping[str, list[str]]) -> set[str]:
    found: set[str] = set()
    stack = list(predecessors.get(agency_id, []))
    while stack:
        item = stack.pop()
        if item not in found and item != agency_id:
            found.add(item)
            stack.extend(predecessors.get(item, []))
    return found


def _agency_projects(
    agencies: Mapping[str, Agency], ancestors: Mapping[str, tuple[str, ...]], projects: list[Project]
) -> dict[str, tuple[Project, ...]]:
    """Each agency's projects, including those recorded under any of its predecessors."""
    carriers: dict[str, list[str]] = {}  # an agency id -> the agencies whose lineage holds it
    for agency_id in agencies:
        for member in (agency_id, *ancestors[agency_id]):
            carriers.setdefault(member, []).append(agency_id)
    mine: dict[str, list[Project]] = {agency_id: [] for agency_id in agencies}
    for project in projects:  # one pass over projects, not one per agency
        for agency_id in dict.fromkeys(c for a in project.agencies for c in carriers.get(a, ())):
            mine[agency_id].append(project)
    return {agency_id: tuple(sorted(found, key=_project_order)) for agency_id, found in mine.items()}


# --- publishing and slugs --------------------------------------------------------------------


def _held_back(content: Content, options: Options) -> dict[RecordKey, str]:
    """Records left out of this build, with the reason a link to them is an error."""
    held: dict[RecordKey, str] = {}
    for kind, records in (("project", content.projects), ("news", content.news), ("page", content.pages)):
        for record in records:
            if record.draft and not options.include_drafts:
                held[(kind, record.slug)] = (
                    f'the {kind} "{record.slug}" is a draft; publish it or remove the link'
                )
    for post in content.news:
        if post.date > options.today and not options.include_future:
            held.setdefault(
                ("news", post.slug),
                f'the news post "{post.slug}" is dated {post.date}, in the future; it is not published yet',
            )
    return held


def _published(records: tuple, held_back: Mapping[RecordKey, str], kind: str) -> list:
    return [r for r in records if (kind, r.slug) not in held_back]


def _check_unique_slugs(kind: str, records: tuple, report: Report) -> None:
    seen: dict[str, str] = {}
    for record in sorted(records, key=lambda r: r.origin.path):
        if record.slug in seen:
            report.error(
                record.origin.path,
                record.origin.line("slug"),
                f'the {kind} slug "{record.slug}" is already used by {seen[record.slug]}; '
                "rename the file or set a different slug:",
            )
        else:
            seen[record.slug] = record.origin.path


def _check_page_slugs(pages: list[Page], report: Report) -> None:
    for page in pages:
        if page.slug in RESERVED_SLUGS:
            report.error(
                page.origin.path,
                page.origin.line("slug"),
                f'the page slug "{page.slug}" is taken by the site itself; choose another name',
            )


def _known_keys(
    config: SiteConfig,
    agencies: Mapping[str, Agency],
    projects: list[Project],
    news: list[NewsPost],
    pages: list[Page],
) -> dict[str, set[str]]:
    return {
        "project": {p.slug for p in projects},
        "agency": set(agencies),
        "theme": {t for p in projects for t in _all_themes(p)},
        "phase": {p.phase for p in projects} | {lr.phase for p in projects for lr in p.learnings if lr.phase},
        "news": {n.slug for n in news},
        "page": {p.slug for p in pages},
    }


def _pageless_groups(config: SiteConfig, known: Mapping[str, set[str]]) -> dict[RecordKey, str]:
    """Declared themes and phases that no published project or lesson has: they get no page."""
    found: dict[RecordKey, str] = {}
    for kind, ids in (("theme", [t.id for t in config.themes]), ("phase", [p.id for p in config.phases])):
        for ident in ids:
            if ident not in known[kind]:
                found[(kind, ident)] = (
                    f'the {kind} "{ident}" has no page, because no published project or lesson has it'
                )
    return found


def _all_themes(project: Project) -> Iterator[str]:
    yield from project.themes
    for learning in project.learnings:
        yield from learning.themes


class _RefChecker:
    """Checks that a referenced record exists and is published, reporting in one voice."""

    def __init__(self, known: Mapping[str, set[str]], held_back: Mapping[RecordKey, str], report: Report):
        self.known, self.held_back, self.report = known, held_back, report

    def check(self, path: str, line: int, key: RecordKey, written: str | None = None) -> bool:
        kind, target = key
        if target in self.known[kind]:
            return True
        label = written or f'{kind} "{target}"'
        if key in self.held_back:
            self.report.error(path, line, f"{label} links to an unpublished record: {self.held_back[key]}")
            return False
        where = f" in {written}" if written else ""
        registry = " (agencies are listed in content/agencies.yaml)" if kind == "agency" else ""
        hint = did_you_mean(target, self.known[kind])
        self.report.error(path, line, f'unknown {kind} "{target}"{where}{hint}{registry}')
        return False


def _translations(
    projects: list[Project], news: list[NewsPost], pages: list[Page], checker: _RefChecker
) -> dict[RecordKey, tuple[RecordKey, ...]]:
    """Groups of records that translate each other, keyed by every member."""
    groups: dict[RecordKey, set[RecordKey]] = defaultdict(set)
    for kind, records in (("project", projects), ("news", news), ("page", pages)):
        for record in records:
            if record.translation_of is None:
                continue
            target = (kind, record.translation_of)
            if checker.check(record.origin.path, record.origin.line("translation_of"), target):
                groups[target].add((kind, record.slug))
    result: dict[RecordKey, tuple[RecordKey, ...]] = {}
    for original, members in groups.items():
        family = sorted({original, *members})
        for key in family:
            result[key] = tuple(k for k in family if k != key)
    return result


def _project_translations(
    translations: Mapping[RecordKey, tuple[RecordKey, ...]],
) -> dict[str, tuple[str, ...]]:
    """Slugs of the translations of each project: the same project, never its related work."""
    return {
        slug: tuple(other for _, other in others)
        for (kind, slug), others in translations.items()
        if kind == "project"
    }


# --- cross-references ------------------------------------------------------------------------


def _find_xrefs(
    projects: list[Project], news: list[NewsPost], pages: list[Page], memo: Memo | None, report: Report
) -> Iterator[tuple[RecordKey, tuple[XRef, ...]]]:
    """Each record's [[kind:id]] links; with the preview's memo, a record's are kept until it changes."""

    def scanned(record: Project | NewsPost | Page, scan: Callable[[], Iterator[XRef]]) -> tuple[XRef, ...]:
        if memo is None:
            return tuple(scan())
        return memo.get(("xrefs", record.origin.path), (record,), lambda r: tuple(scan()), report)

    for project in projects:
        yield ("project", project.slug), scanned(project, lambda p=project: _project_xrefs(p))
    for post in news:
        yield ("news", post.slug), scanned(post, lambda n=post: scan_xrefs(n.body, n.body_line))
    for page in pages:
        yield ("page", page.slug), scanned(page, lambda g=page: scan_xrefs(g.body, g.body_line))


def _project_xrefs(project: Project) -> Iterator[XRef]:
    yield from scan_xrefs(project.body, project.body_line)
    yield from scan_xrefs(project.problem, field_text_line(project, ("problem",), project.problem))
    for index, learning in enumerate(project.learnings):
        line = field_text_line(project, ("learnings", index, "text"), learning.text)
        yield from scan_xrefs(learning.text, line)


def field_text_line(project: Project, path: tuple, text: str) -> int:
    """First line of a front-matter text: a multi-line value is a block that starts below its key."""
    return project.origin.line(*path) + (1 if "\n" in text.rstrip("\n") or text.endswith("\n") else 0)


def scan_xrefs(text: str, first_line: int) -> Iterator[XRef]:
    for match in XREF.finditer(text):
        label = match.group(3).strip() if match.group(3) else None
        yield XRef(
            match.group(1), match.group(2), label or None, first_line + text.count("\n", 0, match.start())
        )


def _origin_paths(projects: list[Project], news: list[NewsPost], pages: list[Page]) -> dict[RecordKey, str]:
    """The file of each record; the first one where two share a slug (reported elsewhere)."""
    paths: dict[RecordKey, str] = {}
    for kind, records in (("project", projects), ("news", news), ("page", pages)):
        for record in records:
            paths.setdefault((kind, record.slug), record.origin.path)
    return paths


def _backlinks(
    xrefs: Mapping[RecordKey, tuple[XRef, ...]], news: list[NewsPost]
) -> dict[RecordKey, tuple[RecordKey, ...]]:
    """What links to each record: [[...]] references and news posts' project lists."""
    found: dict[RecordKey, set[RecordKey]] = defaultdict(set)
    for source, refs in xrefs.items():
        for ref in refs:
            if ref.key != source:
                found[ref.key].add(source)
    for post in news:
        for slug in post.projects:
            found[("project", slug)].add(("news", post.slug))
    return {key: tuple(sorted(sources)) for key, sources in found.items()}
