"""Characters that must not reach a page, caught as a file is loaded.

Control characters (and lone surrogates, which YAML escapes like "\\ud800" can produce) cannot
be shown, break XML feeds and crash UTF-8 encoding: they are errors. Unicode direction controls
(the bidi embeddings, overrides and isolates, U+202A-U+202E and U+2066-U+2069) can make a title
read in a misleading order (a "Trojan Source" trick); they are removed with a warning, so a
published page never carries one. Numbers must be finite (.nan and .inf are not data).
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Any

from floke.diagnostics import Report
from floke.model import KeyPath, RawRecord
from floke.schema_messages import field_name

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def control_character_message(char: str) -> str:
    return f"contains the control character U+{ord(char):04X}, which cannot be shown on a page; remove it"


def clean_record(raw: RawRecord, report: Report) -> RawRecord:
    """The record with direction controls removed; control characters reported (and replaced)."""
    checker = _Checker(raw, report)
    data = checker.value(raw.data, ())
    body = checker.body(raw.body)
    return dataclasses.replace(raw, data=data, body=body)


@dataclasses.dataclass
class _Checker:
    raw: RawRecord
    report: Report

    def value(self, value: Any, path: KeyPath) -> Any:
        if isinstance(value, str):
            return self.text(value, path)
        if isinstance(value, dict):
            return {self.text(k, (*path, k)): self.value(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(item, (*path, i)) for i, item in enumerate(value)]
        if isinstance(value, float) and not math.isfinite(value):
            self.error(path, f'"{field_name(path)}" must be a finite number, not {value}')
        return value

    def text(self, text: str, path: KeyPath) -> str:
        if bad := FORBIDDEN.search(text):
            self.error(path, f'"{field_name(path)}" {control_character_message(bad.group())}')
            text = FORBIDDEN.sub("\ufffd", text)
        if found := BIDI_CONTROLS.findall(text):
            self.warn(self.raw.origin.line(*path), f'from "{field_name(path)}"', found)
            text = BIDI_CONTROLS.sub("", text)
        return text

    def body(self, body: str) -> str:
        if bad := FORBIDDEN.search(body):
            line = self.raw.body_line + body.count("\n", 0, bad.start())
            message = f"the text {control_character_message(bad.group())}"
            self.report.error(self.raw.origin.path, line, message)
            body = FORBIDDEN.sub("\ufffd", body)
        if bad := BIDI_CONTROLS.search(body):
            line = self.raw.body_line + body.count("\n", 0, bad.start())
            self.warn(line, "from the text", BIDI_CONTROLS.findall(body))
            body = BIDI_CONTROLS.sub("", body)
        return body

    def error(self, path: KeyPath, message: str) -> None:
        self.report.error(self.raw.origin.path, self.raw.origin.line(*path), message)

    def warn(self, line: int, where: str, found: list[str]) -> None:
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
        self.report.warning(
            self.raw.origin.path,
            line,
            f"removed the invisible direction control(s) {codes} {where}; "
            "they can make text read in a misleading order",
            kind="text",
        )
