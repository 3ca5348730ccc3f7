"""Which commit the content was built from: an input of the build, never the clock."""

from __future__ import annotations

import subprocess
from pathlib import Path


def source_commit(content: Path) -> str | None:
    """The commit id checked out where the content folder is, or None outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "-C", str(content), "rev-parse", "--verify", "--quiet", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else None
