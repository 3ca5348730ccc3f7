"""`floke serve`: the live preview. Builds, serves the preview folder, watches, rebuilds, reloads.

Safety: it binds 127.0.0.1 unless told otherwise, refuses an address other machines can reach
without --allow-remote (the preview shows drafts and unpublished news), and serves only files
inside the preview folder. The browser is reloaded through livereload's websocket; its script
is linked, not inlined, so the site's Content-Security-Policy holds in the preview too.
"""

from __future__ import annotations

import ipaddress
import mimetypes
import os
import sys
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.watcher import Watcher
from tornado import ioloop, web

from floke.preview import Outcome, PreviewBuild
from floke.urls import output_path

POLL_SECONDS = 0.05
QUIET_SECONDS = 0.3
HEAD_END = b"</head>"


class UsageError(Exception):
    """The command line asks for something unsafe or impossible; the message says what to do."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_address(host: str, allow_remote: bool) -> None:
    if not is_loopback(host) and not allow_remote:
        raise UsageError(
            f"--host {host} would let other machines see the preview, drafts and unpublished news "
            "included; use 127.0.0.1, or add --allow-remote if that is what you want"
        )


# --- what the browser may read -----------------------------------------------------------------


def resolve_request(root: Path, url_path: str) -> Path | None:
    """The file inside root that a request path names, or None when it names nothing inside root."""
    decoded = unquote(url_path.split("?", 1)[0])
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    if ".." in parts or any(p.startswith(".") for p in parts):
        return None
    root = root.resolve()
    candidate = root.joinpath(*parts)
    if decoded.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    resolved = candidate.resolve()
    if not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


def with_reload_script(html: bytes, port: int) -> bytes:
    """Link livereload's script from the page head (a linked script passes the CSP; inline would not)."""
    tag = f'<script src="/livereload.js?port={port}"></script>'.encode()
    return html.replace(HEAD_END, tag + HEAD_END, 1)


