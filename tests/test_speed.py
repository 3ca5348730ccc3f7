"""Issue 9: parallel builds, the build cache, --timings and the progress display.

Nothing here is timed: speed is measured by bench/. These tests pin what speed must not change:
the bytes of the site, whatever the number of jobs and whatever the cache holds.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import floke as floke_package
from bench.corpus import generate
from floke import buildcache, markup, parallel, pipeline
from floke.progress import Meter, wants_progress
from tests.conftest import stable_tree_bytes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated catalogue of 30 projects (with news, lessons, translations, cross-references)."""
    content = tmp_path_factory.mktemp("corpus") / "content"
    generate(30, content)
    return content


@pytest.fixture
def content(corpus: Path, site_dir: Path) -> Path:
    """A private copy of the corpus in the working folder, so .floke-cache lands there."""
    return Path(shutil.copytree(corpus, site_dir / "content"))


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Markdown texts converted (not taken from a cache) during the test."""
    seen: list[str] = []
    original = markup.MarkdownRenderer.to_html

    def counting(self, text, resolver=None, top=2):
        seen.append(text)
        return original(self, text, resolver, top)

    monkeypatch.setattr(markup.MarkdownRenderer, "to_html", counting)
    monkeypatch.setattr(pipeline, "available_cores", lambda: 1)  # convert here, where it is counted
    return seen


def build(floke, content: Path, output: str, *args: str) -> dict[str, bytes]:
    result = floke("build", "--content", str(content), "--output", output, *args)
    assert result.code == 0, result.err
    return stable_tree_bytes(Path(output))  # all but the files Pagefind orders as it likes


def test_parallel_serial_and_warm_builds_are_byte_identical(floke, content, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)  # so that 30 projects are spread over workers
    serial = build(floke, content, "serial", "--jobs", "1", "--no-cache")
    assert not (content.parent / ".floke-cache").exists()
    cold = build(floke, content, "cold", "--jobs", "2")
    assert (content.parent / ".floke-cache").is_dir()
    warm = build(floke, content, "warm", "--jobs", "2")
    warm_serial = build(floke, content, "warm-serial", "--jobs", "1")
    assert len(serial) > 100
    assert cold == serial
    assert warm == serial
    assert warm_serial == serial


def test_warm_build_converts_no_markdown_and_parses_no_yaml(floke, content, conversions, monkeypatch) -> None:
    build(floke, content, "site", "--jobs", "1")  # conversions counted in this process
    assert conversions
    conversions.clear()
    parsed: list[str] = []
    original = buildcache.DiskMemo._through

    def through(self, key, compute, report):
        return original(self, key, lambda r: parsed.append(str(key)) or compute(r), report)

    monkeypatch.setattr(buildcache.DiskMemo, "_through", through)
    build(floke, content, "again", "--jobs", "1")  # another output: the build runs, from the cache
    assert conversions == []
    assert parsed == []


def test_a_changed_record_is_read_and_converted_again(floke, content, conversions) -> None:
    first = build(floke, content, "site", "--jobs", "1")
    project = sorted((content / "projects").glob("*.md"))[3]
    project.write_text(project.read_text(encoding="utf-8") + "\nEn ny setning fra testen.\n", encoding="utf-8")
    conversions.clear()
    second = build(floke, content, "site", "--jobs", "1")
    assert [text for text in conversions if "En ny setning fra testen." in text]
    assert len(conversions) < 5  # the changed body, not the catalogue
    page = f"projects/{project.stem}/index.html"
    assert "En ny setning fra testen." in second[page].decode()
    assert first[page] != second[page]
    assert second == build(floke, content, "fresh", "--no-cache")


def test_a_changed_template_shows_in_a_warm_build(floke, content) -> None:
    templates = content.parent / "theme"
    templates.mkdir()
    base = (Path(floke_templates()) / "base.html").read_text(encoding="utf-8")
    (templates / "base.html").write_text(base, encoding="utf-8")
    build(floke, content, "site", "--templates", str(templates))
    (templates / "base.html").write_text(base.replace("</main>", "<p>Ny mal</p></main>", 1), encoding="utf-8")
    warm = build(floke, content, "site", "--templates", str(templates))
    assert "<p>Ny mal</p>" in warm["index.html"].decode()
    assert warm == build(floke, content, "fresh", "--templates", str(templates), "--no-cache")


def floke_templates() -> Path:
    return Path(floke_package.__file__).resolve().parent.parent / "templates"


def test_another_floke_version_does_not_reuse_the_cache(floke, content, conversions, monkeypatch) -> None:
    first = build(floke, content, "site")
    converted = len(conversions)
    old_files = sorted((content.parent / ".floke-cache").glob("build-*.pickle"))
    monkeypatch.setattr(floke_package, "__version__", "99.0.0")
    buildcache.code_version.cache_clear()
    conversions.clear()
    try:
        second = build(floke, content, "site")
    finally:
        buildcache.code_version.cache_clear()
    assert len(conversions) == converted
    new_files = sorted((content.parent / ".floke-cache").glob("build-*.pickle"))
    assert len(new_files) == 1 and new_files != old_files and "99.0.0" in new_files[0].name
    assert second == first


def test_a_damaged_cache_means_a_cold_build(floke, content) -> None:
    first = build(floke, content, "site")
    for cached in (content.parent / ".floke-cache").iterdir():
        cached.write_bytes(b"not a cache")
    assert build(floke, content, "site") == first


def test_a_cache_that_cannot_be_written_does_not_fail_the_build(floke, content) -> None:
    (content.parent / ".floke-cache").write_text("a file where the folder would be")
    assert build(floke, content, "site")


def test_timings_print_a_table_of_stages(floke, minimal) -> None:
    result = floke("build", "--timings")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:4] == ["stage", "seconds", "items", "share"])
    stages = [line.split()[0] for line in lines[header + 1 :] if line and not line.startswith("floke:")]
    assert stages[:5] == ["up-to-date", "cache", "load", "validate", "link"]
    for stage in ("markdown", "plan", "render", "write", "total"):
        assert stage in stages
    assert "floke: wrote" in lines[-1]


def test_no_timings_without_the_option(floke, minimal) -> None:
    result = floke("build")
    assert "seconds" not in result.out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_outside_ci() -> None:
    assert wants_progress(_Terminal(), {})
    assert wants_progress(_Terminal(), {"CI": "false"})
    assert not wants_progress(_Terminal(), {"CI": "true"})
    assert not wants_progress(io.StringIO(), {})


def test_progress_counts_items_of_each_stage() -> None:
    shown = io.StringIO()
    meter = Meter(show=True, stream=shown)
    with meter.stage("render", 3) as advance:
        for _ in range(3):
            advance(1)
    assert "floke: render 0/3" in shown.getvalue()
    assert "floke: render 3/3" in shown.getvalue()
    assert shown.getvalue().endswith("\r\033[K")  # the line is cleared for the build's own output


def test_progress_is_quiet_when_not_on_a_terminal(floke, minimal) -> None:
    result = floke("build")  # stdout is captured: not a terminal
    assert "\r" not in result.err and "\r" not in result.out


def test_jobs_must_be_a_whole_number_of_at_least_one(floke, minimal) -> None:
    result = floke("build", "--jobs", "0")
    assert result.code == 2
    assert "argument --jobs: '0' is not a whole number of at least 1" in result.err


# --- the up-to-date check --------------------------------------------------------------------


def _states(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_a_build_with_nothing_changed_writes_nothing_and_repeats_the_report(floke, content) -> None:
    _append(_published_project(content), "\nSe http://example.org for mer.\n")  # a warning
    first = floke("build", "--content", str(content), "--output", "site")
    assert first.code == 0 and "floke: wrote " in first.err + first.out
    before = _states(Path("site"))
    again = floke("build", "--content", str(content), "--output", "site")
    assert again.code == 0
    assert "is up to date" in again.out and "nothing changed since the last build" in again.out
    assert _states(Path("site")) == before  # not one file written
    warnings = [line for line in first.err.splitlines() if ": warning: " in line]
    assert warnings and [line for line in again.err.splitlines() if ": warning: " in line] == warnings


CHANGED_INPUTS = {
    "a record": lambda content: _append(_published_project(content), "\nNy tekst.\n"),
    "site.yaml": lambda content: _append(content / "site.yaml", "\n# a comment\n"),
    "a file in the output": lambda content: (content.parent / "site/index.html").write_text("defaced"),
    "a file removed from the output": lambda content: (content.parent / "site/404.html").unlink(),
    "a file added to the output": lambda content: (content.parent / "site/extra.html").write_text("x"),
}


def _published_project(content: Path) -> Path:
    return next(p for p in sorted((content / "projects").glob("*.md")) if "draft: true" not in p.read_text())


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("change", CHANGED_INPUTS)
def test_any_change_to_the_inputs_or_the_output_means_a_full_build(floke, content, change: str) -> None:
    build(floke, content, "site")
    CHANGED_INPUTS[change](content)
    run = floke("build", "--content", str(content), "--output", "site")
    assert run.code == 0 and "floke: wrote " in run.out
    assert stable_tree_bytes(Path("site")) == build(floke, content, "fresh", "--no-cache")


def test_other_options_a_new_day_or_a_changed_theme_mean_a_full_build(floke, content, monkeypatch) -> None:
    def wrote(*args: str) -> bool:
        run = floke("build", "--content", str(content), "--output", "site", *args)
        assert run.code == 0, run.err
        return "floke: wrote " in run.out

    assert wrote()
    assert not wrote()
    assert wrote("--base-url", "https://example.org/floke/")
    assert wrote("--drafts")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # another day: future news may be due
    assert wrote("--drafts")
    static = content.parent / "static"
    (static / "css").mkdir(parents=True)
    (static / "css/extra.css").write_text("p { margin: 0 }")
    assert wrote("--drafts", "--static", str(static))
    assert not wrote("--drafts", "--static", str(static))
    (static / "css/extra.css").write_text("p { margin: 1px }")
    assert wrote("--drafts", "--static", str(static))


def test_a_changed_hidden_static_file_means_a_full_build(floke, content) -> None:
    static = content.parent / "static"
    (static / ".well-known").mkdir(parents=True)
    (static / ".well-known/security.txt").write_text("Contact: mailto:a@example.org\n")
    build(floke, content, "site", "--static", str(static))
    (static / ".well-known/security.txt").write_text("Contact: mailto:b@example.org\n")
    site = build(floke, content, "site", "--static", str(static))
    assert site["static/.well-known/security.txt"] == b"Contact: mailto:b@example.org\n"
