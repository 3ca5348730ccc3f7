"""Editors' tools: `new` records, exported schemas, the pre-commit hook, drafts and future news."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from floke.editor_schemas import editor_schemas, schema_text, site_ids
from floke.yamlsource import parse_yaml
from tests.conftest import FIXTURES, REPO, write_files

BASIC = FIXTURES / "basic" / "content"
EPOCH_2024_03_15 = "1710504000"


@pytest.fixture
def content(site_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(BASIC, site_dir / "content")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2024_03_15)
    return site_dir / "content"


def fill_placeholders(text: str) -> str:
    """What an editor does: put real values where the placeholders are."""
    text = re.sub(r"agencies: \[FYLL-INN\]|agencies: \[FILL-IN\]", "agencies: [agency-c]", text)
    return text.replace("FYLL-INN", "Et felles problem.").replace("FILL-IN", "A shared problem.")


# --- new ---------------------------------------------------------------------------------------

HELP_WORDS = {"nb": "Virksomhetene", "nn": "Verksemdene", "en": "The agencies"}
TITLE_WORDS = {"nb": "Overskriften.", "nn": "Overskrifta.", "en": "The headline."}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("kind", ["project", "news", "page"])
def test_a_new_record_passes_check_once_its_placeholders_are_filled(
    content: Path, floke, kind: str, lang: str
) -> None:
    run = floke("new", kind, "Ærlig øl på Åsen", "--lang", lang)
    folder = {"project": "projects", "news": "news", "page": "pages"}[kind]
    path = content / folder / "aerlig-ol-pa-asen.md"
    assert run.code == 0, run.err
    assert run.out == f"floke: wrote content/{folder}/aerlig-ol-pa-asen.md\n"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Ærlig øl på Åsen"' in text and f"lang: {lang}" in text and "draft: true" in text
    path.write_text(fill_placeholders(text), encoding="utf-8")
    checked = floke("check")
    assert checked.code == 0, checked.err


@pytest.mark.parametrize("kind", ["project", "news", "page"])
def test_every_field_of_the_schema_is_in_a_new_record(content: Path, floke, kind: str) -> None:
    floke("new", kind, "Alle felt")
    folder = {"project": "projects", "news": "news", "page": "pages"}[kind]
    text = (content / folder / "alle-felt.md").read_text(encoding="utf-8")
    schema = json.loads((REPO / "floke/schemas" / f"{kind}.schema.json").read_text())
    for field in schema["properties"]:
        assert re.search(rf"^(# )?{field}:", text, re.MULTILINE), field


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_comments_are_in_the_chosen_language(content: Path, floke, lang: str) -> None:
    floke("new", "project", "Språk", "--lang", lang)
    floke("new", "news", "Språk", "--lang", lang)
    assert HELP_WORDS[lang] in (content / "projects/sprak.md").read_text(encoding="utf-8")
    assert TITLE_WORDS[lang] in (content / "news/sprak.md").read_text(encoding="utf-8")


def test_today_is_source_date_epoch(content: Path, floke) -> None:
    floke("new", "news", "Dato")
    floke("new", "project", "Dato")
    assert '\ndate: "2024-03-15"\n' in (content / "news/dato.md").read_text(encoding="utf-8")
    assert '\nstarted: "2024-03"\n' in (content / "projects/dato.md").read_text(encoding="utf-8")


def test_the_front_matter_is_valid_yaml_and_the_comments_list_the_ids(content: Path, floke) -> None:
    floke("new", "project", "Ider")
    text = (content / "projects/ider.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert yaml.safe_load(front)["phase"] == "diagnosis"
    assert parse_yaml(front).data["status"] == "ongoing"
    assert "# Temaer, med id fra content/site.yaml: data, samarbeid\n" in text


def test_an_existing_slug_is_a_clear_error_and_nothing_is_overwritten(content: Path, floke) -> None:
    before = (content / "projects/alfa.md").read_bytes()
    run = floke("new", "project", "Alfa")
    assert run.code == 1
    assert run.err == (
        'floke: error: the project slug "alfa" is already used by content/projects/alfa.md; choose another '
        "title or give another address with --slug (nothing was written)\n"
    )
    assert (content / "projects/alfa.md").read_bytes() == before


def test_a_slug_set_in_another_file_counts_as_taken(content: Path, floke) -> None:
    write_files(content.parent, {"content/pages/x.md": "---\ntitle: X\nslug: kontakt\n---\n"})
    run = floke("new", "page", "Kontakt")
    assert run.code == 1 and "already used by content/pages/x.md" in run.err
    assert floke("new", "page", "Kontakt", "--slug", "kontakt-oss").code == 0


def test_a_title_without_letters_needs_a_slug(content: Path, floke) -> None:
    run = floke("new", "page", "???")
    assert run.code == 1
    assert run.err == (
        'floke: error: cannot make an address from the title "???"; give one with --slug '
        "(lower-case letters, digits, hyphens)\n"
    )


# --- schemas -----------------------------------------------------------------------------------


def test_the_committed_schemas_are_up_to_date() -> None:
    for name, schema in editor_schemas(site_ids(REPO / "content")).items():
        committed = (REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(schema), f"run: python build.py schema  ({name})"


def test_exported_schemas_list_the_sites_ids(site_dir: Path, floke) -> None:
    run = floke("schema", "--content", str(BASIC), "--out", "out")
    assert run.code == 0
    project = json.loads((site_dir / "out/project.schema.json").read_text())
    assert project["properties"]["phase"]["enum"] == [
        "diagnosis",
        "explore-define",
        "develop-deliver",
        "implementation",
    ]
    assert project["properties"]["themes"]["items"]["enum"] == ["data", "samarbeid"]
    assert "agency-c" in project["properties"]["agencies"]["items"]["enum"]
    for path in (site_dir / "out").glob("*.json"):
        Draft202012Validator.check_schema(json.loads(path.read_text()))


def test_an_exported_schema_accepts_the_fixture_records_and_rejects_a_misspelt_phase(
    site_dir: Path, floke
) -> None:
    floke("schema", "--content", str(BASIC), "--out", "out")
    validator = Draft202012Validator(json.loads((site_dir / "out/project.schema.json").read_text()))
    front = parse_yaml((BASIC / "projects/beta.md").read_text().split("---\n")[1]).data
    assert list(validator.iter_errors(front)) == []
    assert list(validator.iter_errors({**front, "phase": "diagnose"}))


# --- pre-commit --------------------------------------------------------------------------------


def test_the_pre_commit_hook_runs_floke_check(site_dir: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "floke-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    command, *arguments = hook["entry"].split()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts[command] == "floke.cli:main"  # the console script pre-commit installs runs this
    shutil.copytree(BASIC, site_dir / "content")
    environment = {**os.environ, "PYTHONPATH": str(REPO)}

    def hook_run() -> subprocess.CompletedProcess[str]:
        # what pre-commit does: run the entry in the repository's root; `python -m floke` is `floke`
        return subprocess.run(
            [sys.executable, "-m", "floke", *arguments], cwd=site_dir, env=environment,
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    passed = hook_run()
    assert passed.returncode == 0, passed.stderr
    assert assert_matches(hook["files"], "content/projects/alfa.md")
    (site_dir / "content/projects/alfa.md").write_text("---\ntitle: Alfa\n---\n")
    failed = hook_run()
    assert failed.returncode == 1
    assert 'content/projects/alfa.md:1: error: missing required field "agencies"' in failed.stderr
    assert "Traceback" not in failed.stderr


def assert_matches(pattern: str, path: str) -> bool:
    return re.search(pattern, path) is not None


# --- drafts and future news ----------------------------------------------------------------------


def test_drafts_and_future_news_appear_only_when_asked_for(site_dir: Path, floke) -> None:
    assert floke("build", "--content", str(BASIC), "--output", "plain").code == 0
    assert floke("build", "--content", str(BASIC), "--output", "drafts", "--drafts").code == 0
    assert floke("build", "--content", str(BASIC), "--output", "future", "--future").code == 0
    assert not (site_dir / "plain/projects/utkast").exists()
    assert not (site_dir / "plain/news/framtid").exists()
    assert (site_dir / "drafts/projects/utkast/index.html").is_file()
    assert not (site_dir / "drafts/news/framtid").exists()
    assert (site_dir / "future/news/framtid/index.html").is_file()
    assert not (site_dir / "future/projects/utkast").exists()
    assert "utkast" not in (site_dir / "plain/data/projects.json").read_text()
    assert "Utkast" not in (site_dir / "plain/projects/index.html").read_text()


def test_news_dated_today_is_published_and_tomorrow_is_not(
    site_dir: Path, floke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2024_03_15)
    shutil.copytree(BASIC, site_dir / "content")
    write_files(site_dir, {
        "content/news/i-dag.md": "---\ntitle: I dag\ndate: 2024-03-15\n---\n",
        "content/news/i-morgen.md": "---\ntitle: I morgen\ndate: 2024-03-16\n---\n",
    })  # fmt: skip
    assert floke("build").code == 0
    assert (site_dir / "site/news/i-dag/index.html").is_file()
    assert not (site_dir / "site/news/i-morgen").exists()


def test_a_published_record_linking_to_a_draft_builds_with_drafts(site_dir: Path, floke) -> None:
    shutil.copytree(BASIC, site_dir / "content")
    write_files(
        site_dir, {"content/news/lenke.md": "---\ntitle: L\ndate: 2020-01-01\n---\nSe [[project:utkast]].\n"}
    )
    plain = floke("build")
    assert plain.code == 1
    assert (
        "content/news/lenke.md:5: error: [[project:utkast]] links to an unpublished record: "
        'the project "utkast" is a draft; publish it or remove the link'
    ) in plain.err
    assert floke("build", "--drafts").code == 0
