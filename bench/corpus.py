"""Deterministic generator of a realistic floke content directory.

    python -m bench.corpus --projects 1000 --out bench/corpora/demo

Same ``--projects`` and ``--seed`` give byte-identical files. Every record gets
its own RNG stream keyed by (seed, kind, index), so a record does not change
when an unrelated part of the generator changes shape.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench import wordlists as wl
from bench.corpus_io import count_words
from floke.slugs import slugify, unique
from floke.validate import orgnr_check_digit

DEFAULT_SEED = 20240905
FIRST_YEAR, LAST_YEAR = 2016, 2025
SLOT_RE = re.compile(r"\{(\w+)\}")
NEWS_HOSTS = ("www.example.org", "data.example.net", "www.example.com")


def rng_for(seed: int, *parts: object) -> random.Random:
    """Independent, reproducible stream for one record (str seeds hash with SHA-512)."""
    return random.Random(":".join(map(str, (seed, *parts))))


def fingerprint(seed: int = DEFAULT_SEED) -> str:
    """Changes whenever the generator or its word lists change; used for corpus caching."""
    digest = hashlib.sha256(f"{seed}:{yaml.__version__}:{yaml.__with_libyaml__}".encode())
    for module in (Path(__file__), Path(wl.__file__)):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


# --------------------------------------------------------------------------- registry


@dataclass
class Agency:
    """One entry of agencies.yaml."""

    id: str
    name: str
    kind: str
    orgnr: str
    short: str | None = None
    aliases: list[str] = field(default_factory=list)
    valid_from: str | None = None
    valid_to: str | None = None
    replaced_by: str | None = None

    def active_in(self, year: int) -> bool:
        starts = self.valid_from is None or int(self.valid_from[:4]) <= year
        return starts and (self.valid_to is None or int(self.valid_to[:4]) >= year)

    def to_yaml(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        optional = (
            ("short", self.short),
            ("kind", self.kind),
            ("orgnr", self.orgnr),
            ("aliases", self.aliases),
            ("valid_from", self.valid_from),
            ("valid_to", self.valid_to),
            ("replaced_by", self.replaced_by),
        )
        out.update({key: value for key, value in optional if value})
        return out


def new_orgnr(rng: random.Random, taken: set[str]) -> str:
    while True:
        first8 = str(rng.choice((8, 9))) + "".join(str(rng.randrange(10)) for _ in range(7))
        check = orgnr_check_digit(first8)
        if check is not None and first8 + str(check) not in taken:
            taken.add(first8 + str(check))
            return first8 + str(check)


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in {"for", "og", "i"}).upper()


def _registry_names(rng: random.Random) -> list[tuple[str, str]]:
    """(kind, name) pairs for ~300 agencies, all names distinct."""
    places = [h + t for h in wl.PLACE_HEADS for t in wl.PLACE_TAILS]
    rng.shuffle(places)
    municipal, rest = places[:130], places[130:]
    state = [p.format(d=d) for d in wl.STATE_DOMAINS for p in wl.STATE_PATTERNS]
    health = [
        pattern.format(r=region, p=place)
        for pattern in wl.HEALTH_PATTERNS
        for region, place in zip(wl.REGIONS, rest, strict=False)
    ]
    other = [
        pattern.format(r=region, p=place)
        for pattern in wl.OTHER_PATTERNS
        for region, place in zip(wl.REGIONS, rest[12:], strict=False)
    ]
    return (
        [("municipality", f"{p} kommune") for p in municipal]
        + [("county", f"{r} fylkeskommune") for r in wl.REGIONS]
        + [("state", n) for n in rng.sample(state, 112)]
        + [("health", n) for n in rng.sample(health, 24)]
        + [("other", n) for n in rng.sample(other, 22)]
    )


def _add_agency(agencies: list[Agency], rng: random.Random, taken: set[str], kind: str, name: str) -> Agency:
    short = initials(name) if kind in {"state", "health"} and rng.random() < 0.7 else None
    agency = Agency(id=slugify(name, 50), name=name, kind=kind, orgnr=new_orgnr(rng, taken), short=short)
    agencies.append(agency)
    return agency


def _merge(
    agencies: list[Agency], rng: random.Random, taken: set[str], old: Sequence[Agency], name: str, date: str
) -> None:
    """Old agencies end the day before ``date`` and point at a new merged one."""
    new = _add_agency(agencies, rng, taken, old[0].kind, name)
    new.valid_from = date
    end = (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
    for agency in old:
        agency.valid_to, agency.replaced_by = end, new.id


def build_registry(seed: int) -> list[Agency]:
    """~300 agencies with municipal/county mergers and some renamed state agencies."""
    rng = rng_for(seed, "registry")
    agencies: list[Agency] = []
    taken: set[str] = set()
    for kind, name in _registry_names(rng):
        _add_agency(agencies, rng, taken, kind, name)
    municipal = [a for a in agencies if a.kind == "municipality"]
    for i in range(10):
        pair = municipal[2 * i : 2 * i + 2]
        _merge(agencies, rng, taken, pair, f"{pair[0].name.split()[0]}-{pair[1].name}", "2020-01-01")
    counties = [a for a in agencies if a.kind == "county"]
    for i in range(2):
        pair = counties[2 * i : 2 * i + 2]
        _merge(agencies, rng, taken, pair, f"{pair[0].name.split()[0]} og {pair[1].name}", "2020-01-01")
    state = [a for a in agencies if a.kind == "state"]
    for agency in state[:8]:  # renamed in place: the old name survives as an alias
        agency.aliases = [
            agency.name.replace("Direktoratet", "Statens direktorat")
            .replace("Tilsynet", "Statens tilsyn")
            .replace("Senteret", "Kompetansesenteret")
            .replace("Etaten", "Statsetaten")
            + " (tidligere navn)"
        ]
        agency.valid_from = "2018-01-01"
    for absorbed, into in zip(state[8:12], state[12:16], strict=True):  # absorbed
        absorbed.valid_to, absorbed.replaced_by = "2019-06-30", into.id
    return agencies


# --------------------------------------------------------------------------- prose


class Prose:
    """Fills sentence templates for one language from one RNG stream."""

    def __init__(
        self, rng: random.Random, lang: str, agency_names: Sequence[str], places: Sequence[str]
    ) -> None:
        self.rng, self.lang = rng, lang
        self.vocab, self.templates = wl.VOCAB[lang], wl.TEMPLATES[lang]
        self.agency_names, self.places = agency_names, places

    def pick(self, slot: str) -> str:
        if slot == "agency":
            return self.rng.choice(self.agency_names)
        if slot == "place":
            return self.rng.choice(self.places)
        return self.rng.choice(self.vocab[slot])

    def fill(self, template: str, **fixed: str) -> str:
        text = SLOT_RE.sub(lambda m: fixed.get(m.group(1)) or self.pick(m.group(1)), template)
        return text[0].upper() + text[1:]

    def sentence(self) -> str:
        return self.fill(self.rng.choice(self.templates))

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def bullets(self, numbered: bool = False) -> str:
        items = [self.fill("{inf} {obj} {adv}") for _ in range(self.rng.randint(3, 6))]
        marks = [f"{n}." for n in range(1, len(items) + 1)] if numbered else ["-"] * len(items)
        return "\n".join(f"{mark} {item}" for mark, item in zip(marks, items, strict=True))

    def link(self, agency_id: str) -> str:
        host = self.rng.choice(NEWS_HOSTS)
        year = self.rng.randint(FIRST_YEAR, LAST_YEAR)
        url = f"https://{host}/{agency_id}/dokumenter/{year}/{self.rng.randrange(100, 999)}"
        return self.fill(self.pick("link_sentence"), link=f"[{self.pick('linktext')}]({url})")

    def table(self) -> str:
        if self.rng.random() < 0.5:
            header, rows = self.vocab["col_activity"], self._activity_rows()
        else:
            header, rows = self.vocab["col_indicator"], self._indicator_rows()
        lines = [header, tuple("---" for _ in header), *rows]
        return "\n".join("| " + " | ".join(row) + " |" for row in lines)

    def _activity_rows(self) -> list[tuple[str, ...]]:
        year, quarter = self.rng.randint(FIRST_YEAR, LAST_YEAR), self.vocab["quarter"][0]
        return [
            (
                self.pick("activity"),
                f"{quarter}{q % 4 + 1} {year + q // 4}",
                self.pick("agency"),
                self.pick("state"),
            )
            for q in range(self.rng.randint(3, 6))
        ]

    def _indicator_rows(self) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = []
        for name in self.rng.sample(self.vocab["indicator"], self.rng.randint(3, 5)):
            before = self.rng.randint(10, 400)
            rows.append((name, str(before), str(max(1, before - self.rng.randint(1, before)))))
        return rows


# --------------------------------------------------------------------------- records


@dataclass
class ProjectPlan:
    """Front matter decided before bodies are written (bodies need every slug)."""

    index: int
    slug: str
    lang: str
    draft: bool
    meta: dict[str, Any]


@dataclass
class NewsPlan:
    index: int
    slug: str
    lang: str
    draft: bool
    meta: dict[str, Any]
    agency_id: str


@dataclass
class World:
    """The shared facts every record draws on."""

    seed: int
    registry: list[Agency]
    weights: list[float]
    places: list[str]
    theme_ids: list[str]
    projects: list[ProjectPlan] = field(default_factory=list)
    news: list[NewsPlan] = field(default_factory=list)
    # Cached lists of non-draft slugs: cross-references may only point at these.
    live_projects: list[str] = field(default_factory=list)
    live_news: list[str] = field(default_factory=list)

    by_id: dict[str, Agency] = field(default_factory=dict)

    def agency(self, agency_id: str) -> Agency:
        return self.by_id[agency_id]


def pick_lang(rng: random.Random) -> str:
    roll = rng.random()
    return "nb" if roll < 0.5 else "nn" if roll < 0.9 else "en"


def date_string(rng: random.Random, year: int, precision: int, month: int | None = None) -> str:
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (precision 1..3)."""
    month = month or rng.randint(1, 12)
    parts = [f"{year:04d}", f"{month:02d}", f"{rng.randint(1, 28):02d}"]
    return "-".join(parts[:precision])


