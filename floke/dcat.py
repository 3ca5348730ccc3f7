"""data/catalog.jsonld: a DCAT-AP-NO 2 catalogue of the open-data files, for data.norge.no and others.

One dcat:Dataset per data file family (projects, lessons, agencies, news), each with a
dcat:Distribution per format. The publisher is an Enhetsregisteret URI built from site.yaml's
publisher_orgnr; the licence is site.yaml's licence (NLOD 2.0 unless set).
"""

from __future__ import annotations

from typing import Any

from floke import urls
from floke.link import Catalogue

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    # The git commit the data was built from; a plain term so that people and scripts find it.
    "generated_from": "http://www.w3.org/2002/07/owl#versionInfo",
}
_EU = "http://publications.europa.eu/resource/authority/"
_LANGUAGES = {"nb": "NOB", "nn": "NNO", "en": "ENG"}
_FORMATS = {
    "json": ("JSON", "application/json"),
    "csv": ("CSV", "text/csv"),
}
# (file, formats, title nb, title en, description nb, description en)
DATASETS = (
    (
        "projects",
        ("json", "csv"),
        "Prosjekter",
        "Projects",
        "Alle publiserte prosjekter i katalogen: virksomheter, fase, status, tema, datoer og læring.",
        "Every published project in the catalogue: agencies, phase, status, themes, dates and lessons.",
    ),
    (
        "lessons",
        ("json", "csv"),
        "Læring",
        "Lessons",
        "Det prosjektene har lært, ett punkt per læring, med tema og fase.",
        "What the projects learned, one entry per lesson, with theme and phase.",
    ),
    (
        "agencies",
        ("json",),
        "Virksomheter",
        "Agencies",
        "Virksomhetene i prosjektene, med organisasjonsnummer og navnebytter og sammenslåinger.",
        "The agencies in the projects, with organisation numbers, renames and mergers.",
    ),
    (
        "news",
        ("json",),
        "Nyheter",
        "News",
        "Nyhetssakene på nettstedet, med dato, språk og prosjektene de handler om.",
        "The site's news posts, with date, language and the projects they are about.",
    ),
)


def _text(nb: str, en: str) -> list[dict[str, str]]:
    return [{"@language": "nb", "@value": nb}, {"@language": "en", "@value": en}]


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def catalog(catalogue: Catalogue, base_url: str, commit: str | None = None) -> dict[str, Any]:
    config = catalogue.config
    provenance = {"generated_from": commit} if commit else {}
    data_url = urls.absolute(base_url, "/data/")
    publisher = (
        {"dct:publisher": _ref(urls.enhetsregisteret_uri(config.publisher_orgnr))}
        if config.publisher_orgnr
        else {}
    )
    languages = [_ref(f"{_EU}language/{_LANGUAGES[lang]}") for lang in config.languages]
    datasets = [
        {
            "@id": f"{data_url}{name}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{data_url}{name}",
            "dct:title": _text(title_nb, title_en),
            "dct:description": _text(text_nb, text_en),
            **publisher,
            "dct:language": languages,
            "dct:accessRights": _ref(f"{_EU}access-right/PUBLIC"),
            "dcat:theme": [_ref(f"{_EU}data-theme/GOVE")],
            "dcat:keyword": [
                {"@language": "nb", "@value": word} for word in ("innovasjon", title_nb.lower())
            ],
            "dcat:landingPage": [_ref(urls.absolute(base_url, "/"))],
            **provenance,
            "dcat:distribution": [
                {
                    "@id": f"{data_url}{name}.{ext}",
                    "@type": "dcat:Distribution",
                    "dct:title": _text(f"{title_nb} ({ext.upper()})", f"{title_en} ({ext.upper()})"),
                    "dcat:accessURL": _ref(f"{data_url}{name}.{ext}"),
                    "dcat:downloadURL": _ref(f"{data_url}{name}.{ext}"),
                    "dct:format": _ref(f"{_EU}file-type/{_FORMATS[ext][0]}"),
                    "dcat:mediaType": _ref(
                        f"https://www.iana.org/assignments/media-types/{_FORMATS[ext][1]}"
                    ),
                    "dct:license": _ref(config.licence),
                }
                for ext in formats
            ],
        }
        for name, formats, title_nb, title_en, text_nb, text_en in DATASETS
    ]
    return {
        "@context": CONTEXT,
        "@id": f"{data_url}catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": [{"@language": config.default_lang, "@value": config.title}],
        "dct:description": [{"@language": config.default_lang, "@value": config.description}],
        **publisher,
        "dct:license": _ref(config.licence),
        "dct:language": languages,
        "foaf:homepage": _ref(urls.absolute(base_url, "/")),
        **provenance,
        "dcat:dataset": datasets,
    }
