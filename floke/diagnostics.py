"""Errors and warnings about content, collected across a whole run and printed together."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
# Messages quote what editors wrote; a key with a line break must not split the message in two.
_ESCAPED = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))} | {
    0x0A: "\\n",
    0x0D: "\\r",
    0x09: "\\t",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, pinned to a file and line (1-based)."""

    path: str
    line: int
    message: str
    severity: Severity = "error"
    kind: str = "content"

    def format(self) -> str:
        """One line, whatever the content: line breaks and control characters are shown escaped."""
        return f"{self.path}:{self.line}: {self.severity}: {self.message}".translate(_ESCAPED)


@dataclass
class Report:
    """Collects every diagnostic of a run so that all of them are shown at once."""

    items: list[Diagnostic] = field(default_factory=list)
    silenced: int = 0  # warnings dropped because site.yaml ignores their kind

    def error(self, path: str, line: int, message: str, kind: str = "content") -> None:
        self.items.append(Diagnostic(path, line, message, "error", kind))

    def warning(self, path: str, line: int, message: str, kind: str) -> None:
        self.items.append(Diagnostic(path, line, message, "warning", kind))

    @property
    def errors(self) -> list[Diagnostic]:
        return sorted((d for d in self.items if d.severity == "error"), key=_position)

    @property
    def warnings(self) -> list[Diagnostic]:
        return sorted((d for d in self.items if d.severity == "warning"), key=_position)

    def silence(self, kinds: tuple[str, ...]) -> int:
        """Drop the warnings of kinds the site has chosen to ignore; returns how many were dropped."""
        kept = [d for d in self.items if d.severity == "error" or d.kind not in kinds]
        dropped = len(self.items) - len(kept)
        self.items = kept
        return dropped

    def promote_warnings(self) -> None:
        """--strict: every warning becomes an error."""
        self.items = [Diagnostic(d.path, d.line, d.message, "error", d.kind) for d in self.items]

    def warning_summary(self) -> str:
        counts = Counter(d.kind for d in self.warnings)
        return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))


def _position(diagnostic: Diagnostic) -> tuple[str, int]:
    """File and line order; findings on one line keep the order they were found in."""
    return (diagnostic.path, diagnostic.line)


class ContentError(Exception):
    """Raised by a stage when the content has errors; the report holds them."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{len(report.errors)} error(s) in content")
        self.report = report


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' hint for an unknown id, or '' when nothing is close."""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def quoted_list(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))