def plan_dates(rng: random.Random) -> dict[str, Any]:
    """Status with consistent start/end: an end is always in a later year than the start."""
    roll, precision = rng.random(), rng.choice((1, 2, 2, 3, 3))
    if roll < 0.55:
        status = "completed" if roll < 0.5 else "stopped"
        start = rng.randint(FIRST_YEAR, LAST_YEAR - 2)
        end = start + rng.randint(1, min(3, LAST_YEAR - start))
        return {
            "status": status,
            "started": date_string(rng, start, precision),
            "ended": date_string(rng, end, precision),
        }
    if roll < 0.8:
        return {
            "status": "ongoing",
            "started": date_string(rng, rng.randint(LAST_YEAR - 3, LAST_YEAR), precision),
        }
    if roll < 0.9:
        return {"status": "planned", "started": date_string(rng, LAST_YEAR + 1, precision)}
    return {"started": date_string(rng, rng.randint(FIRST_YEAR, LAST_YEAR), precision)}


def pick_agencies(rng: random.Random, world: World, year: int) -> list[str]:
    """1–4 agencies active in ``year``; a few agencies lead many projects (skewed weights)."""
    active = [(a.id, w) for a, w in zip(world.registry, world.weights, strict=True) if a.active_in(year)]
    ids, weights = zip(*active, strict=True)
    chosen: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 4))):
        candidate = rng.choices(ids, weights)[0]
        if candidate not in chosen:
            chosen.append(candidate)
    return chosen


