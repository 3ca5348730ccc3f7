"""What templates see: records joined with their rendered Markdown, links and labels.

Views are built once per record by render.py and shared by every page that shows the record.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from floke.link import AgencyRole, Catalogue
from floke.model import Agency, Labels, Learning, NewsPost, Page, Phase, Project, Theme


@dataclass(frozen=True)
class LinkItem:
    url: str
    title: str
    lang: str | None = None


@dataclass(frozen=True)
class RelatedView:
    """A related project and the reason, in words in the project's language."""

    url: str
    title: str
    reason: str
    lang: str | None = None  # the related project's language, to mark its title


@dataclass(frozen=True)
class LearningView:
    learning: Learning
    html: Markup
    url: str
    themes: tuple[Theme, ...]
    phase: Phase | None


@dataclass(frozen=True)
class ProjectView:
    project: Project
    url: str
    roles: tuple[AgencyRole, ...]
    phase: Phase
    themes: tuple[Theme, ...]
    problem_html: Markup
    body_html: Markup
    learnings: tuple[LearningView, ...]
    backlinks: tuple[LinkItem, ...]
    translations: tuple[LinkItem, ...]
    is_example: bool
    related: tuple[RelatedView, ...]


@dataclass(frozen=True)
class LessonView:
    """A learning shown outside its project page: lessons index, theme and phase pages."""

    learning: LearningView
    project: ProjectView


@dataclass(frozen=True)
class NewsView:
    post: NewsPost
    url: str
    body_html: Markup
    projects: tuple[LinkItem, ...]
    backlinks: tuple[LinkItem, ...]
    translations: tuple[LinkItem, ...]


@dataclass(frozen=True)
class PageView:
    page: Page
    url: str
    body_html: Markup
    backlinks: tuple[LinkItem, ...]
    translations: tuple[LinkItem, ...]


@dataclass(frozen=True)
class AgencyProjectView:
    """A project on an agency page, with the name the agency had when it was recorded."""

    project: ProjectView
    recorded_as: tuple[Agency, ...]  # the names of this agency's line the project was recorded under


@dataclass(frozen=True)
class AgencyView:
    agency: Agency
    url: str
    current: Agency
    predecessors: tuple[Agency, ...]
    successor: Agency | None
    projects: tuple[AgencyProjectView, ...]
    partners: tuple[tuple[Agency, int], ...]
    backlinks: tuple[LinkItem, ...]
    history: tuple[Agency, ...]  # its whole line of names, earliest first, itself included

    @property
    def is_current(self) -> bool:
        return self.current.id == self.agency.id


def theme_of(catalogue: Catalogue, theme_id: str) -> Theme:
    """The declared theme, or one labelled by its id when site.yaml declares none."""
    for theme in catalogue.config.themes:
        if theme.id == theme_id:
            return theme
    return Theme(theme_id, Labels({"nb": theme_id}), Labels({}))
