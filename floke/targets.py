"""Every linkable record's URL and title, indexed once: [[kind:id]] and backlinks resolve here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from floke import urls
from floke.link import Catalogue, RecordKey
from floke.markup import Target
from floke.views import theme_of


@dataclass(frozen=True)
class Targets:
    """URL and title per record; themes and phases carry a title per language."""

    fixed: Mapping[RecordKey, Target]
    labelled: Mapping[RecordKey, tuple[str, Mapping[str, str]]]

    def resolve(self, kind: str, ident: str, lang: str) -> Target | None:
        key = (kind, ident)
        if key in self.fixed:
            return self.fixed[key]
        if key in self.labelled:
            url, labels = self.labelled[key]
            return Target(url, labels.get(lang) or next(iter(labels.values()), ident))
        return None


def index_targets(catalogue: Catalogue) -> Targets:
    fixed: dict[RecordKey, Target] = {}
    for project in catalogue.projects:
        fixed[("project", project.slug)] = Target(urls.project_url(project.slug), project.title, project.lang)
    for post in catalogue.news:
        fixed[("news", post.slug)] = Target(urls.news_url(post.slug), post.title, post.lang)
    for page in catalogue.pages:
        fixed[("page", page.slug)] = Target(urls.page_url(page.slug), page.title, page.lang)
    for agency in catalogue.agencies.values():
        fixed[("agency", agency.id)] = Target(urls.agency_url(agency.id), agency.name)
    labelled: dict[RecordKey, tuple[str, Mapping[str, str]]] = {}
    theme_ids = {t.id for t in catalogue.config.themes} | {
        t for p in catalogue.projects for t in (*p.themes, *(x for lr in p.learnings for x in lr.themes))
    }
    for theme_id in sorted(theme_ids):
        theme = theme_of(catalogue, theme_id)
        labelled[("theme", theme_id)] = (urls.theme_url(theme_id), theme.label.texts)
    for phase in catalogue.config.phases:
        labelled[("phase", phase.id)] = (urls.phase_url(phase.id), phase.label.texts)
    return Targets(fixed, labelled)