def project_title(rng: random.Random, lang: str, world: World) -> str:
    vocab = wl.VOCAB[lang]
    suffix = rng.choice(vocab["title_suffix"]).format(
        place=rng.choice(world.places), group=rng.choice(vocab["group"])
    )
    obj = rng.choice(vocab["title_object"])
    if rng.random() < 0.7:
        return f"{rng.choice(vocab['title_prefix'])} {obj}{suffix}"
    return f"{obj[0].upper()}{obj[1:]}{suffix}"


def plan_learnings(rng: random.Random, prose: Prose, themes: list[str]) -> list[dict[str, Any]]:
    learnings = []
    for _ in range(rng.randint(0, 5)):
        item: dict[str, Any] = {
            "title": prose.pick("learning_title"),
            "text": " ".join(prose.sentence() for _ in range(rng.randint(1, 3))),
        }
        if rng.random() < 0.7:
            item["themes"] = rng.sample(themes, min(len(themes), rng.randint(1, 2)))
        if rng.random() < 0.6:
            item["phase"] = rng.choice(wl.PHASES)[0]
        learnings.append(item)
    return learnings


def plan_problem(rng: random.Random, prose: Prose) -> str:
    text = prose.paragraph(2, 4)
    if rng.random() < 0.3:
        text += "\n\n" + prose.bullets()
    return text


