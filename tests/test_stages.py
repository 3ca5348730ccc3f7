"""Fast unit tests of single pipeline stages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from floke.diagnostics import Report
from floke.i18n import _STRINGS, format_partial, translate
from floke.link import Options, link, scan_xrefs
from floke.load import load_content
from floke.markup import MarkdownRenderer, Target
from floke.model import PartialDate
from floke.slugs import slugify
from floke.validate import orgnr_is_valid, parse_partial_date, validate
from floke.yamlsource import YamlProblem, parse_yaml
from tests.conftest import FIXTURES, REPO, write_files

# --- load ------------------------------------------------------------------------------------


def test_yaml_keeps_the_line_of_every_key() -> None:
    parsed = parse_yaml("title: x\nagencies:\n  - a\n  - b\n", first_line=2)
    assert parsed.lines == {("title",): 2, ("agencies",): 3, ("agencies", 0): 4, ("agencies", 1): 5}


def test_yaml_keeps_dates_as_text() -> None:
    assert parse_yaml("d: 2021-02-30\n").data == {"d": "2021-02-30"}


def test_yaml_refuses_python_tags() -> None:
    with pytest.raises(YamlProblem, match=re.escape("the YAML tag !!python/object/apply:os.system is not allowed")):
        parse_yaml("x: !!python/object/apply:os.system ['true']\n")


def test_record_body_line_follows_front_matter(site_dir: Path) -> None:
    write_files(site_dir, {"content/projects/p.md": "---\ntitle: T\n---\nBody\n"})
    loaded = load_content(site_dir / "content", Report())
    record = loaded.records["project"][0]
    assert (record.body, record.body_line, record.origin.line("title")) == ("Body\n", 4, 2)


def test_symlink_out_of_content_is_refused(site_dir: Path) -> None:
    write_files(site_dir, {"secret.md": "---\ntitle: T\n---\n", "content/projects/.keep": ""})
    (site_dir / "content/projects/link.md").symlink_to(site_dir / "secret.md")
    report = Report()
    load_content(site_dir / "content", report)
    assert report.errors[0].message.startswith("the file links to ")
    assert report.errors[0].message.endswith(
        "outside the content folder; copy the file in instead of linking to it"
    )


def test_oversized_file_is_refused_without_reading(site_dir: Path) -> None:
    path = site_dir / "content/projects/big.md"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)
    report = Report()
    load_content(site_dir / "content", report)
    assert [d.message for d in report.errors] == ["the file is 50.0 MB; a content file may be at most 1 MB"]


# --- validate --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orgnr", "valid"),
    [
        ("991825827", True),
        ("974760673", True),
        ("991825828", False),
        ("12345678", False),
    ],
)
def test_orgnr_check_digit(orgnr: str, valid: bool) -> None:
    assert orgnr_is_valid(orgnr) is valid


def test_partial_dates() -> None:
    assert parse_partial_date(2018) == PartialDate(2018)
    assert parse_partial_date("2018-06") == PartialDate(2018, 6)
    with pytest.raises(ValueError):
        parse_partial_date("2021-02-30")
    assert not PartialDate(2018).is_before(PartialDate(2018, 6))
    assert PartialDate(2018, 5).is_before(PartialDate(2018, 6, 1))


def test_status_defaults_from_ended(site_dir: Path) -> None:
    write_files(
        site_dir,
        {
            "content/agencies.yaml": "a:\n  name: A\n",
            "content/projects/one.md": "---\ntitle: T\nagencies: [a]\nproblem: p\nphase: diagnosis\nended: 2019\n---\n",
            "content/projects/two.md": "---\ntitle: T\nagencies: [a]\nproblem: p\nphase: diagnosis\n---\n",
        },
    )
    report = Report()
    content = validate(load_content(site_dir / "content", report), report)
    assert [p.status for p in content.projects] == ["completed", "ongoing"]


def test_slugs_transliterate_norwegian_letters() -> None:
    assert slugify("Bærum og Øvre Årdal: ny tjeneste!") == "baerum-og-ovre-ardal-ny-tjeneste"
    assert slugify("///") == ""


# --- link ------------------------------------------------------------------------------------


def _catalogue(content_dir: Path, **options):
    report = Report()
    content = validate(load_content(content_dir, report), report)
    catalogue = link(content, Options(**options), report)
    assert not report.errors, [d.format() for d in report.errors]
    return catalogue


def test_succession_chain_is_followed_to_the_current_agency() -> None:
    catalogue = _catalogue(FIXTURES / "basic/content")
    assert catalogue.current_agency["agency-a"] == "agency-c"
    assert catalogue.ancestors["agency-c"] == ("agency-a", "agency-b")
    assert catalogue.ancestors["storby-kommune"] == ("nord-kommune", "sor-kommune")
    assert [p.slug for p in catalogue.agency_projects["agency-c"]] == ["gamma", "beta", "alfa"]


def test_backlinks_and_drafts() -> None:
    catalogue = _catalogue(FIXTURES / "basic/content")
    assert catalogue.backlinks[("project", "alfa")] == (("news", "lansering"), ("project", "beta"))
    assert "utkast" not in {p.slug for p in catalogue.projects}
    with_drafts = _catalogue(FIXTURES / "basic/content", include_drafts=True)
    assert "utkast" in {p.slug for p in with_drafts.projects}


def test_xref_lines() -> None:
    refs = list(scan_xrefs("a\n\nsee [[project:x|the x]] and [[agency:y]]\n", first_line=10))
    assert [(r.kind, r.target, r.text, r.line) for r in refs] == [
        ("project", "x", "the x", 12),
        ("agency", "y", None, 12),
    ]


# --- render ----------------------------------------------------------------------------------


def test_markdown_is_sanitised_and_links_follow_the_base_path() -> None:
    md = MarkdownRenderer("/programme/")
    html = md.to_html(
        "# Heading\n\n[[project:x]] [in](/news/) [out](https://example.org) "
        '<script>alert(1)</script> [js](javascript:alert(1)) <b onclick="x()">b</b>',
        lambda kind, ident: Target("/projects/x/", "Project X") if kind == "project" else None,
    )
    assert '<h2 id="heading">Heading</h2>' in html
    assert '<a href="/programme/projects/x/">Project X</a>' in html
    assert '<a href="/programme/news/">in</a>' in html
    assert '<a rel="noopener noreferrer" href="https://example.org">out</a>' in html
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html


def test_every_ui_string_exists_in_every_language() -> None:
    for key, texts in _STRINGS.items():
        assert len(texts) == 3 and all(texts), key
    assert translate("nn", "news") == "Nyheiter"


def test_dates_are_formatted_per_language() -> None:
    assert format_partial(PartialDate(2021, 3, 16), "nb") == "16. mars 2021"
    assert format_partial(PartialDate(2021, 3), "en") == "March 2021"
    assert format_partial(PartialDate(2021), "nn") == "2021"


def test_the_complete_example_in_the_editor_docs_is_valid(site_dir: Path, floke) -> None:
    shutil.copytree(REPO / "content", site_dir / "content")
    docs = (REPO / "docs/content.md").read_text(encoding="utf-8")
    example = re.search(r"```markdown\n(.*?)```", docs, re.S)
    assert example is not None
    (site_dir / "content/projects/doc-example.md").write_text(example.group(1), encoding="utf-8")
    run = floke("check")
    assert run.code == 0, run.err
