"""The live preview's rebuilds: which pages each kind of change renders again, and that the result
is byte for byte what a full build writes; errors shown and recovered from."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from floke.pipeline import BuildOptions
from floke.preview import PreviewBuild
from floke.render import DEFAULT_STATIC, DEFAULT_TEMPLATES, Theme
from floke.urls import output_path
from floke.write import MARKER
from tests.conftest import FIXTURES, tree_bytes

BASIC = FIXTURES / "basic" / "content"
ALL_PAGES = {
    "/", "/projects/", "/news/", "/agencies/", "/404.html", "/search/", "/om/",
    "/projects/alfa/", "/projects/beta/", "/projects/gamma/", "/projects/utkast/",
    "/news/lansering/", "/news/framtid/",
    "/agencies/agency-a/", "/agencies/agency-b/", "/agencies/agency-c/",
    "/agencies/nord-kommune/", "/agencies/sor-kommune/", "/agencies/storby-kommune/",
    "/themes/data/", "/themes/samarbeid/",
    "/phases/diagnosis/", "/phases/explore-define/", "/phases/develop-deliver/", "/phases/implementation/",
    "/lessons/", "/lessons/themes/", "/years/", "/years/2015/", "/years/2019/", "/years/2021/", "/years/2999/",
}  # fmt: skip


@pytest.fixture
def preview(site_dir: Path) -> PreviewBuild:
    """A preview session over a copy of the fixture site and a copy of the default theme."""
    shutil.copytree(BASIC, site_dir / "content")
    shutil.copytree(DEFAULT_TEMPLATES, site_dir / "templates")
    shutil.copytree(DEFAULT_STATIC, site_dir / "static")
    theme = Theme((site_dir / "templates",), (site_dir / "static",))
    options = BuildOptions(site_dir / "content", site_dir / "preview", theme, drafts=True, future=True)
    session = PreviewBuild(options)
    first = session.rebuild()
    assert first.ok, first.errors
    assert set(first.rendered) == ALL_PAGES
    return session


def full_build(session: PreviewBuild, floke) -> dict[str, bytes]:
    """What `floke build` writes for the same content and theme."""
    folder = session.options.output.parent
    run = floke(
        "build", "--content", str(folder / "content"), "--output", str(folder / "full"),
        "--templates", str(folder / "templates"), "--static", str(folder / "static"),
        "--base-url", "/", "--drafts", "--future",
    )  # fmt: skip
    assert run.code == 0, run.err
    return _without_marker(tree_bytes(folder / "full"))


def _without_marker(tree: dict[str, bytes]) -> dict[str, bytes]:
    """The tree less floke's marker and the search index, which the preview does not build."""
    return {path: data for path, data in tree.items() if path != MARKER and not path.startswith("pagefind/")}


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


CHANGES: dict[str, tuple[str, Callable[[str], str], set[str]]] = {
    "a project's body": (
        "content/projects/gamma.md", lambda text: text + "\nA new closing sentence.\n", {"/projects/gamma/"},
    ),
    "a project's title": (
        "content/projects/beta.md",
        lambda text: text.replace("title: Betaprosjektet", "title: Betaprosjektet 2"),
        # its page, the lists that show it, alfa (whose lesson links to it by title) and the
        # projects that list it as related
        {"/projects/beta/", "/", "/projects/", "/agencies/agency-b/", "/agencies/agency-c/",
         "/agencies/sor-kommune/", "/agencies/storby-kommune/", "/themes/samarbeid/",
         "/phases/explore-define/", "/projects/alfa/", "/projects/gamma/", "/projects/utkast/",
         "/lessons/", "/lessons/themes/", "/years/2019/"},
    ),
    "a project's phase": (
        "content/projects/gamma.md",
        lambda text: text.replace("phase: diagnosis", "phase: implementation"),
        {"/projects/gamma/", "/", "/projects/", "/agencies/agency-c/", "/agencies/storby-kommune/",
         "/phases/diagnosis/", "/phases/implementation/", "/years/2021/"},
    ),
    "a news post's body": (
        "content/news/lansering.md", lambda text: text + "\nMer tekst.\n", {"/news/lansering/"},
    ),
    "an agency's name": (
        "content/agencies.yaml",
        lambda text: text.replace("name: Nord kommune", "name: Nordre kommune"),
        # every page showing alfa's agencies; the diagnosis page too: it shows other agencies' names
        # and alfa's lesson (pages depend on the fields they read, not on each path to them)
        {"/", "/agencies/", "/agencies/agency-a/", "/agencies/agency-b/", "/agencies/agency-c/",
         "/agencies/nord-kommune/", "/agencies/storby-kommune/", "/phases/diagnosis/",
         "/phases/implementation/", "/projects/", "/projects/alfa/", "/themes/data/", "/themes/samarbeid/",
         "/lessons/", "/lessons/themes/", "/phases/develop-deliver/", "/years/2015/"},
    ),
    "a page's title (shown in every footer)": (
        "content/pages/om.md", lambda text: text.replace("title: ", "title: Mer ", 1), ALL_PAGES,
    ),
    "the news template": (
        "templates/news.html", lambda text: text.replace("<article", "<article data-x=\"1\"", 1),
        {"/news/lansering/", "/news/framtid/"},
    ),
    "a macro used by lists": (
        "templates/macros.html", lambda text: text + "\n", ALL_PAGES,
    ),
    "the base template": (
        "templates/base.html", lambda text: text.replace("<body>", "<body class=\"x\">"), ALL_PAGES,
    ),
    "the stylesheet (its fingerprint is in every page)": (
        "static/css/floke.css", lambda text: text + "\n/* more */\n", ALL_PAGES,
    ),
}  # fmt: skip


