"""Shared pieces for turning a floke corpus into another generator's input.

Pelican and Hugo get the same Markdown floke renders for a page (problem, body
and lessons) so that every tool converts about the same amount of text.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import wordlists as wl
from bench.corpus_io import CROSSREF_RE, Corpus, Record

# (kind, target) -> link destination in the other tool's own syntax.
UrlFor = Callable[[str, str], str]


def record_lang(record: Record) -> str:
    return str(record.meta.get("lang", "nb"))


def ref_text(corpus: Corpus, kind: str, target: str, lang: str) -> str:
    """The visible text floke would use for a bare [[kind:target]]."""
    if kind == "project":
        return str(corpus.projects[target].meta["title"])
    if kind == "news":
        return str(corpus.news[target].meta["title"])
    if kind == "agency":
        return str(corpus.agencies[target]["name"])
    return corpus.theme_label(target, lang)


def resolve_refs(markdown: str, corpus: Corpus, lang: str, url_for: UrlFor) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, target, text = match.groups()
        return f"[{text or ref_text(corpus, kind, target, lang)}]({url_for(kind, target)})"

    return CROSSREF_RE.sub(replace, markdown)


def page_markdown(corpus: Corpus, record: Record, url_for: UrlFor) -> str:
    """Problem, body and lessons as one Markdown document, references resolved."""
    lang = record_lang(record)
    vocab = wl.VOCAB[lang]
    parts: list[str] = []
    if "problem" in record.meta:
        parts += [f"## {vocab['h_problem'][0]}", str(record.meta["problem"])]
    parts.append(record.body.rstrip("\n"))
    if learnings := record.meta.get("learnings"):
        parts.append(f"## {vocab['h_learnings'][0]}")
        for item in learnings:
            parts += [f"### {item['title']}", str(item["text"])]
    return resolve_refs("\n\n".join(parts) + "\n", corpus, lang, url_for)


def full_date(partial: str | None, fallback: str = "2020-01-01") -> str:
    """Pad 'YYYY' or 'YYYY-MM' to a full ISO day; other tools need one."""
    if not partial:
        return fallback
    return (partial + "-01-01")[:10] if len(partial) == 4 else (partial + "-01")[:10]


def fresh_dir(path: Path, marker: str) -> Path:
    """Empty ``path``; only deletes a folder that is empty or holds ``marker`` (ours)."""
    if path.exists():
        if any(path.iterdir()) and not (path / marker).exists():
            raise SystemExit(f"{path} is not empty and has no {marker}; not deleting it")
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def converter_main(
    prog: str,
    doc: str | None,
    tool: str,
    convert: Callable[[Path, Path], object],
    build_command: Callable[[Path, Path], list[str]],
    argv: Sequence[str] | None,
) -> int:
    """The command line shared by the converters: convert a corpus, optionally build it."""
    parser = argparse.ArgumentParser(
        prog=prog, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, required=True, help="floke content directory")
    parser.add_argument("--project", type=Path, required=True, help=f"{tool} project to write")
    parser.add_argument("--build", type=Path, metavar="OUT", help="also build into OUT")
    args = parser.parse_args(argv)
    convert(args.corpus, args.project)
    if args.build:
        fresh_dir(args.build, marker="index.html")
        return subprocess.run(build_command(args.project, args.build), check=False).returncode
    return 0