class PreviewHandler(web.RequestHandler):
    """Serves the preview folder; while the content has errors, HTML requests get the error page."""

    def initialize(self, session: PreviewBuild, port: int) -> None:
        self.session, self.port = session, port

    def get(self, _path: str) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        root = self.session.options.output
        target = resolve_request(root, self.request.path)
        wants_page = target is None or target.suffix == ".html"
        last = self.session.last
        if last is not None and not last.ok and wants_page:
            self._send(500, "text/html; charset=utf-8", self.session.error_page().encode())
        elif target is None:
            missing = root / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"not found"
            self._send(404, "text/html; charset=utf-8", body)
        else:
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            charset = "; charset=utf-8" if kind.startswith("text/") else ""
            self._send(200, kind + charset, target.read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.set_status(status)
        self.set_header("Content-Type", content_type)
        if content_type.startswith("text/html"):
            body = with_reload_script(body, self.port)
        self.finish(body)


# --- when to rebuild ---------------------------------------------------------------------------


@dataclass
class Debouncer:
    """Turns bursts of saves into few rebuilds.

    The first save after a quiet spell rebuilds at once (the editor sees the page quickly); saves
    that follow within `quiet` seconds of a rebuild wait until `quiet` seconds pass without one,
    then rebuild once. An editor's autosave, writing many times a second, costs two rebuilds.
    """

    quiet: float = QUIET_SECONDS
    pending: bool = False
    leading: bool = False
    last_event: float = float("-inf")
    last_run: float = float("-inf")

    def event(self, now: float) -> None:
        if not self.pending:
            self.leading = now - self.last_run >= self.quiet
        self.pending = True
        self.last_event = now

    def due(self, now: float) -> bool:
        return self.pending and (self.leading or now - self.last_event >= self.quiet)

    def ran(self, now: float) -> None:
        self.pending = False
        self.last_run = now


@dataclass
class FolderWatcher:
    """Notices files added, changed or removed under some folders, by polling their state."""

    folders: tuple[Path, ...]
    seen: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.seen = self._scan()

    def changes(self) -> set[Path]:
        now = self._scan()
        changed = {p for p in now.keys() | self.seen.keys() if now.get(p) != self.seen.get(p)}
        self.seen = now
        return changed

    def _scan(self) -> dict[Path, tuple[int, int]]:
        found = {}
        for folder in self.folders:
            for directory, subfolders, files in os.walk(folder):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                for name in files:
                    path = Path(directory, name)
                    try:
                        status = path.stat()
                    except OSError:
                        continue
                    found[path] = (status.st_mtime_ns, status.st_size)
        return found


@dataclass
class Rebuilder:
    """Polls the watched folders and rebuilds when the debouncer says so; reports each rebuild."""

    session: PreviewBuild
    watcher: FolderWatcher
    debouncer: Debouncer
    report: Callable[[Outcome], None]
    clock: Callable[[], float] = time.monotonic

    def poll(self) -> Outcome | None:
        now = self.clock()
        if self.watcher.changes():
            self.debouncer.event(now)
        if not self.debouncer.due(now):
            return None
        outcome = self.session.rebuild()
        self.debouncer.ran(self.clock())
        self.report(outcome)
        return outcome


def print_outcome(outcome: Outcome) -> None:
    for diagnostic in (*outcome.errors, *outcome.warnings):
        print(diagnostic.format(), file=sys.stderr)
    if outcome.ok:
        print(f"floke: rebuilt {len(outcome.rendered)} pages in {outcome.seconds:.2f} s", file=sys.stderr)
    else:
        count = len(outcome.errors)
        print(
            f"floke: {count} error{'s' if count != 1 else ''}; the browser shows them until they are fixed",
            file=sys.stderr,
        )


def application(session: PreviewBuild, port: int) -> web.Application:
    LiveReloadHandler.watcher = Watcher()
    LiveReloadHandler.live_css = False
    return web.Application(
        [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload\.js", LiveReloadJSHandler),
            (r"(/.*)", PreviewHandler, {"session": session, "port": port}),
        ]
    )


def reload_again(outcome: Outcome) -> bool:
    """Whether browsers must load again when a rebuild ends. They were reloaded when the edited
    record's page was written (outcome.first); again only if a page or a theme file changed after
    that, or the rebuild failed (the error page)."""
    if not outcome.first or not outcome.ok:
        return True
    shown_first = {output_path(url) for url in outcome.first}
    return any(
        path not in shown_first and (path.endswith(".html") or path.startswith("static/"))
        for path in (*outcome.written, *outcome.removed)
    )


def reloading_poll(rebuilder: Rebuilder, loop: ioloop.IOLoop) -> Callable[[], Awaitable[None]]:
    """One poll of the watched folders, run on a worker thread; browsers reload when the edited
    page is written, and again when the rebuild ends if more changed."""

    def reload() -> None:
        LiveReloadHandler.reload_waiters("*")

    rebuilder.session.on_first = lambda written: loop.add_callback(reload)

    async def poll() -> None:
        outcome = await loop.run_in_executor(None, rebuilder.poll)
        if outcome is not None and reload_again(outcome):
            reload()

    return poll


def serve(session: PreviewBuild, host: str, port: int, watched: Iterable[Path]) -> None:
    """Build, then serve and rebuild until interrupted.

    Rebuilds run on a worker thread, so the server answers while one runs: the browser reloaded
    for the edited record's page gets it while the rest of the site is still being rebuilt.
    """
    print_outcome(session.rebuild())
    rebuilder = Rebuilder(session, FolderWatcher(tuple(watched)), Debouncer(), print_outcome)
    application(session, port).listen(port, address=host)
    ioloop.PeriodicCallback(reloading_poll(rebuilder, ioloop.IOLoop.current()), POLL_SECONDS * 1000).start()
    print(f"floke: previewing on http://{host}:{port}/ (Ctrl+C stops)", file=sys.stderr)
    try:
        ioloop.IOLoop.current().start()
    except KeyboardInterrupt:
        print("floke: preview stopped", file=sys.stderr)
