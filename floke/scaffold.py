"""`floke new project|news|page "Title"`: write a new record with every field present and explained.

Required fields that cannot be guessed get the placeholder FYLL-INN (FILL-IN in English) to
replace; optional fields are written as comments to fill in or leave. The file name is the slug
made from the title; an existing file is never overwritten. New records start as drafts, so
nothing is published by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from floke.editor_schemas import site_ids
from floke.load import display_path
from floke.slugs import slugify

KIND_FOLDERS = {"project": "projects", "news": "news", "page": "pages"}
MAX_LISTED = 15
PLACEHOLDER = {"nb": "FYLL-INN", "nn": "FYLL-INN", "en": "FILL-IN"}


class ScaffoldError(Exception):
    """The record cannot be written; the message says why and what to do."""


# Help per field: (Bokmål, Nynorsk, English). The order here is the order in the file.
_HELP: dict[str, dict[str, tuple[str, str, str]]] = {
    "project": {
        "title": ("Prosjektets navn, slik det står i overskrifter og lister.",
                  "Namnet på prosjektet, slik det står i overskrifter og lister.",
                  "The project's name, as shown in headings and lists."),
        "agencies": ("Virksomhetene, med id fra content/agencies.yaml, den ansvarlige først: {agency}",
                     "Verksemdene, med id frå content/agencies.yaml, den ansvarlege først: {agency}",
                     "The agencies, by id from content/agencies.yaml, lead agency first: {agency}"),
        "problem": ("Floken: det felles problemet virksomhetene løser sammen (Markdown).",
                    "Floka: det felles problemet verksemdene løyser saman (Markdown).",
                    "The tangle: the shared problem the agencies solve together (Markdown)."),
        "phase": ("Fasen prosjektet er i nå (eller endte i): {phase}",
                  "Fasen prosjektet er i no (eller enda i): {phase}",
                  "The phase the project is in now (or ended in): {phase}"),
        "summary": ("Én eller to enkle setninger til lister og søk.",
                    "Éi eller to enkle setningar til lister og søk.",
                    "One or two plain sentences for lists and search results."),
        "lang": ("Språket posten er skrevet på: nb, nn eller en.",
                 "Språket posten er skriven på: nb, nn eller en.",
                 "The language of the record: nb, nn or en."),
        "status": ("planned, ongoing, completed eller stopped. Standard: completed når ended er satt.",
                   "planned, ongoing, completed eller stopped. Standard: completed når ended er sett.",
                   "planned, ongoing, completed or stopped. Default: completed when ended is set."),
        "started": ("Når prosjektet startet: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.",
                    "Når prosjektet starta: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.",
                    "When the project started: YYYY, YYYY-MM or YYYY-MM-DD."),
        "ended": ("Når prosjektet sluttet, i samme form; ikke før started.",
                  "Når prosjektet slutta, i same form; ikkje før started.",
                  "When the project ended, in the same form; not before started."),
        "themes": ("Temaer, med id fra content/site.yaml: {theme}",
                   "Tema, med id frå content/site.yaml: {theme}",
                   "Themes, by id from content/site.yaml: {theme}"),
        "learnings": ("Det prosjektet lærte, én oppføring per læringspunkt (title, text, themes, phase).",
                      "Det prosjektet lærte, éi oppføring per læringspunkt (title, text, themes, phase).",
                      "What the project learned, one entry per lesson (title, text, themes, phase)."),
        "vendors": ("Navn på design- og konsulentselskapene som var med.",
                    "Namn på design- og konsulentselskapa som var med.",
                    "Names of the design and consulting firms involved."),
        "funding_nok": ("Støtte fra programmet i hele kroner, uten mellomrom: 1500000.",
                        "Støtte frå programmet i heile kroner, utan mellomrom: 1500000.",
                        "Funding from the programme in whole kroner, no spaces: 1500000."),
        "round": ("Tildelingsrunden, for eksempel \"2018-1\".",
                  "Tildelingsrunden, til dømes \"2018-1\".",
                  "The funding round, e.g. \"2018-1\"."),
        "sources": ("Adressene til de offentlige kildene fakta i posten bygger på.",
                    "Adressene til dei offentlege kjeldene fakta i posten byggjer på.",
                    "URLs of the public sources the record's facts rest on."),
        "slug": ("Adressen under /projects/. Standard: filnavnet.",
                 "Adressa under /projects/. Standard: filnamnet.",
                 "The address under /projects/. Default: the file name."),
        "draft": ("true: vises bare i forhåndsvisningen. Sett false for å publisere.",
                  "true: blir berre vist i førehandsvisinga. Set false for å publisere.",
                  "true: shown only in the preview. Set false to publish."),
        "translation_of": ("Slug til prosjektet denne posten er en oversettelse av.",
                           "Slug til prosjektet denne posten er ei omsetjing av.",
                           "Slug of the project this record translates."),
        "extra": ("Frie verdier for egne maler; blir ikke kontrollert.",
                  "Frie verdiar for eigne malar; blir ikkje kontrollerte.",
                  "Free-form values for custom templates; never checked."),
    },
    "news": {
        "title": ("Overskriften.", "Overskrifta.", "The headline."),
        "date": ("Publiseringsdato, ÅÅÅÅ-MM-DD. En dato fram i tid holdes tilbake til den dagen.",
                 "Publiseringsdato, ÅÅÅÅ-MM-DD. Ein dato fram i tid blir halden tilbake til den dagen.",
                 "Publication date, YYYY-MM-DD. A future date is held back until that day."),
        "lang": ("Språket saken er skrevet på: nb, nn eller en.",
                 "Språket saka er skriven på: nb, nn eller en.",
                 "The language of the post: nb, nn or en."),
        "summary": ("Én eller to enkle setninger til lister og nyhetsstrømmer.",
                    "Éi eller to enkle setningar til lister og nyheitsstraumar.",
                    "One or two plain sentences for lists and feeds."),
        "projects": ("Slug til prosjektene saken handler om.",
                     "Slug til prosjekta saka handlar om.",
                     "Slugs of the projects the post is about."),
        "draft": ("true: vises bare i forhåndsvisningen. Sett false for å publisere.",
                  "true: blir berre vist i førehandsvisinga. Set false for å publisere.",
                  "true: shown only in the preview. Set false to publish."),
        "sources": ("Adressene til de offentlige kildene saken bygger på.",
                    "Adressene til dei offentlege kjeldene saka byggjer på.",
                    "URLs of the public sources the post rests on."),
        "slug": ("Adressen under /news/. Standard: filnavnet.",
                 "Adressa under /news/. Standard: filnamnet.",
                 "The address under /news/. Default: the file name."),
        "translation_of": ("Slug til saken denne er en oversettelse av.",
                           "Slug til saka denne er ei omsetjing av.",
                           "Slug of the post this one translates."),
    },
    "page": {
        "title": ("Sidens overskrift.", "Overskrifta på sida.", "The page heading."),
        "lang": ("Språket siden er skrevet på: nb, nn eller en.",
                 "Språket sida er skriven på: nb, nn eller en.",
                 "The language of the page: nb, nn or en."),
        "summary": ("Én enkel setning til søk og lenkeforhåndsvisninger.",
                    "Éi enkel setning til søk og lenkjeførehandsvisingar.",
                    "One plain sentence for search results and link previews."),
        "slug": ("Adressen: /<slug>/. Standard: filnavnet.",
                 "Adressa: /<slug>/. Standard: filnamnet.",
                 "The address: /<slug>/. Default: the file name."),
        "translation_of": ("Slug til siden denne er en oversettelse av.",
                           "Slug til sida denne er ei omsetjing av.",
                           "Slug of the page this one translates."),
        "draft": ("true: vises bare i forhåndsvisningen. Sett false for å publisere.",
                  "true: blir berre vist i førehandsvisinga. Set false for å publisere.",
                  "true: shown only in the preview. Set false to publish."),
    },
}  # fmt: skip

_NOTES = {
    "heading": ("Ny post ({kind}). Linjer som starter med # er forklaringer;\n"
                "# fjern # foran et felt for å bruke det.",
                "Ny post ({kind}). Linjer som byrjar med # er forklaringar;\n"
                "# fjern # framfor eit felt for å bruke det.",
                "A new {kind}. Lines starting with # are explanations;\n"
                "# remove the # before a field to use it."),
    "placeholder": ("Bytt ut {placeholder} overalt; `python build.py check` viser hva som mangler.",
                    "Byt ut {placeholder} overalt; `python build.py check` viser kva som manglar.",
                    "Replace {placeholder} everywhere; `python build.py check` shows what is missing."),
    "body": ("Skriv teksten her, i Markdown. Lenk til andre poster med [[project:slug]] "
             "eller [[agency:id]].",
             "Skriv teksten her, i Markdown. Lenk til andre postar med [[project:slug]] "
             "eller [[agency:id]].",
             "Write the text here, in Markdown. Link to other records with [[project:slug]] "
             "or [[agency:id]]."),
    "project": ("prosjekt", "prosjekt", "project"),
    "news": ("nyhetssak", "nyheitssak", "news post"),
    "page": ("side", "side", "page"),
}  # fmt: skip
_COLUMN = {"nb": 0, "nn": 1, "en": 2}


@dataclass(frozen=True)
class NewRecord:
    path: Path
    text: str


def new_record(
    content: Path, kind: str, title: str, lang: str, today: dt.date, slug: str | None = None
) -> NewRecord:
    """The file to write for a new record; ScaffoldError when its slug is missing or taken."""
    slug = slug or slugify(title)
    if not slug:
        raise ScaffoldError(
            f'cannot make an address from the title "{title}"; '
            "give one with --slug (lower-case letters, digits, hyphens)"
        )
    folder = content / KIND_FOLDERS[kind]
    path = folder / f"{slug}.md"
    taken = _taken_by(folder, slug)
    if taken is not None:
        raise ScaffoldError(
            f'the {kind} slug "{slug}" is already used by {display_path(taken)}; '
            "choose another title or give another address with --slug (nothing was written)"
        )
    return NewRecord(path, record_text(kind, title, lang, today, site_ids(content)))


def _taken_by(folder: Path, slug: str) -> Path | None:
    """The file that already has this slug: same file name (in any case), or a slug: field."""
    if not folder.is_dir():
        return None
    for path in sorted(folder.iterdir()):
        if path.suffix == ".md" and path.stem.lower() == slug:
            return path
        if path.suffix == ".md" and f"\nslug: {slug}\n" in path.read_text(encoding="utf-8", errors="replace"):
            return path
    return None


def write_record(record: NewRecord) -> None:
    record.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(record.path, "x", encoding="utf-8") as stream:  # "x": never overwrite
            stream.write(record.text)
    except FileExistsError:
        raise ScaffoldError(f"{display_path(record.path)} already exists; nothing was written") from None


def record_text(kind: str, title: str, lang: str, today: dt.date, ids: dict[str, list[str]]) -> str:
    column = _COLUMN[lang]
    fill = PLACEHOLDER[lang]
    lists = {name: _listed(values) for name, values in ids.items()}

    def help_for(name: str) -> str:
        return "# " + _HELP[kind][name][column].format(**lists)

    values = _values(kind, title, lang, today, fill, ids)
    lines = ["---", "# " + _NOTES["heading"][column].format(kind=_NOTES[kind][column])]
    if any(fill in v for v in values.values()):
        lines.append("# " + _NOTES["placeholder"][column].format(placeholder=fill))
    for name in _HELP[kind]:
        lines.append("")
        lines.append(help_for(name))
        value = values.get(name)
        lines.extend(value.split("\n") if value is not None else [f"# {_EXAMPLES[name]}"])
    lines += ["---", "", f"<!-- {_NOTES['body'][column]} -->", ""]
    return "\n".join(lines)


def _listed(values: list[str]) -> str:
    """Ids for a comment; a long list is left to its file."""
    return ", ".join(values) if 0 < len(values) <= MAX_LISTED else "..."


def _values(
    kind: str, title: str, lang: str, today: dt.date, fill: str, ids: dict[str, list[str]]
) -> dict[str, str]:
    """The fields written uncommented: required ones (placeholders where we cannot know) and defaults."""
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    common = {"title": f"title: {quoted}", "lang": f"lang: {lang}", "draft": "draft: true"}
    if kind == "project":
        return common | {
            "agencies": f"agencies: [{fill}]",
            "problem": f"problem: |\n  {fill}",
            "phase": f"phase: {ids['phase'][0] if ids['phase'] else fill}",
            "status": "status: ongoing",
            "started": f'started: "{today:%Y-%m}"',
        }
    if kind == "news":
        return common | {"date": f'date: "{today.isoformat()}"'}
    return common


# Commented examples of the optional fields, in the form the schema wants.
_EXAMPLES = {
    "summary": "summary: ...",
    "ended": 'ended: "2025-06"',
    "themes": "themes: []",
    "learnings": "learnings:\n#   - title: ...\n#     text: ...\n#     themes: []\n#     phase: ...",
    "vendors": "vendors: []",
    "funding_nok": "funding_nok: 0",
    "round": 'round: "2025-1"',
    "sources": "sources:\n#   - https://...",
    "slug": "slug: ...",
    "translation_of": "translation_of: ...",
    "extra": "extra: {}",
    "projects": "projects: []",
}