def plan_project(world: World, index: int, taken: set[str]) -> ProjectPlan:
    rng = rng_for(world.seed, "project", index)
    lang = pick_lang(rng)
    dates = plan_dates(rng)
    year = int(dates["started"][:4])
    agencies = pick_agencies(rng, world, min(year, LAST_YEAR))
    themes = rng.sample(world.theme_ids, rng.randint(1, 4))
    prose = Prose(rng, lang, [world.agency(a).name for a in agencies], world.places)
    title = project_title(rng, lang, world)
    meta: dict[str, Any] = {"title": title}
    meta["summary"] = prose.sentence()  # optional in the schema, but floke warns without one
    if lang != "nb" or rng.random() < 0.5:
        meta["lang"] = lang
    meta.update(dates)
    meta["phase"] = rng.choice(wl.PHASES)[0]
    meta["agencies"], meta["themes"] = agencies, themes
    _add_optional_project_fields(rng, meta, year, index)
    meta["problem"] = plan_problem(rng, prose)
    if learnings := plan_learnings(rng, prose, themes):
        meta["learnings"] = learnings
    draft = rng.random() < 0.01
    if draft:
        meta["draft"] = True
    slug = unique(slugify(title, 60), taken)
    return ProjectPlan(index=index, slug=slug, lang=lang, draft=draft, meta=meta)


def _add_optional_project_fields(rng: random.Random, meta: dict[str, Any], year: int, index: int) -> None:
    if rng.random() < 0.7:
        meta["round"] = f"{min(year, LAST_YEAR)}-{rng.choice((1, 2))}"
    if rng.random() < 0.6:
        meta["funding_nok"] = rng.randrange(200, 5000) * 1000
    if rng.random() < 0.4:
        meta["vendors"] = rng.sample(wl.VENDORS, rng.randint(1, 2))
    if rng.random() < 0.5:
        meta["sources"] = [
            f"https://{rng.choice(NEWS_HOSTS)}/stimulab/{year}/{index}-{n}" for n in range(rng.randint(1, 2))
        ]
    if rng.random() < 0.15:
        meta["extra"] = {"intern_ref": f"SL-{year}-{index:05d}", "kontakt": "postmottak"}


def link_translations(world: World) -> None:
    """Some English projects translate an earlier Bokmål one and share its facts."""
    originals: list[ProjectPlan] = []
    for plan in world.projects:
        rng = rng_for(world.seed, "translation", plan.index)
        if plan.lang == "en" and originals and rng.random() < 0.4:
            source = rng.choice(originals)
            plan.meta["translation_of"] = source.slug
            for key in ("agencies", "themes", "phase"):
                plan.meta[key] = list(source.meta[key]) if key != "phase" else source.meta[key]
        elif plan.lang == "nb" and not plan.draft:
            originals.append(plan)


def plan_news(world: World, index: int, taken: set[str]) -> NewsPlan:
    rng = rng_for(world.seed, "news", index)
    lang = "nb" if rng.random() < 0.55 else "nn"
    day = dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    agency = rng.choice(world.registry)
    topic = rng.choice(wl.VOCAB[lang]["title_object"])
    title = rng.choice(wl.VOCAB[lang]["news_title"]).format(agency=agency.name, topic=topic)
    prose = Prose(rng, lang, [agency.name], world.places)
    live = world.live_projects
    meta: dict[str, Any] = {"title": title, "date": day.isoformat(), "lang": lang}
    if rng.random() < 0.8:
        meta["summary"] = prose.sentence()
    if live:
        meta["projects"] = rng.sample(live, min(len(live), rng.randint(1, 3)))
    if rng.random() < 0.3:
        meta["sources"] = [f"https://{rng.choice(NEWS_HOSTS)}/nyheter/{day.year}/{index}"]
    draft = rng.random() < 0.01
    if draft:
        meta["draft"] = True
    slug = unique(f"{day.isoformat()}-{slugify(title, 50)}", taken)
    return NewsPlan(index=index, slug=slug, lang=lang, draft=draft, meta=meta, agency_id=agency.id)


# --------------------------------------------------------------------------- bodies


def pick_other(rng: random.Random, pool: Sequence[str], own: str) -> str | None:
    """A random element of ``pool`` that is not ``own``, or None if there is none."""
    if not pool or pool == [own]:
        return None
    while (choice := rng.choice(pool)) == own:
        pass
    return choice


