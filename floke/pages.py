"""Which pages the site has: one PageSpec per output page, with the views its template needs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from floke import knowledge, urls
from floke.i18n import translate
from floke.link import Catalogue, RecordKey
from floke.markup import MarkdownRenderer
from floke.model import NewsPost, Page, Project
from floke.targets import Targets
from floke.views import (
    AgencyProjectView,
    AgencyView,
    LearningView,
    LessonView,
    LinkItem,
    NewsView,
    PageView,
    ProjectView,
    theme_of,
)

HOME_NEWS = 5


@dataclass(frozen=True)
class PageSpec:
    """One HTML page to write: where, with which template, in which language, showing what."""

    url: str
    template: str
    lang: str
    title: str
    context: Mapping[str, Any] = field(default_factory=dict)
    description: str | None = None
    translations: tuple[LinkItem, ...] = ()
    in_sitemap: bool = True
    structured_data: str = ""  # schema.org JSON-LD, filled in by render.plan (it needs the base URL)


@dataclass(frozen=True)
class Views:
    projects: Mapping[str, ProjectView]
    news: Mapping[str, NewsView]
    pages: Mapping[str, PageView]
    agencies: Mapping[str, AgencyView]
    lessons: tuple[LessonView, ...]


# --- views -----------------------------------------------------------------------------------


def build_views(catalogue: Catalogue, md: MarkdownRenderer, targets: Targets) -> Views:
    make = _ViewMaker(catalogue, md, targets)
    projects = {p.slug: make.project(p) for p in catalogue.projects}
    news = {n.slug: make.news(n) for n in catalogue.news}
    pages = {p.slug: make.page(p) for p in catalogue.pages}
    agencies = {a: _agency_view(catalogue, a, projects, make.links) for a in catalogue.agencies}
    lessons = tuple(
        LessonView(lv, projects[lesson.project.slug])
        for lesson in catalogue.lessons
        for lv in projects[lesson.project.slug].learnings
        if lv.learning is lesson.learning
    )
    return Views(projects, news, pages, agencies, lessons)


def own_pages(
    catalogue: Catalogue, keys: Iterable[RecordKey], md: MarkdownRenderer, targets: Targets
) -> tuple[Views, list[PageSpec]]:
    """The pages of some projects, news posts and pages alone, with their views.

    The preview renders these first after an edit: a record's own page shows only its own view
    (other records through links and the catalogue), so it comes out as in the full plan.
    """
    make = _ViewMaker(catalogue, md, targets)
    wanted = set(keys)
    projects = {p.slug: make.project(p) for p in catalogue.projects if ("project", p.slug) in wanted}
    news = {n.slug: make.news(n) for n in catalogue.news if ("news", n.slug) in wanted}
    pages = {p.slug: make.page(p) for p in catalogue.pages if ("page", p.slug) in wanted}
    views = Views(projects, news, pages, {}, ())
    specs = [
        *(record_spec(v, "project.html", v.project) for v in projects.values()),
        *(record_spec(v, "news.html", v.post) for v in news.values()),
        *(record_spec(v, "page.html", v.page) for v in pages.values()),
    ]
    return views, specs


class _ViewMaker:
    """Builds the view of one record at a time."""

    def __init__(self, catalogue: Catalogue, md: MarkdownRenderer, targets: Targets) -> None:
        self.catalogue, self.md, self.targets = catalogue, md, targets

    def links(self, key: RecordKey, lang: str) -> tuple[LinkItem, ...]:
        return _link_items(self.catalogue.backlinks.get(key, ()), self.targets, lang)

    def translations(self, key: RecordKey, lang: str) -> tuple[LinkItem, ...]:
        return _link_items(self.catalogue.translations.get(key, ()), self.targets, lang)

    def project(self, project: Project) -> ProjectView:
        return _project_view(self.catalogue, project, self.md, self.targets, self.links, self.translations)

    def news(self, n: NewsPost) -> NewsView:
        return NewsView(
            post=n,
            url=urls.news_url(n.slug),
            body_html=self.md.to_html(n.body, _resolver(self.targets, n.lang)),
            projects=_link_items((("project", s) for s in n.projects), self.targets, n.lang),
            backlinks=self.links(("news", n.slug), n.lang),
            translations=self.translations(("news", n.slug), n.lang),
        )

    def page(self, p: Page) -> PageView:
        return PageView(
            page=p,
            url=urls.page_url(p.slug),
            body_html=self.md.to_html(p.body, _resolver(self.targets, p.lang)),
            backlinks=self.links(("page", p.slug), p.lang),
            translations=self.translations(("page", p.slug), p.lang),
        )


def _resolver(targets: Targets, lang: str):
    return lambda kind, ident: targets.resolve(kind, ident, lang)


def _link_items(keys, targets: Targets, lang: str) -> tuple[LinkItem, ...]:
    """Links to records, each with its record's language so a title in another one is marked."""
    items = []
    for kind, ident in keys:
        target = targets.resolve(kind, ident, lang)
        if target is not None:
            items.append(LinkItem(target.url, target.title, target.lang))
    return tuple(items)


