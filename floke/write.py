"""Stage 6, write: put the files in a staging folder beside the output, then swap it in at once.

A failed or killed build never touches the previous site: until the swap, the new files live
in a hidden sibling folder; the swap itself is one atomic rename (renameat2 RENAME_EXCHANGE on
Linux). A lock file keeps two builds from writing the same output at the same time.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from floke.model import OutputFile

MARKER = ".floke-output"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """The output folder cannot be written; the message says why and what to do."""


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock for this output folder, or fail at once if another build has it."""
    lock_path = output.parent / f".{output.name}.lock"
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise OutputError(cannot_write(output, exc)) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise OutputError(
                f"another floke build (process {holder}) is writing to {output}; "
                "wait for it to finish, then build again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def check_output_folder(output: Path, content: Path) -> None:
    """Refuse outputs whose replacement would destroy something that is not a floke site."""
    resolved = output.resolve()
    if resolved == Path(resolved.anchor) or content.resolve().is_relative_to(resolved):
        raise OutputError(f"refusing to build into {output}: it holds the content; choose another --output")
    if resolved.exists() and not resolved.is_dir():
        raise OutputError(f"{output} is a file, not a folder; choose another --output")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / MARKER).exists():
        raise OutputError(
            f"{output} already holds files that floke did not write; empty it or choose another --output"
        )


def write_site(
    files: Iterable[OutputFile], output: Path, before_swap: Callable[[Path], None] | None = None
) -> int:
    """Write every file into a fresh staging folder, run before_swap on it, then swap it in."""
    try:
        return _write_and_swap(files, output, before_swap)
    except OSError as exc:  # a full disk, a read-only folder: the previous site is still in place
        raise OutputError(cannot_write(output, exc)) from None


def cannot_write(output: Path, exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"cannot write {output}: {exc.strerror or exc}{where}; the previous site is unchanged"


def _write_and_swap(
    files: Iterable[OutputFile], output: Path, before_swap: Callable[[Path], None] | None
) -> int:
    _recover_interrupted_swap(output)
    _remove_stale_staging(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.staging-", dir=output.parent))
    try:
        staging.chmod(0o755)
        count = 0
        for file in files:
            target = staging / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.data)
            count += 1
        (staging / MARKER).write_text("This folder is written by floke; it is replaced on every build.\n")
        if before_swap is not None:
            before_swap(staging)
        _swap_in(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


def _swap_in(staging: Path, output: Path) -> None:
    """Make staging the output; afterwards staging holds the previous site (or nothing)."""
    if not output.exists():
        staging.rename(output)
        return
    if _rename_exchange(staging, output):
        return
    # Without an atomic exchange: keep the old site under a recognisable name until the new one is in.
    old = output.parent / f".{output.name}.previous"
    shutil.rmtree(old, ignore_errors=True)
    output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def _rename_exchange(a: Path, b: Path) -> bool:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _recover_interrupted_swap(output: Path) -> None:
    """A build killed between the two fallback renames left the old site aside: put it back."""
    old = output.parent / f".{output.name}.previous"
    if old.is_dir() and not output.exists():
        old.rename(output)


def _remove_stale_staging(output: Path) -> None:
    """Staging folders of builds that were killed (we hold the lock, so none is in use)."""
    for stale in output.parent.glob(f".{output.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
