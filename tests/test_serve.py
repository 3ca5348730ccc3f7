"""The preview server: what it serves and refuses, where it listens, and how saves become rebuilds."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from livereload.handlers import LiveReloadHandler
from tornado.testing import AsyncHTTPTestCase, gen_test

from floke.pipeline import BuildOptions
from floke.preview import Outcome, PreviewBuild
from floke.serve import (
    Debouncer,
    FolderWatcher,
    Rebuilder,
    UsageError,
    application,
    check_address,
    is_loopback,
    reload_again,
    reloading_poll,
    resolve_request,
)
from tests.conftest import FIXTURES

BASIC = FIXTURES / "basic" / "content"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "out/projects/alfa").mkdir(parents=True)
    (tmp_path / "out/index.html").write_text("home")
    (tmp_path / "out/projects/alfa/index.html").write_text("alfa")
    (tmp_path / "out/.floke-output").write_text("marker")
    (tmp_path / "secret.txt").write_text("secret")
    return tmp_path / "out"


@pytest.mark.parametrize(
    ("request_path", "expected"),
    [("/", "index.html"), ("/projects/alfa/", "projects/alfa/index.html"),
     ("/projects/alfa", "projects/alfa/index.html"),
     ("/projects/alfa/index.html", "projects/alfa/index.html"),
     ("/index.html?x=1", "index.html")],
)  # fmt: skip
def test_files_inside_the_output_are_served(root: Path, request_path: str, expected: str) -> None:
    assert resolve_request(root, request_path) == (root / expected).resolve()


@pytest.mark.parametrize(
    "request_path",
    ["/../secret.txt", "/projects/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
     "/projects/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%252e%252e/secret.txt",
     "/..\\secret.txt", "/%5c..%5csecret.txt", "/index.html%00.css", "/.floke-output", "/missing/"],
)  # fmt: skip
def test_nothing_outside_the_output_is_served(root: Path, request_path: str) -> None:
    assert resolve_request(root, request_path) is None


def test_a_link_out_of_the_output_is_not_followed(root: Path) -> None:
    os.symlink(root.parent / "secret.txt", root / "leak.txt")
    assert resolve_request(root, "/leak.txt") is None


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses_need_no_flag(host: str) -> None:
    assert is_loopback(host)
    check_address(host, allow_remote=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org"])
def test_other_addresses_need_allow_remote(host: str) -> None:
    with pytest.raises(UsageError, match=f"--host {host} would let other machines see the preview"):
        check_address(host, allow_remote=False)
    check_address(host, allow_remote=True)


def test_serve_refuses_a_public_address_without_the_flag(site_dir: Path, floke) -> None:
    run = floke("serve", "--host", "0.0.0.0")
    assert run.code == 2
    assert run.err == (
        "floke: error: --host 0.0.0.0 would let other machines see the preview, drafts and unpublished "
        "news included; use 127.0.0.1, or add --allow-remote if that is what you want\n"
    )


# --- debouncing ------------------------------------------------------------------------------


def test_a_single_save_rebuilds_at_once() -> None:
    debouncer = Debouncer(quiet=0.3)
    debouncer.event(10.0)
    assert debouncer.due(10.0)


def test_an_autosave_burst_costs_two_rebuilds() -> None:
    debouncer = Debouncer(quiet=0.3)
    runs = []
    now = 10.0
    for _ in range(40):  # a save every 50 ms for two seconds
        debouncer.event(now)
        if debouncer.due(now):
            runs.append(now)
            debouncer.ran(now + 0.1)
        now += 0.05
    while not debouncer.due(now):
        now += 0.05
    runs.append(now)
    debouncer.ran(now)
    assert len(runs) == 2
    assert runs[1] >= 10.0 + 39 * 0.05 + 0.3  # the last one waits until the saving stops
    assert not debouncer.due(now + 10)


class _CountingSession:
    def __init__(self) -> None:
        self.rebuilds = 0

    def rebuild(self):
        self.rebuilds += 1
        return self.rebuilds


def test_the_rebuilder_turns_a_burst_of_file_changes_into_few_rebuilds(tmp_path: Path) -> None:
    page = tmp_path / "content/pages/om.md"
    page.parent.mkdir(parents=True)
    page.write_text("x")
    clock = [0.0]
    session = _CountingSession()
    rebuilder = Rebuilder(
        session, FolderWatcher((tmp_path / "content",)), Debouncer(0.3), lambda outcome: None,  # type: ignore[arg-type]
        clock=lambda: clock[0],
    )  # fmt: skip
    assert rebuilder.poll() is None  # nothing changed
    for n in range(10):
        page.write_text("x" * (n + 2))
        rebuilder.poll()
        clock[0] += 0.05
    assert session.rebuilds == 1  # the first save, at once
    clock[0] += 0.3
    rebuilder.poll()
    assert session.rebuilds == 2  # the rest, once, after the burst
    clock[0] += 5
    rebuilder.poll()
    assert session.rebuilds == 2


def _outcome(first=(), written=(), removed=(), errors=()) -> Outcome:
    return Outcome((*first, "/x/"), tuple(written), tuple(removed), tuple(errors), (), 0.1, tuple(first))


def test_browsers_reload_again_only_when_more_than_the_page_shown_first_changed() -> None:
    edited = "/projects/alfa/"
    assert not reload_again(_outcome([edited], ["projects/alfa/index.html", "data/projects.json"]))
    assert reload_again(_outcome([edited], ["projects/alfa/index.html", "index.html"]))
    assert reload_again(_outcome([edited], ["static/css/floke.css"]))
    assert reload_again(_outcome([edited], removed=["projects/beta/index.html"]))
    assert reload_again(_outcome((), ["data/projects.json"]))  # nothing was shown first
    assert reload_again(_outcome([edited], errors=["an error"]))  # the error page


def test_the_watcher_sees_added_changed_and_removed_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("a")
    watcher = FolderWatcher((tmp_path,))
    (tmp_path / "b.md").write_text("b")
    (tmp_path / "a.md").write_text("aa")
    assert watcher.changes() == {tmp_path / "a.md", tmp_path / "b.md"}
    (tmp_path / "b.md").unlink()
    assert watcher.changes() == {tmp_path / "b.md"}
    assert watcher.changes() == set()


# --- over HTTP -------------------------------------------------------------------------------


class TestPreviewServer(AsyncHTTPTestCase):
    def setUp(self) -> None:
        self.folder = Path(self.enterContext(_TemporaryFolder()))
        shutil.copytree(BASIC, self.folder / "content")
        (self.folder / "secret.txt").write_text("secret")
        options = BuildOptions(self.folder / "content", self.folder / "preview", drafts=True, future=True)
        self.session = PreviewBuild(options)
        assert self.session.rebuild().ok
        super().setUp()

    def get_app(self):
        return application(self.session, 8000)

    def test_pages_link_the_reload_script(self) -> None:
        response = self.fetch("/projects/alfa/")
        assert response.code == 200
        assert b'<script src="/livereload.js?port=8000"></script></head>' in response.body
        assert response.headers["Cache-Control"] == "no-store"
        assert self.fetch("/livereload.js").code == 200

    def test_traversal_is_refused(self) -> None:
        for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/projects/%2e%2e%2f%2e%2e%2fsecret.txt"):
            response = self.fetch(path)
            assert response.code == 404, path
            assert b"secret" not in response.body

    def test_errors_are_shown_until_fixed(self) -> None:
        project = self.folder / "content/projects/gamma.md"
        good = project.read_text()
        project.write_text(good.replace("phase: diagnosis", "phase: diagnose"))
        assert not self.session.rebuild().ok
        response = self.fetch("/projects/gamma/")
        assert response.code == 500
        assert b"unknown phase &#34;diagnose&#34;" in response.body
        assert b"/livereload.js" in response.body
        assert self.fetch("/static/css/floke.css").code == 200  # the error page keeps its style
        project.write_text(good)
        assert self.session.rebuild().ok
        response = self.fetch("/projects/gamma/")
        assert response.code == 200 and b"Gamma project" in response.body


    @gen_test(timeout=60)
    async def test_browsers_reload_once_the_edited_page_is_written_and_the_server_answers_meanwhile(self) -> None:
        reloads: list[bytes] = []
        self.patch_reload(lambda path: reloads.append(self.page()))
        rebuilder = Rebuilder(self.session, FolderWatcher((self.folder / "content",)), Debouncer(0.0), lambda o: None)
        poll = reloading_poll(rebuilder, self.io_loop)
        project = self.folder / "content/projects/gamma.md"
        project.write_text(project.read_text() + "\nA sentence from the editor.\n")
        await poll()
        await poll()  # the reload scheduled from the worker thread runs on the loop
        assert len(reloads) == 1 and b"A sentence from the editor." in reloads[0]
        other = self.folder / "content/projects/alfa.md"
        other.write_text(other.read_text().replace("title: ", "title: New ", 1))
        await poll()
        await poll()
        assert len(reloads) == 3  # the edited page, then the lists that show its title

    def page(self) -> bytes:
        return (self.folder / "preview/projects/gamma/index.html").read_bytes()

    def patch_reload(self, reload) -> None:
        original = LiveReloadHandler.reload_waiters
        LiveReloadHandler.reload_waiters = staticmethod(reload)  # type: ignore[method-assign]
        self.addCleanup(setattr, LiveReloadHandler, "reload_waiters", original)


class _TemporaryFolder:
    def __enter__(self) -> str:
        self.path = tempfile.mkdtemp()
        return self.path

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