def _project_view(
    catalogue: Catalogue, project: Project, md: MarkdownRenderer, targets: Targets, links, translations
) -> ProjectView:
    resolve = _resolver(targets, project.lang)
    url = urls.project_url(project.slug)
    phases = {p.id: p for p in catalogue.config.phases}
    return ProjectView(
        project=project,
        url=url,
        roles=catalogue.roles(project),
        phase=phases[project.phase],
        themes=tuple(theme_of(catalogue, t) for t in project.themes),
        problem_html=md.to_html(project.problem, resolve, top=3),
        body_html=md.to_html(project.body, resolve, top=3),
        learnings=tuple(
            LearningView(
                learning=learning,
                html=md.to_html(learning.text, resolve, top=4),
                url=urls.lesson_url(project.slug, learning.anchor),
                themes=tuple(theme_of(catalogue, t) for t in learning.themes),
                phase=phases.get(learning.phase) if learning.phase else None,
            )
            for learning in project.learnings
        ),
        backlinks=links(("project", project.slug), project.lang),
        translations=translations(("project", project.slug), project.lang),
        is_example=bool(project.extra.get("example")),
        related=knowledge.related_views(catalogue, project, targets),
    )


def _agency_view(
    catalogue: Catalogue, agency_id: str, projects: Mapping[str, ProjectView], links
) -> AgencyView:
    agency = catalogue.agencies[agency_id]
    lineage = {agency_id, *catalogue.ancestors[agency_id]}
    shown = [
        AgencyProjectView(projects[p.slug], tuple(catalogue.agencies[a] for a in p.agencies if a in lineage))
        for p in catalogue.agency_projects[agency_id]
    ]
    partners: Counter[str] = Counter()
    for p in catalogue.agency_projects[agency_id]:
        for other in catalogue.current_agencies(p):
            if other != catalogue.current_agency[agency_id]:
                partners[other] += 1
    return AgencyView(
        agency=agency,
        url=urls.agency_url(agency_id),
        current=catalogue.agencies[catalogue.current_agency[agency_id]],
        predecessors=tuple(catalogue.agencies[a] for a in catalogue.predecessors.get(agency_id, ())),
        successor=catalogue.agencies.get(agency.replaced_by) if agency.replaced_by else None,
        projects=tuple(shown),
        partners=tuple(
            (catalogue.agencies[a], n)
            for a, n in sorted(
                partners.items(), key=lambda item: (-item[1], catalogue.agencies[item[0]].name)
            )
        ),
        backlinks=links(("agency", agency_id), catalogue.config.default_lang),
        history=knowledge.agency_history(catalogue, agency_id),
    )


# --- the page plan ---------------------------------------------------------------------------


def plan_pages(catalogue: Catalogue, views: Views) -> list[PageSpec]:
    lang = catalogue.config.default_lang
    projects = [views.projects[p.slug] for p in catalogue.projects]
    news = [views.news[n.slug] for n in catalogue.news]
    agencies = sorted(views.agencies.values(), key=lambda v: v.agency.name.casefold())
    specs = [
        PageSpec("/projects/", "projects.html", lang, translate(lang, "projects"), {"projects": projects}),
        PageSpec("/news/", "news_index.html", lang, translate(lang, "news"), {"news": news}),
        PageSpec(
            "/agencies/",
            "agencies.html",
            lang,
            translate(lang, "agencies"),
            {"agencies": agencies, "cooperation": knowledge.cooperation(catalogue, lang)},
        ),
        PageSpec("/404.html", "404.html", lang, translate(lang, "not_found_title"), {}, in_sitemap=False),
    ]
    specs += [record_spec(view, "project.html", view.project) for view in projects]
    specs += [record_spec(view, "news.html", view.post) for view in news]
    for view in agencies:
        specs.append(PageSpec(view.url, "agency.html", lang, view.agency.name, {"view": view}))
    specs += _theme_and_phase_pages(catalogue, views, lang)
    specs += _lesson_and_year_pages(catalogue, views, lang)
    specs.append(PageSpec("/search/", "search.html", lang, translate(lang, "search"), {}))
    specs += [record_spec(view, "page.html", view.page) for view in views.pages.values()]
    specs.insert(0, _home_page(catalogue, views, lang, projects, news, specs))
    return specs


