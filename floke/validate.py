"""Stage 2, validate: check RawRecords against the JSON Schemas and turn them into typed records.

Checks that need only one record and the site settings live here (field shapes, dates that
exist, known phases, themes and languages, organisation numbers). Checks between records
(agency ids, slugs, cross-references) are link.py's.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from floke.diagnostics import Report, did_you_mean
from floke.load import LoadedContent
from floke.memo import NO_MEMO, Memo
from floke.model import (
    LANGUAGES,
    Agency,
    Content,
    Labels,
    Learning,
    NewsPost,
    Origin,
    Page,
    PartialDate,
    Phase,
    Project,
    RawRecord,
    SiteConfig,
    Theme,
)
from floke.schema_messages import schema_error_messages
from floke.schemas import load_schema
from floke.slugs import slugify, unique

DEFAULT_PHASES: list[dict[str, Any]] = [
    {
        "id": "diagnosis",
        "label": {"nb": "Diagnose", "nn": "Diagnose", "en": "Diagnosis"},
        "description": {
            "nb": "Eierne og leverandørene utforsker floken sammen til de har en felles forståelse.",
            "nn": "Eigarane og leverandørane utforskar floken saman til dei har ei felles forståing.",
            "en": "Owners and vendors explore the tangle together until they share an understanding.",
        },
    },
    {
        "id": "explore-define",
        "label": {"nb": "Utforske og definere", "nn": "Utforske og definere", "en": "Explore and define"},
        "description": {
            "nb": "Idéer, brukerinvolvering og konsepter som testes, til ett velges.",
            "nn": "Idear, brukarinvolvering og konsept som blir testa, til eitt blir valt.",
            "en": "Ideas, user involvement and concepts tested until one is chosen.",
        },
    },
    {
        "id": "develop-deliver",
        "label": {"nb": "Utvikle og levere", "nn": "Utvikle og levere", "en": "Develop and deliver"},
        "description": {
            "nb": "Prototyper, simulering og utvikling av løsningen.",
            "nn": "Prototypar, simulering og utvikling av løysinga.",
            "en": "Prototypes, simulation and building the solution.",
        },
    },
    {
        "id": "implementation",
        "label": {"nb": "Implementering", "nn": "Implementering", "en": "Implementation"},
        "description": {
            "nb": "Virksomhetene tar løsningen i bruk; det er deres ansvar.",
            "nn": "Verksemdene tek løysinga i bruk; det er deira ansvar.",
            "en": "The agencies take the solution into use; that is their responsibility.",
        },
    },
]
DEFAULT_LICENCE = "https://data.norge.no/nlod/no/2.0"


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name))


def validate(loaded: LoadedContent, report: Report, memo: Memo = NO_MEMO) -> Content:
    config = memo.get("site", (loaded.site,), lambda r: validate_site(loaded.site, r), report)
    agencies = memo.get(
        "agencies", (loaded.agencies,), lambda r: validate_agencies(loaded.agencies, r), report
    )

    def each(check, raws: list[RawRecord]) -> list:
        return [
            memo.get(("record", raw.origin.path), (raw, config), lambda r, x=raw: check(x, config, r), report)
            for raw in raws
        ]

    projects = each(validate_project, loaded.records["project"])
    news = each(validate_news, loaded.records["news"])
    pages = each(validate_page, loaded.records["page"])
    return Content(
        config=config,
        agencies=agencies,
        projects=tuple(p for p in projects if p is not None),
        news=tuple(n for n in news if n is not None),
        pages=tuple(p for p in pages if p is not None),
    )


def check_schema(raw: RawRecord, schema: str, report: Report) -> set[str]:
    """Report every schema violation of the record; returns the top-level keys that have one."""
    found: dict[tuple[int, str], None] = {}  # jsonschema repeats "required" once per missing key
    bad_keys: set[str] = set()
    errors = _validator(schema).iter_errors(raw.data)
    for error in sorted(errors, key=lambda e: [str(part) for part in e.absolute_path]):
        for path, message in schema_error_messages(error):
            found[(raw.origin.line(*path), message)] = None
            bad_keys.add(str(path[0]) if path else "")
    for line, message in found:
        report.error(raw.origin.path, line, message)
    return bad_keys


class _Fields:
    """A record's front matter minus the keys the schema rejected: semantic checks read only these."""

    def __init__(self, raw: RawRecord, bad_keys: set[str]) -> None:
        self.values = {k: v for k, v in raw.data.items() if k not in bad_keys}
        self.complete = not bad_keys

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


