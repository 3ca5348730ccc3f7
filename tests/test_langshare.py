"""Language share: words and records per language and year, the nb and nn shares, the threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

from floke.langshare import count_words
from tests.conftest import write_files

A = "content/agencies.yaml"
SITE = "content/site.yaml"


def project(title: str, lang: str, problem: str, started: str | None = None) -> str:
    date = f"started: {started}\n" if started else ""
    return (
        f"---\ntitle: {title}\nsummary: S.\nlang: {lang}\nagencies: [alpha]\nproblem: {problem}\n"
        f"phase: diagnosis\n{date}---\n"
    )


@pytest.fixture
def languages(site_dir: Path) -> Path:
    """nb: 6 + 4 words in 2018 and 2019; nn: 3 + 2 words in 2019 and undated pages; en: 3 words."""
    write_files(
        site_dir,
        {
            SITE: "publisher_orgnr: '991825827'\nlanguage_share_threshold: 30\n",
            A: "alpha:\n  name: Alfa (fiktiv)\n  orgnr: '991825827'\n",
            "content/projects/nb.md": project("Bokmål", "nb", "Ett to tre fire.", "2018"),  # 6 words
            "content/projects/nn.md": project("Nynorsk", "nn", "Ein.", "2019-04"),  # 3 words
            "content/projects/en.md": project("English", "en", "One.", "2019"),  # 3 words
            "content/news/n.md": "---\ntitle: Ny sak\ndate: 2019-05-01\n---\nTo ord.\n",  # 4 words
            "content/pages/om.md": "---\ntitle: Om\nlang: nn\n---\nSjå [[page:om|her]].\n",  # 3 words
        },
    )
    return site_dir


def test_build_prints_the_shares(languages: Path, floke) -> None:
    run = floke("build")
    assert run.code == 0, run.err
    assert "floke: language share: nb 62.5 %, nn 37.5 % of 16 Norwegian words" in run.out
    assert "warning" not in run.err


def test_share_under_the_threshold_warns(languages: Path, floke) -> None:
    write_files(languages, {SITE: "publisher_orgnr: '991825827'\nlanguage_share_threshold: 40\n"})
    run = floke("build")
    assert (
        "content/site.yaml:1: warning: Nynorsk is 37.5 % of the Norwegian text, under the 40 % set by "
        "language_share_threshold; write or translate more in nn"
    ) in run.err
    assert run.err.strip().endswith("floke: 1 warning(s): 1 language-share")
    assert floke("check", "--strict").code == 1


def test_stats_reports_words_and_records_per_language_and_year(languages: Path, floke) -> None:
    run = floke("stats")
    assert run.code == 0, run.err
    rows = [line.split() for line in run.out.strip().splitlines()]
    assert rows[0] == [
        "year",
        "en",
        "records",
        "en",
        "words",
        "nb",
        "records",
        "nb",
        "words",
        "nn",
        "records",
        "nn",
        "words",
        "nb",
        "share",
        "nn",
        "share",
    ]
    assert rows[1:] == [
        ["2018", "0", "0", "1", "6", "0", "0", "100.0", "%", "0.0", "%"],
        ["2019", "1", "3", "1", "4", "1", "3", "57.1", "%", "42.9", "%"],
        ["undated", "0", "0", "0", "0", "1", "3", "0.0", "%", "100.0", "%"],
        ["all", "1", "3", "2", "10", "2", "6", "62.5", "%", "37.5", "%"],
    ]


def test_default_threshold_is_25(site_dir: Path, floke) -> None:
    write_files(
        site_dir,
        {
            A: "alpha:\n  name: Alfa (fiktiv)\n",
            "content/projects/nb.md": project("Bokmål", "nb", "Ett to tre fire fem seks."),  # 8 words
            "content/projects/nn.md": project("Nynorsk", "nn", "Ein to."),  # 4 words
        },
    )
    assert "language-share" not in floke("check").err  # nn is 33.3 %
    write_files(site_dir, {"content/projects/nn.md": project("Nynorsk", "nn", "Ein.")})  # 3 of 11 words
    assert "warning: Nynorsk is 27.3 %" not in floke("check").err
    write_files(
        site_dir, {"content/projects/nb.md": project("Bokmål", "nb", "Ett to tre fire fem seks sju.")}
    )
    assert "warning: Nynorsk is 25.0 %" not in floke("check").err  # 3 of 12: not under
    write_files(
        site_dir, {"content/projects/nb.md": project("Bokmål", "nb", "Ett to tre fire fem seks sju åtte.")}
    )
    assert "warning: Nynorsk is 23.1 % of the Norwegian text, under the 25 %" in floke("check").err


def test_words_are_counted_in_prose_only() -> None:
    assert count_words("Se [kilden](https://example.org/a-b) og [[project:alfa|prosjektet]].") == 4
    assert count_words("Tall som 2021 og 19,3 telles ikke; «sitat» og bindestrek-ord gjør.") == 9
    assert count_words("<https://example.org> [[agency:digdir]] ## Overskrift") == 1
