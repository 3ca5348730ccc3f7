"""UI text in Bokmål, Nynorsk and English, and dates formatted per language with Babel."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date, format_skeleton
from babel.lists import format_list
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
    # A record can say its phase is not known from the sources (extra: {phase_known: false}).
    "phase_unknown": (
        "Kildene sier ikke hvor langt prosjektet kom; diagrammet viser fasen som er registrert.",
        "Kjeldene seier ikkje kor langt prosjektet kom; diagrammet viser fasen som er registrert.",
        "The sources do not say how far the project got; the diagram shows the phase on record.",
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
    # issue 3: knowledge base (lessons, years, related projects, agency history, overview charts)
    "lessons_intro": (
        "Det prosjektene har lært, samlet på tvers av prosjektene. Nyeste prosjekt først.",
        "Det prosjekta har lært, samla på tvers av prosjekta. Nyaste prosjekt først.",
        "What the projects learned, gathered across projects. Newest project first.",
    ),
    "lessons_views": ("Vis læring", "Vis læring", "Show lessons"),
    "lessons_by_phase": ("Læring etter fase", "Læring etter fase", "Lessons by phase"),
    "lessons_by_theme": ("Læring etter tema", "Læring etter tema", "Lessons by theme"),
    "no_lessons": ("Ingen læringspunkter ennå.", "Ingen læringspunkt enno.", "No lessons yet."),
    "no_phase_given": ("Uten fase", "Utan fase", "No phase given"),
    "no_theme_given": ("Uten tema", "Utan tema", "No theme given"),
    "contents": ("Innhold", "Innhald", "Contents"),
    "see_all_about": ("Alt om {name}", "Alt om {name}", "Everything on {name}"),
    "year": ("År", "År", "Year"),
    "year_counts": (
        "{projects} prosjekter startet, {news} nyheter",
        "{projects} prosjekt starta, {news} nyheiter",
        "{projects} projects started, {news} news posts",
    ),
    "year_projects": (
        "Prosjekter som startet dette året",
        "Prosjekt som starta dette året",
        "Projects started this year",
    ),
    "year_news": ("Nyheter dette året", "Nyheiter dette året", "News this year"),
    "browse": ("Bla i katalogen", "Bla i katalogen", "Browse the catalogue"),
    "indexes": ("Oversikter", "Oversikter", "Indexes"),
    "related_projects": ("Beslektede prosjekter", "Relaterte prosjekt", "Related projects"),
    "reason_agency_one": ("virksomheten {name}", "verksemda {name}", "the agency {name}"),
    "reason_agencies": ("{n} virksomheter", "{n} verksemder", "{n} agencies"),
    "reason_theme_one": ("temaet {name}", "temaet {name}", "the theme {name}"),
    "reason_themes": ("temaene {names}", "temaa {names}", "the themes {names}"),
    "reason_shares": ("deler {items}", "deler {items}", "shares {items}"),
    "reason_shares_and_similar": (
        "deler {items}, og har et lignende problem",
        "deler {items}, og har eit liknande problem",
        "shares {items}, and has a similar problem",
    ),
    "reason_similar": ("har et lignende problem", "har eit liknande problem", "has a similar problem"),
    "until_date": ("til {date}", "til {date}", "until {date}"),
    "from_date": ("fra {date}", "frå {date}", "from {date}"),
    "recorded_as_then": ("Registrert som {names}", "Registrert som {names}", "Recorded as {names}"),
    "worked_with": ("Har samarbeidet med", "Har samarbeidd med", "Has worked with"),
    "shared_project_one": ("1 felles prosjekt", "1 felles prosjekt", "1 shared project"),
    "shared_projects_count": ("{n} felles prosjekter", "{n} felles prosjekt", "{n} shared projects"),
    "shared_projects": ("Felles prosjekter", "Felles prosjekt", "Shared projects"),
    "cooperation_title": ("Hvem har samarbeidet", "Kven har samarbeidd", "Who has worked together"),
    "cooperation_intro": (
        "Virksomhetene med sine nåværende navn. En linje mellom to virksomheter betyr at de har hatt "
        "minst ett prosjekt sammen; jo tykkere linje, jo flere prosjekter. Tabellen under viser det samme.",
        "Verksemdene med dei noverande namna sine. Ei linje mellom to verksemder betyr at dei har hatt "
        "minst eitt prosjekt saman; di tjukkare linje, di fleire prosjekt. Tabellen under viser det same.",
        "The agencies under their current names. A line between two agencies means they have had "
        "at least one project together; the thicker the line, the more projects. The table below shows "
        "the same.",
    ),
    "cooperation_desc": (
        "Nettverk av {agencies} virksomheter og {pairs} par som har hatt prosjekter sammen.",
        "Nettverk av {agencies} verksemder og {pairs} par som har hatt prosjekt saman.",
        "A network of {agencies} agencies and {pairs} pairs that have had projects together.",
    ),
    "cooperation_caption": (
        "Samarbeid gjennom felles prosjekter",
        "Samarbeid gjennom felles prosjekt",
        "Co-operation through shared projects",
    ),
    "cooperation_table": (
        "Par som har samarbeidet",
        "Par som har samarbeidd",
        "Pairs that have worked together",
    ),
    "at_a_glance": ("Programmet i tall", "Programmet i tal", "The programme at a glance"),
    "figure_projects": ("Prosjekter", "Prosjekt", "Projects"),
    "figure_agencies": ("Virksomheter med", "Verksemder med", "Agencies involved"),
    "figure_municipalities": ("Kommuner med", "Kommunar med", "Municipalities involved"),
    "figure_funding": ("Tilskudd i alt", "Tilskot i alt", "Total funding"),
    "nok": ("{amount} kr", "{amount} kr", "NOK {amount}"),
    "chart_show_table": ("Vis som tabell", "Vis som tabell", "Show as a table"),
    "chart_status": ("Prosjekter etter status", "Prosjekt etter status", "Projects by status"),
    "chart_status_desc": (
        "Stolpediagram over antall prosjekter per status.",
        "Stolpediagram over talet på prosjekt per status.",
        "Bar chart of the number of projects per status.",
    ),
    "chart_phase": ("Prosjekter etter fase", "Prosjekt etter fase", "Projects by phase"),
    "chart_phase_desc": (
        "Stolpediagram over antall prosjekter i hver fase nå.",
        "Stolpediagram over talet på prosjekt i kvar fase no.",
        "Bar chart of the number of projects now in each phase.",
    ),
    "chart_started": ("Prosjekter startet per år", "Prosjekt starta per år", "Projects started per year"),
    "chart_started_desc": (
        "Søylediagram over antall prosjekter som startet hvert år.",
        "Søylediagram over talet på prosjekt som starta kvart år.",
        "Column chart of the number of projects started each year.",
    ),
    "chart_agencies": (
        "Virksomheter med, etter type",
        "Verksemder med, etter type",
        "Agencies involved, by kind",
    ),
    "chart_agencies_desc": (
        "Stolpediagram over virksomhetene som har vært med, med nåværende navn, etter type.",
        "Stolpediagram over verksemdene som har vore med, med noverande namn, etter type.",
        "Bar chart of the agencies involved, under their current names, by kind.",
    ),
    "chart_funding": ("Tilskudd etter startår", "Tilskot etter startår", "Funding by year started"),
    "chart_funding_desc": (
        "Stolpediagram over samlet tilskudd til prosjektene som startet hvert år.",
        "Stolpediagram over samla tilskot til prosjekta som starta kvart år.",
        "Bar chart of the total funding of the projects started each year.",
    ),
    "agency_kind": ("Type", "Type", "Kind"),
    "agency_kinds_state": ("Statlige virksomheter", "Statlege verksemder", "State agencies"),
    "agency_kinds_municipality": ("Kommuner", "Kommunar", "Municipalities"),
    "agency_kinds_county": ("Fylkeskommuner", "Fylkeskommunar", "Counties"),
    "agency_kinds_health": ("Helseforetak", "Helseføretak", "Health trusts"),
    "agency_kinds_other": ("Andre", "Andre", "Others"),
    # issue 5: the live preview's error page
    "preview_error_title": ("Feil i innholdet", "Feil i innhaldet", "Errors in the content"),
    "preview_error_heading": (
        "Forhåndsvisningen fant {count} feil",
        "Førehandsvisinga fann {count} feil",
        "The preview found {count} error(s)",
    ),
    "preview_error_text": (
        "Hver linje viser fil, linjenummer og hva som er galt. Rett filen og lagre; "
        "siden kommer tilbake av seg selv.",
        "Kvar linje viser fil, linjenummer og kva som er gale. Rett fila og lagra; "
        "sida kjem tilbake av seg sjølv.",
        "Each line gives the file, the line number and what is wrong. Fix the file and save; "
        "the page comes back by itself.",
    ),
    # issue 6: feeds and link previews
    "feed_new_projects": ("Nye prosjekter", "Nye prosjekt", "New projects"),
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


def format_and(items: list[str], lang: str) -> str:
    """'a, b og c' / 'a, b and c'."""
    return _format_and(tuple(items), lang)


@functools.lru_cache(maxsize=1 << 12)  # Babel's list formatting is slow; the same lists recur
def _format_and(items: tuple[str, ...], lang: str) -> str:
    return format_list(list(items), locale=_LOCALE[lang])
