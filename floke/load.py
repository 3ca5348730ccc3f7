"""Stage 1, load: read content files into RawRecords (front matter data, body, key lines).

Everything that can go wrong with a file as a file (size, encoding, links out of content/,
front matter fences, YAML syntax) is reported here; field values are validate.py's business.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from floke.cleantext import clean_record
from floke.diagnostics import Report
from floke.memo import NO_MEMO, Memo
from floke.model import Origin, RawRecord, RecordKind
from floke.yamlsource import YamlProblem, parse_yaml

MAX_FILE_BYTES = 1_000_000
RECORD_FOLDERS: dict[str, RecordKind] = {"projects": "project", "news": "news", "pages": "page"}


@dataclass
class LoadedContent:
    site: RawRecord | None = None
    agencies: RawRecord | None = None
    records: dict[RecordKind, list[RawRecord]] = field(
        default_factory=lambda: {"project": [], "news": [], "page": []}
    )


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def load_content(content_dir: Path, report: Report, memo: Memo = NO_MEMO) -> LoadedContent:
    loaded = LoadedContent()
    for name, kind in (("site.yaml", "site"), ("agencies.yaml", "agencies")):
        path = content_dir / name
        raw = memo.file(path, lambda r, p=path, k=kind: _load_yaml_file(content_dir, p, k, r), report)
        setattr(loaded, kind, raw)
    for folder, kind in RECORD_FOLDERS.items():
        for path in record_files(content_dir / folder):
            record = memo.file(path, lambda r, p=path, k=kind: load_record(content_dir, p, k, r), report)
            if record is not None:
                loaded.records[kind].append(record)
    return loaded


def record_files(folder: Path) -> list[Path]:
    """Markdown files of a record folder, sorted; editors' hidden and backup files are skipped."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix == ".md" and not path.name.startswith((".", "#", "~"))
    )


def load_record(content_dir: Path, path: Path, kind: RecordKind, report: Report) -> RawRecord | None:
    shown = display_path(path)
    text = read_text(content_dir, path, shown, report)
    if text is None:
        return None
    lines = text.split("\n")
    if not text.strip():
        report.error(shown, 1, "the file is empty; a record starts with front matter between two --- lines")
        return None
    if lines[0].rstrip() != "---":
        report.error(shown, 1, "the file does not start with front matter; its first line must be ---")
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        report.error(shown, 1, "the front matter is not closed; add a line --- after the last field")
        return None
    try:
        parsed = parse_yaml("\n".join(lines[1:closing]), first_line=2)
    except YamlProblem as problem:
        report.error(shown, problem.line, problem.message)
        return None
    if not isinstance(parsed.data, dict):
        report.error(shown, 2, "the front matter must be fields written as `key: value` lines")
        return None
    record = RawRecord(
        kind=kind,
        origin=Origin(shown, parsed.lines, first_line=1),
        stem=path.stem,
        data=parsed.data,
        body="\n".join(lines[closing + 1 :]),
        body_line=closing + 2,
    )
    return clean_record(record, report)


def _load_yaml_file(content_dir: Path, path: Path, kind: RecordKind, report: Report) -> RawRecord | None:
    if not path.exists():
        return None
    shown = display_path(path)
    text = read_text(content_dir, path, shown, report)
    if text is None:
        return None
    try:
        parsed = parse_yaml(text)
    except YamlProblem as problem:
        report.error(shown, problem.line, problem.message)
        return None
    data = {} if parsed.data is None else parsed.data
    if not isinstance(data, dict):
        report.error(shown, 1, "the file must be a set of `key: value` entries")
        return None
    record = RawRecord(kind=kind, origin=Origin(shown, parsed.lines), stem=path.stem, data=data)
    return clean_record(record, report)


def read_text(content_dir: Path, path: Path, shown: str, report: Report) -> str | None:
    """The file as text with \\n line ends, or None after reporting why it can't be used."""
    if not path.resolve().is_relative_to(content_dir.resolve()):
        report.error(
            shown,
            1,
            f"the file links to {path.resolve()}, outside the content folder; "
            "copy the file in instead of linking to it",
        )
        return None
    if not path.is_file():
        report.error(shown, 1, "not a regular file")
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        report.error(
            shown,
            1,
            f"the file is {size / 1_000_000:.1f} MB; a content file may be at "
            f"most {MAX_FILE_BYTES // 1_000_000} MB",
        )
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.error(
            shown,
            line,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} "
            "cannot be read); save it with UTF-8 encoding",
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