# The page written before the rest of the rebuild: the edited record's own (none for other changes).
FIRST = {
    "a project's body": ("/projects/gamma/",),
    "a project's title": ("/projects/beta/",),
    "a project's phase": ("/projects/gamma/",),
    "a news post's body": ("/news/lansering/",),
    "a page's title (shown in every footer)": ("/om/",),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_renders_exactly_the_pages_that_show_it(preview: PreviewBuild, floke, name: str) -> None:
    path, change, expected = CHANGES[name]
    output = preview.options.output
    shown_first: dict[str, bytes] = {}
    preview.on_first = lambda written: shown_first.update((p, (output / p).read_bytes()) for p in written)
    edit(output.parent / path, change)
    outcome = preview.rebuild()
    assert outcome.ok, outcome.errors
    assert set(outcome.rendered) == expected
    assert len(outcome.rendered) == len(expected)  # the page rendered first is not rendered again
    assert outcome.first == FIRST.get(name, ())
    assert set(shown_first) == {output_path(url) for url in outcome.first}
    final = _without_marker(tree_bytes(output))
    assert final == full_build(preview, floke)
    # what the browser was reloaded for is already the finished page
    assert all(final[path] == data for path, data in shown_first.items())


def test_nothing_changed_renders_nothing(preview: PreviewBuild) -> None:
    outcome = preview.rebuild()
    assert outcome.rendered == () and outcome.written == ()


def test_a_new_project_gets_its_page_and_joins_the_lists(preview: PreviewBuild, floke) -> None:
    folder = preview.options.output.parent
    text = (folder / "content/projects/gamma.md").read_text().replace("title: Gamma project", "title: Delta")
    (folder / "content/projects/delta.md").write_text(text)
    outcome = preview.rebuild()
    assert "/projects/delta/" in outcome.rendered and "/projects/" in outcome.rendered
    assert "/news/lansering/" not in outcome.rendered
    assert _without_marker(tree_bytes(preview.options.output)) == full_build(preview, floke)


def test_a_removed_project_loses_its_page(preview: PreviewBuild, floke) -> None:
    folder = preview.options.output.parent
    (folder / "content/projects/utkast.md").unlink()
    outcome = preview.rebuild()
    assert "projects/utkast/index.html" in outcome.removed
    assert not (preview.options.output / "projects/utkast").joinpath("index.html").exists()
    assert _without_marker(tree_bytes(preview.options.output)) == full_build(preview, floke)


def test_many_changes_in_a_row_keep_equal_to_a_full_build(preview: PreviewBuild, floke) -> None:
    folder = preview.options.output.parent
    for name in CHANGES:
        path, change, _ = CHANGES[name]
        edit(folder / path, change)
        assert preview.rebuild().ok
    assert _without_marker(tree_bytes(preview.options.output)) == full_build(preview, floke)


def test_an_invalid_edit_shows_the_error_and_fixing_it_brings_the_page_back(
    preview: PreviewBuild, floke
) -> None:
    project = Path("content/projects/gamma.md")
    good = project.read_text()
    before = (preview.options.output / "projects/gamma/index.html").read_bytes()
    project.write_text(good.replace("phase: diagnosis", "phase: diagnose"))
    failed = preview.rebuild()
    assert [d.format() for d in failed.errors] == [
        f'{project}:6: error: unknown phase "diagnose" (did you mean "diagnosis"?); phases are: '
        "diagnosis, explore-define, develop-deliver, implementation"
    ]
    page = preview.error_page()
    assert f"{project}:6: error: unknown phase" in page
    assert '<link rel="stylesheet" href="/static/css/floke.css">' in page
    assert "Forhåndsvisningen fant 1 feil" in page and '<html lang="nb">' in page
    assert (preview.options.output / "projects/gamma/index.html").read_bytes() == before  # old page kept
    project.write_text(good + "\nFixed.\n")
    fixed = preview.rebuild()
    assert fixed.ok and "/projects/gamma/" in fixed.rendered
    assert b"Fixed." in (preview.options.output / "projects/gamma/index.html").read_bytes()
    assert _without_marker(tree_bytes(preview.options.output)) == full_build(preview, floke)


def test_a_template_error_is_reported_and_recovered_from(preview: PreviewBuild, floke) -> None:
    template = preview.options.output.parent / "templates/news.html"
    good = template.read_text()
    template.write_text(good.replace("{% endblock %}", "{% endblok %}"))
    failed = preview.rebuild()
    assert not failed.ok
    assert "template error" in failed.errors[0].message
    assert failed.errors[0].path.endswith("news.html")
    template.write_text(good)
    fixed = preview.rebuild()
    assert fixed.ok and {"/news/lansering/", "/news/framtid/"} <= set(fixed.rendered)
    assert _without_marker(tree_bytes(preview.options.output)) == full_build(preview, floke)


def test_errors_in_the_first_build_still_give_a_styled_error_page(site_dir: Path) -> None:
    shutil.copytree(BASIC, site_dir / "content")
    (site_dir / "content/projects/alfa.md").write_text("---\ntitle: [\n---\n")
    session = PreviewBuild(BuildOptions(site_dir / "content", site_dir / "preview"))
    outcome = session.rebuild()
    assert not outcome.ok
    assert (site_dir / "preview/static/css/floke.css").is_file()
    assert "content/projects/alfa.md:2: error:" in session.error_page()


def test_many_records_changed_at_once_are_rebuilt_in_one_pass(preview: PreviewBuild, monkeypatch) -> None:
    monkeypatch.setattr("floke.preview.FIRST_AT_MOST", 1)  # two edited records: a checkout, not an edit
    folder = preview.options.output.parent
    edit(folder / "content/projects/gamma.md", lambda text: text + "\nMore.\n")
    edit(folder / "content/projects/alfa.md", lambda text: text + "\nMore.\n")
    outcome = preview.rebuild()
    assert outcome.ok and outcome.first == ()
    assert {"/projects/gamma/", "/projects/alfa/"} <= set(outcome.rendered)


def test_an_edited_page_that_fails_to_render_is_reported_by_the_whole_rebuild(preview: PreviewBuild) -> None:
    folder = preview.options.output.parent
    edit(folder / "templates/project.html", lambda text: text.replace("{{ p.title }}", "{{ p.title.nope() }}", 1))
    assert not preview.rebuild().ok
    edit(folder / "content/projects/gamma.md", lambda text: text + "\nMore.\n")
    outcome = preview.rebuild()
    assert outcome.first == ()
    assert [e.path.endswith("project.html") for e in outcome.errors] == [True] * len(outcome.errors)
    assert len(outcome.errors) == 4  # every project page, each once


def test_after_an_error_the_browser_is_not_sent_to_the_edited_page_early(preview: PreviewBuild) -> None:
    project = preview.options.output.parent / "content/projects/gamma.md"
    good = project.read_text()
    project.write_text(good.replace("phase: diagnosis", "phase: diagnose"))
    assert not preview.rebuild().ok
    shown: list[tuple[str, ...]] = []
    preview.on_first = shown.append
    project.write_text(good + "\nFixed.\n")
    fixed = preview.rebuild()
    assert fixed.ok and fixed.first == () and shown == []  # one reload, at the end, to the fixed site
