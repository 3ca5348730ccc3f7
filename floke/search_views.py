"""What the search index needs from the render stage (docs/search.md explains the design).

- the filter values each indexed page carries (`type`, `agency`, `phase`, `theme`, `status`,
  `year`, `language`), as ids, so the search page can label them in its own language;
- the words of a record folded to plain letters ("søknad" -> "soknad", "soeknad"), which pages
  hand to Pagefind as extra, invisible index text: Pagefind does not fold æ, ø and å;
- the facets the search page offers, with labels;
- one small document per lesson that only the indexer sees, so a lesson is its own result.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from floke import urls
from floke.i18n import translate
from floke.link import Catalogue
from floke.pages import PageSpec, Views
from floke.views import AgencyView, LessonView, NewsView, ProjectView, theme_of

Filters = tuple[tuple[str, str], ...]

# Marks where the folded words start in a page's indexed text; search.js cuts excerpts there.
FOLD_MARK = "⁂"
# Two spellings for a reader without Norwegian letters: plain letters and the old transliteration.
_FOLDINGS = (
    str.maketrans({"æ": "ae", "ø": "o", "å": "a"}),
    str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}),
)
_WORD = re.compile(r"\w+")
_NORWEGIAN_LETTER = re.compile(r"[æøå]")
# The path the lesson documents get inside the indexer's own folder; never part of the site.
LESSON_DOCUMENTS = "/lessons/"
TYPE_LABELS = {
    "project": "projects",
    "lesson": "lessons",
    "news": "news",
    "agency": "agencies",
    "theme": "themes",
    "phase": "phases",
}
FACETS = ("type", "agency", "theme", "phase", "status", "year", "language")
STATUSES = ("planned", "ongoing", "completed", "stopped")


def folded_words(texts: Iterable[str | None]) -> str:
    """Every word with æ, ø or å, spelled without them; sorted and unique, empty when none."""
    return _folded_words(tuple(texts))


@functools.lru_cache(maxsize=1 << 14)  # the preview folds the same texts on every rebuild
def _folded_words(texts: tuple[str | None, ...]) -> str:
    words = {w for text in texts if text for w in _WORD.findall(text.casefold())}
    folded = {w.translate(f) for w in words if _NORWEGIAN_LETTER.search(w) for f in _FOLDINGS}
    return " ".join([FOLD_MARK, *sorted(folded)]) if folded else ""


@dataclass(frozen=True)
class SearchMarks:
    """The filter values and folded text of each kind of indexed page.

    Templates reach them through globals that take ids, not objects (`search_globals`), so that the
    preview's dependency tracking records each call with its result and can tell when it changes.
    """

    catalogue: Catalogue
    views: Views

    def filters_of(self, kind: str, ident: str) -> Filters:
        """The filters of the page of a project, news post, agency or lesson ("slug#anchor")."""
        if kind == "project":
            return self.project(self.views.projects[ident])
        if kind == "news":
            return self.news(self.views.news[ident])
        if kind == "agency":
            return self.agency(self.views.agencies[ident])
        return self.lesson(self._lesson(ident))

    def words_of(self, kind: str, ident: str) -> str:
        """The folded words (æ/ø/å spelled out) of the same pages."""
        if kind == "project":
            return self.fold(*self.project_texts(self.views.projects[ident]))
        if kind == "news":
            post = self.views.news[ident].post
            return self.fold(post.title, post.summary, post.body)
        if kind == "agency":
            view = self.views.agencies[ident]
            return self.fold(view.agency.name, view.agency.short, *(a.name for a in view.predecessors))
        learning = self._lesson(ident).learning.learning
        return self.fold(learning.title, learning.text)

    def _lesson(self, ident: str) -> LessonView:
        return self._lessons[ident]

    @functools.cached_property
    def _lessons(self) -> dict[str, LessonView]:
        """Lessons by "slug#anchor" (looked up once per lesson document: a scan each would be quadratic)."""
        found: dict[str, LessonView] = {}
        for lv in self.views.lessons:
            found.setdefault(f"{lv.project.project.slug}#{lv.learning.learning.anchor}", lv)
        return found

    def project(self, view: ProjectView) -> Filters:
        p = view.project
        return (
            ("type", "project"),
            *self._record(p.lang, p.year, p.status, self.catalogue.current_agencies(p)),
            ("phase", p.phase),
            *(("theme", t) for t in p.themes),
        )

    def lesson(self, view: LessonView) -> Filters:
        p = view.project.project
        learning = view.learning.learning
        return (
            ("type", "lesson"),
            *self._record(p.lang, p.year, p.status, self.catalogue.current_agencies(p)),
            *((("phase", learning.phase),) if learning.phase else ()),
            *(("theme", t) for t in learning.themes),
        )

    def news(self, view: NewsView) -> Filters:
        post = view.post
        return (("type", "news"), ("language", post.lang), ("year", str(post.date.year)))

    def agency(self, view: AgencyView) -> Filters:
        # The current agency's id: filtering on Digdir also finds the page of Difi.
        return (("type", "agency"), ("agency", view.current.id))

    def fold(self, *texts: str | None) -> str:
        return folded_words(texts)

    def project_texts(self, view: ProjectView) -> list[str | None]:
        """The indexed words of a project page, for folding (its lessons are documents of their own)."""
        p = view.project
        names = [n for role in view.roles for n in (role.recorded.name, role.current.name)]
        return [p.title, p.summary, p.problem, p.body, *p.vendors, *names]

    def facets(self, lang: str) -> tuple[Facet, ...]:
        return search_facets(self.catalogue, self.views, lang)

    def browse(self, lang: str) -> dict[str, list[FacetOption]]:
        return browse_links(self.facets(lang))

    @staticmethod
    def _record(lang: str, year: int | None, status: str, agencies: Sequence[str]) -> Filters:
        return (
            ("language", lang),
            *((("year", str(year)),) if year else ()),
            ("status", status),
            *(("agency", a) for a in agencies),
        )


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: tuple[FacetOption, ...]


def search_facets(catalogue: Catalogue, views: Views, lang: str) -> tuple[Facet, ...]:
    """The facets of the search page: every value some indexed page carries, labelled in lang."""
    projects = [v.project for v in views.projects.values()]
    lessons = [lv.learning.learning for lv in views.lessons]
    agencies = {catalogue.current_agency[a] for a in catalogue.agencies}  # each agency page carries one
    theme_ids = sorted({t for p in projects for t in p.themes} | {t for le in lessons for t in le.themes})
    phase_ids = {p.phase for p in projects} | {le.phase for le in lessons if le.phase}
    years = {p.year for p in projects if p.year} | {n.post.date.year for n in views.news.values()}
    languages = {p.lang for p in projects} | {n.post.lang for n in views.news.values()}
    types = {"project", "agency"} | ({"lesson"} if lessons else set()) | ({"news"} if views.news else set())
    types |= ({"theme"} if theme_ids else set()) | ({"phase"} if phase_ids else set())
    options = {
        "type": [FacetOption(t, translate(lang, TYPE_LABELS[t])) for t in TYPE_LABELS if t in types],
        "agency": sorted(
            (FacetOption(a, catalogue.agencies[a].name) for a in agencies), key=lambda o: o.label.casefold()
        ),
        "theme": [FacetOption(t, theme_of(catalogue, t).label.get(lang)) for t in theme_ids],
        "phase": [FacetOption(p.id, p.label.get(lang)) for p in catalogue.config.phases if p.id in phase_ids],
        "status": [FacetOption(s, translate(lang, f"status_{s}")) for s in STATUSES],
        "year": [FacetOption(str(y), str(y)) for y in sorted(years, reverse=True)],
        "language": [FacetOption(code, translate(lang, f"lang_{code}")) for code in sorted(languages)],
    }
    return tuple(
        Facet(name, translate(lang, f"search_facet_{name}"), tuple(options[name]))
        for name in FACETS
        if options[name]
    )


def browse_links(facets: Iterable[Facet]) -> dict[str, list[FacetOption]]:
    """The theme and phase pages that exist, for readers without JavaScript (value = URL)."""
    by_name = {f.name: f for f in facets}
    return {
        "themes": [FacetOption(urls.theme_url(o.value), o.label) for o in _options(by_name, "theme")],
        "phases": [FacetOption(urls.phase_url(o.value), o.label) for o in _options(by_name, "phase")],
    }


def _options(facets: dict[str, Facet], name: str) -> tuple[FacetOption, ...]:
    return facets[name].options if name in facets else ()


def lesson_documents(views: Views) -> list[PageSpec]:
    """One page per lesson that only the indexer reads; its result links to the lesson's anchor."""
    return [
        PageSpec(
            f"{LESSON_DOCUMENTS}{lv.project.project.slug}/{lv.learning.learning.anchor}/",
            "search_lesson.html",
            lv.project.project.lang,
            lv.learning.learning.title,
            {"lv": lv},
            in_sitemap=False,
        )
        for lv in views.lessons
    ]


def search_globals(marks: SearchMarks) -> dict[str, object]:
    return {
        "search_filters_of": marks.filters_of,
        "search_words_of": marks.words_of,
        "search_fold": marks.fold,
        "search_facets": marks.facets,
        "search_browse": marks.browse,
    }
