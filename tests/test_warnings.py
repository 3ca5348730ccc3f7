"""Warnings: reported with file and line, counted by kind in the summary, errors under --strict."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_files

A = "content/agencies.yaml"
P = "content/projects/et-prosjekt.md"

PROJECT_WITH_HTTP = """\
---
title: Et prosjekt
agencies: [alpha]
problem: Et problem.
phase: diagnosis
sources:
  - https://example.org/ok
  - http://example.org/gammel
---
Første linje.

Se [kilden](http://example.org/kilde) og <https://example.org/trygg>.
"""


def test_each_warning_names_file_line_and_fix(minimal: Path, floke) -> None:
    write_files(minimal, {P: PROJECT_WITH_HTTP})
    run = floke("check")
    assert run.code == 0, run.err
    assert (
        f'{P}:1: warning: the project has no summary; add "summary:" with one sentence for lists, '
        "feeds and link previews" in run.err
    )
    assert (
        f'{A}:1: warning: agency "alpha" has no orgnr; add its nine-digit organisation number from '
        "Enhetsregisteret so the open data can identify it" in run.err
    )
    assert (
        f"{P}:8: warning: the external link http://example.org/gammel is not https; use https:// if "
        "the site offers it" in run.err
    )
    assert f"{P}:12: warning: the external link http://example.org/kilde is not https" in run.err
    assert "https://example.org/trygg is not https" not in run.err
    assert 'content/site.yaml:1: warning: site.yaml has no "publisher_orgnr"' in run.err


def test_build_ends_with_a_summary_by_kind(minimal: Path, floke) -> None:
    write_files(minimal, {P: PROJECT_WITH_HTTP})
    run = floke("build")
    assert run.code == 0, run.err
    last = run.err.strip().splitlines()[-1]
    assert last == "floke: 7 warning(s): 2 http-link, 1 language-share, 1 metadata, 2 orgnr, 1 summary"


def test_strict_turns_warnings_into_errors_and_writes_nothing(minimal: Path, floke) -> None:
    run = floke("build", "--strict")
    assert run.code == 1
    assert f"{P}:1: error: the project has no summary" in run.err
    assert run.err.strip().endswith("floke: 5 errors; nothing was written")
    assert not (minimal / "site").exists()
    assert floke("check", "--strict").code == 1


def test_complete_content_has_no_warnings_and_passes_strict(site_dir: Path, floke) -> None:
    write_files(
        site_dir,
        {
            "content/site.yaml": "publisher_orgnr: '991825827'\nlanguage_share_threshold: 0\n",
            A: "alpha:\n  name: Alfa (fiktiv)\n  orgnr: '991825827'\n",
            P: "---\ntitle: T\nsummary: S.\nagencies: [alpha]\nproblem: P.\nphase: diagnosis\n---\nTekst.\n",
        },
    )
    run = floke("build", "--strict")
    assert run.code == 0, run.err
    assert "warning" not in run.err


def test_site_yaml_can_ignore_kinds_of_warning(minimal: Path, floke) -> None:
    write_files(minimal, {P: PROJECT_WITH_HTTP, "content/site.yaml": "ignore_warnings: [orgnr, http-link]\n"})
    run = floke("check", "--strict")
    errors = [line for line in run.err.splitlines() if ": error: " in line]
    assert run.code == 1  # the summary and publisher warnings still count
    assert errors and not any("has no orgnr" in line or "http://" in line for line in errors)
    ignore_all = "ignore_warnings: [orgnr, http-link, summary, metadata, language-share]\n"
    write_files(minimal, {"content/site.yaml": ignore_all})
    run = floke("check", "--strict")
    assert run.code == 0, run.err
    assert "warning(s) not shown: site.yaml ignores their kind (ignore_warnings)" in run.err


def test_ignorable_kinds_are_the_kinds_floke_gives() -> None:
    from floke.lint import WARNING_KINDS
    from floke.schemas import load_schema

    enum = load_schema("site")["properties"]["ignore_warnings"]["items"]["enum"]
    assert tuple(enum) == WARNING_KINDS