def crossref_sentences(
    rng: random.Random, lang: str, world: World, own: str, agencies: Sequence[str], themes: Sequence[str]
) -> list[str]:
    """1–3 sentences with [[kind:target]] references, only to live (non-draft) records."""
    templates = wl.XREF[lang]
    sentences: list[str] = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choices(("project", "project_text", "agency", "theme", "news"), (35, 15, 20, 15, 15))[0]
        pools = {
            "project": world.live_projects,
            "project_text": world.live_projects,
            "agency": agencies,
            "theme": themes,
            "news": world.live_news,
        }
        target = pick_other(rng, pools[kind], own)
        if target is None:  # tiny corpora: fall back to a kind that always exists
            kind, target = "agency", rng.choice(agencies)
        if kind == "project_text":
            sentences.append(rng.choice(templates[kind]).format(slug=target))
        else:
            sentences.append(rng.choice(templates[kind]).format(ref=f"[[{kind}:{target}]]"))
    return sentences


def heading(prose: Prose, key: str) -> str:
    return "## " + prose.pick(key)


def project_blocks(prose: Prose, target: int, agency_id: str) -> tuple[list[str], list[int]]:
    """Markdown blocks for a body of about ``target`` words, and which are prose paragraphs."""
    rng = prose.rng
    blocks: list[str] = []
    paragraphs: list[int] = []
    words = 0

    def add(*new: str) -> None:
        nonlocal words
        blocks.extend(new)
        words += sum(count_words(block) for block in new)

    def para(low: int = 3, high: int = 6) -> None:
        paragraphs.append(len(blocks))
        add(prose.paragraph(low, high))

    para(2, 4)
    add(heading(prose, "h_background"))
    para()
    para()
    add(heading(prose, "h_goals"), prose.pick("goals_intro"), prose.bullets())
    add(heading(prose, "h_method"))
    paragraphs.append(len(blocks))
    add(prose.paragraph() + " " + prose.link(agency_id))
    add(prose.pick("steps_intro"), prose.bullets(numbered=True))
    add(heading(prose, "h_plan"), prose.sentence(), prose.table())
    add(heading(prose, "h_results"))
    para()
    extra_headings = list(prose.vocab["heading"])
    rng.shuffle(extra_headings)  # distinct headings until the list runs out
    # Leave ~40 words for the closing section and the cross-reference sentences.
    while words < target - 40:
        add("#" * rng.choice((2, 2, 3)) + " " + extra_headings[len(blocks) % len(extra_headings)])
        para()
        if rng.random() < 0.2:
            add(prose.bullets())
    add(heading(prose, "h_next"))
    para(2, 3)
    return blocks, paragraphs


def with_crossrefs(rng: random.Random, blocks: list[str], paragraphs: list[int], sentences: list[str]) -> str:
    for where, sentence in zip(rng.sample(paragraphs, len(sentences)), sentences, strict=True):
        blocks[where] += " " + sentence
    return "\n\n".join(blocks) + "\n"


def project_body(world: World, plan: ProjectPlan) -> str:
    rng = rng_for(world.seed, "project-body", plan.index)
    agencies, themes = plan.meta["agencies"], plan.meta["themes"]
    prose = Prose(rng, plan.lang, [world.agency(a).name for a in agencies], world.places)
    blocks, paragraphs = project_blocks(prose, rng.randint(640, 1000), agencies[0])
    refs = crossref_sentences(rng, plan.lang, world, plan.slug, agencies, themes)
    return with_crossrefs(rng, blocks, paragraphs, refs)


def news_body(world: World, plan: NewsPlan) -> str:
    rng = rng_for(world.seed, "news-body", plan.index)
    agency = world.agency(plan.agency_id)
    prose = Prose(rng, plan.lang, [agency.name], world.places)
    blocks = [prose.paragraph(2, 3)]
    paragraphs = [0]
    for _ in range(rng.randint(2, 4)):
        paragraphs.append(len(blocks))
        blocks.append(prose.paragraph())
    if rng.random() < 0.5:
        blocks.insert(2, prose.bullets())
        paragraphs = [i if i < 2 else i + 1 for i in paragraphs]
    themes = rng.sample(world.theme_ids, 2)
    refs = crossref_sentences(rng, plan.lang, world, plan.slug, [agency.id], themes)
    return with_crossrefs(rng, blocks, paragraphs, refs)


# --------------------------------------------------------------------------- output


