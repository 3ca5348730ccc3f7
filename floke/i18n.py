"""UI text in Bokmål, Nynorsk and English, and dates formatted per language with Babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from floke.model import PartialDate

# One entry per UI string: (Bokmål, Nynorsk, English). Every string exists in all three.
_STRINGS: dict[str, tuple[str, str, str]] = {
    "skip_to_content": ("Hopp til hovedinnhold", "Hopp til hovudinnhaldet", "Skip to main content"),
    "main_nav": ("Hovedmeny", "Hovudmeny", "Main menu"),
    "home": ("Forside", "Framside", "Home"),
    "projects": ("Prosjekter", "Prosjekt", "Projects"),
    "project": ("Prosjekt", "Prosjekt", "Project"),
    "news": ("Nyheter", "Nyheiter", "News"),
    "agencies": ("Virksomheter", "Verksemder", "Agencies"),
    "agency": ("Virksomhet", "Verksemd", "Agency"),
    "lessons": ("Læring", "Læring", "Lessons"),
    "themes": ("Temaer", "Tema", "Themes"),
    "theme": ("Tema", "Tema", "Theme"),
    "phases": ("Faser", "Fasar", "Phases"),
    "phase": ("Fase", "Fase", "Phase"),
    "years": ("År", "År", "Years"),
    "about": ("Om", "Om", "About"),
    "search": ("Søk", "Søk", "Search"),
    "search_needs_js": (
        "Søket trenger JavaScript, som er slått av i nettleseren din.",
        "Søket treng JavaScript, som er slått av i nettlesaren din.",
        "Search needs JavaScript, which is turned off in your browser.",
    ),
    "browse_instead": (
        "Du kan bla i katalogen i stedet:",
        "Du kan bla i katalogen i staden:",
        "You can browse the catalogue instead:",
    ),
    "search_label": ("Søk i katalogen", "Søk i katalogen", "Search the catalogue"),
    "problem": ("Floken", "Floken", "The tangle"),
    "problem_intro": ("Det felles problemet", "Det felles problemet", "The shared problem"),
    "about_project": ("Om prosjektet", "Om prosjektet", "About the project"),
    "learnings": ("Dette lærte vi", "Dette lærte vi", "What was learned"),
    "learning_in": ("Læring fra", "Læring frå", "Lesson from"),
    "sources": ("Kilder", "Kjelder", "Sources"),
    "vendors": ("Leverandører", "Leverandørar", "Vendors"),
    "funding": ("Tilskudd", "Tilskot", "Funding"),
    "round": ("Søknadsrunde", "Søknadsrunde", "Funding round"),
    "started": ("Startet", "Starta", "Started"),
    "ended": ("Avsluttet", "Avslutta", "Ended"),
    "status": ("Status", "Status", "Status"),
    "status_planned": ("Planlagt", "Planlagt", "Planned"),
    "status_ongoing": ("Pågår", "Pågår", "Ongoing"),
    "status_completed": ("Avsluttet", "Avslutta", "Completed"),
    "status_stopped": ("Stanset", "Stansa", "Stopped"),
    "lead_agency": ("ansvarlig", "ansvarleg", "lead"),
    "now_part_of": ("nå en del av", "no ein del av", "now part of"),
    "now_called": ("nå", "no", "now"),
    "phase_diagram": (
        "Prosjektets fase i den triple diamanten",
        "Fasen til prosjektet i den triple diamanten",
        "The project's phase in the triple diamond",
    ),
    "current_phase": ("Nåværende fase", "Noverande fase", "Current phase"),
    "facts": ("Fakta", "Fakta", "Facts"),
    "ongoing_projects": ("Pågående prosjekter", "Pågåande prosjekt", "Ongoing projects"),
    "completed_projects": ("Avsluttede prosjekter", "Avslutta prosjekt", "Completed projects"),
    "latest_news": ("Siste nytt", "Siste nytt", "Latest news"),
    "all_projects": ("Alle prosjekter", "Alle prosjekt", "All projects"),
    "all_news": ("Alle nyheter", "Alle nyheiter", "All news"),
    "all_agencies": ("Alle virksomheter", "Alle verksemder", "All agencies"),
    "projects_count": ("{n} prosjekter", "{n} prosjekt", "{n} projects"),
    "project_count_one": ("1 prosjekt", "1 prosjekt", "1 project"),
    "history": ("Historikk", "Historikk", "History"),
    "replaced_by": ("Erstattet av", "Erstatta av", "Replaced by"),
    "replaced": ("Erstattet", "Erstatta", "Replaced"),
    "valid_from": ("Fra", "Frå", "From"),
    "valid_to": ("Til", "Til", "Until"),
    "orgnr": ("Organisasjonsnummer", "Organisasjonsnummer", "Organisation number"),
    "recorded_as": ("registrert som", "registrert som", "recorded as"),
    "no_projects": ("Ingen prosjekter ennå.", "Ingen prosjekt enno.", "No projects yet."),
    "referenced_by": ("Lenket fra", "Lenka frå", "Referenced by"),
    "related_news": ("Omtalt i nyheter", "Omtala i nyheiter", "In the news"),
    "projects_in_news": ("Prosjekter i saken", "Prosjekt i saka", "Projects in this post"),
    "published": ("Publisert", "Publisert", "Published"),
    "translations": ("Andre språk", "Andre språk", "Other languages"),
    "not_found_title": ("Fant ikke siden", "Fann ikkje sida", "Page not found"),
    "not_found_text": (
        "Siden du lette etter finnes ikke, eller den er flyttet.",
        "Sida du leitte etter finst ikkje, eller ho er flytta.",
        "The page you were looking for does not exist, or it has moved.",
    ),
    "not_found_help": (
        "Prøv forsiden, prosjektoversikten eller søket.",
        "Prøv framsida, prosjektoversikta eller søket.",
        "Try the home page, the project list or the search.",
    ),
    "footer_about": ("Om katalogen", "Om katalogen", "About the catalogue"),
    "footer_built": ("Laget med floke", "Laga med floke", "Made with floke"),
    "accessibility": ("Tilgjengelighetserklæring", "Tilgjengelegheitserklæring", "Accessibility statement"),
    "open_data": ("Åpne data", "Opne data", "Open data"),
    "example": ("Eksempel", "Døme", "Example"),
    "example_note": (
        "Dette er et oppdiktet eksempel som viser hvordan katalogen virker.",
        "Dette er eit oppdikta døme som viser korleis katalogen verkar.",
        "This is a fictional example that shows how the catalogue works.",
    ),
    "lang_nb": ("bokmål", "bokmål", "Norwegian Bokmål"),
    "lang_nn": ("nynorsk", "nynorsk", "Norwegian Nynorsk"),
    "lang_en": ("engelsk", "engelsk", "English"),
    "written_in": ("Skrevet på", "Skriven på", "Written in"),
    "breadcrumb": ("Brødsmulesti", "Brødsmulesti", "Breadcrumb"),
    "phase_projects": (
        "Prosjekter i denne fasen nå",
        "Prosjekt i denne fasen no",
        "Projects now in this phase",
    ),
    "phase_lessons": ("Læring fra denne fasen", "Læring frå denne fasen", "Lessons learned in this phase"),
    "theme_projects": ("Prosjekter om temaet", "Prosjekt om temaet", "Projects on this theme"),
    "theme_lessons": ("Læring om temaet", "Læring om temaet", "Lessons on this theme"),
    "by_theme": ("Etter tema", "Etter tema", "By theme"),
    "by_phase": ("Etter fase", "Etter fase", "By phase"),
    "unknown_date": ("ukjent", "ukjend", "unknown"),
    "agency_kind_state": ("statlig", "statleg", "state"),
    "agency_kind_municipality": ("kommune", "kommune", "municipality"),
    "agency_kind_county": ("fylkeskommune", "fylkeskommune", "county"),
    "agency_kind_health": ("helse", "helse", "health"),
    "agency_kind_other": ("annen", "anna", "other"),
    # issue 4: search page
    "search_count_none": ("Ingen treff", "Ingen treff", "No results"),
    "search_count_one": ("1 treff", "1 treff", "1 result"),
    "search_count_many": ("{n} treff", "{n} treff", "{n} results"),
    "search_prompt": (
        "Skriv et søkeord eller velg et filter.",
        "Skriv eit søkjeord eller vel eit filter.",
        "Type a word or choose a filter.",
    ),
    "search_failed": (
        "Søket kunne ikke lastes. Prøv igjen senere, eller bla i katalogen.",
        "Søket kunne ikkje lastast. Prøv igjen seinare, eller bla i katalogen.",
        "The search could not be loaded. Try again later, or browse the catalogue.",
    ),
    "search_more": ("Vis flere treff", "Vis fleire treff", "Show more results"),
    "search_narrow": ("Avgrens søket", "Avgrens søket", "Narrow the search"),
    "search_results": ("Søkeresultater", "Søkjeresultat", "Search results"),
    "search_browse": ("Bla i katalogen", "Bla i katalogen", "Browse the catalogue"),
    "search_facet_type": ("Type", "Type", "Type"),
    "search_facet_agency": ("Virksomhet", "Verksemd", "Agency"),
    "search_facet_theme": ("Tema", "Tema", "Theme"),
    "search_facet_phase": ("Fase", "Fase", "Phase"),
    "search_facet_status": ("Status", "Status", "Status"),
    "search_facet_year": ("År", "År", "Year"),
    "search_facet_language": ("Språk", "Språk", "Language"),
}
_COLUMN = {"nb": 0, "nn": 1, "en": 2}
# Babel's locale names for our language codes.
_LOCALE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def message_keys() -> list[str]:
    return sorted(_STRINGS)


def translate(lang: str, key: str, **values: object) -> str:
    text = _STRINGS[key][_COLUMN[lang]]
    return text.format(**values) if values else text


def format_day(day: dt.date, lang: str) -> str:
    """'16. mars 2021' / '16 March 2021'."""
    return format_date(day, format="long", locale=_LOCALE[lang])


def format_partial(date: PartialDate | None, lang: str) -> str:
    """A date as precisely as it is known: '2018', 'juni 2018' or '30. juni 2018'."""
    if date is None:
        return translate(lang, "unknown_date")
    if date.day is not None:
        return format_day(date.first_day(), lang)
    if date.month is not None:
        return format_skeleton("yMMMM", date.first_day(), locale=_LOCALE[lang])
    return str(date.year)


def format_number(value: int, lang: str) -> str:
    return format_decimal(value, locale=_LOCALE[lang])