# --- site.yaml -------------------------------------------------------------------------------


def validate_site(raw: RawRecord | None, report: Report) -> SiteConfig:
    data = raw.data if raw is not None and not check_schema(raw, "site", report) else {}
    origin = raw.origin if raw is not None else Origin("content/site.yaml")
    languages = tuple(data.get("languages", LANGUAGES))
    default_lang = data.get("default_lang", "nb")
    if default_lang not in languages:
        report.error(
            origin.path,
            origin.line("default_lang"),
            f'"default_lang" is "{default_lang}", which is not in "languages" ({", ".join(languages)})',
        )
    phases = tuple(
        Phase(p["id"], Labels(p["label"]), Labels(p.get("description", {})), i)
        for i, p in enumerate(data.get("phases", DEFAULT_PHASES))
    )
    themes = tuple(
        Theme(t["id"], Labels(t["label"]), Labels(t.get("description", {}))) for t in data.get("themes", [])
    )
    for key, items in (("phases", phases), ("themes", themes)):
        _report_repeated_ids(origin, key, [item.id for item in items], report)
    return SiteConfig(
        title=data.get("title", "floke"),
        description=data.get("description", ""),
        base_url=data.get("base_url", "/"),
        default_lang=default_lang,
        languages=languages,
        phases=phases,
        themes=themes,
        themes_declared="themes" in data,
        language_share_threshold=float(data.get("language_share_threshold", 25)),
        ignore_warnings=tuple(data.get("ignore_warnings", ())),
        licence=data.get("licence", DEFAULT_LICENCE),
        publisher_orgnr=data.get("publisher_orgnr"),
        extra=data.get("extra", {}),
    )


def _report_repeated_ids(origin: Origin, key: str, ids: list[str], report: Report) -> None:
    for index, item_id in enumerate(ids):
        if item_id in ids[:index]:
            report.error(
                origin.path,
                origin.line(key, index),
                f'{key} lists the id "{item_id}" twice; ids must be unique',
            )


# --- agencies.yaml ---------------------------------------------------------------------------


def validate_agencies(raw: RawRecord | None, report: Report) -> dict[str, Agency]:
    if raw is None:
        return {}
    bad_ids = check_schema(raw, "agencies", report)
    if "" in bad_ids:  # the file as a whole has the wrong shape
        return {}
    agencies = {}
    for agency_id, data in sorted(raw.data.items()):
        if agency_id in bad_ids:  # reported; the other agencies are still usable
            continue
        agencies[agency_id] = Agency(
            id=agency_id,
            name=data["name"],
            short=data.get("short"),
            kind=data.get("kind", "other"),
            orgnr=_checked_orgnr(raw.origin, agency_id, data.get("orgnr"), report),
            aliases=tuple(data.get("aliases", [])),
            valid_from=_exact_date(raw.origin, (agency_id, "valid_from"), data.get("valid_from"), report),
            valid_to=_exact_date(raw.origin, (agency_id, "valid_to"), data.get("valid_to"), report),
            replaced_by=data.get("replaced_by"),
            url=data.get("url"),
            origin=Origin(raw.origin.path, _sub_lines(raw.origin, agency_id), raw.origin.line(agency_id)),
        )
        agency = agencies[agency_id]
        if agency.valid_from and agency.valid_to and agency.valid_to < agency.valid_from:
            report.error(
                raw.origin.path,
                raw.origin.line(agency_id, "valid_to"),
                f'"{agency_id}.valid_to" ({agency.valid_to}) is before "valid_from" ({agency.valid_from})',
            )
    return agencies


