"""The index stage and the marks the templates give Pagefind (the browser tests run real queries)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from floke import index
from floke.search_views import folded_words
from tests.conftest import FIXTURES, tree_bytes, write_files

SEARCH = FIXTURES / "search" / "content"


@pytest.fixture
def built(site_dir: Path, floke) -> Path:
    run = floke("build", "--content", str(SEARCH), "--output", "out")
    assert run.code == 0, run.err
    return site_dir / "out"


def test_folded_words_spell_norwegian_letters_two_ways() -> None:
    assert folded_words(["Søknad om løsning", None, "Blåbær og barna"]) == (
        "⁂ blaabaer blabaer loesning losning soeknad soknad"
    )
    assert folded_words(["plain words only"]) == ""


def test_the_index_is_written_without_pagefinds_own_interface(built: Path) -> None:
    bundle = built / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "pagefind-entry.json").is_file()
    assert not [name for name in index.UNUSED_BUNDLE_FILES if (bundle / name).exists()]
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["nb"]  # one index for nb, nn and en pages
    # 3 projects, 1 lesson, 1 news post, 4 agencies, 3 theme and 3 phase pages
    assert entry["languages"]["nb"]["page_count"] == 15


def test_lesson_documents_are_indexed_but_not_published(built: Path) -> None:
    # /lessons/ itself is the lessons section (issue 3); the per-lesson documents live below it
    # only in the indexer's temporary folder.
    assert not list((built / "lessons").glob("*/lesson-*"))
    assert not list(built.rglob("*search_lesson*"))


def test_record_pages_mark_what_is_indexed(built: Path) -> None:
    html = (built / "projects/skolestart/index.html").read_text()
    assert '<article class="record project" data-pagefind-body>' in html
    for name, value in [
        ("type", "project"),
        ("agency", "digdir"),
        ("agency", "storby"),
        ("year", "2017"),
        ("status", "completed"),
        ("phase", "develop-deliver"),
        ("theme", "oppvekst"),
        ("language", "nb"),
    ]:
        assert f'<span hidden data-pagefind-filter="{name}:{value}"></span>' in html
    assert 'data-pagefind-filter="agency:difi"' not in html  # filters carry the current agency
    assert '<h1 data-pagefind-weight="10">Enklere skolestart</h1>' in html
    assert 'class="problem" aria-labelledby="section-problem" data-pagefind-weight="5"' in html
    assert 'aria-labelledby="section-learnings" data-pagefind-ignore' in html
    assert 'data-search-fold="⁂ bokmaal bokmal loesning losning ma maa pa paa soeknad soknad"' in html
    header = html.split("<main", 1)[0]
    assert "data-pagefind-body" not in header


def test_search_page_offers_current_agencies_as_facets(built: Path) -> None:
    html = (built / "search/index.html").read_text()
    agencies = re.findall(r'name="agency" value="([^"]+)"', html)
    assert agencies == ["velferd", "digdir", "storby"]  # by name; difi is digdir now
    assert '<script type="module" src="/static/js/search.js?v=' in html
    assert "<script>" not in html


def test_a_rebuild_leaves_no_stale_index_files(site_dir: Path, floke) -> None:
    content = site_dir / "content"
    write_files(site_dir, {"content/site.yaml": (SEARCH / "site.yaml").read_text()})
    write_files(site_dir, {"content/agencies.yaml": (SEARCH / "agencies.yaml").read_text()})
    for source in sorted((SEARCH / "projects").glob("*.md")):
        write_files(site_dir, {f"content/projects/{source.name}": source.read_text()})
    assert floke("build", "--content", str(content)).code == 0
    (content / "projects/mailbox.md").unlink()
    assert floke("build", "--content", str(content)).code == 0
    bundle = site_dir / "site/pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    expected = f"pagefind.{entry['languages']['nb']['hash']}.pf_meta"
    assert [p.name for p in bundle.glob("*.pf_meta")] == [expected]


class BrokenPagefind:
    def __init__(self, config: object) -> None:
        pass

    async def __aenter__(self) -> BrokenPagefind:
        raise RuntimeError("pagefind binary not found")

    async def __aexit__(self, *exc: object) -> None:
        pass


def test_a_failed_index_leaves_the_previous_site_in_place(
    site_dir: Path, floke, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert floke("build", "--content", str(SEARCH)).code == 0
    before = tree_bytes(site_dir / "site")
    monkeypatch.setattr(index, "PagefindIndex", BrokenPagefind)
    run = floke("build", "--content", str(SEARCH), "--no-cache")  # the cache would reuse the index
    assert run.code == 1
    assert run.err == "floke: error: the search index could not be built: pagefind binary not found\n"
    assert tree_bytes(site_dir / "site") == before
    assert not list(site_dir.glob(".site.staging-*"))


def _copy_of_search_fixture(site_dir: Path) -> Path:
    for source in sorted(SEARCH.rglob("*")):
        if source.is_file():
            write_files(site_dir, {f"content/{source.relative_to(SEARCH)}": source.read_text()})
    return site_dir / "content"


def test_the_index_is_reused_while_the_pages_are_the_same(
    site_dir: Path, floke, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = _copy_of_search_fixture(site_dir)
    assert floke("build", "--content", str(content)).code == 0
    indexed = tree_bytes(site_dir / "site/pagefind")
    monkeypatch.setattr(index, "PagefindIndex", BrokenPagefind)  # any call to Pagefind fails now
    assert floke("build", "--content", str(content)).code == 0
    assert tree_bytes(site_dir / "site/pagefind") == indexed
    project = content / "projects/mailbox.md"
    project.write_text(project.read_text() + "\nA new word: tverrfaglig.\n")
    run = floke("build", "--content", str(content))
    assert run.code == 1 and "the search index could not be built" in run.err  # indexed again


def test_a_damaged_live_index_is_built_again(site_dir: Path, floke, monkeypatch: pytest.MonkeyPatch) -> None:
    content = _copy_of_search_fixture(site_dir)
    assert floke("build", "--content", str(content)).code == 0
    next((site_dir / "site/pagefind/fragment").iterdir()).unlink()
    monkeypatch.setattr(index, "PagefindIndex", BrokenPagefind)
    assert floke("build", "--content", str(content)).code == 1


def test_an_index_left_incomplete_by_pagefind_is_built_again(
    site_dir: Path, floke, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[Path] = []
    real = index._run_pagefind

    async def cut_short_once(site: Path, documents: Path, bundle: Path):
        counts = await real(site, documents, bundle)
        runs.append(bundle)
        if len(runs) == 1:  # as when the indexer is stopped before its last write
            next(bundle.glob("wasm.*.pagefind")).write_bytes(b"")
            next(bundle.glob("*.pf_meta")).write_bytes(next(bundle.glob("*.pf_meta")).read_bytes()[:20])
        return counts

    monkeypatch.setattr(index, "_run_pagefind", cut_short_once)
    assert floke("build", "--content", str(SEARCH), "--no-cache").code == 0
    assert len(runs) == 2
    assert index.damaged_files(site_dir / "site/pagefind") == []


def test_damaged_files_finds_empty_and_cut_short_files(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "fragment").mkdir()
    (tmp_path / "pagefind.js").write_text("js")
    (tmp_path / "wasm.nb.pagefind").write_bytes(gzip.compress(b"wasm" * 100))
    (tmp_path / "pagefind.x.pf_meta").write_bytes(gzip.compress(b"meta" * 100)[:-9])
    (tmp_path / "fragment/a.pf_fragment").write_bytes(b"")
    assert index.damaged_files(tmp_path) == ["fragment/a.pf_fragment", "pagefind.x.pf_meta"]
