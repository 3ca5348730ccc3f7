"""Open data: JSON and CSV read back, the documented schemas, provenance, the DCAT catalogue."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from floke.opendata import csv_cell
from tests.conftest import FIXTURES, REPO, stable_tree_bytes, write_files

BASIC = FIXTURES / "basic" / "content"
BASE = "https://example.org/programme/"


def documented_schemas() -> dict[str, dict]:
    """The JSON Schemas in docs/open-data.md, by file name."""
    text = (REPO / "docs/open-data.md").read_text(encoding="utf-8")
    return {
        name: json.loads(body)
        for name, body in re.findall(r"### data/(\w+\.json)\n\n```json\n(.*?)\n```", text, re.S)
    }


@pytest.fixture
def built(site_dir: Path, floke) -> Path:
    """The fixture site, copied outside any git checkout, with a project that tries CSV injection."""
    shutil.copytree(BASIC, site_dir / "content")
    write_files(
        site_dir,
        {
            "content/site.yaml": (BASIC / "site.yaml").read_text() + "publisher_orgnr: '991825827'\n",
            "content/projects/formel.md": (
                '---\ntitle: "=HYPERLINK(\\"https://example.org\\")"\nsummary: "-2+3"\n'
                'agencies: [agency-c]\nproblem: "@SUM(A1)"\nphase: diagnosis\n---\n'
            ),
        },
    )
    run = floke("build", "--output", "out", "--base-url", BASE)
    assert run.code == 0, run.err
    return site_dir / "out"


def load(built: Path, name: str) -> dict:
    return json.loads((built / "data" / name).read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_every_json_file_matches_its_documented_schema(built: Path) -> None:
    schemas = documented_schemas()
    assert sorted(schemas) == ["agencies.json", "lessons.json", "news.json", "projects.json"]
    for name, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        data = load(built, name)
        jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
        record_keys = list(schema["items"]["properties"])
        for record in data:
            assert list(record) == record_keys, name  # the documented order


def test_json_read_back(built: Path) -> None:
    projects = load(built, "projects.json")
    assert "generated_from" not in load(built, "catalog.jsonld")  # not built inside a git checkout
    alfa = next(p for p in projects if p["slug"] == "alfa")
    assert alfa["url"] == "/projects/alfa/"  # site-relative, whatever the base URL
    assert alfa["agencies"] == ["agency-a", "nord-kommune"]
    assert alfa["current_agencies"] == ["agency-c", "storby-kommune"]
    assert alfa["funding_nok"] == 1500000 and alfa["vendors"] == ["Fiktiv Design AS"]
    lessons = load(built, "lessons.json")
    assert [(lesson["project"], lesson["number"]) for lesson in lessons] == [
        ("alfa", 1),
        ("alfa", 2),
        ("beta", 1),
    ]
    assert lessons[2]["lang"] == "nn" and lessons[2]["text"] == "Dei tilsette kjende floken best."
    agencies = {a["id"]: a for a in load(built, "agencies.json")}
    assert agencies["agency-c"]["orgnr"] == "991825827"
    assert agencies["agency-c"]["enhetsregisteret"] == "http://data.brreg.no/enhetsregisteret/enhet/991825827"
    assert agencies["agency-a"]["orgnr"] is None and agencies["agency-a"]["enhetsregisteret"] is None
    assert agencies["agency-a"]["current"] == "agency-c"
    news = load(built, "news.json")
    assert [n["slug"] for n in news] == ["lansering"]  # the future post is left out
    assert news[0]["date"] == "2015-03-01" and news[0]["projects"] == ["alfa"]


def test_csv_read_back_matches_json(built: Path) -> None:
    rows = read_csv(built / "data/projects.csv")
    projects = load(built, "projects.json")
    assert [r["slug"] for r in rows] == [p["slug"] for p in projects]
    alfa = next(r for r in rows if r["slug"] == "alfa")
    assert alfa["agencies"] == "agency-a; nord-kommune"
    assert alfa["themes"] == "data; samarbeid"
    assert alfa["learnings"] == "2" and alfa["ended"] == "2017-06" and alfa["translation_of"] == ""
    assert list(rows[0]) == [*list(projects[0])]  # same columns, same order
    lessons = read_csv(built / "data/lessons.csv")
    assert [r["title"] for r in lessons] == [x["title"] for x in load(built, "lessons.json")]


def test_csv_cells_cannot_run_as_formulas(built: Path) -> None:
    formel = next(r for r in read_csv(built / "data/projects.csv") if r["slug"] == "formel")
    assert formel["title"] == '\'=HYPERLINK("https://example.org")'
    assert formel["summary"] == "'-2+3"
    assert formel["problem"] == "'@SUM(A1)"
    projects = {p["slug"]: p for p in load(built, "projects.json")}
    assert projects["formel"]["title"] == '=HYPERLINK("https://example.org")'  # JSON keeps the value
    assert [csv_cell(v) for v in ("+1", "\tx", "a=b", None, ["-a", "b"])] == [
        "'+1",
        "'\tx",
        "a=b",
        "",
        "'-a; b",
    ]


def test_dcat_catalogue(built: Path) -> None:
    catalog = json.loads((built / "data/catalog.jsonld").read_text(encoding="utf-8"))
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalog["@context"]["dct"] == "http://purl.org/dc/terms/"
    publisher = {"@id": "http://data.brreg.no/enhetsregisteret/enhet/991825827"}
    assert catalog["dct:publisher"] == publisher
    assert catalog["dct:license"] == {"@id": "https://data.norge.no/nlod/no/2.0"}
    datasets = {d["@id"]: d for d in catalog["dcat:dataset"]}
    assert sorted(datasets) == [BASE + "data/" + n for n in ("agencies", "lessons", "news", "projects")]
    for dataset in datasets.values():
        assert dataset["@type"] == "dcat:Dataset" and dataset["dct:publisher"] == publisher
        for key in ("dct:title", "dct:description", "dct:identifier", "dcat:theme", "dct:accessRights"):
            assert dataset[key], key
        assert {t["@language"] for t in dataset["dct:title"]} == {"nb", "en"}
        for distribution in dataset["dcat:distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith(BASE + "data/") and (built / url.removeprefix(BASE)).is_file()
            assert distribution["dct:license"] == {"@id": "https://data.norge.no/nlod/no/2.0"}
    distributions = datasets[BASE + "data/projects"]["dcat:distribution"]
    formats = [d["dct:format"]["@id"].rsplit("/", 1)[1] for d in distributions]
    assert formats == ["JSON", "CSV"]


def test_licence_is_set_in_site_yaml(site_dir: Path, floke) -> None:
    shutil.copytree(BASIC, site_dir / "content")
    licence = "https://creativecommons.org/licenses/by/4.0/"
    write_files(site_dir, {"content/site.yaml": (BASIC / "site.yaml").read_text() + f"licence: {licence}\n"})
    assert floke("build", "--output", "out").code == 0
    catalog = json.loads((site_dir / "out/data/catalog.jsonld").read_text())
    assert catalog["dct:license"] == {"@id": licence}


def git(cwd: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    return subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def test_generated_from_is_the_commit_and_the_output_repeats(site_dir: Path, floke) -> None:
    shutil.copytree(BASIC, site_dir / "content")
    git(site_dir, "init", "-q")
    git(site_dir, "add", "content")
    git(site_dir, "commit", "-q", "-m", "content")
    commit = git(site_dir, "rev-parse", "HEAD")
    assert floke("build", "--output", "one").code == 0
    assert floke("build", "--output", "two").code == 0
    catalog = load(site_dir / "one", "catalog.jsonld")
    assert catalog["generated_from"] == commit
    assert {dataset["generated_from"] for dataset in catalog["dcat:dataset"]} == {commit}
    assert stable_tree_bytes(site_dir / "one") == stable_tree_bytes(site_dir / "two")