def _sub_lines(origin: Origin, key: str) -> dict:
    return {path[1:]: line for path, line in origin.lines.items() if path[:1] == (key,) and len(path) > 1}


def orgnr_check_digit(first8: str) -> int | None:
    """Enhetsregisteret's modulus-11 check digit (weights 3 2 7 6 5 4 3 2); None where a number with
    these first eight digits cannot be valid (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(first8, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    if remainder == 0:
        return 0
    return None if remainder == 1 else 11 - remainder


def orgnr_is_valid(orgnr: str) -> bool:
    if len(orgnr) != 9 or not orgnr.isdigit():
        return False
    return orgnr_check_digit(orgnr[:8]) == int(orgnr[8])


def _checked_orgnr(origin: Origin, agency_id: str, value: Any, report: Report) -> str | None:
    if value is None:
        return None
    orgnr = str(value).replace(" ", "")
    line = origin.line(agency_id, "orgnr")
    if len(orgnr) != 9 or not orgnr.isdigit():
        report.error(origin.path, line, f'"{agency_id}.orgnr" must be nine digits, not "{value}"')
        return None
    if not orgnr_is_valid(orgnr):
        report.error(
            origin.path,
            line,
            f'"{agency_id}.orgnr" {orgnr} has a wrong check digit (modulus 11); '
            "check the number in Enhetsregisteret",
        )
        return None
    return orgnr


# --- dates -----------------------------------------------------------------------------------


def _exact_date(origin: Origin, path: tuple, value: str | None, report: Report) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        report.error(
            origin.path, origin.line(*path), f'"{".".join(path)}" is not a date that exists: {value}'
        )
        return None


def parse_partial_date(value: int | str) -> PartialDate:
    """'2018', '2018-06' or '2018-06-30' (already shaped by the schema); ValueError if impossible."""
    parts = [int(p) for p in str(value).split("-")]
    year, month, day = ([*parts, None, None])[:3]
    dt.date(year, month or 1, day or 1)  # raises ValueError for month 13 or 30 February
    return PartialDate(year, month, day)


def _partial_date(raw: RawRecord, fields: _Fields, key: str, report: Report) -> PartialDate | None:
    value = fields.get(key)
    if value is None:
        return None
    try:
        return parse_partial_date(value)
    except ValueError:
        report.error(raw.origin.path, raw.origin.line(key), f'"{key}" is not a date that exists: {value}')
        return None


# --- shared record checks --------------------------------------------------------------------


def record_slug(raw: RawRecord, fields: _Fields, report: Report) -> str | None:
    if "slug" in raw.data:
        return fields.get("slug")
    slug = slugify(raw.stem)
    if not slug:
        report.error(
            raw.origin.path,
            1,
            f'cannot make an address from the file name "{raw.stem}"; '
            "add a field slug: with lower-case letters, digits and hyphens",
        )
        return None
    return slug


def record_lang(raw: RawRecord, fields: _Fields, config: SiteConfig, report: Report) -> str:
    lang = fields.get("lang", config.default_lang)
    if lang not in config.languages:
        report.error(
            raw.origin.path,
            raw.origin.line("lang"),
            f'"lang" is "{lang}", but site.yaml allows only {", ".join(config.languages)}',
        )
    return lang


def check_phase(raw: RawRecord, path: tuple, phase: str | None, config: SiteConfig, report: Report) -> None:
    ids = [p.id for p in config.phases]
    if phase is not None and phase not in ids:
        report.error(
            raw.origin.path,
            raw.origin.line(*path),
            f'unknown phase "{phase}"{did_you_mean(phase, ids)}; phases are: {", ".join(dict.fromkeys(ids))}',
        )


def check_themes(raw: RawRecord, path: tuple, themes: list[str], config: SiteConfig, report: Report) -> None:
    if not config.themes_declared:
        return
    ids = [t.id for t in config.themes]
    for index, theme in enumerate(themes):
        if theme not in ids:
            report.error(
                raw.origin.path,
                raw.origin.line(*path, index),
                f'unknown theme "{theme}"{did_you_mean(theme, ids)}; '
                f"themes are declared in site.yaml: {', '.join(sorted(ids))}",
            )


# --- projects --------------------------------------------------------------------------------


def validate_project(raw: RawRecord, config: SiteConfig, report: Report) -> Project | None:
    fields = _Fields(raw, check_schema(raw, "project", report))
    slug = record_slug(raw, fields, report)
    lang = record_lang(raw, fields, config, report)
    check_phase(raw, ("phase",), fields.get("phase"), config, report)
    check_themes(raw, ("themes",), fields.get("themes", []), config, report)
    started = _partial_date(raw, fields, "started", report)
    ended = _partial_date(raw, fields, "ended", report)
    if started and ended and ended.is_before(started):
        report.error(
            raw.origin.path, raw.origin.line("ended"), f'"ended" ({ended}) is before "started" ({started})'
        )
    learnings = _learnings(raw, fields, config, report)
    if slug is None or not fields.complete:
        return None
    data = raw.data
    return Project(
        slug=slug,
        title=data["title"],
        agencies=tuple(data["agencies"]),
        problem=data["problem"],
        phase=data["phase"],
        summary=data.get("summary"),
        lang=lang,
        status=data.get("status", "completed" if ended else "ongoing"),
        started=started,
        ended=ended,
        themes=tuple(data.get("themes", [])),
        learnings=learnings,
        vendors=tuple(data.get("vendors", [])),
        funding_nok=data.get("funding_nok"),
        round=data.get("round"),
        sources=tuple(data.get("sources", [])),
        draft=data.get("draft", False),
        translation_of=data.get("translation_of"),
        extra=data.get("extra", {}),
        body=raw.body,
        body_line=raw.body_line,
        origin=raw.origin,
    )


def _learnings(raw: RawRecord, fields: _Fields, config: SiteConfig, report: Report) -> tuple[Learning, ...]:
    learnings = []
    anchors: set[str] = set()
    for index, item in enumerate(fields.get("learnings", [])):
        check_phase(raw, ("learnings", index, "phase"), item.get("phase"), config, report)
        check_themes(raw, ("learnings", index, "themes"), item.get("themes", []), config, report)
        anchor = unique("lesson-" + (slugify(item["title"], 50) or str(index + 1)), anchors)
        learnings.append(
            Learning(
                title=item["title"],
                text=item["text"],
                themes=tuple(item.get("themes", [])),
                phase=item.get("phase"),
                anchor=anchor,
                number=index + 1,
                line=raw.origin.line("learnings", index),
            )
        )
    return tuple(learnings)


# --- news and pages --------------------------------------------------------------------------


def validate_news(raw: RawRecord, config: SiteConfig, report: Report) -> NewsPost | None:
    fields = _Fields(raw, check_schema(raw, "news", report))
    slug = record_slug(raw, fields, report)
    lang = record_lang(raw, fields, config, report)
    date = _exact_date(raw.origin, ("date",), fields.get("date"), report)
    if slug is None or date is None or not fields.complete:
        return None
    data = raw.data
    return NewsPost(
        slug=slug,
        title=data["title"],
        date=date,
        lang=lang,
        summary=data.get("summary"),
        projects=tuple(data.get("projects", [])),
        draft=data.get("draft", False),
        sources=tuple(data.get("sources", [])),
        translation_of=data.get("translation_of"),
        body=raw.body,
        body_line=raw.body_line,
        origin=raw.origin,
    )


def validate_page(raw: RawRecord, config: SiteConfig, report: Report) -> Page | None:
    fields = _Fields(raw, check_schema(raw, "page", report))
    slug = record_slug(raw, fields, report)
    lang = record_lang(raw, fields, config, report)
    if slug is None or not fields.complete:
        return None
    return Page(
        slug=slug,
        title=raw.data["title"],
        lang=lang,
        summary=raw.data.get("summary"),
        translation_of=raw.data.get("translation_of"),
        draft=raw.data.get("draft", False),
        body=raw.body,
        body_line=raw.body_line,
        origin=raw.origin,
    )
