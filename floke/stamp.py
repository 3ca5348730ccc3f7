"""Whether a build would change nothing: a stamp of its inputs and of the output it wrote.

After a build, the stamp (in the build cache folder) keeps a digest of every input (each content,
template and static file by its bytes, floke's code and its libraries' versions, the options, the
date the build took as today and the content's git commit), the state of every output file (size
and time) and what the build reported. A build whose inputs give the same digest, into an output
folder still exactly as that build left it, would write the same bytes: it replays the report
and stops. Anything else, a missing or unreadable stamp included, is a full build. A failed build
leaves both the output and the stamp as they were, so the stamp still describes the output.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import stat
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from floke.buildcache import code_version
from floke.diagnostics import Report
from floke.langshare import LanguageStats

# The libraries whose versions change what a build writes.
LIBRARIES = ("jinja2", "markdown", "nh3", "babel", "pyyaml", "pagefind", "pagefind-bin")
FileState = tuple[int, int]  # size, modification time in nanoseconds


@dataclass(frozen=True)
class Stamp:
    inputs: str  # digest of everything the build read
    output: dict[str, FileState]  # every file of the output folder as the build left it
    report: Report
    pages: int
    files: int
    language: LanguageStats


def input_digest(folders: Iterable[Path], settings: Iterable[object]) -> str:
    """A digest of every file under the folders (path and bytes) and of the settings given."""
    digest = hashlib.sha256(repr([code_version(), *map(_version, LIBRARIES), *settings]).encode())
    for folder in folders:
        digest.update(f"\0folder {folder.resolve()}\0".encode())
        for path in _files(folder):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(_file_digest(path))
    return digest.hexdigest()


def folder_state(folder: Path) -> dict[str, FileState]:
    """Size and time of every file below folder (a file that vanishes meanwhile is left out)."""
    state = {}
    for path in _files(folder):
        with suppress(OSError):
            status = path.stat()
            state[path.relative_to(folder).as_posix()] = (status.st_size, status.st_mtime_ns)
    return state


def read_stamp(path: Path) -> Stamp | None:
    try:
        with path.open("rb") as stream:
            stamp = pickle.load(stream)
    except Exception:  # missing, damaged or written by another floke: build
        return None
    return stamp if isinstance(stamp, Stamp) else None


def write_stamp(path: Path, stamp: Stamp) -> None:
    """Keep the stamp; a folder that cannot be written means the next build is a full one."""
    try:
        path.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".stamp-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(stamp, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _files(folder: Path) -> list[Path]:
    """Every file below folder, hidden ones too (a theme publishes static/.well-known/)."""
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders.sort()
        found += [Path(directory, n) for n in sorted(names)]
    return found


def _file_digest(path: Path) -> bytes:
    """The SHA-256 of a regular file's bytes; a pipe or device is never read (it could block), and
    counts as changed on every build, so a folder holding one is always built (load.py refuses it)."""
    try:
        if stat.S_ISREG(path.stat().st_mode):
            return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        pass
    return os.urandom(32)


def _version(name: str) -> Any:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None
