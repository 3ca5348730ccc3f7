"""The knowledge base's views: related projects in words, lessons grouped, years, agency history,
the programme overview and the co-operation network.

Everything here reads the linked Catalogue and the record views; pages.py turns it into pages.
Counts in the overview leave out translations (a translated project is one project).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from floke import charts, urls
from floke.i18n import format_and, format_number, translate
from floke.link import Catalogue
from floke.model import Agency, Project
from floke.targets import Targets
from floke.views import LessonView, NewsView, ProjectView, RelatedView, theme_of

T = TypeVar("T")

STATUSES = ("planned", "ongoing", "completed", "stopped")
AGENCY_KINDS = ("state", "municipality", "county", "health", "other")


@dataclass(frozen=True)
class LessonGroup:
    """Lessons under one heading (a phase or a theme), newest project first."""

    title: str
    url: str | None  # the phase's or theme's own page
    lessons: tuple[LessonView, ...]


@dataclass(frozen=True)
class YearView:
    year: int
    url: str
    projects: tuple[ProjectView, ...]  # started that year
    news: tuple[NewsView, ...]  # published that year


@dataclass(frozen=True)
class Figure:
    label: str
    shown: str


@dataclass(frozen=True)
class Overview:
    figures: tuple[Figure, ...]
    charts: tuple[charts.Chart, ...]


@dataclass(frozen=True)
class Cooperation:
    """Agencies (current ones) as nodes, shared projects as edges, and the same as a list of pairs."""

    svg: Markup
    pairs: tuple[tuple[Agency, Agency, int], ...]


# --- related projects ------------------------------------------------------------------------


def related_views(catalogue: Catalogue, project: Project, targets: Targets) -> tuple[RelatedView, ...]:
    views = []
    for related in catalogue.related.get(project.slug, ()):
        target = targets.resolve("project", related.slug, project.lang)
        if target is not None:
            reason = related_reason(
                project.lang,
                [catalogue.agencies[a].name for a in related.agencies],
                [theme_of(catalogue, t).label.get(project.lang) for t in related.themes],
                related.similarity > 0,
            )
            views.append(RelatedView(target.url, target.title, reason, target.lang))
    return tuple(views)


def related_reason(lang: str, agencies: list[str], themes: list[str], similar: bool) -> str:
    """'Shares 2 agencies and the theme X' / 'Deler virksomheten Y og har et lignende problem'."""
    items = []
    if len(agencies) == 1:
        items.append(translate(lang, "reason_agency_one", name=agencies[0]))
    elif agencies:
        items.append(translate(lang, "reason_agencies", n=len(agencies)))
    if len(themes) == 1:
        items.append(translate(lang, "reason_theme_one", name=themes[0]))
    elif themes:
        items.append(translate(lang, "reason_themes", names=format_and(themes, lang)))
    if items:
        key = "reason_shares_and_similar" if similar else "reason_shares"
        text = translate(lang, key, items=format_and(items, lang))
    else:
        text = translate(lang, "reason_similar")
    return text[:1].upper() + text[1:]


def grouped(items: Iterable[T], keys: Callable[[T], Iterable[Hashable]]) -> dict[Hashable, tuple[T, ...]]:
    """Items under each of their keys, in the items' order: one pass, where filtering the whole
    list once per group (theme, phase, year) would cost groups x items."""
    groups: dict[Hashable, list[T]] = {}
    for item in items:
        for key in dict.fromkeys(keys(item)):
            groups.setdefault(key, []).append(item)
    return {key: tuple(members) for key, members in groups.items()}


# --- lessons ---------------------------------------------------------------------------------


def lessons_by_phase(catalogue: Catalogue, lessons: Iterable[LessonView], lang: str) -> list[LessonGroup]:
    """One group per phase in the method's order, then lessons with no phase given."""
    by_phase = grouped(lessons, lambda lv: (lv.learning.learning.phase,))
    groups = []
    for phase in catalogue.config.phases:
        if mine := by_phase.get(phase.id):
            groups.append(LessonGroup(phase.label.get(lang), urls.phase_url(phase.id), mine))
    rest = by_phase.get(None, ())
    if rest:
        groups.append(LessonGroup(translate(lang, "no_phase_given"), None, rest))
    return groups


def lessons_by_theme(catalogue: Catalogue, lessons: Iterable[LessonView], lang: str) -> list[LessonGroup]:
    """One group per theme, alphabetically by label; a lesson with several themes is in each."""
    by_theme = grouped(lessons, lambda lv: lv.learning.learning.themes or (None,))
    rest = by_theme.pop(None, ())
    groups = [
        LessonGroup(theme_of(catalogue, theme_id).label.get(lang), urls.theme_url(theme_id), mine)
        for theme_id, mine in by_theme.items()
    ]
    groups.sort(key=lambda g: (g.title.casefold(), g.url or ""))
    if rest:
        groups.append(LessonGroup(translate(lang, "no_theme_given"), None, rest))
    return groups


# --- years -----------------------------------------------------------------------------------


def years(projects: Iterable[ProjectView], news: Iterable[NewsView]) -> list[YearView]:
    """A year for every year a project started or a news post was published, newest first."""
    by_year = grouped(projects, lambda v: (v.project.year,) if v.project.year else ())
    news_by_year = grouped(news, lambda v: (v.post.date.year,))
    return [
        YearView(year, urls.year_url(year), by_year.get(year, ()), news_by_year.get(year, ()))
        for year in sorted(by_year.keys() | news_by_year.keys(), reverse=True)
    ]


# --- agencies --------------------------------------------------------------------------------