# libyaml's emitter is ~10x faster; the fingerprint records which one wrote a corpus.
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block literals for multi-line strings keep the Markdown readable in front matter."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False
    )


def site_yaml(theme_ids: list[str], publisher_orgnr: str) -> dict[str, Any]:
    langs = ("nb", "nn", "en")
    return {
        "title": "StimuLab-katalogen (testdata)",
        "description": "Syntetisk prosjektkatalog for ytelsesmålinger av floke.",
        "base_url": "https://katalog.example.org/",
        "default_lang": "nb",
        "publisher_orgnr": publisher_orgnr,
        "languages": list(langs),
        "phases": [
            {
                "id": pid,
                "label": dict(zip(langs, label, strict=True)),
                "description": dict(zip(langs, desc, strict=True)),
            }
            for pid, label, desc in wl.PHASES
        ],
        "themes": [
            {"id": tid, "label": dict(zip(langs, labels, strict=True))}
            for tid, *labels in wl.THEMES
            if tid in theme_ids
        ],
    }


def publisher_orgnr(world: World) -> str:
    """The programme's own organisation number, distinct from every agency's."""
    return new_orgnr(rng_for(world.seed, "publisher"), {a.orgnr for a in world.registry})


def write_text(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def markdown_file(meta: dict[str, Any], body: str) -> str:
    return f"---\n{dump_yaml(meta)}---\n\n{body}"


@dataclass
class Stats:
    projects: int = 0
    news: int = 0
    agencies: int = 0
    bytes: int = 0


def make_world(projects: int, seed: int) -> World:
    registry = build_registry(seed)
    rng = rng_for(seed, "weights")
    ranks = list(range(1, len(registry) + 1))
    rng.shuffle(ranks)
    places = sorted({a.name.split()[0] for a in registry if a.kind == "municipality"})
    world = World(
        seed=seed,
        registry=registry,
        weights=[1 / r**0.9 for r in ranks],
        places=places,
        theme_ids=[t[0] for t in wl.THEMES],
        by_id={a.id: a for a in registry},
    )
    if len(world.by_id) != len(registry):
        raise AssertionError("agency ids collide; adjust the registry word lists")
    taken: set[str] = set()
    world.projects = [plan_project(world, i, taken) for i in range(projects)]
    link_translations(world)
    world.live_projects = [p.slug for p in world.projects if not p.draft]
    world.news = [plan_news(world, i, taken) for i in range(projects // 5)]
    world.live_news = [n.slug for n in world.news if not n.draft]
    return world


def generate(projects: int, out: Path, seed: int = DEFAULT_SEED) -> Stats:
    """Write a complete content directory to ``out`` (which must not exist yet)."""
    world = make_world(projects, seed)
    (out / "projects").mkdir(parents=True)
    (out / "news").mkdir()
    stats = Stats(projects=len(world.projects), news=len(world.news), agencies=len(world.registry))
    stats.bytes += write_text(
        out / "site.yaml", dump_yaml(site_yaml(world.theme_ids, publisher_orgnr(world)))
    )
    agencies = {a.id: a.to_yaml() for a in world.registry}
    stats.bytes += write_text(out / "agencies.yaml", dump_yaml(agencies))
    for plan in world.projects:
        text = markdown_file(plan.meta, project_body(world, plan))
        stats.bytes += write_text(out / "projects" / f"{plan.slug}.md", text)
    for news in world.news:
        text = markdown_file(news.meta, news_body(world, news))
        stats.bytes += write_text(out / "news" / f"{news.slug}.md", text)
    return stats


def prepare_out(out: Path, force: bool) -> None:
    """Refuse to overwrite anything that is not a previous corpus."""
    if not out.exists():
        return
    if not force:
        raise SystemExit(f"{out} exists; pass --force to replace it")
    if any(out.iterdir()) and not (out / "site.yaml").exists():
        raise SystemExit(f"{out} does not look like a generated corpus; not deleting it")
    shutil.rmtree(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--projects", type=int, required=True, help="number of projects")
    parser.add_argument("--out", type=Path, required=True, help="content directory to create")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--force", action="store_true", help="replace an existing corpus")
    args = parser.parse_args(argv)
    prepare_out(args.out, args.force)
    started = time.perf_counter()
    stats = generate(args.projects, args.out, args.seed)
    print(
        f"{args.out}: {stats.projects} projects, {stats.news} news, {stats.agencies} "
        f"agencies, {stats.bytes / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
