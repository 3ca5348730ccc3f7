"""Interrupted, concurrent and failing builds: the previous site always survives whole.

A build runs in a subprocess with one stage wrapped so that it stops at a chosen point, says so
through a file, and waits; the test then kills it with SIGKILL. No hook lives in floke itself.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, stable_tree_bytes, tree_bytes, write_files

BASIC = FIXTURES / "basic" / "content"
NEW_PROJECT = {"content/projects/delta.md": (BASIC / "projects/alfa.md").read_text().replace(
    "title: Alfaprosjektet", "title: Deltaprosjektet")}

# Runs floke with one function wrapped: `pause()` writes the marker file and sleeps until killed.
RUNNER = textwrap.dedent("""
    import importlib, pathlib, sys, time
    marker, module_name, function_name, when = sys.argv[1:5]
    module = importlib.import_module(module_name)
    original = getattr(module, function_name)

    def pause():
        pathlib.Path(marker).write_text("paused")
        time.sleep(600)

    def halfway(files, *args, **kwargs):  # write half the files, then stop
        files = list(files)
        def slow():
            for index, file in enumerate(files):
                if index == len(files) // 2:
                    pause()
                yield file
        return original(slow(), *args, **kwargs)

    def wrapped(*args, **kwargs):
        if when == "halfway":
            return halfway(*args, **kwargs)
        if when == "before":
            pause()
        result = original(*args, **kwargs)
        pause()
        return result

    setattr(module, function_name, wrapped)
    from floke.cli import main
    sys.exit(main(sys.argv[5:]))
""")


@pytest.fixture
def old_site(site_dir: Path, floke) -> dict[str, bytes]:
    """The fixture site built once into site/; the content then gains a project."""
    shutil.copytree(BASIC, site_dir / "content")
    assert floke("build").code == 0
    write_files(site_dir, NEW_PROJECT)
    return tree_bytes(site_dir / "site")


def start_paused(site_dir: Path, script: str, *args: str) -> subprocess.Popen[bytes]:
    """Run a build script in a subprocess and return once it has stopped at its pause."""
    marker = site_dir / "paused"
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(marker), *args],
        cwd=site_dir, env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the build did not reach the pause: {process.communicate()}")
        time.sleep(0.05)
    return process


def paused_build(site_dir: Path, module: str, function: str, when: str) -> subprocess.Popen[bytes]:
    return start_paused(site_dir, RUNNER, module, function, when, "build")


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


KILL_POINTS = {
    "while rendering": ("floke.render", "render_page", "before"),
    "while writing files": ("floke.pipeline", "write_site", "halfway"),
    "with every file written, before the swap": ("floke.write", "_swap_in", "before"),
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_killed_build_leaves_the_previous_site(old_site: dict[str, bytes], site_dir: Path, floke,
                                               point: str) -> None:
    kill(paused_build(site_dir, *KILL_POINTS[point]))
    assert tree_bytes(site_dir / "site") == old_site
    assert_next_build_succeeds(site_dir, floke)


def test_killed_right_after_the_swap_leaves_the_new_site(old_site: dict[str, bytes], site_dir: Path,
                                                          floke) -> None:
    kill(paused_build(site_dir, "floke.write", "_rename_exchange", "after"))
    new_site = stable_tree_bytes(site_dir / "site")
    assert "projects/delta/index.html" in new_site  # the swap happened: the whole new site is there
    assert list(site_dir.glob(".site.staging-*"))  # the old site, not yet removed
    assert_next_build_succeeds(site_dir, floke)
    assert stable_tree_bytes(site_dir / "site") == new_site  # the same, but for Pagefind's own order


# Without renameat2: stops after the old site was renamed aside, before the new one is renamed in.
FALLBACK_RUNNER = textwrap.dedent("""
    import pathlib, sys, time
    import floke.write as write
    write._rename_exchange = lambda a, b: False
    rename = pathlib.Path.rename
    def paused_rename(self, target):
        result = rename(self, target)
        if str(target).endswith(".previous"):
            pathlib.Path(sys.argv[1]).write_text("paused")
            time.sleep(600)
        return result
    pathlib.Path.rename = paused_rename
    from floke.cli import main
    sys.exit(main(["build"]))
""")


def test_killed_between_the_fallback_renames(old_site: dict[str, bytes], site_dir: Path, floke) -> None:
    """The old site waits aside under a known name; the next build puts it back, then swaps."""
    kill(start_paused(site_dir, FALLBACK_RUNNER))
    assert not (site_dir / "site").exists()
    assert tree_bytes(site_dir / ".site.previous") == old_site
    assert_next_build_succeeds(site_dir, floke)
    assert not (site_dir / ".site.previous").exists()


def assert_next_build_succeeds(site_dir: Path, floke) -> None:
    run = floke("build")
    assert run.code == 0, run.err
    assert (site_dir / "site/projects/delta/index.html").is_file()
    assert not list(site_dir.glob(".site.staging-*"))


def test_two_builds_at_once(old_site: dict[str, bytes], site_dir: Path, floke) -> None:
    first = paused_build(site_dir, "floke.write", "_swap_in", "before")
    try:
        run = floke("build")
        assert run.code == 1
        assert run.err == (f"floke: error: another floke build (process {first.pid}) is writing to site; "
                           "wait for it to finish, then build again\n")
        assert tree_bytes(site_dir / "site") == old_site
    finally:
        kill(first)
    assert_next_build_succeeds(site_dir, floke)


# --- the disk fills up, the folder is read-only ---------------------------------------------------


def test_disk_full_is_a_clear_error(old_site: dict[str, bytes], site_dir: Path, floke,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(Path, "write_bytes", full)
    run = floke("build")
    assert run.code == 1
    assert run.err.startswith("floke: error: cannot write site: No space left on device (")
    assert run.err.endswith("); the previous site is unchanged\n")
    assert tree_bytes(site_dir / "site") == old_site
    assert not list(site_dir.glob(".site.staging-*"))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs of our own (needs root and permission to mount; skipped otherwise)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_real_disk_full_and_read_only(small_disk: Path, site_dir: Path, floke) -> None:
    shutil.copytree(BASIC, site_dir / "content")
    output = small_disk / "site"
    assert floke("build", "--output", str(output)).code == 0
    before = tree_bytes(output)
    # Three pages of 900 kB: the old site (about 850 kB with its search index) and the new one do
    # not both fit in 3 MB.
    body = "Tekst. " * 128_000
    write_files(site_dir, {f"content/pages/stor{n}.md": f"---\ntitle: Stor {n}\n---\n{body}" for n in range(3)})
    run = floke("build", "--output", str(output))
    assert run.code == 1
    assert run.err.startswith(f"floke: error: cannot write {output}: No space left on device")
    assert tree_bytes(output) == before
    assert not list(small_disk.glob(".site.staging-*"))

    for n in range(3):
        (site_dir / f"content/pages/stor{n}.md").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    run = floke("build", "--output", str(output))
    assert run.code == 1
    assert run.err == (f"floke: error: cannot write {output}: Read-only file system "
                       f"({small_disk}/.site.lock); the previous site is unchanged\n")
    assert tree_bytes(output) == before