def record_spec(
    view: ProjectView | NewsView | PageView, template: str, record: Project | NewsPost | Page
) -> PageSpec:
    """The page of one project, news post or page: its view, in the record's own language."""
    return PageSpec(
        view.url, template, record.lang, record.title, {"view": view},
        description=record.summary, translations=view.translations,
    )  # fmt: skip


def _home_page(
    catalogue: Catalogue,
    views: Views,
    lang: str,
    projects: list[ProjectView],
    news: list[NewsView],
    others: list[PageSpec],
) -> PageSpec:
    """The programme at a glance, and links into every index so that each record is near."""
    built = {spec.url for spec in others}
    return PageSpec(
        "/",
        "home.html",
        lang,
        catalogue.config.title,
        {
            "ongoing": [v for v in projects if v.project.status in ("ongoing", "planned")],
            "completed": [v for v in projects if v.project.status in ("completed", "stopped")],
            "news": news[:HOME_NEWS],
            "overview": knowledge.overview(catalogue, lang, built),
            "themes": [
                theme_of(catalogue, t) for t in knowledge.themes_in_use(views.projects, views.lessons)
            ],
            "phases": [p for p in catalogue.config.phases if urls.phase_url(p.id) in built],
            "years": knowledge.years(projects, news),
        },
        description=catalogue.config.description,
    )


def _lesson_and_year_pages(catalogue: Catalogue, views: Views, lang: str) -> list[PageSpec]:
    """The lessons section (by phase, by theme) and a page per year, with the years index."""
    title = translate(lang, "lessons")
    specs = [
        PageSpec(
            "/lessons/",
            "lessons.html",
            lang,
            title,
            {"groups": knowledge.lessons_by_phase(catalogue, views.lessons, lang), "by": "phase"},
        ),
        PageSpec(
            "/lessons/themes/",
            "lessons.html",
            lang,
            f"{title}: {translate(lang, 'by_theme').lower()}",
            {"groups": knowledge.lessons_by_theme(catalogue, views.lessons, lang), "by": "theme"},
        ),
    ]
    projects = [views.projects[p.slug] for p in catalogue.projects]
    news = [views.news[n.slug] for n in catalogue.news]
    years = knowledge.years(projects, news)
    specs.append(PageSpec("/years/", "years.html", lang, translate(lang, "years"), {"years": years}))
    for year in years:
        specs.append(PageSpec(year.url, "year.html", lang, str(year.year), {"year": year}))
    return specs


def _theme_and_phase_pages(catalogue: Catalogue, views: Views, lang: str) -> list[PageSpec]:
    """A page per theme and per phase that has projects or lessons; empty ones get none."""
    specs = []
    by_theme = knowledge.grouped(views.projects.values(), lambda v: v.project.themes)
    lessons_by_theme = knowledge.grouped(views.lessons, lambda lv: lv.learning.learning.themes)
    by_phase = knowledge.grouped(views.projects.values(), lambda v: (v.project.phase,))
    lessons_by_phase = knowledge.grouped(views.lessons, lambda lv: (lv.learning.learning.phase,))
    for theme_id in knowledge.themes_in_use(views.projects, views.lessons):
        theme = theme_of(catalogue, theme_id)
        projects = list(by_theme.get(theme_id, ()))
        lessons = list(lessons_by_theme.get(theme_id, ()))
        specs.append(
            PageSpec(
                urls.theme_url(theme_id),
                "theme.html",
                lang,
                theme.label.get(lang),
                {"theme": theme, "projects": projects, "lessons": lessons},
            )
        )
    for phase in catalogue.config.phases:
        projects = list(by_phase.get(phase.id, ()))
        lessons = list(lessons_by_phase.get(phase.id, ()))
        if projects or lessons:
            specs.append(
                PageSpec(
                    urls.phase_url(phase.id),
                    "phase.html",
                    lang,
                    phase.label.get(lang),
                    {"phase": phase, "projects": projects, "lessons": lessons},
                )
            )
    return specs