def agency_history(catalogue: Catalogue, agency_id: str) -> tuple[Agency, ...]:
    """The agency's whole line: predecessors (earliest first), itself, then what replaced it."""
    agencies = catalogue.agencies

    def steps_to(ancestor: str) -> int:
        count, item = 0, ancestor
        while item != agency_id and count <= len(agencies):
            item, count = agencies[item].replaced_by or agency_id, count + 1
        return count

    before = sorted(catalogue.ancestors[agency_id], key=lambda a: (-steps_to(a), agencies[a].name, a))
    after: list[str] = []
    item = agencies[agency_id].replaced_by
    while item in agencies and item not in after and item != agency_id:
        after.append(item)
        item = agencies[item].replaced_by
    return tuple(agencies[a] for a in (*before, agency_id, *after))


def cooperation(catalogue: Catalogue, lang: str) -> Cooperation | None:
    """Which current agencies share projects; None when no two agencies do."""
    shared: Counter[tuple[str, str]] = Counter()
    for project in _originals(catalogue.projects):
        ids = sorted(catalogue.current_agencies(project))
        for index, a in enumerate(ids):
            for b in ids[index + 1 :]:
                shared[(a, b)] += 1
    if not shared:
        return None
    agencies = catalogue.agencies
    node_ids = sorted({a for pair in shared for a in pair}, key=lambda a: (agencies[a].name.casefold(), a))
    pairs = sorted(
        shared.items(), key=lambda item: (-item[1], agencies[item[0][0]].name, agencies[item[0][1]].name)
    )
    svg = charts.network_chart(
        "cooperation",
        translate(lang, "cooperation_title"),
        translate(lang, "cooperation_desc", agencies=len(node_ids), pairs=len(pairs)),
        [(a, agencies[a].short or agencies[a].name) for a in node_ids],
        [charts.Edge(a, b, n) for (a, b), n in pairs],
    )
    return Cooperation(svg, tuple((agencies[a], agencies[b], n) for (a, b), n in pairs))


# --- the programme at a glance ---------------------------------------------------------------


def overview(catalogue: Catalogue, lang: str, pages: set[str]) -> Overview:
    """Key figures and charts for the home page; pages is the set of URLs the site has."""
    projects = list(_originals(catalogue.projects))
    involved = {a for p in projects for a in catalogue.current_agencies(p)}
    kinds = Counter(catalogue.agencies[a].kind for a in involved)
    funding = sum(p.funding_nok or 0 for p in projects)

    def number(value: int) -> str:
        return format_number(value, lang)

    def t(key: str, **values: object) -> str:
        return translate(lang, key, **values)

    figures = (
        Figure(t("figure_projects"), number(len(projects))),
        Figure(t("figure_agencies"), number(len(involved))),
        Figure(t("figure_municipalities"), number(kinds["municipality"])),
        Figure(t("figure_funding"), t("nok", amount=number(funding))),
    )
    status = Counter(p.status for p in projects)
    phase = Counter(p.phase for p in projects)
    started = Counter(p.year for p in projects if p.year)
    funding_by_year: Counter[int] = Counter()
    for p in projects:
        if p.year and p.funding_nok:
            funding_by_year[p.year] += p.funding_nok
    span = range(min(started), max(started) + 1) if started else range(0)

    def year_url(year: int) -> str | None:
        return urls.year_url(year) if urls.year_url(year) in pages else None

    def phase_url(phase_id: str) -> str | None:
        return urls.phase_url(phase_id) if urls.phase_url(phase_id) in pages else None

    drawn = (
        charts.bar_chart(
            "chart-status",
            t("chart_status"),
            t("chart_status_desc"),
            (t("status"), t("projects")),
            [charts.Datum(t("status_" + s), status[s], number(status[s])) for s in STATUSES],
        ),
        charts.bar_chart(
            "chart-phase",
            t("chart_phase"),
            t("chart_phase_desc"),
            (t("phase"), t("projects")),
            [
                charts.Datum(ph.label.get(lang), phase[ph.id], number(phase[ph.id]), phase_url(ph.id))
                for ph in catalogue.config.phases
            ],
        ),
        charts.column_chart(
            "chart-started",
            t("chart_started"),
            t("chart_started_desc"),
            (t("year"), t("projects")),
            [charts.Datum(str(y), started[y], number(started[y]), year_url(y)) for y in span],
        ),
        charts.bar_chart(
            "chart-agencies",
            t("chart_agencies"),
            t("chart_agencies_desc"),
            (t("agency_kind"), t("agencies")),
            [
                charts.Datum(t("agency_kinds_" + k), kinds[k], number(kinds[k]))
                for k in AGENCY_KINDS
                if kinds[k]
            ],
        ),
        charts.bar_chart(
            "chart-funding",
            t("chart_funding"),
            t("chart_funding_desc"),
            (t("year"), t("funding")),
            [
                charts.Datum(
                    str(y), funding_by_year[y], t("nok", amount=number(funding_by_year[y])), year_url(y)
                )
                for y in sorted(funding_by_year)
                if funding_by_year[y]
            ],
        ),
    )
    return Overview(figures, tuple(c for c in drawn if c.data))


def _originals(projects: Iterable[Project]) -> Iterable[Project]:
    """Projects that are not translations of another record."""
    return (p for p in projects if p.translation_of is None)


def themes_in_use(views: Mapping[str, ProjectView], lessons: Iterable[LessonView]) -> list[str]:
    """Theme ids that have a page: used by a published project or lesson."""
    return sorted(
        {t for v in views.values() for t in v.project.themes}
        | {t for lesson in lessons for t in lesson.learning.learning.themes}
    )
